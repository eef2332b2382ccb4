"""Importing overpayments through the CLI: each column checked alone and together, all or nothing."""

from __future__ import annotations


def test_bad_rows_are_reported_by_file_line_and_column_and_nothing_is_written(council, csv, h):
    rows = [
        h.row("OK1"),
        h.row("BAD2", period_end="2024-10-01"),                                   # before period_start
        h.row("BAD3", period_start="2025-03-01", period_end="2025-03-02"),        # after the notice
        h.row("BAD4", cause="official_error"),                                    # error_apparent missing
        h.row("BAD5", error_apparent="yes"),                                      # only for official error
        h.row("BAD6", fraud="yes"),                                               # fraud rate needs cause fraud
        h.row("BAD7", earnings_disregard="25.00"),                                # not on HB
        h.row("BAD8", cause="mistake", period_start="7/10/2024", on_hb="perhaps"),
        h.row("BAD9", period_end=""),
    ]
    path = csv.accounts(rows)
    result = council("import", "accounts", path, "--council", "hbshire", expect=None)
    assert result.exit_code != 0
    out = result.output
    name = path.name
    for expected in (
        f"{name}:3: period_end: 2024-10-01 is before period_start 2024-10-07",
        f"{name}:4: period_start: 2025-03-01 is after the notice date 2025-02-03",
        f"{name}:5: error_apparent: is required when cause is official_error",
        f"{name}:6: error_apparent: applies only when cause is official_error, not claimant_error",
        f"{name}:7: fraud: the fraud rates need cause fraud, not claimant_error",
        f"{name}:8: earnings_disregard: applies only to a debtor still on HB (on_hb yes)",
        f"{name}:9: period_start: '7/10/2024' is not a date (YYYY-MM-DD)",
        f"{name}:9: cause: 'mistake' is not one of claimant_error, official_error, fraud, landlord_error, other",
        f"{name}:9: on_hb: 'perhaps' is not yes or no",
        f"{name}:10: period_end: is required",
    ):
        assert expected in out, (expected, out)
    assert f"{name}:2:" not in out
    assert council("account", "show", "OK1", "--council", "hbshire", expect=None).exit_code != 0   # nothing written


def test_good_rows_import_with_their_columns(council, csv, h):
    council("import", "accounts", csv.accounts([
        h.row("A1", cause="official_error", error_apparent="yes", on_hb="yes", earnings_disregard="25.00"),
        h.row("A2", cause="fraud", fraud="yes", period_start="2025-02-03", period_end="2025-02-03"),
    ]), "--council", "hbshire")
    shown = h.show(council, "A1")
    assert shown["attrs"]["earnings_disregard"] == 2500 and shown["attrs"]["error_apparent"] is True
    assert shown["stage"] == "overpayment_notice"
    assert h.show(council, "A2")["attrs"]["fraud"] is True


def test_an_official_error_overpayment_is_charged_cancelled_and_closed_on_its_first_night(council, csv, h):
    council("import", "accounts", csv.accounts([h.row("OE", cause="official_error", error_apparent="no")]),
            "--council", "hbshire")
    h.run_to(council, "2025-02-03")
    shown = h.show(council, "OE")
    assert (shown["stage"], shown["balance_pence"], shown["closed_on"]) == ("not_recoverable", 0, "2025-02-03")
    ledger = [(t["type"], t["amount_pence"]) for t in shown["timeline"] if t["type"] != "stage"]
    assert ledger == [("charge", 120_000), ("adjustment", -120_000)]
    assert h.moves(shown) == [("2025-02-03", "official_error", "not_recoverable")]
    assert "not recoverable (HB Regs 2006 reg 100(2))" in h.text(council, "OE")
