# SPDX-License-Identifier: MIT
import unittest

import gkreport
from gkreport import schema


class SchemaTest(unittest.TestCase):
    def test_editions(self):
        eds = schema.editions()
        self.assertEqual([e.key for e in eds], ["2019", "2021"])
        self.assertEqual([e.id for e in eds], [2019, 2021])
        self.assertEqual(eds[1].instrument, "国办公开办函〔2021〕30号")
        self.assertEqual(schema.edition("2021"), eds[1])
        self.assertEqual(schema.edition(2019).key, "2019")
        with self.assertRaises(KeyError):
            schema.edition("2020")
        with self.assertRaises(KeyError):
            schema.edition("abc")

    def test_edition_for_year(self):
        self.assertEqual(schema.edition_for_year(2020).key, "2019")
        self.assertEqual(schema.edition_for_year(2021).key, "2021")
        self.assertEqual(schema.edition_for_year(2024).key, "2021")
        self.assertIsNone(schema.edition_for_year(2018))

    def test_tables(self):
        e = schema.edition("2021")
        self.assertEqual([t.key for t in e.tables], ["active", "requests", "review"])
        self.assertEqual(e.table("requests").label, "收到和处理政府信息公开申请情况")
        self.assertEqual([t.key for t in e], ["active", "requests", "review"])
        with self.assertRaises(KeyError):
            e.table("nope")

    def test_requests_columns(self):
        t = schema.edition("2019").table("requests")
        self.assertEqual([c.key for c in t.columns],
                         ["natural", "commercial", "research", "social", "legal",
                          "other_org", "total"])
        self.assertEqual(t.column("natural").label, "自然人")
        self.assertEqual(t.column("total").kind, "count")
        self.assertEqual(t.column(6).key, "total")

    def test_leaf_rows(self):
        leaves19 = [r.key for r in schema.edition("2019").table("requests") if r.leaf]
        leaves21 = [r.key for r in schema.edition("2021").table("requests") if r.leaf]
        # format.md §4 lists 19 leaf rows for 2019 and 21 for 2021 (its prose says
        # 20 / 22): the rows themselves are the contract.
        self.assertEqual(leaves19[:3], ["granted", "partial", "denied.state_secret"])
        self.assertEqual(len(leaves19), 19)
        self.assertEqual(len(leaves21), 21)
        self.assertEqual(leaves21[-3:], ["other.no_correction", "other.unpaid_fee",
                                         "other.misc"])
        self.assertIn("other", leaves19)
        self.assertNotIn("other", leaves21)
        self.assertIn("other.misc", leaves21)

    def test_derived_rows(self):
        t = schema.edition("2021").table("requests")
        derived = [r.key for r in t if r.derived]
        self.assertEqual(derived, ["denied", "unavailable", "not_processed", "other"])
        self.assertFalse(t.row("denied").settable)
        self.assertTrue(t.row("other").stored)
        self.assertTrue(t.row("other").settable)
        self.assertEqual(t.row("denied.state_secret").parent, "denied")
        self.assertIsNone(t.row("new").parent)
        self.assertTrue(t.row("granted").outcome)
        self.assertFalse(t.row("new").outcome)

    def test_kinds_and_cells(self):
        a19 = schema.edition("2019").table("active")
        self.assertEqual(a19.column("delta").kind, "signed")
        self.assertEqual(a19.column("amount").kind, "amount")
        self.assertEqual(a19.row("fees").columns, ("prev_items", "delta"))
        self.assertTrue(a19.cell_exists("procurement", "amount"))
        self.assertFalse(a19.cell_exists("fees", "decisions"))
        self.assertFalse(a19.cell_exists("regulations", "amount"))
        a21 = schema.edition("2021").table("active")
        self.assertEqual(a21.row("fees").columns, ("amount",))
        self.assertEqual(a21.row("licensing").columns, ("decisions",))
        self.assertEqual(a21.row("regulations").columns, ("issued", "repealed", "in_force"))

    def test_review_and_paths(self):
        r = schema.edition("2021").table("review")
        self.assertEqual([x.key for x in r.rows],
                         ["reconsideration", "litigation_direct", "litigation_after_review"])
        self.assertEqual([c.key for c in r.columns],
                         ["upheld", "corrected", "other", "pending", "total"])
        self.assertEqual(len(list(r.cells())), 15)
        self.assertEqual(next(r.cells()), "review/reconsideration/upheld")
        paths = list(schema.edition("2021").cells())
        self.assertIn("requests/denied.state_secret/natural", paths)
        self.assertIn("active/fees/amount", paths)
        self.assertEqual(len(paths), len(set(paths)))
        self.assertEqual(schema.locate(2021, "review/reconsideration/total"), (2, 0, 4))
        with self.assertRaises(KeyError):
            schema.locate(2021, "review/reconsideration/sum")

    def test_labels_en_and_variants(self):
        t = schema.edition("2019").table("review")
        self.assertTrue(all(c.label_en for c in t.columns))
        upheld = t.column("upheld")
        self.assertEqual(upheld.label, "结果维持")
        self.assertIn("结果维护", upheld.variants)

    def test_sections_levels_kinds(self):
        self.assertEqual([s.key for s in schema.sections()],
                         ["preamble", "overview", "problems", "other"])
        self.assertEqual(schema.sections()[1].label, "总体情况")
        self.assertEqual(schema.levels(),
                         ("national", "province", "city", "county", "township"))
        self.assertEqual(schema.agency_kinds(), ("government", "department"))

    def test_infer_agency(self):
        self.assertEqual(schema.infer_agency("淮安市洪泽区司法局"), ("county", "department"))
        self.assertEqual(schema.infer_agency("凤岗镇"), ("township", "government"))
        self.assertEqual(schema.infer_agency("上海市人民政府办公厅"), ("province", "department"))
        self.assertEqual(schema.infer_agency("市场监督管理局"), (None, None))

    def test_package_metadata(self):
        self.assertEqual(gkreport.library_version.split(".")[0], "0")
        self.assertTrue(gkreport.library_path)


if __name__ == "__main__":
    unittest.main()
