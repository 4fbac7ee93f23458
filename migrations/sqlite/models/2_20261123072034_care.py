from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "care_feedback" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "kind" VARCHAR(12) NOT NULL /* FEEDBACK: FEEDBACK\nCOMPLAINT: COMPLAINT\nSUGGESTION: SUGGESTION\nPRAISE: PRAISE */,
    "channel" VARCHAR(10) NOT NULL /* PHONE: PHONE\nWECHAT: WECHAT\nIN_STORE: IN_STORE\nSMS: SMS\nOTHER: OTHER */,
    "subject" VARCHAR(100) NOT NULL,
    "content" TEXT NOT NULL,
    "status" VARCHAR(12) NOT NULL /* OPEN: OPEN\nIN_PROGRESS: IN_PROGRESS\nRESOLVED: RESOLVED\nCLOSED: CLOSED */,
    "created_at" TIMESTAMP NOT NULL,
    "updated_at" TIMESTAMP NOT NULL,
    "created_by_id" INT NOT NULL REFERENCES "staff" ("id") ON DELETE RESTRICT,
    "member_id" INT NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "store_id" INT REFERENCES "store" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_care_feedba_created_9c806d" ON "care_feedback" ("created_at");
        CREATE TABLE IF NOT EXISTS "care_feedback_event" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "from_status" VARCHAR(12) /* Null when opened. */,
    "to_status" VARCHAR(12) NOT NULL /* OPEN: OPEN\nIN_PROGRESS: IN_PROGRESS\nRESOLVED: RESOLVED\nCLOSED: CLOSED */,
    "comment" TEXT NOT NULL,
    "created_at" TIMESTAMP NOT NULL,
    "feedback_id" INT NOT NULL REFERENCES "care_feedback" ("id") ON DELETE CASCADE,
    "staff_id" INT NOT NULL REFERENCES "staff" ("id") ON DELETE RESTRICT
);
        CREATE TABLE IF NOT EXISTS "care_follow_up" (
    "id" INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,
    "visited_at" TIMESTAMP NOT NULL /* When the contact took place. */,
    "channel" VARCHAR(10) NOT NULL /* PHONE: PHONE\nWECHAT: WECHAT\nIN_STORE: IN_STORE\nSMS: SMS\nOTHER: OTHER */,
    "outcome" VARCHAR(20) NOT NULL /* REACHED: REACHED\nNO_ANSWER: NO_ANSWER\nCALLBACK_REQUESTED: CALLBACK_REQUESTED\nDECLINED: DECLINED\nOTHER: OTHER */,
    "notes" TEXT NOT NULL,
    "next_follow_up_on" DATE /* When to follow up again. */,
    "is_latest" INT NOT NULL /* The member's most recently recorded follow-up. */,
    "created_at" TIMESTAMP NOT NULL,
    "member_id" INT NOT NULL REFERENCES "member" ("id") ON DELETE RESTRICT,
    "staff_id" INT NOT NULL REFERENCES "staff" ("id") ON DELETE RESTRICT
);
CREATE INDEX IF NOT EXISTS "idx_care_follow_is_late_f314d3" ON "care_follow_up" ("is_latest", "next_follow_up_on");"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "care_feedback";
        DROP TABLE IF EXISTS "care_follow_up";
        DROP TABLE IF EXISTS "care_feedback_event";"""


MODELS_STATE = (
    "eJztXWtz2kjW/itdfNmkiqRsEicZZmerMJYTNjZ4ACezM0xpBGqM1qLF6GIPte/897e7db"
    "8iCUlIcvuD0aWPEM/pyzlPnz79v85WEaGsvZ3CB0lBnT74XwcJW4gPAne6oCPsdu51ckEX"
    "ljItqrpllpquCisdX10LsgbxJRFqK1Xa6ebzkSHL5KKywgUl9OBeMpD0pwF5XXmA+gaq+M"
    "Zvv+PLEhLhX1CzT3eP/FqCsuh7VUkk302v8/p+R6+NkH5NC5JvW/IrRTa2yC282+sbBTml"
    "JaSTqw8QQVXQIXm8rhrk9cnbWb/T/kXmm7pFzFf0yIhwLRiy7vm5S9691uH58WTOz7g5z3"
    "cyALRSEAEXv6pGf/0DeYU3vfP3H99/evfh/SdchL6mc+Xj3+ZXu8CYghSe8bzzN70v6IJZ"
    "gmLsgrrCeg7DOtwIajSudvkAsviVg8jaONYX2q3wFy9D9KBv8Om7XgKO3wbT4ZfB9NW73m"
    "vyhQqu/GabGFt3evQWgdqFln5mgNYuXwy09gUXW7epVg7u+dlZCnRxqVh46T0/visVEjx4"
    "QQ+jfIXv6NIWxlRin2QAb9ESfWsfNBF9/APFCZL3VpNKAH8+uuVm88HtHfm6rab9KVP8Bn"
    "OO3OnRq/vA1VcfAnpyHgK+j+ZfADkFv07GHIVX0fQHlX6jW27+a4e8k2DoCo+UZ14QPa3f"
    "vmqj9jcZEtaPnv6LXFgKq8dnQRV53x23emi6Qr41VDUuLbnrr1MoC7o1pAUqgTUszsgzGq"
    "j/v+0ab19164EXIGG9PhYf6xEH8LEUW3t4SL1SekpcTQvf2va2wSsCEh7oTyLfTb7JV5ci"
    "bC+nksWbXppThFlezPJilhezvE5qeeHRGg+tEWNrPMQekepQ7nQqwbh3cZECY1wqFmN6z4"
    "+xpPG4n5eeIirypaLIUEAx3a9XLgD1EguWhbXdf5Q3XEeBezmZ3PgM18vRPADy/e0lh2s4"
    "xR4XknTo7Z+ZO/Hy3Amv1k1Si89k4fhkDhs6TVBwAbZOyEkLghxG+BpbtdID+gr3FOgRfi"
    "cBraJ6rhBN2TCA4zwOfFkVnh2T21+18AH+1dDssKa4pk9HQ4x0OueX+XYJru8WbpdQPZIc"
    "uKUPaVFl9EG0hlAktew4jK49T2lJPSqXIyBtLpIjsBpjEkdgF2EcQZPGzW4CR2BoUM3qzH"
    "plWscVfHifwtP68D7W0SK3/Ga/KGk7WdjzWWEOyrXOqy2FOdgJmvas4G5yI2ibLHCHBFvI"
    "1ZTCI6iKHFOvOWRsQ3a339GxZOuMdefLz33w5ecFmnKfR5NxH5ifCzSbT6ZcH9CPTq76n6"
    "r6J9R+Rukcsq5KpnQeVIF8Xwjtf88m42ioXYkgjSOtdPB/QJa00vz7zj/XBloRJMHSkGRd"
    "Qtpb8n3/Kqu/T1ACQcinBLtev7od/BKs8sObyWWQmiEPuAyo41nSNxuFGDkZNOITYkopXC"
    "lrQZKhyMvKA/5pGUz4kFx1RNhZra15F1pZWT1iiAykS3JWTjkoWwCrXE8Hu+4kso1JIovM"
    "5g7iGxWbOyh27qBmzbjoTpOGumTD1CvCIK3hbEzN8C1yMiZUdQvANW3UYUNh9TbXY6a4oK"
    "bhNzw6wlNYr2fmoxo4umaayuGVHf51ET1rSTM6zQYLPsFI8iAPWBx5VmsRU2QZ203G7liw"
    "6HPud23CqfTJQrvripsz9HRtB6YOec1T9NAUYmeAgLITMPhgCQUVqkBXHiHqAtq5i0DBBj"
    "8QNCDpGph9GbzpXXwAr2gRDeDiAJ+/WUo6UAUkKtvXb4MEbRnPZ5Ob9ZrcpOrKPBHkl2IT"
    "nAcnOBk3EQ99e7kJ+NdOwk/LoXW/ZAu13hAtpyIeVfikPOZq3H5JRi/XWcvSLssIaZZuXT"
    "xK8SOjafZmpBpdERb5fZhrjIlDzkGJpQtGrhu86Tkxt175OLHhYDYcXHFJlFiZPuZcoo5S"
    "yLek17tJPqVul2DRqE1qy90Eh+20yypr5KRdpAkNu4gPDbsIhYapAoqItI+fRbSKFzMElY"
    "Fs54v0gNsskDSwhLoO1R+BooqQgAwe4T5E+FQzuShK2koxkM7voLqyKNmUkEeJVmcBnJ9l"
    "DHrpzDaEB1PWNDoK7FRpBcFOkMQuOH+Dn3YiBewU8mR+i3+CtJPxEMHvVlm0ECtfZ1Vwgo"
    "qA+8pgYZydiR9PqASoPmaKwXMEWPydz2UsIv6O0XPx9b5d9FyuLEbVrlSsJ4dT7bSaCdZc"
    "eOhE+D3uzW6S82NqjdetcoW6QL9ZTze/8KHzO/OJTpnFh3XfL6T7Dq8fz0Yd+mQYdxhhl+"
    "LeLBukrgDD8zAX6w4bR5KxrUt80A2wsb6mGk3HBuptAahaRkVLIXWbaq3o7Wgr76B9V4ph"
    "x+w4xm23kdvGoCkRw05SpktLoHVz2Ocf0qwpDxq2njXlH0LpKzyvlQHigFjrgC4llQLz9e"
    "LRb5evdwRVx8sSimLXs/N17TIIK+Dsokw511c5xNYxg65VBp3VGpGSZVj0CbXOtOulMe16"
    "8aZdL2TasUTbJafLwihBHqKVut/pUSv3EhJmhUVbiHopdp4JHf192RF3xFrXfRQfgGsiph"
    "nrtZQDaVeurIp9OqzTQB2PdAhoDIUYRf2mSwPnSlfoJ96Pv44n38cZ3UVbrA+sgwW6Hdxw"
    "fUD+L9A1Z56Zn51c3XyqXj5DVrilpOobUdhH+5TRDcArk+RNptBOPaf8o9AlzmBwIwqEpC"
    "eoaoKaCb6A2EtGEG6FqORU8X2vI9BCzihNr4tLJdgS4dWXG1zZYAzCh7tej3iFeLs5M7ME"
    "nHrybS7Qd+6yD/C/BRoObm74ITeec9M+8Jws0Oj2bjKd94H5iXvq0XjE300nn6eDW9xje8"
    "5y9dSFc61bQX3EPQN6oOxGZPhwYh7PSPkK83k6Vxqb0NPCLQ8D65Nkyx3rvNxR0PFvXRp6"
    "1O6N8UHKfql6RCqTr21NpDIeonQjZtOvwyOZK13hQDYYzkffMo9kplQfmJ8LdMXRI9w0rv"
    "rAc7JAg/Fk/J/b0a/khnuca7RKswneefwmeOehTfB0RRdkXtth5y1inJIe4qOq/IK1zeva"
    "uYYo2wqKH3q9d+8+9s7effh08f7jx4tPZw7rHL6VRD9fjj6Twcmni/Bo9SRpks7TVUMZCP"
    "6AVG3hP1mY4FpSNZ3fGSo2jjWYwxaIfAAzCepsEsjCcSqPkmcar7PGmxVsUSlT3K5YC6/S"
    "jZ2YU+l+SRZhUxetR7T1UALJjbKFfI68zyE5tgogwlxS4RqqatbVKgEpllY7YrmKlBVUjw"
    "QD9OB6Fbd5hyEuLad23XqDtOsrQn1hinzldhsvAN62rTAOwhvoDn3g4ncA4/ubm06odygA"
    "WDvRUjth9XSIR2SCJ2uLWNRtdNRtuL0LMssmEI/RCoNwJD5DXK6tVajyXaGbiRLLiH+SZQ"
    "ADQ5R0DunqvhOxFMBzt5u0HEAg5XjoFCxzTcBv+GtVfNfUPH0LeorHxN8zrRdImtBp2ZKB"
    "SmZx4hcW4KqgZPT7vCLM8Qt70iY+WRcT+KVaF45WfLh1/FbQMRxQ5ds/V7a1edFBvGwrwB"
    "K6BbYVYBk9bcaV4q5E+1ZZFN/FBqy5tCAHxFq4UOtdmvimd/HxTe/C8U2OpZwd6MgOovnj"
    "WvH1eQnXkfx7fBimK3FUCGbN+uGqYy2FtR5FHydEv9oCDPX8qLN9VkrpRFgoT8uCOgpIm1"
    "ImDUgJ+AgC0Cbm46m/lV2C5QGprAmUnaCXVKdsWUA8Iq1bxF+8Hf5il4XcTGbzPiD/F+h6"
    "OvmVG/eB+UkWPY6H3M0NWRfiHHZyqKt4pmonqGQdXKa+xidTEq1SxJ4z8w0EpPGC542iQb"
    "AUZFLngAA0Y6lJoiSoe0DXtWgn2nlDhTtZWGGDZrnPyhUGBWvMbrl60DeCDux3x2eSBhQE"
    "wauF8enTh4uFcfHuw3l48+dqdLGTsm8+7JXJ1V/VzMGqIpkOhmwtSLKhRi3njO9yAmJsGV"
    "Sw/kqaZuAOIQdJHiFZ497k1ABn91p9gmwpQt29VrYApc1aT7MAhTp85Cdk60eDYmz5SUQv"
    "yrZKKQrVhKUSbGuPtBHn8Vt7RK+RcNp4AeAS/nFuPaql8Aa7xCOi+uETJF8egj1rKDb3BB"
    "vZZZwkgtYFLIY/d9BMJtF56JQ7RKV3vm8UIEqEtBF0oCtAoNxBF59DFdIPBARE7oe3Dc4s"
    "XDA9z8Juyb2Kwm5jI5cO08zlRzEVQpyNZrN7rg/oxwJNOZIXjzd5Zs+JTS+Tk5lNMNMTQk"
    "Rz3K8kwyn9XKD7sX3FPqLPvRkMOfpMcmA/z37UAt2Nxvh5w6+Ev3aPzeu4F+fm5mV6mIvW"
    "Ljzb0VpVtnzSVER0Gw2ItW4yv/j5A+xFZYfZJ8RAPggydrW1bGGarkTr4C2FlsbVcb3OGl"
    "vsijC+lIVrVwBpsyKnGB1ZDAlNHajsTCSjy9LSZXaYVwF8TgPBzcTl1G/PVodFi2EobIbt"
    "AEFhc3os1K9RrbqbQBGssKqz2Mx2eRbkF7CXw0F+bKOvEjfIfZSiUjSnI7Zs2Qq9vjtuOp"
    "uMBzcZvT9Hrg/sowW6GY0pyWR+LtDn6eT+rg/oxwLN7i9no6vRYPqfPnCPF+jbCJfB/+pB"
    "PVEnRuOfBNmIaCOJO0IERSvcDMLunRq7FwQUVKTxO0WKniVKgj0oymBPD/uD9IRrrChpMX"
    "nNE4EPC9ca+s73DbXsAP4HSK4yYL86wNalLMG0ccTVqEaFfxoS6U92UgR3mKiYoCjblSYD"
    "7qIgyXtelrZSVHtImCEMCNaYASN7LZih8+RrwQ43BRrgTQ5EYf8jfST4CSAFwVrvySBC0a"
    "BzgbyiHrElYsRjqrTApqPxcHQ3uOGvR9PZPLMh5hfH9pj/wgJdTsb3M/uu52SB7qYTfjqY"
    "D4iQeZTLCCt8by5J48kc71NWC8wnV+vBqGadHqOm4+t6u6jpDKt6WR7NU2U+XJkWdVTaw5"
    "VjbMdTojIUH6CKu0K3bG14URZjVawxFE+gPsKIbXTjST6reH3pU8rw9pVn/CZdAN8+vAXD"
    "wfSKpwZNn/RQ/fe9tNZq2TkyYrnrFJvEFspjl+RAUOQdQ7MP/OckBM3RjEdLC3TLEYOEv5"
    "vg6otv+U4XiO42y88HX0fjzzNr81n71DFj78dX+NwxZM1TbMrSZ/A02I7EuXlP81SKXhpi"
    "uBdPDPdCxDDWSYR1la5S2LK1rhTXdM08WTBv69f8zAP/pxTof4oF/1OoQVY+CV/JGvkXtg"
    "6o3ZiyiKvCIbVyRmSzQj1CNca0MzUQwljaeTEs0m6tqECEqvQERWDZ/xnTY1RM4THmIV4h"
    "jHkgShalYxeOzVUBaetWrYQM0OBLhlHFHM1kRyAy3zTE0rg3uyl4GsVXmjE1L4+paVTIUB"
    "5bhSN+2We6SM08WqDhZDy7v8WXrAOyko1486QM+bRIBGd5m/fMujcczL7wk/u5ddM+dciA"
    "wdW/7+mMmPfUuTvlrjju1rlrnjp3uV/uRlPOuWue1mR2TITbnaJDtNrzGUm+CNH6En65F3"
    "ClW8GVtIQrRN6s8fdDdadKUVEyCSsS/WK1bqRfBG0DlDUNjyERJFDTu2QRtgh1uNIBri74"
    "sqGljggomWNlFEQJK5QYTVYonvWkdJqNKFvpWTCkNOaJV+E6y8DmE2rdIuUSduuCT1DVoB"
    "ZZdZM8rYBgfbsEmifWcWWBgI2FtYFEYP+AWrOQwjYm/jlBM65MbdOZdr5AQZQlBIH5skBC"
    "1Lxz1PQPDZCpxVrrRoUa+a0h3cRvn+JKHLV/Sr4e6p+41tNgUrA0JFmXkPaWfO2/yuq5Ev"
    "AtZVuVZhH2bP+Pavl63aKRGRtdKRvt4BVBRnuxPMhF697CjIp+cVR0UwyhlijiBYUM2sy/"
    "N2wwfI3MAljXrPBB/7kzb+CLPgxeckvZMYjeU3umwf8m/itOGect3DN3jmAwHbszBPjEuT"
    "O748ZuFCI980nxU+4bN53R5dMRV/3PCRf2Xy5vvsOaZ7mdfLMnYMghuWrOtPhDQIPXFuh6"
    "Mr3mRnMbRN9pHha5l8Yv78X75b2G72bHwk/ym7MBrYtS9LZJSQOdT4yNdUcs21zmQN8rxc"
    "DPDb7D/WRWQFCSKSGTEhJSmPkigPwKyZzHzBd71DBlpE1mFqyJKVL/096jAHg9C/BaCq63"
    "n02zpwIdFBmyaXLwee2HzJsplMkf3dHsOTdK5JpT92Y3iUEyM/DwssJWnL5Q8qi2uwM1Oe"
    "LhZdhrgdljutUoSexFNxqFAHcqtZ6jZLTpySaHt/gNyHtlwt4nxuDPDT/8a0cTjWWnz/yS"
    "jZkM7lwLKlgbuqFCutYOd0ya2VshEucCzJ91fCK5OjFqNpCHKDVGpL4IIjVDXECZLstQMX"
    "bRq6+sO4nOysotwxyVF+eosNzipeUWZz5gOVHvsXt0HQ4POMlmXZ7MO1m3zLuy9sy7WqD7"
    "GTkj/xfInJLGp9bBAn2bjPAp+Z9nMrngFDNPgizh4U9VtlkNIL9kCw2ghhg8qexcU1m6kk"
    "/JphxTca1VLGmakcuT8Qm2UMktc2R8ydm0XBr3iBWg75otNGuIelO1aaqo/FR6pHiLFhNW"
    "TBvqcLuTMUbZ3ISAVJto27L2xrMhC6OcfX88ypjMPQ9sGNRpZ+kD1axW8/QBJcSSX141HS"
    "LBeG8lqQ8b9lKosNI20GO7vLFd3o7J8EzC+a+v7cD+6+sFuuOmQ248Ny97Thbo8+h63gfk"
    "fx4mpvhd3OK2b0sw8eK2bauVXeFRyxoioKzXPwKfVrCJuoJIJ3fAq/M3P/zw+kdgKues1g"
    "EU+gYb+xtFzmiX+8Tquwz/VkLS1tgCmjUDvBLWOtmGzLsF2esuUWitVVQjgrNmTlSbHOWa"
    "8JtMwyVrWBT2ERNKSaOjR6jGzEfnG3lTMCYb2WmA9DmA0rJdIGGNQkEkKe7WEv5CQKpjxr"
    "Q0hWcGi9BBfF4Tn1A9UpuQ72tNapM/DQHpkh6RUTO2XXhF6twq5oouyGag2lbYgyU0W4Xo"
    "7PVoILpzJRRP1CCsuZOYfWjjyYCAWG1twJPFDmCPgLcCLGI2NY0FN0q0OoDPGwIw9vJXj/"
    "SHhl2X5O3CPXJsi94Mu1Wy7UHZ9qB18QxaNieeK+mXOY9w7AahTkRuw2rASRJ+cYKKpoYc"
    "OQXk3OsmTf6Q1VW8ahc7NO3TMReB0i3C99jmBTsBe1nYmhQA9UrAK2pHmsc/0TVbS1VA2M"
    "ky4X7dxTbnmtyktNcWX5J2Mj4MO2AlfxWbpqrXNFUdcmS3AGCPwW+uwybGO2k+Wez9sCQz"
    "90PwqspWoVFAbs/C71aZ/KqER1QI+FnWaYyFcXYmfsRyPwI8ruC31nBPqz9DaGYVPiWf5k"
    "KK3SpVz7MiMeYRjMyuM5ntKg0i8Titex7AdF5nnRs7Mac36pdk3miN1e54UDVYanqnKg+q"
    "sJ1BXcfgmxAGc+QEinQTM+WYhXnNW/qgBzZBEKjKc9/1eN48SyIE9lPAK4tsAc+SvrG9IQ"
    "0oCKwlVdMBqRuvw+5Wgc9lvlW9fCsSZZUnNYlfrlKTlP5ltEtvBPUB4oqoYaxlZ68LYbWC"
    "O/x+9Y+sCfhdvLJe48aX33HzPKDO7oTF8zwrKu5Wzt+enYHnDSR0z57sa007G/OHncqnMF"
    "GlKT32/FZB+iZLyESceHUq6b3PqJFb+pIAtx5JttMvmT/DSmzyIzgDP5mpTk6kFGb8MeOv"
    "UuNvClcbMr7Ese2++4lmn2qVzMK6C3vCfMtQwMPbH1sJWcPyH12ATSzwx1JBhmZfA7giKK"
    "YVRy6DpbF6xIVe0StkfCTfazM3EYZg2V/GrMN6WYdsgUiJC0Tc5pPR9PbJ1XktQs3XmHp7"
    "q2wqCEoyJeRWQh0m90qKqCSGFhku9Y2kmZPRTiwlMY/35rWThRfnnARhUx81NYnDNHjOCQ"
    "82zdEQ/bIoRxblWJd21VBqoeYpTK8hFMmTOhG0gnOvm5jBQcC20tpblOVvqNiiLs09b32K"
    "gWuOu7ocDL/2gX1E9m28vbsZYHDIno3W4QLN7j9/xu18NBn3gXu8QHfTwWhGNi2knylN7Z"
    "JTD6w2AkJQzqs5j3itlXf3BXfHGHnysUDfySadWGfm5wKNxvxsPiH7SdpHWIm3M6y929kC"
    "TeZfuGkf0I9cSkvD1pzHszXnIbZGM5b/hVExfPFsmEekzorKSYidn6XDOAnkEMr4G3UYxc"
    "bM4V9xWy66IhUmr+2cwD3hfpn7LKbQglbHarqZjD/bxYOrXBufN3hyx40zwk9lcHeC/9Oe"
    "5246+TzlZjPa+dgnZEPf2eTmG0kgbB/h4eZmQjMMm581GUAa5YZUanG1ywth09pt1nrctH"
    "ZUU1/us3HkIbk2TVEURoLXdiuCRqPa3imdSiENUVDBehvGN3PK1lvnQQ2rs3FLaruBVK2+"
    "1ppir1paEQsAdmY/p1n1Ni2s3vaabgdgazQqBFphvW5xlQ0N3ZnzC3tmAJ8g+fYQ6FmW3d"
    "s8M/cEGzm8nWT1vR+0BPbeQTUlhc9DR4AR+U0azrsJRD5JQscfR8UEHpGLj6koLmZMYmBo"
    "IL+ywy+UOp9YyawKdsKOU4HvAXVmfNtGhynbbWbS2BFhpHFm0rhZ/COjooohIB0LJJMJEJ"
    "BihEl0LOZ6nZUwcUUYpocZE28EzJH+pzfupmEgp3VBA43W54AOB7Ph4IoL0iaWT858+wO8"
    "idtsa7Vt0LUiy8rz/a4T5ara97qHvVRalDd2pTuov5EoVrInkZnNGmFTz/12Hj/+d+bCVu"
    "nCPkmalM8m9Es2xybsfN9Yaa1ICAqu50BXlEewk4VV2kUdDbEOUwWjs6i2Bka1KYaOXeGY"
    "NZ6HleYRr7XSptxg+MUkMujBAo0n/GA8+07U4Rwu0HBwc0OiTPkp9/M9bhGU6QhdW6Arbn"
    "gzGpO79tHxyu2lUW4vXrm9kHKRgkfHLKyII8A4kcycSNgAiRwGY4CPEk4aCetD5pqDoALM"
    "twfGDggPWAnHD4BkUAtndXctvmzrnVy5Wq936syxOWHOWf9DA1uF5s4i27XJe3JAdgcTLa"
    "jfGLvjQWZroxgpeBQpyCKoOowQrC2mLITqJCFUjAtsNBc4gKq02nQimEDrTjeJBxTcMixA"
    "pUmdZTeJ3YOqJkX5NPGr3zwideYG0kPs99YvLtK46xcX8f46uecf9kmjyoCwVbyF6Fa7tj"
    "B+O834tYUVbKZZ/hAVBW5h22aeNIPC3/8PTR7jTQ=="
)
