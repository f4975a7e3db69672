"""The data version moves with every committed write, whatever path the write takes.

These tests commit for real (transactional_db): the triggers count committed writes only.
"""

import pytest
from django.contrib.auth import get_user_model
from django.db import connection, transaction

from forecasts.models import Claim, DataVersion, Expert, Tag
from forecasts.services import data_version
from tests.factories import ClaimFactory, ExpertFactory, QuestionFactory

pytestmark = pytest.mark.django_db(transaction=True)

on_postgres = pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL trigger semantics")


def moved_by(write) -> bool:
    before = data_version.current()
    write()
    after = data_version.current()
    return after is not None and after != before


def test_without_its_row_there_is_no_version_until_the_next_write():
    DataVersion.objects.all().delete()
    assert data_version.current() is None
    Tag.objects.create(name="Elections")
    assert data_version.current() is not None


@pytest.mark.parametrize(
    "write",
    [
        pytest.param(lambda claim: Tag.objects.create(name="Energy"), id="create"),
        pytest.param(lambda claim: Claim.objects.filter(pk=claim.pk).update(quote="Changed."), id="queryset-update"),
        pytest.param(
            lambda claim: Claim.objects.bulk_update([setattr(claim, "paraphrase", "p") or claim], ["paraphrase"]),
            id="bulk-update",
        ),
        pytest.param(lambda claim: Expert.objects.bulk_create([Expert(name="New Voice")]), id="bulk-create"),
        pytest.param(lambda claim: claim.questions.add(QuestionFactory()), id="many-to-many"),
        pytest.param(lambda claim: Claim.objects.filter(pk=claim.pk).delete(), id="delete"),
        pytest.param(lambda claim: get_user_model().objects.create(username="newcomer"), id="user"),
        pytest.param(
            lambda claim: connection.cursor().execute(
                "UPDATE forecasts_expert SET name = 'Raw' WHERE id = %s", [claim.expert_id]
            ),
            id="raw-sql",
        ),
    ],
)
def test_every_kind_of_write_moves_the_version(write):
    claim = ClaimFactory()
    assert moved_by(lambda: write(claim))


def test_a_read_does_not_move_the_version():
    ClaimFactory()
    assert not moved_by(lambda: list(Claim.objects.select_related("expert", "source")))


def test_a_rolled_back_write_does_not_move_the_version():
    ExpertFactory()

    def write_then_fail():
        with pytest.raises(RuntimeError), transaction.atomic():
            ExpertFactory()
            raise RuntimeError

    assert not moved_by(write_then_fail)


def test_every_table_of_the_app_is_counted():
    tables = data_version.counted_tables()
    assert {Claim._meta.db_table, "forecasts_claim_questions", "forecasts_historicalforecast", "auth_user"} <= set(
        tables
    )
    assert triggered_tables() >= set(tables)


def test_installing_starts_a_missing_version_and_keeps_an_existing_one():
    DataVersion.objects.all().delete()
    data_version.install_triggers()
    started = data_version.current()
    data_version.install_triggers()
    assert started is not None and data_version.current() == started


def test_installing_twice_changes_nothing():
    data_version.install_triggers()
    data_version.install_triggers()
    assert triggered_tables() >= set(data_version.counted_tables())
    assert moved_by(lambda: Tag.objects.create(name="Science"))


@on_postgres
def test_on_postgresql_a_transaction_counts_once_and_only_when_it_commits():
    Tag.objects.create(name="Start")
    before = data_version.current()
    with transaction.atomic():
        Tag.objects.create(name="One")
        Tag.objects.bulk_create([Tag(name="Two", slug="two"), Tag(name="Three", slug="three")])
        inside = data_version.current()
    assert (inside, data_version.current()) == (before, before + 1)


@on_postgres
def test_on_postgresql_truncate_moves_the_version():
    ExpertFactory()
    assert moved_by(lambda: connection.cursor().execute(f"TRUNCATE {Tag._meta.db_table} CASCADE"))


def triggered_tables() -> set[str]:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT DISTINCT c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                "WHERE t.tgname = %s",
                [data_version.TRIGGER],
            )
        else:
            cursor.execute(
                "SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE %s",
                [f"{data_version.TRIGGER}%"],
            )
        return {row[0] for row in cursor.fetchall()}


def test_unapplying_the_migration_removes_the_triggers_and_writes_still_work():
    from django.core.management import call_command

    call_command("migrate", "forecasts", "0008", verbosity=0)
    try:
        assert not triggered_tables()
        Tag.objects.create(name="Written without the version table")
    finally:
        call_command("migrate", verbosity=0)
    assert triggered_tables() >= set(data_version.counted_tables())
    assert moved_by(lambda: Tag.objects.create(name="Counted again"))
