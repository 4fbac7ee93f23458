"""Tags as GraphQL types."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import relay

from schema.context import Info
from schema.core.nodes import ModelNode
from server.tag import models


@strawberry.type(description="A tag (标签) that can be put on members.")
class Tag(ModelNode):
    id: relay.NodeID[int]
    name: str = strawberry.field(description="Unique name.")
    color: str = strawberry.field(description="Display colour, e.g. #ff8800.")
    description: str = strawberry.field(description="What the tag means.")

    @classmethod
    def from_model(cls, row: models.Tag, info: Any = None) -> Tag:
        return cls(id=row.id, name=row.name, color=row.color, description=row.description)

    @classmethod
    def scoped_query(cls, info: Info) -> Any:
        return models.Tag.all()
