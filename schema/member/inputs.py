"""Member mutation inputs and list filters."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import strawberry
from strawberry import relay

from schema.core.ids import decode_id
from schema.member.types import Channel, Gender, MemberStatus
from server.member.services import MemberDraft, MemberFilter


@strawberry.input(description="A new member.")
class CreateMemberInput:
    name: str = strawberry.field(description="Full name, 1-100 characters.")
    phone: str = strawberry.field(description="Mainland 11-digit mobile or E.164; unique.")
    home_store_id: relay.GlobalID | None = strawberry.field(
        default=None, description="Home store; a STORE clerk's own store when omitted."
    )
    gender: Gender = strawberry.field(default=Gender.UNKNOWN, description="Stated gender.")
    birthday: date | None = strawberry.field(default=None, description="Birthday.")
    anniversary: date | None = strawberry.field(default=None, description="Anniversary.")
    email: str | None = strawberry.field(default=None, description="Email address.")
    channel: Channel = strawberry.field(default=Channel.STORE, description="Registration channel.")
    referrer_id: relay.GlobalID | None = strawberry.field(default=None, description="The member who referred them.")
    referral_code: str | None = strawberry.field(
        default=None, description="The referrer's referral code, instead of referrerId; an unknown code is INVALID."
    )
    marketing_consent: bool = strawberry.field(default=False, description="Consent to marketing messages.")

    def to_draft(self) -> MemberDraft:
        return MemberDraft(
            name=self.name,
            phone=self.phone,
            home_store_id=decode_id(self.home_store_id, "Store", "homeStoreId") if self.home_store_id else None,
            gender=self.gender,
            birthday=self.birthday,
            anniversary=self.anniversary,
            email=self.email,
            channel=self.channel,
            referrer_id=decode_id(self.referrer_id, "Member", "referrerId") if self.referrer_id else None,
            referral_code=self.referral_code,
            marketing_consent=self.marketing_consent,
        )


@strawberry.input(description="Changes to a member; omitted fields stay as they are.")
class UpdateMemberInput:
    name: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    gender: Gender | None = strawberry.UNSET
    birthday: date | None = strawberry.UNSET
    anniversary: date | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    home_store_id: relay.GlobalID | None = strawberry.UNSET
    marketing_consent: bool | None = strawberry.UNSET

    def to_changes(self) -> dict[str, Any]:
        changes = {k: v for k, v in vars(self).items() if v is not strawberry.UNSET}
        if changes.get("home_store_id") is not None:
            changes["home_store_id"] = decode_id(changes["home_store_id"], "Store", "homeStoreId")
        return changes


@strawberry.input(description="Narrows a member list; all given conditions must hold.")
class MemberFilterInput:
    text: str | None = strawberry.field(
        default=None, description="Name contains, member number starts with, a whole phone, or its last 4 digits."
    )
    tier_ids: list[relay.GlobalID] | None = strawberry.field(default=None, description="In any of these tiers.")
    tag_ids: list[relay.GlobalID] | None = strawberry.field(default=None, description="Has any of these tags.")
    home_store_ids: list[relay.GlobalID] | None = strawberry.field(default=None, description="Home store is one of these.")
    region_ids: list[relay.GlobalID] | None = strawberry.field(default=None, description="Home store is in one of these regions.")
    registered_from: datetime | None = strawberry.field(default=None, description="Registered at or after.")
    registered_to: datetime | None = strawberry.field(default=None, description="Registered before.")
    status: MemberStatus | None = strawberry.field(default=None, description="Lifecycle status.")

    def to_filter(self) -> MemberFilter:
        def ids(values: list[relay.GlobalID] | None, type_name: str, field: str) -> list[int]:
            return [decode_id(v, type_name, field) for v in values or []]

        return MemberFilter(
            text=self.text,
            tier_ids=ids(self.tier_ids, "Tier", "tierIds"),
            tag_ids=ids(self.tag_ids, "Tag", "tagIds"),
            home_store_ids=ids(self.home_store_ids, "Store", "homeStoreIds"),
            region_ids=ids(self.region_ids, "Region", "regionIds"),
            registered_from=self.registered_from,
            registered_to=self.registered_to,
            status=self.status,
        )
