"""Referral codes: 8 characters drawn at random (40 bits) from an alphabet without look-alikes
(no 0/O, 1/I), so a code says nothing about the member's number and can't be guessed from it.

A member's code is made the first time anyone asks for it and never changes. Members registered
before referrals existed need no backfill: their codes appear as they are first shown. A code
that collides with a taken one (unique index) is drawn again.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence

from server.core.errors import invalid
from server.referral.models import CODE_LENGTH, ReferralCode

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_DRAWS = 5


def _new_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


async def codes_for(member_ids: Sequence[int]) -> dict[int, str]:
    """Each member's code, making the missing ones (one SELECT when all exist)."""
    wanted = list(dict.fromkeys(member_ids))
    codes = dict(await ReferralCode.filter(member_id__in=wanted).values_list("member_id", "code"))
    for _ in range(_DRAWS):
        missing = [m for m in wanted if m not in codes]
        if not missing:
            return codes
        await ReferralCode.bulk_create([ReferralCode(member_id=m, code=_new_code()) for m in missing], ignore_conflicts=True)
        codes.update(await ReferralCode.filter(member_id__in=missing).values_list("member_id", "code"))
    raise RuntimeError("could not draw unique referral codes")


async def code_of(member_id: int) -> str:
    return (await codes_for([member_id]))[member_id]


def normalize(code: str) -> str:
    return code.strip().upper().replace("-", "").replace(" ", "")


async def referrer_for(code: str, field: str = "referralCode") -> int:
    """The member whose code this is; INVALID (naming `field`) for a code nobody holds."""
    row = await ReferralCode.get_or_none(code=normalize(code)) if normalize(code) else None
    if row is None:
        raise invalid(field, "No member has this referral code; check it and try again.")
    return row.member_id
