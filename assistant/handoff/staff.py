"""`assistant requests …`: what staff do with contact requests (list, show, done, erase,
purge, the outbox). The output holds personal data: it goes to the terminal, never to a log."""

from __future__ import annotations

import argparse
import csv
import json
import sys
from datetime import datetime
from typing import Any

from assistant import config
from assistant.conversations.database import make_engine as conversation_engine
from assistant.handoff import outbox
from assistant.handoff.mail import LOCAL_TIME
from assistant.handoff.model import utc_now
from assistant.handoff.store import ContactRequests
from assistant.kb.store import make_engine

TABLE = ("reference", "created_at", "status", "mail", "route_id", "recipient_id", "name", "organisation",
         "email", "phone")
HIDDEN = ("id", "year", "number")  # the database's own numbering


def _store(args: argparse.Namespace) -> ContactRequests:
    return ContactRequests(make_engine(args.database),
                           tracker=conversation_engine(config.tracker_database_url()))


def _plain(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(LOCAL_TIME).isoformat(timespec="seconds")
    return value


def _print_rows(rows: list[dict[str, Any]], columns: tuple[str, ...], form: str) -> None:
    rows = [{c: _plain(r[c]) for c in columns} for r in rows]
    if form == "json":
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
    elif form == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)
    else:
        text = [[("" if r[c] is None else str(r[c])) for c in columns] for r in rows]
        widths = [max([len(c), *(len(t[i]) for t in text)]) for i, c in enumerate(columns)]
        for line in [list(columns), *text]:
            print("  ".join(v.ljust(w) for v, w in zip(line, widths, strict=True)).rstrip())


def _list(args: argparse.Namespace) -> int:
    rows = _store(args).find(args.status)
    columns = TABLE if args.format == "table" or not rows else tuple(k for k in rows[0] if k not in HIDDEN)
    _print_rows(rows, columns, args.format)
    return 0


def _show(args: argparse.Namespace) -> int:
    found = _store(args).get(args.reference)
    for key, value in found.items():
        if key not in HIDDEN:
            print(f"{key + ':':<17} {'' if value is None else _plain(value)}")
    return 0


def _done(args: argparse.Namespace) -> int:
    _store(args).done(args.reference)
    print(f"{args.reference.upper()}: done")
    return 0


def _erase(args: argparse.Namespace) -> int:
    store = _store(args)
    if (args.reference is None) == (args.email is None):
        print("error: give a reference or --email ADDRESS", file=sys.stderr)
        return 2
    erased = store.erase_reference(args.reference) if args.reference else store.erase_email(args.email)
    _report_erased(erased)
    return 0


def _report_erased(erased: list[tuple[str, str]]) -> None:
    print(f"erased {len(erased)} request(s) and their conversations' events: "
          f"{', '.join(r for r, _ in erased) or '-'}")


def _purge(args: argparse.Namespace) -> int:
    store = _store(args)
    _report_erased(store.purge(args.older_than))
    return 0


def _outbox(args: argparse.Namespace) -> int:
    engine = make_engine(args.database)
    ContactRequests(engine)  # creates the tables on first use
    if args.outbox_command == "retry":
        if not outbox.retry(engine, args.reference, utc_now()):
            print(f"error: {args.reference}: no unsent mail (or it is being sent now)", file=sys.stderr)
            return 1
        print(f"{args.reference.upper()}: will be sent on the worker's next round")
        return 0
    _print_rows(outbox.waiting(engine), ("reference", "recipient", "status", "attempts", "next_attempt_at",
                                         "last_error", "created_at"), "table")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("requests", help="contact requests visitors left (staff)")
    sub = parser.add_subparsers(dest="requests_command", required=True)

    def command(name: str, handler: Any, helptext: str) -> argparse.ArgumentParser:
        found = sub.add_parser(name, help=helptext)
        found.set_defaults(handler=handler)
        found.add_argument("--database", default=config.database_url(),
                           help="database URL (default: DATABASE_URL or the SQLite file in var/)")
        return found

    listing = command("list", _list, "the requests, oldest first")
    listing.add_argument("--status", choices=["new", "done"])
    listing.add_argument("--format", choices=["table", "json", "csv"], default="table")
    command("show", _show, "everything one request holds").add_argument("reference")
    command("done", _done, "mark a request as handled").add_argument("reference")
    erase = command("erase", _erase, "delete a request, its mail and (TRACKER_DATABASE_URL) its conversation")
    erase.add_argument("reference", nargs="?")
    erase.add_argument("--email", help="every request left with this e-mail address")
    purge = command("purge", _purge, "delete the requests older than the retention period")
    purge.add_argument("--older-than", type=int, metavar="DAYS", default=config.retention_days(),
                       help="default: RETENTION_DAYS (%(default)s)")
    mails = command("outbox", _outbox, "mails not sent yet (pending) or given up (dead)")
    retry = mails.add_subparsers(dest="outbox_command").add_parser("retry", help="send a mail again now")
    retry.add_argument("reference")

