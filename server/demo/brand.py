"""The demo brand's fixed parts: regions and stores, staff accounts, tiers and tags.

The three accounts named in SPEC §5 (hq.admin, east.manager, sh001.clerk) are a contract that
the README, browser tests and partner-app sandboxes rely on.
"""

from __future__ import annotations

from dataclasses import dataclass

from server.access.models import Role
from server.tier.services import TierDraft

DEMO_PASSWORD = "tessera-demo"


@dataclass(frozen=True)
class StoreSpec:
    code: str
    name: str
    address: str


@dataclass(frozen=True)
class RegionSpec:
    code: str
    name: str
    stores: tuple[StoreSpec, ...]


@dataclass(frozen=True)
class AccountSpec:
    username: str
    display_name: str
    role: Role
    region_code: str | None = None
    store_code: str | None = None


@dataclass(frozen=True)
class TagSpec:
    name: str
    color: str
    description: str


REGIONS: tuple[RegionSpec, ...] = (
    RegionSpec(
        "EAST",
        "华东大区",
        (
            StoreSpec("SH001", "上海南京西路店", "上海市静安区南京西路1266号"),
            StoreSpec("SH002", "上海徐家汇店", "上海市徐汇区虹桥路1号"),
            StoreSpec("HZ001", "杭州湖滨店", "杭州市上城区湖滨路28号"),
        ),
    ),
    RegionSpec(
        "SOUTH",
        "华南大区",
        (
            StoreSpec("GZ001", "广州天河店", "广州市天河区天河路208号"),
            StoreSpec("SZ001", "深圳南山店", "深圳市南山区深南大道9668号"),
        ),
    ),
)

HQ_ACCOUNT = AccountSpec("hq.admin", "总部管理员", Role.HQ)

SCOPED_ACCOUNTS: tuple[AccountSpec, ...] = (
    AccountSpec("east.manager", "华东大区经理", Role.REGION, region_code="EAST"),
    AccountSpec("sh001.clerk", "南京西路店店员", Role.STORE, store_code="SH001"),
    AccountSpec("south.manager", "华南大区经理", Role.REGION, region_code="SOUTH"),
    AccountSpec("gz001.clerk", "广州天河店店员", Role.STORE, store_code="GZ001"),
)

ACCOUNTS: tuple[AccountSpec, ...] = (HQ_ACCOUNT, *SCOPED_ACCOUNTS)

TIERS: tuple[TierDraft, ...] = (
    TierDraft("普通", rank=0, discount_percent=100, points_multiplier_pct=100, perks=["消费积分"]),
    TierDraft("银卡", rank=10, discount_percent=98, points_multiplier_pct=120, perks=["9.8折", "生日当月双倍积分"]),
    TierDraft(
        "金卡", rank=20, discount_percent=95, points_multiplier_pct=150, perks=["9.5折", "生日礼券", "新品优先试用"]
    ),
    TierDraft(
        "白金",
        rank=30,
        discount_percent=90,
        points_multiplier_pct=200,
        perks=["9折", "生日礼券", "专属客服", "免费停车"],
    ),
)

TAGS: tuple[TagSpec, ...] = (
    TagSpec("常客", "#2E7D32", "每月到店两次以上"),
    TagSpec("新客", "#1565C0", "注册不满三个月"),
    TagSpec("高净值", "#6A1B9A", "客单价在前10%"),
    TagSpec("价格敏感", "#EF6C00", "多在促销期消费"),
    TagSpec("亲子家庭", "#AD1457", "常购儿童商品"),
    TagSpec("商务人士", "#37474F", "工作日午间消费为主"),
    TagSpec("线上活跃", "#00838F", "常用小程序下单"),
    TagSpec("沉睡客户", "#757575", "九十天未到店"),
)
