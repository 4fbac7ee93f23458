"""Encryption of personal data at rest (AES-GCM) with a blind index for exact lookup.

Both keys are derived from TESSERA_SECRET_KEY with HKDF under distinct labels, so the index key
can never decrypt and rotating the secret means re-encrypting (a future `tessera rekey`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

_VERSION = "v1"


def _derive(secret: str, label: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=b"tessera", info=label).derive(secret.encode())


class PiiCipher:
    """Encrypts and indexes one kind of personal value (phone numbers)."""

    def __init__(self, secret: str) -> None:
        self._aead = AESGCM(_derive(secret, b"pii-encryption"))
        self._index_key = _derive(secret, b"pii-blind-index")

    def encrypt(self, plaintext: str) -> str:
        nonce = os.urandom(12)
        sealed = self._aead.encrypt(nonce, plaintext.encode(), _VERSION.encode())
        return f"{_VERSION}:{base64.b64encode(nonce + sealed).decode()}"

    def decrypt(self, stored: str) -> str:
        """An erased value (an anonymized member's phone) stays empty."""
        if not stored:
            return ""
        version, _, payload = stored.partition(":")
        raw = base64.b64decode(payload)
        return self._aead.decrypt(raw[:12], raw[12:], version.encode()).decode()

    def blind_index(self, plaintext: str) -> str:
        return hmac.new(self._index_key, plaintext.encode(), hashlib.sha256).hexdigest()


_cipher: PiiCipher | None = None


def configure(secret: str) -> None:
    """Called once at start-up (app, CLI, tests) with the deployment's secret key."""
    global _cipher
    _cipher = PiiCipher(secret)


def pii() -> PiiCipher:
    if _cipher is None:
        raise RuntimeError("server.core.crypto.configure() was not called")
    return _cipher
