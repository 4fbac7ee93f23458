"""Global IDs (Relay): `base64("Type:pk")`; decoding checks the type so IDs can't be swapped."""

from __future__ import annotations

from collections.abc import Sequence

from strawberry.relay import GlobalID

from server.core.errors import DomainError, ErrorCode


def decode_id(value: GlobalID | str, expected: str, field: str | Sequence[str] = "id") -> int:
    """The integer key of a global ID of `expected` type, or INVALID naming `field`."""
    try:
        gid = value if isinstance(value, GlobalID) else GlobalID.from_id(value)
        if gid.type_name != expected:
            raise ValueError(gid.type_name)
        return int(gid.node_id)
    except (ValueError, TypeError) as exc:
        raise DomainError(ErrorCode.INVALID, f"Not a {expected} ID.", field) from exc


def encode_id(type_name: str, pk: int) -> GlobalID:
    return GlobalID(type_name, str(pk))
