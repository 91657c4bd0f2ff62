"""A cap on how long one benchmark request may keep the database busy, as a web server's timeout caps
a page: PostgreSQL cancels the statement, SQLite is interrupted from a timer thread. The figure for
a request that hits the cap is the cap, reported as timed out."""

from __future__ import annotations

import threading
from contextlib import contextmanager

from django.db import OperationalError, connection

from bench.mix import TIMED_OUT, Request


def cap_statements(seconds: float) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET statement_timeout = %s", [int(seconds * 1000)])


@contextmanager
def _sqlite_interrupt(seconds: float):
    if connection.vendor != "sqlite":
        yield
        return
    connection.ensure_connection()
    timer = threading.Timer(seconds, connection.connection.interrupt)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def send_with_cap(request: Request, seconds: float) -> str:
    try:
        with _sqlite_interrupt(seconds):
            return request.run()
    except OperationalError as exc:
        if "interrupted" in str(exc) or "statement timeout" in str(exc) or "canceling statement" in str(exc):
            return TIMED_OUT
        raise
