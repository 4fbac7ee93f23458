"""Exit 0 when the test PostgreSQL answers, 1 otherwise (used by `make test` to decide, and in
CI to fail rather than skip)."""

from __future__ import annotations

import asyncio
import sys

import asyncpg


async def _check(url: str) -> None:
    conn = await asyncpg.connect(url.replace("postgres://", "postgresql://", 1), timeout=5)
    await conn.close()


if __name__ == "__main__":
    try:
        asyncio.run(_check(sys.argv[1]))
    except Exception as exc:  # noqa: BLE001 - any failure means unreachable
        print(f"PostgreSQL at {sys.argv[1]} is unreachable: {exc}", file=sys.stderr)
        sys.exit(1)
