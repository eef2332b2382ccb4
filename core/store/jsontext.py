"""JSON text for stored values (state, facts, schedules), through orjson: compact, and dates as ISO text."""

from __future__ import annotations

from typing import Any

import orjson

__all__ = ["dumps", "loads"]

_OPTIONS = orjson.OPT_NON_STR_KEYS


def dumps(value: Any) -> str:
    """Compact JSON text; dates as ISO text, anything else unknown as its ``str``."""
    return orjson.dumps(value, default=str, option=_OPTIONS).decode()


loads = orjson.loads
