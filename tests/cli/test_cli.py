"""The command line end to end, in a real subprocess-free CliRunner on real files."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pressgraph.cli import app, sample_paths

runner = CliRunner()

GOOD_FR = (
    "Renault et Nissan : une alliance en question\n\n"
    "Selon Les Echos, Renault envisagerait de céder une partie de sa participation dans Nissan."
)


def _counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {
            t: con.execute(f"select count(*) from {t}").fetchone()[0]
            for t in ("documents", "entities", "claims", "mentions", "claim_sources")
        }
    finally:
        con.close()


def test_ingest_bad_inputs_report_and_continue(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_FR, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "latin.txt").write_bytes(
        "Accord conclu à Québec\n\nLe groupe a signé.".encode("cp1252")
    )
    (tmp_path / "bad.jsonl").write_text(
        json.dumps(
            {"id": "a", "text": "Orange rachète la start-up Sensity pour 50 millions d'euros."}
        )
        + "\n{not json\n",
        encoding="utf-8",
    )
    db = tmp_path / "g.db"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 1
    out = result.output
    assert "empty.txt" in out and "binary" in out
    assert "bad.jsonl:2" in out
    assert "Traceback" not in out
    counts = _counts(db)
    assert counts["documents"] == 3  # good.txt, latin.txt, line 1 of bad.jsonl
    # Re-running the same ingest changes nothing.
    again = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert again.exit_code == 1
    assert _counts(db) == counts


def test_ingest_good_inputs_exit_zero(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("# " + GOOD_FR, encoding="utf-8")
    db = tmp_path / "g.db"
    result = runner.invoke(app, ["ingest", str(tmp_path / "good.md"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    facts = runner.invoke(app, ["facts", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in facts.stdout.splitlines()]
    kinds = {(r["type"], r["subject"], r["object"], r["modality"]) for r in rows}
    assert ("divestment", "Renault", "Nissan", "hedged") in kinds
    hedged = next(r for r in rows if r["type"] == "divestment" and r["modality"] == "hedged")
    assert [s["name"] for s in hedged["sources"]] == ["Les Echos"]


def test_ingest_with_two_workers(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD_FR, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = tmp_path / "g.db"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--workers", "2"])
    assert result.exit_code == 1 and "empty.txt" in result.output
    assert _counts(db)["documents"] == 1 and _counts(db)["claims"] >= 1
    bad = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db), "--workers", "0"])
    assert bad.exit_code == 2


def test_extract_jsonl_on_gold_file(tmp_path: Path) -> None:
    sample = next(p for p in sample_paths() if p.name.endswith(".fr.txt"))
    gold = tmp_path / "one.json"
    gold.write_text(
        json.dumps({"id": "x1", "language": "fr", "text": sample.read_text(encoding="utf-8")}),
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(gold), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    line = json.loads(result.stdout.strip().splitlines()[0])
    assert line["id"] == "x1"
    types = {f["type"] for f in line["facts"]}
    assert {"investment", "valuation", "leadership", "founder", "ipo"} <= types
    for fact in line["facts"]:
        assert set(fact) >= {"type", "subject", "modality", "sources", "evidence"}


def test_demo_then_report_json(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = runner.invoke(app, ["demo", "--db", str(db), "--format", "md"])
    assert result.exit_code == 0, result.output
    assert "Microsoft" in result.stdout and "evidence" in result.stdout
    report = runner.invoke(
        app, ["report", "OpenAI", "--with", "Microsoft", "--format", "json", "--db", str(db)]
    )
    assert report.exit_code == 0, report.output
    data = json.loads(report.stdout)
    assert data["entity"] == "OpenAI" and data["with"] == "Microsoft"
    # The French and the English sample both report the $1bn and the $13bn.
    amounts = sorted({f["amount"] for f in data["facts"] if f["type"] == "investment"})
    assert amounts == [1e9, 13e9]
    # demo twice: nothing added.
    before = _counts(db)
    assert runner.invoke(app, ["demo", "--db", str(db)]).exit_code == 0
    assert _counts(db) == before


def test_unknown_entity_is_one_line_error(tmp_path: Path) -> None:
    db = tmp_path / "e.db"
    runner.invoke(app, ["demo", "--db", str(db)])
    result = runner.invoke(app, ["report", "Nobody Corp", "--db", str(db)])
    assert result.exit_code == 1
    assert "no entity named" in result.output and "Traceback" not in result.output


# Every command is documented: tests/cli/test_consistency.py.


def test_english_and_french_articles_in_one_run(tmp_path: Path) -> None:
    """The language is detected per article; each gets its own pipeline and lexicon."""
    (tmp_path / "en.txt").write_text(
        "Boeing Co said it agreed to acquire Hughes Aircraft Co for 300 mln dlrs, "
        "a company spokesman said on Monday.\n",
        encoding="utf-8",
    )
    (tmp_path / "fr.txt").write_text(
        "Le groupe Safran a racheté la société Zodiac Aerospace pour 9 milliards d'euros.\n",
        encoding="utf-8",
    )
    db = tmp_path / "g.db"
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(db)])
    assert result.exit_code == 0, result.output
    facts = runner.invoke(app, ["facts", "--db", str(db), "--format", "jsonl"])
    rows = [json.loads(line) for line in facts.stdout.splitlines() if line.strip()]
    got = {(r["type"], r["subject"], r["object"]) for r in rows}
    assert ("acquisition", "Boeing Co", "Hughes Aircraft Co") in got
    assert ("acquisition", "Safran", "Zodiac Aerospace") in got
    english = next(r for r in rows if r["subject"] == "Boeing Co")
    assert english["amount"] == 300_000_000 and english["currency"] == "USD"
    assert english["modality"] == "planned"


GOLD = Path(__file__).parents[1] / "data" / "gold"


def test_train_writes_a_scorer_that_extraction_can_use(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    out = tmp_path / "scorer.json"
    result = runner.invoke(app, ["train", str(GOLD), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "trained on 8 articles" in result.output
    model = json.loads(out.read_text(encoding="utf-8"))
    assert model["format"] == "pressgraph-scorer/1" and model["weights"]
    from pressgraph.extract import scorer

    monkeypatch.setenv("PRESSGRAPH_MODEL", str(out))
    assert scorer.default_model().threshold == model["threshold"]
    result = runner.invoke(app, ["evaluate", str(GOLD), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["tp"] > 0


def test_evaluate_cross_validates(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "--cv", "2", str(GOLD), "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["cross_validation"]["k"] == 2
    assert report["tp"] + report["fn"] == 28  # every gold fact is counted once
    assert set(report["cross_validation"]["candidate_recall"]) == {"all", "en", "fr"}
    table = CliRunner().invoke(app, ["evaluate", "--cv", "2", str(GOLD)])
    assert "Candidate recall (2-fold cross-validation, seed 0)" in table.stdout


def test_evaluate_refuses_a_bad_fold_count_and_a_missing_folder(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["evaluate", "--cv", "20", str(GOLD)])
    assert result.exit_code == 1 and "20 folds need at least 20 articles" in result.output
    result = CliRunner().invoke(app, ["train", str(tmp_path / "nowhere")])
    assert result.exit_code == 1 and "no such file or folder" in result.output
    assert "Traceback" not in result.output
