"""The settlement as files finance takes away (`server.core.spreadsheets`): an Excel workbook (a
sheet of debts, a sheet of stores) or one of its tables as CSV; stores named by code and name, as
on the console's page."""

from __future__ import annotations

from enum import Enum

from server.core import spreadsheets
from server.core.spreadsheets import Cell, Sheet, yuan
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


async def _rows(report: Settlement) -> dict[Table, list[tuple[Cell, ...]]]:
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
                yuan(d.amount),
                yuan(d.gross),
                yuan(d.offset),
            )
            for d in report.debts
        ],
        Table.STORES: [
            (stores[t.store_id].code, stores[t.store_id].name, yuan(t.receivable), yuan(t.payable), yuan(t.net), yuan(t.local))
            for t in report.stores
        ],
    }


async def workbook(report: Settlement) -> bytes:
    """An .xlsx with one sheet per table, the period in their first row."""
    title = f"跨店清分 {report.first.isoformat()} 至 {report.last.isoformat()}"
    rows = await _rows(report)
    return spreadsheets.xlsx([Sheet(_SHEETS[table], title, _HEADINGS[table], rows[table]) for table in Table])


async def csv_table(report: Settlement, table: Table) -> bytes:
    """One table as CSV."""
    return spreadsheets.csv_bytes(_HEADINGS[table], (await _rows(report))[table])
