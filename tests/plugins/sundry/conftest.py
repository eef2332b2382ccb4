"""Sundry debts under test: council ``testshire``, a person's £120.50 invoice of 3 March 2025 on Rotherham's 21/14/14
timeline, and councils run through the core services (the shared fixtures are in the plugins folder's conftest)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from arrears_sundry import SUNDRY

ROTHERHAM = {"payment_terms_days": 21, "reminder_days": 14, "final_notice_days": 14}
ACCOUNT_COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "debtor_kind", "amount", "date", "service")


class SundrySteps:
    """Sundry steps of the services council, beside (or in place of) the shared ones."""

    def invoice(self, reference: str = "INV1", amount: str = "120.50", on: str = "2025-03-03", kind: str = "person",
                service: str = "") -> str:
        self.accounts({"reference": reference, "amount": amount, "date": on, "debtor_kind": kind, "service": service})
        return reference

    def pay(self, reference: str, amount: str, on: str) -> None:
        super().pay((reference, amount, on))

    def moves(self, ref: str = "INV1") -> list[tuple[str, str, str]]:
        return [(e["date"], e["rule"], e["to"]) for e in self.events(ref)]

    def reasons(self, ref: str = "INV1") -> dict[str, str]:
        return {e["rule"]: e["reason"] for e in self.events(ref)}


@pytest.fixture(scope="session")
def plugin(describe_plugin):
    """Contexts take Rotherham's 21/14/14 unless given."""
    return describe_plugin(
        SUNDRY, council="testshire", profile="sundry_council.toml",
        ref="INV1", first_stage="invoice", opened_on=date(2025, 3, 3), amount=12_050, parameter_defaults=ROTHERHAM,
        account_columns=ACCOUNT_COLUMNS,
        account_defaults=lambda row: {"debtor_ref": f"D-{row['reference']}", "debtor_name": f"Debtor {row['reference']}"},
        council_steps=SundrySteps,
    )


@pytest.fixture
def council_with(plugin, services_council, data_dir, tmp_path):
    """A council whose profile is the test profile (21/14/14) with some keys replaced or added."""

    def make(**values):
        lines = (data_dir / plugin.profile).read_text().splitlines()
        for key, value in values.items():
            text = value if isinstance(value, str) and value[:1] in "[{\"" else json.dumps(value)
            lines = [ln for ln in lines if not ln.startswith(f"{key} = ")] + [f"{key} = {text}"]
        path = tmp_path / "profile.toml"
        path.write_text("\n".join(lines) + "\n")
        return services_council(path)

    return make
