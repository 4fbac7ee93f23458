"""Email over SMTP to a real SMTP sink (aiosmtpd) on 127.0.0.1."""

from __future__ import annotations

import pytest

from server.channels.base import Message, SendError
from server.channels.smtp import SmtpChannel, SmtpSettings
from tests.server.channels.peers import free_port, smtp_sink

MESSAGE = Message(key="notice:operation:9", to="zhang@example.com", subject="消费提醒", body="消费 12.50 元，余额 87.50 元。")


async def test_the_sink_receives_the_mail_with_its_subject_body_and_the_delivery_key_as_message_id() -> None:
    async with smtp_sink() as (sink, port):
        channel = SmtpChannel(SmtpSettings("127.0.0.1", port, sender="会员中心 <notice@tessera.test>", security="none"))
        reference = await channel.send(MESSAGE)

    assert len(sink.mails) == 1
    sender, recipients, mail = sink.mails[0]
    assert (sender, recipients) == ("notice@tessera.test", ["zhang@example.com"])
    assert (str(mail["Subject"]), mail.get_content().strip()) == ("消费提醒", "消费 12.50 元，余额 87.50 元。")
    assert str(mail["Message-ID"]).strip() == reference
    assert reference.startswith("<") and "notice.operation.9" in reference


async def test_a_refused_recipient_is_final() -> None:
    async with smtp_sink() as (sink, port):
        sink.refuse.add("zhang@example.com")
        with pytest.raises(SendError) as refused:
            await SmtpChannel(SmtpSettings("127.0.0.1", port, security="none")).send(MESSAGE)

    assert refused.value.retryable is False
    assert sink.mails == []


async def test_no_server_listening_is_retryable() -> None:
    with pytest.raises(SendError) as refused:
        await SmtpChannel(SmtpSettings("127.0.0.1", free_port(), security="none", timeout=2)).send(MESSAGE)

    assert refused.value.retryable is True
