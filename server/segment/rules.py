"""Segment rules: a tree of typed nodes, parsed from (and saved as) JSON, compiled to SQL.

    Rule                    a node: `where(env)` is a two-valued SQL condition on member `m`
      And / Or / Not        combinators:   {"and": [...]}, {"or": [...]}, {"not": {...}}
      predicates            one key each:  {"gender": ["FEMALE"]}, {"age": {"min": 20}} … (predicates.py)

Every node is one JSON object with exactly one key (GraphQL's one-of input has the same shape).
To add a predicate (say `campaignReceived`), subclass `Predicate` with a `key`, a `parse` that
validates its value and raises `invalid()` with the field path, and a `where` that returns a
condition that is never NULL (so NOT stays the complement); decorate the class with `@predicate`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ClassVar, TypeVar

from server.core.errors import DomainError, ErrorCode
from server.core.sql import Sql, join, sql

MAX_DEPTH = 8
MAX_CHILDREN = 50

Path = tuple[str, ...]


@dataclass(frozen=True)
class Env:
    """What a rule is evaluated against: the dialect and the moment ("last 30 days", ages)."""

    dialect: str
    now: datetime
    today: date


class Rule(ABC):
    @abstractmethod
    def where(self, env: Env) -> Sql:
        """A condition on the member row aliased `m`, true or false (never NULL)."""

    @abstractmethod
    def to_json(self) -> dict[str, Any]:
        """The node as saved; `parse_rule(node.to_json())` gives it back."""


class Predicate(Rule):
    key: ClassVar[str]

    @classmethod
    @abstractmethod
    def parse(cls, value: Any, path: Path) -> Predicate:
        """The node for a JSON value, or INVALID naming the path to the faulty field."""


P = TypeVar("P", bound=type[Predicate])
PREDICATES: dict[str, type[Predicate]] = {}


def predicate(cls: P) -> P:
    """Registers a predicate class under its JSON key."""
    if cls.key in PREDICATES or cls.key in _COMBINATORS:
        raise ValueError(f"rule key {cls.key!r} is taken")
    PREDICATES[cls.key] = cls
    return cls


@dataclass(frozen=True)
class And(Rule):
    rules: tuple[Rule, ...]

    def where(self, env: Env) -> Sql:
        return join(" AND ", (r.where(env) for r in self.rules))

    def to_json(self) -> dict[str, Any]:
        return {"and": [r.to_json() for r in self.rules]}


@dataclass(frozen=True)
class Or(Rule):
    rules: tuple[Rule, ...]

    def where(self, env: Env) -> Sql:
        return join(" OR ", (r.where(env) for r in self.rules))

    def to_json(self) -> dict[str, Any]:
        return {"or": [r.to_json() for r in self.rules]}


@dataclass(frozen=True)
class Not(Rule):
    rule: Rule

    def where(self, env: Env) -> Sql:
        return sql("(NOT ") + self.rule.where(env) + sql(")")

    def to_json(self) -> dict[str, Any]:
        return {"not": self.rule.to_json()}


def _children(value: Any, path: Path, depth: int) -> tuple[Rule, ...]:
    if not isinstance(value, list) or not value:
        raise invalid_at(path, "List at least one rule.")
    if len(value) > MAX_CHILDREN:
        raise invalid_at(path, f"Combine at most {MAX_CHILDREN} rules in one list.")
    return tuple(_parse(child, (*path, str(i)), depth + 1) for i, child in enumerate(value))


_COMBINATORS: dict[str, Callable[[Any, Path, int], Rule]] = {
    "and": lambda value, path, depth: And(_children(value, path, depth)),
    "or": lambda value, path, depth: Or(_children(value, path, depth)),
    "not": lambda value, path, depth: Not(_parse(value, path, depth + 1)),
}


def invalid_at(path: Sequence[str], message: str) -> DomainError:
    return DomainError(ErrorCode.INVALID, message, list(path))


def _parse(node: Any, path: Path, depth: int) -> Rule:
    if depth > MAX_DEPTH:
        raise invalid_at(path, f"Rules nest at most {MAX_DEPTH} levels deep.")
    if not isinstance(node, dict) or len(node) != 1:
        raise invalid_at(path, "Each rule has exactly one condition or combinator.")
    (key, value), = node.items()
    if key in _COMBINATORS:
        return _COMBINATORS[key](value, (*path, key), depth)
    if key in PREDICATES:
        return PREDICATES[key].parse(value, (*path, key))
    raise invalid_at(path, f"Unknown rule {key!r}.")


def parse_tree(node: Any, path: Sequence[str]) -> Rule:
    """The typed rule for JSON, with the predicates registered so far (see compiler.parse_rule)."""
    return _parse(node, tuple(path), 0)
