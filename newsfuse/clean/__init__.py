"""Stage "clean": RawDocument → Article (or Reject).

Plain text goes through our dateline parser and boilerplate stripper; HTML
through trafilatura, with the dateline read before trafilatura can drop it.
"""

from __future__ import annotations

from newsfuse.clean.document import clean_document

__all__ = ["clean_document"]
