"""Stage "serve": the REST API and the web pages over a newsfuse database."""

from newsfuse.web.app import create_app

__all__ = ["create_app"]
