# SPDX-License-Identifier: MIT
"""gkreport: Python bindings for libgkreport (政府信息公开工作年度报告).

Pure-Python ctypes over the C library ``libgkreport.so.0``::

    import gkreport
    r = gkreport.load("report.json")          # published text or JSON, detected
    r.year, r.edition, r.agency.name
    r["requests/new/total"]                    # int, Decimal, None (blank), str (literal)
    findings = r.validate()

The library is found through ``GKREPORT_LIBRARY``, then its SONAME, then
``ctypes.util.find_library``.
"""

from __future__ import annotations

import os as _os
from dataclasses import replace as _replace
from typing import IO as _IO, Iterator as _Iterator, Optional as _Optional
from typing import Tuple as _Tuple, Union as _Union

from . import schema
from ._lib import lib as _clib
from .diag import Finding
from .errors import error_for as _error_for
from .errors import (EncodingError, Error, InvalidArgumentError, MismatchError,
                     NotFoundError, ParseError, RangeError, UnsupportedError,
                     ValueOverflowError)
from .report import Agency, Report, Sections, read_report
from .validate import Findings, Rule, rule, rules
from .indicators import Indicator, IndicatorValue, indicator, indicators
from .series import Series, Trend, TrendRow, similarity
from .aggregate import Aggregate, Contributor, aggregate

__version__ = "0.2.0"
#: Version of the loaded C library, e.g. "0.2.0".
library_version: str = _clib.version
#: Path or name the C library was loaded from.
library_path: str = _clib._cdll._name

PathLike = _Union[str, "_os.PathLike[str]"]


def _looks_like_json(data: bytes) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf").lstrip()
    return head.startswith(b"{")


_READERS = {"json": "gk_report_from_json", "text": "gk_report_from_text",
            "html": "gk_report_from_html", "docx": "gk_report_from_docx",
            "csv": "gk_report_from_csv", "xlsx": "gk_report_from_xlsx"}


def loads(data: _Union[str, bytes], source: _Optional[str] = None,
          format: _Optional[str] = None) -> Report:
    """Read a report from a string or bytes: a gkreport JSON document, the text
    of a published report, a web page or the bytes of a .docx file (detected by
    the content, or forced with ``format="json"|"text"|"html"|"docx"|"csv"|"xlsx"``).
    `source` names the input in diagnostics. Raises :class:`ParseError` with
    ``diagnostics`` when the input cannot be read."""
    if isinstance(data, str):
        raw = data.encode("utf-8")
    elif isinstance(data, (bytes, bytearray, memoryview)):
        raw = bytes(data)
    else:
        raise TypeError("loads() takes the report as str or bytes, not %s (to read a "
                        "file, use gkreport.load(path))" % type(data).__name__)
    if source is not None and not isinstance(source, str):
        raise TypeError("source= names the input in diagnostics: a str, not %s"
                        % type(source).__name__)
    if format is not None and not isinstance(format, str):
        raise TypeError("format= is 'json', 'text', 'html', 'docx', 'csv' or 'xlsx', not %s"
                        % type(format).__name__)
    if format is None:
        return read_report("gk_report_load", raw, source)
    if format not in _READERS:
        raise ValueError("format must be 'json', 'text', 'html', 'docx', 'csv' or 'xlsx', not %r"
                         % (format,))
    return read_report(_READERS[format], raw, source)


def load(path: PathLike, format: _Optional[str] = None, *, agency: _Optional[str] = None,
         level: _Optional[str] = None, kind: _Optional[str] = None,
         region: _Optional[str] = None) -> Report:
    """Read a report file: JSON, published text, a web page (.html, .htm), a
    Word file (.docx) or an Excel workbook (.xlsx); the name's extension decides
    for pages, Word files and workbooks, else the content. Diagnostics name the file.

    ``agency``, ``level``, ``kind`` and ``region`` give or override the agency
    metadata, as the CLI's --agency/--level/--kind/--region: a new name brings
    the level, kind and region the gazetteer gives it, unless given too. The
    same can be done after loading through ``report.agency``."""
    if not isinstance(path, (str, _os.PathLike)):
        raise TypeError("load() takes the path of a report file, not %s (for the "
                        "contents, use gkreport.loads(data))" % type(path).__name__)
    name = _os.fspath(path)
    with open(name, "rb") as f:
        data = f.read()
    if format is None:
        ext = _os.path.splitext(name)[1].lower()
        format = {".html": "html", ".htm": "html", ".docx": "docx", ".xlsx": "xlsx"}.get(ext)
    r = loads(data, source=name, format=format)
    _override_agency(r, agency, level, kind, region)
    return r


def _override_agency(r: Report, agency: _Optional[str], level: _Optional[str],
                     kind: _Optional[str], region: _Optional[str]) -> None:
    if agency is not None:
        meta = schema.resolve_agency(agency)
        r.agency.update(name=agency, level=meta["level"], kind=meta["kind"],
                        region=meta["region"])
    if region is not None:
        r.agency.region = region
    if level is not None:
        r.agency.level = level
    if kind is not None:
        r.agency.kind = kind


ENCODINGS = ("utf-8", "utf-8-sig", "gb18030")


def decode(data: bytes) -> _Tuple[str, str]:
    """Decode the bytes of a published report the way the importer does: UTF-8
    with or without BOM, else GB18030/GBK. Returns (text, encoding) with encoding
    "utf-8", "utf-8-sig" or "gb18030"; :class:`EncodingError` (with the byte
    offset of the first bad byte in ``offset``) when it is neither."""
    import ctypes
    from ._lib import take_buffer
    out, n = ctypes.c_void_p(), ctypes.c_size_t()
    enc_, bad = ctypes.c_int(), ctypes.c_size_t()
    raw = bytes(data)
    rc = _clib.gk_text_to_utf8(ctypes.byref(out), ctypes.byref(n), ctypes.byref(enc_),
                               ctypes.byref(bad), raw, len(raw))
    if rc < 0:
        exc = _error_for(rc, "cannot decode the input (first bad byte at offset %d)"
                        % bad.value)
        exc.offset = bad.value  # type: ignore[attr-defined]
        raise exc
    return take_buffer(out, n.value).decode("utf-8"), ENCODINGS[enc_.value]


def iter_jsonl(source: _Union[PathLike, "_IO[bytes]"], errors: str = "raise"
               ) -> _Iterator[Report]:
    """Yield the reports of a JSON Lines file (one report document per line), one
    at a time, in constant memory. A bad line raises :class:`ParseError` whose
    diagnostics carry its line number; with ``errors="skip"`` it is skipped (the
    diagnostics are lost: use :class:`Aggregate.add_jsonl_file` to collect them)."""
    if errors not in ("raise", "skip"):
        raise ValueError("errors must be 'raise' or 'skip'")
    if hasattr(source, "read"):
        f, name, close = source, getattr(source, "name", None), False
    else:
        name = _os.fspath(source)  # type: ignore[arg-type]
        f, close = open(name, "rb"), True
    try:
        for number, line in enumerate(f, 1):  # type: ignore[arg-type]
            if not line.strip():
                continue
            try:
                r = read_report("gk_report_from_json", bytes(line), None)
            except ParseError as exc:
                if errors == "skip":
                    continue
                where = "%s:%d" % (name or "<jsonl>", number)
                raise ParseError("%s: not a report: %s" % (where, exc.message),
                                 diagnostics=[_replace(d, file=str(name) if name else None,
                                                      line=number)
                                              for d in exc.diagnostics]) from None
            yield r
    finally:
        if close:
            f.close()


def read_csv(source, **kwargs):
    """Read a CSV written by Report.to_csv (tidy or excel=True) into a pandas
    DataFrame without floats: year and edition Int64, value an int (count), a
    Decimal (amount), a literal's text, or None when blank. Needs pandas."""
    from ._pandas import read_csv as _read_csv
    return _read_csv(source, **kwargs)


__all__ = ["iter_jsonl", "read_csv", "decode", "load", "loads", "Report", "Agency", "Sections", "Finding", "Findings",
           "Rule", "rule", "rules", "schema", "Indicator", "IndicatorValue",
           "indicator", "indicators", "Series", "Trend", "TrendRow", "similarity",
           "Aggregate", "Contributor", "aggregate",
           "Error", "ParseError", "InvalidArgumentError", "NotFoundError",
           "RangeError", "EncodingError", "UnsupportedError", "MismatchError",
           "ValueOverflowError", "library_version", "library_path", "PathLike",
           "ENCODINGS"]


def __dir__():
    """The public names only (no typing or os helpers)."""
    return sorted(__all__ + ["__version__"])
