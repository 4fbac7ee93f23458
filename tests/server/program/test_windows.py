from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from server.core.errors import DomainError, ErrorCode
from server.program.windows import check_window

SHANGHAI = timezone(timedelta(hours=8))


@pytest.mark.parametrize(
    ("starts", "ends"),
    [
        (None, None),
        (datetime(2026, 12, 1, tzinfo=SHANGHAI), None),
        (None, datetime(2026, 12, 1, tzinfo=UTC)),
        (datetime(2026, 12, 1, 8, tzinfo=SHANGHAI), datetime(2026, 12, 1, 0, 1, tzinfo=UTC)),
    ],
)
def test_open_ended_and_ordered_windows_pass(starts, ends):
    check_window(starts, ends, starts_field="startsAt", ends_field="endsAt")


@pytest.mark.parametrize(
    ("starts", "ends", "field", "message"),
    [
        (datetime(2026, 12, 1), None, "startsAt", "Give the time with its UTC offset, e.g. 2026-12-01T00:00:00+08:00."),
        (None, datetime(2026, 12, 1), "endsAt", "Give the time with its UTC offset, e.g. 2026-12-01T00:00:00+08:00."),
        (
            datetime(2026, 12, 1, 8, tzinfo=SHANGHAI),
            datetime(2026, 12, 1, 0, tzinfo=UTC),
            "endsAt",
            "The end must be after the start.",
        ),
    ],
)
def test_naive_or_backward_windows_are_invalid(starts, ends, field, message):
    with pytest.raises(DomainError) as caught:
        check_window(starts, ends, starts_field="startsAt", ends_field="endsAt")

    assert (caught.value.code, caught.value.field, caught.value.message) == (ErrorCode.INVALID, [field], message)
