"""One name for each national ministry, whatever its country's own title.

Countries title the same body differently: defence ministries are "of National Defence"
(Lithuania, Poland), "of National Defense" (Taiwan, South Korea) or "of Defense"; interior
ministries are "of Internal Affairs" (Russia, Ukraine), "of the Interior" or "of Home
Affairs". The ledger groups claims by the body that asserts them, so each body has one
name: the field in its usual British English form, the country in brackets
("Ministry of Defence (Taiwan)", "Ministry of Interior (Russia)"), as the annotation
guide writes it. A longer title that names another field too ("Ministry of Interior and
Security") is a different body and keeps its name.
"""

from __future__ import annotations

import re

# the title's field, then the end of the name or the bracketed country
_FIELD_TITLES = (
    (re.compile(r"^Ministry of (?:the )?(?:National )?Defen[cs]e(?=$| \()", re.I),
     "Ministry of Defence"),
    (re.compile(r"^Ministry of (?:the )?(?:Interior|Internal Affairs|Home Affairs)(?=$| \()",
                re.I), "Ministry of Interior"),
)


def canonical_ministry(name: str) -> str:
    """'Ministry of National Defense (Taiwan)' -> 'Ministry of Defence (Taiwan)';
    'Ministry of Internal Affairs (Russia)' -> 'Ministry of Interior (Russia)'; any other
    name as it is."""
    for rx, canonical in _FIELD_TITLES:
        m = rx.match(name)
        if m:
            return canonical + name[m.end():]
    return name
