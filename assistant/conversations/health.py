"""Whether the conversation stores answer, checked before the servers start: Rasa itself would
wait for the database without end, and fail every message without Redis."""

from __future__ import annotations

import redis
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from assistant import config
from assistant.conversations.database import make_engine, unreachable
from assistant.conversations.locks import redis_lock_store


def problems() -> list[str]:
    """Why the conversation database or the Redis lock store cannot be used now (empty: both answer)."""
    found = []
    url = config.tracker_database_url()
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(sa.text("select 1"))
    except SQLAlchemyError as error:
        found.append(unreachable(url, error))
    finally:
        engine.dispose()
    redis_url = config.redis_url()
    if redis_url:
        try:
            redis_lock_store(redis_url).red.ping()
        except ValueError as error:
            found.append(str(error))
        except redis.exceptions.RedisError as error:
            found.append(f"cannot reach Redis (REDIS_URL): {type(error).__name__}: {error}")
    return found
