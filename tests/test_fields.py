from datetime import timedelta, timezone

import pytest

from okx_helper.writing.fields import DateTimeError, parse_datetime, to_utc_text, validate


@pytest.mark.parametrize(
    "text",
    [
        "2026-11-25 14:30 +08:00",
        "2026-11-25 14:30 +0800",
        "2026-11-25 14:30 UTC+8",
        "2026-11-25 14:30 GMT+8",
        "2026-11-25T06:30:00Z",
        "2026-11-25 06:30 UTC",
        "2026-11-25 14:30 Asia/Shanghai",
        "2026/11/25 14:30 (UTC+08:00)",
        "2026年11月25日 14:30 北京时间",
        "2026-11-25 01:30 -05:00",
    ],
)
def test_accepted_datetimes_all_mean_the_same_moment(text):
    assert to_utc_text(text) == "2026-11-25 06:30 UTC"
    assert parse_datetime(text).tzinfo is not None
    assert validate("datetime", text) is None


def test_offset_is_kept_and_seconds_shown_when_present():
    moment = parse_datetime("2026-11-25 14:30 UTC+5:30")
    assert moment.utcoffset() == timedelta(hours=5, minutes=30)
    assert to_utc_text("2026-11-25T14:30:15Z") == "2026-11-25 14:30:15 UTC"
    assert parse_datetime("2026-11-25T14:30:00Z").tzinfo == timezone.utc


@pytest.mark.parametrize(
    "text, key",
    [
        ("2026-11-25 14:30", "dt_no_zone"),
        ("2026-11-25", "dt_no_time"),
        ("yesterday", "dt_format"),
        ("2026-11-25 14:30 CST", "dt_ambiguous_zone"),
        ("2026-11-25 14:30 Mars/Olympus", "dt_unknown_zone"),
        ("2026-11-25 14:30 UTC+15", "dt_bad_offset"),
        ("2026-02-30 10:00 UTC", "dt_impossible"),
    ],
)
def test_rejected_datetimes_say_why(text, key):
    with pytest.raises(DateTimeError) as err:
        parse_datetime(text)
    assert err.value.key == key
    assert to_utc_text(text) is None
    assert validate("datetime", text, "en") and validate("datetime", text, "zh") != validate("datetime", text, "en")


def test_missing_zone_message_tells_to_add_one():
    assert "time zone" in validate("datetime", "2026-11-25 14:30")
    assert "时区" in validate("datetime", "2026-11-25 14:30", "zh")


def test_a_time_in_the_future_is_suspicious():
    assert validate("datetime", "2999-01-01 00:00 UTC") is not None


@pytest.mark.parametrize(
    "value",
    [
        "0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060",
        "5VERv8NMvzbJMEkV8xnrLkEaWRtSz9CosKDYjCJjBRnbJLgp8uirBgmQpjKhoR4tjF3ZpRzrFmBV6UjKdiSZkQUW",
        "3Ggr6dcXvE6jNSC5Pc5HAq5uaGm4gh6gC9CkTBuJWALs",
    ],
)
def test_real_transaction_ids_pass(value):
    assert validate("txid", value) is None


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("0x742d35Cc6634C0532925a3b844Bc454e4438f44e", "address"),
        ("https://etherscan.io/tx/0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060", "link"),
        ("0x5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b2206", "64"),
        ("not a hash", "transaction ID"),
    ],
)
def test_bad_transaction_ids_are_explained(value, fragment):
    assert fragment in validate("txid", value)


@pytest.mark.parametrize(
    "value",
    [
        "0x742d35Cc6634C0532925a3b844Bc454e4438f44e",  # EVM
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",  # BTC P2PKH
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",  # BTC P2SH
        "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq",  # bech32
        "bc1p5d7rjq7g6rdk2yhzks9smlaqtedr4dekq08ge8ztwac72sfr9rusxg3297",  # bech32m (taproot)
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",  # TRON
        "rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTh",  # XRP
        "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV",  # Solana
        "EQDtFpEwcFAEcRe5mLVh2N6C0x-_hJEM7W61_JLnSF74p4q2",  # TON
    ],
)
def test_real_addresses_pass(value):
    assert validate("address", value) is None


@pytest.mark.parametrize(
    "value, fragment",
    [
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", "checksum"),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdx", "checksum"),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T", "checksum"),
        ("rHb9CJAWyB4rj91VRWn96DkukG4bwdtyTx", "checksum"),
        ("0x742d35Cc6634C0532925a3b844Bc454e4438f4", "40 hex"),
        ("0x742d35Cc 6634C0532925a3b844Bc454e4438f44e", "spaces"),
        ("5c504ed432cb51138bcf09aa5e8a410dd4a1e204ef84bfed1be16dfba1b22060", "transaction ID"),
        ("abc", "short"),
    ],
)
def test_bad_addresses_are_explained(value, fragment):
    assert fragment in validate("address", value)
    assert validate("address", value, "zh") != validate("address", value, "en")


@pytest.mark.parametrize("value", ["1,234.5", "1,234.5 USDT", "0.0001 BTC", "250", "$100", "100 元", ".5"])
def test_amounts_accepted(value):
    assert validate("amount", value) is None


@pytest.mark.parametrize("value", ["0", "0.00 USDT", "-5", "1,23,4", "a lot", "1.2.3"])
def test_amounts_rejected(value):
    assert validate("amount", value) is not None


def test_email_uid_order_id_coin():
    assert validate("email", "me@example.com") is None
    assert "not valid" in validate("email", "me@example")
    assert validate("uid", "1234567890123456") is None
    assert validate("uid", "12ab") is not None
    assert validate("order_id", "123456789012345678") is None
    assert validate("order_id", "order 12") is not None
    assert validate("coin", "USDT") is None and validate("coin", "USD T") is not None


def test_empty_values_and_required_specs():
    from okx_helper.writing import categories

    spec = categories.get("deposit").field("txid")
    assert validate("txid", "") is None
    assert validate(spec, "  ") == "This field is required."
    assert validate(spec, "", "zh") == "此项必填。"
    assert validate(categories.get("deposit").field("memo"), "") is None


def test_control_characters_rejected_in_single_line_kinds():
    assert validate("coin", "US\x00DT") is not None
    assert validate("multiline", "line one\nline two") is None


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(KeyError, match="known"):
        validate("colour", "red")
