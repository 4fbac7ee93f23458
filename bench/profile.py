"""Where a server worker's CPU goes under load: py-spy samples each worker during a round
(`--profile`), and the collapsed stacks are summed into inclusive shares of the listed phases.

py-spy is not a project dependency: `pip install py-spy` into the virtualenv to use it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

PY_SPY = shutil.which("py-spy") or str(Path(sys.executable).with_name("py-spy"))

# (label, a frame "function (path)" that starts the phase); a sample counts once per phase.
PHASES: list[tuple[str, str]] = [
    ("HTTP + middleware (whole request)", "TesseraGraphQL.__call__ (schema/http.py)"),
    ("authentication (get_context)", "TesseraGraphQL.get_context (schema/http.py)"),
    ("GraphQL parse", "parse (graphql/language/parser.py)"),
    ("GraphQL validate", "validate (graphql/validation/validate.py)"),
    ("consume resolver", "WalletMutation.consume (schema/wallet/operations.py)"),
    ("  service: consume", "consume (server/wallet/services.py)"),
    ("    idempotency look-up", "find_replay (server/ledger/operations.py)"),
    ("    plan (reads before the transaction)", "_plan (server/wallet/services.py)"),
    ("    transaction body", "_consume_execution.<locals>.execute (server/wallet/services.py)"),
    ("    deferred writes (sent at the end)", "deferring_writes (server/core/sql.py)"),
    ("  payload member (only when asked)", "member_by_id (schema/member/types.py)"),
    ("tortoise query building", "QueryBuilder.get_parameterized_sql (pypika_tortoise/queries.py)"),
    ("asyncpg round trips (client side)", "Connection._do_execute (asyncpg/connection.py)"),
    ("asyncpg pool release/reset", "PoolConnectionHolder.release (asyncpg/pool.py)"),
    ("result serialisation", "TesseraGraphQL.process_result (schema/http.py)"),
]

_LINE = re.compile(r":\d+\)")


def record(pid: int, seconds: int, output: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [PY_SPY, "record", "--pid", str(pid), "--duration", str(seconds), "--rate", "200", "--format", "raw", "--nonblocking", "-o", str(output)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def summarise(paths: list[Path], top: int = 12) -> list[str]:
    phases: Counter[str] = Counter()
    own: Counter[str] = Counter()
    total = 0
    for path in paths:
        for line in path.read_text().splitlines():
            stack, _, count = line.rpartition(" ")
            if not stack:
                continue
            samples = int(count)
            total += samples
            frames = [_LINE.sub(")", frame) for frame in stack.split(";")]
            present = set(frames)
            for label, frame in PHASES:
                if frame in present:
                    phases[label] += samples
            own[frames[-1]] += samples
    if not total:
        return ["no samples (is py-spy allowed to attach? it needs ptrace)"]
    lines = [f"{total} samples across the workers; share of worker CPU by phase (inclusive):"]
    lines += [f"  {100 * phases[label] / total:5.1f}%  {label}" for label, _ in PHASES]
    lines.append(f"top {top} functions by own time:")
    lines += [f"  {100 * n / total:5.1f}%  {frame[:110]}" for frame, n in own.most_common(top)]
    return lines
