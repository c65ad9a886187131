"""How the last poll of a watched URL is told: words that count no report."""

from __future__ import annotations

from datetime import UTC, datetime

from intex.model import WatchState

AT = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


def test_outcomes_say_how_the_poll_went_and_count_no_report():
    assert WatchState("u").outcome() == "not polled yet"
    assert WatchState("u", last_poll=AT, result="3 new").outcome() == "answered"
    assert WatchState("u", last_poll=AT, result="no new entries").outcome() == "answered"
    assert WatchState("u", last_poll=AT, result="not modified").outcome() == \
        "answered: not modified since the poll before"
    assert WatchState("u", last_poll=AT, result="4 new, 1 failed",
                      failed_entries=1).outcome() == "answered; 1 entry could not be read"
    assert WatchState("u", last_poll=AT, result="0 new, 12 failed",
                      failed_entries=12).outcome() == "answered; 12 entries could not be read"
    # the count is the state's own column, not read out of the result's words
    assert WatchState("u", last_poll=AT, result="2 failed").outcome() == "answered"
    assert WatchState("u", last_poll=AT, failures=1, result="error: HTTP 503").outcome() == \
        "error: HTTP 503 (failed once)"
    assert WatchState("u", last_poll=AT, failures=3, result="error: timed out").outcome() == \
        "error: timed out (failed 3 times in a row)"
