"""SMS through Alibaba Cloud SMS (dysmsapi `SendSms`, API version 2017-05-25), signed with V3.

Chinese SMS providers only send approved templates: a message's `template` (e.g. notice.consume)
maps to a provider template code (TESSERA_SMS_TEMPLATES), filled with the message's `params`; a
template without a mapping uses TESSERA_SMS_DEFAULT_TEMPLATE with {"content": body}, if set.
Throttling (`isv.BUSINESS_LIMIT_CONTROL`, `Throttling*`) and HTTP 5xx are retried; other refusals
(an invalid number, a rejected template) are final.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

import httpx

from server.channels import acs3
from server.channels.base import ChannelKind, Message, SendError

ACTION = "SendSms"
VERSION = "2017-05-25"
RETRYABLE_CODES = ("isv.BUSINESS_LIMIT_CONTROL", "Throttling", "ServiceUnavailable", "InternalError")


@dataclass(frozen=True)
class AliyunSmsSettings:
    access_key_id: str
    access_key_secret: str
    sign_name: str
    templates: Mapping[str, str] = field(default_factory=dict)
    default_template: str = ""
    endpoint: str = "https://dysmsapi.aliyuncs.com"
    timeout: float = 10.0


def _utc_now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class AliyunSmsChannel:
    kind = ChannelKind.SMS

    def __init__(
        self,
        settings: AliyunSmsSettings,
        *,
        clock: Callable[[], str] = _utc_now,
        nonce: Callable[[], str] = lambda: secrets.token_hex(16),
    ) -> None:
        self.settings = settings
        self.clock = clock
        self.nonce = nonce

    def params(self, message: Message) -> dict[str, str]:
        code = self.settings.templates.get(message.template)
        template_params: Mapping[str, str] = message.params
        if code is None:
            if not self.settings.default_template:
                raise SendError(f"no SMS template for {message.template!r}", retryable=False)
            code, template_params = self.settings.default_template, {"content": message.body}
        return {
            "PhoneNumbers": message.to,
            "SignName": self.settings.sign_name,
            "TemplateCode": code,
            "TemplateParam": json.dumps(dict(template_params), ensure_ascii=False, separators=(",", ":")),
            "OutId": message.key[:64],
        }

    async def send(self, message: Message) -> str:
        s = self.settings
        signed = acs3.sign(
            method="POST",
            host=urlsplit(s.endpoint).netloc,
            action=ACTION,
            version=VERSION,
            params=self.params(message),
            access_key_id=s.access_key_id,
            access_key_secret=s.access_key_secret,
            date=self.clock(),
            nonce=self.nonce(),
        )
        headers = {k: v for k, v in signed.headers.items() if k != "host"}
        try:
            async with httpx.AsyncClient(timeout=s.timeout) as client:
                response = await client.post(f"{s.endpoint.rstrip('/')}/?{signed.query}", headers=headers)
            answer = response.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise SendError(f"SMS provider unreachable: {type(exc).__name__}: {exc}", retryable=True) from exc
        code = str(answer.get("Code", ""))
        if response.is_success and code == "OK":
            return str(answer.get("BizId", ""))
        retryable = response.status_code >= 500 or code.startswith(RETRYABLE_CODES)
        raise SendError(f"SMS refused: HTTP {response.status_code} {code} {answer.get('Message', '')}".strip(), retryable=retryable)
