"""Ingest: text, Markdown, JSON Lines and gold JSON files to Documents; bad inputs as errors."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from pressgraph.errors import IngestError
from pressgraph.ingest import iter_documents
from pressgraph.ingest.decode import decode_bytes
from pressgraph.ingest.jsonl import parse_json_document, parse_jsonl_line
from pressgraph.ingest.text import parse_text, strip_inline_markdown
from pressgraph.model import Document, content_id

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "src/pressgraph/data/samples/microsoft-openai-partenariat.fr.txt"
PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def read_all(*paths: str | Path, **kwargs: int) -> tuple[list[Document], list[IngestError]]:
    docs: list[Document] = []
    errors: list[IngestError] = []
    for item in iter_documents(list(paths), **kwargs):
        (errors if isinstance(item, IngestError) else docs).append(item)
    return docs, errors


def paragraphs(doc: Document) -> list[str]:
    return doc.text.split("\n\n")


def only_error(path: Path, **kwargs: int) -> IngestError:
    docs, errors = read_all(path, **kwargs)
    assert docs == []
    assert len(errors) == 1
    return errors[0]


# -- plain text ----------------------------------------------------------------------------


def test_sample_title_is_its_own_paragraph() -> None:
    docs, errors = read_all(SAMPLE)
    assert errors == []
    (doc,) = docs
    title = "Microsoft et OpenAI renégocient leur partenariat historique autour de l'IA"
    assert doc.title == title
    paras = paragraphs(doc)
    assert paras[0] == title
    # The glued repeat inside the second paragraph is the article's own text: kept as is.
    assert paras[1].startswith(title + " Les relations commerciales")
    assert paras[2].startswith("Le partenariat entre Microsoft et OpenAI")
    assert "Un partenariat rediscuté dans un contexte de changement" in paras
    assert doc.language == "fr"
    assert doc.source == str(SAMPLE)
    assert doc.id == content_id(doc.text)
    assert doc.external_id is None


def test_title_split_from_next_line_without_blank_line() -> None:
    doc = parse_text(
        "Danone cède sa filiale\nLe groupe a annoncé la vente de sa filiale.\nSuite.\n\nFin.",
        source="a.txt",
        markdown=False,
    )
    assert doc.title == "Danone cède sa filiale"
    assert paragraphs(doc) == [
        "Danone cède sa filiale",
        "Le groupe a annoncé la vente de sa filiale.\nSuite.",
        "Fin.",
    ]


def test_plain_text_paragraphs_and_blank_lines() -> None:
    doc = parse_text(
        "\n\n  Titre  \n\n\nPremier paragraphe,\nsur deux lignes.  \n \n\nSecond.\n\n",
        source="a.txt",
        markdown=False,
    )
    assert doc.title == "Titre"
    assert doc.text == "Titre\n\nPremier paragraphe,\nsur deux lignes.\n\nSecond."


def test_plain_text_keeps_markdown_looking_text() -> None:
    doc = parse_text("# pas un titre\n\n**texte**", source="a.txt", markdown=False)
    assert doc.title == "# pas un titre"
    assert paragraphs(doc)[1] == "**texte**"


def test_parse_text_with_no_text_is_an_error() -> None:
    with pytest.raises(IngestError, match=r"^a\.md: no text$"):
        parse_text("---\n\n# \n", source="a.md", markdown=True)


# -- Markdown ------------------------------------------------------------------------------


def test_markdown_headings_and_inline_markup() -> None:
    text = (
        "# Vivendi rachète **Gameloft**\n"
        "Le groupe de [Vincent Bolloré](https://example.org/vb) prend le *contrôle*.\n"
        "\n"
        "## Une offre à 8 euros\n"
        "L'offre valorise la société à __600 millions__ d'euros, selon `Les Echos`.\n"
        "\n"
        "---\n"
        "\n"
        "![logo](logo.png) Fin de l'article, voir snake_case_name.\n"
    )
    doc = parse_text(text, source="v.md", markdown=True)
    assert doc.title == "Vivendi rachète Gameloft"
    assert paragraphs(doc) == [
        "Vivendi rachète Gameloft",
        "Le groupe de Vincent Bolloré prend le contrôle.",
        "Une offre à 8 euros",
        "L'offre valorise la société à 600 millions d'euros, selon Les Echos.",
        "logo Fin de l'article, voir snake_case_name.",
    ]


def test_markdown_title_is_first_level_one_heading() -> None:
    text = "Chapeau de l'article\n\n## Section\n\n# Le vrai titre\nTexte."
    doc = parse_text(text, source="a.md", markdown=True)
    assert doc.title == "Le vrai titre"
    assert paragraphs(doc) == ["Chapeau de l'article", "Section", "Le vrai titre", "Texte."]


def test_markdown_without_heading_takes_first_line() -> None:
    doc = parse_text("Titre **simple**\nCorps du texte.", source="a.md", markdown=True)
    assert doc.title == "Titre simple"
    assert paragraphs(doc) == ["Titre simple", "Corps du texte."]


def test_markdown_setext_heading_and_lists() -> None:
    doc = parse_text(
        "Titre\n=====\n\n- premier point\n- second point", source="a.md", markdown=True
    )
    assert doc.title == "Titre"
    assert paragraphs(doc) == ["Titre", "premier point\nsecond point"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("**Microsoft**", "Microsoft"),
        ("[OpenAI](https://openai.com) et *xAI*", "OpenAI et xAI"),
        ("un_nom_de_fichier et 3 * 4 * 5", "un_nom_de_fichier et 3 * 4 * 5"),
        ("_italique_ puis __gras__", "italique puis gras"),
    ],
)
def test_strip_inline_markdown(line: str, expected: str) -> None:
    assert strip_inline_markdown(line) == expected


# -- JSON Lines and JSON ---------------------------------------------------------------------


def test_parse_jsonl_line_maps_fields() -> None:
    line = json.dumps(
        {
            "id": 42,
            "title": "Rachat",
            "text": "Sanofi rachète Bioverativ pour 11,6 milliards de dollars.",
            "date": "2018-01-22T07:30:00+01:00",
            "outlet": "Le Monde",
            "url": "https://example.org/a",
            "language": "FR",
            "facts": [],
        }
    )
    doc = parse_jsonl_line(line, source="dump.jsonl", lineno=7)
    assert doc.external_id == "42"
    assert doc.title == "Rachat"
    assert doc.published == "2018-01-22"
    assert doc.outlet == "Le Monde"
    assert doc.url == "https://example.org/a"
    assert doc.language == "fr"
    assert doc.source == "dump.jsonl:7"
    assert doc.id == content_id(doc.text)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ('{"id": "a" "text": "x"}', "invalid JSON (Expecting ',' delimiter at column 12)"),
        ('["text"]', "expected a JSON object, got array"),
        ('{"id": "a"}', "missing field 'text'"),
        ('{"text": 3}', "field 'text' must be a string, got int"),
        ('{"text": "  "}', "field 'text' is empty"),
        ('{"text": "x", "title": ["a"]}', "field 'title' must be a string, got array"),
        ('{"text": "x", "date": "hier"}', "field 'date' is not an ISO date: 'hier'"),
        ('{"text": "x", "id": {"a": 1}}', "field 'id' must be a string or an integer, got object"),
    ],
)
def test_parse_jsonl_line_errors(line: str, reason: str) -> None:
    with pytest.raises(IngestError) as info:
        parse_jsonl_line(line, source="bad.jsonl", lineno=3)
    assert info.value.source == "bad.jsonl:3"
    assert info.value.reason == reason
    assert str(info.value) == f"bad.jsonl:3: {reason}"


def test_jsonl_file_with_malformed_middle_line(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"id": "a1", "text": "Axa acquiert XL Group pour 15,3 milliards de dollars."}),
        "",
        '{"id": "a2" "text": "cassé"}',
        json.dumps({"id": "a3", "text": "Renault et Nissan renégocient leur alliance."}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    docs, errors = read_all(path)
    assert [d.external_id for d in docs] == ["a1", "a3"]
    assert [d.source for d in docs] == [f"{path}:1", f"{path}:4"]
    (error,) = errors
    assert error.source == f"{path}:3"
    assert str(error) == f"{path}:3: invalid JSON (Expecting ',' delimiter at column 13)"


def test_json_text_is_kept_verbatim() -> None:
    text = "  Ligne un\r\nLigne deux\n\n"
    doc = parse_json_document(json.dumps({"id": "x", "text": text}), source="x.json")
    assert doc.text == "  Ligne un\nLigne deux\n\n"
    assert doc.title is None


def test_json_file_errors_name_line_and_column() -> None:
    with pytest.raises(IngestError, match=r"^x\.json: invalid JSON \(.* at line 2 column \d+\)$"):
        parse_json_document('{"id": "x",\n "text": }', source="x.json")


def test_gold_dev_files(shared_eval: Path) -> None:
    gold_dev = shared_eval / "dev"
    docs, errors = read_all(gold_dev)
    assert errors == []
    files = sorted(gold_dev.glob("*.json"))
    assert len(docs) == len(files) > 0
    for doc, path in zip(docs, files, strict=True):
        gold = json.loads(path.read_text(encoding="utf-8"))
        assert doc.source == str(path)
        assert doc.external_id == gold["id"]
        assert doc.text == gold["text"]  # offsets of gold evidence still hold
        assert doc.title == gold.get("title")
        assert doc.published == gold.get("date")
        assert doc.language == gold.get("language")
        spaced = " ".join(doc.text.split())  # gold evidence may write U+00A0 as a space
        for fact in gold.get("facts", []):
            assert " ".join(fact["evidence"].split()) in spaced


# -- folders -------------------------------------------------------------------------------


def test_folder_expansion_sorted_recursive_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Titre B\n\nCorps B.", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.md").write_text("# Titre A\nCorps A.", encoding="utf-8")
    (tmp_path / "sub" / "c.JSONL").write_text('{"text": "Corps C."}\n', encoding="utf-8")
    (tmp_path / "a.json").write_text('{"id": "g", "text": "Corps G."}', encoding="utf-8")
    (tmp_path / "notes.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(PNG_HEADER)
    (tmp_path / ".cache").mkdir()
    (tmp_path / ".cache" / "x.txt").write_text("caché", encoding="utf-8")
    docs, errors = read_all(tmp_path)
    assert errors == []
    assert [d.source for d in docs] == [
        str(tmp_path / "a.json"),
        str(tmp_path / "b.txt"),
        str(tmp_path / "sub" / "a.md"),
        f"{tmp_path / 'sub' / 'c.JSONL'}:1",
    ]
    assert [d.title for d in docs] == [None, "Titre B", "Titre A", None]


def test_file_named_twice_is_read_once(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Titre\n\nCorps.", encoding="utf-8")
    docs, errors = read_all(path, tmp_path, path)
    assert errors == []
    assert len(docs) == 1


def test_empty_folder_and_missing_path(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    docs, errors = read_all(tmp_path / "empty", tmp_path / "missing.txt")
    assert docs == []
    assert [e.reason for e in errors] == [
        "no supported files in folder",
        "no such file or directory",
    ]


def test_errors_do_not_stop_the_stream(tmp_path: Path) -> None:
    (tmp_path / "1-empty.txt").write_bytes(b"")
    (tmp_path / "2-good.txt").write_text("Titre\n\nCorps.", encoding="utf-8")
    (tmp_path / "3-binary.txt").write_bytes(PNG_HEADER)
    items = list(iter_documents([tmp_path]))
    assert [type(i).__name__ for i in items] == ["IngestError", "Document", "IngestError"]


# -- bad inputs and encodings ----------------------------------------------------------------


@pytest.mark.parametrize("content", [b"", b"  \n\r\n\t ", b"\xef\xbb\xbf\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    error = only_error(path)
    assert str(error) == f"{path}: empty file"


def test_binary_file_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_bytes(PNG_HEADER)
    assert str(only_error(path)) == f"{path}: binary content (NUL bytes)"


def test_binary_file_with_control_characters(tmp_path: Path) -> None:
    path = tmp_path / "noise.md"
    path.write_bytes(bytes(range(1, 32)) * 4 + b"du texte")
    assert only_error(path).reason.startswith("binary content (")


def test_cp1252_french_file(tmp_path: Path) -> None:
    path = tmp_path / "article.fr.txt"
    text = "Société Générale\n\nL\u2019opération vaut 3 milliards d\u2019euros (3 000 €)."
    path.write_bytes(text.encode("cp1252"))
    assert b"\x92" in path.read_bytes() and b"\x80" in path.read_bytes()
    (doc,) = read_all(path)[0]
    assert doc.text == text
    assert doc.title == "Société Générale"


def test_latin1_file(tmp_path: Path) -> None:
    path = tmp_path / "article.txt"
    text = "Caisse des dépôts\n\nLa Caisse cède sa part à un fonds québécois."
    path.write_bytes(text.encode("latin-1"))
    (doc,) = read_all(path)[0]
    assert doc.text == text


def test_decode_falls_back_to_latin1_on_bytes_cp1252_lacks() -> None:
    assert decode_bytes("Montréal ".encode("latin-1") + b"\x81", "x.txt") == "Montréal \x81"


def test_decode_utf8_bom_crlf_and_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "Crédit Agricole")
    data = b"\xef\xbb\xbf" + f"{nfd}\r\n\r\nCorps.\rFin.".encode()
    text = decode_bytes(data, "x.txt")
    assert text == "Crédit Agricole\n\nCorps.\nFin."
    assert unicodedata.is_normalized("NFC", text)


def test_decode_utf16_with_bom() -> None:
    assert decode_bytes("Hydro-Québec".encode("utf-16"), "x.txt") == "Hydro-Québec"


def test_file_over_the_cap(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("Titre\n\n" + "x" * 100, encoding="utf-8")
    error = only_error(path, max_bytes=50)
    assert str(error) == f"{path}: file too large: 107 bytes > 50"


def test_named_file_with_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "notes.bin"
    path.write_bytes(b"du texte")
    error = only_error(path)
    assert error.source == str(path)
    assert error.reason.startswith("unsupported file type '.bin'")
    assert "\n" not in str(error)


def test_same_content_same_id_wherever_it_comes_from(tmp_path: Path) -> None:
    text = "Titre\n\nCorps de l'article."
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(text.replace("\n", "\r\n").encode("cp1252"))
    a, b = read_all(tmp_path)[0]
    assert a.id == b.id == content_id(text)
