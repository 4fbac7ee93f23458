from __future__ import annotations

from server.audit.models import AuditEntry
from server.card.models import CardType

CREATE = """
mutation($input: CardTypeInput!) {
  createCardType(input: $input) {
    cardType { code name kind storesValue earnsPoints givesDiscount requiresPin dailyLimit deductionOrder isActive }
    errors { field code message }
  }
}
"""


async def test_hq_creates_a_card_type_that_everyone_reads(api, org):
    hq = await api.login("hq.admin")

    created = await hq(
        CREATE,
        input={
            "code": "vip",
            "name": "VIP储值卡",
            "kind": "VIP",
            "requiresPin": True,
            "dailyLimit": "2000.00",
            "deductionOrder": "PRO_RATA",
        },
    )
    listed = await (await api.login("sh001.clerk"))("{ cardTypes { code name kind dailyLimit } }")

    assert created["data"]["createCardType"] == {
        "cardType": {
            "code": "VIP",
            "name": "VIP储值卡",
            "kind": "VIP",
            "storesValue": True,
            "earnsPoints": True,
            "givesDiscount": True,
            "requiresPin": True,
            "dailyLimit": "2000.00",
            "deductionOrder": "PRO_RATA",
            "isActive": True,
        },
        "errors": [],
    }
    assert listed["data"]["cardTypes"] == [{"code": "VIP", "name": "VIP储值卡", "kind": "VIP", "dailyLimit": "2000.00"}]
    assert await AuditEntry.filter(action="card_type.create").count() == 1


async def test_invalid_or_duplicate_card_types_are_refused_and_nothing_is_written(api, org):
    hq = await api.login("hq.admin")
    await hq(CREATE, input={"code": "STD", "name": "储值卡"})
    cases = [
        ({"code": "", "name": "卡"}, ["code"], "INVALID"),
        ({"code": "有", "name": "卡"}, ["code"], "INVALID"),
        ({"code": "NEW", "name": " "}, ["name"], "INVALID"),
        ({"code": "NEW", "name": "卡", "dailyLimit": "0.00"}, ["dailyLimit"], "INVALID"),
        ({"code": "std", "name": "另一个"}, ["code"], "DUPLICATE"),
    ]

    for given, field, code in cases:
        body = await hq(CREATE, input=given)

        assert [(e["field"], e["code"]) for e in body["data"]["createCardType"]["errors"]] == [(field, code)], given
        assert body["data"]["createCardType"]["cardType"] is None
    assert [t.code for t in await CardType.all()] == ["STD"]
    assert await AuditEntry.filter(action="card_type.create").count() == 1


async def test_only_hq_creates_card_types(api, org):
    for username in ("east.manager", "sh001.clerk"):
        client = await api.login(username)

        body = await client(CREATE, input={"code": "X", "name": "卡"})

        assert body["data"]["createCardType"]["errors"] == [
            {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage the loyalty program."}
        ]
    anonymous = await api(CREATE, input={"code": "X", "name": "卡"})
    assert [e["code"] for e in anonymous["data"]["createCardType"]["errors"]] == ["UNAUTHENTICATED"]
    assert await CardType.all().count() == 0
