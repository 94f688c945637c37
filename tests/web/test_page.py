"""The stand-in municipality pages and the static server (no bot needed)."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
from email.message import Message
from html.parser import HTMLParser

import pytest

from tests.conftest import SOURCE_PAGE
from tests.web.conftest import WEB_DIR

SOURCE = SOURCE_PAGE.read_text(encoding="utf-8")


def fetch(url: str) -> tuple[int, Message, str]:
    """Status, headers (case-insensitive) and body of a GET."""
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.headers, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.headers, ""


class Scripts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.scripts: list[dict] = []
        self.lang = None

    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.scripts.append(dict(attrs))
        elif tag == "html":
            self.lang = dict(attrs).get("lang")


@pytest.mark.parametrize(("path", "lang"), [("/", "sv"), ("/en/", "en")])
def test_page_embeds_the_widget_with_one_script_tag(site, path, lang):
    status, headers, html = fetch(site + path)
    assert status == 200
    parsed = Scripts()
    parsed.feed(html)
    assert parsed.lang == lang
    assert parsed.scripts == [
        {
            "src": "/static/chat-embed.js",
            "defer": None,
            "data-server": "http://localhost:5005",
            "data-language": lang,
            "data-greeting": "/greet",
        }
    ]
    # Nothing from other hosts: no CDN, works offline.
    assert not re.search(r'(src|href)="(https?:)?//(?!localhost)[^"]*\.(js|css)', html)
    assert "script-src 'self'" in headers["Content-Security-Policy"]


def test_swedish_page_has_the_source_content(site):
    _, _, html = fetch(site + "/")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    for line in [
        "Pågående projekt",
        "Utveckling av näringslivet och företagsklimatet i Malå kommun (1,76 - projektet)",
        "Finansiering: Total budget 624 602kr",
        "Sandor Lindström",
        "Strategisk Samverkan för Hållbar Näringslivsutveckling i Möjligheternas Region",
        "Projektet pågår i sin aktiva fasen t.o.m. december 2025.",
        "Move Up North:s finansiärer är Europeiska Socialfonden ESF",
        "wolfgang.mehl@mala.se, 0953-14039",
        "Senast uppdaterad den 13 februari 2024",
    ]:
        assert line in SOURCE  # the test itself quotes the source
        assert line in text


def test_english_page_keeps_names_numbers_and_contacts(site):
    _, _, html = fetch(site + "/en/")
    text = re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html))
    for fact in [
        "Ongoing projects",
        "Medskapande processer för hållbar service i Malåbygden",
        "Strategisk Samverkan för Hållbar Näringslivsutveckling i Möjligheternas Region",
        "Sandor Lindström", "0953-140 84", "sandor.lindstrom@mala.se",
        "Aleksandra Simanovskaya", "0953-140 61",
        "wolfgang.mehl@mala.se", "0953-14039",
        "624,602 kronor", "80%", "20%", "1 September 2022 – 31 August 2024",
        "December 2025", "2023–2026", "Sorsele", "Last updated 13 February 2024",
    ]:
        assert fact in text, fact
    assert "Pågående projekt" not in text


@pytest.mark.parametrize(
    "path",
    [
        "/node_modules/rasa-webchat/lib/index.js",
        "/package.json",
        "/package-lock.json",
        "/serve.py",
        "/README.md",
        "/static/",
        "/vendor/rasa-webchat/%2e%2e/package.json",
    ],
)
def test_server_hides_everything_but_the_site(site, path):
    assert fetch(site + path)[0] == 404


def test_server_serves_the_widget_bundle_from_node_modules(site):
    status, headers, body = fetch(site + "/vendor/rasa-webchat/index.js")
    assert status == 200
    assert headers["Content-Type"].startswith("text/javascript")
    assert body == (WEB_DIR / "node_modules/rasa-webchat/lib/index.js").read_text(encoding="utf-8")
