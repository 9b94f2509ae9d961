"""The library sidebar: a Tree whose children are built only when a group is expanded, a page at a time."""

from __future__ import annotations

import contextlib
from dataclasses import dataclass

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Tree
from textual.widgets.tree import TreeNode

from briefing_tui.core.library.grouping import GROUPINGS, Group, grouped
from briefing_tui.core.model import Article, Listed
from briefing_tui.tui.glyphs import BOOKMARK, TREE_GUIDES, TREE_ICONS, pick
from briefing_tui.tui.keymap import bindings

PAGE = 500
"""Articles a group shows before a `N more` row (enter on it shows the next page): a section of 20,000
articles or the flat list of 100,000 never builds more rows than this at once."""
EXPAND_ALL = 200
"""A filter that keeps at most this many articles shows them all, every group open."""


@dataclass(frozen=True)
class More:
    """The `N more` row at the end of a group's page of articles."""

    key: str
    """The key of the group it belongs to (`list` for the flat list)."""
    left: int


NodeData = Group | Listed | More


class LibrarySidebar(Tree[NodeData]):
    """Articles grouped by date or by section, or listed newest first, with counts; saved searches and
    bookmarks head it; unread articles in bold; a filter narrows it."""

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

    LibrarySidebar > .library-sidebar--detail {
        color: $text-muted;
    }

    LibrarySidebar > .library-sidebar--bookmark {
        color: $warning;
    }

    LibrarySidebar > .library-sidebar--saved {
        color: $accent;
        text-style: bold;
    }
    """

    COMPONENT_CLASSES = {"library-sidebar--unread", "library-sidebar--read", "library-sidebar--count",
                         "library-sidebar--detail", "library-sidebar--bookmark", "library-sidebar--saved"}
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        *bindings("sidebar"),
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
        """The whole library, newest first."""
        self.kept: list[Listed] | None = None
        """The articles a filter keeps (None: no filter)."""
        self._before_filter: tuple[str | None, str | None, frozenset[str]] = (None, None, frozenset())
        """The article id or group key under the cursor when the filter began, the group it was in, and the groups
        open then: what escape puts back when the filter left the cursor on no article (it matched nothing)."""
        self.read: set[str] = set()
        self.bookmarks: set[str] = set()
        self.saved: list[Group] = []
        """The saved searches' groups (keys `saved:NAME`), with their counts, as the screen last gave them."""
        self._members: dict[str, set[str]] = {}
        """The ids in each saved search's group."""
        self._group_nodes: dict[str, TreeNode[NodeData]] = {}
        self._list_group = Group("list", "")
        self._order: tuple[tuple[str, int, int], list[Listed], dict[str, int]] | None = None
        """The articles in the sidebar's order, and each one's place (`neighbour`), for a grouping and listing."""
        self._stepped: list[TreeNode[NodeData]] = []
        """Groups that `J`/`K` opened on their way (`select_article(step=True)`), closed when a step leaves them."""
        self._pregrouped: tuple[str, list[Listed], list[Group]] | None = None
        """Groups a worker made for the filter's articles (the grouping, the articles, the groups): the UI
        thread then only adds their rows."""

    @property
    def shown(self) -> list[Listed]:
        """The articles listed: those the filter keeps, else all."""
        return self.articles if self.kept is None else self.kept

    def process_label(self, label: str | Text) -> Text:
        """Labels are never markup: a str is taken literally."""
        return label.copy() if isinstance(label, Text) else Text(label)

    def render_label(self, node: TreeNode[NodeData], base_style: Style, style: Style) -> Text:
        """The label, cut with `…` where the pane ends (the article's header shows a title whole)."""
        text = super().render_label(node, base_style, style)
        depth, parent = 0, node.parent
        while parent is not None and parent is not self.root:
            depth, parent = depth + 1, parent.parent
        room = self.scrollable_content_region.width - depth * self.guide_depth
        if room > 1 and text.cell_len > room:
            text.truncate(room, overflow="ellipsis")
        return text

    # --- what is listed ----------------------------------------------------------------------------------

    def load(self, articles: list[Listed], read: set[str], bookmarks: set[str],
             select: str | None = None) -> Listed | None:
        """Rebuild the top level for `articles`; select article id `select` or else the newest; return it."""
        self.articles = articles
        self.read = read
        self.bookmarks = bookmarks
        ids = {a.id for a in self.shown}
        shown = self.shown
        return self._rebuild(select if select in ids else (shown[0].id if shown else None))

    def cycle_grouping(self, keep: str | None) -> None:
        """Go on to the next grouping (date, section, list), keeping article id `keep` selected."""
        self.grouping = GROUPINGS[(GROUPINGS.index(self.grouping) + 1) % len(GROUPINGS)]
        self._rebuild(keep)

    def set_filter(self, kept: list[Listed] | None, groups: tuple[str, list[Group]] | None = None) -> None:
        """Show only the articles `kept` (a filter's; `groups`: them in a grouping, made by a worker), every
        group open when they are few, the cursor on the first; None shows the whole library again, the cursor
        where it was and its groups open."""
        cursor = self.cursor_node
        if self.kept is None and kept is not None:
            self._before_filter = (*self._cursor_place(), frozenset(n.data.key for n in self._all_nodes()
                                                                    if isinstance(n.data, Group) and n.is_expanded))
        self.kept = kept
        self._pregrouped = (groups[0], kept, groups[1]) if groups is not None and kept is not None else None
        if kept is None:
            (before, within, opened), self._before_filter = self._before_filter, (None, None, frozenset())
            if (cursor is not None and isinstance(cursor.data, Listed)) or before is None:
                self._refill(only_cursor_path=True)
                return
            self._refill(only_cursor_path=True, opened=opened)  # it matched nothing: back as the filter found it
            node = self._node_for(before, within)  # in its day's group, not its copy under Bookmarks
            if node is not None:
                self._put_cursor(node, True)
            else:
                self.select_article(before, quiet=True)
            return
        self._rebuild(None)
        if len(kept) <= EXPAND_ALL:
            for node in list(self.root.children):
                self._expand_all(node)
        first = next((n for n in self._all_nodes_in_order() if isinstance(n.data, Listed)), None)
        if first is not None:
            self._put_cursor(first, True)

    def set_saved(self, saved: list[Group]) -> None:
        """Show the saved searches' groups (counts changed, or the searches): in place, the reader's place kept."""
        self.saved = saved
        self._members = {g.key: {a.id for a in g.articles} for g in saved}
        self._refill()

    def recount_saved(self, article_id: str) -> None:
        """An article was read or marked unread: the unread counts of the saved searches that hold it again."""
        for node in self.root.children:
            group = node.data
            if isinstance(group, Group) and article_id in self._members.get(group.key, ()):
                group.unread = sum(a.id not in self.read for a in group.articles)
                node.set_label(self._group_label(group))

    def update_listing(self, articles: list[Listed], kept: list[Listed] | None = None,
                       groups: tuple[str, list[Group]] | None = None) -> None:
        """Show a changed library in place (with the filter's new `kept` and their `groups` when one is on):
        the same groups open, the cursor on the same item at the same height on screen (a live refresh never
        moves the reader's place)."""
        old = self.shown
        self.articles = articles
        if self.kept is not None and kept is not None:
            self.kept = kept
            self._pregrouped = (groups[0], kept, groups[1]) if groups is not None else None
        self._refill(old=old)

    def _listing_groups(self) -> list[Group]:
        """The groups of the articles listed, in the grouping (without Bookmarks and saved searches)."""
        shown = self.shown
        made = self._pregrouped
        if made is not None and made[0] == self.grouping and made[1] is shown:
            return list(made[2])
        return grouped(shown, self.grouping)

    def neighbour(self, article_id: str, step: int) -> Listed | None:
        """The article `step` places after `article_id` (before, for a negative step) in the order the sidebar
        lists them, group after group (not Bookmarks or a saved search's, which list them again); None past
        either end, or for an article not listed (filtered out: the first one listed, or the last)."""
        key = (self.grouping, id(self.shown), len(self.shown))
        if self._order is None or self._order[0] != key:
            order: list[Listed] = []
            if self.grouping == "list":
                order = list(self.shown)
            else:
                stack = list(reversed(self._listing_groups()))
                while stack:  # depth first, as the tree shows them: a group's sub-groups, else its articles
                    group = stack.pop()
                    order.extend(group.articles)
                    stack.extend(reversed(group.groups))
            self._order = (key, order, {a.id: n for n, a in enumerate(order)})
        _, order, places = self._order
        at = places.get(article_id)
        if at is None:
            return (order[0] if step > 0 else order[-1]) if order else None
        return order[at + step] if 0 <= at + step < len(order) else None

    def from_group(self, step: int) -> tuple[bool, Listed | None]:
        """`J`/`K` with the cursor on a group's row: (True, the group's first article for `J`, the article before
        it for `K`, None before the first); (False, None) when the cursor is on no group that holds an article.
        The Bookmarks and the saved searches head the sidebar: nothing comes before them."""
        node = self.cursor_node
        group = node.data if node is not None else None
        if isinstance(group, More) and node is not None and node.parent is not None:  # `… 2,500 more`: the first
            holder = node.parent.data if isinstance(node.parent.data, Group) else self._list_group  # of them, or
            shown = len(holder.articles) - group.left
            if 0 < shown < len(holder.articles):
                return True, holder.articles[shown] if step > 0 else holder.articles[shown - 1]
            return False, None
        if not isinstance(group, Group):
            return False, None
        first = _first_article(group)
        if first is None:
            return False, None
        if step > 0:
            return True, first
        top = group.key == "bookmarks" or any(g.key == group.key for g in self.saved)
        return True, None if top else self.neighbour(first.id, -1)

    def _groups(self) -> list[Group]:
        shown = self.shown
        groups = self._listing_groups()
        marked = [a for a in shown if a.id in self.bookmarks]
        if marked:
            groups.insert(0, Group("bookmarks", "Bookmarks", articles=marked, count=len(marked)))
        return [*self._saved_groups(), *groups]

    def _saved_groups(self) -> list[Group]:
        """The saved searches' groups, narrowed by the filter when one is on."""
        if self.kept is None:
            return self.saved
        ids = {a.id for a in self.kept}
        narrowed = []
        for group in self.saved:
            articles = [a for a in group.articles if a.id in ids]
            narrowed.append(Group(group.key, group.label, articles=articles, count=len(articles),
                                  unread=sum(a.id not in self.read for a in articles)))
        return narrowed

    # --- building the tree -------------------------------------------------------------------------------

    def _rebuild(self, select: str | None) -> Listed | None:
        self.clear()
        self._fill()
        if select:
            return self.select_article(select)
        if self.root.children:
            self.move_cursor(self.root.children[0])
        return None

    def _fill(self) -> None:
        self._group_nodes = {}
        self._stepped = []
        for group in self._groups():
            self._add_group(self.root, group)
        if self.grouping == "list":
            self._list_group = Group("list", "", articles=self.shown, count=len(self.shown))
            self._add_page(self.root, self._list_group, 0)

    def _refill(self, old: list[Listed] | None = None, only_cursor_path: bool = False,
                opened: frozenset[str] = frozenset()) -> None:
        """Rebuild with the same groups open (and the groups `opened`) and the cursor on the same item at the
        same height."""
        cursor = self.cursor_node
        if only_cursor_path:
            expanded = set()
            node = cursor.parent if cursor is not None else None
            while node is not None:
                if isinstance(node.data, Group):
                    expanded.add(node.data.key)
                node = node.parent
        else:
            expanded = {n.data.key for n in self._all_nodes() if isinstance(n.data, Group) and n.is_expanded}
        expanded |= opened
        mark, within = self._cursor_place()
        offset = self.cursor_line - self.scroll_offset.y
        at_top = self.scroll_offset.y == 0
        self.clear()
        self._fill()
        for child in list(self.root.children):
            self._restore(child, expanded)
        target = self._node_for(mark, within) if mark is not None else None
        if target is None and isinstance(mark, str) and cursor is not None and isinstance(cursor.data, Listed):
            if only_cursor_path or old is None:
                self.select_article(mark, quiet=True)
                return
            neighbour = _neighbour(old, self.shown, mark)  # the article under the cursor went: take the next
            if neighbour is not None:
                self.select_article(neighbour.id, quiet=True)
                return
        if target is None and self.root.children:
            target = self.root.children[0]
        if target is not None:
            self._put_back(target, offset, at_top and not only_cursor_path)

    def _restore(self, node: TreeNode[NodeData], expanded: set[str]) -> None:
        if isinstance(node.data, Group) and node.data.key in expanded:
            self._populate(node)
            node.expand()
            for child in node.children:
                self._restore(child, expanded)

    def _expand_all(self, node: TreeNode[NodeData]) -> None:
        if isinstance(node.data, Group):
            self._populate(node)
            node.expand()
            for child in node.children:
                self._expand_all(child)

    def _cursor_place(self) -> tuple[str | None, str | None]:
        """What is under the cursor (an article's id or a group's key) and the key of the group it is in: what
        `_node_for` finds again after the tree is rebuilt."""
        cursor = self.cursor_node
        if cursor is None or cursor.data is None:
            return None, None
        mark = cursor.data.id if isinstance(cursor.data, Listed) else cursor.data.key
        parent = cursor.parent.data if cursor.parent is not None else None
        return mark, parent.key if isinstance(parent, Group) else None

    def _node_for(self, mark: str, within: str | None = None) -> TreeNode[NodeData] | None:
        """The node of article id or group key `mark`: the one in group `within` when there is one (an article is
        in its day's group and in Bookmarks), else the first."""
        first = None
        for node in self._all_nodes():
            data = node.data
            if (isinstance(data, Listed) and data.id == mark) or (isinstance(data, Group) and data.key == mark):
                parent = node.parent.data if node.parent is not None else None
                if within is None or (isinstance(parent, Group) and parent.key == within):
                    return node
                first = first or node
        return first

    def set_bookmarks(self, bookmarks: set[str]) -> None:
        """The bookmarks changed (`b`): the Bookmarks group again, in place (open when it is new), the groups open
        and the cursor where they were (not on the article's new place under Bookmarks)."""
        first = bool(bookmarks) and not any(isinstance(n.data, Group) and n.data.key == "bookmarks"
                                            for n in self.root.children)  # the group is new: open, to show `b`
        self.bookmarks = bookmarks
        self._refill(opened=frozenset({"bookmarks"}) if first else frozenset())

    def _put_back(self, node: TreeNode[NodeData], offset: int, at_top: bool) -> None:
        """The cursor back on `node` now, and the view scrolled to keep it `offset` lines from the top (or at the
        top, `at_top`) once the tree has its new height."""
        self._tree_lines  # noqa: B018 (lays out the lines now: a new node has no line before that)
        with self.prevent(Tree.NodeHighlighted):  # the cursor put back after a refresh: not the user's move
            self.move_cursor(node, animate=False)
        self.call_after_refresh(self._scroll_back, node, offset, at_top)

    def _scroll_back(self, node: TreeNode[NodeData], offset: int, at_top: bool) -> None:
        if node.line < 0:
            return
        if at_top and node.line < self.scrollable_content_region.height:
            self.scroll_to(y=0, animate=False, immediate=True)  # new articles above show, the cursor stays in view
        else:
            self.scroll_to(y=max(0, node.line - offset), animate=False, immediate=True)

    def _style(self, name: str) -> Style:
        """A component's colour, as the theme gives it on the sidebar's background, and its text style; not
        its background, which would cover the line's (the cursor's)."""
        full = self.get_component_rich_style(f"library-sidebar--{name}")
        return Style(color=full.color, bold=full.bold, italic=full.italic, dim=full.dim, underline=full.underline)

    def _group_label(self, group: Group) -> Text:
        saved = group.key.startswith("saved:")
        label = Text(group.label, style=self._style("saved") if saved else "")
        count = f"  {group.count}" + (f" · {group.unread} unread" if group.unread else "")
        label.append(count, style=self._style("count"))
        return label

    def _article_label(self, article: Listed, detail: str) -> Text:
        """An article's row: its title, after its date (`date`), and then its section (`full`): in a narrow
        pane the section is cut first."""
        kind = "read" if article.id in self.read else "unread"
        muted = self._style("detail")
        label = Text()
        if article.id in self.bookmarks:
            label.append(self._bookmark, style=self._style("bookmark"))
        if detail:
            label.append((f"{article.date:%d %b %Y}" if article.date else "undated    ") + "  ", style=muted)
        label.append(article.title, style=self._style(kind))
        if detail == "full":
            label.append(f" · {article.section}", style=muted)
        return label

    @staticmethod
    def _detail(group_key: str) -> str:
        """What an article's row says besides its title, by its group: nothing under a day (the day says
        it, as an undated group does), its date in a section, its date and section in the flat list, a saved
        search or the bookmarks."""
        if group_key.startswith(("m:", "d:", "undated")):
            return ""
        if group_key.startswith("section/"):
            return "date"
        return "full"

    def on_resize(self) -> None:
        """A shorter pane (the terminal resized): the cursor's row kept in view (it was left below, none marked)."""
        self.keep_cursor_in_view()

    def on_show(self) -> None:
        """Shown again (`escape` from an article on a narrow screen): the cursor's row in view."""
        self.keep_cursor_in_view()

    def _node_detail(self, node: TreeNode[NodeData]) -> str:
        """`_detail` of an article's node: its group's, or the flat list's for a row of the list (the tree's root
        holds them: relabelled as a group's child, they lost their dates and sections)."""
        parent = node.parent.data if node.parent is not None else None
        return self._detail(parent.key if isinstance(parent, Group) else "list")

    def notify_style_update(self) -> None:
        """Labels carry their styles: when the theme changes them, the nodes built so far are labelled again."""
        super().notify_style_update()
        if not self.is_mounted:
            return
        styles = tuple(self._style(name) for name in ("count", "read", "unread", "bookmark", "saved", "detail"))
        if styles != self._styles:
            self._styles = styles
            for node in self._all_nodes():
                if isinstance(node.data, Group):
                    node.set_label(self._group_label(node.data))
                elif isinstance(node.data, Listed):
                    node.set_label(self._article_label(node.data, self._node_detail(node)))

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
        self._add_page(node, group, 0)

    def _add_page(self, node: TreeNode[NodeData], group: Group, start: int) -> None:
        """Add a page of the group's articles from `start`, and a `N more` row when some are left."""
        detail = self._detail(group.key)
        for article in group.articles[start:start + PAGE]:
            node.add_leaf(self._article_label(article, detail), data=article)
        left = len(group.articles) - start - PAGE
        if left > 0:
            more = Text(f"… {left:,} more (enter)", style=self.get_component_rich_style("library-sidebar--count"))
            node.add_leaf(more, data=More(group.key, left))

    def _show_more(self, node: TreeNode[NodeData]) -> None:
        """The `N more` row chosen: the next page in its place, the cursor on the first article of it."""
        parent = node.parent
        more = node.data
        if parent is None or not isinstance(more, More):
            return
        group = parent.data if isinstance(parent.data, Group) else self._list_group
        start = len(group.articles) - more.left
        node.remove()
        self._add_page(parent, group, start)
        first = parent.children[start] if start < len(parent.children) else None
        if first is not None:
            self._put_cursor(first, False)

    def on_tree_node_expanded(self, event: Tree.NodeExpanded[NodeData]) -> None:
        event.stop()
        self._populate(event.node)

    def on_tree_node_highlighted(self, event: Tree.NodeHighlighted[NodeData]) -> None:
        event.stop()
        if event.node is not self.cursor_node:
            return  # the cursor has moved on since: keys typed fast, or a move by the program after groups opened
            # above the cursor moved its line, the Tree followed it and said so (a result opened from the search
            # panel then had the article under the old cursor shown over it)
        data = event.node.data
        self.tooltip = Text(data.title) if isinstance(data, Listed) else None
        if isinstance(data, Listed):
            self.post_message(self.ArticleHighlighted(data))

    def on_tree_node_selected(self, event: Tree.NodeSelected[NodeData]) -> None:
        event.stop()
        if isinstance(event.node.data, Listed):
            self.post_message(self.ArticleChosen(event.node.data))
        elif isinstance(event.node.data, More):
            self._show_more(event.node)

    # --- finding an article ------------------------------------------------------------------------------

    def select_article(self, article_id: str, quiet: bool = False, step: bool = False) -> Listed | None:
        """Open the groups that hold `article_id`, put the cursor on it and return it (None if absent);
        `quiet`: the move is the program's, not the reader's, and posts no ArticleHighlighted. `step` (`J`, `K`):
        the groups the last steps opened and this one leaves are closed again (a few `J`s left every day open)."""
        opened: list[TreeNode[NodeData]] = []
        node = self._open_path_to(article_id, opened)
        if node is None:
            return None
        if step:
            holding = set()
            up = node.parent
            while up is not None:
                holding.add(id(up))
                up = up.parent
            for group in reversed(self._stepped):  # innermost first
                if id(group) not in holding and group.is_expanded:
                    group.collapse()
            self._stepped = [g for g in self._stepped if id(g) in holding] + opened
        self._put_cursor(node, quiet)
        return node.data if isinstance(node.data, Listed) else None

    def _open_path_to(self, article_id: str, opened: list[TreeNode[NodeData]] | None = None) -> \
            TreeNode[NodeData] | None:
        """The article's node, its groups opened and pages shown on the way (None if it is not listed)."""
        if self.grouping == "list":
            at = next((i for i, a in enumerate(self.shown) if a.id == article_id), None)
            tops = [n for n in self.root.children if isinstance(n.data, Group)]
            if at is not None:
                self._show_up_to(self.root, self._list_group, at)
                return self.root.children[len(tops) + at]
        for top in self.root.children:
            if not isinstance(top.data, Group):
                continue
            path = self._find_in_group(top.data, article_id)
            if path:
                node = top
                for index in path:
                    self._populate(node)
                    if opened is not None and not node.is_expanded:
                        opened.append(node)
                    node.expand()
                    if isinstance(node.data, Group):
                        self._show_up_to(node, node.data, index - len(node.data.groups))
                    node = node.children[index]
                return node
        return None

    def _show_up_to(self, node: TreeNode[NodeData], group: Group, at: int) -> None:
        """Show the group's pages of articles up to its `at`-th."""
        while at >= 0 and node.children and isinstance(node.children[-1].data, More):
            more = node.children[-1]
            assert isinstance(more.data, More)
            shown = len(group.articles) - more.data.left
            if at < shown:
                return
            more.remove()
            self._add_page(node, group, shown)

    def _put_cursor(self, node: TreeNode[NodeData], quiet: bool) -> None:
        """Move the cursor to `node` now, so that the keys typed next act on it, and scroll it into view once
        the tree has its new height (the Tree lays out its lines lazily: a new node has no line before that)."""
        self._tree_lines  # noqa: B018 (lays out the lines now)
        with self.prevent(Tree.NodeHighlighted) if quiet else contextlib.nullcontext():
            self.move_cursor(node, animate=False)
        self.call_after_refresh(self._keep_in_view, node)

    def action_open_group(self) -> None:
        """right / l: open the group under the cursor; on one already open, the cursor goes down into it."""
        node = self.cursor_node
        if node is None or not node.allow_expand:
            return
        if not node.is_expanded:
            self._toggle_node(node)  # its children made now: a `j` typed with the `l` goes into what it opened
        elif node.children:
            self.move_cursor(node.children[0])

    def _toggle_node(self, node: TreeNode[NodeData]) -> None:
        """space (and enter, and a click) on a group: its children made before it opens, not when the tree hears
        that it opened (after the keys typed with it: `space j` went to the next group)."""
        if node.allow_expand and not node.is_expanded:
            self._populate(node)
        super()._toggle_node(node)

    def action_close_group(self) -> None:
        """left / h: close the group under the cursor; on an article or a closed group, the cursor goes up to
        the group that holds it."""
        node = self.cursor_node
        if node is None:
            return
        if node.allow_expand and node.is_expanded:
            node.collapse()
        elif node.parent is not None and not node.parent.is_root:
            self.move_cursor(node.parent)

    def keep_cursor_in_view(self) -> None:
        """Scroll the cursor's line into view once laid out (after the sidebar was hidden, say)."""
        if self.cursor_node is not None:
            self.call_after_refresh(self._keep_in_view, self.cursor_node)

    def _keep_in_view(self, node: TreeNode[NodeData]) -> None:
        if self.cursor_node is node:
            self.scroll_to_node(node, animate=False)

    def _find_in_group(self, group: Group, article_id: str) -> list[int] | None:
        """Child indexes leading from the group to the article, without creating nodes."""
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
                node.set_label(self._article_label(node.data, self._node_detail(node)))

    def show_cursor_article(self) -> None:
        """Post ArticleHighlighted for the article under the cursor (one a filter put there quietly)."""
        node = self.cursor_node
        if node is not None and isinstance(node.data, Listed):
            self.post_message(self.ArticleHighlighted(node.data))

    def saved_under_cursor(self) -> str | None:
        """The name of the saved search whose group (or one of whose articles) the cursor is on."""
        node = self.cursor_node
        while node is not None and node is not self.root:
            if isinstance(node.data, Group) and node.data.key.startswith("saved:"):
                return node.data.key[len("saved:"):]
            node = node.parent
        return None

    def _all_nodes(self) -> list[TreeNode[NodeData]]:
        out: list[TreeNode[NodeData]] = []
        stack = list(self.root.children)
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(node.children)
        return out

    def _all_nodes_in_order(self) -> list[TreeNode[NodeData]]:
        out: list[TreeNode[NodeData]] = []
        stack = list(reversed(self.root.children))
        while stack:
            node = stack.pop()
            out.append(node)
            stack.extend(reversed(node.children))
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


def _first_article(group: Group) -> Listed | None:
    """A group's first article as the sidebar lists it (a group holds sub-groups or articles)."""
    while not group.articles:
        if not group.groups:
            return None
        group = group.groups[0]
    return group.articles[0]
