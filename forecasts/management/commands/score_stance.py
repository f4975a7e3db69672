"""Score (question, claim) pairs without the database.

Uses the active model when the database is reachable, migrated and has one; otherwise a model
trained from seeds/stance/pairs.csv (cached under STANCE_ARTIFACT_DIR after the first run).
"""

import csv
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forecasts.services.stance import offline
from forecasts.services.stance.corpora import SEED_PAIRS, StanceDataError
from forecasts.services.stance.positions import Position, positions

COLUMNS = ("question", "claim")
csv.field_size_limit(16 * 1024 * 1024)


def read_pairs(path: Path) -> tuple[list[str], list[str]]:
    """Questions and claims of a UTF-8 CSV with (at least) the columns question and claim."""
    try:
        with Path(path).open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle, strict=True)
            header = {(name or "").strip().lower(): name for name in reader.fieldnames or ()}
            missing = [column for column in COLUMNS if column not in header]
            if missing:
                found = ", ".join(repr(n) for n in reader.fieldnames or ()) or "none"
                raise CommandError(
                    f"{path}: missing column(s) {', '.join(missing)} "
                    f"(found: {found}); the CSV needs a header row question,claim."
                )
            rows = list(reader)
            check_row_widths(path, reader.fieldnames, rows)
    except FileNotFoundError as exc:
        raise CommandError(f"{path}: no such file.") from exc
    except UnicodeDecodeError as exc:
        raise CommandError(
            f"{path}: not UTF-8 text (undecodable byte at position {exc.start}); "
            "save it as UTF-8 and retry."
        ) from exc
    except csv.Error as exc:
        raise CommandError(f"{path}: not a valid CSV ({exc}).") from exc
    except OSError as exc:
        raise CommandError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc
    return (
        [row[header["question"]] or "" for row in rows],
        [row[header["claim"]] or "" for row in rows],
    )


def check_row_widths(path: Path, fieldnames: list[str], rows: list[dict]) -> None:
    """A row with more or fewer values than the header usually holds an unquoted comma; reading
    it anyway would score a truncated or shifted claim."""
    for number, row in enumerate(rows, start=1):
        extra = row.get(None)
        if extra or any(row[name] is None for name in fieldnames):
            found = len(fieldnames) + len(extra) if extra else sum(row[n] is not None for n in fieldnames)
            raise CommandError(
                f"{path}: row {number} has {found} value(s) but the header has {len(fieldnames)} column(s); "
                'put double quotes around a question or claim that contains a comma ("It will, probably").'
            )


class Command(BaseCommand):
    help = (
        "Score (question, claim) pairs with the stance model, without needing the database: "
        "--csv FILE (columns question,claim) or --question TEXT --claim TEXT."
    )
    requires_system_checks = []

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--csv", type=Path, metavar="FILE", help="CSV with columns question,claim"
        )
        parser.add_argument("--question", metavar="TEXT")
        parser.add_argument("--claim", metavar="TEXT")
        parser.add_argument(
            "--json",
            action="store_true",
            help="print a JSON array, one object per pair in input order",
        )
        parser.add_argument(
            "--seeds",
            type=Path,
            default=SEED_PAIRS,
            metavar="FILE",
            help="pairs to train the fallback model on (default seeds/stance/pairs.csv)",
        )

    def handle(self, *args, **options) -> None:
        questions, claims = self.pairs(options)
        try:
            model = offline.offline_model(options["seeds"])
        except StanceDataError as exc:
            raise CommandError(f"No stance model: {exc.message}") from exc
        self.stderr.write(f"Scoring {len(claims)} pair(s) with the {model.description}.")
        found, _ = positions(model.classifier, questions, claims)
        self.warn_unreadable(found)
        if options["json"]:
            self.stdout.write(
                json.dumps([p.as_json() for p in found], ensure_ascii=False, indent=2)
            )
        else:
            self.print_table(found, claims)

    def pairs(self, options) -> tuple[list[str], list[str]]:
        single = options["question"] is not None or options["claim"] is not None
        if options["csv"] is not None and single:
            raise CommandError("Give either --csv FILE or --question TEXT --claim TEXT, not both.")
        if options["csv"] is not None:
            return read_pairs(options["csv"])
        if options["question"] is None or options["claim"] is None:
            raise CommandError("Give --csv FILE, or both --question TEXT and --claim TEXT.")
        return [options["question"]], [options["claim"]]

    def warn_unreadable(self, found: list[Position]) -> None:
        for row, position in enumerate(found, start=1):
            if position.basis == "unreadable_claim":
                self.stderr.write(f"row {row}: {position.reason}")

    def print_table(self, found: list[Position], claims: list[str]) -> None:
        for position, claim in zip(found, claims, strict=True):
            p_yes = "  -  " if position.p_yes is None else f"{position.p_yes:.2f}"
            short = claim if len(claim) <= 60 else claim[:57] + "..."
            self.stdout.write(
                f"{position.stance:<9} P(yes)={p_yes}  conf={position.confidence:.2f}  "
                f"phrase={position.phrase or '-'!s:<24} {short}"
            )
