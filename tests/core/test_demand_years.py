"""A Council Tax or business rates demand's financial year must fit its issue date (CT Regs reg 34(3); NNDR Regs reg 11(3))."""

from __future__ import annotations

from datetime import date

import pytest

from arrears import demand_year_problems


def problems(year, issued):
    return demand_year_problems({"financial_year": year}, issued, first_year=1993, tax="Council Tax")


def test_an_annual_demand_in_march_and_a_late_one_years_on_are_fine():
    assert problems(2025, date(2025, 3, 10)) == []
    assert problems(2025, date(2025, 1, 1)) == []
    assert problems(2019, date(2026, 3, 31)) == []  # six years after 2019/20 ended


def test_a_year_before_the_tax_began_is_refused():
    assert problems(1900, date(2025, 3, 10)) == [("financial_year", "1900 is before Council Tax began (1993/94)")]


def test_a_demand_issued_before_the_january_before_its_year_is_refused():
    found = problems(2031, date(2025, 3, 10))
    assert found == [("financial_year", "a demand for 2031/32 cannot be issued on 2025-03-10, before January 2031")]
    assert problems(2025, date(2024, 12, 31))[0][1].endswith("before January 2025")
    assert problems(99999, date(2025, 3, 10))[0][1].startswith("a demand for 99999/00 cannot be issued")


def test_a_demand_more_than_six_years_after_the_year_is_refused():
    found = problems(2018, date(2025, 4, 1))
    assert found == [("financial_year", "a demand for 2018/19 issued on 2025-04-01 is more than six years after the year "
                                        "ended: no liability order could be sought")]


def test_import_refuses_a_bad_year_and_bad_instalment_columns_naming_line_and_column(arrears, data_dir, tmp_path):
    arrears("init", "--council", "ctshire", "--profile", data_dir / "council_tax_council.toml")
    bad = tmp_path / "demands.csv"
    bad.write_text(
        "reference,debt_type,debtor_ref,debtor_name,amount,date,financial_year,instalments,instalment_day\n"
        "CT1,council_tax,P1,Pat One,1200.00,2025-03-10,2025,,\n"
        "CT2,council_tax,P2,Pat Two,1200.00,2025-03-10,99999,,\n"
        "CT3,council_tax,P3,Pat Three,1200.00,2025-03-10,2025,13,\n"
        "CT4,council_tax,P4,Pat Four,1200.00,2025-03-10,2025,10,45\n"
    )
    result = arrears("import", "accounts", bad, "--council", "ctshire", expect=1)
    assert f"{bad}:3: financial_year: a demand for 99999/00 cannot be issued on 2025-03-10" in result.output
    assert f"{bad}:4: instalments: '13' is not one of" in result.output
    assert f"{bad}:5: instalment_day: '45' is not one of" in result.output
    assert "nothing was imported" in result.output
    assert "CT1" in arrears("account", "show", "CT1", "--council", "ctshire", expect=1).output  # not found: nothing written


def test_business_rates_import_checks_year_and_instalments(arrears, data_dir, tmp_path):
    arrears("init", "--council", "ratesville", "--profile", data_dir / "nndr_council.toml")
    bad = tmp_path / "rates.csv"
    bad.write_text(
        "reference,debt_type,debtor_ref,debtor_name,debtor_kind,amount,date,financial_year,instalments,instalment_day\n"
        "R1,nndr,C1,Co One,company,4000.00,2025-03-10,1989,,\n"
        "R2,nndr,C2,Co Two,company,4000.00,2025-03-10,2025,-3,\n"
        "R3,nndr,C3,Co Three,company,4000.00,2025-03-10,2025,,0\n"
    )
    result = arrears("import", "accounts", bad, "--council", "ratesville", expect=1)
    assert f"{bad}:2: financial_year: 1989 is before business rates began (1990/91)" in result.output
    assert f"{bad}:3: instalments: '-3' is not one of" in result.output
    assert f"{bad}:4: instalment_day: '0' is not one of" in result.output


# --- no summons more than six years after the sum fell due (CT Regs reg 34(3); NNDR Regs reg 11(3)) --------------

def _lost_case(debt_type: str, today: date, stage: str = "instalments_lost", since: date = date(2019, 4, 16)):
    """A 2019/20 demand, £300 of £1,200 paid, its balance payable from 16 April 2019 (one instalment, due 1 April)."""
    from arrears import Case

    state = {"payable_from": "2019-04-16"} if stage == "instalments_lost" else {}
    return Case(1, "OLD", debt_type, "person", stage, since, date(2019, 3, 10), 120_000, 90_000, 30_000, 120_000,
                None, today, {"financial_year": 2019}, state, [(date(2019, 4, 1), 120_000)])


def _review(debt_type: str, case):
    """The plugin's own nightly review of one case, through its hook."""
    from arrears import Context, WorkingCalendar
    from arrears.engine.plugins import build_plugin_host

    host = build_plugin_host()
    dt = host.debt_types[debt_type]
    ctx = Context("x", dt, dt.params(), WorkingCalendar(), case.today, None, "test")
    return host.hook.progress_cases(context=ctx, cases=[case])[0]


@pytest.mark.parametrize("debt_type, rule_on_time", [("council_tax", "summons_after_loss"), ("nndr", "final_notice")])
def test_six_years_after_the_balance_fell_due_no_summons_only_write_off(debt_type, rule_on_time):
    on_time = _review(debt_type, _lost_case(debt_type, date(2025, 4, 15)))
    assert on_time.move.rule == rule_on_time
    late = _review(debt_type, _lost_case(debt_type, date(2025, 4, 16)))
    assert (late.move.rule, late.move.to_stage) == ("out_of_time_instalments_lost", "out_of_time")
    assert "£900.00 unpaid six years after it fell due (time ran out on 2025-04-16)" in late.move.reason


def test_after_a_final_notice_six_years_run_from_the_end_of_its_days():
    # Final notice 2019-06-03: the sum fell due when its 7 days ran out, 2019-06-10.
    case = _lost_case("council_tax", date(2025, 6, 10), stage="final_notice", since=date(2019, 6, 3))
    assert _review("council_tax", case).move.to_stage == "out_of_time"
    case = _lost_case("council_tax", date(2025, 6, 9), stage="final_notice", since=date(2019, 6, 3))
    assert _review("council_tax", case).move.to_stage == "summons"
