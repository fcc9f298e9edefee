# SPDX-License-Identifier: MIT
"""Ownership of one C object by one Python object, safe across threads.

Every method of a wrapper runs inside a *call*: the first time a call reads an
object's handle (``obj._h``), the object is marked in use until the outermost
call of that thread returns. :meth:`Owned.close` frees the C object only when no
call uses it: from another thread it waits for the calls in flight to return;
from inside a call of its own thread (a method that closes, a ``with`` block
around a loop) the free is deferred to the end of that call. Any use after
close raises ValueError. So closing a report in one thread while another
validates it never frees memory under the C library's feet.
"""

from __future__ import annotations

import ctypes
import functools
import inspect
import threading
import weakref
from typing import Any, Callable, Dict, List, Optional

# One condition for every object: it is held only to count uses.
_cond = threading.Condition()
_local = threading.local()


class _Call:
    """The objects a thread's outermost call uses."""
    __slots__ = ("depth", "held")

    def __init__(self) -> None:
        self.depth = 0
        self.held: List["Owned"] = []


def _call() -> _Call:
    c = getattr(_local, "call", None)
    if c is None:
        c = _local.call = _Call()
    return c


def _leave_all(held: List["Owned"]) -> None:
    me = threading.get_ident()
    to_free = []
    with _cond:
        for obj in held:
            uses: Dict[int, int] = obj._uses
            n = uses.get(me, 0) - 1
            if n > 0:
                uses[me] = n
            else:
                uses.pop(me, None)
            if not uses and obj._handle is None and obj._finalizer.alive:
                to_free.append(obj)
        _cond.notify_all()
    for obj in to_free:
        obj._finalizer()


def _run(fn: Callable, args: Any, kwargs: Any) -> Any:
    c = _call()
    c.depth += 1
    try:
        return fn(*args, **kwargs)
    finally:
        c.depth -= 1
        if c.depth == 0 and c.held:
            held, c.held = c.held, []
            _leave_all(held)


def guarded(fn: Callable) -> Callable:
    """Run fn as a call (see the module doc); generator functions are guarded
    step by step, so a loop over one releases its objects between steps."""
    if inspect.isgeneratorfunction(fn):
        @functools.wraps(fn)
        def gen(*args: Any, **kwargs: Any):
            it = _run(fn, args, kwargs)
            while True:
                try:
                    v = _run(next, (it,), {})
                except StopIteration:
                    return
                yield v
        return gen

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return _run(fn, args, kwargs)
    return wrapper


_SKIP = {"__init_subclass__", "__new__", "__del__", "__enter__", "__exit__", "__reduce__",
         "__class_getitem__", "close", "closed", "_h", "_adopt"}


def guard_class(cls: type) -> type:
    """Guard every function, property, classmethod and staticmethod that cls
    defines itself."""
    for name, value in list(vars(cls).items()):
        if name in _SKIP:
            continue
        if isinstance(value, property):
            setattr(cls, name, property(value.fget and guarded(value.fget),
                                        value.fset and guarded(value.fset),
                                        value.fdel and guarded(value.fdel), value.__doc__))
        elif isinstance(value, classmethod):
            setattr(cls, name, classmethod(guarded(value.__func__)))
        elif isinstance(value, staticmethod):
            setattr(cls, name, staticmethod(guarded(value.__func__)))
        elif inspect.isfunction(value):
            setattr(cls, name, guarded(value))
    return cls


class Owned:
    """Base of the wrappers: holds a C handle, frees it exactly once (on
    :meth:`close`, at the end of a ``with`` block, or when garbage collected),
    never while a call of any thread uses it. The free function is a ctypes
    function of the loaded library, so the finalizer keeps the library alive as
    long as an object needs it."""

    __slots__ = ()
    _handle: Optional[ctypes.c_void_p]
    _finalizer: Any
    _uses: Dict[int, int]
    _name = "object"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        guard_class(cls)

    def _adopt(self, handle: ctypes.c_void_p, free: Callable[[int], None]) -> None:
        self._uses = {}
        self._handle = handle
        self._finalizer = weakref.finalize(self, free, handle.value)

    @property
    def _h(self) -> ctypes.c_void_p:
        c = _call()
        if c.depth == 0:  # outside any call (a caller's own use): unguarded
            h = self._handle
            if h is None:
                raise ValueError("operation on a closed gkreport.%s" % self._name)
            return h
        me = threading.get_ident()
        with _cond:
            h = self._handle
            if h is None:
                raise ValueError("operation on a closed gkreport.%s" % self._name)
            if me not in self._uses:  # this thread's call holds it until it returns
                self._uses[me] = self._uses.get(me, 0) + 1
                c.held.append(self)
        return h

    def close(self) -> None:
        """Free the C object (idempotent); the object is unusable afterwards.
        Calls in flight in other threads are waited for; inside a call of this
        thread the free happens when that call returns."""
        me = threading.get_ident()
        with _cond:
            if self._handle is None:
                return
            self._handle = None  # new uses raise from now on
            if me not in self._uses:
                while self._uses:
                    _cond.wait()
            if self._uses:  # this thread's own call: freed when it returns
                return
        self._finalizer()

    @property
    def closed(self) -> bool:
        """True after :meth:`close`."""
        return self._handle is None

    def __enter__(self):
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
