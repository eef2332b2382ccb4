"""Reading council CSV exports: UTF-8 (with or without a BOM), a header row, problems with line numbers."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import ImportRejected

__all__ = ["CsvFile", "read_csv"]


@dataclass
class CsvFile:
    """A CSV file read whole: its name, hash, size, header and an iterator of (line number, row)."""

    name: str
    sha256: str
    size: int
    header: list[str]
    text: str

    def rows(self) -> Iterator[tuple[int, list[str]]]:
        reader = csv.reader(io.StringIO(self.text))
        next(reader, None)
        for row in reader:
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            yield reader.line_num, row


def read_csv(path: str | Path) -> CsvFile:
    """Read ``path``; reject a missing, empty or non-UTF-8 file with its name and line."""
    path = Path(path)
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportRejected([f"{name}: cannot read: {exc.strerror or exc}"]) from None
    if not data.strip():
        raise ImportRejected([f"{name}:1: (file): empty file: expected a header row and data rows"])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ImportRejected([
            f"{name}:{line}: (file): not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "export the file as UTF-8"
        ]) from None
    first = next(csv.reader(io.StringIO(text)), [])
    header = [h.strip() for h in first]
    return CsvFile(name, hashlib.sha256(data).hexdigest(), len(data), header, text)
