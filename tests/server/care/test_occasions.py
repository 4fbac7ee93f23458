from __future__ import annotations

import zlib
from datetime import date

from server.care.occasions import ORDER, Occasion, next_occurrence, upcoming
from server.member.services import MemberDraft, create_member


async def _members(org, birthdays: dict[str, date], store: str = "SH001") -> dict[str, int]:
    ids = {}
    for name, birthday in birthdays.items():
        phone = f"138{zlib.crc32(name.encode()) % 10**8:08d}"
        draft = MemberDraft(name=name, phone=phone, home_store_id=org.stores[store].id, birthday=birthday)
        ids[name] = (await create_member(org.actors["hq.admin"], draft)).id
    return ids


async def _names(query) -> list[str]:
    return [m.name for m in await query.order_by(ORDER, "id")]


async def test_a_window_across_the_year_end_lists_december_before_january(org):
    await _members(
        org,
        {
            "dec27": date(1990, 12, 27),
            "jan02": date(1985, 1, 2),
            "dec30": date(1991, 12, 30),
            "jan04": date(2000, 1, 4),
            "jan05": date(2000, 1, 5),
            "jun01": date(1990, 6, 1),
        },
    )

    query = upcoming(org.actors["hq.admin"], Occasion.BIRTHDAY, date(2026, 12, 28), 7)

    assert await _names(query) == ["dec30", "jan02", "jan04"]


async def test_a_window_within_one_year_has_both_ends_included(org):
    await _members(org, {"may16": date(1990, 5, 16), "may17": date(1990, 5, 17), "may24": date(1990, 5, 24), "may25": date(1990, 5, 25)})

    query = upcoming(org.actors["hq.admin"], Occasion.BIRTHDAY, date(2026, 5, 17), 7)

    assert await _names(query) == ["may17", "may24"]


async def test_a_leap_day_birthday_is_celebrated_on_feb_28_in_a_common_year(org):
    await _members(org, {"leap": date(1992, 2, 29), "mar01": date(1990, 3, 1)})

    common = upcoming(org.actors["hq.admin"], Occasion.BIRTHDAY, date(2027, 2, 26), 2)
    leap_year_feb_28 = upcoming(org.actors["hq.admin"], Occasion.BIRTHDAY, date(2028, 2, 26), 2)
    leap_year_feb_29 = upcoming(org.actors["hq.admin"], Occasion.BIRTHDAY, date(2028, 2, 29), 0)

    assert await _names(common) == ["leap"]
    assert await _names(leap_year_feb_28) == []
    assert await _names(leap_year_feb_29) == ["leap"]


async def test_a_leap_day_birthday_follows_december_in_a_window_reaching_february(org):
    await _members(org, {"leap": date(1992, 2, 29), "dec31": date(1990, 12, 31), "feb27": date(1990, 2, 27)})

    query = upcoming(org.actors["hq.admin"], Occasion.BIRTHDAY, date(2026, 12, 31), 60)

    assert await _names(query) == ["dec31", "feb27", "leap"]


async def test_anniversaries_are_listed_from_their_own_column(org):
    draft = MemberDraft(name="wed", phone="13800009999", home_store_id=org.stores["SH001"].id, anniversary=date(2015, 1, 1))
    await create_member(org.actors["hq.admin"], draft)
    await _members(org, {"born-jan01": date(1990, 1, 1)})

    query = upcoming(org.actors["hq.admin"], Occasion.ANNIVERSARY, date(2026, 12, 30), 3)

    assert await _names(query) == ["wed"]


async def test_store_and_region_staff_see_their_own_members_only(org):
    await _members(org, {"sh001": date(1990, 5, 17)}, "SH001")
    await _members(org, {"sh002": date(1990, 5, 18)}, "SH002")
    await _members(org, {"cd001": date(1990, 5, 19)}, "CD001")
    start = date(2026, 5, 17)

    clerk = upcoming(org.actors["sh001.clerk"], Occasion.BIRTHDAY, start, 7)
    region = upcoming(org.actors["east.manager"], Occasion.BIRTHDAY, start, 7)
    chain = upcoming(org.actors["hq.admin"], Occasion.BIRTHDAY, start, 7)

    assert await _names(clerk) == ["sh001"]
    assert await _names(region) == ["sh001", "sh002"]
    assert await _names(chain) == ["sh001", "sh002", "cd001"]


def test_next_occurrence_wraps_to_next_year_and_moves_leap_days():
    assert next_occurrence(date(1990, 1, 2), date(2026, 12, 28)) == date(2027, 1, 2)
    assert next_occurrence(date(1990, 12, 30), date(2026, 12, 28)) == date(2026, 12, 30)
    assert next_occurrence(date(1992, 2, 29), date(2027, 1, 1)) == date(2027, 2, 28)
    assert next_occurrence(date(1992, 2, 29), date(2028, 1, 1)) == date(2028, 2, 29)
