"""On SQLite, the triggers that forbid deleting postings and transfers ask this
module whether the ledger is locked. It always is, except while `manage.py
flush` empties the whole database (which PostgreSQL does with TRUNCATE,
which row triggers do not see). A connection without this function cannot
delete ledger rows at all.
"""

import contextlib
import threading

from django.db.backends.signals import connection_created

_state = threading.local()


def locked() -> int:
    return 0 if getattr(_state, "unlocked", False) else 1


@contextlib.contextmanager
def unlocked_for_flush():
    _state.unlocked = True
    try:
        yield
    finally:
        _state.unlocked = False


def _register(sender, connection, **kwargs) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("timebank_ledger_locked", 0, locked)


def install() -> None:
    connection_created.connect(_register, dispatch_uid="timebank_ledger_guard")
