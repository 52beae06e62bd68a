"""The house keeps its rules (issue 12): one exception tree in ``errors.py``, caught once by
the command line; crashed extractions reported as such; ``--help`` and ``--version`` that
load no heavy library; ``import pressgraph`` still giving the public API."""

from __future__ import annotations

import ast
import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

import pressgraph
from pressgraph import errors
from pressgraph.cli import app
from pressgraph.isolation import rejection

SRC = Path(pressgraph.__file__).resolve().parent
runner = CliRunner()


def _classes() -> list[tuple[Path, ast.ClassDef]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        found += [(path, node) for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    return found


def _base_names(node: ast.ClassDef) -> set[str]:
    return {ast.unparse(base).rsplit(".", 1)[-1] for base in node.bases}


ERROR_NAMES = {name for name in dir(errors) if isinstance(getattr(errors, name), type)}


def test_every_error_class_lives_in_errors_py() -> None:
    """A public class deriving from an exception is defined in errors.py (private ones, such
    as a control-flow signal inside one module, may stay where they are used)."""
    strays = []
    for path, node in _classes():
        if path.name == "errors.py" and path.parent == SRC or node.name.startswith("_"):
            continue
        bases = _base_names(node)
        if bases & ERROR_NAMES or any(b.endswith(("Error", "Exception")) for b in bases):
            strays.append(f"{path.relative_to(SRC)}: {node.name}")
    assert strays == []


def test_error_tree() -> None:
    for name in ("ConfigError", "IngestError", "StoreError", "NotFound", "SearchError"):
        assert issubclass(getattr(errors, name), errors.PressgraphError)
    assert issubclass(errors.ExtractionError, errors.IngestError)
    from pressgraph import query
    from pressgraph.store import search

    assert query.SearchError is search.SearchError is errors.SearchError


def test_the_command_line_catches_pressgraph_errors_in_one_place() -> None:
    """No command module catches PressgraphError to print it: ``app.py`` does, once."""
    catching = []
    for path in sorted((SRC / "cli").glob("*.py")):
        if path.name == "app.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            handler = isinstance(node, ast.ExceptHandler) and node.type is not None
            if handler and "PressgraphError" in ast.unparse(node.type):  # type: ignore[attr-defined]
                catching.append(f"{path.name}:{node.lineno}")
    assert catching == []


def test_an_error_is_one_line_and_debug_shows_the_traceback(tmp_path: Path) -> None:
    db = tmp_path / "nowhere" / "g.db"  # no such folder: the store cannot be opened
    one_line = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert one_line.exit_code == 1, one_line.output
    assert one_line.output.startswith("error: ") and one_line.output.count("\n") == 1
    assert "cannot open database" in one_line.output
    debug = runner.invoke(app, ["--debug", "ingest", str(tmp_path), "--db", str(db)])
    assert debug.exit_code == 1 and isinstance(debug.exception, errors.StoreError)
    assert "error: " not in debug.output


def test_a_gold_set_too_small_for_its_folds_is_one_line(tmp_path: Path) -> None:
    gold = tmp_path / "gold.json"
    article = '{"id": "a", "language": "en", "text": "Nothing here.", "facts": []}'
    gold.write_text(f"[{article}]", encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--cv", "3", str(gold)])
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert (
        result.output.startswith("error: ") and "3 folds need at least 3 articles" in result.output
    )


def test_a_crashed_extraction_is_an_extraction_error() -> None:
    crash = rejection("a.txt", RuntimeError("boom"), "extraction")
    assert type(crash) is errors.ExtractionError
    assert str(crash) == "a.txt: extraction failed (RuntimeError: boom)" and crash.details
    parse = rejection("a.txt", ValueError("E088"), "parsing")
    assert type(parse) is errors.ExtractionError
    read = rejection("a.txt", ValueError("bad"), "reading")
    assert type(read) is errors.IngestError
    again = pickle.loads(pickle.dumps(crash))  # crosses a process pool as what it is
    assert type(again) is errors.ExtractionError and again.details == crash.details
    assert (again.source, again.reason) == (crash.source, crash.reason)


def test_a_crashed_extraction_is_reported_by_the_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pressgraph import pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("extractor crashed")

    monkeypatch.setattr(pipeline, "extract_parsed", broken)
    (tmp_path / "a.en.txt").write_text("Boeing Co said it bought Hughes.\n", encoding="utf-8")
    found = list(pipeline.extract_paths([str(tmp_path / "a.en.txt")]))
    assert len(found) == 1 and type(found[0]) is errors.ExtractionError
    assert "extraction failed (RuntimeError: extractor crashed)" in str(found[0])


HEAVY = (
    "spacy",
    "httpx",
    "httpcore",
    "trafilatura",
    "numpy",
    "sklearn",
    "warcio",
    "lxml",
    "psycopg",
    "ray",
    "fastapi",
    "uvicorn",
    "pyarrow",
    "py3langid",
)


def _loaded_after(code: str) -> list[str]:
    """The heavy modules loaded by ``code`` in a fresh interpreter."""
    probe = f"{code}\nimport sys\nprint(' '.join(m for m in {HEAVY!r} if m in sys.modules))\n"
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC.parent), os.environ.get("PYTHONPATH", "")]),
    }
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_help_and_version_load_no_heavy_library() -> None:
    code = (
        "import pressgraph.cli\n"
        "from typer.testing import CliRunner\n"
        "runner = CliRunner()\n"
        "for args in (['--help'], ['--version'], ['ingest', '--help'], ['report', '--help'],\n"
        "             ['evaluate', '--help'], ['bench', '--help']):\n"
        "    result = runner.invoke(pressgraph.cli.app, args)\n"
        "    assert result.exit_code == 0, result.output\n"
        "assert 'Usage' in runner.invoke(pressgraph.cli.app, ['--help']).output\n"
    )
    assert _loaded_after(code) == []


def test_import_pressgraph_loads_no_heavy_library_and_gives_the_api() -> None:
    assert _loaded_after("import pressgraph") == []
    loaded = _loaded_after(
        "import pressgraph\n"
        "from pressgraph import Claim, Document, Extraction, PressgraphError\n"
        "from pressgraph import extract, open_store, run\n"
        "assert callable(run) and callable(extract) and callable(open_store)\n"
        "assert pressgraph.Document is Document\n"
        "assert set(pressgraph.__all__) <= set(dir(pressgraph))\n"
    )
    assert "spacy" in loaded  # the API itself is what it was


def test_unknown_attribute_of_the_package() -> None:
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        pressgraph.nothing  # noqa: B018
