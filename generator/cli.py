"""Command line: `python -m generator generate|check SPEC --output DIR`, `diff OLD NEW`."""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .diff import diff_specs, markdown, to_json
from .errors import GeneratorError
from .format import GeneratedCodeError
from .load import LoadOptions
from .pipeline import Generated, generate_files
from .write import compare, write_project

EXIT_OK = 0
EXIT_STALE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m generator",
        description="Generate a typed Python client (httpx + pydantic) from an OpenAPI 3.0/3.1 spec.",
        epilog="Exit status: 0 success, 1 stale client (check) or a --fail-on match (diff), "
        "2 bad input or output folder, 3 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"clientgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in (
        ("generate", "write the client project into the output folder"),
        ("check", "exit 1, listing the files, when the output folder is not what generate would write"),
    ):
        command = commands.add_parser(name, help=help_text, description=help_text)
        command.add_argument("spec", type=Path, metavar="SPEC", help="OpenAPI spec file (YAML or JSON)")
        command.add_argument("--output", "-o", type=Path, required=True, metavar="DIR", help="project folder")
        command.add_argument("--package-name", metavar="NAME", help="Python package name (default: from the title)")
        command.add_argument("--strict", action="store_true", help="treat spec warnings as errors")
        command.add_argument(
            "--allow-remote-refs", action="store_true", help="fetch $refs to http(s) URLs (refused by default)"
        )
        command.add_argument(
            "--allow-external-files",
            action="store_true",
            help="follow $refs to files outside the spec's folder (refused by default)",
        )
        command.add_argument(
            "--templates",
            type=Path,
            metavar="DIR",
            help="templates that replace the built-in ones of the same relative path (docs/templates.md)",
        )
        command.add_argument(
            "--no-tests",
            dest="with_tests",
            action="store_false",
            help="leave out the contract tests (tests/) of the generated project",
        )
        command.add_argument("--quiet", "-q", action="store_true", help="print errors only")
        command.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)
        if name == "generate":
            command.add_argument(
                "--changelog-from",
                type=Path,
                metavar="OLD_SPEC",
                help="the spec the output folder was built from: bump the package version as the spec "
                "diff suggests and put its report at the top of CHANGELOG.md",
            )
    _add_diff_command(commands)
    return parser


def _add_diff_command(commands: Any) -> None:
    help_text = "what changed between two versions of a spec, on the wire and in the generated package"
    command = commands.add_parser("diff", help=help_text, description=help_text)
    command.add_argument("old", type=Path, metavar="OLD", help="the spec the committed client was built from")
    command.add_argument("new", type=Path, metavar="NEW", help="the new version of the spec")
    command.add_argument("--format", choices=("markdown", "json"), default="markdown", help="default: markdown")
    command.add_argument(
        "--fail-on",
        choices=("breaking", "any"),
        help="exit 1 when a change breaks users of the generated client (breaking) or on any change (any)",
    )
    command.add_argument("--package-name", metavar="NAME", help="Python package name (default: from OLD's title)")
    command.add_argument("--allow-remote-refs", action="store_true", help="fetch $refs to http(s) URLs")
    command.add_argument("--allow-external-files", action="store_true", help="follow $refs outside the spec's folder")
    command.add_argument("--debug", action="store_true", help=argparse.SUPPRESS)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    started = time.perf_counter()
    try:
        options = LoadOptions(allow_remote_refs=args.allow_remote_refs, allow_external_files=args.allow_external_files)
        if args.command == "diff":
            return _diff(args, options)
        generated = generate_files(
            args.spec,
            package_name=args.package_name,
            strict=args.strict,
            options=options,
            previous=args.output,
            changelog_from=getattr(args, "changelog_from", None),
            templates=args.templates,
            with_tests=args.with_tests,
        )
        if not args.quiet:
            for warning in generated.warnings:
                print(f"warning: {warning}", file=sys.stderr)
        if args.command == "check":
            return _check(generated, args.output, args.quiet)
        result = write_project(generated.files, args.output)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("error: interrupted; the output folder is unchanged", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (GeneratedCodeError, Exception) as exc:  # a bug: one line, the traceback on request
        if args.debug:
            traceback.print_exc()
        print(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=sys.stderr)
        return EXIT_INTERNAL
    if not args.quiet:
        api = generated.api
        print(
            f"generated {api.package_name} from {args.spec}: {_count(len(api.operations), 'operation')} in "
            f"{_count(len(api.resources), 'resource')}, {_count(len(api.models), 'model')}, "
            f"{_count(len(generated.files), 'file')} ({len(result.written)} written, {len(result.unchanged)} unchanged"
            f"{f', {len(result.removed)} removed' if result.removed else ''}) in "
            f"{time.perf_counter() - started:.2f} s -> {args.output}"
        )
    return EXIT_OK


def _diff(args: argparse.Namespace, options: LoadOptions) -> int:
    report = diff_specs(args.old, args.new, package_name=args.package_name, options=options)
    sys.stdout.write(to_json(report) if args.format == "json" else markdown(report))
    failed = (args.fail_on == "breaking" and report.breaking) or (args.fail_on == "any" and report.changes)
    return EXIT_STALE if failed else EXIT_OK


def _check(generated: Generated, output: Path, quiet: bool) -> int:
    comparison = compare(generated.files, output)
    if comparison.up_to_date:
        if not quiet:
            print(f"{output} is up to date ({len(generated.files)} files)")
        return EXIT_OK
    print(f"{output} is stale; regenerate it:", file=sys.stderr)
    for label, paths in (("changed", comparison.stale), ("missing", comparison.missing), ("extra", comparison.extra)):
        for path in paths:
            print(f"  {label}: {path}", file=sys.stderr)
    return EXIT_STALE


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
