"""Money helpers: pounds as council systems export them, pence everywhere, the half-up penny rule."""

from __future__ import annotations

from decimal import Decimal

import pytest

from arrears import format_pence, parse_pounds, percent_of, pounds
from arrears.money import MoneyError


@pytest.mark.parametrize(
    ("text", "pence"),
    [
        ("1,234.56", 123456),
        ("£12", 1200),
        ("0.5", 50),  # one decimal place means tens of pence, not 5p
        ("7", 700),
        ("0.05", 5),
        ("12.30", 1230),
        ("£1,234,567.89", 123456789),
        ("  99.99 ", 9999),  # surrounding spaces from fixed-width exports
        ("0", 0),
    ],
)
def test_parse_pounds_reads_council_exports_into_pence(text, pence):
    value = parse_pounds(text)
    assert value == pence
    assert type(value) is int


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("", "empty"),
        ("   ", "empty"),
        ("1.234", "more than two decimal places"),
        ("abc", "not an amount"),
        ("-5", "negative"),
        ("-£5.00", "negative"),
        ("1,23", "not an amount"),  # a continental decimal comma, not a thousands separator
        ("1234,567", "not an amount"),  # thousands separators must group by three from the left
        ("12.", "not an amount"),
        ("£", "not an amount"),
        ("1 234", "not an amount"),
        ("12.5p", "not an amount"),
    ],
)
def test_parse_pounds_rejects_what_is_not_an_amount(text, words):
    with pytest.raises(MoneyError) as err:
        parse_pounds(text)
    assert words in str(err.value)
    assert isinstance(err.value, ValueError)


def test_rejection_quotes_the_offending_text():
    with pytest.raises(MoneyError, match=r"'12\.345'"):
        parse_pounds("12.345")


@pytest.mark.parametrize(("text", "pence"), [("-5", -500), ("-£1,234.56", -123456), ("-0.5", -50), ("5", 500)])
def test_negative_amounts_only_when_allowed(text, pence):
    assert parse_pounds(text, allow_negative=True) == pence


def test_allow_negative_still_rejects_garbage():
    for text in ("--5", "-", "-1.234", "-1,23"):
        with pytest.raises(MoneyError):
            parse_pounds(text, allow_negative=True)


@pytest.mark.parametrize(
    ("pence", "shown"),
    [
        (123456, "£1,234.56"),
        (0, "£0.00"),
        (5, "£0.05"),
        (50, "£0.50"),
        (100, "£1.00"),
        (100_000_000, "£1,000,000.00"),
        (-5, "-£0.05"),
        (-123456, "-£1,234.56"),
    ],
)
def test_format_pence(pence, shown):
    assert format_pence(pence) == shown


@pytest.mark.parametrize("pence", [0, 1, 99, 100, 101, 123456, 999_999_999])
def test_format_then_parse_round_trips(pence):
    assert parse_pounds(format_pence(pence)) == pence
    assert parse_pounds(format_pence(-pence), allow_negative=True) == -pence


@pytest.mark.parametrize(
    ("pence", "percent", "expected"),
    [
        (50000, "7.5", 3750),  # EA fee: 7.5% of £500 is £37.50 (DOMAIN WE-01)
        (150000, Decimal("7.5"), 11250),
        (10, "5", 1),  # 0.5p rounds half up to 1p
        (30, "5", 2),  # 1.5p -> 2p
        (50, "5", 3),  # 2.5p -> 3p (banker's rounding would give 2p)
        (70, "5", 4),  # 3.5p -> 4p
        (10, "2.5", 0),  # 0.25p rounds down
        (29, "5", 1),  # 1.45p rounds down: no double rounding
        (40014, 5, 2001),  # UC 5% of £400.14 = £20.007 -> £20.01 (DOMAIN WE-22)
        (40014, 15, 6002),  # 15% of £400.14 = £60.021 -> £60.02
        (12345, 0, 0),
        (12345, 100, 12345),
    ],
)
def test_percent_of_rounds_half_up_to_the_penny(pence, percent, expected):
    result = percent_of(pence, percent)
    assert result == expected
    assert type(result) is int


def test_percent_of_is_exact_decimal_not_float():
    # Beyond 2**53 pence a float product loses pence; Decimal does not.
    # 7.5% of 123,456,789,012,345,678p = 9,259,259,175,925,925.85p -> ...926p.
    assert percent_of(123456789012345678, "7.5") == 9259259175925926
    assert percent_of(3, "0.1") == 0
    # A percentage with many places is taken as written: 33.335% of 1000p = 333.35p -> 333p.
    assert percent_of(1000, "33.335") == 333


@pytest.mark.parametrize(("value", "pence"), [(12, 1200), ("12.34", 1234), ("0.1", 10), (Decimal("2.5"), 250), (0, 0)])
def test_pounds_literals(value, pence):
    assert pounds(value) == pence
    assert type(pounds(value)) is int


@pytest.mark.parametrize("value", ["0.001", "1.005", "twelve", "", 0.1 + 0.2])
def test_pounds_refuses_what_is_not_whole_pence(value):
    with pytest.raises(MoneyError):
        pounds(value)


def test_parse_pounds_refuses_an_amount_no_ledger_column_can_hold():
    # An account number exported into the amount column must be refused, not overflow a 64-bit column later.
    with pytest.raises(MoneyError):
        parse_pounds("123456789012345678901234")
    assert parse_pounds("9,999,999.99") == 999999999  # large but real amounts are fine
