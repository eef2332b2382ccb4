"""Profile inheritance: ``extends = "rutland"`` (a bundled council) or ``extends = "../base.toml"`` (a file).

The child's tables are merged into the parent's key by key, at every depth;
any other value, lists included, replaces the parent's. Sections the parent
has for debt types the child no longer enables are dropped with them.
"""

from __future__ import annotations

import copy
from importlib.resources import files
from pathlib import Path
import tomllib  # the standard library's: arrears needs Python 3.11 or newer
from typing import Any

from ..errors import NotFound, ProfileError


__all__ = ["bundled_councils", "council_profile_path", "parse_toml", "parent_path", "inherit", "deep_merge"]


def bundled_councils() -> dict[str, Path]:
    """Profiles shipped with arrears: council id to file."""
    folder = files("arrears.councils")
    return {
        Path(entry.name).stem: Path(str(entry))
        for entry in folder.iterdir()
        if entry.name.endswith(".toml")
    }


def council_profile_path(council_id: str) -> Path:
    """The bundled profile for ``council_id``, or :class:`NotFound` listing those there are."""
    found = bundled_councils()
    if council_id not in found:
        raise NotFound(
            f"no bundled profile for council {council_id!r} (bundled: {', '.join(sorted(found)) or 'none'}); "
            "give one with --profile PATH"
        )
    return found[council_id]


def parse_toml(raw_bytes: bytes, name: str) -> tuple[str, dict[str, Any]]:
    """The text and the parsed tables of a profile, or :class:`ProfileError` naming the file."""
    try:
        text = raw_bytes.decode("utf-8")
        return text, tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise ProfileError([f"{name}: (file): not UTF-8 text ({exc.reason} at byte {exc.start})"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError([f"{name}: (TOML syntax): {exc}"]) from None


def parent_path(reference: Any, name: str) -> Path:
    """The file ``extends`` names: a bundled council id, or a path relative to the extending profile."""
    if not isinstance(reference, str) or not reference.strip():
        raise ProfileError([f"{name}: extends: must be a council id or a relative path to a profile (got {reference!r})"])
    if "/" not in reference and "\\" not in reference and not reference.endswith(".toml"):
        try:
            return council_profile_path(reference)
        except NotFound as exc:
            raise ProfileError([f"{name}: extends: {exc}".replace("; give one with --profile PATH", "")]) from None
    path = Path(reference)
    if not path.is_absolute():
        path = Path(name).parent / path
    if not path.is_file():
        raise ProfileError([f"{name}: extends: no profile file {reference!r} (looked for {path})"])
    return path


def deep_merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    """``over`` merged into a copy of ``base``: tables merged at every depth, anything else replaced."""
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = deep_merge(out[key], value)
        else:
            out[key] = copy.deepcopy(value)
    return out


def inherit(parent: dict[str, Any], child: dict[str, Any]) -> dict[str, Any]:
    """The child's profile over its parent's, less what the parent says about debt types the child drops."""
    merged = deep_merge(parent, child)
    enabled = merged.get("council", {}).get("debt_types")
    if not isinstance(enabled, list):
        return merged
    own_sections = child.get("debt_types", {}) if isinstance(child.get("debt_types"), dict) else {}
    own_priority = child.get("priority", {}) if isinstance(child.get("priority"), dict) else {}
    own_levels = own_priority.get("levels", {}) if isinstance(own_priority.get("levels"), dict) else {}
    sections = merged.get("debt_types")
    if isinstance(sections, dict):
        for dt in [d for d in sections if d not in enabled and d not in own_sections]:
            del sections[dt]
    priority = merged.get("priority")
    if isinstance(priority, dict):
        levels = priority.get("levels")
        if isinstance(levels, dict):
            for dt in [d for d in levels if d not in enabled and d not in own_levels]:
                del levels[dt]
        order = priority.get("order")
        if isinstance(order, list) and "order" not in own_priority:
            priority["order"] = [dt for dt in order if dt in enabled]
    return merged
