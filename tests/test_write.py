import json
import os
import shutil
import stat
from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.transaction import locked
from generator.write import MANIFEST, compare, write_project


def project(files: dict[str, bytes]) -> dict[str, bytes]:
    """`files` with a manifest that lists them, as the pipeline writes it."""
    return {**files, MANIFEST: json.dumps({"files": {path: "" for path in sorted(files)}}).encode()}


FILES = project({"pkg/__init__.py": b"x = 1\n", "README.md": b"hello\n"})


def test_writes_a_new_folder(tmp_path: Path) -> None:
    out = tmp_path / "deep" / "client"
    result = write_project(FILES, out)
    assert sorted(result.written) == sorted(FILES)
    assert (out / "pkg" / "__init__.py").read_bytes() == b"x = 1\n"
    assert [p.name for p in tmp_path.joinpath("deep").iterdir()] == ["client"]  # no staging left behind


def test_unchanged_files_are_left_untouched(tmp_path: Path) -> None:
    out = tmp_path / "client"
    write_project(FILES, out)
    before = {name: os.stat(out / name) for name in FILES}
    result = write_project({**FILES, "README.md": b"changed\n"}, out)
    assert result.written == ["README.md"]
    assert sorted(result.unchanged) == sorted([MANIFEST, "pkg/__init__.py"])
    for name in result.unchanged:
        after = os.stat(out / name)
        assert (after.st_ino, after.st_mtime_ns) == (before[name].st_ino, before[name].st_mtime_ns)


def test_regeneration_removes_stale_files_and_keeps_ignored_ones(tmp_path: Path) -> None:
    out = tmp_path / "client"
    write_project(project({"pkg/__init__.py": b"x = 1\n", "README.md": b"hello\n", "pkg/old.py": b""}), out)
    (out / ".git").mkdir()
    (out / ".git" / "HEAD").write_text("ref")
    (out / "pkg" / "__pycache__").mkdir()
    result = write_project(FILES, out)
    assert result.removed == ["pkg/old.py"]
    assert not (out / "pkg" / "old.py").exists()
    assert (out / ".git" / "HEAD").read_text() == "ref"


def test_refuses_a_folder_it_did_not_make(tmp_path: Path) -> None:
    out = tmp_path / "mine"
    out.mkdir()
    (out / "precious.txt").write_text("keep me")
    with pytest.raises(GeneratorError, match="was not made by this generator"):
        write_project(FILES, out)
    assert (out / "precious.txt").read_text() == "keep me"


def test_a_failure_leaves_the_previous_client_intact(tmp_path: Path) -> None:
    out = tmp_path / "client"
    write_project(FILES, out)
    with pytest.raises(ValueError, match="leaves the output folder"):
        write_project({**FILES, "../escape.py": b"boom"}, out)
    assert (out / "README.md").read_bytes() == b"hello\n"
    assert not (tmp_path / "escape.py").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["client"]


def test_unwritable_parent_is_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(
        GeneratorError, match="is a file, so the output folder .*/file/client/deeper cannot be made in it"
    ):
        write_project(FILES, blocker / "client" / "deeper")
    with pytest.raises(GeneratorError, match="not a folder"):
        write_project(FILES, blocker)


def test_compare_lists_stale_missing_and_extra(tmp_path: Path) -> None:
    out = tmp_path / "client"
    write_project(FILES, out)
    (out / "pkg" / "__pycache__").mkdir()
    (out / "pkg" / "__pycache__" / "x.pyc").write_bytes(b"")
    assert compare(FILES, out).up_to_date
    (out / "README.md").write_text("edited")
    (out / "notes.txt").write_text("extra")
    comparison = compare({**FILES, "pkg/new.py": b""}, out)
    assert (comparison.stale, comparison.missing, comparison.extra) == (["README.md"], ["pkg/new.py"], [])
    assert comparison.kept == ["notes.txt"]  # not the generator's: regeneration keeps it
    write_project(project({"README.md": b"hello\n"}), out)
    comparison = compare(FILES, out)
    assert (comparison.missing, comparison.extra) == (["pkg/__init__.py"], [])
    assert compare(project({"README.md": b"hello\n"}), out).up_to_date
    assert compare({MANIFEST: FILES[MANIFEST]}, out).extra == ["README.md"]  # written before, gone now


def test_files_the_generator_did_not_write_survive_regeneration(tmp_path: Path) -> None:
    out = tmp_path / "client"
    write_project(FILES, out)
    (out / "NOTES.md").write_text("mine")
    (out / ".github" / "workflows").mkdir(parents=True)
    (out / ".github" / "workflows" / "ci.yml").write_text("on: push")
    (out / "pkg" / "_custom.py").write_text("y = 2\n")
    result = write_project(project({"pkg/__init__.py": b"x = 2\n", "README.md": b"hello\n"}), out)
    assert result.kept == [".github/workflows/ci.yml", "NOTES.md", "pkg/_custom.py"]
    assert result.removed == []
    assert (out / "NOTES.md").read_text() == "mine"
    assert (out / ".github" / "workflows" / "ci.yml").read_text() == "on: push"
    assert (out / "pkg" / "_custom.py").read_text() == "y = 2\n"
    assert (out / "pkg" / "__init__.py").read_text() == "x = 2\n"


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o755), (0o002, 0o775), (0o077, 0o700)])
def test_a_new_output_folder_gets_the_umasks_mode(tmp_path: Path, umask: int, mode: int) -> None:
    previous = os.umask(umask)
    try:
        write_project(FILES, tmp_path / "client")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "client").stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "client" / "pkg").stat().st_mode) == mode


def test_regeneration_keeps_the_output_folders_mode(tmp_path: Path) -> None:
    out = tmp_path / "client"
    write_project(FILES, out)
    out.chmod(0o750)
    write_project(project({"README.md": b"changed\n"}), out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o750


def test_what_an_interrupted_run_of_an_earlier_version_left_is_recovered(tmp_path: Path) -> None:
    """clientgen 0.2 swapped a tree built beside the folder, carrying `.git` into it: killed,
    it left that tree (with `.git`), the old one (`.old`), or no folder at all."""
    out = tmp_path / "client"
    write_project(FILES, out)
    staging, retired = tmp_path / ".client.ab12cd34", tmp_path / ".client.ef56gh78.old"
    shutil.copytree(out, staging)
    shutil.copytree(out, retired)
    (staging / ".git").mkdir()
    (staging / ".git" / "HEAD").write_text("ref")
    (tmp_path / ".client.notours1").mkdir()  # not a client: left alone
    with locked([out]) as recovered:
        assert len(recovered) == 3
    assert (out / ".git" / "HEAD").read_text() == "ref"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".client.notours1", "client"]

    shutil.rmtree(tmp_path / ".client.notours1")
    out.rename(retired)  # killed between the two renames: the new tree, with .git, not yet in place
    shutil.copytree(retired, staging)
    shutil.move(retired / ".git", staging / ".git")
    with locked([out]):
        pass
    assert (out / ".git" / "HEAD").read_text() == "ref"
    assert [p.name for p in tmp_path.iterdir()] == ["client"]


def test_the_users_entries_never_move_and_changed_files_keep_their_mode(tmp_path: Path) -> None:
    out = tmp_path / "client"
    write_project(FILES, out)
    (out / ".git").mkdir()
    (out / "empty").mkdir()
    (out / "package").symlink_to("pkg", target_is_directory=True)
    (out / "README.md").chmod(0o640)
    git = (out / ".git").stat().st_ino
    result = write_project(project({"pkg/__init__.py": b"x = 1\n", "README.md": b"changed\n", "pkg/new.py": b""}), out)
    assert sorted(result.written) == [MANIFEST, "README.md", "pkg/new.py"]
    assert (out / ".git").stat().st_ino == git
    assert (out / "empty").is_dir() and os.readlink(out / "package") == "pkg"
    assert stat.S_IMODE((out / "README.md").stat().st_mode) == 0o640
    assert sorted(p.name for p in out.iterdir()) == [".clientgen.json", ".git", "README.md", "empty", "package", "pkg"]
