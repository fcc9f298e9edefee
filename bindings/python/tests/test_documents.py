# SPDX-License-Identifier: MIT
"""gkreport.load() of web pages (.html/.htm) and Word files (.docx): the
renderings of the complete given reports (tests/data/documents)."""

import json
import os
import shutil
import tempfile
import unittest

import gkreport

from .util import DATA, REAL, needs

DOCS = os.path.join(DATA, "documents")
NAME = "2023_suqian-municipal-government"


def truth(name):
    with open(os.path.join(REAL, name + ".truth.json"), encoding="utf-8") as f:
        return json.load(f)


@needs("gk_report_from_html", "gk_report_from_docx")
class DocumentsTest(unittest.TestCase):
    def check(self, r, name):
        t = truth(name)
        self.assertEqual(r.year, t["year"])
        self.assertEqual(r.agency.name, t["agency"])
        for path, want in t["cells"].items():
            got = r[path]
            self.assertEqual(str(got), str(want), path)

    def test_load_html_and_docx_paths(self):
        for ext in (".html", ".docx"):
            r = gkreport.load(os.path.join(DOCS, NAME + ext))
            self.check(r, NAME)

    def test_htm_extension_and_forced_format(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "page.htm")
            shutil.copy(os.path.join(DOCS, NAME + ".html"), path)
            self.check(gkreport.load(path), NAME)
            odd = os.path.join(d, "report.bin")  # no telling extension: the content decides
            shutil.copy(os.path.join(DOCS, NAME + ".docx"), odd)
            self.check(gkreport.load(odd), NAME)
            self.check(gkreport.load(odd, format="docx"), NAME)
        with open(os.path.join(DOCS, NAME + ".html"), "rb") as f:
            self.check(gkreport.loads(f.read(), format="html"), NAME)
        with self.assertRaises(ValueError):
            gkreport.loads(b"x", format="pdf")

    def test_csv_reads_back(self):
        r = gkreport.load(os.path.join(DOCS, NAME + ".html"))
        for kwargs in ({}, {"excel": True}, {"header": False, "derived": True}):
            text = r.to_csv(**kwargs)
            fmt = None if kwargs.get("header", True) else "csv"  # the header line tells it
            back = gkreport.loads(text, format=fmt) if fmt else gkreport.loads(text)
            self.check(back, NAME)
            self.assertEqual(back.to_csv(**kwargs), text)
        with self.assertRaises(gkreport.ParseError) as cm:
            gkreport.loads("agency,year,edition,table,row,col,state,value\nx,2023,2021,active,rules,issued,value,1\n")
        self.assertEqual([f.rule for f in cm.exception.diagnostics], ["csv.key"])

    @needs("gk_report_from_xlsx", "gk_report_to_xlsx")
    def test_xlsx_reads_back(self):
        r = gkreport.load(os.path.join(DOCS, NAME + ".html"))
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "report.xlsx")
            r.to_xlsx(path)
            self.check(gkreport.load(path), NAME)  # by the extension
            odd = os.path.join(d, "report.bin")  # by the content: a zip holding xl/workbook.xml
            shutil.copy(path, odd)
            self.check(gkreport.load(odd), NAME)
            with open(path, "rb") as f:
                self.check(gkreport.loads(f.read(), format="xlsx"), NAME)
        with self.assertRaises(gkreport.ParseError) as cm:
            gkreport.loads(b"PK\x03\x04broken", source="bad.xlsx", format="xlsx")
        self.assertIn("import.xlsx", [f.rule for f in cm.exception.diagnostics])

    def test_bad_docx_is_a_parse_error_with_its_finding(self):
        with self.assertRaises(gkreport.ParseError) as cm:
            gkreport.loads(b"PK\x03\x04broken", source="bad.docx")
        rules = [f.rule for f in cm.exception.diagnostics]
        self.assertIn("import.docx", rules)


if __name__ == "__main__":
    unittest.main()
