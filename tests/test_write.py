import os
from pathlib import Path

import pytest

from generator.errors import GeneratorError
from generator.write import MANIFEST, compare, write_project

FILES = {MANIFEST: b"{}\n", "pkg/__init__.py": b"x = 1\n", "README.md": b"hello\n"}


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
    write_project({**FILES, "pkg/old.py": b""}, out)
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
    with pytest.raises(GeneratorError, match="cannot write the output folder"):
        write_project(FILES, blocker / "client")
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
    assert (comparison.stale, comparison.missing, comparison.extra) == (["README.md"], ["pkg/new.py"], ["notes.txt"])
