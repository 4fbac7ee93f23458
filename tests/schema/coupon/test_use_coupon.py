from __future__ import annotations

from datetime import timedelta

import pytest

from server.core.clock import now
from server.coupon.models import Coupon, CouponKind, CouponStatus
from server.coupon.services import expire_due, void
from server.ledger.models import Operation
from server.member.models import Member
from server.tier.services import TierDraft, create_tier
from server.wallet.services import card_balances
from tests.schema.coupon.conftest import CONSUME, MEMBER_COUPONS, RECHARGE, REFUND, gid, give, make_template


@pytest.fixture
async def clerk(api, org, wallet):
    """The SH001 clerk, after recharging card C0001 with 200.00."""
    client = await api.login("sh001.clerk")
    await client(RECHARGE, input={"cardNo": "C0001", "amount": "200.00", "idempotencyKey": "fund"})
    return client


# Asks for the reason too: a till explains an unusable coupon by it.
CONSUME_WHY = CONSUME.replace("errors { field code message }", "errors { field code message reason }")


def _pay(code: str, amount: str = "60.00", key: str = "c1", **extra):
    return {"cardNo": "C0001", "amount": amount, "couponCode": code, "idempotencyKey": key, **extra}


def _line(body, *names):
    breakdown = body["data"]["consume"]["breakdown"]
    return tuple(breakdown[n] for n in names)


async def test_a_cash_off_coupon_takes_its_amount_off_and_is_used_up(api, org, wallet, clerk):
    coupon = await give(org, await make_template(org), wallet.member.id)

    paid = await clerk(CONSUME, input=_pay(coupon.code.lower()))
    again = await clerk(CONSUME_WHY, input=_pay(coupon.code, key="c2"))
    listed = await clerk(MEMBER_COUPONS, cardNo="C0001")

    assert paid["data"]["consume"]["errors"] == []
    assert _line(paid, "listPrice", "couponDiscount", "payable", "paidPrincipal") == (
        "60.00",
        "20.00",
        "40.00",
        "40.00",
    )
    assert again["data"]["consume"]["errors"] == [
        {"field": ["couponCode"], "code": "COUPON_NOT_USABLE", "message": "The coupon has already been used.", "reason": "COUPON_USED"}
    ]
    assert [e["node"] for e in listed["data"]["memberLookup"]["assets"]["coupons"]["edges"]] == [
        {
            "code": coupon.code,
            "status": "USED",
            "usedTransferId": paid["data"]["consume"]["transfer"]["id"],
            "template": {"name": "满50减20"},
        }
    ]
    assert await Operation.filter(kind="CONSUME").count() == 1


async def test_a_cash_off_coupon_never_takes_more_than_the_order(api, org, wallet, clerk):
    coupon = await give(org, await make_template(org, threshold=0), wallet.member.id)

    paid = await clerk(CONSUME, input=_pay(coupon.code, amount="15.00"))

    assert _line(paid, "couponDiscount", "payable", "paidPrincipal", "pointsEarned") == ("15.00", "0.00", "0.00", 0)


async def test_a_percent_off_coupon_rounds_the_discount_in_the_members_favour(api, org, wallet, clerk):
    template = await make_template(org, name="八五折", kind=CouponKind.PERCENT_OFF, value=15, threshold=0)
    coupon = await give(org, template, wallet.member.id)

    paid = await clerk(CONSUME, input=_pay(coupon.code, amount="33.33"))

    assert _line(paid, "couponDiscount", "payable") == ("5.00", "28.33")


async def test_a_gift_coupon_is_used_without_a_discount(api, org, wallet, clerk):
    coupon = await give(
        org, await make_template(org, name="蛋糕", kind=CouponKind.GIFT, value=0, threshold=0), wallet.member.id
    )

    paid = await clerk(CONSUME, input=_pay(coupon.code, amount="10.00"))

    assert _line(paid, "couponDiscount", "payable") == ("0.00", "10.00")
    assert (await Coupon.get(id=coupon.id)).status == CouponStatus.USED


async def _not_yet(org, wallet, people):
    start = now() + timedelta(days=1)
    template = await make_template(org, valid_days=None, valid_from=start, valid_to=start + timedelta(days=7))
    coupon = await give(org, template, wallet.member.id)
    return coupon, f"The coupon is not valid yet (from {coupon.valid_from.isoformat(timespec='seconds')}).", "COUPON_NOT_YET_VALID"


async def _past_end(org, wallet, people):
    coupon = await give(org, await make_template(org), wallet.member.id)
    await Coupon.filter(id=coupon.id).update(valid_to=now() - timedelta(seconds=1))
    return coupon, "The coupon has expired.", "COUPON_EXPIRED"


async def _swept(org, wallet, people):
    coupon, _, _ = await _past_end(org, wallet, people)
    assert await expire_due() == 1
    return coupon, "The coupon has expired.", "COUPON_EXPIRED"


async def _void(org, wallet, people):
    coupon = await give(org, await make_template(org), wallet.member.id)
    await void(org.actors["hq.admin"], coupon.code, "作废")
    return coupon, "The coupon was voided.", "COUPON_VOID"


async def _someone_elses(org, wallet, people):
    return await give(
        org, await make_template(org), people.by_store["SH001"].id
    ), "The coupon belongs to another member.", "COUPON_OTHER_MEMBER"


async def _other_store(org, wallet, people):
    template = await make_template(org, store_ids=[org.stores["CD001"].id, org.stores["SH002"].id])
    return await give(org, template, wallet.member.id), "The coupon can't be used at this store.", "COUPON_WRONG_STORE"


async def _above_order(org, wallet, people):
    template = await make_template(org, threshold=6_001)
    return await give(org, template, wallet.member.id), "This coupon needs an order of at least 60.01.", "COUPON_BELOW_THRESHOLD"


@pytest.mark.parametrize(
    "given",
    [_not_yet, _past_end, _swept, _void, _someone_elses, _other_store, _above_order],
    ids=[
        "not-yet-valid",
        "expired",
        "expired-by-the-sweep",
        "void",
        "another-members",
        "wrong-store",
        "below-threshold",
    ],
)
async def test_an_unusable_coupon_says_why_and_nothing_moves(api, org, wallet, people, clerk, given):
    coupon, message, reason = await given(org, wallet, people)
    status = (await Coupon.get(id=coupon.id)).status

    body = await clerk(CONSUME_WHY, input=_pay(coupon.code))
    quote = await clerk(CONSUME_WHY, input={**_pay(coupon.code), "dryRun": True})

    error = [{"field": ["couponCode"], "code": "COUPON_NOT_USABLE", "message": message, "reason": reason}]
    assert body["data"]["consume"] == {
        "breakdown": None,
        "transfer": None,
        "member": None,
        "replayed": False,
        "errors": error,
    }
    assert quote["data"]["consume"]["errors"] == error
    assert (await Coupon.get(id=coupon.id)).status == status
    assert await Operation.filter(kind="CONSUME").count() == 0
    assert (await card_balances(wallet.card)).principal == 20_000


async def test_an_unknown_code_is_not_usable(api, org, wallet, clerk):
    body = await clerk(CONSUME_WHY, input=_pay("NOSUCHCODE00"))

    assert body["data"]["consume"]["errors"] == [
        {"field": ["couponCode"], "code": "COUPON_NOT_USABLE", "message": "No coupon has this code.", "reason": "COUPON_UNKNOWN"}
    ]


async def test_a_coupon_scoped_to_stores_is_used_at_one_of_them(api, org, wallet, clerk):
    template = await make_template(org, store_ids=[org.stores["SH001"].id])
    coupon = await give(org, template, wallet.member.id)

    paid = await clerk(CONSUME, input=_pay(coupon.code))

    assert paid["data"]["consume"]["errors"] == []


async def test_a_dry_run_quotes_the_coupon_and_leaves_it_issued(api, org, wallet, clerk):
    coupon = await give(org, await make_template(org), wallet.member.id)

    quote = await clerk(CONSUME, input={**_pay(coupon.code), "dryRun": True})

    assert _line(quote, "couponDiscount", "payable") == ("20.00", "40.00")
    assert quote["data"]["consume"]["transfer"] is None
    assert (await Coupon.get(id=coupon.id)).status == CouponStatus.ISSUED


async def test_a_whole_refund_gives_the_coupon_back_and_a_partial_one_does_not(api, org, wallet, clerk):
    template = await make_template(org, per_member_limit=2)
    kept, restored = await give(org, template, wallet.member.id), await give(org, template, wallet.member.id)
    first = await clerk(CONSUME, input=_pay(kept.code, key="c1"))
    second = await clerk(CONSUME, input=_pay(restored.code, key="c2"))

    partial = await clerk(
        REFUND,
        input={"transferId": first["data"]["consume"]["transfer"]["id"], "amount": "10.00", "idempotencyKey": "f1"},
    )
    whole = await clerk(
        REFUND, input={"transferId": second["data"]["consume"]["transfer"]["id"], "idempotencyKey": "f2"}
    )
    reused = await clerk(CONSUME, input=_pay(restored.code, key="c3"))

    assert partial["data"]["refund"]["errors"] == [] and whole["data"]["refund"]["errors"] == []
    assert whole["data"]["refund"]["transfer"]["details"]["coupon_restored"] is True
    assert (await Coupon.get(id=kept.id)).status == CouponStatus.USED
    assert reused["data"]["consume"]["errors"] == []
    restored_row = await Coupon.get(id=restored.id)
    assert (restored_row.status, restored_row.used_operation_id) == (
        CouponStatus.USED,
        (await Operation.get(idempotency_key="c3")).id,
    )


@pytest.fixture
async def gold(org, wallet):
    """The wallet's member in a tier paying 90% of list price."""
    tier = await create_tier(org.actors["hq.admin"], TierDraft(name="金卡", rank=3, discount_percent=90))
    await Member.filter(id=wallet.member.id).update(tier_id=tier.id)


async def test_a_stackable_coupon_applies_after_the_tier_discount(api, org, wallet, clerk, gold):
    coupon = await give(org, await make_template(org, stackable=True, threshold=0), wallet.member.id)

    paid = await clerk(CONSUME, input=_pay(coupon.code, amount="100.00"))

    assert _line(paid, "tierDiscount", "couponDiscount", "payable") == ("10.00", "20.00", "70.00")


async def test_a_coupon_that_is_not_stackable_replaces_the_tier_discount(api, org, wallet, clerk, gold):
    coupon = await give(org, await make_template(org, stackable=False, threshold=9_500), wallet.member.id)

    paid = await clerk(CONSUME, input=_pay(coupon.code, amount="95.00"))
    without = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "95.00", "idempotencyKey": "c2"})

    assert _line(paid, "tierDiscount", "couponDiscount", "payable") == ("0.00", "20.00", "75.00")
    assert _line(without, "tierDiscount", "couponDiscount", "payable") == ("9.50", "0.00", "85.50")


async def test_paying_with_points_combines_with_a_coupon_that_is_not_stackable(api, org, wallet, clerk):
    earned = await clerk(CONSUME, input={"cardNo": "C0001", "amount": "100.00", "idempotencyKey": "earn"})
    coupon = await give(org, await make_template(org, stackable=False), wallet.member.id)

    paid = await clerk(CONSUME, input=_pay(coupon.code, pointsToUse=100, key="c2"))

    assert earned["data"]["consume"]["breakdown"]["pointsEarned"] == 100
    assert _line(paid, "couponDiscount", "pointsUsed", "pointsValue", "payable") == ("20.00", 100, "1.00", "39.00")


async def test_a_coupon_id_resolves_for_viewers_in_the_members_scope_only(api, org, wallet):
    coupon = await give(org, await make_template(org), wallet.member.id)
    query = "query($id: ID!) { node(id: $id) { ... on Coupon { code status template { name } } } }"

    mine = await (await api.login("sh001.clerk"))(query, id=gid("Coupon", coupon.id))
    foreign = await (await api.login("cd001.clerk"))(query, id=gid("Coupon", coupon.id))

    assert mine == {"data": {"node": {"code": coupon.code, "status": "ISSUED", "template": {"name": "满50减20"}}}}
    assert foreign == {"data": {"node": None}}
