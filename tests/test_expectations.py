from datetime import datetime, timedelta, timezone

import pytest

from okx_helper.cases import expectations as ex

UTC = timezone.utc


def at(*args):
    return datetime(*args, tzinfo=UTC)


def test_across_a_weekend():
    friday = at(2026, 11, 6, 15, 0)
    assert ex.add_business_days(friday, 1) == at(2026, 11, 9, 15, 0)  # Monday
    assert ex.add_business_days(friday, 3) == at(2026, 11, 11, 15, 0)  # Wednesday


def test_written_on_a_day_off_counts_from_the_next_working_day():
    saturday = at(2026, 11, 7, 12, 0)
    assert ex.add_business_days(saturday, 1) == at(2026, 11, 10, 0, 0)  # end of Monday


def test_us_thanksgiving_is_not_a_business_day():
    wednesday = at(2026, 11, 25, 10, 0)
    assert not ex.is_business_day(at(2026, 11, 26).date(), "US")
    # Thu 26 is Thanksgiving, Sat/Sun the weekend: 3 business days are Fri, Mon, Tue.
    assert ex.add_business_days(wednesday, 3, "US") == at(2026, 12, 1, 10, 0)
    # Without a country only the weekend is skipped.
    assert ex.add_business_days(wednesday, 3, None) == at(2026, 11, 30, 10, 0)


def test_cn_national_day_golden_week():
    sept_30 = at(2026, 9, 30, 9, 0)
    assert ex.add_business_days(sept_30, 1, "CN") == at(2026, 10, 8, 9, 0)
    assert ex.add_business_days(sept_30, 1, None) == at(2026, 10, 1, 9, 0)


def test_unknown_country_falls_back_to_weekends():
    friday = at(2026, 11, 6, 15, 0)
    assert ex.add_business_days(friday, 1, "ZZ") == at(2026, 11, 9, 15, 0)


def test_window_for_simple_and_complex():
    sent = at(2026, 11, 6, 15, 0)  # a Friday
    assert ex.complexity("fees") == "simple" and ex.complexity("withdrawal") == "complex"
    assert ex.expected_by(sent, "simple") == sent + timedelta(hours=24)
    assert ex.expected_window(sent, "complex") == (at(2026, 11, 9, 15, 0), at(2026, 11, 11, 15, 0))
    expect = ex.assess(sent, "withdrawal", None, now=at(2026, 11, 12, 15, 0))
    assert expect.overdue and expect.remaining == timedelta(days=-1)
    data = expect.to_json()
    assert data["complexity"] == "complex" and data["overdue"] is True
    assert data["expected_by"] == "2026-11-11T15:00:00+00:00"


@pytest.mark.parametrize(
    "value, country",
    [("zh_CN.UTF-8", "CN"), ("en_US", "US"), ("en-GB", "GB"), ("C.UTF-8", None), ("POSIX", None), ("", None)],
)
def test_country_from_locale(value, country):
    assert ex.country_from_locale(value) == country


def test_country_resolution_prefers_the_profile(monkeypatch):
    monkeypatch.setenv("LC_ALL", "zh_CN.UTF-8")
    assert ex.resolve_country("us") == "US"
    assert ex.resolve_country("") == "CN"
    monkeypatch.setenv("LC_ALL", "C")
    assert ex.resolve_country(None) is None


def test_durations_in_both_languages():
    assert ex.duration_text(timedelta(days=2, hours=3)) == "2 days 3 hours"
    assert ex.duration_text(timedelta(hours=1, minutes=5)) == "1 hour 5 minutes"
    assert ex.duration_text(timedelta(minutes=1)) == "1 minute"
    assert ex.duration_text(timedelta(days=1), "zh") == "1天"
    assert ex.duration_text(timedelta(hours=5, minutes=20), "zh") == "5小时"
    assert ex.elapsed_text(at(2026, 1, 1), at(2026, 1, 3, 1), "en") == "2 days 1 hour"
