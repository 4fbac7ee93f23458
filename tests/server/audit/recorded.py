"""What a call left behind: every row in the database, and the audit entries written since a mark.

Denied and failed calls must change nothing, so tests compare `database_rows()` before and after;
successful calls must write exactly one audit entry, so tests read `entries_since(mark)`.
"""

from __future__ import annotations

from typing import Any

from tortoise import Tortoise

from server.audit.models import AuditEntry


async def database_rows() -> dict[str, list[dict[str, Any]]]:
    """Every row of every table, by table name, in a stable order."""
    apps = Tortoise.apps
    assert apps is not None
    return {
        model._meta.db_table: sorted(await model.all().values(), key=repr)
        for model in apps.get_models_iterable()
    }


async def audit_mark() -> int:
    """The id of the newest audit entry (0 when there is none)."""
    newest = await AuditEntry.all().order_by("-id").first()
    return newest.id if newest else 0


async def entries_since(mark: int) -> list[AuditEntry]:
    """Audit entries written after `mark`, oldest first."""
    return list(await AuditEntry.filter(id__gt=mark).order_by("id"))
