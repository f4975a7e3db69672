"""The extract_claims management command: thin input/output around the package."""
import io
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

ARTICLE = Path(__file__).parent / "corpus" / "01_moscow_talks.txt"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("extract_claims", *args, stdout=out)
    return out.getvalue()


def test_it_prints_a_json_array_in_text_order():
    rows = json.loads(run("--file", str(ARTICLE), "--json"))
    assert [row["start"] for row in rows] == sorted(row["start"] for row in rows)
    assert set(rows[0]) == {"speaker", "quote", "start", "end", "kind", "confidence", "pattern"}
    assert rows[0]["speaker"] == "Andrei Kortunov"


def test_it_prints_a_readable_table_by_default():
    table = run("--file", str(ARTICLE))
    assert table.splitlines()[0].split()[:2] == ["speaker", "kind"]
    assert "Tatiana Stanovaya" in table


def test_it_reads_stdin_when_the_file_is_a_dash(monkeypatch):
    text = "Talks ended.\n\n“These talks aren’t over yet,” said Mark Galeotti."
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    rows = json.loads(run("--file", "-", "--json"))
    assert [row["speaker"] for row in rows] == ["Mark Galeotti"]


def test_it_converts_html_input_when_asked(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<p>Talks ended.</p><p>&ldquo;These talks aren&rsquo;t over yet,&rdquo; "
                    "said Mark Galeotti.</p>", encoding="utf-8")
    rows = json.loads(run("--file", str(page), "--json", "--html"))
    assert [row["quote"] for row in rows] == ["These talks aren’t over yet"]


def test_a_missing_file_is_a_command_error():
    with pytest.raises(CommandError, match="Cannot read"):
        run("--file", "/nonexistent/article.txt")


def test_undecodable_bytes_are_a_command_error(tmp_path):
    binary = tmp_path / "article.txt"
    binary.write_bytes(b"\xff\xfe\x00\x81 not text")
    with pytest.raises(CommandError, match="not UTF-8"):
        run("--file", str(binary))


def test_a_file_over_the_size_limit_is_a_command_error(tmp_path):
    huge = tmp_path / "huge.txt"
    huge.write_bytes(b"a" * (2 * 1024 * 1024 + 1))
    with pytest.raises(CommandError, match="limit"):
        run("--file", str(huge))


def test_an_article_without_quotes_says_so():
    empty = Path(__file__).parent / "__init__.py"
    assert run("--file", str(empty)) == "No attributed quotes found.\n"
