# SPDX-License-Identifier: MIT
import unittest
from decimal import Decimal
from fractions import Fraction

import gkreport

from .util import consistent, needs


def three_years():
    """2020 (2019 edition), 2021 and 2022 (2021 edition); 2021 carries 2 forward
    but 2022 says 1 was carried over."""
    a = consistent("2019", 2020, new=5, granted=3)               # 2 forward
    b = consistent("2021", 2021, new=4, granted=4, carried_over=2)  # 2 forward
    c = consistent("2021", 2022, new=6, granted=5, carried_over=1)  # broken carry
    return a, b, c


@needs("gk_series_validate")
class SeriesTest(unittest.TestCase):
    def test_order_and_access(self):
        a, b, c = three_years()
        s = gkreport.Series([c, a, b])
        self.assertEqual(len(s), 3)
        self.assertEqual(s.years, [2020, 2021, 2022])
        self.assertEqual(repr(s), "<gkreport.Series years=[2020, 2021, 2022]>")
        self.assertEqual(s[0], a)
        self.assertEqual(s[-1], c)
        self.assertEqual([r.year for r in s], [2020, 2021, 2022])
        with self.assertRaises(IndexError):
            s[3]
        c["requests/new/total"] = 99        # the series holds copies
        self.assertEqual(s[2]["requests/new/total"], 6)

    def test_broken_carry(self):
        s = gkreport.Series(three_years())
        f = s.validate()
        self.assertEqual([(x.rule, x.severity, x.cells[0], x.expected, x.actual) for x in f],
                         [("series.carry", "warning", "2022:requests/carried_over/natural",
                           "2", "1"),
                          ("series.carry", "error", "2022:requests/carried_over/total",
                           "2", "1")])
        self.assertEqual(f.rules(), ["series.carry", "series.carry"])
        self.assertFalse(f.ok)
        waived = s.validate(waive=[("series.carry", "2022:requests/carried_over/total",
                                    "merger")])
        self.assertEqual([x.waived for x in waived], [False, True])
        self.assertEqual(waived[1].waiver_reason, "merger")
        self.assertEqual(s.validate(min_severity="error").rules(), ["series.carry"])

    def test_gap(self):
        a, b, c = three_years()
        f = gkreport.Series([a, c]).validate(rules=["series.gap"])
        self.assertEqual(f.rules(), ["series.gap"])

    def test_agency(self):
        a, b, _ = three_years()
        b.agency.name = "另一个镇"
        self.assertIn("series.agency", gkreport.Series([a, b]).validate().rules())

    def test_trend(self):
        s = gkreport.Series(three_years())
        t = s.trend()
        self.assertEqual(t.years, [2020, 2021, 2022])
        self.assertEqual(t.editions, ["2019", "2021", "2021"])
        row = t["requests/new/total"]
        self.assertTrue(row.comparable)
        self.assertEqual(row.values, (5, 4, 6))
        self.assertEqual(row.change, (None, -1, 2))
        self.assertEqual(row.pct, (None, Decimal("-20.00"), Decimal("50.00")))
        self.assertFalse(t["active/fees/amount"].comparable)
        self.assertTrue(t["active/regulations/issued"].comparable)
        self.assertEqual(t.rows[0].path, "active/regulations/issued")
        self.assertEqual(t.indicators["rate.disclosed"],
                         [Decimal("100.00"), Decimal("100.00"), Decimal("100.00")])
        self.assertEqual(len(t), len(list(t)))
        csv = s.trend_csv().splitlines()
        self.assertEqual(csv[0], "path,comparable,year,edition,state,value,change,pct")
        self.assertEqual(csv[1], "active/regulations/issued,1,2020,2019,value,0,,")
        self.assertIn("requests/new/total,1,2021,2021,value,4,-1,-20.00", csv)

    def test_to_pandas(self):
        s = gkreport.Series(three_years())
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError):
                s.to_pandas()
            return
        df = s.to_pandas()
        self.assertEqual(list(df.columns), ["path", "comparable", "year", "edition", "value",
                                            "change", "amount", "amount_change", "pct"])
        self.assertEqual(str(df["value"].dtype), "Int64")
        self.assertEqual(str(df["change"].dtype), "Int64")
        new = df[df["path"] == "requests/new/total"]
        self.assertEqual(list(new["year"]), [2020, 2021, 2022])
        self.assertEqual(list(new["value"]), [5, 4, 6])
        self.assertEqual(list(new["pct"])[1:], [Decimal("-20.00"), Decimal("50.00")])
        self.assertEqual(len(df), 3 * len(s.trend()))

    def test_similarity(self):
        self.assertEqual(gkreport.similarity("政府信息公开工作", "政府信息公开工作年度报告"),
                         Fraction(7, 9))
        self.assertEqual(gkreport.similarity("", ""), 0)
        a, b, c = three_years()
        text = ("一、总体情况。本年度我镇认真贯彻落实政府信息公开条例，主动公开各类信息。"
                "二是加强政府信息管理，规范发布流程，严格审查；三是推进平台建设，拓宽公开渠道。")
        b.sections["overview"] = text
        c.sections["overview"] = text
        f = gkreport.Series([b, c]).validate(rules=["series.copied_text"])
        self.assertEqual(f.rules(), ["series.copied_text"])
        s = gkreport.Series([b, c], similarity_threshold=1)
        self.assertEqual(s.validate(rules=["series.copied_text"]).rules(),
                         ["series.copied_text"])

    def test_close(self):
        with gkreport.Series() as s:
            self.assertEqual(len(s), 0)
        self.assertEqual(repr(s), "<gkreport.Series closed>")
        with self.assertRaises(ValueError):
            len(s)


if __name__ == "__main__":
    unittest.main()
