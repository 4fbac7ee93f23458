from tortoise import BaseDBAsyncClient

RUN_IN_TRANSACTION = True


async def upgrade(db: BaseDBAsyncClient) -> str:
    return """
        CREATE TABLE IF NOT EXISTS "delivery" (
    "id" BIGSERIAL NOT NULL PRIMARY KEY,
    "key" VARCHAR(150) NOT NULL UNIQUE,
    "member_id" INT NOT NULL,
    "purpose" VARCHAR(14) NOT NULL,
    "source" VARCHAR(64) NOT NULL,
    "channel" VARCHAR(10) NOT NULL,
    "template" VARCHAR(64) NOT NULL,
    "params" JSONB NOT NULL,
    "subject" VARCHAR(200) NOT NULL,
    "body" TEXT NOT NULL,
    "status" VARCHAR(8) NOT NULL,
    "reason" VARCHAR(500) NOT NULL,
    "attempts" INT NOT NULL,
    "provider_ref" VARCHAR(200) NOT NULL,
    "created_at" TIMESTAMPTZ NOT NULL,
    "sent_at" TIMESTAMPTZ
);
CREATE INDEX IF NOT EXISTS "idx_delivery_member__efb6ce" ON "delivery" ("member_id");
CREATE INDEX IF NOT EXISTS "idx_delivery_created_9da4ce" ON "delivery" ("created_at");
CREATE INDEX IF NOT EXISTS "idx_delivery_member__7f1714" ON "delivery" ("member_id", "purpose", "created_at");
COMMENT ON COLUMN "delivery"."key" IS 'Unique delivery key.';
COMMENT ON COLUMN "delivery"."purpose" IS 'TRANSACTIONAL: TRANSACTIONAL\nCAMPAIGN: CAMPAIGN';
COMMENT ON COLUMN "delivery"."source" IS 'What asked for it, e.g. notice:CONSUME.';
COMMENT ON COLUMN "delivery"."channel" IS 'LOG, EMAIL, SMS or WEBHOOK; empty for the best one of the member.';
COMMENT ON COLUMN "delivery"."status" IS 'PENDING: PENDING\nSENT: SENT\nSKIPPED: SKIPPED\nFAILED: FAILED';
COMMENT ON COLUMN "delivery"."provider_ref" IS 'The id the channel gave the message.';"""


async def downgrade(db: BaseDBAsyncClient) -> str:
    return """
        DROP TABLE IF EXISTS "delivery";"""


MODELS_STATE = (
    "eJztXWtz2kjW/itdfNlMFUnZJE6yZHerCJZtNhg8gJPdGaa0AjVGa9FiJGEPte/897e7db"
    "9aEpJo5PYHo0sfIZ7Tl3OePn36f62NJkPVeDeBD4qGWl3wvxaSNhAfhO60QUvabr3r5IIp"
    "LVRaVPfKLAxTl5YmvrqSVAPiSzI0lrqyNa3no52qkovaEhdU0IN3aYeU33dQNLUHaK6hjm"
    "/8+hu+rCAZ/gEN53T7KK4UqMqBV1Vk8t30umjut/TaAJlXtCD5toW41NTdBnmFt3tzrSG3"
    "tIJMcvUBIqhLJiSPN/UdeX3ydvbvdH6R9aZeEesVfTIyXEk71fT93IXoXWuJ4mg8E6fCTB"
    "RbOQBaaoiAi1/VoL/+gbzC2875h08fPr//+OEzLkJf073y6U/rqz1gLEEKz2jW+pPel0zJ"
    "KkEx9kBdYj1HYe2vJT0eV6d8CFn8ymFkHRzZhXYj/SGqED2Ya3z6vpOC4/fepH/Tm7x53/"
    "mJfKGGK7/VJkb2nQ69RaD2oKWfOaB1ypcDrXPBw9ZrqrWDe352lgFdXCoRXnoviO9ShwQP"
    "UTKjKF/iO6aygQmVOCAZwlu2Rd85B6eIPv6B8hipe7tJpYA/G9wK01nv9o583cYwflcpfr"
    "2ZQO506NV96OqbjyE9uQ8BPwazG0BOwS/jkUDh1QzzQaff6JWb/dIi7yTtTE1E2rMoyb7W"
    "71x1UPuTDAmrR1//RS4spOXjs6TLYuCOVz0MUyPfGqkaX225q28TqEqmPaSFKoE9LE7JM0"
    "5Q/386Nd656tUDP0DSanUoPvYjXsDHVizz8JB6pXW0pJoWvbXpbMJXJCQ90J9Evpt8U6Au"
    "xdhebiVLNr0Mtwi3vLjlxS0vbnkd1fLCozUeWmPG1mSIfSL1odxq1YJx5+IiA8a4VCLG9F"
    "4QY8UQcT+vPMVU5K+apkIJJXS/frkQ1AssWBXWTv9R3XAdB+7X8XgYMFy/DmYhkO9vvwq4"
    "hlPscSHFhP7+mbsTr8+d8GvdIrXEXBZOQOZlQ+cUFFyCrRNx0sIgRxG+wlat8oC+wT0Feo"
    "DfSULLuJ4rQlOeGMBJHge+rEvPrskdrFr4AP9qaHVYE1zTJ4M+Rjqb88t9uxTXdwM3C6gf"
    "SA7c0oc0qDIGIFpBKJNadhhGV76nNKQeVcsRkDYXyxHYjTGNI3CKcI7glMbNdgpHsDOgnt"
    "eZ9cs0jiv4+CGDp/XxQ6KjRW4FzX5ZMbaqtBfzwhyWa5xXWwlzsJUM41nD3eRaMtZ54I4I"
    "NpCrqYRH0DU1oV4LaLeJ2N1BR8eWZRnr1s3PXXDz8xxNhOvBeNQF1uccTWfjidAF9KNVqP"
    "5nqv4ptZ9TOi9ZVxVTOg+6RL4vgvY/p+NRPNSeRJjGUZYm+D+gKkZl/n3rb6sdWhIkwWKn"
    "qKaCjHfk+/5RVX+fogSCUEAJTr1+c9v7V7jK94fjr2Fqhjzga0gdz4q5XmvEyMmhkYAQV0"
    "rpSllJigplUdUe8E/LYcJH5Oojws6YtuY9aFVt+Ygh2iFTUfNyymHZElhlNh1s1klkB5NU"
    "FpnPHSQ3Kj53UO7cAWPNuOxOk4a65MPUL8IhZXA2hjF8y5yMiVTdEnDNGnV4orD6m+shU1"
    "zQMPAbHhzhKa1WU+tRJzi65prKEbUt/nUxPWtFMzqnDRZ8grHkQRGwBPKsxiKmqSq2m3bb"
    "Q8Giz7nfNgmnyicLna4rac7Q17W9MHUoGr6iL00htnoIaFsJgw8WUNKhDkztEaI2oJ27DD"
    "Rs8APJAIppgOlN723n4iN4Q4sYABcH+PztQjGBLiFZ2/z0LkzQVvF8PrnJ1uQmVVfuiaCg"
    "FJ/gfHGCk3MTydA3l5uAf2wV/LQCWg9KNlDrJ6LlTMSjDp+0x0KNOyjJ6WWWtaxs84yQVu"
    "nGxaOUPzJaZm9OqtET4ZHfL3ONCXHIBSixbMHIrMGbnRPz6lWAE+v3pv3epZBGiVXpY84U"
    "6ihFfEt6vZ3mU5pOCR6NekptuZ3isB13WSVDTtpFltCwi+TQsItIaJguoZhI++RZRLt4OU"
    "NQFci2bpQH3GaBYoAFNE2ofwGaLkMCMniE+wjhU8/koqwYS22HTHEL9aVNyWaEPE60Pgvg"
    "/Cxn0EtruiY8mLai0VFgqytLCLaSIrfB+Vv8tCMpYKuRJ4sb/BOUrYqHCHG7zKOFRHmWVS"
    "FIOgLeK4P57uxM/nREJUD9MVcMnivA4+8CLmMZ8Xecnkuu982i5wplMap3pSKbHE6902oW"
    "WDPpoRXj93g322nOj6U10bTLleoC/Wo/3frCh9Zv3Cc6ZhYf3n2/ku47un48H3UYkOHcYY"
    "xdinuzfJB6AhzPl7lYb9g4kIxtXOKDdoiNDTTVeDo2VG9LQNU2KhoKqddUmaK34628F+27"
    "Sgw7bsdxbruJ3DYGTYsZdtIyXdoCjZvDPv+YZU152LD1rSn/GElf4XutHBCHxBoHdCWpFL"
    "ivl4x+s3y9A6g6UVVQHLuen69rlkFYA2cXZ8p5vspLbB036Bpl0NmtEWl5hsWAUONMu04W"
    "066TbNp1IqYdT7RdcbosjBIUIVrq+60Zt3IvJWFWVLSBqFdi51nQ0d+XH3FXrHHdR/kBuB"
    "Zixm61Ugog7clVVbGPh3UWqJORjgCNoZDjqN9saeA86Rr9xPvRt9H4xyinu+iIdYF9MEe3"
    "vaHQBeT/HF0J1pn12SrUzWfq5XNkhVsourmWpX28TxnfAPwyad5kBu2wOeUfhy5xBsMbUS"
    "CkPEHdkPRc8IXEXjOCcCPFJadK7ntdgQZyRll6XVwqxZaIrr5c48oGExB+uev1ideIt5cz"
    "M0/AqS/f5hz9EL52Af43R/3ecCj2hdFMmHSB72SOBrd348msC6xP3FMPRgPxbjK+nvRucY"
    "/tOyvUU5fOtW4k/RH3DOiBshux4cOpeTxj5WvM5+leOdmEnjZuRRjYgCRf7sjyckfJxL91"
    "sTPjdm9MDlIOSrERqUy+tjGRyniIMncJm369PJJ50jUOZL3+bPA990hmSXWB9TlHlwI9wk"
    "3jsgt8J3PUG41H/74d/EJueMeFRqssm+CdJ2+Cdx7ZBM/UTEkVjS123mLGKeUhOaoqKMhs"
    "XtfWFUT5VlD8tdN5//5T5+z9x88XHz59uvh85rLO0Vtp9PPXwTUZnAK6iI5WT4qhmCJdNZ"
    "SD4A9JMQv/0cIEV4pumOJ2p2Pj2IAFbIHYB3CTgGWTQJUOU3mcPNc4yxo/rWCLWpniZsVa"
    "+JW+28oFlR6U5BE2rGg9pq1HEkiutQ0UC+R9jsjxVQAx5pIOV1DX865WCUnxtNoxy1WUvK"
    "D6JDigL65X8Zp3FOLKcmqz1htkXV8R6Qsz5Ct32ngJ8DZthXEY3lB3GAAXvwMY3Q+HrUjv"
    "UAKwTqKlZsLq6xAPyARP1hbxqNv4qNtoe5dUnk0gGaMlBuFAfPq4XFOrUO27Qp8mSjwj/l"
    "GWAfR2smIKyNT3rZilAL677bTlABIpJ0K3YJVrAn7FX6vju5bm6VvQUzwm/pZrvUDahE7D"
    "lgzUMouTvLAAVwUtp9/nF+GOX9STtvDJu5ggKNW4cLTyw62Tt4JO4IBq3/65tq3Nyw7i5V"
    "sBVtAt8K0Aq+hpc64U9ySat8qi/C42ZM1lBTkk1sCFWu+zxDe9T45veh+Nb3It5fxAx3YQ"
    "pz+ulV+fF3AVy78nh2F6EgeFYDLWD9cdaymtzDj6OCX61RHgqBdHne+zUkknwkN5GhbUUU"
    "LalCppQErAxxCADjGfTP0tnRI8D0htTaDqBL2kOuXLAuITadwi/vLt8Fe7LGQ4ns66gPyf"
    "o6vJ+Bdh1AXWJ1n0OOoLwyFZF+Ietgqoq3ymaivpZB1crr4mIFMRrVLGnjOzNQSk8YLntW"
    "ZAsJBUUueABIzdwlBkRdL3gK5rMY6084YOt6q0xAbNYp+XKwwLMsxueXow15IJnHfHZ4oB"
    "NATBm/nu8+ePF/PdxfuP59HNn+vRxVbJv/mwX6ZQf8WYg1VHMh0M2UpS1J0et5wzucsJif"
    "FlUOH6qxjGDncIBUjyGEmGe5NjA5zfaw0I8qUIrHutfAFKk7WeZQEKdfjIT8jXj4bF+PKT"
    "mF6Ub5VSFqopSyX41h5ZI86Tt/aIXyPhtvESwCX848x+VEPhDXeJB0T1wydIvjwCe95QbO"
    "EJnmSXcZQIWg+wBP7cRTOdRBehW+4lKr31Y60BWSGkjWQCUwMS5Q7a+BzqkH4gICFyP7pt"
    "cG7hkul5HnZL7tUUdpsYufQyzVx9FFMpxNlgOr0XuoB+zNFEIHnxRItn9p049DI5mToEMz"
    "0hRLQg/EIynNLPObofOVecI/rcYa8v0GeSA+d5zqPm6G4wws/rfyP8tXdsXce9uDCzLtPD"
    "QrR26dmOVrq2EdOmIuLbaEiscZP55c8fYC8qP8wBIQ7yiyBjV9vIF6bpSTQO3kpoaVwdV6"
    "u8scWeCOdLebh2DZCeVuQUpyPLIaGpA5WfieR0WVa6zAnzKoHPOUFwc3E57O3Z6rJoCQyF"
    "w7C9QFA4nB4P9TupVt1OoQiWWNV5bGanPA/yC9nL0SA/vtFXhRvkPipxKZqzEVuObI1e35"
    "0wmY5HvWFO78+V6wLnaI6GgxElmazPObqejO/vuoB+zNH0/ut0cDnoTf7dBd7xHH0f4DL4"
    "HxvUE3ViDPFJUncxbSR1R4iwaI2bQTi908nuBQElHRniVlPiZ4nSYA+Lctizw/6gPOEaKy"
    "tGQl7zVOCjwkxD3/qxppYdwP8AyVUGnFcH2LpUFZg1jrge1ejw951C+pOtEsMdpiomLMp3"
    "pcmBuywp6l5UlY0S1x5SZghDggwzYGSvBSt0nnwt2OKmQAO8yYEs7b/QR4K/A6QhyPSeDD"
    "KUd3QuUNT0A7ZEjHlMnRbYZDDqD+56Q/FqMJnOchtiQXFsjwUvzNHX8eh+6tz1nczR3WQs"
    "TnqzHhGyjgoZYaXvzaUYIpnjfcprgQXkmB6MGOv0ODWdXNebRU3nWNXL82geK/Ph0rKo49"
    "IeLl1jO5kSVaH8AHXcFXplmeFFeYxVucZQMoH6CGO20U0m+ezi7NKnlOHtas/4TdoAvnt4"
    "B/q9yaVIDZou6aG6HzpZrdWqc2QkctcZNoktlceuyIGgyLuGZhcEz0kImqsZn5bm6FYgBo"
    "l4N8bVF98KnM4R3W1WnPW+DUbXU3vzWefUNWPvR5f43DVkrVNsytJniDTYjsS5+U+LVIpO"
    "FmK4k0wMdyLEMNZJjHWVrVI4skxXiiu6Zp4smHf0a30Wgf9zBvQ/J4L/OdIga5+Er2WN/C"
    "tbB9RsTHnEVemQ2jkj8lmhPiGGMW1NdghhLJ28GDZpt9J0IENdeYIysO3/nOkxaqbwOPOQ"
    "rBDOPBAly8qhC8dmuoSMVaNWQoZo8AXHqGaOZrwlEFlvGmFpvJvtDDyNFijNmZrXx9ScVM"
    "hQEVtFIH7ZNV2kZh3NUX88mt7f4kv2AVnJRrx5UoZ82iSCu7zNf2bf6/emN+L4fmbfdE5d"
    "MqB3+c97OiPmP3XvToRLQbh171qn7l3hX3eDieDetU4ZmR2T4WarmRAt92JOki9GlF3Cr/"
    "ACrmwruNKWcEXImxX+fqhvdSUuSiZlRWJQjOlGeiMZa6CtaHgMiSCBhtkmi7BlaMKlCXB1"
    "wZd3RuaIgIo5Vk5BVLBCidNkpeLJJqVz2ojylZ4lQ0pjnkQdrvIMbAGhxi1SrmC3LvgEdQ"
    "MasVU3zdMKCbLbJdA8sa4rCyRsLKx2SAbOD2CahZQ2CfHPKZrxZJhNZ9q6gZKsKggC62WB"
    "gqh556rpLwYgU4tM60aHBvmtEd0kb5/iSRy0f0qxHupvuNbTYFKw2CmqqSDjHfnaf1TVc6"
    "XgW8m2KqdF2PP9P+rl602bRuZsdK1stItXDBntx/JFLtr0F+ZU9Kujok/FEGqIIl5RyKDD"
    "/PvDBqPXyCyAfc0OHwyeu/MGgejD8CWvlBOD6D91ZhqCbxK84pZx38I78+YIepORN0OAT9"
    "w70zth5EUh0rOAlDgRvguTKV0+HXM1+Jxo4eDl6uY77HmW2/F3ZwKGHJKr1kxLMAQ0fG2O"
    "rsaTK2Ewc0AMnBZhkTtZ/PJOsl/eOfHd7Hj4SXFzNqR1WYnfNiltoAuI8bHugGWbiwLo+6"
    "U4+IXBd7mf3AoIS3Il5FJCSgqzQARQUCG585gFYo9OTBlZk5mFa2KG1P+09ygBXt8CvIaC"
    "6+9ns+ypQAdFjmyWHHx++yH3ZgpV8kd3NHvOUItdc+rdbKcxSFYGHlHV+IrTV0oeMbs70C"
    "lHPLwOey00e0y3GiWJvehGoxDgToXpOUpOmx5tcniD34C8Vy7sA2Ic/sLwwz+2NNFYfvos"
    "KHkyk8GtK0kHq5250yFda4c7JsPqrRCJcwHWzzo8kRxLjJoD5EuUGidSXwWRmiMuoEqXpa"
    "/ttvGrr+w7qc7K0ivDHZVX56jw3OKV5RbnPmA1Ue+Je3S9HB5wlM26fJl38m6Zd2nvmXc5"
    "R/dTckb+z5E1JY1P7YM5+j4e4FPyv8hkcskpZp4kVcHDn65t8hpAQckGGkAnYvBksnMtZZ"
    "laMSVbclzFTKtYMYxdIU8mINhAJTfMkQkkZzMKadwnVoK+GVtodiLqzdSmqaKKU+mx4g1a"
    "TFgzbWjCzVbFGOVzE0JSTaJtq9obz4EsinL+/fEoYzLzPfDEoM46Sx+qZkzN04eUkEh++d"
    "X0Egkm+isJO2zYa6HCKttAj+/yxnd5OyTDMwnnv7pyAvuvruboTpj0hdHMuuw7maPrwdWs"
    "C8j/IkxM+bu4JW3flmLiJW3bxpRd4VPLCiKgrVZfQEAr2ERdQmSSO+DN+du//vWnL8BSzh"
    "nTARTmGhv7a03NaZcHxNhdhn+rIGWz2wCaNQO8kVYm2YbMvwXZT22iUKZVxBDByZgT1SRH"
    "mRF+k2u4Yg3L0j5mQiltdPQJMcx8tL6TNwUjspGdAUifAygt2wYK1iiUZJLibqXgLwSkOu"
    "ZMS1N6ZrAYHSTnNQkIsZHahHxfY1Kb/L6TkKmYMRk1E9uFX4TlVjHTTEm1AtU20h4soNUq"
    "ZHevxx2iO1dC+UgNwp47SdiHNpkMCIkxawMeLXYAewSiHWCRsKlpIrhxovUBfH4iAGMvf/"
    "lIf2jUdUnfLtwnx7fozbFbJd8elG8Pyopn0LA58UJJv6x5hEM3CHUjck+sBhwl4Zcg6Wiy"
    "U2OngNx77bTJH7K6StSdYi9N+7SsRaB0i/A9tnnBVsJeFrYmJUC9EvCG2pHW8d/pmq2FLi"
    "HsZFlw/9TGNueK3KS01wZfUrYqPow6YBV/FZ+mYmuaioUc2Q0A2GfwW+uwifFOmk8eez8q"
    "yc39CLy6ttFoFJDXs4jbZS6/KuURNQJ+lncaY747O5M/YbkvAI8r+K0N3NOazxBaWYWPya"
    "d5kGK3SjeLrEhMeAQns1kmsz2lQSQfpnXfA7jOWdb5bisX9EaDktwbZVjtrgfFwFLTO117"
    "0KXNFJomBt+CMJwjJ1SknZopxyosGv7SL3pgYwSBrj13PY/n7bMiQ+A8BbyxyRbwrJhrxx"
    "sygIbAStENE5C68VPU3Srxudy3Ysu3IlFWRVKTBOVqNUnpX067dCjpDxBXRANjrbp7XUjL"
    "Jdzi92M/sibkd4naaoUbX3HHzfcAlt0Jm+d51nTcrZy/OzsDz2tI6J492deadjbWDzuWT2"
    "GhSlN67MWNhsx1npCJJPH6VNL5kFMjt/QlAW49iuqkX7J+hp3Y5As4A3+3Up0cSSnc+OPG"
    "X63G3wQu12R8SWLbA/dTzT7dLpmHdZf2hPlWoYSHt/9sFGQPy/9pA2xigf8sNLQznGsAVw"
    "TNsuLIZbDYLR9xoTf0Chkfyfc6zE2MIVj1l3HrkC3rkC8QqXCBiNd8cpreATmW1yIwvsbU"
    "31vlU0FYkiuhsBJYmNyrKKKSGFpkuDTXimFNRruxlMQ83lvXjhZeXHAShE99MGoSR2nwgh"
    "MefJrjRPTLoxx5lCMr7epEqQXGU5heQSiTJ7ViaAX3Xjs1g4OEbaWVvyjP31CzRV2Ze974"
    "FANXgnD5tdf/1gXOEdm38fZu2MPgkD0b7cM5mt5fX+N2PhiPusA7nqO7SW8wJZsW0s+Mpn"
    "bFqQeWawkhqBbVnE+caeXd3eDuGCNPPuboB9mkE+vM+pyjwUiczsZkP0nnCCvxdoq1dzud"
    "o/HsRph0Af0opLQsbM15MltzHmFrjN3ivzAuhi+ZDfOJsKyogoTY+Vk2jNNAjqCMv9GEcW"
    "zMDP6RtOWiJ1Jj8trWEdwT4V+zgMUUWdDqWk3D8ejaKR5e5XryeYPHd8IoJ/xUBncn+D/t"
    "ee4m4+uJMJ3Szsc5IRv6TsfD7ySBsHOEh5vhmGYYtj4ZGUBOyg2p1eJqlhfCp7WbrPWkae"
    "24pr7Y5+PII3JNmqIojQRndiuCk0a1uVM6tUIaoaDC9TaKb+6Urbfug06sziYtqW2HUrUG"
    "WmuGvWppRSwB2KnznNOqt1lh9bfXbDsA26NRKdBKq1WDq2xk6M6dX9g3A/gEybdHQM+z7N"
    "7hmYUneJLD21FW3wdBS2HvXVQzUvgidAU4kX9Kw3k7hcgnSejEw6iY0CMK8TE1xcWMSAwM"
    "DeTXtviFMucTq5hVwU7YYSoIPIBlxrdpdJi22eQmjV0RThrnJo1Pi3/kVFQ5BKRrgeQyAU"
    "JSnDCJj8VcrfISJp4Ix/RlxsQfAXOg/+mPuzkxkLO6oKFGG3BA+71pv3cphGkT2yfnvv0L"
    "vInXbJnaNuhKU1Xt+X7binNVnXvtl71UWlTcbSt3UH8lUaxkTyIrmzXCpp737SJ+/G/cha"
    "3ThX1SDKWYTRiUPB2bsPVjbae1IiEouJ4DU9MewVaVllkXdZyIdZgpGJ1HtZ1gVJu2M7Er"
    "nLDG82Wl+cSZVtpE6PVvLCKDHszRaCz2RtMfRB3u4Rz1e8MhiTIVJ8LP97hFUKYjcm2OLo"
    "X+cDAid52jw5XbyaLcTrJyOxHlIg2PjnlYEVeAcyK5OZGoARI7DCYAHyecNhKyQ+Zag6AG"
    "rLcHuy2QHrASDh8AyaAWzeruWXz51jt5ckyvd2rNsDlhzVn/xQAbjebOItu1qXtyQHYHk2"
    "2o3+62h4PM10ZxUvAgUpBHULU4IcgspjyE6ighVJwLPGku8J/aohVDA5LL7TQG8L92gWpp"
    "PzLFTmuNvkPEZMjH86VldWkY1VdLIpeUxakwJtgvebGcXbwcz7MK+FsDGW622ENGyz3Ab0"
    "t2iSTkH671hQJYOpnWz3VS1s91ouvnTMmImeJKRt0pzzZ7Ax8Uw4Q6dn3I+wLyY9sAvnt4"
    "52T/tFJPFlLDxw8ZtPDxQ6ISyK1QUlBpr2pSTN+TvG2nT4SNTTvJ1zZm0053xCi6xLFmgr"
    "P1871wbwdX5WgmllQXWJ9zNLkfjQaj6y6wD8gi+X5fEC5JIfdwjq56gyG5ZH2ywUtLpok7"
    "27jI5cTR2y/C7B6frRvtGWDDaw8IlWEAieQ2foQ6WKoSviADxTxSPjDbmorgnU7deFKnQ9"
    "tYlKVibXOLfwAg7OsrnLBTJcMUoa5rMV5w8hxBUIpPFOSeKFC15WPCUphkOy0gxC7olL62"
    "ezTcshDJ0o4b2htNtzaW1iXa8EgdimYXPo61ZiObv+sLCPI8eSz3dHxqIrl5NXdqYqUgxV"
    "gXUntIlLdu1lp3hNg/DlN6CVWFZPJtxdCl7r12Gmcq+0tVS5wGp912OtYDrbm+Po5zqZxL"
    "rYVLvadPB07tJ3xqsVWAmdLyn6fk5T+PSczP6pz26cUL+1hRr8MpQsP5xJnmqmeT3mja65"
    "Pkk71hFwROSXzh7V1vcD0iUYXWUaFKn8UJOk92gs4jTpCh7fRlrp0+PAmGvdEfxOeUjEca"
    "M6Vjz9OeNUCaqSxhtz8eTe9vBUYc0dT46QTv5Bgx07m1MBxft4Fw2xsM2yQMGmBN/BC+3o"
    "zH374AwtjuqXLcXYE0BJ2pNatTLTYwlE5JE3ZZTZxISJhe88mwq6HsY0LlM2e6tInh/NMm"
    "zhwJPm+WzlQWmTc7kZS3NdX3SibsF5ocY9on0+9O+QagWzfxfoKpbu+E0eVgdJ13xLXFus"
    "A+mKOpQPKlk//4+Nvg7o7OAVsHZcwAf87QMj4ntovP4VahQ8mIW0GR3PF4Eg1oGeGd57Jt"
    "PZe299yrmWA/nn+ra0+KDHVRhzHBr8kVNyzHbvWlk3uKbK14tTwP8CA9QdtUNwzpoVgIVi"
    "UD62nN+fAc2aVM+RgQmUW2tPPE+FQPn+qJnerpQV1ZrlsxEz32nXbaNI/kleFZG2vr6KpO"
    "eQF1Q8lnpvpEWKaxi3rIFxdZBvKLi+SBnNwLWarbbR6E7eINRLfeDXeSObfkDXdqIN2OM1"
    "CWRq8ddTD78/8BUDbEoA=="
)
