"""The accounts-CSV columns a rent account adds, and the checks that read them together.

The core ``amount`` is the rent charged each rent period and the core ``date``
the day from which this system debits rent (the first rent day on or after it
starts a full period; days before it are charged pro rata).
"""

from __future__ import annotations

from datetime import date

from arrears import Column

from .periods import PERIODS, default_day

COLUMNS = (
    Column("rent_period", "choice", required=True, choices=PERIODS,
           help="How often rent falls due; the core amount is the rent for one period."),
    Column("rent_day", "int",
           help="Day rent falls due: weekday 1-7 (Monday 1) for weekly, fortnightly and four-weekly periods, day of the "
                "month 1-28 for monthly; blank: the weekday or day of the tenancy start (else of the account's date)."),
    Column("tenancy_start", "date", help="Start of the secure tenancy (fixes a fortnightly or four-weekly cycle)."),
    Column("arrears_brought_forward", "money",
           help="Arrears owed on the account's date (from the previous rent system), debited on that date."),
    Column("last_statement_on", "date", help="Date the last rent statement was sent (protocol: at least quarterly)."),
    Column("benefit_claim_pending", "bool",
           help="The tenant has properly made a benefit claim not yet decided: no proceedings meanwhile (protocol)."),
    Column("uc_managed_payment", "bool",
           help="Universal Credit pays the housing costs straight to the council (managed payment)."),
    Column("property_ref", "text", help="The council's reference for the dwelling."),
)


def check_row(attrs: dict, amount_pence: int, opened_on: date) -> list[tuple[str, str]]:
    """(column, problem) for each way the row's rent columns do not fit together."""
    problems: list[tuple[str, str]] = []
    kind = attrs.get("rent_period")
    if kind is None:
        return problems
    start_text = attrs.get("tenancy_start")
    start = date.fromisoformat(start_text) if start_text else opened_on
    if start > opened_on:
        problems.append(("tenancy_start", f"{start.isoformat()} is after the account's date {opened_on.isoformat()}, "
                                          "from which rent is debited"))
    day = attrs.get("rent_day")
    if kind == "monthly":
        if day is None and default_day(kind, start) > 28:
            problems.append(("rent_day", f"is needed: the tenancy starts on day {start.day} of the month and a monthly "
                                         "rent day must be 1-28"))
        elif day is not None and not 1 <= day <= 28:
            problems.append(("rent_day", f"{day} is not a day of the month 1-28 (monthly rent)"))
    elif day is not None and not 1 <= day <= 7:
        problems.append(("rent_day", f"{day} is not a weekday 1-7, Monday 1 ({kind.replace('_', '-')} rent)"))
    statement = attrs.get("last_statement_on")
    if statement and date.fromisoformat(statement) < start:
        problems.append(("last_statement_on", f"{statement} is before the tenancy starts ({start.isoformat()})"))
    return problems
