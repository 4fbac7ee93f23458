"""The settlement as files finance takes away: an Excel workbook (a sheet of debts, a sheet of
stores) or one of its tables as CSV. Amounts are yuan with two decimals — exact `Decimal`s from fen
in the workbook (number cells an accountant can sum), decimal strings in CSV — and stores are named
by code and name, as on the console's page."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from enum import Enum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell

from server.org.models import Store
from server.settlement.services import Settlement


class Table(str, Enum):
    DEBTS = "debts"
    STORES = "stores"


_HEADINGS = {
    Table.DEBTS: ("欠款门店编码", "欠款门店", "收款门店编码", "收款门店", "应付", "跨店消费", "反向冲抵"),
    Table.STORES: ("门店编码", "门店", "应收", "应付", "净额", "本店消费"),
}
_SHEETS = {Table.DEBTS: "门店间应付", Table.STORES: "门店汇总"}


def _yuan(fen: int) -> Decimal:
    return Decimal(fen).scaleb(-2)


async def _rows(report: Settlement) -> dict[Table, list[tuple[str | Decimal, ...]]]:
    ids = {d.debtor_store_id for d in report.debts} | {d.creditor_store_id for d in report.debts}
    ids |= {t.store_id for t in report.stores}
    stores = {s.id: s for s in await Store.filter(id__in=list(ids))}
    return {
        Table.DEBTS: [
            (
                stores[d.debtor_store_id].code,
                stores[d.debtor_store_id].name,
                stores[d.creditor_store_id].code,
                stores[d.creditor_store_id].name,
                _yuan(d.amount),
                _yuan(d.gross),
                _yuan(d.offset),
            )
            for d in report.debts
        ],
        Table.STORES: [
            (stores[t.store_id].code, stores[t.store_id].name, _yuan(t.receivable), _yuan(t.payable), _yuan(t.net), _yuan(t.local))
            for t in report.stores
        ],
    }


def _money_cell(sheet: Any, amount: Decimal) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=amount)
    cell.number_format = "0.00"
    return cell


async def workbook(report: Settlement) -> bytes:
    """An .xlsx with the period in its first row and one sheet per table."""
    book = Workbook(write_only=True)
    for table, rows in (await _rows(report)).items():
        sheet = book.create_sheet(_SHEETS[table])
        sheet.append([f"跨店清分 {report.first.isoformat()} 至 {report.last.isoformat()}"])
        sheet.append(list(_HEADINGS[table]))
        for row in rows:
            sheet.append([_money_cell(sheet, cell) if isinstance(cell, Decimal) else cell for cell in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


async def csv_table(report: Settlement, table: Table) -> bytes:
    """One table as UTF-8 CSV with a byte-order mark (so Excel reads the Chinese)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(_HEADINGS[table])
    writer.writerows([[f"{cell:.2f}" if isinstance(cell, Decimal) else cell for cell in row] for row in (await _rows(report))[table]])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
