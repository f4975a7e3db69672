"""From a shell, a malformed --since/--until is a usage error, not a traceback."""

import pytest

from forecasts.management.commands.calibration_report import Command


def test_a_malformed_date_on_the_command_line_exits_with_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        Command().run_from_argv(["manage.py", "calibration_report", "--since", "2022-02-30"])
    assert (exit_info.value.code, "'2022-02-30' is not a date" in capsys.readouterr().err) == (2, True)
