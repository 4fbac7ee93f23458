from __future__ import annotations

from tests.server.wallet.conftest import fund
from tests.statements import counting_queries

LEDGER = """
query($no: String!, $first: Int!) {
  memberLookup(cardNo: $no) {
    ledger(first: $first) {
      edges { node { kind amount operator store { code } card { cardNo } legs { code amount debitAccount } } }
    }
  }
}
"""


async def _count(client, first: int) -> tuple[int, list[str]]:
    with counting_queries() as counter:
        body = await client(LEDGER, no="C0001", first=first)
    kinds = [e["node"]["kind"] for e in body["data"]["memberLookup"]["ledger"]["edges"]]
    return counter.count, kinds


async def test_a_member_ledger_page_lists_operations_newest_first_in_constant_queries(api, org, wallet):
    for _ in range(12):
        await fund(org, wallet, 100)
    clerk = await api.login("sh001.clerk")

    small, few = await _count(clerk, 3)
    large, many = await _count(clerk, 12)

    assert (few, many) == (["RECHARGE"] * 3, ["RECHARGE"] * 12)
    assert small == large
