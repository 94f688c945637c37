"""Typed reading of parsed YAML that reports problems instead of raising on the first one.

A `Node` is a value together with where it came from (file and path), so every
message can say exactly where staff must look.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from assistant.kb.content import LANGUAGES, Text
from assistant.kb.problems import Problem

_MISSING = object()
PHONE = re.compile(r"^(?:\+46 ?|0)[0-9][0-9 -]*[0-9]$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$")
URL = re.compile(r"^https?://[^\s]+$")
IDENT = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")


class Node:
    def __init__(self, value: Any, file: str, path: str, problems: list[Problem]) -> None:
        self.value = value
        self.file = file
        self.path = path
        self.problems = problems

    # -- structure -------------------------------------------------------------
    def report(self, message: str, path: str | None = None) -> None:
        self.problems.append(Problem(self.file, self.path if path is None else path, message))

    def _sub(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.path}[{key}]"
        return f"{self.path}.{key}" if self.path else key

    def is_mapping(self) -> bool:
        if isinstance(self.value, dict):
            return True
        self.report(f"expected a mapping (key: value lines), found {_kind(self.value)}")
        return False

    def child(self, key: str) -> Node:
        value = self.value.get(key, _MISSING) if isinstance(self.value, dict) else _MISSING
        return Node(value, self.file, self._sub(key), self.problems)

    def missing(self) -> bool:
        return self.value is _MISSING

    def only_keys(self, *allowed: str) -> None:
        """Unknown keys are usually typos ('phon:'), which would silently lose a fact."""
        if not isinstance(self.value, dict):
            return
        for key in self.value:
            if key not in allowed:
                self.report(f"unknown key '{key}' (allowed: {', '.join(allowed)})", self._sub(key))

    def items(self, key: str, required: bool = True) -> Iterator[Node]:
        node = self.child(key)
        if node.missing() or node.value is None:
            if required and node.missing():
                node.report("is missing (write [] if there is none)")
            return
        if not isinstance(node.value, list):
            node.report(f"expected a list, found {_kind(node.value)}")
            return
        for i, value in enumerate(node.value):
            yield Node(value, self.file, node._sub(i), self.problems)

    # -- scalars ----------------------------------------------------------------
    def string(self, key: str, required: bool = True) -> str | None:
        node = self.child(key)
        if node.missing() or node.value is None:
            if required:
                node.report("is missing" if node.missing() else "must not be empty")
            elif node.missing():
                node.report("is missing (write null if the page says nothing)")
            return None
        if isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return str(node.value)
        if not isinstance(node.value, str) or not node.value.strip():
            node.report(f"expected text, found {_kind(node.value)}")
            return None
        return node.value.strip()

    def ident(self, key: str, required: bool = True) -> str | None:
        value = self.string(key, required)
        if value is not None and not IDENT.match(value):
            self.child(key).report(
                f"'{value}' is not a valid id: use lower-case letters, digits, hyphens and underscores"
            )
            return None
        return value

    def phone(self, key: str) -> str | None:
        return self._formatted(
            key, _is_phone, "is not a phone number: write it as on the page, e.g. 0953-140 84")

    def email(self, key: str) -> str | None:
        return self._formatted(key, EMAIL.match, "is not an e-mail address")

    def url(self, key: str) -> str | None:
        return self._formatted(key, URL.match, "is not a web address starting with http(s)://")

    def _formatted(self, key: str, valid, problem: str) -> str | None:
        """An optional text that must have a given form; null where the page gives none."""
        value = self.string(key, required=False)
        if value is not None and not valid(value):
            self.child(key).report(f"'{value}' {problem}")
            return None
        return value

    def date(self, key: str) -> date | None:
        node = self.child(key)
        if node.missing():
            node.report("is missing (write null if the page gives no date)")
            return None
        if node.value is None:
            return None
        if isinstance(node.value, date):
            return node.value
        if isinstance(node.value, str):
            try:
                return date.fromisoformat(node.value.strip())
            except ValueError:
                pass
        node.report(f"'{node.value}' is not a date: write YYYY-MM-DD, e.g. 2024-08-31")
        return None

    def integer(self, key: str, required: bool = True, low: int = 0, high: int | None = None):
        node = self.child(key)
        if node.missing() or node.value is None:
            if required or node.missing():
                node.report("is missing (write null if the page gives no figure)")
            return None
        value = node.value
        if isinstance(value, bool) or not isinstance(value, int):
            node.report(f"expected a whole number, found {_kind(value)} '{value}'")
            return None
        if value < low or (high is not None and value > high):
            limit = f"{low} to {high}" if high is not None else f"at least {low}"
            node.report(f"{value} is out of range ({limit})")
            return None
        return value

    def boolean(self, key: str, default: bool) -> bool:
        node = self.child(key)
        if node.missing():
            return default
        if not isinstance(node.value, bool):
            node.report(f"expected true or false, found '{node.value}'")
            return default
        return node.value

    def choice(self, key: str, options: tuple[str, ...]) -> str | None:
        value = self.string(key)
        if value is not None and value not in options:
            self.child(key).report(f"'{value}' is not one of: {', '.join(options)}")
            return None
        return value

    def strings(self, key: str, required: bool = True) -> tuple[str, ...]:
        values = []
        for item in self.items(key, required):
            if isinstance(item.value, (str, int, float)) and str(item.value).strip():
                values.append(str(item.value).strip())
            else:
                item.report(f"expected text, found {_kind(item.value)}")
        return tuple(values)

    def text(self, key: str, required: bool = True) -> Text | None:
        """A text in both Swedish (sv) and English (en)."""
        node = self.child(key)
        if node.missing() or node.value is None:
            if required or node.missing():
                hint = "" if required else " (write null if the page says nothing)"
                node.report(f"is missing: give the text in Swedish (sv) and English (en){hint}")
            return None
        return node.as_text()

    def as_text(self) -> Text | None:
        if not self.is_mapping():
            return None
        self.only_keys(*LANGUAGES)
        values = {}
        for language in LANGUAGES:
            value = self.value.get(language)
            if not isinstance(value, str) or not value.strip():
                name = "Swedish" if language == "sv" else "English"
                self.report(f"the {name} text ({language}) is missing or empty", self._sub(language))
            else:
                values[language] = " ".join(value.split())
        if len(values) != len(LANGUAGES):
            return None
        return Text(**values)


def _is_phone(value: str) -> bool:
    return bool(PHONE.match(value)) and 7 <= len(re.sub(r"\D", "", value)) <= 12


def _kind(value: Any) -> str:
    if value is _MISSING:
        return "nothing"
    if value is None:
        return "null"
    return {dict: "a mapping", list: "a list", str: "text", bool: "true/false"}.get(
        type(value), type(value).__name__
    )
