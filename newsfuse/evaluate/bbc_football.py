"""The BBC football story set: hand labels joined with the BBC's text at run time.

``tests/data/stories/bbc_football.jsonl`` names BBC Sport files of ``shared/corpus/bbc``
by path and SHA-1 and gives each the happening it reports (``gold``: a match, or a
transfer, injury, disciplinary case ...; see that folder's README). The text is the BBC's
and is never committed: :func:`records` reads it from the corpus folder and builds what
``newsfuse eval clusters --label gold`` reads, one JSON object per article with
``id``, ``outlet``, ``title`` (the file's first line), ``text`` (the rest) and ``gold``.

The files carry no date, and none is made up: the records have no ``published``, so the
clusterer sees every join as one on an unknown day (``ClusterConfig.unknown_time_cost``).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
LABELS = REPO / "tests" / "data" / "stories" / "bbc_football.jsonl"
CORPUS = REPO.parent / "shared" / "corpus" / "bbc"
OUTLET = "BBC Sport"


def available(corpus: Path = CORPUS, labels: Path = LABELS) -> bool:
    """Whether the labels and the BBC corpus they point into are both here."""
    return labels.is_file() and (corpus / "sport").is_dir()


def labels(path: Path = LABELS) -> list[dict[str, Any]]:
    """The labelled records (``file``, ``text_sha1``, ``gold``, ``note``) in file order."""
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def records(corpus: Path = CORPUS, labels_path: Path = LABELS) -> list[dict[str, Any]]:
    """The articles as JSON Lines records, in the labels' order.

    Raises ``FileNotFoundError`` when a file is missing and ``ValueError`` when its bytes
    are not those that were labelled (the SHA-1 differs)."""
    out = []
    for label in labels(labels_path):
        path = corpus / label["file"]
        data = path.read_bytes()
        if hashlib.sha1(data).hexdigest() != label["text_sha1"]:
            raise ValueError(f"{path}: not the text that was labelled (SHA-1 differs)")
        title, _, body = _decode(data).strip().partition("\n")
        out.append(
            {
                "id": "bbc-" + label["file"].removesuffix(".txt").replace("/", "-"),
                "outlet": OUTLET,
                "title": title.strip(),
                "text": body.strip(),
                "gold": label["gold"],
            }
        )
    return out


def _decode(data: bytes) -> str:
    """The files are UTF-8 but one (sport/199.txt: "\xa315.8m"), which is Latin-1."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252")


def write_jsonl(out: Path, corpus: Path = CORPUS, labels_path: Path = LABELS) -> Path:
    """Write :func:`records` to ``out`` (JSON Lines) and return it."""
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as f:
        for record in records(corpus, labels_path):
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    return out
