"""The shared vocabulary of every loader: a source, a batch of rows, a refusal.

Loaders never touch the store. They read a file and return ``Batch`` objects;
``ingest.store`` applies them in one transaction on a copy that is swapped in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pandas as pd


class LoadError(Exception):
    """A refused input. Printed as one line: ``file:line: column: problem``."""

    def __init__(self, file, problem: str, line: int | None = None, column: str | None = None):
        self.file = str(file)
        self.problem = problem
        self.line = line
        self.column = column
        super().__init__(self.one_line())

    def one_line(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        col = f" column '{self.column}':" if self.column else ""
        return f"{where}:{col} {self.problem}"


@dataclass(frozen=True)
class Source:
    """One row of the ``sources`` table: who published what, as of when."""

    source_id: str
    publisher: str
    title: str
    url: str | None
    as_of: date | None
    license: str | None = None
    notes: str | None = None
    file_name: str | None = None


@dataclass
class Batch:
    """Rows for one store table from one source.

    ``frame`` has the table's columns except ``source_id`` (the store adds it).
    ``key`` names the columns whose combination identifies a row: loading a batch
    deletes stored rows of the same source table that share a key, then inserts.
    An empty ``key`` means "replace every row of this table with this source_id".
    """

    source: Source
    table: str
    frame: pd.DataFrame
    key: list[str]
    rows_read: int = 0
    notes: list[str] = field(default_factory=list)
