"""Reading council CSV exports: UTF-8 (with or without a BOM), a header row, problems with line numbers.

Files are streamed, never held whole in memory; the hash that makes a second
import of the same file a no-op is taken in a first, cheap pass over the bytes,
which also finds NUL characters (a file holding any is refused, every such
field named).
"""

from __future__ import annotations

import csv
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ImportRejected

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
    nul = False
    try:
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
                size += len(block)
                if blank and block.strip():
                    blank = False
                if not nul and b"\x00" in block:
                    nul = True
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
    found = CsvFile(name, path, digest.hexdigest(), size, header)
    if nul:
        raise ImportRejected(_nul_problems(found))
    return found


def _nul_problems(f: CsvFile) -> list[str]:
    """Every field holding a NUL character (no database stores one in text; such a file is a broken export)."""
    problems = []
    if any("\x00" in h for h in f.header):
        problems.append(f"{f.name}:1: (header): contains a NUL character; export the file again as UTF-8 text")
    for line, row in f.rows():
        for i, value in enumerate(row):
            if "\x00" in value:
                column = f.header[i] if i < len(f.header) and f.header[i] else f"column {i + 1}"
                problems.append(f"{f.name}:{line}: {column}: contains a NUL character; export the file again as UTF-8 text")
    return problems or [f"{f.name}:1: (file): contains a NUL character; export the file again as UTF-8 text"]
