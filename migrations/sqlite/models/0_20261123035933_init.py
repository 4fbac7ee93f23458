from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "region" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(100) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "store" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "code" VARCHAR(32) NOT NULL UNIQUE,
    "name" VARCHAR(100) NOT NULL,
    "address" VARCHAR(255) NOT NULL,
    "is_active" INT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "region_id" INT NOT NULL REFERENCES "region" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "staff" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "username" VARCHAR(64) NOT NULL UNIQUE,
    "display_name" VARCHAR(100) NOT NULL,
    "password_hash" VARCHAR(255) NOT NULL,
    "role" VARCHAR(10) NOT NULL /* HQ: HQ\nREGION: REGION\nSTORE: STORE */,
    "is_active" INT NOT NULL,
    "grants" JSON NOT NULL,
    "withholds" JSON NOT NULL,
    "failed_logins" INT NOT NULL,
    "locked_until" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "region_id" INT REFERENCES "region" ("id") ON DELETE RESTRICT,
    "store_id" INT REFERENCES "store" ("id") ON DELETE RESTRICT
);
CREATE TABLE IF NOT EXISTS "staff_session" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "token_hash" VARCHAR(64) NOT NULL UNIQUE,
    "created_at" TIMESTAMP NOT NULL,
    "expires_at" TIMESTAMP NOT NULL,
    "revoked_at" TIMESTAMP,
    "ip" VARCHAR(64) NOT NULL,
    "staff_id" INT NOT NULL REFERENCES "staff" ("id") ON DELETE CASCADE
) /* An opaque bearer token, stored only as its SHA-256 (tokens are 256-bit random). */;
CREATE TABLE IF NOT EXISTS "tier" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(50) NOT NULL UNIQUE,
    "rank" INT NOT NULL UNIQUE /* Higher is better; ordering key. */,
    "discount_percent" INT NOT NULL /* Share of list price paid, 1-100. */,
    "points_multiplier_pct" INT NOT NULL /* Earn multiplier ×100. */,
    "perks" JSON NOT NULL,
    "created_at" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "tag" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(50) NOT NULL UNIQUE,
    "color" VARCHAR(16) NOT NULL,
    "description" VARCHAR(255) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
);
CREATE TABLE IF NOT EXISTS "member" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "member_no" VARCHAR(20) NOT NULL UNIQUE,
    "name" VARCHAR(100) NOT NULL,
    "phone_encrypted" VARCHAR(255) NOT NULL,
    "phone_index" VARCHAR(64) NOT NULL UNIQUE,
    "phone_suffix" VARCHAR(4) NOT NULL,
    "gender" VARCHAR(10) NOT NULL /* UNKNOWN: UNKNOWN\nMALE: MALE\nFEMALE: FEMALE */,
    "birthday" DATE,
    "anniversary" DATE,
    "email" VARCHAR(254) NOT NULL,
    "channel" VARCHAR(16) NOT NULL /* STORE: STORE\nWEB: WEB\nCALL_CENTER: CALL_CENTER\nIMPORT: IMPORT\nMINI_PROGRAM: MINI_PROGRAM */,
    "marketing_consent" INT NOT NULL,
    "consent_at" TIMESTAMP,
    "attributes" JSON NOT NULL,
    "status" VARCHAR(12) NOT NULL /* ACTIVE: ACTIVE\nDEACTIVATED: DEACTIVATED\nANONYMIZED: ANONYMIZED */,
    "total_spend" BIGINT NOT NULL /* Fen. */,
    "visit_count" INT NOT NULL,
    "first_purchase_at" TIMESTAMP,
    "last_purchase_at" TIMESTAMP,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "home_store_id" INT NOT NULL REFERENCES "store" ("id") ON DELETE RESTRICT,
    "referrer_id" INT REFERENCES "member" ("id") ON DELETE SET NULL,
    "tier_id" INT REFERENCES "tier" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_member_phone_s_377e9b" ON "member" ("phone_suffix");
CREATE INDEX IF NOT EXISTS "idx_member_created_35a4d4" ON "member" ("created_at");
CREATE TABLE IF NOT EXISTS "member_tag" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "member_id" INT NOT NULL REFERENCES "member" ("id") ON DELETE CASCADE,
    "tag_id" INT NOT NULL REFERENCES "tag" ("id") ON DELETE CASCADE,
    CONSTRAINT "uid_member_tag_member__1db5b5" UNIQUE ("member_id", "tag_id")
);
CREATE TABLE IF NOT EXISTS "audit_entry" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "actor_id" INT,
    "actor_name" VARCHAR(64) NOT NULL,
    "role" VARCHAR(10) NOT NULL,
    "region_id" INT,
    "store_id" INT,
    "action" VARCHAR(64) NOT NULL,
    "target_type" VARCHAR(32) NOT NULL,
    "target_id" VARCHAR(64) NOT NULL,
    "before" JSON,
    "after" JSON,
    "ip" VARCHAR(64) NOT NULL,
    "created_at" TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_audit_entry_action_a20b3a" ON "audit_entry" ("action");
CREATE INDEX IF NOT EXISTS "idx_audit_entry_created_817289" ON "audit_entry" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_audit_entry_target__6a1dae" ON "audit_entry" ("target_type", "target_id");
CREATE TABLE IF NOT EXISTS "aerich" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "version" VARCHAR(255) NOT NULL,
    "app" VARCHAR(100) NOT NULL,
    "content" JSON NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        """


MODELS_STATE = (
    "eJztXW1v2zgS/iuCPnUBt0ict67vcICTuo2vid113O1d60KgLdomLFNaiW5q7OW/H6kX64"
    "2SJUdSZJVf4ojkSNQzw+HMcEj9La91FWrWmxFcIB3LHelvGYM1pP9EalqSDAzDL2cFBEw1"
    "u6npt5laxAQzQkvnQLMgLVKhNTORQZz7442msUJ9RhsivPCLNhj9tYEK0ReQLKFJK759p8"
    "UIq/AntLxLY6XMEdTUUFeRyp5tlytka9hlfUze2w3Z06bKTNc2a+w3NrZkqeNda4QJK11A"
    "DE1AILs9MTes+6x37nt6b+T01G/idDFAo8I52Ggk8LpTxS+TFWUwHCsPvbGiyDkAmumYgU"
    "u7atlvv2BdeN0+Pb86f3t2ef6WNrG7uSu5enIe7QPjENrwDMbyk10PCHBa2Bj7oM4on+Ow"
    "3iyBycfVax9BlnY5iqyHY32hXYOfigbxgizp5Vk7Bcc/u6Ob2+7o1Vn7N/ZAnQq/MyYGbk"
    "3brmJQ+9Davzmg9doXA61X4GPrD9XKwT09OcmALm2VCK9dF8Z3ZkKGhwJIHOV3tIagNUwQ"
    "4hBlBG/VJX3j/XOM6NMXVIdY27pDKgX8cf++9zDu3n9ij1tb1l+ajV933GM1bbt0Gyl9dR"
    "nh0+4m0pf++FZil9LX4aBnw6tbZGHaT/Tbjb/KrE9gQ3QF648KUAOj3yv1UHtiU8J8FdBf"
    "rGAKZqtHYKpKqMYXD4vo7Kkx0bh26d5/HEENEHdKiwiBOy0+sHscIf+fPIn3Sn05CAIE5v"
    "Pn4uPeYg8+LmNrDw+TK72tJ0lavGrdXkdLAAYL+5XYs9mTQrLEsb12QpZselm7JsLyEpaX"
    "sLyE5fWilhedrenUyplbkyEOkFSHsixXgnH74iIDxrRVIsZ2XRhjZClUz6MfHEG+1nUNAp"
    "ygfoN0EainlLAsrD39Ud50zQP3eji8Cxmu1/1xBOTP99c9KuE29rQRIjCon4U78eu5E0Gu"
    "O0EtJZeFE6LZb+gcA4MLsHViTloU5DjC76lVixb4I9zaQPdpnwCe8TRXLEx5ZAAneRy02A"
    "SPO5M7LFr0H/rW0FFYIyrpo/4NRTqb8yt8uxTXdw3XU2g+Mzhwb9+kQcJYsvvLxInr/rpy"
    "lub+ek2E+3tMU0Irxf3dWNDM66cFaRrnBl+eZ3AiLs8TfQhWFbZoVWQZGtgqeWGO0jXOYS"
    "vFKTaAZT3qVE0ugbXMA3eMsIFhiFJcZJO6wXyge3izjpmUYRvepa0z1vLtHx3p9o8JHvU+"
    "9IeDjuT8TvDDeDjqdST7Rz5I/jOJf4r0i2jFPuuq5GjFwgTseTG0//0wHPCh9imiEQo0I9"
    "L/JA1Zpbmu8j/nGzxjSErTDdIIwtYb9rx/laXvU5jAEAoxwZPrV/fd/0RF/uZueB2NOrAb"
    "XEfY8YjIcqkzIycHR0JEgimFM2UOkAZVRdMX9NVymPAxuupiPCe1tuZ9aDV9tqIQbTBBWt"
    "5waZS2gIBpPWMQdY+PepikBkhFWDx5UImweLFh8ZoN46KVpp3FkQ/TIImAtIYLDTXDt8h1"
    "hpjoFoBr1oS6I4U1OFyfs3oDLYv28NnJi2A+f3BudYSz68utUniYJS1WBDDds2ahWIGm+9"
    "Yu5C6WdANQ8KUpBCY0JaKvIG5JtlSpkk4tDQlYEiKW9HDbfd2+uJRe2U0siTaX6PXrKSIS"
    "9fNVff3bm2hkqIz7i1WVeq2q2OzKHYEOU4mVlb0rK8IpSoa+uU4R/GkgercDuB6mbCDXj4"
    "TLmSIeJvyhrw4a3GFKEdeqM5eRkWeGdFo3biG8+JnRMXtzxjh8EpFNuT/IkZDbd4Avni3B"
    "r27wZnfGfbkKOeM33Yeb7rtemi9epo85RrajFPMt7fJWmk9JvBYiDe6YxnIrxWF72a1KNX"
    "LSLrLkpFwk56RcxHJSTIBXeZYv3ObFTEFlICvfogUdsxKypCkkBJr/kHRThQxkaQW3sYBP"
    "NasaKrJm+gYTxYDmDGKO0ZwIOY+0Ogvg9CTnarv8sGRxMH1up2VIholmUDIAUlvS6Wt6tx"
    "digKGzOytr+grI0OgUoRizPFxIpK8zK3rAxJLfZWmyOTlRr16QCdBc5Ur+2RGIxJ+Qy1hE"
    "4o8IzyXLfbPCcwedDFLt7p96xnCqXVZzwBqDhczxe/zKVprz43BNIW67Ql2gb+7dnQcu5O"
    "/CJ3rJkzGE+v5F1Hd8T2a+0GGIRsQOOXYp1Wb5IPUJBJ77Y7H+tPHMYGzjNhO3ItHY0FDl"
    "h2MjclsAqq5R0VBI/aFaq/A238rba9+VYtgJO07EtpsY26ag6ZxpJ+30OJegcWvYp5dZNr"
    "NGDdvAZtbL2L75QLdyQBwhaxzQpezhFr5eMvrN8vWeEapTNIR50fX88bpmGYQVxOx4ppzv"
    "q+yL1gmDrlEGnTsasZ5nWgwRNc60a2cx7drJpl07ZtqJw2tLPqeHogQViGfm1mC45ICaQ9"
    "pA1Eux8xzo7PfLj/iOrHHqo/gEXAcxazOfowOQ9unKEuyXwzoL1MlIx4CmUKi80G+286d8"
    "6gr9xM+Dj4Phl0FOd9Ej60juPxN8373rdST2d4Lf95wr51c+SM1n0vI5jqOaIpMsVbDl+5"
    "T8ARCkSfMmM3Cnnkv+PHSZMxg93B1j9AOaFjBzwRch+5URhGvAOxUnWffuCBoYM8qidWmr"
    "FFsivvtySYUNJiC8X/UGyCvE2z+sL0/CaeCgvwn+0rvuSPTPBN907+6Um95g3Bt1pMDFBP"
    "fvPw1H447k/FJN3R/0lU+j4YdR955q7MDVQZq68FjrGpgrqhnwwo5ucNOHUw8Q5NJXeJDg"
    "ruRoTxJ0cTskAhuiFNsd67zdERD6rtMN4X0RLTlJOUxVj0xl9tjGZCrTKYpsEj6ks38m86"
    "krnMi6N+P+n7lnMoeqIzm/E/yuZ/9Hh8a7jhS4mODuYDj4733/K6vw/z9otsryYanT5A9L"
    "ncY+LEV0AjTFMqjzxpmn0CI5qypMWNsDJeX3EOfbQfF7u312dtU+Obt8e3F+dXXx9mQXdY"
    "5XpYWfr/sf2OQU4kV8tvqBLEQUe9dQjgB/hKq28L9YmuAcmRZRjI1JjWMLHmALcG8gTII6"
    "mwQaeB7LefSC43Xm+HElW1QaKW5WrkWQ6RtDPZDpYUqRYVMXrnPGeuwLV0t9DZUDDpyN0Y"
    "ldABxzyYRzaJp5d6tEqMR5vpztKigvqAEKAeje/Sr+8I5DXNphvnXTBln3V8R0YYaDkr0x"
    "XgC8TdthHIU3og5D4NI+SIPPd3dyTDsUAKx30FIzYQ0oxGccQc32FomsW37WbXy8A02cJl"
    "BdZnJ3oyLSw8Tcypzs5EBtKy1DGbB2Ctw1LDNN+Rt9rElrHbbbvbAv6TD9niuFOS3G3LAs"
    "5koCy8m5zlQU9JymaJBE2KJx497BJ29+c5iqcRkyxWeAJn8WM8EtrfxTmJV95rXovELxWa"
    "QS1IL4LFIZmjbn5lWfonmJ38Wr2Ig1lxXkCFkD946cZUm5OEtOuTiLp1zsLOX8QHMVxPHP"
    "a8XL8xTOuSHB5Mwwn+JZWWE108NVp3+BOeFFtFIS8jwCgfrhqItPP5SiRER2QcPWmQs4ya"
    "HUMCA00Wwp80KATk0rNfzntxEHFFQ2EEo+oIBtQMvp+ARIGmiPl7KXmw2qHAi7zRuIbinn"
    "E9AnEu4+qGSrMEBS/R6NIzcMX3Qye/o/rO6Q5Q=="
)
