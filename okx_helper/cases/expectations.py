"""What to expect after writing to support, counted honestly in business days.

OKX's own pages speak of simple questions answered within about a day and complex cases
taking 1–3 business days (complaints: "within 1 business day" for the Middle East entity).
Weekends and the public holidays of the user's country (the `holidays` package) don't count.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import lru_cache

SIMPLE, COMPLEX = "simple", "complex"
SIMPLE_HOURS = 24
COMPLEX_DAYS = (1, 3)  # business days: usually after the first, at the latest after the third

# Cases that need an investigation (funds on chain, identity, security, a counterparty) take
# longer than questions about how something works.
COMPLEX_CATEGORIES = frozenset(
    {"account_security", "login_2fa", "deposit", "withdrawal", "kyc", "p2p", "account_closure"}
)


def complexity(category: str) -> str:
    """ "complex" for categories that need an investigation, else "simple"."""
    return COMPLEX if category in COMPLEX_CATEGORIES else SIMPLE


def country_from_locale(value: str | None = None) -> str | None:
    """The territory of a locale name ("zh_CN.UTF-8" → "CN"); None for C/POSIX or none at all.

    Without an argument the environment is read (LC_ALL, LC_TIME, LANG).
    """
    if value is None:
        for var in ("LC_ALL", "LC_TIME", "LANG"):
            value = os.environ.get(var)
            if value:
                break
    match = re.match(r"^[A-Za-z]{2,3}[_-]([A-Za-z]{2})\b", value or "")
    return match.group(1).upper() if match else None


def resolve_country(explicit: str | None = None) -> str | None:
    """The profile's or config's country when set, else the locale's; None means weekends only."""
    if explicit and explicit.strip():
        return explicit.strip().upper()
    return country_from_locale()


@lru_cache(maxsize=64)
def _calendar(country: str | None, year: int):
    if not country:
        return None
    try:
        import holidays

        return holidays.country_holidays(country, years=year)
    except (NotImplementedError, KeyError, ValueError, ImportError):
        return None  # an unknown country: weekends only


def is_business_day(day: date, country: str | None = None) -> bool:
    """A working day: not a weekend nor a public holiday (make-up working days count, as in CN)."""
    calendar = _calendar(country, day.year)
    if calendar is None:
        return day.weekday() < 5
    if hasattr(calendar, "is_working_day"):
        return calendar.is_working_day(day)
    return day.weekday() < 5 and day not in calendar


def add_business_days(start: datetime, days: int, country: str | None = None) -> datetime:
    """`start` plus `days` business days, keeping the time of day.

    A message written on a day off starts counting at the beginning of the next working day:
    one business day after Saturday noon is the end of Monday (Tuesday 00:00).
    """
    if days <= 0:
        return start
    if not is_business_day(start.date(), country):
        # Count whole working days from the next one; the answer is due at the end of the last.
        day, counted = start.date(), 0
        while True:
            day += timedelta(days=1)
            if is_business_day(day, country):
                counted += 1
                if counted == days:
                    return datetime.combine(day + timedelta(days=1), time(0), tzinfo=start.tzinfo)
    moment, counted = start, 0
    while counted < days:
        moment += timedelta(days=1)
        if is_business_day(moment.date(), country):
            counted += 1
    return moment


def expected_window(sent_at: datetime, kind: str, country: str | None = None) -> tuple[datetime, datetime]:
    """(usually by, at the latest by) for a message sent at `sent_at`."""
    if kind == SIMPLE:
        latest = sent_at + timedelta(hours=SIMPLE_HOURS)
        return latest, latest
    first, last = COMPLEX_DAYS
    return add_business_days(sent_at, first, country), add_business_days(sent_at, last, country)


def expected_by(sent_at: datetime, kind: str, country: str | None = None) -> datetime:
    """When an answer is due at the latest: 24 hours for a simple question, 3 business days else."""
    return expected_window(sent_at, kind, country)[1]


def remaining(due: datetime, now: datetime | None = None) -> timedelta:
    """Time left until `due` (negative once it has passed)."""
    return due - (now or datetime.now(timezone.utc))


def duration_text(span: timedelta, lang: str = "en") -> str:
    """A short human duration: "2 days 3 hours", "45 minutes", "2天3小时"."""
    seconds = max(0, int(span.total_seconds()))
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes = rest // 60
    if lang == "zh":
        if days:
            return f"{days}天{hours}小时" if hours else f"{days}天"
        if hours:
            return f"{hours}小时{minutes}分钟" if minutes and hours < 3 else f"{hours}小时"
        return f"{minutes}分钟"

    def unit(n: int, word: str) -> str:
        return f"{n} {word}" + ("" if n == 1 else "s")

    if days:
        return unit(days, "day") + (" " + unit(hours, "hour") if hours else "")
    if hours:
        return unit(hours, "hour") + (" " + unit(minutes, "minute") if minutes and hours < 3 else "")
    return unit(minutes, "minute")


def elapsed_text(since: datetime, now: datetime | None = None, lang: str = "en") -> str:
    """How long ago `since` was, in words."""
    return duration_text((now or datetime.now(timezone.utc)) - since, lang)


@dataclass
class Expectation:
    """Where a message stands against the usual answer times."""

    kind: str  # simple | complex
    sent_at: datetime
    usually_by: datetime
    expected_by: datetime
    elapsed: timedelta
    remaining: timedelta  # negative when overdue

    @property
    def overdue(self) -> bool:
        return self.remaining.total_seconds() < 0

    def to_json(self) -> dict:
        return {
            "complexity": self.kind,
            "usually_by": self.usually_by.astimezone(timezone.utc).isoformat(timespec="seconds"),
            "expected_by": self.expected_by.astimezone(timezone.utc).isoformat(timespec="seconds"),
            "elapsed_seconds": int(self.elapsed.total_seconds()),
            "remaining_seconds": int(self.remaining.total_seconds()),
            "overdue": self.overdue,
        }


def assess(sent_at: datetime, category: str, country: str | None = None, now: datetime | None = None) -> Expectation:
    """The expectation for a message in `category` sent at `sent_at`."""
    now = now or datetime.now(timezone.utc)
    kind = complexity(category)
    usually, latest = expected_window(sent_at, kind, country)
    return Expectation(kind, sent_at, usually, latest, now - sent_at, latest - now)
