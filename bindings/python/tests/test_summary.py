# SPDX-License-Identifier: MIT
"""The summary panel in Python."""
import os
import unittest

import gkreport
import gkreport.summary as gs

REAL = os.path.join(os.environ.get("GK_TEST_DATA", "tests/data"), "real")


class SummaryTest(unittest.TestCase):
    def reports(self):
        return [gkreport.load(os.path.join(REAL, n)) for n in
                ("2023_huaian-hongze-district-government.txt", "2023_suqian-municipal-government.txt")]

    def test_rows(self):
        rows = gs.summary(self.reports(), sort="rate.disclosed", as_dataframe=False)
        self.assertEqual([r["agency"] for r in rows], ["宿迁市", "洪泽区人民政府"])
        self.assertEqual(rows[0]["new"], 3511)
        self.assertEqual(rows[0]["rate.disclosed"], "43.57")
        self.assertEqual(rows[1]["region"], "江苏省淮安市洪泽区")
        self.assertEqual(rows[1]["errors"], 2)
        self.assertIsNone(rows[1]["rate.reconsideration_corrected"])
        self.assertEqual(gs.columns()[:3], ["file", "agency", "level"])

    def test_dataframe(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            self.skipTest("no pandas")
        df = gs.summary(self.reports())
        self.assertEqual(list(df["total"]), [21, 3486])


class ByAgencyTest(unittest.TestCase):
    def test_groups_by_region_and_kind(self):
        from gkreport.series import by_agency
        names = ("2023_huaian-hongze-district-government.txt", "2024_huaian-hongze-district-government.txt",
                 "2023_suqian-municipal-government.txt")
        groups = by_agency(gkreport.load(os.path.join(REAL, n)) for n in names)
        self.assertEqual(sorted(groups), ["宿迁市", "淮安市洪泽区人民政府"])
        self.assertEqual(len(groups["淮安市洪泽区人民政府"]), 2)


if __name__ == "__main__":
    unittest.main()
