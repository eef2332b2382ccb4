"""Search across the council: account reference, debtor reference, or the start of a debtor's name."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Footer, Header, Input, Static

from .debtor import CaseList

__all__ = ["SearchScreen"]


class SearchScreen(CaseList):
    """Type to search; the results follow as you type."""

    BINDINGS = [Binding("slash", "focus_search", "Search"), Binding("d", "debtor", "Debtor")]

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.text = text
        self.AUTO_FOCUS = "#cases" if text else "#search"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(value=self.text, placeholder="Account or debtor reference, or the start of a name", id="search",
                    compact=True)
        yield Static("", id="search-note", classes="subtitle")
        yield self.cases_table()
        yield Footer()

    def on_mount(self) -> None:
        if self.text:
            self.run_search()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.text = event.value
        self.set_timer(0.25, lambda: self.run_search() if self.text == self.query_one("#search", Input).value else None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#cases").focus()

    def run_search(self) -> None:
        text = self.text.strip()
        if not text:
            self.fill([])
            self.query_one("#search-note", Static).update("")
            return
        self.load(lambda: self.desk.search(text), self.show, busy=self.query_one("#cases"), group="search")

    def show(self, data: dict[str, Any]) -> None:
        self.fill(data["rows"])
        n = len(data["rows"])
        self.query_one("#search-note", Static).update(
            f"{n} case{'s' if n != 1 else ''} match “{data['text']}”" + (" (more: type more of it)" if data["more"] else ""))

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        if self.query_one("#search", Input).has_focus and self.rows:
            self.query_one("#cases").focus()
            return
        super().action_back()
