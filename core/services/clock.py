"""The date the faces take as today: ``ARREARS_TODAY`` (a training or test database's clock), else the system's."""

from __future__ import annotations

import os
from datetime import date

from ..errors import ArrearsError

__all__ = ["today"]


def today() -> date:
    """Today's business date for a command or a screen (services themselves are always given their date)."""
    fixed = os.environ.get("ARREARS_TODAY", "").strip()
    if not fixed:
        return date.today()
    try:
        return date.fromisoformat(fixed)
    except ValueError:
        raise ArrearsError(f"ARREARS_TODAY={fixed!r} is not a date (YYYY-MM-DD)") from None
