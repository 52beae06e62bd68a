"""One command line: option values checked before a command runs (exit status 2), the same
format names everywhere, ``--version``, help without Python type names, read commands that
never create a database, and the formats of facts and report (issue 13)."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import pressgraph
from pressgraph.cli import app
from pressgraph.model import FACT_TYPES, Claim, Document, Entity, Extraction, Mention
from pressgraph.report import escape_md
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import open_store
from pressgraph.terminal import terminal_text

runner = CliRunner(env={"COLUMNS": "300"})  # a usage error's panel does not wrap
ROOT = Path(__file__).resolve().parents[2]

#: Every command with a ``--format``: what it accepts, and the arguments it requires.
FORMATS = {
    "ingest": None,
    "extract": (["jsonl", "table"], []),
    "entities": (["table", "json"], []),
    "facts": (["table", "json", "jsonl"], []),
    "report": (["md", "json", "term"], ["OpenAI"]),
    "timeline": (["table", "json"], ["OpenAI"]),
    "search": (["table", "json"], ["OpenAI"]),
    "demo": (["term", "md", "json"], []),
    "evaluate": (["table", "json"], ["gold"]),
    "bench": (["table", "json"], []),
    "evaluate-resolution": (["table", "json"], []),
}
#: The format names of the command line: one name for one format, everywhere.
FORMAT_NAMES = {"table", "json", "jsonl", "md", "term"}


def _commands() -> dict[str, typer.core.TyperCommand]:
    group = typer.main.get_command(app)
    assert isinstance(group, typer.core.TyperGroup)
    return dict(group.commands)


def test_every_format_option_is_known_here() -> None:
    with_format = {
        name
        for name, command in _commands().items()
        if any("--format" in getattr(p, "opts", ()) for p in command.params)
    }
    mine = {name for name, spec in FORMATS.items() if spec}
    assert mine <= with_format


@pytest.mark.parametrize("command", [name for name, spec in FORMATS.items() if spec])
def test_an_unknown_format_is_a_usage_error_listing_the_formats(command: str) -> None:
    allowed, required = FORMATS[command]  # type: ignore[misc]
    assert set(allowed) <= FORMAT_NAMES
    result = runner.invoke(app, [command, *required, "--format", "xml"])
    assert result.exit_code == 2, result.output
    assert "'xml' is not one of" in result.output and "Traceback" not in result.output
    for name in allowed:
        assert f"'{name}'" in result.output, result.output


def test_extract_format_json_is_refused_not_a_table() -> None:
    """The example of the issue: ``extract --format json`` printed a table."""
    result = runner.invoke(app, ["extract", "x.txt", "--format", "json"])
    assert result.exit_code == 2 and "'json' is not one of 'jsonl', 'table'" in result.output


def test_an_unknown_fact_type_is_a_usage_error_listing_the_types(tmp_path: Path) -> None:
    result = runner.invoke(app, ["facts", "--type", "merger", "--db", str(tmp_path / "g.db")])
    assert result.exit_code == 2
    assert "'merger' is not one of" in result.output
    assert all(t in result.output for t in ("acquisition", "investment"))
    assert not (tmp_path / "g.db").exists()


@pytest.mark.parametrize("value", ["2024-13", "yesterday", "24-01-01"])
def test_a_bad_as_of_date_is_a_usage_error(value: str) -> None:
    result = runner.invoke(app, ["report", "OpenAI", "--as-of", value])
    assert result.exit_code == 2 and "YYYY, YYYY-MM or YYYY-MM-DD" in result.output


def test_cross_validation_with_one_fold_is_a_usage_error() -> None:
    result = runner.invoke(app, ["evaluate", "--cv", "1", "gold"])
    assert result.exit_code == 2 and "at least 2 folds" in result.output


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert result.stdout == f"pressgraph {pressgraph.__version__}\n"
    assert pressgraph.__version__ == project["version"]


#: What a Python type looks like in a help text: ``<str>``, ``<list[Path]>``, ``Path | None``,
#: ``<str,str>``, ``<bool>``, an enum's class name.
PYTHON_TYPES = re.compile(
    r"<(str|int|float|bool|path|list\[|tuple|dict|Path)|list\[|tuple\[|\| None|\bNoneType\b"
    r"|\b(str|int|bool|float)\b|Literal\[|Enum\b|\{[a-z_]+\}"
)


@pytest.mark.parametrize("command", [None, *sorted(_commands())])
def test_help_shows_no_python_type_names(command: str | None) -> None:
    args = [command, "--help"] if command else ["--help"]
    result = runner.invoke(app, args, env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    found = PYTHON_TYPES.findall(result.output)
    assert not found, (found, result.output)


READS = [
    ["entities"],
    ["entities", "--show", "OpenAI"],
    ["entities", "--corrections"],
    ["entities", "--merge", "OpenAI", "Open AI"],
    ["facts"],
    ["facts", "--format", "jsonl"],
    ["report", "OpenAI"],
    ["report", "OpenAI", "--format", "json"],
    ["timeline", "OpenAI"],
    ["search", "OpenAI"],
]


@pytest.mark.parametrize("args", READS, ids=lambda a: " ".join(a))
def test_a_read_of_a_missing_database_says_so_and_creates_nothing(
    tmp_path: Path, args: list[str]
) -> None:
    db = tmp_path / "missing.db"
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 1
    assert result.output.startswith("error: ") and result.output.count("\n") == 1
    assert f"{db}: no database there" in result.output
    assert not db.exists() and list(tmp_path.iterdir()) == []


def test_the_default_database_is_not_created_either(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("PRESSGRAPH_DB", raising=False)
    result = runner.invoke(app, ["facts"])
    assert result.exit_code == 1 and "pressgraph.db: no database there" in result.output
    result = runner.invoke(app, ["facts"], env={"PRESSGRAPH_DB": str(tmp_path / "env.db")})
    assert result.exit_code == 1 and "env.db: no database there" in result.output
    assert list(tmp_path.iterdir()) == []


TEXT = "Renault a racheté Ampere pour 1 milliard d'euros, selon Les Echos."


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with one fact, written without spaCy: date, outlet and title known."""
    doc = Document.from_text(
        TEXT, title="Renault rachète Ampere", language="fr", published="2024-05-02", outlet="AFP"
    )
    claim = Claim(
        document=doc.id,
        type="acquisition",
        subject="Renault",
        object="Ampere",
        modality="asserted",
        evidence=TEXT,
        evidence_start=0,
        evidence_end=len(TEXT),
    )
    mentions = tuple(
        Mention(name, TEXT.index(name), TEXT.index(name) + len(name), name, "ORG")
        for name in ("Renault", "Ampere")
    )
    entities = (Entity("Renault", "ORG"), Entity("Ampere", "ORG"))
    path = tmp_path / "g.db"
    with open_store(path) as store:
        store.add(Extraction(doc, "fr", entities, mentions, (claim,)), RESOLUTION)
    return path


def test_facts_show_date_outlet_and_document(db: Path) -> None:
    result = runner.invoke(app, ["facts", "--db", str(db)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    header = next(line for line in result.output.splitlines() if "fact" in line)
    for column in ("date", "outlet", "document"):
        assert column in header
    assert "2024-05-02" in result.output and "AFP" in result.output
    assert "Renault rachète Ampere" in result.output


def test_facts_json_and_jsonl_hold_the_same_rows(db: Path) -> None:
    as_json = json.loads(runner.invoke(app, ["facts", "--format", "json", "--db", str(db)]).stdout)
    lines = runner.invoke(app, ["facts", "--format", "jsonl", "--db", str(db)]).stdout
    assert as_json == [json.loads(line) for line in lines.splitlines()]
    assert as_json[0]["published"] == "2024-05-02" and as_json[0]["outlet"] == "AFP"
    assert as_json[0]["document"] and as_json[0]["title"] == "Renault rachète Ampere"


@pytest.mark.parametrize("fact_type", ["acquisition", "investment"])
def test_facts_type_filter(db: Path, fact_type: str) -> None:
    assert fact_type in FACT_TYPES
    result = runner.invoke(app, ["facts", "--type", fact_type, "--format", "json", "--db", str(db)])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)) == (1 if fact_type == "acquisition" else 0)


def test_report_is_markdown_when_piped(db: Path) -> None:
    result = runner.invoke(app, ["report", "Renault", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Renault\n")
    # Escaped only where Markdown needs it: "->", dates, "d'euros", a final "." read as written.
    assert "- **acquisition Renault -> Ampere** — *asserted*" in result.stdout
    assert "reported 2024-05-02;" in result.stdout and "1 milliard d'euros" in result.stdout
    assert "selon Les Echos.”" in result.stdout and "\\" not in result.stdout


def test_report_is_rendered_on_a_terminal(db: Path) -> None:
    # TTY_COMPATIBLE=1: rich's documented switch for "this output is a terminal".
    result = runner.invoke(
        app, ["report", "Renault", "--db", str(db)], env={"TTY_COMPATIBLE": "1", "COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert not result.stdout.startswith("# ") and "## Current facts" not in result.stdout
    assert "Renault" in result.stdout and "Current facts" in result.stdout
    forced = runner.invoke(app, ["report", "Renault", "--format", "md", "--db", str(db)],
                           env={"TTY_COMPATIBLE": "1"})  # fmt: skip
    assert forced.stdout.startswith("# Renault\n")


def test_every_command_is_documented() -> None:
    """Every registered command has its section in docs/cli.md (STYLE: docs are tested)."""
    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in _commands():
        assert f"`pressgraph {name}" in doc, name


ESCAPES = [
    json.loads(line)
    for line in (ROOT / "tests" / "data" / "markdown_escapes.jsonl").read_text("utf-8").splitlines()
]


@pytest.mark.parametrize("case", ESCAPES, ids=[c["why"] + ": " + c["text"] for c in ESCAPES])
def test_markdown_is_escaped_only_where_markdown_needs_it(case: dict[str, str]) -> None:
    assert escape_md(case["text"]) == case["markdown"]


@pytest.mark.parametrize("case", ESCAPES, ids=[c["text"] for c in ESCAPES])
@pytest.mark.parametrize("line", ["{}", "- {}", "# {}", "- 2024 · {}: title"])
def test_escaped_text_reads_back_as_plain_text(case: dict[str, str], line: str) -> None:
    """Wherever a report puts it (a line, a list item, a heading), escaped text is one text
    for a Markdown reader (markdown-it, as rich renders it): no link, image, HTML, emphasis,
    code, list or quote comes out of it, and it reads as the text was written."""
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("strikethrough")
    tokens = parser.parse(line.format(escape_md(case["text"])))
    blocks = [t.type for t in tokens if t.type != "inline"]
    assert blocks in (
        ["paragraph_open", "paragraph_close"],
        ["bullet_list_open", "list_item_open", "paragraph_open", "paragraph_close",
         "list_item_close", "bullet_list_close"],
        ["heading_open", "heading_close"],
    ), blocks  # fmt: skip
    children = [c for t in tokens if t.type == "inline" for c in t.children or []]
    assert {c.type for c in children} <= {"text"}, children
    shown = "".join(c.content for c in children)
    assert terminal_text(case["text"], prose=True) in shown


def test_readme_says_which_python_and_shows_the_virtual_environment() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme[readme.index("## Set-up") : readme.index("## A tour")]
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    version = project["requires-python"].removeprefix(">=")
    assert f"Python {version} or newer" in setup
    # the virtual environment first, then the two commands, unchanged
    venv = setup.index(f"python{version} -m venv .venv && . .venv/bin/activate")
    demo = setup.index("    pip install . && pressgraph demo\n")
    assert venv < demo < setup.index("    pip install '.[test]' && python -m pytest -q\n")


@pytest.mark.parametrize(
    ("typer_label", "shown"),
    [
        ("<str>", "TEXT"),
        ("<int range>", "INTEGER"),
        ("<list[Path]>", "PATH..."),
        ("<str,str>...", "TEXT TEXT..."),
        ("<table|json>", "<table|json>"),
        ("FILE", "FILE"),
        (None, None),
    ],
)
def test_a_parameter_without_metavar_shows_a_value_name(
    typer_label: str | None, shown: str | None
) -> None:
    """So a command added without metavars still shows no Python type in its help."""
    from pressgraph.cli.app import _value_name

    assert _value_name(typer_label) == shown
