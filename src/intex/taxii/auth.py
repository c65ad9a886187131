"""Who is asking: HTTP Basic (partner name and password, as TAXII 2.1 §1.6.9 requires)
or an API key (``Authorization: Bearer KEY`` or ``X-API-Key: KEY``). Checked by the
store, which stores only hashes and answers as slowly for unknown names."""

from __future__ import annotations

import base64
import binascii

from starlette.requests import Request

from intex.model import Partner
from intex.service import Store
from intex.taxii.errors import TaxiiError

CHALLENGE = 'Basic realm="intex TAXII", charset="UTF-8", Bearer realm="intex TAXII"'


def unauthorized() -> TaxiiError:
    return TaxiiError(401, "Unauthorized", "Log in with HTTP Basic (partner name and "
                      "password) or an API key.", headers={"WWW-Authenticate": CHALLENGE})


def authenticate(request: Request, store: Store) -> Partner:
    header = request.headers.get("authorization", "")
    scheme, _, credentials = header.partition(" ")
    partner: Partner | None = None
    if scheme.lower() == "basic":
        try:
            text = base64.b64decode(credentials.strip(), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            raise unauthorized() from None
        name, colon, password = text.partition(":")
        if colon and name and len(name) <= 200 and len(password) <= 1000:
            partner = store.partner_login(name, password)
    elif scheme.lower() == "bearer" and 0 < len(credentials.strip()) <= 200:
        partner = store.partner_by_key(credentials.strip())
    elif not header and 0 < len(key := request.headers.get("x-api-key", "")) <= 200:
        partner = store.partner_by_key(key)
    if partner is None or partner.revoked:
        raise unauthorized()
    return partner
