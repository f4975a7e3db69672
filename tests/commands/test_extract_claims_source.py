"""`manage.py extract_claims --source ID`: the database mode of the extraction command."""
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from forecasts.models import Source
from tests.factories import SourceFactory
from tests.services.extraction_samples import ARTICLE, GALEOTTI, PETRENKO

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("extract_claims", *args, stdout=out)
    return out.getvalue()


def test_it_extracts_a_source_into_the_database_and_prints_json():
    source = SourceFactory(text=ARTICLE)
    rows = json.loads(run("--source", str(source.pk), "--json"))
    assert [(row["speaker"], row["quote"]) for row in rows] == [
        ("Mark Galeotti", GALEOTTI), ("Olga Petrenko", PETRENKO)]
    assert Source.objects.get(pk=source.pk).extracted_claims_count == 2


def test_running_it_twice_creates_no_duplicates():
    source = SourceFactory(text=ARTICLE)
    run("--source", str(source.pk))
    run("--source", str(source.pk))
    assert source.claims.count() == 2


def test_it_prints_a_table_without_json():
    source = SourceFactory(text=ARTICLE)
    assert "Olga Petrenko" in run("--source", str(source.pk))


def test_a_failed_extraction_is_a_clear_error():
    source = SourceFactory(text="   ")
    with pytest.raises(CommandError, match=f"Source {source.pk}: The source text is only whitespace."):
        run("--source", str(source.pk))


def test_an_unknown_source_is_a_clear_error():
    with pytest.raises(CommandError, match="No source with id 987654"):
        run("--source", "987654")


def test_file_and_source_cannot_be_combined():
    with pytest.raises(CommandError, match="not allowed with argument"):
        run("--source", "1", "--file", "-")
