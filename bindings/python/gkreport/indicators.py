# SPDX-License-Identifier: MIT
"""Indicators (format.md §10): ratios such as 公开率, computed exactly."""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Dict, Optional, Tuple

from ._handle import guarded
from ._lib import dec, enc, lib
from .errors import NotFoundError, check


@dataclass(frozen=True)
class Indicator:
    """An indicator of the catalogue: ``id`` ("rate.disclosed"), Chinese and
    English ``name``, ``unit`` ("%") and ``formula`` over cell paths."""
    index: int
    id: str
    name: str
    name_en: str
    unit: str
    formula: str


@dataclass(frozen=True)
class IndicatorValue:
    """An indicator evaluated on a report: the exact ``ratio`` (numerator /
    denominator) and ``percent``, a Decimal rounded half to even to 2 places."""
    id: str
    numerator: int
    denominator: int
    percent: Decimal

    @property
    def ratio(self) -> Fraction:
        return Fraction(self.numerator, self.denominator)

    def __str__(self) -> str:
        return "%s = %s%%" % (self.id, self.percent)


@functools.lru_cache(maxsize=None)
def indicators() -> Tuple[Indicator, ...]:
    """The indicator catalogue, in the library's order."""
    return tuple(Indicator(i, dec(lib.gk_indicator_id(i)), dec(lib.gk_indicator_name(i, 0)),
                           dec(lib.gk_indicator_name(i, 1)), dec(lib.gk_indicator_unit(i)),
                           dec(lib.gk_indicator_formula(i)))
                 for i in range(lib.gk_indicator_count()))


def indicator(indicator_id: str) -> Indicator:
    """An indicator by id (NotFoundError otherwise)."""
    idx = ctypes.c_size_t()
    rc = lib.gk_indicator_find(ctypes.byref(idx), enc(indicator_id))
    if rc < 0:
        raise NotFoundError("no indicator %r" % (indicator_id,), code=rc)
    return indicators()[idx.value]


def percent(numerator: int, denominator: int) -> Decimal:
    """num/den in percent, rounded half to even to 2 places, by the library."""
    buf = ctypes.create_string_buffer(64)
    check(lib.gk_indicator_format(buf, len(buf), numerator, denominator), "percent")
    return Decimal(buf.value.decode("ascii"))


@guarded
def evaluate(report, indicator_id: str) -> Optional[IndicatorValue]:
    """One indicator on a report; None when an input is blank or the denominator 0."""
    ind = indicator(indicator_id)
    num, den = ctypes.c_int64(), ctypes.c_int64()
    rc = lib.gk_report_indicator(ctypes.byref(num), ctypes.byref(den), report._h, ind.index)
    if rc == -5:
        return None
    check(rc, "indicator %s" % indicator_id)
    return IndicatorValue(ind.id, num.value, den.value, percent(num.value, den.value))


def evaluate_all(report) -> Dict[str, Optional[IndicatorValue]]:
    """Every indicator on a report: {id: IndicatorValue or None}."""
    return {ind.id: evaluate(report, ind.id) for ind in indicators()}
