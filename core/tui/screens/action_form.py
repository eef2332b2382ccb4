"""An officer action: pick one the stage allows, fill in its fields (checked as you type), record it."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from ...money import format_pence

__all__ = ["ActionPicker", "ActionForm", "placeholder_for"]


def placeholder_for(field: str) -> str:
    """What a field expects, from its name (dates are YYYY-MM-DD, amounts pounds)."""
    if field.endswith(("_date", "_on")) or field in ("date",):
        return "YYYY-MM-DD"
    if field.endswith(("_amount", "_pounds", "amount")):
        return "pounds, e.g. 25.00"
    return field.replace("_", " ")


class ActionPicker(ModalScreen):
    """The actions the case's stage allows; Enter picks one."""

    BINDINGS = [Binding("escape", "dismiss_none", "Cancel")]
    AUTO_FOCUS = "#actions"

    def __init__(self, actions: list[dict[str, Any]]) -> None:
        super().__init__()
        self.actions = actions

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="picker"):
            yield Static("[b]Record an officer action[/b]", classes="title")
            yield OptionList(*[Option(f"[b]{a['action']}[/b] → {a['to_stage']}\n  [dim]{a['description'] or ''}[/dim]",
                                      id=a["action"]) for a in self.actions], id="actions")
        yield Footer()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(next(a for a in self.actions if a["action"] == event.option.id))

    def action_dismiss_none(self) -> None:
        self.dismiss(None)


class ActionForm(ModalScreen):
    """The action's fields as inputs; each change is checked by the same rules that record it."""

    BINDINGS = [Binding("ctrl+s", "record", "Record", priority=True), Binding("escape", "cancel", "Cancel")]
    AUTO_FOCUS = "Input, #record"

    def __init__(self, reference: str, action: dict[str, Any]) -> None:
        super().__init__()
        self.reference, self.action = reference, action
        self.fields = list(action["fields"]) + [f for f in action["optional_fields"] if f not in action["fields"]]
        self.ok = False
        self.recording = False
        self._checked_for: dict[str, str] | None = None

    def compose(self) -> ComposeResult:
        a = self.action
        with VerticalScroll(classes="dialog", id="form"):
            yield Static(f"[b]{a['action']}[/b] on {self.reference} → {a['to_stage']}\n[dim]{a['description'] or ''}[/dim]",
                         classes="title")
            for field in self.fields:
                required = field in a["fields"]
                yield Label(f"{field}{' *' if required else ' (optional)'}")
                yield Input(placeholder=placeholder_for(field), id=f"field-{field}")
            yield Static("", id="problem")
            with Horizontal(classes="buttons"):
                yield Button("Record (ctrl+s)", id="record", variant="primary")
                yield Button("Cancel (esc)", id="cancel")
        yield Footer()

    def on_mount(self) -> None:
        inputs = self.query(Input)
        if inputs:
            inputs.first().focus()
        self.check()

    def values(self) -> dict[str, str]:
        out = {}
        for field in self.fields:
            value = self.query_one(f"#field-{field}", Input).value.strip()
            if value:
                out[field] = value
        return out

    def on_input_changed(self, event: Input.Changed) -> None:
        self.set_timer(0.2, self.check)

    def check(self) -> None:
        values = self.values()
        if values == self._checked_for:
            return
        self._checked_for = values
        desk = self.app.desk  # type: ignore[attr-defined]
        self.app.fetch(self, lambda: desk.check_action(self.reference, self.action["action"], values),  # type: ignore[attr-defined]
                       lambda result: self._checked(values, result), group="check",
                       failed=lambda message: self._refused(values, message))

    def _checked(self, values: dict[str, str], result: dict[str, Any]) -> None:
        if values != self.values():
            return
        self.ok = True
        fees = f"; adds {format_pence(result['fees_pence'])}" if result["fees_pence"] else ""
        where = f"moves the case to {result['to']}" if result["to"] != result["from"] else "records it; the case stays"
        self.query_one("#problem", Static).update(f"[green]Ready: {where}{fees}.[/green]")

    def _refused(self, values: dict[str, str], message: str) -> None:
        if values != self.values():
            return
        self.ok = False
        self.query_one("#problem", Static).update(f"[red]{message}[/red]")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        inputs = list(self.query(Input))
        at = inputs.index(event.input) if event.input in inputs else -1
        if 0 <= at < len(inputs) - 1:
            inputs[at + 1].focus()
        else:
            self.action_record()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "record":
            self.action_record()
        else:
            self.action_cancel()

    def action_record(self) -> None:
        if self.recording:  # a second ctrl+s while the first is being written records nothing twice
            return
        values = self.values()
        desk = self.app.desk  # type: ignore[attr-defined]
        self.recording = True
        self.query_one("#problem", Static).update("Recording…")

        def refused(message: str) -> None:
            self.recording = False
            self._refused(values, message)

        self.app.fetch(self, lambda: desk.record_action(self.reference, self.action["action"], values),  # type: ignore[attr-defined]
                       self.dismiss, group="record", failed=refused)

    def action_cancel(self) -> None:
        self.dismiss(None)
