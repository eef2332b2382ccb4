"""Business rates under test: council ``ratesville``, a company's £1,200.00 demand of 10 March 2025 for 2025/26, and
the council registered through the CLI (the shared fixtures are in the plugins folder's conftest)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_nndr import NNDR

ACCOUNT_COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "debtor_kind", "financial_year",
                   "instalments", "instalment_day")


class RatesSteps:
    """Business rates CLI steps, beside the shared ones."""

    def open_account(self, cli, csv, ref: str, amount: str = "1200.00", issued: str = "2025-03-10", kind: str = "company",
                     payments=(), **cols) -> None:
        """Import one business rates account for 2025/26 and its payments ((amount, date) pairs)."""
        row = {"reference": ref, "debtor_ref": f"D-{ref}", "debtor_name": f"Ratepayer {ref}", "amount": amount,
               "date": issued, "debtor_kind": kind, "financial_year": 2025, **cols}
        self.open(cli, csv, row)
        if payments:
            self.pay(cli, csv, *[(ref, a, on) for a, on in payments])


@pytest.fixture(scope="session")
def plugin(describe_plugin):
    return describe_plugin(
        NNDR, council="ratesville", profile="nndr_council.toml",
        ref="R1", first_stage="demand", opened_on=date(2025, 3, 10), amount=120_000, kind="company",
        columns=lambda attrs: attrs or {"financial_year": 2025},
        account_columns=ACCOUNT_COLUMNS, cli_steps=RatesSteps,
    )


@pytest.fixture
def council(make_council):
    """The CLI with council ``ratesville`` (business rates only) registered and officer ``jsmith`` added."""
    return make_council()


@pytest.fixture
def shown(h):
    return h.show
