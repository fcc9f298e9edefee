# SPDX-License-Identifier: MIT
import io
import itertools
import unittest

import gkreport

from .util import consistent, needs


def county():
    a = consistent("2019", 2020, new=5, granted=3, name="甲镇")
    b = consistent("2019", 2020, new=4, granted=4, carried_over=1, name="乙镇")
    c = consistent("2019", 2020, new=2, granted=1, carried_over=3, name="丙镇")
    return [a, b, c]


@needs("gk_aggregate_result")
class AggregateTest(unittest.TestCase):
    def test_aggregate_function(self):
        total = gkreport.aggregate(county(), name="某县")
        self.assertEqual(total.agency.name, "某县")
        self.assertEqual((total.edition, total.year), ("2019", 2020))
        self.assertEqual(total["requests/new/total"], 11)
        self.assertEqual(total["requests/carried_over/natural"], 4)
        self.assertEqual(total["requests/granted/total"], 8)
        self.assertEqual(total["requests/carried_forward/total"], 7)
        self.assertEqual(total["review/reconsideration/total"], 0)
        self.assertEqual(total.validate(), [])      # identities are linear

    def test_blank_and_literals(self):
        a, b, c = county()
        b["requests/new/legal"] = "-"
        c["active/procurement/amount"] = "1.5"
        a["active/procurement/amount"] = None
        b["active/procurement/amount"] = None
        agg = gkreport.Aggregate([a, b, c])
        self.assertEqual(agg.count, 3)
        self.assertEqual(len(agg), 3)
        self.assertEqual(agg.literal_count, 1)
        self.assertEqual(agg.findings.rules(), ["aggregate.literal"])
        self.assertEqual(agg.findings[0].severity, "warning")
        r = agg.result()
        self.assertEqual(r["requests/new/legal"], 0)          # literal counted blank
        self.assertEqual(str(r["active/procurement/amount"]), "1.5")
        self.assertIsNone(r.agency.name)
        self.assertEqual(repr(agg), "<gkreport.Aggregate reports=3 edition=2019>")

    def test_contributors(self):
        agg = gkreport.Aggregate(county())
        # order of addition; a saved and loaded aggregate lists them canonically
        self.assertEqual([(x.name, x.year, x.edition) for x in agg.contributors],
                         [("甲镇", 2020, "2019"), ("乙镇", 2020, "2019"), ("丙镇", 2020, "2019")])
        back = gkreport.Aggregate.from_json(agg.to_json())
        self.assertEqual([x.name for x in back.contributors], ["丙镇", "乙镇", "甲镇"])
        merged = gkreport.Aggregate(county()[:1])
        merged.merge(gkreport.Aggregate(county()[1:]))
        self.assertEqual(merged.contributors, agg.contributors)
        flat = gkreport.Aggregate(county(), contributors=False)
        self.assertEqual(flat.contributors, [])
        self.assertEqual(flat.count, 3)
        agg.merge(flat)             # merging an unlisted aggregate stops the listing
        self.assertEqual((agg.contributors, agg.count), ([], 6))

    def test_mixed_editions(self):
        a = consistent("2019", 2020, new=5, granted=3)
        b = consistent("2021", 2021, new=4, granted=4, carried_over=2)
        agg = gkreport.Aggregate([a, b])
        self.assertTrue(agg.mixed)
        self.assertEqual(agg.edition, "2021")
        self.assertEqual(agg.check().rules(), ["aggregate.years", "aggregate.editions"])  # 2020 + 2021
        self.assertEqual(agg.check()[1].severity, "info")
        r = agg.result()
        self.assertEqual(r["requests/new/total"], 9)
        self.assertEqual(r["requests/other/total"], 0)
        self.assertIsNone(r["active/fees/amount"])             # not comparable

    def test_overlap(self):
        g = consistent("2019", 2020, 1, 1, name="某县人民政府")
        d = consistent("2019", 2020, 1, 1, name="某县教育局")
        for x, kind in ((g, "government"), (d, "department")):
            x.agency.update(level="county", kind=kind, region="江西省某县")
        f = gkreport.Aggregate([g, d]).check()
        self.assertEqual(f.rules(), ["aggregate.overlap"])
        self.assertIn("某县教育局", f[0].message)

    def test_overflow_leaves_aggregate(self):
        big = gkreport.Report.new("2019", 2020)
        big["requests/new/total"] = (1 << 63) - 1
        one = gkreport.Report.new("2019", 2020)
        one["requests/new/total"] = 1
        agg = gkreport.Aggregate([big])
        with self.assertRaises(gkreport.ValueOverflowError):
            agg.add(one)
        self.assertEqual(agg.count, 1)
        self.assertEqual(agg.result()["requests/new/total"], (1 << 63) - 1)
        with self.assertRaises(OverflowError):
            gkreport.aggregate([big, one])

    def test_partitions_identical(self):
        reports = county() + [consistent("2019", 2020, new=9, granted=2, name="丁镇")]
        whole = gkreport.Aggregate(reports)
        expected = whole.to_json()
        for perm in itertools.permutations(range(4)):
            left = gkreport.Aggregate([reports[i] for i in perm[:1]])
            right = gkreport.Aggregate([reports[i] for i in perm[1:]])
            right.merge(left)
            self.assertEqual(right.to_json(), expected)
        self.assertEqual(right.result("县"), whole.result("县"))

    def test_save_and_load(self):
        agg = gkreport.Aggregate(county())
        saved = agg.to_json()
        back = gkreport.Aggregate.from_json(saved)
        self.assertEqual(back.to_json(), saved)
        self.assertEqual(back.result("某县"), agg.result("某县"))
        with self.assertRaises(gkreport.ParseError) as cm:
            gkreport.Aggregate.from_json("{")
        self.assertEqual(cm.exception.diagnostics[0].rule, "json.syntax")
        self.assertEqual(cm.exception.line, 1)

    def test_empty_and_close(self):
        with gkreport.Aggregate() as agg:
            self.assertIsNone(agg.edition)
            with self.assertRaises(ValueError):  # a sentence, not "not found"
                agg.result()
        with self.assertRaises(ValueError):
            agg.count
        self.assertEqual(repr(agg), "<gkreport.Aggregate closed>")


@needs("gk_aggregate_add_jsonl", "gk_report_to_json")
class JsonLinesTest(unittest.TestCase):
    def test_stream_with_bad_line(self):
        lines = [r.to_json() for r in county()]
        data = "\n".join([lines[0], "{not json", "", lines[1], lines[2]]) + "\n"
        agg = gkreport.Aggregate()
        agg.add_jsonl_file(io.BytesIO(data.encode()))
        self.assertEqual(agg.count, 3)
        self.assertEqual(agg.findings.rules(), ["jsonl.line"])
        self.assertEqual(agg.findings[0].line, 2)
        self.assertEqual(agg.result("某县"), gkreport.aggregate(county(), name="某县"))

    def test_chunks_split_anywhere(self):
        data = ("\n".join(r.to_json() for r in county())).encode()
        agg = gkreport.Aggregate()
        for i in range(0, len(data), 7):
            agg.add_jsonl(data[i:i + 7], end=False)
        agg.end_jsonl()
        self.assertEqual(agg.count, 3)
        self.assertEqual(agg.findings, [])

    def test_source_name(self):
        agg = gkreport.Aggregate()
        agg.add_jsonl("[]\n", source="county.jsonl")
        self.assertEqual((agg.findings[0].file, agg.findings[0].line), ("county.jsonl", 1))


if __name__ == "__main__":
    unittest.main()
