"""The exceptions the core raises; the CLI turns each into a clear message."""

from __future__ import annotations


class ArrearsError(Exception):
    """Base of every error the core reports to a person."""


class ProfileError(ArrearsError):
    """A council profile has problems; ``problems`` lists ``file: dotted.key: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class ImportRejected(ArrearsError):
    """A CSV file had bad rows; nothing was imported. ``problems`` are ``file:line: column: message``."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class InvalidLadder(ArrearsError):
    """A debt type's stage ladder is not a valid graph."""


class PluginError(ArrearsError):
    """A plugin misbehaved: bad registration, a duplicate debt type, an unknown hook."""


class RunRefused(ArrearsError):
    """A recovery run cannot start (another is in progress, or the date goes backwards)."""


class NotFound(ArrearsError):
    """A council, account or officer that does not exist."""


class ActionRefused(ArrearsError):
    """An officer action the case's stage does not allow, or with bad fields."""


class Busy(ArrearsError):
    """What was asked would change a case another writer holds; nothing was written, it may be tried again."""


class SignInRefused(ArrearsError):
    """A sign-in refused: a wrong login or password (which of the two is not said), a locked login, no password set."""
