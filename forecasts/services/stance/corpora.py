"""Labelled (question, claim, label) pairs from the files the stance model learns from.

The seed set ships with the project; FNC-1 and IBM Claim Stance are optional corpora read where
they lie (``../shared/datasets``), never copied. A missing or malformed file raises
StanceDataError naming the file and what is wrong with it.
"""

import csv
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from forecasts.services.errors import ServiceError

SEED_PAIRS = Path(settings.BASE_DIR) / "seeds" / "stance" / "pairs.csv"
FNC_LABELS = {
    "agree": "agree",
    "disagree": "disagree",
    "discuss": "neutral",
    "unrelated": "unrelated",
}
IBM_LABELS = {"PRO": "agree", "CON": "disagree"}
STANCE_LABELS = ("agree", "disagree", "neutral", "unrelated")
# FNC-1 bodies are whole articles; the csv module's default 128 KB field cap is too small.
csv.field_size_limit(16 * 1024 * 1024)


class StanceDataError(ServiceError):
    """A training file is missing, unreadable or lacks the columns it needs."""


@dataclass(frozen=True)
class LabelledPairs:
    source: str
    questions: tuple[str, ...]
    claims: tuple[str, ...]
    labels: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.labels)


def combine(parts: Iterable[LabelledPairs]) -> LabelledPairs:
    parts = [part for part in parts if len(part)]
    return LabelledPairs(
        source="+".join(part.source for part in parts),
        questions=tuple(q for part in parts for q in part.questions),
        claims=tuple(c for part in parts for c in part.claims),
        labels=tuple(y for part in parts for y in part.labels),
    )


def file_sha256(path: Path) -> str:
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()
    except OSError as exc:
        raise StanceDataError(f"{path}: cannot be read ({exc.strerror or exc}).") from exc


def read_rows(path: Path, required: Iterable[str]) -> list[dict[str, str]]:
    """Rows of a UTF-8 CSV that has at least the ``required`` columns."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = sorted(set(required) - set(reader.fieldnames or ()))
            if missing:
                raise StanceDataError(f"{path}: missing column(s) {', '.join(missing)}.")
            return list(reader)
    except FileNotFoundError as exc:
        raise StanceDataError(f"{path}: no such file.") from exc
    except UnicodeDecodeError as exc:
        raise StanceDataError(f"{path}: not UTF-8 text (byte {exc.start}).") from exc
    except (OSError, csv.Error) as exc:
        raise StanceDataError(f"{path}: cannot be read as CSV ({exc}).") from exc


def seed_pairs(path: Path = SEED_PAIRS) -> LabelledPairs:
    rows = read_rows(path, ("question", "claim", "label"))
    labels = [row["label"].strip().lower() for row in rows]
    unknown = sorted(set(labels) - set(STANCE_LABELS))
    if unknown:
        raise StanceDataError(f"{path}: unknown label(s) {', '.join(unknown)}.")
    return LabelledPairs(
        "seeds", tuple(r["question"] for r in rows), tuple(r["claim"] for r in rows), tuple(labels)
    )


def fnc1_pairs(folder: Path, split: str = "train") -> LabelledPairs:
    """FNC-1: headline = question, article body = claim, discuss -> neutral."""
    folder = Path(folder)
    if not folder.is_dir():
        raise StanceDataError(f"{folder}: not a directory (expected the FNC-1 folder).")
    bodies_rows = read_rows(folder / f"{split}_bodies.csv", ("Body ID", "articleBody"))
    bodies = {row["Body ID"]: row["articleBody"] for row in bodies_rows}
    rows = read_rows(folder / f"{split}_stances.csv", ("Headline", "Body ID", "Stance"))
    unknown = sorted({r["Body ID"] for r in rows} - set(bodies))[:3]
    if unknown:
        raise StanceDataError(
            f"{folder}: stances refer to unknown body id(s) {', '.join(unknown)}."
        )
    return LabelledPairs(
        "fnc1",
        tuple(r["Headline"] for r in rows),
        tuple(bodies[r["Body ID"]] for r in rows),
        tuple(_fnc_label(folder, r["Stance"]) for r in rows),
    )


def _fnc_label(folder: Path, stance: str) -> str:
    label = FNC_LABELS.get(stance.strip().lower())
    if label is None:
        raise StanceDataError(f"{folder}: unknown FNC-1 stance {stance!r}.")
    return label


def ibm_pairs(path: Path, split: str = "train") -> LabelledPairs:
    """IBM Claim Stance: topic = question, claim = claim, PRO -> agree, CON -> disagree."""
    rows = read_rows(path, ("split", "topicText", "claims.stance", "claims.claimCorrectedText"))
    rows = [r for r in rows if r["split"] == split and r["claims.stance"] in IBM_LABELS]
    return LabelledPairs(
        "ibm",
        tuple(r["topicText"] for r in rows),
        tuple(r["claims.claimCorrectedText"] for r in rows),
        tuple(IBM_LABELS[r["claims.stance"]] for r in rows),
    )
