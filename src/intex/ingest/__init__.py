"""Ingest: turn what the user names (files, folders, stdin, URLs, feeds) into decoded inputs.

    expand(inputs, feeds=...)  ->  RawInput | Failure, one per report, streamed
      ├── fetch.Fetcher         the one seam to httpx
      ├── feeds.parse_feed      the one seam to feedparser
      └── formats.decode        bytes -> text and format; the one seam to charset-normalizer
"""

from intex.ingest.feeds import FeedEntry, parse_feed
from intex.ingest.fetch import Fetched, Fetcher, FetchSettings
from intex.ingest.formats import RawInput, decode, detect_format
from intex.ingest.sources import FOLDER_SUFFIXES, Failure, expand, expand_file

__all__ = [
    "FOLDER_SUFFIXES",
    "Failure",
    "FeedEntry",
    "FetchSettings",
    "Fetched",
    "Fetcher",
    "RawInput",
    "decode",
    "detect_format",
    "expand",
    "expand_file",
    "parse_feed",
]
