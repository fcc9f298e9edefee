# SPDX-License-Identifier: MIT
"""Agency metadata through the library's GB/T 2260 gazetteer."""
import unittest

import gkreport


class ResolveAgencyTest(unittest.TestCase):
    def test_county_without_its_city(self):
        self.assertEqual(gkreport.schema.resolve_agency("泗阳县人民政府"),
                         {"level": "county", "kind": "government", "region": "江苏省宿迁市泗阳县",
                          "code": 321323, "places": 1})

    def test_department(self):
        meta = gkreport.schema.resolve_agency("宿迁市司法局")
        self.assertEqual((meta["level"], meta["kind"], meta["region"]),
                         ("city", "department", "江苏省宿迁市"))

    def test_ambiguous_settled_by_text(self):
        self.assertEqual(gkreport.schema.resolve_agency("鼓楼区人民政府")["places"], 4)
        self.assertIsNone(gkreport.schema.resolve_agency("鼓楼区人民政府")["region"])
        self.assertEqual(gkreport.schema.resolve_agency("鼓楼区人民政府", "福州市")["code"], 350102)

    def test_unknown(self):
        self.assertEqual(gkreport.schema.resolve_agency("市场监督管理局"),
                         {"level": None, "kind": None, "region": None, "code": None, "places": 0})


class LoadOverrideTest(unittest.TestCase):
    """Metadata found by the importer, given at load, or set after it."""

    def setUp(self):
        from .util import real
        self.liangcheng = real("2020_jining-weishan-liangcheng-town.txt")
        self.suqian = real("2023_suqian-municipal-government.txt")

    def test_name_from_opening_paragraph(self):
        r = gkreport.load(self.liangcheng)
        self.assertEqual((r.agency.name, r.agency.level, r.agency.kind),
                         ("两城镇人民政府", "township", "government"))
        self.assertIn("import.agency", [f.rule for f in r.diagnostics])

    def test_load_with_agency(self):
        r = gkreport.load(self.suqian, agency="泗阳县人民政府")
        self.assertEqual(r.agency.to_dict(),
                         {"name": "泗阳县人民政府", "code": None, "region": "江苏省宿迁市泗阳县",
                          "level": "county", "kind": "government"})

    def test_load_with_fields(self):
        r = gkreport.load(self.suqian, level="county", kind="department", region="江苏省")
        self.assertEqual((r.agency.name, r.agency.level, r.agency.kind, r.agency.region),
                         ("宿迁市", "county", "department", "江苏省"))
        with self.assertRaises(ValueError):
            gkreport.load(self.suqian, level="bogus")

    def test_load_without_override_is_unchanged(self):
        self.assertEqual(gkreport.load(self.suqian).agency.level, "city")

    def test_override_after_load(self):
        r = gkreport.load(self.suqian)
        r.agency.update(region="江苏省宿迁市泗阳县", level="county")
        self.assertEqual((r.agency.region, r.agency.level), ("江苏省宿迁市泗阳县", "county"))


if __name__ == "__main__":
    unittest.main()
