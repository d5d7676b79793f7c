"""The ``newsfuse`` command line: thin wrappers that parse options and call the library."""

from newsfuse.cli.app import app, main

__all__ = ["app", "main"]
