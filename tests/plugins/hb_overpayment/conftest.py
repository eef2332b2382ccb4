"""HB overpayments under test: council ``hbshire``, a claimant-error overpayment of £1,200.00 for 7 October 2024 to
5 January 2025 notified on 3 February 2025, and the council registered through the CLI (the shared fixtures are in
the plugins folder's conftest)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_hb_overpayment import HB_OVERPAYMENT
from arrears_hb_overpayment.review import review

BASE_ATTRS = {"period_start": "2024-10-07", "period_end": "2025-01-05", "cause": "claimant_error"}
COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "debtor_kind", "period_start",
           "period_end", "cause", "error_apparent", "fraud", "on_hb", "earnings_disregard", "landlord_paid", "benefit",
           "employer", "rent_account", "claim_ref")


class OverpaymentSteps:
    """HB overpayment CLI steps, beside the shared ones."""

    @staticmethod
    def row(ref: str, amount: str = "1200.00", notice: str = "2025-02-03", **cols) -> dict:
        """One overpayment row: a claimant-error overpayment for 7 Oct 2024 to 5 Jan 2025 unless the columns say otherwise."""
        return {"reference": ref, "debtor_ref": f"D-{ref}", "debtor_name": f"Claimant {ref}", "amount": amount,
                "date": notice, "debtor_kind": "person", **BASE_ATTRS, **cols}


@pytest.fixture(scope="session")
def plugin(describe_plugin):
    """A hand-built case's keywords beyond the usual ones are its import columns (over the base overpayment's)."""
    return describe_plugin(
        HB_OVERPAYMENT, council="hbshire", profile="hb_overpayment_council.toml",
        ref="H1", first_stage="overpayment_notice", opened_on=date(2025, 2, 3), amount=120_000,
        columns=lambda attrs, **cols: {**BASE_ATTRS, **(attrs or {}), **cols},
        account_columns=COLUMNS, cli_steps=OverpaymentSteps, review=review,
    )


@pytest.fixture
def council(make_council):
    """The CLI with council ``hbshire`` (HB overpayments only) registered and officer ``jsmith`` added."""
    return make_council()
