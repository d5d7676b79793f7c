"""Article ids: every stored id can be served at ``/articles/{id}`` and ``/api/articles/{id}``.

The rule (:func:`id_problem`), checked where the clean stage settles an article's id:

* not empty or only blanks;
* at most :data:`MAX_ID_CHARS` characters (long URLs fit; the id stays under
  PostgreSQL's index-row limit and every HTTP server's request-line limit);
* no control characters (C0, DEL, C1: a URL path cannot carry a newline, and
  PostgreSQL text cannot hold NUL) and no unpaired surrogates (not Unicode text);
* not ``.`` or ``..`` (browsers and HTTP clients resolve those path segments away);
* not ending in ``.json`` or ``.csv``, in any case: ``/articles/x.json`` is the JSON
  twin of article ``x``.

An id the input gives is refused with the reason; an id made from a file name is made
servable instead (:func:`servable_id`), because the article itself is fine.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from newsfuse.errors import InputError

MAX_ID_CHARS = 500
TWIN_SUFFIXES = (".json", ".csv")
_DERIVED_MAX = MAX_ID_CHARS - 20  # room for the "-<hash>" that tells same-named files apart
_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def id_problem(article_id: str) -> str | None:
    """Why the web could not serve ``article_id``, or None when it can."""
    if not article_id.strip():
        return "the id is empty"
    if len(article_id) > MAX_ID_CHARS:
        return f"the id has {len(article_id)} characters, over the {MAX_ID_CHARS} allowed"
    bad = _UNSAFE.search(article_id)
    if bad:
        kind = (
            "an unpaired surrogate"
            if unicodedata.category(bad.group()) == "Cs"
            else "a control character"
        )
        return f"the id holds {kind} (U+{ord(bad.group()):04X})"
    if article_id in (".", ".."):
        return f"the id {article_id!r} is a relative path segment"
    if article_id.lower().endswith(TWIN_SUFFIXES):
        return "the id ends in .json or .csv, which the web reads as a page's JSON or CSV twin"
    return None


def check_given_id(article_id: str) -> str:
    """``article_id`` as given by the input, or :class:`~newsfuse.errors.InputError` saying
    what is wrong with it and what to do."""
    problem = id_problem(article_id)
    if problem:
        shown = article_id if len(article_id) <= 60 else article_id[:59] + "…"
        raise InputError(
            f"{problem}: {shown!r}; give the article an id of 1 to {MAX_ID_CHARS} characters "
            "without control characters that does not end in .json or .csv"
        )
    return article_id


def servable_id(article_id: str) -> str:
    """An id made from a file name, changed as little as needed to pass :func:`id_problem`."""
    fixed = _UNSAFE.sub("_", article_id).strip() or "article"
    if fixed in (".", ".."):
        fixed = "article"
    if fixed.lower().endswith(TWIN_SUFFIXES):
        dot = fixed.rindex(".")
        fixed = fixed[:dot] + "-" + fixed[dot + 1 :]
    if len(fixed) > _DERIVED_MAX:
        digest = hashlib.sha256(article_id.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        fixed = fixed[: _DERIVED_MAX - 9] + "-" + digest
    return fixed
