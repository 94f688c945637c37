"""Bad knowledge content is rejected with a message naming the file, the place and the fault."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.kb.problems import KnowledgeError
from assistant.kb.yaml_source import read_knowledge
from tests.conftest import KNOWLEDGE_DIR


def broken_copy(tmp_path: Path, file: str, old: str, new: str) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(KNOWLEDGE_DIR, folder)
    path = folder / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {file}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return folder


# (what is wrong, file, text replaced, replacement, words the message must contain)
BROKEN = [
    ("broken YAML", "contacts.yml", "    phone: 0953-140 84", "    phone: [0953-140 84",
     ["knowledge/contacts.yml", "line", "not valid YAML"]),
    ("malformed phone", "contacts.yml", "phone: 0953-140 61", "phone: 0953-14O 61",
     ["knowledge/contacts.yml", "contacts[2].phone", "'0953-14O 61' is not a phone number"]),
    ("malformed e-mail", "contacts.yml", "email: wolfgang.mehl@mala.se", "email: wolfgang.mehl.mala.se",
     ["contacts[3].email", "'wolfgang.mehl.mala.se' is not an e-mail address"]),
    ("missing English text", "projects/3-shimr.yml", "    en: >-\n      To make companies", "    xx: >-\n      To make",
     ["knowledge/projects/3-shimr.yml", "project.purpose.en", "English text (en) is missing"]),
    ("missing Swedish text", "page.yml", "    sv: Pågående projekt\n", "    sv: ''\n",
     ["knowledge/page.yml", "page.title.sv", "Swedish text (sv) is missing or empty"]),
    ("end date before start", "projects/2-medskapande.yml", "end: 2024-08-31", "end: 2021-08-31",
     ["knowledge/projects/2-medskapande.yml", "project.periods[0]", "ends (2021-08-31) before it starts (2022-09-01)"]),
    ("not a date", "projects/2-medskapande.yml", "start: 2022-09-01", "start: 1/9 2022",
     ["project.periods[0].start", "'1/9 2022' is not a date"]),
    ("unknown contact", "projects/3-shimr.yml", "contact: aleksandra-simanovskaya", "contact: aleksandra-s",
     ["knowledge/projects/3-shimr.yml", "project.contacts[0].contact", "unknown contact 'aleksandra-s'"]),
    ("unknown organisation", "projects/4-move-up-north.yml", "owner: sorsele", "owner: sorsel",
     ["project.owner", "unknown organisation 'sorsel'"]),
    ("unknown project in routing", "routing.yml", "project: shimr", "project: shimer",
     ["knowledge/routing.yml", "routes[3] (business_advice).project", "unknown project 'shimer'"]),
    ("duplicate alias", "projects/3-shimr.yml", "aliases: [SHiMR,", "aliases: [SHiMR, medskapande,",
     ["knowledge/projects/3-shimr.yml", "the alias 'medskapande' also names project 'medskapande'"]),
    ("shares that do not add up", "projects/2-medskapande.yml", "share: 20", "share: 30",
     ["project.funding.financiers", "the shares add up to 110 %, not 100 %"]),
    ("share out of range", "projects/2-medskapande.yml", "share: 20", "share: 120",
     ["project.funding.financiers[1].share", "120 is out of range (1 to 100)"]),
    ("misspelt key", "contacts.yml", "    email: sandor.lindstrom@mala.se", "    emial: sandor.lindstrom@mala.se",
     ["contacts[0].emial", "unknown key 'emial'"]),
    ("duplicate id", "contacts.yml", "id: maria-i-larsson", "id: sandor-lindstrom",
     ["knowledge/contacts.yml", "the id 'sandor-lindstrom' is used twice"]),
    ("missing field", "projects/1-1-76.yml", "  owner: null\n", "",
     ["knowledge/projects/1-1-76.yml", "project.owner", "is missing (write null if the page says nothing)"]),
    ("active contact without phone or e-mail", "contacts.yml",
     "    phone: 0953-14039\n    email: wolfgang.mehl@mala.se", "    phone: null\n    email: null",
     ["contacts[3] (wolfgang-mehl)", "needs a phone number or an e-mail"]),
    ("unknown stand-in", "contacts.yml", "stand_in: sandor-lindstrom", "stand_in: sandor",
     ["contacts[1] (maria-i-larsson).stand_in", "unknown contact 'sandor'"]),
]


@pytest.mark.parametrize(("fault", "file", "old", "new", "expected"), BROKEN, ids=[b[0] for b in BROKEN])
def test_bad_content_is_rejected_clearly(tmp_path, fault, file, old, new, expected) -> None:
    folder = broken_copy(tmp_path, file, old, new)
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    message = str(caught.value)
    for words in expected:
        assert words in message, f"{fault}: {words!r} not in:\n{message}"


def test_messages_name_the_file_the_item_came_from(tmp_path) -> None:
    """Not a fixed 'knowledge/contacts.yml': staff may name and split the files as they like."""
    folder = broken_copy(tmp_path, "contacts.yml", "stand_in: sandor-lindstrom", "stand_in: sandor")
    (folder / "contacts.yml").rename(folder / "people.yml")
    text = (folder / "routing.yml").read_text(encoding="utf-8")
    (folder / "routing.yml").write_text(text.replace("project: shimr", "project: shimer", 1),
                                        encoding="utf-8")
    (folder / "routing.yml").rename(folder / "needs.yml")
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    assert [str(p) for p in caught.value.problems] == [
        "knowledge/people.yml: contacts[1] (maria-i-larsson).stand_in: unknown contact 'sandor'",
        "knowledge/needs.yml: routes[3] (business_advice).project: unknown project 'shimer'",
    ]


def test_all_problems_are_reported_at_once(tmp_path) -> None:
    folder = broken_copy(tmp_path, "contacts.yml", "phone: 0953-140 61", "phone: abc")
    text = (folder / "contacts.yml").read_text(encoding="utf-8")
    (folder / "contacts.yml").write_text(text.replace("email: wolfgang.mehl@mala.se", "email: nope"),
                                         encoding="utf-8")
    with pytest.raises(KnowledgeError) as caught:
        read_knowledge(folder)
    assert len(caught.value.problems) == 2


def test_cli_validate_names_the_problem_and_fails(tmp_path, capsys) -> None:
    folder = broken_copy(tmp_path, "contacts.yml", "phone: 0953-140 61", "phone: 12")
    assert main(["kb", "validate", "--knowledge", str(folder)]) == 1
    err = capsys.readouterr().err
    assert "knowledge/contacts.yml: contacts[2].phone: '12' is not a phone number" in err


def test_cli_validate_accepts_the_real_content(capsys) -> None:
    assert main(["kb", "validate"]) == 0
    assert "OK (4 projects" in capsys.readouterr().out


def test_missing_folder(tmp_path) -> None:
    with pytest.raises(KnowledgeError, match="the knowledge folder does not exist"):
        read_knowledge(tmp_path / "nowhere")
