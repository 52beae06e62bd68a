"""Corrections that only do what they say, and the documents that name an entity without a
fact ("also mentioned in").

The texts are written after the Reuters-21578 articles on Viacom of ``../shared/corpus``
(where a coreference error gave Viacom the alias "The Redstone group").
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from pressgraph import query
from pressgraph.errors import StoreError
from pressgraph.model import Claim, Document, Entity, Extraction, Mention
from pressgraph.query import find_entity
from pressgraph.report import to_json, to_markdown
from pressgraph.resolve.corrections import split_entity
from pressgraph.resolve.stage import RESOLUTION
from pressgraph.store import Store, open_store

BID = (
    "National Amusements Inc said it raised its bid for Viacom. "
    "The Redstone group said the offer for Viacom was final."
)
LATER = "Viacom said its board would meet on Friday."
NAMED = "Analysts at Wertheim said Viacom shares rose."


def _mention(text: str, part: str, entity: str, nth: int = 0) -> Mention:
    start = -1
    for _ in range(nth + 1):
        start = text.index(part, start + 1)
    return Mention(part, start, start + len(part), entity, "ORG")


def _bid() -> Extraction:
    doc = Document.from_text(BID, language="en", published="1987-03-01", outlet="Reuters")
    sentence = BID[: BID.index(".") + 1]
    claim = Claim(
        document=doc.id,
        type="acquisition",
        subject="National Amusements Inc",
        object="Viacom",
        modality="planned",
        evidence=sentence,
        evidence_start=0,
        evidence_end=len(sentence),
    )
    viacom = "Viacom"
    return Extraction(
        doc,
        "en",
        (
            Entity("National Amusements Inc", "ORG"),
            Entity(viacom, "ORG", ("The Redstone group",)),
        ),
        (
            _mention(BID, "National Amusements Inc", "National Amusements Inc"),
            _mention(BID, viacom, viacom),
            _mention(BID, "The Redstone group", viacom),
            _mention(BID, viacom, viacom, nth=1),
        ),
        (claim,),
    )


def _named(text: str, published: str) -> Extraction:
    doc = Document.from_text(text, language="en", published=published, outlet="Reuters")
    return Extraction(
        doc, "en", (Entity("Viacom", "ORG"),), (_mention(text, "Viacom", "Viacom"),), ()
    )


@pytest.fixture
def store(store_target: str | Path) -> Iterator[Store]:
    with open_store(store_target) as s:
        s.add(_bid(), RESOLUTION)
        s.add(_named(LATER, "1987-03-02"), RESOLUTION)
        s.add(_named(NAMED, "1987-03-03"), RESOLUTION)
        yield s


def test_split_moves_only_the_mentions_written_with_the_alias(store: Store) -> None:
    before = find_entity(store, "Viacom")
    assert before is not None and before["claims"] == 1 and before["mentions"] == 5
    new = split_entity(store, "Viacom", "The Redstone group")
    assert new["name"] == "The Redstone group" and new["mentions"] == 1
    assert new["claims"] == 0
    viacom = find_entity(store, "Viacom")
    assert viacom is not None and viacom["id"] == before["id"]
    assert viacom["claims"] == 1 and viacom["mentions"] == 4 and viacom["documents"] == 3
    assert "The Redstone group" not in viacom["aliases"]
    redstone = find_entity(store, "The Redstone group")
    assert redstone is not None and redstone["id"] == new["id"]
    # the dossier of Viacom still answers, with its fact
    d = query.dossier(store, "Viacom")
    assert [f.type for f in d.facts] == ["acquisition"]
    # a later article naming both keeps them apart
    store.add(_bid_again(), RESOLUTION)
    assert find_entity(store, "The Redstone group")["id"] != find_entity(store, "Viacom")["id"]


def _bid_again() -> Extraction:
    ex = _bid()
    text = ex.document.text + " "
    doc = Document.from_text(text, language="en", published="1987-03-04", outlet="Reuters")
    return Extraction(doc, "en", ex.entities, ex.mentions, ())


def test_split_of_every_documents_own_name_is_refused(store: Store) -> None:
    with pytest.raises(StoreError, match="nothing would be left"):
        split_entity(store, "Viacom", "Viacom Inc")  # the same name, with its legal form
    with pytest.raises(StoreError, match="no document calls"):
        split_entity(store, "Viacom", "Paramount")


def test_dossier_lists_documents_that_name_the_entity_without_a_fact(
    store: Store,
) -> None:
    d = query.dossier(store, "Viacom")
    assert [m["published"] for m in d.mentioned_in] == ["1987-03-03", "1987-03-02"]
    assert all(m["mention"] == "Viacom" for m in d.mentioned_in)
    assert to_json(d)["mentioned_in"][0]["published"] == "1987-03-03"
    assert "## Also mentioned in" in to_markdown(d)
    # as it stood on 2 March: the article of the 3rd is not there yet
    earlier = query.dossier(store, "Viacom", as_of="1987-03-02")
    assert [m["published"] for m in earlier.mentioned_in] == ["1987-03-02"]
    # the pair: a document naming both without a fact linking them
    pair = query.dossier(store, "Viacom", "National Amusements Inc")
    assert pair.mentioned_in == []
    # an entity with no fact at all has a dossier of mentions
    nothing = query.dossier(store, "National Amusements")
    assert nothing.mentioned_in == []  # its one document has its fact


def _one(store: Store, text: str, *entities: Entity) -> None:
    store.add(
        Extraction(Document.from_text(text, language="en"), "en", entities, (), ()), RESOLUTION
    )


def test_people_join_across_articles_by_their_evidence(store_target: str | Path) -> None:
    with open_store(store_target) as store:
        _one(store, "a", Entity("Martin T. Sosnoff", "PERSON", ("Sosnoff",)))
        _one(store, "b", Entity("Martin Sosnoff", "PERSON"))
        _one(store, "c", Entity("Sosnoff", "PERSON"))
        sosnoff = find_entity(store, "Martin T. Sosnoff")
        assert sosnoff is not None and sosnoff["documents"] == 3
        # NER took the man for a company in one article: the stored person answers
        _one(store, "d", Entity("Sumner Redstone", "PERSON"))
        _one(store, "e", Entity("Sumner Redstone", "ORG"))
        redstone = find_entity(store, "Sumner Redstone")
        assert redstone is not None and redstone["type"] == "PERSON"
        assert redstone["documents"] == 2
        # two people share a surname: the surname alone joins neither
        _one(store, "f", Entity("Nicolas Sarkozy", "PERSON"))
        _one(store, "g", Entity("Cécilia Sarkozy", "PERSON"))
        _one(store, "h", Entity("Sarkozy", "PERSON"))
        assert find_entity(store, "Nicolas Sarkozy")["documents"] == 1  # type: ignore[index]
        # a company is never joined by a surname
        _one(store, "i", Entity("Sosnoff", "ORG"))
        assert find_entity(store, "Martin T. Sosnoff")["documents"] == 3  # type: ignore[index]


def test_one_ticker_names_one_company_across_articles(store_target: str | Path) -> None:
    with open_store(store_target) as store:
        _one(store, "a", Entity("McDonnell Douglas Corp", "ORG", ("<MD>",)))
        _one(store, "b", Entity("McDonnell Douglas Helicopter", "ORG", ("<MD>",)))
        _one(store, "c", Entity("MD", "ORG"))
        found = find_entity(store, "McDonnell Douglas Corp")
        assert found is not None and found["documents"] == 2
        assert find_entity(store, "MD")["id"] != found["id"]  # type: ignore[index]
