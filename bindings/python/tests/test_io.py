# SPDX-License-Identifier: MIT
import os
import tempfile
import unittest
from decimal import Decimal

import gkreport
from gkreport import Report

from gkreport._lib import lib

from .util import consistent, example, needs, real

lib_has = lib.has


def every_state():
    """A 2021 report with a value, a literal, a blank, an amount with a unit,
    a signed-free 2021 active table, source lines and sections."""
    r = Report.new("2021", 2023, agency={"name": "宿迁市人民政府", "code": "11321300014",
                                          "region": "江苏省宿迁市", "level": "city",
                                          "kind": "government"})
    r.title = "宿迁市人民政府2023年政府信息公开工作年度报告"
    r["requests/new/natural"] = 3402
    r.set_line("requests/new/natural", 118)
    r["requests/new/commercial"] = "-"
    r["active/fees/amount"] = "59237.2449"
    r["active/regulations/issued"] = 2
    r["review/reconsideration/upheld"] = 0
    r.sections["overview"] = "本年度，我市认真贯彻落实《条例》。"
    r.sections["other"] = "未收取信息处理费。"
    return r


@needs("gk_report_from_json", "gk_report_to_json")
class JsonTest(unittest.TestCase):
    def test_round_trip_every_state(self):
        for r in (every_state(), consistent("2019", 2020, 5, 3)):
            with self.subTest(edition=r.edition):
                for pretty in (False, True):
                    back = gkreport.loads(r.to_json(pretty=pretty))
                    self.assertEqual(back, r)
                    self.assertEqual(back.diagnostics, [])
                back = gkreport.loads(r.to_json(lines=True))
                self.assertTrue(back.equals(r, compare_lines=True))

    def test_pickle(self):
        import pickle
        r = every_state()
        back = pickle.loads(pickle.dumps(r))
        self.assertTrue(back.equals(r, compare_lines=True))
        self.assertEqual(back.line("requests/new/natural"), 118)

    def test_document(self):
        r = every_state()
        self.assertEqual(
            r.to_json(),
            '{"gkreport":1,"edition":"2021","year":2023,"agency":{"name":"宿迁市人民政府",'
            '"code":"11321300014","region":"江苏省宿迁市","level":"city","kind":"government"},'
            '"title":"宿迁市人民政府2023年政府信息公开工作年度报告",'
            '"sections":{"overview":"本年度，我市认真贯彻落实《条例》。","other":"未收取信息处理费。"},'
            '"tables":{"active":{"regulations":{"issued":2},"fees":{"amount":"59237.2449"}},'
            '"requests":{"new":{"natural":3402,"commercial":{"literal":"-"}}},'
            '"review":{"reconsideration":{"upheld":0}}}}')
        self.assertIn('"natural":{"value":3402,"line":118}', r.to_json(lines=True))
        self.assertIn('\n  "edition": "2021"', r.to_json(pretty=True))

    def test_parse_errors(self):
        cases = [
            ('{"gkreport":1,"edition":"2019","year":2020,\n'
             '"tables":{"requests":{"new":{"natural":-1}}}}',
             ("json.value", 2, 40, ("$.tables.requests.new.natural",))),
            ('{"gkreport":1,"edition":"2030"}', ("json.edition", 1, 25, ("$.edition",))),
            ('{"gkreport":1,"edition":"2019","tables":{"requests":{"denied":{"total":1}}}}',
             ("json.key", 1, 54, ("$.tables.requests.denied",))),
            ('{"gkreport":1,"edition":"2019",\n  "year": 2020,\n  "tables": {"requests": '
             '{"new": {"natural": 99999999999999999999}}}}',
             ("json.value", 3, 46, ("$.tables.requests.new.natural",))),
            ('{"a":', ("json.syntax", 1, 6, ("$.a",))),
        ]
        for text, (rule, line, column, cells) in cases:
            with self.subTest(rule=rule, line=line):
                with self.assertRaises(gkreport.ParseError) as cm:
                    gkreport.loads(text, source="x.json")
                e = cm.exception
                self.assertEqual(len(e.diagnostics), 1)
                d = e.diagnostics[0]
                self.assertEqual((d.rule, d.severity, d.line, d.column, d.cells, d.file),
                                 (rule, "error", line, column, cells, "x.json"))
                self.assertEqual((e.file, e.line, e.code), ("x.json", line, -3))
                self.assertIsInstance(e, ValueError)
                self.assertIn("x.json:%d:%d: error %s: " % (line, column, rule), str(e))

    def test_load_file_and_detection(self):
        path = example("fenggang-2020.json")
        if not os.path.exists(path):
            self.skipTest("examples/fenggang-2020.json not in the tree")
        r = gkreport.load(path)
        self.assertEqual((r.year, r.edition), (2020, "2019"))
        self.assertEqual(r.agency.level, "township")
        self.assertEqual(r["active/procurement/projects"], 120)
        self.assertEqual(r["active/procurement/amount"], Decimal("498742.4"))
        self.assertEqual(r["requests/new/total"], 0)
        self.assertEqual(r.validate(min_severity="error"), [])
        with open(path, "rb") as f:
            data = f.read()
        self.assertEqual(gkreport.loads(data), r)
        self.assertEqual(gkreport.loads(b"\xef\xbb\xbf  \n" + data, format="json"), r)
        with self.assertRaises(ValueError):
            gkreport.loads(data, format="xml")
        with self.assertRaises(FileNotFoundError):
            gkreport.load(path + ".missing")


@needs("gk_report_to_csv")
class CsvTest(unittest.TestCase):
    def test_long_form(self):
        r = every_state()
        r.agency.name = "宿迁市,人民政府"
        lines = r.to_csv().splitlines()
        self.assertEqual(lines[0], "agency,year,edition,table,row,col,state,value")
        self.assertIn('"宿迁市,人民政府",2023,2021,requests,new,natural,value,3402', lines)
        self.assertIn('"宿迁市,人民政府",2023,2021,requests,new,commercial,literal,-', lines)
        self.assertIn('"宿迁市,人民政府",2023,2021,active,fees,amount,value,59237.2449', lines)
        self.assertIn('"宿迁市,人民政府",2023,2021,requests,new,research,blank,', lines)
        n = sum(1 for t in r.schema for row in t if row.settable for _ in row.columns)
        self.assertEqual(len(lines), n + 1)
        self.assertEqual(len(r.to_csv(header=False).splitlines()), n)
        derived = r.to_csv(header=False, derived=True).splitlines()
        self.assertEqual(len(derived), n + 3 * 7)
        self.assertTrue(any(",requests,denied,total,derived," in x for x in derived))


@needs("gk_report_to_text", "gk_report_from_text")
def infer(r):
    """What a text import infers from the agency's name (the gazetteer)."""
    meta = gkreport.schema.resolve_agency(r.agency.name)
    r.agency.level, r.agency.kind, r.agency.region = meta["level"], meta["kind"], meta["region"]


class TextTest(unittest.TestCase):
    def test_round_trip(self):
        for r in (every_state(), consistent("2019", 2020, 5, 3)):
            with self.subTest(edition=r.edition):
                r.agency = r.agency.name    # the published layout has no code/level/kind:
                infer(r)                    # an import infers them from the name
                r.title = "%s%d年政府信息公开工作年度报告" % (r.agency.name, r.year)
                text = r.to_text()
                self.assertIn("三、收到和处理政府信息公开申请情况", text)
                self.assertEqual(gkreport.loads(text, format="text"), r)

    @needs("gk_report_to_markdown")
    def test_markdown(self):
        md = every_state().to_markdown()
        self.assertEqual(every_state()._repr_markdown_(), md)
        self.assertIn("| 3402 |", md)
        self.assertIn("59237.2449", md)

    def test_save(self):
        r = every_state()
        r.agency = r.agency.name
        infer(r)
        with tempfile.TemporaryDirectory() as d:
            for name in ("r.json", "r.txt", "r.csv", "r.md"):
                r.save(os.path.join(d, name))
            self.assertEqual(gkreport.load(os.path.join(d, "r.json")), r)
            self.assertEqual(gkreport.load(os.path.join(d, "r.txt")), r)
            with open(os.path.join(d, "r.csv"), encoding="utf-8") as f:
                self.assertEqual(f.read(), r.to_csv())
            with self.assertRaises(ValueError):
                r.save(os.path.join(d, "r.x"), format="xml")


@needs("gk_report_from_text")
class TextImportErrorTest(unittest.TestCase):
    def test_not_a_report(self):
        with self.assertRaises(gkreport.ParseError) as cm:
            gkreport.loads("hello world\n", source="hello.txt")
        self.assertEqual([(d.rule, d.file) for d in cm.exception.diagnostics],
                         [("import.not_report", "hello.txt")])

    @needs("gk_text_to_utf8")
    def test_decode(self):
        text = "三、收到和处理政府信息公开申请情况"
        self.assertEqual(gkreport.decode(text.encode("utf-8")), (text, "utf-8"))
        self.assertEqual(gkreport.decode(b"\xef\xbb\xbf" + text.encode("utf-8")),
                         (text, "utf-8-sig"))
        self.assertEqual(gkreport.decode(text.encode("gb18030")), (text, "gb18030"))
        with self.assertRaises(gkreport.EncodingError) as cm:
            gkreport.decode(b"abc\xff")
        self.assertEqual(cm.exception.offset, 3)

    def test_gb18030_report(self):
        path = real("2020_ganzhou-fenggang-town.txt")
        with open(path, encoding="utf-8") as f:
            gbk = f.read().encode("gb18030")
        r = gkreport.loads(gbk, source="gbk.txt")
        self.assertEqual(dict(r.cells()), dict(gkreport.load(path).cells()))
        self.assertIn("import.converted", r.diagnostics.rules())
        self.assertEqual(r["active/procurement/amount"], Decimal("498742.4"))

    def test_import_findings_under_validate_options(self):
        path = real("2020_ganzhou-fenggang-town.txt")
        with open(path, encoding="utf-8") as f:
            r = gkreport.loads(f.read().encode("gb18030"), source="gbk.txt")
        # firing: the importer's note comes first with imports=True
        shown = r.validate(imports=True)
        self.assertEqual(shown.rules()[0], "import.converted")
        self.assertEqual(shown[0].file, "gbk.txt")
        self.assertNotIn("import.converted", r.validate().rules())
        # rule selection, minimum severity and waivers reach it
        self.assertNotIn("import.converted",
                         r.validate(imports=True, exclude=["import.converted"]).rules())
        self.assertNotIn("import.converted", r.validate(imports=True, rules=["requests.*"]).rules())
        self.assertNotIn("import.converted", r.validate(imports=True, min_severity="warning").rules())
        waived = r.validate(imports=True, waive=[("import.converted", "GBK copy from the archive")])
        self.assertEqual((waived[0].rule, waived[0].waived, waived[0].waiver_reason),
                         ("import.converted", True, "GBK copy from the archive"))
        # quiet: report.diagnostics itself is left as read
        self.assertIn("import.converted", r.diagnostics.rules())

    def test_bad_encoding(self):
        with self.assertRaises(gkreport.EncodingError) as cm:
            gkreport.loads(b"\xff\xfe\x00garbage\x00", source="bin.txt")
        self.assertEqual(cm.exception.diagnostics[0].rule, "import.encoding")

    def test_partial_report_warns(self):
        r = gkreport.load(real("2024_shenzhen-longgang-district-dept.txt"))
        self.assertEqual(r.edition, "2021")
        self.assertIn("import.truncated", r.diagnostics.rules())
        self.assertEqual(r["active/normative_docs/issued"], 5)


class PandasTest(unittest.TestCase):
    def test_cell_records(self):
        """The records a DataFrame is built from (no pandas needed)."""
        from gkreport._pandas import cell_records
        recs = cell_records(every_state())
        n = sum(1 for t in every_state().schema for row in t if row.settable
                for _ in row.columns)
        self.assertEqual(len(recs), n)
        self.assertEqual(recs[0], {"agency": "宿迁市人民政府", "year": 2023, "edition": "2021",
                                   "table": "active", "row": "regulations", "col": "issued",
                                   "state": "value", "value": 2, "amount": None,
                                   "literal": None})
        by = {(x["table"], x["row"], x["col"]): x for x in recs}
        self.assertEqual(by["requests", "new", "commercial"]["state"], "literal")
        self.assertEqual(by["requests", "new", "commercial"]["literal"], "-")
        self.assertIsNone(by["requests", "new", "commercial"]["value"])
        self.assertEqual(by["active", "fees", "amount"]["amount"], Decimal("59237.2449"))
        self.assertIsNone(by["active", "fees", "amount"]["value"])
        self.assertEqual(by["requests", "new", "total"]["state"], "blank")
        self.assertIsNone(by["requests", "new", "total"]["value"])

    def test_pandas(self):
        try:
            import pandas  # noqa: F401
        except ImportError:
            with self.assertRaises(ImportError) as cm:
                every_state().to_pandas()
            self.assertIn("needs pandas", str(cm.exception))
            if lib_has("gk_series_trend_to_csv"):
                with self.assertRaises(ImportError):
                    gkreport.Series([every_state()]).to_pandas()
            return
        df = every_state().to_pandas()
        self.assertEqual(list(df.columns), ["agency", "year", "edition", "table", "row",
                                            "col", "state", "value", "amount", "literal"])
        self.assertEqual(str(df["value"].dtype), "Int64")  # counts: nullable integers
        self.assertEqual(str(df["year"].dtype), "Int64")
        row = df[(df["row"] == "new") & (df["col"] == "natural")].iloc[0]
        self.assertEqual(row["value"], 3402)
        lit = df[(df["row"] == "new") & (df["col"] == "commercial")].iloc[0]
        self.assertEqual((lit["state"], lit["literal"]), ("literal", "-"))
        self.assertTrue(pandas.isna(lit["value"]))
        fee = df[(df["row"] == "fees") & (df["col"] == "amount")].iloc[0]
        self.assertEqual(fee["amount"], Decimal("59237.2449"))  # Decimal only for amounts
        self.assertTrue(pandas.isna(fee["value"]))
        t = every_state().to_pandas("requests")
        self.assertEqual(str(t["natural"].dtype), "Int64")
        self.assertEqual(t.loc["new", "natural"], 3402)
        self.assertTrue(pandas.isna(t.loc["new", "total"]))
        self.assertTrue(pandas.isna(t.loc["new", "commercial"]))  # a literal: see "cells"
        a = every_state().to_pandas("active")
        self.assertEqual(a.loc["fees", "amount"], Decimal("59237.2449"))
        self.assertEqual(str(a["amount"].dtype), "object")
        with self.assertRaises(ValueError):
            every_state().to_pandas("tables")


if __name__ == "__main__":
    unittest.main()


@needs("gk_report_from_json", "gk_report_to_json")
class JsonLinesReaderTest(unittest.TestCase):
    def test_iter_jsonl(self):
        rs = [every_state(), consistent("2019", 2020, 5, 3)]
        data = "\n".join([rs[0].to_json(), "", rs[1].to_json(), '{"gkreport":1,'])
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "all.jsonl")
            with open(path, "w", encoding="utf-8") as f:
                f.write(data)
            it = gkreport.iter_jsonl(path)
            self.assertEqual(next(it), rs[0])
            self.assertEqual(next(it), rs[1])
            with self.assertRaises(gkreport.ParseError) as cm:
                next(it)
            e = cm.exception
            self.assertEqual((e.file, e.line), (path, 4))
            self.assertEqual(e.diagnostics[0].rule, "json.syntax")
            self.assertTrue(e.message.startswith(path + ":4: not a report: "))
            self.assertEqual(list(gkreport.iter_jsonl(path, errors="skip")), rs)
        import io
        self.assertEqual(len(list(gkreport.iter_jsonl(io.BytesIO(data.encode()),
                                                      errors="skip"))), 2)
        with self.assertRaises(ValueError):
            list(gkreport.iter_jsonl(io.BytesIO(b""), errors="ignore"))
