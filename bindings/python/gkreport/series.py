# SPDX-License-Identifier: MIT
"""One agency's reports over several years: cross-year rules and trends."""

from __future__ import annotations

import ctypes
import json
import os
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Union

from ._handle import Owned
from ._lib import enc, lib, take_buffer
from .diag import Diags
from .errors import check
from .report import _OWN, Report, as_report
from .validate import Findings, Options, WaiverSpec


def similarity(a: str, b: str) -> Fraction:
    """Character-bigram Dice similarity of two texts (whitespace ignored), exact.
    0 when neither text has a bigram."""
    ba, bb = enc(a), enc(b)
    num, den = ctypes.c_uint64(), ctypes.c_uint64()
    check(lib.gk_text_similarity(ctypes.byref(num), ctypes.byref(den), ba, len(ba), bb,
                                 len(bb)), "similarity")
    return Fraction(num.value, den.value) if den.value else Fraction(0)


@dataclass(frozen=True)
class TrendRow:
    """One cell of the trend table: ``values`` per report (None blank/absent),
    ``change`` from the previous report and ``pct`` (Decimal percent, None when
    not computable)."""
    path: str
    comparable: bool
    values: tuple
    change: tuple
    pct: tuple


class Trend:
    """The trend table of a series: ``years``, ``editions``, ``rows`` (TrendRow,
    comparable cells first) and ``indicators`` ({id: [percent per year]})."""

    def __init__(self, data: Dict[str, Any]) -> None:
        self.years: List[Optional[int]] = list(data.get("years") or [])
        self.editions: List[str] = [str(e) for e in data.get("editions") or []]

        def num(v: Any) -> Any:
            return Decimal(v) if isinstance(v, str) else v

        def pct(v: Any) -> Optional[Decimal]:
            return Decimal(v) if v not in (None, "") else None
        self.rows: List[TrendRow] = [
            TrendRow(c["path"], bool(c.get("comparable")),
                     tuple(num(v) for v in c.get("values") or []),
                     tuple(num(v) for v in c.get("change") or []),
                     tuple(pct(v) for v in c.get("pct") or []))
            for c in data.get("cells") or []]
        self.indicators: Dict[str, List[Optional[Decimal]]] = {
            i["id"]: [pct(v) for v in i.get("values") or []]
            for i in data.get("indicators") or []}
        self._by_path = {r.path: r for r in self.rows}

    def __getitem__(self, path: str) -> TrendRow:
        return self._by_path[path]

    def __iter__(self) -> Iterator[TrendRow]:
        return iter(self.rows)

    def __len__(self) -> int:
        return len(self.rows)

    def __repr__(self) -> str:
        return "<gkreport.Trend years=%s cells=%d comparable=%d>" % (
            self.years, len(self.rows), sum(r.comparable for r in self.rows))


def _free_series(h: int) -> None:
    lib.gk_series_free(h)


def _is_amount_path(path: str) -> bool:
    """True when the trend path "table/row/col" names an amount column (in
    either edition)."""
    from . import schema
    parts = path.split(":")[-1].split("/")
    if len(parts) != 3:
        return False
    for ed in ("2019", "2021"):
        try:
            if schema.edition(ed).table(parts[0]).column(parts[2]).kind == "amount":
                return True
        except (KeyError, LookupError, ValueError):
            continue
    return False


class Series(Owned):
    """One agency's reports over several years (either edition), ordered by year.
    The series keeps its own copies of the reports.

    >>> s = gkreport.Series([r2022, r2023, r2024])
    >>> s.validate()            # series.carry, series.in_force, series.gap, ...
    >>> s.trend()["requests/new/total"].values
    """

    _name = "Series"

    def __init__(self, reports: Optional[Iterable[Union[Report, str, "os.PathLike[str]"]]] = None,
                 similarity_threshold: Optional[Union[float, Fraction, int]] = None) -> None:
        if isinstance(reports, (str, bytes, os.PathLike, Report)):
            raise TypeError("Series() takes a list of reports or paths, not one %s"
                            % type(reports).__name__)
        reports = None if reports is None else list(reports)
        if reports is not None and not reports:
            raise ValueError("Series() was given an empty list: pass at least one report "
                             "or path, or call Series() and add() them later")
        h = ctypes.c_void_p()
        check(lib.gk_series_new(ctypes.byref(h)), "series")
        self._adopt(h, _free_series)
        if similarity_threshold is not None:
            self.set_similarity_threshold(similarity_threshold)
        for r in reports or ():
            self.add(r)

    def add(self, report: Union[Report, str, "os.PathLike[str]"]) -> None:
        """Add a copy of `report` (a :class:`Report` or the path of a report
        file) in year order."""
        r = as_report(report, "Series.add()")
        check(lib.gk_series_add(self._h, r._h), "series add")

    def set_similarity_threshold(self, ratio: Union[float, Fraction, int]) -> None:
        """series.copied_text threshold as a ratio 0..1 (default 0.9)."""
        permille = int(round(Fraction(ratio) * 1000))
        check(lib.gk_series_set_similarity_threshold(self._h, permille), "threshold")

    def __len__(self) -> int:
        return int(lib.gk_series_count(self._h))

    def __getitem__(self, i: int) -> Report:
        """A copy of report i in year order."""
        n = len(self)
        if i < 0:
            i += n
        if not 0 <= i < n:
            raise IndexError("series index out of range")
        h = ctypes.c_void_p()
        check(lib.gk_report_clone(ctypes.byref(h), lib.gk_series_report(self._h, i)), "clone")
        return Report(h, _OWN)

    def __iter__(self) -> Iterator[Report]:
        for i in range(len(self)):
            yield self[i]

    @property
    def years(self) -> List[Optional[int]]:
        """The years of the reports, in order (None when unknown)."""
        return [lib.gk_report_year(lib.gk_series_report(self._h, i)) or None
                for i in range(len(self))]

    def validate(self, waive: Iterable[WaiverSpec] = (), min_severity: Union[str, int] = "info",
                 rules: Optional[Sequence[str]] = None,
                 exclude: Optional[Sequence[str]] = None) -> Findings:
        """The cross-year rules (series.*). Cells are named "YEAR:table/row/col";
        waivers match those paths, e.g. ("series.carry",
        "2021:requests/carried_over/total", "merger")."""
        with Options(waive, min_severity, rules, exclude) as opts, Diags() as d:
            check(lib.gk_series_validate(self._h, opts.handle, d.handle), "series validate")
            return Findings(d.findings())

    def to_html(self, findings: bool = True, lang: str = "zh") -> str:
        """A self-contained HTML page: SVG line charts of the main totals and the
        indicators across the years (the edition change marked), their table,
        and the cross-year findings when ``findings`` is true."""
        from .report import _lang
        with Diags() as d:
            if findings:
                check(lib.gk_series_validate(self._h, None, d.handle), "series validate")
            out, n = ctypes.c_void_p(), ctypes.c_size_t()
            check(lib.gk_series_to_html(ctypes.byref(out), ctypes.byref(n), self._h,
                                        d.handle if findings else None, _lang(lang)), "to_html")
            return take_buffer(out, n.value).decode("utf-8")

    def to_xlsx(self, path: str, findings: bool = True, lang: str = "zh") -> None:
        """Write the series as an XLSX workbook at ``path``, with native Excel line
        charts of the main totals and the indicators."""
        import os
        from .report import _lang
        with Diags() as d:
            if findings:
                check(lib.gk_series_validate(self._h, None, d.handle), "series validate")
            check(lib.gk_series_to_xlsx(os.fsencode(path), self._h,
                                        d.handle if findings else None, _lang(lang)), "to_xlsx")

    def trend_json(self) -> str:
        """The trend table as JSON (one library call)."""
        out, n = ctypes.c_void_p(), ctypes.c_size_t()
        check(lib.gk_series_trend_to_json(ctypes.byref(out), ctypes.byref(n), self._h), "trend")
        return take_buffer(out, n.value).decode("utf-8")

    def trend_csv(self) -> str:
        """The trend table as CSV, long form
        (path,comparable,year,edition,state,value,change,pct)."""
        out, n = ctypes.c_void_p(), ctypes.c_size_t()
        check(lib.gk_series_trend_to_csv(ctypes.byref(out), ctypes.byref(n), self._h), "trend")
        return take_buffer(out, n.value).decode("utf-8")

    def trend(self) -> Trend:
        """The trend table: value, change and percent change per cell and year."""
        return Trend(json.loads(self.trend_json()))

    def to_pandas(self):
        """The trend table as a long-form DataFrame (needs pandas): one row per
        cell and year with path, comparable, year, edition, value and change
        (counts: nullable Int64), amount and amount_change (amounts: Decimal) and
        pct (Decimal percent change)."""
        from ._pandas import require_pandas
        pd = require_pandas()
        t = self.trend()
        records = []
        for r in t:
            amount = _is_amount_path(r.path)
            for j, (year, edition) in enumerate(zip(t.years, t.editions)):
                v = r.values[j]
                ch = r.change[j] if j < len(r.change) else None
                records.append((r.path, r.comparable, year, edition,
                                None if amount else v, None if amount else ch,
                                v if amount else None, ch if amount else None,
                                r.pct[j] if j < len(r.pct) else None))
        df = pd.DataFrame.from_records(records, columns=[
            "path", "comparable", "year", "edition", "value", "change", "amount",
            "amount_change", "pct"])
        for col in ("year", "value", "change"):
            df[col] = df[col].astype("Int64")
        return df

    def __repr__(self) -> str:
        if self._handle is None:
            return "<gkreport.Series closed>"
        return "<gkreport.Series years=%s>" % self.years


def by_agency(reports: Iterable[Report]) -> Dict[str, "Series"]:
    """One Series per agency found among `reports`, keyed by the agency's name
    (that of its latest report). Reports are one agency's when the gazetteer
    placed them in the same region with the same kind (洪泽区人民政府 and
    淮安市洪泽区人民政府), else when their names are equal; as
    ``gkreport series --by-agency``."""
    groups: Dict[Any, List[Report]] = {}
    for r in reports:
        a = r.agency
        key = (a.region, a.kind) if a.region else (None, a.name)
        groups.setdefault(key, []).append(r)
    out: Dict[str, Series] = {}
    for members in groups.values():
        s = Series(members)
        name = max(members, key=lambda r: r.year or 0).agency.name or "?"
        out[name] = s
    return out
