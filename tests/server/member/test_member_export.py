"""`GET /exports/member`: the access right — everything held about one member, unmasked, as JSON,
for staff who see the member in full; audited."""

from __future__ import annotations

from typing import Any

from server.access.services import update_staff
from server.audit.models import AuditEntry
from server.tag.services import create_tag, tag_member
from server.wallet.services import ConsumeRequest, consume
from tests.conftest import Api
from tests.server.wallet.conftest import Wallet, fund, key


async def _download(api: Api, username: str, member_no: str) -> Any:
    signed_in = await api.login(username)
    headers = {"Authorization": f"Bearer {signed_in.token}"}
    return await api.client.get("/exports/member", params={"memberNo": member_no}, headers=headers)


async def test_hq_downloads_everything_held_about_a_member(api: Api, org: Any, wallet: Wallet) -> None:
    # given
    await fund(org, wallet, 10_000)
    await consume(
        org.actors["sh001.clerk"],
        ConsumeRequest(card_no="C0001", amount=1_280, idempotency_key=key(), order_ref="POS-7"),
    )
    tag = await create_tag(org.actors["hq.admin"], "咖啡")
    await tag_member(org.actors["hq.admin"], wallet.member.id, tag.id)

    # when
    response = await _download(api, "hq.admin", wallet.member.member_no)

    # then
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert f'filename="member-{wallet.member.member_no}.json"' in response.headers["content-disposition"]
    data = response.json()
    assert data["member"]["name"] == "顾客" and data["member"]["phone"] == "13900001111"
    assert data["member"]["home_store"] == "SH001" and data["member"]["total_spend_fen"] == 1_280
    assert data["cards"] == [
        {"card_no": "C0001", "type": "储值卡", "status": "ACTIVE", "issued_at": data["cards"][0]["issued_at"]}
    ]
    assert [(o["kind"], o["amount"], o["store"], o["order_ref"]) for o in data["operations"]] == [
        ("RECHARGE", 10_000, "SH001", ""),
        ("CONSUME", 1_280, "SH001", "POS-7"),
    ]
    assert data["tags"] == ["咖啡"]
    entry = await AuditEntry.get(action="member.export")
    assert entry.actor_name == "hq.admin" and entry.target_type == "Member" and entry.target_id == str(wallet.member.id)


async def test_staff_who_see_the_member_masked_may_not(api: Api, org: Any, wallet: Wallet) -> None:
    # given: a store clerk granted EXPORT still sees phones masked
    await update_staff(org.actors["hq.admin"], org.staff["sh001.clerk"].id, grants=["EXPORT"])

    # when
    response = await _download(api, "sh001.clerk", wallet.member.member_no)

    # then
    assert response.status_code == 403
    assert response.json()["code"] == "PERMISSION_DENIED"
    assert await AuditEntry.filter(action="member.export").count() == 0


async def test_an_unknown_member_number_is_404(api: Api, org: Any, wallet: Wallet) -> None:
    # when
    response = await _download(api, "hq.admin", "000000000000")

    # then
    assert response.status_code == 404
    assert response.json() == {"code": "NOT_FOUND", "message": "Member not found."}
