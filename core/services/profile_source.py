"""Finding a profile by what people call it: a file, a registered council, or a bundled council id."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine

from ..errors import NotFound
from ..engine.plugins import PluginHost
from ..profiles.profile import Profile, bundled_councils, load_profile
from ..engine.registration import council_profile

__all__ = ["find_profile"]


def _looks_like_a_file(reference: str) -> bool:
    return reference.endswith(".toml") or "/" in reference or "\\" in reference or Path(reference).is_file()


def find_profile(reference: str, host: PluginHost, engine: Engine | None = None) -> tuple[Profile, str]:
    """The profile ``reference`` names and where it came from.

    A path (or a name ending ``.toml``) is read as a file; otherwise a council
    registered in the database (when ``engine`` is given) comes before the
    bundled profile of that id.
    """
    if _looks_like_a_file(reference):
        return load_profile(reference, host.debt_types), f"file {reference}"
    if engine is not None:
        try:
            with engine.connect() as conn:
                return council_profile(conn, host, reference), f"council {reference} as registered in the database"
        except NotFound:
            pass
    bundled = bundled_councils()
    if reference in bundled:
        return load_profile(bundled[reference], host.debt_types), f"bundled profile {reference}"
    where = "a registered council, " if engine is not None else ""
    raise NotFound(
        f"no profile {reference!r}: not a file, {where}or a bundled council (bundled: {', '.join(sorted(bundled)) or 'none'})"
    )
