from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "card_type" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(50) NOT NULL,
    "kind" VARCHAR(12) NOT NULL,
    "stores_value" BOOL NOT NULL,
    "earns_points" BOOL NOT NULL,
    "gives_discount" BOOL NOT NULL,
    "requires_pin" BOOL NOT NULL,
    "daily_limit" BIGINT,
    "deduction_order" VARCHAR(16) NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "card_type"."kind" IS 'PERSONAL: PERSONAL\nLINKED: LINKED\nGROUP: GROUP\nSUBSIDIARY: SUBSIDIARY\nVIP: VIP';
COMMENT ON COLUMN "card_type"."gives_discount" IS 'Whether the tier discount applies.';
COMMENT ON COLUMN "card_type"."daily_limit" IS 'Fen spendable per card per day; null = none.';
COMMENT ON COLUMN "card_type"."deduction_order" IS 'PRINCIPAL_FIRST: PRINCIPAL_FIRST\nBONUS_FIRST: BONUS_FIRST\nPRO_RATA: PRO_RATA';
        CREATE TABLE IF NOT EXISTS "ledger_account" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(64) NOT NULL UNIQUE,
    "code" VARCHAR(20) NOT NULL,
    "unit" VARCHAR(8) NOT NULL,
    "card_id" INT,
    "member_id" INT,
    "store_id" INT,
    "balance" BIGINT,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_ledger_acco_card_id_ae838b" ON "ledger_account" ("card_id");
CREATE INDEX IF NOT EXISTS "idx_ledger_acco_member__6afad7" ON "ledger_account" ("member_id");
COMMENT ON COLUMN "ledger_account"."key" IS 'code:owner, e.g. CARD_BONUS:card:42.';
COMMENT ON COLUMN "ledger_account"."code" IS 'CARD_PRINCIPAL: CARD_PRINCIPAL\nCARD_BONUS: CARD_BONUS\nMEMBER_POINTS: MEMBER_POINTS\nSTORE_TAKINGS: STORE_TAKINGS\nBONUS_FUNDING: BONUS_FUNDING\nPOINTS_ISSUED: POINTS_ISSUED';
COMMENT ON COLUMN "ledger_account"."unit" IS 'FEN: FEN\nPOINTS: POINTS';
COMMENT ON COLUMN "ledger_account"."balance" IS 'Running balance; null for derived accounts.';
        CREATE TABLE IF NOT EXISTS "ledger_operation" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "kind" VARCHAR(16) NOT NULL,
    "idempotency_key" VARCHAR(100) NOT NULL UNIQUE,
    "fingerprint" VARCHAR(64) NOT NULL,
    "member_id" INT,
    "card_id" INT,
    "store_id" INT,
    "staff_id" INT,
    "order_ref" VARCHAR(64) NOT NULL,
    "reverses_id" BIGINT,
    "amount" BIGINT NOT NULL,
    "result" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_ledger_oper_member__1079b1" ON "ledger_operation" ("member_id");
CREATE INDEX IF NOT EXISTS "idx_ledger_oper_card_id_c9cbc4" ON "ledger_operation" ("card_id");
CREATE INDEX IF NOT EXISTS "idx_ledger_oper_store_i_c5dca2" ON "ledger_operation" ("store_id");
CREATE INDEX IF NOT EXISTS "idx_ledger_oper_reverse_785044" ON "ledger_operation" ("reverses_id");
CREATE INDEX IF NOT EXISTS "idx_ledger_oper_created_338139" ON "ledger_operation" ("created_at");
COMMENT ON COLUMN "ledger_operation"."kind" IS 'RECHARGE: RECHARGE\nCONSUME: CONSUME\nREFUND: REFUND\nCARD_REPLACE: CARD_REPLACE\nCARD_CASH_OUT: CARD_CASH_OUT\nPOINTS_ADJUST: POINTS_ADJUST\nPOINTS_REDEEM: POINTS_REDEEM\nPOINTS_EXPIRE: POINTS_EXPIRE';
COMMENT ON COLUMN "ledger_operation"."fingerprint" IS 'Hash of the request, to detect key reuse.';
COMMENT ON COLUMN "ledger_operation"."reverses_id" IS 'The operation a refund reverses.';
COMMENT ON COLUMN "ledger_operation"."amount" IS 'Headline amount in the operation''s unit.';
        CREATE TABLE IF NOT EXISTS "points_lot" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "member_id" INT NOT NULL,
    "operation_id" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,
    "remaining" BIGINT NOT NULL,
    "expires_at" TIMESTAMPTZ NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_points_lot_member__f4ba6a" ON "points_lot" ("member_id");
CREATE INDEX IF NOT EXISTS "idx_points_lot_expires_5b6b48" ON "points_lot" ("expires_at");
COMMENT ON COLUMN "points_lot"."operation_id" IS 'The operation that earned the lot.';
COMMENT ON COLUMN "points_lot"."expires_at" IS 'Far future for lots that never expire.';
        CREATE TABLE IF NOT EXISTS "coupon_template" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(50) NOT NULL,
    "kind" VARCHAR(12) NOT NULL,
    "value" BIGINT NOT NULL,
    "threshold" BIGINT NOT NULL,
    "valid_from" TIMESTAMPTZ,
    "valid_to" TIMESTAMPTZ,
    "valid_days" INT,
    "store_ids" JSONB NOT NULL,
    "quantity" INT,
    "issued_count" INT NOT NULL,
    "per_member_limit" INT NOT NULL,
    "stackable" BOOL NOT NULL,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "coupon_template"."kind" IS 'CASH_OFF: CASH_OFF\nPERCENT_OFF: PERCENT_OFF\nGIFT: GIFT';
COMMENT ON COLUMN "coupon_template"."value" IS 'CASH_OFF: fen off; PERCENT_OFF: percent off (1-99); GIFT: 0.';
COMMENT ON COLUMN "coupon_template"."threshold" IS 'Minimum order (after tier discount), fen.';
COMMENT ON COLUMN "coupon_template"."valid_days" IS 'Valid N days from issue, instead of fixed dates.';
COMMENT ON COLUMN "coupon_template"."quantity" IS 'Total that may be issued; null = unlimited.';
        CREATE TABLE IF NOT EXISTS "earn_rule" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "store_id" INT UNIQUE,
    "points_per_yuan" INT NOT NULL,
    "promotion_multiplier_pct" INT NOT NULL,
    "promotion_starts_at" TIMESTAMPTZ,
    "promotion_ends_at" TIMESTAMPTZ,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "earn_rule"."promotion_multiplier_pct" IS '×100; applies between the dates.';
COMMENT ON TABLE "earn_rule" IS 'Points per yuan paid at a store (null store = the brand default), before tier multipliers.';
        CREATE TABLE IF NOT EXISTS "program_settings" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "max_amount" BIGINT NOT NULL,
    "points_per_yuan_offset" INT NOT NULL,
    "points_expiry_months" INT NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "program_settings"."max_amount" IS 'Largest single amount accepted, fen.';
COMMENT ON COLUMN "program_settings"."points_per_yuan_offset" IS 'Points worth 1.00 when paying with points.';
COMMENT ON COLUMN "program_settings"."points_expiry_months" IS 'Months until earned points expire; 0 = never.';
COMMENT ON TABLE "program_settings" IS 'One row: the brand-wide settings (created with defaults on first read).';
        CREATE TABLE IF NOT EXISTS "recharge_rule" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "name" VARCHAR(50) NOT NULL,
    "min_amount" BIGINT NOT NULL,
    "bonus_amount" BIGINT NOT NULL,
    "store_id" INT,
    "starts_at" TIMESTAMPTZ,
    "ends_at" TIMESTAMPTZ,
    "is_active" BOOL NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
COMMENT ON COLUMN "recharge_rule"."store_id" IS 'Only at this store; null = every store.';
COMMENT ON TABLE "recharge_rule" IS 'Pay at least `min_amount`, get `bonus_amount` into the bonus bucket (the best rule applies).';
        CREATE TABLE IF NOT EXISTS "card" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "card_no" VARCHAR(32) NOT NULL UNIQUE,
    "status" VARCHAR(10) NOT NULL,
    "parent_id" INT,
    "replaced_by_id" INT,
    "pin_hash" VARCHAR(255),
    "pin_failures" INT NOT NULL,
    "issued_store_id" INT,
    "issued_at" TIMESTAMPTZ NOT NULL,
    "updated_at" TIMESTAMPTZ NOT NULL,
    "card_type_id" INT NOT NULL REFERENCES "card_type" ("id") ON DELETE RESTRICT,
    "member_id" INT NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_card_parent__8a4ca4" ON "card" ("parent_id");
COMMENT ON COLUMN "card"."status" IS 'ACTIVE: ACTIVE\nLOST: LOST\nFROZEN: FROZEN\nCANCELLED: CANCELLED';
COMMENT ON COLUMN "card"."parent_id" IS 'The card whose balance a subsidiary spends.';
COMMENT ON COLUMN "card"."replaced_by_id" IS 'The card that replaced this one (补卡).';
        CREATE TABLE IF NOT EXISTS "card_event" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "action" VARCHAR(12) NOT NULL,
    "from_status" VARCHAR(10) NOT NULL,
    "to_status" VARCHAR(10) NOT NULL,
    "reason" VARCHAR(255) NOT NULL,
    "staff_id" INT,
    "store_id" INT,
    "created_at" TIMESTAMPTZ NOT NULL,
    "card_id" INT NOT NULL REFERENCES "card" ("id") ON DELETE CASCADE
);
COMMENT ON COLUMN "card_event"."action" IS 'ISSUE: ISSUE\nREPORT_LOST: REPORT_LOST\nCANCEL_LOSS: CANCEL_LOSS\nFREEZE: FREEZE\nUNFREEZE: UNFREEZE\nREPLACE: REPLACE\nCANCEL: CANCEL\nPIN_LOCKED: PIN_LOCKED\nPIN_RESET: PIN_RESET';
COMMENT ON TABLE "card_event" IS 'Who did what to a card, where, when and why.';
        CREATE TABLE IF NOT EXISTS "ledger_transfer" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "amount" BIGINT NOT NULL,
    "code" VARCHAR(24) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "credit_id" BIGINT NOT NULL REFERENCES "ledger_account" ("id") ON DELETE RESTRICT,
    "debit_id" BIGINT NOT NULL REFERENCES "ledger_account" ("id") ON DELETE RESTRICT,
    "operation_id" BIGINT NOT NULL REFERENCES "ledger_operation" ("id") ON DELETE RESTRICT
);
COMMENT ON COLUMN "ledger_transfer"."code" IS 'RECHARGE_PRINCIPAL: RECHARGE_PRINCIPAL\nRECHARGE_BONUS: RECHARGE_BONUS\nCONSUME_PRINCIPAL: CONSUME_PRINCIPAL\nCONSUME_BONUS: CONSUME_BONUS\nREFUND_PRINCIPAL: REFUND_PRINCIPAL\nREFUND_BONUS: REFUND_BONUS\nPOINTS_EARN: POINTS_EARN\nPOINTS_SPEND: POINTS_SPEND\nPOINTS_EARN_REVERSAL: POINTS_EARN_REVERSAL\nPOINTS_SPEND_REVERSAL: POINTS_SPEND_REVERSAL\nPOINTS_ADJUST: POINTS_ADJUST\nPOINTS_REDEEM: POINTS_REDEEM\nPOINTS_EXPIRE: POINTS_EXPIRE\nCARD_MOVE: CARD_MOVE\nCASH_OUT_PRINCIPAL: CASH_OUT_PRINCIPAL\nFORFEIT_BONUS: FORFEIT_BONUS';
        CREATE TABLE IF NOT EXISTS "coupon" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "member_id" INT NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "valid_from" TIMESTAMPTZ NOT NULL,
    "valid_to" TIMESTAMPTZ NOT NULL,
    "issued_at" TIMESTAMPTZ NOT NULL,
    "used_at" TIMESTAMPTZ,
    "used_operation_id" BIGINT,
    "template_id" INT NOT NULL REFERENCES "coupon_template" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_coupon_member__ce72dd" ON "coupon" ("member_id");
COMMENT ON COLUMN "coupon"."status" IS 'ISSUED: ISSUED\nUSED: USED\nEXPIRED: EXPIRED\nVOID: VOID';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "ledger_transfer";
        DROP TABLE IF EXISTS "program_settings";
        DROP TABLE IF EXISTS "points_lot";
        DROP TABLE IF EXISTS "card_event";
        DROP TABLE IF EXISTS "coupon";
        DROP TABLE IF EXISTS "card";
        DROP TABLE IF EXISTS "coupon_template";
        DROP TABLE IF EXISTS "earn_rule";
        DROP TABLE IF EXISTS "recharge_rule";
        DROP TABLE IF EXISTS "ledger_account";
        DROP TABLE IF EXISTS "card_type";
        DROP TABLE IF EXISTS "ledger_operation";"""


MODELS_STATE = (
    "eJztXW1z4jgS/isqvtxMFTOVMJOZWeb2qkhCZrhNIAdk5m6WLa/BIrhiZNYvyVJ3+99Pkt"
    "9fsRwbhKN8CFhW2+ZpSe5+1Gr9t7XWFaiZb8fwXtVRqwv+20LyGuIvsTNt0JI3m6CcFFjy"
    "XKNVjaDO3LQMeWHh0qWsmRAXKdBcGOrGcq6PbE0jhfoCV1TRfVBkI/UPG0qWfg+tFTTwiV"
    "9/w8UqUuCf0PQONw/SUoWaEnlUVSH3puWStd3QsgGyrmhFcre5tNA1e42CyputtdKRX1tF"
    "Fim9hwgasgXJ5S3DJo9Pns79nd4vcp40qOI8YkhGgUvZ1qzQz51LQVlLkoajqTTpTyWpxQ"
    "DQQkcEXPyoJv319+QR3nRO3398/+ndh/efcBX6mH7Jx7+cWwfAOIIUnuG09Rc9L1uyU4Ni"
    "HIC6wHpOwnqxko10XL36MWTxI8eR9XDkF9q1/KekQXRvrfDhu04Ojt9644uvvfGrd53X5I"
    "Y6bvxOnxi6Zzr0FIE6gJZ+MkDr1a8GWq8gwDboqnsH9/TkpAC6uFYmvPRcFN+FAQkekmwl"
    "Ub7EZyx1DTMacUQyhrfiir71vhwj+vgHKiOkbd0ulQP+dHDTn0x7N7fkdmvT/EOj+PWmfX"
    "KmQ0u3sdJXH2J68i8Cvg+mXwE5BD9Gwz6FVzete4PeMag3/dEizyTbli4h/UmSlVDv90o9"
    "1P4ir4TlQ2j8IgVzefHwJBuKFDkTNA/T0sldE03j3JW7+mUMNdlyX2mxRuC+FifkGkeo/7"
    "+8Fu+VBu0gDJC8XD4XH/cSO/BxFcs9PKRd6R09q6UlT60763iJjOR7+pPIvcmdIm0pxfby"
    "G1m26WX6VYTlJSwvYXkJy+uglhd+W+NXa8q7NRvikMj+UG619oJx5+ysAMa4VibG9FwUY9"
    "WU8DivPqY05HNd16CMMobfsFwM6jkWrAtrb/yo73WdBu75aHQdMVzPB9MYyHc3533cwin2"
    "uJJqwfD4LNyJl+dOhLXukFoSk4UTkdlt6ByDgiuwdRJOWhzkJMJX2KpV79EvcEuBHuBnkt"
    "EibeRK0JRHBnCWx4GLDfnJN7mjTQt/wb8aOgPWGLf08eACI13M+RW+XY7ru4brOTSeSQ7c"
    "0Is0qDHW7P6S5pTq/rrtLM/99aoI9/eYXgntHPfXNqHB6qeFZRrnBn94X8CJ+PA+04cgp6"
    "IWraKaG03eSqwwx+Ua57DV4hRvZNN80vEwuZLNFQvcCcEG0hC1uMgGdoPTge4je50wKaM2"
    "vCvLM9atr//qgq//mqFx/8tgNOwC53OGJtPRuN8F9KNVqv0Xav45rV+wFbusq5rZintDJv"
    "dLoP3PyWiYDnUgEWco1IUF/gc01azNdW39fWmjBUESzG1Vs1RkviX3+0dd432OEghCESV4"
    "7frVTe/f8SZ/cT06j7MO5ALnMXU8qdZqpRMjh0EjESGhlMqVspRVDSqSpt/jn8Zgwifk9s"
    "fxnHBtzQfQavriAUNkI0vVWOnSuGwFhCmfHATv/KiHSS5BKmjx7E4laPFqaXHOunHVgyaN"
    "4mDDNCwiIOVwooEzfKucZ0g03QpwLRpQd6Swhrvrc2ZvoGniJ3x28KK8XE6cSx3h2/Vwsx"
    "QeZlmTFSFMd8xZSGao6q65i1YPAX0jY/DBHMoGNIClP0DUBrRVKUDHlgaQTaBaJph87b3p"
    "nH0Ar2gVE+DqAB+/masWwH6+oq9fv40zQ3VcX8yq8DWrQtXFzEBHpcTMys6ZFeEUZUPfXK"
    "cI/rlR8dVKaD0q2UCtH4mWCzEeBnzUH0p17qik4LV41rK6YXlDOrUbNxFe/ZvRMXsZOY5A"
    "RERT7iY5MmL7SvjixQL8eIO3uDMetKuIM37Rm1z0Lvt5vnidPuZUpY5Swrek5e08n9Lyao"
    "gwuGPqy+0ch+2wS5U4ctLOisSknGXHpJwlYlIMGT2wTF+41at5BdWBbOureo/7LFBNMIeW"
    "BY3PQDcUSEAGD3CbIHz2M6uhqOZCt5ElbaCxgCjFaM6EPE10fxbA6QnjbHtrsiI8mL6kYR"
    "lgY6gLCDayqrTB6Rt8tQMpYKOTK0tr/BPUjYZfEdJmwaKFTHmeVdGXDQSCRwYz++RE+XhA"
    "JUDjgSn4xxcQgT8Rl7GKwB9Bz2W3+2bRc6Uyg+x39Q+fHM5+p9UcsKbyfSvF7wlOtvOcH0"
    "drkuXWq9QF+tW9unPD+9Zvwic6ZGYMMXy/kOE7uSaTjTqMyAjuMMUuxaMZG6SBgMBzNxcb"
    "vDaeScY2bjFxO8bGRrpqOh0ba7cVoOoaFQ2FNOiqXNHb6VbeTvuuFsNO2HGC224it41B01"
    "NeO3nZ41yBxs1hn34ospg1btiGFrN+SKybDz0WA8QxscYBXcsabuHrZaPfLF/vGVSdpKko"
    "jV1n5+uaZRDugbNLM+UCX2UXWycMukYZdG5vRDrLazEi1DjTrlPEtOtkm3adhGknktfWnK"
    "cHowQliBbGdkNwYYA6RbSBqNdi5znQ0d/Hjrgv1rjho/oAXAcx014u1RJIB3J1NezDYV0E"
    "6mykE0BjKJQ06rdY/qlAeo9+4t3wl+Ho+5DRXfTEusD9MkM3vet+F5D/M3TVd46cz1apYb"
    "7QKM+QjmquGtZKkbfpPmV6BwjL5HmTBbTD55R/GrrEGYwnd0dIfYSGKRtM8MXEXjKCcC2n"
    "ZcXJHnt9gQZyRkVGXVwrx5ZIrr5c4cYGMxDePfSGxPeId5CsjyXgNJTob4a+98+7AP+boY"
    "ve9bV00R9O++MuCB3M0ODmdjSedoHziUfqwXAg3Y5HX8a9Gzxih45KjdSVc61r2XjAIwO6"
    "p+xGavhwbgLBVPk9JhL0S442k6CLWxkGNiIpljvyvNxRtvBvndtW2o5o2UHKUSk+IpXJbR"
    "sTqYxfUZadsZHO7jdZIL3HF1nvYjr4xvwmc6S6wPmcocs+/Ya7xmUXhA5mqDccDf9zM/hB"
    "TgTfS72timwsdZq9sdRpYmMpS7dkTTI32HlLeU+p99lRVVFBbhNKtq4gYltB8VOn8+7dx8"
    "7Juw+fzt5//Hj26cRnnZOn8ujn88EX8nKK6CL5tnpUTdWS6KohBoI/JsUt/AcLE1yqhmlJ"
    "G9vAxrEJS9gCqRcQJgHPJoEmP0/lafJC4zxr/LiCLfbKFDcr1iKsdHujlFR6VFJE2PCi9Z"
    "S+ntjhaqWvoVQi4WxCTqwCSDGXDLiEhsG6WiUmJfL5pixXUVlBDUkIQHeuVwm6dxLi2pL5"
    "8jYaFF1fkRgLCyRK9vp4BfA2bYVxHN7YcBgBFz8DGN5dX7cSo0MFwHqJlpoJa2hAfEYKar"
    "K2SETdpkfdJvu7rIlsAtkYLTAIz8TnAtdrUhOqM3C7Zyuq1UeWsW2lBG+HzrbzArhlUk+C"
    "fsU6o7h/xbc18FlH6/Qp6CEexX5jivDOo+AbFuS9F949OxQcNwWd0VIPiwhTPen7OPiwhn"
    "9HpRoXQFR9gGz2rqEZXvvedwrd2y64VYddil2jahgWxK5RdYy0jGt7A4nmxcVXP8TGrLmi"
    "IMfEGri05l2RiJR32REp75IRKb6lzA506gBx/O+16tvzHC5TGdPswLlA4llBc5yNw/uOjp"
    "OXVhrhlxOv6AkI1MujLnbGqGUQEcEXDZuGryDRRZ00IKVMUwhAj0rNpv4WXg2RuWFvXaDu"
    "lKqkObHlbQiJNG7ZdfV2+IsN5L8eTaZdQP7P0NV49KM/7ALnkyxTG170r69JJL//tVVCXd"
    "UzVRvZICuXmMaaiExNtEoVu4RMVxCQzgueVroJwVzWSJsDMjDtuakqqmxsAV2JYB5orwQD"
    "bjR5gQ2a+ZaVK4wLcsxuBXqwVrIFvGfHR6oJdATBq5n96dOHs5l99u7DaXK73v3oYqOybx"
    "cblik1XnHmYO0j/QmGbCmrmm2kLcDLHnJiYmLhSrz9qqZp4wGhBEmeIsnxaHJogNm91oig"
    "CB7n3WsVSwaarPUiSwaow0d+Ats4GhcTCwZSRlGxuUVVqOYEt4vNGIrGCGdvxpAe1e738Q"
    "rAJfzj1L1UQ+GND4nPiMOGj5DcPAE7a/Bs/xEe5ZBxkAjaALAM/txHM59El6BfbxeV3vq+"
    "0oGiEtJGtoClA5lyB218DA1IPxCQETmf3OiVWbhiel6E3ZJzewq7zYxc2k0z1x/FVAlxNp"
    "hM7vpdQD9maNwnmcwkh2cOHXj0MjmYeAQzPSBEdL//g+SkpJ8zdDf0Srxv9LrXvYs+vSb5"
    "4l3Pu9QM3Q6G+HoXvxD+OvjulONRvD91iunXUrR25flploa+lvKmItL7aEyscZP51c8fYC"
    "+KHeaIkAB5J8jY1TbZwjQDicbBWwstjZvjcskaWxyICL5UhGvvAdLjipwSdGQ1JDR1oNiZ"
    "SEGXFaXLvDCvCvicIwSXicvhb5dNn0XLYCg8hm0HQeFxeiLU76h6dTuHIlhgVbPYzF59Ee"
    "QXs5eTQX5ia6YatzR9UNOS6hYjtjzZPXp9t/3xZDTsXTN6f75cF3jfZuh6MKQkk/M5Q1/G"
    "o7vbLqAfMzS5O58MLge98X+6IPg+Q98GuA7+xwf1RJ0YU3qUNTulj+Tm8I+L7jF9vzc6HW"
    "32figbyJQ2upo+S5QHe1xUwF4c9nv1EbdYRTUzMlHnAp8U5hr61vcVtewA/gdIdingPTrA"
    "1qWmwqJxxPtRjQH/sFUynmzUFO4wVzFxUbGPCAPuiqxqW0lT12paf8iZIYwJcsyAkez4Tu"
    "g8uS3Y4K5AA7zJF0XefqaXBD8DpCPIdRZ9BSo2nQuUdOMZm9ilXGafFth4MLwY3PaupavB"
    "eDJlNsSi4tgeixbM0PloeDfxzoYOZuh2PJLGvWmPCDnfShlhle+mpJoSmeN9ZLXAInJcv4"
    "w4G/QENZ3d1ptFTTOs6hWZDw+V+XDhWNRpaQ8XvrGdTYlqULmHBh4Kg7rc8KIixqpaYyib"
    "QH2AKRufZpN8bnV+6VPK8Hb1J/wkbQDf3r8FF73xpUQNmi4ZobrvO0Wt1bpzZGRy1wW29a"
    "yUx67JgaDI+4ZmF0SPSQiar5mQlmbopk8MEul2hJsvPhU5nCG6P6g07f0yGH6ZuNuFeoe+"
    "GXs3vMTHviHrHGJTll5DosF2JM4tfFimUXSKEMOdbGK4kyCGsU5SrKtijcKT5bpRXNE182"
    "TBvKdf57MM/J8KoP8pE/xPiQ6590n4vayRf2HrgJqNqYi4qhxSN2cEmxUaEuIY09bYRghj"
    "6eXFcEm7pW4ABRrqI1SAa/8zpsfYM4UnmIdshQjmgShZUZ+7cGxqyMhcNmolZIwGnwuM9s"
    "zRjDYEIudJEyxNcLJdgKfRI7UFU/PymJqjChkqY6v0iV/2hS5Sc77N0MVoOLm7wUXuF7KS"
    "jXjzpA75dEkEf3lb+Mg9d9GbfJVGd1P3pHfokwG9y3/e0Rmx8KF/dty/7Pdv/LPOoX+2/+"
    "/bwbjvn3UOOZkdU+B6o1sQLbYSI8mXIsov4Vd6AVexFVx5S7gS5M0S3x8aG0NNi5LJWZEY"
    "FeO6k36VzRXQlzQ8hkSQQNNqk0XYCrTgwgK4ueBi2ywcEVAzxyooiBpWKAmarFI8+aR0jh"
    "tRsdKzYkhpzJNkwCXLiy0i1LhFyjXs1gUfoWFCM7Xp5nlaMUF+hwSaJ9Z3ZYGMjYWljRTg"
    "/QCuWUh5nRH/nKOZQIbbdKatr1BWNBVB4DwsUBE173w1/c0EZGqRa90Y0CS/NaGb7O1TAo"
    "ln7Z9SboT6O271NJgUzG1Vs1RkviW3/UddI1cOvrVsq3JchL3Y/2O/fL3l0siCjd4rG+3j"
    "lUJGh7HcyUVb4cqCin5xVPSxGEINUcQLChn0mP9w2GCyjMwCuGVu+GD02J83iEQfxouCWl"
    "4MYvjQm2mIPkm0xK/jP0VwFMwR9MbDYIYAH/hnJrf9YRCFSI8iUtK4/60/ntDl0yml0esk"
    "K0eL65vvcOdZbkbfvAkY8pWUOjMt0RDQeNkMXY3GV/3B1AMxcliGRe4U8cs72X5558h3sx"
    "PhJ+XN2ZjWFTV926S8F11ETLzrnrFsc14C/bCUAL80+D73w6yAuKRQApMSclKYRSKAogph"
    "zmMWiT06MmUUTWYWb4kFUv/T0aMCeEML8BoKbnicLbKnAn0pCmSL5OAL2w/MmynUyR/d0u"
    "w513rqmtPgZDuPQXIy8EiaLlacvlDyiNvdgY454uFl2Gux2WO61ShJ7EU3GoUADypcz1EK"
    "2vRgk8Nr/ATkuZiwj4gJ+EvDD//c0ERj7PRZVPJoJoNbV7IBlrZlG5CutcMDk+mMVojEuQ"
    "DnZz0/kRxPjJoH5C5KTRCpL4JIZYgLqNNludDtTfrqK/dMrrOyCOoIR+XFOSoit3htucWF"
    "D1hP1HvmHl27wwMOsllXKPMO65Z5l+6eeZczdDchR+T/DDlT0vjQ/TJD30YDfEj+l5lMrj"
    "jFzKOsqfj1Z+hrVgMoKtlAA+hIDJ5Cdq6jLEsvp2RHTqiYaxWrpmmX8mQigg1UcsMcmUhy"
    "NrOUxkNiFeibs4VmR6LeQn2aKqo8lZ4q3qDFhHumDS243mgYIzY3ISbVJNq2rr3xPMiSKL"
    "Pvj0cZk2nogkcGddFZ+lgz42qePqaETPIrrKZdJJgUbiT8sGEvhQqrbQM9scub2OXtORme"
    "STj/1ZUX2H91NUO3/fFFfzh1ikMHM/RlcDXtAvK/DBNT/S5uWdu35Zh4Wdu2cWVXhNSyhA"
    "joy+VnENEKNlEXEFnkDHh1+uann15/Bo5yTrgOoLBW2Nhf6RqjXR4R43cZ/o2K1LW9BjRr"
    "BnglLy2yDVl4C7LXbaJQrlXEEcHJmRPVJEeZE35TaLhmDSvyNmVCKe/tGBLimPlofSNPCo"
    "ZkIzsTkDEHUFq2DVSsUSgrJMXdUsU3BKQ5MqalqTwzWIoOsvOaRIT4SG1C7teY1CZ/2DKy"
    "VCslo2ZmvwiL8Nwrprola06g2lregjl0eoXi7/VoI7pzJVQO1CHcuZOMfWizyYCYGLc24M"
    "FiB7BHILkBFhmbmmaCmya6P4BPjwRg7OUvHugPTbou+duFh+TEFr0Mu1WK7UHF9qC8eAYN"
    "mxMvlfTLmUd47gahfkTukbWAgyT86ssGGtta6hSQf66dN/lDVldJhldt17RPy1kESrcI32"
    "KbF2xk7GVha1IG1CsBr6gd6Xz/ma7Zmhsywk6WA/frNrY5l+Qkpb3WuEjdaPhr0gGr+VZi"
    "moqvaSoecmQ3AOCQwe+swybGO+k+LPZ+UlKY+wl4DX2t0yigYGSRNgsmvyrnEnsE/IR1Gm"
    "Nmn5woH7HcZ4DfK/ipTTzSWk8QOlmFD8mnBZBit8qwyqxIzLiEILN5JrMDpUGkPE/roQsI"
    "nfOsc3ujlPRGo5LCG+VY7b4HxcFS01tDvzfk9QRaFgbfgTCeIydWpZ2bKcepLJnh2js9sB"
    "GCwNCfuoHH8+ZJVSDwrgJeuWQLeFKtlecNmUBHYKkapgVI23iddLcqvK7wrfjyrUiUVZnU"
    "JFG5vZqk9I/RLr2WjXuIG6KJsdb8vS7kxQJu8PPxH1kT87skfbnEna+84xa6AM/uhMvzPO"
    "kGHlZO356cgKcVJHTPluxrTQcb54cdyqdwUKUpPbbSWkfWiiVkIkt8fyrpvGfUyA19SIB7"
    "j6p56Zecn+EmNvkMTsDPTqqTAylFGH/C+Nur8TeGixV5v2Sx7ZHzuWaf4dZkYd3lLWG+NS"
    "jj19vvaxW5r+Xf2wCbWOD3uY5s0ysDuCHojhVHisHcXjzgSq9oCXk/kvt6zE2KIVj3zYR1"
    "yJd1KBaI1LhAJOg+jKZ3RI7ntQicrzENj1ZsKohLCiWUVgIPk3s1RVQSQ4u8Lq2VajqT0X"
    "4sJTGPt07ZwcKLS06CiKkPTk3iJA1ecsJDTHMciX5FlKOIcuSlXx0ptcB5CtMeNNTFqpVC"
    "Krhn2nl0ghzUEUkb9mxG1+aTk73SU/cBynbLQyIN9Mw7Z2cFXHNcK3vTP3Iulq4fdyoGhN"
    "3qDUT39KQI8YFrZedeOElQH/iOFkxzurNXNoZE9r+u8TD2aGUrGA/6Mvvr/4yS1n0="
)
