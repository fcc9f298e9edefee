# SPDX-License-Identifier: MIT
"""Analyst exports from Python: CSV for Excel, read_csv without floats, HTML pages
and XLSX workbooks of a report and of a series."""
import io
import os
import tempfile
import unittest
import zipfile
from decimal import Decimal

import gkreport

from .util import consistent, example, needs


def broken():
    r = gkreport.load(example("fenggang-2020.json"))
    r["requests/new/natural"] = 999
    return r


@needs("gk_report_to_html", "gk_report_to_xlsx")
class ExportTest(unittest.TestCase):
    def test_csv_excel(self):
        r = gkreport.load(example("fenggang-2020.json"))
        r.agency.name = "=HYPERLINK(1)"
        s = r.to_csv(excel=True)
        self.assertTrue(s.startswith("\ufeffagency,year,edition,table,row,col,state,value,"
                                     "source,row_label,col_label\r\n"))
        self.assertIn("\"'=HYPERLINK(1)\",2020,2019,requests,new,natural,value,0,", s)
        self.assertTrue(r.to_csv(excel=True, lang="en").splitlines()[1].endswith(",Regulations,Made this year"))
        with self.assertRaises(ValueError):
            r.to_csv(excel=True, lang="fr")
        self.assertNotIn("\r", r.to_csv())

    def test_read_csv_has_no_floats(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            self.skipTest("no pandas")
        r = gkreport.load(example("fenggang-2020.json"))
        for excel in (False, True):
            df = gkreport.read_csv(io.StringIO(r.to_csv(excel=excel)))
            self.assertEqual(str(df["year"].dtype), "Int64")
            self.assertEqual(str(df["edition"].dtype), "Int64")
            v = df[(df["row"] == "new") & (df["col"] == "natural")]["value"].iloc[0]
            self.assertIs(type(v), int)
            amount = df[(df["row"] == "procurement") & (df["col"] == "amount")]["value"].iloc[0]
            self.assertEqual(amount, Decimal("498742.4"))
        self.assertEqual(str(r.to_pandas()["year"].dtype), "Int64")

    def test_html(self):
        page = broken().to_html()
        self.assertTrue(page.startswith("<!DOCTYPE html>"))
        self.assertIn('class="error', page)
        self.assertIn('<li id="f1"', page)
        self.assertNotIn("<script", page)
        clean = broken().to_html(findings=False, lang="en")
        self.assertNotIn('class="error', clean)
        self.assertIn('<html lang="en">', clean)

    def test_xlsx(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "r.xlsx")
            broken().to_xlsx(path)
            z = zipfile.ZipFile(path)
            self.assertTrue(any(n.startswith("xl/comments") for n in z.namelist()))
            path2 = os.path.join(d, "s.xlsx")
            broken().save(path2)
            self.assertTrue(zipfile.is_zipfile(path2))
            path3 = os.path.join(d, "p.html")
            broken().save(path3)
            with open(path3, encoding="utf-8") as f:
                self.assertIn("<!DOCTYPE html>", f.read())
            with self.assertRaises(gkreport.Error):
                broken().to_xlsx(os.path.join(d, "missing", "x.xlsx"))

    @needs("gk_series_to_html", "gk_series_to_xlsx")
    def test_series(self):
        s = gkreport.Series([consistent("2019", 2020, 5, 3, 0), consistent("2021", 2021, 4, 4, 2)])
        page = s.to_html()
        self.assertIn("<svg", page)
        self.assertIn("格式版本变更", page)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "s.xlsx")
            s.to_xlsx(path, lang="en")
            names = zipfile.ZipFile(path).namelist()
            self.assertEqual(len([n for n in names if n.startswith("xl/charts/")]), 2)

    @needs("gk_summary_to_html", "gk_summary_to_xlsx")
    def test_summary(self):
        from gkreport import summary
        reports = [broken(), gkreport.load(example("fenggang-2020.json"))]
        page = summary.to_html(reports, rank_by="total", lang="en")
        self.assertEqual(page.count('<tr><th scope="row">'), 2)
        self.assertNotIn("<script", page)
        self.assertIn('<figcaption id="rank">', page)
        with self.assertRaises(gkreport.Error):
            summary.to_html(reports, rank_by="agency")
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "sum.xlsx")
            summary.to_xlsx(path, reports, sort="total")
            wb = zipfile.ZipFile(path).read("xl/workbook.xml").decode()
            self.assertIn('<sheet name="汇总"', wb)
            with self.assertRaises(gkreport.Error):
                summary.to_xlsx(os.path.join(d, "missing", "x.xlsx"), reports)


if __name__ == "__main__":
    unittest.main()
