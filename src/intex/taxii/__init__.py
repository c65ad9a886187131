"""The TAXII 2.1 server: ``create_app(store)`` gives a FastAPI app serving ``/taxii2/``.

Modules, one per concern: ``app`` (the factory, errors, who is asking), ``routes``
(discovery, API root, collections, objects, manifest, versions, status), ``intake``
(POSTed objects into the ledger), ``view`` (one partner's view of the collection),
``visibility`` (the marking rule as pure functions), ``params`` (query parameters),
``tokens`` (opaque ``next``), ``media`` (media types), ``openapi`` (the OpenAPI
description), ``auth``, ``errors``.
See docs/taxii.md.
"""

from intex.taxii.app import create_app

__all__ = ["create_app"]
