from __future__ import annotations

from tests.schema.member.conftest import gid
from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures

RECHARGE = """
mutation($input: RechargeInput!) {
  recharge(input: $input) {
    transfer { id kind amount details operator store { code } legs { code unit amount debitAccount creditAccount } }
    member { assets { balance { principal bonus total } points } }
    replayed
    errors { field code message }
  }
}
"""

CONSUME = """
mutation($input: ConsumeInput!) {
  consume(input: $input) {
    breakdown { listPrice tierDiscount couponDiscount pointsUsed pointsValue payable payment
                paidPrincipal paidBonus paidExternal pointsEarned }
    transfer { id kind amount orderRef }
    member { assets { balance { principal bonus total } points } }
    replayed
    errors { field code message }
  }
}
"""

REFUND = """
mutation($input: RefundInput!) {
  refund(input: $input) {
    transfer { id kind amount reversesId details }
    member { assets { balance { principal bonus total } points } }
    errors { field code message }
  }
}
"""

__all__ = ["CONSUME", "RECHARGE", "REFUND", "gid", "ledger_stays_sound", "wallet"]
