from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "campaign" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "name" VARCHAR(100) NOT NULL,
    "kind" VARCHAR(10) NOT NULL /* ONE_SHOT: ONE_SHOT\nTRIGGERED: TRIGGERED */,
    "trigger" VARCHAR(20) NOT NULL /* For TRIGGERED campaigns: the occasion. */,
    "trigger_days" INT NOT NULL /* INACTIVITY: days without a purchase; POINTS_EXPIRING: days ahead. */,
    "segment_id" INT /* Only members of this segment; all the owner's members when null. */,
    "scheduled_at" TIMESTAMP /* ONE_SHOT: when it goes out. */,
    "channel" VARCHAR(10) NOT NULL /* LOG, EMAIL, SMS or WEBHOOK; empty for each member's best. */,
    "subject" VARCHAR(200) NOT NULL,
    "variants" JSON NOT NULL,
    "holdout_pct" INT NOT NULL /* Percent of members kept as the control group. */,
    "coupon_template_id" INT,
    "points" INT NOT NULL,
    "attribution_days" INT NOT NULL /* A consume this many days after delivery converts. */,
    "status" VARCHAR(8) NOT NULL /* DRAFT: DRAFT\nACTIVE: ACTIVE\nPAUSED: PAUSED\nDONE: DONE */,
    "region_id" INT,
    "store_id" INT,
    "created_by_id" INT,
    "created_at" TIMESTAMP NOT NULL,
    "launched_at" TIMESTAMP,
    "updated_at" TIMESTAMP NOT NULL
);
        CREATE TABLE IF NOT EXISTS "campaign_recipient" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "campaign_id" INT NOT NULL,
    "member_id" INT NOT NULL,
    "occurrence" VARCHAR(40) NOT NULL,
    "variant" VARCHAR(20) NOT NULL,
    "reason" VARCHAR(10) NOT NULL,
    "created_at" TIMESTAMP NOT NULL /* When the member was reached (or would have been). */,
    CONSTRAINT "uid_campaign_re_campaig_65f9cb" UNIQUE ("campaign_id", "member_id", "occurrence")
);
CREATE INDEX IF NOT EXISTS "idx_campaign_re_member__0591f2" ON "campaign_recipient" ("member_id", "created_at");
        CREATE TABLE IF NOT EXISTS "campaign_settings" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "cap_messages" INT NOT NULL /* At most this many campaign messages per member … */,
    "cap_days" INT NOT NULL /* … within this many days; 0 = no cap. */,
    "quiet_start_hour" INT NOT NULL /* Local hour quiet time starts (0-23). */,
    "quiet_end_hour" INT NOT NULL /* Local hour quiet time ends; equal to start = none. */,
    "local_campaigns" INT NOT NULL /* REGION and STORE staff may run campaigns. */,
    "updated_at" TIMESTAMP NOT NULL
);"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "campaign";
        DROP TABLE IF EXISTS "campaign_settings";
        DROP TABLE IF EXISTS "campaign_recipient";"""


MODELS_STATE = (
    "eJztfWlz4siy9l+p4Mt0RzAdNr0e+p4bQduymzMYPIC7Z2FCI6MCdC1KjBZ7iPPOf3+rSv"
    "uKShZQyOUPRkulEJm1ZD651H9ba0OFuvVmDJeagVpd8N8WUtYQHyTutEFL2WzC6+SCrdzr"
    "tKkZtrm3bFOZ2/jqQtEtiC+p0Jqb2sZ2n48cXScXjTluqKFleMlB2l8OlG1jCe0VNPGN3/"
    "/AlzWkwr+h5Z9uHuSFBnU19qqaSr6bXpft7YZe6yP7ijYk33Yvzw3dWaOw8WZrrwwUtNaQ"
    "Ta4uIYKmYkPyeNt0yOuTt/N+p/+L3DcNm7ivGKFR4UJxdDvyc+/l8FpLloejqTyRprLcYm"
    "DQ3ECEufhVLfrrl+QVfuycv/v47tPbD+8+4Sb0NYMrH/9xvzpkjEtI2TOctv6h9xVbcVtQ"
    "HodMnWM5p9l6sVLMbL767ROcxa+c5KzPR35Zu1b+lnWIlvYKn77tFPDxW2988bU3fvW285"
    "p8oYE7vzsmht6dDr1FWB2yln4ysNZvXw9r/Qshb8OhenDmnp+dleAubpXLXnovzt+5CQk/"
    "ZMVOc/kS37G1NczpxDHKBL9Vj/SNf3CK3Mc/UB0hfesNqQLmT/s30mTau7klX7e2rL90yr"
    "/eVCJ3OvTqNnH11YeEnIKHgO/96VdATsFvo6FE2WtY9tKk3xi2m/7WIu+kOLYhI+NJVtTI"
    "6Pev+lz7hywJi4fI/EUu3CvzhyfFVOXYnbB7WLZBvjXVNb54dFc/jaGu2N6SlugE3rI4Ic"
    "84Qfn/4/d4/2rYD6IMUhaL5/LHe8QO/niCPS32wOUaEoLncch9SoN4RMae0THyRmP61rqz"
    "Tl5RkLKkP4l8N/mm2HjL0E+DgZivnlpBE6GdCu1UaKdCOz2qdoo1Gqx+ZKwe+SyOkByOy6"
    "3WQXjcef++BI9xq1we03txHmuWjOd57TGjI38xDB0qKGf6jdIlWH2PCffFa3/+2N9yncXc"
    "L6PRIKbcf+lPE0y+u/ki4R5OeY8baTaMzs/C5Hp5JldU6i7wJzNpODGa3YrOKQi4Bl0nZc"
    "gmmZzm8BXWarUl+gluKaP7+J0UNM+auVJQ7okxOM/iwJdN5SlQueNdCx/gXw3dCWuMe/q4"
    "f4E5XQ4gEPZvgf27hut7aD7T/L2hD2lQZ4yxaAGhSnrZ83h0FXlKA/uRwFGOgaOQeSkTR/"
    "EmrCIcxW8icJRT0i3aBTiKY0GT1eCP0jQOT/nwroQ1+uFdrjFKbsVNI1WzNrqylVnZnKRr"
    "nOW/F3Rlo1jWk4GnyZVirVjYnSJsIJ61F6zFNPScfi0hZ52yTeLGoEfLM69bX3/ugq8/z9"
    "BYuu6Phl3gfs7QZDoaS11AP1qV+n+p7l/Q+wXstUu72jPstTSVTAX2P5PRMJvVIUUS6tLm"
    "Nvh/QNesvWEgrf9ZOGhOOAnuHU23NWS9Id/3v/ua7wuEQDgUE4Lfr1/d9H5JdvmLwehLEr"
    "4iD/iSEMeTZq9WBlFyGCQSIxJCqV0oC0XToSrrxhL/NAYVPkV3OLDwjGttPmStbswfMIsc"
    "ZGs6K+6epK0BeefTwOYdaPd5Uoi0C/9K/qAS/pV6/SucDeO6J00aDsTG0yiJYCmHHivO+F"
    "unwyrVdWvga9no1RNla3S4PscNCC0Lv+GzI4WVxWLiPuoEV1cmd5dsbPCvy5hZ9+T1Om1m"
    "wcfne798ZkmP5Xxgp8kxQ9ex3uRsnsss+py7TZP4tHdnoT915fkMI1PbDtehbEWa7nIhtn"
    "oIGBsFMx/cQ8WEJrCNB4jagE7uKjCwwg8UC2i2BSZfez923n8Ar2gTC+DmAJ//eK/ZwFSQ"
    "aqxfv0kCtPt4vnBu8uXcpOJidgTFqYSDc6eDU2AT+axvLjYB/95o+GkVpB6nbKDUT0TKpY"
    "BHEz4aD5UGd5xSwMs8S1nbsKyQbuvGxaPUvzK6ai8j1BiSiOj43VhjTqx2BUisXMA2b+wt"
    "j4mF/SqGiV30Jhe9S6kIEtunjTnVqKGUsi3p9XaRTWn7LXaaktMVBKajQ+AOMwvMFdPcgs"
    "nPA+DJwwKv/gyl8+drYBkAm3BgrS1NCipgEgTwhEqurrGpSD5TJuWevmeGyE+18KFiA/i3"
    "ZtngFX6mZkPSEpujAHckMLwbDLwvdo1XEteA73nfJSxUHi3U4+bacmSVvi8TC/c+PxbufS"
    "oWzlRQRvpFvtvUa17PmrsPzra+aks8ZoFmgXto29D8DAxThYTJ4AFuUwjXYbypqmbNDQfZ"
    "8gaacw+DLsnyLNLDqTznZ4xRPq3JigB/xoKGg4GNqc0h2Cia2gbnP+KnHUkAG4M8WV7jn6"
    "BtdLxQyJs5ixRy6XkWhaSYCISvDGbO2Zn68YhCgOYDU9BhQCACDmM2cj1RoEjFdm7msro7"
    "JD2kPqCBOx4NBv3hdVoC0RvxIeDd6QLvYIZuRsPp1y6gHzP0811vPJXGXeAdzNCvUg+fkv"
    "8lB0lshf5UYoH+lLs+f0ouzy6bZVXZssSEJqgON0W9/fA+KRvvUlwqA8ouskgovmCA+9JH"
    "mpmcDbYsVCivFXue4wbZPSZSDzng0OgNf00PC/9iwmU4/LUL8L8Z6g0G+GgwqNLR35YpqJ"
    "NfTyfZ0X3eWRuIsiIjtGVub0+Rchx71rqCCJAXtYGGqE3rdntiw95D4P0UlW0U/KvTefv2"
    "Y+fs7YdP7999/Pj+01kwHNK3isbFl/41GRoxmeWPlUfN0rICM3YKKiTkWFJHC7z0ueRqnN"
    "WGQkjLMYdbt/QtAcRaKlTj44HrAWBCG7/B89aK5DPEUlF6qfBYV2GlSFLyPDhSCwW2hTRD"
    "JQvFA4QbeokAnqcwUphXihQdx5I62kLhManKOpEibRB/D9zF8WKF6KJbdSWIPeCAy8BoKM"
    "kD6Zs0SC8G8VvxeSm41wXBITWjB/2rvnRJDWn3sMpSUX+y91Jb2JjbzoawFa43OuajrLHl"
    "vhY9g2tk6vc/TgiQolzOm81yp7IE1RGzX89yNVyazY5VXOprhMp85Rt6rutSsyqs5PWBsg"
    "ShZ1s+AhKOlw2iQH2mdOBpBVGgLxHX8Q82MbbvDWe5srnWn4jfhBX8i9HwLKCvxhPQDbQE"
    "iicKVz66YtnWkcaCiNHNZ3WzYnRTsVJlUt0OW9KRM/X6KLk1JL4Jq9GIjvPM6CfvbntXDJ"
    "Q8DxtyU5ivaJFtWHDQQVbO/BAid+iyBZnGaPalWJ5enFYk49A01jIdXEx8TZJxrKQcjbV4"
    "uWJnbJxIsDWnx7KGE8aI+I3nbw3xK1okGxMvTVvwBE38vIVhAmxg2oZZOvRtzxGHRBFjFE"
    "CEhF/2cxPSOVccqzIaGRBzXWvy7vZ63LuUusA7mKHL0fehdy04nKGb3vCuN+gC93OGbnv9"
    "yy4g/2dI+uW2P/61C9xPPsBKleDyGTXKCsrfBhSNGxl7KcN6jFyjA+Ep31cGcI0cFWg2uN"
    "8CfKJ6GBhZB6gX0TSWprJewyMhLMYGuikcmTIosoeSlDyLgqS4EEY6awgw4zeOiQVjkRoK"
    "K/xNWDpco44EUmd1j/DjCiFf25ggXQFI5o+NFwtI7htwm9iK7bjcywDcvLvtnYCbFTbkBn"
    "B7KWjb3lLxOMHRGsDjiE6qoSwPbPH8HhCdztSONVTPEev2CACRDUkVKXJp7pgmiXZj8ISf"
    "yIzvs25XARENPlWrHxISHqR8SB1JmhLWgo0FFbwJbSx3osK5EY4vUPgL3TDMKkB6ko5nm+"
    "jrzz9YAOsdjqLTQd4GK/ybgGIDHSqWDWiJdeD+JHp8JAs18gasYzFBejKjcYhJunQw0l8A"
    "EHwks7NbgOrFjkdsX1hZ9ZkLHAUJOgHJlYHkaMAS++SXJON47juaZkl5VGkqi1OeykxWB4"
    "5zErMVJ2iBG8s0VZatDLAgvNkuwgo869D22tUKFfzuPd39wmXrD4EdHBE7EGBmPuubBWam"
    "98E+OmJ0bAHXHR+kLBljgwICwc/d9RLDZSPOXuaCiY3bwL2dqJgYG6rZJRMT/bYGrnpKRU"
    "NZGg5VrkpQZmt5O/W7vSh2Qo8T5RibWI4RM83IWHbyeRsQNA5rOv9QJrouqdhGous+pKPr"
    "wtdiYHGCrHGM3guoJ2y9fO43y9Z7RiadrGsoqyAkezpdsxTCvabUeRZJLmBXBq0TCl2jFD"
    "pvNCKDZVmMETVOteuUUe06+apdJ6XaHVdrPvaal0icKJc5UZQ6keLvBnMJyhDNze2G8IWB"
    "1RmkDeT6fpy3lHX097FzPCBr3PRR/yY5LscsZ7HQKnA6pNtXxz4er8uwOp/TKUZjVqhZ0G"
    "+5/LmQ+oB24t3wp+Ho+5DRXPTJusA7IPlyA4lkyw2kGbqS3DP3s1Vpmq87P+5eM+2Vqmyz"
    "bcrsARClKbImS0iHs2iRAu4SYzDBOwUh7RGalmIysS9B9pI5CNeMyZkBQQMxozKzLm5VoE"
    "ukd0hd4c4GczhcInU5JD8gvyfT0VhinXkpURfQjxn6Ln3pAvxvhi56g4F8IQ3pjgSRkxnq"
    "39yOxtMucD/xTN0f9uXb8eh63LvBM3bkrNJMXTvWulbMBzwzoCVFNzJ3vPliGDpUUI51mU"
    "WfEOs9fsC+5BpcOeys82U0GsSwvi/9RLrm8O7mi4SFQWWBG2muczCjlpnLtyoIbIxSbEnK"
    "W/BfbFW38W+9d2zIVNA0TiXydmPSriNvN8x9rLKShdSHLAt/Me1/Y17JXKoucD9n6FKiR3"
    "hoXHZB5GSGesPR8Neb/m/kRnhcabXqlFmtOvmrVSddk8ZW9CoV5ROER6w+u7saKtc1B2ip"
    "d5ludMcA8CeouGX/0cIEF5pp2bJff6KCLpD5AKES8KwSkAK6zxF5Fr2QOM8SP61gi4Mixc"
    "2KtYjvE6VWFHqcUkTY8CL1jLHuvX0o9ZWxhjIp5wjZwv9TdCILIHNLnQU0TdZslQSVSETN"
    "SFdhr2UrMnsZ8lXC4Z1mMXN2xcR/zonNBmXzK1JzYSzNYoyn6HH/YtrKnBlqYG/TNgBIsj"
    "cxHcaYi98BDO8Gg1ZqdqiBsVOtyWyNTIg5/bVM4C3JLRJRt9lRt+nxruhis498Hs0xE57J"
    "nwvcrqldaAGhSobj8zh0FXlKI7lk6Dq2gJzNM3vSFX3O3aZJfNpnGkDPUTVbQra5bWWkAk"
    "TutovSARTSToZBw33mBPyOv9bEd13J07egp3hN/IMpX0DsulOvFyc/sQB3BYPR7ouSCMMv"
    "bUm7/GFNJohTNS4crf5wa9PQmRjst28ca+sP4jXhMq/+fwHEFqER00JGDWF2SPjZaHDDWa"
    "rMWTPFQ4rmZVnUP8UmtLmyTE6QNTBR622Z+Ka3+fFNb9PxTYGmzM7ozAni9Ne1+vvzPVxk"
    "4u/5YZghxbNCMDmbhw8da6ks7Cz4uCD61ScQXK/OdW3DMpe4rcUksnMSEaE8DQvq4Hy/Hw"
    "rAZwCAPjCfD/3N/RaiDsjBhsC+C/SS7sRWBSRC0rgk/vr18BebFjIYTaZdQP7P0NV49Js0"
    "7AL3kyQ9Di+kwYDkhQSHrQriqh+p2ihkSyLWbQkiNHuCVerY84NuUYkHL3haGWRnSkUnfQ"
    "4owHLuLU3VFHMLaF5L2Q1A6o/F2+jKHCs091tWrDBJyDG6FcrBXik28N8dn2kWMBAEr2bO"
    "p08f3s+c928/nL8+kiw2GpJXirViWRmiNJXmK84MrEMU08EsWyia7phZ6Zz5U06CTKRBJf"
    "uvZlkOnhAqgOQZlBzPJsdmMLvVGiMUqQi8W60iAaXJUi+TgEINPvIT2ObRJJlIP8mYRcVW"
    "KXVxtSBVQmztUTbiPH9rj+wciWCM18Bcgj9OvUc1lL3JKfEZUf3wEZIvT7GdNRRbeoQnOW"
    "UcJYI2ZFgOfh5wsxhEl2HQbheU3vq+MoCqEdBGsYFtAIViB218Dk1IPxBQELm/TUEFzMQ1"
    "w/Mi7JbcO1DYbW7k0m6Yef9RTLUAZ/3J5E7qAvoxQ2OJ1MWTXZw5cuLDy+Rk4gPM9IQA0Z"
    "L0G6lwSj9n6G7oX/GP6HMHvQuJPpMc+M/zHzVDt/0hft7FTwS/Do/d63gWl6buZXpYCdau"
    "vdrRwjTWcpErInuMJsga58yv33+ArSh2NseIBJN3Mpl9m26xQTcbLI2742LBGlsckgi8VI"
    "RrH4ClpxU5JeDIekBoakCxI5ECLisLl/lhXjXgOSfIXCYsh789WwMULQeh8BG2HQCFj+mJ"
    "UL+TGtXtAohgjkXNojP77UWQX0JfTgf5iY2+9rhB7oOWVaK5HLDl0x7Q6ruVxpPRsDdgtP"
    "4Cui7wj2Zo0B9SkMn9nKHr8ejutgvoxwxN7r5M+pf93vjXLgiPZ+hbH7fB//iAnqgRY8mP"
    "iu5kjJHCHSGSpAfcDMKfnU52LwiomMiSN4aW7SUqYnuSVLC9PNuX2iPusapm5dQ1L2R8mp"
    "hr1re+r6hmB/A/QGqVAf/VAdYudQ2WjSM+jGhM+Jejkflko2Vgh4WCSZKKXWkY+K4qmr6V"
    "dW2tZY2HAg9hgpBjBIzsteCGzpOvBRs8FGiANzlQle1n+kjwb4AMBLnek0GFqkN9gbJhPm"
    "NLxIzHHFIDG/eHF/3b3kC+6o8nU2ZFLE6O9bH4hRn6MhreTfy7kZMZuh2P5HFv2iNE7lEl"
    "Jaz2vbk0SyY+3kdWDSxGx/VixNmkJ6Dp/L7eLGiaIatX1NE8VuXDuatRZ5U9nAfKdj4kqk"
    "N1CU08FYZtucFFRYxVvcpQPoD6ADO20c0H+bzm/MKnFOHtGk/4TdoAvlm+ARe98aVMFZou"
    "maG67zpltdV918jIxa5LbBJbK469JwOCcj5QNLsgfk5C0ALJRKQ0QzcSUUjk2xHuvvhW7H"
    "SG6G6z8rT3U394PfE2n/VPAzX2bniJzwNF1j3Fqix9hkyD7UicW/S0SqfolAGGO/nAcCcF"
    "DGOZZGhX5TqFT8t1p7iiOfMkYd6Xr/tZhf2fSnD/Uy7zP6UG5MGd8AfJkX9heUDN5qmIuK"
    "qdpV7NCDYtNELEMU9bYwchzEu/LoYH2i0ME6jQ1B6hCjz9n7E8xoEhPIE85AtEIA9EyKr2"
    "3MSxqakga9GoTMgEDH4veHRgjGa0ISxy3zSF0oQ32yVwGiPWWiA1Lw+pOamQoSq6ikTssm"
    "uapOYezdDFaDi5u8GXvAOSyUasedKGfHogQpDeFj3z7l30Jl/l0d3Uu+mfBmBA7/I/d9Qj"
    "Fj0N7o6lS0m6Ce66p8Fd6Zfb/lgK7rqnMzTtE7zijtiZE3w3dsqJ70yF641hQzTfyowQYA"
    "Ypv3Bg5fSucvldRQleKWhngb8fmhtTy4qhKchXjJNxPYS/KtYKGAsaPEPiS6Blt0mKtgpt"
    "OLcB7i74smOVjhfYMwIrAIo95C8JEK1WfvIJ+Jw2R0UeaM0spRFRsgkXLAtbjKhxKcx72M"
    "sLPkLTglZm1y2ywxKE/E4JtIpsYOgCBSsLCwepwP8BXGOUyjonOrpAMiENt8VOW1+houoa"
    "gsB9WaAhqt4FYvrBAsTxyLVsTGiR35qSTf7mKiHFs3ZXqTZD/Q/u9TTUFNw7mm5ryHpDvv"
    "Z/9zVzFfB3L5uunBacL3YHOSyab3sgs8CqD4pVB/zKgKqjvNyJVNvRxgKofnFA9akoQg0R"
    "xAsKKPT9AtGgwvQ14iPwrnnBhfHzwKsQi01MXgpb+RGK0VPfDxF/k/iVoE3wFuFZ6EHojY"
    "eh/wCfBHcmt9IwjFGkZzEqeSx9k8YTmlydcTX+nHTj+OV9ekOo2+Vm9M13z5BDctX1w8QD"
    "RJPXZuhqNL6S+lOfibHT+j0tnTJWeyffau+c+E54InSlurKbkLqqZW+5VLQMxsjESviMlM"
    "/7CtyPUgnmV2Z+gAwxCyBJKYTAJISC8mex6KG4QJhroMXilk5MGGULoSV7YoltA+jsUQN7"
    "I8l7DWVudJ4tsx8DXRQFZ8vU74vqD8wbMewTXbqllXcGRma+anizXYQvudV7ZN0Q2aovFF"
    "ridmehU46HeBn6WsK3TLcpJUXB6CalEOBJhWsPpgBVj+Y6XuM3IO/FxPsYmWB/ZfbDvze0"
    "SBk7fBanPBlXcetKMcHCsR0T0jw9PDFZ7myFSBQMcH/W84vQ8YSo+YzcBakJIPVFAKkMUQ"
    "P7NFkuDGeTnbnl3Sk0VuZhG2GovDhDRdQl31tdcmED7icmPnd/r93BA0fZ6CtStYd1u71L"
    "b7+9yxm6m5Az8n+GXIc1PvUOZujbqI9Pyf8qzuSay9M8KrqGlz/TWLMqQHHKBipAJ6LwlN"
    "JzXWHZRjUhu3RCxFyLWLMsp5IlEyNsoJAbZsjECrtZlSQeIatB3pyloZ2IeEuNaSqo6lB6"
    "JnmDUg0PDBvacL3RMY/YzIQEVZNg233tq+ezLM1l9r31KGIyjTzwxFhd1kuf6GZc+ekTQs"
    "gFv6Ji2gWCydFOwg8a9lKgsL1tvid2iBM7xD2nOjQJ9r+68sP+r65m6FYaX0jDqXs5cjJD"
    "1/2raReQ/1WQmPp3gMvb+q1Axcvb8o0rvSIilgVEwFgsPoOYVLCKOofIJnfAq/Mf//Wv15"
    "+BK5wzrgMo7BVW9leGzqiXx8j4TdK/0ZC2dtaA1tQAr5SFTbYwi25f9rpNBMq1iDgCODkz"
    "oppkKHOCbwoJ71nCqrLNcCgVrY4RIo6Rj9Y38qZgSDbBswCZcwCFZdtAwxKFikoK4C00/I"
    "WAdEfGojW11w3LkEF+1ZMYER+FT8j3NabwyV+OgmzNzqi3mTsuoiQ8j4qpYSu6G6i2Vrbg"
    "HrqjQg32iXQQ3fUSqkcaEJ7vJGcP23wwIEHGrQ54tNgBbBHIXoBFzoaouczNIj0cg89PhM"
    "HYyp8/0B+aNl2KtxqP0IntfRl2uhRbi4qtRXmxDBrmE69UEsz1Izx3c9EgIvfEesBRyoFJ"
    "ionGjp7pAgrutYucPyS7Sjb9ZrvcPi03CZRuL77FOi/YKNjKwtqkAqhVAl5RPdI9/jfN2b"
    "o3FYSNLJfdr9tY51yQmxT2WuNL2kbHh2kDbI9fNUMzNEIQkJ9Nn+8+hBATxRgPH2CgxOPa"
    "ACL8tDk2GO+39NuIx+VesWAXv5HbCWfoT982+xMoOnmGDvFPUNAWC44oUMTqHN4NBsA0ni"
    "xSpPMVOcMt8Ner2IbSsGEFiGFl2Ct8QdHh3LbwL7GMGSLf6X4PoF0cq+7AIMkmF6PeQJpc"
    "SK/8L2+Ds9fAPQPYTMQ/TzFt8tPOX1M273bR/bcV74Dw7w2eUCyNDG98qRV85SywRmct8r"
    "Ut0jqIttDUv+Wgg8nW3NjQbuYP+bth/+c7OmXBv3G/I5dcj6rwDh7KO8hD4fIGMDhiZ7np"
    "78RmIrMWi5mVphRWVoq9prE2aPBVOKHLmzmTOVvwiAMy/IzVezRzzs7Uj5juM8DLOX5rCy"
    "9w9hOEyF+OjgZjhiylS02VRNCcRwgfAs8+hFBoEKnPk3rkAULmPMvc2agVQYA4pQABOBZ7"
    "YLhykOF7axpLU1lPoI3No6XLwmRpokSTdmGBIrexbEVb7zR8qb1oPHVDQ/PHJ02FwH8KeO"
    "VhXOBJI7ab27csYswtNBNblKRvvE5buTU+V0Re8mVbkeC2KhVh4nQHVUnpH6NeOlDMJcQd"
    "0cK81oMNSJT5HG7w+/Ef0JSwu2RjscCDr7rhFnkAz+aEB689GSaeVs7fnJ2BpxUkKNuWbE"
    "VOJxv3hx3LpnC5SiupbOW1gewVS6RKHvnhRNJ5xyiRG/qSAI8eTferXrk/w6sn8xmcgX+7"
    "FWaOJBSh/Anl76DK3xjOV2R9yXNyxO4Xqn2m15LF2aFsCWquQwUvb3+uNeQty3+2AVaxwJ"
    "/3BnIs/xrAHcFwtThyGdw78wfc6BW9QtZH6m3wkJsMRXDfXya0Q760Q5GXs8e8nHD4MKre"
    "MTqeU0A4T+2NzlZsIkhSCiFUFgIPzr09BbISRYssl/ZKs1z3fRDCStTjrXvtaFHdFZ0gwv"
    "XBqUqchsErOjyEm+NE5CuCS0VwKS/j6kShBc4rx15BqJIntTJgheBeu7BwhoJ1pUW0qSib"
    "cWCNem/meeMrO1xJ0uWX3sVPXeAfkc00b24HPcwcspGmdzhDk7vrazzO+6NhF4THM3Q77v"
    "XJfo7uZ0lVe88VH+YrBSGoV5VchJxr4d1+xdMx5jz5mKHvZOdULDP3c4b6Q3kyHZFNPv0j"
    "LMSbCZbezWSGRtOv0rgL6EcloZVBa87z0ZrzFFpjOff/B7Ni+PLRsAgJz4KqCIidn5XjcR"
    "GTU1zG32jDLDRmCv/O2+kyJDlgzeDWEcwT6ZdpTGNK5REHWtNgNLz2myeTi0++XPPoVhoy"
    "sp/S4OkE/6czz+14dD2WJhM6+fgnZJflyWjwjdRt9o/wcjMY0cLO7icnC8hJmSEH1biaZY"
    "UIt3aTpZ7n1s4a6vdbNow8RdckF0VtIDi3O0CcNFeb69I5KEtTEFSy36b5y1wp9yZ40In1"
    "2bxM5naiQm5stJbYIph2xBoYO/Gfc1r9tixbo+O13MbL3mpUC2uVxaLBXTa1dDOXdY54AB"
    "8h+fYU01mqHfg4s/QIT3J5O0rRgzjTCtD7gKslIXwZBgQCyD+l5bxdAOST2n/y86CYxCMq"
    "4TEHiosZkhgYGshvbPALlS7jtmdUBRthzxNB7AE8I75Ng8OM9ZoZNA5IBGjMDBqfFv4ooK"
    "h6AMhAA2FSARJUAjDJjsVcLFgBk5BE8HQ3YhKNgHmm/RmNuzkxJpc1QRODNmaAXvQmF71L"
    "KQmbeDa5sO134CbhsOVqt6YrQ9eNp7tNK8tU9e+1d1uptKnsbPZuoP5OoljJVlBuEXGEVb"
    "3w22X8+D+ECXtIE/ZRs7RqOmGc8nR0wtb3lVfWioSg4H4ObMN4ABtdmZdN6jgR7bBUMLqI"
    "ajvBqDbDsbEpnJPjuVtoEXKuhTaWehdfXSCDHszQcCT3hpPvRBzB4Qxd9AYDEmUqj6Wf7/"
    "CIoEhH6toMXUoXg/6Q3PWPni/cThnhdvKF20kJFxl4dWRBRQICgYkwYyJpBSRzGcxhfBZx"
    "0UrID5jrLoIGcN8eOBugLLEQnr8AkkUtXUw/1PjY8p1COq7znVpTrE64PusfLLfKswnJLn"
    "n6lhyQTdlUj9U/OpvnM1nkRglQ8FmgoIigaglAkFueihCqo4RQCSzwpLHA/xj3rQwYkFxu"
    "FyGA/+c12C/sR1zstNeYDiIqAxvOV1TVpWFQ30EKuRQkp8KMYL/8ZDmveT2W5z7Y3+qrcL"
    "3BFjKabwF+W7JNCgH/cK+vFMDSKZU/1ynIn+uk8+dsxcpwceVz3W/PN3oDl5plQxObPuR9"
    "AfmxbQDfLN/41T/d0pOVxPDhXQkpfHiXKwRyK1EUVNnqhpIx9+Tvlhoh4WOvVPK1jdkrNV"
    "gxqqY4HhjgbP18J915wVUMw8Sl6gL3c4bGd8Nhf3jdBd4BSZK/uJCkS9IoOJyhq15/QC65"
    "n3zg0opt48k2K3I5d/WOknC7tWrrq/EE1mSvLQJlWEAhtY0foAnmuoIvqECzj1QPzNOmUv"
    "wuhm5CqtOBbVzIUnN3F8Y/ABD09QU67HTFsmVomkaGFZzvI4hTCUcBs6NAN+YPOakw+Xpa"
    "jIhfplP42pvR8MhCpEo7HmivDNPdz9tU6MAjfShdXfg42prHWfapL0Yo6uTxPNMJ10T+8G"
    "qua2KhIc1aVRJ7glSMbt5GdwrYPw5Segl1jVTybWXApcG9dhFmqkZb7Rc4jbvdHBPLgfbc"
    "yBwnsFSBpR4ES71z94j2ez/BU6tlAZYqy39eUJf/PKMwP68+7dOLF46gouGEUwWGi5BzjV"
    "VPx73hpHdBik/2Bl0QOyXxhTe3vf71kEQVukeVOn0ZI+g83wg6TxlBluGYc6adPkIKjq3R"
    "78TmVKwHGjNlYsvT8xogw9bmsHsxGk7ubiRODNHC+Okc6+QYMdPMUhiMrttAuun1B20SBg"
    "2wJL5LX76ORj99BgSx3VLhBLsCGQj6rjV3Uq22MNQOSRN0Wc91JOS41yI0/Eqo/Jqwd8+Z"
    "qawzMP8ix5lPIfxmxUhlFb/ZiZS8PVB/34vD/t5QM1T7fPjdb98A7h4aeD/BUre30vCyP7"
    "xmXXE9si7wDmZoIpF66eQ/Pv6pf3tLfcDuQR0e4E8lRsan3HHxKTkqTKhYWRkU+RNPSNGA"
    "kZHcea7c1nNFe8+9GAf78exb03jUVGjKJswIfs3vuEk6frsvde5pqpvx6loeYKk8Qk9Vty"
    "xlWS0Eay8L62n5fESN7FpcPhZEdpUt7UIy4eoRrp5MV8+QYka3eJaGJiQKYobLJ9WmXeT6"
    "cVEoeRNvLoo6Hmwe3HNFDE7cCA3gcXSCNx/JoHHHTlZh26I84AxqvrOBr8hDuhEsFBgb/F"
    "LAcGoIWKwz91dg1z52zQlaLXYLyWf9aeq/GQpSUMWaA/3ITYP9puhOpmoUvV2oFXkr4GPQ"
    "cpdC1BohCEzjCWzw9OjNkk+avQIbx8STjAUtoLllmp5whzOe2sCET6Zm2xCB+y29Mb66yU"
    "zjqvnRz1DQhC6xf32NFtqYb2VV2bLAYkkynpPv8dS/tYClYWOD9k4SiB105nhfPlIaysKE"
    "mAGYnwwSiNFwzf7b7HnjSLxeY3XFVswMVhdF9kWpuGb2ENrA2kCkJifpBSxbnuiQ0X+RiU"
    "i25pm70EzWiq7nT0QhGc9yYZ3v33Y+fgjYTU6KGDy56Q0GGbNKNY4uBEfzOLquxtG14Gge"
    "R83FWl6ahls6t4qHOvaAfdnUtRRSuLkdjae94VT+1hvckVqZ8QszFF74SZJuow3IefT+pf"
    "RNGoxiTbxL0VZjadrrD6ON3CszdC0NpXFv4L9J7DS8675F9Cy8F7xB4kLYwv/2+Hk1T1kp"
    "RxlDjci5/si2/HsEPI/e1oVj2cYaG2u6tqAoBaDmJIAWPsGvx78KMDfWG6ei+zJO2kAA53"
    "QBG648WhO4XOdsTubfahchNVak0U6Qpgcs5RGqwHR0+Ab0bQuYcElCJxWsn9PdBMG94RBd"
    "nZTRxv8tYDwhtwomxTGsLlCA95VgraiQICxj6bo/Ss2ke/2yGaJ1u4CB9C2Aj3iSsaAO5/"
    "gRboYz/aLwQW0az0wfQWLRvW+nxLQ9Pf/Bei4+JBx4ewCE6GemMpbNV789v3lXFSPQzksF"
    "6JwXBOicpwN0om/GwOQEGb++o6pRxu/fl9Hx3r/PV/LIvWRxFz2jJ+eH1fvtDx9Ufxy1YS"
    "/h88fdup2zKKS6scvTCu8T/s3d6nKZ+D7h1W6a1PO82vFsAKJTs02iMRoxgWaVGA93cC/J"
    "0yiJYOnOCuNuF0zzl7kQ9jh40Gnx9x+/A+0ohB0bq6UKjGd6HioUGPee00y2RocrV/XFxy"
    "Tg2VT0C3zaykCfYvfbRRCU6bXEzFCPGD4tonP2D8b4Ei4dX+q1bxwYU3OqpTCk8vl+mip1"
    "niHFidvBn93HkDyraP73WpRbAcywsUihacqk76ZGMZopcSJ+l1aaT+v2X6h6/qLPwO3HJM"
    "cDld5GtvZa4O5LMWo0CSpRBC3NWGNDfnwemFEUdpGk5Dr+IujYEP5ggYVmWjbZI9lyyL4d"
    "TyttvgJQMRF0c8ndHm9xHY/hvSOTDyUkEbWJ9uZcOQ21VaT3N0VrnUAbD6alVaS3Bm3Kaa"
    "5WtLnQXU9rbd+huxJ1yN2jqooiFVJyW2+ndUvfMUiD9bPkVkag2n4GZ+DfADHkxu5LnZ0b"
    "zoZw0avKWFG9zX4Kxw6RVg+47xxIyf8tn+nTOJAONteqDZMY4cmMEgSfAoOPh8GBufj8sZ"
    "H7kJMaGlHRHH9wiICHpum5nKfxXyjrjaItUZZ+G9wr1Gvn0VZCnW2KOnvcYOhjzzX7D4d+"
    "wD8tm7+7M/98Wp553cJTpTz5Opp2gX80Q9Nx//paGpPas8FhyYV239XeTW25hBk7IxYUew"
    "9J+I1KJ1EyIa+BP1lbbpEpYz5XLNywYhnPupMTPY6yVuRIkvFrFvSHZG+Qb/3pr11A3pZW"
    "lzEckijkV+X4DG5HeHaeyNIvt/0xrepMWyorrP4cSSv1MqMYowdjRDzbBESp9PO33K0oNM"
    "vPBvsMFGwT0LESzxgDT2RXWfJtxxLKfAVVR69kLCRpT6YKamRVefJ29V0a0KqnQB7nZkM6"
    "PP6Fl+GDynzlDUc8LklBPk6K8YmNNPZf7/tRMTUlE0DMd9FGafjw0ZLva4yPdmXoKp6I5U"
    "1W18/VExJU/Cpvt9Cck/xwrCH4OsAD3JANx9wS+QayTUMHtCTLkXSCZ4G6JwfmHi2sh9l1"
    "cQIui6MxU7Hx9907NNaJ0fDLIj0cgz8yzh89PybKNTDWCtp6pt3Chma4NypuhT9txgCpGh"
    "PFTm7bpMtx72rKqmNSoi6gHzNE7XKpC9zPGbrt3U0ITOV+ztAlVuFxY0+RP/p2SSJBUiRI"
    "8s9SURFBVEQQruJaKyLoCrYhV5XEniA9GcyvDnuXJzGXgvZEIEjTRveJBIKM4VzbaDl1At"
    "ON2mVCQ2Qz1r7WIJHfw29xdYVYorUxnzumu9nWH4lwkt/jLSOL4h9MkSZFWTwNCzY5SBJO"
    "QUp4XNBllck4Fc+JVEfTJTkpaNAwrkYmnxRb8z1BcSqeQ3wquoPelfEGvct3Br3L8wWxcD"
    "lC0kAW1x+aI3bo3qvH+OUZ863vJH4jmkKkkLLNCrFQwSsDnxuOroIV2XD6HkL0+oXEd3Bm"
    "DhTlP6balDMGRP5jIwPG58pG9naFZ/HhJckOp0m+ZZywejZY4wEe8d75XRr4PyC6ceDM6Z"
    "x1PhzHh0eYyuhLjZLw60N1mUrDZukmX1E/qp9ah8VyrPiLvxwN2rJlK6YtrwwnI5w8l/9Z"
    "pIeTQ+ecURADY67ogLwooG8O6LYr9PUt8Orsx87bsgv2fmQAkVpNAlHCw/H/X7WwH787Hg"
    "XwLwffsw1XGsfNZ9TJe8pB1kEGela0f3cG9QH37w6uMMjF3TOE7jsymY7GEnA3D1krW2A6"
    "KEy/4Go3b+FryB8PwtewB+OiB01tvmplmBTenUJDQgnbCOuhKdbDIzQtxp1hIiRNhPD2sS"
    "8MGVQMHPaaN5C7e0npJRHgMAuGzs9IiJCIvXcYUw+Oupj98/8Bn6LXMw=="
)
