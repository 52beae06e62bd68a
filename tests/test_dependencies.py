"""Every third-party module pressgraph imports is a declared dependency of the package (or,
for an optional feature imported only when used, of one of its extras: pyarrow, `export`)."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "pressgraph"


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


#: Extras that only run or check pressgraph: what the package imports is not declared there.
_TOOL_EXTRAS = {"test", "dev"}


def _declared() -> set[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = set()
    requirements = list(project["dependencies"])
    for extra, listed in project.get("optional-dependencies", {}).items():
        if extra not in _TOOL_EXTRAS:
            requirements += listed
    for requirement in requirements:
        match = re.match(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)", requirement)
        assert match, requirement
        names.add(_canonical(match.group(1)))
    return names


def _imported() -> dict[str, list[str]]:
    """Top-level names of absolute imports -> the files importing them."""
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names = [node.module]
            else:
                continue
            for name in names:
                top = name.split(".")[0]
                found.setdefault(top, []).append(str(path.relative_to(ROOT)))
    return found


def test_third_party_imports_are_declared() -> None:
    declared = _declared()
    distributions = packages_distributions()
    missing = []
    for top, files in sorted(_imported().items()):
        if top in sys.stdlib_module_names or top in {"pressgraph", "__future__"}:
            continue
        dists = {_canonical(d) for d in distributions.get(top, [])}
        assert dists, f"{top} (imported by {files[0]}) belongs to no installed distribution"
        if not dists & declared:
            missing.append(f"{top} ({', '.join(sorted(dists))}) imported by {files[0]}")
    assert not missing, "imported but not in [project].dependencies: " + "; ".join(missing)


def test_the_check_sees_known_imports() -> None:
    # The walk finds what the package is known to import, so an empty result cannot pass.
    imported = _imported()
    assert {"spacy", "httpx", "numpy", "httpcore"} <= imported.keys()
