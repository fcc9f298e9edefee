# SPDX-License-Identifier: MIT
import unittest

import gkreport

from .util import crafted_2019

NATURAL_OUTCOME_CELLS = (
    "requests/total/natural", "requests/granted/natural", "requests/partial/natural")


class ValidateTest(unittest.TestCase):
    def test_clean(self):
        findings = crafted_2019().validate()
        self.assertEqual(findings, [])
        self.assertTrue(findings.ok)
        self.assertEqual(str(findings), "")

    def test_culprit(self):
        r = crafted_2019()
        r["requests/granted/natural"] = 4
        f = r.validate()
        self.assertEqual(f.rules(), ["requests.row_total", "requests.outcome_total"])
        row, col = f
        self.assertEqual(row.severity, "error")
        self.assertEqual(row.cells[0], "requests/granted/total")
        self.assertEqual(row.cells[1:3], ("requests/granted/natural",
                                          "requests/granted/commercial"))
        self.assertEqual((row.expected, row.actual), ("4", "3"))
        self.assertEqual((row.suspect, row.suspect_value), ("requests/granted/natural", "3"))
        self.assertEqual(col.cells[:3], NATURAL_OUTCOME_CELLS)
        self.assertEqual(len(col.cells), 20)   # the total and the 19 leaf rows
        self.assertEqual((col.expected, col.actual), ("4", "3"))
        self.assertEqual((col.suspect, col.suspect_value), ("requests/granted/natural", "3"))
        self.assertEqual(col.cell, "requests/total/natural")
        self.assertEqual(f.count_at_least("error"), 2)
        self.assertFalse(f.ok)
        self.assertEqual(len(f.errors), 2)
        self.assertEqual(repr(row), "<Finding error requests.row_total requests/granted/total "
                                    "expected=4 actual=3 suspect=requests/granted/natural->3>")
        self.assertTrue(str(row).startswith("<report>: error requests.row_total: "))
        self.assertTrue(row.message)
        self.assertTrue(row.message_en)
        self.assertIn("requests.row_total", row.format("en"))

    def test_blank_total_is_one_finding(self):
        r = crafted_2019()
        r["requests/total/total"] = None
        f = r.validate()
        self.assertEqual(f.rules(), ["cell.blank"])
        self.assertEqual(f[0].severity, "warning")
        self.assertEqual(f[0].cells[0], "requests/total/total")
        self.assertEqual(f[0].expected, "3")
        self.assertTrue(f.ok)

    def _several(self):
        r = crafted_2019()
        r["review/reconsideration/upheld"] = 2
        r["active/regulations/published"] = 1
        r.year = 2021
        return r

    def test_several_rules(self):
        f = self._several().validate()
        self.assertEqual(f.rules(), ["edition.year", "review.total", "active.cumulative",
                                     "active.rulemaking"])
        ed, rev, cum, rule = f
        self.assertEqual((ed.severity, ed.cells, ed.expected, ed.actual),
                         ("warning", (), "2021", "2019"))
        self.assertEqual((rev.cells[0], rev.expected, rev.actual),
                         ("review/reconsideration/total", "2", "0"))
        self.assertEqual((cum.cells, cum.expected, cum.actual),
                         (("active/regulations/total_public", "active/regulations/published"),
                          ">= 1", "0"))
        self.assertEqual((rule.cells, rule.expected, rule.actual),
                         (("active/regulations/published",), "0", "1"))

    def test_waivers(self):
        f = self._several().validate(
            waive=[("review.total", "review/reconsideration/total", "merger"),
                   ("active.*", "not a rule-making check we want")])
        self.assertEqual([(x.rule, x.waived, x.waiver_reason) for x in f],
                         [("edition.year", False, None), ("review.total", True, "merger"),
                          ("active.cumulative", True, "not a rule-making check we want"),
                          ("active.rulemaking", True, "not a rule-making check we want")])
        self.assertTrue(f.ok)
        self.assertEqual(f.count_at_least("warning"), 1)
        self.assertEqual(f.count_at_least("warning", include_waived=True), 4)
        self.assertIn("[waived: merger]", str(f[1]))
        # a waiver on another cell leaves the finding alone
        g = self._several().validate(waive=[("review.total", "review/litigation_direct/total",
                                             "other row")])
        self.assertFalse(g[1].waived)

    def test_waiver_errors(self):
        r = crafted_2019()
        with self.assertRaises(gkreport.NotFoundError):
            r.validate(waive=[("no.such.rule", None, "x")])
        with self.assertRaises(ValueError):
            r.validate(waive=[("review.total", None, "")])
        with self.assertRaises(TypeError):
            r.validate(waive=["review.total"])

    def test_selection(self):
        r = self._several()
        self.assertEqual(r.validate(min_severity="error").rules(), ["review.total"])
        self.assertEqual(r.validate(min_severity="warning").rules(),
                         ["edition.year", "review.total", "active.cumulative",
                          "active.rulemaking"])
        self.assertEqual(r.validate(rules=["active.*"]).rules(),
                         ["active.cumulative", "active.rulemaking"])
        self.assertEqual(r.validate(rules="review.total").rules(), ["review.total"])
        self.assertEqual(r.validate(exclude=["active.*", "edition.year"]).rules(),
                         ["review.total"])
        with self.assertRaises(gkreport.NotFoundError):
            r.validate(rules=["nope.*"])
        with self.assertRaises(ValueError):
            r.validate(min_severity="fatal")

    def test_to_dicts(self):
        import json
        r = crafted_2019()
        r["requests/granted/natural"] = 4
        d = r.validate().to_dicts()
        self.assertEqual(len(d), 2)
        self.assertEqual(list(d[0])[:6], ["rule", "severity", "cells", "expected", "actual",
                                          "message"])
        self.assertEqual((d[0]["rule"], d[0]["suspect"], d[0]["suspect_value"], d[0]["waived"]),
                         ("requests.row_total", "requests/granted/natural", "3", False))
        self.assertEqual(json.loads(json.dumps(d))[1]["cells"][0], "requests/total/natural")
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError):
                r.validate().to_pandas()
        else:
            self.assertEqual(list(r.validate().to_pandas()["rule"]),
                             ["requests.row_total", "requests.outcome_total"])

    def test_catalogue(self):
        rules = gkreport.rules()
        ids = [x.id for x in rules]
        for rid in ("requests.balance", "requests.row_total", "requests.outcome_total",
                    "review.total", "cell.value", "cell.blank", "report.year",
                    "edition.year", "active.cumulative", "active.rulemaking",
                    "active.misread_delta", "text.sections", "text.period", "text.sum",
                    "text.table", "text.fee", "text.placeholder", "series.carry",
                    "series.in_force", "series.items", "series.cumulative", "series.gap",
                    "series.agency"):
            self.assertIn(rid, ids)
        bal = gkreport.rule("requests.balance")
        self.assertEqual((bal.severity, bal.scope, bal.editions),
                         ("error", "report", ("2019", "2021")))
        self.assertEqual(gkreport.rule("active.cumulative").editions, ("2019",))
        self.assertEqual(gkreport.rule("text.fee").editions, ("2021",))
        self.assertEqual(gkreport.rule("active.misread_delta").severity, "info")
        self.assertEqual(gkreport.rule("series.carry").scope, "series")
        self.assertTrue(bal.description and bal.description_en)
        with self.assertRaises(gkreport.NotFoundError):
            gkreport.rule("requests.*")


if __name__ == "__main__":
    unittest.main()
