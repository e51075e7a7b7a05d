"""Reruns the differential scenario and rewrites examples/firecrawl/differences.toml and the
table of examples/firecrawl/README.md from what it finds:

    make differences    (or: .venv/bin/python -m tests.differential.refresh)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from . import listing
from .compare import differences, run_everything


def main() -> None:
    with tempfile.TemporaryDirectory() as work:
        run = run_everything(Path(work))
    current = listing.load()
    found = differences(run.observed, run.type_errors, set(current.ignored_fields))
    listing.write(current, found, list(run.observed))
    listing.rewrite_readme(run.observed, listing.load())
    unexplained = [key for key, reason in listing.load().reasons.items() if reason.startswith(listing.UNEXPLAINED)]
    print(f"{len(found)} differences in {listing.DIFFERENCES}; {len(unexplained)} without a reason yet")
    for site, kind in unexplained:
        print(f"  {site} ({kind})", file=sys.stderr)


if __name__ == "__main__":
    main()
