# SPDX-License-Identifier: MIT
"""The summary panel: one row per report (C API <gkreport/summary.h>).

    rows = gkreport.summary.summary([r1, r2])      # pandas DataFrame when pandas is there
    rows = gkreport.summary.summary(reports, sort="rate.disclosed", as_dataframe=False)
    page = gkreport.summary.to_html(reports, rank_by="rate.denied")   # bar chart + table
    gkreport.summary.to_xlsx("summary.xlsx", reports, sort="total")   # one row per report

Columns: file, agency, level, kind, region, year, edition, completeness, errors,
warnings, the main totals and every indicator by its id. Values are the texts the
library gives ("" blank -> None); counts become int."""
from __future__ import annotations

from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_void_p
from typing import Iterable, List, Optional

from ._lib import lib

_SIGS = {
    "gk_summary_new": (c_int, (POINTER(c_void_p),)),
    "gk_summary_free": (None, (c_void_p,)),
    "gk_summary_add": (c_int, (c_void_p, c_void_p, c_char_p, c_void_p)),
    "gk_summary_row_count": (c_size_t, (c_void_p,)),
    "gk_summary_col_count": (c_size_t, ()),
    "gk_summary_col_id": (c_char_p, (c_size_t,)),
    "gk_summary_col_kind": (c_int, (c_size_t,)),
    "gk_summary_cell": (c_char_p, (c_void_p, c_size_t, c_size_t)),
    "gk_summary_sort": (c_int, (c_void_p, c_char_p, c_int)),
    "gk_summary_to_html": (c_int, (POINTER(c_void_p), POINTER(c_size_t), c_void_p, c_char_p, c_int)),
    "gk_summary_to_xlsx": (c_int, (c_char_p, c_void_p, c_int)),
}


def _fn(name):
    return lib.__dict__.get(name) or lib.declare(name, *_SIGS[name])


def columns() -> List[str]:
    """The column ids, in order."""
    return [_fn("gk_summary_col_id")(c).decode() for c in range(_fn("gk_summary_col_count")())]


def _build(reports: Iterable, sort: Optional[str], descending: bool) -> c_void_p:
    """A library summary of the reports, sorted; the caller frees it."""
    h = c_void_p()
    rc = _fn("gk_summary_new")(byref(h))
    if rc:
        raise MemoryError("gk_summary_new")
    try:
        for r in reports:
            src = getattr(r, "source", None)
            rc = _fn("gk_summary_add")(h, r._h, src.encode() if src else None, None)
            if rc:
                raise ValueError("summary: %s" % lib.gk_strerror(rc).decode())
        if sort:
            rc = _fn("gk_summary_sort")(h, sort.encode(), 1 if descending else 0)
            if rc:
                raise KeyError("summary: cannot sort by %r" % sort)
    except BaseException:
        _fn("gk_summary_free")(h)
        raise
    return h


def to_html(reports: Iterable, rank_by: Optional[str] = None, sort: Optional[str] = None,
            descending: bool = True, lang: str = "zh") -> str:
    """A self-contained HTML page: a bar chart ranking the reports by the numeric
    column ``rank_by`` (default rate.disclosed), then the table in ``sort`` order."""
    from ._lib import take_buffer
    from .errors import check
    from .report import _lang
    h = _build(reports, sort, descending)
    try:
        out, n = c_void_p(), c_size_t()
        check(_fn("gk_summary_to_html")(byref(out), byref(n), h,
                                        rank_by.encode() if rank_by else None, _lang(lang)), "to_html")
        return take_buffer(out, n.value).decode("utf-8")
    finally:
        _fn("gk_summary_free")(h)


def to_xlsx(path: str, reports: Iterable, sort: Optional[str] = None, descending: bool = True,
            lang: str = "zh") -> None:
    """Write the summary as an XLSX workbook at ``path``: one row per report (in
    ``sort`` order), frozen header, filters."""
    import os
    from .errors import check
    from .report import _lang
    h = _build(reports, sort, descending)
    try:
        check(_fn("gk_summary_to_xlsx")(os.fsencode(path), h, _lang(lang)), "to_xlsx")
    finally:
        _fn("gk_summary_free")(h)


def summary(reports: Iterable, sort: Optional[str] = None, descending: bool = True,
            as_dataframe: bool = True):
    """One row per report (gkreport.Report objects). A pandas DataFrame when
    pandas is installed and as_dataframe is true, else a list of dicts."""
    h = _build(reports, sort, descending)
    try:
        ids = columns()
        kinds = [_fn("gk_summary_col_kind")(c) for c in range(len(ids))]
        rows = []
        for i in range(_fn("gk_summary_row_count")(h)):
            row = {}
            for c, cid in enumerate(ids):
                t = _fn("gk_summary_cell")(h, i, c).decode("utf-8")
                row[cid] = None if t == "" else int(t) if kinds[c] == 1 else t
            rows.append(row)
    finally:
        _fn("gk_summary_free")(h)
    if as_dataframe:
        try:
            import pandas as pd
        except ImportError:
            return rows
        return pd.DataFrame(rows, columns=ids)
    return rows
