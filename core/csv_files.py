"""Reading council CSV exports: UTF-8 (with or without a BOM), a header row, problems with line numbers.

Files are streamed, never held whole in memory; the hash that makes a second
import of the same file a no-op is taken in a first, cheap pass over the bytes.
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportRejected

__all__ = ["CsvFile", "read_csv"]


@dataclass
class CsvFile:
    """A CSV file: its name, hash, size and header; :meth:`rows` streams (first line number, row)."""

    name: str
    path: Path
    sha256: str
    size: int
    header: list[str]

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        with self.path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            try:
                next(reader, None)
                while True:
                    first_line = reader.line_num + 1
                    row = next(reader, None)
                    if row is None:
                        return
                    if not row or (len(row) == 1 and not row[0].strip()):
                        continue
                    yield first_line, row
            except UnicodeDecodeError:
                raise _not_utf8(self.name, self.path) from None
            except csv.Error as exc:
                raise ImportRejected([f"{self.name}:{reader.line_num}: (row): {exc}"]) from None


def _not_utf8(name: str, path: Path) -> ImportRejected:
    """Find the first byte that is not UTF-8 and name its line."""
    data = path.read_bytes()
    try:
        data.decode("utf-8")
        detail = "not UTF-8 text"
        line, offset = 1, 0
    except UnicodeDecodeError as exc:
        offset = exc.start
        line = data[:offset].count(b"\n") + 1
        detail = f"not UTF-8 text (byte 0x{data[offset]:02x} at offset {offset})"
    return ImportRejected([f"{name}:{line}: (file): {detail}; export the file as UTF-8"])


def read_csv(path: str | Path) -> CsvFile:
    """Open ``path``: hash it, read its header; reject a missing, empty or non-UTF-8 file with its name and line."""
    path = Path(path)
    name = str(path)
    digest = hashlib.sha256()
    size = 0
    blank = True
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
                if blank and block.strip():
                    blank = False
    except OSError as exc:
        raise ImportRejected([f"{name}: cannot read: {exc.strerror or exc}"]) from None
    if blank:
        raise ImportRejected([f"{name}:1: (file): empty file: expected a header row and data rows"])
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            first = next(csv.reader(fh), [])
    except UnicodeDecodeError:
        raise _not_utf8(name, path) from None
    header = [h.strip() for h in first]
    return CsvFile(name, path, digest.hexdigest(), size, header)
