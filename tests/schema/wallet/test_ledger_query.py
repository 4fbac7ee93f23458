from __future__ import annotations

from server.card.services import cancel_card, replace_card
from server.program.services import RechargeRuleDraft, create_recharge_rule
from server.wallet.refunds import RefundRequest, refund
from server.wallet.services import ConsumeRequest, PaymentMethod, RechargeRequest, consume, recharge
from tests.server.wallet.conftest import fund, key
from tests.statements import counting_queries

LEDGER = """
query($no: String!, $first: Int!) {
  memberLookup(cardNo: $no) {
    ledger(first: $first) {
      edges { node { kind amount refundable operator store { code } card { cardNo } legs { code amount debitAccount } } }
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


async def test_each_row_says_what_is_left_to_refund(api, org, wallet):
    clerk_actor = org.actors["sh001.clerk"]
    await recharge(clerk_actor, RechargeRequest(card_no="C0001", amount=10_000, idempotency_key=key()))
    undone = await recharge(clerk_actor, RechargeRequest("C0001", 2_000, key(), PaymentMethod.ALIPAY))
    _, partly = await consume(clerk_actor, ConsumeRequest(card_no="C0001", amount=3_000, idempotency_key=key()))
    _, wholly = await consume(clerk_actor, ConsumeRequest(card_no="C0001", amount=1_000, idempotency_key=key()))
    assert partly is not None and wholly is not None
    await refund(clerk_actor, RefundRequest(partly.operation.id, key(), amount=1_200))
    await refund(clerk_actor, RefundRequest(partly.operation.id, key(), amount=300))
    await refund(clerk_actor, RefundRequest(wholly.operation.id, key()))
    await refund(clerk_actor, RefundRequest(undone.operation.id, key()))
    clerk = await api.login("sh001.clerk")

    body = await clerk(LEDGER, no="C0001", first=20)

    rows = [(e["node"]["kind"], e["node"]["amount"], e["node"]["refundable"]) for e in body["data"]["memberLookup"]["ledger"]["edges"]]
    assert rows == [
        ("RECHARGE_REFUND", "20.00", None),
        ("REFUND", "10.00", None),
        ("REFUND", "3.00", None),
        ("REFUND", "12.00", None),
        ("CONSUME", "10.00", "0.00"),
        ("CONSUME", "30.00", "15.00"),
        ("RECHARGE", "20.00", "0.00"),
        ("RECHARGE", "100.00", "0.00"),  # the card holds 85.00 of it: a recharge is refunded whole
    ]


async def _refundable(client, card_no: str = "C0001") -> list[tuple[str, str, str | None]]:
    body = await client(LEDGER, no=card_no, first=20)
    edges = body["data"]["memberLookup"]["ledger"]["edges"]
    return [(e["node"]["kind"], e["node"]["amount"], e["node"]["refundable"]) for e in edges if e["node"]["kind"] == "RECHARGE"]


async def test_a_recharge_is_refundable_while_its_card_holds_its_principal_and_bonus(api, org, wallet):
    clerk_actor = org.actors["sh001.clerk"]
    await create_recharge_rule(org.actors["hq.admin"], RechargeRuleDraft("充100送10", 10_000, 1_000))
    await recharge(clerk_actor, RechargeRequest(card_no="C0001", amount=10_000, idempotency_key=key()))
    await recharge(clerk_actor, RechargeRequest(card_no="C0001", amount=500, idempotency_key=key()))
    clerk = await api.login("sh001.clerk")
    assert await _refundable(clerk) == [("RECHARGE", "5.00", "5.00"), ("RECHARGE", "100.00", "100.00")]

    await consume(clerk_actor, ConsumeRequest(card_no="C0001", amount=600, idempotency_key=key()))

    # 105.00 principal less 6.00 leaves 99.00: the 5.00 recharge is still held, the 100.00 one no longer whole.
    assert await _refundable(clerk) == [("RECHARGE", "5.00", "5.00"), ("RECHARGE", "100.00", "0.00")]


async def test_a_recharge_follows_its_card_when_replaced_and_is_not_refundable_once_cancelled(api, org, wallet):
    clerk_actor = org.actors["sh001.clerk"]
    await recharge(clerk_actor, RechargeRequest(card_no="C0001", amount=3_000, idempotency_key=key()))
    await replace_card(clerk_actor, "C0001", "C0002")
    clerk = await api.login("sh001.clerk")
    assert await _refundable(clerk, "C0002") == [("RECHARGE", "30.00", "30.00")]

    await cancel_card(clerk_actor, "C0002", "closing", refund_balance=True)

    assert await _refundable(clerk, "C0002") == [("RECHARGE", "30.00", "0.00")]
