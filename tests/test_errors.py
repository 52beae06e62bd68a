"""Every error class pressgraph raises on purpose lives in ``pressgraph.errors``."""

from __future__ import annotations

from pathlib import Path

import pytest

from pressgraph import errors, query
from pressgraph.store import open_store


def test_not_found_lives_in_errors_and_stays_importable_from_query() -> None:
    assert errors.NotFound.__module__ == "pressgraph.errors"
    assert query.NotFound is errors.NotFound
    assert issubclass(errors.NotFound, errors.PressgraphError)


def test_gold_error_is_a_pressgraph_error() -> None:
    assert errors.GoldError.__module__ == "pressgraph.errors"
    assert issubclass(errors.GoldError, errors.PressgraphError)


def test_query_raises_not_found(tmp_path: Path) -> None:
    with open_store(tmp_path / "g.db") as store, pytest.raises(errors.NotFound, match="nobody"):
        query.entity(store, "nobody")
