"""CSV rows the tests of every folder write: payments with a transaction reference each, as council files carry."""

from __future__ import annotations

from datetime import date


def payment_lines(rows) -> list[str]:
    """A payments CSV: (reference, amount, date) rows, each given a transaction reference derived from its content
    (the n-th identical row of a file ``REF/DATE/AMOUNT/n``), so the same payment sent in two files is the same
    payment, as a bank's reference makes it."""
    seen: dict[tuple, int] = {}
    lines = ["reference,amount,date,payment_ref"]
    for ref, amount, on in rows:
        on = on.isoformat() if isinstance(on, date) else on
        n = seen[(ref, amount, on)] = seen.get((ref, amount, on), 0) + 1
        lines.append(f'{ref},"{amount}",{on},{ref}/{on}/{amount}/{n}')
    return lines
