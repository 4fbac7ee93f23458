"""Notice fixtures: the wallet member (card C0001 at SH001), fake channels and a worker."""

from __future__ import annotations

from server.delivery.models import Delivery
from tests.server.delivery.conftest import install, worker  # noqa: F401 - shared fixtures
from tests.server.jobs.conftest import clock  # noqa: F401 - shared fixture
from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures


async def notices() -> list[tuple[str, str, str, str]]:
    """(source, status, body, reason) of every delivery, oldest first."""
    return [(d.source, d.status.value, d.body, d.reason) for d in await Delivery.all().order_by("id")]
