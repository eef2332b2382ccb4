"""Council tax under test: council ``ctshire``, a person's £1,200.00 demand of 10 March 2025 for 2025/26, and a
council run through the core services (the shared fixtures are in the plugins folder's conftest)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_council_tax import COUNCIL_TAX

ACCOUNT_COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "financial_year")
OPTIONAL = ("debtor_kind", "joint_debtor_ref", "joint_debtor_name", "instalments", "instalment_day", "direct_debit",
            "employer", "benefit", "owns_dwelling")


class CouncilTaxSteps:
    """Council tax steps of the services council, beside the shared ones."""

    def account(self, reference: str = "CT1", amount: str = "1200.00", **cols) -> str:
        """One account: date 2025-03-10, year 2025 and a debtor of its own unless the columns say otherwise."""
        self.accounts({"reference": reference, "amount": amount, **cols})
        return reference


@pytest.fixture(scope="session")
def plugin(describe_plugin):
    return describe_plugin(
        COUNCIL_TAX, council="ctshire", profile="council_tax_council.toml",
        ref="CT1", first_stage="demand", opened_on=date(2025, 3, 10), amount=120_000,
        columns=lambda attrs: attrs or {"financial_year": 2025},
        account_columns=ACCOUNT_COLUMNS, optional_columns=OPTIONAL,
        account_defaults=lambda row: {"debtor_ref": f"P-{row['reference']}", "debtor_name": f"Taxpayer {row['reference']}",
                                      "date": "2025-03-10", "financial_year": "2025"},
        council_steps=CouncilTaxSteps,
    )


@pytest.fixture
def council(services_council):
    """Council ``ctshire`` from the test profile, driven through the core services."""
    return services_council()
