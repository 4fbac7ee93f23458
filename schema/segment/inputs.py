"""The segment rule as a GraphQL one-of input: each node sets exactly one field, a combinator
(`and`, `or`, `not`) or a predicate. `to_rule()` gives the JSON the service validates and saves."""

from __future__ import annotations

from datetime import date
from typing import Any

import strawberry
from strawberry import relay

from schema.core.ids import decode_id
from schema.core.scalars import Money
from schema.member.types import Gender
from schema.segment.values import RfmGroup
from server.core.errors import DomainError
from server.segment.predicates import TagMatch as TagMatchModel

TagMatch = strawberry.enum(TagMatchModel, description="ANY of the tags, ALL of them, or NONE of them.")


@strawberry.input(description="Whole numbers from min to max, both inclusive; either may be left out.")
class IntRangeInput:
    min: int | None = strawberry.field(default=None, description="Lowest value that matches.")
    max: int | None = strawberry.field(default=None, description="Highest value that matches.")


@strawberry.input(description="Amounts from min to max, both inclusive; either may be left out.")
class MoneyRangeInput:
    min: Money | None = strawberry.field(default=None, description="Lowest amount that matches.")
    max: Money | None = strawberry.field(default=None, description="Highest amount that matches.")


@strawberry.input(description="Business dates from `from` to `to`, both inclusive; either may be left out.")
class DateRangeInput:
    from_: date | None = strawberry.field(default=None, name="from", description="First date that matches.")
    to: date | None = strawberry.field(default=None, description="Last date that matches.")


@strawberry.input(description="How many purchases in the last `days` days (≥ min, ≤ max).")
class VisitsInput:
    days: int = strawberry.field(description="The window, counting back from now.")
    min: int | None = strawberry.field(default=None, description="At least this many.")
    max: int | None = strawberry.field(default=None, description="At most this many.")


@strawberry.input(description="Net spend (consumption less refunds) in the last `days` days (≥ min, ≤ max).")
class SpendInput:
    days: int = strawberry.field(description="The window, counting back from now.")
    min: Money | None = strawberry.field(default=None, description="At least this much.")
    max: Money | None = strawberry.field(default=None, description="At most this much.")


@strawberry.input(description="Members holding ANY, ALL or NONE of the tags.")
class TagsInput:
    match: TagMatch = strawberry.field(description="How the tags combine.")
    ids: list[relay.GlobalID] = strawberry.field(description="The tags.")


_ID_TYPES = {
    "tiers": "Tier",
    "regions": "Region",
    "home_stores": "Store",
    "campaign_received": "Campaign",
    "campaign_converted": "Campaign",
}


def _decoded(ids: list[relay.GlobalID], type_name: str, path: list[str]) -> list[int]:
    decoded = []
    for i, gid in enumerate(ids):
        try:
            decoded.append(decode_id(gid, type_name))
        except DomainError as error:
            error.field = [*path, str(i)]
            raise
    return decoded


def _camel(name: str) -> str:
    head, *rest = name.rstrip("_").split("_")
    return head + "".join(part.title() for part in rest)


@strawberry.input(
    one_of=True,
    description="One node of a segment rule: set exactly one field. Combine with and/or/not; "
    "every other field is a condition on the member.",
)
class SegmentRuleInput:
    and_: list[SegmentRuleInput] | None = strawberry.field(default=strawberry.UNSET, name="and", description="All of these.")
    or_: list[SegmentRuleInput] | None = strawberry.field(default=strawberry.UNSET, name="or", description="Any of these.")
    not_: SegmentRuleInput | None = strawberry.field(default=strawberry.UNSET, name="not", description="Not this.")
    gender: list[Gender] | None = strawberry.field(default=strawberry.UNSET, description="Any of these genders.")
    age: IntRangeInput | None = strawberry.field(default=strawberry.UNSET, description="Age in whole years; members without a birthday never match.")
    birthday_months: list[int] | None = strawberry.field(default=strawberry.UNSET, description="Birthday in any of these months (1-12).")
    tiers: list[relay.GlobalID] | None = strawberry.field(default=strawberry.UNSET, description="In any of these tiers.")
    regions: list[relay.GlobalID] | None = strawberry.field(default=strawberry.UNSET, description="Home store in any of these regions.")
    home_stores: list[relay.GlobalID] | None = strawberry.field(default=strawberry.UNSET, description="Home store is one of these.")
    tags: TagsInput | None = strawberry.field(default=strawberry.UNSET, description="Tag membership.")
    registered: DateRangeInput | None = strawberry.field(default=strawberry.UNSET, description="Registered within these dates.")
    last_visit: DateRangeInput | None = strawberry.field(
        default=strawberry.UNSET,
        description="Last purchase within these dates (only `to`: before; only `from`: after). Members who never bought never match.",
    )
    spend: SpendInput | None = strawberry.field(default=strawberry.UNSET, description="Net spend in the last N days.")
    visits: VisitsInput | None = strawberry.field(default=strawberry.UNSET, description="Purchases in the last N days.")
    points: IntRangeInput | None = strawberry.field(default=strawberry.UNSET, description="Points balance now.")
    balance: MoneyRangeInput | None = strawberry.field(default=strawberry.UNSET, description="Stored value over all cards now.")
    rfm_groups: list[RfmGroup] | None = strawberry.field(default=strawberry.UNSET, description="In any of these RFM groups.")
    campaign_received: list[relay.GlobalID] | None = strawberry.field(
        default=strawberry.UNSET, description="Was sent a message of any of these campaigns (its delivery is SENT)."
    )
    campaign_converted: list[relay.GlobalID] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Converted for any of these campaigns: reached by a variant and bought within its attribution days after.",
    )

    def to_rule(self, path: list[str]) -> dict[str, Any]:
        """The node as rule JSON; IDs that are not of the right type are INVALID at their path."""
        (name, value), = ((n, v) for n, v in vars(self).items() if v is not strawberry.UNSET and v is not None)
        key = _camel(name)
        here = [*path, key]
        if name in ("and_", "or_"):
            return {key: [child.to_rule([*here, str(i)]) for i, child in enumerate(value)]}
        if name == "not_":
            return {key: value.to_rule(here)}
        if name in _ID_TYPES:
            return {key: _decoded(value, _ID_TYPES[name], here)}
        if name == "tags":
            return {key: {"match": value.match.value, "ids": _decoded(value.ids, "Tag", [*here, "ids"])}}
        if name in ("gender", "rfm_groups"):
            return {key: [item.value for item in value]}
        if name in ("registered", "last_visit"):
            return {key: {"from": _iso(value.from_), "to": _iso(value.to)}}
        if isinstance(value, list):
            return {key: value}
        return {key: {_camel(k): v for k, v in vars(value).items()}}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
