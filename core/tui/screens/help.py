"""Help: the keys of every screen and what a queue line's flags mean."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Footer, Markdown

from ...services.officers.desk import FLAGS

__all__ = ["HelpScreen", "KEYS"]

KEYS = """\
# Keys

Every screen shows its keys in the footer. `ctrl+p` opens the command palette: type a reference to
open that case, a name to search for a debtor, or a queue's name to go to it. `?` shows this help,
`escape` goes back, `ctrl+q` quits. The mouse works too: click a line, then click it again to open it.

| Screen | Keys |
| --- | --- |
| Queues (home) | `enter` open the queue · `/` search · `p` portfolio · `e` show or hide empty queues · `r` refresh · `q` quit |
| Queue | `enter` open the case · `n` / `p` next and previous page · `s` sort (priority, balance, age) · `t` debt type · `b` balance band · `/` search as you type · `d` the debtor |
| Case | `enter` on a stage move: its decision record · `a` record an officer action · `d` the debtor · `r` refresh |
| Action form | `tab` next field · `enter` next field, then record · `ctrl+s` record · `escape` cancel |
| Debtor, search | `enter` open the case · `d` the debtor (search) · `/` search |
| Portfolio | `enter` on a stage: its queue |

# Flags

| Flag | Means |
| --- | --- |
"""


class HelpScreen(ModalScreen):
    """Keys and flags; any of escape, q or ? closes it."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close")]

    def compose(self) -> ComposeResult:
        flags = "".join(f"| `{flag}` | {meaning} |\n" for flag, meaning in FLAGS.items())
        with VerticalScroll(classes="dialog", id="help"):
            yield Markdown(KEYS + flags)
        yield Footer()
