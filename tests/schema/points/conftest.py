"""Points over GraphQL: the wallet member (home store SH001); the ledger is verified after every test."""

from __future__ import annotations

from tests.schema.member.conftest import gid
from tests.server.points.conftest import account_balance, backdate, give
from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures

ADJUST = """
mutation($input: AdjustPointsInput!) {
  adjustPoints(input: $input) {
    transfer { id kind details operator store { code } legs { code unit amount debitAccount creditAccount } }
    member { id assets { points } }
    couponCode
    replayed
    errors { field code message }
  }
}
"""

REDEEM = """
mutation($input: RedeemPointsInput!) {
  redeemPoints(input: $input) {
    transfer { id kind details operator store { code } legs { code unit amount debitAccount creditAccount } }
    member { id assets { points } }
    couponCode
    replayed
    errors { field code message }
  }
}
"""

LOTS = """
query($memberId: ID!, $first: Int, $after: String) {
  pointsLots(memberId: $memberId, first: $first, after: $after) {
    balance
    edges { cursor node { id amount remaining expiresAt expired source { kind } } }
    pageInfo { hasNextPage endCursor }
  }
}
"""

__all__ = ["ADJUST", "LOTS", "REDEEM", "account_balance", "backdate", "give", "gid", "ledger_stays_sound", "wallet"]
