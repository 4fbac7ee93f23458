"""Member registration, profile updates, scoped finding and lookup.

Phones are normalized, encrypted and indexed here and nowhere else; the plaintext never reaches
the audit trail or the logs (snapshots mask it).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet
from tortoise.transactions import in_transaction

from server.access.policy import (
    Actor,
    Permission,
    View,
    ensure_writable_fields,
    in_scope,
    member_scope,
    member_view,
    require,
    store_allowed,
)
from server.audit import services as audit
from server.core.clock import now
from server.core.crypto import pii
from server.core.errors import DomainError, ErrorCode, invalid, not_found, permission_denied
from server.core.text import clean_text
from server.card.models import Card
from server.events import snapshots
from server.events.publishing import publishes
from server.member.models import Channel, Gender, Member, MemberStatus
from server.member.masking import mask_date, mask_email, mask_name, mask_phone
from server.member.phone import normalize_phone, phone_suffix
from server.org.models import Store
from server.referral.codes import referrer_for
from server.tag.models import MemberTag
from server.tier.models import Tier

_EMAIL = re.compile(r"[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}")
_MEMBER_NO_ATTEMPTS = 5


@dataclass
class MemberDraft:
    name: str
    phone: str
    home_store_id: int | None = None
    gender: Gender = Gender.UNKNOWN
    birthday: date | None = None
    anniversary: date | None = None
    email: str | None = None
    channel: Channel = Channel.STORE
    referrer_id: int | None = None
    referral_code: str | None = None
    marketing_consent: bool = False


@dataclass
class MemberFilter:
    text: str | None = None
    tier_ids: list[int] = field(default_factory=list)
    tag_ids: list[int] = field(default_factory=list)
    home_store_ids: list[int] = field(default_factory=list)
    region_ids: list[int] = field(default_factory=list)
    registered_from: datetime | None = None
    registered_to: datetime | None = None
    status: MemberStatus | None = None


def decrypt_phone(member: Member) -> str:
    return pii().decrypt(member.phone_encrypted)


def snapshot(member: Member) -> dict[str, Any]:
    """The audit view of a member: personal data masked."""
    return {
        "member_no": member.member_no,
        "name": mask_name(member.name),
        "phone": mask_phone(decrypt_phone(member)),
        "gender": Gender(member.gender).value,
        "birthday": mask_date(member.birthday),
        "anniversary": mask_date(member.anniversary),
        "email": mask_email(member.email),
        "home_store_id": member.home_store_id,
        "marketing_consent": member.marketing_consent,
        "status": MemberStatus(member.status).value,
        "tier_id": member.tier_id,
    }


def _check_dates(birthday: date | None, anniversary: date | None) -> None:
    today = now().date()
    if birthday is not None and not date(1900, 1, 1) <= birthday <= today:
        raise invalid("birthday", "Birthday must be between 1900-01-01 and today.")
    if anniversary is not None and not date(1900, 1, 1) <= anniversary <= today:
        raise invalid("anniversary", "Anniversary must be between 1900-01-01 and today.")


def _clean_email(email: str | None) -> str:
    text = clean_text(email, "email", max_length=254)
    if text and not _EMAIL.fullmatch(text):
        raise invalid("email", "Not a valid email address.")
    return text


async def _store_for(actor: Actor, store_id: int, field_name: str = "homeStoreId") -> Store:
    store = await Store.get_or_none(id=store_id)
    if store is None:
        raise not_found("Store", field_name)
    if not store_allowed(actor, store.id, store.region_id):
        raise permission_denied("That store is outside your scope.", field_name)
    return store


async def _ensure_phone_free(index: str, except_id: int | None = None) -> None:
    query = Member.filter(phone_index=index)
    if except_id is not None:
        query = query.exclude(id=except_id)
    if await query.exists():
        raise DomainError(ErrorCode.DUPLICATE_PHONE, "A member with this phone already exists.", "phone")


async def _referrer(draft: MemberDraft) -> int | None:
    """The referring member, named by id or by their referral code (not both)."""
    if draft.referral_code is not None:
        if draft.referrer_id is not None:
            raise invalid("referralCode", "Give either the referrer or their referral code, not both.")
        return await referrer_for(draft.referral_code)
    if draft.referrer_id is not None and not await Member.exists(id=draft.referrer_id):
        raise not_found("Referrer", "referrerId")
    return draft.referrer_id


def _new_member_no() -> str:
    return f"{secrets.randbelow(9 * 10**11) + 10**11}"


@publishes(snapshots.registration_events)
async def create_member(actor: Actor | None, draft: MemberDraft) -> Member:
    """Registers a member at a store within the actor's scope (a clerk's own store by default)."""
    actor = require(actor, Permission.MANAGE_MEMBERS)
    name = clean_text(draft.name, "name", max_length=100, required=True)
    phone = normalize_phone(draft.phone)
    email = _clean_email(draft.email)
    _check_dates(draft.birthday, draft.anniversary)
    store_id = draft.home_store_id or actor.store_id
    if store_id is None:
        raise invalid("homeStoreId", "Choose the member's home store.")
    await _store_for(actor, store_id)
    referrer_id = await _referrer(draft)
    index = pii().blind_index(phone)
    await _ensure_phone_free(index)
    tier = await Tier.all().order_by("rank").first()
    for _ in range(_MEMBER_NO_ATTEMPTS):
        try:
            async with in_transaction():
                member = await Member.create(
                    member_no=_new_member_no(),
                    name=name,
                    phone_encrypted=pii().encrypt(phone),
                    phone_index=index,
                    phone_suffix=phone_suffix(phone),
                    gender=draft.gender,
                    birthday=draft.birthday,
                    anniversary=draft.anniversary,
                    email=email,
                    home_store_id=store_id,
                    channel=draft.channel,
                    referrer_id=referrer_id,
                    marketing_consent=draft.marketing_consent,
                    consent_at=now() if draft.marketing_consent else None,
                    tier_id=tier.id if tier else None,
                )
                await audit.record(actor, "member.create", "Member", member.id, None, snapshot(member))
            return member
        except IntegrityError:
            await _ensure_phone_free(index)
    raise RuntimeError("could not allocate a unique member number")


_UPDATABLE = {
    "name",
    "phone",
    "gender",
    "birthday",
    "anniversary",
    "email",
    "home_store_id",
    "marketing_consent",
}


async def get_member_in_scope(actor: Actor, member_id: int) -> Member:
    """The member if the actor may manage it: NOT_FOUND when absent, PERMISSION_DENIED when foreign."""
    member = await Member.get_or_none(id=member_id).select_related("home_store")
    if member is None:
        raise not_found("Member", "id")
    if not in_scope(actor, member.home_store_id, member.home_store.region_id):
        raise permission_denied("This member belongs to another region or store.", "id")
    return member


async def update_member(actor: Actor | None, member_id: int, changes: dict[str, Any]) -> Member:
    """Applies only the given fields; a role may not change fields it sees masked or not at all."""
    actor = require(actor, Permission.MANAGE_MEMBERS)
    unknown = set(changes) - _UPDATABLE
    if unknown:
        raise invalid(_api_name(sorted(unknown)[0]), "This field can't be changed here.")
    member = await get_member_in_scope(actor, member_id)
    if member.status == MemberStatus.ANONYMIZED:
        raise invalid("id", "An anonymized member can't be changed.")
    view = member_view(actor, member.home_store_id, member.home_store.region_id)
    ensure_writable_fields(view, list(changes))
    values = await _clean_changes(actor, member, changes)
    async with in_transaction():
        before = snapshot(member)
        member.update_from_dict(values)
        try:
            await member.save()
        except IntegrityError as exc:
            raise DomainError(ErrorCode.DUPLICATE_PHONE, "A member with this phone already exists.", "phone") from exc
        await audit.record(actor, "member.update", "Member", member.id, *audit.changed_only(before, snapshot(member)))
    return await Member.get(id=member.id).select_related("home_store")


def _api_name(name: str) -> str:
    """Errors name fields as API clients spell them (camelCase)."""
    head, *rest = name.split("_")
    return head + "".join(part.title() for part in rest)


_REQUIRED = ("name", "phone", "gender", "home_store_id", "marketing_consent")


async def _clean_changes(actor: Actor, member: Member, changes: dict[str, Any]) -> dict[str, Any]:
    for name in _REQUIRED:
        if name in changes and changes[name] is None:
            raise invalid(_api_name(name), f"{_api_name(name)} can't be cleared.")
    values: dict[str, Any] = {}
    if "name" in changes:
        values["name"] = clean_text(changes["name"], "name", max_length=100, required=True)
    if "phone" in changes:
        phone = normalize_phone(changes["phone"])
        index = pii().blind_index(phone)
        await _ensure_phone_free(index, except_id=member.id)
        values.update(phone_encrypted=pii().encrypt(phone), phone_index=index, phone_suffix=phone_suffix(phone))
    if "gender" in changes:
        values["gender"] = Gender(changes["gender"])
    if "birthday" in changes or "anniversary" in changes:
        _check_dates(changes.get("birthday"), changes.get("anniversary"))
        values.update({k: changes[k] for k in ("birthday", "anniversary") if k in changes})
    if "email" in changes:
        values["email"] = _clean_email(changes["email"])
    if "home_store_id" in changes:
        store = await _store_for(actor, changes["home_store_id"])
        values["home_store_id"] = store.id
    if "marketing_consent" in changes:
        consent = bool(changes["marketing_consent"])
        if consent != member.marketing_consent:
            values.update(marketing_consent=consent, consent_at=now() if consent else None)
    return values


async def set_member_status(actor: Actor | None, member_id: int, status: MemberStatus) -> Member:
    """Deactivates or reactivates; anonymized members stay anonymized."""
    actor = require(actor, Permission.MANAGE_MEMBERS)
    if status is MemberStatus.ANONYMIZED:
        raise invalid("status", "Anonymizing is its own operation.")
    member = await get_member_in_scope(actor, member_id)
    if member.status == MemberStatus.ANONYMIZED:
        raise invalid("status", "An anonymized member can't be changed.")
    async with in_transaction():
        before = snapshot(member)
        member.status = status
        await member.save(update_fields=["status", "updated_at"])
        action = "member.deactivate" if status is MemberStatus.DEACTIVATED else "member.reactivate"
        await audit.record(actor, action, "Member", member.id, *audit.changed_only(before, snapshot(member)))
    return member


def members_query(actor: Actor | None, flt: MemberFilter | None = None) -> QuerySet[Member]:
    """Members the actor may list, filtered; ordering and paging are the caller's."""
    actor = require(actor)
    query = Member.filter(**member_scope(actor)).select_related("home_store")
    if flt is None:
        return query
    if flt.text:
        query = query.filter(_text_condition(flt.text))
    if flt.tier_ids:
        query = query.filter(tier_id__in=flt.tier_ids)
    if flt.tag_ids:
        query = query.filter(id__in=_tagged_member_ids(flt.tag_ids))
    if flt.home_store_ids:
        query = query.filter(home_store_id__in=flt.home_store_ids)
    if flt.region_ids:
        query = query.filter(home_store__region_id__in=flt.region_ids)
    if flt.registered_from:
        query = query.filter(created_at__gte=flt.registered_from)
    if flt.registered_to:
        query = query.filter(created_at__lt=flt.registered_to)
    if flt.status:
        query = query.filter(status=flt.status)
    return query


def _tagged_member_ids(tag_ids: list[int]) -> Subquery:
    return Subquery(MemberTag.filter(tag_id__in=tag_ids).values("member_id"))


def _text_condition(text: str) -> Q:
    """Name contains, member number starts with, a whole phone, or the phone's last four digits."""
    text = clean_text(text, "text", max_length=100)
    condition = Q(name__icontains=text) | Q(member_no__startswith=text)
    digits = re.sub(r"\D", "", text)
    if len(digits) == 4 and digits == text:
        condition |= Q(phone_suffix=digits)
    try:
        condition |= Q(phone_index=pii().blind_index(normalize_phone(text)))
    except DomainError:
        pass
    return condition


async def lookup_member(
    actor: Actor | None, *, phone: str | None = None, card_no: str | None = None, member_no: str | None = None
) -> Member | None:
    """Exactly one member by an exact identifier, across all stores (chains serve members
    everywhere); outsiders are shown masked by the field rules. A card number finds its holder
    whatever the card's status, so a clerk can see why a card is refused."""
    require(actor)
    given = [v for v in (phone, card_no, member_no) if v]
    if len(given) != 1:
        raise invalid("phone", "Give exactly one of phone, cardNo or memberNo.")
    members = Member.all().select_related("home_store")
    if phone:
        return await members.get_or_none(phone_index=pii().blind_index(normalize_phone(phone)))
    if card_no:
        card = await Card.get_or_none(card_no=clean_text(card_no, "cardNo", max_length=32).upper())
        return await members.get_or_none(id=card.member_id) if card else None
    return await members.get_or_none(member_no=clean_text(member_no, "memberNo", max_length=20))


def view_of(actor: Actor, member: Member) -> View:
    return member_view(actor, member.home_store_id, member.home_store.region_id)
