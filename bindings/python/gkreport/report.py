# SPDX-License-Identifier: MIT
"""The Report object: one annual report held by libgkreport."""

from __future__ import annotations

import ctypes
import os
from decimal import Decimal
from typing import (TYPE_CHECKING, Any, Dict, Iterable, Iterator, List, Mapping, MutableMapping,
                    Optional, Sequence, Tuple, Union)

from . import schema
from ._handle import Owned, guard_class
from ._lib import dec, enc, lib, take_buffer
from ._values import (UNITS, CellValue, check_int64, format_value, from_millionths,
                      to_millionths, to_python)
from .diag import Diags, Findings
from .errors import GK_EPARSE, check, error_for

if TYPE_CHECKING:  # pragma: no cover
    from .indicators import IndicatorValue

AGENCY_FIELDS = ("name", "code", "region")
JSON_PRETTY, JSON_LINES = 1, 2
CSV_NO_HEADER, CSV_DERIVED, CSV_EXCEL, CSV_LANG_EN = 1, 2, 4, 8


def _lang(lang: str) -> int:
    """GK_LANG_* of "zh" or "en"."""
    if lang not in ("zh", "en"):
        raise ValueError("lang must be 'zh' or 'en', not %r" % (lang,))
    return 0 if lang == "zh" else 1

Handle = ctypes.c_void_p


@guard_class
class Agency:
    """Live view of a report's agency metadata: ``name``, ``code``, ``region``,
    ``level`` ("national" ... "township" or None) and ``kind`` ("government",
    "department" or None). Assigning an attribute changes the report."""

    __slots__ = ("_report",)

    def __init__(self, report: "Report") -> None:
        self._report = report

    def _text(self, field: int) -> Optional[str]:
        return dec(lib.gk_report_agency(self._report._h, field))

    def _set_text(self, field: int, value: Optional[str]) -> None:
        b = enc(value)
        check(lib.gk_report_set_agency(self._report._h, field, b, len(b) if b else 0),
              "set agency")

    name = property(lambda self: self._text(0), lambda self, v: self._set_text(0, v),
                    doc="Agency name (str or None).")
    code = property(lambda self: self._text(1), lambda self, v: self._set_text(1, v),
                    doc="统一社会信用代码 (str or None).")
    region = property(lambda self: self._text(2), lambda self, v: self._set_text(2, v),
                      doc="Region, e.g. 江苏省宿迁市 (str or None).")

    def _enum_prop(get, set_, key_of, find, choices, what):  # noqa: N805
        def fget(self) -> Optional[str]:
            return dec(key_of(get(self._report._h)))

        def fset(self, key: Optional[str]) -> None:
            v = 0 if key is None else find(enc(key))
            if v < 0:
                raise ValueError("unknown agency %s %r (one of %s)"
                                 % (what, key, ", ".join(choices())))
            check(set_(self._report._h, v), "set agency " + what)
        return property(fget, fset, doc="Agency %s key, None when unknown." % what)

    level = _enum_prop(lambda h: lib.gk_report_agency_level(h),
                       lambda h, v: lib.gk_report_set_agency_level(h, v),
                       lambda v: lib.gk_schema_level_key(v),
                       lambda k: lib.gk_schema_level_find(k), schema.levels, "level")
    kind = _enum_prop(lambda h: lib.gk_report_agency_kind(h),
                      lambda h, v: lib.gk_report_set_agency_kind(h, v),
                      lambda v: lib.gk_schema_agency_kind_key(v),
                      lambda k: lib.gk_schema_agency_kind_find(k), schema.agency_kinds,
                      "kind")
    del _enum_prop

    def to_dict(self) -> Dict[str, Optional[str]]:
        """{"name", "code", "region", "level", "kind"}."""
        return {k: getattr(self, k) for k in ("name", "code", "region", "level", "kind")}

    def update(self, value: Union[str, Mapping[str, Any], "Agency", None] = None,
               **fields: Any) -> None:
        """Set several fields: a name, a mapping, another Agency, or keywords."""
        if isinstance(value, str):
            fields.setdefault("name", value)
        elif isinstance(value, Agency):
            for k, v in value.to_dict().items():
                fields.setdefault(k, v)
        elif value is not None:
            for k, v in dict(value).items():
                fields.setdefault(k, v)
        for k, v in fields.items():
            if k not in ("name", "code", "region", "level", "kind"):
                raise TypeError("unknown agency field %r" % k)
            setattr(self, k, v)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Agency):
            return self.to_dict() == other.to_dict()
        if isinstance(other, str):
            return self.name == other
        if isinstance(other, Mapping):
            return {k: v for k, v in self.to_dict().items() if v is not None} == \
                {k: v for k, v in other.items() if v is not None}
        return NotImplemented

    def __str__(self) -> str:
        return self.name or ""

    def __repr__(self) -> str:
        items = ", ".join("%s=%r" % kv for kv in self.to_dict().items() if kv[1] is not None)
        return "Agency(%s)" % items


@guard_class
class Sections(MutableMapping):
    """The narrative sections of a report by key ("preamble", "overview",
    "problems", "other"). A section that is absent reads as None; iteration
    yields the keys of the sections present. ``line(key)`` is where it starts."""

    __slots__ = ("_report",)

    def __init__(self, report: "Report") -> None:
        self._report = report

    @staticmethod
    def _index(key: str) -> int:
        i = lib.gk_schema_section_find(enc(key)) if isinstance(key, str) else -1
        if i < 0:
            raise KeyError("no section %r (one of %s)"
                           % (key, ", ".join(s.key for s in schema.sections())))
        return i

    def __getitem__(self, key: str) -> Optional[str]:
        return dec(lib.gk_report_section(self._report._h, self._index(key)))

    def __setitem__(self, key: str, text: Optional[str]) -> None:
        b = enc(text)
        check(lib.gk_report_set_section(self._report._h, self._index(key), b,
                                        len(b) if b else 0), "set section %s" % key)

    def __delitem__(self, key: str) -> None:
        if self[key] is None:
            raise KeyError(key)
        self[key] = None

    def __iter__(self) -> Iterator[str]:
        h = self._report._h
        return iter([s.key for s in schema.sections()
                     if lib.gk_report_section(h, s.index) is not None])

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and key in list(self)

    def line(self, key: str) -> int:
        """Source line where the section starts (0 when unknown)."""
        return int(lib.gk_report_section_line(self._report._h, self._index(key)))

    def set_line(self, key: str, line: int) -> None:
        """Set the source line of a section (0 = unknown)."""
        check(lib.gk_report_set_section_line(self._report._h, self._index(key), int(line)),
              "set section line")

    def __repr__(self) -> str:
        return "Sections(%s)" % ", ".join(
            "%s=<%d chars>" % (k, len(self[k] or "")) for k in self)


#: The key of the private constructor: only the package makes a Report from a
#: C handle (a stray pointer would crash the interpreter).
_OWN = object()


def _free_report(handle: int) -> None:
    lib.gk_report_free(handle)


class Report(Owned):
    """One annual report (政府信息公开工作年度报告).

    Create one with :func:`gkreport.load`, :func:`gkreport.loads` or
    :meth:`Report.new`. Cells are read and written by path::

        r["requests/new/total"]          # int, Decimal (amounts), None (blank), str (literal)
        r["requests/new/total"] = 5

    The C object is freed when the Report is garbage collected, or at once with
    :meth:`close` / a ``with`` block.
    """

    _name = "Report"

    __slots__ = ("_handle", "_finalizer", "_uses", "_edition", "diagnostics", "__weakref__")

    def __init__(self, _handle: Handle, _key: object = None) -> None:
        if _key is not _OWN or not isinstance(_handle, ctypes.c_void_p) or not _handle.value:
            raise TypeError("a gkreport.Report is not made from a handle: use "
                            "gkreport.Report.new(), gkreport.load() or gkreport.loads()")
        self._handle = _handle
        self._edition = int(lib.gk_report_edition(_handle))
        self._adopt(_handle, _free_report)
        #: Notes and warnings of the importer (import.*, json.*) when the report
        #: was loaded; empty otherwise.
        self.diagnostics: Findings = Findings()

    # ------------------------------------------------------------ lifecycle
    @classmethod
    def new(cls, edition: Union[str, int], year: Optional[int] = None,
            agency: Union[str, Mapping[str, Any], Agency, None] = None) -> "Report":
        """An empty report (every cell blank) of `edition` ("2019" / "2021").
        `year` defaults to unknown; `agency` is a name, a mapping of agency fields
        or an Agency."""
        h = Handle()
        ed = schema.edition_id(edition)
        check(lib.gk_report_new(ctypes.byref(h), ed, int(year or 0)), "new report")
        r = cls(h, _OWN)
        if agency is not None:
            r.agency.update(agency)
        return r

    def copy(self) -> "Report":
        """A deep copy."""
        h = Handle()
        check(lib.gk_report_clone(ctypes.byref(h), self._h), "clone")
        return Report(h, _OWN)

    __copy__ = copy

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Report":
        return self.copy()

    def __reduce__(self):
        """Pickle through the lossless JSON document (source lines kept), so
        reports travel to multiprocessing workers."""
        return (_unpickle, (self.to_json(lines=True).encode("utf-8"),))

    def equals(self, other: "Report", compare_lines: bool = False) -> bool:
        """Same edition, year, metadata, sections and cells (lines optionally)."""
        return bool(lib.gk_report_equal(self._h, other._h, int(compare_lines)))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Report):
            return NotImplemented
        return self.equals(other)

    __hash__ = None  # mutable

    # ------------------------------------------------------------ metadata
    @property
    def edition(self) -> str:
        """Edition key: "2019" (trial format) or "2021"."""
        return str(self._edition)

    @property
    def edition_id(self) -> int:
        """Edition as an int (2019 / 2021)."""
        return self._edition

    @property
    def schema(self) -> schema.Edition:
        """The schema of this report's edition."""
        return schema.edition(self._edition)

    @property
    def year(self) -> Optional[int]:
        """Report year, None when unknown."""
        y = lib.gk_report_year(self._h)
        return y or None

    @year.setter
    def year(self, year: Optional[int]) -> None:
        check(lib.gk_report_set_year(self._h, int(year or 0)), "set year")

    @property
    def agency(self) -> Agency:
        """Agency metadata (a live view; see :class:`Agency`)."""
        return Agency(self)

    @agency.setter
    def agency(self, value: Union[str, Mapping[str, Any], Agency, None]) -> None:
        """Replace every agency field (unset ones are cleared)."""
        if isinstance(value, Agency):
            fields = value.to_dict()
        elif isinstance(value, str):
            fields = {"name": value}
        else:
            fields = dict(value or {})
        for k in ("name", "code", "region", "level", "kind"):
            fields.setdefault(k, None)
        Agency(self).update(**fields)

    def _text_prop(get, set_, doc):  # noqa: N805 (helper at class creation)
        def fget(self):
            return dec(get(self._h))

        def fset(self, value):
            b = enc(value)
            check(set_(self._h, b, len(b) if b else 0), doc)
        return property(fget, fset, doc=doc)

    title = _text_prop(lambda h: lib.gk_report_title(h),
                       lambda h, b, n: lib.gk_report_set_title(h, b, n),
                       "Title as published (str or None).")
    source = _text_prop(lambda h: lib.gk_report_source(h),
                        lambda h, b, n: lib.gk_report_set_source(h, b, n),
                        "Name of the file the report was read from (str or None).")
    del _text_prop

    @property
    def sections(self) -> Sections:
        """The narrative sections (see :class:`Sections`)."""
        return Sections(self)

    # ------------------------------------------------------------ cells
    def _locate(self, path: str) -> Tuple[int, int, int]:
        if not isinstance(path, str):
            raise TypeError("a cell path is a str 'table/row/col', not %r" % (path,))
        self._h
        return schema.locate(self._edition, path)

    def _get(self, t: int, row: int, col: int) -> CellValue:
        h = self._h
        st = ctypes.c_int()
        v = ctypes.c_int64()
        check(lib.gk_report_cell(ctypes.byref(st), ctypes.byref(v), h, t, row, col), "get cell")
        lit = dec(lib.gk_report_literal(h, t, row, col)) if st.value == 2 else None
        return to_python(schema.kind_of(self._edition, t, col), st.value, v.value, lit)

    def __getitem__(self, path: str) -> CellValue:
        """The cell at "table/row/col": int (counts, signed), Decimal (amounts),
        None (blank) or str (a literal kept verbatim). KeyError for a bad path."""
        return self._get(*self._locate(path))

    def get(self, path: str, default: Any = None) -> Any:
        """Like ``r[path]`` but returns `default` for a blank cell."""
        v = self[path]
        return default if v is None else v

    def __setitem__(self, path: str, value: CellValue) -> None:
        """Set a cell: None -> blank; int; Decimal (amounts, or integral counts);
        str -> parsed by the cell's kind ("-8", "减4", "251000元", "59237.2449"),
        kept as a literal when it is no number ("-", "/", "无")."""
        t, row, col = self._locate(path)
        h = self._h
        what = "set %s" % path
        if value is None:
            check(lib.gk_report_set_blank(h, t, row, col), what)
            return
        if isinstance(value, bool) or isinstance(value, float):
            raise TypeError("%s: use int, decimal.Decimal or str, not %s (amounts are "
                            "exact)" % (what, type(value).__name__))
        kind = schema.kind_of(self._edition, t, col)
        if isinstance(value, (int, Decimal)):
            if kind == schema.KIND_AMOUNT:
                raw = to_millionths(value)
            elif isinstance(value, Decimal):
                if value != value.to_integral_value():
                    raise ValueError("%s: %s is not an integer" % (what, value))
                raw = check_int64(int(value))
            else:
                raw = check_int64(value)
            check(lib.gk_report_set_value(h, t, row, col, raw), what)
            return
        if isinstance(value, str):
            b = enc(value)
            rc = lib.gk_report_set_text(h, enc(path), b, len(b))
            if rc == GK_EPARSE:
                rc = lib.gk_report_set_literal(h, t, row, col, b, len(b))
            check(rc, what)
            return
        raise TypeError("%s: unsupported value type %s" % (what, type(value).__name__))

    def __delitem__(self, path: str) -> None:
        self[path] = None

    def __contains__(self, path: object) -> bool:
        """True when `path` names a cell of this report's edition."""
        try:
            self._locate(path)  # type: ignore[arg-type]
        except (KeyError, TypeError):
            return False
        return True

    def __iter__(self) -> Iterator[str]:
        """The paths of the report's cells ("table/row/col"), every stored cell of
        its edition in printed order (blank ones too): ``for path in r``."""
        for t in self.schema.tables:
            for row in t.rows:
                if row.settable:
                    for c in row.columns:
                        yield "%s/%s/%s" % (t.key, row.key, c)

    def keys(self) -> List[str]:
        """The cell paths, as ``list(r)``."""
        return list(self)

    def items(self, include_blank: bool = True) -> List[Tuple[str, CellValue]]:
        """(path, value) of every stored cell in printed order (blank cells are
        None; ``include_blank=False`` leaves them out)."""
        return list(self.cells(include_blank=include_blank))

    def values(self) -> List[CellValue]:
        """The values of every stored cell, in the order of :meth:`keys`."""
        return [v for _, v in self.cells(include_blank=True)]

    def line(self, path: str) -> int:
        """Source line the cell was read from (0 when unknown)."""
        t, row, col = self._locate(path)
        return int(lib.gk_report_line(self._h, t, row, col))

    def set_line(self, path: str, line: int) -> None:
        t, row, col = self._locate(path)
        check(lib.gk_report_set_line(self._h, t, row, col, int(line)), "set line")

    def unit(self, path: str) -> Optional[str]:
        """Unit written in an amount cell: "元", "万元" or None (the column's)."""
        t, row, col = self._locate(path)
        return {1: "元", 2: "万元"}.get(lib.gk_report_unit(self._h, t, row, col))

    def set_unit(self, path: str, unit: Optional[str]) -> None:
        """Set the unit of an amount cell ("元", "万元" or None)."""
        if unit not in UNITS:
            raise ValueError("unit must be None, '元' or '万元'")
        t, row, col = self._locate(path)
        check(lib.gk_report_set_unit(self._h, t, row, col, UNITS[unit]), "set unit")

    def text(self, path: str) -> str:
        """The cell as people read it (as ``gkreport show`` prints it): "" when
        blank, a literal verbatim, a value by its kind and unit through the
        library's gk_value_format ("3402", "-8", "59237.2449", "251000元")."""
        t, row, col = self._locate(path)
        h = self._h
        st = ctypes.c_int()
        v = ctypes.c_int64()
        check(lib.gk_report_cell(ctypes.byref(st), ctypes.byref(v), h, t, row, col), "get cell")
        if st.value == 2:
            return dec(lib.gk_report_literal(h, t, row, col)) or ""
        if st.value != 1:
            return ""
        return format_value(schema.kind_of(self._edition, t, col),
                            lib.gk_report_unit(h, t, row, col), v.value)

    def filled(self, table: Union[str, int, None] = None) -> int:
        """Number of non-blank stored cells (of one table, or of all)."""
        ed = self.schema
        tables = ed.tables if table is None else [ed.table(table)]
        return sum(lib.gk_report_count_filled(self._h, t.index) for t in tables)

    # ------------------------------------------------------------ bulk
    def _row_raw(self, t: schema.Table, r: schema.Row,
                 states: Any, values: Any) -> Dict[str, CellValue]:
        """One gk_report_row call; Python work only per existing cell."""
        h = self._h
        check(lib.gk_report_row(states, values, len(states), h, t.index, r.index), "get row")
        st, vs = states[:], values[:]
        out: Dict[str, CellValue] = {}
        for ci, key, amount in schema.row_plan(self._edition, t.index, r.index):
            s = st[ci]
            if s == 1:
                out[key] = from_millionths(vs[ci]) if amount else vs[ci]
            elif s == 2:
                out[key] = dec(lib.gk_report_literal(h, t.index, r.index, ci))
            else:
                out[key] = None
        return out

    def row(self, table: Union[str, int], row: Union[str, int]) -> Dict[str, CellValue]:
        """Every cell of one row in one library call: {col_key: value}."""
        t = self.schema.table(table)
        n = len(t.columns)
        return self._row_raw(t, t.row(row), (ctypes.c_int * n)(), (ctypes.c_int64 * n)())

    def table_values(self, table: Union[str, int]) -> Dict[str, Dict[str, CellValue]]:
        """Every cell of a table, row by row: {row_key: {col_key: value}} (derived
        rows included, computed by the library)."""
        t = self.schema.table(table)
        n = len(t.columns)
        states, values = (ctypes.c_int * n)(), (ctypes.c_int64 * n)()
        return {r.key: self._row_raw(t, r, states, values) for r in t.rows}

    def cells(self, include_blank: bool = False,
              include_derived: bool = False) -> Iterator[Tuple[str, CellValue]]:
        """(path, value) of every cell in printed order; blank cells and derived
        rows that hold no printed values are skipped unless asked for."""
        for t in self.schema.tables:
            for rkey, cols in self.table_values(t.key).items():
                if not include_derived and not t.row(rkey).settable:
                    continue
                for ckey, v in cols.items():
                    if v is not None or include_blank:
                        yield "%s/%s/%s" % (t.key, rkey, ckey), v

    def to_dict(self) -> Dict[str, Any]:
        """Metadata, sections and the non-blank cells as plain Python values."""
        return {"edition": self.edition, "year": self.year,
                "agency": self.agency.to_dict(), "title": self.title,
                "sections": dict(self.sections.items()),
                "cells": dict(self.cells())}

    # ------------------------------------------------------------ checking
    def validate(self, waive: Iterable[Any] = (), min_severity: Union[str, int] = "info",
                 rules: Optional[Sequence[str]] = None,
                 exclude: Optional[Sequence[str]] = None, imports: bool = False) -> "Findings":
        """Check the report against the rules of the format (format.md §7).

        `waive`: (rule, cell, reason) tuples, or (rule, reason) for every cell;
        waived findings stay in the list, marked ``waived``. `min_severity`:
        "info", "warning" or "error". `rules`: only these rule ids or patterns
        ("requests.*"); `exclude`: rules to leave out. `imports`: also the
        importer's findings (``diagnostics``: import.*, json.*), first, under the
        same selection, minimum severity and waivers (as ``gkreport validate``
        does). Returns a :class:`gkreport.Findings` list of
        :class:`gkreport.Finding`."""
        from .validate import validate
        return validate(self, waive, min_severity, rules, exclude, imports)

    def indicator(self, indicator_id: str) -> "Optional[IndicatorValue]":
        """One indicator (e.g. "rate.disclosed"): an IndicatorValue with the exact
        ratio and the percentage, or None when absent (blank input, zero
        denominator)."""
        from .indicators import evaluate
        return evaluate(self, indicator_id)

    def indicators(self) -> "Dict[str, Optional[IndicatorValue]]":
        """Every indicator of the catalogue: {id: IndicatorValue or None}."""
        from .indicators import evaluate_all
        return evaluate_all(self)

    # ------------------------------------------------------------ export
    def to_json(self, pretty: bool = False, lines: bool = False) -> str:
        """The lossless JSON document (``lines=True`` keeps source lines)."""
        flags = (JSON_PRETTY if pretty else 0) | (JSON_LINES if lines else 0)
        return self._export("to_json", lib.gk_report_to_json, flags)

    def _export(self, what: str, fn, *flags: int) -> str:
        out, n = ctypes.c_void_p(), ctypes.c_size_t()
        check(fn(ctypes.byref(out), ctypes.byref(n), self._h, *flags), what)
        return take_buffer(out, n.value).decode("utf-8")

    def to_csv(self, header: bool = True, derived: bool = False, excel: bool = False,
               lang: str = "zh") -> str:
        """Tidy long form, one line per cell:
        ``agency,year,edition,table,row,col,state,value`` (RFC 4180, LF).
        ``header=False`` omits the header line (to concatenate reports);
        ``derived=True`` adds the computed subtotal rows. ``excel=True`` writes
        for Excel: a byte-order mark, CRLF, and the columns source, row_label,
        col_label (Chinese, or English with ``lang="en"``). Texts a spreadsheet
        would run as formulas get a leading apostrophe. Read it back as a
        report with ``gkreport.loads(text, format="csv")`` (the cells), or into
        pandas without floats with :func:`gkreport.read_csv`."""
        flags = (0 if header else CSV_NO_HEADER) | (CSV_DERIVED if derived else 0)
        if excel:
            flags |= CSV_EXCEL | (CSV_LANG_EN if _lang(lang) else 0)
        return self._export("to_csv", lib.gk_report_to_csv, flags)

    def to_html(self, findings: bool = True, lang: str = "zh") -> str:
        """The report as a self-contained HTML page (inline CSS, no script): the
        tables in the published layout, with the cells that fail validation
        marked (the finding and its repair on hover and in a list) when
        ``findings`` is true."""
        from .diag import Diags
        with Diags() as d:
            if findings:
                check(lib.gk_report_validate(self._h, None, d.handle), "validate")
            return self._export("to_html", lib.gk_report_to_html,
                                d.handle if findings else None, _lang(lang))

    def to_xlsx(self, path: str, findings: bool = True, lang: str = "zh") -> None:
        """Write the report as an XLSX workbook at ``path``: one sheet per table in
        the published layout, failing cells highlighted with the finding as a
        comment, and a findings sheet."""
        import os
        from .diag import Diags
        with Diags() as d:
            if findings:
                check(lib.gk_report_validate(self._h, None, d.handle), "validate")
            check(lib.gk_report_to_xlsx(os.fsencode(path), self._h,
                                        d.handle if findings else None, _lang(lang)), "to_xlsx")

    def to_text(self) -> str:
        """The official layout as plain text (imports back to an equal report)."""
        return self._export("to_text", lib.gk_report_to_text)

    def to_markdown(self) -> str:
        """Headings, prose and the three tables as Markdown pipe tables."""
        return self._export("to_markdown", lib.gk_report_to_markdown)

    SAVE_FORMATS = {".json": "json", ".csv": "csv", ".txt": "text", ".md": "markdown",
                    ".html": "html", ".htm": "html", ".xlsx": "xlsx"}

    def save(self, path: Union[str, "os.PathLike[str]"], format: Optional[str] = None) -> None:
        """Write the report to `path` as JSON (pretty), CSV, text, Markdown, HTML or
        XLSX, by ``format`` or else by the file extension (.json, .csv, .txt, .md,
        .html, .xlsx). An unknown extension without ``format`` is refused
        (ValueError), never written as something else."""
        writers = {"json": lambda: self.to_json(pretty=True), "csv": self.to_csv,
                   "text": self.to_text, "markdown": self.to_markdown, "html": self.to_html}
        name = os.fspath(path)
        if format is None:
            ext = os.path.splitext(name)[1].lower()
            format = self.SAVE_FORMATS.get(ext)
            if format is None:
                raise ValueError("cannot tell the format of %r from its extension %r: use %s, "
                                 "or pass format=%s" % (name, ext or "(none)",
                                                        ", ".join(self.SAVE_FORMATS),
                                                        "|".join(list(writers) + ["xlsx"])))
        if format == "xlsx":
            self.to_xlsx(name)
            return
        if format not in writers:
            raise ValueError("format must be one of %s, not %r" % (", ".join(list(writers) + ["xlsx"]), format))
        data = writers[format]()
        with open(name, "w", encoding="utf-8", newline="") as f:
            f.write(data)

    def to_pandas(self, kind: str = "cells"):
        """A pandas DataFrame (needs pandas): ``kind="cells"`` is the tidy long
        form, one row per cell (agency, year, edition, table, row, col, state,
        value), built from bulk row reads."""
        from . import _pandas
        return _pandas.report_frame(self, kind)

    # ------------------------------------------------------------ REPL
    def _repr_markdown_(self) -> Optional[str]:
        """Jupyter shows a report as its Markdown tables."""
        if self._handle is None or not lib.has("gk_report_to_markdown"):
            return None
        return self.to_markdown()

    def __repr__(self) -> str:
        if self._handle is None:
            return "<gkreport.Report closed>"
        return "<gkreport.Report edition=%s year=%s agency=%r cells=%d>" % (
            self.edition, self.year, self.agency.name, self.filled())

    def __str__(self) -> str:
        if self._handle is None:
            return repr(self)
        lines = ["%s %s (edition %s)" % (self.agency.name or "<no agency>",
                                         self.year or "<no year>", self.edition)]
        for t in self.schema.tables:
            lines.append("%s %s: %d cells filled" % (t.key, t.label,
                                                      lib.gk_report_count_filled(self._h, t.index)))
        return "\n".join(lines)


def as_report(x: Any, where: str) -> Report:
    """x when it is a Report, the report read from x when it is a path; TypeError
    for anything else."""
    if isinstance(x, Report):
        return x
    if isinstance(x, (str, os.PathLike)):
        from . import load
        return load(x)
    raise TypeError("%s takes a gkreport.Report or the path of a report file, not %s"
                    % (where, type(x).__name__))


def _unpickle(data: bytes) -> Report:
    return read_report("gk_report_from_json", data, None)


def read_report(fn_name: str, data: bytes, source: Optional[str]) -> Report:
    """Call a gk_report_from_* / gk_report_load reader; ParseError (or the code's
    exception) with the diagnostics on failure, the importer's notes in
    ``report.diagnostics`` on success."""
    h = Handle()
    with Diags() as d:
        rc = getattr(lib, fn_name)(ctypes.byref(h), data, len(data), enc(source), d.handle)
        found = d.findings()
    if rc < 0:
        raise error_for(rc, "cannot read %s" % (source or "the input"), found)
    r = Report(h, _OWN)
    r.diagnostics = Findings(found)
    return r
