"""What a contact request holds once the visitor has given it and agreed to the privacy notice."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

CONSENT_VERSION = "2026-11-27"  # bump when the privacy notice text changes


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class Draft:
    """What the visitor gave, validated (assistant/handoff/validation.py), ready to store."""

    route_id: str  # knowledge/routing.yml route id (recruitment, business_advice …)
    recipient_id: str  # contact id of the person who gets it (the stand-in if on leave)
    language: str  # "sv" | "en"
    name: str
    organisation: str | None
    email: str | None  # syntax-checked
    phone: str | None  # E.164, e.g. "+4695314061"
    about: str  # at most 1000 characters, control characters removed
    consent_version: str  # CONSENT_VERSION of the privacy notice the visitor agreed to
    consented_at: datetime  # timezone-aware UTC
    conversation_id: str
