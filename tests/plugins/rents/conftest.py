"""Council rents under test: council ``rentshire``, a tenancy at £100.00 a week from Monday 7 April 2025, and the
council registered through the CLI with officer ``hoa`` (the shared fixtures are in the plugins folder's conftest)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_rents import RENTS

MONDAY = date(2025, 4, 7)
COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "rent_period", "rent_day",
           "tenancy_start", "arrears_brought_forward", "last_statement_on", "benefit_claim_pending", "uc_managed_payment")


def case_columns(attrs: dict | None, period: str = "weekly", rent_day: int | None = 1) -> dict:
    return {"rent_period": period, **({"rent_day": rent_day} if rent_day is not None else {}), **(attrs or {})}


@pytest.fixture(scope="session")
def plugin(describe_plugin):
    """A hand-built case takes its weekly rent as ``rent`` and its ``period`` and ``rent_day`` beside its ``attrs``."""
    return describe_plugin(
        RENTS, council="rentshire", profile="rents_council.toml",
        ref="R1", first_stage="current", opened_on=MONDAY, amount=10_000, amount_keyword="rent", columns=case_columns,
        officer=("hoa", "housing_officer"), account_columns=COLUMNS,
        account_defaults=lambda row: {"debtor_ref": f"T-{row['reference']}", "debtor_name": f"Tenant {row['reference']}",
                                      "amount": "100.00", "date": MONDAY.isoformat(), "rent_period": "weekly",
                                      "rent_day": "1"},
    )


@pytest.fixture
def council(make_council):
    """The CLI with council ``rentshire`` (rents only) registered and officer ``hoa`` (a housing officer) added."""
    return make_council()
