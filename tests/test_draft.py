from okx_helper.settings.profile import Profile
from okx_helper.writing.draft import Draft


def test_round_trip_keeps_everything():
    draft = Draft(
        to="p2p@okx.com",
        category="p2p",
        email_lang="zh",
        subject="P2P 订单未放币",
        fields={"order_id": "123"},
        description="卖家未放币",
        profile=Profile(email="me@example.com", uid="1234567890123456"),
        not_sensitive=[("bank_card", "4111 1111 1111 1111")],
        step=3,
    )
    assert Draft.from_json(draft.to_json()) == draft


def test_damaged_values_are_dropped_not_fatal():
    draft = Draft.from_json({"to": 5, "fields": {"a": 1}, "step": "x", "unknown": True, "profile": {"uid": 7}})
    assert draft.to == "support@okx.com"
    assert draft.fields == {"a": "1"}
    assert draft.step == 0
    assert draft.profile.uid == "7"
