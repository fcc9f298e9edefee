# SPDX-License-Identifier: MIT
"""The complete real reports of tests/data/real, through the bindings."""

import glob
import json
import os
import unittest
from decimal import Decimal

import gkreport

from .util import REAL, needs

TRUTHS = sorted(glob.glob(os.path.join(REAL, "*.truth.json")))


def truth(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def from_truth(d):
    """A report built cell by cell from a truth file (no importer involved)."""
    r = gkreport.Report.new(d["edition"], d["year"],
                            agency={"name": d["agency"], "level": d["level"],
                                    "kind": d["kind"]})
    for path, value in d["cells"].items():
        r[path] = value
    return r


# The text rules (text.*) are the importer's business and tested there; these
# tests compare the table rules.
def expected(d, text_rules):
    return sorted((x["rule"], x.get("cell")) for x in d["expected_findings"]
                  if text_rules or not x["rule"].startswith("text."))


def found(findings, text_rules):
    return sorted((x.rule, x.cell) for x in findings
                  if text_rules or not x.rule.startswith("text."))


class TruthTest(unittest.TestCase):
    def test_seven_truth_files(self):
        self.assertEqual(len(TRUTHS), 7)

    def test_table_rules_on_truth_cells(self):
        for path in TRUTHS:
            with self.subTest(report=os.path.basename(path)):
                d = truth(path)
                r = from_truth(d)
                for p, v in d["cells"].items():
                    want = Decimal(v) if isinstance(v, str) else v
                    self.assertEqual(r[p], want, p)
                for p in d["blank"]:
                    self.assertIsNone(r[p], p)
                self.assertEqual(found(r.validate(), False), expected(d, False))

    def test_shanghai_blank_totals(self):
        d = truth(os.path.join(REAL, "2019_shanghai-municipal-general-office.truth.json"))
        f = from_truth(d).validate()
        blank = [x for x in f if x.rule == "cell.blank"]
        self.assertEqual(len(blank), 11)
        granted = [x for x in blank if x.cell == "requests/granted/total"][0]
        self.assertEqual((granted.severity, granted.expected), ("warning", "272"))

    def test_hongze_review_total(self):
        d = truth(os.path.join(REAL, "2023_huaian-hongze-district-government.truth.json"))
        f = from_truth(d).validate(rules=["review.*"])
        self.assertEqual([(x.cell, x.expected, x.actual) for x in f],
                         [("review/reconsideration/total", "11", "0"),
                          ("review/litigation_after_review/total", "5", "0")])


@needs("gk_report_from_text")
class ImportTest(unittest.TestCase):
    def test_import_matches_truth(self):
        for path in TRUTHS:
            name = os.path.basename(path)
            with self.subTest(report=name):
                d = truth(path)
                r = gkreport.load(path.replace(".truth.json", ".txt"))
                self.assertEqual((r.edition, r.year), (d["edition"], d["year"]))
                self.assertTrue(r.source.endswith(name.replace(".truth.json", ".txt")))
                ref = from_truth(d)
                for p in d["cells"]:
                    self.assertEqual(r[p], ref[p], p)
                for p in d["blank"]:
                    self.assertIsNone(r[p], p)
                self.assertEqual(found(r.validate(), False), expected(d, False))

    def test_lines_point_into_the_file(self):
        path = os.path.join(REAL, "2020_ganzhou-fenggang-town.txt")
        r = gkreport.load(path)
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        line = r.line("active/procurement/amount")
        self.assertGreater(line, 0)
        self.assertIn("498742.4", lines[line - 1])
        self.assertEqual(r["active/procurement/amount"], Decimal("498742.4"))
        self.assertEqual(r["active/procurement/projects"], 120)
        self.assertEqual(list(r.sections), ["preamble", "overview", "problems", "other"])
        start = r.sections.line("overview")
        self.assertGreater(start, 0)
        self.assertTrue(lines[start - 1].startswith(r.sections["overview"][:10]))
        self.assertEqual(r.sections["other"], "无")

    def test_shanghai_findings_have_file_and_line(self):
        path = os.path.join(REAL, "2019_shanghai-municipal-general-office.txt")
        r = gkreport.load(path)
        f = [x for x in r.validate() if x.cell == "requests/granted/total"][0]
        self.assertEqual(f.file, path)
        self.assertGreater(f.line, 0)
        self.assertTrue(str(f).startswith("%s:%d: warning cell.blank: " % (path, f.line)))

    @needs("gk_report_from_text")
    def test_text_rules_on_real_prose(self):
        """The prose defects README.md lists for the complete reports."""
        want = {
            "2019_shanghai-municipal-general-office": [("text.sum", (), "805", "716", 16)],
            "2024_huaian-hongze-district-government": [
                ("text.table", ("requests/new/total",), "95", "17", 26)],
            "2024_suqian-municipal-government": [
                ("text.table", ("review/reconsideration/total",), "170", "134", 45),
                ("text.table", ("review/litigation_direct/total",), "77", "57", 45)],
            "2020_ganzhou-fenggang-town": [],
            "2023_suqian-municipal-government": [],
        }
        for name, expect in want.items():
            with self.subTest(report=name):
                r = gkreport.load(os.path.join(REAL, name + ".txt"))
                got = [(f.rule, f.cells, f.expected, f.actual, f.line)
                       for f in r.validate(rules=["text.*"])]
                self.assertEqual(got, expect)
                self.assertTrue(all(f.severity == "warning"
                                    for f in r.validate(rules=["text.*"])))

    def test_series_of_real_reports(self):
        for agency in ("suqian-municipal-government", "huaian-hongze-district-government"):
            with self.subTest(agency=agency):
                reports = [gkreport.load(os.path.join(REAL, "%d_%s.txt" % (y, agency)))
                           for y in (2024, 2023)]
                s = gkreport.Series(reports)
                self.assertEqual(s.years, [2023, 2024])
                rules = s.validate().rules()
                self.assertNotIn("series.carry", rules)
                self.assertNotIn("series.in_force", rules)
                self.assertNotIn("series.gap", rules)


if __name__ == "__main__":
    unittest.main()
