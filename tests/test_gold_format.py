"""Gold files are checked against the format of ``shared/eval/README.md``: what breaks it is
named (file, article, fact index), one line each, and never scored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from pressgraph.cli import app
from pressgraph.evaluate import fact_problems, load_gold, read_gold, score

GOOD = {"type": "investment", "subject": "Microsoft", "object": "OpenAI", "modality": "asserted"}
TEXT = "Microsoft investit 1 milliard de dollars dans OpenAI."


def gold_file(folder: Path, name: str, facts: list[Any], **fields: Any) -> Path:
    path = folder / f"{name}.json"
    article = {"id": name, "language": "fr", "text": TEXT, "entities": [], "facts": facts}
    path.write_text(json.dumps({**article, **fields}), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("fact", "reason"),
    [
        ({"type": "investment", "object": "OpenAI"}, "no subject"),
        ({"type": "investment", "subject": " ", "object": "OpenAI"}, "no subject"),
        ({"type": "investment", "subject": "Microsoft"}, "no object"),
        ({"type": "merger", "subject": "Microsoft", "object": "OpenAI"}, "unknown fact type"),
        ({"subject": "Microsoft", "object": "OpenAI"}, "unknown fact type None"),
        ({"type": "valuation", "subject": "OpenAI", "object": "Microsoft"}, "has none"),
        ({**GOOD, "amount": "1bn"}, "amount '1bn' is not a number"),
        ({**GOOD, "amount": True}, "amount True is not a number"),
        ({**GOOD, "percent": "49"}, "percent '49' is not a number"),
        ({**GOOD, "currency": "dollars"}, "currency 'dollars'"),
        ({**GOOD, "date": "2019/01"}, "date '2019/01'"),
        ({**GOOD, "until": 2030}, "until 2030"),
        ({**GOOD, "modality": "rumoured"}, "modality 'rumoured'"),
        ({**GOOD, "sources": "Les Echos"}, "sources must be a list"),
        ("investment", "a fact must be an object"),
    ],
)
def test_fact_problems(fact: Any, reason: str) -> None:
    found = fact_problems(fact)
    assert len(found) == 1 and reason in found[0], found


def test_valid_facts_have_no_problem() -> None:
    assert fact_problems(GOOD) == []
    assert fact_problems({"type": "valuation", "subject": "OpenAI", "amount": 2.6e11}) == []
    dated = {**GOOD, "amount": 1e9, "currency": "USD", "date": "2019-07-22", "sources": []}
    assert fact_problems(dated) == []
    # An attribute its type does not read (a dated leadership) is still a valid fact.
    assert (
        fact_problems({"type": "leadership", "subject": "Z", "object": "X", "date": "2020"}) == []
    )


def test_invalid_facts_are_named_and_not_scored(tmp_path: Path) -> None:
    no_subject = {"type": "investment", "object": "OpenAI"}
    unknown = {"type": "merger", "subject": "Microsoft", "object": "OpenAI"}
    path = gold_file(tmp_path, "fr-a", [GOOD, no_subject, unknown])
    gold = read_gold(tmp_path)
    assert [str(p) for p in gold.problems] == [
        f"{path}: article 'fr-a' facts[1]: no subject",
        f"{path}: article 'fr-a' facts[2]: unknown fact type 'merger'",
    ]
    (article,) = gold.articles
    assert article["facts"] == [GOOD]
    assert load_gold(tmp_path) == gold.articles
    # Predicting the invalid facts earns nothing, missing them costs nothing.
    report = score(gold.articles, {"fr-a": [GOOD]})
    assert (report.tp, report.fp, report.fn) == (1, 0, 0)


def test_unknown_language_leaves_the_article_out(tmp_path: Path) -> None:
    path = gold_file(tmp_path, "de-a", [GOOD], language="de")
    gold_file(tmp_path, "xx-b", [GOOD], language=None)
    gold_file(tmp_path, "en-c", [GOOD], language=None)
    gold = read_gold(tmp_path)
    assert [a["id"] for a in gold.articles] == ["en-c"]
    assert [str(p) for p in gold.problems] == [
        f"{path}: article 'de-a': language 'de' is not one of fr, en",
        f"{tmp_path / 'xx-b.json'}: article 'xx-b': language 'unknown' is not one of fr, en",
    ]


def test_every_shared_gold_file_is_valid(shared_eval: Path) -> None:
    files = sorted(shared_eval.glob("*/*.json"))
    assert len(files) >= 77
    for folder in ("dev", "train"):
        gold = read_gold(shared_eval / folder)
        assert [str(p) for p in gold.problems] == []
        raw = [
            json.loads(f.read_text(encoding="utf-8"))
            for f in sorted((shared_eval / folder).glob("*.json"))
        ]
        assert gold.articles == raw


def test_cli_evaluate_names_each_invalid_fact(tmp_path: Path) -> None:
    path = gold_file(tmp_path, "fr-a", [GOOD, {"type": "investment", "object": "OpenAI"}])
    result = CliRunner().invoke(app, ["evaluate", str(path), "--format", "json"])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if line.startswith("rejected:")]
    assert len(lines) == 1 and "facts[1]: no subject" in lines[0] and "fr-a" in lines[0]
    assert "Traceback" not in result.output
    report = json.loads(result.stdout)
    assert report["tp"] + report["fn"] == 1  # the invalid fact is not scored
