# SPDX-License-Identifier: MIT
"""The ctypes signatures of _lib.py match the prototypes of include/gkreport/*.h
exactly (issue 12: the 0.2.0 API moved out-parameters and renamed getters)."""

import ctypes
import glob
import os
import re
import unittest
from ctypes import (POINTER, c_char_p, c_int, c_int64, c_size_t, c_uint32, c_uint64,
                    c_void_p)

import gkreport
from gkreport import _lib

INCLUDE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "include", "gkreport")

SCALARS = {"int": c_int, "size_t": c_size_t, "uint32_t": c_uint32, "uint64_t": c_uint64,
           "int64_t": c_int64}
OPAQUE = {"gk_report", "gk_diags", "gk_validate_opts", "gk_series", "gk_aggregate",
          "gk_summary"}


def header_prototypes():
    """name -> (return type, [parameter types]) of every GK_API declaration."""
    protos, codes = {}, []
    for h in glob.glob(os.path.join(INCLUDE, "*.h")):
        with open(h, encoding="utf-8") as fh:
            codes.append(re.sub(r"/\*.*?\*/", " ", fh.read(), flags=re.S))
    enums = set(re.findall(r"}\s*(gk_\w+)\s*;", "\n".join(codes)))
    for code in codes:
        for m in re.finditer(r"GK_API\s+([^;(]*?)\b(gk_\w+)\s*\(([^;]*?)\)\s*;", code, re.S):
            params = []
            for p in m.group(3).split(","):
                p = " ".join(p.split())
                if p and p != "void":
                    params.append(re.sub(r"\s*\b\w+$", "", p))
            protos[m.group(2)] = (" ".join(m.group(1).split()), params, enums)
    return protos


def allowed(ctype_text, enums):
    """The ctypes types that match a C type exactly, as the bindings spell them."""
    t = ctype_text.replace("const ", "").strip()
    stars = t.count("*")
    base = t.replace("*", "").strip()
    if base == "void" and stars == 0:
        return {None}
    if base in enums:
        base = "int"  # every enum of the API is an int (common.h)
    if stars == 0:
        return {SCALARS[base]}
    if stars == 1:
        if base == "char":
            return {c_char_p}
        if base in OPAQUE or base == "void":
            return {c_void_p}
        return {POINTER(SCALARS[base])}
    if stars == 2 and base == "char":
        return {POINTER(c_void_p), POINTER(c_char_p)}
    if stars == 2 and base in OPAQUE:
        return {POINTER(c_void_p)}
    raise AssertionError("no ctypes type for %r" % ctype_text)


class PrototypeTest(unittest.TestCase):
    def test_every_binding_matches_its_header_prototype(self):
        protos = header_prototypes()
        self.assertGreater(len(protos), 150)
        checked = 0
        for name, (restype, argtypes) in _lib._SIGNATURES.items():
            with self.subTest(function=name):
                self.assertIn(name, protos, "bound but not declared in a header")
                cret, cparams, enums = protos[name]
                self.assertIn(restype, allowed(cret, enums), "return type of " + name)
                self.assertEqual(len(argtypes), len(cparams), "parameter count of " + name)
                for k, (got, want) in enumerate(zip(argtypes, cparams)):
                    self.assertIn(got, allowed(want, enums),
                                  "%s parameter %d: %s" % (name, k + 1, want))
                checked += 1
        self.assertEqual(checked, len(_lib._SIGNATURES))

    def test_old_names_are_gone(self):
        for old in ("gk_report_get_cell", "gk_report_get_row", "gk_report_get_text",
                    "gk_report_locate", "gk_report_get_literal", "gk_report_get_unit",
                    "gk_report_get_line"):
            self.assertNotIn(old, _lib._SIGNATURES)
            self.assertFalse(hasattr(ctypes.CDLL(gkreport.library_path), old), old)


if __name__ == "__main__":
    unittest.main()
