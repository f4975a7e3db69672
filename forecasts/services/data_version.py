"""The data version: a number that changes with every committed write to the tracker's tables.

Triggers installed after every `migrate` (see `install_triggers`) keep the single DataVersion row
up to date, whoever writes: the ORM, bulk_create/bulk_update/QuerySet.update, the admin, Celery
workers, raw SQL, psql. Readers key cached API responses on it (forecasts/api/caching.py): a response
cached under version v is only served while the version is still v, so a cached read is as exact as
an uncached one.

PostgreSQL: a deferred constraint trigger per table bumps the row once per transaction, at commit.
Taking the row lock only at commit keeps it off the path of the transaction's own row locks, so the
bump cannot join a deadlock, and the new value becomes visible atomically with the data it counts.
TRUNCATE (used by `flush`) has its own statement trigger. SQLite (one writer at a time) bumps on
every written row.

When the row is missing (a fresh or flushed database), the first write creates it from the clock in
microseconds, so a version never repeats one from before the reset.

For migrations on PostgreSQL: a data migration that writes to a counted table queues deferred
trigger events, and PostgreSQL refuses to ALTER a table with pending events in the same transaction
("pending trigger events"; Django's deferred foreign keys cause the same). Keep data and schema
changes in separate migrations, or run `SET CONSTRAINTS ALL IMMEDIATE` after the writes (0010 does).
"""

from collections.abc import Iterable

from django.apps import apps
from django.db import DEFAULT_DB_ALIAS, connections

from forecasts.models import DataVersion

TRIGGER = "forecasts_data_version"
FUNCTION = "forecasts_bump_data_version"
BUMPED_FLAG = "forecasts.data_version_bumped"
TABLE = DataVersion._meta.db_table
EXTRA_TABLES = ("auth_user",)

POSTGRES_FUNCTION = f"""
CREATE OR REPLACE FUNCTION {FUNCTION}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_LEVEL = 'ROW' AND current_setting('{BUMPED_FLAG}', true) = 'on' THEN
        RETURN NULL;
    END IF;
    PERFORM set_config('{BUMPED_FLAG}', 'on', true);
    INSERT INTO {TABLE} (id, value)
        VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint)
        ON CONFLICT (id) DO UPDATE SET value = {TABLE}.value + 1;
    RETURN NULL;
END
$$;
"""  # noqa: S608 (constant names, no input)

POSTGRES_START = f"""
INSERT INTO {TABLE} (id, value)
    VALUES (1, (extract(epoch FROM clock_timestamp()) * 1000000)::bigint) ON CONFLICT (id) DO NOTHING
"""  # noqa: S608 (constant names, no input)

SQLITE_START = f"""
INSERT INTO {TABLE} (id, value)
    VALUES (1, CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER)) ON CONFLICT(id) DO NOTHING
"""  # noqa: S608 (constant names, no input)

SQLITE_BUMP = f"""
INSERT INTO {TABLE} (id, value)
    VALUES (1, CAST((julianday('now') - 2440587.5) * 86400000000 AS INTEGER))
    ON CONFLICT(id) DO UPDATE SET value = value + 1;
"""  # noqa: S608 (constant names, no input)


def current(using: str = DEFAULT_DB_ALIAS) -> int | None:
    """The committed data version as this connection sees it, or None before the first write."""
    with connections[using].cursor() as cursor:
        cursor.execute(f"SELECT value FROM {TABLE} WHERE id = 1")  # noqa: S608 (constant name)
        row = cursor.fetchone()
    return row[0] if row else None


def counted_tables() -> list[str]:
    """Every table of the forecasts app (history and link tables included) and the user table."""
    config = apps.get_app_config("forecasts")
    tables = {model._meta.db_table for model in config.get_models(include_auto_created=True)}
    tables.update(EXTRA_TABLES)
    tables.discard(TABLE)
    return sorted(tables)


def install_triggers(using: str = DEFAULT_DB_ALIAS, tables: Iterable[str] | None = None) -> None:
    """Create (or re-create) the triggers on `tables` and start the version if it has no row yet;
    safe to run after every migration."""
    connection = connections[using]
    tables = list(tables if tables is not None else counted_tables())
    existing = set(connection.introspection.table_names())
    if TABLE not in existing:  # migrated back before the table existed: nothing to count into
        return
    tables = [table for table in tables if table in existing]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(POSTGRES_FUNCTION)
            cursor.execute(POSTGRES_START)
            for table in tables:
                for statement in postgres_trigger_statements(connection.ops.quote_name(table)):
                    cursor.execute(statement)
        elif connection.vendor == "sqlite":
            cursor.execute(SQLITE_START)
            for table in tables:
                for statement in sqlite_trigger_statements(table, connection.ops.quote_name(table)):
                    cursor.execute(statement)


def remove_triggers(using: str = DEFAULT_DB_ALIAS) -> None:
    """Drop every trigger and the function: they must go before the DataVersion table does."""
    connection = connections[using]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(f"DROP FUNCTION IF EXISTS {FUNCTION}() CASCADE")
        elif connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s", [f"{TRIGGER}%"]
            )
            for (name,) in cursor.fetchall():
                cursor.execute(f"DROP TRIGGER IF EXISTS {connection.ops.quote_name(name)}")


def postgres_trigger_statements(quoted_table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {TRIGGER} ON {quoted_table}",
        f"CREATE CONSTRAINT TRIGGER {TRIGGER} AFTER INSERT OR UPDATE OR DELETE ON {quoted_table} "
        f"DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {FUNCTION}()",
        f"DROP TRIGGER IF EXISTS {TRIGGER}_truncate ON {quoted_table}",
        f"CREATE TRIGGER {TRIGGER}_truncate AFTER TRUNCATE ON {quoted_table} "
        f"FOR EACH STATEMENT EXECUTE FUNCTION {FUNCTION}()",
    ]


def sqlite_trigger_statements(table: str, quoted_table: str) -> list[str]:
    return [
        f"CREATE TRIGGER IF NOT EXISTS {TRIGGER}_{table}_{operation.lower()} AFTER {operation} "
        f"ON {quoted_table} BEGIN {SQLITE_BUMP} END"
        for operation in ("INSERT", "UPDATE", "DELETE")
    ]
