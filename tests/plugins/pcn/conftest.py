"""PCNs under test: council ``parkshire``, a band 2 higher £70.00 PCN fixed to a vehicle on 2 June 2025, and a council
run through the core services (the shared fixtures are in the plugins folder's conftest)."""

from __future__ import annotations

from datetime import date

import pytest

from arrears_pcn import PCN
from arrears_pcn.rules import review

ACCOUNT_COLUMNS = ("reference", "debt_type", "debtor_ref", "debtor_name", "amount", "date", "vehicle_reg", "band", "level",
                   "served_by")
OPTIONAL = ("served_on", "contravention_on", "contravention_code", "location", "keeper_address")
VEHICLE = {"vehicle_reg": "AB12 CDE", "band": "2", "level": "higher"}


class PcnSteps:
    """PCN steps of the services council, beside the shared ones."""

    def reasons(self, ref: str = "PCN1") -> list[str]:
        return [e["reason"] for e in self.events(ref)]


@pytest.fixture(scope="session")
def plugin(describe_plugin):
    """A hand-built case takes ``served_by`` (affixed unless given) beside its ``attrs``."""
    return describe_plugin(
        PCN, council="parkshire", profile="pcn_council.toml",
        ref="PCN1", first_stage="pcn_served", opened_on=date(2025, 6, 2), amount=7000,
        columns=lambda attrs, served_by="affixed": {**VEHICLE, "served_by": served_by, **(attrs or {})},
        account_columns=ACCOUNT_COLUMNS, optional_columns=OPTIONAL,
        account_defaults=lambda row: {"debtor_ref": f"K-{row['reference']}", "debtor_name": f"Keeper {row['reference']}",
                                      "amount": "70.00", "date": "2025-06-02", **VEHICLE, "served_by": "affixed"},
        council_steps=PcnSteps, review=review,
    )


@pytest.fixture
def review_of(decide):
    """The review of a case on its own day."""
    return decide


@pytest.fixture
def council(services_council):
    """Council ``parkshire`` from the test profile, driven through the core services."""
    return services_council()
