"""Member tiers (会员等级): ordered levels with their benefits and the rules that move members.

    Tier        a level: benefits (discount, points multiplier, perks) and its rules — upgrade
                conditions, retention conditions, how a failed retention downgrades, the gift
                package an upgrade grants, and a price when the tier can be bought
    TierStatus  per member, what the current tier rests on: since when it is held, when its
                retention is next reviewed, a manual floor (HQ) and a bought tier with their expiry
    TierChange  the history: every change of a member's tier with its cause, never edited

Conditions count a member's activity in a window: the last `window_days` days (ROLLING) or the
calendar month, quarter or year (business time zone). A condition left null is not part of the
rule; `match` says whether ANY or ALL of the set ones must hold. A tier without upgrade conditions
is reached only by being the entry tier, bought or set by HQ; one without retention conditions is
kept until something else moves the member.

Importing this module (the ORM does, in every process) installs the upgrade outbox
(`server.tier.outbox`): every committed consume queues its member's upgrade check.
"""

from __future__ import annotations

from enum import Enum

from tortoise import fields
from tortoise.models import Model

import server.tier.outbox  # noqa: F401 - installs the upgrade outbox hook


class TierWindow(str, Enum):
    ROLLING = "ROLLING"
    MONTH = "MONTH"
    QUARTER = "QUARTER"
    YEAR = "YEAR"


class Match(str, Enum):
    ANY = "ANY"
    ALL = "ALL"


class Downgrade(str, Enum):
    """Where a member who failed the retention conditions goes."""

    ONE_LEVEL = "ONE_LEVEL"
    QUALIFIED = "QUALIFIED"


class Tier(Model):
    """The rule columns carry SQL defaults (`db_default`) so the migration can add them to the
    tiers that exist (SQLite adds a NOT NULL column only with a default)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50, unique=True)
    rank = fields.IntField(unique=True, description="Higher is better; ordering key.")
    discount_percent = fields.IntField(default=100, description="Share of list price paid, 1-100.")
    points_multiplier_pct = fields.IntField(default=100, description="Earn multiplier ×100.")
    perks: list[str] = fields.JSONField(default=list)  # type: ignore[assignment]
    window = fields.CharEnumField(TierWindow, max_length=8, default=TierWindow.ROLLING, db_default="ROLLING")
    window_days = fields.IntField(default=365, db_default=365, description="Length of a ROLLING window.")
    upgrade_match = fields.CharEnumField(Match, max_length=3, default=Match.ANY, db_default="ANY")
    upgrade_spend = fields.BigIntField(null=True, description="Fen spent in the window to be upgraded.")
    upgrade_visits = fields.IntField(null=True)
    upgrade_points = fields.BigIntField(null=True, description="Points earned in the window.")
    retain_match = fields.CharEnumField(Match, max_length=3, default=Match.ANY, db_default="ANY")
    retain_spend = fields.BigIntField(null=True, description="Fen spent in the period to keep the tier.")
    retain_visits = fields.IntField(null=True)
    retain_points = fields.BigIntField(null=True)
    downgrade = fields.CharEnumField(Downgrade, max_length=10, default=Downgrade.ONE_LEVEL, db_default="ONE_LEVEL")
    gift_coupon_template_ids: list[int] = fields.JSONField(default=list, db_default="[]")  # type: ignore[assignment]
    gift_points = fields.IntField(default=0, db_default=0, description="Points granted with each upgrade to this tier.")
    price = fields.BigIntField(null=True, description="Fen; null when the tier can't be bought.")
    paid_days = fields.IntField(null=True, description="How long a bought tier lasts.")
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "tier"
        ordering = ["rank"]


class TierStatus(Model):
    id = fields.IntField(primary_key=True)
    member_id = fields.IntField(unique=True)
    since = fields.DatetimeField(description="When the member entered the current tier.")
    review_at = fields.DatetimeField(null=True, db_index=True, description="End of the retention period.")
    floor_tier_id = fields.IntField(null=True, description="HQ's manual tier, held at least until floor_until.")
    floor_until = fields.DatetimeField(null=True, db_index=True, description="Null: the floor never expires.")
    floor_reason = fields.CharField(max_length=255, default="")
    paid_tier_id = fields.IntField(null=True)
    paid_until = fields.DatetimeField(null=True, db_index=True)

    class Meta:
        table = "tier_status"


class TierChangeCause(str, Enum):
    UPGRADE = "UPGRADE"
    DOWNGRADE = "DOWNGRADE"
    MANUAL = "MANUAL"
    PAID = "PAID"
    EXPIRY = "EXPIRY"


class TierChange(Model):
    id = fields.BigIntField(primary_key=True)
    member_id = fields.IntField(db_index=True)
    from_tier_id = fields.IntField(null=True)
    to_tier_id = fields.IntField(null=True)
    from_name = fields.CharField(max_length=50, default="", description="Names as they were, for history.")
    to_name = fields.CharField(max_length=50, default="")
    cause = fields.CharEnumField(TierChangeCause, max_length=10)
    detail = fields.CharField(max_length=255, default="")
    staff_id = fields.IntField(null=True, description="Who changed it by hand; null for the programme.")
    operation_id = fields.BigIntField(null=True, description="The consume or purchase behind it.")
    gift: dict[str, object] = fields.JSONField(default=dict)  # type: ignore[assignment]
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "tier_change"
