# SPDX-License-Identifier: MIT
"""Conversions between Python values and libgkreport cell values."""

from __future__ import annotations

import ctypes
import decimal
from decimal import Decimal
from typing import Union

from ._lib import lib
from .errors import ValueOverflowError, check
from .schema import AMOUNT_SCALE, KIND_AMOUNT

INT64_MIN, INT64_MAX = -(1 << 63), (1 << 63) - 1
_CTX = decimal.Context(prec=60, traps=[decimal.InvalidOperation])

CellValue = Union[int, Decimal, str, None]


def from_millionths(v: int) -> Decimal:
    """int64 millionths -> the shortest exact Decimal (59237244900 -> 59237.2449)."""
    neg = v < 0
    q, r = divmod(-v if neg else v, AMOUNT_SCALE)
    text = "%s%d" % ("-" if neg else "", q)
    if r:
        text += ("." + "%06d" % r).rstrip("0")
    return Decimal(text)


def to_millionths(value: Union[int, Decimal]) -> int:
    """An int or Decimal amount -> int64 millionths, exactly (ValueError when it
    has more than 6 decimals, ValueOverflowError when it does not fit)."""
    if isinstance(value, int):
        scaled = value * AMOUNT_SCALE
    else:
        if not value.is_finite():
            raise ValueError("amount %s is not a finite number" % value)
        exact = _CTX.multiply(value, Decimal(AMOUNT_SCALE))
        if exact != exact.to_integral_value(context=_CTX):
            raise ValueError("amount %s has more than 6 decimals" % value)
        scaled = int(exact)
    return check_int64(scaled)


def check_int64(v: int) -> int:
    if not INT64_MIN <= v <= INT64_MAX:
        raise ValueOverflowError("value %d does not fit in int64" % v)
    return v


def to_python(kind: int, state: int, value: int, literal: Union[str, None]) -> CellValue:
    """C cell (state, value) -> None / int / Decimal / str."""
    if state == 1:
        return from_millionths(value) if kind == KIND_AMOUNT else value
    if state == 2:
        return literal
    return None


UNITS = {None: 0, "元": 1, "万元": 2}


def format_value(kind: int, unit: int, value: int) -> str:
    """A cell value as people read it, by its kind and unit: the library's
    gk_value_format ("3402", "-8", "59237.2449", "251000元")."""
    buf = ctypes.create_string_buffer(64)
    check(lib.gk_value_format(buf, len(buf), kind, unit, value), "format value")
    return buf.value.decode("utf-8")
