import sys
from argparse import ArgumentTypeError
from datetime import date
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from forecasts.models import CalibrationReport, Expert, Organization, Tag
from forecasts.reports.build import build_content
from forecasts.reports.exports import report_json
from forecasts.selectors.forecasts import forecast_set
from forecasts.services import reports as report_services


def parse_day(raw: str) -> date:
    try:
        return date.fromisoformat(raw)
    except ValueError as exc:
        # argparse turns this into a usage error; a CommandError here would escape as a traceback
        raise ArgumentTypeError(f"{raw!r} is not a date: use YYYY-MM-DD") from exc


def find(model, field: str, value: str, *lookups: str):
    for lookup in lookups:
        match = model.objects.filter(**{lookup: value}).first()
        if match is not None:
            return match
    raise CommandError(f"No {model._meta.verbose_name} with {field} {value!r}.")


class Command(BaseCommand):
    help = ("Write a calibration report (report.json, bins.csv, forecasts.csv, reliability.png) "
            "for all experts, one expert, one organization or one tag.")

    def add_arguments(self, parser) -> None:
        target = parser.add_mutually_exclusive_group()
        target.add_argument("--expert", metavar="SLUG", help="One expert, by slug.")
        target.add_argument("--organization", metavar="X", help="One organization: short name or name.")
        target.add_argument("--tag", metavar="T", help="One tag: slug or name.")
        parser.add_argument("--since", type=parse_day, metavar="YYYY-MM-DD", help="Claims made on or after.")
        parser.add_argument("--until", type=parse_day, metavar="YYYY-MM-DD", help="Claims made on or before.")
        parser.add_argument("--out", type=Path, default=Path("calibration-report"), metavar="DIR")

    def report_for(self, options) -> CalibrationReport:
        report = CalibrationReport(period_start=options["since"], period_end=options["until"])
        if options["expert"]:
            report.scope, report.expert = "expert", find(Expert, "slug", options["expert"], "slug")
        elif options["organization"]:
            report.scope, report.organization = "organization", find(
                Organization, "name", options["organization"], "short_name__iexact", "name__iexact")
        elif options["tag"]:
            report.scope, report.tag = "tag", find(Tag, "name", options["tag"], "slug", "name__iexact")
        targets = {"expert": report.expert_id, "organization": report.organization_id, "tag": report.tag_id}
        try:
            report_services.validate_request(report.scope, targets, report.period_start, report.period_end)
        except ValidationError as exc:
            raise CommandError("; ".join(f"{k}: {' '.join(v)}" for k, v in exc.message_dict.items())) from exc
        return report

    def handle(self, *args, **options) -> None:
        report = self.report_for(options)
        out: Path = options["out"]
        try:
            out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise CommandError(f"Cannot create {out}: {exc.strerror or exc}") from exc
        with tqdm(total=4, desc="calibration report", unit="step", file=sys.stderr) as bar:
            content = self.step(bar, "fetching", lambda: build_content(
                forecast_set(report_services.scope_of(report))))
            artifacts = self.step(bar, "rendering", lambda: report_services.render_artifacts(
                content, report_services.label_of(report)))
            self.step(bar, "writing", lambda: self.write(out, content, artifacts))
            bar.update(1)
        self.print_figures(content, out)

    def step(self, bar, name: str, work):
        bar.set_postfix_str(name)
        result = work()
        bar.update(1)
        return result

    def write(self, out: Path, content, artifacts) -> None:
        (out / "report.json").write_text(report_json(content.metrics()), encoding="utf-8")
        (out / "bins.csv").write_text(artifacts.bins_csv, encoding="utf-8")
        (out / "forecasts.csv").write_text(artifacts.forecasts_csv, encoding="utf-8")
        (out / "reliability.png").write_bytes(artifacts.png)

    def print_figures(self, content, out: Path) -> None:
        summary = content.summary
        brier = f"{summary.brier.value:.3f}" if summary.brier.defined else "undefined"
        ci = summary.brier_ci
        interval = f" (95% CI {ci.low:.3f}-{ci.high:.3f})" if ci.defined else ""
        self.stdout.write(f"n = {summary.n}, Brier = {brier}{interval}")
        self.stdout.write(self.style.SUCCESS(f"Wrote report.json, bins.csv, forecasts.csv, reliability.png to {out}"))
