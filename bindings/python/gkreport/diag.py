# SPDX-License-Identifier: MIT
"""Findings and parse diagnostics as Python objects."""

from __future__ import annotations

import ctypes
import dataclasses
from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple, Union

from ._lib import lib

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Finding:
    """One diagnostic: a rule finding or a parse error.

    ``rule`` is the stable rule id (format.md §7, or a parser id such as
    "json.syntax"), ``severity`` "error" / "warning" / "info", ``cells`` the paths
    involved (the first is the primary cell), ``expected`` / ``actual`` the values
    as text, ``message`` the Chinese message (``message_en`` the English one),
    ``line`` / ``file`` / ``column`` the source position (0 / None when unknown),
    ``suspect`` / ``suspect_value`` the probable culprit cell and the value that
    would repair every failed identity, ``waived`` / ``waiver_reason``;
    ``candidates`` the (cell, value) pairs of an ambiguous repair (a few cells
    could each alone repair it), ``note`` / ``note_en`` what to do, in words.
    """
    rule: str
    severity: str
    cells: Tuple[str, ...] = ()
    expected: Optional[str] = None
    actual: Optional[str] = None
    message: Optional[str] = None
    line: int = 0
    file: Optional[str] = None
    suspect: Optional[str] = None
    suspect_value: Optional[str] = None
    waived: bool = False
    waiver_reason: Optional[str] = None
    message_en: Optional[str] = field(default=None, compare=False)
    column: int = 0
    candidates: Tuple[Tuple[str, str], ...] = field(default=(), compare=False)
    note: Optional[str] = field(default=None, compare=False)
    note_en: Optional[str] = field(default=None, compare=False)

    @property
    def cell(self) -> Optional[str]:
        """The primary cell path, or None."""
        return self.cells[0] if self.cells else None

    def format(self, lang: str = "zh") -> str:
        """Compiler-style line: ``file:line: severity rule: message``."""
        where = self.file or "<report>"
        if self.line:
            where += ":%d" % self.line
            if self.column:
                where += ":%d" % self.column
        msg = (self.message_en if lang == "en" else self.message) or self.message or ""
        text = "%s: %s %s: %s" % (where, self.severity, self.rule, msg)
        if self.waived:
            text += " [waived: %s]" % (self.waiver_reason or "")
        note = (self.note_en if lang == "en" else self.note) or self.note
        if note:
            text += "\n%s: note: %s" % (where, note)
        return text

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        parts = [self.severity, self.rule]
        if self.cells:
            parts.append(self.cells[0])
        if self.expected is not None or self.actual is not None:
            parts.append("expected=%s actual=%s" % (self.expected, self.actual))
        if self.suspect:
            parts.append("suspect=%s->%s" % (self.suspect, self.suspect_value))
        if self.line:
            parts.append("line=%d" % self.line)
        if self.waived:
            parts.append("waived=%r" % self.waiver_reason)
        return "<Finding %s>" % " ".join(parts)


class Findings(list):
    """A list of :class:`Finding` with helpers for the REPL and scripts."""

    def count_at_least(self, severity: Union[str, int] = "error",
                       include_waived: bool = False) -> int:
        """Number of findings at or above `severity` (waived ones excluded)."""
        s = severity_index(severity)
        return sum(1 for f in self if SEVERITIES.index(f.severity) >= s
                   and (include_waived or not f.waived))

    @property
    def errors(self) -> List[Finding]:
        """Findings of severity error that are not waived."""
        return [f for f in self if f.severity == "error" and not f.waived]

    @property
    def ok(self) -> bool:
        """True when there is no unwaived error."""
        return not self.errors

    def rules(self) -> List[str]:
        """Rule ids of the findings, in order."""
        return [f.rule for f in self]

    def to_dicts(self) -> List[dict]:
        """Every finding as a plain dict (for json.dumps, csv, pandas)."""
        return [dataclasses.asdict(f) for f in self]

    def to_pandas(self):
        """The findings as a DataFrame, one row per finding (needs pandas)."""
        from ._pandas import require_pandas
        return require_pandas().DataFrame.from_records(
            self.to_dicts(), columns=[f.name for f in dataclasses.fields(Finding)])

    def format(self, lang: str = "zh") -> str:
        """One compiler-style line per finding."""
        return "\n".join(f.format(lang) for f in self)

    def __str__(self) -> str:
        return self.format()


def _str(b: Optional[bytes]) -> Optional[str]:
    return None if b is None else b.decode("utf-8", "replace")


def read_diags(d: ctypes.c_void_p) -> List[Finding]:
    """Copy every item of a gk_diags into Finding objects."""
    out = []
    n = lib.gk_diags_count(d)
    for i in range(n):
        sev = lib.gk_diag_severity(d, i)
        ncells = lib.gk_diag_ncells(d, i)
        out.append(Finding(
            rule=_str(lib.gk_diag_rule(d, i)) or "",
            severity=SEVERITIES[sev] if 0 <= sev < len(SEVERITIES) else str(sev),
            cells=tuple(_str(lib.gk_diag_cell(d, i, k)) or "" for k in range(ncells)),
            expected=_str(lib.gk_diag_expected(d, i)),
            actual=_str(lib.gk_diag_actual(d, i)),
            message=_str(lib.gk_diag_message(d, i, 0)),
            line=int(lib.gk_diag_line(d, i)),
            file=_str(lib.gk_diag_file(d, i)),
            suspect=_str(lib.gk_diag_suspect(d, i)),
            suspect_value=_str(lib.gk_diag_suspect_value(d, i)),
            waived=bool(lib.gk_diag_waived(d, i)),
            waiver_reason=_str(lib.gk_diag_waiver_reason(d, i)),
            message_en=_str(lib.gk_diag_message(d, i, 1)),
            column=int(lib.gk_diag_column(d, i)),
            **_repair(d, i)))
    return out


def write_diags(d: ctypes.c_void_p, findings: Sequence[Finding]) -> None:
    """Append Finding objects to a gk_diags (the inverse of read_diags)."""
    from .errors import check
    def e(s: Optional[str]) -> Optional[bytes]:
        return None if s is None else s.encode("utf-8")
    for f in findings:
        i = ctypes.c_size_t()
        sev = SEVERITIES.index(f.severity) if f.severity in SEVERITIES else 0
        check(lib.gk_diags_add(ctypes.byref(i), d, sev, e(f.rule), e(f.message), e(f.message_en),
                               e(f.file), f.line, f.column), "diagnostics")
        for c in f.cells:
            check(lib.gk_diags_add_cell(d, i, e(c)), "diagnostics")
        if f.expected is not None or f.actual is not None:
            check(lib.gk_diags_set_values(d, i, e(f.expected), e(f.actual)), "diagnostics")
        if f.suspect is not None:
            check(lib.gk_diags_set_suspect(d, i, e(f.suspect), e(f.suspect_value)), "diagnostics")
        for path, value in (f.candidates if lib.has("gk_diags_add_candidate") else ()):
            check(lib.gk_diags_add_candidate(d, i, e(path), e(value)), "diagnostics")
        if (f.note is not None or f.note_en is not None) and lib.has("gk_diags_set_note"):
            check(lib.gk_diags_set_note(d, i, e(f.note), e(f.note_en)), "diagnostics")
        if f.waived:
            check(lib.gk_diags_waive(d, i, e(f.waiver_reason or "")), "diagnostics")


def _repair(d: ctypes.c_void_p, i: int) -> dict:
    """The candidates and note of item i (a library without them: none)."""
    if not lib.has("gk_diag_note"):
        return {}
    n = lib.gk_diag_ncandidates(d, i)
    return {"candidates": tuple((_str(lib.gk_diag_candidate(d, i, k)) or "",
                                 _str(lib.gk_diag_candidate_value(d, i, k)) or "")
                                for k in range(n)),
            "note": _str(lib.gk_diag_note(d, i, 0)), "note_en": _str(lib.gk_diag_note(d, i, 1))}


class Diags:
    """A gk_diags owned by Python for the duration of one call (context manager)."""

    def __init__(self) -> None:
        h = ctypes.c_void_p()
        rc = lib.gk_diags_new(ctypes.byref(h))
        if rc < 0:
            from .errors import check
            check(rc, "gk_diags_new")
        self.handle = h

    def __enter__(self) -> "Diags":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        if self.handle:
            lib.gk_diags_free(self.handle)
            self.handle = ctypes.c_void_p()

    def findings(self) -> List[Finding]:
        return read_diags(self.handle)


def severity_index(severity) -> int:
    """"warning" or 1 -> 1."""
    if isinstance(severity, int):
        return severity
    try:
        return SEVERITIES.index(severity)
    except ValueError:
        raise ValueError("unknown severity %r (one of %s)" % (severity, ", ".join(SEVERITIES)))
