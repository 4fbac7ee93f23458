from __future__ import annotations

from datetime import datetime

import pytest

from server.audit.models import AuditEntry
from server.coupon.models import CouponTemplate
from tests.schema.coupon.conftest import CREATE_TEMPLATE, at, gid

LIST = """
query($first: Int, $after: String, $all: Boolean! = false) {
  couponTemplates(first: $first, after: $after, includeInactive: $all) {
    edges { node { name kind } }
    pageInfo { hasNextPage endCursor }
  }
}
"""


async def test_hq_creates_cash_off_percent_off_and_gift_templates(api, org):
    hq = await api.login("hq.admin")
    starts, ends = at(-1), at(24 * 7)

    cash = await hq(
        CREATE_TEMPLATE,
        input={
            "name": "满100减20",
            "kind": "CASH_OFF",
            "amountOff": "20.00",
            "threshold": "100.00",
            "validFrom": starts,
            "validTo": ends,
            "storeIds": [gid("Store", org.stores["SH002"].id), gid("Store", org.stores["SH001"].id)],
            "quantity": 500,
            "perMemberLimit": 2,
            "stackable": True,
        },
    )
    percent = await hq(
        CREATE_TEMPLATE, input={"name": "八五折", "kind": "PERCENT_OFF", "percentOff": 15, "validDays": 30}
    )
    gift = await hq(CREATE_TEMPLATE, input={"name": "生日蛋糕", "kind": "GIFT", "validDays": 7})

    made = cash["data"]["createCouponTemplate"]
    template = made["couponTemplate"]
    assert made["errors"] == []
    assert datetime.fromisoformat(template.pop("validFrom")) == datetime.fromisoformat(starts)
    assert datetime.fromisoformat(template.pop("validTo")) == datetime.fromisoformat(ends)
    template.pop("id")
    assert template == {
        "name": "满100减20",
        "kind": "CASH_OFF",
        "amountOff": "20.00",
        "percentOff": None,
        "threshold": "100.00",
        "validDays": None,
        "quantity": 500,
        "issuedCount": 0,
        "perMemberLimit": 2,
        "stackable": True,
        "isActive": True,
        "stores": [{"code": "SH001"}, {"code": "SH002"}],
    }
    assert {
        k: percent["data"]["createCouponTemplate"]["couponTemplate"][k]
        for k in ("amountOff", "percentOff", "validDays", "threshold", "stackable", "stores")
    } == {
        "amountOff": None,
        "percentOff": 15,
        "validDays": 30,
        "threshold": "0.00",
        "stackable": False,
        "stores": [],
    }
    assert {
        k: gift["data"]["createCouponTemplate"]["couponTemplate"][k] for k in ("kind", "amountOff", "percentOff")
    } == {
        "kind": "GIFT",
        "amountOff": None,
        "percentOff": None,
    }
    assert await AuditEntry.filter(action="coupon_template.create").count() == 3


async def test_every_account_pages_through_the_templates_newest_first(api, org):
    hq = await api.login("hq.admin")
    for name in ("一", "二", "三"):
        await hq(CREATE_TEMPLATE, input={"name": name, "kind": "GIFT", "validDays": 7})
    clerk = await api.login("sh001.clerk")

    first = await clerk(LIST, first=2)
    rest = await clerk(LIST, first=2, after=first["data"]["couponTemplates"]["pageInfo"]["endCursor"])

    assert [e["node"]["name"] for e in first["data"]["couponTemplates"]["edges"]] == ["三", "二"]
    assert first["data"]["couponTemplates"]["pageInfo"]["hasNextPage"] is True
    assert [e["node"]["name"] for e in rest["data"]["couponTemplates"]["edges"]] == ["一"]
    assert rest["data"]["couponTemplates"]["pageInfo"]["hasNextPage"] is False


BASE = {"name": "券", "kind": "CASH_OFF", "amountOff": "10.00", "validDays": 30}


@pytest.mark.parametrize(
    ("given", "error"),
    [
        ({"name": ""}, (["name"], "name is required.")),
        ({"amountOff": None}, (["amountOff"], "A CASH_OFF coupon needs amountOff.")),
        ({"amountOff": "0.00"}, (["amountOff"], "A cash-off coupon takes a positive amount off.")),
        ({"percentOff": 10}, (["percentOff"], "Only a PERCENT_OFF coupon takes a percentage off.")),
        ({"kind": "PERCENT_OFF", "amountOff": None}, (["percentOff"], "A PERCENT_OFF coupon needs percentOff.")),
        (
            {"kind": "PERCENT_OFF", "amountOff": None, "percentOff": 100},
            (["percentOff"], "A percent-off coupon takes between 1% and 99% off."),
        ),
        (
            {"kind": "PERCENT_OFF", "amountOff": None, "percentOff": 0},
            (["percentOff"], "A percent-off coupon takes between 1% and 99% off."),
        ),
        ({"kind": "GIFT"}, (["amountOff"], "Only a CASH_OFF coupon takes an amount off.")),
        ({"validDays": None}, (["validDays"], "Give either fixed dates (validFrom and validTo) or validDays.")),
        (
            {"validFrom": at(-1), "validTo": at(24)},
            (["validDays"], "Give either fixed dates (validFrom and validTo) or validDays."),
        ),
        (
            {"validDays": None, "validTo": at(24)},
            (["validDays"], "Give either fixed dates (validFrom and validTo) or validDays."),
        ),
        ({"validDays": None, "validFrom": at(2), "validTo": at(1)}, (["validTo"], "The end must be after the start.")),
        (
            {"validDays": None, "validFrom": at(-48), "validTo": at(-24)},
            (["validTo"], "The coupon's validity has already ended."),
        ),
        (
            {"validDays": None, "validFrom": "2030-01-01T00:00:00", "validTo": "2030-02-01T00:00:00+08:00"},
            (["validFrom"], "Give the time with its UTC offset, e.g. 2026-12-01T00:00:00+08:00."),
        ),
        ({"validDays": 0}, (["validDays"], "A coupon is valid for between 1 and 3660 days.")),
        ({"quantity": 0}, (["quantity"], "The quantity must be between 1 and 100000000 coupons.")),
        ({"perMemberLimit": 0}, (["perMemberLimit"], "The limit per member must be between 1 and 100.")),
        ({"perMemberLimit": 101}, (["perMemberLimit"], "The limit per member must be between 1 and 100.")),
        ({"storeIds": [gid("Store", 999)]}, (["storeIds"], "Store not found.")),
        ({"storeIds": [gid("Region", 1)]}, (["storeIds"], "Not a Store ID.")),
    ],
)
async def test_invalid_templates_are_refused_and_nothing_is_written(api, org, given, error):
    hq = await api.login("hq.admin")

    body = await hq(CREATE_TEMPLATE, input={**BASE, **given})

    field, message = error
    code = "NOT_FOUND" if message == "Store not found." else "INVALID"
    assert body["data"]["createCouponTemplate"] == {
        "couponTemplate": None,
        "errors": [{"field": field, "code": code, "message": message}],
    }
    assert await CouponTemplate.all().count() == 0


@pytest.mark.parametrize("username", ["east.manager", "sh001.clerk"])
async def test_only_hq_creates_templates(api, org, username):
    client = await api.login(username)

    body = await client(CREATE_TEMPLATE, input=BASE)

    assert body["data"]["createCouponTemplate"]["errors"] == [
        {"field": None, "code": "PERMISSION_DENIED", "message": "Your account may not manage the loyalty program."}
    ]
    assert await CouponTemplate.all().count() == 0
