"""Who is not sent to, and why: no marketing consent (CONSENT), the frequency cap across
campaigns (CAP), the holdout group (HOLDOUT, chosen by a stable hash of campaign and member).
Quiet hours delay sending until they end."""

from __future__ import annotations

from datetime import UTC, date, datetime

from server.campaign.fanout import bucket, send_at
from server.campaign.models import CampaignRecipient, CampaignSettings
from server.campaign.services import SettingsDraft, set_campaign_settings
from server.delivery.models import Delivery
from tests.server.campaign.conftest import birthday_draft, launched


async def _outcomes(campaign_id: int) -> dict[int, tuple[str, str]]:
    return {d.member_id: (d.status.value, d.reason) for d in await Delivery.filter(source=f"campaign:{campaign_id}")}


async def test_members_without_consent_are_skipped_for_consent(org, register, log_channel, worker) -> None:
    # given
    willing = await register(date(1990, 1, 7))
    unwilling = await register(date(1990, 1, 7), consent=False)
    campaign = await launched(org, birthday_draft())
    # when
    await worker.drain()
    # then
    assert await _outcomes(campaign.id) == {willing.id: ("SENT", ""), unwilling.id: ("SKIPPED", "CONSENT")}
    assert [m.member_id for m in log_channel.sent] == [willing.id]


async def test_the_frequency_cap_counts_messages_across_campaigns(org, register, log_channel, worker) -> None:
    # given a cap of one campaign message per member a week, and two birthday campaigns
    await set_campaign_settings(org.actors["hq.admin"], SettingsDraft(cap_messages=1, cap_days=7, quiet_start_hour=0, quiet_end_hour=0))
    member = await register(date(1990, 1, 7))
    first = await launched(org, birthday_draft("生日礼"))
    second = await launched(org, birthday_draft("生日券"))
    # when
    await worker.drain()
    # then the first reached the member and the second was capped
    assert await _outcomes(first.id) == {member.id: ("SENT", "")}
    assert await _outcomes(second.id) == {member.id: ("SKIPPED", "CAP")}
    assert len(log_channel.sent) == 1


async def test_holdout_members_receive_nothing(org, register, log_channel, worker) -> None:
    # given 40 members born today and a 30 % holdout
    members = [await register(date(1990, 1, 7)) for _ in range(40)]
    campaign = await launched(org, birthday_draft(holdout=30))
    # when
    await worker.drain()
    # then the members in the hash's first 30 buckets were held back, the others sent to
    held = {m.id for m in members if bucket(campaign.id, m.id) < 30}
    assert 0 < len(held) < 40
    assert {m.member_id for m in log_channel.sent} == {m.id for m in members} - held
    outcomes = await _outcomes(campaign.id)
    assert {i for i, (status, reason) in outcomes.items() if (status, reason) == ("SKIPPED", "HOLDOUT")} == held
    assert {r.member_id for r in await CampaignRecipient.filter(campaign_id=campaign.id, variant="HOLDOUT")} == held


async def test_quiet_hours_hold_messages_until_they_end(org, register, log_channel, worker, clock) -> None:
    # given the default quiet hours (21:00-09:00 in Shanghai) and a scan at 22:00 there
    member = await register(date(1990, 1, 7))
    clock.at = datetime(2030, 1, 7, 14, 0, tzinfo=UTC)
    campaign = await launched(org, birthday_draft())
    # when
    await worker.drain()
    # then the delivery waits
    assert await _outcomes(campaign.id) == {member.id: ("PENDING", "")}
    assert log_channel.sent == []
    # and goes out at 09:00 in Shanghai
    clock.at = datetime(2030, 1, 8, 1, 0, tzinfo=UTC)
    await worker.drain()
    assert await _outcomes(campaign.id) == {member.id: ("SENT", "")}


def test_send_times_outside_quiet_hours_are_kept() -> None:
    settings = CampaignSettings(quiet_start_hour=21, quiet_end_hour=9)
    afternoon = datetime(2030, 1, 7, 8, 0, tzinfo=UTC)  # 16:00 in Shanghai
    small_hours = datetime(2030, 1, 7, 18, 30, tzinfo=UTC)  # 02:30 in Shanghai on the 8th
    assert send_at(settings, afternoon) == afternoon
    assert send_at(settings, small_hours) == datetime(2030, 1, 8, 1, 0, tzinfo=UTC)
