"""The pipeline with a process pool stores exactly what the single-process pipeline stores."""

from __future__ import annotations

import json
import pickle
import sqlite3
from pathlib import Path

import pytest
from spacy.language import Language

from pressgraph.errors import ConfigError, IngestError
from pressgraph.model import Document
from pressgraph.pipeline import extract_documents, run
from pressgraph.store import open_store

ARTICLES = [
    "Selon Les Echos, Renault envisagerait de céder une partie de sa participation dans Nissan.",
    "Orange rachète la start-up Sensity pour 50 millions d'euros.",
    "Microsoft a investi 13 milliards de dollars dans OpenAI.",
    "Sanofi et Regeneron ont signé un partenariat en 2017.",
    "Le groupe Bolloré détient 27 % de Vivendi.",
]


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = sqlite3.connect(db)
    try:
        queries = {
            "documents": "select id, source from documents order by rowid",
            "entities": "select id, key, name, type from entities order by id",
            "claims": "select id, type, subject_id, object_id from claims order by id",
        }
        return {table: con.execute(sql).fetchall() for table, sql in queries.items()}
    finally:
        con.close()


@pytest.mark.usefixtures("fr_nlp")  # loaded in the parent: forked workers inherit it
def test_workers_store_the_same_as_one_process(tmp_path: Path) -> None:
    records = [{"id": str(i), "language": "fr", "text": t} for i, t in enumerate(ARTICLES)]
    lines = [json.dumps(r) for r in records]
    source = tmp_path / "articles.jsonl"
    source.write_text("\n".join(lines + ["{broken"]) + "\n", encoding="utf-8")
    dumps = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        with open_store(db) as store:
            report = run([source], store, workers=workers)
        assert len(report.stored) == len(ARTICLES) and report.claims > 0
        assert len(report.rejected) == 1
        assert report.rejected[0].startswith(f"{source}:{len(ARTICLES) + 1}: invalid JSON")
        dumps.append(_dump(db))
    assert dumps[0] == dumps[1]


def test_small_batches_over_a_pool_keep_input_order(fr_nlp: Language) -> None:
    docs = [Document.from_text(t, language="fr") for t in ARTICLES]
    got = list(extract_documents(docs, batch_size=1, workers=2))
    assert [getattr(x, "document", None) for x in got] == docs


def test_workers_must_be_positive() -> None:
    with pytest.raises(ConfigError):
        list(extract_documents([], workers=0))


def test_ingest_error_survives_pickling() -> None:
    error = pickle.loads(pickle.dumps(IngestError("a.txt", "empty file")))
    assert (error.source, error.reason, str(error)) == ("a.txt", "empty file", "a.txt: empty file")
