"""The ledger's rules, in the database itself (SQLite and PostgreSQL).

- A transfer header is inserted after its postings, in the same transaction;
  its insert trigger refuses it unless those postings sum to zero and number
  at least two. A posting cannot be added to a transfer already written.
- Postings are never updated or deleted; nor are transfers, except that a
  deleted login may leave `recorded_by` empty.
- On SQLite, `manage.py flush` may empty the ledger (timebank.dbguard);
  PostgreSQL's flush uses TRUNCATE, which row triggers do not see.
- Every posting adds its minutes to its account's cached balance.
"""

from django.db import migrations

SQLITE = [
    """
    CREATE TRIGGER timebank_transfer_balanced BEFORE INSERT ON timebank_transfer
    BEGIN
      SELECT RAISE(ABORT, 'timebank ledger: a transfer''s postings must sum to zero')
      WHERE (SELECT COALESCE(SUM(minutes), 0) FROM timebank_posting
             WHERE transfer_id = NEW.id) <> 0;
      SELECT RAISE(ABORT, 'timebank ledger: a transfer needs at least two postings')
      WHERE (SELECT COUNT(*) FROM timebank_posting WHERE transfer_id = NEW.id) < 2;
    END
    """,
    """
    CREATE TRIGGER timebank_posting_before_header BEFORE INSERT ON timebank_posting
    BEGIN
      SELECT RAISE(ABORT, 'timebank ledger: a posting cannot be added to a recorded transfer')
      WHERE EXISTS (SELECT 1 FROM timebank_transfer WHERE id = NEW.transfer_id);
    END
    """,
    """
    CREATE TRIGGER timebank_posting_balance AFTER INSERT ON timebank_posting
    BEGIN
      UPDATE timebank_account SET balance_minutes = balance_minutes + NEW.minutes
      WHERE id = NEW.account_id;
    END
    """,
    """
    CREATE TRIGGER timebank_posting_no_update BEFORE UPDATE ON timebank_posting
    BEGIN SELECT RAISE(ABORT, 'timebank ledger: postings cannot be changed'); END
    """,
    """
    CREATE TRIGGER timebank_posting_no_delete BEFORE DELETE ON timebank_posting
    WHEN timebank_ledger_locked()
    BEGIN SELECT RAISE(ABORT, 'timebank ledger: postings cannot be deleted'); END
    """,
    """
    CREATE TRIGGER timebank_transfer_no_update
    BEFORE UPDATE OF id, bank_id, kind, idempotency_key, reverses_id, reason, recorded_at,
      on_behalf_of_id ON timebank_transfer
    BEGIN SELECT RAISE(ABORT, 'timebank ledger: transfers cannot be changed'); END
    """,
    """
    CREATE TRIGGER timebank_transfer_recorder_only_cleared
    BEFORE UPDATE OF recorded_by_id ON timebank_transfer
    WHEN NEW.recorded_by_id IS NOT NULL
    BEGIN SELECT RAISE(ABORT, 'timebank ledger: transfers cannot be changed'); END
    """,
    """
    CREATE TRIGGER timebank_transfer_no_delete BEFORE DELETE ON timebank_transfer
    WHEN timebank_ledger_locked()
    BEGIN SELECT RAISE(ABORT, 'timebank ledger: transfers cannot be deleted'); END
    """,
]

SQLITE_REVERSE = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (
        "timebank_transfer_balanced",
        "timebank_posting_before_header",
        "timebank_posting_balance",
        "timebank_posting_no_update",
        "timebank_posting_no_delete",
        "timebank_transfer_no_update",
        "timebank_transfer_recorder_only_cleared",
        "timebank_transfer_no_delete",
    )
]

POSTGRES = [
    """
    CREATE FUNCTION timebank_transfer_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE total bigint; n integer;
    BEGIN
      SELECT COALESCE(SUM(minutes), 0), COUNT(*) INTO total, n
        FROM timebank_posting WHERE transfer_id = NEW.id;
      IF total <> 0 THEN
        RAISE EXCEPTION 'timebank ledger: a transfer''s postings must sum to zero (%)', total;
      END IF;
      IF n < 2 THEN
        RAISE EXCEPTION 'timebank ledger: a transfer needs at least two postings';
      END IF;
      RETURN NEW;
    END $$;
    """,
    """
    CREATE TRIGGER timebank_transfer_balanced BEFORE INSERT ON timebank_transfer
    FOR EACH ROW EXECUTE FUNCTION timebank_transfer_balanced();
    """,
    """
    CREATE FUNCTION timebank_posting_insert() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF EXISTS (SELECT 1 FROM timebank_transfer WHERE id = NEW.transfer_id) THEN
        RAISE EXCEPTION 'timebank ledger: a posting cannot be added to a recorded transfer';
      END IF;
      UPDATE timebank_account SET balance_minutes = balance_minutes + NEW.minutes
        WHERE id = NEW.account_id;
      RETURN NEW;
    END $$;
    """,
    """
    CREATE TRIGGER timebank_posting_insert BEFORE INSERT ON timebank_posting
    FOR EACH ROW EXECUTE FUNCTION timebank_posting_insert();
    """,
    """
    CREATE FUNCTION timebank_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'timebank_transfer'
         AND NEW.recorded_by_id IS NULL
         AND (NEW.id, NEW.bank_id, NEW.kind, NEW.idempotency_key, NEW.reverses_id, NEW.reason,
              NEW.recorded_at, NEW.on_behalf_of_id)
             IS NOT DISTINCT FROM
             (OLD.id, OLD.bank_id, OLD.kind, OLD.idempotency_key, OLD.reverses_id, OLD.reason,
              OLD.recorded_at, OLD.on_behalf_of_id) THEN
        RETURN NEW;  -- a deleted login leaves recorded_by empty; nothing else may change
      END IF;
      RAISE EXCEPTION 'timebank ledger: % cannot be changed or deleted (%)', TG_TABLE_NAME, TG_OP;
    END $$;
    """,
    """
    CREATE TRIGGER timebank_posting_append_only BEFORE UPDATE OR DELETE ON timebank_posting
    FOR EACH ROW EXECUTE FUNCTION timebank_append_only();
    """,
    """
    CREATE TRIGGER timebank_transfer_append_only BEFORE UPDATE OR DELETE ON timebank_transfer
    FOR EACH ROW EXECUTE FUNCTION timebank_append_only();
    """,
]

POSTGRES_REVERSE = [
    "DROP TRIGGER IF EXISTS timebank_transfer_append_only ON timebank_transfer",
    "DROP TRIGGER IF EXISTS timebank_posting_append_only ON timebank_posting",
    "DROP TRIGGER IF EXISTS timebank_posting_insert ON timebank_posting",
    "DROP TRIGGER IF EXISTS timebank_transfer_balanced ON timebank_transfer",
    "DROP FUNCTION IF EXISTS timebank_append_only()",
    "DROP FUNCTION IF EXISTS timebank_posting_insert()",
    "DROP FUNCTION IF EXISTS timebank_transfer_balanced()",
]


def _run(statements_for):
    def run(apps, schema_editor):
        statements = statements_for.get(schema_editor.connection.vendor)
        if statements is None:
            raise RuntimeError("The time bank ledger supports SQLite and PostgreSQL only.")
        # Straight to the cursor with no parameters, so "%" in PL/pgSQL is left alone.
        with schema_editor.connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)

    return run


def operation() -> migrations.RunPython:
    """The migration operation that installs (or removes) the rules."""
    return migrations.RunPython(
        _run({"sqlite": SQLITE, "postgresql": POSTGRES}),
        _run({"sqlite": SQLITE_REVERSE, "postgresql": POSTGRES_REVERSE}),
    )
