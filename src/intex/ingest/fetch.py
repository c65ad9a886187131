"""The one seam to httpx: fetch one URL politely, within limits, and fail in plain words.

Everything httpx raises becomes a FetchError (or TooLarge, or BinaryInput) whose subject is
the URL the caller asked for, so a batch can report one line per bad URL and go on.
"""

from __future__ import annotations

import errno
import json
import socket
import ssl
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from types import TracebackType
from urllib.parse import urlsplit

import httpx

from intex.errors import BinaryInput, FetchError, TooLarge
from intex.ingest.formats import DEFAULT_MAX_BYTES, human_size, parse_content_type

USER_AGENT = "intex/0.1 (+https://github.com/intex-osint/intex; open-source report reader)"

ALLOWED_TYPES = frozenset({
    "text/html", "application/xhtml+xml", "text/plain",
    "application/rss+xml", "application/atom+xml", "application/xml", "text/xml",
})

# binary types get BinaryInput, which says more than "wrong content type"
_BINARY_PREFIXES = ("image/", "audio/", "video/", "font/")
_BINARY_TYPES = frozenset({"application/pdf", "application/zip", "application/gzip",
                           "application/msword", "application/octet-stream"})


@dataclass(frozen=True)
class FetchSettings:
    timeout: float = 20.0  # seconds for each network step and for the whole fetch
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = 5
    user_agent: str = USER_AGENT
    allowed_types: frozenset[str] = field(default=ALLOWED_TYPES)


@dataclass(frozen=True)
class Fetched:
    url: str  # final URL after redirects
    data: bytes
    content_type: str | None
    status: int
    headers: tuple[tuple[str, str], ...] = ()  # lower-cased names

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name.lower()), None)

    @property
    def not_modified(self) -> bool:
        """The server said 304: what the caller holds is still current (no data)."""
        return self.status == 304


class Fetcher:
    """Fetches URLs over one connection pool; close it (or use ``with``) when done."""

    def __init__(self, settings: FetchSettings | None = None,
                 transport: httpx.BaseTransport | None = None,
                 pace: Callable[[str], None] | None = None) -> None:
        """``pace`` is called with each URL before it is requested (rate limits wait there)."""
        self.settings = settings or FetchSettings()
        self._pace = pace
        accept = ", ".join(sorted(self.settings.allowed_types)) + ";q=0.9, */*;q=0.1"
        self._client = httpx.Client(
            follow_redirects=True, max_redirects=self.settings.max_redirects,
            timeout=self.settings.timeout, transport=transport,
            headers={"User-Agent": self.settings.user_agent, "Accept": accept})

    def fetch(self, url: str, *, params: dict[str, str] | None = None,
              auth: tuple[str, str] | None = None, accept: str | None = None,
              etag: str | None = None, modified: str | None = None,
              body: bytes | None = None, content_type: str | None = None) -> Fetched:
        """GET ``url`` (POST ``body`` when given); raise FetchError, TooLarge or BinaryInput
        naming it when it fails.

        ``params``, ``auth`` (HTTP Basic), ``accept``, ``body`` and ``content_type`` serve
        API calls such as TAXII's. ``etag`` and ``modified`` (the ETag and Last-Modified a
        server sent before) make the request conditional: an unchanged resource comes back
        ``not_modified``, empty.
        """
        _check_scheme(url)
        headers = {"Accept": accept} if accept else {}
        if content_type:
            headers["Content-Type"] = content_type
        if etag:
            headers["If-None-Match"] = etag
        if modified:
            headers["If-Modified-Since"] = modified
        if self._pace is not None:
            self._pace(url)
        try:
            with self._client.stream("GET" if body is None else "POST", url, params=params,
                                     auth=auth, headers=headers or None,
                                     content=body) as response:
                content_type = response.headers.get("content-type")
                if response.status_code == 304 and (etag or modified):
                    return Fetched(url=str(response.url), data=b"", content_type=content_type,
                                   status=304, headers=_lower(response.headers))
                self._check_response(url, response, content_type)
                data = self._read_capped(url, response)
                return Fetched(url=str(response.url), data=data, content_type=content_type,
                               status=response.status_code, headers=_lower(response.headers))
        except httpx.TooManyRedirects:
            raise FetchError(f"too many redirects (more than {self.settings.max_redirects})",
                             subject=url) from None
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.settings.timeout:g} s",
                             subject=url) from None
        except httpx.UnsupportedProtocol:
            raise FetchError("redirected to a URL that is not http or https",
                             subject=url) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(_describe(exc), subject=url) from None

    def post_json(self, url: str, body: bytes) -> int:
        """POST a JSON document (a webhook call); the status, or a FetchError naming ``url``."""
        _check_scheme(url)
        if self._pace is not None:
            self._pace(url)
        try:
            response = self._client.post(url, content=body,
                                         headers={"Content-Type": "application/json"})
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {self.settings.timeout:g} s",
                             subject=url) from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise FetchError(_describe(exc), subject=url) from None
        if not 200 <= response.status_code < 300:
            reason = response.reason_phrase or ""
            raise FetchError(f"HTTP {response.status_code} {reason}".rstrip(), subject=url)
        return response.status_code

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def _check_response(self, url: str, response: httpx.Response,
                        content_type: str | None) -> None:
        where = "" if str(response.url) == url else f" (at {response.url})"
        if not 200 <= response.status_code < 300:
            reason = response.reason_phrase or ""
            raise FetchError(f"HTTP {response.status_code} {reason}".rstrip() + where
                             + _said(response, content_type), subject=url)
        media_type, _ = parse_content_type(content_type)
        if media_type is None or media_type in self.settings.allowed_types:
            return  # no content type: the bytes will tell
        if media_type.startswith(_BINARY_PREFIXES) or media_type in _BINARY_TYPES:
            raise BinaryInput(f"not text: served as {media_type}{where}", subject=url)
        raise FetchError(f"unexpected content type {media_type}{where}", subject=url)

    def _read_capped(self, url: str, response: httpx.Response) -> bytes:
        cap = self.settings.max_bytes
        too_large = TooLarge(f"over the {human_size(cap)} size cap", subject=url)
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > cap:
            raise too_large
        deadline = time.monotonic() + self.settings.timeout
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > cap:
                raise too_large  # stop reading: the rest is never downloaded
            if time.monotonic() > deadline:  # a server dripping bytes slowly
                raise FetchError(f"timed out after {self.settings.timeout:g} s", subject=url)
            chunks.append(chunk)
        return b"".join(chunks)


def _lower(headers: httpx.Headers) -> tuple[tuple[str, str], ...]:
    return tuple((k.lower(), v) for k, v in headers.items())


def _said(response: httpx.Response, content_type: str | None) -> str:
    """What an API's JSON error resource says (TAXII's ``description``), if it says it
    in a few kilobytes; nothing otherwise."""
    media_type, _ = parse_content_type(content_type)
    if media_type not in ("application/json", "application/taxii+json"):
        return ""
    data = b""
    try:
        for chunk in response.iter_bytes():
            data += chunk
            if len(data) > 4096:
                return ""
        said = json.loads(data)
    except (httpx.HTTPError, ValueError):
        return ""
    text = said.get("description") or said.get("title") if isinstance(said, dict) else None
    return f": {text[:300]}" if isinstance(text, str) and text else ""


def _check_scheme(url: str) -> None:
    try:
        parts = urlsplit(url)
    except ValueError:
        raise FetchError("not a valid URL", subject=url) from None
    scheme = parts.scheme.lower()
    if not scheme:
        raise FetchError("not a URL (needs http:// or https://)", subject=url)
    if scheme not in ("http", "https"):
        raise FetchError(f"only http and https URLs can be fetched, not {scheme}:", subject=url)
    if not parts.hostname:
        raise FetchError("URL has no host", subject=url)


def _describe(exc: Exception) -> str:
    """One short human line for a network failure, from the OS error underneath if any."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, socket.gaierror):
            return "could not find the host (DNS lookup failed)"
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate not trusted ({cause.verify_message})"
        if isinstance(cause, ssl.SSLError):
            return "TLS handshake failed"
        if isinstance(cause, ConnectionRefusedError):
            return "connection refused"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(cause, OSError) and cause.errno in (errno.ENETUNREACH, errno.EHOSTUNREACH):
            return "network unreachable"
        cause = cause.__cause__ or cause.__context__
    if isinstance(exc, httpx.InvalidURL):
        return "not a valid URL"
    if isinstance(exc, httpx.RemoteProtocolError):
        return "the server broke the HTTP protocol (closed early or sent garbage)"
    if isinstance(exc, httpx.ConnectError):
        return "could not connect"
    if isinstance(exc, httpx.DecodingError):
        return "could not decompress the response"
    return f"network error ({type(exc).__name__})"
