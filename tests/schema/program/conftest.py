"""Programme API fixtures and documents; the wallet's card C0001 at SH001 is there to prove that
the rules change what a recharge or a consume does (the ledger is checked after every test)."""

from __future__ import annotations

from datetime import timedelta
from zoneinfo import ZoneInfo

from server.core.clock import now
from tests.schema.member.conftest import gid
from tests.schema.wallet.conftest import CONSUME, RECHARGE
from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures

CREATE_RULE = """
mutation($input: RechargeRuleInput!) {
  createRechargeRule(input: $input) {
    rechargeRule { id name minAmount bonusAmount store { code } startsAt endsAt isActive }
    errors { field code message }
  }
}
"""

DEACTIVATE_RULE = """
mutation($id: ID!) {
  deactivateRechargeRule(id: $id) { rechargeRule { name isActive } errors { field code message } }
}
"""

SET_EARN = """
mutation($input: EarnRuleInput!) {
  setEarnRule(input: $input) {
    earnRule { id pointsPerYuan promotionMultiplier promotionStartsAt promotionEndsAt store { code } }
    errors { field code message }
  }
}
"""


SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(hours: float) -> str:
    """An instant `hours` from now as an admin's browser sends it: Shanghai time with its offset."""
    return (now() + timedelta(hours=hours)).astimezone(SHANGHAI).isoformat()


__all__ = ["CONSUME", "CREATE_RULE", "DEACTIVATE_RULE", "RECHARGE", "SET_EARN", "at", "gid"]
