"""The PCN's import columns and the checks on a row as a whole (band and amount against the council's charge table).

The core ``date`` is the day an on-street PCN was fixed to the vehicle or
handed over (its service), or the day a postal PCN was posted; the core
``amount`` is the penalty charge, which must be the charge table's figure for
the row's band and level on that date. The debtor is the registered keeper.
"""

from __future__ import annotations

from datetime import date

from arrears import Column, format_pence

from .amounts import LEVELS, level_label
from .dates import ON_STREET

SERVED_BY = ("affixed", "handed", "camera", "postal")

COLUMNS = (
    Column("vehicle_reg", "text", required=True, help="Registration mark of the vehicle."),
    Column("band", "text", required=True,
           help="Charge band: one of the bands in the council's charge table (outside London 1 or 2, DOMAIN §5.1)."),
    Column("level", "choice", required=True, choices=LEVELS, help="Higher or lower level contravention."),
    Column(
        "served_by", "choice", required=True, choices=SERVED_BY,
        help="How the PCN was served: affixed to the vehicle or handed to the driver (reg 9; the core date is the day "
             "of service), or by post (reg 10): camera for an approved device (21-day discount), postal otherwise "
             "(the core date is the day of posting).",
    ),
    Column("served_on", "date",
           help="A postal PCN's service when known; blank: the second working day after posting (reg 3)."),
    Column("contravention_on", "date", help="Day of the contravention (not after the PCN's date)."),
    Column("contravention_code", "text", help="The contravention code."),
    Column("location", "text", help="Where the contravention took place."),
    Column("keeper_address", "text", help="The registered keeper's address (the Notice to Owner goes there)."),
)


def check_row(attrs: dict, amount_pence: int, opened_on: date, params) -> list[tuple[str, str]]:
    """(column, problem) for each way the row disagrees with itself or with the council's charge table."""
    problems: list[tuple[str, str]] = []
    band, level = attrs.get("band"), attrs.get("level")
    charge = params.charge(band, level) if band is not None and level is not None else None
    if band is not None and band not in params.charges:
        problems.append(("band", f"{band!r} is not a band in the council's charge table (bands: {', '.join(params.charges)})"))
    elif charge is not None and amount_pence != charge:
        problems.append(("amount", f"{format_pence(amount_pence)} is not the {level_label(band, level)} charge of "
                                   f"{format_pence(charge)} in the council's charge table"))
    served_by = attrs.get("served_by")
    served_on = attrs.get("served_on")
    if served_on is not None:
        if served_by in ON_STREET:
            problems.append(("served_on", f"an on-street PCN ({served_by}) is served on its date {opened_on.isoformat()}; "
                                          "leave served_on empty"))
        elif served_on < opened_on.isoformat():
            problems.append(("served_on", f"{served_on} is before the day of posting {opened_on.isoformat()}"))
    contravention = attrs.get("contravention_on")
    if contravention is not None and contravention > opened_on.isoformat():
        problems.append(("contravention_on", f"{contravention} is after the PCN's date {opened_on.isoformat()}"))
    return problems
