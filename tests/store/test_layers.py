"""The store decides nothing: no module of ``pressgraph.store`` imports the resolution
stage (``pressgraph.resolve``) or the name keys it computes (``pressgraph.names``); it
reads and writes what the stage decided. Checked on the source (ast), imports inside
functions and under ``TYPE_CHECKING`` included."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import pressgraph.store
from pressgraph import query
from pressgraph.store import Store, WriteIndex, open_store
from pressgraph.store.index import SQLIndex

STORE = Path(pressgraph.store.__file__).parent
#: What the store may import from pressgraph: itself, the data model, the errors.
ALLOWED = ("pressgraph.store", "pressgraph.model", "pressgraph.errors")


def _package(path: Path) -> str:
    return ".".join(path.relative_to(STORE.parent.parent).with_suffix("").parts[:-1])


def _imports(source: str, package: str) -> list[str]:
    """The modules ``source`` (a module of ``package``) imports, at any depth."""
    found: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level else ""
            found.append(".".join(filter(None, [base, node.module])))
    return found


@pytest.mark.parametrize(
    "path", sorted(STORE.rglob("*.py")), ids=lambda p: str(p.relative_to(STORE))
)
def test_the_store_imports_no_decision(path: Path) -> None:
    found = [
        name
        for name in _imports(path.read_text(encoding="utf-8"), _package(path))
        if name.split(".")[0] == "pressgraph"
        and not any(name == a or name.startswith(a + ".") for a in ALLOWED)
    ]
    assert found == [], f"store/{path.relative_to(STORE)} imports {found}"


def test_the_check_reads_relative_and_nested_imports() -> None:
    assert _package(STORE / "migrations" / "m001_initial.py") == "pressgraph.store.migrations"
    source = "def f():\n    from ..resolve import stage\n    import pressgraph.names\n"
    assert _imports(source, "pressgraph.store") == ["pressgraph.resolve", "pressgraph.names"]


def test_the_sqlite_store_is_a_store(tmp_path: Path) -> None:
    with open_store(tmp_path / "p.db") as store:
        assert isinstance(store, Store)
        checked: Store = store
        index: WriteIndex = SQLIndex(store._conn)
        assert checked.entities() == [] and index.entity_by_key("x") is None
        assert query.find_entity(checked, "Acme") is None
