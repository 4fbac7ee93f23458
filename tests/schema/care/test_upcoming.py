from __future__ import annotations

from datetime import date

from server.member.services import MemberDraft, create_member

BIRTHDAYS = """
query($from: Date, $days: Int!, $first: Int, $after: String) {
  upcomingBirthdays(from: $from, days: $days, first: $first, after: $after) {
    edges { node { date daysAway member { name phone birthdayMonthDay view } } }
    pageInfo { hasNextPage endCursor }
    totalCount
  }
}
"""


async def _member(org, name: str, phone: str, birthday: date, store: str = "SH001") -> None:
    draft = MemberDraft(name=name, phone=phone, home_store_id=org.stores[store].id, birthday=birthday)
    await create_member(org.actors["hq.admin"], draft)


async def test_birthdays_across_the_year_end_page_in_date_order(api, org):
    hq = await api.login("hq.admin")
    await _member(org, "一月二日", "13800000001", date(1985, 1, 2))
    await _member(org, "十二月三十日", "13800000002", date(1991, 12, 30))
    await _member(org, "十二月二十九日", "13800000003", date(1990, 12, 29), "CD001")
    await _member(org, "一月九日", "13800000004", date(1990, 1, 9))

    first = await hq(BIRTHDAYS, **{"from": "2026-12-28"}, days=7, first=2)
    rest = await hq(
        BIRTHDAYS, **{"from": "2026-12-28"}, days=7, first=2, after=first["data"]["upcomingBirthdays"]["pageInfo"]["endCursor"]
    )

    page = first["data"]["upcomingBirthdays"]
    assert [(e["node"]["member"]["name"], e["node"]["date"], e["node"]["daysAway"]) for e in page["edges"]] == [
        ("十二月二十九日", "2026-12-29", 1),
        ("十二月三十日", "2026-12-30", 2),
    ]
    assert page["pageInfo"]["hasNextPage"] is True
    assert page["totalCount"] == 3
    rest_page = rest["data"]["upcomingBirthdays"]
    assert [(e["node"]["member"]["name"], e["node"]["date"], e["node"]["daysAway"]) for e in rest_page["edges"]] == [
        ("一月二日", "2027-01-02", 5)
    ]
    assert rest_page["pageInfo"]["hasNextPage"] is False


async def test_a_clerk_sees_their_stores_birthdays_with_the_member_masked(api, org):
    clerk = await api.login("sh001.clerk")
    await _member(org, "本店", "13800000001", date(1990, 5, 18))
    await _member(org, "外店", "13800000002", date(1990, 5, 18), "SH002")

    body = await clerk(BIRTHDAYS, **{"from": "2026-05-17"}, days=7)

    assert body["data"]["upcomingBirthdays"]["edges"] == [
        {
            "node": {
                "date": "2026-05-18",
                "daysAway": 1,
                "member": {"name": "本店", "phone": "138****0001", "birthdayMonthDay": "05-18", "view": "MASKED"},
            }
        }
    ]


async def test_a_window_longer_than_half_a_year_is_refused(api, org):
    hq = await api.login("hq.admin")

    body = await hq(BIRTHDAYS, days=181)

    assert body["data"]["upcomingBirthdays"] is None
    assert [(e["message"], e["extensions"]["code"]) for e in body["errors"]] == [("Look 0-180 days ahead.", "INVALID")]
