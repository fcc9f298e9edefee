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


if __name__ == "__main__":
    unittest.main()
