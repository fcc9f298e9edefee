# SPDX-License-Identifier: MIT
"""Validation against the rules of the format, waivers and the rule catalogue."""

from __future__ import annotations

import ctypes
import functools
from dataclasses import dataclass
from typing import Iterable, Optional, Sequence, Tuple, Union

from ._handle import guarded
from . import schema
from ._lib import dec, enc, lib
from .diag import SEVERITIES, Diags, Findings, severity_index, write_diags
from .errors import NotFoundError, check, error_for

#: A waiver: (rule, cell, reason), or (rule, reason) for every cell of the rule.
WaiverSpec = Union[Tuple[str, Optional[str], str], Tuple[str, str]]


@dataclass(frozen=True)
class Rule:
    """A rule of the catalogue: stable ``id``, default ``severity``, Chinese and
    English ``description``, ``scope`` ("report", "text" or "series") and the
    ``editions`` it applies to."""
    id: str
    severity: str
    description: str
    description_en: str
    scope: str
    editions: Tuple[str, ...]

    def __str__(self) -> str:
        return "%-24s %-7s %s" % (self.id, self.severity, self.description)


@functools.lru_cache(maxsize=None)
def rules() -> Tuple[Rule, ...]:
    """The rule catalogue, in the library's order."""
    eds = [e.id for e in schema.editions()]
    out = []
    for i in range(lib.gk_rule_count()):
        sev = lib.gk_rule_severity(i)
        out.append(Rule(dec(lib.gk_rule_id(i)), SEVERITIES[sev],
                        dec(lib.gk_rule_description(i, 0)) or "",
                        dec(lib.gk_rule_description(i, 1)) or "",
                        dec(lib.gk_rule_scope(i)) or "",
                        tuple(str(e) for e in eds if lib.gk_rule_applies_to(i, e))))
    return tuple(out)


def rule(rule_id: str) -> Rule:
    """A rule by its exact id (NotFoundError otherwise)."""
    idx = ctypes.c_size_t()
    rc = lib.gk_rule_find(ctypes.byref(idx), enc(rule_id))
    if rc < 0:
        raise NotFoundError("no rule %r in the catalogue" % (rule_id,), code=rc)
    return rules()[idx.value]


class Options:
    """gk_validate_opts built from Python arguments (context manager)."""

    def __init__(self, waive: Iterable[WaiverSpec] = (), min_severity: Union[str, int] = "info",
                 rules: Optional[Sequence[str]] = None,
                 exclude: Optional[Sequence[str]] = None) -> None:
        h = ctypes.c_void_p()
        check(lib.gk_validate_opts_new(ctypes.byref(h)), "validate options")
        self.handle = h
        try:
            check(lib.gk_validate_opts_set_min_severity(h, severity_index(min_severity)),
                  "min_severity %r" % (min_severity,))
            if rules is not None:
                if isinstance(rules, str):
                    rules = [rules]
                check(lib.gk_validate_opts_disable(h, b"*"), "rules")
                for pattern in rules:
                    self._pattern(lib.gk_validate_opts_enable, pattern)
            for pattern in ([exclude] if isinstance(exclude, str) else exclude or []):
                self._pattern(lib.gk_validate_opts_disable, pattern)
            for w in waive:
                self._waive(w)
        except BaseException:
            self.close()
            raise

    def _pattern(self, fn, pattern: str) -> None:
        rc = fn(self.handle, enc(pattern))
        if rc < 0:
            raise NotFoundError("no rule matches %r" % (pattern,), code=rc) \
                if rc == -5 else error_for(rc, "rule pattern %r" % (pattern,))

    def _waive(self, w: WaiverSpec) -> None:
        if isinstance(w, str) or len(w) not in (2, 3):
            raise TypeError("a waiver is (rule, cell, reason) or (rule, reason), not %r" % (w,))
        rule_id, cell, reason = (w[0], None, w[1]) if len(w) == 2 else w
        if not reason:
            raise ValueError("a waiver needs a reason: %r" % (w,))
        rc = lib.gk_validate_opts_add_waiver(self.handle, enc(rule_id), enc(cell), enc(reason))
        if rc < 0:
            raise NotFoundError("no rule matches %r" % (rule_id,), code=rc) \
                if rc == -5 else error_for(rc, "waiver %r" % (w,))

    def close(self) -> None:
        if self.handle:
            lib.gk_validate_opts_free(self.handle)
            self.handle = ctypes.c_void_p()

    def __enter__(self) -> "Options":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


@guarded
def validate(report, waive: Iterable[WaiverSpec] = (), min_severity: Union[str, int] = "info",
             rules: Optional[Sequence[str]] = None,
             exclude: Optional[Sequence[str]] = None, imports: bool = False) -> Findings:
    """Validate one report; see :meth:`gkreport.Report.validate`."""
    waive = list(waive)
    found = list(report.diagnostics) if imports else []
    if not waive and rules is None and not exclude and severity_index(min_severity) == 0:
        with Diags() as d:  # the defaults: no options object to build
            check(lib.gk_report_validate(report._h, None, d.handle), "validate")
            return Findings(found + d.findings())
    with Options(waive, min_severity, rules, exclude) as opts, Diags() as d:
        if found:  # the importer's findings first, under the same options
            write_diags(d.handle, found)
            check(lib.gk_diags_apply_opts(d.handle, 0, opts.handle), "validate options")
        check(lib.gk_report_validate(report._h, opts.handle, d.handle), "validate")
        return Findings(d.findings())
