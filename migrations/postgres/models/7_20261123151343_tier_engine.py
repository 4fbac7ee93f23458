from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "tier_change" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "member_id" INT NOT NULL,
    "from_tier_id" INT,
    "to_tier_id" INT,
    "from_name" VARCHAR(50) NOT NULL,
    "to_name" VARCHAR(50) NOT NULL,
    "cause" VARCHAR(10) NOT NULL,
    "detail" VARCHAR(255) NOT NULL,
    "staff_id" INT,
    "operation_id" BIGINT,
    "gift" JSONB NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL
);
CREATE INDEX IF NOT EXISTS "idx_tier_change_member__6bb587" ON "tier_change" ("member_id");
COMMENT ON COLUMN "tier_change"."from_name" IS 'Names as they were, for history.';
COMMENT ON COLUMN "tier_change"."cause" IS 'UPGRADE: UPGRADE\nDOWNGRADE: DOWNGRADE\nMANUAL: MANUAL\nPAID: PAID\nEXPIRY: EXPIRY';
COMMENT ON COLUMN "tier_change"."staff_id" IS 'Who changed it by hand; null for the programme.';
COMMENT ON COLUMN "tier_change"."operation_id" IS 'The consume or purchase behind it.';
        CREATE TABLE IF NOT EXISTS "tier_status" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "member_id" INT NOT NULL UNIQUE,
    "since" TIMESTAMPTZ NOT NULL,
    "review_at" TIMESTAMPTZ,
    "floor_tier_id" INT,
    "floor_until" TIMESTAMPTZ,
    "floor_reason" VARCHAR(255) NOT NULL,
    "paid_tier_id" INT,
    "paid_until" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_tier_status_review__239e0c" ON "tier_status" ("review_at");
CREATE INDEX IF NOT EXISTS "idx_tier_status_floor_u_dceaff" ON "tier_status" ("floor_until");
CREATE INDEX IF NOT EXISTS "idx_tier_status_paid_un_eae796" ON "tier_status" ("paid_until");
COMMENT ON COLUMN "tier_status"."since" IS 'When the member entered the current tier.';
COMMENT ON COLUMN "tier_status"."review_at" IS 'End of the retention period.';
COMMENT ON COLUMN "tier_status"."floor_tier_id" IS 'HQ''s manual tier, held at least until floor_until.';
COMMENT ON COLUMN "tier_status"."floor_until" IS 'Null: the floor never expires.';
        ALTER TABLE "tier" ADD "retain_match" VARCHAR(3) NOT NULL DEFAULT 'ANY';
        ALTER TABLE "tier" ADD "downgrade" VARCHAR(10) NOT NULL DEFAULT 'ONE_LEVEL';
        ALTER TABLE "tier" ADD "retain_points" BIGINT;
        ALTER TABLE "tier" ADD "upgrade_match" VARCHAR(3) NOT NULL DEFAULT 'ANY';
        ALTER TABLE "tier" ADD "window" VARCHAR(8) NOT NULL DEFAULT 'ROLLING';
        ALTER TABLE "tier" ADD "paid_days" INT;
        ALTER TABLE "tier" ADD "gift_points" INT NOT NULL DEFAULT 0;
        ALTER TABLE "tier" ADD "upgrade_points" BIGINT;
        ALTER TABLE "tier" ADD "price" BIGINT;
        ALTER TABLE "tier" ADD "retain_visits" INT;
        ALTER TABLE "tier" ADD "upgrade_spend" BIGINT;
        ALTER TABLE "tier" ADD "upgrade_visits" INT;
        ALTER TABLE "tier" ADD "gift_coupon_template_ids" JSONB NOT NULL DEFAULT '[]';
        ALTER TABLE "tier" ADD "retain_spend" BIGINT;
        ALTER TABLE "tier" ADD "window_days" INT NOT NULL DEFAULT 365;
        COMMENT ON COLUMN tier."retain_match" IS 'ANY: ANY\nALL: ALL';
COMMENT ON COLUMN tier."downgrade" IS 'ONE_LEVEL: ONE_LEVEL\nQUALIFIED: QUALIFIED';
COMMENT ON COLUMN tier."upgrade_match" IS 'ANY: ANY\nALL: ALL';
COMMENT ON COLUMN tier."window" IS 'ROLLING: ROLLING\nMONTH: MONTH\nQUARTER: QUARTER\nYEAR: YEAR';
COMMENT ON COLUMN tier."paid_days" IS 'How long a bought tier lasts.';
COMMENT ON COLUMN tier."gift_points" IS 'Points granted with each upgrade to this tier.';
COMMENT ON COLUMN tier."upgrade_points" IS 'Points earned in the window.';
COMMENT ON COLUMN tier."price" IS 'Fen; null when the tier can''t be bought.';
COMMENT ON COLUMN tier."upgrade_spend" IS 'Fen spent in the window to be upgraded.';
COMMENT ON COLUMN tier."retain_spend" IS 'Fen spent in the period to keep the tier.';
COMMENT ON COLUMN tier."window_days" IS 'Length of a ROLLING window.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        ALTER TABLE "tier" DROP COLUMN "retain_match";
        ALTER TABLE "tier" DROP COLUMN "downgrade";
        ALTER TABLE "tier" DROP COLUMN "retain_points";
        ALTER TABLE "tier" DROP COLUMN "upgrade_match";
        ALTER TABLE "tier" DROP COLUMN "window";
        ALTER TABLE "tier" DROP COLUMN "paid_days";
        ALTER TABLE "tier" DROP COLUMN "gift_points";
        ALTER TABLE "tier" DROP COLUMN "upgrade_points";
        ALTER TABLE "tier" DROP COLUMN "price";
        ALTER TABLE "tier" DROP COLUMN "retain_visits";
        ALTER TABLE "tier" DROP COLUMN "upgrade_spend";
        ALTER TABLE "tier" DROP COLUMN "upgrade_visits";
        ALTER TABLE "tier" DROP COLUMN "gift_coupon_template_ids";
        ALTER TABLE "tier" DROP COLUMN "retain_spend";
        ALTER TABLE "tier" DROP COLUMN "window_days";
        DROP TABLE IF EXISTS "tier_change";
        DROP TABLE IF EXISTS "tier_status";"""


MODELS_STATE = (
    "eJztXWlz4kjS/isVfJnuCKbDpo/pZXY3AtuyzQ4GD+DuOZjQCFSA1qLESMJuYt/5729V6T"
    "5RyQIKufzB6EodmXVkPnnU/xorQ4W69W4IF5qBGm3wvwZSVhBvxM40QUNZr4Pj5ICtTHV6"
    "qRlcM7VsU5nZ+Ohc0S2ID6nQmpna2nbujza6Tg4aM3yhhhbBoQ3S/tpA2TYW0F5CE5/4/Q"
    "98WEMq/AYtb3f9KM81qKuRV9VU8mx6XLa3a3qsi+xreiF52lSeGfpmhYKL11t7aSD/ag3Z"
    "5OgCImgqNiS3t80NeX3ydu53el/kvGlwifOKIRoVzpWNboc+dyoHxxqy3B+M5ZE0luUGA4"
    "NmBiLMxa9q0a9fkFf4vnX+4YcPn99/+vAZX0Jf0z/yw9/OowPGOISUPf1x4296XrEV5wrK"
    "44CpMyznJFsvl4qZzlfv+hhn8SvHOevxkV/WrpRvsg7Rwl7i3fetHD5+6QwvbzvDN+9bb8"
    "kDDdz4nT7Rd8+06CnC6oC19JeBtd711bDWOxDwNuiqB2fu+dlZAe7iqzLZS89F+TszIeGH"
    "rNhJLl/hM7a2ghmNOEIZ47fqkr7zNk6R+/gD1QHSt26XymH+uHsnjcadu3vyuJVl/aVT/n"
    "XGEjnToke3saNvPsXk5N8EfO2ObwHZBb8N+hJlr2HZC5M+Mbhu/FuDvJOysQ0ZGc+yooZ6"
    "v3fU49rfZEqYP4bGL3JgqswenxVTlSNnguZh2QZ5aqJpXLh01z8Noa7Y7pQWawTutDgi9z"
    "hB+f/ttXjvaNAOwgxS5vOX8se9xQ7+uILlnj2kXRktI6ulJU+tWqv4EQUpC/pJ5NnkSZG2"
    "lKJ7+Y0sW/Wy/EuE5iU0L6F5Cc3rqJoXnq3x1Joyt2azOERyOC43GgfhcevjxwI8xldl8p"
    "iei/JYs2Q8zmtPKQ35wjB0qKCM4TdMF2P1FBPui9fe+LG/6TqNuReDQS+iuF50xzEmP9xd"
    "SLiFU97jizQbhsdnYU68PnMiLHUH1JKZNJwIzW5F5xQEXIGukzDS4kxOcvgaa7XaAv0Et5"
    "TRXfxOCpqljVwJmPLEGJxlceDDpvLsq9zRpoU38FdDZ8Aa4pY+7F5iThczfoVtl2P6ruBq"
    "Cs0XggN39CY1aowRFs0hVEkrexmPrkN3qUk72i9GQPpcKkbgdsY8jMC7RGAEpzRvNnMwgo"
    "0FTVZjNkxTO6zg04cCltanD5mGFjkVVftVzVrrylZmZXOcrnZW7V6Qg7ViWc8GHiaXirVk"
    "YXeCsIZYzV5wBNPQM9q1hDarhN4dNXRcWp553bj9uQ1uf56goXTTHfTbwPmdoNF4MJTagP"
    "40SrX/Qs0/p/ULSGeXdrVnSGdhKuR5CW7/ZzTop7M6oIjDONrMBv8HdM3am33f+Od8g2aE"
    "k2C60XRbQ9Y78rx/72u8zxEC4VBECF67fnPX+SXe5C97g4s4NENucBETx7NmL5cGUXIYJB"
    "IhEkKpXChzRdOhKuvGAn8agwqfoDscEHbGtTYfsFY3Zo+YRRtkazorphynrQBV5tPA5h1E"
    "9niSiyIL30F2pxK+g2p9B5x146oHTRrqwsbTMIlgKYfeGM74W6UzJtF0K+Br0ajDE2VruL"
    "u+xMUFLQu/4YsjPJX5fOTc6gRnVyZXjmys8deljKx78uicNrPgE0wFD8owSyL3qi3HDF3H"
    "etNm/VJm0fs8rOvEp707C72hK8tnGBradrgOZSt06S4XYqODgLFWMPPBFComNIFtPELUBH"
    "RwV4GBFX6gWECzLTC67Xzf+vgJvKGXWABfDvD+91PNBqaCVGP19l0coN3H/YVzky/nJhUX"
    "syMoSiUcnDsdnAKbyGZ9fbEJ+G2t4buVkHqUsoZSPxEpFwIeTfhkPJbq3FFKAS/zLGVtzT"
    "JDOlfXLh6l+pnRUXsZocaARER+78YaM+KQS0BixYKReWNvcUwsaFcRTOyyM7rsXEl5kNg+"
    "bcyxRg2lhG1JjzfzbErbu2KnKTleQmBudAicbmaBmWKaWzD6uQdceVjgzZ+BdP58CywDYB"
    "MOrLSFSUEFTIIAHlDJ0RU2FclvwqTc03MmiHyqhTcVG8BvmmWDN/iemg3JldgcBbghgf5D"
    "r+c+2DFeSVwDPuc+S1ioPFqox80j5cgq/VgkFu5jdizcx0QsnKmglNSCbLepe3k1c+4+ON"
    "u41Ra4zwLNAlNo29D8ERimCgmTwSPcJhCuw3hTVc2aGRtky2tozlwMuiDL00gPp/KcnzFG"
    "+TRGSwL8GXMaDgbWpjaDYK1oahOcf4/vdiQBrA1yZ3mFP0Fb63iikNczFilk0vMsCkkxEQ"
    "heGUw2Z2fqD0cUAjQfmYIOfQIRcBixkauJAkUqtnNTp9XdIekB9QEN3OGg1+v2b5ISCJ+I"
    "dgH3TBu4GxN0N+iPb9uA/kzQzw+d4VgatoG7MUG/Sh28S/4X7CSRGfpzgQn6c+b8/Dk+PT"
    "tsllVlyxITGqM63BD1/tPHuGzcQ1Gp9Ci7yCSheIIBzksfaWTarLFloUJ5pdizDDfI7j6R"
    "uMkBu0an/2uyW3gHYy7D/q9tgP9NUKfXw1u9XpmG/r5IsZjsWjHxhu7xzlpDlBYZoS0yW3"
    "uClOPYs8Y1RIC8qA00RG1ap9kTG3YKgfspKlsv+Eer9f79D62z958+f/zwww8fP5/53SF5"
    "Kq9fXHRvSNeIyCy7rzxplpYWmLFTUAEhx5I6WuClxyVH4yzXFQJajjncuKdvCSDWUqEa7Q"
    "9cdwAT2vgNXjZXxO8hporCU4XLuhIzRZyS586RmCiwLaQZKpkoHiFc00ME8DyFnsI8UyTo"
    "OJbU0SYKl0ll5okEaY34e+AmjicrRCfdsjNB5AYHnAYGfUnuSV+kXnIyiJ6Kjkv+uTbwN6"
    "kZ3eted6Urakg7m2WmiuqTvRfa3Mbc3qwJW+FqrWM+yhpb7mvePbhGpn7/44QAKcrlrNEs"
    "cyiLUR0x+/UsU8Ol2exYxaW+RqjMlp6h57guNavETF4dKEsQerbpwyfheNogCtSPlA48Ly"
    "Hy9SXiOv7OJsb21NgsljbX+hPxm7CCfxEangV0azwD3UALoLiicOSjK5ZtHakviBjdbFbX"
    "K0Y3EStVJNXtsOUKOVOvj5JbQ+KbsBqNaD9PjX5yzzZ3xUDJs+BCbgrz5U2yNQsOOsjMmR"
    "1C5HRdtiDTCM2+FMvTi9MKZRyaxkqmnYuJr3EyjpWUo7EWT1fsjI0SCbZmtFjWcMIIEb/x"
    "/I0+fkWLZGPiqWkLnqGJ7zc3TIANTNswC4e+7TnikChijAIIkfDLfm5COmfKxiqNRvrEXN"
    "eafLi/GXaupDZwNyboavC17x7zNyfortN/6PTawPmdoPtO96oNyP8Jkn657w5/bQPnlw+w"
    "UiW4fEqNspzytz5F7XrGXsqwHiPX6EB4ytelARwjRwWaDaZbgHdUFwMj8wD1IprGwlRWK3"
    "gkhMVYQyeFI1UGefZQnJJnUZAUF8LIzQoCzPj1xsSCsUgNhSV+EpYO16gjgdRZ3SP8uELI"
    "Y2sTpCsAyey+8WoByX0DbiNbsTcO91IAN/dscyfgZgUXcgO4vRa0bW+peJzgaDXgcUgn1V"
    "CaBzZ/fPeJTmdoxxqq64h1WgSAyIakihQ5NNuYJol2Y/CEn8iI77FuVwERDT6Xqx8SEB6k"
    "fEgVSZoS1oKNORW8CW0sd6LCORGOr1D4c90wzDJAepyOZ5vo9ufvLID1jo2i007eBEv8TU"
    "CxgQ4Vywa0xDpwPoluH8lCDb0Ba1+MkZ5Mb+xjkjbtjPQLAIJPZHR2ClC92v6I7QsrrT5z"
    "jqMgRicguSKQHA1YYh/84mQcj31H0ywpj0oNZVHKUxnJqsBxTmK04gQtcGKZxsqikQIWBC"
    "ebeViBax3a7nWVQgW/u3d3Hrho/CGwgyNiBwLMzGZ9vcDM5BrPR0eMji3gquODlAVjbJBP"
    "IPi5u15iMG1E2ctcMLF2i5M3YxUTI101vWRirN1WwFVXqagpS4OuylUJynQtb6d+txfFTu"
    "hxohxjHcsxYqYZKdNONm99gtphTeefikTXxRXbUHTdp2R0XfBaDCyOkdWO0XsB9YStl839"
    "etl6L8ikk3UNpRWEZE+nq5dCuNeUOtciyQTsiqB1QqGrlULn9kZksEyLEaLaqXatIqpdK1"
    "u1ayVUu+Nqzcee82KJE8UyJ/JSJxL8XWMuQRmimbldE74wsDqFtIZc34/zlrKOfh87x32y"
    "2g0f1S+S43DM2sznWglOB3T7atjH43URVmdzOsFozAo1Dfotlj8XUB/QTnzo/9QffO0zmo"
    "seWRu4GyRfrieRbLmeNEHXkrPn/DZKDfNV58dNNdNeqso23aZM7wBhmjxrsoB0OIsWyeEu"
    "MQZjvFMQ0p6gaSkmE/tiZK+Zg3DFmJzpE9QQMyoy6uKrcnSJ5AqpS9zYYAaHC6QuB+QH5P"
    "doPBhKrCMvJWoD+jNBX6WLNsD/Juiy0+vJl1KfrkgQ2pmg7t39YDhuA+cXj9Tdfle+Hw5u"
    "hp07PGKH9kqN1JVjrSvFfMQjA1pQdCN1xZsLw9ChgjKsyzT6mFin+Ab7kqt/5LCjzsVg0I"
    "tgfRfdWLpm/+HuQsLCoLLAF2mOczCllpnDtzIIbIRSLEnKW/BfZFa38bdONzZkKmgapRJ5"
    "uxFpV5G3G+Q+lpnJAupDloW/HHe/MM9kDlUbOL8TdCXRLdw1rtogtDNBnf6g/+td9zdyIt"
    "guNVu1isxWrezZqpWsSWMrepmK8jHCI1af3V0NleuaA7TUu0wXumMA+GNU3LL/aGGCc820"
    "bNmrP1FCF0i9gVAJeFYJSAHdl4g8jV5InGeJn1awxUGR4nrFWkTXiVJLCj1KKSJseJF6Sl"
    "933z6Q+tJYQZmUc4Rs4f8JOpEFkLqkzhyaJmu2SoxKJKKmpKuw17IVmb0M+SpB906ymDm7"
    "YuTd58RGg6L5FYmxMJJmMcRD9LB7OW6kjgwVsLduCwDE2RsbDiPMxe8A+g+9XiMxOlTA2L"
    "FWZ7aGBsSM9lok8JbkFomo2/So22R/V3Sx2Ec2j2aYCS/kzyW+rq5NaA6hSrrjyzh0HbpL"
    "Lblk6Dq2gDbrF7aka3qfh3Wd+LTPNIDORtVsCdnmtpGSChA628xLB1DIdTL0L9xnTsDv+L"
    "EmPutInr4F3cVz4h9M+QJi1Z1qvTjZiQW4KRiMdl+YRBh+SUva4Q9rMkGUqnbhaNWHW5uG"
    "zsRg7/rasbb6IF4TLrLq/+dAbCEaMSyk1BBmh4RfjAbXnKXKjDVTPKCoX5ZF9UNsTJsryu"
    "QYWQ0Ttd4XiW96nx3f9D4Z3+RryuyMTh0gTn9eq749T+E8FX/PDsMMKF4UgsnZOHzoWEtl"
    "bqfBxznRrx6B4Hp5rmtrlrHEuVoMIjsHERHKU7OgDs7X+6EAfAoA6AHz2dDfzLtC1AE5WB"
    "fYd4Fe0pzYqoCESGqXxF+9Hv5q00J6g9G4Dcj/CboeDn6T+m3g/JKkx/6l1OuRvBB/s1FC"
    "XNUjVWuFLEnEuixBiGZPsEoVa37QJSpx5wXPS4OsTKnopM0BBVibqaWpmmJuAc1rKboASP"
    "WxeGtdmWGFZrplxQrjhByjW4Ec7KViA+/d8Z5mAQNB8Gay+fz508fJ5uP7T+dvjySLtYbk"
    "pWItWWaGME2p8YozA+sQxXQwy+aKpm/MtHTO7CEnRibSoOLtV7OsDR4QSoDkKZQcjybHZj"
    "C71RohFKkIvFutIgGlzlIvkoBCDT7yCWzjaJxMpJ+kjKJiqZSquJqTKiGW9igacZ69tEd6"
    "joTfxytgLsEfx+6tasre+JD4gqh++ATJwxNsZw3Flp7gSQ4ZR4mgDRiWgZ/73MwH0WXoX7"
    "cLSm98XRpA1Qhoo9jANoBCsYMm3ocmpD8IKIic3yagAmbiiuF5EXZLzh0o7DYzcmk3zLz/"
    "KKZKgLPuaPQgtQH9maChROriyQ7OHNrx4GWyM/IAZrpDgGhJ+o1UOKW/E/TQ9454W/S+vc"
    "6lRO9JNrz7ebeaoPtuH9/v8ieCXwfbznE8iktj5zDdLAVrV17taG4aKznPFZHeR2NktXPm"
    "V+8/wFYUO5sjRILJO5nMvky3WKCbDZbGzXE+Z40tDkgEXirCtQ/A0tOKnBJwZDUgNDWg2J"
    "FIAZcVhcu8MK8K8JwTZC4TlsPfmq0+ipaBUHgI2w6AwsP0RKjfSfXqZg5EMMOiZtGZvetF"
    "kF9MX04G+YmFvva4QO6jllaiuRiw5dEe0Oq7l4ajQb/TY7T+fLo28LYmqNftU5DJ+Z2gm+"
    "Hg4b4N6M8EjR4uRt2rbmf4axsE2xP0pYuvwf/4gJ6oEWPJT4q+SekjuStCxEkPuBiENzqd"
    "7FoQUDGRJa8NLd1LlMf2OKlge3G2L7Qn3GJVzcqoa57L+CQx16xvfF1SzQ7gf4DUKgPeqw"
    "OsXeoaLBpHfBjRmPCvjUbGk7WWgh3mCiZOKlalYeC7qmj6Vta1lZbWH3I8hDFCjhEwstaC"
    "EzpPHgvWuCvQAG+yoSrbH+ktwb8AMhDkek0GFaob6guUDfMFSyKm3OaQGtiw27/s3nd68n"
    "V3OBozK2JRcqyPRQ9M0MWg/zDyzoZ2Juh+OJCHnXGHEDlbpZSwytfm0iyZ+HifWDWwCB3X"
    "kxFng56AprPber2gaYasXlFH81iVD2eORp1W9nDmK9vZkKgO1QU08VAYXMsNLipirKpVhr"
    "IB1EeYsoxuNsjnXs4vfEoR3rbxjN+kCeC7xTtw2RleyVShaZMRqv2hVVRb3XeNjEzsusAi"
    "sZXi2HsyICjnfUWzDaL7JATNl0xIShN0JxGFRL4f4OaLT0V2J4iuNiuPOz91+zcjd/FZb9"
    "dXYx/6V3jfV2SdXazK0nvINNiOxLmFd8s0ilYRYLiVDQy3EsAwlkmKdlWsUXi0XDeKa5oz"
    "TxLmPfk6v2XY/7kA9z9nMv9zokMe3Al/kBz5V5YHVG+eioirylnq1oxg00JDRBzztDHcII"
    "R56dXFcEG7uWECFZraE1SBq/8zlsc4MIQnkIdsgQjkgQhZ1V6aODY2FWTNa5UJGYPBp4JH"
    "B8ZoBmvCIudNEyhNcLJZAKcxIlcLpOb1ITUnFTJURleRiF12Q5PUnK0Juhz0Rw93+JC7QT"
    "LZiDVPriG/Lojgp7eF99xzl53RrTx4GLsnvV0fDOhc/eeBesTCu/7ZoXQlSXf+WWfXPyv9"
    "ct8dSv5ZZ5cT75gKV2vDhmi2lRlBvhRSfgG/0glcxTK48lK4EuDNHD8fmmtTS4uSyclIjJ"
    "Jx3UlvFWsJjDkNjyERJNCymyQJW4U2nNkANxd8eGMVjgjYM8YqIIg9ZCgJmKxSfvIJ6Zw2"
    "R0WmZ8UspTFPsgnnLBNbhKh2Scp7WK0LPkHTglZq082ztGKE/A4JtE6sb8oCBSsL8w1Sgf"
    "cBXKOQyioj/jlHMgENt+VMG7dQUXUNQeC8LNAQVe98MX1nAeJa5Fo2JrTItyZkk718SkDx"
    "ovVTyo1Q/8StngaTgulG020NWe/IY/+9r5Erh797WVbltAB7sf7HYfF624WRBRp9UDTa51"
    "cKGB3m5U4s2g5fLKDoVwdFn4oiVBNBvKKQQQ/5D4cNJo8RL4B7zA0fjO77foNI9GH8UHCV"
    "F4MY3vU8DdE3iR7xr/HfItgLfASdYT/wEOAd/8zoXuoHUYh0L0IlD6Uv0nBE06dTjkbvk7"
    "w4enh//g7Xz3I3+OI5YMgmOep4WqIhoPFjE3Q9GF5L3bHHxMhuGRS5VcQub2Xb5a0TX81O"
    "hJ+UV2djUle19GWT8ia6CJmY616Qtjktwf0wlWB+aeb72A+zAOKUQghMQsgpYRaJAIoKhL"
    "mOWST26MSEUbSYWbwlFij9T0ePCtgbSsCrKXPD42yRNRXopCg4W6QGX1h/YF5MYZ/40T2t"
    "ntMzUnNOg5PNPATJqcAj64bIOH2l4BG3qwOdcsTD69DXYt5jutQoKexFFxqFAA8qXPsoBW"
    "x6NOfwCr8BeS8m3kfIBPtLsx9+W9NCY+zwWZTyZJzBjWvFBPONvTEhzbXDA5PljFaIxLkA"
    "57NeXkiOJ0TNY+QuSE0Aqa8CSGWIC9inyXJpbNbp2VfumVxjZRZcIwyVV2eoiNrie6stLm"
    "zA/US9Z67RtTs84CiLdYUq77AumXflrpl3NUEPI7JH/k+Q45LGu+7GBH0ZdPEu+V/GmVxx"
    "iZknRdfw9GcaK1YFKEpZQwXoRBSeQnquIyzbKCdkh06ImGsRa5a1KWXJRAhrKOSaGTKR4m"
    "xWKYmHyCqQN2eJZici3kJ9mgqqPJSeSl6jZMIDw4Y2XK11zCM2MyFGVSfYdl9r43ksS3KZ"
    "fX08ipiMQzc8MVYX9dLHmhlXfvqYEDLBr7CYdoFgcriR8IOGvRYobG8L6IlV3sQqby+p8E"
    "zC+a+vvcD+6+sJupeGl1J/7BwO7UzQTfd63AbkfxkkpvpV3LKWb8tR8bKWbeNKrwiJZQ4R"
    "MObzH0FEKlhFnUFkkzPgzfn3//jH2x+BI5wzrgMo7CVW9peGzqiXR8j4TcO/05C22qwArZ"
    "oB3ihzmyxDFl6C7G2TCJRrEXEEcHJmRNXJUOYE3xQS3rOEVWWb4lDKmx1DRBwjH40v5E1B"
    "nyxkZwEy5gAKyzaBhiUKFZWUuJtr+IGANEfGsjSVVwZLkUF2XZMIER+lTcjzalPa5K+Ngm"
    "zNTqmomdkvwiQ894qxYSu6E6i2UrZgCp1eofprPW4QXbkSqkfqEK7vJGMd2mwwIEbGrQ54"
    "tNgBbBHIboBFxqKmmcxNIz0cg89PhMHYyp890g9Nmi75y4WH6MQSvQyrVYrlQcXyoLxYBj"
    "XziZcq+uX4EV66QKgfkXtiLeAoBb8kxUTDjZ7qAvLPNfOcPyS7Sja9y3a5fRpOEihdInyL"
    "dV6wVrCVhbVJBVCrBLyheqSz/S+aszU1FYSNLIfdb5tY55yTkxT2WuFD2lrHm0kDbI+Pmq"
    "AJGiAIyGfT+zs3IcREMcbdBxgodrsmgAjfbYYNxumWPo14XKaKBdv4jZxGOEF/erbZn0DR"
    "yT10iD9BQVssOKJAEauz/9DrAdN4tkgZzjdkD1+BH69iG0rDhhUghpVhL/EBRYcz28JfYh"
    "kTRJ7pPAfQJo5Vd2CQZJPLQacnjS6lN97Dm+DsLXD2ADYT8ecppk0+7fwtZfNuF93/GtEG"
    "CL+t8YBiaaR740MN/5ET3xqdNMhjG+RqP9pCU7/JfgOTrZmxps3M6/IP/e7PD3TIgt9wuy"
    "OHHI+q8A4eyjvIQ2nyGjA4ZGc56e/EZiKjFouZlaQUVlaCvaaxMmjwVTCgy+sZkzmbc4sD"
    "MvyM1Xs02ZydqT9guh8Bns7xW1t4grOfIUTedHQ0GDNgKZ1qyiSCZtxC+BB49iEEQoNIfZ"
    "nUQzcQMudZ5pu1WhIEiFIKEIBjsfuGKwcZvvemsTCV1Qja2DxaOCyMlyaKXdLMLVDkXCxb"
    "4at3Gr7UXjSe24Gh+f2zpkLg3QW8cTEu8KwR281pWxYx5uaaiS1K0jbeJq3cCu8rIi/5sq"
    "1IcFuZijBRuoOqpPSPUS/tKeYC4oZoYV7r/hIjymwG1/j9+A9oitldsjGf485X3nAL3YBn"
    "c8KF154NEw8r5+/OzsDzEhKUbUuWE6eDjfNhx7IpHK7SSipbeWUge8kSqZJFfjiRtD4wSu"
    "SOviTAvUfTvapXzme49WR+BGfgX06FmSMJRSh/Qvk7qPI3hLMlmV+ynByR87lqn+leyeLs"
    "ULYENdehgqe3P1cacqflP5sAq1jgz6mBNpZ3DOCGYDhaHDkMppvZI77oDT1C5kfqbXCRmx"
    "RFcN8PE9ohX9qhyMvZY15O0H0YVe8IHc8pIJyn9oZHKzYRxCmFEEoLgQfn3p4CWYmiRaZL"
    "e6lZjvveD2El6vHWOXa0qO6SThDh+uBUJU7C4CUdHsLNcSLyFcGlIriUl351otAC55Vjry"
    "FUyZ0aKbCCf66ZWzhDwbrSPHypKJtxYI16b+Z57Ss7XEvS1UXn8qc28LbIcpl3970OZg5Z"
    "KtPdnKDRw80N7ufdQb8Ngu0Juh92uiOyViT9Lahq77niw2ypIAT1spILkXMtvPtbPBxjzp"
    "OfCfpK1kbFMnN+J6jbl0fjAVnG09vCQrwbYendjSZoML6Vhm1Af0oJrQhac56N1pwn0Bpr"
    "M/0vTIvhy0bDQiQ8C6okIHZ+VozHeUxOcBk/0YZpaMwYfsta6TIgOWDN4MYRzBPpl3FEY0"
    "rkEftaU2/Qv/EujycXn3y55sG91GdkP6XBwwn+T0ee++HgZiiNRnTw8XbIOsqjQe8Lqdvs"
    "beHppjeghZ2dX04mkJMyQw6qcdXLChFu7TpLPcutndbVp1s2jDxBVycXRWUgOLcrQJw0V+"
    "vr0jkoSxMQVLzdJvnLXCn3zr/RibXZrEzmZqxCbqS3FlgimDbEChg78u5zWu22KFvD/bXY"
    "wsvubFQJa5X5vMZNNjF1M5d1DnkAnyB5eoLpLNUOPJxZeoInOb0dpehBlGk56L3P1YIQvg"
    "x9AgHkn9J03swB8kntP/llUEzsFqXwmAPFxfRJDAwN5DfW+IUKl3HbM6qCjbCXiSByA54R"
    "37rBYcZqxQwa+yQCNGYGjU8LfxRQVDUApK+BMKkAMSoBmKTHYs7nrIBJQCJ4uhsxCUfAvN"
    "D+DMfdnBiTi5qgsU4bMUAvO6PLzpUUh01cm1zY9jtwk6DbcrVa07Wh68bzw7qRZqp655q7"
    "rVR6qbxZ791A/Z1EsZKloJwi4giresHTZXz7P4QJe0gT9kmztHI6YZTydHTCxtelW9aKhK"
    "Dgdg5sw3gEa12ZFU3qOBHtsFAwuohqO8GoNmNjY1M4I8dzt9BC5FwLbSh1Lm8dIINuTFB/"
    "IHf6o69EHP7mBF12ej0SZSoPpZ8fcI+gSEfi2ARdSZe9bp+c9bZeLtxWEeG2soXbSggXGX"
    "h2ZEFFfAKBiTBjIkkFJHUazGB8GnHeTMgPmOtMggZw3h5s1kBZYCG8fAIkk1qymH6g8bHl"
    "OwV0XOc7NcZYnXB81t9ZTpVnE5JV8vQt2SCLsqkuq7/frF/OZJEbJUDBF4GCIoKqIQBBbn"
    "kqQqiOEkIlsMCTxgL/Y0wbKTAgOdzMQwD/616wX9iPuNhpqzE3iKgMbDhfXlWXmkF9Bynk"
    "kpOcClOC/bKT5dzLq7E898H+RleFqzW2kNFsC/DbkmVSCPiHW32pAJZWofy5Vk7+XCuZP2"
    "crVoqLK5vr3vV8ozdwoVk2NLHpQ94XkI9tAvhu8c6r/umUniwlhk8fCkjh04dMIZBTsaKg"
    "ylY3lJSxJ3u11BAJH2ulksfWZq1Uf8Yom+J4YICz8fOD9OAGVzF0E4eqDZzfCRo+9Pvd/k"
    "0buBskSf7yUpKuyEX+5gRdd7o9csj55QOXVmwbD7ZpkcuZs3eYhNulVRu3xjNYkbW2CJRh"
    "AYXUNn6EJpjpCj6gAs0+Uj0wV5tK8DsfugmoTge2cSBLzVldGH8AIOjrK3TY6Yply9A0jR"
    "QrONtHEKUSjgJmR4FuzB4zUmGy9bQIEb9Mp/C1O6LhnoVIlXbc0d4YprOet6nQjkfaULK6"
    "8HG0NZez7ENfhFDUyeN5pBOuiezuVV/XxFxDmrUsJfYYqejdvPXuBLB/HKT0CuoaqeTbSI"
    "FL/XPNPMxUDV+1X+A06nbbmFgOtOWGxjiBpQos9SBY6oOzRrTX+gmeWi4LsFBZ/vOcuvzn"
    "KYX5efVpn168cAgVDQacMjBciJxrrHo87PRHnUtSfLLTa4PILokvvLvvdG/6JKrQ2SrV6I"
    "sYQefZRtB5wgiyjI05Y1rpI6Dg2Br9SmxOxXqkMVMmtjxdrwEybG0G25eD/ujhTuLEEM2N"
    "n86wTo4RM80shd7gpgmku0631yRh0ABL4qt0cTsY/PQjIIjtlgrHXxXIQNBzrTmDarmJoX"
    "JImqDLeqYjIcO9FqLhV0LF54S9e85MZZWC+ec5zjwK4TfLRyrL+M1OpOTtgdr7Xhz2U0NN"
    "Ue2z4Xfv+hpw99DA+wmWur2X+lfd/g3rjOuStYG7MUEjidRLJ//x9k/d+3vqA3Y2qvAAfy"
    "7QMz5n9ovP8V5hQsVKy6DIHngCihr0jPjKc8WWnstbe+7VONiPZ9+axpOmQlM2YUrwa3bD"
    "jdPx23ypc09TnYxXx/IAC+UJuqq6ZSmLciFYe5lYT8vnI2pkV+LysSCyyyxpF5AJV49w9a"
    "S6evoUM7rHozQ0IVEQU1w+iWuaea4fB4WS19HLRVHHg42De66IwYkboQY8Dg/w5hPpNE7f"
    "SStsm5cHnELNdzbwNblJO4SFAmONXwoYmwoCFqvM/RXYtYddc4JWi9VCsll/mvpvioLkV7"
    "HmQD/qQFObLdO0IvdMri6kBNcIBei0JueckmDQtDQ2GC9EwrObv6wH4ePHIkDHx4/ZQAc5"
    "F0Py1msWDruX15C7h12QMNsnmb0g4QGckscBEipzPx51Mvv7/wH/Ow/m"
)
