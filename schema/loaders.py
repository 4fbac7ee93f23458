"""Per-request DataLoaders: one SQL query per kind of related row, whatever the page size."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from strawberry.dataloader import DataLoader
from tortoise.models import Model

from server.org.models import Region, Store
from server.tag.models import MemberTag, Tag
from server.tier.models import Tier

M = TypeVar("M", bound=Model)


def _by_id(model: type[M]) -> DataLoader[int, M | None]:
    async def load(ids: Sequence[int]) -> list[M | None]:
        rows = {row.pk: row for row in await model.filter(id__in=list(ids))}
        return [rows.get(i) for i in ids]

    return DataLoader(load_fn=load)


async def _tags_by_member(member_ids: Sequence[int]) -> list[list[Tag]]:
    links = await MemberTag.filter(member_id__in=list(member_ids)).select_related("tag").order_by("tag__name")
    grouped: dict[int, list[Tag]] = defaultdict(list)
    for link in links:
        grouped[link.member_id].append(link.tag)
    return [grouped.get(i, []) for i in member_ids]


@dataclass
class Loaders:
    tier: DataLoader[int, Tier | None] = field(default_factory=lambda: _by_id(Tier))
    store: DataLoader[int, Store | None] = field(default_factory=lambda: _by_id(Store))
    region: DataLoader[int, Region | None] = field(default_factory=lambda: _by_id(Region))
    tags_by_member: DataLoader[int, list[Tag]] = field(default_factory=lambda: DataLoader(load_fn=_tags_by_member))
