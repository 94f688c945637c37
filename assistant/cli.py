"""`assistant` command line: validate, load and export the knowledge base; generate NLU data;
contact requests for staff (`assistant requests …`, assistant/handoff/staff.py); the stored
conversations' retention (`assistant conversations purge`, assistant/conversations/staff.py); the
staff report on what visitors ask (`assistant report …`, assistant/report/build.py)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from assistant import config
from assistant.conversations import staff as conversation_staff
from assistant.handoff import staff
from assistant.handoff.store import UnknownReference
from assistant.kb import store
from assistant.kb.problems import KnowledgeError
from assistant.kb.yaml_source import read_knowledge
from assistant.nlu import from_knowledge
from assistant.nlu.occupations import read_lexicon
from assistant.report import build as report


def _kb_validate(args: argparse.Namespace) -> int:
    knowledge = read_knowledge(args.knowledge)
    print(f"{args.knowledge}: OK ({len(knowledge.projects)} projects, "
          f"{len(knowledge.contacts)} contacts, {len(knowledge.organisations)} organisations, "
          f"{len(knowledge.routes)} routes)")
    return 0


def _kb_load(args: argparse.Namespace) -> int:
    knowledge = read_knowledge(args.knowledge)
    engine = store.make_engine(args.database)
    changed, revision = store.load(engine, knowledge)
    state = "loaded" if changed else "unchanged, nothing written"
    print(f"{store.describe(engine)}: {state} (revision {revision})")
    return 0


def _kb_export(args: argparse.Namespace) -> int:
    engine = store.make_engine(args.database)
    revision, knowledge = store.read(engine)
    data = {"revision": revision, **store.to_plain(knowledge)}
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    print()
    return 0


def _nlu_sync(args: argparse.Namespace) -> int:
    knowledge = read_knowledge(args.knowledge)
    if from_knowledge.sync(knowledge, read_lexicon(args.lexicon), args.output, check=args.check):
        print(f"{args.output}: up to date")
        return 0
    if args.check:
        print(f"error: {args.output} is out of date with knowledge/ or lexicon/: run 'assistant nlu sync'",
              file=sys.stderr)
        return 1
    print(f"{args.output}: written from {args.knowledge}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="assistant", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("serve", help="start the assistant (see 'assistant serve --help')")
    kb = commands.add_parser("kb", help="the project knowledge base").add_subparsers(
        dest="kb_command", required=True)
    for name, handler, helptext in (
        ("validate", _kb_validate, "check the YAML files in the knowledge folder"),
        ("load", _kb_load, "validate, then store the knowledge in the database"),
        ("export", _kb_export, "print the stored knowledge"),
    ):
        sub = kb.add_parser(name, help=helptext)
        sub.set_defaults(handler=handler)
        sub.add_argument("--knowledge", type=Path, default=config.knowledge_dir(),
                         help="knowledge folder (default: %(default)s, or KNOWLEDGE_DIR)")
        sub.add_argument("--database", default=config.database_url(),
                         help="database URL (default: DATABASE_URL or the SQLite file in var/)")
        if name == "export":
            sub.add_argument("--format", choices=["json"], default="json")
    nlu = commands.add_parser("nlu", help="NLU data made from the knowledge").add_subparsers(
        dest="nlu_command", required=True)
    sync = nlu.add_parser("sync", help="write the lookup tables from knowledge/ and lexicon/")
    sync.set_defaults(handler=_nlu_sync)
    sync.add_argument("--knowledge", type=Path, default=config.knowledge_dir())
    sync.add_argument("--lexicon", type=Path, default=config.occupations_file())
    sync.add_argument("--output", type=Path, default=config.ROOT / "data" / "nlu" / "knowledge.yml")
    sync.add_argument("--check", action="store_true", help="only check that the file is up to date")
    staff.add_commands(commands)
    conversation_staff.add_commands(commands)
    report.add_command(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["serve"]:  # the launcher has its own options
        from assistant import serve

        return serve.main(argv[1:])
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except KnowledgeError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    except UnknownReference as error:
        print(f"error: no request {str(error).upper()}", file=sys.stderr)
        return 1
    except store.DatabaseUnavailable as error:
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
