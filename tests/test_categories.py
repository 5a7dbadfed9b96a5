import pytest

from okx_helper.writing import categories
from okx_helper.writing.categories import _load
from okx_helper.writing.fields import KINDS

EXPECTED = {
    "account_security",
    "login_2fa",
    "deposit",
    "withdrawal",
    "kyc",
    "p2p",
    "trading",
    "api",
    "earn",
    "fees",
    "account_closure",
    "other",
}


def test_all_issue_categories_exist_with_both_languages():
    cats = categories.categories()
    assert EXPECTED <= {c.id for c in cats}
    for cat in cats:
        for lang in ("en", "zh"):
            assert cat.text("title", lang) and cat.text("subject", lang) and cat.text("subject_generic", lang)
            assert cat.tips[lang], (cat.id, lang)
        for spec in cat.fields:
            assert spec.kind in KINDS
            assert spec.text("label", "zh") != spec.text("label", "en") or spec.text("label", "en") == "API"


def test_deposit_fields_and_kinds():
    dep = categories.get("deposit")
    kinds = {spec.id: spec.kind for spec in dep.fields}
    assert {spec.id for spec in dep.required} == {"time", "coin", "network", "amount", "txid", "deposit_address"}
    assert {spec.id for spec in dep.optional} == {"memo", "error"}
    assert kinds["txid"] == "txid" and kinds["deposit_address"] == "address" and kinds["time"] == "datetime"


@pytest.mark.parametrize(
    "cid, needed",
    [
        ("withdrawal", {"time", "coin", "network", "amount", "withdrawal_id", "destination_address"}),
        ("p2p", {"order_id", "time", "amount", "counterparty"}),
        ("kyc", {"time", "error"}),
        ("login_2fa", {"time", "error", "what_tried"}),
        ("api", {"api_key_label", "error", "endpoint"}),
        ("trading", {"order_id", "pair", "time"}),
    ],
)
def test_required_fields_per_category(cid, needed):
    assert needed <= {spec.id for spec in categories.get(cid).required}


def test_p2p_suggests_the_dedicated_address_and_others_do_not():
    assert categories.get("p2p").suggested_to == "p2p@okx.com"
    assert categories.get("deposit").suggested_to is None


def test_tips_carry_the_key_advice():
    assert any("memo" in tip.lower() for tip in categories.get("deposit").tips["en"])
    assert any("Memo" in tip for tip in categories.get("deposit").tips["zh"])
    assert any("never by email" in tip for tip in categories.get("kyc").tips["en"])
    assert any("邮件" in tip for tip in categories.get("kyc").tips["zh"])
    sec = categories.get("account_security").tips["en"]
    assert "freeze" in sec[0].lower() and any("live chat" in tip.lower() and "fastest" in tip for tip in sec)
    assert any("p2p@okx.com" in tip for tip in categories.get("p2p").tips["zh"])


def test_api_key_field_warns_against_the_secret():
    spec = categories.get("api").field("api_key_label")
    assert "secret" in spec.text("hint", "en").lower()
    assert "Secret" in spec.text("hint", "zh")


def test_unknown_id_lists_the_valid_ones():
    with pytest.raises(KeyError) as err:
        categories.get("refund")
    assert "deposit" in str(err.value) and "p2p" in str(err.value)
    with pytest.raises(KeyError, match="txid"):
        categories.get("deposit").field("nope")


def test_subject_filled_from_fields_or_generic():
    dep = categories.get("deposit")
    values = {"amount": "250 USDT", "coin": "USDT", "network": "TRC20"}
    assert dep.suggest_subject(values, "en") == "Deposit not credited: 250 USDT via TRC20"
    assert dep.suggest_subject(values, "zh") == "充值未到账：250 USDT（TRC20 网络）"
    assert dep.suggest_subject({"coin": "USDT"}, "en") == "Deposit not credited"
    long_error = "E" * 200
    subject = categories.get("login_2fa").suggest_subject({"error": long_error}, "en")
    assert len(subject) < 80 and subject.endswith('…"')


def test_loader_rejects_mistakes_in_the_data():
    good_field = {"kind": "text", "label": {"en": "A", "zh": "甲"}, "hint": {"en": "h", "zh": "提示"}}
    base = {
        "id": "x",
        "title": {"en": "X", "zh": "某"},
        "subject": {"en": "S {a}", "zh": "主题 {a}"},
        "subject_generic": {"en": "S", "zh": "主题"},
        "required": ["a"],
        "tips": {"en": ["t"], "zh": ["提"]},
    }
    assert _load({"fields": {"a": good_field}, "category": [base]})[0].template == "x.txt.j2"
    with pytest.raises(ValueError, match="undefined field"):
        _load({"fields": {}, "category": [base]})
    with pytest.raises(ValueError, match="unknown kind"):
        _load({"fields": {"a": {**good_field, "kind": "color"}}, "category": [base]})
    with pytest.raises(ValueError, match="zh"):
        _load({"fields": {"a": good_field}, "category": [{**base, "title": {"en": "X"}}]})
    with pytest.raises(ValueError, match="unknown field 'b'"):
        _load({"fields": {"a": good_field}, "category": [{**base, "subject": {"en": "{b}", "zh": "{b}"}}]})
