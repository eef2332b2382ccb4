"""The portfolio: cases by debt type and stage, open balances by age, the last nightly runs and their moves."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Footer, Header, Sparkline, Static

from .base import DeskScreen, money

__all__ = ["PortfolioScreen"]


class PortfolioScreen(DeskScreen):
    """The council at a glance; Enter on a stage opens its queue."""

    AUTO_FOCUS = "#stages"

    BINDINGS = [Binding("enter", "open", "Open queue"), Binding("r", "reload", "Refresh")]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("Portfolio", id="portfolio-title", classes="title")
        with Horizontal(id="portfolio"):
            yield DataTable(id="stages", cursor_type="row", zebra_stripes=True)
            with Vertical(id="portfolio-side"):
                yield DataTable(id="ages", cursor_type="none")
                yield Static("Open balance by age: newest debt on the left, over six years on the right", classes="subtitle")
                yield Sparkline([], id="age-chart")
                yield Static("Cases moved by each run, oldest to newest", classes="subtitle")
                yield Sparkline([], id="moves")
                yield DataTable(id="runs", cursor_type="none")
        yield Footer()

    def on_mount(self) -> None:
        stages = self.query_one("#stages", DataTable)
        stages.add_columns("Debt type", "Stage", "Cases")
        self.query_one("#ages", DataTable).add_columns("Age", "Cases", "Open balance")
        self.query_one("#runs", DataTable).add_columns("Run", "To", "Looked at", "Moved")
        self.action_reload()
        stages.focus()

    def action_reload(self) -> None:
        self.load(self.desk.portfolio, self.show, busy=self.query_one("#portfolio"))

    def show(self, data: dict[str, Any]) -> None:
        self.query_one("#portfolio-title", Static).update(f"[b]{data['council_name']}[/b] · portfolio on {data['on']}")
        stages = self.query_one("#stages", DataTable)
        stages.clear()
        for t in data["debt_types"]:
            for s in t["stages"]:
                if s["count"]:
                    stages.add_row(t["label"], s["label"], Text(f"{s['count']:,}", justify="right",
                                                                style="dim" if s["terminal"] else ""),
                                   key=f"{t['debt_type']}.{s['stage']}|{int(s['terminal'])}")
        ages = self.query_one("#ages", DataTable)
        ages.clear()
        for band in data["age_bands"]:
            ages.add_row(band["band"], Text(f"{band['cases']:,}", justify="right"), money(band["balance_pence"]))
        runs = self.query_one("#runs", DataTable)
        runs.clear()
        for run in data["runs"]:
            runs.add_row(str(run["id"]), run["to"], Text(f"{run['cases_evaluated']:,}", justify="right"),
                         Text(f"{run['moves']:,}", justify="right"))
        self.query_one("#age-chart", Sparkline).data = [b["balance_pence"] // 100 for b in data["age_bands"]]  # heights
        self.query_one("#moves", Sparkline).data = [float(r["moves"]) for r in reversed(data["runs"])] or [0.0]

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self._open(event.row_key.value)

    def action_open(self) -> None:
        table = self.query_one("#stages", DataTable)
        if table.row_count:
            self._open(table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value)

    def _open(self, key: str | None) -> None:
        if not key:
            return
        name, terminal = key.split("|")
        if terminal == "1":
            self.notify("Closed cases are in no queue; search for one to open it.", timeout=3)
        else:
            self.app.open_queue(name)  # type: ignore[attr-defined]
