"""Cases: every confirmed hand-off, its follow-ups and the replies, in a local SQLite file.

The file lives in the XDG data dir (0600). The schema is versioned with PRAGMA user_version
and upgraded by ordered migrations, after a backup copy. A damaged, locked or too-new
database raises CasesError with a plain message; the file itself is never deleted or rewritten.
expectations.py says when to expect an answer, followup.py drafts the follow-up in the same thread.

May import the engines below it (.writing, .replies, .contacts, .settings, .base); never .ui or .commands.
"""

from __future__ import annotations

import email
import email.policy
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.message import EmailMessage, Message
from email.utils import parsedate_to_datetime
from pathlib import Path

DB_FILE = "cases.db"
STATUSES = ("waiting", "replied", "resolved")
SQLITE_MAGIC = b"SQLite format 3\x00"

# Ordered migrations: MIGRATIONS[n] takes a database from version n to n + 1.
MIGRATIONS: list[str] = [
    # v1: the case with its first message, and the follow-ups sent in its thread.
    """
    CREATE TABLE cases (
        id INTEGER PRIMARY KEY,
        to_addr TEXT NOT NULL,
        subject TEXT NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL DEFAULT 'en',
        message_id TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'waiting'
            CHECK (status IN ('waiting', 'replied', 'resolved'))
    );
    CREATE TABLE followups (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        message_id TEXT NOT NULL DEFAULT '',
        message TEXT NOT NULL,
        sent_at TEXT NOT NULL
    );
    CREATE INDEX followups_case ON followups(case_id);
    """,
    # v2: the ticket number support gives, and the replies recorded against a case.
    """
    ALTER TABLE cases ADD COLUMN ticket TEXT NOT NULL DEFAULT '';
    CREATE TABLE replies (
        id INTEGER PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
        message_id TEXT NOT NULL DEFAULT '',
        sender TEXT NOT NULL DEFAULT '',
        subject TEXT NOT NULL DEFAULT '',
        received_at TEXT NOT NULL,
        text TEXT NOT NULL,
        verdict TEXT NOT NULL DEFAULT '',
        report TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX replies_case ON replies(case_id);
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class CasesError(Exception):
    """The cases database cannot be used; the message says why and what to do, in plain words.

    str() is the English text; message(lang) gives it in the interface's language.
    """

    def __init__(self, key: str, **values) -> None:
        self.key, self.values = key, values
        super().__init__(self.message("en"))

    def message(self, lang: str) -> str:
        from okx_helper.base.i18n import t

        return t(f"cases.err_{self.key}", lang, **self.values)


def default_db_path() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("okx-helper", appauthor=False)) / DB_FILE


def utc_iso(moment: datetime) -> str:
    """An aware UTC ISO-8601 timestamp (naive datetimes are taken as UTC)."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


def parse_iso(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _message_text(message: Message) -> str:
    """The whole message as text, as it would be saved in a .eml file."""
    data = message.as_bytes(policy=email.policy.SMTP.clone(linesep="\n"))
    return data.decode("utf-8", "replace")


def _message_time(message: Message) -> datetime | None:
    try:
        value = message.get("Date")
        return parsedate_to_datetime(str(value)) if value else None
    except (TypeError, ValueError, IndexError):
        return None


def parse_message(text: str) -> EmailMessage:
    """A stored message parsed back. Going through bytes lets 8-bit UTF-8 bodies decode properly."""
    return email.message_from_bytes(text.encode("utf-8", "surrogateescape"), policy=email.policy.default)


def body_text(message_text: str) -> str:
    """The plain-text body of a stored message (empty when there is none)."""
    try:
        msg = parse_message(message_text)
        part = msg.get_body(preferencelist=("plain",))
        return part.get_content().strip() if part is not None else ""
    except (LookupError, ValueError, KeyError):
        return ""


@dataclass
class Followup:
    id: int
    message_id: str
    message: str
    sent_at: datetime


@dataclass
class Reply:
    id: int
    message_id: str
    sender: str
    subject: str
    received_at: datetime
    text: str
    verdict: str
    report: dict


@dataclass
class Case:
    id: int
    to_addr: str
    subject: str
    category: str
    lang: str
    message_id: str
    message: str
    sent_at: datetime
    ticket: str
    status: str
    followups: list[Followup] = field(default_factory=list)
    replies: list[Reply] = field(default_factory=list)

    def question(self) -> str:
        """What the user asked: the first message's body."""
        return body_text(self.message)

    def thread(self) -> list[tuple[datetime, str, str]]:
        """(time, kind, Message-ID) of every message in the case, oldest first."""
        items = [(self.sent_at, "original", self.message_id)]
        items += [(f.sent_at, "followup", f.message_id) for f in self.followups]
        items += [(r.received_at, "reply", r.message_id) for r in self.replies]
        return sorted(items, key=lambda item: item[0])

    def message_ids(self) -> list[str]:
        """Every known Message-ID of the thread, oldest first (for References)."""
        return [mid for _, _, mid in self.thread() if mid]

    def last_sent_at(self) -> datetime:
        """When the user last wrote in this case (the first message or the last follow-up)."""
        return max([self.sent_at] + [f.sent_at for f in self.followups])

    def replied_since_last_sent(self) -> bool:
        last = self.last_sent_at()
        return any(r.received_at >= last for r in self.replies)

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "to": self.to_addr,
            "subject": self.subject,
            "category": self.category,
            "lang": self.lang,
            "message_id": self.message_id,
            "sent_at": utc_iso(self.sent_at),
            "ticket": self.ticket,
            "status": self.status,
            "followups": [{"message_id": f.message_id, "sent_at": utc_iso(f.sent_at)} for f in self.followups],
            "replies": [
                {
                    "message_id": r.message_id,
                    "sender": r.sender,
                    "received_at": utc_iso(r.received_at),
                    "verdict": r.verdict,
                }
                for r in self.replies
            ],
        }


def _unique_path(path: Path) -> Path:
    """`path`, or path.1, path.2 … so that an existing backup is never overwritten."""
    candidate, n = path, 0
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.name}.{n}")
    return candidate


def _backup(path: Path, reason: str) -> Path:
    stamp = _now().strftime("%Y%m%dT%H%M%SZ")
    target = _unique_path(path.with_name(f"{path.name}.{reason}-{stamp}.bak"))
    shutil.copy2(path, target)
    os.chmod(target, 0o600)
    return target


def _same_backup(path: Path) -> Path | None:
    """An earlier backup of the damaged file with exactly these bytes, if any."""
    import filecmp

    for candidate in sorted(path.parent.glob(f"{path.name}.damaged-*.bak*")):
        try:
            if filecmp.cmp(path, candidate, shallow=False):
                return candidate
        except OSError:
            continue
    return None


def _corrupt(path: Path, detail: str) -> CasesError:
    try:
        # Opening the same damaged file again must not pile up identical copies.
        copy = _same_backup(path) or _backup(path, "damaged")
    except OSError as error:
        return CasesError("damaged_no_copy", path=path, detail=detail, error=error.strerror or error)
    return CasesError("damaged", path=path, detail=detail, copy=copy)


def _is_locked(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


class CasesDB:
    """An open cases database. Use `open_db(path)`; close it (or use `with`)."""

    def __init__(
        self, path: Path | str | None = None, *, timeout: float = 2.0, conn: sqlite3.Connection | None = None
    ) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        if conn is not None:  # a connection the caller owns and opened
            self.conn = conn
            self._migrate(conn)
        else:
            self.conn = self._connect(timeout)

    # -- opening, checking, migrating -------------------------------------------------------
    def _connect(self, timeout: float) -> sqlite3.Connection:
        path = self.path
        fresh = not path.exists()
        if not fresh:
            try:
                with open(path, "rb") as handle:
                    head = handle.read(len(SQLITE_MAGIC))
            except OSError as error:
                raise CasesError("unreadable", path=path, error=error.strerror or error) from error
            # An empty file is what a crash between create and first write leaves: treat as new.
            if head and head != SQLITE_MAGIC:
                raise _corrupt(path, "it is not an SQLite file")
        else:
            try:
                path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                os.close(os.open(path, os.O_CREAT | os.O_WRONLY, 0o600))
            except OSError as error:
                raise CasesError("uncreatable", path=path, error=error.strerror or error) from error
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass
        try:
            conn = sqlite3.connect(str(path), timeout=timeout)
        except sqlite3.Error as error:
            raise CasesError("unopenable", path=path, error=error) from error
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            if not fresh:
                check = conn.execute("PRAGMA quick_check").fetchone()
                if not check or check[0] != "ok":
                    conn.close()
                    raise _corrupt(path, f"integrity check: {check[0] if check else 'no answer'}")
            self._migrate(conn)
        except sqlite3.DatabaseError as error:
            conn.close()
            if _is_locked(error):
                raise CasesError("in_use", path=path) from error
            raise _corrupt(path, str(error)) from error
        return conn

    def _migrate(self, conn: sqlite3.Connection) -> None:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            conn.close()
            raise CasesError("newer", path=self.path, version=version, known=SCHEMA_VERSION)
        if version == SCHEMA_VERSION:
            return
        if version > 0 and self.path.is_file():
            # Before touching a user's existing cases, keep a copy of them as they were.
            _backup(self.path, f"v{version}")
        for target in range(version + 1, SCHEMA_VERSION + 1):
            # executescript commits first, so run each step in its own explicit transaction.
            try:
                conn.executescript(f"BEGIN;\n{MIGRATIONS[target - 1]}\nPRAGMA user_version = {target};\nCOMMIT;")
            except sqlite3.Error:
                if conn.in_transaction:
                    conn.rollback()
                raise

    @property
    def version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> CasesDB:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _write(self, sql: str, params: tuple) -> int:
        try:
            with self.conn:
                return self.conn.execute(sql, params).lastrowid
        except sqlite3.OperationalError as error:
            if _is_locked(error):
                raise CasesError("locked", path=self.path) from error
            raise CasesError("refused", path=self.path, error=error) from error

    # -- cases ------------------------------------------------------------------------------
    def record_sent(self, message: Message, category: str, lang: str, sent_at: datetime | None = None) -> int:
        """A new case from a message the user confirmed as sent; returns its id."""
        moment = sent_at or _message_time(message) or _now()
        return self._write(
            "INSERT INTO cases (to_addr, subject, category, lang, message_id, message, sent_at, status)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, 'waiting')",
            (
                str(message.get("To", "")),
                str(message.get("Subject", "")),
                category,
                lang,
                str(message.get("Message-ID", "")).strip(),
                _message_text(message),
                utc_iso(moment),
            ),
        )

    def _case_row(self, row: tuple) -> Case:
        (cid, to_addr, subject, category, lang, message_id, message, sent_at, ticket, status) = row
        case = Case(cid, to_addr, subject, category, lang, message_id, message, parse_iso(sent_at), ticket, status)
        for fid, mid, msg, at in self.conn.execute(
            "SELECT id, message_id, message, sent_at FROM followups WHERE case_id = ? ORDER BY sent_at, id", (cid,)
        ):
            case.followups.append(Followup(fid, mid, msg, parse_iso(at)))
        for rid, mid, sender, subj, at, text, verdict, report in self.conn.execute(
            "SELECT id, message_id, sender, subject, received_at, text, verdict, report"
            " FROM replies WHERE case_id = ? ORDER BY received_at, id",
            (cid,),
        ):
            try:
                data = json.loads(report)
            except ValueError:
                data = {}
            case.replies.append(Reply(rid, mid, sender, subj, parse_iso(at), text, verdict, data))
        return case

    _COLUMNS = "id, to_addr, subject, category, lang, message_id, message, sent_at, ticket, status"

    def list_cases(self) -> list[Case]:
        """All cases, newest first."""
        rows = self.conn.execute(f"SELECT {self._COLUMNS} FROM cases ORDER BY sent_at DESC, id DESC").fetchall()
        return [self._case_row(row) for row in rows]

    def get(self, case_id: int) -> Case:
        row = self.conn.execute(f"SELECT {self._COLUMNS} FROM cases WHERE id = ?", (case_id,)).fetchone()
        if row is None:
            raise KeyError(f"no case {case_id}")
        return self._case_row(row)

    def set_ticket(self, case_id: int, ticket: str) -> None:
        self._write("UPDATE cases SET ticket = ? WHERE id = ?", (ticket.strip().lstrip("#").strip(), case_id))

    def set_status(self, case_id: int, status: str) -> None:
        if status not in STATUSES:
            raise ValueError(f"status must be one of {', '.join(STATUSES)}")
        self._write("UPDATE cases SET status = ? WHERE id = ?", (status, case_id))

    def add_followup(self, case_id: int, message: Message, sent_at: datetime | None = None) -> int:
        """Record a follow-up the user sent in the case's thread; the case waits again."""
        self.get(case_id)
        moment = sent_at or _message_time(message) or _now()
        fid = self._write(
            "INSERT INTO followups (case_id, message_id, message, sent_at) VALUES (?, ?, ?, ?)",
            (case_id, str(message.get("Message-ID", "")).strip(), _message_text(message), utc_iso(moment)),
        )
        self.set_status(case_id, "waiting")
        return fid

    def add_reply(
        self,
        case_id: int,
        text: str,
        *,
        verdict: str = "",
        report: dict | None = None,
        received_at: datetime | None = None,
    ) -> int:
        """Record a reply (raw .eml text or pasted text) against a case; the case becomes "replied"."""
        self.get(case_id)
        sender = subject = message_id = ""
        moment = received_at
        if ":" in text.split("\n", 1)[0]:  # looks like headers: take what threading needs
            msg = parse_message(text)
            sender, subject = str(msg.get("From", "")), str(msg.get("Subject", ""))
            message_id = str(msg.get("Message-ID", "")).strip()
            moment = moment or _message_time(msg)
        rid = self._write(
            "INSERT INTO replies (case_id, message_id, sender, subject, received_at, text, verdict, report)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                case_id,
                message_id,
                sender,
                subject,
                utc_iso(moment or _now()),
                text,
                verdict,
                json.dumps(report or {}, ensure_ascii=False),
            ),
        )
        self.set_status(case_id, "replied")
        return rid


def open_db(path: Path | str | None = None) -> CasesDB:
    """Open (creating or upgrading) the cases database; raises CasesError with a plain message."""
    return CasesDB(path)


class CaseBook:
    """The cases database opened on first use, so a damaged file is reported where it is shown.

    Attribute access is passed on to the open CasesDB (list_cases, get, set_ticket …) and
    raises CasesError when the database cannot be used.
    """

    def __init__(self, path: Path | str | None = None) -> None:
        self.path = Path(path) if path is not None else default_db_path()
        self._db: CasesDB | None = None
        self._error: CasesError | None = None

    def open(self) -> CasesDB:
        if self._error is not None:
            raise self._error  # the same problem, without touching the file again
        if self._db is None:
            try:
                self._db = CasesDB(self.path)
            except CasesError as error:
                if "locked" not in str(error):  # a lock passes; damage does not
                    self._error = error
                raise
        return self._db

    def __getattr__(self, name: str):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.open(), name)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def record_sent(db_path_or_conn, message: EmailMessage, category: str, lang: str) -> int:
    """Record a confirmed hand-off as a new case; returns the case id.

    `db_path_or_conn` is a CasesDB or CaseBook, a path (None: the default file) or an open sqlite3
    connection (upgraded to the current schema if needed).
    """
    if isinstance(db_path_or_conn, (CasesDB, CaseBook)):
        return db_path_or_conn.record_sent(message, category, lang)
    if isinstance(db_path_or_conn, sqlite3.Connection):
        return CasesDB(":connection:", conn=db_path_or_conn).record_sent(message, category, lang)
    with open_db(db_path_or_conn) as db:
        return db.record_sent(message, category, lang)


# -- replies against a case ------------------------------------------------------------------
NEXT_STEPS = ("do_not_trust", "verify_sender", "reply_in_thread", "mark_resolved", "follow_up")


def next_step(verdict: str, usefulness: dict | None) -> str:
    """What to do after a reply: distrust it, answer in the thread, close the case, or follow up."""
    if verdict == "fraudulent":
        return "do_not_trust"
    if verdict == "suspicious":
        return "verify_sender"
    use = usefulness or {}
    if use.get("answers_question"):
        return "mark_resolved"
    if use.get("concrete_steps") or use.get("follow_up_promised"):
        # Support asked for something or promised to come back: answer them in the same thread.
        return "reply_in_thread"
    return "follow_up"


@dataclass
class RecordedReply:
    reply_id: int
    verdict: str
    usefulness: dict
    advice: list
    next_step: str
    report: dict


def record_reply(
    db: CasesDB | CaseBook,
    case_id: int,
    data: bytes | str,
    *,
    anti_phishing_code: str | None = None,
    lang: str = "en",
) -> RecordedReply:
    """Check a reply with the reply checker against the case's question, and record it.

    Raises replies.UnreadableReply for input that is not a message or text.
    """
    from okx_helper import replies

    case = db.get(case_id)
    report = replies.verify_reply(
        data, anti_phishing_code=anti_phishing_code or None, question=case.question() or None, lang=lang
    )
    as_json = report.to_json()
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    reply_id = db.add_reply(case_id, text, verdict=report.verdict, report=as_json)
    usefulness = as_json.get("usefulness") or {}
    if not case.ticket:
        found = find_ticket(text)
        if found:
            db.set_ticket(case_id, found)
    advice = list(getattr(report, "advice", []) or [])
    return RecordedReply(reply_id, report.verdict, usefulness, advice, next_step(report.verdict, usefulness), as_json)


def find_ticket(text: str) -> str:
    """A ticket number quoted in a reply ("Ticket #12345", "工单号：12345"), or ""."""
    import re

    match = re.search(
        r"(?:ticket|case)\s*(?:no\.?|number|id)?\s*[#:：]?\s*#?\s*(\d{4,12})\b|工单(?:号|编号)?\s*[:：#]?\s*(\d{4,12})",
        text,
        re.I,
    )
    if not match:
        return ""
    return match.group(1) or match.group(2)
