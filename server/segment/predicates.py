"""The profile and behaviour predicates of segment rules (see rules.py for the shape).

Each `where` is two-valued: nullable columns are guarded with IS NOT NULL, and per-member totals
(spend, visits, points, balance) count members without rows as 0, so `NOT` is the exact complement.
Dates are the brand's business dates; "last N days" counts back from the evaluation moment.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from typing import Any, ClassVar, TypeVar

from server.core.clock import BUSINESS_TZ
from server.delivery.models import DeliveryStatus
from server.ledger.models import AccountCode, OperationKind
from server.member.models import Gender
from server.segment.models import RfmGroup
from server.segment.rules import Env, Path, Predicate, invalid_at, predicate
from server.core.sql import Sql, join, sql, values

MAX_IDS = 500
MAX_DAYS = 3650
MAX_AGE = 150
CAMPAIGN_SOURCE = "campaign:"  # a campaign delivery's source is campaign:<id> (server.campaign.fanout)
E = TypeVar("E", bound=Enum)


def _object(value: Any, path: Path, keys: set[str]) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise invalid_at(path, "Give an object.")
    unknown = sorted(set(value) - keys)
    if unknown:
        raise invalid_at((*path, unknown[0]), f"Unknown field {unknown[0]!r}.")
    return value


def _int(value: Any, path: Path, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise invalid_at(path, f"Give a whole number from {low} to {high}.")
    return value


def _ids(value: Any, path: Path) -> tuple[int, ...]:
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_IDS:
        raise invalid_at(path, f"List 1 to {MAX_IDS} IDs.")
    return tuple(sorted({_int(v, (*path, str(i)), 1, 2**31 - 1) for i, v in enumerate(value)}))


def _choices(value: Any, path: Path, enum: type[E]) -> tuple[E, ...]:
    if not isinstance(value, list) or not value:
        raise invalid_at(path, "List at least one value.")
    picked = []
    for i, item in enumerate(value):
        try:
            picked.append(enum(item))
        except ValueError:
            raise invalid_at((*path, str(i)), f"{item!r} is not one of {', '.join(e.value for e in enum)}.") from None
    return tuple(sorted(set(picked), key=lambda e: e.value))


def _range(value: Any, path: Path, low: int, high: int, extra: set[str] = frozenset()) -> tuple[int | None, int | None]:
    """(min, max) inclusive; at least one given, min ≤ max."""
    fields = _object(value, path, {"min", "max", *extra})
    bounds = [None if fields.get(k) is None else _int(fields[k], (*path, k), low, high) for k in ("min", "max")]
    lo, hi = bounds
    if lo is None and hi is None:
        raise invalid_at(path, "Give a minimum, a maximum or both.")
    if lo is not None and hi is not None and lo > hi:
        raise invalid_at((*path, "max"), "The maximum is below the minimum.")
    return lo, hi


def _date(value: Any, path: Path) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise invalid_at(path, "Give a date as YYYY-MM-DD.") from None


def _dates(value: Any, path: Path) -> tuple[date | None, date | None]:
    fields = _object(value, path, {"from", "to"})
    start, end = _date(fields.get("from"), (*path, "from")), _date(fields.get("to"), (*path, "to"))
    if start is None and end is None:
        raise invalid_at(path, "Give a first date, a last date or both.")
    if start is not None and end is not None and start > end:
        raise invalid_at((*path, "to"), "The last date is before the first.")
    return start, end


def _day_start(day: date) -> datetime:
    """The UTC moment a business day begins."""
    return datetime.combine(day, time(), tzinfo=BUSINESS_TZ).astimezone(UTC)


def _range_sql(column: str, lo: int | None, hi: int | None) -> Sql:
    parts = [sql(f"{column} >= ?", lo) if lo is not None else None, sql(f"{column} <= ?", hi) if hi is not None else None]
    return join(" AND ", (p for p in parts if p is not None))


def _per_member(rows: Sql, lo: int | None, hi: int | None) -> Sql:
    """Members whose total is in [lo, hi]. `rows` selects (member_id, v), one row per member with
    any activity; members without a row total 0, so when 0 is in range we exclude the rows out of
    range instead of including the rows in range."""
    in_range = _range_sql("t.v", lo, hi)
    if (lo is None or lo <= 0) and (hi is None or hi >= 0):
        return sql("m.id NOT IN (SELECT t.member_id FROM (") + rows + sql(") t WHERE NOT ") + in_range + sql(")")
    return sql("m.id IN (SELECT t.member_id FROM (") + rows + sql(") t WHERE ") + in_range + sql(")")


def _in(column: str, items: tuple[Any, ...]) -> Sql:
    return sql(f"{column} IN ") + values(items)


@dataclass(frozen=True)
class _OneOf(Predicate):
    """Any of a list of enum values (genders, RFM groups)."""

    choices: ClassVar[type[Enum]]
    chosen: tuple[Enum, ...]

    @classmethod
    def parse(cls, value: Any, path: Path) -> _OneOf:
        return cls(_choices(value, path, cls.choices))

    def to_json(self) -> dict[str, Any]:
        return {self.key: [c.value for c in self.chosen]}


@predicate
@dataclass(frozen=True)
class GenderIn(_OneOf):
    key = "gender"
    choices = Gender

    def where(self, env: Env) -> Sql:
        return _in("m.gender", tuple(g.value for g in self.chosen))


def _years_before(day: date, years: int) -> date:
    """The same calendar day `years` earlier; Feb 29 becomes Feb 28 in common years."""
    try:
        return day.replace(year=day.year - years)
    except ValueError:
        return day.replace(year=day.year - years, day=28)


@dataclass(frozen=True)
class _Range(Predicate):
    """A value in [min, max], both inclusive, either open."""

    highest: ClassVar[int]
    min: int | None
    max: int | None

    @classmethod
    def parse(cls, value: Any, path: Path) -> _Range:
        return cls(*_range(value, path, 0, cls.highest))

    def to_json(self) -> dict[str, Any]:
        return {self.key: {"min": self.min, "max": self.max}}


@predicate
@dataclass(frozen=True)
class AgeRange(_Range):
    """Age in whole years on the evaluation day; members without a birthday never match."""

    key = "age"
    highest = MAX_AGE

    def where(self, env: Env) -> Sql:
        parts = [sql("m.birthday IS NOT NULL")]
        if self.min is not None:
            parts.append(sql("m.birthday <= ?", _years_before(env.today, self.min)))
        if self.max is not None:
            parts.append(sql("m.birthday > ?", _years_before(env.today, self.max + 1)))
        return join(" AND ", parts)


@predicate
@dataclass(frozen=True)
class BirthdayMonths(Predicate):
    key = "birthdayMonths"
    months: tuple[int, ...]

    @classmethod
    def parse(cls, value: Any, path: Path) -> BirthdayMonths:
        if not isinstance(value, list) or not value:
            raise invalid_at(path, "List at least one month.")
        return cls(tuple(sorted({_int(v, (*path, str(i)), 1, 12) for i, v in enumerate(value)})))

    def where(self, env: Env) -> Sql:
        if env.dialect == "postgres":
            month = "EXTRACT(MONTH FROM m.birthday)"
        else:
            month = "CAST(strftime('%m', m.birthday) AS INTEGER)"
        return join(" AND ", [sql("m.birthday IS NOT NULL"), _in(month, self.months)])

    def to_json(self) -> dict[str, Any]:
        return {self.key: list(self.months)}


@dataclass(frozen=True)
class _IdsPredicate(Predicate):
    ids: tuple[int, ...]

    @classmethod
    def parse(cls, value: Any, path: Path) -> _IdsPredicate:
        return cls(_ids(value, path))

    def to_json(self) -> dict[str, Any]:
        return {self.key: list(self.ids)}


@predicate
@dataclass(frozen=True)
class TierIn(_IdsPredicate):
    key = "tiers"

    def where(self, env: Env) -> Sql:
        return join(" AND ", [sql("m.tier_id IS NOT NULL"), _in("m.tier_id", self.ids)])


@predicate
@dataclass(frozen=True)
class HomeStoreIn(_IdsPredicate):
    key = "homeStores"

    def where(self, env: Env) -> Sql:
        return _in("m.home_store_id", self.ids)


@predicate
@dataclass(frozen=True)
class RegionIn(_IdsPredicate):
    key = "regions"

    def where(self, env: Env) -> Sql:
        return sql("m.home_store_id IN (SELECT s.id FROM store s WHERE ") + _in("s.region_id", self.ids) + sql(")")


class TagMatch(str, Enum):
    ANY = "ANY"
    ALL = "ALL"
    NONE = "NONE"


@predicate
@dataclass(frozen=True)
class Tags(Predicate):
    key = "tags"
    match: TagMatch
    ids: tuple[int, ...]

    @classmethod
    def parse(cls, value: Any, path: Path) -> Tags:
        fields = _object(value, path, {"match", "ids"})
        (match,) = _choices([fields.get("match")], (*path, "match"), TagMatch)
        return cls(match, _ids(fields.get("ids"), (*path, "ids")))

    def where(self, env: Env) -> Sql:
        tagged = sql("SELECT mt.member_id FROM member_tag mt WHERE ") + _in("mt.tag_id", self.ids)
        if self.match is TagMatch.ALL:
            tagged = tagged + sql(" GROUP BY mt.member_id HAVING COUNT(DISTINCT mt.tag_id) = ?", len(self.ids))
        negate = "NOT " if self.match is TagMatch.NONE else ""
        return sql(f"m.id {negate}IN (") + tagged + sql(")")

    def to_json(self) -> dict[str, Any]:
        return {self.key: {"match": self.match.value, "ids": list(self.ids)}}


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


@dataclass(frozen=True)
class _Between(Predicate):
    """A timestamp column within business dates `from`..`to`, both inclusive; either may be open."""

    column: ClassVar[str]
    start: date | None
    end: date | None

    @classmethod
    def parse(cls, value: Any, path: Path) -> _Between:
        return cls(*_dates(value, path))

    def where(self, env: Env) -> Sql:
        parts = [sql(f"{self.column} IS NOT NULL")]
        if self.start is not None:
            parts.append(sql(f"{self.column} >= ?", _day_start(self.start)))
        if self.end is not None:
            parts.append(sql(f"{self.column} < ?", _day_start(self.end + timedelta(days=1))))
        return join(" AND ", parts)

    def to_json(self) -> dict[str, Any]:
        return {self.key: {"from": _iso(self.start), "to": _iso(self.end)}}


@predicate
@dataclass(frozen=True)
class Registered(_Between):
    key = "registered"
    column = "m.created_at"


@predicate
@dataclass(frozen=True)
class LastVisit(_Between):
    """Last purchase within the dates: `to` alone is "last visit before", `from` alone "after".
    Members who never bought never match (use NOT to include them)."""

    key = "lastVisit"
    column = "m.last_purchase_at"


@dataclass(frozen=True)
class _Activity(Predicate):
    """A per-member total over the ledger's operations of the last `days` days, in [min, max]."""

    max_value: ClassVar[int]
    measure: ClassVar[str]
    kinds: ClassVar[tuple[OperationKind, ...]]
    days: int
    min: int | None
    max: int | None

    @classmethod
    def parse(cls, value: Any, path: Path) -> _Activity:
        fields = _object(value, path, {"days", "min", "max"})
        days = _int(fields.get("days"), (*path, "days"), 1, MAX_DAYS)
        return cls(days, *_range(value, path, 0, cls.max_value, {"days"}))

    def where(self, env: Env) -> Sql:
        rows = (
            sql(f"SELECT o.member_id AS member_id, {self.measure} AS v FROM ledger_operation o WHERE o.member_id IS NOT NULL AND ")
            + _in("o.kind", tuple(k.value for k in self.kinds))
            + sql(" AND o.created_at >= ? GROUP BY o.member_id", env.now - timedelta(days=self.days))
        )
        return _per_member(rows, self.min, self.max)

    def to_json(self) -> dict[str, Any]:
        return {self.key: {"days": self.days, "min": self.min, "max": self.max}}


@predicate
@dataclass(frozen=True)
class Spend(_Activity):
    """Net spend (consumption less refunds) in fen."""

    key = "spend"
    max_value = 10**13
    measure = f"SUM(CASE WHEN o.kind = '{OperationKind.CONSUME.value}' THEN o.amount ELSE -o.amount END)"
    kinds = (OperationKind.CONSUME, OperationKind.REFUND)


@predicate
@dataclass(frozen=True)
class Visits(_Activity):
    """Purchases (consume operations)."""

    key = "visits"
    max_value = 10**6
    measure = "COUNT(*)"
    kinds = (OperationKind.CONSUME,)


@dataclass(frozen=True)
class _Holding(_Range):
    """A balance the member holds now, in [min, max]: the sum of their accounts of `codes`."""

    highest = 10**13
    totals: ClassVar[str]
    codes: ClassVar[tuple[AccountCode, ...]]

    def where(self, env: Env) -> Sql:
        return _per_member(sql(self.totals, *(c.value for c in self.codes)), self.min, self.max)


@predicate
@dataclass(frozen=True)
class Points(_Holding):
    key = "points"
    totals = (
        "SELECT a.member_id AS member_id, SUM(a.balance) AS v FROM ledger_account a "
        "WHERE a.code IN (?) AND a.member_id IS NOT NULL GROUP BY a.member_id"
    )
    codes = (AccountCode.MEMBER_POINTS,)


@predicate
@dataclass(frozen=True)
class Balance(_Holding):
    """Stored value (principal and bonus) over all the member's cards, in fen."""

    key = "balance"
    totals = (
        "SELECT c.member_id AS member_id, SUM(a.balance) AS v FROM ledger_account a "
        "JOIN card c ON c.id = a.card_id WHERE a.code IN (?, ?) GROUP BY c.member_id"
    )
    codes = (AccountCode.CARD_PRINCIPAL, AccountCode.CARD_BONUS)


@predicate
@dataclass(frozen=True)
class RfmGroups(_OneOf):
    """The member's group from the latest RFM run; members without purchases have none."""

    key = "rfmGroups"
    choices = RfmGroup

    def where(self, env: Env) -> Sql:
        scored = _in("mv.rfm_group", tuple(g.value for g in self.chosen))
        return sql("m.id IN (SELECT mv.member_id FROM member_value mv WHERE ") + scored + sql(")")


@predicate
@dataclass(frozen=True)
class CampaignReceived(_IdsPredicate):
    """A message of any of the campaigns was sent to the member (its delivery is SENT)."""

    key = "campaignReceived"

    def where(self, env: Env) -> Sql:
        sources = tuple(f"{CAMPAIGN_SOURCE}{i}" for i in self.ids)
        return (
            sql("m.id IN (SELECT d.member_id FROM delivery d WHERE d.status = ? AND ", DeliveryStatus.SENT.value)
            + _in("d.source", sources)
            + sql(")")
        )


@predicate
@dataclass(frozen=True)
class CampaignConverted(_IdsPredicate):
    """The member converted for any of the campaigns, as campaign results count it: reached by a
    variant (not held out or skipped) and bought within the campaign's attribution days after."""

    key = "campaignConverted"

    def where(self, env: Env) -> Sql:
        if env.dialect == "postgres":
            window = "o.created_at >= r.created_at AND o.created_at < r.created_at + c.attribution_days * INTERVAL '1 day'"
        else:
            window = "julianday(o.created_at) >= julianday(r.created_at) AND julianday(o.created_at) < julianday(r.created_at) + c.attribution_days"
        return (
            sql("m.id IN (SELECT r.member_id FROM campaign_recipient r JOIN campaign c ON c.id = r.campaign_id WHERE r.reason = '' AND ")
            + _in("r.campaign_id", self.ids)
            + sql(f" AND EXISTS (SELECT 1 FROM ledger_operation o WHERE o.member_id = r.member_id AND o.kind = ? AND {window}))", OperationKind.CONSUME.value)
        )
