"""Command line: `generate|check [SPEC --output DIR]` (or every target of [tool.generator]),
and `diff OLD NEW`."""

from __future__ import annotations

import argparse
import difflib
import json
import math
import re
import sys
import time
import traceback
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import __version__
from .config import Target, find_config, load_targets, select_targets
from .errors import Diagnostic, GeneratorError
from .fetch import RETRIES, TIMEOUT
from .options import POLICIES, ClientOptions, LoadOptions
from .transaction import Transaction, interrupted, locked
from .write import MANIFEST, Comparison, compare, unchanged_since_generated, write_project

if TYPE_CHECKING:
    from .pipeline import Generated

EXIT_OK = 0
EXIT_STALE = 1
EXIT_BAD_INPUT = 2
EXIT_INTERNAL = 3
WARNINGS_PER_KIND = 3
"""Warnings of one kind printed before the rest are counted (all with --verbose)."""


DEBUG_HELP = "on an internal error (exit 3), show its traceback"


class _Command(argparse.ArgumentParser):
    """The parser of a subcommand: an argument it does not know is an error with its own usage
    (argparse leaves unknown arguments to the top-level parser, whose usage says nothing of them)."""

    def parse_known_args(  # type: ignore[override]  # (typeshed's overloads; this is the one argparse calls)
        self, args: Sequence[str] | None = None, namespace: argparse.Namespace | None = None
    ) -> tuple[argparse.Namespace, list[str]]:
        parsed, extras = super().parse_known_args(args, namespace)
        if extras:
            self.error(f"unrecognized arguments: {' '.join(extras)}")
        return parsed, extras


def _parser(prog: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Generate a typed Python client (httpx + pydantic) from an OpenAPI 3.0/3.1/3.2 spec.",
        epilog="Exit status: 0 success, 1 stale client (check) or a --fail-on match (diff), "
        "2 bad input, configuration or output folder, 3 internal error.",
    )
    parser.add_argument("--version", action="version", version=f"clientgen {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", parser_class=_Command)
    for name, help_text in (
        ("generate", "write the client project into the output folder"),
        ("check", "exit 1, listing the files, when the output folder is not what generate would write"),
    ):
        _add_generation_command(commands, name, help_text)
    _add_diff_command(commands)
    _add_update_command(commands)
    _add_targets_command(commands)
    return parser


def _add_generation_command(commands: Any, name: str, help_text: str) -> None:
    """`generate` or `check`: the same options, and each its own few."""
    command = commands.add_parser(
        name,
        help=help_text,
        description=help_text + ". Without SPEC: every target of [tool.generator] in pyproject.toml "
        "(or of --config FILE); options given here override the file's.",
    )
    command.add_argument("spec", type=Path, nargs="?", metavar="SPEC", help="OpenAPI spec file (YAML or JSON)")
    command.add_argument("--output", "-o", type=Path, metavar="DIR", help="project folder")
    command.add_argument("--config", type=Path, metavar="FILE", help="configuration file (default: ./pyproject.toml)")
    command.add_argument(
        "--target", action="append", metavar="NAME", help="only this target of the configuration (repeatable)"
    )
    _add_client_options(command)
    command.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    command.add_argument(
        "--verbose",
        "-v",
        action="store_true",
        help=f"also print the time of each stage, and every warning (not only {WARNINGS_PER_KIND} of each kind)",
    )
    command.add_argument(
        "--warnings-format", choices=("text", "json"), default="text", help="json: one JSON array on stderr"
    )
    command.add_argument("--debug", action="store_true", help=DEBUG_HELP)
    if name == "generate":
        command.add_argument(
            "--versioning",
            choices=POLICIES,
            help="how a spec change named with --changelog-from moves the version (default: zero; README)",
        )
        command.add_argument(
            "--changelog-from",
            type=Path,
            metavar="OLD_SPEC",
            help="the spec the output folder was built from: bump the package version as the spec "
            "diff suggests and put its report at the top of CHANGELOG.md",
        )
    else:
        command.add_argument(
            "--diff", action="store_true", help="also print how each stale file differs (unified diff, on stdout)"
        )
        command.add_argument(
            "--trust-manifest",
            action="store_true",
            help="answer without generating when the manifest records these inputs and every file hashes as it "
            "says: fast, but it trusts the folder (a file and its hash in the manifest can be edited together), "
            "so never in CI on pull requests",
        )


def _add_client_options(command: argparse.ArgumentParser) -> None:
    """The options of `generate` and `check` that a target of the configuration sets too."""
    command.add_argument("--package-name", metavar="NAME", help="Python package name (default: from the title)")
    command.add_argument("--client-name", metavar="NAME", help="client class (default: the package name in CamelCase)")
    command.add_argument(
        "--env-prefix", metavar="PREFIX", help="of the environment variables (default: from the package)"
    )
    # --no-X undoes an X the configuration file turns on; not given: the file decides
    switch = argparse.BooleanOptionalAction
    command.add_argument("--strict", action=switch, help="treat spec warnings as errors")
    command.add_argument("--allow-remote-refs", action=switch, help="fetch $refs to http(s) URLs (refused by default)")
    command.add_argument(
        "--allow-external-files",
        action=switch,
        help="follow $refs to files outside the spec's folder (refused by default)",
    )
    command.add_argument(
        "--overlay", action="append", type=Path, dest="overlays", metavar="FILE",
        help="an OpenAPI Overlay 1.0 file to apply to the spec first (repeatable, in order)",
    )  # fmt: skip
    command.add_argument(
        "--templates",
        type=Path,
        metavar="DIR",
        help="templates that replace the built-in ones of the same relative path (docs/templates.md)",
    )
    command.add_argument(
        "--tests", action=switch, help="write the contract tests (tests/) of the generated project (default: yes)"
    )


def _add_targets_command(commands: Any) -> None:
    help_text = "list the targets of the configuration: for a CI matrix, one runner (and pull request) each"
    command = commands.add_parser("targets", help=help_text, description=help_text)
    command.add_argument("--config", type=Path, metavar="FILE", help="configuration file (default: ./pyproject.toml)")
    command.add_argument(
        "--json",
        action="store_true",
        help="a JSON array: per target its name, spec, source, output and package (null: no spec to read it from)",
    )
    command.add_argument("--debug", action="store_true", help=DEBUG_HELP)


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
    command.add_argument(
        "--target",
        metavar="NAME",
        help="read both specs as this target of the configuration does: its overlays, names, package and client name",
    )
    command.add_argument("--config", type=Path, metavar="FILE", help="configuration file (default: ./pyproject.toml)")
    command.add_argument(
        "--overlay", action="append", type=Path, dest="overlays", metavar="FILE",
        help="an OpenAPI Overlay 1.0 file to apply to both specs first (repeatable, in order; replaces the target's)",
    )  # fmt: skip
    command.add_argument("--allow-remote-refs", action="store_true", help="fetch $refs to http(s) URLs")
    command.add_argument("--allow-external-files", action="store_true", help="follow $refs outside the spec's folder")
    command.add_argument("--debug", action="store_true", help=DEBUG_HELP)


def _add_update_command(commands: Any) -> None:
    help_text = (
        "for each target of the configuration, take the newest spec from its source; when it changed, "
        "replace the committed spec, regenerate the client, bump its version and extend its CHANGELOG.md"
    )
    command = commands.add_parser("update", help=help_text, description=help_text + ". Nothing is written when a spec "
                                  "cannot be fetched or generated, or when no spec changed.")  # fmt: skip
    command.add_argument("--config", type=Path, metavar="FILE", help="configuration file (default: ./pyproject.toml)")
    command.add_argument(
        "--target", action="append", metavar="NAME", help="only this target of the configuration (repeatable)"
    )
    command.add_argument(
        "--from", dest="source", metavar="URL|PATH", help="take the new spec from here instead of the target's source"
    )
    command.add_argument(
        "--pr-body",
        type=Path,
        metavar="FILE",
        help="write a pull request's description of the change here (when a spec changed)",
    )
    command.add_argument(
        "--summary",
        type=Path,
        metavar="FILE",
        help="write a JSON summary here: per target, digests, versions, semver, counts",
    )
    command.add_argument(
        "--timeout", type=_seconds, default=TIMEOUT, metavar="SECONDS",
        help=f"for each attempt at a download, from connecting to the body's last byte, or at reading a pipe; "
        f"all attempts and the waits between them within (retries + 1) times this (default: {TIMEOUT:g})",
    )  # fmt: skip
    command.add_argument(
        "--retries", type=_count_of_retries, default=RETRIES, metavar="N",
        help=f"downloads retried after a 5xx or 429 answer, a dropped or cut-short connection or a timeout "
        f"(default: {RETRIES})",
    )  # fmt: skip
    command.add_argument("--quiet", "-q", action="store_true", help="print errors only")
    command.add_argument(
        "--verbose", "-v", action="store_true", help=f"print every warning (not only {WARNINGS_PER_KIND} of each kind)"
    )
    command.add_argument(
        "--warnings-format", choices=("text", "json"), default="text", help="json: one JSON array on stderr"
    )
    command.add_argument("--debug", action="store_true", help=DEBUG_HELP)


def _seconds(text: str) -> float:
    seconds = float(text)
    if not 0 < seconds < math.inf:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds above 0")
    return seconds


def _count_of_retries(text: str) -> int:
    retries = int(text)
    if retries < 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not 0 or more")
    return retries


def main(argv: Sequence[str] | None = None, prog: str = "python -m generator") -> int:
    args = _parser(prog).parse_args(argv)
    try:
        if args.command == "diff":
            return _diff(args)
        if args.command == "update":
            return _update(args)
        if args.command == "targets":
            return _list_targets(args)
        targets = _targets(args)
    except GeneratorError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # GeneratedCodeError too: a bug of ours
        return _internal(args, exc)
    return max(_run(args, target) for target in targets)


def console() -> int:
    """The `clientgen` command."""
    return main(prog="clientgen")


def _targets(args: argparse.Namespace) -> list[Target]:
    """The targets to build: the one the arguments describe, or the configuration's."""
    flags = {
        "package_name": args.package_name,
        "client_name": args.client_name,
        "env_prefix": args.env_prefix,
        "strict": args.strict,
        "allow_remote_refs": args.allow_remote_refs,
        "allow_external_files": args.allow_external_files,
        "overlays": tuple(args.overlays) if args.overlays else None,
        "templates": args.templates,
        "tests": args.tests,
        "versioning": getattr(args, "versioning", None),  # generate's: check moves no version
        "output": args.output,
    }
    if args.spec is not None:
        if args.output is None:
            raise GeneratorError(args.spec, "--output DIR is needed with a SPEC")
        for option, given in (("--config", args.config), ("--target", args.target)):
            if given is not None:  # it would be ignored: a SPEC given here is the one target
                raise GeneratorError(option, "picks targets of the configuration; it cannot go with a SPEC")
        return [Target(name=str(args.spec), spec=args.spec, output=args.output).overridden(**flags)]
    path = find_config(args.config, Path.cwd())
    targets = select_targets(load_targets(path), args.target, path)
    if args.output is not None and len(targets) > 1:
        raise GeneratorError(path, "--output applies to one target: pick it with --target")
    for target in targets:
        if target.source is not None and not target.spec.exists():  # a fresh copy of a preset
            raise GeneratorError(target.spec, f"no such file; `clientgen update` fetches it from {target.source}")
    return [target.overridden(**flags) for target in targets]


def _run(args: argparse.Namespace, target: Target) -> int:
    started = time.perf_counter()
    if args.command == "check" and interrupted(target.output):
        print(f"{target.output} holds the files of an interrupted run; `generate` finishes it", file=sys.stderr)
        return EXIT_STALE
    if args.command == "check" and args.trust_manifest:
        unchanged = unchanged_since_generated(target.output, target.spec, target.inputs)
        if unchanged is not None:  # the manifest records these very inputs, and every file hashes as it says
            _report_stages(args, {"inputs and files hashed": time.perf_counter() - started})
            _up_to_date(args, target.output, *unchanged)
            return EXIT_OK
    from .pipeline import generate_files  # only when there is something to generate

    progress = _Progress(target.name) if sys.stderr.isatty() and not args.quiet else None
    try:
        with locked([target.output] if args.command == "generate" else [], _waiting) as recovered:
            _report_recovered(args, recovered)
            generated = generate_files(
                target.spec,
                target.inputs,
                previous=target.output,
                changelog_from=getattr(args, "changelog_from", None),
                progress=progress,
            )
            if progress is not None:
                progress.done()
            target.refuse_stale(generated.warnings)
            _report_warnings(args, generated.warnings)
            if args.command == "check":
                return _check(generated, target.output, args)
            result = write_project(generated.files, target.output)
    except GeneratorError as exc:
        if progress is not None:
            progress.done()
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("error: interrupted; the output folder is unchanged", file=sys.stderr)
        return EXIT_BAD_INPUT
    except Exception as exc:  # a bug (GeneratedCodeError too): one line, the traceback on request
        return _internal(args, exc)
    if not args.quiet:
        api = generated.api
        print(
            f"generated {api.package_name} from {target.spec}: {_count(len(api.operations), 'operation')} in "
            f"{_count(len(api.resources), 'resource')}, {_count(len(api.models), 'model')}, "
            f"{_count(len(generated.files), 'file')} ({len(result.written)} written, {len(result.unchanged)} unchanged"
            f"{f', {len(result.removed)} removed' if result.removed else ''}"
            f"{f'; {_kept(result.kept)}' if result.kept else ''}) in "
            f"{time.perf_counter() - started:.2f} s -> {target.output}"
        )
    _report_stages(args, generated.timings)
    return EXIT_OK


def _waiting(folder: Path) -> None:
    print(f"waiting for another clientgen run that is writing {folder}", file=sys.stderr)


def _report_recovered(args: argparse.Namespace, recovered: list[str]) -> None:
    if not args.quiet:
        for line in recovered:
            print(f"note: {line}", file=sys.stderr)


def _report_stages(args: argparse.Namespace, timings: dict[str, float]) -> None:
    if args.verbose:
        stages = ", ".join(f"{stage} {seconds:.2f} s" for stage, seconds in timings.items())
        print(f"stages: {stages}", file=sys.stderr)


class _Progress:
    """The stage a generation is in, on one line of a terminal, gone when it ends."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, stage: str) -> None:
        sys.stderr.write(f"\r\x1b[K{self.name}: {stage}…")
        sys.stderr.flush()

    def done(self) -> None:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()


_VARYING = re.compile(r"'[^']*'|\"[^\"]*\"|\[[^\]]*\]|\{[^}]*\}|\b\d+(\.\d+)?\b|[A-Za-z_]\w*\(.*?\)")


def _report_warnings(args: argparse.Namespace, warnings: list[Diagnostic]) -> None:
    """Each warning with its place, grouped by kind, then a count by kind; or one JSON array for machines."""
    if args.quiet or not warnings:
        return
    if args.warnings_format == "json":
        records = [
            {"file": str(w.location.file), "pointer": w.location.pointer, "line": w.location.line, "message": w.message}
            for w in warnings
        ]
        print(json.dumps(records, ensure_ascii=False), file=sys.stderr)
        return
    groups: dict[str, list[Diagnostic]] = {}  # by kind, kinds in the order they first appear
    for warning in warnings:
        groups.setdefault(_VARYING.sub("…", warning.message), []).append(warning)
    every = getattr(args, "verbose", False)
    for group in groups.values():
        shown = group if every else group[:WARNINGS_PER_KIND]
        for warning in shown:
            print(f"warning: {warning}", file=sys.stderr)
        if len(group) > len(shown):
            print(f"  … and {len(group) - len(shown)} more of this kind", file=sys.stderr)
    summary = "; ".join(f"{len(group)} × {kind}" for kind, group in groups.items())
    hidden = any(len(group) > WARNINGS_PER_KIND for group in groups.values()) and not every
    more = "--verbose or --warnings-format json lists them all, " if hidden else ""
    stale = sum(warning.stale for warning in warnings)
    errors = [
        *(["--strict makes them errors"] if stale < len(warnings) else []),
        *(['stale-overlays = "error" makes the overrides that no longer apply errors'] if stale else []),
    ]
    print(f"{_count(len(warnings), 'warning')} ({summary}); {more}{'; '.join(errors)}", file=sys.stderr)


def _internal(args: argparse.Namespace, exc: BaseException) -> int:
    if getattr(args, "debug", False):
        traceback.print_exc()
    print(f"internal error: {type(exc).__name__}: {exc} (run with --debug for the traceback)", file=sys.stderr)
    return EXIT_INTERNAL


def _diff(args: argparse.Namespace) -> int:
    from .diff import diff_specs, markdown, to_json  # not needed by generate and check

    options = ClientOptions()
    if args.target is not None:
        path = find_config(args.config, Path.cwd())
        (target,) = select_targets(load_targets(path), [args.target], path)
        options = target.inputs
    load = options.load
    options = replace(
        options,
        package_name=args.package_name or options.package_name,
        overlays=tuple(args.overlays) if args.overlays else options.overlays,
        load=LoadOptions(
            allow_remote_refs=args.allow_remote_refs or load.allow_remote_refs,
            allow_external_files=args.allow_external_files or load.allow_external_files,
        ),
    )
    report = diff_specs(args.old, args.new, options)
    sys.stdout.write(to_json(report) if args.format == "json" else markdown(report))
    failed = (args.fail_on == "breaking" and report.breaking) or (args.fail_on == "any" and report.changes)
    return EXIT_STALE if failed else EXIT_OK


def _list_targets(args: argparse.Namespace) -> int:
    from .update import describe_target

    path = find_config(args.config, Path.cwd())
    described = [describe_target(target) for target in load_targets(path)]
    if args.json:
        print(json.dumps(described, indent=2, ensure_ascii=False))
        return EXIT_OK
    for target in described:
        print(f"{target['name']}: {target['spec']} -> {target['output']} ({target['package'] or 'package unknown'})")
    return EXIT_OK


def _update(args: argparse.Namespace) -> int:
    from .update import plan_update, pull_request, summary  # the diff and urllib: for update only

    path = find_config(args.config, Path.cwd())
    targets = select_targets(load_targets(path), args.target, path)
    if args.source is not None and len(targets) > 1:
        raise GeneratorError(path, "--from applies to one target: pick it with --target")
    warnings: list[Diagnostic] = []
    updates = []
    with locked([target.output for target in targets], _waiting) as recovered, Transaction() as transaction:
        _report_recovered(args, recovered)
        for target in targets:  # every new client built, and staged, before anything is written
            try:
                fetching = {"timeout": args.timeout, "retries": args.retries}
                updates.append(plan_update(transaction, target, args.source, warnings, **fetching))
            except GeneratorError as exc:
                raise GeneratorError(
                    exc.diagnostic.location, f"{exc.diagnostic.message} (target {target.name}; nothing was written)"
                ) from None
        described = pull_request(updates)
        try:
            if described is not None and args.pr_body is not None:
                transaction.stage_file(args.pr_body, described[1].encode())
            if args.summary is not None:
                transaction.stage_file(args.summary, summary(updates, described[0] if described else None).encode())
        except GeneratorError as exc:
            raise GeneratorError(exc.diagnostic.location, f"{exc.diagnostic.message}; nothing was written") from None
        transaction.commit()
    _report_warnings(args, warnings)
    if not args.quiet:
        for update in updates:
            print(update.line())
    return EXIT_OK


def _check(generated: Generated, output: Path, args: argparse.Namespace) -> int:
    started = time.perf_counter()
    comparison = compare(generated.files, output)
    generated.timings["compare"] = time.perf_counter() - started
    _report_stages(args, generated.timings)
    if comparison.up_to_date:
        _up_to_date(args, output, len(generated.files), comparison.kept)
        return EXIT_OK
    print(f"{output} is stale; regenerate it:", file=sys.stderr)
    for label, paths in (("changed", comparison.stale), ("missing", comparison.missing), ("extra", comparison.extra)):
        for path in paths:
            print(f"  {label}: {path}", file=sys.stderr)
    if args.diff:
        _print_differences(generated.files, output, comparison)
    return EXIT_STALE


def _up_to_date(args: argparse.Namespace, output: Path, files: int, kept: list[str]) -> None:
    if not args.quiet:
        print(f"{output} is up to date ({files} files{f'; {_kept(kept)}' if kept else ''})")


def _print_differences(files: dict[str, bytes], output: Path, comparison: Comparison) -> None:
    """A unified diff from the folder's files to what `generate` would write; the manifest,
    whose hashes only repeat the other changes, is left out."""
    changed = [path for path in comparison.stale + comparison.missing if path != MANIFEST]
    for path in sorted(changed + comparison.extra):
        before = _lines(output / path) if path not in comparison.missing else []
        after = files[path].decode("utf-8", "replace").splitlines(keepends=True) if path in files else []
        sys.stdout.writelines(
            line if line.endswith("\n") else line + "\n"
            for line in difflib.unified_diff(before, after, f"{output}/{path}", f"generated/{path}")
        )


def _lines(path: Path) -> list[str]:
    try:
        return path.read_bytes().decode("utf-8", "replace").splitlines(keepends=True)
    except OSError:  # a dangling link, say
        return []


def _kept(paths: list[str]) -> str:
    """The files of the user's in an output folder, which the generator leaves alone."""
    shown = ", ".join(paths[:3]) + (", ..." if len(paths) > 3 else "")
    return f"{_count(len(paths), 'file')} not made by the generator kept: {shown}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"
