"""Wallet key material: raw hex keys (context decides), WIF, extended keys, PEM, keystore JSON."""

from __future__ import annotations

import hashlib
import re

from okx_helper.guards.privacy.context import says_key

_B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_INDEX = {c: i for i, c in enumerate(_B58)}
_B58_CLASS = "[1-9A-HJ-NP-Za-km-z]"

# A transaction hash has the same shape as a private key: only the words around it tell.
HEX64 = re.compile(r"(?<![0-9A-Za-z])(?:0[xX])?[0-9a-fA-F]{64}(?![0-9A-Za-z])")
# 64-byte base58 secrets (Solana) look like transaction signatures: context again.
LONG_B58 = re.compile(rf"(?<![0-9A-Za-z]){_B58_CLASS}{{85,90}}(?![0-9A-Za-z])")
WIF = re.compile(rf"(?<![0-9A-Za-z])[5KLc9]{_B58_CLASS}{{50,51}}(?![0-9A-Za-z])")
EXTENDED = re.compile(rf"(?<![0-9A-Za-z])[xyztuvYZUV]prv{_B58_CLASS}{{100,115}}(?![0-9A-Za-z])")
PEM = re.compile(
    r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----.*?(?:-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|\n[ \t]*\n|\Z)",
    re.DOTALL,
)
KEYSTORE = re.compile(r"\"(?:ciphertext|privateKey|private_key|mac)\"\s*:\s*\"[0-9a-fA-F]{32,}\"", re.IGNORECASE)
_LONG_RUN = re.compile(r"[0-9A-Za-z]{51,}")
OTPAUTH = re.compile(r"otpauth://[^\s\"'<>]+", re.IGNORECASE)


def b58check_ok(value: str) -> bool:
    """Base58Check: the last four bytes are the double SHA-256 of the rest."""
    number = 0
    for char in value:
        number = number * 58 + _B58_INDEX[char]
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    raw = b"\0" * (len(value) - len(value.lstrip("1"))) + raw
    if len(raw) < 5:
        return False
    body, check = raw[:-4], raw[-4:]
    return hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == check


def find(text: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of key material; kind is private_key, or verification_code for otpauth."""
    out: list[tuple[int, int, str]] = []
    if "-----BEGIN" in text:
        out += [(m.start(), m.end(), "private_key") for m in PEM.finditer(text)]
    # Every key shape is a run of 51+ letters and digits: find those runs once, judge each.
    for run in _LONG_RUN.finditer(text):
        value, start, end = run.group(), run.start(), run.end()
        if HEX64.fullmatch(value) or LONG_B58.fullmatch(value):
            if says_key(text, start, end):
                out.append((start, end, "private_key"))
        elif WIF.fullmatch(value):
            if b58check_ok(value) and _wif_version(value):
                out.append((start, end, "private_key"))
        elif EXTENDED.fullmatch(value):
            out.append((start, end, "private_key"))
    if '"' in text:
        for m in KEYSTORE.finditer(text):
            start, end = _enclosing_object(text, m.start(), m.end())
            out.append((start, end, "private_key"))
    out += [(m.start(), m.end(), "verification_code") for m in OTPAUTH.finditer(text)]
    return out


def _wif_version(value: str) -> bool:
    number = 0
    for char in value:
        number = number * 58 + _B58_INDEX[char]
    raw = number.to_bytes((number.bit_length() + 7) // 8, "big")
    return raw[:1] in (b"\x80", b"\xef")


def _enclosing_object(text: str, start: int, end: int, reach: int = 2000) -> tuple[int, int]:
    """The JSON object around a keystore field, or the field alone if braces don't balance."""
    depth = 0
    lo = start
    for i in range(start - 1, max(-1, start - reach), -1):
        char = text[i]
        if char == "}":
            depth += 1
        elif char == "{":
            if depth == 0:
                lo = i
                depth = -1
            else:
                depth -= 1
        if depth < 0:
            # keep going outwards: a keystore nests "crypto" inside the outer object
            outer = _enclosing_open(text, i, reach)
            lo = outer if outer is not None else lo
            break
    if lo == start:
        return start, end
    depth = 0
    for i in range(lo, min(len(text), lo + reach)):
        char = text[i]
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return lo, i + 1
    return lo, max(end, min(len(text), lo + reach))


def _enclosing_open(text: str, pos: int, reach: int):
    depth = 0
    found = None
    for i in range(pos - 1, max(-1, pos - reach), -1):
        if text[i] == "}":
            depth += 1
        elif text[i] == "{":
            if depth == 0:
                found = i
            else:
                depth -= 1
    return found
