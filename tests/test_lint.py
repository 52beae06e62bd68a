"""Lint is part of the test suite: ``ruff check``, ``ruff format --check`` and ``mypy`` (the
``make lint`` target) must report nothing, so CI, which runs the README's test command,
runs them too."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

COMMANDS = {
    "ruff check": ["ruff", "check", "src", "tests"],
    "ruff format": ["ruff", "format", "--check", "src", "tests"],
    "mypy": ["mypy"],  # files and options from pyproject.toml
}


@pytest.mark.parametrize("name", list(COMMANDS))
def test_lint_reports_nothing(name: str) -> None:
    result = subprocess.run(
        [sys.executable, "-m", *COMMANDS[name]],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"{name} reports:\n{result.stdout}{result.stderr}"
