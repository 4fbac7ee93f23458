"""Coupon API fixtures: the wallet's member and card C0001 at SH001 (ledger checked after every
test), templates made through the service, and the documents the coupon tests send."""

from __future__ import annotations

from typing import Any

from server.coupon.models import Coupon, CouponKind, CouponTemplate
from server.coupon.services import TemplateDraft, create_template, issue
from tests.schema.member.conftest import gid
from tests.schema.program.conftest import at
from tests.schema.wallet.conftest import CONSUME, RECHARGE, REFUND
from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures

TEMPLATE = """
  id name kind amountOff percentOff threshold validFrom validTo validDays quantity issuedCount perMemberLimit
  stackable isActive stores { code }
"""

CREATE_TEMPLATE = f"""
mutation($input: CouponTemplateInput!) {{
  createCouponTemplate(input: $input) {{ couponTemplate {{ {TEMPLATE} }} errors {{ field code message }} }}
}}
"""

ISSUE = """
mutation($templateId: ID!, $memberIds: [ID!]!) {
  issueCoupons(templateId: $templateId, memberIds: $memberIds) {
    coupons { id code status validFrom validTo template { name issuedCount } }
    errors { field code message }
  }
}
"""

VOID = """
mutation($code: String!, $reason: String) {
  voidCoupon(code: $code, reason: $reason) { coupon { code status } errors { field code message } }
}
"""

MEMBER_COUPONS = """
query($cardNo: String!, $status: CouponStatus, $first: Int, $after: String) {
  memberLookup(cardNo: $cardNo) {
    assets {
      coupons(status: $status, first: $first, after: $after) {
        edges { node { code status usedTransferId template { name } } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
}
"""


async def make_template(org: Any, **changes: Any) -> CouponTemplate:
    """A template through the service: 20.00 off orders of 50.00, valid 30 days, unless changed."""
    values: dict[str, Any] = {
        "name": "满50减20",
        "kind": CouponKind.CASH_OFF,
        "value": 2_000,
        "threshold": 5_000,
        "valid_days": 30,
    }
    return await create_template(org.actors["hq.admin"], TemplateDraft(**{**values, **changes}))


async def give(org: Any, template: CouponTemplate, member_id: int) -> Coupon:
    (coupon,) = await issue(org.actors["hq.admin"], template.id, [member_id])
    return coupon


__all__ = [
    "CONSUME",
    "CREATE_TEMPLATE",
    "ISSUE",
    "MEMBER_COUPONS",
    "RECHARGE",
    "REFUND",
    "VOID",
    "at",
    "gid",
    "give",
    "make_template",
]
