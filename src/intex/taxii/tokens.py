"""``next`` tokens: opaque to the client, bound to the partner, unforgeable.

A token carries a position (a ``seq``) that counts every object, hidden ones included, so
it is encrypted: HMAC-SHA256 in counter mode, then an HMAC tag over nonce and ciphertext
(encrypt-then-MAC, standard library only). The key lives as long as the app; a token
from an earlier run is refused with a 400 and the client starts again (or pages by
``added_after``, which survives restarts).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

from intex.taxii.errors import TaxiiError

_NONCE = 12
_TAG = 16


class Tokens:
    def __init__(self, secret: bytes | None = None) -> None:
        root = secret or secrets.token_bytes(32)
        self._enc = hmac.new(root, b"intex taxii next: encrypt", hashlib.sha256).digest()
        self._mac = hmac.new(root, b"intex taxii next: authenticate", hashlib.sha256).digest()

    def _stream(self, nonce: bytes, n: int) -> bytes:
        out = b""
        block = 0
        while len(out) < n:
            out += hmac.new(self._enc, nonce + block.to_bytes(4, "big"), hashlib.sha256).digest()
            block += 1
        return out[:n]

    def make(self, scope: str, position: int) -> str:
        plain = f"{scope}\x00{position}".encode()
        nonce = secrets.token_bytes(_NONCE)
        body = bytes(a ^ b for a, b in zip(plain, self._stream(nonce, len(plain)), strict=True))
        tag = hmac.new(self._mac, nonce + body, hashlib.sha256).digest()[:_TAG]
        return base64.urlsafe_b64encode(nonce + body + tag).decode().rstrip("=")

    def read(self, scope: str, token: str) -> int:
        """The position a token of this scope (partner and endpoint) stands for."""
        try:
            raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        except ValueError:
            raw = b""
        if len(raw) <= _NONCE + _TAG or len(token) > 512:
            raise _bad()
        nonce, body, tag = raw[:_NONCE], raw[_NONCE:-_TAG], raw[-_TAG:]
        want = hmac.new(self._mac, nonce + body, hashlib.sha256).digest()[:_TAG]
        if not hmac.compare_digest(tag, want):
            raise _bad()
        plain = bytes(a ^ b for a, b in zip(body, self._stream(nonce, len(body)), strict=True))
        got_scope, _, position = plain.decode("utf-8", "replace").rpartition("\x00")
        if got_scope != scope or not position.isdigit():
            raise _bad()
        return int(position)


def _bad() -> TaxiiError:
    return TaxiiError(400, "Invalid next", "The next token is not one this server gave "
                      "for this request (or the server has restarted since).")
