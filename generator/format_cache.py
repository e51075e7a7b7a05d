"""black's output for each unit it formatted, remembered by that unit, in the user's cache folder.

The key is what the renderer produced: a hash of the exact unit black gets (its indentation
included) and of black's exact release and settings. Nothing is ever read back from an output
folder: its files and its manifest are the user's (a pull request can change both at once), so
they cannot vouch for what the generator would write. Because the unit is the key, a changed
file formats again only its changed units, and a client generated into a new folder reuses
what any earlier generation on this machine formatted.

The folder is `$CLIENTGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/clientgen`, else `~/.cache/clientgen`.
It holds one SQLite database: concurrent runs read and write it safely, each write is one
transaction, and units no run has used for `KEPT_DAYS` are dropped. A cache that cannot be made,
opened, read or written (a read-only home, a corrupt file) is no cache: the units are formatted
again, never an error.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import os
import sqlite3
import time
from collections.abc import Collection, Iterator, Mapping
from contextlib import closing, contextmanager
from pathlib import Path

DATABASE = "format-units.sqlite3"
KEPT_DAYS = 60
_BATCH = 500
"""Keys per query: SQLite's oldest releases take at most 999 parameters."""
_SCHEMA = "CREATE TABLE IF NOT EXISTS units (key TEXT PRIMARY KEY, formatted TEXT NOT NULL, used INTEGER NOT NULL)"


def cache_folder() -> Path | None:
    """Where the cache lives (None: nowhere to put it)."""
    configured = os.environ.get("CLIENTGEN_CACHE_DIR")
    if configured:
        return Path(configured)
    xdg = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(xdg):  # the XDG specification: a relative path is to be ignored
        return Path(xdg) / "clientgen"
    try:
        return Path.home() / ".cache" / "clientgen"
    except RuntimeError:  # no home folder to be found
        return None


def unit_keys(codes: list[str], settings: str) -> list[str]:
    """The key of each unit: black's release and `settings` (its mode, as the caller sets it up)
    decide its output besides the unit itself. The release is the exact one, not the major
    version the manifest records: a cache outlives upgrades."""
    black = f"black {importlib.metadata.version('black')}, {settings}\0"
    return [hashlib.sha256((black + code).encode("utf-8")).hexdigest() for code in codes]


def recall(keys: Collection[str]) -> dict[str, str]:
    """The formatted text of each key the cache holds."""
    found: dict[str, str] = {}
    wanted = sorted(set(keys))
    with _database() as database:
        if database is None or not wanted:
            return found
        today = _today()
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            found.update(database.execute(f"SELECT key, formatted FROM units WHERE key IN ({marks})", batch))
            # used today: kept for another KEPT_DAYS (one write a day per unit, not one per run)
            database.execute(f"UPDATE units SET used = ? WHERE used < ? AND key IN ({marks})", [today, today, *batch])
    return found


def remember(formatted: Mapping[str, str]) -> None:
    """Keep the formatted text of each key, and drop units unused for `KEPT_DAYS`."""
    if not formatted:
        return
    with _database() as database:
        if database is None:
            return
        today = _today()
        database.executemany(
            "INSERT OR REPLACE INTO units (key, formatted, used) VALUES (?, ?, ?)",
            [(key, text, today) for key, text in formatted.items()],
        )
        database.execute("DELETE FROM units WHERE used < ?", [today - KEPT_DAYS])


@contextmanager
def _database() -> Iterator[sqlite3.Connection | None]:
    """The cache's database in one transaction, committed at the end; None when it cannot be
    used, and whatever goes wrong with it is as if there were no cache."""
    folder = cache_folder()
    if folder is None:
        yield None
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(folder / DATABASE, timeout=10)
    except (OSError, sqlite3.Error):
        yield None
        return
    with closing(connection):
        try:
            connection.execute(_SCHEMA)
        except sqlite3.Error:  # not a database, or read-only and still empty
            yield None
            return
        try:
            with connection:  # one transaction: committed when the block ends, rolled back if it fails
                yield connection
        except sqlite3.Error:
            pass


def _today() -> int:
    return int(time.time() // 86_400)
