"""Commands about extraction quality: evaluate (against hand-labelled articles, as is or
cross-validated) and train (the fact scorer shipped in the package)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated, Any, Literal

import typer
from rich.markup import escape

from pressgraph.cli.app import app, err, print_json, print_plain, rejected
from pressgraph.cli.progress import Progress
from pressgraph.errors import ConfigError, GoldError, PressgraphError

GoldArgument = Annotated[
    list[Path],
    typer.Argument(metavar="GOLD", help="Gold folders (or files) in the shared/eval format."),
]


def _load(golds: Sequence[Path]) -> tuple[list[dict[str, Any]], int]:
    """The valid gold articles of ``golds``, and how many facts or articles were left out:
    each is one ``rejected:`` line (file, article, fact index, what is wrong)."""
    from pressgraph import evaluate as ev

    articles: list[dict[str, Any]] = []
    seen: set[str] = set()
    problems = 0
    for path in golds:
        gold = ev.read_gold(path)
        for problem in gold.problems:
            rejected(str(problem))
        problems += len(gold.problems)
        for article in gold.articles:
            if str(article["id"]) in seen:
                raise GoldError(f"{path}: article {article['id']!r} is given twice")
            seen.add(str(article["id"]))
            articles.append(article)
    return articles, problems


def _progress(label: str) -> Progress:
    return Progress(label, err)


def _examples(label: str, articles: list[dict[str, Any]]) -> dict[str, Any]:
    from pressgraph import train as learning

    with _progress(label) as bar:
        task = bar.add_task("reading articles", total=len(articles))
        return learning.examples(articles, progress=lambda *_: bar.advance(task))


def _cv_table(cv: Any) -> str:
    from pressgraph import evaluate as ev

    lines = [
        ev.render_table(cv.report),
        "",
        f"Candidate recall ({cv.k}-fold cross-validation, seed {cv.seed})",
    ]
    lines.append("              facts  type+parties  with attributes")
    for key, row in cv.candidate_recall.items():
        lines.append(
            f"  {key:<10} {row['facts']:>7}  {row['parties']:>12.3f}  {row['full']:>15.3f}"
        )
    lines.append("")
    lines.append(
        "Folds: "
        + "; ".join(
            f"{f['fold']}: {f['articles']} articles, C {f['c']}, threshold {f['threshold']}"
            for f in cv.folds
        )
    )
    return "\n".join(lines)


@app.command()
def evaluate(
    gold: GoldArgument,
    fmt: Annotated[Literal["table", "json"], typer.Option("--format", help="table or json.")] = (
        "table"
    ),
    errors: Annotated[
        bool, typer.Option("--errors", help="List every missed and spurious fact.")
    ] = False,
    cv: Annotated[
        int,
        typer.Option(
            "--cv",
            min=0,
            metavar="K",
            help="K-fold cross-validation by article: train the scorer on K-1 folds, score the "
            "held fold, pool the counts (0: score the shipped scorer as is).",
        ),
    ] = 0,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the folds.")] = 0,
) -> None:
    """Score extraction against hand-labelled articles (precision, recall, F1)."""
    from pressgraph import evaluate as ev
    from pressgraph import pipeline
    from pressgraph.train.examples import gold_document

    if cv == 1:
        raise typer.BadParameter("cross-validation needs at least 2 folds", param_hint="'--cv'")
    golds, problems = _load(gold)
    if cv:
        from pressgraph import train as learning

        found = _examples("evaluate", golds)
        with _progress("evaluate") as bar:
            task = bar.add_task("cross-validating", total=cv)
            report = learning.cross_validate(
                golds, found, k=cv, seed=seed, progress=lambda *_: bar.advance(task)
            )
        result = report.report
    else:
        docs = [gold_document(g) for g in golds]
        predictions: dict[str, list[dict[str, Any]]] = {}
        with _progress("evaluate") as bar:
            task = bar.add_task("extracting", total=len(docs))
            for item in pipeline.extract_documents(docs):
                bar.advance(task)
                if isinstance(item, PressgraphError):
                    rejected(str(item))
                    continue
                key = item.document.external_id or item.document.id
                predictions[key] = [g for c in item.claims for g in c.gold_facts()]
        result = ev.score(golds, predictions)
    if fmt == "json":
        print_json(report.to_json() if cv else result.to_json())
    else:
        print_plain((_cv_table(report) if cv else ev.render_table(result)) + "\n")
    if errors:
        print_plain(ev.render_errors(result) + "\n")
    if problems:
        raise typer.Exit(1)


@app.command()
def train(
    gold: GoldArgument,
    out_path: Annotated[
        Path | None,
        typer.Option(
            "--out", metavar="FILE", help="Where to write the scorer (default: the package's own)."
        ),
    ] = None,
    seed: Annotated[int, typer.Option("--seed", metavar="N", help="Seed of the inner folds.")] = 0,
) -> None:
    """Train the fact scorer on hand-labelled articles (deterministic for a seed)."""
    from pressgraph import train as learning
    from pressgraph.extract.scorer import packaged_path

    golds, problems = _load(gold)
    found = _examples("train", golds)
    with _progress("train") as bar:
        bar.add_task("training", total=None)
        model = learning.train(golds, found, seed=seed)
    target = out_path or packaged_path()
    try:
        model.save(target)
    except OSError as exc:
        raise ConfigError(f"{target}: cannot write the scorer ({exc.strerror or exc})") from exc
    meta = model.meta
    err.print(
        f"trained on {meta['articles']} articles, {meta['candidates']} candidates "
        f"({meta['positive_candidates']} facts); C {meta['c']}, threshold {model.threshold}, "
        f"inner cross-validated F1 {meta['inner_cv_f1']:.3f}; written to {escape(str(target))}"
    )
    if problems:
        raise typer.Exit(1)
