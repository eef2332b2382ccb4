"""A case: who owes what, where it stands and since when, the schedule, and the timeline with every decision's why."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import DataTable, Footer, Header, Static

from ...money import format_pence
from .base import DeskScreen, money
from .decision import DecisionScreen
from .action_form import ActionForm, ActionPicker

__all__ = ["CaseScreen"]

KIND = {"charge": "Charge", "payment": "Payment", "fee": "Fee", "adjustment": "Adjustment", "write_off": "Write-off",
        "reversal": "Reversal", "stage": "Stage"}


def summary(case: dict[str, Any]) -> str:
    d = case["debtor"]
    joint = "".join(f"\n  jointly: {j['name']} [{j['reference']}]" for j in case["joint_debtors"])
    closed = f" · [b]closed {case['closed_on']}[/b]" if case["closed_on"] else ""
    return (f"[b]{case['reference']}[/b] · {case['debt_type_label']}{closed}\n"
            f"  debtor:  {d['name']} [dim][{d['reference']}, {d['kind']}][/dim]{joint}\n"
            f"  balance: [b]{format_pence(case['balance_pence'])}[/b] of {format_pence(case['amount_pence'])} raised "
            f"{case['opened_on']}; paid {format_pence(case['paid_pence'])}\n"
            f"  stage:   [b]{case['stage_label']}[/b] [dim]({case['stage']})[/dim]\n"
            f"  since:   {case['stage_since']}\n"
            f"  priority {case['priority'] if case['priority'] is not None else '-'} · next review "
            f"{case['next_review_on'] or '-'}")


def schedule_text(case: dict[str, Any]) -> str:
    items = case["schedule"]
    if not items:
        return "[dim]No instalment schedule.[/dim]"
    late = [s for s in items if s["status"] == "late"]
    lines = [f"[b]Schedule[/b]: {len(items)} instalments, " + (f"[red]{len(late)} late[/red]" if late else "none late")]
    for s in items[:12]:
        style = {"late": "red", "paid": "green", "part paid": "yellow"}.get(s["status"], "")
        lines.append(f"  {s['due_on']} {format_pence(s['amount_pence']):>10} [{style}]{s['status']}[/{style}]" if style
                     else f"  {s['due_on']} {format_pence(s['amount_pence']):>10} {s['status']}")
    if len(items) > 12:
        lines.append(f"  … {len(items) - 12} more")
    return "\n".join(lines)


class CaseScreen(DeskScreen):
    """The case and its timeline; Enter on a stage move opens its decision record; a acts."""

    AUTO_FOCUS = "#timeline"

    BINDINGS = [
        Binding("enter", "why", "Why (decision)"),
        Binding("a", "act", "Act"),
        Binding("d", "debtor", "Debtor"),
        Binding("m", "more", "Earlier entries"),
        Binding("r", "reload", "Refresh"),
    ]
    SHOWN = 150
    """Timeline lines shown at first (newest first); m shows as many again, so a long history opens at once."""

    def __init__(self, reference: str) -> None:
        super().__init__()
        self.reference = reference
        self.case: dict[str, Any] | None = None
        self.events: list[dict[str, Any]] = []
        self.shown = 0

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="case-top"):
            yield Static(f"Opening {self.reference}…", id="case-summary")
            yield Static("", id="case-schedule")
        yield Static("", id="case-actions", classes="subtitle")
        yield DataTable(id="timeline", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#timeline", DataTable)
        table.add_column("Date", key="date")
        table.add_column("Event", key="event")
        table.add_column("Amount", key="amount")
        table.add_column("What and why", key="detail")
        self.action_reload()
        table.focus()

    def action_reload(self) -> None:
        self.load(lambda: self.desk.case(self.reference), self.show, busy=self.query_one("#timeline"),
                  failed=self.not_opened)

    def not_opened(self, message: str) -> None:
        self.query_one("#case-summary", Static).update(f"[red]{message}[/red]")
        self.app.show_failure(message)  # type: ignore[attr-defined]

    def show(self, case: dict[str, Any]) -> None:
        self.case = case
        self.query_one("#case-summary", Static).update(summary(case))
        self.query_one("#case-schedule", Static).update(schedule_text(case))
        names = ", ".join(a["action"] for a in case["actions"])
        self.query_one("#case-actions", Static).update(
            f"Actions at this stage (a): {names}" if names else "No officer action at this stage.")
        self.query_one("#timeline", DataTable).clear()
        self.events = list(reversed(case["timeline"]))
        self.shown = 0
        self.action_more()

    def action_more(self) -> None:
        """Show the next stretch of the timeline, going back in time."""
        table = self.query_one("#timeline", DataTable)
        if self.shown and table.row_count > self.shown:
            table.remove_row("more")
        upto = min(len(self.events), self.shown + self.SHOWN)
        rows = []
        for i in range(self.shown, upto):
            t = self.events[i]
            if t["type"] == "stage":
                who = f"by {t['officer']}" if t.get("officer") else f"run {t['run_id']}"
                detail = Text.assemble((f"{t['from']} → {t['to']}", "bold"), f"  [{t['rule']}] {who}: ", t["reason"] or "")
                rows.append((t["date"], Text("Stage", style="bold cyan"), "", detail))
            else:
                rows.append((t["date"], KIND.get(t["type"], t["type"]), money(t["amount_pence"]), t["description"]))
        table.add_rows(rows)
        self.shown = upto
        if upto < len(self.events):
            table.add_row("", Text("…", style="dim"), "", Text(f"{len(self.events) - upto} earlier entries: m shows more",
                                                               style="dim"), key="more")

    def action_why(self) -> None:
        table = self.query_one("#timeline", DataTable)
        if not self.events or table.cursor_row >= self.shown:
            if self.events and table.cursor_row >= self.shown:
                self.action_more()
            return
        event = self.events[table.cursor_row]
        if event["type"] == "stage":
            self.app.push_screen(DecisionScreen(self.reference, event))
        else:
            self.notify("Only stage moves carry a decision record; this line is a ledger entry.", timeout=3)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_why()

    def action_act(self) -> None:
        if self.case is None:
            return
        actions = self.case["actions"]
        if not actions:
            self.notify("No officer action is allowed at this stage.", timeout=3)
            return
        self.app.push_screen(ActionPicker(actions), self._picked)

    def _picked(self, action: dict[str, Any] | None) -> None:
        if action is not None:
            self.app.push_screen(ActionForm(self.reference, action), self._recorded)

    def _recorded(self, result: dict[str, Any] | None) -> None:
        if result is not None:
            moved = f"{result['from']} → {result['to']}" if result["from"] != result["to"] else f"stays at {result['to']}"
            self.notify(f"{result['action']} recorded: {moved}", title=self.reference, timeout=4)
            self.action_reload()

    def action_debtor(self) -> None:
        if self.case is not None:
            self.app.open_debtor(self.case["debtor"]["reference"])  # type: ignore[attr-defined]
