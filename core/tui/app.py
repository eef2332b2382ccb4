"""The officers' terminal app: a desk for one council, its screens, the command palette, work done off the screen.

Every call to the desk runs in a worker thread (:meth:`ArrearsApp.fetch`), so
the screen never waits on the database; a failure shows as one line in a
notification, never a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from textual.app import App
from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode
from textual.worker import get_current_worker

from ..errors import ArrearsError
from ..services.officers.desk import OfficerDesk

__all__ = ["ArrearsApp"]


class DeskCommands(Provider):
    """The palette: open a case by reference, go to a queue, search for a debtor, the main screens."""

    def _commands(self) -> list[tuple[str, Callable[[], Any], str]]:
        app: ArrearsApp = self.app  # type: ignore[assignment]
        if app.desk.officer is None:
            return []
        commands = [("Queues (home)", app.action_home, "Every queue with its count"),
                    ("Portfolio", app.action_portfolio, "Cases by debt type and stage, balances by age, the last runs"),
                    ("Help: keys", app.action_help, "Every key of every screen")]
        for queue in app.known_queues:
            commands.append((f"Go to queue: {queue['label']} ({queue['name']})", partial(app.open_queue, queue["name"]),
                             f"{queue['count_label']} cases"))
        return commands

    async def discover(self) -> Hits:
        for text, command, help_text in self._commands():
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        app: ArrearsApp = self.app  # type: ignore[assignment]
        if app.desk.officer is None:
            return
        text = query.strip()
        if text:
            yield Hit(1.0, f"Open case by reference: {text}", partial(app.open_case, text), help="The account with this reference")
            yield Hit(0.99, f"Search debtor: {text}", partial(app.open_search, text),
                      help="Accounts by debtor name (its start), debtor reference or account reference")
        matcher = self.matcher(query)
        for label, command, help_text in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score * 0.98, matcher.highlight(label), command, help=help_text)


class ArrearsApp(App):
    """arrears for recovery officers: queues, cases, debtors, the portfolio."""

    CSS_PATH = Path(__file__).with_name("arrears.tcss")
    TITLE = "arrears"
    COMMANDS = App.COMMANDS | {DeskCommands}
    BINDINGS = [
        Binding("question_mark", "help", "Help"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, desk: OfficerDesk, *, sign_in: bool = False, page_size: int = 50) -> None:
        super().__init__()
        self.desk = desk
        self.page_size = page_size
        self.signing_in = sign_in or desk.officer is None
        self.known_queues: list[dict[str, Any]] = []
        self.title = f"arrears · {desk.council_name}"

    def on_mount(self) -> None:
        from .screens.sign_in import SignInScreen
        if self.signing_in:
            self.push_screen(SignInScreen())
        else:
            self.signed_in()

    def signed_in(self) -> None:
        """The officer is at the desk: open on the queues."""
        from .screens.queues import QueuesScreen
        self.sub_title = f"{self.desk.officer} ({self.desk.role}) · {self.desk.today():%a %d %b %Y}"
        self.push_screen(QueuesScreen())

    def fetch(self, owner: DOMNode, call: Callable[[], Any], done: Callable[[Any], None], *, group: str = "load",
              failed: Callable[[str], None] | None = None) -> None:
        """Run ``call`` (a desk call) in a worker thread; then ``done(result)`` on the screen, or the failure shown.

        A newer call in the same group supersedes it: an answer that comes back late (the officer typed on) is dropped.
        """

        def work() -> None:
            worker = get_current_worker()
            try:
                result = call()
            except ArrearsError as exc:
                outcome, value = failed or self.show_failure, str(exc)
            except Exception as exc:  # the UI must stay up whatever a plugin or the database does
                outcome, value = failed or self.show_failure, f"{type(exc).__name__}: {exc}"
            else:
                outcome, value = done, result
            if not worker.is_cancelled:
                self.call_from_thread(outcome, value)

        owner.run_worker(work, thread=True, exclusive=True, group=group, exit_on_error=False)

    def show_failure(self, message: str) -> None:
        self.notify(message, title="Could not do that", severity="error", timeout=8)

    def open_queue(self, name: str) -> None:
        from .screens.queue import QueueScreen
        self.push_screen(QueueScreen(name))

    def open_case(self, reference: str) -> None:
        from .screens.case import CaseScreen
        self.push_screen(CaseScreen(reference))

    def open_debtor(self, reference: str) -> None:
        from .screens.debtor import DebtorScreen
        self.push_screen(DebtorScreen(reference))

    def open_search(self, text: str) -> None:
        from .screens.search import SearchScreen
        self.push_screen(SearchScreen(text))

    def action_home(self) -> None:
        from .screens.queues import QueuesScreen
        while len(self.screen_stack) > 2 and not isinstance(self.screen, QueuesScreen):
            self.pop_screen()

    def action_portfolio(self) -> None:
        from .screens.portfolio import PortfolioScreen
        self.push_screen(PortfolioScreen())

    def action_help(self) -> None:
        from .screens.help import HelpScreen
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def on_unmount(self) -> None:
        self.desk.close()
