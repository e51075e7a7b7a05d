"""Time `python -m generator generate` on the full Firecrawl v2 spec, interpreter start included.

    .venv/bin/python bench/generate_firecrawl.py [RUNS]

Prints the median wall time of RUNS fresh generations (new output folder each time), then the
per-stage times of one in-process generation.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT.parent / "shared" / "specs" / "firecrawl" / "v2-openapi.json"


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    walls = []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(runs):
            started = time.perf_counter()
            subprocess.run(
                [sys.executable, "-m", "generator", "generate", str(SPEC), "--output", f"{scratch}/out{run}", "-q"],
                check=True, cwd=ROOT,
            )
            walls.append(time.perf_counter() - started)
    print(f"full Firecrawl v2 spec, {runs} fresh generations: median {statistics.median(walls):.2f} s "
          f"(min {min(walls):.2f}, max {max(walls):.2f}), interpreter start included")
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import generate_files

    generated = generate_files(SPEC)
    stages = ", ".join(f"{stage} {seconds * 1000:.0f} ms" for stage, seconds in generated.timings.items())
    print(f"stages (in-process, warm imports): {stages}")
    lines = sum(data.count(b"\n") for data in generated.files.values())
    print(f"output: {len(generated.files)} files, {lines} lines")


if __name__ == "__main__":
    main()
