"""`assistant conversations …`: the stored conversations' retention, for staff."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy.exc import SQLAlchemyError

from assistant import config
from assistant.conversations.database import make_engine, unreachable
from assistant.conversations.retention import purge_conversations
from assistant.handoff.model import utc_now


def _purge(args: argparse.Namespace) -> int:
    engine = make_engine(args.database)
    try:
        count = purge_conversations(engine, args.older_than, utc_now())
    except SQLAlchemyError as error:
        print(f"error: {unreachable(args.database, error)}", file=sys.stderr)
        return 2
    finally:
        engine.dispose()
    print(f"deleted {count} conversation(s) quiet for more than {args.older_than} days")
    return 0


def add_commands(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("conversations", help="the conversations Rasa keeps (staff)")
    sub = parser.add_subparsers(dest="conversations_command", required=True)
    purge = sub.add_parser("purge", help="delete the conversations older than the retention period")
    purge.set_defaults(handler=_purge)
    purge.add_argument("--older-than", type=int, metavar="DAYS", default=config.retention_days(),
                       help="a conversation whose latest message is older is deleted whole "
                            "(default: RETENTION_DAYS, %(default)s)")
    purge.add_argument("--database", default=config.tracker_database_url(),
                       help="the conversation database (default: TRACKER_DATABASE_URL, else "
                            "var/conversations.db)")
