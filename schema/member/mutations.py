"""Member mutations: thin wrappers that decode IDs, call the service and shape the payload."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.ids import decode_id
from schema.core.permissions import payload_mutation
from schema.member.inputs import CreateMemberInput, UpdateMemberInput
from schema.member.types import Member, MemberPayload
from server.access.policy import Permission
from server.member import privacy, services
from server.member.models import MemberStatus
from server.tag import services as tags


@strawberry.type
class MemberMutation:
    @payload_mutation(description="Registers a member.", requires=Permission.MANAGE_MEMBERS)
    async def create_member(self, info: Info, input: CreateMemberInput) -> MemberPayload:  # noqa: A002
        member = await services.create_member(info.context.actor, input.to_draft())
        return await _reload(info, member.id)

    @payload_mutation(description="Changes a member's profile.", requires=Permission.MANAGE_MEMBERS)
    async def update_member(
        self, info: Info, id: relay.GlobalID, input: UpdateMemberInput  # noqa: A002
    ) -> MemberPayload:
        member = await services.update_member(info.context.actor, decode_id(id, "Member"), input.to_changes())
        return MemberPayload(member=Member.from_model(member, info))

    @payload_mutation(description="Deactivates a member (kept for history).", requires=Permission.MANAGE_MEMBERS)
    async def deactivate_member(self, info: Info, id: relay.GlobalID) -> MemberPayload:  # noqa: A002
        return await _set_status(info, id, MemberStatus.DEACTIVATED)

    @payload_mutation(description="Reactivates a deactivated member.", requires=Permission.MANAGE_MEMBERS)
    async def reactivate_member(self, info: Info, id: relay.GlobalID) -> MemberPayload:  # noqa: A002
        return await _set_status(info, id, MemberStatus.ACTIVE)

    @payload_mutation(
        description="Erases who the member was (the deletion right), keeping the member number and the ledger. "
        "Refused while the member holds a card that is not cancelled or points.",
        requires=Permission.ANONYMIZE_MEMBERS,
    )
    async def anonymize_member(self, info: Info, id: relay.GlobalID, reason: str) -> MemberPayload:  # noqa: A002
        member = await privacy.anonymize_member(info.context.actor, decode_id(id, "Member"), reason)
        return MemberPayload(member=Member.from_model(member, info))

    @payload_mutation(description="Puts a tag on a member (idempotent).", requires=Permission.TAG_MEMBERS)
    async def tag_member(self, info: Info, member_id: relay.GlobalID, tag_id: relay.GlobalID) -> MemberPayload:
        mid = decode_id(member_id, "Member", "memberId")
        await tags.tag_member(info.context.actor, mid, decode_id(tag_id, "Tag", "tagId"))
        return await _reload(info, mid)

    @payload_mutation(description="Takes a tag off a member.", requires=Permission.TAG_MEMBERS)
    async def untag_member(self, info: Info, member_id: relay.GlobalID, tag_id: relay.GlobalID) -> MemberPayload:
        mid = decode_id(member_id, "Member", "memberId")
        await tags.untag_member(info.context.actor, mid, decode_id(tag_id, "Tag", "tagId"))
        return await _reload(info, mid)


async def _set_status(info: Info, member_id: relay.GlobalID, status: MemberStatus) -> MemberPayload:
    member = await services.set_member_status(info.context.actor, decode_id(member_id, "Member"), status)
    return await _reload(info, member.id)


async def _reload(info: Info, member_id: int) -> MemberPayload:
    member = await services.get_member_in_scope(info.context.actor, member_id)  # type: ignore[arg-type]
    return MemberPayload(member=Member.from_model(member, info))
