"""Sign-in: the officer's login and password; three wrong passwords in a row lock the login for a while."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Input, Static

__all__ = ["SignInScreen"]


class SignInScreen(Screen):
    """The first screen when served to a browser."""

    BINDINGS = [Binding("ctrl+q", "app.quit", "Quit")]
    AUTO_FOCUS = "#login"

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="sign-in", classes="dialog"):
            yield Static(f"[b]Sign in[/b] · {self.app.desk.council_name}", classes="title")  # type: ignore[attr-defined]
            yield Input(placeholder="Login", id="login")
            yield Input(placeholder="Password", password=True, id="password")
            yield Button("Sign in", id="go", variant="primary")
            yield Static("", id="sign-in-problem")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#login", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "login":
            self.query_one("#password", Input).focus()
        else:
            self.attempt()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.attempt()

    def attempt(self) -> None:
        login = self.query_one("#login", Input).value.strip()
        password = self.query_one("#password", Input).value
        if not login or not password:
            self.query_one("#sign-in-problem", Static).update("[red]Give your login and password.[/red]")
            return
        desk = self.app.desk  # type: ignore[attr-defined]
        self.query_one("#sign-in-problem", Static).update("Checking…")
        self.app.fetch(self, lambda: desk.sign_in(login, password), self.signed_in,  # type: ignore[attr-defined]
                       group="sign-in", failed=self.refused)

    def refused(self, message: str) -> None:
        self.query_one("#password", Input).value = ""
        self.query_one("#password", Input).focus()
        self.query_one("#sign-in-problem", Static).update(f"[red]{message}[/red]")

    def signed_in(self, officer: dict) -> None:
        self.app.pop_screen()
        self.app.signed_in()  # type: ignore[attr-defined]
