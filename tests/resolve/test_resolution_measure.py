"""The measurement of resolution on tiny hand-built inputs: the pure scoring of pairs
against an occurrence -> entity mapping, how a name occurrence finds its stored entity, and
the whole measurement on a small store written through ``SQLiteStore.add``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pressgraph.errors import ConfigError
from pressgraph.evaluate.resolution import (
    NamePair,
    NameRow,
    corpus_records,
    fold_name,
    load_pairs,
    measure,
    render_errors,
    render_table,
    resolve_occurrences,
    score,
)
from pressgraph.model import Document, Entity, Extraction, Mention
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import open_store


def pair(a: str, b: str, same: bool, a_docs: str = "d1", b_docs: str = "d2") -> NamePair:
    return NamePair(a, b, same, tuple(a_docs.split()), tuple(b_docs.split()))


def test_pairwise_counts_precision_and_recall() -> None:
    pairs = [
        pair("Acme Corp", "ACME", True),  # same entity: tp
        pair("Acme Corp", "Acme Inc", True, "d1", "d3"),  # two entities: fn
        pair("Acme Corp", "Acme Labs", False, "d1", "d4"),  # merged: fp
        pair("Acme Corp", "Beta", False, "d1", "d5"),  # apart: tn
    ]
    resolved = {
        ("d1", "Acme Corp"): 1,
        ("d2", "ACME"): 1,
        ("d3", "Acme Inc"): 2,
        ("d4", "Acme Labs"): 1,
        ("d5", "Beta"): 3,
    }
    report = score(pairs, resolved)
    assert (report.tp, report.fp, report.fn, report.tn) == (1, 1, 1, 1)
    assert report.precision == 0.5 and report.recall == 0.5 and report.f1 == 0.5
    assert [e["kind"] for e in report.errors] == ["missed merge", "false merge"]
    assert report.errors[1]["a_entities"] == [1] and report.errors[1]["b_entities"] == [1]


def test_a_name_never_stored_or_stored_apart_is_predicted_different() -> None:
    pairs = [
        pair("Acme", "Acme Corp", True),
        pair("Beta", "Beta Inc", True, "d1 d3", "d2"),
        pair("Gamma", "Gamma SA", False, "d1 d3", "d2"),
    ]
    resolved = {
        ("d1", "Acme"): None,
        ("d2", "Acme Corp"): 4,
        ("d1", "Beta"): 5,
        ("d3", "Beta"): 6,  # the same name, another entity in another article
        ("d2", "Beta Inc"): 5,
        ("d1", "Gamma"): 7,
        ("d3", "Gamma"): 8,
        ("d2", "Gamma SA"): 7,
    }
    report = score(pairs, resolved)
    assert (report.tp, report.fp, report.fn, report.tn) == (0, 0, 2, 1)
    assert report.precision == 0.0  # nothing predicted same: 0, as in pressgraph.evaluate
    assert report.unresolved == [{"document": "d1", "name": "Acme"}]
    assert {s["name"] for s in report.scattered} == {"Beta", "Gamma"}
    assert report.occurrences == 8


def test_per_language_figures_follow_the_articles() -> None:
    pairs = [pair("A", "B", True, "en1", "en2"), pair("C", "D", True, "fr1", "fr2")]
    resolved = {("en1", "A"): 1, ("en2", "B"): 1, ("fr1", "C"): 2, ("fr2", "D"): 3}
    languages = {"en1": "en", "en2": "en", "fr1": "fr", "fr2": "fr"}
    report = score(pairs, resolved, languages)
    assert report.per_language["en"]["recall"] == 1.0
    assert report.per_language["fr"]["recall"] == 0.0
    assert report.recall == 0.5
    table = render_table(report)
    assert "en" in table and "fr" in table
    assert "'C' [2] / 'D' [3]" in render_errors(report)


def test_an_occurrence_takes_the_entity_written_exactly_so_then_up_to_case_and_punctuation() -> (
    None
):
    rows = [
        NameRow("d1", "Goldman, Sachs and Co", 1),
        NameRow("d1", "Goldman, Sachs and Co", 1),
        NameRow("d1", "Sachs", 2),
        NameRow("d1", "Goldman Sachs and Co.", 3),
        NameRow("d2", "the Securities and Exchange Commission", 4),
        NameRow("d3", "Acme", 5),
        NameRow("d3", "Acme", 6),
        NameRow("d3", "Acme", 6),
    ]
    occurrences = [
        ("d1", "Goldman, Sachs and Co"),
        ("d1", "Sachs"),
        ("d1", "Goldman Sachs and Co."),  # written exactly so: 3, though 1 folds the same
        ("d1", "Goldman Sachs and Co"),  # folded: the entity with the most rows
        ("d2", "Securities and Exchange Commission"),
        ("d3", "Acme"),  # the entity most rows give
        ("d2", "Sachs"),  # not in that article
    ]
    got = resolve_occurrences(rows, occurrences)
    assert got == {
        ("d1", "Goldman, Sachs and Co"): 1,
        ("d1", "Sachs"): 2,
        ("d1", "Goldman Sachs and Co."): 3,
        ("d1", "Goldman Sachs and Co"): 1,
        ("d2", "Securities and Exchange Commission"): 4,
        ("d3", "Acme"): 6,
        ("d2", "Sachs"): None,
    }


def test_fold_name() -> None:
    assert fold_name("The  Walt-Disney Co.") == "walt disney co"
    assert fold_name("L’Oréal") == "oréal"
    assert fold_name("Merrill Lynch's") == fold_name("Merrill Lynch’") == "merrill lynch"
    assert fold_name("Goldman, Sachs and Co") == fold_name("goldman sachs and co.")


def _extraction(external_id: str, text: str, names: list[tuple[str, str, list[str]]]) -> Extraction:
    """A document whose entities are ``(name, type, aliases)``, each mentioned where its
    name and aliases first occur in ``text``."""
    doc = Document.from_text(text, language="en", external_id=external_id)
    entities, mentions = [], []
    for name, type_, aliases in names:
        entities.append(Entity(name, type_, tuple(aliases)))
        for written in (name, *aliases):
            start = text.index(written)
            mentions.append(Mention(written, start, start + len(written), name, type_))
    return Extraction(doc, "en", tuple(entities), tuple(mentions), ())


def test_measure_reads_what_a_store_resolved() -> None:
    with open_store(":memory:") as store:
        acme = [("Acme Corp", "ORG", ["Acme"]), ("Beta Inc", "ORG", [])]
        store.add(_extraction("a1", "Acme Corp bought Beta Inc. Acme said so.", acme), RESOLUTION)
        upper = [("ACME CORP", "ORG", []), ("Gamma Ltd", "ORG", [])]
        store.add(_extraction("a2", "ACME CORP sold Gamma Ltd.", upper), RESOLUTION)
        pairs = [
            pair("Acme", "ACME CORP", True, "a1", "a2"),  # one key: stored as one entity
            pair("Acme Corp", "Beta Inc", False, "a1", "a1"),
            pair("Beta Inc", "Gamma Ltd", False, "a1", "a2"),
            pair("Acme Corp", "Acme Holdings", True, "a1", "a2"),  # 'Acme Holdings' not there
        ]
        report = measure(store, pairs, {"a1": "en", "a2": "en"})
    assert (report.tp, report.fp, report.fn, report.tn) == (1, 0, 1, 2)
    assert report.unresolved == [{"document": "a2", "name": "Acme Holdings"}]


def test_load_pairs_names_the_bad_line(tmp_path: Path) -> None:
    good = {"a": "A", "b": "B", "same": True, "a_docs": ["d1"], "b_docs": ["d2"], "note": "x"}
    path = tmp_path / "pairs.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "same": "yes"}) + "\n")
    with pytest.raises(ConfigError, match=r"pairs.jsonl:2: 'same' must be true or false"):
        load_pairs(path)
    path.write_text(json.dumps(good) + "\n" + json.dumps({**good, "a": "B", "b": "A",
                    "a_docs": ["d2"], "b_docs": ["d1"]}) + "\n")  # fmt: skip
    with pytest.raises(ConfigError, match="given twice"):
        load_pairs(path)
    path.write_text(json.dumps(good) + "\n")
    assert load_pairs(path) == [NamePair("A", "B", True, ("d1",), ("d2",), "x")]


def test_corpus_records_finds_lines_by_id(tmp_path: Path) -> None:
    (tmp_path / "c.jsonl").write_text(
        json.dumps({"id": "x1", "text": "one"}) + "\n" + json.dumps({"id": "x2", "text": "two"})
    )
    assert [json.loads(line)["text"] for line in corpus_records(tmp_path, ["x2", "x1"])] == [
        "two",
        "one",
    ]
    with pytest.raises(ConfigError, match="articles not found: x3"):
        corpus_records(tmp_path, ["x1", "x3"])


def test_the_command_ingests_the_pairs_articles_and_reports(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from pressgraph.cli import app

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    articles = [
        {"id": "t1", "language": "en", "text": "Acme Corp said it agreed to buy Beta Inc "
         "for 20 mln dlrs. Acme Corp said the deal would close in May."},
        {"id": "t2", "language": "en", "text": "Beta Inc said it agreed to be acquired by "
         "Acme Corp for 20 mln dlrs."},
    ]  # fmt: skip
    (corpus / "c.jsonl").write_text("\n".join(json.dumps(a) for a in articles) + "\n")
    pairs = tmp_path / "pairs.jsonl"
    lines = [
        {"a": "Acme Corp", "b": "Acme Corp", "same": True, "a_docs": ["t1"], "b_docs": ["t2"]},
        {"a": "Acme Corp", "b": "Beta Inc", "same": False, "a_docs": ["t1"], "b_docs": ["t2"]},
    ]
    pairs.write_text("\n".join(json.dumps(line) for line in lines) + "\n")
    result = CliRunner().invoke(
        app, ["evaluate-resolution", str(pairs), "--corpus", str(corpus), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    assert figures["pairs"] == 2 and figures["same"] == 1
    assert set(figures["per_language"]) == {"en"}

    missing = tmp_path / "missing.jsonl"
    missing.write_text(json.dumps({**lines[0], "b_docs": ["t9"]}) + "\n")
    result = CliRunner().invoke(app, ["evaluate-resolution", str(missing), "--corpus", str(corpus)])
    assert result.exit_code == 1
    assert "articles not found: t9" in result.stderr
