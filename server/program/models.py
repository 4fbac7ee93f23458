"""The loyalty programme HQ configures: money and points settings, recharge bonuses, earn rules."""

from __future__ import annotations

from typing import TYPE_CHECKING

from pypika_tortoise.terms import LiteralValue
from tortoise import fields
from tortoise.indexes import Index
from tortoise.models import Model

if TYPE_CHECKING:
    from tortoise.backends.base.schema_generator import BaseSchemaGenerator


class ProgramSettings(Model):
    """One row: the brand-wide settings (created with defaults on first read)."""

    id = fields.IntField(primary_key=True)
    max_amount = fields.BigIntField(default=10_000_000, description="Largest single amount accepted, fen.")
    points_per_yuan_offset = fields.IntField(default=100, description="Points worth 1.00 when paying with points.")
    points_expiry_months = fields.IntField(default=24, description="Months until earned points expire; 0 = never.")
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "program_settings"


class RechargeRule(Model):
    """Pay at least `min_amount`, get `bonus_amount` into the bonus bucket (the best rule applies)."""

    id = fields.IntField(primary_key=True)
    name = fields.CharField(max_length=50)
    min_amount = fields.BigIntField()
    bonus_amount = fields.BigIntField()
    store_id = fields.IntField(null=True, description="Only at this store; null = every store.")
    starts_at = fields.DatetimeField(null=True)
    ends_at = fields.DatetimeField(null=True)
    is_active = fields.BooleanField(default=True)
    created_at = fields.DatetimeField(auto_now_add=True)

    class Meta:
        table = "recharge_rule"


class UniqueExpressionIndex(Index):
    """A UNIQUE index over SQL expressions, written alike for SQLite and PostgreSQL (tortoise's own
    Index puts its type after the table name on PostgreSQL, where UNIQUE can't go).

    aerich rebuilds indexes as plain `Index`es when it writes a migration: on PostgreSQL the
    generated CREATE statement must be corrected by hand to this class's `get_sql`."""

    INDEX_TYPE = "UNIQUE"

    def __init__(self, *expressions: str, name: str) -> None:
        super().__init__(*(LiteralValue(e) for e in expressions), name=name)

    def get_sql(self, schema_generator: BaseSchemaGenerator, model: type[Model], safe: bool) -> str:
        return schema_generator.UNIQUE_INDEX_CREATE_TEMPLATE.format(
            exists="IF NOT EXISTS " if safe else "",
            index_name=self.name,
            index_type="",
            table_name=schema_generator._qualify_table_name(model._meta.db_table, model._meta.schema),
            fields=schema_generator._format_index_fields(self.field_names),
            extra="",
        )


class EarnRule(Model):
    """Points per yuan paid at a store (null store = the brand default), before tier multipliers.

    One rule per store and at most one brand default, enforced by the database: a unique
    `store_id` alone lets any number of NULL rows in (NULLs are distinct on both dialects), so
    the unique index is over COALESCE(store_id, 0) (store ids start at 1)."""

    id = fields.IntField(primary_key=True)
    store_id = fields.IntField(null=True, unique=True)
    points_per_yuan = fields.IntField(default=1)
    promotion_multiplier_pct = fields.IntField(default=100, description="×100; applies between the dates.")
    promotion_starts_at = fields.DatetimeField(null=True)
    promotion_ends_at = fields.DatetimeField(null=True)
    updated_at = fields.DatetimeField(auto_now=True)

    class Meta:
        table = "earn_rule"
        indexes = (UniqueExpressionIndex('COALESCE("store_id", 0)', name="uidx_earn_rule_scope"),)
