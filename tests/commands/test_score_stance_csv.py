"""score_stance --csv reads every row whole or refuses the file, naming the row."""

from pathlib import Path

import pytest
from django.core.management import CommandError

from forecasts.management.commands.score_stance import read_pairs


def csv_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "pairs.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_quoted_commas_and_line_breaks_stay_in_their_field(tmp_path):
    path = csv_file(tmp_path, 'question,claim\n"Will it rain?","It will, probably.\\nSoon."\n'.replace("\\n", "\n"))
    assert read_pairs(path) == (["Will it rain?"], ["It will, probably.\nSoon."])


def test_extra_columns_in_the_header_are_ignored(tmp_path):
    path = csv_file(tmp_path, "id,question,claim,note\n1,Will it rain?,It will.,x\n")
    assert read_pairs(path) == (["Will it rain?"], ["It will."])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param('question,claim\n"Will it rain?,"It will.\n', "not a valid CSV", id="unterminated-quote"),
        pytest.param("question,claim\nWill it rain?,It will, probably.\n", "row 1 has 3 value(s)", id="unquoted-comma"),
        pytest.param("question,claim\nWill it rain?,Yes.\nWill it snow?\n", "row 2 has 1 value(s)", id="missing-claim"),
    ],
)
def test_a_row_that_does_not_fit_the_header_is_a_readable_error(tmp_path, text, message):
    with pytest.raises(CommandError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_pairs(csv_file(tmp_path, text))
