"""Automatic persisted queries (Apollo's protocol, which Apollo Client, urql and most partner SDKs
speak): a till sends the SHA-256 of its document instead of the document.

    {"extensions": {"persistedQuery": {"version": 1, "sha256Hash": "<64 hex>"}}, "variables": …}

A hash this process knows runs its document; an unknown one answers PERSISTED_QUERY_NOT_FOUND, and
the client sends the document once with its hash, which is checked and remembered. The documents
are cached, not registered: each process keeps the most recently used ones (bounded), and a process
that has not seen a hash costs the client one retry. Nothing is trusted because it was persisted:
the document is parsed, validated, limited and authorized like any other, so an API client still
reads only its allowed fields. GET works too (`?extensions=…&variables=…`), which lets a CDN or a
proxy cache query answers by URL.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from typing import Any

from graphql import GraphQLError

MAX_DOCUMENTS = 10_000
_SHA256 = re.compile(r"[0-9a-f]{64}")


class PersistedQueryRefused(GraphQLError):
    """The request can't run as sent; the client learns why from `extensions.code`."""

    def __init__(self, message: str, code: str) -> None:
        super().__init__(message, extensions={"code": code})


class PersistedQueries:
    def __init__(self, capacity: int = MAX_DOCUMENTS) -> None:
        self.capacity = capacity
        self._documents: OrderedDict[str, str] = OrderedDict()

    def document(self, query: str | None, extensions: dict[str, Any] | None) -> str | None:
        """The document to run: `query`, or the one its persisted hash names (remembered when the
        request carries both). Raises PersistedQueryRefused."""
        persisted = (extensions or {}).get("persistedQuery")
        if persisted is None:
            return query
        if not isinstance(persisted, dict) or persisted.get("version") != 1:
            raise PersistedQueryRefused(
                "Only version 1 of persisted queries is supported.", "PERSISTED_QUERY_NOT_SUPPORTED"
            )
        digest = persisted.get("sha256Hash")
        if not isinstance(digest, str) or not _SHA256.fullmatch(digest):
            raise PersistedQueryRefused("`sha256Hash` must be 64 lower-case hex digits.", "INVALID")
        if query is None:
            return self._known(digest)
        if hashlib.sha256(query.encode()).hexdigest() != digest:
            raise PersistedQueryRefused("The query's SHA-256 is not the `sha256Hash` sent with it.", "INVALID")
        self._remember(digest, query)
        return query

    def _known(self, digest: str) -> str:
        document = self._documents.get(digest)
        if document is None:
            raise PersistedQueryRefused("PersistedQueryNotFound", "PERSISTED_QUERY_NOT_FOUND")
        self._documents.move_to_end(digest)
        return document

    def _remember(self, digest: str, document: str) -> None:
        self._documents[digest] = document
        self._documents.move_to_end(digest)
        while len(self._documents) > self.capacity:
            self._documents.popitem(last=False)
