"""The demo brand's members, generated from a fixed seed so every `seed-demo` builds the same people.

Names follow common Chinese surnames and given-name characters by gender; phones are unique
mainland mobile numbers on real carrier prefixes; birthdays are fixed dates (not relative to
today) so the same seed always yields the same members.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta

from server.demo.brand import REGIONS, TAGS
from server.member.models import Channel, Gender

DEMO_SEED = 20260101
DEMO_MEMBER_COUNT = 200

_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
_GIVEN = {
    Gender.MALE: "伟强磊军洋勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林阳建峰文亮志博晨昊然轩睿哲瑞泽远航天宏",
    Gender.FEMALE: "芳娜敏静丽艳娟霞燕玲婷雪慧颖琳倩莉萍红洁梅琴云露瑶怡欣佳悦诗梦晗萱涵彤雨思可嘉蕾月妍璐",
}
_MOBILE_PREFIXES = (
    "130 131 132 133 134 135 136 137 138 139 150 151 152 153 155 156 157 158 159 "
    "166 173 175 176 177 180 181 182 183 185 186 187 188 189 191 198 199"
).split()
_STORE_WEIGHTS = {"SH001": 3, "SH002": 2, "HZ001": 2, "GZ001": 2, "SZ001": 2}
_CHANNEL_WEIGHTS = {Channel.STORE: 60, Channel.MINI_PROGRAM: 25, Channel.WEB: 10, Channel.CALL_CENTER: 5}
_OLDEST_BIRTHDAY = date(1956, 1, 1)
_YOUNGEST_BIRTHDAY = date(2007, 12, 31)


@dataclass(frozen=True)
class DemoMember:
    name: str
    phone: str
    gender: Gender
    birthday: date
    anniversary: date | None
    email: str
    store_code: str
    channel: Channel
    marketing_consent: bool
    tag_names: tuple[str, ...]
    referrer: int | None
    """Index of an earlier demo member who referred this one."""


def _random_date(rng: random.Random, first: date, last: date) -> date:
    return first + timedelta(days=rng.randrange((last - first).days + 1))


def _name(rng: random.Random, gender: Gender) -> str:
    given = "".join(rng.choice(_GIVEN[gender]) for _ in range(rng.choice((1, 2, 2, 2))))
    return rng.choice(_SURNAMES) + given


def _phone(rng: random.Random, taken: set[str]) -> str:
    while True:
        phone = rng.choice(_MOBILE_PREFIXES) + f"{rng.randrange(10**8):08d}"
        if phone not in taken:
            taken.add(phone)
            return phone


def demo_members(count: int = DEMO_MEMBER_COUNT, seed: int = DEMO_SEED) -> list[DemoMember]:
    """The same `count` members for the same seed, spread over the demo stores."""
    rng = random.Random(seed)
    store_codes = [store.code for region in REGIONS for store in region.stores]
    store_weights = [_STORE_WEIGHTS[code] for code in store_codes]
    tag_names = [tag.name for tag in TAGS]
    phones: set[str] = set()
    members: list[DemoMember] = []
    for index in range(count):
        gender = rng.choices((Gender.FEMALE, Gender.MALE, Gender.UNKNOWN), weights=(52, 45, 3))[0]
        birthday = _random_date(rng, _OLDEST_BIRTHDAY, _YOUNGEST_BIRTHDAY)
        married = birthday.year < 1998 and rng.random() < 0.3
        members.append(
            DemoMember(
                name=_name(rng, rng.choice((Gender.MALE, Gender.FEMALE)) if gender is Gender.UNKNOWN else gender),
                phone=_phone(rng, phones),
                gender=gender,
                birthday=birthday,
                anniversary=_random_date(rng, date(birthday.year + 22, 1, 1), date(2025, 12, 31)) if married else None,
                email=f"member{index + 1:03d}@example.com" if rng.random() < 0.4 else "",
                store_code=rng.choices(store_codes, weights=store_weights)[0],
                channel=rng.choices(list(_CHANNEL_WEIGHTS), weights=list(_CHANNEL_WEIGHTS.values()))[0],
                marketing_consent=rng.random() < 0.7,
                tag_names=tuple(sorted(rng.sample(tag_names, rng.choice((0, 1, 1, 2, 2, 3))))),
                referrer=rng.randrange(index) if index >= 10 and rng.random() < 0.1 else None,
            )
        )
    return members
