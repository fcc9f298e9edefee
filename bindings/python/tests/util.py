# SPDX-License-Identifier: MIT
"""Shared helpers of the binding tests (not a test module)."""

import os
import unittest

import gkreport
from gkreport._lib import lib

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE_DIR = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
DATA = os.environ.get("GK_TEST_DATA") or os.path.join(SOURCE_DIR, "tests", "data")
REAL = os.path.join(DATA, "real")


def real(name):
    """Path of a real report under tests/data/real."""
    return os.path.join(REAL, name)


def example(name):
    """Path of a file under examples/."""
    return os.path.join(SOURCE_DIR, "examples", name)


def needs(*symbols):
    """Skip a test while the loaded library lacks one of the C functions."""
    missing = [s for s in symbols if not lib.has(s)]
    return unittest.skipIf(missing, "libgkreport has no %s yet" % ", ".join(missing))


def rss_kib():
    """Resident set size of this process in KiB (Linux)."""
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") // 1024


def crafted_2019():
    """A consistent 2019-edition report: every stored cell 0 but 5 new requests
    from natural persons, 3 granted, 2 carried forward."""
    r = gkreport.Report.new("2019", 2020, agency={"name": "凤岗镇", "level": "township",
                                                   "kind": "government"})
    for t in r.schema.tables:
        for row in t.rows:
            if row.settable:
                for c in row.columns:
                    r["%s/%s/%s" % (t.key, row.key, c)] = 0
    for row, v in (("new", 5), ("granted", 3), ("carried_forward", 2), ("total", 3)):
        r["requests/%s/natural" % row] = v
        r["requests/%s/total" % row] = v
    return r


def consistent(edition, year, new, granted, carried_over=0, name="凤岗镇"):
    """A report whose identities hold: every stored cell 0 except `new` and
    `carried_over` requests from natural persons, `granted` of them granted and
    the rest carried forward. 2021's printed row other stays blank (its
    sub-rows are 0)."""
    r = gkreport.Report.new(edition, year, agency={"name": name, "level": "township",
                                                    "kind": "government"})
    for t in r.schema.tables:
        for row in t.rows:
            if row.settable and not (row.derived and row.stored):
                for c in row.columns:
                    r["%s/%s/%s" % (t.key, row.key, c)] = 0
    fwd = new + carried_over - granted
    for row, v in (("new", new), ("carried_over", carried_over), ("granted", granted),
                   ("total", granted), ("carried_forward", fwd)):
        r["requests/%s/natural" % row] = v
        r["requests/%s/total" % row] = v
    return r
