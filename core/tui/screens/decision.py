"""A decision record: the rule that moved the case, the facts it saw, the dates, and the versions it ran under."""

from __future__ import annotations

import json
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Footer, Static

__all__ = ["DecisionScreen"]


def _value(value: Any) -> str:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    if isinstance(value, (dict, list)):
        return json.dumps(value, default=str)
    return str(value)


class DecisionScreen(ModalScreen):
    """Why the case moved: shown over the case, Escape closes."""

    BINDINGS = [Binding("escape,q,enter", "dismiss", "Close")]
    AUTO_FOCUS = "#facts"

    def __init__(self, reference: str, event: dict[str, Any]) -> None:
        super().__init__()
        self.reference, self.event = reference, event

    def compose(self) -> ComposeResult:
        e = self.event
        who = f"officer {e['officer']}" if e.get("officer") else f"nightly run {e['run_id']}"
        with VerticalScroll(id="decision", classes="dialog"):
            yield Static(f"[b]Decision record[/b] · {self.reference}", classes="title")
            yield Static(
                f"[b]{e['from']} → {e['to']}[/b] on {e['date']} by {who}\n"
                f"rule: [b]{e['rule']}[/b]\n\n{e['reason'] or '(no reason recorded)'}\n\n"
                f"[dim]profile version {e['profile_version']} · plugin version {e['plugin_version']}[/dim]",
                id="decision-text")
            yield Static("[b]Facts the rule saw[/b]")
            yield DataTable(id="facts", cursor_type="row", show_header=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#facts", DataTable)
        table.add_column("Fact", key="fact")
        table.add_column("Value", key="value")
        for name, value in sorted((self.event.get("facts") or {}).items()):
            table.add_row(name, _value(value), key=name)
        table.focus()
