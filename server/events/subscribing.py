"""Who may subscribe to which topic, and the topic a subscription's arguments name.

    balance topics   any signed-in staff, for any member or card: chains serve members at every
                     store, and what an event shows of the member is masked per viewer anyway
    store topics     a store's own staff, its region's manager, HQ (`policy.store_allowed`)
"""

from __future__ import annotations

from server.access.policy import Actor, require, store_allowed
from server.card.services import get_card
from server.core.errors import invalid, not_found, permission_denied
from server.events.messages import card_topic, member_topic, store_topic
from server.member.models import Member
from server.org.models import Store


async def balance_topic(actor: Actor, member_id: int | None, card_no: str | None) -> str:
    """The topic of one member (by id) or one card (by number); exactly one must be given."""
    require(actor)
    if (member_id is None) == (not card_no):
        raise invalid("memberId", "Give exactly one of memberId or cardNo.")
    if member_id is not None:
        if not await Member.exists(id=member_id):
            raise not_found("Member", "memberId")
        return member_topic(member_id)
    card = await get_card(card_no or "")
    return card_topic(card.id)


async def activity_topic(actor: Actor, store_id: int) -> str:
    """A store's activity, for those who may act at that store."""
    actor = require(actor)
    store = await Store.get_or_none(id=store_id)
    if store is None:
        raise not_found("Store", "storeId")
    if not store_allowed(actor, store.id, store.region_id):
        raise permission_denied("You may not watch another store's activity.", "storeId")
    return store_topic(store.id)
