# SPDX-License-Identifier: MIT
"""Consolidation of many agencies' reports into one (format.md §8)."""

from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass
from typing import BinaryIO, Iterable, List, Optional, Union

from ._handle import Owned
from ._lib import dec, enc, lib, take_buffer
from .diag import Diags
from .errors import check, error_for
from .report import _OWN, Report, as_report
from .validate import Findings

NO_CONTRIBUTORS = 1
CHUNK = 1 << 20


@dataclass(frozen=True)
class Contributor:
    """A report summed into an aggregate."""
    name: Optional[str]
    year: Optional[int]
    edition: str


def _free_aggregate(h: int) -> None:
    lib.gk_aggregate_free(h)


class Aggregate(Owned):
    """A running consolidation: add reports (or JSON Lines streams), merge partial
    aggregates, save and load them, and take the consolidated :class:`Report`.

    Findings about inputs (literals counted as blank, bad JSON Lines lines)
    collect in :attr:`findings`; :meth:`check` adds the consolidation's own
    (aggregate.overlap, aggregate.editions, aggregate.unit).
    """

    _name = "Aggregate"

    def __init__(self, reports: Iterable[Union[Report, str, "os.PathLike[str]"]] = (),
                 contributors: bool = True, _handle: Optional[ctypes.c_void_p] = None,
                 _key: object = None) -> None:
        h = _handle
        if h is not None and _key is not _OWN:
            raise TypeError("an Aggregate is not made from a handle: use Aggregate() or "
                            "Aggregate.from_json()")
        if h is None:
            h = ctypes.c_void_p()
            check(lib.gk_aggregate_new(ctypes.byref(h), 0 if contributors else NO_CONTRIBUTORS),
                  "aggregate")
        self._adopt(h, _free_aggregate)
        self.findings: Findings = Findings()
        for r in reports:
            self.add(r)

    def _call(self, what: str, fn, *args) -> None:
        with Diags() as d:
            rc = fn(*args, d.handle)
            found = d.findings()
        self.findings.extend(found)
        if rc < 0:
            raise error_for(rc, what, found)

    def add(self, report: Union[Report, str, "os.PathLike[str]"]) -> None:
        """Sum a report in: a :class:`Report` or the path of a report file
        (ValueOverflowError leaves the aggregate unchanged)."""
        r = as_report(report, "Aggregate.add()")
        self._call("aggregate add", lib.gk_aggregate_add, self._h, r._h)

    def merge(self, other: "Aggregate") -> None:
        """Add every report of another aggregate (which is unchanged)."""
        check(lib.gk_aggregate_merge(self._h, other._h), "aggregate merge")

    def add_jsonl(self, data: Union[str, bytes], source: Optional[str] = None,
                  end: bool = True) -> None:
        """Add a JSON Lines chunk (one report per line). Bad lines become
        "jsonl.line" findings and are skipped. With ``end=False`` more chunks of
        the same stream may follow; call :meth:`end_jsonl` after the last."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        if source is not None:
            check(lib.gk_aggregate_set_jsonl_source(self._h, enc(source)), "source")
        self._call("aggregate jsonl", lib.gk_aggregate_add_jsonl, self._h, raw, len(raw))
        if end:
            self.end_jsonl()

    def end_jsonl(self) -> None:
        """End of a JSON Lines stream (adds a last line without newline)."""
        self._call("aggregate jsonl", lib.gk_aggregate_add_jsonl_end, self._h)

    def add_jsonl_file(self, path_or_file: Union[str, "os.PathLike[str]", BinaryIO]) -> None:
        """Stream a JSON Lines file in 1 MiB chunks (constant memory)."""
        if hasattr(path_or_file, "read"):
            f, name, close = path_or_file, getattr(path_or_file, "name", None), False
        else:
            name = os.fspath(path_or_file)
            f, close = open(name, "rb"), True
        try:
            if name is not None:
                check(lib.gk_aggregate_set_jsonl_source(self._h, enc(str(name))), "source")
            while True:
                chunk = f.read(CHUNK)
                if not chunk:
                    break
                self.add_jsonl(chunk, end=False)
            self.end_jsonl()
        finally:
            if close:
                f.close()

    @property
    def count(self) -> int:
        """Number of reports summed."""
        return int(lib.gk_aggregate_count(self._h))

    def __len__(self) -> int:
        return self.count

    @property
    def literal_count(self) -> int:
        """Number of literal cells counted as blank."""
        return int(lib.gk_aggregate_literal_count(self._h))

    @property
    def edition(self) -> Optional[str]:
        """Edition of the result (the newest one for a mix), None when empty."""
        e = lib.gk_aggregate_edition(self._h)
        return str(e) if e else None

    @property
    def mixed(self) -> bool:
        """True when editions were mixed (the result is the common view)."""
        return bool(lib.gk_aggregate_mixed(self._h))

    @property
    def contributors(self) -> List[Contributor]:
        """The reports summed, in order of addition (merged lists follow; a
        loaded aggregate lists them canonically). Empty when not kept, also after
        merging an aggregate made with ``contributors=False``."""
        out = []
        name, year, ed = ctypes.c_char_p(), ctypes.c_int(), ctypes.c_int()
        for i in range(lib.gk_aggregate_contributor_count(self._h)):
            check(lib.gk_aggregate_contributor(ctypes.byref(name), ctypes.byref(year),
                                               ctypes.byref(ed), self._h, i), "contributor")
            out.append(Contributor(dec(name.value), year.value or None, str(ed.value)))
        return out

    def result(self, name: Optional[str] = None) -> Report:
        """The consolidated report (agency name `name`)."""
        h = ctypes.c_void_p()
        if not self.count:
            raise ValueError("the aggregate holds no report yet: add() one before taking "
                             "its result")
        check(lib.gk_aggregate_result(ctypes.byref(h), self._h, enc(name)), "aggregate result")
        return Report(h, _OWN)

    def check(self) -> Findings:
        """Findings about the consolidation (overlap, mixed editions, units)."""
        with Diags() as d:
            check(lib.gk_aggregate_check(self._h, d.handle), "aggregate check")
            return Findings(d.findings())

    def to_json(self) -> str:
        """Save the partial sums and contributors (merge them later)."""
        out, n = ctypes.c_void_p(), ctypes.c_size_t()
        check(lib.gk_aggregate_to_json(ctypes.byref(out), ctypes.byref(n), self._h),
              "aggregate to_json")
        return take_buffer(out, n.value).decode("utf-8")

    @classmethod
    def from_json(cls, data: Union[str, bytes]) -> "Aggregate":
        """Load an aggregate saved by :meth:`to_json` (ParseError on a bad one)."""
        raw = data.encode("utf-8") if isinstance(data, str) else bytes(data)
        h = ctypes.c_void_p()
        with Diags() as d:
            rc = lib.gk_aggregate_from_json(ctypes.byref(h), raw, len(raw), d.handle)
            if rc < 0:
                raise error_for(rc, "cannot read the aggregate", d.findings())
        return cls(_handle=h, _key=_OWN)

    def __repr__(self) -> str:
        if self._handle is None:
            return "<gkreport.Aggregate closed>"
        return "<gkreport.Aggregate reports=%d edition=%s%s>" % (
            self.count, self.edition, " mixed" if self.mixed else "")


def aggregate(reports: Iterable[Union[Report, str, "os.PathLike[str]"]],
              name: Optional[str] = None) -> Report:
    """Consolidate reports (:class:`Report` objects or paths of report files)
    cell by cell into a new :class:`Report` (blank + value = value, amounts
    exact; ValueOverflowError when a sum does not fit). ValueError for no report.
    Use :class:`Aggregate` for the findings, contributors and partial sums."""
    if isinstance(reports, (str, bytes, os.PathLike, Report)):
        raise TypeError("aggregate() takes a list of reports or paths, not one %s"
                        % type(reports).__name__)
    reports = list(reports)
    if not reports:
        raise ValueError("aggregate() needs at least one report: the list is empty")
    with Aggregate(reports) as a:
        return a.result(name)
