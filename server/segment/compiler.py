"""From a rule to the SQL that selects its members, for counting, sampling, tagging and campaign
fan-out (`INSERT … SELECT … WHERE member_id IN (<selection.ids()>)`).

    selection = compile_rule(parse_rule(json), scope=OrgScope(region_id=3))
    statement, params = selection.ids().render("postgres", start=2)

Only ACTIVE members are ever selected; `scope` limits them to a region's or a store's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from server.access.policy import OrgScope
from server.core.clock import BUSINESS_TZ, now
from server.member.models import MemberStatus
from server.segment import predicates
from server.segment.rules import And, Env, Rule, parse_tree
from server.core.sql import Sql, current_dialect, sql


def parse_rule(node: Any, path: Sequence[str] = ("rule",)) -> Rule:
    """The typed rule for saved or submitted JSON; INVALID with the path to the first fault."""
    return parse_tree(node, path)


@dataclass(frozen=True)
class MemberSelection:
    """The members a rule selects: a condition on `member m` with its parameters."""

    where: Sql

    def ids(self) -> Sql:
        return sql("SELECT m.id FROM member m WHERE ") + self.where

    def count(self) -> Sql:
        return sql("SELECT COUNT(*) AS n FROM member m WHERE ") + self.where

    def sample(self, limit: int) -> Sql:
        """The newest `limit` members."""
        return self.ids() + sql(" ORDER BY m.id DESC LIMIT ?", limit)


def scope_rules(scope: OrgScope) -> list[Rule]:
    if scope.store_id is not None:
        return [predicates.HomeStoreIn((scope.store_id,))]
    if scope.region_id is not None:
        return [predicates.RegionIn((scope.region_id,))]
    return []


def compile_rule(
    rule: Rule, *, scope: OrgScope = OrgScope(), at: datetime | None = None, dialect: str | None = None
) -> MemberSelection:
    """The selection for `rule` evaluated at `at` (default now) on `dialect` (default the
    connection's), limited to `scope`."""
    moment = at or now()
    env = Env(dialect or current_dialect(), moment, moment.astimezone(BUSINESS_TZ).date())
    active = sql("m.status = ?", MemberStatus.ACTIVE.value)
    return MemberSelection(active + sql(" AND ") + And((rule, *scope_rules(scope))).where(env))
