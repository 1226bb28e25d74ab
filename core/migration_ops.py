"""Migration operations shared by the apps."""

from django.db import migrations


def drop_single_column_index(app_label: str, model_name: str, field_name: str, new_field):
    """Stop indexing a foreign key on its own where a wider index already starts
    with it: the index is dropped by name on SQLite and PostgreSQL alike, without
    SQLite's table rebuild (which would drop the time bank ledger's triggers)."""

    def index_name(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        column = model._meta.get_field(field_name).column
        table = model._meta.db_table
        return table, column, schema_editor._create_index_name(table, [column], suffix="")

    def drop(apps, schema_editor):
        _table, _column, name = index_name(apps, schema_editor)
        schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")

    def create(apps, schema_editor):
        table, column, name = index_name(apps, schema_editor)
        q = schema_editor.quote_name
        schema_editor.execute(f"CREATE INDEX {q(name)} ON {q(table)} ({q(column)})")

    return migrations.SeparateDatabaseAndState(
        state_operations=[migrations.AlterField(model_name, field_name, new_field)],
        database_operations=[migrations.RunPython(drop, create)],
    )
