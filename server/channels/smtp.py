"""Email over SMTP with aiosmtplib: STARTTLS (port 587) or implicit TLS (465), optional login.

The delivery key becomes the Message-ID, so a mail re-sent after a crash mid-delivery carries the
same id and mail systems can fold the copies.
"""

from __future__ import annotations

import ssl
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import make_msgid

import aiosmtplib

from server.channels.base import ChannelKind, Message, SendError


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    sender: str = "noreply@localhost"
    username: str = ""
    password: str = ""
    security: str = "starttls"  # starttls | tls | none
    timeout: float = 15.0


class SmtpChannel:
    kind = ChannelKind.EMAIL

    def __init__(self, settings: SmtpSettings, tls_context: ssl.SSLContext | None = None) -> None:
        self.settings = settings
        self.tls_context = tls_context

    def compose(self, message: Message) -> EmailMessage:
        mail = EmailMessage()
        mail["From"] = self.settings.sender
        mail["To"] = message.to
        mail["Subject"] = message.subject
        mail["Message-ID"] = make_msgid(idstring=message.key.replace(":", "."), domain="tessera")
        mail.set_content(message.body)
        return mail

    async def send(self, message: Message) -> str:
        s = self.settings
        mail = self.compose(message)
        try:
            await aiosmtplib.send(
                mail,
                hostname=s.host,
                port=s.port,
                username=s.username or None,
                password=s.password or None,
                use_tls=s.security == "tls",
                start_tls=s.security == "starttls",
                tls_context=self.tls_context,
                timeout=s.timeout,
            )
        except aiosmtplib.SMTPRecipientsRefused as exc:
            raise SendError(f"recipient refused: {exc}", retryable=False) from exc
        except aiosmtplib.SMTPResponseException as exc:
            raise SendError(f"SMTP {exc.code}: {exc.message}", retryable=exc.code < 500) from exc
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            raise SendError(f"SMTP unavailable: {exc}", retryable=True) from exc
        return str(mail["Message-ID"])
