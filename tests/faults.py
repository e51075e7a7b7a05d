"""Run clientgen and kill it at its Nth change to the file system, as SIGKILL would at that
moment: nothing cleaned up, no handler run.

    python -m tests.faults N ARGS...   # killed (exit 137) just before change N; N = 0: not killed

Changes are the calls that create, replace, rename or remove a file or folder in the current
folder (the repository the command runs in: not a cache of the user's, whose use varies from
run to run). At exit (when not killed) the count of changes made is written to the file named
by $FAULTS_COUNT, if set."""

from __future__ import annotations

import builtins
import io
import os
import sys
import threading
from collections.abc import Callable
from typing import Any

KILLED = 137

_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _here(path: Any, *args: Any, dir_fd: int | None = None, **kwargs: Any) -> bool:
    """Whether a call changes the current folder: a path in it, or one relative to a folder's
    handle (shutil.rmtree works so, on the folders it was given)."""
    if dir_fd is not None:
        return True
    if isinstance(path, int):
        return False
    return os.path.abspath(os.fsdecode(path)).startswith(_FOLDER)


def _opens_for_writing(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> bool:
    return any(letter in mode for letter in "wax+") and _here(file)


def _os_opens_for_writing(path: Any, flags: int, *args: Any, **kwargs: Any) -> bool:
    return bool(flags & _WRITE_FLAGS) and _here(path, **kwargs)


_FOLDER = os.getcwd() + os.sep


class _Changes:
    def __init__(self, kill_at: int) -> None:
        self.kill_at = kill_at
        self.count = 0
        self.lock = threading.Lock()

    def counted(self, function: Callable[..., Any], changes: Callable[..., bool] = _here) -> Any:
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if changes(*args, **kwargs):
                with self.lock:
                    self.count += 1
                    if self.count == self.kill_at:
                        os._exit(KILLED)
            return function(*args, **kwargs)

        return wrapper


def main() -> int:
    changes = _Changes(int(sys.argv[1]))
    for name in ("replace", "rename", "unlink", "remove", "rmdir", "mkdir", "link", "symlink"):
        setattr(os, name, changes.counted(getattr(os, name)))
    os.open = changes.counted(os.open, _os_opens_for_writing)
    real_open = io.open
    io.open = builtins.open = changes.counted(io.open, _opens_for_writing)

    from generator.cli import main as clientgen

    try:
        return clientgen(sys.argv[2:], prog="clientgen")
    finally:
        if "FAULTS_COUNT" in os.environ:
            count = changes.count
            with real_open(os.environ["FAULTS_COUNT"], "w") as file:
                file.write(str(count))


if __name__ == "__main__":
    sys.exit(main())
