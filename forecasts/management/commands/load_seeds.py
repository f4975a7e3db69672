from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from forecasts.services.seeds import SeedError, load_seed_file


class Command(BaseCommand):
    help = "Load the demo case (organizations, experts, sources, claims, questions, forecasts)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--file", type=Path, default=settings.BASE_DIR / "seeds" / "demo.json",
            help="Seed file (JSON). Default: seeds/demo.json",
        )

    def handle(self, *args, **options) -> None:
        try:
            counts = load_seed_file(options["file"])
        except SeedError as exc:
            raise CommandError(f"Nothing was loaded. {exc}") from exc
        self.stdout.write(
            f"Loaded {counts.organizations} organizations, {counts.experts} experts, "
            f"{counts.sources} sources, {counts.questions} questions, {counts.claims} claims, "
            f"{counts.forecasts} forecasts."
        )
