"""Performance of clientgen, side by side with openapi-python-client, figures from one run.

    .venv/bin/python bench/performance.py github [--runs 3]      first generation of GitHub's spec
    .venv/bin/python bench/performance.py regenerate              small spec changes, and check
    .venv/bin/python bench/performance.py firecrawl [--runs 5]    the full Firecrawl v2 spec
    .venv/bin/python bench/performance.py import [--runs 10]      import the GitHub client, create a client
    .venv/bin/python bench/performance.py requests [--count 2000] per-request overhead over plain httpx
    .venv/bin/python bench/performance.py scaling                 10/25/50/100% of GitHub's operations
    .venv/bin/python bench/performance.py graph [--timeout 1200]  Microsoft Graph beta (22,361 operations)
    .venv/bin/python bench/performance.py all

Specs, openapi-python-client 0.29.1 and the interpreter that imports the clients come from the
cache of bench/real_world.py (`~/.cache/clientgen-bench`, downloaded on first use), never from or
into the repository. Wall times include the interpreter's start; memory is the peak resident set
of the largest process of the run. bench/README.md explains each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rwbench import corpus, toolchain
from rwbench.cli import default_cache
from rwbench.generators import OpenapiPythonClient

ROOT = Path(__file__).resolve().parent.parent
FIRECRAWL = ROOT.parent / "shared" / "specs" / "firecrawl" / "v2-openapi.json"
OURS = "clientgen"
THEIRS = "openapi-python-client"


@dataclass(frozen=True)
class Run:
    wall: float
    peak_mb: float


class Failed(RuntimeError):
    """A command that exited with another code than expected, or ran out of time."""


def timed(
    command: Sequence[str | Path],
    *,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    exit_code: int = 0,
    timeout: float | None = None,
) -> Run:
    """Run a command to its end; its wall time and the peak memory of its largest process.

    GNU time reports the memory: a child of this (large) process would inherit its peak."""
    started = time.perf_counter()
    try:
        completed = subprocess.run(
            ["/usr/bin/time", "-f", "%M", *[str(part) for part in command]],
            cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False,
            timeout=timeout,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise Failed(f"stopped after {timeout:.0f} s without finishing") from None
    wall = time.perf_counter() - started
    if completed.returncode != exit_code:
        output = (completed.stdout + completed.stderr).strip().splitlines()
        reason = next((line for line in reversed(output) if "rror" in line), output[-2] if len(output) > 1 else "")
        raise Failed(f"exited {completed.returncode} after {wall:.0f} s: {reason.strip()[:300]}")
    return Run(wall, int(completed.stderr.strip().splitlines()[-1]) / 1024)


class Tools:
    """The two generators, as commands."""

    def __init__(self, cache: Path) -> None:
        self.opc = OpenapiPythonClient(toolchain.opc_bin(cache))

    def ours(
        self,
        spec: Path,
        output: Path,
        command: Sequence[str] = ("generate",),
        *,
        cache: Path | None = None,
        exit_code: int = 0,
        package: str = "github",
    ) -> Run:
        """`cache`: the folder of black's cache (generator/format_cache.py); without it, an empty
        one, as on a machine that never generated the client."""
        arguments = [*command, spec, "--output", output, "--package-name", package, "-q"]
        with tempfile.TemporaryDirectory() as empty:
            return timed(
                [sys.executable, "-m", "generator", *arguments],
                cwd=ROOT, env={**os.environ, "CLIENTGEN_CACHE_DIR": str(cache or empty)}, exit_code=exit_code,
            )  # fmt: skip

    def theirs(self, spec: Path, output: Path) -> Run:
        return timed(self.opc.command(spec, output), env=self.opc.environment())


def github_spec(cache: Path) -> Path:
    return corpus.fetch_npm_package(corpus.GITHUB, cache) / corpus.GITHUB_SPEC


def median(runs: list[Run]) -> float:
    return statistics.median(run.wall for run in runs)


def side_by_side(title: str, ours: list[Run], theirs: list[Run]) -> None:
    print(f"\n{title}")
    print(f"  {'':24}{'median s':>10}{'min s':>8}{'max s':>8}{'peak MB':>9}")
    for name, runs in ((OURS, ours), (THEIRS, theirs)):
        walls = [run.wall for run in runs]
        peak = max(run.peak_mb for run in runs)
        print(f"  {name:24}{median(runs):>10.2f}{min(walls):>8.2f}{max(walls):>8.2f}{peak:>9.0f}")
    print(
        f"  ratio clientgen / openapi-python-client: time {median(ours) / median(theirs):.2f}, "
        f"peak memory {max(r.peak_mb for r in ours) / max(r.peak_mb for r in theirs):.2f}"
    )


def python_lines(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*.py")]
    return len(files), sum(path.read_bytes().count(b"\n") for path in files)


def stages(spec: Path) -> str:
    """Seconds per stage of one in-process generation (write included)."""
    sys.path.insert(0, str(ROOT))
    from generator.pipeline import generate_files
    from generator.write import write_project

    with tempfile.TemporaryDirectory() as scratch:
        os.environ["CLIENTGEN_CACHE_DIR"] = str(Path(scratch) / "cache")  # empty, as for the commands
        generated = generate_files(spec)
        started = time.perf_counter()
        write_project(generated.files, Path(scratch) / "out")
        generated.timings["write"] = time.perf_counter() - started
    return ", ".join(f"{stage} {seconds:.2f}" for stage, seconds in generated.timings.items())


# --- the benchmarks -------------------------------------------------------------------------------


def bench_github(tools: Tools, cache: Path, runs: int) -> None:
    spec = github_spec(cache)
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(runs):  # interleaved, so that a slow spell of the machine hits both
            ours.append(tools.ours(spec, Path(scratch) / f"ours{run}"))
            theirs.append(tools.theirs(spec, Path(scratch) / f"theirs{run}"))
        ours_size, theirs_size = python_lines(Path(scratch) / "ours0"), python_lines(Path(scratch) / "theirs0")
    side_by_side(
        f"GitHub's spec ({spec.stat().st_size / 1e6:.0f} MB), first generation, {runs} runs each", ours, theirs
    )
    print(
        f"  output: clientgen {ours_size[1]:,} lines in {ours_size[0]:,} files; "
        f"openapi-python-client {theirs_size[1]:,} lines in {theirs_size[0]:,} files"
    )
    print(f"  clientgen's stages, in-process, seconds: {stages(spec)}")


def with_added_operation(document: dict[str, Any]) -> dict[str, Any]:
    changed = json.loads(json.dumps(document))
    changed["paths"]["/benchmark/added"] = {
        "get": {
            "operationId": "benchmark/added-operation",
            "tags": ["meta"],
            "summary": "An operation the benchmark adds",
            "responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": {"type": "string"}}}}
            },
        }
    }
    return changed


def with_changed_field(document: dict[str, Any]) -> dict[str, Any]:
    changed = json.loads(json.dumps(document))
    changed["components"]["schemas"]["simple-user"]["properties"]["benchmark_field"] = {"type": "string"}
    return changed


def same_trees(first: Path, second: Path) -> bool:
    def files(root: Path) -> dict[str, bytes]:
        return {str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()}

    return files(first) == files(second)


CHECK_RUNS = 5


def bench_regenerate(tools: Tools, cache: Path) -> None:
    spec = github_spec(cache)
    document = json.loads(spec.read_text())
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        output = scratch / "client"
        black_cache = scratch / "black-cache"  # shared by these runs, as by one user's runs
        first = tools.ours(spec, output, cache=black_cache)  # the committed client, before the change
        rows = [("first generation", first)]
        for label, command in (("check", ("check",)), ("check --trust-manifest", ("check", "--trust-manifest"))):
            checks = [tools.ours(spec, output, command, cache=black_cache) for _ in range(CHECK_RUNS)]
            check = Run(median(checks), max(run.peak_mb for run in checks))
            rows.append((f"{label}, spec unchanged (median of {CHECK_RUNS})", check))
        trusted = rows[-1][1]
        edited = output / "github" / "py.typed"  # a file edited by hand: check names it
        edited.write_text("edited")
        rows.append(("check, a file edited", tools.ours(spec, output, ("check",), cache=black_cache, exit_code=1)))
        edited.write_text("")
        for label, change in (("one operation added", with_added_operation), ("one field added", with_changed_field)):
            changed = scratch / f"{change.__name__}.json"
            changed.write_text(json.dumps(change(document), indent=2))  # laid out as the original
            rows.append((f"regenerate, {label}", tools.ours(changed, output, cache=black_cache)))
            fresh = scratch / f"fresh-{change.__name__}"
            tools.ours(changed, fresh)  # black's cache empty: formatted from scratch
            if not same_trees(output, fresh):
                raise RuntimeError(f"regenerating with {label} differs from a fresh generation")
            document = change(document)  # the next change builds on this one
        theirs_output = scratch / "theirs"
        tools.theirs(spec, theirs_output)
        theirs = tools.theirs(scratch / "with_changed_field.json", theirs_output)
    print("\nGitHub's spec, into an existing output folder (byte-identical to a fresh generation)")
    for label, run in rows:
        print(f"  clientgen {label:48}{run.wall:>7.2f} s {run.peak_mb:>6.0f} MB")
    print(f"  check --trust-manifest / first generation: {trusted.wall / first.wall:.3f}")
    print(f"  {'openapi-python-client, regenerate':58}{theirs.wall:>7.2f} s {theirs.peak_mb:>6.0f} MB")


def bench_firecrawl(tools: Tools, runs: int) -> None:
    ours, theirs = [], []
    with tempfile.TemporaryDirectory() as scratch:
        for run in range(runs):
            ours.append(tools.ours(FIRECRAWL, Path(scratch) / f"ours{run}"))
            theirs.append(tools.theirs(FIRECRAWL, Path(scratch) / f"theirs{run}"))
    side_by_side(f"Full Firecrawl v2 spec, fresh generation, {runs} runs each", ours, theirs)
    print(f"  clientgen's stages, in-process, seconds: {stages(FIRECRAWL)}")


IMPORT_PROBE = """
import importlib, sys, time
started = time.perf_counter()
package = importlib.import_module(sys.argv[1])
client = getattr(package, sys.argv[2])(**dict(arg.split("=", 1) for arg in sys.argv[3:]))
print(time.perf_counter() - started)
"""
# What every client built on httpx and pydantic imports: no generated client can go under it.
FLOOR_PROBE = """
import time
started = time.perf_counter()
import httpx, pydantic
print(time.perf_counter() - started)
"""
FLOOR = "import httpx, pydantic"


def compile_like_pip(python: Path, folder: Path) -> None:
    """Bytecode for every module, as `pip install` writes it."""
    subprocess.run([python, "-m", "compileall", "-q", folder], stdout=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""}, check=True)  # fmt: skip


def probe_seconds(python: Path, folder: Path, script: str, arguments: Sequence[str] = ()) -> float:
    """Seconds `script` measures inside a fresh interpreter started in `folder`."""
    out = subprocess.run([python, "-c", script, *arguments], cwd=folder, capture_output=True, text=True,
                         check=True, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})  # fmt: skip
    return float(out.stdout)


def bench_import(tools: Tools, cache: Path, runs: int) -> None:
    spec = github_spec(cache)
    python = toolchain.check_bin(cache) / "python"
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        tools.ours(spec, scratch / "ours")
        tools.theirs(spec, scratch / "theirs")
        for folder in ("ours", "theirs"):
            compile_like_pip(python, scratch / folder)
        (theirs_package,) = [p.name for p in (scratch / "theirs").iterdir() if (p / "__init__.py").is_file()]
        probes = {
            OURS: (scratch / "ours", IMPORT_PROBE, ["github", "Github", "base_url=http://127.0.0.1:9"]),
            THEIRS: (scratch / "theirs", IMPORT_PROBE, [theirs_package, "Client", "base_url=http://127.0.0.1:9"]),
            FLOOR: (scratch, FLOOR_PROBE, []),
        }
        seconds: dict[str, list[float]] = {name: [] for name in probes}
        for _ in range(runs):  # interleaved, so that a slow spell of the machine hits all three
            for name, (folder, script, arguments) in probes.items():
                seconds[name].append(probe_seconds(python, folder, script, arguments))
    print(
        f"\nImport the generated GitHub client (compiled, as installed) and create a client object, "
        f"measured in the process, {runs} runs each"
    )
    for name, values in seconds.items():
        print(
            f"  {name:24}median {statistics.median(values) * 1000:>6.0f} ms  (min {min(values) * 1000:.0f}, "
            f"max {max(values) * 1000:.0f})"
        )
    ours = statistics.median(seconds[OURS])
    print(
        f"  ratio clientgen / openapi-python-client: {ours / statistics.median(seconds[THEIRS]):.2f}; "
        f"clientgen / {FLOOR}: {ours / statistics.median(seconds[FLOOR]):.2f}"
    )


SERVER = """
import asyncio, sys
BODY = b'{"success": true, "data": {"remainingCredits": 1000, "planCredits": 5000}}'
HEAD = b"HTTP/1.1 200 OK\\r\\ncontent-type: application/json\\r\\ncontent-length: %d\\r\\n\\r\\n"
RESPONSE = HEAD % len(BODY) + BODY
async def serve(reader, writer):
    while True:
        head = await reader.readuntil(b"\\r\\n\\r\\n") if not reader.at_eof() else b""
        if not head:
            break
        writer.write(RESPONSE)
        await writer.drain()
    writer.close()
async def main():
    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    print(server.sockets[0].getsockname()[1], flush=True)
    await server.serve_forever()
try:
    asyncio.run(main())
except (KeyboardInterrupt, asyncio.IncompleteReadError):
    pass
"""


def bench_requests(cache: Path, count: int) -> None:
    """GET /team/credit-usage of the full Firecrawl client against a loopback server, and the
    same request with plain httpx (JSON decoded), in alternating blocks."""
    import asyncio

    import httpx

    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        subprocess.run(
            [
                sys.executable,
                "-m",
                "generator",
                "generate",
                FIRECRAWL,
                "--output",
                scratch,
                "--package-name",
                "firecrawl",
                "-q",
            ],
            cwd=ROOT,
            check=True,
        )
        sys.path.insert(0, str(scratch))
        import firecrawl  # type: ignore[import-not-found]

        server = subprocess.Popen([sys.executable, "-c", SERVER], stdout=subprocess.PIPE, text=True)
        try:
            assert server.stdout is not None
            base = f"http://127.0.0.1:{server.stdout.readline().strip()}"
            headers = {"Authorization": "Bearer key"}
            sync_http = httpx.Client()
            client = firecrawl.Firecrawl(api_key="key", base_url=base, http_client=httpx.Client())
            assert client.billing.get_credit_usage().data.remaining_credits == 1000
            sync = compare_blocks(
                lambda: sync_http.get(f"{base}/team/credit-usage", headers=headers).json(),
                client.billing.get_credit_usage,
                count,
            )

            async def async_blocks() -> tuple[float, float]:
                async_http = httpx.AsyncClient()
                async_client = firecrawl.AsyncFirecrawl(api_key="key", base_url=base, http_client=httpx.AsyncClient())
                plain_seconds, ours_seconds = [], []
                for _ in range(BLOCKS):
                    started = time.perf_counter()
                    for _ in range(count // BLOCKS):
                        (await async_http.get(f"{base}/team/credit-usage", headers=headers)).json()
                    plain_seconds.append(time.perf_counter() - started)
                    started = time.perf_counter()
                    for _ in range(count // BLOCKS):
                        await async_client.billing.get_credit_usage()
                    ours_seconds.append(time.perf_counter() - started)
                return per_request(plain_seconds, count), per_request(ours_seconds, count)

            asynchronous = asyncio.run(async_blocks())
        finally:
            server.terminate()
            server.wait()
    print(f"\nPer request, {count} GET requests each on a loopback server (small JSON body), microseconds")
    for label, (plain, ours) in (("sync", sync), ("async", asynchronous)):
        print(
            f"  {label:6} httpx {plain * 1e6:>7.0f}   clientgen {ours * 1e6:>7.0f}   overhead {ours / plain - 1:+.0%}"
        )


BLOCKS = 10


def per_request(block_seconds: list[float], count: int) -> float:
    return statistics.median(block_seconds) / (count // BLOCKS)


def compare_blocks(plain: Callable[[], object], ours: Callable[[], object], count: int) -> tuple[float, float]:
    plain_seconds, ours_seconds = [], []
    for _ in range(BLOCKS):
        for call, seconds in ((plain, plain_seconds), (ours, ours_seconds)):
            started = time.perf_counter()
            for _ in range(count // BLOCKS):
                call()
            seconds.append(time.perf_counter() - started)
    return per_request(plain_seconds, count), per_request(ours_seconds, count)


def subset(document: dict[str, Any], fraction: float, seed: int = 1) -> tuple[dict[str, Any], int]:
    """The spec with a seeded random `fraction` of its operations, and only the components they use."""
    operations = [
        (path, method)
        for path, item in document["paths"].items()
        for method in item
        if method in ("get", "put", "post", "delete", "patch", "head", "options", "trace")
    ]
    kept = set(random.Random(seed).sample(operations, round(len(operations) * fraction)))
    paths: dict[str, Any] = {}
    for path, item in document["paths"].items():
        methods = {key: value for key, value in item.items() if (path, key) in kept or key in ("parameters", "summary")}
        if any((path, key) in kept for key in methods):
            paths[path] = methods
    result = {key: value for key, value in document.items() if key not in ("paths", "components")}
    result["paths"] = paths
    components: dict[str, dict[str, Any]] = {}
    pending = [paths]
    while pending:  # every component a kept operation reaches, through any number of $refs
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/components/"):
                _, _, section, name = ref.split("/", 3)
                if name not in components.setdefault(section, {}):
                    components[section][name] = document["components"][section][name]
                    pending.append(components[section][name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    if "securitySchemes" in document.get("components", {}):
        components["securitySchemes"] = document["components"]["securitySchemes"]
    result["components"] = components
    return result, len(kept)


def bench_scaling(tools: Tools, cache: Path) -> None:
    document = json.loads(github_spec(cache).read_text())
    print("\nGitHub's spec cut to a share of its operations (seeded draw, the components they use), fresh generation")
    print(f"  {'share':>6}{'operations':>12}{'clientgen s':>13}{'per 100 ops':>13}{'opc s':>8}{'per 100 ops':>13}")
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        for fraction in (0.1, 0.25, 0.5, 1.0):
            cut, count = subset(document, fraction)
            spec = scratch / f"github-{fraction}.json"
            spec.write_text(json.dumps(cut))
            ours = tools.ours(spec, scratch / f"ours-{fraction}")
            theirs = tools.theirs(spec, scratch / f"theirs-{fraction}")
            print(
                f"  {fraction:>6.0%}{count:>12}{ours.wall:>13.2f}{ours.wall / count * 100:>13.2f}"
                f"{theirs.wall:>8.2f}{theirs.wall / count * 100:>13.2f}"
            )


GRAPH_BETA = "api/microsoft.com/graph-beta.json"
HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


def graph_spec(cache: Path) -> Path:
    return corpus.fetch_npm_package(corpus.DIRECTORY, cache) / GRAPH_BETA


def operation_count(spec: Path) -> int:
    document = json.loads(spec.read_text())
    return sum(1 for item in document["paths"].values() for method in item if method in HTTP_METHODS)


def attempt(label: str, run: Callable[[], Run]) -> str:
    """One row of a comparison: the figures of a run, or how it failed."""
    try:
        result = run()
    except Failed as failure:
        return f"  {label:24}{failure}"
    return f"  {label:24}{result.wall:>8.1f} s {result.peak_mb:>7.0f} MB"


def bench_graph(tools: Tools, cache: Path, timeout: float, runs: int) -> None:
    """Microsoft Graph beta, the largest spec of the directory, against GitHub's in the same run:
    `runs` first generations of each, alternated (a slower minute of the machine weighs on
    both), their medians compared."""
    github, graph = github_spec(cache), graph_spec(cache)
    python = toolchain.check_bin(cache) / "python"
    generator_bin = toolchain.openapi_generator_bin(cache)
    with tempfile.TemporaryDirectory() as scratch_name:
        scratch = Path(scratch_name)
        small_runs, large_runs = [], []
        for _ in range(runs):
            for output in ("github", "graph"):
                shutil.rmtree(scratch / output, ignore_errors=True)
            small_runs.append(tools.ours(github, scratch / "github"))
            large_runs.append(tools.ours(graph, scratch / "graph", package="graph"))
        small = Run(median(small_runs), max(run.peak_mb for run in small_runs))
        large = Run(median(large_runs), max(run.peak_mb for run in large_runs))
        compile_like_pip(python, scratch / "graph")
        imported = probe_seconds(
            python, scratch / "graph", IMPORT_PROBE, ["graph", "Graph", "base_url=http://127.0.0.1:9"]
        )
        files, lines = python_lines(scratch / "graph")
        others = [
            attempt(THEIRS, lambda: timed(tools.opc.command(graph, scratch / "opc"), env=tools.opc.environment(),
                                          timeout=timeout)),
            attempt("OpenAPI Generator 7.26", lambda: timed(
                [generator_bin / "openapi-generator-cli", "generate", "-g", "python", "-i", graph,
                 "-o", scratch / "openapi-generator", "--package-name", "graph"], timeout=timeout)),
        ]  # fmt: skip
    small_ops, large_ops = operation_count(github), operation_count(graph)
    print(
        f"\nMicrosoft Graph beta ({graph.stat().st_size / 1e6:.0f} MB, {large_ops:,} operations) against GitHub's "
        f"spec ({github.stat().st_size / 1e6:.0f} MB, {small_ops:,} operations), first generation, median of {runs}"
        " alternated runs"
    )
    print(f"  clientgen GitHub        {small.wall:>8.1f} s {small.peak_mb:>7.0f} MB")
    print(
        f"  clientgen Graph beta    {large.wall:>8.1f} s {large.peak_mb:>7.0f} MB  ({lines:,} lines in {files:,} files)"
    )
    print(
        f"  ratio Graph / GitHub: time {large.wall / small.wall:.2f} for {large_ops / small_ops:.1f} x the operations "
        f"and {graph.stat().st_size / github.stat().st_size:.1f} x the bytes"
    )
    print(
        f"  per 100 operations: GitHub {small.wall / small_ops * 100:.2f} s, Graph beta "
        f"{large.wall / large_ops * 100:.2f} s"
    )
    print(f"  import the Graph client (compiled) and create a client: {imported * 1000:.0f} ms")
    print(f"  the others on Graph beta (stopped after {timeout:.0f} s):")
    print("\n".join(others))


BENCHMARKS = ("github", "regenerate", "firecrawl", "import", "requests", "scaling", "graph")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench/performance.py", description=__doc__.split("\n")[0])
    parser.add_argument("benchmark", choices=[*BENCHMARKS, "all"])
    parser.add_argument(
        "--runs", type=int, default=None, help="runs per tool (default: 3 for github and graph, 5 firecrawl, 10 import)"
    )
    parser.add_argument("--count", type=int, default=2000, help="requests per side (requests benchmark)")
    parser.add_argument("--cache", type=Path, default=default_cache())
    parser.add_argument("--timeout", type=float, default=1200, help="seconds the others get on Graph beta (graph)")
    args = parser.parse_args(argv)
    tools = Tools(args.cache)
    chosen = list(BENCHMARKS) if args.benchmark == "all" else [args.benchmark]
    described = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True)
    print(f"clientgen {described.stdout.strip()} vs {tools.opc.version()}, on {os.cpu_count()} cores")
    for name in chosen:
        if name == "github":
            bench_github(tools, args.cache, args.runs or 3)
        elif name == "regenerate":
            bench_regenerate(tools, args.cache)
        elif name == "firecrawl":
            bench_firecrawl(tools, args.runs or 5)
        elif name == "import":
            bench_import(tools, args.cache, args.runs or 10)
        elif name == "requests":
            bench_requests(args.cache, args.count)
        elif name == "scaling":
            bench_scaling(tools, args.cache)
        else:
            bench_graph(tools, args.cache, args.timeout, args.runs or 3)
    return 0


if __name__ == "__main__":
    sys.exit(main())
