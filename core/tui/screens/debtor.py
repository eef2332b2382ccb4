"""A debtor: every account they owe on across debt types, in the council's priority order, with totals."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Static

from ...money import format_pence
from .base import CASE_COLUMNS, DeskScreen, case_cells

__all__ = ["DebtorScreen", "CaseList"]


class CaseList(DeskScreen):
    """A screen listing cases; Enter opens the case under the cursor."""

    BINDINGS = [Binding("enter", "open", "Open case")]
    rows: list[dict[str, Any]] = []

    def cases_table(self) -> DataTable:
        table = DataTable(id="cases", cursor_type="row", zebra_stripes=True)
        for label, key in CASE_COLUMNS:
            table.add_column(label, key=key)
        return table

    def fill(self, rows: list[dict[str, Any]]) -> None:
        self.rows = rows
        table = self.query_one("#cases", DataTable)
        table.clear()
        for row in rows:
            table.add_row(*case_cells(row), key=row["reference"])

    def current(self) -> dict[str, Any] | None:
        table = self.query_one("#cases", DataTable)
        return self.rows[table.cursor_row] if self.rows and table.cursor_row < len(self.rows) else None

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.app.open_case(event.row_key.value)  # type: ignore[attr-defined]

    def action_open(self) -> None:
        row = self.current()
        if row:
            self.app.open_case(row["reference"])  # type: ignore[attr-defined]

    def action_debtor(self) -> None:
        row = self.current()
        if row:
            self.app.open_debtor(row["debtor_ref"])  # type: ignore[attr-defined]


class DebtorScreen(CaseList):
    """Everything one debtor owes."""

    AUTO_FOCUS = "#cases"

    BINDINGS = [Binding("r", "reload", "Refresh")]

    def __init__(self, reference: str) -> None:
        super().__init__()
        self.reference = reference

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(f"Opening debtor {self.reference}…", id="debtor-summary", classes="title")
        yield self.cases_table()
        yield Static("", id="debtor-totals", classes="subtitle")
        yield Footer()

    def on_mount(self) -> None:
        self.action_reload()
        self.query_one("#cases").focus()

    def action_reload(self) -> None:
        self.load(lambda: self.desk.debtor(self.reference), self.show, busy=self.query_one("#cases"))

    def show(self, data: dict[str, Any]) -> None:
        d, t = data["debtor"], data["totals"]
        self.query_one("#debtor-summary", Static).update(f"[b]{d['name']}[/b] [dim][{d['reference']}, {d['kind']}][/dim]")
        self.fill(data["accounts"])
        parts = [f"{v['label']}: {v['open']} open, {format_pence(v['balance_pence'])}" for v in t["by_debt_type"].values()]
        self.query_one("#debtor-totals", Static).update(
            f"[b]{t['open_accounts']} open, owing {format_pence(t['balance_pence'])}[/b]; {t['closed_accounts']} closed"
            + (" · " + " · ".join(parts) if parts else ""))
