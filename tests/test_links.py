"""Links are checked on every component of every read, not only while scanning (issue #13, finding 3)."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from briefing_tui.core.library.scan import Entry, load_entry, load_library, walk
from briefing_tui.core.model import Article, Problem
from briefing_tui.core.search.index import index_path, open_index
from briefing_tui.core.user.config import Settings, cache_dir
from briefing_tui.core.user.state import library_key
from briefing_tui.tui.app import BriefingApp
from briefing_tui.tui.widgets.article_view import ArticleView
from tests.conftest import write
from tests.test_reader import loaded, screen_text

OUTSIDE = "Outside secret\n\nThese words live outside the library.\n"


def library_with_subfolder(tmp_path: Path) -> tuple[Path, Path]:
    """lib/zz/story.txt inside, and outside/story.txt (same name) beyond the root."""
    lib = tmp_path / "lib"
    write(lib / "zz" / "story.txt", "Inside story\n\nHarmless words.\n")
    write(tmp_path / "outside" / "story.txt", OUTSIDE)
    return lib, tmp_path / "outside"


def swap_for_link(folder: Path, target: Path) -> None:
    shutil.rmtree(folder)
    folder.symlink_to(target, target_is_directory=True)


def recorded_notifications(app: BriefingApp) -> list[str]:
    """Every message the app notifies from now on (the toasts themselves expire)."""
    notes: list[str] = []
    notify = app.notify

    def record(message: str, **kwargs: Any) -> None:
        notes.append(message)
        notify(message, **kwargs)

    app.notify = record  # type: ignore[method-assign]
    return notes


def assert_refused(result: Article | Problem) -> None:
    assert isinstance(result, Problem), result
    assert "outside the library" in result.reason


def test_a_folder_swapped_for_a_link_between_scan_and_read_is_refused(tmp_path: Path) -> None:
    lib, outside = library_with_subfolder(tmp_path)
    entries = list(walk(str(lib)))
    assert [e.id for e in entries] == ["zz/story.txt"]
    swap_for_link(lib / "zz", outside)
    assert_refused(load_entry(entries[0]))


def test_a_folder_swapped_after_indexing_is_refused_on_a_warm_read(tmp_path: Path) -> None:
    lib, outside = library_with_subfolder(tmp_path)
    index = open_index(tmp_path / "cache" / "index.sqlite")
    index.refresh([str(lib)])
    (listed,) = index.listing()
    index.close()
    swap_for_link(lib / "zz", outside)
    assert_refused(load_entry(Entry(str(lib), str(lib / listed.id), listed.id)))


def test_a_deeper_folder_swapped_for_a_link_is_refused(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    write(lib / "a" / "b" / "c" / "story.txt", "Inside\n\nWords.\n")
    write(tmp_path / "outside" / "c" / "story.txt", OUTSIDE)
    (entry,) = walk(str(lib))
    swap_for_link(lib / "a" / "b", tmp_path / "outside")
    assert_refused(load_entry(entry))


def test_links_that_stay_inside_the_root_are_still_followed(tmp_path: Path) -> None:
    lib = tmp_path / "lib"
    write(lib / "real" / "deep" / "story.txt", "Real story\n\nWords.\n")
    (lib / "alias").symlink_to(lib / "real", target_is_directory=True)
    (lib / "real" / "deep" / "same.txt").symlink_to("story.txt")
    (lib / "up.txt").symlink_to("real/deep/same.txt")
    library = load_library([str(lib)])
    titles = {a.id: a.title for a in library.articles}  # the folder is walked once, by its first name
    assert titles == {"alias/deep/same.txt": "Real story", "alias/deep/story.txt": "Real story",
                      "up.txt": "Real story"}
    assert library.problems == []


def test_a_link_to_the_root_or_up_and_out_is_refused(tmp_path: Path) -> None:
    from briefing_tui.core.reading.safe import ReadError, open_in_root

    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "self.txt").symlink_to(".", target_is_directory=True)
    write(tmp_path / "outside.txt", OUTSIDE)
    for ident, reason in (("self.txt", "a folder"), ("../outside.txt", "outside the library")):
        try:
            open_in_root(str(lib), ident)
        except ReadError as exc:
            assert reason in str(exc), ident
        else:
            raise AssertionError(f"{ident} was opened")


async def test_the_reader_refuses_a_swapped_folder_on_a_warm_start(tmp_path: Path) -> None:
    lib, outside = library_with_subfolder(tmp_path)
    index = open_index(index_path(cache_dir(), library_key([str(lib)])))  # the cache a first run leaves
    index.refresh([str(lib)])
    index.close()
    swap_for_link(lib / "zz", outside)
    app = BriefingApp([str(lib)], Settings())
    notes = recorded_notifications(app)
    async with app.run_test(size=(120, 40)) as pilot:
        await loaded(pilot)
        view = app.query_one(ArticleView)
        assert view.article is None or "Outside" not in view.article.title
        assert "outside the library" not in screen_text(app) and "live outside" not in screen_text(app)
        assert any("zz/story.txt" in n and "outside the library" in n for n in notes), notes
