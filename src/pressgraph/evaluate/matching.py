"""Matching predicted facts to gold facts, one to one (see :mod:`pressgraph.evaluate`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from pressgraph.evaluate.gold import (
    as_number,
    as_year,
    canonical_name,
    norm_modality,
    norm_type,
    source_set,
)
from pressgraph.model import SYMMETRIC_TYPES

#: Relative tolerance on ``amount`` (2 %, relative to the gold amount).
AMOUNT_TOLERANCE: float = 0.02
#: Absolute tolerance on ``percent`` (in percentage points).
PERCENT_TOLERANCE: float = 0.5
_EPS = 1e-9


def facts_match(
    gold: Mapping[str, Any], pred: Mapping[str, Any], aliases: Mapping[str, str]
) -> bool:
    """Whether ``pred`` may be matched to ``gold`` (the README rules: :mod:`pressgraph.evaluate`).

    ``aliases`` is the article's :func:`alias_map`.
    """
    ftype = norm_type(gold.get("type"))
    if not ftype or ftype != norm_type(pred.get("type")):
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
        g_amount = as_number(gold.get("amount"))
        p_amount = as_number(pred.get("amount"))
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
        g_pct = as_number(gold.get("percent"))
        p_pct = as_number(pred.get("percent"))
        if g_pct is None or p_pct is None or abs(p_pct - g_pct) > PERCENT_TOLERANCE + _EPS:
            return False
    for key in ("date", "until"):
        g_value, p_value = gold.get(key), pred.get(key)
        if g_value is not None and (p_value is None or as_year(p_value) != as_year(g_value)):
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
        g_mod = norm_modality(gold.get("modality"))
        g_src = source_set(gold, aliases)
        for pi, pred in enumerate(preds):
            if facts_match(gold, pred, aliases):
                bonus = int(g_mod == norm_modality(pred.get("modality")))
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
