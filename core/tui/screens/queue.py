"""One queue, a page at a time: sort, filter by debt type and balance band, search as you type, open a case."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Input, Static

from .debtor import CaseList

__all__ = ["QueueScreen", "BANDS", "SORT_NAMES"]

SORT_NAMES = {"priority": "priority, then balance", "balance": "largest balance", "age": "longest at stage"}
OVER_CAP = "review date, oldest first (over 10,000 due: the night has not run)"
BANDS: tuple[tuple[str, int | None, int | None], ...] = (
    ("any balance", None, None), ("under £100", None, 9_999), ("£100 to £1,000", 10_000, 100_000),
    ("£1,000 to £10,000", 100_000, 1_000_000), ("over £10,000", 1_000_001, None),
)


class QueueScreen(CaseList):
    """A page of the queue's cases; n and p move between pages, never loading the whole queue."""

    AUTO_FOCUS = "#cases"

    BINDINGS = [
        Binding("enter", "open", "Open case"),
        Binding("n,pagedown", "next_page", "Next page"),
        Binding("p,pageup", "previous_page", "Prev page"),
        Binding("s", "sort", "Sort"),
        Binding("t", "debt_type", "Debt type"),
        Binding("b", "band", "Balance"),
        Binding("slash", "focus_search", "Search"),
        Binding("d", "debtor", "Debtor"),
        Binding("r", "reload", "Refresh", show=False),
    ]

    def __init__(self, name: str) -> None:
        super().__init__()
        self.queue_name = name
        self.sort = "priority"
        self.band = 0
        self.debt_type: str | None = None
        self.text = ""
        self.cursors: list[str | None] = [None]
        self.next_cursor: str | None = None
        self.rows: list[dict[str, Any]] = []
        self.label = name

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.queue_name, id="queue-title", classes="title")
        yield Input(placeholder="/ to search: account or debtor reference, or the start of a name", id="search", compact=True)
        yield Static("", id="queue-filters", classes="subtitle")
        yield self.cases_table()
        yield Footer()

    def on_mount(self) -> None:
        self.reload(first=True)

    def on_screen_resume(self) -> None:
        if self.rows:
            self.reload(first=False)

    def options(self) -> dict[str, Any]:
        _, low, high = BANDS[self.band]
        return {"sort": self.sort, "debt_type": self.debt_type, "min_balance_pence": low, "max_balance_pence": high,
                "text": self.text or None, "after": self.cursors[-1], "limit": self.app.page_size}  # type: ignore[attr-defined]

    def reload(self, first: bool = True) -> None:
        if first:
            self.cursors = [None]
        options = self.options()
        self.load(lambda: self.desk.queue_page(self.queue_name, **options), self.show, busy=self.query_one("#cases"),
                  group="page")

    def action_reload(self) -> None:
        self.reload(first=False)

    def show(self, data: dict[str, Any]) -> None:
        self.next_cursor, self.label = data["next_cursor"], data["queue"]["label"]
        self.fill(data["rows"])
        page = len(self.cursors)
        first = (page - 1) * self.app.page_size + 1  # type: ignore[attr-defined]
        where = f"lines {first}–{first + len(self.rows) - 1}" if self.rows else "no cases"
        self.query_one("#queue-title", Static).update(f"[b]{self.label}[/b] [dim]({self.queue_name})[/dim]")
        band = BANDS[self.band][0]
        self.query_one("#queue-filters", Static).update(
            f"by {SORT_NAMES.get(data['sort'], OVER_CAP)} · {self.debt_type or 'every debt type'} · {band}"
            + (f" · matching “{self.text}”" if self.text else "")
            + f" · page {page}, {where}" + ("" if self.next_cursor else " (last page)"))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.text = event.value.strip()
        self.set_timer(0.25, self._search_settled)
        self._typed = event.value

    def _search_settled(self) -> None:
        if getattr(self, "_typed", None) == self.query_one("#search", Input).value:
            self.reload()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#cases", DataTable).focus()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.has_focus:
            self.query_one("#cases", DataTable).focus()
            return
        super().action_back()

    def action_next_page(self) -> None:
        if self.next_cursor:
            self.cursors.append(self.next_cursor)
            self.reload(first=False)
        else:
            self.notify("This is the last page.", timeout=2)

    def action_previous_page(self) -> None:
        if len(self.cursors) > 1:
            self.cursors.pop()
            self.reload(first=False)

    def action_sort(self) -> None:
        order = list(SORT_NAMES)
        self.sort = order[(order.index(self.sort) + 1) % len(order)]
        self.reload()

    def action_debt_type(self) -> None:
        types = [None] + [dt for dt, _ in self.desk.council_types]
        self.debt_type = types[(types.index(self.debt_type) + 1) % len(types)] if self.debt_type in types else None
        self.reload()

    def action_band(self) -> None:
        self.band = (self.band + 1) % len(BANDS)
        self.reload()
