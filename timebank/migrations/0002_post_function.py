from django.db import migrations

import timebank.ledger_sql


class Migration(migrations.Migration):
    dependencies = [("timebank", "0001_initial")]

    operations = [
        # Writing a transfer in one call on PostgreSQL (see timebank/ledger_sql.py).
        timebank.ledger_sql.post_function_operation(),
    ]
