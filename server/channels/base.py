"""What every channel shares: the message it is handed and how it says a send failed.

    Channel.send(message) -> str    delivers one message; returns the provider's reference for it
                                    ('' when there is none) or raises SendError
    SendError(reason, retryable)    retryable: try again later (timeouts, 5xx, throttling);
                                    not retryable: the same message will never go through (a
                                    refused address, a rejected template)
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol


class ChannelKind(str, Enum):
    LOG = "LOG"
    EMAIL = "EMAIL"
    SMS = "SMS"
    WEBHOOK = "WEBHOOK"


@dataclass(frozen=True)
class Message:
    key: str
    to: str
    subject: str
    body: str
    template: str = ""
    params: dict[str, str] = field(default_factory=dict)
    member_id: int | None = None
    purpose: str = ""


class SendError(Exception):
    def __init__(self, reason: str, *, retryable: bool) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retryable = retryable


class Channel(Protocol):
    kind: ChannelKind

    async def send(self, message: Message) -> str: ...
