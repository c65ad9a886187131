"""The use cases that the CLI, the web UI and TAXII share. No formatting, no argument parsing."""

from __future__ import annotations

from datetime import date
from functools import lru_cache

from intex.extraction import Extraction, run
from intex.ingest.formats import decode
from intex.pipeline import Pipeline, build_pipeline


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return build_pipeline()


def extract_bytes(data: bytes, *, name: str, published: date | None = None,
                  url: str | None = None, content_type: str | None = None,
                  max_bytes: int = 5_000_000) -> Extraction:
    """Decode and extract one report; raises an InputError naming ``name`` when it is none."""
    raw = decode(data, name, content_type, max_bytes=max_bytes)
    fmt = "html" if raw.format == "html" else "text"
    return run(default_pipeline(), raw.text, format=fmt, url=url or raw.url,
               published=published or raw.published, title=raw.title, source_name=name)
