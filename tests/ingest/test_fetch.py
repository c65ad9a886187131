from __future__ import annotations

import socket

import httpx
import pytest

from intex.errors import BinaryInput, FetchError, InputError, TooLarge
from intex.ingest import Fetcher, FetchSettings

from .conftest import ARTICLE_HTML, PLAIN_TEXT, Site

pytestmark = pytest.mark.network


def test_fetches_an_html_page(site: Site, fetcher: Fetcher) -> None:
    fetched = fetcher.fetch(site.url("/article.html"))
    assert fetched.status == 200
    assert fetched.data == ARTICLE_HTML.encode()
    assert fetched.content_type == "text/html; charset=utf-8"
    assert fetched.url == site.url("/article.html")


def test_fetches_plain_text(site: Site, fetcher: Fetcher) -> None:
    assert fetcher.fetch(site.url("/plain.txt")).data == PLAIN_TEXT.encode()


def test_follows_a_short_redirect_chain_and_reports_the_final_url(
        site: Site, fetcher: Fetcher) -> None:
    fetched = fetcher.fetch(site.url("/hop/2"))
    assert fetched.url == site.url("/article.html")
    assert fetched.data == ARTICLE_HTML.encode()


def test_too_many_redirects(site: Site, fetcher: Fetcher) -> None:
    url = site.url("/hop/8")
    with pytest.raises(FetchError, match="too many redirects") as caught:
        fetcher.fetch(url)
    assert caught.value.subject == url and url in str(caught.value)


def test_not_found_names_the_status(site: Site, fetcher: Fetcher) -> None:
    url = site.url("/nowhere.html")
    with pytest.raises(FetchError, match="HTTP 404") as caught:
        fetcher.fetch(url)
    assert str(caught.value).startswith(url)


def test_slow_server_times_out(site: Site, fetcher: Fetcher) -> None:
    url = site.url("/slow")
    with pytest.raises(FetchError, match=r"timed out after 0\.5 s") as caught:
        fetcher.fetch(url)
    assert url in str(caught.value)


def test_server_dripping_bytes_hits_the_whole_fetch_deadline(
        site: Site, fetcher: Fetcher) -> None:
    with pytest.raises(FetchError, match="timed out") as caught:
        fetcher.fetch(site.url("/drip"))
    assert site.url("/drip") in str(caught.value)


@pytest.mark.parametrize("path", ["/huge.txt", "/huge-stream.txt"])
def test_body_over_the_cap_is_too_large(site: Site, fetcher: Fetcher, path: str) -> None:
    url = site.url(path)
    with pytest.raises(TooLarge, match="50.0 kB") as caught:
        fetcher.fetch(url)
    assert caught.value.subject == url


def test_cap_is_a_setting(site: Site) -> None:
    with Fetcher(FetchSettings(timeout=2, max_bytes=300_000)) as roomy:
        assert len(roomy.fetch(site.url("/huge.txt")).data) == 200_000


def test_image_is_binary_input(site: Site, fetcher: Fetcher) -> None:
    url = site.url("/image.png")
    with pytest.raises(BinaryInput, match="image/png") as caught:
        fetcher.fetch(url)
    assert caught.value.subject == url


def test_wrong_content_type_names_it(site: Site, fetcher: Fetcher) -> None:
    url = site.url("/data.json")
    with pytest.raises(FetchError, match="application/json") as caught:
        fetcher.fetch(url)
    assert url in str(caught.value)


def test_missing_content_type_is_left_to_the_bytes(site: Site, fetcher: Fetcher) -> None:
    fetched = fetcher.fetch(site.url("/untyped"))
    assert fetched.content_type is None
    assert fetched.data.startswith(b"\x89PNG")


@pytest.mark.parametrize("url, message", [
    ("ftp://127.0.0.1/file.txt", "only http and https"),
    ("file:///etc/hostname", "only http and https"),
    ("javascript:alert(1)", "only http and https"),
    ("example.com/report.html", "not a URL"),
    ("http:///no-host", "no host"),
])
def test_only_http_and_https(fetcher: Fetcher, url: str, message: str) -> None:
    with pytest.raises(FetchError, match=message) as caught:
        fetcher.fetch(url)
    assert caught.value.subject == url


def test_redirect_to_another_scheme_is_refused(site: Site, fetcher: Fetcher) -> None:
    url = site.url("/to-ftp")
    with pytest.raises(FetchError, match="not http or https") as caught:
        fetcher.fetch(url)
    assert caught.value.subject == url


def test_connection_refused_is_a_short_message(fetcher: Fetcher) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}/report.html"
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    assert str(caught.value) == f"{url}: connection refused"


def test_unknown_host_is_a_short_message(fetcher: Fetcher) -> None:
    url = "http://no-such-host.invalid/report.html"
    with pytest.raises(FetchError) as caught:
        fetcher.fetch(url)
    # without a resolver the lookup may time out instead; either way one plain line
    assert str(caught.value) in (f"{url}: could not find the host (DNS lookup failed)",
                                 f"{url}: timed out after 0.5 s")


def test_fetch_errors_are_input_errors(site: Site, fetcher: Fetcher) -> None:
    for path in ("/nowhere", "/hop/8", "/data.json", "/image.png", "/huge.txt"):
        with pytest.raises(InputError):
            fetcher.fetch(site.url(path))


def test_sends_its_user_agent(site: Site) -> None:
    seen: list[str] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["user-agent"])
        return httpx.Response(200, text="ok", headers={"content-type": "text/plain"})

    with Fetcher(FetchSettings(), transport=httpx.MockTransport(record)) as fetcher:
        assert fetcher.fetch("https://reports.example/a").data == b"ok"
    assert seen == [FetchSettings().user_agent]
    assert seen[0].startswith("intex/0.1")

