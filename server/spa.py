"""The admin SPA under /admin/: the Vite build in frontend/dist, served by Tessera itself.

    /                       302 → /admin/ (the console is what a person opening the host wants)
    /admin                  302 → /admin/
    /admin/assets/<file>    the hashed bundle files: cached for a year, immutable — a new build
                            has new names, so a browser never needs to ask again
    /admin/assets/<other>   404: a missing script must not be answered with HTML, which the
                            browser would try to run and fail on with a confusing error
    /admin/<file>           another file the build put at its root: served, revalidated
    /admin/<anything else>  index.html (history-mode routing: /admin/members/42 is a page of the
                            SPA, not a file), `no-cache` so a new build shows at the next load
    no build yet            503 saying how to build it, instead of a blank page or a bare 404

The build is looked up on every request, so building while the server runs needs no restart.
"""

from __future__ import annotations

from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, PlainTextResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

DEFAULT_DIST = Path(__file__).resolve().parents[1] / "frontend" / "dist"
PREFIX = "/admin/"
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
NOT_BUILT = (
    "The admin console has not been built yet.\n"
    "Run `make run` from the Tessera checkout (it runs `npm ci` and `vite build` in frontend/), "
    "or build it alone with `make frontend`.\n"
)


class AdminSpa:
    """Answers every /admin/ request from one build folder."""

    def __init__(self, dist: Path) -> None:
        self.dist = dist.resolve()

    def _file(self, relative: str) -> Path | None:
        """The file under the build folder, or None; never a path outside it (`..`, symlinks)."""
        candidate = (self.dist / relative).resolve()
        if not candidate.is_relative_to(self.dist) or not candidate.is_file():
            return None
        return candidate

    async def serve(self, request: Request) -> Response:
        index = self.dist / "index.html"
        if not index.is_file():
            return PlainTextResponse(NOT_BUILT, status_code=503, headers={"Cache-Control": REVALIDATE})
        relative = request.path_params["path"]
        if relative.startswith("assets/"):
            asset = self._file(relative)
            if asset is None:
                return PlainTextResponse("Not found.", status_code=404)
            return FileResponse(asset, headers={"Cache-Control": IMMUTABLE})
        found = self._file(relative) if relative else None
        return FileResponse(found or index, headers={"Cache-Control": REVALIDATE})


async def to_console(request: Request) -> Response:
    return RedirectResponse(PREFIX, status_code=302)


def spa_routes(dist: Path = DEFAULT_DIST) -> list[BaseRoute]:
    """The routes to put in the application (after /graphql and the operational endpoints)."""
    spa = AdminSpa(dist)
    return [
        Route("/", to_console, methods=["GET"]),
        Route("/admin", to_console, methods=["GET"]),
        Route("/admin/{path:path}", spa.serve, methods=["GET"]),
    ]
