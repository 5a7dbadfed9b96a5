"""SMTP hand-off against a real local server (aiosmtpd) with STARTTLS or implicit TLS and AUTH."""

import datetime
import email
import email.policy
import socket
import ssl
import threading

import pytest

pytest.importorskip("aiosmtpd")
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult, LoginPassword

from okx_helper.handoff import smtp
from okx_helper.handoff.smtp import SendError, SmtpSettings

SUBJECT = "提现一直处理中 / Withdrawal pending"
BODY = "您好，\n我的提现已经处理中超过 6 小时。\nTxID: 0xabc\n谢谢"
USER, PASSWORD = "trader@example.com", "s3cret pass 密码"


def make_message():
    from okx_helper.writing.compose import new_message

    return new_message(to="support@okx.com", subject=SUBJECT, body=BODY, from_addr=USER)


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    """A throw-away self-signed certificate for 127.0.0.1/localhost."""
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    folder = tmp_path_factory.mktemp("cert")
    cert_file, key_file = folder / "cert.pem", folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return cert_file, key_file


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Recorder:
    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = (
        isinstance(auth_data, LoginPassword)
        and auth_data.login == USER.encode()
        and auth_data.password == PASSWORD.encode()
    )
    return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself


def client_context(certificate):
    return ssl.create_default_context(cafile=str(certificate[0]))


def server_context(certificate):
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(str(certificate[0]), str(certificate[1]))
    return context


@pytest.fixture
def starttls_server(certificate):
    recorder = Recorder()
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=free_port(),
        tls_context=server_context(certificate),
        require_starttls=True,
        auth_required=True,
        auth_require_tls=True,
        authenticator=authenticator,
    )
    controller.start()
    try:
        yield controller, recorder
    finally:
        controller.stop()


def test_send_with_starttls_and_auth_delivers_the_same_subject_and_body(starttls_server, certificate):
    controller, recorder = starttls_server
    settings = SmtpSettings("127.0.0.1", controller.port, "starttls", USER, timeout=10)
    message_id = smtp.send(make_message(), settings, PASSWORD, ssl_context=client_context(certificate))
    assert len(recorder.envelopes) == 1
    envelope = recorder.envelopes[0]
    assert envelope.mail_from == USER and envelope.rcpt_tos == ["support@okx.com"]
    received = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
    assert str(received["Subject"]) == SUBJECT
    assert received.get_body(("plain",)).get_content().replace("\r\n", "\n").rstrip("\n") == BODY
    assert received["Message-ID"] == message_id and received["Date"]
    assert "X-Unsent" not in received


def test_wrong_password_is_an_auth_error(starttls_server, certificate):
    controller, recorder = starttls_server
    settings = SmtpSettings("127.0.0.1", controller.port, "starttls", USER, timeout=10)
    with pytest.raises(SendError) as error:
        smtp.send(make_message(), settings, "wrong", ssl_context=client_context(certificate))
    assert error.value.kind == "auth" and recorder.envelopes == []


def test_untrusted_certificate_is_a_tls_error(starttls_server):
    controller, _ = starttls_server
    settings = SmtpSettings("127.0.0.1", controller.port, "starttls", USER, timeout=10)
    with pytest.raises(SendError) as error:
        smtp.send(make_message(), settings, PASSWORD)  # the system's trust store does not know it
    assert error.value.kind == "tls"


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_implicit_tls(certificate):
    recorder = Recorder()
    controller = Controller(
        recorder,
        hostname="127.0.0.1",
        port=free_port(),
        ssl_context=server_context(certificate),
        authenticator=authenticator,
        auth_required=True,
        auth_require_tls=False,
    )  # the whole connection is TLS
    controller.start()
    try:
        settings = SmtpSettings("127.0.0.1", controller.port, "tls", USER, timeout=10)
        smtp.send(make_message(), settings, PASSWORD, ssl_context=client_context(certificate))
    finally:
        controller.stop()
    received = email.message_from_bytes(recorder.envelopes[0].original_content, policy=email.policy.default)
    assert str(received["Subject"]) == SUBJECT


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_server_without_starttls_is_refused_before_auth():
    recorder = Recorder()
    controller = Controller(
        recorder, hostname="127.0.0.1", port=free_port(), auth_require_tls=False, authenticator=authenticator
    )
    controller.start()
    try:
        settings = SmtpSettings("127.0.0.1", controller.port, "starttls", USER, timeout=10)
        with pytest.raises(SendError) as error:
            smtp.send(make_message(), settings, PASSWORD)
    finally:
        controller.stop()
    assert error.value.kind == "tls" and recorder.envelopes == []


def test_plain_security_is_refused_without_connecting(no_network):
    with pytest.raises(SendError) as error:
        smtp.send(make_message(), SmtpSettings("127.0.0.1", 25, "none", USER), PASSWORD)
    assert error.value.kind == "insecure"


def test_connection_refused():
    settings = SmtpSettings("127.0.0.1", free_port(), "starttls", USER, timeout=5)
    with pytest.raises(SendError) as error:
        smtp.send(make_message(), settings, PASSWORD)
    assert error.value.kind == "refused"


def test_silent_server_times_out():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    accepted = []
    thread = threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True)
    thread.start()
    try:
        settings = SmtpSettings("127.0.0.1", listener.getsockname()[1], "starttls", USER, timeout=0.5)
        with pytest.raises(SendError) as error:
            smtp.send(make_message(), settings, PASSWORD)
        assert error.value.kind == "timeout"
    finally:
        thread.join(2)
        for conn, _ in accepted:
            conn.close()
        listener.close()


# --- keyring ---------------------------------------------------------------------------------


def test_password_is_kept_under_the_okx_helper_service(memory_keyring):
    settings = SmtpSettings("smtp.example.com", 587, "starttls", USER)
    assert smtp.stored_password(settings) is None
    smtp.store_password(settings, PASSWORD)
    assert memory_keyring.items == {("okx-helper", f"{USER}@smtp.example.com:587"): PASSWORD}
    assert smtp.stored_password(settings) == PASSWORD


def test_missing_keyring_backend_is_reported_not_a_crash():
    import keyring
    from keyring.backends import fail

    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    try:
        settings = SmtpSettings("smtp.example.com", 587, "starttls", USER)
        with pytest.raises(smtp.KeyringUnavailable):
            smtp.stored_password(settings)
        with pytest.raises(smtp.KeyringUnavailable):
            smtp.store_password(settings, "x")
    finally:
        keyring.set_keyring(previous)
