"""Wallet fixtures: a member at SH001 holding a stored-value card; the ledger is verified after
every test, so each scenario also proves the double-entry invariants."""

from __future__ import annotations

import itertools
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest

from server.audit.models import AuditEntry
from server.card.models import Card, CardType
from server.card.services import CardTypeDraft, IssueRequest, create_card_type, issue_card
from server.ledger.verify import verify_ledger
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from server.wallet.services import RechargeRequest, card_balances, recharge

_keys = itertools.count(1)


def key() -> str:
    return f"k-{next(_keys)}"


@dataclass
class Wallet:
    member: Member
    card: Card
    card_type: CardType


@pytest.fixture(autouse=True)
async def ledger_stays_sound(db: None) -> AsyncIterator[None]:
    yield
    assert await verify_ledger() == []


@pytest.fixture
async def wallet(org: Any) -> Wallet:
    hq = org.actors["hq.admin"]
    card_type = await create_card_type(hq, CardTypeDraft(code="STD", name="储值卡"))
    member = await create_member(hq, MemberDraft(name="顾客", phone="13900001111", home_store_id=org.stores["SH001"].id))
    card = await issue_card(org.actors["sh001.clerk"], IssueRequest(member_id=member.id, card_type_id=card_type.id, card_no="C0001"))
    return Wallet(member, card, card_type)


async def fund(org: Any, wallet: Wallet, amount: int) -> None:
    await recharge(org.actors["sh001.clerk"], RechargeRequest(card_no=wallet.card.card_no, amount=amount, idempotency_key=key()))


async def balances(wallet: Wallet) -> tuple[int, int]:
    current = await card_balances(wallet.card)
    return current.principal, current.bonus


async def refusals(action: str) -> list[tuple[str, str, str, str | None]]:
    """The audited refusals of `action` ("wallet.consume"): (actor, target id, code, reason), oldest first."""
    entries = await AuditEntry.filter(action=f"{action}.refused").order_by("id")
    why = [(e.after or {})["refused"] for e in entries]
    return [(e.actor_name, e.target_id, w["code"], w.get("reason")) for e, w in zip(entries, why, strict=True)]
