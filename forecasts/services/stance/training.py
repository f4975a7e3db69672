"""Train a stance model from the seed pairs, optional corpora and analysts' labels.

Each run creates a StanceModel row (status training -> ready | failed) carrying its provenance,
cross-validated metrics and the checksum of its artifact. Training never activates: activation
is an explicit, separate step (registry.activate).
"""

import logging
import time
import uuid
from pathlib import Path

from django.utils import timezone

from forecasts.models import Forecast, StanceModel
from forecasts.services.errors import ServiceError
from forecasts.services.stance import corpora, registry
from forecasts.services.stance.corpora import LabelledPairs
from forecasts.services.stance.positions import claim_text
from forecasts.stance import model as stance_model

logger = logging.getLogger(__name__)
DEFAULT_FOLDS = 5


class StanceTrainingError(ServiceError):
    """Training failed; the StanceModel row says why (status failed)."""


def analyst_pairs() -> LabelledPairs:
    """Every analyst-labelled forecast, as the question's title and the claim's words."""
    rows = (
        Forecast.objects.filter(label_source=Forecast.LabelSource.ANALYST)
        .values_list("question__title", "claim__quote", "claim__paraphrase", "stance")
        .order_by("pk")
    )
    return LabelledPairs(
        "analyst",
        tuple(r[0] for r in rows),
        tuple(claim_text(r[1], r[2]) for r in rows),
        tuple(r[3] for r in rows),
    )


def _provenance(part: LabelledPairs, origin: Path | None) -> dict:
    entry: dict = {"rows": len(part)}
    if origin is not None:
        entry["path"] = str(Path(origin).resolve())
    if part.source == "seeds" and origin is not None:
        entry["sha256"] = corpora.file_sha256(origin)
    return entry


def gather(
    *,
    seeds_file: Path | None,
    fnc1_dir: Path | None,
    ibm_file: Path | None,
    include_analyst_labels: bool,
) -> tuple[LabelledPairs, dict]:
    """All training pairs and their provenance (rows per source, files and checksums)."""
    parts: list[tuple[LabelledPairs, Path | None]] = []
    if seeds_file is not None:
        parts.append((corpora.seed_pairs(seeds_file), Path(seeds_file)))
    if fnc1_dir is not None:
        parts.append((corpora.fnc1_pairs(fnc1_dir), Path(fnc1_dir)))
    if ibm_file is not None:
        parts.append((corpora.ibm_pairs(ibm_file), Path(ibm_file)))
    if include_analyst_labels:
        parts.append((analyst_pairs(), None))
    provenance = {part.source: _provenance(part, origin) for part, origin in parts}
    return corpora.combine(part for part, _ in parts), provenance


def new_version(config: str) -> str:
    return f"{config}-{timezone.now():%Y%m%d-%H%M%S}-{uuid.uuid4().hex[:6]}"


def _metrics(data: LabelledPairs, config: str, folds: int) -> dict:
    if folds < 2:
        return {"cv": "skipped"}
    evaluation = stance_model.evaluate(
        data.questions, data.claims, data.labels, folds=folds, config=config, group_by_question=True
    )
    summary = evaluation.as_dict()
    summary["cv"] = f"stratified {evaluation.folds}-fold, each question's pairs held out together"
    return summary


def _fit_and_save(row: StanceModel, data: LabelledPairs, config: str, folds: int) -> None:
    started = time.perf_counter()
    metrics = _metrics(data, config, folds)
    fit_started = time.perf_counter()
    classifier = stance_model.train(data.questions, data.claims, data.labels, config=config)
    metrics["fit_seconds"] = round(time.perf_counter() - fit_started, 2)
    metrics["total_seconds"] = round(time.perf_counter() - started, 2)
    info = stance_model.save(classifier, registry.artifact_file(row.version), row.version)
    StanceModel.objects.filter(pk=row.pk).update(
        status=StanceModel.Status.READY,
        trained_at=timezone.now(),
        metrics=metrics,
        artifact_path=registry.stored_path(Path(info.path)),
        artifact_sha256=info.sha256,
        library_versions=info.versions,
        error="",
    )


def train_model(
    *,
    fnc1_dir: Path | None = None,
    ibm_file: Path | None = None,
    include_analyst_labels: bool = True,
    config: str = "default",
    seeds_file: Path | None = corpora.SEED_PAIRS,
    folds: int = DEFAULT_FOLDS,
) -> StanceModel:
    """Train, cross-validate and save a new (inactive) stance model; returns its row."""
    _check_config(config)
    data, provenance = gather(
        seeds_file=seeds_file,
        fnc1_dir=fnc1_dir,
        ibm_file=ibm_file,
        include_analyst_labels=include_analyst_labels,
    )
    if len(set(data.labels)) < 2:
        raise StanceTrainingError("Training needs labelled pairs of at least two stances.")
    row = StanceModel.objects.create(
        version=new_version(config),
        status=StanceModel.Status.TRAINING,
        config=config,
        training_size=len(data),
        provenance=provenance,
    )
    try:
        _fit_and_save(row, data, config, folds)
    except (ValueError, OSError, MemoryError, stance_model.ArtifactError) as exc:
        StanceModel.objects.filter(pk=row.pk).update(
            status=StanceModel.Status.FAILED, error=f"{type(exc).__name__}: {exc}"[:2000]
        )
        raise StanceTrainingError(f"Training {row.version} failed: {exc}") from exc
    row.refresh_from_db()
    logger.info("trained stance model %s on %s pairs", row.version, row.training_size)
    return row


def _check_config(config: str) -> None:
    if config not in stance_model.CONFIGS:
        names = ", ".join(sorted(stance_model.CONFIGS))
        raise StanceTrainingError(f"Unknown stance config {config!r}; choose one of {names}.")


def _is_seed_model(row: StanceModel, seeds_sha256: str, config: str) -> bool:
    provenance = row.provenance or {}
    return (
        row.config == config
        and set(provenance) == {"seeds"}
        and provenance["seeds"].get("sha256") == seeds_sha256
        and provenance["seeds"].get("code") == registry.code_fingerprint()
    )


def ensure_seed_model(
    *, seeds_file: Path = corpora.SEED_PAIRS, config: str = "default", folds: int = DEFAULT_FOLDS
) -> tuple[StanceModel, bool]:
    """A ready model trained on exactly this seed file (reused if one exists); (row, trained?)."""
    digest = corpora.file_sha256(seeds_file)
    ready = StanceModel.objects.filter(status=StanceModel.Status.READY, config=config)
    for row in ready.order_by("-is_active", "-trained_at"):
        if _is_seed_model(row, digest, config) and registry.artifact_location(row).exists():
            return row, False
    row = train_model(
        seeds_file=seeds_file, config=config, folds=folds, include_analyst_labels=False
    )
    row.provenance["seeds"]["code"] = registry.code_fingerprint()
    row.save(update_fields=["provenance"])
    return row, True
