# SPDX-License-Identifier: MIT
import copy
import unittest
from decimal import Decimal

import gkreport
from gkreport import Report


class NewReportTest(unittest.TestCase):
    def test_new_and_metadata(self):
        r = Report.new("2021", 2023, agency="宿迁市人民政府")
        self.assertEqual(r.edition, "2021")
        self.assertEqual(r.edition_id, 2021)
        self.assertEqual(r.year, 2023)
        self.assertEqual(r.agency.name, "宿迁市人民政府")
        self.assertEqual(r.agency, "宿迁市人民政府")
        self.assertIsNone(r.agency.level)
        self.assertEqual(r.filled(), 0)
        self.assertEqual(r.schema.key, "2021")
        r.year = None
        self.assertIsNone(r.year)
        with self.assertRaises(gkreport.InvalidArgumentError):
            r.year = 10000
        with self.assertRaises(KeyError):
            Report.new("2020")
        with self.assertRaises(TypeError):
            Report(None)

    def test_agency_fields(self):
        r = Report.new(2019, 2020, agency={"name": "凤岗镇", "level": "township",
                                           "kind": "government", "region": "江西省赣州市"})
        self.assertEqual(r.agency.to_dict(), {"name": "凤岗镇", "code": None,
                                              "region": "江西省赣州市", "level": "township",
                                              "kind": "government"})
        r.agency.code = "11360700MB1234567X"
        self.assertEqual(r.agency.code, "11360700MB1234567X")
        r.agency.level = "county"
        self.assertEqual(r.agency.level, "county")
        with self.assertRaises(ValueError):
            r.agency.level = "village"
        with self.assertRaises(ValueError):
            r.agency.kind = "company"
        r.agency = "新机关"
        self.assertEqual(r.agency.to_dict(), {"name": "新机关", "code": None,
                                              "region": None, "level": None, "kind": None})
        self.assertEqual(repr(r.agency), "Agency(name='新机关')")
        with self.assertRaises(TypeError):
            r.agency.update(city="x")

    def test_title_source_sections(self):
        r = Report.new("2019", 2020)
        self.assertIsNone(r.title)
        r.title = "凤岗镇2020年政府信息公开工作年度报告"
        self.assertEqual(r.title, "凤岗镇2020年政府信息公开工作年度报告")
        r.source = "fg.txt"
        self.assertEqual(r.source, "fg.txt")
        self.assertEqual(list(r.sections), [])
        self.assertIsNone(r.sections["overview"])
        r.sections["overview"] = "一、总体情况……"
        r.sections["other"] = ""
        self.assertEqual(r.sections["overview"], "一、总体情况……")
        self.assertEqual(r.sections["other"], "")
        self.assertEqual(list(r.sections), ["overview", "other"])
        self.assertEqual(len(r.sections), 2)
        self.assertIn("other", r.sections)
        self.assertNotIn("problems", r.sections)
        self.assertEqual(r.sections.line("overview"), 0)
        r.sections.set_line("overview", 7)
        self.assertEqual(r.sections.line("overview"), 7)
        del r.sections["other"]
        self.assertEqual(dict(r.sections), {"overview": "一、总体情况……"})
        with self.assertRaises(KeyError):
            r.sections["summary"]
        with self.assertRaises(KeyError):
            del r.sections["problems"]


class CellTest(unittest.TestCase):
    def setUp(self):
        self.r = Report.new("2019", 2020, agency="凤岗镇")

    def test_count(self):
        r = self.r
        self.assertIsNone(r["requests/new/total"])
        r["requests/new/total"] = 5
        self.assertEqual(r["requests/new/total"], 5)
        self.assertIsInstance(r["requests/new/total"], int)
        r["requests/new/total"] = "3402"
        self.assertEqual(r["requests/new/total"], 3402)
        r["requests/new/total"] = Decimal("7")
        self.assertEqual(r["requests/new/total"], 7)
        r["requests/new/total"] = None
        self.assertIsNone(r["requests/new/total"])
        self.assertEqual(r.get("requests/new/total", 0), 0)

    def test_signed(self):
        r = self.r
        r["active/licensing/delta"] = -8
        self.assertEqual(r["active/licensing/delta"], -8)
        r["active/licensing/delta"] = "减4"
        self.assertEqual(r["active/licensing/delta"], -4)
        r["active/licensing/delta"] = "增3"
        self.assertEqual(r["active/licensing/delta"], 3)
        r["active/licensing/delta"] = "+3"
        self.assertEqual(r["active/licensing/delta"], 3)

    def test_amount(self):
        r = self.r
        r["active/procurement/amount"] = Decimal("59237.2449")
        self.assertEqual(r["active/procurement/amount"], Decimal("59237.2449"))
        self.assertEqual(str(r["active/procurement/amount"]), "59237.2449")
        r["active/procurement/amount"] = 120
        self.assertEqual(str(r["active/procurement/amount"]), "120")
        r["active/procurement/amount"] = "251000元"
        self.assertEqual(r["active/procurement/amount"], Decimal(251000))
        self.assertEqual(r.unit("active/procurement/amount"), "元")
        r.set_unit("active/procurement/amount", "万元")
        self.assertEqual(r.unit("active/procurement/amount"), "万元")
        r.set_unit("active/procurement/amount", None)
        self.assertIsNone(r.unit("active/procurement/amount"))
        with self.assertRaises(ValueError):
            r.set_unit("active/procurement/amount", "美元")
        r["active/procurement/amount"] = Decimal("-0.000001")
        self.assertEqual(str(r["active/procurement/amount"]), "-0.000001")
        with self.assertRaises(ValueError):
            r["active/procurement/amount"] = Decimal("0.0000001")
        with self.assertRaises(gkreport.ValueOverflowError):
            r["active/procurement/amount"] = 10 ** 13
        with self.assertRaises(TypeError):
            r["active/procurement/amount"] = 1.5

    def test_literal(self):
        r = self.r
        r["requests/new/natural"] = "-"
        self.assertEqual(r["requests/new/natural"], "-")
        r["requests/new/natural"] = "见附件"
        self.assertEqual(r["requests/new/natural"], "见附件")
        r["active/procurement/amount"] = "/"
        self.assertEqual(r["active/procurement/amount"], "/")
        r["requests/new/natural"] = ""
        self.assertIsNone(r["requests/new/natural"])

    def test_derived(self):
        r = self.r
        self.assertIsNone(r["requests/denied/total"])
        r["requests/denied.state_secret/total"] = 3
        r["requests/denied.query/total"] = 4
        self.assertEqual(r["requests/denied/total"], 7)
        with self.assertRaises(gkreport.InvalidArgumentError):
            r["requests/denied/total"] = 7

    def test_errors(self):
        r = self.r
        with self.assertRaises(gkreport.NotFoundError) as cm:
            r["requests/new/totl"]
        self.assertIsInstance(cm.exception, KeyError)
        self.assertEqual(str(cm.exception), "no cell 'requests/new/totl' in edition 2019")
        with self.assertRaises(KeyError):
            r["active/fees/decisions"]          # no such cell in this row
        with self.assertRaises(KeyError):
            r["active/fees/amount"]             # 2021 only
        with self.assertRaises(gkreport.RangeError) as cm:
            r["requests/new/total"] = -1
        self.assertEqual(cm.exception.code, -7)
        with self.assertRaises(gkreport.ValueOverflowError):
            r["requests/new/total"] = 1 << 63
        with self.assertRaises(TypeError):
            r["requests/new/total"] = True
        with self.assertRaises(TypeError):
            r[3] = 1
        with self.assertRaises(ValueError):
            r["requests/new/total"] = Decimal("1.5")
        self.assertIsNone(r["requests/new/total"])
        self.assertIn("requests/new/total", r)
        self.assertNotIn("requests/new/sum", r)
        self.assertNotIn(5, r)

    def test_line(self):
        r = self.r
        self.assertEqual(r.line("requests/new/total"), 0)
        r["requests/new/total"] = 2
        r.set_line("requests/new/total", 118)
        self.assertEqual(r.line("requests/new/total"), 118)

    def test_bulk_row_and_table(self):
        r = self.r
        r["requests/new/natural"] = 3402
        r["requests/new/commercial"] = "-"
        r["requests/new/total"] = 3511
        self.assertEqual(r.row("requests", "new"),
                         {"natural": 3402, "commercial": "-", "research": None,
                          "social": None, "legal": None, "other_org": None,
                          "total": 3511})
        r["active/fees/delta"] = -2
        r["active/procurement/amount"] = "498742.4"
        active = r.table_values("active")
        self.assertEqual(active["fees"], {"prev_items": None, "delta": -2})
        self.assertEqual(active["procurement"],
                         {"projects": None, "amount": Decimal("498742.4")})
        self.assertEqual(list(r.cells()),
                         [("active/fees/delta", -2),
                          ("active/procurement/amount", Decimal("498742.4")),
                          ("requests/new/natural", 3402),
                          ("requests/new/commercial", "-"),
                          ("requests/new/total", 3511)])
        self.assertEqual(r.filled(), 5)
        self.assertEqual(r.filled("requests"), 3)
        n19 = sum(1 for _ in r.cells(include_blank=True))
        self.assertEqual(n19, sum(1 for _ in r.schema.cells()) -
                         sum(len(x.columns) for t in r.schema for x in t if not x.settable))
        d = r.to_dict()
        self.assertEqual(d["edition"], "2019")
        self.assertEqual(d["cells"]["requests/new/total"], 3511)

    def test_2021_other_stored(self):
        r = Report.new("2021", 2023)
        r["requests/other/total"] = 6       # printed as one row
        self.assertEqual(r["requests/other/total"], 6)
        r["requests/other.misc/total"] = 2  # children win once present
        self.assertEqual(r["requests/other/total"], 2)
        r["active/fees/amount"] = "18.8710"
        self.assertEqual(r["active/fees/amount"], Decimal("18.871"))

    def test_copy_equal_close(self):
        r = self.r
        r["requests/new/total"] = 9
        c = r.copy()
        self.assertEqual(c, r)
        self.assertIsNot(c, r)
        c["requests/new/total"] = 10
        self.assertNotEqual(c, r)
        self.assertEqual(copy.deepcopy(r), r)
        self.assertEqual(copy.copy(r)["requests/new/total"], 9)
        r.set_line("requests/new/total", 4)
        self.assertTrue(r.equals(r.copy(), compare_lines=True))
        self.assertNotEqual(r, "x")
        with r.copy() as tmp:
            self.assertFalse(tmp.closed)
        self.assertTrue(tmp.closed)
        self.assertEqual(repr(tmp), "<gkreport.Report closed>")
        with self.assertRaises(ValueError):
            tmp["requests/new/total"]
        tmp.close()  # idempotent

    def test_repr_str(self):
        r = self.r
        r["requests/new/total"] = 1
        self.assertEqual(repr(r), "<gkreport.Report edition=2019 year=2020 "
                                  "agency='凤岗镇' cells=1>")
        self.assertIn("requests 收到和处理政府信息公开申请情况: 1 cells filled", str(r))


if __name__ == "__main__":
    unittest.main()


class CellTextTest(unittest.TestCase):
    """Report.text formats through the library's gk_value_format (issue 12)."""

    def test_text_examples(self):
        r = Report.new("2021", 2023)
        self.assertEqual(r.text("requests/new/natural"), "")
        r["requests/new/natural"] = 3402
        self.assertEqual(r.text("requests/new/natural"), "3402")
        r["active/fees/amount"] = "251000元"
        self.assertEqual(r.text("active/fees/amount"), "251000元")
        r["active/fees/amount"] = Decimal("59237.2449")  # the unit stays
        self.assertEqual(r.text("active/fees/amount"), "59237.2449元")
        r.set_unit("active/fees/amount", None)
        self.assertEqual(r.text("active/fees/amount"), "59237.2449")
        r["requests/new/legal"] = "-"
        self.assertEqual(r.text("requests/new/legal"), "-")
        with self.assertRaises(KeyError):
            r.text("requests/nothing/total")

    def test_text_agrees_with_values_on_real_reports(self):
        from .util import real
        checked = 0
        for name in ("2023_suqian-municipal-government.txt",
                     "2024_huaian-hongze-district-government.txt",
                     "2019_shanghai-municipal-general-office.txt"):
            r = gkreport.load(real(name))
            for path in r:
                v = r[path]
                want = ("" if v is None else v if isinstance(v, str)
                        else str(v) + (r.unit(path) or ""))
                self.assertEqual(r.text(path), want, path)
                checked += 1
        self.assertGreater(checked, 300)
