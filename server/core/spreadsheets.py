"""Tables staff take away as files: an Excel workbook of titled sheets, or one table as CSV.

Cells are strings, whole numbers or money: money is a `Decimal` of yuan (`yuan(fen)`, exact), a
number cell formatted with two decimals in the workbook (an accountant can sum it) and a decimal
string in CSV. CSV carries a byte-order mark so Excel reads the Chinese."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

Cell = str | int | Decimal | None


def yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


@dataclass(frozen=True)
class Sheet:
    name: str
    title: str
    headings: Sequence[str]
    rows: Sequence[Sequence[Cell]]


def _cell(sheet: Any, value: Cell) -> Any:
    if not isinstance(value, Decimal):
        return value
    cell = WriteOnlyCell(sheet, value=value)
    cell.number_format = "0.00"
    return cell


def xlsx(sheets: Sequence[Sheet]) -> bytes:
    """A workbook: per sheet, its title in the first row, the headings, then the rows."""
    book = Workbook(write_only=True)
    for table in sheets:
        sheet = book.create_sheet(table.name)
        sheet.append([table.title])
        sheet.append(list(table.headings))
        for row in table.rows:
            sheet.append([_cell(sheet, value) for value in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def csv_bytes(headings: Sequence[str], rows: Sequence[Sequence[Cell]]) -> bytes:
    """One table as UTF-8 CSV with a byte-order mark."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headings)
    writer.writerows([[f"{value:.2f}" if isinstance(value, Decimal) else value for value in row] for row in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
