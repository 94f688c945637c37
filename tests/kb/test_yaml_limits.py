"""The knowledge loader refuses a repeated key and YAML that would expand without bound,
quickly, naming the file and the line."""

from __future__ import annotations

import time

import pytest

from assistant.cli import main
from assistant.kb import safe_yaml
from assistant.kb.problems import KnowledgeError
from assistant.kb.yaml_source import read_knowledge
from tests.kb.test_validation import broken_copy

# Nine anchors of nine aliases each: 9**9 strings once expanded, e.g. in a problem message.
BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    + ["page:", "  last_updated: *i"]
) + "\n"


def rejected(folder) -> tuple[str, float]:
    started = time.perf_counter()
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    return str(caught.value), time.perf_counter() - started


def test_a_second_phone_under_the_same_person_is_rejected_with_file_and_line(tmp_path) -> None:
    folder = broken_copy(tmp_path, "contacts.yml", "    phone: 0953-14039\n",
                         "    phone: 0953-14039\n    phone: 0953-99999\n")
    line = next(n for n, text in enumerate((folder / "contacts.yml").read_text().splitlines(), 1)
                if "0953-99999" in text)
    message, seconds = rejected(folder)
    assert f"knowledge/contacts.yml: line {line}, column 5" in message
    assert "the key 'phone' appears twice (first on line" in message
    assert seconds < 1


def test_the_cli_refuses_to_load_a_duplicate_key(tmp_path, capsys) -> None:
    folder = broken_copy(tmp_path, "page.yml", "  last_updated:", "  last_updated: 2020-01-01\n  last_updated:")
    assert main(["kb", "load", "--knowledge", str(folder), "--database",
                 f"sqlite:///{tmp_path / 'kb.db'}"]) == 1
    assert "appears twice" in capsys.readouterr().err
    assert not (tmp_path / "kb.db").exists() or (tmp_path / "kb.db").stat().st_size == 0


def test_a_billion_laughs_file_is_rejected_in_under_a_second(tmp_path) -> None:
    folder = broken_copy(tmp_path, "page.yml", "page:", "page:")
    (folder / "bomb.yml").write_text(BILLION_LAUGHS, encoding="utf-8")
    assert len(BILLION_LAUGHS) < 1000
    message, seconds = rejected(folder)
    assert "knowledge/bomb.yml: line 1, column 1" in message
    assert f"more than {safe_yaml.MAX_NODES} values once its aliases are expanded" in message
    assert seconds < 1


@pytest.mark.parametrize(("text", "expected"), [
    ("".join(f"k{i}: &k{i} x\n" for i in range(150)) + "l: [" + ", ".join(f"*k{i}" for i in range(150)) + "]\n",
     f"more than {safe_yaml.MAX_ALIASES} aliases"),
    ("a: " + "[" * 40 + "]" * 40 + "\n", f"nested more than {safe_yaml.MAX_DEPTH} levels deep"),
    ("a: &a [1, *a]\n", "an alias refers to the value it is part of"),
    ("x: '" + "y" * (safe_yaml.MAX_FILE_BYTES + 1) + "'\n", "the file is larger than 1000 KB"),
], ids=["aliases", "depth", "recursive alias", "size"])
def test_limits(tmp_path, text: str, expected: str) -> None:
    folder = broken_copy(tmp_path, "page.yml", "page:", "page:")
    (folder / "hostile.yml").write_text(text, encoding="utf-8")
    message, seconds = rejected(folder)
    assert "knowledge/hostile.yml" in message and expected in message
    assert seconds < 1


def test_an_alias_within_the_limits_is_still_read(tmp_path) -> None:
    path = tmp_path / "ok.yml"
    path.write_text("a: &a [1, 2]\nb: *a\n", encoding="utf-8")
    assert safe_yaml.load(path) == {"a": [1, 2], "b": [1, 2]}
