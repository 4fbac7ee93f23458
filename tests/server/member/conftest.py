"""Member tests that need a funded card (anonymizing) share the wallet's fixtures; the ledger is
checked after each."""

from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures
