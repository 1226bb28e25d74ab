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


# Writing a transfer on PostgreSQL, in one call: lock the accounts in id order,
# apply the same rules as ledger._check (every account exists, belongs to this
# bank or to one that exchanges with it, and stays within its lowest balance),
# then insert the postings and the header. It returns one row: (NULL, NULL)
# when written, else the rule broken and the account (nothing is written, and
# the transaction stays usable for the error message). A repeated idempotency
# key raises a unique violation, as an insert would.
POST_FUNCTION = """
CREATE FUNCTION timebank_post(
  p_transfer uuid, p_bank bigint, p_kind text, p_accounts bigint[], p_minutes integer[],
  p_key uuid, p_reverses uuid, p_reason text, p_at timestamptz, p_by bigint,
  p_on_behalf_of bigint
) RETURNS TABLE (problem text, account bigint) LANGUAGE plpgsql AS $$
DECLARE
  r record;
  found_count integer := 0;
  bank_open boolean;
BEGIN
  SELECT allows_other_banks INTO bank_open FROM timebank_timebank WHERE id = p_bank;
  FOR r IN
    SELECT a.id, a.bank_id, a.balance_minutes, b.allows_other_banks,
           COALESCE(a.overdraft_limit_minutes,
                    CASE WHEN a.kind = 'pot' THEN 0 ELSE b.overdraft_limit_minutes END) AS lowest,
           u.minutes
      FROM unnest(p_accounts, p_minutes) AS u(id, minutes)
      JOIN timebank_account a ON a.id = u.id
      JOIN timebank_timebank b ON b.id = a.bank_id
     ORDER BY a.id
       FOR UPDATE OF a
  LOOP
    found_count := found_count + 1;
    IF r.bank_id <> p_bank AND NOT (bank_open AND r.allows_other_banks) THEN
      RETURN QUERY SELECT 'other_bank'::text, r.id;
      RETURN;
    END IF;
    IF r.minutes < 0 AND r.balance_minutes + r.minutes < r.lowest THEN
      RETURN QUERY SELECT 'over_limit'::text, r.id;
      RETURN;
    END IF;
  END LOOP;
  IF found_count <> cardinality(p_accounts) THEN
    RETURN QUERY SELECT 'no_account'::text, NULL::bigint;
    RETURN;
  END IF;
  INSERT INTO timebank_posting (transfer_id, account_id, minutes)
    SELECT p_transfer, u.id, u.minutes FROM unnest(p_accounts, p_minutes) AS u(id, minutes)
     ORDER BY u.id;
  INSERT INTO timebank_transfer (id, bank_id, kind, idempotency_key, reverses_id, reason,
                                 recorded_at, recorded_by_id, on_behalf_of_id)
    VALUES (p_transfer, p_bank, p_kind, p_key, p_reverses, p_reason, p_at, p_by,
            p_on_behalf_of);
  RETURN QUERY SELECT NULL::text, NULL::bigint;
END $$;
"""
POST_FUNCTION_REVERSE = (
    "DROP FUNCTION IF EXISTS timebank_post(uuid, bigint, text, bigint[], integer[], uuid, uuid, "
    "text, timestamptz, bigint, bigint)"
)


def post_function_operation() -> migrations.RunPython:
    """The migration operation that installs timebank_post() on PostgreSQL (a no-op on SQLite)."""
    return migrations.RunPython(
        _run({"sqlite": [], "postgresql": [POST_FUNCTION]}),
        _run({"sqlite": [], "postgresql": [POST_FUNCTION_REVERSE]}),
    )


# Recording an exchange on PostgreSQL, in one call (timebank/recording.py):
# the transfer through timebank_post(), then, only if it was written, the
# exchange, who gave and the audit entry. The exchange and the audit entry come
# as JSON objects of column values (core.rawsql.row_json) and are inserted
# whole, so the function names no column but the ids it fills in itself: a new
# field on either model needs no change here.
RECORD_FUNCTION = """
CREATE FUNCTION timebank_record_exchange(
  p_transfer uuid, p_bank bigint, p_kind text, p_accounts bigint[], p_minutes integer[],
  p_key uuid, p_reverses uuid, p_reason text, p_at timestamptz, p_by bigint,
  p_on_behalf_of bigint, p_exchange jsonb, p_givers bigint[], p_audit jsonb
) RETURNS TABLE (problem text, account bigint, exchange bigint) LANGUAGE plpgsql AS $$
DECLARE
  refused text;
  refused_account bigint;
  ex timebank_exchange;
  ev audit_auditevent;
BEGIN
  SELECT t.problem, t.account INTO refused, refused_account
    FROM timebank_post(p_transfer, p_bank, p_kind, p_accounts, p_minutes, p_key, p_reverses,
                       p_reason, p_at, p_by, p_on_behalf_of) AS t;
  IF refused IS NOT NULL THEN
    RETURN QUERY SELECT refused, refused_account, NULL::bigint;
    RETURN;
  END IF;
  ex := jsonb_populate_record(NULL::timebank_exchange, p_exchange);
  ex.id := nextval(pg_get_serial_sequence('timebank_exchange', 'id'));
  ex.transfer_id := p_transfer;
  INSERT INTO timebank_exchange SELECT ex.*;
  INSERT INTO timebank_participant (exchange_id, account_id)
    SELECT ex.id, g FROM unnest(p_givers) AS g;
  ev := jsonb_populate_record(NULL::audit_auditevent, p_audit);
  ev.id := nextval(pg_get_serial_sequence('audit_auditevent', 'id'));
  ev.target_id := ex.id::text;
  INSERT INTO audit_auditevent SELECT ev.*;
  RETURN QUERY SELECT NULL::text, NULL::bigint, ex.id;
END $$;
"""
RECORD_FUNCTION_REVERSE = (
    "DROP FUNCTION IF EXISTS timebank_record_exchange(uuid, bigint, text, bigint[], integer[], "
    "uuid, uuid, text, timestamptz, bigint, bigint, jsonb, bigint[], jsonb)"
)


def record_function_operation() -> migrations.RunPython:
    """The migration operation that installs timebank_record_exchange() on PostgreSQL."""
    return migrations.RunPython(
        _run({"sqlite": [], "postgresql": [RECORD_FUNCTION]}),
        _run({"sqlite": [], "postgresql": [RECORD_FUNCTION_REVERSE]}),
    )
