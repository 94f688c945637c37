"""The days a report covers, in Swedish time, and what the retention period has left of them."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from assistant.handoff.mail import LOCAL_TIME

MAX_DAYS = 3660  # ten years: a longer period is a typing mistake


class BadPeriod(ValueError):
    """--since/--until that are not dates, or in the wrong order."""


@dataclass(frozen=True)
class Period:
    since: date
    until: date  # the last day, included

    @classmethod
    def parse(cls, since: str, until: str) -> Period:
        try:
            first, last = date.fromisoformat(since), date.fromisoformat(until)
        except ValueError:
            raise BadPeriod(f"dates are written YYYY-MM-DD, not {since!r} and {until!r}") from None
        if last < first:
            raise BadPeriod(f"--until {last} is before --since {first}")
        if (last - first).days >= MAX_DAYS:
            raise BadPeriod(f"a report covers at most {MAX_DAYS} days")
        return cls(first, last)

    @property
    def days(self) -> list[date]:
        return [self.since + timedelta(days=n) for n in range((self.until - self.since).days + 1)]

    def bounds(self) -> list[float]:
        """Each day's first second in Swedish time (summer time included), as epoch seconds,
        then the end of the last day: day n is bounds[n] <= t < bounds[n + 1]."""
        edges = [*self.days, self.until + timedelta(days=1)]
        return [datetime.combine(day, time(), LOCAL_TIME).timestamp() for day in edges]

    def start(self) -> datetime:
        return datetime.combine(self.since, time(), LOCAL_TIME)

    def end(self) -> datetime:
        """The first moment after the period."""
        return datetime.combine(self.until + timedelta(days=1), time(), LOCAL_TIME)


def day_index(bounds: list[float], timestamp: float) -> int:
    """Which day of the period a moment falls on (bounds from `Period.bounds`)."""
    return bisect_right(bounds, timestamp) - 1


@dataclass(frozen=True)
class Retention:
    """What the retention period (RETENTION_DAYS) leaves of a period."""

    days: int
    oldest: datetime | None  # the oldest stored event, None when nothing is stored
    cutoff: date  # conversations quiet since before this day have been deleted

    @classmethod
    def of(cls, days: int, oldest: float | None, now: datetime) -> Retention:
        found = datetime.fromtimestamp(oldest, LOCAL_TIME) if oldest is not None else None
        return cls(days, found, (now.astimezone(LOCAL_TIME) - timedelta(days=days)).date())

    def cuts(self, period: Period) -> bool:
        """True when the period starts before what the retention period keeps."""
        return period.since < self.cutoff
