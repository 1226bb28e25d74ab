from django.db import migrations

import timebank.ledger_sql


class Migration(migrations.Migration):
    dependencies = [
        ("timebank", "0001_initial"),
        ("audit", "0001_initial"),
    ]

    operations = [
        # Writing a transfer, and recording an exchange, in one call on PostgreSQL
        # (see timebank/ledger_sql.py; nothing on SQLite).
        timebank.ledger_sql.post_function_operation(),
        timebank.ledger_sql.record_function_operation(),
    ]
