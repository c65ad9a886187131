"""The analyst web UI and its JSON API (FastAPI, Jinja2 templates, vendored htmx).

``create_app(store)`` makes the app; ``intex serve`` serves it at ``/`` with the TAXII
server beside it under ``/taxii2/``. Pages call ``intex.service`` only."""

from intex.web.app import create_app

__all__ = ["create_app"]
