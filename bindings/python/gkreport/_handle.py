"""Ownership of one C object by one Python object."""

from __future__ import annotations

import ctypes
import weakref
from typing import Any, Callable, Optional


class Owned:
    """Base of the wrappers: holds a C handle, frees it exactly once (on
    :meth:`close`, at the end of a ``with`` block, or when garbage collected).
    The free function is a ctypes function of the loaded library, so the
    finalizer keeps the library alive as long as an object needs it."""

    __slots__ = ()
    _handle: Optional[ctypes.c_void_p]
    _finalizer: Any
    _name = "object"

    def _adopt(self, handle: ctypes.c_void_p, free: Callable[[int], None]) -> None:
        self._handle = handle
        self._finalizer = weakref.finalize(self, free, handle.value)

    @property
    def _h(self) -> ctypes.c_void_p:
        h = self._handle
        if h is None:
            raise ValueError("operation on a closed gkreport.%s" % self._name)
        return h

    def close(self) -> None:
        """Free the C object now (idempotent); the object is unusable afterwards."""
        self._handle = None
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._handle is None

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
