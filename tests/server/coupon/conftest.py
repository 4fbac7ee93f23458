from tests.server.wallet.conftest import ledger_stays_sound, wallet  # noqa: F401 - shared fixtures
