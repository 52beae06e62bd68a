"""A missing evaluation folder is a failure, not a silent skip (issue 12): the tests that
read ``../shared/eval`` or ``../shared/corpus`` fail naming it, unless
``PRESSGRAPH_ALLOW_MISSING_SHARED=1`` says to skip them."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
#: One test of each fixture, cheap once the folder is found.
NEEDS_EVAL = "tests/test_evaluate.py::test_dev_gold_scored_against_itself"
NEEDS_CORPUS = "tests/lang/test_detect.py::test_every_article_of_the_corpus_and_the_gold_sets"


def _pytest(**env: str) -> subprocess.CompletedProcess[str]:
    """Run one test of each fixture in a fresh pytest, with ``env`` (and no other
    ``PRESSGRAPH_`` variable)."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("PRESSGRAPH_")}
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", NEEDS_EVAL, NEEDS_CORPUS],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_a_missing_folder_fails_naming_it(tmp_path: Path) -> None:
    folders = {
        "PRESSGRAPH_EVAL_DIR": tmp_path / "no-eval",
        "PRESSGRAPH_CORPUS_DIR": tmp_path / "no-corpus",
    }
    env = {variable: str(folder) for variable, folder in folders.items()}
    failed = _pytest(**env)
    assert failed.returncode == 1, failed.stdout
    for folder in folders.values():
        assert f"{folder} not found or incomplete" in failed.stdout
    assert "PRESSGRAPH_ALLOW_MISSING_SHARED=1" in failed.stdout
    assert "2 errors" in failed.stdout and "skipped" not in failed.stdout


def test_the_opt_out_skips_them(tmp_path: Path) -> None:
    env = {"PRESSGRAPH_EVAL_DIR": str(tmp_path), "PRESSGRAPH_CORPUS_DIR": str(tmp_path)}
    skipped = _pytest(**env, PRESSGRAPH_ALLOW_MISSING_SHARED="1")
    assert skipped.returncode == 0, skipped.stdout
    assert "2 skipped" in skipped.stdout
