"""A stance classifier for scoring without the database (``manage.py score_stance``).

The active model is used when the database is reachable and migrated and has one; otherwise a
model trained from the seed pairs, cached in the artifact folder under a key made of the seed
file, the config, the scikit-learn version and the feature code, so only the first run trains.
Nothing here writes to the database, and a missing SQLite file is never created.
"""

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import sklearn
from django.db import DatabaseError, connections

from forecasts.models import StanceModel
from forecasts.services.stance import corpora, registry
from forecasts.stance import model as stance_model
from forecasts.stance.model import StanceClassifier

logger = logging.getLogger(__name__)

@dataclass(frozen=True)
class OfflineModel:
    classifier: StanceClassifier
    description: str


def _sqlite_file_missing(connection) -> bool:
    name = str(connection.settings_dict.get("NAME") or "")
    in_memory = name == ":memory:" or name.startswith("file:")
    return connection.vendor == "sqlite" and not in_memory and not Path(name).exists()


def database_ready() -> bool:
    """True when the default database answers and holds the stance model table."""
    connection = connections["default"]
    if _sqlite_file_missing(connection):
        return False
    try:
        return StanceModel._meta.db_table in connection.introspection.table_names()
    except Exception:  # noqa: BLE001 - whatever stops us reading it, we score without it
        return False


def active_model_offline() -> OfflineModel | None:
    """The active model, read-only; None if there is none or it cannot be trusted."""
    if not database_ready():
        return None
    try:
        row = StanceModel.objects.filter(is_active=True).first()
    except DatabaseError:
        return None
    if row is None or not row.artifact_sha256:
        return None
    try:
        classifier = stance_model.load(registry.artifact_location(row), row.artifact_sha256)
    except stance_model.ArtifactError as exc:
        logger.warning(
            "active stance model %s refused (%s): using the seed model", row.version, exc
        )
        return None
    return OfflineModel(classifier, f"active stance model {row.version}")


def _code_digest() -> bytes:
    return registry.code_fingerprint().encode()


def seed_cache_key(seeds_file: Path, config: str) -> str:
    digest = hashlib.sha256(Path(seeds_file).read_bytes())
    for part in (config.encode(), sklearn.__version__.encode(), _code_digest()):
        digest.update(part)
    return digest.hexdigest()[:16]


def _cached(path: Path) -> StanceClassifier | None:
    sidecar = path.with_name(path.name + ".json")
    try:
        expected = json.loads(sidecar.read_text())["sha256"]
        return stance_model.load(path, expected)
    except (OSError, ValueError, KeyError, TypeError, stance_model.ArtifactError) as exc:
        logger.info("seed stance model cache unusable (%s): training", exc)
        return None


def seed_model(seeds_file: Path = corpora.SEED_PAIRS, config: str = "default") -> OfflineModel:
    """The seed-trained model, from the cache or trained now (and cached)."""
    try:
        key = seed_cache_key(seeds_file, config)
    except OSError as exc:
        raise corpora.StanceDataError(f"{seeds_file}: cannot be read ({exc}).") from exc
    version = f"seed-{config}-{key}"
    path = registry.artifact_dir() / f"{version}{registry.ARTIFACT_SUFFIX}"
    classifier = _cached(path)
    if classifier is None:
        pairs = corpora.seed_pairs(seeds_file)
        classifier = stance_model.train(pairs.questions, pairs.claims, pairs.labels, config=config)
        stance_model.save(classifier, path, version)
    return OfflineModel(classifier, f"seed-trained model {version} ({Path(seeds_file).name})")


def offline_model(seeds_file: Path = corpora.SEED_PAIRS) -> OfflineModel:
    return active_model_offline() or seed_model(seeds_file)
