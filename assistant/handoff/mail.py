"""The mail a recipient gets for a contact request, built with the standard `email` package.

Visitor text goes only into the body: the subject holds the reference, Reply-To a
syntax-checked address, and the `email` package refuses a header value with a line
break, so nothing the visitor types can add a header.
"""

from __future__ import annotations

from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from zoneinfo import ZoneInfo

from assistant.handoff.model import Draft

LOCAL_TIME = ZoneInfo("Europe/Stockholm")
_LANGUAGES = {"sv": "svenska", "en": "engelska"}


def _body(draft: Draft, reference: str, created_at: datetime) -> str:
    consented = draft.consented_at.astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")
    lines = [
        "Hej!",
        "",
        "En besökare på sidan Pågående projekt vill bli kontaktad och har lämnat sina uppgifter",
        "till chattassistenten:",
        "",
        f"Ärendenummer: {reference}",
        f"Inkommet: {created_at.astimezone(LOCAL_TIME).strftime('%Y-%m-%d %H:%M')}",
        f"Ärende (route): {draft.route_id}",
        f"Namn: {draft.name}",
        f"Organisation: {draft.organisation or '–'}",
        f"E-post: {draft.email or '–'}",
        f"Telefon: {draft.phone or '–'}",
        f"Besökaren skrev på: {_LANGUAGES.get(draft.language, draft.language)}",
        "",
        "Gäller:",
        draft.about,
        "",
        f"Besökaren godkände integritetstexten (version {draft.consent_version}) {consented}.",
        f"När ärendet är klart: assistant requests done {reference}",
    ]
    return "\n".join(lines) + "\n"


def build(draft: Draft, reference: str, recipient: str, sender: str, created_at: datetime) -> EmailMessage:
    message = EmailMessage()
    message["Subject"] = f"Kontaktförfrågan {reference} från chattassistenten"
    message["From"] = sender
    message["To"] = Address(addr_spec=recipient)
    if draft.email and draft.email.isascii():
        message["Reply-To"] = Address(addr_spec=draft.email)
    message["Date"] = format_datetime(created_at)
    message["Message-ID"] = make_msgid(idstring=reference,
                                       domain=parseaddr(sender)[1].rpartition("@")[2] or None)
    message.set_content(_body(draft, reference, created_at))
    return message
