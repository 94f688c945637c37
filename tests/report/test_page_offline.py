"""The report opened in Chromium with the network cut off: every request the page makes is
recorded and refused, and none is made; the charts (data: URIs) are drawn; headings, tables and
images have what screen readers need. A screenshot of each language goes to
test-artifacts/report/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Route
from sqlalchemy import create_engine

from assistant.kb import store
from assistant.kb.yaml_source import read_knowledge
from assistant.report import build, reading
from tests.conftest import KNOWLEDGE_DIR
from tests.report.known_store import NOW, PERIOD, write_known_store
from tests.web import conftest as web
from tests.web.test_widget import serious_violations

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "report"


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The known store's report (tests/report/known_store.py) in each language."""
    folder = tmp_path_factory.mktemp("report")
    tracker_url = f"sqlite:///{folder / 'conversations.db'}"
    knowledge = store.make_engine(f"sqlite:///{folder / 'kb.db'}")
    store.load(knowledge, read_knowledge(KNOWLEDGE_DIR))
    write_known_store(create_engine(tracker_url, future=True), knowledge)
    tracker = reading.read_only_engine(tracker_url)
    return {language: build.write(build.make(tracker, knowledge, PERIOD, language, 180, NOW), folder / language)
            for language in ("sv", "en")}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """tests/web's browser, for this module only (sync Playwright runs an event loop while it
    lives; other modules need theirs)."""
    yield from web.browser.__wrapped__()


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_report_needs_nothing_from_the_network(browser: Browser, reports, language) -> None:
    path = reports[language]
    context = browser.new_context(offline=True, viewport={"width": 1200, "height": 900})
    requested: list[str] = []
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url))

    def refuse(route: Route) -> None:
        if route.request.url != path.as_uri():
            route.abort()
        else:
            route.continue_()

    page.route("**/*", refuse)
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    assert [url for url in requested if url != path.as_uri() and not url.startswith("data:")] == []
    assert errors == []
    images = page.locator("img")
    assert images.count() >= 5
    drawn = page.evaluate("[...document.images].map(i => i.complete && i.naturalWidth > 0 && !!i.alt)")
    assert all(drawn), drawn
    assert page.locator("h1").count() == 1 and page.locator("h2").count() >= 8
    assert page.evaluate("document.documentElement.lang") == language
    assert serious_violations(page) == []
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"report-{language}.png"), full_page=True)
    context.close()
