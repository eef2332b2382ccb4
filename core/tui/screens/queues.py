"""Home: the council's queues with their counts; Enter opens one."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from .base import DeskScreen

__all__ = ["QueuesScreen"]


class QueuesScreen(DeskScreen):
    """Every queue: the work that needs an officer, then each debt type's own and its stages."""

    AUTO_FOCUS = "#queues"

    BINDINGS = [
        Binding("escape", "back", "Back", show=False),
        Binding("enter", "open", "Open queue"),
        Binding("slash", "search", "Search"),
        Binding("p", "portfolio", "Portfolio"),
        Binding("r", "refresh", "Refresh"),
        Binding("e", "toggle_empty", "Empty queues"),
        Binding("q", "quit", "Quit"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_empty = False
        self.data: dict[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("", id="queues-title", classes="title")
        yield DataTable(id="queues", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#queues", DataTable)
        table.add_column("Queue", key="label")
        table.add_column("Cases", key="count")
        table.add_column("Group", key="group")
        table.add_column("Name", key="name")
        self.action_refresh()

    def on_screen_resume(self) -> None:
        if self.data is not None:
            self.action_refresh()

    def action_refresh(self) -> None:
        self.load(self.desk.queues, self.show, busy=self.query_one("#queues"))

    def show(self, data: dict[str, Any]) -> None:
        if data.get("problems") and self.data is None:
            for problem in data["problems"]:
                self.notify(problem, title="A plugin's queues are missing", severity="warning", timeout=10)
        self.data = data
        self.app.known_queues = data["queues"]  # type: ignore[attr-defined]
        table = self.query_one("#queues", DataTable)
        keep = table.cursor_row
        table.clear()
        shown = 0
        for q in data["queues"]:
            if q["count"] == 0 and not self.show_empty and q["group"] != "Work":
                continue
            count = Text(q["count_label"], justify="right", style="bold" if q["count"] and q["group"] == "Work" else "")
            table.add_row(q["label"], count, q["group"], Text(q["name"], style="dim"), key=q["name"])
            shown += 1
        hidden = len(data["queues"]) - shown
        self.query_one("#queues-title", Static).update(
            f"[b]{data['council_name']}[/b] · queues on {data['on']}"
            + (f" · {hidden} empty hidden (e shows them)" if hidden else ""))
        if table.row_count:
            table.move_cursor(row=min(keep, table.row_count - 1))

    def action_toggle_empty(self) -> None:
        self.show_empty = not self.show_empty
        if self.data is not None:
            self.show(self.data)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_queue(event.row_key.value)  # type: ignore[attr-defined]

    def action_open(self) -> None:
        table = self.query_one("#queues", DataTable)
        if table.row_count:
            self.app.open_queue(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)  # type: ignore[attr-defined]

    def action_search(self) -> None:
        self.app.open_search("")  # type: ignore[attr-defined]

    def action_portfolio(self) -> None:
        self.app.action_portfolio()  # type: ignore[attr-defined]

    def action_back(self) -> None:
        """Home has nowhere to go back to."""
