"""Each role's default permissions written out by hand, so changing `policy.ROLE_DEFAULTS` means
changing this table too (tests check the policy and the API against it, never against itself)."""

from __future__ import annotations

from server.access.models import Role

ROLE_PERMISSIONS: dict[Role, list[str]] = {
    Role.HQ: [
        "ADJUST",
        "ANONYMIZE_MEMBERS",
        "CARD_OPS",
        "EXPORT",
        "MANAGE_CAMPAIGNS",
        "MANAGE_MEMBERS",
        "MANAGE_ORG",
        "MANAGE_PROGRAM",
        "MANAGE_SEGMENTS",
        "MANAGE_STAFF",
        "MANAGE_TAGS",
        "MANAGE_TIERS",
        "RECHARGE",
        "REFUND",
        "RESET_PIN",
        "TAG_MEMBERS",
        "VIEW_AUDIT",
        "VIEW_JOBS",
    ],
    Role.REGION: ["CARD_OPS", "EXPORT", "MANAGE_CAMPAIGNS", "MANAGE_MEMBERS", "MANAGE_SEGMENTS", "TAG_MEMBERS"],
    Role.STORE: ["CARD_OPS", "MANAGE_CAMPAIGNS", "MANAGE_MEMBERS", "MANAGE_SEGMENTS", "RECHARGE", "REFUND", "RESET_PIN", "TAG_MEMBERS"],
}

SENSITIVE = ["ADJUST", "CARD_OPS", "EXPORT", "RECHARGE", "REFUND", "RESET_PIN"]
