"""Contact requests (the hand-off) per person in a period, read through the requests' own store."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.engine import Engine

from assistant.handoff.store import ContactRequests
from assistant.report.period import Period


@dataclass
class PerContact:
    contact: str  # the contact's id (knowledge/contacts.yml)
    new: int = 0  # not yet marked done by staff
    done: int = 0
    mail_waiting: int = 0  # the mail to staff not sent yet (the mail server is being retried)
    mail_dead: int = 0  # given up on: waits for staff (`assistant requests outbox`)

    @property
    def total(self) -> int:
        return self.new + self.done


def per_contact(engine: Engine, period: Period) -> list[PerContact]:
    """The requests made in the period per recipient, most requests first."""
    found: dict[str, PerContact] = {}
    for recipient, status, mail, count in ContactRequests(engine).per_recipient(period.start(), period.end()):
        row = found.setdefault(recipient, PerContact(recipient))
        if status == "done":
            row.done += count
        else:
            row.new += count
        if mail == "pending":
            row.mail_waiting += count
        elif mail == "dead":
            row.mail_dead += count
    return sorted(found.values(), key=lambda r: (-r.total, r.contact))
