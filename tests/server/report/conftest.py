from __future__ import annotations

from tests.server.settlement.conftest import cards, ledger_stays_sound  # noqa: F401 - shared fixtures
