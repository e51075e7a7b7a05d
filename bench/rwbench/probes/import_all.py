"""Import a package and every module in it; print a JSON report.

    python import_all.py ROOT PACKAGE  ->  {"modules": N, "failures": [{"module": ..., "type": ..., "message": ...}]}

ROOT is the folder that holds PACKAGE. Modules are found with pkgutil.walk_packages, so a
subpackage that fails to import is a failure and its modules are not reached. Run by the benchmark
in a subprocess with a time limit; standard library only.
"""

import importlib
import json
import pkgutil
import sys


def failure(module: str, exc: BaseException) -> dict[str, str]:
    return {"module": module, "type": type(exc).__name__, "message": str(exc)}


def main() -> None:
    root, package = sys.argv[1], sys.argv[2]
    sys.path.insert(0, root)
    failures = []
    modules = 1
    try:
        top = importlib.import_module(package)
    except BaseException as exc:  # noqa: BLE001 - SystemExit or RecursionError from generated code counts too
        failures.append(failure(package, exc))
    else:
        walk_errors: list[str] = []
        for info in pkgutil.walk_packages(top.__path__, prefix=package + ".", onerror=walk_errors.append):
            modules += 1
            try:
                importlib.import_module(info.name)
            except BaseException as exc:  # noqa: BLE001
                failures.append(failure(info.name, exc))
        reported = {entry["module"] for entry in failures}
        failures.extend(
            {"module": name, "type": "ImportError", "message": "subpackage failed to import"}
            for name in walk_errors
            if name not in reported
        )
    print(json.dumps({"modules": modules, "failures": failures}))


if __name__ == "__main__":
    main()
