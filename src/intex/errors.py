"""One exception tree for intex.

    IntexError                      anything intex raises on purpose
    ├── ConfigError                 a setting or option is wrong
    ├── InputError                  one input cannot be read or understood (names it)
    │   ├── EmptyInput              nothing to read
    │   ├── BinaryInput             not text, HTML or a feed
    │   ├── TooLarge                over the size cap
    │   ├── FetchError              a URL could not be fetched (network, status, type)
    │   ├── FeedError               a feed could not be parsed
    │   └── BundleError             a STIX bundle is refused: malformed, hostile or not 2.1
    ├── PipelineError               a pipeline cannot be built (missing component, order)
    ├── ExportError                 the ledger cannot be written as STIX (names the object)
    ├── PermissionDenied            the user's role does not allow this
    └── StoreError                  the database refused or is not what intex expects
        └── NotFound                no object with that id or name

Every error carries the input or object it is about in ``subject`` so one line
can name it: ``str(err)`` is that line.
"""

from __future__ import annotations


class IntexError(Exception):
    """Root of everything intex raises on purpose."""

    def __init__(self, message: str, *, subject: str | None = None) -> None:
        self.message = message
        self.subject = subject
        super().__init__(f"{subject}: {message}" if subject else message)


class ConfigError(IntexError):
    pass


class InputError(IntexError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class TooLarge(InputError):
    pass


class FetchError(InputError):
    pass


class FeedError(InputError):
    pass


class BundleError(InputError):
    """A STIX bundle is refused as a whole. ``subject`` names the input; ``object_id``
    the offending STIX object (or where in the bundle), when there is one."""

    def __init__(self, message: str, *, subject: str | None = None,
                 object_id: str | None = None) -> None:
        self.object_id = object_id
        super().__init__(f"{object_id}: {message}" if object_id else message, subject=subject)


class PipelineError(IntexError):
    pass


class ExportError(IntexError):
    """The export set contradicts itself, or a bundle fails the STIX validator."""


class PermissionDenied(IntexError):
    """A user's role does not allow the action (reading is decided by clearance, and what
    a clearance hides is NotFound: never told apart from what does not exist)."""


class StoreError(IntexError):
    pass


class NotFound(StoreError):
    pass
