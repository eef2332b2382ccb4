"""Write-off consultations in the profile and on ``arrears account act ... write_off`` (DOMAIN §9, Reading; WE-29)."""

from __future__ import annotations

import json

import pytest

from arrears.errors import ProfileError
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import load_profile

COUNCIL = "testshire"
# Reading (DOMAIN §9): an uneconomical debt over £10 needs the Corporate Debt Team consulted, then
# the Head of Finance or a Service Head gives permission. The delegation limits are the test's own.
READING_WRITE_OFF = """[write_off]
reasons = ["uneconomical", "cannot_trace"]
delegations = [
  { authority = "recovery_officer", up_to_pence = 50000 },
  { authority = "head_of_finance", up_to_pence = 1000000 },
  { authority = "committee" },
]

[[write_off.consultations]]
reasons = ["uneconomical"]
above_pence = 1000
consult = "corporate_debt_team"
approvers = ["head_of_finance", "service_head"]
"""


def _profile_text(data_dir) -> str:
    text = (data_dir / "sundry_council.toml").read_text()
    start = text.index("[write_off]")
    end = text.index("[debt_types.sundry]")
    return text[:start] + READING_WRITE_OFF + "\n" + text[end:]


@pytest.fixture
def reading(arrears, data_dir, tmp_path, h):
    """Testshire with Reading's write-off rules; invoices of £10.00 and £10.01, and a larger one, unpaid."""
    path = tmp_path / "testshire.toml"
    path.write_text(_profile_text(data_dir))
    arrears("init", "--council", COUNCIL, "--profile", path)
    h.write_invoices(tmp_path / "a.csv", [("TEN", "10.00", "2025-03-03"), ("TENP1", "10.01", "2025-03-03"),
                                          ("BIG", "600.00", "2025-03-03")])
    arrears("import", "accounts", tmp_path / "a.csv", "--council", COUNCIL)
    h.run_json(arrears, "2025-03-10")
    for login, role in (("clerk", "recovery_officer"), ("hof", "head_of_finance"), ("sh", "service_head"),
                        ("member", "committee"), ("temp", "agency_staff")):
        arrears("officer", "add", login, "--council", COUNCIL, "--role", role)
    return arrears


def _write_off(cli, ref, officer, *fields, expect=0):
    return cli("account", "act", ref, "write_off", "reason=uneconomical", *fields, "--council", COUNCIL,
               "--officer", officer, "--date", "2025-03-11", expect=expect)


def _last_facts(cli, h, ref):
    return [t for t in h.show(cli, ref)["timeline"] if t["type"] == "stage"][-1]["facts"]


def test_we29_ten_pounds_uneconomical_needs_no_consultation(reading, h):
    _write_off(reading, "TEN", "clerk")
    assert h.show(reading, "TEN")["stage"] == "written_off"
    facts = _last_facts(reading, h, "TEN")
    assert (facts["authority_needed"], facts["consultation"]) == ("recovery_officer", "not required")


def test_we29_ten_pounds_one_penny_must_consult_the_corporate_debt_team_first(reading, h):
    refused = _write_off(reading, "TENP1", "hof", expect=1)
    assert "over £10.00" in refused.output and "consult 'corporate_debt_team' first" in refused.output
    assert "consulted=corporate_debt_team" in refused.output
    assert "'head_of_finance' or 'service_head' approves" in refused.output
    wrong = _write_off(reading, "TENP1", "hof", "consulted=legal", expect=1)
    assert "names someone else" in wrong.output
    assert h.show(reading, "TENP1")["stage"] == "invoice"


def test_we29_after_consulting_a_recovery_officer_may_not_approve(reading, h):
    refused = _write_off(reading, "TENP1", "clerk", "consulted=corporate_debt_team", expect=1)
    assert "needs approval by 'head_of_finance' or 'service_head'" in refused.output
    assert "'recovery_officer'" in refused.output
    refused = _write_off(reading, "TENP1", "temp", "consulted=corporate_debt_team", expect=1)
    assert "'agency_staff'" in refused.output
    assert h.show(reading, "TENP1")["stage"] == "invoice"


@pytest.mark.parametrize("officer", ["hof", "sh", "member"])
def test_we29_after_consulting_head_of_finance_or_service_head_approves(reading, h, officer):
    # The committee ranks above every approver in the delegations, so it may approve too.
    _write_off(reading, "TENP1", officer, "consulted=corporate_debt_team")
    shown = h.show(reading, "TENP1")
    assert (shown["stage"], shown["balance_pence"]) == ("written_off", 0)
    facts = _last_facts(reading, h, "TENP1")
    assert facts["consult"] == facts["consulted"] == "corporate_debt_team"
    assert facts["approvers"] == ["head_of_finance", "service_head"]
    assert facts["authority_needed"] == "recovery_officer"


def test_a_consultation_does_not_lift_the_delegation_limit(reading, h):
    # £600 needs the Head of Finance by delegation: a Service Head approves consultations only at officer level.
    refused = _write_off(reading, "BIG", "sh", "consulted=corporate_debt_team", expect=1)
    assert "needs authority 'head_of_finance'" in refused.output
    _write_off(reading, "BIG", "hof", "consulted=corporate_debt_team")
    assert h.show(reading, "BIG")["stage"] == "written_off"


def test_a_reason_the_consultation_does_not_name_needs_none(reading, h):
    reading("account", "act", "TENP1", "write_off", "reason=cannot_trace", "--council", COUNCIL,
            "--officer", "clerk", "--date", "2025-03-11")
    assert _last_facts(reading, h, "TENP1")["consultation"] == "not required"


def test_consulted_is_the_only_extra_field_a_write_off_takes(reading):
    refused = _write_off(reading, "TEN", "clerk", "approved_by=me", expect=1)
    assert "unknown approved_by" in refused.output and "reason, consulted" in refused.output


def test_consultation_reasons_must_be_write_off_reasons(data_dir, tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(_profile_text(data_dir).replace('reasons = ["uneconomical"]', 'reasons = ["uneconomic"]'))
    with pytest.raises(ProfileError) as err:
        load_profile(path, build_plugin_host(blocked=()).debt_types)
    assert err.value.problems == [f"{path}: write_off.consultations[0].reasons[0]: 'uneconomic' is not one of write_off.reasons"]


def test_consultation_shows_in_the_effective_profile(arrears, data_dir, tmp_path):
    path = tmp_path / "reading_like.toml"
    path.write_text(_profile_text(data_dir))
    shown = json.loads(arrears("profile", "show", str(path), "--json").output)["profile"]["write_off"]
    assert shown["consultations"] == [{"reasons": ["uneconomical"], "above_pence": 1000,
                                       "consult": "corporate_debt_team", "approvers": ["head_of_finance", "service_head"]}]
