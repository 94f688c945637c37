"""Read the staff-edited YAML files in knowledge/ into a validated `Knowledge`.

Every problem is collected (not just the first), so staff can fix a file in one go.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml

from assistant.kb import safe_yaml
from assistant.kb.consistency import Origin, Origins, check_consistency
from assistant.kb.content import (
    Budget,
    Contact,
    Financier,
    Funding,
    Knowledge,
    Link,
    Organisation,
    Page,
    Period,
    Project,
    ProjectContact,
    Route,
)
from assistant.kb.fields import Node
from assistant.kb.problems import KnowledgeError, Problem

PRECISIONS = ("day", "month", "year")
STATUSES = ("active", "on_leave")
SECTIONS = ("page", "organisations", "contacts", "routes", "project")


def read_knowledge(folder: Path) -> Knowledge:
    """Read and validate every *.yml file below `folder`; raise KnowledgeError listing all problems."""
    problems: list[Problem] = []
    if not folder.is_dir():
        raise KnowledgeError([Problem(str(folder), "", "the knowledge folder does not exist")])
    documents = [_parse(path, folder, problems) for path in sorted(folder.rglob("*.yml"))]

    page: Page | None = None
    projects: list[tuple[Project, Origin]] = []
    contacts: list[tuple[Contact, Origin]] = []
    organisations: list[tuple[Organisation, Origin]] = []
    routes: list[tuple[Route, Origin]] = []
    for doc in documents:
        if doc is None or not doc.is_mapping():
            continue
        doc.only_keys(*SECTIONS)
        if not doc.child("page").missing():
            page = _page(doc.child("page"))
        if not doc.child("project").missing():
            project = _project(doc.child("project"))
            if project:
                projects.append((project, Origin(doc.file, "project")))
        contacts += _listed(doc, "contacts", _contact)
        organisations += _listed(doc, "organisations", _organisation)
        routes += _listed(doc, "routes", _route)

    if page is None and not problems:
        problems.append(Problem(str(folder), "", "no file has a 'page:' section"))
    if problems:
        raise KnowledgeError(problems)
    knowledge = Knowledge(
        page=page,  # type: ignore[arg-type]  # checked above
        projects=tuple(item for item, _ in projects),
        contacts=tuple(item for item, _ in contacts),
        organisations=tuple(item for item, _ in organisations),
        routes=tuple(item for item, _ in routes),
    )
    origins = Origins(
        organisations=tuple(origin for _, origin in organisations),
        contacts=tuple(origin for _, origin in contacts),
        projects=tuple(origin for _, origin in projects),
        routes=tuple(origin for _, origin in routes),
    )
    problems = check_consistency(knowledge, origins)
    if problems:
        raise KnowledgeError(problems)
    return knowledge


Item = TypeVar("Item", Contact, Organisation, Route)


def _listed(doc: Node, section: str, read: Callable[[Node], Item | None]) -> list[tuple[Item, Origin]]:
    """The valid items of a list section, each with where it stands in the file."""
    found = []
    for i, node in enumerate(doc.items(section, False)):
        item = read(node)
        if item:
            found.append((item, Origin(doc.file, f"{section}[{i}] ({item.id})")))
    return found


def _parse(path: Path, folder: Path, problems: list[Problem]) -> Node | None:
    name = str(path.relative_to(folder.parent)) if folder.parent in path.parents else str(path)
    try:
        value = safe_yaml.load(path)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(error, "problem", None) or str(error)
        problems.append(Problem(name, where, f"is not valid YAML: {reason}"))
        return None
    except UnicodeDecodeError:
        problems.append(Problem(name, "", "is not UTF-8 text: save it as UTF-8"))
        return None
    if value is None:
        problems.append(Problem(name, "", "is empty"))
        return None
    return Node(value, name, "", problems)


def _page(node: Node) -> Page | None:
    if not node.is_mapping():
        return None
    node.only_keys("title", "intro", "last_updated")
    title, intro, updated = node.text("title"), node.text("intro"), node.date("last_updated")
    if updated is None and not node.child("last_updated").missing():
        node.child("last_updated").report("the page's 'last updated' date is required")
    if title and intro and updated:
        return Page(title=title, intro=intro, last_updated=updated)
    return None


def _link(node: Node) -> Link | None:
    if not node.is_mapping():
        return None
    node.only_keys("title", "url")
    title, url = node.text("title"), node.url("url")
    return Link(title=title, url=url) if title else None


def _organisation(node: Node) -> Organisation | None:
    if not node.is_mapping():
        return None
    node.only_keys(
        "id", "name", "aliases", "kind", "county", "members", "member_count",
        "members_complete", "description", "gloss", "links",
    )
    oid, name, kind = node.ident("id"), node.string("name"), node.string("kind")
    if not (oid and name and kind):
        return None
    has = lambda key: not node.child(key).missing()  # noqa: E731
    return Organisation(
        id=oid,
        name=name,
        kind=kind,
        aliases=node.strings("aliases", required=False),
        county=node.ident("county", required=False) if has("county") else None,
        members=node.strings("members", required=False),
        member_count=node.integer("member_count", low=1) if has("member_count") else None,
        members_complete=node.boolean("members_complete", True),
        description=node.text("description") if has("description") else None,
        gloss=node.text("gloss") if has("gloss") else None,
        links=tuple(filter(None, map(_link, node.items("links", False)))),
    )


def _contact(node: Node) -> Contact | None:
    if not node.is_mapping():
        return None
    node.only_keys("id", "name", "aliases", "role", "phone", "email", "status", "stand_in")
    cid, name = node.ident("id"), node.string("name")
    role = node.text("role", required=False)
    phone, email = node.phone("phone"), node.email("email")
    status = node.choice("status", STATUSES)
    stand_in = node.ident("stand_in", required=False)
    aliases = node.strings("aliases")
    if not (cid and name and status):
        return None
    return Contact(cid, name, aliases, role, phone, email, status, stand_in)  # type: ignore[arg-type]


def _period(node: Node) -> Period | None:
    if not node.is_mapping():
        return None
    node.only_keys("label", "start", "end", "precision")
    label, precision = node.text("label"), node.choice("precision", PRECISIONS)
    start, end = node.date("start"), node.date("end")
    if start is None and end is None and not node.child("start").missing():
        node.report("a period needs a start or an end date")
    if label and precision:
        return Period(label, start, end, precision)  # type: ignore[arg-type]
    return None


def _financier(node: Node) -> Financier | None:
    if not node.is_mapping():
        return None
    node.only_keys("organisation", "with", "share", "label")
    org = node.ident("organisation")
    share = node.integer("share", required=False, low=1, high=100)
    with_org = node.ident("with", required=False) if not node.child("with").missing() else None
    label = node.text("label") if not node.child("label").missing() else None
    return Financier(org, share, with_org, label) if org else None


def _funding(node: Node) -> Funding | None:
    if not node.is_mapping():
        return None
    node.only_keys("financiers", "amount", "budget", "co_financiers", "note")
    financiers = tuple(filter(None, map(_financier, node.items("financiers"))))
    budget_node = node.child("budget")
    budget = None
    if budget_node.missing():
        budget_node.report("is missing (write null if the page gives no budget)")
    elif budget_node.value is not None and budget_node.is_mapping():
        budget_node.only_keys("amount_sek", "text")
        amount, text = budget_node.integer("amount_sek", low=1), budget_node.text("text")
        budget = Budget(amount, text) if amount and text else None
    return Funding(
        financiers=financiers,
        amount=node.text("amount", required=False),
        budget=budget,
        co_financiers=node.strings("co_financiers"),
        note=node.text("note") if not node.child("note").missing() else None,
    )


def _project_contact(node: Node) -> ProjectContact | None:
    if not node.is_mapping():
        return None
    node.only_keys("contact", "role")
    contact, role = node.ident("contact"), node.text("role")
    return ProjectContact(contact, role) if contact and role else None


def _project(node: Node) -> Project | None:
    if not node.is_mapping():
        return None
    node.only_keys(
        "id", "name", "short_name", "aliases", "case_sensitive_aliases", "descriptive_names", "summary",
        "purpose",
        "activities", "periods", "period_note", "funding", "owner", "region", "contact_unit",
        "contacts", "links",
    )
    described = _words_per_language(node.child("descriptive_names")) if not node.child(
        "descriptive_names").missing() else ((), ())
    optional_id = lambda key: node.ident(key, required=False) if not node.child(key).missing() else None  # noqa: E731
    fields = dict(
        id=node.ident("id"),
        name=node.text("name"),
        short_name=node.string("short_name"),
        aliases=node.strings("aliases"),
        case_sensitive_aliases=node.strings("case_sensitive_aliases", required=False),
        described_sv=described[0],
        described_en=described[1],
        summary=node.text("summary"),
        purpose=node.text("purpose"),
        activities=tuple(filter(None, (item.as_text() for item in node.items("activities")))),
        periods=tuple(filter(None, map(_period, node.items("periods")))),
        period_note=node.text("period_note", required=False),
        funding=_funding(node.child("funding")),
        owner=node.ident("owner", required=False),
        region=optional_id("region"),
        contact_unit=optional_id("contact_unit"),
        contacts=tuple(filter(None, map(_project_contact, node.items("contacts")))),
        links=tuple(filter(None, map(_link, node.items("links")))),
    )
    required = ("id", "name", "short_name", "summary", "purpose", "funding")
    if any(fields[key] is None for key in required):
        return None
    return Project(**fields)  # type: ignore[arg-type]


def _route(node: Node) -> Route | None:
    if not node.is_mapping():
        return None
    node.only_keys("id", "label", "intent", "project", "contact", "keywords", "note")
    sv, en = _words_per_language(node.child("keywords"))
    rid, label, project = node.ident("id"), node.text("label"), node.ident("project")
    intent = node.string("intent")
    contact = node.ident("contact", required=False)
    note = node.text("note") if not node.child("note").missing() else None
    if not (rid and label and project and intent and sv and en):
        return None
    return Route(rid, label, project, intent, sv, en, contact, note)


def _words_per_language(node: Node) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Words in Swedish and English ({sv: [...], en: [...]}), at least one in each."""
    sv: tuple[str, ...] = ()
    en: tuple[str, ...] = ()
    if node.missing():
        node.report("is missing: give words in Swedish (sv) and English (en)")
    elif node.is_mapping():
        node.only_keys("sv", "en")
        sv, en = node.strings("sv"), node.strings("en")
        for language, words in (("sv", sv), ("en", en)):
            if not words and not node.child(language).missing():
                node.report("needs at least one word", f"{node.path}.{language}")
    return sv, en
