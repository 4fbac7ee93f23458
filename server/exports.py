"""File downloads for staff:

    GET /exports/settlement?from=…&to=…&format=xlsx|csv[&table=debts|stores]
    GET /exports/liability?asOf=…&format=xlsx|csv          (csv: the stores' shares)
    GET /exports/member?memberNo=…                         (JSON: one member's data, the access right)

A download is an HTTP request of its own (a browser saves the response), so it authenticates
like /graphql (`Authorization: Bearer …`), needs the EXPORT permission, sees what the viewer's
GraphQL query would (the same service, the same scope), and is audited. Failures answer JSON
`{"code", "message"}` with 401, 403, 404 or 400, the codes GraphQL uses.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from server.access.policy import Actor, Permission, require
from server.access.sessions import authenticate, bearer_token
from server.audit import services as audit
from server.core.clock import business_today
from server.core.errors import DomainError, invalid, not_found, permission_denied
from server.member import privacy
from server.member.models import Member
from server.report import liability_export
from server.report.liability import liability
from server.settlement import export as settlement_files
from server.settlement.services import settlement

_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_CSV = "text/csv; charset=utf-8"
_MEDIA = {"xlsx": _XLSX, "csv": _CSV, "json": "application/json"}
_STATUS = {"UNAUTHENTICATED": 401, "PERMISSION_DENIED": 403, "NOT_FOUND": 404}


@dataclass(frozen=True)
class _File:
    body: bytes
    name: str
    target: str
    details: dict[str, Any] = field(default_factory=dict)


def _day(request: Request, name: str) -> date:
    try:
        return date.fromisoformat(request.query_params.get(name, ""))
    except ValueError:
        raise invalid(name, f"`{name}` is a date like 2026-03-01.") from None


def _choice(request: Request, name: str, choices: tuple[str, ...]) -> str:
    value = request.query_params.get(name, choices[0])
    if value not in choices:
        raise invalid(name, f"`{name}` is one of {', '.join(choices)}.")
    return value


def exporting(what: str, make: Callable[[Request, Actor], Awaitable[_File]]) -> Callable[[Request], Awaitable[Response]]:
    """An endpoint that signs the caller in, checks EXPORT, makes the file and audits `<what>.export`."""

    async def endpoint(request: Request) -> Response:
        try:
            token = bearer_token(request.headers)
            ip = request.client.host if request.client else ""
            actor = require(require(await authenticate(token, ip=ip) if token else None), Permission.EXPORT)
            if actor.api_client_id is not None:
                raise permission_denied("Downloads are for staff; an API client reads the fields it is allowed.")
            made = await make(request, actor)
        except DomainError as refused:
            status = _STATUS.get(refused.code.value, 400)
            return JSONResponse({"code": refused.code.value, "message": refused.message}, status_code=status)
        await audit.record(actor, f"{what}.export", what.capitalize(), made.target, None, made.details)
        media = _MEDIA[made.name.rpartition(".")[2]]
        return Response(made.body, media_type=media, headers={"Content-Disposition": f'attachment; filename="{made.name}"'})

    return endpoint


async def _settlement(request: Request, actor: Actor) -> _File:
    first, last = _day(request, "from"), _day(request, "to")
    kind = _choice(request, "format", ("xlsx", "csv"))
    table = settlement_files.Table(_choice(request, "table", tuple(t.value for t in settlement_files.Table)))
    report = await settlement(actor, first, last)
    name, period = f"settlement-{first.isoformat()}-{last.isoformat()}", f"{first.isoformat()}..{last.isoformat()}"
    if kind == "xlsx":
        return _File(await settlement_files.workbook(report), f"{name}.xlsx", period, {"format": kind, "table": None})
    body = await settlement_files.csv_table(report, table)
    return _File(body, f"{name}-{table.value}.csv", period, {"format": kind, "table": table.value})


async def _liability(request: Request, actor: Actor) -> _File:
    as_of = _day(request, "asOf") if "asOf" in request.query_params else business_today()
    kind = _choice(request, "format", ("xlsx", "csv"))
    owed = await liability(actor, as_of)
    name = f"liability-{as_of.isoformat()}"
    if kind == "xlsx":
        return _File(await liability_export.workbook(owed), f"{name}.xlsx", as_of.isoformat(), {"format": kind})
    return _File(await liability_export.csv_stores(owed), f"{name}-stores.csv", as_of.isoformat(), {"format": kind})


async def _member(request: Request, actor: Actor) -> _File:
    number = request.query_params.get("memberNo", "").strip()
    member_id = await Member.filter(member_no=number).first().values_list("id", flat=True) if number else None
    if member_id is None:
        raise not_found("Member", "memberNo")
    data = await privacy.member_data(actor, member_id)
    body = json.dumps(data, ensure_ascii=False, indent=2).encode()
    return _File(body, f"member-{number}.json", str(member_id), {"format": "json"})


settlement_download = exporting("settlement", _settlement)
liability_download = exporting("liability", _liability)
member_download = exporting("member", _member)
