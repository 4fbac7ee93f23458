"""Operational endpoints: /healthz, /readyz and /metrics (Prometheus)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
from pathlib import Path

import httpx
from prometheus_client import REGISTRY
from prometheus_client.parser import text_string_to_metric_families

from server.app import GC_THRESHOLDS, create_app
from server.metrics import OTHER, BoundedNames

ROOT = Path(__file__).resolve().parents[2]


def sample(metric: str, /, **labels: str) -> float:
    return REGISTRY.get_sample_value(metric, labels) or 0.0


async def test_healthz_answers_ok(api):
    response = await api.client.get("/healthz")

    assert response.status_code == 200
    assert response.text == "ok"


async def test_readyz_is_200_when_the_database_answers(api):
    response = await api.client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


async def test_readyz_is_503_without_a_database(settings):
    app = create_app(settings, manage_orm=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client:
        ready = await client.get("/readyz")
        alive = await client.get("/healthz")

    assert ready.status_code == 503
    assert ready.json()["status"] == "unavailable"
    assert alive.status_code == 200


async def test_metrics_count_and_time_operations_by_type_and_name(api, org):
    hq = await api.login("hq.admin")
    labels = {"type": "query", "name": "MemberCount"}
    ok_before = sample("tessera_graphql_operations_total", outcome="ok", **labels)
    error_before = sample("tessera_graphql_operations_total", outcome="error", **labels)
    timed_before = sample("tessera_graphql_operation_duration_seconds_count", **labels)

    await hq("query MemberCount { members { totalCount } }")
    await api("query MemberCount { members { totalCount } }")
    response = await api.client.get("/metrics")

    assert response.status_code == 200
    assert response.headers["content-type"] == "text/plain; version=1.0.0; charset=utf-8"
    families = {f.name for f in text_string_to_metric_families(response.text)}
    assert {"tessera_graphql_operations", "tessera_graphql_operation_duration_seconds", "tessera_http_requests"} <= families
    assert "_created" not in response.text
    assert sample("tessera_graphql_operations_total", outcome="ok", **labels) == ok_before + 1
    assert sample("tessera_graphql_operations_total", outcome="error", **labels) == error_before + 1
    assert sample("tessera_graphql_operation_duration_seconds_count", **labels) == timed_before + 2


async def test_metrics_label_a_document_that_does_not_parse_as_unknown(api):
    before = sample("tessera_graphql_operations_total", type="unknown", name=OTHER, outcome="error")

    await api("{ me { ")

    assert sample("tessera_graphql_operations_total", type="unknown", name=OTHER, outcome="error") == before + 1


async def test_http_metrics_label_routes_not_paths(api):
    healthz = sample("tessera_http_requests_total", route="/healthz", method="GET", status="200")
    unmatched = sample("tessera_http_requests_total", route="unmatched", method="GET", status="404")

    await api.client.get("/healthz")
    await api.client.get("/no/such/page/12345")

    assert sample("tessera_http_requests_total", route="/healthz", method="GET", status="200") == healthz + 1
    assert sample("tessera_http_requests_total", route="unmatched", method="GET", status="404") == unmatched + 1
    assert sample("tessera_http_requests_total", route="/no/such/page/12345", method="GET", status="404") == 0


def test_operation_names_beyond_the_bound_or_malformed_are_other():
    names = BoundedNames(limit=2)

    assert [names.label(n) for n in ("A", "B", "C", "A", None, "bad-name", "x" * 65)] == [
        "A", "B", OTHER, "A", OTHER, OTHER, OTHER
    ]


def test_multiprocess_mode_adds_up_every_worker(tmp_path):
    workers = 2
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    worker = "from server.metrics import observe_operation; observe_operation('mutation', 'Consume', True, 0.01)"
    for _ in range(workers):
        subprocess.run([sys.executable, "-c", worker], cwd=ROOT, env=env, check=True)
    scrape = (
        "import asyncio; from server.metrics import metrics; "
        "print(asyncio.run(metrics(None)).body.decode())"
    )

    output = subprocess.run([sys.executable, "-c", scrape], cwd=ROOT, env=env, check=True, capture_output=True, text=True)

    samples = {
        (s.name, s.labels.get("name"), s.labels.get("outcome")): s.value
        for family in text_string_to_metric_families(output.stdout)
        for s in family.samples
    }
    assert samples[("tessera_graphql_operations_total", "Consume", "ok")] == workers


async def test_start_up_freezes_what_it_built_and_collects_rarely_until_shutdown(settings):
    app = create_app(settings, manage_orm=False)
    before = gc.get_threshold()
    gc.unfreeze()
    try:
        async with app.router.lifespan_context(app):
            assert gc.get_freeze_count() > 0
            assert gc.get_threshold() == GC_THRESHOLDS
        assert gc.get_threshold() == before
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
