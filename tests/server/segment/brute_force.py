"""The segment rules evaluated member by member in Python, straight from their definitions: the
yardstick the compiled SQL must agree with."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from server.campaign.models import Campaign, CampaignRecipient
from server.card.models import Card
from server.core.clock import BUSINESS_TZ
from server.delivery.models import Delivery, DeliveryStatus
from server.ledger.models import Account, AccountCode, Operation, OperationKind
from server.member.models import Member, MemberStatus
from server.org.models import Store
from server.segment.models import MemberValue
from server.tag.models import MemberTag


@dataclass
class Facts:
    members: list[Member]
    region_of_store: dict[int, int]
    tags: dict[int, set[int]]
    operations: dict[int, list[Operation]]
    points: dict[int, int]
    balance: dict[int, int]
    rfm: dict[int, str]
    received: dict[int, set[int]]
    converted: dict[int, set[int]]


async def load_facts() -> Facts:
    tags: dict[int, set[int]] = defaultdict(set)
    for link in await MemberTag.all():
        tags[link.member_id].add(link.tag_id)
    operations: dict[int, list[Operation]] = defaultdict(list)
    for op in await Operation.all():
        if op.member_id is not None:
            operations[op.member_id].append(op)
    owner = {c.id: c.member_id for c in await Card.all()}
    points: dict[int, int] = defaultdict(int)
    balance: dict[int, int] = defaultdict(int)
    for account in await Account.all():
        if account.code == AccountCode.MEMBER_POINTS:
            points[account.member_id] += account.balance
        elif account.code in (AccountCode.CARD_PRINCIPAL, AccountCode.CARD_BONUS):
            balance[owner[account.card_id]] += account.balance
    received: dict[int, set[int]] = defaultdict(set)
    for delivery in await Delivery.filter(status=DeliveryStatus.SENT, source__startswith="campaign:"):
        received[delivery.member_id].add(int(delivery.source.split(":")[1]))
    window = {c.id: timedelta(days=c.attribution_days) for c in await Campaign.all()}
    converted: dict[int, set[int]] = defaultdict(set)
    for r in await CampaignRecipient.filter(reason=""):
        bought = (op.created_at for op in operations[r.member_id] if op.kind == OperationKind.CONSUME)
        if any(r.created_at <= at < r.created_at + window[r.campaign_id] for at in bought):
            converted[r.member_id].add(r.campaign_id)
    return Facts(
        members=list(await Member.all()),
        region_of_store={s.id: s.region_id for s in await Store.all()},
        tags=tags,
        operations=operations,
        points=points,
        balance=balance,
        rfm={v.member_id: v.rfm_group.value for v in await MemberValue.all()},
        received=received,
        converted=converted,
    )


def _age(birthday: date, today: date) -> int:
    return today.year - birthday.year - ((today.month, today.day) < (birthday.month, birthday.day))


def _local_date(moment: datetime) -> date:
    return moment.astimezone(BUSINESS_TZ).date()


def _within(value: int, bounds: dict[str, Any]) -> bool:
    return (bounds.get("min") is None or value >= bounds["min"]) and (bounds.get("max") is None or value <= bounds["max"])


def _dates(moment: datetime | None, bounds: dict[str, Any]) -> bool:
    if moment is None:
        return False
    day = _local_date(moment)
    start, end = bounds.get("from"), bounds.get("to")
    return (start is None or day >= date.fromisoformat(start)) and (end is None or day <= date.fromisoformat(end))


def matches(rule: dict[str, Any], m: Member, facts: Facts, at: datetime) -> bool:
    (key, value), = rule.items()
    today = _local_date(at)
    recent = [op for op in facts.operations[m.id] if "days" in value and op.created_at >= at - timedelta(days=value["days"])] if isinstance(value, dict) else []
    match key:
        case "and":
            return all(matches(r, m, facts, at) for r in value)
        case "or":
            return any(matches(r, m, facts, at) for r in value)
        case "not":
            return not matches(value, m, facts, at)
        case "gender":
            return m.gender.value in value
        case "age":
            return m.birthday is not None and _within(_age(m.birthday, today), value)
        case "birthdayMonths":
            return m.birthday is not None and m.birthday.month in value
        case "tiers":
            return m.tier_id in value
        case "homeStores":
            return m.home_store_id in value
        case "regions":
            return facts.region_of_store[m.home_store_id] in value
        case "tags":
            wanted, held = set(value["ids"]), facts.tags[m.id]
            return {"ANY": bool(wanted & held), "ALL": wanted <= held, "NONE": not wanted & held}[value["match"]]
        case "registered":
            return _dates(m.created_at, value)
        case "lastVisit":
            return _dates(m.last_purchase_at, value)
        case "spend":
            net = sum(op.amount if op.kind == OperationKind.CONSUME else -op.amount for op in recent if op.kind in (OperationKind.CONSUME, OperationKind.REFUND))
            return _within(net, value)
        case "visits":
            return _within(sum(1 for op in recent if op.kind == OperationKind.CONSUME), value)
        case "points":
            return _within(facts.points[m.id], value)
        case "balance":
            return _within(facts.balance[m.id], value)
        case "rfmGroups":
            return facts.rfm.get(m.id) in value
        case "campaignReceived":
            return bool(facts.received[m.id] & set(value))
        case "campaignConverted":
            return bool(facts.converted[m.id] & set(value))
    raise AssertionError(f"no brute-force rule for {key}")


def brute_force(rule: dict[str, Any], facts: Facts, at: datetime) -> set[int]:
    return {m.id for m in facts.members if m.status == MemberStatus.ACTIVE and matches(rule, m, facts, at)}


