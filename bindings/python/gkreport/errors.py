# SPDX-License-Identifier: MIT
"""Exceptions raised by the bindings, one per libgkreport result code."""

from __future__ import annotations

from typing import Dict, Optional, Sequence, Type, TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    from .diag import Finding

GK_OK = 0
GK_EINVAL = -1
GK_ENOMEM = -2
GK_EPARSE = -3
GK_EOVERFLOW = -4
GK_ENOTFOUND = -5
GK_EIO = -6
GK_ERANGE = -7
GK_EENCODING = -8
GK_EUNSUPPORTED = -9
GK_EMISMATCH = -10


class Error(Exception):
    """Base of every gkreport error. ``code`` is the GK_E* result code and
    ``diagnostics`` the findings the library attached (may be empty)."""

    code: int = 0

    def __init__(self, message: str, diagnostics: Optional[Sequence["Finding"]] = None,
                 code: Optional[int] = None) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.diagnostics: list = list(diagnostics or [])

    @property
    def file(self) -> Optional[str]:
        """File of the first diagnostic, if any."""
        return self.diagnostics[0].file if self.diagnostics else None

    @property
    def line(self) -> int:
        """Line of the first diagnostic (0 when unknown)."""
        return self.diagnostics[0].line if self.diagnostics else 0

    def __str__(self) -> str:
        if not self.diagnostics:
            return self.message
        return self.message + "\n" + "\n".join("  " + str(d) for d in self.diagnostics)


class InvalidArgumentError(Error, ValueError):
    """GK_EINVAL: an argument out of range, wrong kind, or a cell that cannot be set."""
    code = GK_EINVAL


class ParseError(Error, ValueError):
    """GK_EPARSE: input could not be parsed; ``diagnostics`` say where."""
    code = GK_EPARSE


class ValueOverflowError(Error, OverflowError):
    """GK_EOVERFLOW: a value or sum does not fit in int64."""
    code = GK_EOVERFLOW


class NotFoundError(Error, KeyError):
    """GK_ENOTFOUND: no such key, rule, cell or item."""
    code = GK_ENOTFOUND

    def __str__(self) -> str:  # KeyError would quote the message
        return Error.__str__(self)


class IOError_(Error, OSError):
    """GK_EIO: reading or writing failed."""
    code = GK_EIO


class RangeError(Error, ValueError):
    """GK_ERANGE: a value outside the domain of its cell (e.g. a negative count)."""
    code = GK_ERANGE


class EncodingError(Error, ValueError):
    """GK_EENCODING: the input is not valid UTF-8 / GB18030."""
    code = GK_EENCODING


class UnsupportedError(Error, NotImplementedError):
    """GK_EUNSUPPORTED: edition, format or feature not supported (or a function the
    loaded library does not have)."""
    code = GK_EUNSUPPORTED

    def __init__(self, *args, **kwargs) -> None:  # (code, message) or (message)
        if args and isinstance(args[0], int):
            kwargs.setdefault("code", args[0])
            args = args[1:]
        super().__init__(*args, **kwargs)


class MismatchError(Error, ValueError):
    """GK_EMISMATCH: objects that must agree do not (edition, year, agency)."""
    code = GK_EMISMATCH


_BY_CODE: Dict[int, Type[Error]] = {
    GK_EINVAL: InvalidArgumentError, GK_EPARSE: ParseError,
    GK_EOVERFLOW: ValueOverflowError, GK_ENOTFOUND: NotFoundError, GK_EIO: IOError_,
    GK_ERANGE: RangeError, GK_EENCODING: EncodingError,
    GK_EUNSUPPORTED: UnsupportedError, GK_EMISMATCH: MismatchError,
}


def error_for(rc: int, what: str = "", diagnostics: Optional[Sequence["Finding"]] = None
              ) -> BaseException:
    """The exception for a negative result code (MemoryError for GK_ENOMEM)."""
    from ._lib import lib
    text = lib.gk_strerror(rc).decode("utf-8", "replace")
    message = "%s: %s" % (what, text) if what else text
    if rc == GK_ENOMEM:
        return MemoryError(message)
    cls = _BY_CODE.get(rc, Error)
    return cls(message, diagnostics=diagnostics, code=rc)


def check(rc: int, what: str = "") -> int:
    """Raise the matching exception for a negative rc, else return rc."""
    if rc < 0:
        raise error_for(rc, what)
    return rc
