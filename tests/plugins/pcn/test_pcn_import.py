"""Importing PCNs: the columns, and the band and amount against the council's charge table (DOMAIN §5.1)."""

from __future__ import annotations

from datetime import date

import pytest
import sqlalchemy as sa

from arrears.errors import ImportRejected
from arrears_pcn.columns import check_row
from arrears_pcn.params import PcnParameters

P = PcnParameters()
ROW = {"vehicle_reg": "AB12 CDE", "band": "2", "level": "higher", "served_by": "affixed"}
LONDON = """A = { higher_pence = 16000, lower_pence = 11000 }
B = { higher_pence = 13000, lower_pence = 8000 }"""


def problems_of(council, *rows: dict) -> list[str]:
    with pytest.raises(ImportRejected) as caught:
        council.accounts(*rows)
    return caught.value.problems


def count(council) -> int:
    with council.engine.connect() as conn:
        return conn.execute(sa.text("SELECT count(*) FROM account")).scalar_one()


@pytest.mark.parametrize("band, level, pounds", [("1", "higher", "60.00"), ("1", "lower", "40.00"),
                                                 ("2", "higher", "70.00"), ("2", "lower", "50.00")])
def test_each_charge_of_the_default_table_imports(council, band, level, pounds):
    council.accounts({"reference": "PCN1", "band": band, "level": level, "amount": pounds})
    shown = council.show()
    assert shown["attrs"] == {**ROW, "band": band, "level": level}
    assert (shown["amount_pence"], shown["stage"]) == (int(pounds.replace(".", "")), "pcn_served")


def test_a_band_not_in_the_table_is_refused_with_file_line_and_column(council):
    problems = problems_of(council, {"reference": "PCN1"}, {"reference": "PCN2", "band": "3"})
    assert len(problems) == 1 and problems[0].endswith(
        "accounts_1.csv:3: band: '3' is not a band in the council's charge table (bands: 1, 2)")
    assert count(council) == 0  # nothing half-written


def test_an_amount_other_than_the_tables_charge_is_refused(council):
    problems = problems_of(council, {"reference": "PCN1", "amount": "60.00"})
    assert problems == [f"{council.folder / 'accounts_1.csv'}:2: amount: £60.00 is not the band 2 higher level charge of "
                        "£70.00 in the council's charge table"]


def test_the_columns_are_checked_one_by_one(council):
    problems = problems_of(
        council,
        {"reference": "PCN1", "level": "middle"},
        {"reference": "PCN2", "served_by": "post"},
        {"reference": "PCN3", "vehicle_reg": ""},
        {"reference": "PCN4", "contravention_on": "2025-02-30"},
    )
    tails = [p.split(".csv:", 1)[1] for p in problems]
    assert tails == [
        "2: level: 'middle' is not one of higher, lower",
        "3: served_by: 'post' is not one of affixed, handed, camera, postal",
        "4: vehicle_reg: is required",
        "5: contravention_on: '2025-02-30' is not a date (YYYY-MM-DD)",
    ]


def test_service_and_contravention_dates_must_agree_with_the_pcn(council):
    problems = problems_of(
        council,
        {"reference": "PCN1", "served_on": "2025-06-04"},
        {"reference": "PCN2", "served_by": "camera", "served_on": "2025-06-01"},
        {"reference": "PCN3", "contravention_on": "2025-06-03"},
    )
    tails = [p.split(".csv:", 1)[1] for p in problems]
    assert tails == [
        "2: served_on: an on-street PCN (affixed) is served on its date 2025-06-02; leave served_on empty",
        "3: served_on: 2025-06-01 is before the day of posting 2025-06-02",
        "4: contravention_on: 2025-06-03 is after the PCN's date 2025-06-02",
    ]


def test_a_postal_pcn_with_its_recorded_service(council):
    council.accounts({"reference": "PCN1", "served_by": "camera", "served_on": "2025-06-05", "contravention_on": "2025-05-30",
                      "keeper_address": "1 High Street"})
    council.run("2025-06-02")
    charge = [t for t in council.show()["timeline"] if t["type"] == "charge"][0]
    assert charge["description"] == ("Penalty charge, band 2 higher level, AB12 CDE: PCN posted (camera) 2025-06-02, "
                                      "served 2025-06-05; £35.00 if paid by 2025-06-25 (21 days), £70.00 by 2025-07-02")


def test_a_london_councils_own_bands(council_with):
    london = council_with("", charges=LONDON)
    london.accounts({"reference": "PCN1", "band": "A", "amount": "160.00"})
    assert problems_of(london, {"reference": "PCN2", "band": "2"})[0].endswith(
        "band: '2' is not a band in the council's charge table (bands: A, B)")


def test_the_charge_table_in_force_on_the_pcns_date(council_with):
    dated = council_with("", charges='"1" = { higher_pence = 6000, lower_pence = 4000 }\n'
                                     '"2" = { higher_pence = 7000, lower_pence = 5000 }\n\n'
                                     '[[debt_types.pcn.changes]]\neffective_from = 2025-07-01\n'
                                     'charges = { "1" = { higher_pence = 6500, lower_pence = 4500 }, '
                                     '"2" = { higher_pence = 7500, lower_pence = 5500 } }')
    dated.accounts({"reference": "OLD", "date": "2025-06-30", "amount": "70.00"},
                   {"reference": "NEW", "date": "2025-07-01", "amount": "75.00"})
    assert problems_of(dated, {"reference": "LATE", "date": "2025-07-01", "amount": "70.00"})[0].endswith(
        "amount: £70.00 is not the band 2 higher level charge of £75.00 in the council's charge table")


def test_the_row_check_alone():
    assert check_row(dict(ROW), 7000, date(2025, 6, 2), P) == []
    assert check_row({**ROW, "band": "9"}, 7000, date(2025, 6, 2), P) == [
        ("band", "'9' is not a band in the council's charge table (bands: 1, 2)")]


def test_a_profile_with_an_empty_or_bad_charge_table_is_refused(host, tmp_path, data_dir):
    from arrears.errors import ProfileError
    from arrears.profiles.profile import load_profile

    for extra, words in (("charges = {}", "at least one band"),
                         ('charges = { "1" = { higher_pence = 0, lower_pence = 4000 } }', "greater than 0"),
                         ('charges = { "1" = { higher_pence = 6000 } }', "missing")):
        text = (data_dir / "pcn_council.toml").read_text()
        text = text.replace('[debt_types.pcn.charges]\n"1" = { higher_pence = 6000, lower_pence = 4000 }\n'
                            '"2" = { higher_pence = 7000, lower_pence = 5000 }\n', "")
        text = text.replace("[debt_types.pcn]\n", "[debt_types.pcn]\n" + extra + "\n")
        path = tmp_path / "bad.toml"
        path.write_text(text)
        with pytest.raises(ProfileError) as caught:
            load_profile(path, host.debt_types)
        assert any("debt_types.pcn.charges" in p and words in p for p in caught.value.problems), caught.value.problems
