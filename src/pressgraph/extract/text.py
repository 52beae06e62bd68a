"""The text of a parsed document, read once.

spaCy's ``Doc.text`` joins every token each time it is read; the extractors read the text
per sentence and per name, which made extraction time grow with the square of the length.
"""

from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed on first use and kept in the Doc's ``user_data``."""
    text = doc.user_data.get("pressgraph_text")
    if text is None:
        text = doc.user_data["pressgraph_text"] = doc.text
    return text  # type: ignore[no-any-return]
