"""No header injection: whatever the fields hold, no CR, LF or control character reaches a header."""

import email
import email.policy
import re
from email.message import EmailMessage
from urllib.parse import unquote

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from okx_helper.handoff import eml, mailto, smtp

ALLOWED = {
    "from",
    "to",
    "subject",
    "date",
    "message-id",
    "x-unsent",
    "mime-version",
    "content-type",
    "content-transfer-encoding",
}
NASTY = [
    "\r\nBcc: evil@example.com",
    "\nX-Injected: 1",
    "\r",
    "\x00",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "\u2028Cc: x@y.z",
    "\u2029",
    "\x0b",
    "\x0c",
    "\x1c",
    "\t",
    "=?utf-8?q?=0D=0ABcc:_x?=",
    "%0D%0A",
]
field_text = st.lists(
    st.one_of(st.sampled_from(NASTY), st.text(max_size=12), st.sampled_from(["充值", "support@okx.com", " "])),
    max_size=6,
).map("".join)
PRINTABLE = re.compile(r"[\x20-\x7e\t]*")
CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]")


def header_lines(data: bytes) -> list[str]:
    head = data.split(b"\r\n\r\n", 1)[0]
    text = head.decode("ascii")  # non-ASCII must have been RFC 2047-encoded
    lines = text.split("\r\n")
    assert "\r" not in text.replace("\r\n", "") and "\n" not in text.replace("\r\n", "")
    return lines


def check_serialised(data: bytes) -> None:
    names = []
    for line in header_lines(data):
        assert PRINTABLE.fullmatch(line), repr(line)
        if line[:1] in (" ", "\t"):
            continue  # a folded continuation of the previous field
        name, colon, _ = line.partition(":")
        assert colon and re.fullmatch(r"[A-Za-z0-9-]+", name), repr(line)
        names.append(name.lower())
    assert set(names) <= ALLOWED, names
    assert names.count("to") == 1 and names.count("subject") == 1
    parsed = email.message_from_bytes(data, policy=email.policy.default)
    for name, value in parsed.items():
        assert not CONTROL.search(str(value)), (name, str(value))


# compose refuses anything but one mailbox in To/From, so the nasty text goes in the display name.
display_name = field_text.map(lambda s: re.sub(r'[<>"]', "", s))


def mailbox(address):
    return display_name.map(lambda name: f"{name} <{address}>")


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(to=mailbox("support@okx.com"), subject=field_text, from_addr=mailbox("user@example.com"))
def test_composed_messages_serialise_without_injected_headers(to, subject, from_addr):
    from okx_helper.writing.compose import new_message

    try:
        msg = new_message(to=to, subject=subject, body="body", from_addr=from_addr)
    except ValueError:
        return  # compose refused the value: nothing is written, which is safe
    check_serialised(eml.to_bytes(msg))
    check_serialised(eml.to_bytes(smtp.prepare(msg)))


# Messages built by other code may carry controls that EmailMessage itself lets through.
quiet_controls = st.lists(
    st.one_of(
        st.sampled_from(["\x00", "\x1b", "\x7f", "\x85", "\u2028", "\x0b", "\x1c", "\x9b"]),
        st.text(alphabet=st.characters(blacklist_characters="\r\n"), max_size=10),
    ),
    max_size=6,
).map("".join)


@settings(max_examples=150, deadline=None)
@given(subject=quiet_controls, to_name=quiet_controls)
def test_controls_from_any_builder_are_removed_before_serialising(subject, to_name):
    msg = EmailMessage()
    msg["From"] = "user@example.com"
    try:
        msg["To"] = f"{to_name} <support@okx.com>" if to_name.strip() else "support@okx.com"
        msg["Subject"] = subject
    except Exception:  # the email package refused the value (or tripped over it) at once
        return
    msg.set_content("hi")
    check_serialised(eml.to_bytes(msg))


def test_an_encoded_word_in_a_display_name_cannot_add_a_field():
    # The email package decodes "=?...?=" inside a quoted display name when folding; found by
    # the property test above.
    from email.headerregistry import Address

    msg = EmailMessage()
    msg["From"] = Address(display_name="=?utf-8?q?=0D=0ABcc:_evil@example.com?=", addr_spec="user@example.com")
    assert b"\r\nBcc:" in msg.as_bytes(policy=email.policy.SMTP)  # the email package's own output
    msg["To"] = "support@okx.com"
    msg["Subject"] = "=?utf-8?q?hi=0D=0ABcc:_evil@example.com?="
    msg.set_content("x")
    data = eml.to_bytes(msg)
    check_serialised(data)
    assert not any(line.lower().startswith("bcc") for line in header_lines(data))
    assert header_lines(data)[0].startswith("From: ")  # the order of the fields is kept


def test_an_injected_bcc_never_becomes_a_header():
    import pytest

    from okx_helper.writing.compose import new_message

    with pytest.raises(ValueError):  # an extra "address" in To is refused, not written
        new_message(to="support@okx.com\r\nBcc: evil@example.com", subject="hi", body="x")
    msg = new_message(to="support@okx.com", subject="hi\nBcc: evil@example.com", body="x", from_addr="me@example.com")
    data = eml.to_bytes(msg)
    check_serialised(data)
    assert not any(line.lower().startswith("bcc") for line in header_lines(data))
    assert str(email.message_from_bytes(data, policy=email.policy.default)["Subject"]) == "hi Bcc: evil@example.com"
    url = mailto.mailto_url("support@okx.com", "hi\r\nBcc: evil@example.com", "")
    assert url == "mailto:support@okx.com?subject=hi%20Bcc%3A%20evil%40example.com"


@settings(max_examples=200, deadline=None)
@given(to=field_text, subject=field_text, body=field_text)
def test_mailto_carries_only_to_subject_and_body(to, subject, body):
    url = mailto.mailto_url(to, subject, body)
    assert url.isascii() and not CONTROL.search(url) and " " not in url
    address, _, query = url[len("mailto:") :].partition("?")
    assert "?" not in address and "&" not in address and "=" not in address
    fields = [pair.partition("=") for pair in query.split("&")] if query else []
    names = [name for name, _, _ in fields]
    assert names in ([], ["subject"], ["body"], ["subject", "body"])
    values = {name: unquote(value) for name, _, value in fields}
    if "subject" in values:
        assert not CONTROL.search(values["subject"])
    if "body" in values:
        # line breaks only as CRLF pairs, nothing else
        assert not CONTROL.search(values["body"].replace("\r\n", ""))
