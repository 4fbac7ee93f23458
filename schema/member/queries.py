"""Member queries: the scoped, filterable list and exact lookup across stores."""

from __future__ import annotations

import strawberry

from schema.context import Info
from schema.core.pagination import fetch_page, to_edges
from schema.core.permissions import IsAuthenticated
from schema.member.inputs import MemberFilterInput
from schema.member.types import Member, MemberConnection
from server.member.services import lookup_member, members_query


@strawberry.type
class MemberQuery:
    @strawberry.field(
        description="Members in the viewer's scope (HQ: all; REGION: its region; STORE: its store), newest first.",
        permission_classes=[IsAuthenticated],
    )
    async def members(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: MemberFilterInput | None = None,  # noqa: A002 - the public argument name
    ) -> MemberConnection:
        query = members_query(info.context.actor, filter.to_filter() if filter else None)
        page = await fetch_page(query, first, after)
        edges, page_info = to_edges(page, lambda row: Member.from_model(row, info))
        return MemberConnection(edges=edges, page_info=page_info, query=query)

    @strawberry.field(
        description="Exactly one member by whole phone, card number or member number, in any store. "
        "Members outside the viewer's scope come back with view MASKED.",
        permission_classes=[IsAuthenticated],
    )
    async def member_lookup(
        self, info: Info, phone: str | None = None, card_no: str | None = None, member_no: str | None = None
    ) -> Member | None:
        row = await lookup_member(info.context.actor, phone=phone, card_no=card_no, member_no=member_no)
        return Member.from_model(row, info) if row else None
