"""Service notices (消费提醒): a member's choice to receive them, and on which channel."""

from __future__ import annotations

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.errors import UserError
from schema.core.ids import decode_id, encode_id
from schema.core.permissions import IsAuthenticated, payload_mutation
from server.access.policy import Permission
from server.channels.base import ChannelKind
from server.notices import services

DeliveryChannel = strawberry.enum(
    ChannelKind, name="DeliveryChannel", description="How a message reaches a member: LOG (development), EMAIL, SMS, WEBHOOK."
)


@strawberry.type(description="Whether a member receives service notices (recharge, purchase, refund, card operations).")
class NoticePreference:
    member_id: relay.GlobalID = strawberry.field(description="The member.")
    service_notices: bool = strawberry.field(description="False when the member opted out.")
    channel: DeliveryChannel | None = strawberry.field(description="The channel they asked for; null for their best one.")

    @classmethod
    def from_service(cls, preference: services.Preference) -> NoticePreference:
        return cls(
            member_id=encode_id("Member", preference.member_id),
            service_notices=preference.service_notices,
            channel=preference.channel,
        )


@strawberry.input(description="A member's choice about service notices.")
class SetNoticePreferenceInput:
    member_id: relay.GlobalID = strawberry.field(description="The member.")
    service_notices: bool = strawberry.field(description="False to stop service notices.")
    channel: DeliveryChannel | None = strawberry.field(default=None, description="A channel to use; null for the best one.")


@strawberry.type(description="Result of setNoticePreference.")
class NoticePreferencePayload:
    preference: NoticePreference | None = strawberry.field(default=None, description="The preference after the change.")
    errors: list[UserError] = strawberry.field(default_factory=list, description="Why it failed, if it did.")


@strawberry.type
class NoticesQuery:
    @strawberry.field(
        description="A member's service-notice preference (for staff who may see the member).",
        permission_classes=[IsAuthenticated],
    )
    async def notice_preference(self, info: Info, member_id: relay.GlobalID) -> NoticePreference | None:
        mid = decode_id(member_id, "Member", "memberId")
        return NoticePreference.from_service(await services.notice_preference(info.context.actor, mid))


@strawberry.type
class NoticesMutation:
    @payload_mutation(
        description="Turns a member's service notices on or off, optionally on one channel.", requires=Permission.MANAGE_MEMBERS
    )
    async def set_notice_preference(self, info: Info, input: SetNoticePreferenceInput) -> NoticePreferencePayload:  # noqa: A002
        preference = await services.set_notice_preference(
            info.context.actor,
            decode_id(input.member_id, "Member", "memberId"),
            input.service_notices,
            ChannelKind(input.channel.value) if input.channel else None,
        )
        return NoticePreferencePayload(preference=NoticePreference.from_service(preference))
