"""The title line at the top of every screen and the key line at the bottom.

Each is one widget drawing one line of text. Textual's Header and Footer build
a widget per part (a FooterKey per binding, rebuilt whenever focus moves), and
on the question screen those widgets cost more to style and lay out than the
question itself: these two keep the first frame and every focus change cheap.
"""

from __future__ import annotations

from functools import cache
from itertools import groupby

from rich.cells import cell_len
from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.keys import key_to_character
from textual.screen import Screen
from textual.widget import Widget

from surveys.terminal_text import terminal_safe
from tui.app.command_keys import typing_into

KEY_STYLE = "bold $footer-key-foreground"
DISABLED_STYLE = "dim"
GAP = "  "


class TitleBar(Widget):
    """`stick · Screen title · subtitle`, from the screen's title and sub_title."""

    DEFAULT_CSS = """
    TitleBar { dock: top; height: 1; background: $panel; color: $foreground; }
    """

    def on_mount(self) -> None:
        for owner in (self.screen, self.app):
            self.watch(owner, "title", self._retitle, init=False)
            self.watch(owner, "sub_title", self._retitle, init=False)

    def _retitle(self) -> None:
        self.refresh()

    def render(self) -> Content:
        screen, app = self.screen, self.app
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        # The subtitle names the organisation and who holds the lock: file text.
        parts = [terminal_safe(part) for part in (title, sub_title) if part]
        if title != app.title:
            parts.insert(0, app.title)
        if not parts:
            return Content("")
        return Content.assemble((" " + parts[0], "bold"), *(f" · {part}" for part in parts[1:]))


def types_a_character(key: str) -> bool:
    """Whether a field with focus takes this key as text rather than as a command."""
    character = key_to_character(key)
    return character is not None and character.isprintable()


def key_label(screen: Screen[object], binding: Binding) -> str:
    return screen.app.get_key_display(binding)


@cache
def own_bindings(screen_class: type[Screen[object]]) -> dict[str, Binding]:
    """A screen class's bindings by key (the class's BINDINGS never change)."""
    return {binding.key: binding for binding in Binding.make_bindings(screen_class.BINDINGS)}


Pair = tuple[str, str, str, bool]


class KeyBar(Widget):
    """The shown bindings of the screen as `key description` pairs on one line.

    Bindings that share a `Binding.Group` show as one pair (`1-9 Choose`). A
    disabled binding is dimmed. Clicking a pair presses its key.
    """

    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; color: $footer-description-foreground; }
    """

    def __init__(self) -> None:
        super().__init__()
        # Where each pair was drawn (start, end, key), so a click can find it.
        self._spans: list[tuple[int, int, str]] = []
        self._pairs: list[Pair] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        # Focus moves often without changing what the line says.
        pairs = self.pairs()
        if pairs != self._pairs:
            self._pairs = pairs
            self.refresh()

    def pairs(self) -> list[Pair]:
        """(key to press, key as shown, description, enabled) for each pair, in binding order."""
        screen = self.screen
        # A focused widget may bind a key the screen also binds and shows (a
        # scroll container binds the arrows, a table binds enter) and pass it
        # on or act to the same end: the screen's description is the one to
        # show. A text field is different: there the keys edit the text.
        own = own_bindings(type(screen))
        typing = typing_into(screen.focused)
        shown: dict[str, tuple[Binding, bool]] = {}
        for key, active in screen.active_bindings.items():
            binding, enabled = active.binding, active.enabled
            if not binding.show and not typing and key in own and own[key].show:
                binding, enabled = own[key], True
            if typing and types_a_character(key):
                continue
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled)
        # The screen's own keys first, in the order it lists them; the app's after.
        order = {binding.action: index for index, binding in enumerate(own.values())}
        ranked = sorted(shown.values(), key=lambda item: order.get(item[0].action, len(order)))
        pairs = []
        for group, members in groupby(ranked, lambda item: item[0].group):
            items = list(members)
            if group is not None and len(items) > 1:
                labels = [key_label(screen, b) for b, _ in items]
                digits = all(label.isdigit() for label in labels)
                keys = f"{labels[0]}-{labels[-1]}" if digits else "/".join(labels)
                pairs.append((items[0][0].key, keys, group.description, any(enabled for _, enabled in items)))
            else:
                pairs.extend((b.key, key_label(screen, b), b.description, enabled) for b, enabled in items)
        return pairs

    def render(self) -> Content:
        if self._pairs is None:
            self._pairs = self.pairs()
        pairs = self._pairs
        # Two spaces between pairs where they fit, one where they would not.
        widths = [cell_len(f"{shown} {description}") for _, shown, description, _ in pairs]
        gap = GAP if sum(widths) + len(GAP) * len(pairs) < self.size.width else " "
        parts: list[str | tuple[str, str]] = [" "]
        spans = []
        at = 1
        for (key, shown, description, enabled), width in zip(pairs, widths, strict=True):
            parts.append((shown, KEY_STYLE if enabled else DISABLED_STYLE))
            parts.append((f" {description}", "" if enabled else DISABLED_STYLE))
            parts.append(gap)
            spans.append((at, at + width, key))
            at += width + len(gap)
        self._spans = spans
        return Content.assemble(*parts)

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return
