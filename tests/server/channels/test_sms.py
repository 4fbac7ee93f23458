"""The Alibaba Cloud SMS adapter against a fake dysmsapi on 127.0.0.1 that checks each request's
V3 signature the way the provider does: from the bytes it received and the secret it holds."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, quote

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from server.channels.base import Message, SendError
from server.channels.sms import AliyunSmsChannel, AliyunSmsSettings
from tests.server.channels.peers import http_server

KEYS = {"LTAI-test": "provider-side-secret"}


def _recomputed_signature(request: Request, body: bytes, signed_headers: list[str], secret: str) -> str:
    params = sorted(parse_qsl(request.url.query, keep_blank_values=True))
    query = "&".join(quote(k, safe="~") + "=" + quote(v, safe="~") for k, v in params)
    headers = "".join(name + ":" + request.headers[name].strip() + "\n" for name in signed_headers)
    canonical = "\n".join(
        [request.method, request.url.path, query, headers, ";".join(signed_headers), hashlib.sha256(body).hexdigest()]
    )
    to_sign = "ACS3-HMAC-SHA256\n" + hashlib.sha256(canonical.encode()).hexdigest()
    return hmac.new(secret.encode(), to_sign.encode(), hashlib.sha256).hexdigest()


@dataclass
class FakeDysmsapi:
    throttle: int = 0
    accepted: list[dict[str, str]] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    async def handle(self, request: Request) -> JSONResponse:
        body = await request.body()
        scheme, _, credentials = request.headers.get("authorization", "").partition(" ")
        parts = dict(item.split("=", 1) for item in credentials.split(",") if "=" in item)
        signed_headers = parts.get("SignedHeaders", "").split(";")
        secret = KEYS.get(parts.get("Credential", ""))
        if (
            scheme != "ACS3-HMAC-SHA256"
            or secret is None
            or not {"host", "x-acs-action", "x-acs-date", "x-acs-signature-nonce"} <= set(signed_headers)
            or request.headers.get("x-acs-content-sha256") != hashlib.sha256(body).hexdigest()
            or not hmac.compare_digest(parts.get("Signature", ""), _recomputed_signature(request, body, signed_headers, secret))
        ):
            self.refused.append("SignatureDoesNotMatch")
            return JSONResponse({"Code": "SignatureDoesNotMatch", "Message": "Specified signature is not matched."}, 400)
        if request.headers["x-acs-action"] != "SendSms" or request.headers["x-acs-version"] != "2017-05-25":
            return JSONResponse({"Code": "InvalidAction"}, 400)
        if self.throttle:
            self.throttle -= 1
            return JSONResponse({"Code": "isv.BUSINESS_LIMIT_CONTROL", "Message": "触发分钟级流控"})
        self.accepted.append(dict(parse_qsl(request.url.query)))
        return JSONResponse({"Code": "OK", "Message": "OK", "BizId": f"biz-{len(self.accepted)}", "RequestId": "r"})


def _channel(url: str, secret: str = "provider-side-secret", **templates: str) -> AliyunSmsChannel:
    settings = AliyunSmsSettings(
        access_key_id="LTAI-test",
        access_key_secret=secret,
        sign_name="泰瑟拉",
        templates=templates or {"notice.consume": "SMS_100001"},
        endpoint=url,
    )
    return AliyunSmsChannel(settings)


MESSAGE = Message(
    key="notice:operation:42",
    to="13812345678",
    subject="消费提醒",
    body="您的会员卡消费 12.50 元，余额 87.50 元。",
    template="notice.consume",
    params={"amount": "12.50", "balance": "87.50"},
)


async def test_a_correctly_signed_send_is_accepted_with_the_template_and_its_parameters() -> None:
    fake = FakeDysmsapi()
    async with http_server(Starlette(routes=[Route("/", fake.handle, methods=["POST"])])) as url:
        reference = await _channel(url).send(MESSAGE)

    assert reference == "biz-1"
    assert fake.accepted == [
        {
            "PhoneNumbers": "13812345678",
            "SignName": "泰瑟拉",
            "TemplateCode": "SMS_100001",
            "TemplateParam": '{"amount":"12.50","balance":"87.50"}',
            "OutId": "notice:operation:42",
        }
    ]


async def test_a_request_signed_with_the_wrong_secret_is_refused_for_good() -> None:
    fake = FakeDysmsapi()
    async with http_server(Starlette(routes=[Route("/", fake.handle, methods=["POST"])])) as url:
        with pytest.raises(SendError) as refused:
            await _channel(url, secret="not-the-secret").send(MESSAGE)

    assert (refused.value.retryable, refused.value.reason) == (
        False, "SMS refused: HTTP 400 SignatureDoesNotMatch Specified signature is not matched."
    )
    assert (fake.accepted, fake.refused) == ([], ["SignatureDoesNotMatch"])


async def test_throttling_is_retryable() -> None:
    fake = FakeDysmsapi(throttle=1)
    async with http_server(Starlette(routes=[Route("/", fake.handle, methods=["POST"])])) as url:
        with pytest.raises(SendError) as throttled:
            await _channel(url).send(MESSAGE)
        second = await _channel(url).send(MESSAGE)

    assert throttled.value.retryable is True
    assert second == "biz-1"


async def test_a_message_without_a_template_uses_the_default_one_with_its_body_or_is_refused() -> None:
    fake = FakeDysmsapi()
    other = Message(key="k", to="13812345678", subject="s", body="正文", template="campaign.welcome")
    async with http_server(Starlette(routes=[Route("/", fake.handle, methods=["POST"])])) as url:
        with pytest.raises(SendError) as no_template:
            await _channel(url).send(other)
        fallback = AliyunSmsChannel(
            AliyunSmsSettings("LTAI-test", "provider-side-secret", "泰瑟拉", default_template="SMS_999", endpoint=url)
        )
        await fallback.send(other)

    assert (no_template.value.retryable, no_template.value.reason) == (False, "no SMS template for 'campaign.welcome'")
    assert [(a["TemplateCode"], json.loads(a["TemplateParam"])) for a in fake.accepted] == [("SMS_999", {"content": "正文"})]
