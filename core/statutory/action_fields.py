"""Checking the fields an officer gives with an action: dates that must be real, not in the future, not too early."""

from __future__ import annotations

from datetime import date

__all__ = ["date_field", "past_date_problem"]


def date_field(fields: dict, name: str) -> tuple[date | None, str | None]:
    """The date in field ``name`` (YYYY-MM-DD), or (None, the reason it is not one)."""
    raw = str(fields.get(name, "")).strip()
    try:
        return date.fromisoformat(raw), None
    except ValueError:
        return None, f"{name} {raw!r} is not a date (YYYY-MM-DD)"


def past_date_problem(fields: dict, name: str, today: date, earliest: date | None = None, why: str = "") -> str | None:
    """Why field ``name`` cannot stand: not a date, after the business date ``today``, or before ``earliest`` (``why``)."""
    day, problem = date_field(fields, name)
    if problem:
        return problem
    if day > today:
        return f"{name} {day.isoformat()} is after the business date {today.isoformat()}"
    if earliest is not None and day < earliest:
        return f"{name} {day.isoformat()} is too early: {why}; the earliest is {earliest.isoformat()}"
    return None
