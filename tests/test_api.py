"""The public API is small and explicit."""

import os
import subprocess
import sys
from pathlib import Path

import pressgraph

_SRC = Path(__file__).resolve().parents[1] / "src"


def test_public_api_is_pinned() -> None:
    assert sorted(pressgraph.__all__) == sorted(
        ["Claim", "Document", "Extraction", "PressgraphError", "extract", "open_store", "run"]
    )


def test_import_loads_no_model() -> None:
    # In a fresh interpreter: other tests of this session may have loaded a model already.
    code = (
        "import pressgraph, pressgraph.cli\n"
        "from pressgraph import nlp\n"
        "assert callable(nlp.load)\n"
        "print(nlp.load.cache_info().currsize)\n"
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(_SRC), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "0"
