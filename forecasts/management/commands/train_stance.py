from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from forecasts.services import stance as stance_services
from forecasts.services.stance.corpora import SEED_PAIRS
from forecasts.services.stance.training import DEFAULT_FOLDS
from forecasts.stance.model import CONFIGS


class Command(BaseCommand):
    help = (
        "Train a stance model from the seed pairs, analysts' labels and optional corpora "
        "(FNC-1, IBM Claim Stance, read where they are). It is not activated unless --activate."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--fnc1",
            type=Path,
            metavar="DIR",
            help="FNC-1 folder (train_bodies.csv, train_stances.csv)",
        )
        parser.add_argument(
            "--ibm",
            type=Path,
            metavar="FILE",
            help="IBM claim_stance_dataset_v1.csv (its train split is used)",
        )
        parser.add_argument("--config", default="default", choices=sorted(CONFIGS))
        parser.add_argument(
            "--seeds",
            type=Path,
            default=SEED_PAIRS,
            metavar="FILE",
            help="in-domain pairs CSV (question,claim,label)",
        )
        parser.add_argument("--no-seeds", action="store_true", help="leave the seed pairs out")
        parser.add_argument(
            "--no-analyst-labels", action="store_true", help="leave analysts' forecast labels out"
        )
        parser.add_argument(
            "--folds",
            type=int,
            default=DEFAULT_FOLDS,
            help="cross-validation folds for the metrics (0: skip)",
        )
        parser.add_argument(
            "--activate",
            action="store_true",
            help="make it the active model and re-score open questions",
        )

    def handle(self, *args, **options) -> None:
        self.check_paths(options)
        try:
            model = stance_services.train_model(
                fnc1_dir=options["fnc1"],
                ibm_file=options["ibm"],
                config=options["config"],
                seeds_file=None if options["no_seeds"] else options["seeds"],
                include_analyst_labels=not options["no_analyst_labels"],
                folds=options["folds"],
            )
            self.report(model)
            if options["activate"]:
                stance_services.activate(model)
                self.stdout.write(
                    self.style.SUCCESS(
                        f"Activated {model.version}; open questions are being re-scored."
                    )
                )
        except stance_services.StanceDataError as exc:
            raise CommandError(f"Cannot read the training data: {exc.message}") from exc
        except (stance_services.StanceTrainingError, stance_services.StanceModelUnavailable) as exc:
            raise CommandError(exc.message) from exc

    def check_paths(self, options) -> None:
        if options["fnc1"] is not None and not options["fnc1"].is_dir():
            raise CommandError(f"--fnc1 {options['fnc1']}: no such folder.")
        if options["ibm"] is not None and not options["ibm"].is_file():
            raise CommandError(f"--ibm {options['ibm']}: no such file.")
        if options["folds"] < 0:
            raise CommandError("--folds must be 0 (skip) or at least 2.")

    def report(self, model) -> None:
        w = self.stdout.write
        w(self.style.SUCCESS(f"Trained {model.version} on {model.training_size} pairs."))
        for source, entry in model.provenance.items():
            w(f"  {source:<8} {entry.get('rows', 0):>6} pairs {entry.get('path', '')}")
        metrics = model.metrics
        if "macro_f1" in metrics:
            per_class = "  ".join(f"{k} {v:.3f}" for k, v in metrics["per_class_f1"].items())
            w(f"  macro-F1 {metrics['macro_f1']:.3f}  accuracy {metrics['accuracy']:.3f}")
            w(f"  ({metrics['cv']})")
            w(f"  F1 per class: {per_class}")
        w(f"  artifact {model.artifact_path} sha256 {model.artifact_sha256[:16]}…")
