# SPDX-License-Identifier: MIT
import unittest
from decimal import Decimal
from fractions import Fraction

import gkreport
from gkreport.indicators import percent

from .util import consistent, needs


@needs("gk_report_indicator")
class IndicatorTest(unittest.TestCase):
    def test_catalogue(self):
        ids = [i.id for i in gkreport.indicators()]
        self.assertEqual(ids, ["rate.disclosed", "rate.denied", "rate.unavailable",
                               "rate.not_processed", "rate.carried_forward",
                               "share.organizations", "rate.reconsideration_corrected",
                               "rate.litigation_corrected"])
        d = gkreport.indicator("rate.disclosed")
        self.assertEqual((d.name, d.unit), ("公开率", "%"))
        self.assertTrue(d.name_en)
        self.assertIn("requests/granted/total", d.formula)
        with self.assertRaises(gkreport.NotFoundError):
            gkreport.indicator("rate.none")

    def test_values(self):
        r = consistent("2021", 2023, new=7, granted=3, carried_over=1)   # 5 carried forward
        r["requests/new/commercial"] = 2
        r["requests/new/total"] = 9
        r["requests/carried_forward/commercial"] = 2
        r["requests/carried_forward/total"] = 7
        self.assertEqual(r.validate(), [])
        v = r.indicator("rate.disclosed")
        self.assertEqual((v.numerator, v.denominator, v.percent), (3, 3, Decimal("100.00")))
        cf = r.indicator("rate.carried_forward")
        self.assertEqual((cf.numerator, cf.denominator), (7, 10))
        self.assertEqual(cf.ratio, Fraction(7, 10))
        self.assertEqual(cf.percent, Decimal("70.00"))
        self.assertEqual(str(cf), "rate.carried_forward = 70.00%")
        org = r.indicator("share.organizations")
        self.assertEqual((org.numerator, org.denominator, org.percent),
                         (2, 9, Decimal("22.22")))
        # review all zero: decided = total - pending = 0 -> absent, not 0
        self.assertIsNone(r.indicator("rate.reconsideration_corrected"))
        all_ = r.indicators()
        self.assertEqual(len(all_), 8)
        self.assertEqual(all_["rate.denied"].percent, Decimal("0.00"))
        self.assertIsNone(all_["rate.litigation_corrected"])

    def test_blank_is_absent(self):
        r = gkreport.Report.new("2019", 2020)
        self.assertIsNone(r.indicator("rate.disclosed"))
        self.assertEqual(set(r.indicators().values()), {None})

    def test_percent_rounding(self):
        self.assertEqual(percent(273, 805), Decimal("33.91"))
        self.assertEqual(percent(1, 8), Decimal("12.50"))
        self.assertEqual(percent(1, 3), Decimal("33.33"))
        self.assertEqual(percent(2, 3), Decimal("66.67"))
        with self.assertRaises(gkreport.InvalidArgumentError):
            percent(1, 0)


if __name__ == "__main__":
    unittest.main()
