"""Saved segments (HQ chain-wide; REGION and STORE staff for their own members) and previews.

A segment remembers the org unit of the staff who made it and only ever selects that unit's
members; staff see and change only their own unit's segments (`policy.owned_scope`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.access.policy import Actor, OrgScope, Permission, org_scope, owned_scope, require
from server.audit import services as audit
from server.core.errors import DomainError, ErrorCode, invalid, not_found
from server.core.text import clean_text
from server.member.models import Member
from server.member.services import members_query
from server.org.models import Store
from server.segment.compiler import MemberSelection, compile_rule, parse_rule
from server.segment.models import Segment
from server.core.sql import fetch

MAX_SAMPLE = 50


@dataclass(frozen=True)
class Preview:
    count: int
    sample: list[Member]


def _snapshot(segment: Segment) -> dict[str, Any]:
    return {"name": segment.name, "description": segment.description, "rule": segment.rule}


def segment_scope(segment: Segment) -> OrgScope:
    return OrgScope(region_id=segment.region_id, store_id=segment.store_id)


def segment_members(segment: Segment, at: datetime | None = None) -> MemberSelection:
    """The members a saved segment selects now (or `at`), within its owner's org unit."""
    return compile_rule(parse_rule(segment.rule), scope=segment_scope(segment), at=at)


async def count_members(selection: MemberSelection) -> int:
    rows = await fetch(selection.count())
    return int(rows[0]["n"])


def segments_query(actor: Actor | None) -> QuerySet[Segment]:
    return Segment.filter(**owned_scope(require(actor)))


async def get_segment_in_scope(actor: Actor | None, segment_id: int, field: str = "id") -> Segment:
    segment = await segments_query(actor).get_or_none(id=segment_id)
    if segment is None:
        raise not_found("Segment", field)
    return segment


async def preview(actor: Actor | None, rule: Any, sample_size: int = 10) -> Preview:
    """How many of the actor's members a rule selects now, and the newest of them."""
    actor = require(actor)
    if not 0 <= sample_size <= MAX_SAMPLE:
        raise invalid("sampleSize", f"Ask for 0 to {MAX_SAMPLE} sample members.")
    selection = compile_rule(parse_rule(rule), scope=org_scope(actor))
    ids = [int(row["id"]) for row in await fetch(selection.sample(sample_size))] if sample_size else []
    sample = await members_query(actor).filter(id__in=ids).order_by("-id") if ids else []
    return Preview(await count_members(selection), list(sample))


async def _owner_fields(actor: Actor) -> dict[str, int | None]:
    scope = org_scope(actor)
    if scope.store_id is not None:
        store = await Store.get(id=scope.store_id)
        return {"region_id": store.region_id, "store_id": store.id}
    return {"region_id": scope.region_id, "store_id": None}


def _clean(name: str | None, description: str | None) -> dict[str, str]:
    cleaned = {}
    if name is not None:
        cleaned["name"] = clean_text(name, "name", max_length=100, required=True)
    if description is not None:
        cleaned["description"] = clean_text(description, "description", max_length=255)
    return cleaned


def _duplicate(name: str) -> DomainError:
    return DomainError(ErrorCode.DUPLICATE, f"A segment named {name} exists.", "name")


async def create_segment(actor: Actor | None, name: str, rule: Any, description: str = "") -> Segment:
    actor = require(actor, Permission.MANAGE_SEGMENTS)
    fields = _clean(name, description)
    saved = parse_rule(rule).to_json()
    try:
        async with in_transaction():
            segment = await Segment.create(
                **fields, rule=saved, created_by_id=actor.staff_id, **await _owner_fields(actor)
            )
            await audit.record(actor, "segment.create", "Segment", segment.id, None, _snapshot(segment))
    except IntegrityError as exc:
        raise _duplicate(fields["name"]) from exc
    return segment


async def update_segment(
    actor: Actor | None, segment_id: int, *, name: str | None = None, rule: Any = None, description: str | None = None
) -> Segment:
    """Changes the given fields; a new rule applies from the next count, refresh or campaign."""
    actor = require(actor, Permission.MANAGE_SEGMENTS)
    changes: dict[str, Any] = _clean(name, description)
    if rule is not None:
        changes["rule"] = parse_rule(rule).to_json()
    try:
        async with in_transaction():
            segment = await get_segment_in_scope(actor, segment_id)
            before = _snapshot(segment)
            segment.update_from_dict(changes)
            await segment.save()
            await audit.record(actor, "segment.update", "Segment", segment.id, before, _snapshot(segment))
    except IntegrityError as exc:
        raise _duplicate(changes["name"]) from exc
    return segment


async def delete_segment(actor: Actor | None, segment_id: int) -> None:
    actor = require(actor, Permission.MANAGE_SEGMENTS)
    async with in_transaction():
        segment = await get_segment_in_scope(actor, segment_id)
        before = _snapshot(segment)
        await segment.delete()
        await audit.record(actor, "segment.delete", "Segment", segment_id, before, None)
