from __future__ import annotations

from server.access.services import update_staff
from server.card.models import Card, CardAction, CardEvent, CardKind
from server.card.services import CardTypeDraft, IssueRequest, change_status, create_card_type, issue_card
from server.member.models import MemberStatus
from server.member.services import set_member_status
from tests.schema.card.conftest import ISSUE, gid


def _input(wallet, **extra):
    return {"memberId": gid("Member", wallet.member.id), "cardTypeId": gid("CardType", wallet.card_type.id), **extra}


def _errors(body):
    return [(e["field"], e["code"], e["message"]) for e in body["data"]["issueCard"]["errors"]]


async def test_a_clerk_issues_a_card_with_a_generated_number(api, org, wallet):
    clerk = await api.login("sh001.clerk")

    body = await clerk(ISSUE, input=_input(wallet))

    issued = body["data"]["issueCard"]
    card_no = issued["card"].pop("cardNo")
    assert issued["errors"] == []
    assert len(card_no) == 16 and card_no.isdigit()
    assert issued["card"] == {
        "status": "ACTIVE",
        "pinLocked": False,
        "parentCardNo": None,
        "replacedByCardNo": None,
        "cardType": {"code": "STD"},
        "member": {"name": "顾客"},
        "balance": {"principal": "0.00", "bonus": "0.00", "total": "0.00"},
        "events": [
            {
                "action": "ISSUE",
                "fromStatus": "",
                "toStatus": "ACTIVE",
                "reason": "",
                "operator": "sh001.clerk",
                "store": {"code": "SH001"},
            }
        ],
    }
    assert (await Card.get(card_no=card_no)).issued_store_id == org.stores["SH001"].id


async def test_a_clerk_issues_cards_to_members_of_any_store(api, org, wallet, outsider):
    clerk = await api.login("sh001.clerk")

    body = await clerk(ISSUE, input={**_input(wallet, cardNo="cd0007"), "memberId": gid("Member", outsider.id)})

    assert body["data"]["issueCard"]["errors"] == []
    assert body["data"]["issueCard"]["card"]["cardNo"] == "CD0007"
    assert (await Card.get(card_no="CD0007")).member_id == outsider.id


async def test_a_taken_card_number_is_a_duplicate_and_nothing_is_written(api, org, wallet):
    clerk = await api.login("sh001.clerk")

    body = await clerk(ISSUE, input=_input(wallet, cardNo="c0001"))

    assert _errors(body) == [(["cardNo"], "DUPLICATE", "Card number C0001 is taken.")]
    assert body["data"]["issueCard"]["card"] is None
    assert await Card.all().count() == 1


async def test_bad_issue_requests_are_refused_and_nothing_is_written(api, org, wallet):
    clerk = await api.login("sh001.clerk")
    await set_member_status(org.actors["hq.admin"], wallet.member.id, MemberStatus.DEACTIVATED)
    deactivated = await clerk(ISSUE, input=_input(wallet))
    await set_member_status(org.actors["hq.admin"], wallet.member.id, MemberStatus.ACTIVE)
    cases = [
        (_input(wallet, cardNo="C-1"), (["cardNo"], "INVALID", "A card number is 4 to 32 letters or digits.")),
        (_input(wallet, cardNo="C1"), (["cardNo"], "INVALID", "A card number is 4 to 32 letters or digits.")),
        ({**_input(wallet), "memberId": gid("Member", 999)}, (["memberId"], "NOT_FOUND", "Member not found.")),
        ({**_input(wallet), "memberId": gid("Store", 1)}, (["memberId"], "INVALID", "Not a Member ID.")),
        ({**_input(wallet), "cardTypeId": gid("CardType", 999)}, (["cardTypeId"], "NOT_FOUND", "Card type not found.")),
        (
            _input(wallet, parentCardNo="C0001"),
            (["parentCardNo"], "INVALID", "Only subsidiary cards have a parent card."),
        ),
    ]

    for given, error in cases:
        body = await clerk(ISSUE, input=given)
        assert _errors(body) == [error], given
    assert _errors(deactivated) == [(["memberId"], "INVALID", "Cards are issued to active members only.")]
    assert await Card.all().count() == 1
    assert await CardEvent.all().count() == 1


async def test_a_subsidiary_card_needs_an_active_parent_that_is_not_itself_subsidiary(api, org, wallet):
    hq, clerk_actor = org.actors["hq.admin"], org.actors["sh001.clerk"]
    sub_type = await create_card_type(hq, CardTypeDraft(code="SUB", name="副卡", kind=CardKind.SUBSIDIARY))
    await issue_card(clerk_actor, IssueRequest(wallet.member.id, sub_type.id, card_no="S0001", parent_card_no="C0001"))
    frozen = await issue_card(clerk_actor, IssueRequest(wallet.member.id, wallet.card_type.id, card_no="F0001"))
    await change_status(clerk_actor, frozen.card_no, CardAction.FREEZE)
    clerk = await api.login("sh001.clerk")
    sub = {"memberId": gid("Member", wallet.member.id), "cardTypeId": gid("CardType", sub_type.id)}
    cases = [
        ({}, (["parentCardNo"], "INVALID", "A subsidiary card needs its parent card.")),
        ({"parentCardNo": "NOPE0001"}, (["parentCardNo"], "NOT_FOUND", "Card not found.")),
        ({"parentCardNo": "F0001"}, (["parentCardNo"], "CARD_NOT_ACTIVE", "The parent card is frozen, so this card can't be used.")),
        ({"parentCardNo": "S0001"}, (["parentCardNo"], "INVALID", "A subsidiary card can't be a parent.")),
    ]

    for extra, error in cases:
        body = await clerk(ISSUE, input={**sub, "cardNo": "S0002", **extra})
        assert _errors(body) == [error], extra
    assert not await Card.exists(card_no="S0002")
    issued = await clerk(ISSUE, input={**sub, "cardNo": "S0002", "parentCardNo": "c0001"})

    assert issued["data"]["issueCard"]["errors"] == []
    assert issued["data"]["issueCard"]["card"]["parentCardNo"] == "C0001"


async def test_a_pin_is_required_by_types_that_need_it_and_stored_hashed(api, org, wallet):
    pin_type = await create_card_type(
        org.actors["hq.admin"], CardTypeDraft(code="PIN", name="密码卡", requires_pin=True)
    )
    clerk = await api.login("sh001.clerk")
    given = {"memberId": gid("Member", wallet.member.id), "cardTypeId": gid("CardType", pin_type.id), "cardNo": "P0001"}
    cases = [
        ({}, "This card type needs a PIN."),
        ({"pin": "12345"}, "A PIN must be exactly 6 digits."),
        ({"pin": "1234567"}, "A PIN must be exactly 6 digits."),
        ({"pin": "12345a"}, "A PIN must be exactly 6 digits."),
        ({"pin": "888888"}, "A PIN can't be one digit repeated or a run like 123456; choose another."),
        ({"pin": "345678"}, "A PIN can't be one digit repeated or a run like 123456; choose another."),
    ]

    for extra, message in cases:
        body = await clerk(ISSUE, input={**given, **extra})
        assert _errors(body) == [(["pin"], "INVALID", message)], extra
    assert not await Card.exists(card_no="P0001")
    issued = await clerk(ISSUE, input={**given, "pin": "080512"})

    card = await Card.get(card_no="P0001")
    assert issued["data"]["issueCard"]["errors"] == []
    assert card.pin_hash.startswith("$argon2id$")
    assert "080512" not in card.pin_hash


async def test_accounts_without_card_operations_may_not_issue_cards(api, org, wallet):
    await update_staff(org.actors["hq.admin"], org.staff["sh001.clerk"].id, withholds=["CARD_OPS"])
    clerk = await api.login("sh001.clerk")

    body = await clerk(ISSUE, input=_input(wallet, cardNo="C0009"))

    assert _errors(body) == [(None, "PERMISSION_DENIED", "Your account may not operate cards.")]
    assert await Card.all().count() == 1
