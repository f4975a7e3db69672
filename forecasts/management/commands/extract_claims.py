"""Extract attributed quotes from an article file (or stdin) and print them.

Thin by design: read the input, call ``forecasts.extraction``, render.  A database mode
(``--source ID``) can be added as another input branch in ``_read_text`` without touching
extraction or rendering.
"""
import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forecasts.extraction import (
    MAX_INPUT_BYTES,
    ExtractedQuote,
    ExtractionInputError,
    extract_quotes,
    html_to_text,
)
from forecasts.models import Source
from forecasts.selectors.extraction import extracted_quotes
from forecasts.services import extraction as extraction_services

JSON_FIELDS = ("speaker", "quote", "start", "end", "kind", "confidence", "pattern")
QUOTE_PREVIEW = 70


class Command(BaseCommand):
    help = "Extract (speaker, quote) claims from a news article text file; '--file -' reads stdin."

    def add_arguments(self, parser) -> None:
        origin = parser.add_mutually_exclusive_group(required=True)
        origin.add_argument("--file", help="Path of a UTF-8 text (or HTML) file, or '-' for stdin.")
        origin.add_argument(
            "--source", type=int, metavar="ID",
            help="Database mode: extract source ID's claims into the database now and print them.",
        )
        parser.add_argument("--json", action="store_true", help="Print a JSON array, not a table.")
        parser.add_argument("--html", action="store_true", help="Treat the input as HTML.")

    def handle(self, *args, **options) -> None:
        if options["source"] is not None:
            quotes = _extract_into_database(options["source"])
            self.stdout.write(_as_json(quotes) if options["json"] else _as_table(quotes))
            return
        text = _read_text(options["file"])
        if options["html"]:
            text = html_to_text(text)
        try:
            quotes = extract_quotes(text)
        except ExtractionInputError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(_as_json(quotes) if options["json"] else _as_table(quotes))


def _extract_into_database(source_id: int) -> list[ExtractedQuote]:
    try:
        extraction_services.extract_now(source_id)
    except (Source.DoesNotExist, extraction_services.ExtractionFailure) as exc:
        raise CommandError(f"Source {source_id}: {exc}") from exc
    return extracted_quotes(source_id)


def _read_text(file_option: str) -> str:
    raw = _read_bytes(file_option)
    if len(raw) > MAX_INPUT_BYTES:
        raise CommandError(
            f"{file_option}: {len(raw)} bytes is over the {MAX_INPUT_BYTES}-byte limit."
        )
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        reason = f"{exc.reason} at byte {exc.start}"
        raise CommandError(f"{file_option}: not UTF-8 text ({reason}).") from exc


def _read_bytes(file_option: str) -> bytes:
    if file_option == "-":
        return sys.stdin.buffer.read(MAX_INPUT_BYTES + 1)
    path = Path(file_option)
    try:
        with path.open("rb") as handle:
            return handle.read(MAX_INPUT_BYTES + 1)
    except OSError as exc:
        raise CommandError(f"Cannot read {file_option}: {exc.strerror or exc}.") from exc


def _as_json(quotes: list[ExtractedQuote]) -> str:
    rows = [{name: getattr(quote, name) for name in JSON_FIELDS} for quote in quotes]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def _as_table(quotes: list[ExtractedQuote]) -> str:
    if not quotes:
        return "No attributed quotes found."
    lines = [f"{'speaker':24} {'kind':15} {'conf':>4} {'pattern':16} quote"]
    for quote in quotes:
        preview = " ".join(quote.quote.split())
        preview = preview if len(preview) <= QUOTE_PREVIEW else preview[: QUOTE_PREVIEW - 1] + "…"
        lines.append(
            f"{quote.speaker[:24]:24} {quote.kind:15} {quote.confidence:4.2f} "
            f"{quote.pattern:16} {preview}"
        )
    return "\n".join(lines)
