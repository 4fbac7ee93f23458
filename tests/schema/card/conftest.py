"""Card API fixtures: the wallet's member and card C0001 at SH001 (ledger checked after every
test), another member at CD001, and the documents the card tests send."""

from __future__ import annotations

from typing import Any

import pytest

from server.card.models import Card, CardEvent
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from tests.schema.member.conftest import gid
from tests.schema.wallet.conftest import CONSUME, RECHARGE, REFUND
from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures

CARD = """
  cardNo status pinLocked parentCardNo replacedByCardNo
  cardType { code }
  member { name }
  balance { principal bonus total }
  events { action fromStatus toStatus reason operator store { code } }
"""

ISSUE = f"""
mutation($input: IssueCardInput!) {{
  issueCard(input: $input) {{ card {{ {CARD} }} errors {{ field code message }} }}
}}
"""


def status_change(name: str, with_reason: bool = True) -> str:
    """The document for one of the status mutations (reportCardLost, freezeCard, …)."""
    if with_reason:
        return f"""
mutation($cardNo: String!, $reason: String) {{
  {name}(cardNo: $cardNo, reason: $reason) {{ card {{ {CARD} }} errors {{ field code message }} }}
}}
"""
    return f"""
mutation($cardNo: String!) {{
  {name}(cardNo: $cardNo) {{ card {{ {CARD} }} errors {{ field code message }} }}
}}
"""


REPLACE = f"""
mutation($cardNo: String!, $newCardNo: String, $reason: String) {{
  replaceCard(cardNo: $cardNo, newCardNo: $newCardNo, reason: $reason) {{ card {{ {CARD} }} errors {{ field code message }} }}
}}
"""

CANCEL = f"""
mutation($cardNo: String!, $reason: String, $refundBalance: Boolean! = false, $storeId: ID) {{
  cancelCard(cardNo: $cardNo, reason: $reason, refundBalance: $refundBalance, storeId: $storeId) {{
    card {{ {CARD} }}
    errors {{ field code message }}
  }}
}}
"""


@pytest.fixture
async def outsider(org: Any) -> Member:
    """A member whose home store is CD001, outside SH001's and EAST's scope."""
    draft = MemberDraft(name="成都会员", phone="13700009999", home_store_id=org.stores["CD001"].id)
    return await create_member(org.actors["hq.admin"], draft)


async def card_state(card_no: str) -> tuple[str, int]:
    """(status, number of events): what a refused card operation must leave as it was."""
    card = await Card.get(card_no=card_no)
    return card.status.value, await CardEvent.filter(card_id=card.id).count()


__all__ = ["CANCEL", "CARD", "CONSUME", "ISSUE", "RECHARGE", "REFUND", "REPLACE", "card_state", "gid", "status_change"]
