"""Compile every .py file under a folder (nothing is executed or written); print a JSON report.

    python compile_all.py FOLDER  ->  {"files": N, "failures": [{"file": ..., "type": ..., "message": ...}]}

Run by the benchmark in a subprocess with a time limit; standard library only.
"""

import json
import sys
from pathlib import Path


def main() -> None:
    folder = Path(sys.argv[1])
    files = sorted(folder.rglob("*.py"))
    failures = []
    for path in files:
        try:
            compile(path.read_bytes(), str(path.relative_to(folder)), "exec", dont_inherit=True)
        except (SyntaxError, ValueError) as exc:
            failures.append({"file": str(path.relative_to(folder)), "type": type(exc).__name__, "message": str(exc)})
    print(json.dumps({"files": len(files), "failures": failures}))


if __name__ == "__main__":
    main()
