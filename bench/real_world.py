"""Clientgen and openapi-python-client on real-world specs: the APIs.guru directory and GitHub.

    .venv/bin/python bench/real_world.py [--sample N] [--seed S] [--all] [--mypy-sample M]
                                         [--only-ours] [--no-github] [--spec PATH...] [--cache DIR]

Downloads the pinned corpora and openapi-python-client into the cache folder (never into the
repository), generates a client per spec with each generator, checks every operation is there,
that every file compiles, that every module imports and (on a sample) that mypy --strict is clean,
then prints both generators side by side, the failures grouped by reason, and the path of a JSON
report. bench/README.md says what each figure means.
"""

from __future__ import annotations

import sys

from rwbench.cli import main

if __name__ == "__main__":
    sys.exit(main())
