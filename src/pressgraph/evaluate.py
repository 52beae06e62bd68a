"""Score predicted deal facts against hand-labelled gold articles.

Implements the scoring rules of ``eval/README.md``:

* Per article, predicted facts are matched one-to-one to gold facts. The matching is a
  maximum bipartite matching (the number of matched pairs is as large as possible); among
  matchings of that size, the one with the most pairs whose ``modality`` and ``sources`` also
  agree is chosen, so modality and sources accuracy are well defined. Both are solved at once
  as one maximum-weight assignment (Hungarian algorithm) with weights
  ``BIG + [modality agrees] + [sources agree]`` on compatible pairs, ``BIG`` exceeding any
  possible sum of agreement bonuses.
* A gold fact and a predicted fact are compatible (see :func:`facts_match`) when they have
  the same ``type``; ``subject`` and ``object`` name the same entities (names compared case-,
  accent-, apostrophe- and surrounding-punctuation-insensitively after mapping the article's
  aliases to entity names, for gold and predicted names alike; ``partnership`` and
  ``negotiation`` match in either order); and where the gold fact has ``amount`` the
  predicted amount is within 2 % of it with the same currency, where it has ``percent`` the
  predicted one is within 0.5 points, and where it has ``date`` or ``until`` the predicted
  value has the same year. Attributes the gold fact leaves out (or sets to null) are not
  checked; neither is the object when the gold fact has none.
* Precision, recall and F1 are micro-averaged over all articles and also broken down per
  type, per language and per article. ``modality_accuracy`` and ``sources_accuracy`` are
  computed on matched pairs only; they do not change F1.

Every ratio whose denominator is zero is reported as ``0.0``.

The module is pure: nothing is printed, nothing global is mutated. :func:`render_table` and
:func:`render_errors` return text for the CLI to print.
"""

from __future__ import annotations

import copy
import json
import math
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pressgraph.errors import IngestError
from pressgraph.model import FACT_TYPES, SYMMETRIC_TYPES

#: Relative tolerance on ``amount`` (2 %, relative to the gold amount).
AMOUNT_TOLERANCE: float = 0.02
#: Absolute tolerance on ``percent`` (in percentage points).
PERCENT_TOLERANCE: float = 0.5
#: Display order of fact types (README order); unknown types follow, alphabetically.
TYPE_ORDER: tuple[str, ...] = FACT_TYPES

_EPS = 1e-9
_APOSTROPHES = re.compile("[\u2019\u2018\u02bc\u201b\u0060\u00b4\u2032]")
_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2212]")
_ERROR_KINDS: tuple[str, ...] = ("missed", "spurious", "modality", "sources")


# --------------------------------------------------------------------------- loading


def load_gold(path: str | Path) -> list[dict[str, Any]]:
    """Load gold articles from a folder of ``.json`` files (sorted by name) or from one file.

    A file holds one article object or a JSON list of article objects. Each article must be
    an object with an ``id`` and a ``facts`` list. Raises :class:`IngestError` when the path
    does not exist, a folder holds no ``.json`` file, or a file is not valid gold JSON.
    """
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.glob("*.json") if f.is_file())
        if not files:
            raise IngestError(str(p), "no .json gold file in this folder")
    elif p.is_file():
        files = [p]
    else:
        raise IngestError(str(p), "no such file or folder")
    articles: list[dict[str, Any]] = []
    for f in files:
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise IngestError(str(f), f"cannot read gold JSON: {exc}") from exc
        items = data if isinstance(data, list) else [data]
        for item in items:
            if not isinstance(item, dict) or "id" not in item:
                raise IngestError(str(f), "a gold article must be an object with an 'id'")
            if not isinstance(item.get("facts", []), list):
                raise IngestError(str(f), "'facts' must be a list")
            articles.append(item)
    return articles


# --------------------------------------------------------------------------- normalisation


def normalize_name(name: object) -> str:
    """Comparison key of a name: accents removed, casefolded, ``’``/``'`` and dashes unified,
    inner whitespace collapsed, surrounding whitespace and punctuation stripped.

    ``None`` gives ``""``.
    """
    if name is None:
        return ""
    text = unicodedata.normalize("NFKD", str(name))
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _APOSTROPHES.sub("'", text)
    text = _DASHES.sub("-", text)
    text = " ".join(text.casefold().split())
    start, end = 0, len(text)
    while start < end and _is_edge_junk(text[start]):
        start += 1
    while end > start and _is_edge_junk(text[end - 1]):
        end -= 1
    return text[start:end]


def _is_edge_junk(char: str) -> bool:
    return char.isspace() or unicodedata.category(char).startswith("P")


def alias_map(article: Mapping[str, Any]) -> dict[str, str]:
    """Map the normalised name and every normalised alias of each entity of ``article`` to
    the entity's normalised name.

    An entity's own name wins over another entity's identical alias; between two aliases the
    first entity listed wins.
    """
    mapping: dict[str, str] = {}
    entities = [e for e in article.get("entities") or [] if isinstance(e, Mapping)]
    for ent in entities:
        key = normalize_name(ent.get("name"))
        if key:
            mapping[key] = key
    for ent in entities:
        key = normalize_name(ent.get("name"))
        if not key:
            continue
        for alias in ent.get("aliases") or []:
            akey = normalize_name(alias)
            if akey:
                mapping.setdefault(akey, key)
    return mapping


def canonical_name(name: object, aliases: Mapping[str, str]) -> str | None:
    """The entity key ``name`` refers to: its normalised form, mapped through ``aliases``.

    ``None`` or a blank name gives ``None`` (absent).
    """
    key = normalize_name(name)
    if not key:
        return None
    return aliases.get(key, key)


def source_set(fact: Mapping[str, Any], aliases: Mapping[str, str]) -> frozenset[str]:
    """The fact's ``sources`` as a set of entity keys (alias-mapped, normalised)."""
    raw = fact.get("sources") or []
    if isinstance(raw, str):
        raw = [raw]
    keys = (canonical_name(s, aliases) for s in raw)
    return frozenset(k for k in keys if k)


def _norm_type(value: object) -> str:
    return str(value).strip().lower() if value is not None else ""


def _norm_modality(value: object) -> str | None:
    return str(value).strip().lower() if value is not None else None


def _number(value: object) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        number = float(value)
    else:
        try:
            number = float(str(value).strip().replace(",", "."))
        except ValueError:
            return None
    return number if math.isfinite(number) else None


def _year(value: object) -> str:
    return str(value).strip()[:4]


# --------------------------------------------------------------------------- matching


def facts_match(
    gold: Mapping[str, Any], pred: Mapping[str, Any], aliases: Mapping[str, str]
) -> bool:
    """Whether ``pred`` may be matched to ``gold`` (the README rules; see module docstring).

    ``aliases`` is the article's :func:`alias_map`.
    """
    ftype = _norm_type(gold.get("type"))
    if not ftype or ftype != _norm_type(pred.get("type")):
        return False
    if not _parties_match(ftype, gold, pred, aliases):
        return False
    return _attributes_match(gold, pred)


def _parties_match(
    ftype: str, gold: Mapping[str, Any], pred: Mapping[str, Any], aliases: Mapping[str, str]
) -> bool:
    gs = canonical_name(gold.get("subject"), aliases)
    go = canonical_name(gold.get("object"), aliases)
    ps = canonical_name(pred.get("subject"), aliases)
    po = canonical_name(pred.get("object"), aliases)

    def same(g: str | None, p: str | None) -> bool:
        # A gold party left out is not checked (types with no object).
        return g is None or g == p

    if same(gs, ps) and same(go, po):
        return True
    return ftype in SYMMETRIC_TYPES and same(gs, po) and same(go, ps)


def _attributes_match(gold: Mapping[str, Any], pred: Mapping[str, Any]) -> bool:
    if gold.get("amount") is not None:
        g_amount = _number(gold.get("amount"))
        p_amount = _number(pred.get("amount"))
        if g_amount is None or p_amount is None:
            return False
        if abs(p_amount - g_amount) > AMOUNT_TOLERANCE * abs(g_amount) * (1 + _EPS) + _EPS:
            return False
        g_cur = gold.get("currency")
        if g_cur is not None:
            p_cur = pred.get("currency")
            if p_cur is None or str(p_cur).strip().upper() != str(g_cur).strip().upper():
                return False
    if gold.get("percent") is not None:
        g_pct = _number(gold.get("percent"))
        p_pct = _number(pred.get("percent"))
        if g_pct is None or p_pct is None or abs(p_pct - g_pct) > PERCENT_TOLERANCE + _EPS:
            return False
    for key in ("date", "until"):
        g_value, p_value = gold.get(key), pred.get(key)
        if g_value is not None and (p_value is None or _year(p_value) != _year(g_value)):
            return False
    return True


def _assignment(weights: Sequence[Sequence[int]]) -> list[int]:
    """Maximum-weight assignment (Hungarian algorithm, O(n^2 m)) on an n x m matrix, n <= m.

    Returns, for each row, its column. Every row gets a column; pairs of weight 0 are to be
    read as unmatched by the caller.
    """
    n = len(weights)
    m = len(weights[0]) if n else 0
    inf = 1 << 62
    u = [0] * (n + 1)
    v = [0] * (m + 1)
    owner = [0] * (m + 1)  # owner[j]: row (1-based) assigned to column j, 0 if none
    way = [0] * (m + 1)
    for i in range(1, n + 1):
        owner[0] = i
        j0 = 0
        minv = [inf] * (m + 1)
        used = [False] * (m + 1)
        while True:
            used[j0] = True
            i0 = owner[j0]
            delta = inf
            j1 = 0
            for j in range(1, m + 1):
                if used[j]:
                    continue
                cur = -weights[i0 - 1][j - 1] - u[i0] - v[j]
                if cur < minv[j]:
                    minv[j] = cur
                    way[j] = j0
                if minv[j] < delta:
                    delta = minv[j]
                    j1 = j
            for j in range(m + 1):
                if used[j]:
                    u[owner[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if owner[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            owner[j0] = owner[j1]
            j0 = j1
    result = [-1] * n
    for j in range(1, m + 1):
        if owner[j]:
            result[owner[j] - 1] = j - 1
    return result


def match_facts(
    golds: Sequence[Mapping[str, Any]],
    preds: Sequence[Mapping[str, Any]],
    aliases: Mapping[str, str],
) -> list[tuple[int, int]]:
    """One-to-one matching of one article's facts: ``(gold index, pred index)`` pairs.

    Maximal in the number of pairs; among maximal matchings, maximal in the number of pairs
    whose modality agrees plus the number whose sources agree.
    """
    if not golds or not preds:
        return []
    big = 2 * min(len(golds), len(preds)) + 1
    weights = [[0] * len(preds) for _ in golds]
    for gi, gold in enumerate(golds):
        g_mod = _norm_modality(gold.get("modality"))
        g_src = source_set(gold, aliases)
        for pi, pred in enumerate(preds):
            if facts_match(gold, pred, aliases):
                bonus = int(g_mod == _norm_modality(pred.get("modality")))
                bonus += int(g_src == source_set(pred, aliases))
                weights[gi][pi] = big + bonus
    transposed = len(golds) > len(preds)
    matrix = [list(col) for col in zip(*weights, strict=True)] if transposed else weights
    assigned = _assignment(matrix)
    pairs: list[tuple[int, int]] = []
    for row, col in enumerate(assigned):
        gi, pi = (col, row) if transposed else (row, col)
        if col >= 0 and weights[gi][pi] > 0:
            pairs.append((gi, pi))
    return sorted(pairs)


# --------------------------------------------------------------------------- report


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


@dataclass
class _Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    modality_ok: int = 0
    sources_ok: int = 0

    def as_dict(self) -> dict[str, Any]:
        precision = _ratio(self.tp, self.tp + self.fp)
        recall = _ratio(self.tp, self.tp + self.fn)
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": precision,
            "recall": recall,
            "f1": _f1(precision, recall),
            "modality_accuracy": _ratio(self.modality_ok, self.tp),
            "sources_accuracy": _ratio(self.sources_ok, self.tp),
        }


@dataclass(frozen=True)
class EvalReport:
    """The result of :func:`score`.

    ``precision``/``recall``/``f1`` are micro-averaged over all articles (0.0 when their
    denominator is 0). ``modality_accuracy``/``sources_accuracy`` are shares of the
    ``matched`` pairs (0.0 when nothing matched). ``per_type``, ``per_language`` and
    ``per_article`` map a key to ``{tp, fp, fn, precision, recall, f1, modality_accuracy,
    sources_accuracy}`` (``per_article`` entries also carry ``language``); true positives and
    false negatives count under the gold type, false positives under the predicted type.
    ``errors`` lists dicts with ``article``, ``kind`` (``missed``, ``spurious``,
    ``modality`` or ``sources``), ``type``, ``fact`` (the gold fact; the predicted fact for
    ``spurious``) and ``evidence`` (that fact's evidence); ``modality`` and ``sources``
    errors also carry ``predicted`` (the predicted fact), ``expected`` and ``got``.
    """

    precision: float = 0.0
    recall: float = 0.0
    f1: float = 0.0
    modality_accuracy: float = 0.0
    sources_accuracy: float = 0.0
    tp: int = 0
    fp: int = 0
    fn: int = 0
    matched: int = 0
    per_type: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_language: dict[str, dict[str, Any]] = field(default_factory=dict)
    per_article: dict[str, dict[str, Any]] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready copy of the scores (everything but ``errors``)."""
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "modality_accuracy": self.modality_accuracy,
            "sources_accuracy": self.sources_accuracy,
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "matched": self.matched,
            "per_type": copy.deepcopy(self.per_type),
            "per_language": copy.deepcopy(self.per_language),
            "per_article": copy.deepcopy(self.per_article),
        }


def article_language(article: Mapping[str, Any]) -> str:
    """The article's language: its ``language`` field, else the ``fr-``/``en-`` id prefix,
    else ``"unknown"``."""
    lang = article.get("language")
    if lang:
        return str(lang).strip().lower()
    prefix = str(article.get("id", "")).split("-", 1)[0].lower()
    return prefix if prefix in ("fr", "en") else "unknown"


def _type_sort_key(ftype: str) -> tuple[int, str]:
    return (TYPE_ORDER.index(ftype), "") if ftype in TYPE_ORDER else (len(TYPE_ORDER), ftype)


def score(
    golds: Sequence[Mapping[str, Any]], predictions: Mapping[str, Sequence[Mapping[str, Any]]]
) -> EvalReport:
    """Score ``predictions`` (gold article ``id`` -> predicted facts) against ``golds``.

    A gold article with no entry in ``predictions`` counts as predicting nothing; entries of
    ``predictions`` whose id is not a gold article are ignored. Every ratio whose
    denominator is zero is 0.0 (so empty predictions give P = R = F1 = 0.0). Raises
    :class:`ValueError` when two gold articles share an id.
    """
    total = _Counts()
    by_type: dict[str, _Counts] = {}
    by_lang: dict[str, _Counts] = {}
    per_article: dict[str, dict[str, Any]] = {}
    errors: list[dict[str, Any]] = []
    seen: set[str] = set()

    for article in golds:
        art_id = str(article.get("id", ""))
        if art_id in seen:
            raise ValueError(f"duplicate gold article id: {art_id!r}")
        seen.add(art_id)
        lang = article_language(article)
        aliases = alias_map(article)
        gfacts = [f for f in article.get("facts") or [] if isinstance(f, Mapping)]
        pfacts = [f for f in predictions.get(art_id) or [] if isinstance(f, Mapping)]
        pairs = match_facts(gfacts, pfacts, aliases)
        matched_g = {gi for gi, _ in pairs}
        matched_p = {pi for _, pi in pairs}
        counts = _Counts()
        lang_counts = by_lang.setdefault(lang, _Counts())
        art_errors: dict[str, list[dict[str, Any]]] = {kind: [] for kind in _ERROR_KINDS}

        for gi, pi in pairs:
            gold, pred = gfacts[gi], pfacts[pi]
            ftype = _norm_type(gold.get("type"))
            mod_ok = _norm_modality(gold.get("modality")) == _norm_modality(pred.get("modality"))
            src_ok = source_set(gold, aliases) == source_set(pred, aliases)
            for bucket in (counts, total, lang_counts, by_type.setdefault(ftype, _Counts())):
                bucket.tp += 1
                bucket.modality_ok += int(mod_ok)
                bucket.sources_ok += int(src_ok)
            if not mod_ok:
                expected, got = gold.get("modality"), pred.get("modality")
                art_errors["modality"].append(_error(art_id, "modality", gold, pred, expected, got))
            if not src_ok:
                expected, got = list(gold.get("sources") or []), list(pred.get("sources") or [])
                art_errors["sources"].append(_error(art_id, "sources", gold, pred, expected, got))
        for gi, gold in enumerate(gfacts):
            if gi in matched_g:
                continue
            ftype = _norm_type(gold.get("type"))
            for bucket in (counts, total, lang_counts, by_type.setdefault(ftype, _Counts())):
                bucket.fn += 1
            art_errors["missed"].append(_error(art_id, "missed", gold))
        for pi, pred in enumerate(pfacts):
            if pi in matched_p:
                continue
            ftype = _norm_type(pred.get("type"))
            for bucket in (counts, total, lang_counts, by_type.setdefault(ftype, _Counts())):
                bucket.fp += 1
            art_errors["spurious"].append(_error(art_id, "spurious", pred))

        per_article[art_id] = {"language": lang, **counts.as_dict()}
        for kind in _ERROR_KINDS:
            errors.extend(art_errors[kind])

    overall = total.as_dict()
    return EvalReport(
        precision=overall["precision"],
        recall=overall["recall"],
        f1=overall["f1"],
        modality_accuracy=overall["modality_accuracy"],
        sources_accuracy=overall["sources_accuracy"],
        tp=total.tp,
        fp=total.fp,
        fn=total.fn,
        matched=total.tp,
        per_type={t: by_type[t].as_dict() for t in sorted(by_type, key=_type_sort_key)},
        per_language={lang: by_lang[lang].as_dict() for lang in sorted(by_lang)},
        per_article=per_article,
        errors=errors,
    )


def _error(
    art_id: str,
    kind: str,
    fact: Mapping[str, Any],
    pred: Mapping[str, Any] | None = None,
    expected: Any = None,
    got: Any = None,
) -> dict[str, Any]:
    error: dict[str, Any] = {
        "article": art_id,
        "kind": kind,
        "type": _norm_type(fact.get("type")),
        "fact": copy.deepcopy(dict(fact)),
        "evidence": fact.get("evidence") or "",
    }
    if pred is not None:
        error["predicted"] = copy.deepcopy(dict(pred))
        error["expected"] = expected
        error["got"] = got
    return error


# --------------------------------------------------------------------------- rendering


def _fmt_number(value: object) -> str:
    number = _number(value)
    if number is None:
        return str(value)
    if number.is_integer():
        return f"{int(number):,}"
    return f"{number:,.6g}" if abs(number) >= 1000 else f"{number:g}"


def format_fact(fact: Mapping[str, Any]) -> str:
    """A fact on one line: ``type subject -> object amount currency percent% date until
    modality [sources]`` (absent parts left out; ``role``/``value`` shown when present)."""
    parts = [str(fact.get("type") or "?"), str(fact.get("subject") or "?")]
    if fact.get("object") is not None:
        parts += ["->", str(fact["object"])]
    if fact.get("amount") is not None:
        parts.append(_fmt_number(fact["amount"]))
    if fact.get("currency") is not None:
        parts.append(str(fact["currency"]))
    if fact.get("percent") is not None:
        parts.append(f"{_fmt_number(fact['percent'])}%")
    if fact.get("date") is not None:
        parts.append(str(fact["date"]))
    if fact.get("until") is not None:
        parts.append(f"until {fact['until']}")
    if fact.get("role") is not None:
        parts.append(f"role={fact['role']!r}")
    if fact.get("value") is not None:
        parts.append(f"value={fact['value']!r}")
    if fact.get("modality") is not None:
        parts.append(str(fact["modality"]))
    sources = fact.get("sources") or []
    if sources:
        parts.append(_fmt_sources(sources))
    return " ".join(parts)


def _fmt_sources(sources: object) -> str:
    if isinstance(sources, str):
        items: list[object] = [sources]
    elif isinstance(sources, Iterable):
        items = list(sources)
    else:
        items = []
    return "[" + ", ".join(str(s) for s in items) + "]"


def _row(cells: Iterable[str], widths: Sequence[int]) -> str:
    out = []
    for i, (cell, width) in enumerate(zip(cells, widths, strict=True)):
        out.append(cell.ljust(width) if i == 0 else cell.rjust(width))
    return "  ".join(out).rstrip()


def _table(title: str, key_header: str, rows: Mapping[str, Mapping[str, Any]]) -> list[str]:
    header = [key_header, "tp", "fp", "fn", "prec", "recall", "f1", "modality", "sources"]
    body = [
        [
            key,
            str(r["tp"]),
            str(r["fp"]),
            str(r["fn"]),
            f"{r['precision']:.3f}",
            f"{r['recall']:.3f}",
            f"{r['f1']:.3f}",
            f"{r['modality_accuracy']:.3f}",
            f"{r['sources_accuracy']:.3f}",
        ]
        for key, r in rows.items()
    ]
    widths = [max(len(line[i]) for line in [header, *body]) for i in range(len(header))]
    lines = [title, _row(header, widths), _row(("-" * w for w in widths), widths)]
    lines += [_row(line, widths) for line in body]
    if not body:
        lines.append("(none)")
    return lines


def render_table(report: EvalReport) -> str:
    """The scores as a plain-text table: overall, then per language, then per type.

    Returns the text (no trailing newline); prints nothing.
    """
    overall = {
        "all": {
            "tp": report.tp,
            "fp": report.fp,
            "fn": report.fn,
            "precision": report.precision,
            "recall": report.recall,
            "f1": report.f1,
            "modality_accuracy": report.modality_accuracy,
            "sources_accuracy": report.sources_accuracy,
        }
    }
    lines = _table("Overall (micro-averaged)", "", overall)
    lines += ["", *_table("Per language", "language", report.per_language)]
    lines += ["", *_table("Per type", "type", report.per_type)]
    lines += [
        "",
        "modality, sources: accuracy on matched pairs; tp/fn by gold type, fp by predicted type",
    ]
    return "\n".join(lines)


def render_errors(report: EvalReport) -> str:
    """The error list as text, grouped by article, then by fact type.

    Each error gives its kind, the fact in compact form (:func:`format_fact`) and, on the
    next line, its evidence sentence; ``modality``/``sources`` errors also say what was
    expected and what was predicted. Returns ``""`` when there is no error; prints nothing.
    """
    by_article: dict[str, dict[str, list[dict[str, Any]]]] = {}
    for error in report.errors:
        types = by_article.setdefault(str(error.get("article", "")), {})
        types.setdefault(str(error.get("type", "")), []).append(error)
    lines: list[str] = []
    for art_id, types in by_article.items():
        if lines:
            lines.append("")
        lines.append(f"== {art_id}")
        for ftype in sorted(types, key=_type_sort_key):
            lines.append(f"  {ftype}")
            for error in types[ftype]:
                kind = str(error.get("kind", ""))
                line = f"    {kind:<9} {format_fact(error.get('fact') or {})}"
                if kind == "modality":
                    line += f"  (gold {error.get('expected')}, predicted {error.get('got')})"
                elif kind == "sources":
                    line += (
                        f"  (gold {_fmt_sources(error.get('expected'))}, "
                        f"predicted {_fmt_sources(error.get('got'))})"
                    )
                lines.append(line)
                evidence = " ".join(str(error.get("evidence") or "").split())
                shown = f"\u00ab {evidence} \u00bb" if evidence else "(no evidence)"
                lines.append(f"              {shown}")
    return "\n".join(lines)
