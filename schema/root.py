"""The Tessera GraphQL schema: merges each domain's queries and mutations and sets the guards
every request passes (depth, alias, token and cost limits; no NUL in text; error masking;
operation metrics; parse/validation caches). `QueryDepthLimiter` skips `__schema` and `__type`;
graphql-core's own `MaxIntrospectionDepthRule` (among its specified rules) bounds those."""

from __future__ import annotations

from typing import Any

import strawberry
import structlog
from graphql import GraphQLError
from strawberry import relay
from strawberry.schema.config import StrawberryConfig
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.types.execution import ExecutionContext

from schema.access.api_clients import ApiClientMutation, ApiClientQuery
from schema.access.operations import AccessMutation, AccessQuery
from schema.audit.operations import AuditQuery
from schema.campaign.operations import CampaignMutation, CampaignQuery
from schema.card.operations import CardMutation, CardQuery
from schema.care.operations import CareMutation, CareQuery
from schema.core.errors import MaskUnexpected, code_input_error, expected_error
from schema.core.execution import TesseraExecutor
from schema.core.guards import NulCharacterGuard, QueryCostLimiter
from schema.core.metrics import OperationMetrics
from schema.core.scalars import SCALAR_MAP
from schema.jobs.operations import JobsQuery
from schema.notices.operations import NoticesMutation, NoticesQuery
from schema.coupon.operations import CouponMutation, CouponQuery
from schema.live.subscriptions import LiveSubscription
from schema.member.mutations import MemberMutation
from schema.member.queries import MemberQuery
from schema.org.operations import OrgMutation, OrgQuery
from schema.points.mutations import PointsMutation
from schema.points.queries import PointsQuery
from schema.program.operations import ProgramMutation, ProgramQuery
from schema.referral.operations import ReferralMutation, ReferralQuery
from schema.report.operations import ReportQuery
from schema.segment.operations import SegmentMutation, SegmentQuery
from schema.settlement.operations import SettlementQuery
from schema.tag.operations import TagMutation, TagQuery
from schema.tier.operations import TierMutation, TierQuery
from schema.wallet.batch import BatchRechargeMutation
from schema.wallet.operations import WalletMutation

MAX_DEPTH = 12
MAX_ALIASES = 30
MAX_TOKENS = 5000
MAX_COST = 50_000

log = structlog.get_logger("tessera.graphql")


@strawberry.type(description="Read access to Tessera.")
class Query(
    AccessQuery,
    ApiClientQuery,
    OrgQuery,
    MemberQuery,
    TierQuery,
    TagQuery,
    SegmentQuery,
    AuditQuery,
    CardQuery,
    ProgramQuery,
    CouponQuery,
    PointsQuery,
    CareQuery,
    JobsQuery,
    NoticesQuery,
    ReferralQuery,
    CampaignQuery,
    ReportQuery,
    SettlementQuery,
):
    node: relay.Node | None = relay.node(description="Fetches any object by its global ID.")


@strawberry.type(description="Changes to Tessera. Every payload lists expected failures in `errors`.")
class Mutation(
    AccessMutation,
    ApiClientMutation,
    OrgMutation,
    MemberMutation,
    TierMutation,
    TagMutation,
    SegmentMutation,
    CardMutation,
    WalletMutation,
    ProgramMutation,
    CouponMutation,
    BatchRechargeMutation,
    PointsMutation,
    CareMutation,
    NoticesMutation,
    ReferralMutation,
    CampaignMutation,
):
    pass


@strawberry.type(description="Live updates over the graphql-transport-ws websocket protocol.")
class Subscription(LiveSubscription):
    pass


class TesseraSchema(strawberry.Schema):
    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        """Expected errors are the client's business and are not logged (strawberry's default would
        log each, permission denials included, with a traceback); anything else is a bug, logged once
        with its traceback before `MaskUnexpected` hides it from the client."""
        for error in errors:
            code_input_error(error)
            if expected_error(error):
                continue
            original: Any = error.original_error
            log.error(
                "unexpected_error",
                operation=execution_context.operation_name if execution_context else None,
                path=error.path,
                exc_info=original or error,
            )


# The depth and alias limiters' rules, built once: `ValidationCache` keys on the rule classes, and
# each QueryDepthLimiter / MaxAliasesLimiter instance makes new ones, so limiters built per request
# made every request miss the cache and validate again.
LIMIT_RULES = [
    *QueryDepthLimiter(max_depth=MAX_DEPTH).validation_rules,
    *MaxAliasesLimiter(max_alias_count=MAX_ALIASES).validation_rules,
]

schema = TesseraSchema(
    query=Query,
    mutation=Mutation,
    subscription=Subscription,
    config=StrawberryConfig(scalar_map=SCALAR_MAP),
    execution_context_class=TesseraExecutor,
    extensions=[
        lambda: AddValidationRules(LIMIT_RULES),
        lambda: MaxTokensLimiter(max_token_count=MAX_TOKENS),
        lambda: QueryCostLimiter(max_cost=MAX_COST),
        NulCharacterGuard,
        MaskUnexpected,
        OperationMetrics,
        ParserCache,
        ValidationCache,
    ],
)
