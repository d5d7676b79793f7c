"""The ``eval`` group: scores against gold-standard data."""

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsfuse.cli.output import cli_errors, console, plain, print_json
from newsfuse.errors import InputError

eval_app = typer.Typer(help="Measure newsfuse against gold-standard data.", no_args_is_help=True)


@eval_app.command("datelines")
@cli_errors
def eval_datelines_cli(
    paths: Annotated[
        list[str], typer.Argument(help="Reuters-21578 .sgm files or their directory.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """Dateline place accuracy on Reuters-21578 (gold: each story's DATELINE element)."""
    from newsfuse.evaluate.datelines import evaluate_reuters_datelines

    report = evaluate_reuters_datelines(paths)
    if as_json:
        print_json(report)
        return
    console.print(
        f"stories with a dateline: {report['stories']}\n"
        f"place accuracy: [bold]{report['accuracy']:.4f}[/] ({report['correct']} correct)\n"
        f"places resolved to a country: {report['country_resolved']:.4f}"
    )


@eval_app.command("clusters")
@cli_errors
def eval_clusters_cli(
    paths: Annotated[
        list[str], typer.Argument(help="JSON / JSON Lines articles with gold labels.")
    ],
    label: Annotated[
        str, typer.Option("--label", help="Dotted path of the gold story label in each record.")
    ] = "newsCluster.EventId",
    annotate: Annotated[
        bool,
        typer.Option(
            "--annotate/--no-annotate",
            help="Annotate first, as ingest does (the clusterer uses people, places, dates); "
            "--no-annotate is faster and clusters on words and publication dates alone.",
        ),
    ] = True,
    half: Annotated[
        str,
        typer.Option(
            help="Score the gold stories of one fixed half only: tune or check (CRC-32 of "
            "the label, even or odd), or all."
        ),
    ] = "all",
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
) -> None:
    """B-cubed and pairwise precision / recall / F1 of the stories, and of the storylines
    they are linked into, against gold labels."""
    from newsfuse.evaluate.clusters import evaluate_clusters

    try:
        scores, details = evaluate_clusters(paths, label, annotate=annotate, half=half)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    if as_json:
        print_json({**scores.to_dict(), **details})
        return
    console.print(
        f"records with a label: {details['labelled_records']} "
        f"(scored {scores.items}; {details['unscored_rejected']} rejected at ingest)\n"
        f"gold stories: {scores.gold_clusters}, predicted: {scores.predicted_clusters}\n"
        f"B-cubed  P {scores.bcubed_precision:.3f}  R {scores.bcubed_recall:.3f}  "
        f"[bold]F1 {scores.bcubed_f1:.3f}[/]\n"
        f"pairwise P {scores.pairwise_precision:.3f}  R {scores.pairwise_recall:.3f}  "
        f"F1 {scores.pairwise_f1:.3f}"
    )
    lines = details["storylines"]
    console.print(
        f"storylines: {lines['predicted_clusters']} "
        f"B-cubed  P {lines['bcubed_precision']:.3f}  R {lines['bcubed_recall']:.3f}  "
        f"[bold]F1 {lines['bcubed_f1']:.3f}[/]  (stories linked over weeks and months, "
        f"scored against the same gold; half: {details['half']})"
    )


def _confusion_table(matrix: dict[str, dict[str, int]], title: str) -> Table:
    """A confusion matrix (gold type rows, predicted first type columns) as a rich table;
    column heads are the first four letters of each type, the diagonal in bold."""
    columns: list[str] = []
    for row in matrix.values():
        columns.extend(c for c in row if c not in columns)
    order = {name: i for i, name in enumerate(matrix)}
    columns.sort(key=lambda c: (c == "none", order.get(c, len(order)), c))
    table = Table(
        title=title, title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, padding=(0, 0, 0, 1)
    )
    table.add_column("gold", no_wrap=True, min_width=11)
    for name in columns:
        table.add_column(plain(name[:4]), justify="right", no_wrap=True, min_width=4)
    table.add_column("n", justify="right", no_wrap=True, min_width=3)
    for gold, row in matrix.items():
        cells = [
            Text(str(row[c]), style="bold" if c == gold else "") if row.get(c) else Text(".")
            for c in columns
        ]
        table.add_row(plain(gold), *cells, Text(str(sum(row.values()))))
    return table


@eval_app.command("plover")
@cli_errors
def eval_plover_cli(
    path: Annotated[Path, typer.Argument(help="PLOVER gold records, one JSON object a line.")],
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="Also print each record's misses: type, actor countries, sectors "
            "(of the tune half unless --half check or --half all).",
        ),
    ] = False,
    half: Annotated[
        str,
        typer.Option(
            "--half",
            help="tune (even record positions), check (odd), both side by side with the gap, "
            "or all records as one set. JSON always has all records at the top level and "
            "'tune' / 'check' sub-objects.",
        ),
    ] = "both",
    confusion: Annotated[
        bool,
        typer.Option(
            "--confusion",
            help="Also print the confusion matrix: gold type against the first predicted "
            "type ('none' when nothing was coded).",
        ),
    ] = False,
) -> None:
    """Event type P/R/F1 per type, macro-F1, actor country and sector accuracy, magnitudes,
    on the tune half and the check half of the file (even and odd record positions)."""
    from newsfuse.evaluate.plover import evaluate_plover, format_halves
    from newsfuse.events.scoring import format_errors, format_report

    if not path.is_file():
        raise InputError(f"no such file: {path}; pass a PLOVER .jsonl file")
    if half not in ("tune", "check", "both", "all"):
        raise InputError(f"--half must be tune, check, both or all, not {half!r}")
    result = evaluate_plover(path, errors=errors, half=half, confusion=confusion)  # type: ignore[arg-type]
    if as_json:
        print_json(result)
        return
    if half == "both":
        console.print(format_halves(result), highlight=False, markup=False)
    else:
        scores = result if half == "all" else result[half]
        text = format_report(scores)
        if half != "all":
            text = (
                f"{half} half (records at {'even' if half == 'tune' else 'odd'} positions)\n" + text
            )
        console.print(text, highlight=False, markup=False)
    if confusion:
        parts = {"both": ("tune", "check"), "all": ("all",)}.get(half, (half,))
        for name in parts:
            matrix = result["confusion"] if name == "all" else result[name]["confusion"]
            console.print()
            title = f"confusion, {name}: gold type (rows) x first predicted type"
            # 20 columns do not fit in 80: print at the table's own width rather than squeeze it.
            needed = 14 + 6 * (len({c for row in matrix.values() for c in row}) + 1)
            wide = Console(width=max(console.width, needed), highlight=False)
            wide.print(_confusion_table(matrix, title))
    if errors:
        text = "\n" + format_errors(result["errors"])
        console.print(text, highlight=False, markup=False, soft_wrap=True)


def _print_scores(
    result: dict,
    as_json: bool,
    errors: bool,
    report: Callable[[dict], str],
    listing: Callable[[list], str],
) -> None:
    """An eval result as JSON, or its report and (with ``errors``) its half's misses."""
    if as_json:
        print_json(result)
        return
    console.print(report(result), highlight=False, markup=False)
    if errors:
        text = f"\nerrors ({result['errors_half']} half)\n" + listing(result["errors"])
        console.print(text, highlight=False, markup=False, soft_wrap=True)


@eval_app.command("places")
@cli_errors
def eval_places_cli(
    path: Annotated[
        Path, typer.Argument(help="Gold articles with toponym offsets, one JSON object a line.")
    ],
    half: Annotated[
        str,
        typer.Option(
            "--half",
            help="tune (even lines, counting from 0), check (odd lines) or both, side by side.",
        ),
    ] = "both",
    errors: Annotated[
        bool,
        typer.Option(
            "--errors",
            help="Also print each article's misses (the tune half's unless --half check).",
        ),
    ] = False,
    clean: Annotated[
        bool,
        typer.Option(
            "--clean/--no-clean",
            help="Clean each text as ingest does (default; gold offsets carried over by "
            "alignment), or annotate the given text as it is.",
        ),
    ] = True,
    texts: Annotated[
        Path | None,
        typer.Option(
            "--texts",
            help="Articles (JSON Lines with id and text, or a corpus directory whose files "
            "the ids name, 'FILE#NEWID' for a story of a Reuters SGML file) for gold records "
            "that hold offsets but no text, joined by id (tests/data/places/gvc_places.jsonl, "
            "bbc_places.jsonl, reuters_places.jsonl).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Place recall, precision, accuracy within 161 km, GeoNames id match and AUC."""
    from newsfuse.evaluate.places import evaluate_places, format_errors, format_report

    if not path.is_file():
        raise InputError(f"no such file: {path}; pass a .jsonl file of gold toponyms")
    if half not in ("tune", "check", "both"):
        raise InputError(f"--half must be tune, check or both, not {half!r}")
    if texts is not None and not texts.exists():
        raise InputError(
            f"no such file or directory: {texts}; pass the articles the gold offsets point into"
        )
    try:
        result = evaluate_places(path, half=half, errors=errors, clean=clean, texts=texts)  # type: ignore[arg-type]
    except ValueError as exc:  # a gold id with no article, or a text that changed
        raise InputError(str(exc)) from exc
    _print_scores(result, as_json, errors, format_report, format_errors)


@eval_app.command("magnitudes")
@cli_errors
def eval_magnitudes_cli(
    path: Annotated[
        Path,
        typer.Argument(help="Labelled sentences (tests/data/magnitudes/corpus_magnitudes.jsonl)."),
    ],
    texts: Annotated[
        Path,
        typer.Option(
            "--texts", help="The corpus directory the byte offsets point into (../shared/corpus)."
        ),
    ],
    errors: Annotated[
        bool,
        typer.Option(
            "--errors", help="Also print each missed sentence (the tune half's unless --half)."
        ),
    ] = False,
    half: Annotated[
        str, typer.Option("--half", help="Whose errors --errors prints: tune, check or all.")
    ] = "tune",
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Dead, injured and size against hand labels of corpus sentences, tune and check halves."""
    from newsfuse.evaluate.magnitudes import evaluate_magnitudes, format_errors, format_report

    if not path.is_file():
        raise InputError(f"no such file: {path}; pass a .jsonl file of labelled sentences")
    if not texts.is_dir():
        raise InputError(f"no such directory: {texts}; pass the corpus the offsets point into")
    if half not in ("tune", "check", "all"):
        raise InputError(f"--half must be tune, check or all, not {half!r}")
    try:
        result = evaluate_magnitudes(path, texts, errors=errors, half=half)
    except ValueError as exc:
        raise InputError(str(exc)) from exc
    _print_scores(result, as_json, errors, format_report, format_errors)
