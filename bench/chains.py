"""How generation time grows with chains of `$ref`s: aliases (A0 -> A1 -> ... -> a model) and
models (each with a field of the next), at N and 2N links.

    .venv/bin/python bench/chains.py [--aliases 15000] [--models 1000] [--runs 3]

Each figure is the median of `--runs` in-process generations (load to format, no writing); the
ratio of 2N to N is about 2 when the time grows linearly, 4 when it grows with the square.
Models nest in the IR as deep as their chain: beyond about 4,000 the spec is refused as nested
too deeply.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from generator.pipeline import generate_files


def chain(kind: str, links: int) -> dict[str, object]:
    """A spec of `links` schemas of `kind` (alias or model), each referring to the next."""
    ref = "#/components/schemas/{}{}".format
    if kind == "alias":
        schemas: dict[str, object] = {f"A{i}": {"$ref": ref("A", i + 1)} for i in range(links)}
        end = f"A{links}"
    else:
        schemas = {f"M{i}": {"type": "object", "properties": {"next": {"$ref": ref("M", i + 1)}}} for i in range(links)}
        end = f"M{links}"
    schemas[end] = {"type": "object", "properties": {"name": {"type": "string"}}}
    first = ref(end[0], 0)
    response = {"description": "ok", "content": {"application/json": {"schema": {"$ref": first}}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "Chain", "version": "1"},
        "paths": {"/x": {"get": {"responses": {"200": response}}}},
        "components": {"schemas": schemas},
    }


def seconds(spec: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        generate_files(spec)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--aliases", type=int, default=15_000, help="N for the chain of aliases (default: 15000)")
    parser.add_argument("--models", type=int, default=1_000, help="N for the chain of models (default: 1000)")
    parser.add_argument("--runs", type=int, default=3, help="generations per figure (default: 3)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        for kind, links in (("alias", args.aliases), ("model", args.models)):
            figures = []
            for count in (links, 2 * links):
                spec = Path(folder) / f"{kind}{count}.json"
                spec.write_text(json.dumps(chain(kind, count)))
                figures.append(seconds(spec, args.runs))
            print(
                f"{kind} chain: {links} links {figures[0]:.2f} s, {2 * links} links {figures[1]:.2f} s,"
                f" ratio {figures[1] / figures[0]:.2f}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
