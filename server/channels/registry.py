"""The channels this process can send through, built once from the settings.

`configure(settings)` is called by the worker at start (like `crypto.configure`); until then only
the logging channel exists. `available()` lists what is configured; `channel(kind)` returns one.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

from server.channels.base import Channel, ChannelKind, SendError
from server.channels.log import LogChannel
from server.channels.sms import AliyunSmsChannel, AliyunSmsSettings
from server.channels.smtp import SmtpChannel, SmtpSettings
from server.channels.webhook import WebhookChannel, WebhookSettings


def _pairs(text: str) -> dict[str, str]:
    """`a=SMS_1,b=SMS_2` → {"a": "SMS_1", "b": "SMS_2"}."""
    pairs = [item.split("=", 1) for item in text.split(",") if item.strip()]
    if any(len(pair) != 2 for pair in pairs):
        raise ValueError(f"expected name=value pairs separated by commas: {text!r}")
    return {name.strip(): value.strip() for name, value in pairs}


@dataclass(frozen=True)
class ChannelSettings:
    smtp: SmtpSettings | None = None
    webhook: WebhookSettings | None = None
    sms: AliyunSmsSettings | None = None

    @classmethod
    def from_env(cls, env: Mapping[str, str] = os.environ) -> ChannelSettings:
        smtp = webhook = sms = None
        if env.get("TESSERA_SMTP_HOST"):
            security = env.get("TESSERA_SMTP_SECURITY", "starttls").lower()
            if security not in {"starttls", "tls", "none"}:
                raise ValueError(f"TESSERA_SMTP_SECURITY is starttls, tls or none, not {security!r}")
            smtp = SmtpSettings(
                host=env["TESSERA_SMTP_HOST"],
                port=int(env.get("TESSERA_SMTP_PORT", "465" if security == "tls" else "587")),
                sender=env.get("TESSERA_SMTP_FROM", "noreply@localhost"),
                username=env.get("TESSERA_SMTP_USERNAME", ""),
                password=env.get("TESSERA_SMTP_PASSWORD", ""),
                security=security,
            )
        if env.get("TESSERA_WEBHOOK_URL"):
            if not env.get("TESSERA_WEBHOOK_SECRET"):
                raise ValueError("TESSERA_WEBHOOK_URL needs TESSERA_WEBHOOK_SECRET to sign with")
            webhook = WebhookSettings(url=env["TESSERA_WEBHOOK_URL"], secret=env["TESSERA_WEBHOOK_SECRET"])
        if env.get("TESSERA_SMS_PROVIDER"):
            if env["TESSERA_SMS_PROVIDER"].lower() != "aliyun":
                raise ValueError(f"TESSERA_SMS_PROVIDER: only aliyun is supported, not {env['TESSERA_SMS_PROVIDER']!r}")
            sms = AliyunSmsSettings(
                access_key_id=env["TESSERA_ALIYUN_ACCESS_KEY_ID"],
                access_key_secret=env["TESSERA_ALIYUN_ACCESS_KEY_SECRET"],
                sign_name=env["TESSERA_SMS_SIGN_NAME"],
                templates=_pairs(env.get("TESSERA_SMS_TEMPLATES", "")),
                default_template=env.get("TESSERA_SMS_DEFAULT_TEMPLATE", ""),
                endpoint=env.get("TESSERA_ALIYUN_SMS_ENDPOINT", "https://dysmsapi.aliyuncs.com"),
            )
        return cls(smtp=smtp, webhook=webhook, sms=sms)


def build(settings: ChannelSettings) -> dict[ChannelKind, Channel]:
    channels: dict[ChannelKind, Channel] = {ChannelKind.LOG: LogChannel()}
    if settings.smtp is not None:
        channels[ChannelKind.EMAIL] = SmtpChannel(settings.smtp)
    if settings.webhook is not None:
        channels[ChannelKind.WEBHOOK] = WebhookChannel(settings.webhook)
    if settings.sms is not None:
        channels[ChannelKind.SMS] = AliyunSmsChannel(settings.sms)
    return channels


_channels: dict[ChannelKind, Channel] = build(ChannelSettings())


def configure(channels: ChannelSettings | Mapping[ChannelKind, Channel]) -> None:
    global _channels
    _channels = build(channels) if isinstance(channels, ChannelSettings) else dict(channels)


def available() -> frozenset[ChannelKind]:
    return frozenset(_channels)


def channel(kind: ChannelKind) -> Channel:
    found = _channels.get(kind)
    if found is None:
        raise SendError(f"the {kind.value} channel is not configured", retryable=False)
    return found
