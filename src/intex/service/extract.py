"""Reading one report with the default pipeline; no ledger needed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from functools import lru_cache

from intex.errors import EmptyInput, IntexError
from intex.extraction import Extraction, run
from intex.ingest import Failure
from intex.ingest.formats import RawInput, decode
from intex.pipeline import Pipeline, build_pipeline


@lru_cache(maxsize=1)
def default_pipeline() -> Pipeline:
    return build_pipeline()


# a report's every part in a few lines: a dateline, a place, a speaker, a date and figures
_WARM_UP = ("Wire report\n\nKHARKIV, March 3 (Reuters) - Russian drones struck the city "
            "overnight, killing 2 people and wounding 14 in the Kharkiv region, Governor Oleh "
            "Syniehubov said on Monday. Ukraine's Air Force said it shot down 40 of 52 drones.")


def ready_pipeline() -> Pipeline:
    """The default pipeline, run once over a short report so that what its parts build
    on first use (the small-town index, compiled patterns, caches) is built now: a
    process that then freezes what it holds (gc.freeze) freezes all of it."""
    pipeline = default_pipeline()
    run(pipeline, _WARM_UP, format="text", source_name="warm-up")
    return pipeline


def extract_bytes(data: bytes, *, name: str, published: date | None = None,
                  url: str | None = None, content_type: str | None = None,
                  max_bytes: int = 5_000_000) -> Extraction:
    """Decode and extract one report; raises an InputError naming ``name`` when it is none."""
    raw = decode(data, name, content_type, max_bytes=max_bytes)
    fmt = "html" if raw.format == "html" else "text"
    return run(default_pipeline(), raw.text, format=fmt, url=url or raw.url,
               published=published or raw.published, title=raw.title, source_name=name)


def extract_inputs(items: Iterable[RawInput | Failure],
                   pipeline: Pipeline | None = None,
                   ) -> Iterator[tuple[str, Extraction | IntexError]]:
    """Each decoded input through the pipeline: (name, extraction or the error naming it)."""
    pipeline = pipeline or default_pipeline()
    for item in items:
        if isinstance(item, Failure):
            yield item.name, item.error
            continue
        yield item.name, extract_input(pipeline, item)


def extract_input(pipeline: Pipeline, item: RawInput) -> Extraction | IntexError:
    """One decoded input's extraction, or EmptyInput when the page holds no article text."""
    fmt = "html" if item.format == "html" else "text"
    ex = run(pipeline, item.text, format=fmt, url=item.url, published=item.published,
             title=item.title, source_name=item.name)
    if not ex.document.text.strip():
        return EmptyInput("no article text found", subject=item.name)
    return ex
