# SPDX-License-Identifier: MIT
import os
import subprocess
import sys
import tempfile
import unittest

from .util import SOURCE_DIR

PKG = os.path.join(SOURCE_DIR, "bindings", "python")


class InstallTest(unittest.TestCase):
    def test_pip_install_offline(self):
        """pip install ./bindings/python works with no index and no flags."""
        with tempfile.TemporaryDirectory() as target:
            env = dict(os.environ, PIP_NO_INDEX="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
            env.pop("PYTHONPATH", None)
            p = subprocess.run([sys.executable, "-m", "pip", "install", "--no-index",
                                "--quiet", "--target", target, PKG],
                               env=env, capture_output=True, text=True, timeout=300)
            if p.returncode != 0 and "No module named pip" in p.stderr:
                self.skipTest("pip is not installed")
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertTrue(os.path.exists(os.path.join(target, "gkreport", "py.typed")))
            env["PYTHONPATH"] = target
            q = subprocess.run([sys.executable, "-c",
                                "import gkreport, sys; print(gkreport.__file__); "
                                "print(gkreport.schema.edition('2021').key)"],
                               env=env, capture_output=True, text=True, timeout=60,
                               cwd=target)
            self.assertEqual(q.returncode, 0, q.stderr)
            lines = q.stdout.splitlines()
            self.assertTrue(lines[0].startswith(target), lines[0])
            self.assertEqual(lines[1], "2021")


if __name__ == "__main__":
    unittest.main()
