"""Pure packages stay pure: no Django, DRF or Celery import anywhere inside them."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PURE = ["forecasts/scoring", "forecasts/extraction", "forecasts/stance/features.py",
        "forecasts/stance/hedges.py", "forecasts/stance/model.py"]
FORBIDDEN = ("django", "rest_framework", "celery", "forecasts.models", "forecasts.services")


def python_files(relative: str) -> list[Path]:
    path = ROOT / relative
    return sorted(path.rglob("*.py")) if path.is_dir() else [path]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    names |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}
    return names


PURE_FILES = [path for relative in PURE for path in python_files(relative) if path.exists()]


@pytest.mark.parametrize("path", PURE_FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_pure_module_imports_no_framework(path):
    offending = {name for name in imported_modules(path) if name.startswith(FORBIDDEN)}
    assert offending == set()
