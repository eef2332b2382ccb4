"""The HB overpayment section of a profile (dated tables, dated changes, refusals) and the ladder as data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from arrears.errors import ProfileError
from arrears.engine.plugins import build_plugin_host
from arrears.profiles.profile import council_profile_path, load_profile
from arrears_hb_overpayment import HB_OVERPAYMENT, dea_deduction, hb_weekly_maximum
from arrears_hb_overpayment.ladder import LADDER

DATA = Path(__file__).parent.parent.parent / "data" / "hb_overpayment_council.toml"


@pytest.fixture(scope="module")
def debt_types():
    return build_plugin_host(blocked=()).debt_types


def profile(tmp_path, debt_types, extra: str = "", *replace: tuple[str, str]):
    text = DATA.read_text()
    for old, new in replace:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "council.toml"
    path.write_text(text + extra)
    return load_profile(path, debt_types)


def test_the_test_profile_gives_the_we20_rates_on_each_side_of_the_uprating(tmp_path, debt_types):
    loaded = profile(tmp_path, debt_types)
    for on, expected in ((date(2025, 4, 6), 1365), (date(2025, 4, 7), 1395)):
        assert hb_weekly_maximum(loaded.params("hb_overpayment", on), on, fraud=False).pence == expected


def test_a_dated_change_replaces_the_dea_table_from_its_date(tmp_path, debt_types):
    loaded = profile(tmp_path, debt_types, """
[[debt_types.hb_overpayment.changes]]
effective_from = 2026-04-01
dea = { cap_percent = "30", top_percent = "25" }
""")
    before = loaded.params("hb_overpayment", date(2026, 3, 31)).dea
    after = loaded.params("hb_overpayment", date(2026, 4, 1)).dea
    assert dea_deduction(60000, "weekly", before).pence == 12000
    assert dea_deduction(60000, "weekly", after).pence == 15000


def test_a_table_out_of_date_order_is_refused_with_its_key(tmp_path, debt_types):
    with pytest.raises(ProfileError) as err:
        profile(tmp_path, debt_types, "", ("{ effective_from = 2025-04-07, pence = 9205 }",
                                           "{ effective_from = 2024-01-01, pence = 9205 }"))
    assert any("debt_types.hb_overpayment" in p and "effective_from order" in p for p in err.value.problems), err.value.problems


def test_an_unknown_method_in_the_order_is_refused(tmp_path, debt_types):
    with pytest.raises(ProfileError) as err:
        profile(tmp_path, debt_types, "", ('recovery_order = ["ongoing_hb", "invoice"', 'recovery_order = ["bailiff", "invoice"'))
    assert any("recovery_order" in p for p in err.value.problems), err.value.problems


def test_a_bundled_profile_with_an_empty_section_gets_the_dated_defaults(debt_types):
    loaded = load_profile(council_profile_path("rotherham"), debt_types)
    params = loaded.params("hb_overpayment", date(2025, 6, 2))
    assert (params.invoice_days, params.final_notice_days) == (7, 7)
    assert hb_weekly_maximum(params, date(2024, 6, 3), fraud=True).pence == 2275


def test_the_ladder_is_valid_and_every_automatic_rule_has_a_guard():
    LADDER.validate(HB_OVERPAYMENT.guards)
    autos = [t for t in LADDER.transitions if t.kind == "auto"]
    assert autos[0].rule == "official_error" and autos[1].rule == "cleared"   # tried first, in this order
    assert {t.guard for t in autos} == set(HB_OVERPAYMENT.guards)


def test_every_method_stage_can_hand_back_to_review_and_terminal_stages_are_closed():
    back = {t.source for t in LADDER.transitions if t.target == "recovery_review" and t.kind == "action"}
    methods = {"ongoing_hb_deduction", "dwp_deduction", "direct_earnings_attachment", "landlord_recovery",
               "rent_account_transfer", "collection_agent", "county_court", "invoice", "final_notice"}
    assert methods <= back
    assert {s.id for s in LADDER.stages if s.terminal} == {"not_recoverable", "cancelled", "paid", "written_off"}
    assert [a.name for a in LADDER.actions("ongoing_hb_deduction")] == [
        "agree_hardship_rate", "hb_deduction_ended", "write_off"]
