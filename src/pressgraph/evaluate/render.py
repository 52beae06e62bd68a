"""Scores and errors as text, for the command line (nothing is printed here)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pressgraph.evaluate.gold import as_number
from pressgraph.evaluate.scoring import EvalReport, type_sort_key
from pressgraph.terminal import terminal_text


def _fmt_number(value: object) -> str:
    number = as_number(value)
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
        for ftype in sorted(types, key=type_sort_key):
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
    # Ids, names and evidence come from gold files and articles: each line stays one line.
    return "\n".join(terminal_text(line) for line in lines)
