"""File downloads for staff: `GET /exports/settlement?from=…&to=…&format=xlsx|csv[&table=debts|stores]`.

A download is an HTTP request of its own (a browser saves the response), so it authenticates
like /graphql (`Authorization: Bearer …`), needs the EXPORT permission, sees what the viewer's
GraphQL query would (the same service, the same scope), and is audited. Failures answer JSON
`{"code", "message"}` with 401, 403 or 400, the codes GraphQL uses.
"""

from __future__ import annotations

from datetime import date

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.access.policy import Permission, require
from server.access.sessions import authenticate, bearer_token
from server.audit import services as audit
from server.core.errors import DomainError, invalid
from server.settlement import export
from server.settlement.services import settlement

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_STATUS = {"UNAUTHENTICATED": 401, "PERMISSION_DENIED": 403}


def _day(request: Request, name: str) -> date:
    try:
        return date.fromisoformat(request.query_params.get(name, ""))
    except ValueError:
        raise invalid(name, f"`{name}` is a date like 2026-03-01.") from None


async def settlement_export(request: Request) -> Response:
    try:
        token = bearer_token(request.headers)
        actor = require(await authenticate(token, ip=request.client.host if request.client else "") if token else None)
        require(actor, Permission.EXPORT)
        first, last = _day(request, "from"), _day(request, "to")
        kind = request.query_params.get("format", "xlsx")
        if kind not in ("xlsx", "csv"):
            raise invalid("format", "The format is xlsx or csv.")
        table = request.query_params.get("table", export.Table.DEBTS.value)
        if table not in {t.value for t in export.Table}:
            raise invalid("table", "The table is debts or stores.")
        report = await settlement(actor, first, last)
    except DomainError as refused:
        return JSONResponse({"code": refused.code.value, "message": refused.message}, status_code=_STATUS.get(refused.code.value, 400))
    name = f"settlement-{first.isoformat()}-{last.isoformat()}"
    if kind == "xlsx":
        body, media, filename = await export.workbook(report), _XLSX, f"{name}.xlsx"
    else:
        body, media, filename = await export.csv_table(report, export.Table(table)), "text/csv; charset=utf-8", f"{name}-{table}.csv"
    period = f"{first.isoformat()}..{last.isoformat()}"
    await audit.record(actor, "settlement.export", "Settlement", period, None, {"format": kind, "table": table if kind == "csv" else None})
    return Response(body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{filename}"'})
