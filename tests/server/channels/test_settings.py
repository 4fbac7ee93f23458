"""Channel configuration from the environment: what is configured is what the worker can use."""

from __future__ import annotations

import pytest

from server.channels.base import ChannelKind
from server.channels.registry import ChannelSettings, build
from server.channels.sms import AliyunSmsSettings
from server.channels.smtp import SmtpSettings
from server.channels.webhook import WebhookSettings


def test_with_nothing_configured_only_the_logging_channel_exists() -> None:
    assert set(build(ChannelSettings.from_env({}))) == {ChannelKind.LOG}


def test_every_channel_is_built_from_its_variables() -> None:
    settings = ChannelSettings.from_env(
        {
            "TESSERA_SMTP_HOST": "smtp.example.com",
            "TESSERA_SMTP_SECURITY": "tls",
            "TESSERA_SMTP_FROM": "会员中心 <notice@example.com>",
            "TESSERA_SMTP_USERNAME": "notice",
            "TESSERA_SMTP_PASSWORD": "pw",
            "TESSERA_WEBHOOK_URL": "https://partner.example.com/hook",
            "TESSERA_WEBHOOK_SECRET": "whsec",
            "TESSERA_SMS_PROVIDER": "aliyun",
            "TESSERA_ALIYUN_ACCESS_KEY_ID": "LTAI",
            "TESSERA_ALIYUN_ACCESS_KEY_SECRET": "secret",
            "TESSERA_SMS_SIGN_NAME": "泰瑟拉",
            "TESSERA_SMS_TEMPLATES": "notice.consume=SMS_1, notice.recharge=SMS_2",
        }
    )

    assert settings.smtp == SmtpSettings("smtp.example.com", 465, "会员中心 <notice@example.com>", "notice", "pw", "tls")
    assert settings.webhook == WebhookSettings("https://partner.example.com/hook", "whsec")
    assert settings.sms == AliyunSmsSettings(
        "LTAI", "secret", "泰瑟拉", {"notice.consume": "SMS_1", "notice.recharge": "SMS_2"}
    )
    assert set(build(settings)) == set(ChannelKind)


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"TESSERA_WEBHOOK_URL": "https://x"}, "TESSERA_WEBHOOK_URL needs TESSERA_WEBHOOK_SECRET"),
        ({"TESSERA_SMTP_HOST": "h", "TESSERA_SMTP_SECURITY": "ssl"}, "TESSERA_SMTP_SECURITY is starttls, tls or none"),
        ({"TESSERA_SMS_PROVIDER": "twilio"}, "only aliyun is supported"),
        (
            {"TESSERA_SMS_PROVIDER": "aliyun", "TESSERA_ALIYUN_ACCESS_KEY_ID": "a", "TESSERA_ALIYUN_ACCESS_KEY_SECRET": "s",
             "TESSERA_SMS_SIGN_NAME": "n", "TESSERA_SMS_TEMPLATES": "notice.consume"},
            "expected name=value pairs",
        ),
    ],
)
def test_an_incomplete_or_unclear_configuration_is_refused(env: dict[str, str], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ChannelSettings.from_env(env)
