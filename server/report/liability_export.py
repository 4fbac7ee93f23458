"""Prepaid liability as a file (`server.core.spreadsheets`): a workbook with the totals and each
store's share of the principal, or the stores' table as CSV."""

from __future__ import annotations

from server.core import spreadsheets
from server.core.spreadsheets import Cell, Sheet, yuan
from server.org.models import Store
from server.report.liability import Liability

_STORE_HEADINGS = ("门店编码", "门店", "持有本金")


async def _store_rows(owed: Liability) -> list[tuple[Cell, ...]]:
    stores = {s.id: s for s in await Store.filter(id__in=list(owed.by_store))}
    return [(stores[store_id].code, stores[store_id].name, yuan(fen)) for store_id, fen in owed.by_store.items()]


def _totals(owed: Liability) -> list[tuple[Cell, ...]]:
    rows: list[tuple[Cell, ...]] = [("储值本金", yuan(owed.principal))]
    if owed.bonus is not None:
        rows.append(("赠送金", yuan(owed.bonus)))
    if owed.points is not None:
        rows.append(("积分", owed.points))
    if owed.points_value is not None:
        rows.append(("积分折合金额", yuan(owed.points_value)))
    return rows


async def workbook(owed: Liability) -> bytes:
    title = f"预付负债 截至 {owed.as_of.isoformat()} 营业日终"
    return spreadsheets.xlsx(
        [
            Sheet("汇总", title, ("项目", "金额"), _totals(owed)),
            Sheet("各门店持有本金", title, _STORE_HEADINGS, await _store_rows(owed)),
        ]
    )


async def csv_stores(owed: Liability) -> bytes:
    return spreadsheets.csv_bytes(_STORE_HEADINGS, await _store_rows(owed))
