# SPDX-License-Identifier: MIT
"""Loading libgkreport and declaring the C functions the bindings call.

The shared library is searched for, in order:

1. the path in the environment variable ``GKREPORT_LIBRARY``;
2. its SONAME ``libgkreport.so.0`` (the dynamic loader's usual search:
   ``LD_LIBRARY_PATH``, the ld.so cache, ``/usr/lib``, ``/usr/local/lib``...);
3. :func:`ctypes.util.find_library` ("gkreport").

Every function is declared with its ``argtypes``/``restype`` once, here. Functions
of modules the loaded library does not have yet are looked up lazily and raise
:class:`gkreport.UnsupportedError` when called.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import threading
from ctypes import (POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint32,
                    c_uint64, c_void_p)
from typing import Any, Callable, Dict, Optional, Tuple

#: The major version of libgkreport these bindings are written for.
EXPECTED_MAJOR = 0
#: The oldest library version (MAJOR*10000+MINOR*100+PATCH) the bindings accept.
MINIMUM_VERSION = 200  # 0.2.0: the API in one voice (gk_report_cell, ...)

SONAME = "libgkreport.so.0"

c_int_p = POINTER(c_int)
c_size_t_p = POINTER(c_size_t)
c_int64_p = POINTER(c_int64)
c_uint64_p = POINTER(c_uint64)
c_char_pp = POINTER(c_void_p)  # char **: read as a raw pointer, freed with gk_free

# name: (restype, argtypes). Opaque handles are c_void_p.
_SIGNATURES: Dict[str, Tuple[Any, Tuple[Any, ...]]] = {
    # common.h
    "gk_strerror": (c_char_p, (c_int,)),
    "gk_version_string": (c_char_p, ()),
    "gk_version_number": (c_int, ()),
    "gk_free": (None, (c_void_p,)),
    # schema.h
    "gk_schema_edition_count": (c_size_t, ()),
    "gk_schema_edition_id": (c_int, (c_size_t,)),
    "gk_schema_edition_valid": (c_int, (c_int,)),
    "gk_schema_edition_instrument": (c_char_p, (c_int,)),
    "gk_schema_edition_for_year": (c_int, (c_int,)),
    "gk_schema_table_key": (c_char_p, (c_int,)),
    "gk_schema_table_label": (c_char_p, (c_int, c_int)),
    "gk_schema_table_find": (c_int, (c_char_p,)),
    "gk_schema_section_key": (c_char_p, (c_int,)),
    "gk_schema_section_label": (c_char_p, (c_int, c_int)),
    "gk_schema_section_find": (c_int, (c_char_p,)),
    "gk_schema_nrows": (c_size_t, (c_int, c_int)),
    "gk_schema_ncols": (c_size_t, (c_int, c_int)),
    "gk_schema_row_key": (c_char_p, (c_int, c_int, c_size_t)),
    "gk_schema_row_label": (c_char_p, (c_int, c_int, c_size_t, c_int)),
    "gk_schema_row_flags": (c_uint32, (c_int, c_int, c_size_t)),
    "gk_schema_row_parent": (c_int, (c_int, c_int, c_size_t)),
    "gk_schema_col_key": (c_char_p, (c_int, c_int, c_size_t)),
    "gk_schema_col_label": (c_char_p, (c_int, c_int, c_size_t, c_int)),
    "gk_schema_col_kind": (c_int, (c_int, c_int, c_size_t)),
    "gk_schema_cell_exists": (c_int, (c_int, c_int, c_size_t, c_size_t)),
    "gk_schema_path_find": (c_int, (c_int_p, c_size_t_p, c_size_t_p, c_int,
                                    c_char_p, c_size_t)),
    "gk_schema_level_key": (c_char_p, (c_int,)),
    "gk_schema_level_find": (c_int, (c_char_p,)),
    "gk_schema_agency_kind_key": (c_char_p, (c_int,)),
    "gk_schema_agency_kind_find": (c_int, (c_char_p,)),
    "gk_schema_row_variant": (c_char_p, (c_int, c_int, c_size_t, c_size_t)),
    "gk_schema_col_variant": (c_char_p, (c_int, c_int, c_size_t, c_size_t)),
    # report.h
    "gk_agency_infer": (c_int, (c_int_p, c_int_p, c_char_p, c_size_t)),
    "gk_report_new": (c_int, (POINTER(c_void_p), c_int, c_int)),
    "gk_report_free": (None, (c_void_p,)),
    "gk_report_clone": (c_int, (POINTER(c_void_p), c_void_p)),
    "gk_report_equal": (c_int, (c_void_p, c_void_p, c_int)),
    "gk_report_edition": (c_int, (c_void_p,)),
    "gk_report_year": (c_int, (c_void_p,)),
    "gk_report_set_year": (c_int, (c_void_p, c_int)),
    "gk_report_agency": (c_char_p, (c_void_p, c_int)),
    "gk_report_set_agency": (c_int, (c_void_p, c_int, c_char_p, c_size_t)),
    "gk_report_agency_level": (c_int, (c_void_p,)),
    "gk_report_set_agency_level": (c_int, (c_void_p, c_int)),
    "gk_report_agency_kind": (c_int, (c_void_p,)),
    "gk_report_set_agency_kind": (c_int, (c_void_p, c_int)),
    "gk_report_title": (c_char_p, (c_void_p,)),
    "gk_report_set_title": (c_int, (c_void_p, c_char_p, c_size_t)),
    "gk_report_source": (c_char_p, (c_void_p,)),
    "gk_report_set_source": (c_int, (c_void_p, c_char_p, c_size_t)),
    "gk_report_section": (c_char_p, (c_void_p, c_int)),
    "gk_report_set_section": (c_int, (c_void_p, c_int, c_char_p, c_size_t)),
    "gk_report_section_line": (c_uint32, (c_void_p, c_int)),
    "gk_report_set_section_line": (c_int, (c_void_p, c_int, c_uint32)),
    "gk_report_cell": (c_int, (c_int_p, c_int64_p, c_void_p, c_int, c_size_t, c_size_t)),
    "gk_report_set_value": (c_int, (c_void_p, c_int, c_size_t, c_size_t, c_int64)),
    "gk_report_set_blank": (c_int, (c_void_p, c_int, c_size_t, c_size_t)),
    "gk_report_set_literal": (c_int, (c_void_p, c_int, c_size_t, c_size_t, c_char_p,
                                      c_size_t)),
    "gk_report_literal": (c_char_p, (c_void_p, c_int, c_size_t, c_size_t)),
    "gk_report_unit": (c_int, (c_void_p, c_int, c_size_t, c_size_t)),
    "gk_report_set_unit": (c_int, (c_void_p, c_int, c_size_t, c_size_t, c_int)),
    "gk_report_line": (c_uint32, (c_void_p, c_int, c_size_t, c_size_t)),
    "gk_report_set_line": (c_int, (c_void_p, c_int, c_size_t, c_size_t, c_uint32)),
    "gk_report_row": (c_int, (c_int_p, c_int64_p, c_size_t, c_void_p, c_int, c_size_t)),
    "gk_report_set_text": (c_int, (c_void_p, c_char_p, c_char_p, c_size_t)),
    "gk_report_path_find": (c_int, (c_int_p, c_size_t_p, c_size_t_p, c_void_p, c_char_p,
                                    c_size_t)),
    "gk_report_text": (c_int, (c_char_p, c_size_t, c_void_p, c_char_p, c_size_t)),
    "gk_report_count_filled": (c_size_t, (c_void_p, c_int)),
    "gk_value_format": (c_int, (c_char_p, c_size_t, c_int, c_int, c_int64)),
    # diag.h
    "gk_diags_new": (c_int, (POINTER(c_void_p),)),
    "gk_diags_free": (None, (c_void_p,)),
    "gk_diags_count": (c_size_t, (c_void_p,)),
    "gk_diags_add": (c_int, (c_size_t_p, c_void_p, c_int, c_char_p, c_char_p, c_char_p, c_char_p,
                             c_uint32, c_uint32)),
    "gk_diags_add_cell": (c_int, (c_void_p, c_size_t, c_char_p)),
    "gk_diags_set_values": (c_int, (c_void_p, c_size_t, c_char_p, c_char_p)),
    "gk_diags_set_suspect": (c_int, (c_void_p, c_size_t, c_char_p, c_char_p)),
    "gk_diags_add_candidate": (c_int, (c_void_p, c_size_t, c_char_p, c_char_p)),
    "gk_diags_set_note": (c_int, (c_void_p, c_size_t, c_char_p, c_char_p)),
    "gk_diags_waive": (c_int, (c_void_p, c_size_t, c_char_p)),
    "gk_diag_severity": (c_int, (c_void_p, c_size_t)),
    "gk_diag_rule": (c_char_p, (c_void_p, c_size_t)),
    "gk_diag_message": (c_char_p, (c_void_p, c_size_t, c_int)),
    "gk_diag_ncells": (c_size_t, (c_void_p, c_size_t)),
    "gk_diag_cell": (c_char_p, (c_void_p, c_size_t, c_size_t)),
    "gk_diag_expected": (c_char_p, (c_void_p, c_size_t)),
    "gk_diag_actual": (c_char_p, (c_void_p, c_size_t)),
    "gk_diag_file": (c_char_p, (c_void_p, c_size_t)),
    "gk_diag_line": (c_uint32, (c_void_p, c_size_t)),
    "gk_diag_column": (c_uint32, (c_void_p, c_size_t)),
    "gk_diag_suspect": (c_char_p, (c_void_p, c_size_t)),
    "gk_diag_suspect_value": (c_char_p, (c_void_p, c_size_t)),
    "gk_diag_waived": (c_int, (c_void_p, c_size_t)),
    "gk_diag_waiver_reason": (c_char_p, (c_void_p, c_size_t)),
    "gk_diag_ncandidates": (c_size_t, (c_void_p, c_size_t)),
    "gk_diag_candidate": (c_char_p, (c_void_p, c_size_t, c_size_t)),
    "gk_diag_candidate_value": (c_char_p, (c_void_p, c_size_t, c_size_t)),
    "gk_diag_note": (c_char_p, (c_void_p, c_size_t, c_int)),
    "gk_severity_key": (c_char_p, (c_int,)),
    "gk_severity_find": (c_int, (c_char_p,)),
    # validate.h
    "gk_validate_opts_new": (c_int, (POINTER(c_void_p),)),
    "gk_validate_opts_free": (None, (c_void_p,)),
    "gk_validate_opts_set_min_severity": (c_int, (c_void_p, c_int)),
    "gk_validate_opts_enable": (c_int, (c_void_p, c_char_p)),
    "gk_validate_opts_disable": (c_int, (c_void_p, c_char_p)),
    "gk_validate_opts_add_waiver": (c_int, (c_void_p, c_char_p, c_char_p, c_char_p)),
    "gk_report_validate": (c_int, (c_void_p, c_void_p, c_void_p)),
    "gk_diags_apply_opts": (c_int, (c_void_p, c_size_t, c_void_p)),
    "gk_rule_count": (c_size_t, ()),
    "gk_rule_id": (c_char_p, (c_size_t,)),
    "gk_rule_severity": (c_int, (c_size_t,)),
    "gk_rule_description": (c_char_p, (c_size_t, c_int)),
    "gk_rule_scope": (c_char_p, (c_size_t,)),
    "gk_rule_applies_to": (c_int, (c_size_t, c_int)),
    "gk_rule_find": (c_int, (c_size_t_p, c_char_p)),
    # csv.h
    "gk_report_to_csv": (c_int, (c_char_pp, c_size_t_p, c_void_p, c_uint32)),
    # html.h, xlsx.h
    "gk_report_to_html": (c_int, (c_char_pp, c_size_t_p, c_void_p, c_void_p, c_int)),
    "gk_series_to_html": (c_int, (c_char_pp, c_size_t_p, c_void_p, c_void_p, c_int)),
    "gk_report_to_xlsx": (c_int, (c_char_p, c_void_p, c_void_p, c_int)),
    "gk_series_to_xlsx": (c_int, (c_char_p, c_void_p, c_void_p, c_int)),
    # text.h
    "gk_text_to_utf8": (c_int, (c_char_pp, c_size_t_p, c_int_p, c_size_t_p, c_char_p,
                                c_size_t)),
    "gk_report_from_text": (c_int, (POINTER(c_void_p), c_char_p, c_size_t, c_char_p,
                                    c_void_p)),
    "gk_report_load": (c_int, (POINTER(c_void_p), c_char_p, c_size_t, c_char_p, c_void_p)),
    "gk_report_from_html": (c_int, (POINTER(c_void_p), c_char_p, c_size_t, c_char_p, c_void_p)),
    "gk_report_from_docx": (c_int, (POINTER(c_void_p), c_char_p, c_size_t, c_char_p, c_void_p)),
    "gk_report_from_xlsx": (c_int, (POINTER(c_void_p), c_char_p, c_size_t, c_char_p, c_void_p)),
    "gk_report_from_csv": (c_int, (POINTER(c_void_p), c_char_p, c_size_t, c_char_p, c_void_p)),
    "gk_report_to_text": (c_int, (c_char_pp, c_size_t_p, c_void_p)),
    "gk_report_to_markdown": (c_int, (c_char_pp, c_size_t_p, c_void_p)),
    # indicator.h
    "gk_indicator_count": (c_size_t, ()),
    "gk_indicator_id": (c_char_p, (c_size_t,)),
    "gk_indicator_name": (c_char_p, (c_size_t, c_int)),
    "gk_indicator_unit": (c_char_p, (c_size_t,)),
    "gk_indicator_find": (c_int, (c_size_t_p, c_char_p)),
    "gk_indicator_formula": (c_char_p, (c_size_t,)),
    "gk_report_indicator": (c_int, (c_int64_p, c_int64_p, c_void_p, c_size_t)),
    "gk_indicator_format": (c_int, (c_char_p, c_size_t, c_int64, c_int64)),
    # series.h
    "gk_series_new": (c_int, (POINTER(c_void_p),)),
    "gk_series_free": (None, (c_void_p,)),
    "gk_series_add": (c_int, (c_void_p, c_void_p)),
    "gk_series_count": (c_size_t, (c_void_p,)),
    "gk_series_report": (c_void_p, (c_void_p, c_size_t)),
    "gk_series_set_similarity_threshold": (c_int, (c_void_p, c_uint32)),
    "gk_text_similarity": (c_int, (c_uint64_p, c_uint64_p, c_char_p, c_size_t, c_char_p,
                                   c_size_t)),
    "gk_series_validate": (c_int, (c_void_p, c_void_p, c_void_p)),
    "gk_series_trend_count": (c_size_t, (c_void_p,)),
    "gk_series_trend_path": (c_char_p, (c_void_p, c_size_t)),
    "gk_series_trend_comparable": (c_int, (c_void_p, c_size_t)),
    "gk_series_trend_to_json": (c_int, (c_char_pp, c_size_t_p, c_void_p)),
    "gk_series_trend_to_csv": (c_int, (c_char_pp, c_size_t_p, c_void_p)),
    # aggregate.h
    "gk_aggregate_new": (c_int, (POINTER(c_void_p), c_uint32)),
    "gk_aggregate_free": (None, (c_void_p,)),
    "gk_aggregate_add": (c_int, (c_void_p, c_void_p, c_void_p)),
    "gk_aggregate_merge": (c_int, (c_void_p, c_void_p)),
    "gk_aggregate_count": (c_uint64, (c_void_p,)),
    "gk_aggregate_literal_count": (c_uint64, (c_void_p,)),
    "gk_aggregate_edition": (c_int, (c_void_p,)),
    "gk_aggregate_mixed": (c_int, (c_void_p,)),
    "gk_aggregate_result": (c_int, (POINTER(c_void_p), c_void_p, c_char_p)),
    "gk_aggregate_check": (c_int, (c_void_p, c_void_p)),
    "gk_aggregate_contributor_count": (c_size_t, (c_void_p,)),
    "gk_aggregate_contributor": (c_int, (POINTER(c_char_p), c_int_p, c_int_p, c_void_p,
                                         c_size_t)),
    "gk_aggregate_to_json": (c_int, (c_char_pp, c_size_t_p, c_void_p)),
    "gk_aggregate_from_json": (c_int, (POINTER(c_void_p), c_char_p, c_size_t, c_void_p)),
    "gk_aggregate_add_jsonl": (c_int, (c_void_p, c_char_p, c_size_t, c_void_p)),
    "gk_aggregate_add_jsonl_end": (c_int, (c_void_p, c_void_p)),
    "gk_aggregate_set_jsonl_source": (c_int, (c_void_p, c_char_p)),
    # json.h
    "gk_report_from_json": (c_int, (POINTER(c_void_p), c_char_p, c_size_t, c_char_p,
                                    c_void_p)),
    "gk_report_to_json": (c_int, (c_char_pp, c_size_t_p, c_void_p, c_uint32)),
    "gk_diags_to_json": (c_int, (c_char_pp, c_size_t_p, c_void_p, c_uint32)),
}


def _candidates() -> list:
    env = os.environ.get("GKREPORT_LIBRARY")
    if env:
        return [env]
    found = ctypes.util.find_library("gkreport")
    return [SONAME] + ([found] if found else [])


def _open() -> ctypes.CDLL:
    env = os.environ.get("GKREPORT_LIBRARY")
    errors = []
    for name in _candidates():
        try:
            return ctypes.CDLL(name)
        except OSError as exc:
            errors.append(f"{name}: {exc}")
    if env:
        hint = ("GKREPORT_LIBRARY is set to %r but that file cannot be loaded; "
                "point it at a built libgkreport.so (e.g. build/libgkreport.so.0) "
                "or unset it" % env)
    else:
        hint = ("install libgkreport (the Debian package libgkreport0, or "
                "cmake --build build && cmake --install build, then ldconfig), "
                "or set GKREPORT_LIBRARY to the path of "
                "libgkreport.so.0, or add its directory to LD_LIBRARY_PATH")
    raise ImportError("gkreport: cannot load the C library libgkreport.so.0 (%s). "
                      "Tried: %s" % (hint, "; ".join(errors)))


class Lib:
    """The loaded library: C functions as attributes, declared on first use."""

    def __init__(self, cdll: ctypes.CDLL) -> None:
        self._cdll = cdll
        self._lock = threading.Lock()
        self.version_number: int = 0
        self.version: str = ""

    def has(self, name: str) -> bool:
        """True when the loaded library exports `name`."""
        try:
            getattr(self._cdll, name)
        except AttributeError:
            return False
        return True

    def declare(self, name: str, restype: Any, argtypes: Tuple[Any, ...]) -> Callable:
        """Declare a function the table above does not list (later modules)."""
        with self._lock:
            fn = getattr(self._cdll, name)
            fn.restype = restype
            fn.argtypes = list(argtypes)
            self.__dict__[name] = fn
            return fn

    def __getattr__(self, name: str) -> Callable:
        if not name.startswith("gk_"):
            raise AttributeError(name)
        sig = _SIGNATURES.get(name)
        if sig is None:
            raise AttributeError("gkreport: no declaration for %s" % name)
        try:
            return self.declare(name, sig[0], sig[1])
        except AttributeError:
            from .errors import UnsupportedError
            raise UnsupportedError(
                -9, "the loaded libgkreport %s has no %s; upgrade the library"
                % (self.version or "?", name)) from None


def _load() -> Lib:
    lib = Lib(_open())
    try:
        number = int(lib.gk_version_number())
        version = lib.gk_version_string().decode("ascii", "replace")
    except Exception as exc:  # the file is not libgkreport
        raise ImportError("gkreport: the loaded library is not libgkreport (%s)" % exc)
    lib.version_number, lib.version = number, version
    if number // 10000 != EXPECTED_MAJOR or number < MINIMUM_VERSION:
        raise ImportError(
            "gkreport: these bindings need libgkreport %d.x (>= %d.%d.%d) but the "
            "loaded library is %s; install a matching libgkreport or set "
            "GKREPORT_LIBRARY" % (EXPECTED_MAJOR, MINIMUM_VERSION // 10000,
                                  MINIMUM_VERSION // 100 % 100, MINIMUM_VERSION % 100,
                                  version))
    return lib


#: The process-wide handle (immutable after import; objects keep a reference).
lib: Lib = _load()


def enc(s: Optional[str]) -> Optional[bytes]:
    """str -> UTF-8 bytes (None stays None)."""
    return None if s is None else s.encode("utf-8")


def dec(b: Optional[bytes]) -> Optional[str]:
    """UTF-8 bytes from the library -> str (None stays None)."""
    return None if b is None else b.decode("utf-8")


def take_buffer(ptr: c_void_p, length: int) -> bytes:
    """Copy a library-made buffer into Python bytes and gk_free it."""
    try:
        return ctypes.string_at(ptr, length) if ptr.value else b""
    finally:
        lib.gk_free(ptr)
