"""A consume's SQL driven by pgbench itself: the ceiling any server could reach with it.

`bench.consume` runs this script on Tessera's own scratch database between its rounds, so the
figure says how fast PostgreSQL on this machine runs what a consume asks of it — the session
read, the till read, the one write — with nothing of Python, HTTP or GraphQL in between. The
issue measured the same for its bare mutation ("the same SQL driven by pgbench itself ran ~2 ×
tpcb").

The till read is built by Tessera's own code (`server.wallet.stores`, `server.card.services`,
`server.ledger.accounts`), so it can't drift from what a payment reads; only its column aliases
change (pgbench's `\\gset` needs plain names) and five columns pick the ids the write needs out
of the accounts' arrays. The write mirrors the statement `server.core.sql.at_once()` sends for
a stored-value consume that earns points (operation, outbox jobs, checked balance update,
transfers, points lot, the member's visit, audit entry), written out here: keep it in step with
`server.wallet.services` by hand (compare it with the statement PostgreSQL logs for one consume).

Each pgbench client pays with its own cards (`:client_id + k × clients`), as `bench.load`'s
clients do, so no two transactions race on one balance (the write's check would then fail).
"""

from __future__ import annotations

import re

from bench.chain import CLERK
from server.access.sessions import SESSION_ACTOR
from server.card.services import card_join
from server.ledger import accounts
from server.ledger.operations import with_next_id
from server.wallet.stores import till_statement

# What bench.load pays (12.80 less the bench tier's 5 %) and earns at the bench store's rate.
PAYABLE = 1216
POINTS = 12

# Every request's authentication (`server.access.sessions`): the staff as `session_id`, `session_region_id`, …
_SESSION = SESSION_ACTOR.replace("?", ":token_hash", 1).replace("?", "now()", 1) + "\\gset session_\n"

_RESULT = (
    '{"payable": 1216, "payment": "STORED_VALUE", "list_price": 1280, "paid_bonus": 0, "coupon_code": null, '
    '"points_used": 0, "points_value": 0, "paid_external": 0, "points_earned": 12, "tier_discount": 64, '
    '"paid_principal": 1216, "coupon_discount": 0}'
)

_WRITE = f"""
WITH w0 AS (INSERT INTO ledger_operation (id, kind, idempotency_key, fingerprint, member_id, card_id, store_id, staff_id,
    order_ref, reverses_id, amount, result, created_at)
  VALUES (:op, 'CONSUME', 'pgbench-' || :op::text, md5(:op::text) || md5(:card_id::text), :member_id, :card_id, :store_id,
    :session_id, '', NULL, {PAYABLE}, '{_RESULT}', now())),
w1 AS (INSERT INTO job (key, task, payload, state, attempts, run_at, last_error, locked_by, created_at)
  VALUES (concat_ws(':', 'tier', 'upgrade', :op::text), 'tier.upgrade', jsonb_build_object('member_id', :member_id::bigint, 'operation_id', :op::bigint),
    'QUEUED', 0, now(), '', '', now()),
   (concat_ws(':', 'notice', 'operation', :op::text), 'notice.prepare', jsonb_build_object('operation_id', :op::bigint), 'QUEUED', 0, now(), '', '', now())
  ON CONFLICT DO NOTHING),
w2 AS (INSERT INTO job (key, task, payload, state, attempts, run_at, last_error, locked_by, created_at)
  SELECT concat_ws(':', 'referral', 'consume', :op::text), 'referral.reward', jsonb_build_object('operation_id', :op::bigint), 'QUEUED', 0, now(), '', '', now()
  WHERE EXISTS (SELECT 1 FROM member m WHERE m.id = :member_id AND m.referrer_id IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM referral_reward r WHERE r.referee_id = m.id)) ON CONFLICT DO NOTHING),
w3 AS (WITH change (id, net, debited, expected) AS (
    VALUES (CAST(:principal_id AS BIGINT), CAST(-{PAYABLE} AS BIGINT), CAST({PAYABLE} AS BIGINT), CAST(:principal AS BIGINT)),
           (CAST(:points_id AS BIGINT), CAST({POINTS} AS BIGINT), CAST(0 AS BIGINT), CAST(NULL AS BIGINT))),
  locked AS MATERIALIZED (SELECT id FROM ledger_account WHERE id IN (SELECT id FROM change) ORDER BY id FOR UPDATE)
  UPDATE ledger_account SET balance = balance + change.net FROM change JOIN locked ON locked.id = change.id
  WHERE ledger_account.id = change.id AND ledger_account.balance >= change.debited
    AND (change.expected IS NULL OR ledger_account.balance = change.expected) RETURNING ledger_account.id),
w4 AS (INSERT INTO ledger_transfer (operation_id, debit_id, credit_id, amount, code, created_at)
  VALUES (:op, :principal_id, :takings_id, {PAYABLE}, 'CONSUME_PRINCIPAL', now()),
         (:op, :issued_id, :points_id, {POINTS}, 'POINTS_EARN', now())),
w5 AS (INSERT INTO points_lot (member_id, operation_id, amount, remaining, expires_at, created_at)
  VALUES (:member_id, :op, {POINTS}, {POINTS}, now() + interval '2 years', now())),
w6 AS (UPDATE member SET total_spend = total_spend + {PAYABLE}, visit_count = visit_count + 1,
    first_purchase_at = COALESCE(first_purchase_at, now()), last_purchase_at = now(), updated_at = now()
  WHERE id = :member_id),
w7 AS (INSERT INTO audit_entry (actor_id, actor_name, role, region_id, store_id, action, target_type, target_id, before,
    after, ip, created_at)
  VALUES (:session_id, '{CLERK}', 'STORE', :session_region_id, :store_id, 'wallet.consume', 'Card', :card_id::text, NULL,
    '{_RESULT}', '127.0.0.1', now()))
SELECT 1 / CAST(((SELECT count(*) FROM w3) = 2) AS INT) AS ok;
"""

_PICKS = {
    "principal_id": ("id", "CARD_PRINCIPAL"),
    "principal": ("balance", "CARD_PRINCIPAL"),
    "points_id": ("id", "MEMBER_POINTS"),
    "takings_id": ("id", "STORE_TAKINGS"),
    "issued_id": ("id", "POINTS_ISSUED"),
}


def _till_read(store_id: int) -> str:
    """The till read of a consume at `store_id`, as Tessera builds it, for pgbench: the card number
    and account keys as pgbench expressions, plain column names, and the ids the write needs."""
    keys = [accounts.store_takings(store_id).key, accounts.POINTS_ISSUED.key]
    marker = "B00000000"
    card_read = accounts.with_owned_accounts(card_join(marker, with_member=True), keys)
    text, params = till_statement(store_id, with_next_id(card_read)).render("postgres")
    expressions = {marker: "'B' || lpad(:card::text, 8, '0')", keys[0]: ":takings_key", keys[1]: ":issued_key", store_id: ":store_id"}
    for n, value in reversed(list(enumerate(params, start=1))):
        text = text.replace(f"${n}", expressions[value])
    text = re.sub(r'AS "(?!acct\.)(\w+)\.(\w+)"', r"AS \1_\2", text)
    text = re.sub(r'(acct\."acct\.(\w+)")(?=, )', r"\1 AS acct_\2", text)
    text = text.replace('AS "next_operation_id"', "AS op")
    picks = ", ".join(
        f"(acct.\"acct.{column}\")[array_position(acct.\"acct.code\", '{code}')] AS {name}"
        for name, (column, code) in _PICKS.items()
    )
    text = text.replace(" FROM store s ", f", c.id AS card_id, m.id AS member_id, {picks} FROM store s ", 1)
    return text + "\n\\gset\n"


def variables(store_id: int, token_hash: str) -> list[str]:
    """pgbench's `-D` options for `script`. (A colon inside the script's own literals would read as
    a variable: the accounts' keys come in as variables, as Tessera sends them as parameters.)"""
    values = {
        "token_hash": token_hash,
        "store_id": store_id,
        "takings_key": accounts.store_takings(store_id).key,
        "issued_key": accounts.POINTS_ISSUED.key,
    }
    return [option for name, value in values.items() for option in ("-D", f"{name}={value}")]


def script(store_id: int, clients: int, cards: int) -> str:
    """The pgbench script of one consume (inside Tessera's ORM context: the read is built by its code)."""
    return (
        f"\\set card :client_id + {clients} * random(0, {cards // clients - 1})\n"
        + _SESSION
        + _till_read(store_id)
        + _WRITE
    )
