from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forecasts.services.imports import ImportRejected, import_forecasts


class Command(BaseCommand):
    help = ("Import resolved forecasts from a CSV file with columns question, outcome, forecaster, "
            "probability, date. Nothing is imported unless every row is valid.")

    def add_arguments(self, parser) -> None:
        parser.add_argument("file", type=Path, help="CSV file (UTF-8, header row first).")

    def handle(self, *args, file: Path, **options) -> None:
        try:
            with file.open(encoding="utf-8-sig", newline="") as handle:
                result = import_forecasts(handle)
        except OSError as exc:
            raise CommandError(f"Cannot read {file}: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise CommandError(f"{file} is not UTF-8 text: {exc.reason}") from exc
        except ImportRejected as exc:
            for error in exc.errors:
                self.stderr.write(f"{file}: {error}")
            raise CommandError(f"{file}: {exc}") from exc
        self.stdout.write(self.style.SUCCESS(
            f"Imported {result.forecasts_created} forecast(s) from {result.rows} row(s): "
            f"{result.questions_created} new question(s), {result.experts_created} new expert(s)."
        ))
