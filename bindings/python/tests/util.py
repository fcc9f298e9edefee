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
