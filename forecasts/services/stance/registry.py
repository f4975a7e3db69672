"""Stance artifacts on disk and the one active model.

An artifact is unpickled only after its sha256 matches the StanceModel row; a loaded classifier is
kept per process (keyed by version and checksum) so a worker reads the file once.
"""

import hashlib
import logging
from functools import cache
from pathlib import Path

import sklearn
from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from forecasts.models import StanceModel
from forecasts.services.errors import ServiceError
from forecasts.stance import model as stance_model
from forecasts.stance.model import StanceClassifier

logger = logging.getLogger(__name__)
ARTIFACT_SUFFIX = ".joblib"
_loaded: dict[tuple[str, str], StanceClassifier] = {}


class StanceModelUnavailable(ServiceError):
    """There is no active stance model, or its artifact cannot be trusted or read."""


@cache
def code_fingerprint() -> str:
    """Digest of the stance feature/model code, the phrase scale and scikit-learn's version.

    A pickled model only fits the code that trained it: any change here must retrain, never reuse.
    """
    package = Path(stance_model.__file__).parent
    digest = hashlib.sha256(sklearn.__version__.encode())
    for path in sorted(package.glob("*.py")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    scale = Path(settings.BASE_DIR) / "seeds" / "probability_scale.csv"
    if scale.exists():
        digest.update(scale.read_bytes())
    return digest.hexdigest()


def artifact_dir() -> Path:
    return Path(settings.STANCE_ARTIFACT_DIR)


def artifact_file(version: str) -> Path:
    return artifact_dir() / f"{version}{ARTIFACT_SUFFIX}"


def stored_path(path: Path) -> str:
    """Inside the artifact folder the row keeps the file name, so the folder can move."""
    path = Path(path)
    return path.name if path.parent.resolve() == artifact_dir().resolve() else str(path)


def artifact_location(row: StanceModel) -> Path:
    path = Path(row.artifact_path)
    return path if path.is_absolute() else artifact_dir() / path


def load_classifier(row: StanceModel) -> StanceClassifier:
    """The row's classifier, verified against its checksum; failures are recorded on the row."""
    key = (row.version, row.artifact_sha256)
    if key in _loaded:
        return _loaded[key]
    if row.status != StanceModel.Status.READY or not row.artifact_path:
        raise StanceModelUnavailable(
            f"Stance model {row.version} is {row.status}: it has no artifact."
        )
    try:
        classifier = stance_model.load(artifact_location(row), row.artifact_sha256)
    except stance_model.ArtifactError as exc:
        _record_error(row, f"artifact refused: {exc}")
        raise StanceModelUnavailable(f"Stance model {row.version} cannot be used: {exc}") from exc
    _loaded.clear()
    _loaded[key] = classifier
    return classifier


def _record_error(row: StanceModel, message: str) -> None:
    logger.error("stance model %s: %s", row.version, message)
    StanceModel.objects.filter(pk=row.pk).update(error=message[:2000])


def forget_loaded() -> None:
    _loaded.clear()


def active_model() -> StanceModel | None:
    return StanceModel.objects.filter(is_active=True).first()


def active_classifier() -> tuple[StanceModel, StanceClassifier]:
    row = active_model()
    if row is None:
        raise StanceModelUnavailable(
            "No active stance model: train one and activate it "
            "(manage.py train_stance --activate, or 'Activate model' in the admin)."
        )
    return row, load_classifier(row)


def activate(
    model: StanceModel, *, by: AbstractBaseUser | None = None, rescore: bool = True
) -> StanceModel:
    """Make ``model`` the only active one (its artifact must load); then re-score open questions."""
    load_classifier(model)
    with transaction.atomic():
        locked = StanceModel.objects.select_for_update().get(pk=model.pk)
        if locked.status != StanceModel.Status.READY:
            raise StanceModelUnavailable(
                f"Stance model {locked.version} is {locked.status}, not ready."
            )
        StanceModel.objects.filter(is_active=True).exclude(pk=locked.pk).update(is_active=False)
        StanceModel.objects.filter(pk=locked.pk).update(is_active=True, error="")
        if rescore:
            _rescore_after_commit()
    logger.info("stance model %s activated by %s", locked.version, by or "system")
    locked.refresh_from_db()
    return locked


def _rescore_after_commit() -> None:
    # Imported here: the tasks module imports these services.
    from forecasts.services.queue import enqueue_on_commit
    from forecasts.tasks.stance import rescore_open_questions

    enqueue_on_commit(rescore_open_questions)
