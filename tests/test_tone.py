"""Unit and property tests of the tone engine (okx_helper/tone)."""
from hypothesis import given, settings, strategies as st

from okx_helper.tone import (
    ToneFinding,
    add_closing,
    add_greeting,
    apply_suggestion,
    scan,
    structure,
)


def _categories(text):
    return [f.category for f in scan(text)]


def test_each_category_has_an_example():
    assert "insult" in _categories("You are useless idiots.")
    assert "threat" in _categories("You'll regret this.")
    assert "shouting" in _categories("Hello, WHERE IS MY MONEY, please check.")
    assert "punctuation" in _categories("Why is it still pending???")
    assert "demand" in _categories("Give me my money back right now.")
    assert "accusation" in _categories("You stole my money.")
    assert "pestering" in _categories("This is my 5th email about it.")


def test_acronyms_codes_and_calm_rights_are_not_flagged():
    text = (
        "Hello, my USDT TRC20 withdrawal (UID 12345678) failed with ERROR_CODE_51008. "
        "KYC and API access are fine. If this is not resolved I will file a complaint with "
        "the regulator. 如果问题得不到解决，我会向监管部门投诉。Thank you."
    )
    assert scan(text) == []


def test_finding_json_and_ui_language():
    [finding] = scan("我要曝光你们", lang="zh")
    data = finding.to_json()
    assert set(data) == {"category", "start", "end", "message", "suggestion"}
    assert data["category"] == "threat"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in data["message"])
    [english] = scan("我要曝光你们", lang="en")
    assert english.message.isascii()


def test_traditional_chinese_is_handled():
    assert "accusation" in _categories("你們就是偷錢")


def test_apply_suggestion_normalises_punctuation_and_caps():
    text = "Why is it pending!!! PLEASE HELP ME now."
    for finding in reversed(scan(text)):
        text = apply_suggestion(text, finding)
    assert "!!!" not in text and "PLEASE HELP" not in text
    assert text.startswith("Why is it pending!")


def test_apply_suggestion_without_suggestion_removes_span():
    finding = ToneFinding("insult", 4, 9, "m", None)
    assert apply_suggestion("you fuck are", finding) == "you are"


def test_structure_and_insertion():
    assert structure("Dear Support,\nmy withdrawal...\nBest regards,\nAnn") == {
        "greeting": True, "closing": True}
    assert structure("my withdrawal is late") == {"greeting": False, "closing": False}
    zh = add_closing(add_greeting("我的提现还没有到账。", "zh"), "zh")
    assert structure(zh) == {"greeting": True, "closing": True}
    assert zh.startswith("OKX 客服您好")
    en = add_greeting("Hello team,\nfoo", "en")
    assert en == "Hello team,\nfoo"
    assert structure(add_closing("foo", "en"))["closing"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZ !?！？ 你们骗子偷钱sbFUCK\n\"'0_")) ) | st.text())
def test_scan_never_raises_and_spans_are_sane(text):
    findings = scan(text)
    last_end = 0
    for finding in findings:
        assert 0 <= finding.start < finding.end <= len(text)
        assert finding.start >= last_end
        last_end = finding.end
        apply_suggestion(text, finding)
    structure(text)


def test_fast_start_finder_matches_where_the_plain_alternation_does():
    import re

    from okx_helper.tone import rules
    from okx_helper.tone.fastre import start_finder
    from okx_helper.tone.normalise import fold

    passes, _, _ = rules._compiled()
    text = fold(
        "You guys are a joke!! I'll destroy you. this is my 5th email, f**k. 你们就是偷钱，"
        "我要曝光你们，催了多少遍了。Give me my money back NOW or else. bs jobs sb s.b. 2b "
        "scam exchange, thieves. 立刻马上给我处理！我的妈妈的账户。usdt trc20 uid 1234"
    )
    for one, word_start in zip(passes, (True, False)):
        patterns = [rule.regex.pattern for rule in one.rules]
        gate = r"(?<![a-z0-9_])(?=[a-z0-9])" if word_start else ""
        plain = re.compile(gate + "(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")
        fast = start_finder(patterns, word_start)
        assert fast is not plain
        for pos in range(len(text)):
            assert (plain.match(text, pos) is None) == (fast.match(text, pos) is None), pos


def test_a_megabyte_paste_is_scanned_whole():
    # How fast is measured in benchmarks/bench_engines.py, never as a timed test.
    draft = (
        "Hello OKX support, my USDT TRC20 withdrawal is still pending. ERROR_CODE_51008. "
        "您好，我的提现还没有到账，请帮我查一下，谢谢！You guys are useless!!! 你们就是偷钱。"
    )
    text = (draft * (1_000_000 // len(draft) + 1))[:1_000_000]
    findings = scan(text)
    assert len(findings) > 1000
    assert findings[-1].end > 990_000  # the end of the paste was reached, not only its start
    assert all(a.end <= b.start for a, b in zip(findings, findings[1:]))
