# SPDX-License-Identifier: MIT
import os
import subprocess
import sys
import unittest

import gkreport
from gkreport import _lib

from .util import SOURCE_DIR

PKG = os.path.join(SOURCE_DIR, "bindings", "python")


def run_python(code, **env):
    e = dict(os.environ, PYTHONPATH=PKG, **env)
    return subprocess.run([sys.executable, "-c", code], env=e, capture_output=True,
                          text=True, timeout=60)


class LoaderTest(unittest.TestCase):
    def test_version_check(self):
        n = _lib.lib.version_number
        self.assertEqual(n // 10000, _lib.EXPECTED_MAJOR)
        self.assertGreaterEqual(n, _lib.MINIMUM_VERSION)
        self.assertEqual(gkreport.library_version,
                         "%d.%d.%d" % (n // 10000, n // 100 % 100, n % 100))

    def test_missing_library_import_error(self):
        p = run_python("import gkreport", GKREPORT_LIBRARY="/nonexistent/libgkreport.so.0")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("ImportError: gkreport: cannot load the C library libgkreport.so.0",
                      p.stderr)
        self.assertIn("GKREPORT_LIBRARY is set to '/nonexistent/libgkreport.so.0'", p.stderr)

    def test_wrong_library_import_error(self):
        libc = "libc.so.6"
        p = run_python("import gkreport", GKREPORT_LIBRARY=libc)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("the loaded library is not libgkreport", p.stderr)

    def test_env_var_is_used(self):
        path = os.environ.get("GKREPORT_LIBRARY")
        if not path:
            self.skipTest("GKREPORT_LIBRARY not set")
        self.assertEqual(gkreport.library_path, path)

    def test_has_and_unsupported(self):
        self.assertTrue(_lib.lib.has("gk_report_new"))
        self.assertFalse(_lib.lib.has("gk_no_such_function"))
        with self.assertRaises(AttributeError):
            _lib.lib.gk_no_such_function

    def test_error_mapping(self):
        from gkreport.errors import error_for
        self.assertIsInstance(error_for(-2), MemoryError)
        e = error_for(-3, "x")
        self.assertIsInstance(e, gkreport.ParseError)
        self.assertEqual(e.code, -3)
        self.assertEqual(str(e), "x: " + _lib.lib.gk_strerror(-3).decode())
        self.assertEqual(e.line, 0)
        self.assertIsNone(e.file)
        self.assertIsInstance(error_for(-10), gkreport.MismatchError)
        self.assertIsInstance(error_for(-9), NotImplementedError)


if __name__ == "__main__":
    unittest.main()
