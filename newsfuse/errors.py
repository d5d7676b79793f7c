"""Every exception newsfuse raises on purpose.

    NewsfuseError                 base; ``http_status`` is what the API answers with
    ├── InputError (422)          an input that cannot become an article; becomes a reject
    │   ├── UnsupportedFormat     no reader for this kind of file
    │   ├── EmptyInput            nothing to read, or nothing left after cleaning
    │   ├── BinaryInput           bytes that are not text in any encoding
    │   ├── TooLarge              bigger than one article can be, or a decompression bomb
    │   ├── TooComplex            nested too deeply, too many HTML elements or lines
    │   ├── Truncated             a compressed stream, archive or story that stops early
    │   ├── NotRegularFile        a FIFO, device or socket: never opened for reading
    │   └── MalformedRecord       a JSON line / SGML story / HTML page we cannot parse
    ├── StageError (500)          a pipeline stage returned the wrong artifact (a bug)
    ├── StoreError (500)          the database cannot be opened, migrated or written
    ├── NotFound (404)            an id that is not in the database
    ├── MissingDependency (500)   an optional part is not installed; says what to install
    └── TableError (500)          a table in newsfuse/data/ has a malformed row (file:line)

Messages say what to do next, because they are shown to users as they are.
"""

from __future__ import annotations


class NewsfuseError(Exception):
    """Base of every deliberate newsfuse error."""

    http_status = 500

    def to_dict(self) -> dict[str, object]:
        """The one JSON error shape used by the CLI and the API."""
        return {"error": type(self).__name__, "message": str(self), "status": self.http_status}


class InputError(NewsfuseError):
    http_status = 422


class UnsupportedFormat(InputError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    http_status = 413


class TooComplex(InputError):
    http_status = 413


class Truncated(InputError):
    pass


class NotRegularFile(InputError):
    pass


class MalformedRecord(InputError):
    pass


class StageError(NewsfuseError):
    pass


class StoreError(NewsfuseError):
    pass


class NotFound(NewsfuseError):
    http_status = 404


class MissingDependency(NewsfuseError):
    pass


class TableError(NewsfuseError, ValueError):
    """A malformed row in a table shipped in ``newsfuse/data/``; the message says file:line."""
