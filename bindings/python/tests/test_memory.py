# SPDX-License-Identifier: MIT
import gc
import os
import unittest
import weakref

import gkreport
from gkreport import Report

from .util import rss_kib


class MemoryTest(unittest.TestCase):
    def _churn(self, n):
        for i in range(n):
            r = Report.new("2021", 2023, agency="机关%d" % (i % 10))
            r["requests/new/total"] = i
            r["requests/new/natural"] = "-"
            c = r.copy()
            if i % 2:
                c.close()
            del r, c

    @unittest.skipIf("asan" in os.environ.get("LD_PRELOAD", ""),
                     "ASan's quarantine keeps freed memory resident; LeakSanitizer "
                     "checks leaks in that run instead")
    def test_100k_objects_no_growth(self):
        self._churn(20000)  # warm up allocator and caches
        gc.collect()
        before = rss_kib()
        self._churn(100000)
        gc.collect()
        grown = rss_kib() - before
        # each leaked report would cost more than 2 KiB: 100k leaks > 200 MB
        self.assertLess(grown, 8 * 1024, "RSS grew by %d KiB" % grown)

    def test_finalizer_runs_once(self):
        r = Report.new("2019", 2020)
        fin = r._finalizer
        self.assertTrue(fin.alive)
        r.close()
        self.assertFalse(fin.alive)
        r.close()
        r2 = Report.new("2019", 2020)
        ref = weakref.ref(r2)
        fin2 = r2._finalizer
        del r2
        gc.collect()
        self.assertIsNone(ref())
        self.assertFalse(fin2.alive)

    def test_views_keep_report_alive(self):
        r = Report.new("2019", 2020, agency="凤岗镇")
        agency, sections = r.agency, r.sections
        del r
        gc.collect()
        self.assertEqual(agency.name, "凤岗镇")
        self.assertEqual(list(sections), [])


if __name__ == "__main__":
    unittest.main()
