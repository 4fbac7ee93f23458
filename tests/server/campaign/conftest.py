"""Campaign fixtures: members at SH001 built through the services, a recording logging channel,
a worker on a clock, and a helper that launches a campaign and runs its work."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

from server.campaign.models import CampaignKind, Trigger
from server.campaign.services import CampaignDraft, Variant, create_campaign, launch_campaign
from server.channels.base import ChannelKind
from server.member.models import Member
from server.member.services import MemberDraft, create_member
from tests.server.delivery.conftest import FakeChannel, install, worker  # noqa: F401 - shared fixtures
from tests.server.jobs.conftest import Clock, clock  # noqa: F401 - shared fixture

TODAY = date(2030, 1, 7)  # the clock's business date (START is 16:00 in Shanghai)


@pytest.fixture
def log_channel(install: Callable[..., None]) -> Iterator[FakeChannel]:
    channel = FakeChannel(ChannelKind.LOG)
    install(channel)
    yield channel


@pytest.fixture
def register(org: Any) -> Callable[..., Any]:
    """`await register(n, birthday=..., consent=...)`: a new member at SH001."""
    counter = iter(range(10_000))

    async def make(birthday: date | None = None, consent: bool = True, name: str | None = None) -> Member:
        n = next(counter)
        draft = MemberDraft(
            name=name or f"会员{n}",
            phone=f"1390000{n:04d}",
            home_store_id=org.stores["SH001"].id,
            birthday=birthday,
            marketing_consent=consent,
        )
        return await create_member(org.actors["hq.admin"], draft)

    return make


def birthday_draft(name: str = "生日礼", holdout: int = 0, variants: list[Variant] | None = None) -> CampaignDraft:
    return CampaignDraft(
        name=name,
        kind=CampaignKind.TRIGGERED,
        trigger=Trigger.BIRTHDAY,
        variants=variants or [Variant("A", 100 - holdout, "{name}，生日快乐！{store}送您好礼")],
        holdout_pct=holdout,
    )


async def launched(org: Any, draft: CampaignDraft) -> Any:
    hq = org.actors["hq.admin"]
    campaign = await create_campaign(hq, draft)
    return await launch_campaign(hq, campaign.id)
