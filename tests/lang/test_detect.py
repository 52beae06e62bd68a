"""Language detection (issue 12): an article in a language pressgraph does not read is
rejected with one line naming it and the language found; a good article never is, however
short; a language the input gives is kept.

The German, Spanish and Italian paragraphs were written for these tests (press style, about
a fictional deal); the French and English ones too. The corpus test reads every article of
``../shared/corpus`` and ``../shared/eval``.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pressgraph import pipeline
from pressgraph.extract import detect_language
from pressgraph.lang.detect import MIN_LETTERS, declared, detect, document_language
from pressgraph.model import Document, Extraction
from pressgraph.pipeline import extract_batch
from pressgraph.store import open_store

GERMAN = (
    "Der Münchner Technologiekonzern Siemens hat am Dienstag angekündigt, seine Beteiligung "
    "an dem Windturbinenhersteller Siemens Gamesa für rund vier Milliarden Euro aufzustocken. "
    "Nach Angaben des Unternehmens soll die Übernahme bis zum Jahresende abgeschlossen sein. "
    "Die Aktie stieg daraufhin um drei Prozent."
)
SPANISH = (
    "La compañía española Telefónica anunció el martes la venta de su filial de torres de "
    "telecomunicaciones a la estadounidense American Tower por unos 7.700 millones de euros. "
    "Según fuentes cercanas a la operación, el acuerdo se cerrará antes de fin de año si lo "
    "aprueban los reguladores."
)
ITALIAN = (
    "Il gruppo bancario Intesa Sanpaolo ha annunciato oggi l'acquisizione di una quota del "
    "venti per cento della società assicurativa, per un valore di circa due miliardi di euro, "
    "secondo quanto riferito dal quotidiano economico."
)
FRENCH = (
    "Le groupe Renault a annoncé mardi la cession de sa participation dans le constructeur "
    "Nissan pour environ deux milliards d'euros, selon un communiqué publié après la clôture "
    "de la Bourse de Paris."
)
ENGLISH = (
    "Computer Terminal Systems Inc said it has completed the sale of 200,000 shares of its "
    "common stock to Sedio N.V. of Lugano, Switzerland, for 50,000 dlrs, the company said."
)
#: A Reuters-21578 results table (``en-reuters21578-19369`` of ``../shared/corpus``).
FIGURES = (
    "RALEIGH, N.C., June 19 - April 30 end\n\nShr 12 cts vs eight cts\n\nNet 316,655 vs "
    "148,567\n\nSales 2,011,195 vs 1,422,719\n\nAvg shrs 2,738,864 vs 1,881,296\n\nYear\n\n"
    "Shr 43 cts vs 49 cts\n\nNet 1,006,356 vs 918,290\n\nSales 7,059,446 vs 5,441,408\n\n"
    "Avg shrs 2,329,329 vs 1,881,296"
)


@pytest.mark.parametrize(
    ("text", "language"),
    [(GERMAN, "de"), (SPANISH, "es"), (ITALIAN, "it"), (FRENCH, "fr"), (ENGLISH, "en")],
    ids=["de", "es", "it", "fr", "en"],
)
def test_paragraphs_are_detected(text: str, language: str) -> None:
    found = detect(text)
    assert (found.language, found.how) == (language, "detected")
    assert found.supported == (language in ("fr", "en"))
    assert found.probability is not None and found.probability > 0.9
    assert detect_language(text) == language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("COMPUTER TERMINAL SYSTEMS <CPML> COMPLETES SALE", "en"),  # a Reuters title alone
        ("France : attaque à Valence (Drôme)", "fr"),  # a Wikinews title alone
        ("Siemens kauft Gamesa für vier Milliarden Euro.", None),  # German, too short to tell
        (FIGURES, None),  # no language (the model's "zxx")
        ("2024", "fr"),  # no letter: the first language on a tie of function words
        ("", "fr"),
    ],
    ids=["en-title", "fr-title", "de-short", "figures", "digits", "empty"],
)
def test_short_or_languageless_texts_are_never_refused(text: str, language: str | None) -> None:
    found = detect(text)
    assert found.supported and found.how == "closest"
    if language is not None:
        assert found.language == language


def test_a_few_letters_under_the_minimum_read_as_the_closest_language() -> None:
    short = GERMAN[: GERMAN.index("Windturbinen")]  # fewer than MIN_LETTERS letters
    assert sum(c.isalpha() for c in short) < MIN_LETTERS
    assert detect(short).how == "closest"
    assert detect(short + GERMAN[len(short) :]).language == "de"


@pytest.mark.parametrize(
    ("code", "language"),
    [("fr", "fr"), ("fr-FR", "fr"), ("EN_gb", "en"), (" en ", "en"), ("de", None), ("", None)],
)
def test_declared_languages(code: str, language: str | None) -> None:
    assert declared(code) == language


def test_a_given_language_is_kept() -> None:
    assert str(document_language("en", FRENCH)) == "language 'en' (declared)"
    assert document_language("fr-CA", ENGLISH).language == "fr"
    # a language pressgraph does not read: the text tells
    assert document_language("de", FRENCH).language == "fr"
    assert document_language("es", SPANISH).language == "es"


def test_unsupported_articles_are_rejected_one_line_each(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in [("de.txt", GERMAN), ("en.txt", ENGLISH), ("es.txt", SPANISH)]:
        (folder / name).write_text(f"Title\n\n{text}\n", encoding="utf-8")
    lines = [
        {"text": FRENCH, "language": "fr-FR"},
        {"text": ITALIAN, "language": "it"},  # declared and detected: rejected
        {"text": FRENCH.replace("Renault", "Peugeot"), "language": "en"},  # declared: kept
        {"text": "Siemens kauft Gamesa."},  # too short to tell: read, never rejected
    ]
    dump = folder / "dump.jsonl"
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    with open_store(tmp_path / "db.sqlite") as store:
        report = pipeline.run([folder], store)
    assert sorted(report.rejected) == [
        f"{folder / 'de.txt'}: language 'de' (detected, probability 1.00), "
        "not one pressgraph reads (fr, en)",
        f"{dump}:2: language 'it' (detected, probability 1.00), not one pressgraph reads (fr, en)",
        f"{folder / 'es.txt'}: language 'es' (detected, probability 0.99), "
        "not one pressgraph reads (fr, en)",
    ]
    stored = [str(folder / "en.txt"), f"{dump}:1", f"{dump}:3", f"{dump}:4"]
    assert sorted(_sources(tmp_path / "db.sqlite")) == sorted(stored)


def _sources(db: Path) -> list[str]:
    con = sqlite3.connect(db)
    try:
        return [row[0] for row in con.execute("SELECT source FROM documents")]
    finally:
        con.close()


def test_the_language_read_in() -> None:
    docs = [
        Document.from_text(FRENCH, language="fr-FR", source="fr-FR"),
        Document.from_text(FRENCH + " ", language="en", source="declared"),  # kept
        Document.from_text("Siemens kauft Gamesa.", source="short"),  # too short to refuse
        Document.from_text(ENGLISH, language="de", source="mislabelled"),  # the text tells
    ]
    read = {r.document.source: r.language for r in extract_batch(docs) if isinstance(r, Extraction)}
    assert read == {"fr-FR": "fr", "declared": "en", "short": read["short"], "mislabelled": "en"}


def test_every_article_of_the_corpus_and_the_gold_sets(
    shared_corpus: Path, shared_eval: Path
) -> None:
    """Every article (3,268 + 77) is detected in its language from its text, and none, nor
    its title alone, is refused."""
    articles = [
        json.loads(line)
        for path in sorted(shared_corpus.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    articles += [
        json.loads(path.read_text(encoding="utf-8"))
        for path in sorted(shared_eval.glob("*/*.json"))
    ]
    assert len(articles) >= 3268 + 77
    found = {a["id"]: detect(a["text"]) for a in articles}
    wrong = [
        (a["id"], str(found[a["id"]])) for a in articles if found[a["id"]].language != a["language"]
    ]
    assert wrong == []
    refused = [
        (a["id"], str(title))
        for a in articles
        if a.get("title") and not (title := detect(a["title"])).supported
    ]
    assert refused == []
