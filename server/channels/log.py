"""The logging channel: the default in development — every message becomes one log line."""

from __future__ import annotations

import structlog

from server.channels.base import ChannelKind, Message

log = structlog.get_logger("tessera.channels")


class LogChannel:
    kind = ChannelKind.LOG

    async def send(self, message: Message) -> str:
        log.info(
            "message_sent",
            key=message.key,
            member_id=message.member_id,
            purpose=message.purpose,
            template=message.template,
            subject=message.subject,
            body=message.body,
        )
        return ""
