"""What every screen shares: its desk, loading through a worker, going back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.widget import Widget

from ...money import format_pence
from ...services.officers.desk import OfficerDesk

__all__ = ["DeskScreen", "money", "flags_text", "case_cells", "CASE_COLUMNS"]


def money(pence: int | None) -> Text:
    """An amount right-aligned as pounds (negative in green: a credit)."""
    if pence is None:
        return Text("")
    return Text(format_pence(pence), justify="right", style="green" if pence < 0 else "")


FLAG_STYLE = {"overdue": "bold red", "decide": "yellow", "review": "cyan", "joint": "magenta", "closed": "dim"}


def flags_text(flags: list[str]) -> Text:
    text = Text()
    for i, flag in enumerate(flags):
        if i:
            text.append(" ")
        text.append(flag, style=FLAG_STYLE.get(flag, ""))
    return text


CASE_COLUMNS = (("Reference", "reference"), ("Debtor", "debtor"), ("Type", "type"), ("Balance", "balance"),
                ("Stage", "stage"), ("Days", "days"), ("Pri", "priority"), ("Review", "review"), ("Flags", "flags"))


def case_cells(row: dict[str, Any]) -> tuple:
    """A queue line's cells, in :data:`CASE_COLUMNS` order."""
    return (row["reference"], row["debtor_name"][:22], row["debt_type"][:14], money(row["balance_pence"]),
            Text(row["stage_label"][:24], style="bold" if "decide" in row["flags"] or "overdue" in row["flags"] else ""), Text(str(row["days_at_stage"] if row["days_at_stage"] is not None else ""), justify="right"),
            Text("-" if row["priority"] is None else str(row["priority"]), justify="right"),
            row["next_review_on"] or "-", flags_text(row["flags"]))


class DeskScreen(Screen):
    """A screen of the officer's desk."""

    BINDINGS = [Binding("escape", "back", "Back")]

    @property
    def desk(self) -> OfficerDesk:
        return self.app.desk  # type: ignore[attr-defined]

    def load(self, call: Callable[[], Any], done: Callable[[Any], None], *, busy: Widget | None = None,
             group: str = "load", failed: Callable[[str], None] | None = None) -> None:
        """``call`` in a worker; ``busy`` shows it is loading until ``done`` (or the failure) arrives."""
        if busy is not None:
            busy.loading = True

        def finish(result: Any) -> None:
            if busy is not None:
                busy.loading = False
            done(result)

        def fail(message: str) -> None:
            if busy is not None:
                busy.loading = False
            (failed or self.app.show_failure)(message)  # type: ignore[attr-defined]

        self.app.fetch(self, call, finish, group=group, failed=fail)  # type: ignore[attr-defined]

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 2:
            self.app.pop_screen()
