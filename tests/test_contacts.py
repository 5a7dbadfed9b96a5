"""The channel directory and the address verdict engine (okx_helper.contacts)."""

import re
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from okx_helper import contacts
from okx_helper.contacts import (
    VERDICTS,
    AddressCheck,
    Channel,
    channels,
    check_address,
    default_address_for,
    domain_verdict,
    email_channels,
    is_official_domain,
)

CJK = re.compile(r"[\u4e00-\u9fff]")


# ---------------------------------------------------------------- directory
def test_directory_has_the_core_channels_with_sources_and_dates():
    by_id = {c.id: c for c in channels()}
    assert by_id["support"].address == "support@okx.com"
    assert by_id["p2p"].address == "p2p@okx.com" and by_id["p2p"].categories == ("p2p",)
    assert by_id["live_chat"].kind == "chat" and by_id["live_chat"].url
    assert {"help_center", "channel_verification"} <= set(by_id)
    for channel in channels():
        assert channel.source.startswith("https://")
        date.fromisoformat(channel.verified_on)
        assert channel.text("purpose", "en") and CJK.search(channel.text("purpose", "zh"))
        assert channel.text("notes", "en") and channel.text("notes", "zh")


def test_every_listed_email_is_official_and_checks_as_official():
    addresses = [c.address for c in email_channels()]
    assert "complaints.eu@okx.com" in addresses and "destek@turkiye.okx.com" in addresses
    for address in addresses:
        assert check_address(address).verdict == "official", address


def test_no_mirror_host_or_third_party_is_listed():
    for channel in channels():
        for value in (channel.address, channel.url):
            if value:
                host = value.split("//")[-1].split("/")[0].rpartition("@")[2]
                assert is_official_domain(host), value


def test_default_address_for_categories():
    assert default_address_for("p2p") == "p2p@okx.com"
    for category in ("deposit", "withdrawal", "kyc", "other", "", "no-such-category"):
        assert default_address_for(category) == "support@okx.com"


def test_channel_text_falls_back_to_english():
    channel = Channel(
        "x",
        "web",
        None,
        "https://www.okx.com/help",
        {"en": "Help"},
        {"en": "n"},
        "https://www.okx.com/help",
        "2025-01-01",
    )
    assert channel.text("purpose", "zh") == "Help"


@pytest.mark.parametrize(
    "change",
    [
        {"kind": "fax"},
        {"address": "support@okx-help.com"},
        {"verified_on": "yesterday"},
        {"source": "http://example.com"},
        {"purpose": {"en": "only English"}},
    ],
)
def test_a_broken_directory_entry_is_rejected(change):
    entry = {
        "id": "x",
        "kind": "email",
        "address": "support@okx.com",
        "source": "https://www.okx.com/help",
        "verified_on": "2025-01-01",
        "purpose": {"en": "a", "zh": "甲"},
        "notes": {"en": "b", "zh": "乙"},
    }
    contacts._channel(entry, 0)  # the unchanged entry is fine
    with pytest.raises(ValueError):
        contacts._channel({**entry, **change}, 0)


# ---------------------------------------------------------------- verdicts
def test_display_name_is_split_off():
    check = check_address('  "OKX客服" <12345@QQ.com> ')
    assert check.display_name == "OKX客服"
    assert check.address == '"OKX客服" <12345@QQ.com>'
    assert check.normalized == "12345@qq.com"
    assert check.verdict == "freemail_impersonation"


def test_to_json_and_ok():
    check = check_address("support@okx.com")
    assert check.ok and isinstance(check, AddressCheck)
    assert check.to_json() == {
        "address": "support@okx.com",
        "verdict": "official",
        "normalized": "support@okx.com",
        "reasons": check.reasons,
    }
    assert not check_address("support@okex.com").ok


def test_invalid_carries_email_validators_reason():
    check = check_address("support@okx")
    assert check.verdict == "invalid" and check.normalized is None
    assert "period" in check.reasons[0]
    assert check_address("").verdict == "invalid"
    assert check_address("x" * 5000 + "@okx.com").verdict == "invalid"


def test_reasons_follow_the_language():
    for address in ("support@0kx.com", "OKX客服 <1@qq.com>", "a@okex.com", "a@example.com", "nope"):
        zh = check_address(address, "zh").reasons
        en = check_address(address, "en").reasons
        assert zh and en and zh != en
        assert CJK.search(" ".join(zh)) and not CJK.search(" ".join(en).replace("OKX客服", ""))


def test_lookalike_reasons_name_the_trick():
    assert "Cyrillic" in " ".join(check_address("a@оkx.com").reasons)
    assert "punycode" in " ".join(check_address("a@xn--kx-emc.com").reasons)
    assert "help-desk.io" in " ".join(check_address("a@okx.com.help-desk.io").reasons)
    assert "full-width" in " ".join(check_address("a@ｏｋｘ.com").reasons)


@pytest.mark.parametrize(
    "domain, verdict",
    [
        ("okx.com", "official"),
        ("OKX.COM", "official"),
        ("mail.okx.com", "official"),
        ("turkiye.okx.com", "official"),
        ("okex.com", "legacy"),
        ("mail.okex.com", "legacy"),
        ("0kx.com", "lookalike"),
        ("okx.com.evil.net", "lookalike"),
        ("xn--kx-emc.com", "lookalike"),
        ("okx-support.com", "lookalike"),
        ("okta.com", "unrelated"),
        ("gmail.com", "unrelated"),
        ("box.com", "unrelated"),
        ("ok.ru", "unrelated"),
    ],
)
def test_domain_verdict(domain, verdict):
    got, reasons = domain_verdict(domain)
    assert got == verdict and reasons


def test_domain_verdict_accepts_an_address_or_brackets():
    assert domain_verdict("<support@okx.com>")[0] == "official"
    assert domain_verdict("okx.com", "zh")[1][0].startswith("okx.com")


def test_is_official_domain():
    assert is_official_domain("okx.com") and is_official_domain("Web3.OKX.com")
    for domain in ("okx.com.cn", "notokx.com", "okx.co", "оkx.com", "okex.com", "xokx.com", ""):
        assert not is_official_domain(domain), domain


# ---------------------------------------------------------------- properties
@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_gets_a_verdict_and_never_crashes(text):
    check = check_address(text)
    assert check.verdict in VERDICTS and check.reasons
    assert (check.normalized is None) == (check.verdict == "invalid")


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(["support@okx.com", "p2p@okx.com", "dpo@okx.com"]), st.data())
def test_case_and_surrounding_space_do_not_change_official(address, data):
    local, domain = address.split("@")
    mixed = "".join(c.upper() if data.draw(st.booleans()) else c for c in domain)
    pad = data.draw(st.sampled_from(["", " ", "  ", "\t", "\u00a0"]))
    assert check_address(f"{pad}{local}@{mixed}{pad}").verdict == "official"


@settings(max_examples=200, deadline=None)
@given(st.from_regex(r"[a-jl-wz]{2,12}(-[a-jl-wz]{2,8})?\.(com|net|io|org|cn)", fullmatch=True))
def test_names_without_k_or_x_are_never_lookalikes(domain):
    # Without a k or an x no label can spell okx/okex, nor be one slip away from it.
    if "ouyi" not in domain:
        assert domain_verdict(domain)[0] in ("unrelated",)


_WORDS = ["support", "help", "service", "secure", "login", "verify", "wallet", "kefu", "team", "global"]
_CONFUSABLE = {"o": "оοօ０ｏ", "k": "кκｋ", "x": "хχｘ", "c": "сϲｃ", "m": "ｍ"}


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(_WORDS),
    st.sampled_from(["okx", "0kx", "okex", "oxk", "okxx"]),
    st.sampled_from(["-", ""]),
    st.booleans(),
    st.sampled_from(["com", "net", "io", "com.cn", "help"]),
)
def test_brand_with_extra_words_is_always_a_lookalike(word, brand, sep, before, tld):
    label = f"{word}{sep}{brand}" if before else f"{brand}{sep}{word}"
    assert check_address(f"support@{label}.{tld}").verdict == "lookalike"


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_one_homoglyph_anywhere_in_okx_com_is_a_lookalike(data):
    plain = "okx.com"
    i = data.draw(st.sampled_from([i for i, c in enumerate(plain) if c in _CONFUSABLE]))
    fake = plain[:i] + data.draw(st.sampled_from(_CONFUSABLE[plain[i]])) + plain[i + 1 :]
    check = check_address(f"support@{fake}")
    assert check.verdict == "lookalike", fake


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(["gmail.com", "qq.com", "163.com", "outlook.com", "proton.me", "hotmail.co.uk"]),
    st.sampled_from(["OKX", "OKX客服", "欧易官方", "OKEx Support", "0KX Team"]),
    st.from_regex(r"[a-z0-9]{3,10}", fullmatch=True),
)
def test_okx_display_name_on_free_mail_is_impersonation(domain, name, local):
    assert check_address(f"{name} <{local}@{domain}>").verdict == "freemail_impersonation"


def test_a_local_part_over_64_bytes_is_invalid():
    assert check_address("x" * 64 + "@okx.com").verdict == "official"
    long_one = check_address("x" * 65 + "@okx.com", "zh")
    assert long_one.verdict == "invalid" and "65" in long_one.reasons[0]
    # Counted in bytes, as servers do: 22 Chinese characters are 66 bytes.
    assert check_address("客" * 22 + "@qq.com").verdict == "invalid"


@pytest.mark.parametrize("name", ["O K X", "o.k.x", "Ο Κ Χ", "O\u200cKX", "O. K. X. Team", "OKKX Support"])
def test_a_brand_spelled_apart_or_doubled_is_still_a_claim(name):
    assert check_address(f'"{name}" <alerts@mailer-notify.net>').verdict == "freemail_impersonation"


@pytest.mark.parametrize(
    "text", ["Ok Xu <a@mailer.net>", "ok.xavier@gmail.com", "Mr. Ok <a@b.net>", "box.ok@gmail.com", "a.b.c@gmail.com"]
)
def test_short_words_that_do_not_join_into_the_brand_stay_unrelated(text):
    assert check_address(text).verdict == "unrelated"
