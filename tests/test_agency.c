/* Agency level and kind inferred from the name. */
#include <string.h>
#include "testutil.h"

static void expect(const char *name, int rc, int level, int kind) {
  int l = -1, k = -1;
  CU_ASSERT_EQUAL(gk_agency_infer(&l, &k, name, (size_t)-1), rc);
  CU_ASSERT_EQUAL(l, level);
  CU_ASSERT_EQUAL(k, kind);
  if (l != level || k != kind) fprintf(stderr, "  %s: level %d kind %d\n", name, l, k);
}

static void test_agency_governments(void) {
  expect("凤岗镇", GK_OK, GK_LEVEL_TOWNSHIP, GK_AGENCY_KIND_GOVERNMENT);
  expect("凤岗镇人民政府", GK_OK, GK_LEVEL_TOWNSHIP, GK_AGENCY_KIND_GOVERNMENT);
  expect("抚松县东岗镇", GK_OK, GK_LEVEL_TOWNSHIP, GK_AGENCY_KIND_GOVERNMENT);
  expect("义乌市廿三里街道", GK_OK, GK_LEVEL_TOWNSHIP, GK_AGENCY_KIND_GOVERNMENT);
  expect("会昌县中村乡人民政府", GK_OK, GK_LEVEL_TOWNSHIP, GK_AGENCY_KIND_GOVERNMENT);
  expect("淮安市洪泽区人民政府", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT);
  expect("洪泽区人民政府", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT);
  expect("宿迁市人民政府", GK_OK, GK_LEVEL_CITY, GK_AGENCY_KIND_GOVERNMENT);
  expect("江苏省宿迁市", GK_OK, GK_LEVEL_CITY, GK_AGENCY_KIND_GOVERNMENT);
  expect("上海市", GK_OK, GK_LEVEL_PROVINCE, GK_AGENCY_KIND_GOVERNMENT);
  expect("广西壮族自治区人民政府", GK_OK, GK_LEVEL_PROVINCE, GK_AGENCY_KIND_GOVERNMENT);
  expect("济南市市中区人民政府", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT);
  expect(" 耿马傣族佤族自治县 ", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT);
}

static void test_agency_departments(void) {
  expect("耿马县司法局", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_DEPARTMENT);
  expect("铜川市耀州区审计局", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_DEPARTMENT);
  expect("武汉市生态环境局", GK_OK, GK_LEVEL_CITY, GK_AGENCY_KIND_DEPARTMENT);
  expect("上海市人民政府办公厅", GK_OK, GK_LEVEL_PROVINCE, GK_AGENCY_KIND_DEPARTMENT);
  expect("上海市城市管理行政执法局", GK_OK, GK_LEVEL_PROVINCE, GK_AGENCY_KIND_DEPARTMENT);
  expect("北京市市场监督管理局", GK_OK, GK_LEVEL_PROVINCE, GK_AGENCY_KIND_DEPARTMENT);
  expect("淮安市洪泽区市场监督管理局", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_DEPARTMENT);
  expect("西乌旗自然资源局", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_DEPARTMENT);
  expect("锡林郭勒盟行政公署", GK_OK, GK_LEVEL_CITY, GK_AGENCY_KIND_DEPARTMENT);
  expect("孝感市政府研究室", GK_OK, GK_LEVEL_CITY, GK_AGENCY_KIND_DEPARTMENT);
}

static void test_agency_unknown_and_errors(void) {
  expect("市场监督管理局", GK_ENOTFOUND, GK_LEVEL_UNKNOWN, GK_AGENCY_KIND_UNKNOWN);
  expect("自然资源厅", GK_ENOTFOUND, GK_LEVEL_UNKNOWN, GK_AGENCY_KIND_UNKNOWN);
  expect("", GK_ENOTFOUND, GK_LEVEL_UNKNOWN, GK_AGENCY_KIND_UNKNOWN);
  int l = 5, k = 5;
  CU_ASSERT_EQUAL(gk_agency_infer(&l, &k, "\xff\xfe", 2), GK_EENCODING);
  CU_ASSERT_EQUAL(l, GK_LEVEL_UNKNOWN);
  CU_ASSERT_EQUAL(gk_agency_infer(NULL, &k, "宿迁市", (size_t)-1), GK_EINVAL);
  CU_ASSERT_EQUAL(k, GK_AGENCY_KIND_UNKNOWN);
  CU_ASSERT_EQUAL(gk_agency_infer(&l, NULL, "宿迁市", (size_t)-1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_agency_infer(&l, &k, NULL, 0), GK_EINVAL);
  /* explicit length: only the first 3 bytes (宿) count, no division */
  CU_ASSERT_EQUAL(gk_agency_infer(&l, &k, "宿迁市", 3), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_agency_infer(&l, &k, "宿迁市司法局", 9), GK_OK);
  CU_ASSERT_EQUAL(k, GK_AGENCY_KIND_GOVERNMENT);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"governments", test_agency_governments},
    {"departments", test_agency_departments},
    {"unknown_and_errors", test_agency_unknown_and_errors},
    CU_TEST_INFO_NULL};
  return gk_test_main("agency", tests);
}
