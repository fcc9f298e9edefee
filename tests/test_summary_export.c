/* SPDX-License-Identifier: MIT */
/* The summary as a page (gk_summary_to_html) and a workbook (gk_summary_to_xlsx),
 * on real reports: a row per report, a bar per report with a value, ranked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"
#include "internal.h"

static gk_report *load_real(const char *name) {
  size_t n = 0;
  char *text = gk_test_read_data(name, 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL(gk_report_from_text(&r, text, n, name, NULL), GK_OK);
  free(text);
  return r;
}

/* 洪泽 2023 (rate.disclosed 19.05), 宿迁 2023 (43.57), and a report with blank
 * tables (no rate) under a hostile name. */
static gk_summary *three_reports(void) {
  static const char *const names[] = {"2023_huaian-hongze-district-government.txt",
                                      "2023_suqian-municipal-government.txt",
                                      "2019_xiongxian-township-blank-tables.txt"};
  static const char hostile[] = "<b>&\"甲'</b>";
  gk_summary *s = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_summary_new(&s), GK_OK);
  for (int i = 0; i < 3; i++) {
    gk_report *r = load_real(names[i]);
    if (i == 2) CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, hostile, strlen(hostile)), GK_OK);
    CU_ASSERT_EQUAL(gk_summary_add(s, r, i == 2 ? "<x>.txt" : NULL, NULL), GK_OK);
    gk_report_free(r);
  }
  return s;
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle)) n++;
  return n;
}

static void test_summary_html_page(void) {
  gk_summary *s = three_reports();
  char *out = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_summary_to_html(&out, &n, s, NULL, GK_LANG_ZH), GK_OK);
  CU_ASSERT_EQUAL(strlen(out), n);
  CU_ASSERT_EQUAL(strncmp(out, "<!DOCTYPE html>", 15), 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<h1>政府信息公开工作年度报告汇总（3份）</h1>"));
  CU_ASSERT_PTR_NULL(strstr(out, "<script"));
  CU_ASSERT_PTR_NULL(strstr(out, "http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"g"));
  CU_ASSERT_PTR_NULL(strstr(out, "id=\"findings\"")); /* a summary has no findings list */
  /* the table: a row per report, a column per summary column */
  CU_ASSERT_EQUAL(count(out, "<tr><th scope=\"row\">"), 3);
  CU_ASSERT_EQUAL(count(out, "<th scope=\"col\">"), 1 + gk_summary_col_count());
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<th scope=\"col\">公开率</th>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<tr><th scope=\"row\">宿迁市 2023</th><td>2023_suqian-municipal-government.txt</td><td>宿迁市</td>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<td>43.57%</td>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<td>19.05%</td>"));
  /* the ranking: one bar per report with a value, largest first, with its value */
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<figcaption id=\"rank\">公开率</figcaption>"));
  CU_ASSERT_EQUAL(count(out, "<rect "), 2);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<desc id=\"rankd\">宿迁市 2023: 43.57%; 洪泽区人民政府 2023: 19.05%</desc>"));
  const char *a = strstr(out, ">宿迁市 2023</text><rect"), *b = strstr(out, ">洪泽区人民政府 2023</text><rect");
  CU_ASSERT_PTR_NOT_NULL_FATAL(a);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  CU_ASSERT_TRUE(a < b);
  CU_ASSERT_PTR_NOT_NULL(strstr(a, ">43.57%</text>"));
  CU_ASSERT_TRUE(strstr(a, ">43.57%</text>") < b);
  CU_ASSERT_PTR_NOT_NULL(strstr(b, ">19.05%</text>"));
  /* names escaped, in the table and the title of nothing else */
  CU_ASSERT_PTR_NULL(strstr(out, "<b>"));
  CU_ASSERT_PTR_NULL(strstr(out, "<x>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "&lt;b&gt;&amp;&quot;甲"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "&lt;x&gt;.txt"));
  gk_free(out);
  gk_summary_free(s);
}

static void test_summary_html_rank_and_lang(void) {
  gk_summary *s = three_reports();
  char *out = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_summary_to_html(&out, &n, s, "total", GK_LANG_EN), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<h1>Disclosure annual reports: summary of 3</h1>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<th scope=\"col\">agency</th>"));
  CU_ASSERT_EQUAL(count(out, "<rect "), 2);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<desc id=\"rankd\">宿迁市 2023: 3486; 洪泽区人民政府 2023: 21</desc>"));
  gk_free(out);
  CU_ASSERT_EQUAL(gk_summary_to_html(&out, &n, s, "agency", GK_LANG_ZH), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_summary_to_html(&out, &n, s, "nope", GK_LANG_ZH), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_summary_to_html(&out, &n, s, NULL, 5), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_summary_to_html(&out, &n, NULL, NULL, GK_LANG_ZH), GK_EINVAL);
  CU_ASSERT_PTR_NULL(out);
  CU_ASSERT_EQUAL(n, 0);
  CU_ASSERT_EQUAL(gk_summary_to_html(NULL, &n, s, NULL, GK_LANG_ZH), GK_EINVAL);
  gk_summary_free(s);
  /* an empty summary: a page with an empty table and no bar */
  CU_ASSERT_EQUAL_FATAL(gk_summary_new(&s), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_summary_to_html(&out, NULL, s, NULL, GK_LANG_ZH), GK_OK);
  CU_ASSERT_EQUAL(count(out, "<rect "), 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<desc id=\"rankd\">无数值</desc>"));
  gk_free(out);
  gk_summary_free(s);
}

static void test_summary_xlsx(void) {
  gk_summary *s = three_reports();
  char path[128];
  snprintf(path, sizeof path, "/tmp/gk-test-summary-%ld.xlsx", (long)getpid());
  for (int lang = GK_LANG_ZH; lang <= GK_LANG_EN; lang++) {
    CU_ASSERT_EQUAL(gk_summary_to_xlsx(path, s, lang), GK_OK);
    size_t len = 0;
    char *bytes = gk_test_read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
    CU_ASSERT_TRUE(len > 1000);
    CU_ASSERT_EQUAL(memcmp(bytes, "PK\x03\x04", 4), 0);
    free(bytes);
  }
  CU_ASSERT_EQUAL(gk_summary_to_xlsx("/nonexistent-dir/s.xlsx", s, GK_LANG_ZH), GK_EIO);
  CU_ASSERT_EQUAL(gk_summary_to_xlsx(path, s, 5), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_summary_to_xlsx(NULL, s, GK_LANG_ZH), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_summary_to_xlsx(path, NULL, GK_LANG_ZH), GK_EINVAL);
  unlink(path);
  gk_summary_free(s);
}

/* Every allocation of the exporters may fail: GK_ENOMEM, nothing leaked. */
static void test_summary_export_alloc_failures(void) {
  gk_summary *s = three_reports();
  char path[128];
  snprintf(path, sizeof path, "/tmp/gk-test-summary-alloc-%ld.xlsx", (long)getpid());
  int html_ok = 0, xlsx_ok = 0;
  for (long k = 0; k < 2000 && !(html_ok && xlsx_ok); k++) {
    char *out = NULL;
    gk__alloc_fail_after(k);
    int rc = html_ok ? GK_OK : gk_summary_to_html(&out, NULL, s, NULL, GK_LANG_ZH);
    gk__alloc_fail_after(-1);
    CU_ASSERT(rc == GK_OK || rc == GK_ENOMEM);
    if (!html_ok) html_ok = rc == GK_OK;
    gk_free(out);
    gk__alloc_fail_after(k);
    rc = xlsx_ok ? GK_OK : gk_summary_to_xlsx(path, s, GK_LANG_EN);
    gk__alloc_fail_after(-1);
    CU_ASSERT(rc == GK_OK || rc == GK_ENOMEM);
    if (!xlsx_ok) xlsx_ok = rc == GK_OK;
  }
  CU_ASSERT_TRUE(html_ok);
  CU_ASSERT_TRUE(xlsx_ok);
  unlink(path);
  gk_summary_free(s);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"html_page", test_summary_html_page},
    {"html_rank_and_lang", test_summary_html_rank_and_lang},
    {"xlsx", test_summary_xlsx},
    {"alloc_failures", test_summary_export_alloc_failures},
    CU_TEST_INFO_NULL};
  return gk_test_main("summary_export", tests);
}
