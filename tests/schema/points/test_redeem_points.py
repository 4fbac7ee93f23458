from __future__ import annotations

from server.coupon.models import Coupon, CouponKind
from server.coupon.services import TemplateDraft, create_template
from server.ledger.models import Operation
from server.member.services import MemberDraft, create_member
from tests.schema.points.conftest import REDEEM, account_balance, gid, give


def _input(member_id: int, points: int, key: str = "red-1", **more: object) -> dict[str, object]:
    return {"memberId": gid("Member", member_id), "points": points, "idempotencyKey": key, **more}


async def test_a_clerk_redeems_points_for_a_gift_at_their_store(api, org, wallet):
    await give(org, wallet.member.id, 300)
    clerk = await api.login("sh001.clerk")

    body = await clerk(REDEEM, input=_input(wallet.member.id, 120, gift="保温杯"))

    payload = body["data"]["redeemPoints"]
    assert payload["errors"] == []
    assert payload["transfer"] == {
        "id": gid("Transfer", (await Operation.get(kind="POINTS_REDEEM")).id),
        "kind": "POINTS_REDEEM",
        "details": {"points": 120, "gift": "保温杯"},
        "operator": "sh001.clerk",
        "store": {"code": "SH001"},
        "legs": [
            {
                "code": "POINTS_REDEEM",
                "unit": "POINTS",
                "amount": 120,
                "debitAccount": f"MEMBER_POINTS:member:{wallet.member.id}",
                "creditAccount": "POINTS_ISSUED:hq",
            }
        ],
    }
    assert payload["member"]["assets"] == {"points": 180}
    assert (payload["couponCode"], payload["replayed"]) == (None, False)


async def test_a_clerk_redeems_points_for_a_coupon_of_a_template(api, org, wallet):
    await give(org, wallet.member.id, 300)
    template = await create_template(
        org.actors["hq.admin"], TemplateDraft(name="赠饮券", kind=CouponKind.GIFT, value=0, valid_days=30)
    )
    clerk = await api.login("sh001.clerk")

    body = await clerk(REDEEM, input=_input(wallet.member.id, 200, couponTemplateId=gid("CouponTemplate", template.id)))

    payload = body["data"]["redeemPoints"]
    coupon = await Coupon.get(member_id=wallet.member.id)
    assert payload["errors"] == []
    assert payload["couponCode"] == coupon.code
    assert payload["transfer"]["details"] == {
        "points": 200,
        "coupon_template_id": template.id,
        "coupon_template": "赠饮券",
        "coupon_code": coupon.code,
    }
    assert payload["member"]["assets"] == {"points": 100}


async def test_a_clerk_serves_a_member_of_another_store_seen_masked(api, org, wallet):
    member = await create_member(
        org.actors["hq.admin"], MemberDraft(name="西部会员", phone="13700009999", home_store_id=org.stores["CD001"].id)
    )
    await give(org, member.id, 100)
    clerk = await api.login("sh001.clerk")

    body = await clerk(
        REDEEM.replace("member { id", "member { id phone"), input=_input(member.id, 100, gift="帆布袋")
    )

    payload = body["data"]["redeemPoints"]
    assert payload["errors"] == []
    assert payload["member"] == {"id": gid("Member", member.id), "phone": "137****9999", "assets": {"points": 0}}


async def test_a_clerk_can_not_redeem_at_another_store_and_nothing_changes(api, org, wallet):
    await give(org, wallet.member.id, 300)
    clerk = await api.login("sh001.clerk")

    body = await clerk(
        REDEEM, input=_input(wallet.member.id, 100, gift="帆布袋", storeId=gid("Store", org.stores["CD001"].id))
    )

    assert body["data"]["redeemPoints"]["errors"] == [
        {"field": ["storeId"], "code": "PERMISSION_DENIED", "message": "You can only take money at your own store."}
    ]
    assert body["data"]["redeemPoints"]["transfer"] is None
    assert await account_balance(wallet.member.id) == 300
    assert await Operation.filter(kind="POINTS_REDEEM").count() == 0


async def test_redeeming_more_than_the_member_holds_is_insufficient(api, org, wallet):
    await give(org, wallet.member.id, 99)
    clerk = await api.login("sh001.clerk")

    body = await clerk(REDEEM, input=_input(wallet.member.id, 100, gift="帆布袋"))

    assert body["data"]["redeemPoints"]["errors"] == [
        {"field": ["points"], "code": "INSUFFICIENT_POINTS", "message": "The member doesn't have enough points."}
    ]
    assert await account_balance(wallet.member.id) == 99


async def test_a_replayed_redemption_returns_the_first_and_a_changed_one_is_a_conflict(api, org, wallet):
    await give(org, wallet.member.id, 300)
    clerk = await api.login("sh001.clerk")

    first = await clerk(REDEEM, input=_input(wallet.member.id, 100, "same", gift="帆布袋"))
    second = await clerk(REDEEM, input=_input(wallet.member.id, 100, "same", gift="帆布袋"))
    conflict = await clerk(REDEEM, input=_input(wallet.member.id, 100, "same", gift="保温杯"))

    assert second["data"]["redeemPoints"]["transfer"]["id"] == first["data"]["redeemPoints"]["transfer"]["id"]
    assert second["data"]["redeemPoints"]["replayed"] is True
    assert [e["code"] for e in conflict["data"]["redeemPoints"]["errors"]] == ["IDEMPOTENCY_CONFLICT"]
    assert await account_balance(wallet.member.id) == 200
    assert await Operation.filter(kind="POINTS_REDEEM").count() == 1
