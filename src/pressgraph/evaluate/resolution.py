"""Pairwise precision and recall of the stored entity clustering, against name pairs
labelled by hand (``tests/data/resolution/pairs.jsonl``).

A labelled pair says whether two names, each as written in given corpus articles, name the
same real-world entity. The store answers by the entity it resolved each name to *in those
articles*:

* A name occurrence (a name in one article) is resolved to the stored entity of the
  mentions and document entities of that article written exactly so, else written so up to
  case, punctuation, spacing and a leading article ("the", "le", "la", "les", "l'"); when
  several entities answer, the one with the most such rows (then the lowest id). A name the
  article does not store resolves to nothing.
* A pair is *predicted same* when every occurrence of both names resolves to one and the
  same stored entity. A name never stored, or stored as different entities in different
  articles, makes the pair predicted different: the clustering did not say they are one.
* Precision is the share of predicted-same pairs labelled same; recall is the share of
  same pairs predicted same. A ratio whose denominator is zero is ``0.0``, as in
  :mod:`pressgraph.evaluate`.

:func:`score` and :func:`resolve_occurrences` are pure; :func:`measure` reads a store;
:func:`measure_corpus` ingests the pairs' articles from the corpus into a fresh store with
the normal pipeline, then measures it (what ``pressgraph evaluate-resolution`` runs).
"""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from pressgraph.errors import ConfigError
from pressgraph.terminal import terminal_text

__all__ = [
    "NamePair",
    "NameRow",
    "ResolutionReport",
    "corpus_records",
    "fold_name",
    "load_pairs",
    "measure",
    "measure_corpus",
    "pair_documents",
    "render_errors",
    "render_table",
    "resolve_occurrences",
    "score",
]

#: A name in one article: (article id, name as written).
Occurrence = tuple[str, str]

_APOSTROPHES = str.maketrans({c: "'" for c in "\u2019\u2018\u02bc`\u00b4"})
_NON_WORD = re.compile(r"[^\w']+")
_ARTICLE = re.compile(r"^(?:the|le|la|les)\s+|^l'\s*")
_POSSESSIVE = re.compile(r"'s?$")


@dataclass(frozen=True, slots=True)
class NamePair:
    """Two names as written in corpus articles, and whether they name one entity."""

    a: str
    b: str
    same: bool
    a_docs: tuple[str, ...]
    b_docs: tuple[str, ...]
    note: str = ""

    def occurrences(self) -> list[Occurrence]:
        return [(d, self.a) for d in self.a_docs] + [(d, self.b) for d in self.b_docs]


@dataclass(frozen=True, slots=True)
class NameRow:
    """A name a stored article gives one of its entities (a mention, or a document entity's
    name or alias), with the stored entity it was resolved to."""

    document: str
    text: str
    entity_id: int


def fold_name(text: str) -> str:
    """A name up to case, accents kept, punctuation, spacing, one leading article and a
    final possessive: what two writings of one occurrence may differ by once a recogniser
    has cut it ("the Securities and Exchange Commission" / "Securities and Exchange
    Commission", "Goldman, Sachs and Co." / "Goldman, Sachs and Co", "Merrill Lynch's")."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    text = " ".join(_NON_WORD.sub(" ", text).split())
    return _POSSESSIVE.sub("", _ARTICLE.sub("", text)).strip(" '")


def _load_pair(record: Any, where: str) -> NamePair:
    if not isinstance(record, dict):
        raise ConfigError(f"{where}: a pair must be a JSON object")
    for key in ("a", "b"):
        if not isinstance(record.get(key), str) or not record[key].strip():
            raise ConfigError(f"{where}: {key!r} must be a non-empty string")
        docs = record.get(f"{key}_docs")
        if not isinstance(docs, list) or not docs or not all(isinstance(d, str) for d in docs):
            raise ConfigError(f"{where}: '{key}_docs' must be a non-empty list of article ids")
    if not isinstance(record.get("same"), bool):
        raise ConfigError(f"{where}: 'same' must be true or false")
    return NamePair(
        record["a"],
        record["b"],
        record["same"],
        tuple(record["a_docs"]),
        tuple(record["b_docs"]),
        str(record.get("note") or ""),
    )


def load_pairs(path: Path) -> list[NamePair]:
    """Read labelled pairs (JSON lines ``{a, b, same, a_docs, b_docs, note}``); a malformed
    line or a pair given twice is a :class:`ConfigError` naming the line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read pairs ({exc.strerror or exc})") from exc
    pairs: list[NamePair] = []
    seen: set[frozenset[Occurrence]] = set()
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{path}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"{where}: invalid JSON ({exc.msg})") from exc
        pair = _load_pair(record, where)
        key = frozenset(pair.occurrences())
        if key in seen:
            raise ConfigError(f"{where}: the pair {pair.a!r} / {pair.b!r} is given twice")
        seen.add(key)
        pairs.append(pair)
    if not pairs:
        raise ConfigError(f"{path}: no pairs")
    return pairs


def pair_documents(pairs: Iterable[NamePair]) -> list[str]:
    """Every article id the pairs name, in first-seen order."""
    return list(dict.fromkeys(d for p in pairs for d in (*p.a_docs, *p.b_docs)))


def resolve_occurrences(
    rows: Iterable[NameRow], occurrences: Iterable[Occurrence]
) -> dict[Occurrence, int | None]:
    """The stored entity each name occurrence was resolved to (see the module docstring),
    or None when its article stores no such name."""
    exact: dict[Occurrence, Counter[int]] = {}
    folded: dict[Occurrence, Counter[int]] = {}
    for row in rows:
        exact.setdefault((row.document, row.text), Counter())[row.entity_id] += 1
        folded.setdefault((row.document, fold_name(row.text)), Counter())[row.entity_id] += 1
    out: dict[Occurrence, int | None] = {}
    for doc, name in occurrences:
        votes = exact.get((doc, name)) or folded.get((doc, fold_name(name)))
        if not votes:
            out[(doc, name)] = None
            continue
        out[(doc, name)] = min(votes, key=lambda eid: (-votes[eid], eid))
    return out


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _figures(tp: int, fp: int, fn: int, tn: int) -> dict[str, Any]:
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"pairs": tp + fp + fn + tn, "same": tp + fn, "tp": tp, "fp": fp, "fn": fn, "tn": tn,
            "precision": precision, "recall": recall, "f1": f1}  # fmt: skip


@dataclass(frozen=True)
class ResolutionReport:
    """The result of :func:`score`.

    ``precision``/``recall``/``f1`` over all pairs; ``per_language`` the same figures for
    the pairs whose articles are all in one language (else ``mixed``). ``occurrences``
    counts name occurrences, ``unresolved`` lists those the store has no entity for and
    ``scattered`` the names resolved to different entities in different articles.
    ``errors`` lists the wrong pairs: ``kind`` is ``false merge`` (labelled different,
    stored as one entity) or ``missed merge``, with the entities each occurrence got.
    """

    precision: float
    recall: float
    f1: float
    tp: int
    fp: int
    fn: int
    tn: int
    per_language: dict[str, dict[str, Any]] = field(default_factory=dict)
    occurrences: int = 0
    unresolved: list[dict[str, str]] = field(default_factory=list)
    scattered: list[dict[str, Any]] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            **_figures(self.tp, self.fp, self.fn, self.tn),
            "per_language": self.per_language,
            "occurrences": self.occurrences,
            "unresolved": self.unresolved,
            "scattered": self.scattered,
            "errors": self.errors,
        }


def _language(pair: NamePair, languages: Mapping[str, str]) -> str:
    found = {languages.get(d, "?") for d in (*pair.a_docs, *pair.b_docs)}
    return found.pop() if len(found) == 1 else "mixed"


def score(
    pairs: Sequence[NamePair],
    resolved: Mapping[Occurrence, int | None],
    languages: Mapping[str, str] | None = None,
) -> ResolutionReport:
    """Pairwise precision and recall of ``resolved`` (occurrence -> stored entity, as
    :func:`resolve_occurrences` gives) against the labelled ``pairs``; an occurrence
    missing from ``resolved`` counts as never stored. ``languages`` maps article ids to
    their language, for the per-language figures."""
    langs = languages or {}
    counts: dict[str, Counter[str]] = {}
    total: Counter[str] = Counter()
    errors: list[dict[str, Any]] = []
    for pair in pairs:
        got_a = [resolved.get((d, pair.a)) for d in pair.a_docs]
        got_b = [resolved.get((d, pair.b)) for d in pair.b_docs]
        entities = {*got_a, *got_b}
        predicted = None not in entities and len(entities) == 1
        cell = ("tp" if predicted else "fn") if pair.same else ("fp" if predicted else "tn")
        total[cell] += 1
        counts.setdefault(_language(pair, langs), Counter())[cell] += 1
        if cell in ("fp", "fn"):
            errors.append({
                "kind": "false merge" if cell == "fp" else "missed merge",
                "a": pair.a, "b": pair.b, "a_entities": got_a, "b_entities": got_b,
                "a_docs": list(pair.a_docs), "b_docs": list(pair.b_docs), "note": pair.note,
            })  # fmt: skip
    occurrences = list(dict.fromkeys(o for p in pairs for o in p.occurrences()))
    by_name: dict[str, set[int]] = {}
    for doc, name in occurrences:
        entity = resolved.get((doc, name))
        if entity is not None:
            by_name.setdefault(name, set()).add(entity)
    figures = _figures(total["tp"], total["fp"], total["fn"], total["tn"])
    return ResolutionReport(
        precision=figures["precision"],
        recall=figures["recall"],
        f1=figures["f1"],
        tp=total["tp"],
        fp=total["fp"],
        fn=total["fn"],
        tn=total["tn"],
        per_language={
            lang: _figures(c["tp"], c["fp"], c["fn"], c["tn"]) for lang, c in sorted(counts.items())
        },
        occurrences=len(occurrences),
        unresolved=[
            {"document": d, "name": n} for d, n in occurrences if resolved.get((d, n)) is None
        ],
        scattered=[
            {"name": n, "entities": sorted(ids)} for n, ids in by_name.items() if len(ids) > 1
        ],
        errors=errors,
    )


class NameSource(Protocol):
    """What :func:`measure` reads: a store's names per document
    (:meth:`pressgraph.store.SQLiteStore.names_in_documents`)."""

    def names_in_documents(self, external_ids: Sequence[str]) -> list[dict[str, Any]]: ...


def measure(
    store: NameSource, pairs: Sequence[NamePair], languages: Mapping[str, str] | None = None
) -> ResolutionReport:
    """Score the clustering of the entities ``store`` holds for the pairs' articles."""
    rows = [
        NameRow(str(r["document"]), str(r["text"]), int(r["entity_id"]))
        for r in store.names_in_documents(pair_documents(pairs))
    ]
    occurrences = [o for p in pairs for o in p.occurrences()]
    return score(pairs, resolve_occurrences(rows, occurrences), languages)


def corpus_records(folder: Path, ids: Iterable[str]) -> list[str]:
    """The JSON lines of the corpus (``*.jsonl`` in ``folder``) whose ``id`` is one of
    ``ids``, in the order of ``ids``; an id found nowhere is a :class:`ConfigError`."""
    wanted = list(dict.fromkeys(ids))
    wanted_set = set(wanted)
    found: dict[str, str] = {}
    files = sorted(folder.glob("*.jsonl"))
    if not files:
        raise ConfigError(f"{folder}: no corpus (*.jsonl) there")
    for path in files:
        with path.open(encoding="utf-8") as lines:
            for lineno, line in enumerate(lines, start=1):
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise ConfigError(f"{path}:{lineno}: invalid JSON ({exc.msg})") from exc
                if isinstance(record, dict) and record.get("id") in wanted_set:
                    found.setdefault(str(record["id"]), line.rstrip("\n"))
    missing = [i for i in wanted if i not in found]
    if missing:
        raise ConfigError(f"{folder}: articles not found: {', '.join(missing[:10])}")
    return [found[i] for i in wanted]


def measure_corpus(
    pairs: Sequence[NamePair],
    corpus: Path,
    *,
    workers: int = 1,
    db: Path | None = None,
    progress: Callable[[str, str], None] | None = None,
) -> tuple[ResolutionReport, list[str]]:
    """Ingest the pairs' articles from ``corpus`` into a fresh store (``db``, else a
    temporary file) with :func:`pressgraph.pipeline.run`, in the order they are first
    named, and measure it. Returns the report and the inputs the run rejected."""
    from pressgraph import pipeline
    from pressgraph.store import open_store

    lines = corpus_records(corpus, pair_documents(pairs))
    languages = {r["id"]: str(r.get("language") or "?") for r in map(json.loads, lines)}
    with tempfile.TemporaryDirectory(prefix="pressgraph-resolution-") as tmp:
        articles = Path(tmp) / "articles.jsonl"
        articles.write_text("\n".join(lines) + "\n", encoding="utf-8")
        path = db or Path(tmp) / "resolution.db"
        with open_store(path) as store:
            run = pipeline.run([articles], store, workers=workers, progress=progress)
            return measure(store, pairs, languages), run.rejected


def render_table(report: ResolutionReport) -> str:
    """The figures as text: overall, then per language, then what the store lacks."""
    head = f"{'':<8} {'pairs':>6} {'same':>5} {'tp':>5} {'fp':>4} {'fn':>4} {'tn':>5}"
    lines = ["Entity resolution (pairwise)", head + "  precision  recall     F1"]
    rows = [("all", report.to_json()), *report.per_language.items()]
    for label, f in rows:
        lines.append(
            f"{label:<8} {f['pairs']:>6} {f['same']:>5} {f['tp']:>5} {f['fp']:>4} {f['fn']:>4}"
            f" {f['tn']:>5}  {f['precision']:>9.3f}  {f['recall']:>6.3f}  {f['f1']:>5.3f}"
        )
    lines.append(
        f"name occurrences: {report.occurrences}, never stored: {len(report.unresolved)}, "
        f"names stored as several entities: {len(report.scattered)}"
    )
    return "\n".join(lines)


def render_errors(report: ResolutionReport) -> str:
    """Every wrong pair, one a line: kind, the two names with their entities, the note."""

    def side(name: str, entities: Sequence[int | None]) -> str:
        ids = ",".join("-" if e is None else str(e) for e in entities)
        return f"{name!r} [{ids}]"

    lines = [f"Wrong pairs ({len(report.errors)}; entity ids per article, '-' not stored)"]
    for e in report.errors:
        lines.append(
            f"  {e['kind']:<12} {side(e['a'], e['a_entities'])} / {side(e['b'], e['b_entities'])}"
            + (f"  ({e['note']})" if e["note"] else "")
        )
    # Names come from articles, notes from the pairs file: each line stays one line.
    return "\n".join(terminal_text(line) for line in lines)
