"""Alibaba Cloud OpenAPI request signing, V3 (`ACS3-HMAC-SHA256`), as its published documentation
("Request syntax and signature method V3") specifies; V2 (HMAC-SHA1) is discontinued there.

    CanonicalRequest = METHOD \\n CanonicalURI \\n CanonicalQueryString \\n CanonicalHeaders \\n
                       SignedHeaders \\n HashedRequestPayload
        CanonicalQueryString  parameters sorted by name, name and value percent-encoded (RFC 3986:
                              only A-Z a-z 0-9 - _ . ~ stay), joined name=value with &
        CanonicalHeaders      each signed header as lowercase-name:trimmed-value\\n, sorted by name
        SignedHeaders         those names joined with ;
        HashedRequestPayload  hex SHA-256 of the body (also sent as x-acs-content-sha256)
    StringToSign = "ACS3-HMAC-SHA256" \\n hex SHA-256(CanonicalRequest)
    Signature    = hex HMAC-SHA256(AccessKeySecret, StringToSign)
    Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<...>,Signature=<...>
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import quote

ALGORITHM = "ACS3-HMAC-SHA256"


def percent_encode(value: str) -> str:
    return quote(value, safe="-_.~")


def canonical_query(params: Mapping[str, str]) -> str:
    return "&".join(f"{percent_encode(k)}={percent_encode(v)}" for k, v in sorted(params.items()))


@dataclass(frozen=True)
class SignedRequest:
    query: str
    headers: dict[str, str]
    canonical_request: str
    signature: str


def sign(
    *,
    method: str,
    host: str,
    action: str,
    version: str,
    params: Mapping[str, str],
    access_key_id: str,
    access_key_secret: str,
    date: str,
    nonce: str,
    body: bytes = b"",
    path: str = "/",
) -> SignedRequest:
    """Signs an RPC-style request whose parameters travel in the query string."""
    payload_hash = hashlib.sha256(body).hexdigest()
    signed = {
        "host": host,
        "x-acs-action": action,
        "x-acs-content-sha256": payload_hash,
        "x-acs-date": date,
        "x-acs-signature-nonce": nonce,
        "x-acs-version": version,
    }
    names = sorted(signed)
    canonical_headers = "".join(f"{name}:{signed[name].strip()}\n" for name in names)
    signed_headers = ";".join(names)
    query = canonical_query(params)
    canonical_request = "\n".join([method.upper(), path, query, canonical_headers, signed_headers, payload_hash])
    string_to_sign = f"{ALGORITHM}\n{hashlib.sha256(canonical_request.encode()).hexdigest()}"
    signature = hmac.new(access_key_secret.encode(), string_to_sign.encode(), hashlib.sha256).hexdigest()
    authorization = f"{ALGORITHM} Credential={access_key_id},SignedHeaders={signed_headers},Signature={signature}"
    return SignedRequest(query, {**signed, "Authorization": authorization}, canonical_request, signature)
