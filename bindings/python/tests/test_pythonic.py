# SPDX-License-Identifier: MIT
"""Python that feels like Python (issue 16) and argument checks (issue 14)."""

import ctypes
import os
import tempfile
import unittest

import gkreport

from .util import real

HONGZE23 = real("2023_huaian-hongze-district-government.txt")
HONGZE24 = real("2024_huaian-hongze-district-government.txt")
SUQIAN23 = real("2023_suqian-municipal-government.txt")


class PathsAndReportsTest(unittest.TestCase):
    def test_aggregate_takes_paths_and_reports(self):
        r = gkreport.load(HONGZE23)
        s = gkreport.load(SUQIAN23)
        a = gkreport.aggregate([HONGZE23, s])
        self.assertEqual(a["review/reconsideration/upheld"],
                         r["review/reconsideration/upheld"] + s["review/reconsideration/upheld"])
        with gkreport.Aggregate([HONGZE24]) as agg:
            agg.add(r)
            self.assertEqual(agg.count, 2)

    def test_series_takes_paths_and_reports(self):
        s = gkreport.Series([HONGZE23, gkreport.load(HONGZE24)])
        self.assertEqual(s.years, [2023, 2024])

    def test_empty_input_is_a_value_error(self):
        with self.assertRaises(ValueError) as cm:
            gkreport.aggregate([])
        self.assertEqual(str(cm.exception),
                         "aggregate() needs at least one report: the list is empty")
        with self.assertRaises(ValueError):
            gkreport.Series([])
        with self.assertRaises(ValueError) as cm:
            gkreport.Aggregate().result()
        self.assertIn("holds no report", str(cm.exception))
        with gkreport.Series() as s:  # empty, to be filled later: fine
            self.assertEqual(len(s), 0)

    def test_wrong_types(self):
        for bad in (5, b"x", None):
            with self.assertRaises(TypeError):
                gkreport.aggregate([bad])
        with self.assertRaises(TypeError):
            gkreport.aggregate(HONGZE23)  # one path, not a list
        with self.assertRaises(TypeError):
            gkreport.Series(HONGZE23)


class AmbiguousRepairTest(unittest.TestCase):
    def test_hongze_2023_names_both_repairs(self):
        found = gkreport.load(HONGZE23).validate()
        self.assertEqual(found.rules(), ["review.total", "review.total"])
        first, second = found
        self.assertEqual(first.suspect, "review/reconsideration/total")
        self.assertEqual(first.note, "「行政复议 · 总计」可能应为11")
        self.assertIsNone(second.suspect)
        self.assertEqual(second.candidates,
                         (("review/litigation_after_review/total", "5"),
                          ("review/litigation_after_review/upheld", "0")))
        self.assertIn("ambiguous", second.note_en)
        self.assertIn("note: 无法确定是哪一格有误", second.format())


class ArgumentChecksTest(unittest.TestCase):
    def test_private_constructor_refused(self):
        for h in (ctypes.c_void_p(1), ctypes.c_void_p(), 1, None):
            with self.assertRaises(TypeError):
                gkreport.Report(h)
        with self.assertRaises(TypeError):
            gkreport.Aggregate(_handle=ctypes.c_void_p(1))

    def test_loads_types(self):
        with self.assertRaises(TypeError) as cm:
            gkreport.loads(123)
        self.assertIn("not int", str(cm.exception))
        with open(HONGZE23, encoding="utf-8") as f:
            text = f.read()
        for source in (b"name", 5):
            with self.assertRaises(TypeError):
                gkreport.loads(text, source=source)
        with self.assertRaises(TypeError):
            gkreport.load(123)
        self.assertEqual(gkreport.loads(text.encode("utf-8"), source="h.txt").year, 2023)
        self.assertEqual(gkreport.loads(bytearray(text.encode("utf-8"))).year, 2023)


class ReportProtocolTest(unittest.TestCase):
    def test_iterates_over_cell_paths(self):
        r = gkreport.load(HONGZE23)
        paths = list(r)
        self.assertEqual(paths[0], "active/regulations/issued")
        self.assertEqual(paths, r.keys())
        self.assertTrue(all(p in r for p in paths))
        self.assertEqual(len(paths), len(set(paths)))
        items = r.items()
        self.assertEqual([p for p, _ in items], paths)
        self.assertEqual([v for _, v in items], r.values())
        self.assertEqual(dict(items)["review/reconsideration/upheld"],
                         r["review/reconsideration/upheld"])
        filled = r.items(include_blank=False)
        self.assertTrue(all(v is not None for _, v in filled))
        self.assertEqual(len(filled), r.filled())

    def test_save_by_extension_or_refused(self):
        r = gkreport.load(HONGZE23)
        with tempfile.TemporaryDirectory() as d:
            for ext, head in ((".json", "{"), (".csv", "agency"), (".md", "#"), (".txt", "")):
                p = os.path.join(d, "out" + ext)
                r.save(p)
                with open(p, encoding="utf-8") as f:
                    self.assertTrue(f.read().startswith(head))
            x = os.path.join(d, "out.xlsx")
            r.save(x)  # a workbook, not JSON under an .xlsx name
            with open(x, "rb") as f:
                self.assertEqual(f.read(4), b"PK\x03\x04")
            bad = os.path.join(d, "out.odt")
            with self.assertRaises(ValueError) as cm:
                r.save(bad)
            self.assertIn(".odt", str(cm.exception))
            self.assertFalse(os.path.exists(bad))  # nothing written
            r.save(bad, format="json")  # an explicit format is obeyed
            self.assertTrue(os.path.exists(bad))
            with self.assertRaises(ValueError):
                r.save(os.path.join(d, "noext"))

    def test_public_names(self):
        self.assertTrue(set(gkreport.__all__) <= set(vars(gkreport)))
        for helper in ("Optional", "Tuple", "Union", "os", "replace", "error_for"):
            self.assertNotIn(helper, dir(gkreport))
            self.assertNotIn(helper, gkreport.__all__)
        self.assertIn("load", dir(gkreport))


class DocsTest(unittest.TestCase):
    def test_one_install_instruction(self):
        """Every doc gives the same install command (issue 16)."""
        from .util import SOURCE_DIR
        docs = ["README.md", "docs/python.md", "bindings/python/README.md"]
        for doc in docs:
            path = os.path.join(SOURCE_DIR, doc)
            if not os.path.exists(path):
                continue
            with open(path, encoding="utf-8") as f:
                text = f.read()
            self.assertIn("pip install ./bindings/python", text, doc)
            self.assertNotIn("--no-build-isolation", text, doc)


if __name__ == "__main__":
    unittest.main()
