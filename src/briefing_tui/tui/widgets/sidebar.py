"""The library sidebar: a Tree whose children are built only when a group is expanded."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing_tui.core.library.grouping import Group, group_by_date, group_by_section
from briefing_tui.core.model import Article, Listed
from briefing_tui.tui.glyphs import BOOKMARK, TREE_GUIDES, TREE_ICONS, pick

NodeData = Group | Listed


class LibrarySidebar(Tree[NodeData]):
    """Articles grouped by date or by section, with counts; unread articles in bold."""

    DEFAULT_CSS = """
    LibrarySidebar {
        height: 1fr;
        overflow-x: hidden;
        scrollbar-size-vertical: 1;
    }

    LibrarySidebar > .library-sidebar--unread {
        text-style: bold;
    }

    LibrarySidebar > .library-sidebar--read {
        color: $text-muted;
    }

    LibrarySidebar > .library-sidebar--count {
        color: $text-muted;
    }

    LibrarySidebar > .library-sidebar--bookmark {
        color: $warning;
    }
    """

    COMPONENT_CLASSES = {"library-sidebar--unread", "library-sidebar--read", "library-sidebar--count",
                         "library-sidebar--bookmark"}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
    ]

    @dataclass
    class ArticleHighlighted(Message):
        """The cursor moved onto an article."""

        article: Listed

    @dataclass
    class ArticleChosen(Message):
        """The user pressed enter on an article."""

        article: Listed

    def __init__(self, *, ascii: bool = False, id: str | None = None) -> None:
        super().__init__(Text("Library"), id=id)
        if ascii:  # a plain console (TERM=linux): no box-drawing guides, no arrows
            self.LINES = dict.fromkeys(self.LINES, TREE_GUIDES)
            self.ICON_NODE, self.ICON_NODE_EXPANDED = TREE_ICONS
        self._bookmark = pick(BOOKMARK, ascii)
        self._styles: tuple[object, ...] = ()
        """The label styles the built nodes were drawn with: a new theme draws them again."""
        self.show_root = False
        self.guide_depth = 2
        self.grouping = "date"
        self.articles: list[Listed] = []
        self.read: set[str] = set()
        self.bookmarks: set[str] = set()
        self._group_nodes: dict[str, TreeNode[NodeData]] = {}

    def process_label(self, label: str | Text) -> Text:
        """Labels are never markup: a str is taken literally."""
        return label.copy() if isinstance(label, Text) else Text(label)

    def load(self, articles: list[Listed], read: set[str], bookmarks: set[str],
             select: str | None = None) -> Listed | None:
        """Rebuild the top level for `articles`; select article id `select` or else the newest; return it."""
        self.articles = articles
        self.read = read
        self.bookmarks = bookmarks
        ids = {a.id for a in articles}
        return self._rebuild(select if select in ids else (articles[0].id if articles else None))

    def toggle_grouping(self, keep: str | None) -> None:
        """Switch between date and section grouping, keeping article id `keep` selected."""
        self.grouping = "section" if self.grouping == "date" else "date"
        self._rebuild(keep)

    def _groups(self) -> list[Group]:
        groups = group_by_date(self.articles) if self.grouping == "date" else group_by_section(self.articles)
        marked = [a for a in self.articles if a.id in self.bookmarks]
        if marked:
            groups.insert(0, Group("bookmarks", "Bookmarks", articles=marked, count=len(marked)))
        return groups

    def update_listing(self, articles: list[Listed]) -> None:
        """Show a changed library in place: the same groups open, the cursor on the same item at the same
        height on screen (a live refresh never moves the reader's place)."""
        expanded = {n.data.key for n in self._all_nodes() if isinstance(n.data, Group) and n.is_expanded}
        cursor = self.cursor_node
        mark = (cursor.data.id if isinstance(cursor.data, Listed) else cursor.data.key) \
            if cursor is not None and cursor.data is not None else None
        offset = self.cursor_line - self.scroll_offset.y
        at_top = self.scroll_offset.y == 0
        old = self.articles
        self.articles = articles
        self.clear()
        self._group_nodes = {}
        for group in self._groups():
            self._restore(self._add_group(self.root, group), expanded)
        target = self._node_for(mark) if mark is not None else None
        if target is None and isinstance(cursor.data if cursor else None, Listed):
            neighbour = _neighbour(old, articles, str(mark))  # the article under the cursor went: take the next
            if neighbour is not None:
                self.select_article(neighbour.id, quiet=True)
                return
        if target is None and self.root.children:
            target = self.root.children[0]
        if target is not None:
            self.call_after_refresh(self._put_back, target, offset, at_top)

    def _restore(self, node: TreeNode[NodeData], expanded: set[str]) -> None:
        if isinstance(node.data, Group) and node.data.key in expanded:
            self._populate(node)
            node.expand()
            for child in node.children:
                self._restore(child, expanded)

    def _node_for(self, mark: str) -> TreeNode[NodeData] | None:
        for node in self._all_nodes():
            data = node.data
            if (isinstance(data, Listed) and data.id == mark) or (isinstance(data, Group) and data.key == mark):
                return node
        return None

    def _put_back(self, node: TreeNode[NodeData], offset: int, at_top: bool) -> None:
        with self.prevent(Tree.NodeHighlighted):  # the cursor put back after a refresh: not the user's move
            self.move_cursor(node, animate=False)
        if node.line < 0:
            return
        if at_top and node.line < self.scrollable_content_region.height:
            self.scroll_to(y=0, animate=False, immediate=True)  # new articles above show, the cursor stays in view
        else:
            self.scroll_to(y=max(0, node.line - offset), animate=False, immediate=True)

    def _rebuild(self, select: str | None) -> Listed | None:
        self.clear()
        self._group_nodes = {}
        for group in self._groups():
            self._add_group(self.root, group)
        if select:
            return self.select_article(select)
        if self.root.children:
            self.move_cursor(self.root.children[0])
        return None

    def _style(self, name: str) -> Style:
        """A component's colour, as the theme gives it on the sidebar's background, and its text style; not
        its background, which would cover the line's (the cursor's)."""
        full = self.get_component_rich_style(f"library-sidebar--{name}")
        return Style(color=full.color, bold=full.bold, italic=full.italic, dim=full.dim, underline=full.underline)

    def _group_label(self, group: Group) -> Text:
        label = Text(group.label)
        label.append(f"  {group.count}", style=self._style("count"))
        return label

    def _article_label(self, article: Listed) -> Text:
        label = Text(article.title, style=self._style("read" if article.id in self.read else "unread"))
        if article.id in self.bookmarks:
            label = Text(self._bookmark, style=self._style("bookmark")) + label
        return label

    def notify_style_update(self) -> None:
        """Labels carry their styles: when the theme changes them, the nodes built so far are labelled again."""
        super().notify_style_update()
        if not self.is_mounted:
            return
        styles = tuple(self._style(name) for name in ("count", "read", "unread", "bookmark"))
        if styles != self._styles:
            self._styles = styles
            for node in self._all_nodes():
                if isinstance(node.data, Group):
                    node.set_label(self._group_label(node.data))
                elif isinstance(node.data, Listed):
                    node.set_label(self._article_label(node.data))

    def _add_group(self, parent: TreeNode[NodeData], group: Group) -> TreeNode[NodeData]:
        node = parent.add(self._group_label(group), data=group, allow_expand=True)
        self._group_nodes[group.key] = node
        return node

    def _populate(self, node: TreeNode[NodeData]) -> None:
        """Create a group's children the first time it opens (100,000 articles never make 100,000 nodes)."""
        group = node.data
        if not isinstance(group, Group) or node.children:
            return
        for sub in group.groups:
            child = self._add_group(node, sub)
            if group.key.startswith("d:") or group.key == "undated":  # a day shows its sections open
                self._populate(child)
                child.expand()
        for article in group.articles:
            node.add_leaf(self._article_label(article), data=article)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        event.stop()
        self._populate(event.node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        event.stop()
        if isinstance(event.node.data, Listed):
            self.post_message(self.ArticleHighlighted(event.node.data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()
        if isinstance(event.node.data, Listed):
            self.post_message(self.ArticleChosen(event.node.data))

    def select_article(self, article_id: str, quiet: bool = False) -> Listed | None:
        """Open the groups that hold `article_id`, put the cursor on it and return it (None if absent);
        `quiet`: the move is the program's, not the reader's, and posts no ArticleHighlighted."""
        for top in self.root.children:
            path = self._find(top, article_id)
            if path:
                node = top
                for index in path:
                    self._populate(node)
                    node.expand()
                    node = node.children[index]
                self.call_after_refresh(self._put_cursor, node, quiet)
                return node.data if isinstance(node.data, Listed) else None
        return None

    def _put_cursor(self, node: TreeNode[NodeData], quiet: bool) -> None:
        """Move the cursor once the tree has laid out its lines (a new node has no line before that)."""
        with self.prevent(Tree.NodeHighlighted) if quiet else contextlib.nullcontext():
            self.move_cursor(node, animate=False)

    def _find(self, node: TreeNode[NodeData], article_id: str) -> list[int] | None:
        """Child indexes leading from `node` to the article, without creating nodes."""
        return self._find_in_group(node.data, article_id) if isinstance(node.data, Group) else None

    def _find_in_group(self, group: Group, article_id: str) -> list[int] | None:
        for i, sub in enumerate(group.groups):
            rest = self._find_in_group(sub, article_id)
            if rest is not None:
                return [i, *rest]
        for j, article in enumerate(group.articles):
            if article.id == article_id:
                return [len(group.groups) + j]
        return None

    def refresh_article(self, article: Article | Listed) -> None:
        """Redraw the labels of every node showing `article` (read mark or bookmark changed)."""
        for node in self._all_nodes():
            if isinstance(node.data, Listed) and node.data.id == article.id:
                node.set_label(self._article_label(node.data))

    def _all_nodes(self) -> list[TreeNode[NodeData]]:
        out: list[TreeNode[NodeData]] = []
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(node.children)
        return out


def _neighbour(old: list[Listed], new: list[Listed], gone: str) -> Listed | None:
    """The article that followed `gone` in the old order (else preceded it) and is still listed."""
    ids = {a.id: a for a in new}
    position = next((i for i, a in enumerate(old) if a.id == gone), None)
    if position is None:
        return None
    for candidate in [*old[position + 1:], *reversed(old[:position])]:
        if candidate.id in ids:
            return ids[candidate.id]
    return None
