"""Cache, state and export files are opened safely (issue #13, finding 6).

No link at a path we write is followed, no FIFO or device we read or write can block or flood the
reader, and our folders stay user-only. Anything that could hang runs under a timeout (a thread
joined with one, or a subprocess), so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import write
from tests.test_cache_failures import assert_memory_with_one_line, cache_file, search, small_library


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def cache_folder_for(lib: Path) -> Path:
    folder = cache_file(lib).parent
    folder.mkdir(parents=True)
    folder.chmod(0o700)
    return folder


# --- the cache -------------------------------------------------------------------------------------------


def test_a_dangling_link_at_the_cache_path_is_not_followed(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    cache_folder_for(lib)
    target = tmp_path / "elsewhere" / "planted.sqlite"
    target.parent.mkdir()
    cache_file(lib).symlink_to(target)
    assert_memory_with_one_line(capsys, lib, "symbolic link")
    assert cache_file(lib).is_symlink() and list(target.parent.iterdir()) == []


@pytest.mark.parametrize("content", [b"", b"precious words\n"], ids=["empty", "not-empty"])
def test_a_link_to_an_existing_file_at_the_cache_path_leaves_it_alone(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path, content: bytes) -> None:
    lib = small_library(tmp_path)
    cache_folder_for(lib)
    target = write(tmp_path / "elsewhere" / "notes.txt", content)
    target.chmod(0o644)
    cache_file(lib).symlink_to(target)
    assert_memory_with_one_line(capsys, lib, "symbolic link")
    assert target.read_bytes() == content and mode(target) == 0o644
    assert sorted(p.name for p in target.parent.iterdir()) == ["notes.txt"]  # no journal beside it either


def test_a_link_at_a_journal_path_is_not_followed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    cache_folder_for(lib)
    target = tmp_path / "elsewhere" / "planted-wal"
    target.parent.mkdir()
    cache_file(lib).with_name(cache_file(lib).name + "-wal").symlink_to(target)
    assert_memory_with_one_line(capsys, lib, "symbolic link")
    assert not target.exists()


def test_a_cache_folder_open_to_others_is_made_user_only_and_said_once(capsys: pytest.CaptureFixture[str],
                                                                      tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    folder = cache_folder_for(lib)
    folder.chmod(0o777)
    code, data, err = search(capsys, lib)
    assert code == 0 and data["total"] == 3
    assert len(err) == 1 and "made it user-only (0700)" in err[0] and err[0].startswith("briefing: "), err
    assert mode(folder) == 0o700 and cache_file(lib).is_file()  # the cache is used after the repair
    code, data, err = search(capsys, lib)
    assert code == 0 and data["total"] == 3 and err == []


def test_a_cache_folder_of_another_user_is_not_used(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    lib = small_library(tmp_path)
    folder = cache_folder_for(lib)
    try:
        os.chown(folder, 4242, 4242)
    except PermissionError:
        pytest.skip("only root can give a folder to another user")
    assert_memory_with_one_line(capsys, lib, "belongs to another user")
    assert list(folder.iterdir()) == [] and mode(folder) == 0o700
