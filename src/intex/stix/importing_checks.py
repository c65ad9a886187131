"""What a parsed bundle must be before intex reads anything from it.

Each check raises one :class:`BundleError` naming the input and, where there is one, the
offending object. The cheap checks run first, so that a hostile bundle is refused before
the OASIS validator (the slow one, a few milliseconds an object) spends time on it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import datetime
from typing import Any

from intex.errors import BundleError
from intex.stix.importing_markings import WELL_KNOWN

SPEC_VERSION = "2.1"
#: STIX 2.1 §2.9: ``type--UUID``; only strings of this form are followed as references
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                 r"[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_VALIDATOR_ID = re.compile(r"^([a-z0-9][a-z0-9-]*--[0-9a-fA-F-]{36}): ")


def bundle_objects(document: Any, *, name: str, max_objects: int) -> list[Any]:
    """The ``objects`` of a STIX 2.1 bundle; anything else is refused."""
    if not isinstance(document, dict):
        raise BundleError(f"a JSON {_json_kind(document)}, not a STIX bundle", subject=name)
    if document.get("type") != "bundle":
        raise BundleError("not a STIX bundle (its \"type\" is "
                          f"{_show(document.get('type'))}, not \"bundle\")", subject=name)
    version = document.get("spec_version")
    if version is not None and version != SPEC_VERSION:
        # 2.1 bundles have no spec_version; OpenCTI writes "2.1" there all the same
        raise BundleError(f"a STIX {_show(version)} bundle; intex reads STIX 2.1 only",
                          subject=name, object_id=_id_or(document, None))
    objects = document.get("objects")
    if not isinstance(objects, list):
        raise BundleError("a bundle without an \"objects\" list", subject=name,
                          object_id=_id_or(document, None))
    if len(objects) > max_objects:
        raise BundleError(f"{len(objects):,} objects; the limit is {max_objects:,}",
                          subject=name)
    return objects


def object_shape(obj: Any, index: int, *, name: str) -> str:
    """Every object is a JSON object with a string ``type`` and ``id``; returns the id."""
    where = f"objects[{index}]"
    if not isinstance(obj, dict):
        raise BundleError(f"a JSON {_json_kind(obj)}, not a STIX object", subject=name,
                          object_id=where)
    for key in ("type", "id"):
        if not isinstance(obj.get(key), str) or not obj[key]:
            raise BundleError(f"an object without a \"{key}\"", subject=name,
                              object_id=_id_or(obj, where))
    stix_id: str = obj["id"]
    if not stix_id.startswith(obj["type"] + "--"):
        raise BundleError(f"its id does not start with its type {obj['type']!r}",
                          subject=name, object_id=stix_id[:200])
    return stix_id


def spec_version(obj: Mapping[str, Any], *, name: str) -> None:
    """STIX 2.1 objects say ``spec_version: "2.1"``; cyber-observables may leave it out.
    An object with a ``created`` time and no ``spec_version`` is a STIX 2.0 object."""
    version = obj.get("spec_version")
    if version is None and "created" in obj:
        raise BundleError("no spec_version: a STIX 2.0 object; intex reads STIX 2.1 only",
                          subject=name, object_id=obj["id"])
    if version is not None and version != SPEC_VERSION:
        raise BundleError(f"spec_version {_show(version)}; intex reads STIX 2.1 only",
                          subject=name, object_id=obj["id"])


def without_tlp_copies(objects: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The objects less any altered copy of a well-known TLP marking definition (TLP 2.0,
    TLP 1.0, OpenCTI's AMBER+STRICT): one the OASIS validator refuses. Those ids mean what
    the standard says, whatever the copy adds: OpenCTI exports its TLP definitions with its
    own ``created``, colours, order and extension. The standard's own objects are kept (an
    intex bundle carries the TLP 2.0 ones), and references resolve either way (see
    :func:`resolve_references`)."""
    def altered(o: dict[str, Any]) -> bool:
        if o.get("type") != "marking-definition" or o.get("id") not in WELL_KNOWN:
            return False
        from intex.stix.validation import validate

        try:
            return bool(validate({"type": "bundle", "id": "bundle--" + str(o["id"])[20:],
                                  "objects": [o]}).errors)
        except Exception:  # the validator failing on it: not the standard's either
            return True
    return [o for o in objects if not altered(o)]


def version_key(obj: Mapping[str, Any]) -> tuple[str, object]:
    """An object version is its id and ``modified`` (``created`` for objects that have no
    ``modified``, such as marking definitions; nothing for cyber-observables), as a time,
    so that ``…00Z`` and ``…00.000Z`` are one version."""
    stamp = obj.get("modified", obj.get("created"))
    if stamp is not None and not isinstance(stamp, str):
        stamp = repr(stamp)  # not a time at all: the validator refuses it later
    return obj["id"], parse_time(stamp) or stamp


def parse_time(stamp: object) -> datetime | None:
    if not isinstance(stamp, str):
        return None
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return None


def unique_versions(objects: list[dict[str, Any]], *, name: str) -> list[dict[str, Any]]:
    """One copy of each (id, version), in the order received. Two copies that differ
    are refused: a partner's bundle cannot say two things about one version."""
    seen: dict[tuple[str, object], dict[str, Any]] = {}
    out: list[dict[str, Any]] = []
    for obj in objects:
        key = version_key(obj)
        first = seen.setdefault(key, obj)
        if first is obj:
            out.append(obj)
        elif first != obj:
            raise BundleError("two different objects with the same id and version "
                              f"(modified {_show(obj.get('modified', obj.get('created')))})",
                              subject=name, object_id=obj["id"])
    return out


def references(obj: Mapping[str, Any]) -> Iterator[tuple[str, str]]:
    """Every (property, id) an object refers to: the values of properties named
    ``*_ref`` or ``*_refs`` at any depth, ``granular_markings`` included, that have the
    form of a STIX id. Properties inside a third party's extension (an ``extensions``
    key that is an ``extension-definition--…`` id) are that party's business: OpenCTI's,
    for one, lists organisations (``granted_refs``) that it does not export."""
    stack: list[tuple[str, object]] = [(k, v) for k, v in obj.items() if k != "extensions"]
    extensions = obj.get("extensions")
    for key, ext in extensions.items() if isinstance(extensions, dict) else ():
        if not key.startswith("extension-definition--"):
            stack.append((key, ext))  # predefined SCO extensions (archive-ext, …) are STIX's
    while stack:
        key, value = stack.pop()
        if isinstance(value, dict):
            stack.extend(value.items())
        elif key.endswith("_refs") and isinstance(value, list):
            yield from ((key, v) for v in value if isinstance(v, str) and _ID.match(v))
        elif key.endswith("_ref") and isinstance(value, str) and _ID.match(value):
            yield key, value
        elif isinstance(value, list):
            stack.extend((key, v) for v in value if isinstance(v, dict | list))


def resolve_references(objects: list[dict[str, Any]], *, name: str,
                       held: frozenset[str] = frozenset()) -> None:
    """Every reference resolves to an object in the bundle, to one already ``held``, or
    to a well-known TLP marking definition; a broken one refuses the bundle."""
    known = {o["id"] for o in objects} | WELL_KNOWN.keys() | held
    for obj in objects:
        for prop, ref in references(obj):
            if ref not in known:
                raise BundleError(f"{prop} points to {ref}, which is not in the bundle",
                                  subject=name, object_id=obj["id"])


def official_validator(objects: list[dict[str, Any]], bundle_id: object, *,
                       name: str) -> None:
    """The OASIS stix2-validator (STIX 2.1, intex's schemas) on every object; any error
    refuses. Its references having been resolved by :func:`resolve_references` (a sync's
    part may refer to what the ledger holds), and its SHOULD checks being warnings that
    an import does not read, neither is asked of it."""
    from intex.stix.validation import validate

    bundle = {"type": "bundle", "id": bundle_id, "objects": objects}
    try:
        result = validate(bundle, enforce_refs=False, warnings=False)
    except Exception as err:  # the validator's own failure on odd input is a refusal too
        raise BundleError(f"the STIX validator fails on it: {err}", subject=name,
                          object_id=_crashing(objects, bundle_id)) from err
    if result.errors:
        first = result.errors[0]
        match = _VALIDATOR_ID.match(first)
        more = f" (and {len(result.errors) - 1} more)" if len(result.errors) > 1 else ""
        raise BundleError(f"invalid STIX 2.1: {first[match.end():] if match else first}{more}",
                          subject=name, object_id=match.group(1) if match else None)


def _crashing(objects: list[dict[str, Any]], bundle_id: object) -> str | None:
    """The first object the validator fails on by itself (only run once it has failed)."""
    from intex.stix.validation import validate

    for obj in objects:
        try:
            validate({"type": "bundle", "id": bundle_id, "objects": [obj]},
                     enforce_refs=False, warnings=False)
        except Exception:
            return str(obj["id"])
    return None


def _id_or(obj: Mapping[str, Any], default: str | None) -> str | None:
    value = obj.get("id")
    return value[:200] if isinstance(value, str) and value else default


def _json_kind(value: object) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean",
            type(None): "null"}.get(type(value), "number")


def _show(value: object) -> str:
    text = repr(value) if not isinstance(value, str) else f'"{value}"'
    return text if len(text) <= 60 else text[:57] + "..."
