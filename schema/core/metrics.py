"""Times every GraphQL operation for `server.metrics`, over HTTP and websockets alike."""

from __future__ import annotations

import time
from collections.abc import Iterator

from strawberry.extensions import SchemaExtension

from server.metrics import observe_operation


class OperationMetrics(SchemaExtension):
    def on_operation(self) -> Iterator[None]:
        started = time.perf_counter()
        ok = False
        try:
            yield
            ok = not getattr(self.execution_context.result, "errors", None)
        finally:  # a document that fails to parse in a caching parser arrives here as an exception
            seconds = time.perf_counter() - started
            observe_operation(self._operation_type(), self.execution_context.operation_name, ok, seconds)

    def _operation_type(self) -> str:
        try:
            return self.execution_context.operation_type.value
        except RuntimeError:  # no document, or none of its operations has the name asked for
            return "unknown"
