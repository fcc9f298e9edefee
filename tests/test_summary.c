/* SPDX-License-Identifier: MIT */
/* The summary panel: one row per report, on real reports. */
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"

static gk_report *load_real(const char *name, gk_diags *d) {
  size_t n = 0;
  char *text = gk_test_read_data(name, 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL(gk_report_from_text(&r, text, n, name, d), GK_OK);
  free(text);
  return r;
}

static const char *cell(const gk_summary *s, size_t row, const char *id) {
  size_t c = 0;
  CU_ASSERT_EQUAL(gk_summary_col_find(&c, id), GK_OK);
  return gk_summary_cell(s, row, c);
}

static gk_summary *two_reports(void) {
  gk_summary *s = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_summary_new(&s), GK_OK);
  const char *names[] = {"2023_huaian-hongze-district-government.txt",
                         "2023_suqian-municipal-government.txt"};
  for (int i = 0; i < 2; i++) {
    gk_diags *d = NULL;
    gk_diags_new(&d);
    gk_report *r = load_real(names[i], d);
    CU_ASSERT_EQUAL(gk_summary_add(s, r, NULL, d), GK_OK);
    gk_report_free(r);
    gk_diags_free(d);
  }
  return s;
}

static void test_summary_columns(void) {
  CU_ASSERT_EQUAL(gk_summary_col_count(), 10 + 14 + gk_indicator_count());
  CU_ASSERT_STRING_EQUAL(gk_summary_col_id(0), "file");
  CU_ASSERT_STRING_EQUAL(gk_summary_col_label(1, GK_LANG_ZH), "机关");
  CU_ASSERT_STRING_EQUAL(gk_summary_col_label(1, GK_LANG_EN), "agency");
  size_t c = 0;
  CU_ASSERT_EQUAL(gk_summary_col_find(&c, "rate.disclosed"), GK_OK);
  CU_ASSERT_EQUAL(gk_summary_col_kind(c), GK_SUMMARY_PERCENT);
  CU_ASSERT_STRING_EQUAL(gk_summary_col_label(c, GK_LANG_ZH), "公开率");
  CU_ASSERT_EQUAL(gk_summary_col_find(&c, "fees"), GK_OK);
  CU_ASSERT_EQUAL(gk_summary_col_kind(c), GK_SUMMARY_DECIMAL);
  CU_ASSERT_EQUAL(gk_summary_col_find(&c, "agency"), GK_OK);
  CU_ASSERT_EQUAL(gk_summary_col_kind(c), GK_SUMMARY_TEXT);
  CU_ASSERT_EQUAL(gk_summary_col_find(&c, "nope"), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_summary_col_find(NULL, "file"), GK_EINVAL);
  CU_ASSERT_PTR_NULL(gk_summary_col_id(gk_summary_col_count()));
  CU_ASSERT_PTR_NULL(gk_summary_col_label(gk_summary_col_count(), GK_LANG_ZH));
  CU_ASSERT_EQUAL(gk_summary_col_kind(gk_summary_col_count()), -1);
}

/* Values as the hand-checked truth files give them (宿迁 2023: new 3511,
 * total 3486; 洪泽 2023: its two review errors). */
static void test_summary_rows_real(void) {
  gk_summary *s = two_reports();
  CU_ASSERT_EQUAL(gk_summary_row_count(s), 2);
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "agency"), "洪泽区人民政府");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "level"), "county");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "kind"), "government");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "region"), "江苏省淮安市洪泽区");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "year"), "2023");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "edition"), "2021");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "completeness"), "complete");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "errors"), "2");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "total"), "21");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "rate.disclosed"), "19.05");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "rate.reconsideration_corrected"), "");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "file"), "2023_suqian-municipal-government.txt");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "region"), "江苏省宿迁市");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "errors"), "0");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "warnings"), "0");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "new"), "3511");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "total"), "3486");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "carried_forward"), "121");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "reconsideration"), "440");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "fees"), "59237.2449");
  CU_ASSERT_STRING_EQUAL(cell(s, 1, "rate.disclosed"), "43.57"); /* (1191 + 328) / 3486 */
  CU_ASSERT_PTR_NULL(gk_summary_cell(s, 2, 0));
  CU_ASSERT_PTR_NULL(gk_summary_cell(NULL, 0, 0));
  gk_summary_free(s);
}

static void test_summary_sort(void) {
  gk_summary *s = two_reports();
  CU_ASSERT_EQUAL(gk_summary_sort(s, "rate.disclosed", 1), GK_OK);
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "agency"), "宿迁市");
  CU_ASSERT_EQUAL(gk_summary_sort(s, "rate.disclosed", 0), GK_OK);
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "agency"), "洪泽区人民政府");
  /* blank last, either way */
  CU_ASSERT_EQUAL(gk_summary_sort(s, "rate.reconsideration_corrected", 0), GK_OK);
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "agency"), "宿迁市");
  CU_ASSERT_EQUAL(gk_summary_sort(s, "rate.reconsideration_corrected", 1), GK_OK);
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "agency"), "宿迁市");
  CU_ASSERT_EQUAL(gk_summary_sort(s, "agency", 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_summary_sort(s, "nope", 1), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_summary_sort(NULL, "total", 1), GK_EINVAL);
  gk_summary_free(s);
}

static void test_summary_export(void) {
  gk_summary *s = two_reports();
  char *out = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL(gk_summary_to_csv(&out, &n, s), GK_OK);
  CU_ASSERT_EQUAL(strlen(out), n);
  CU_ASSERT_EQUAL(strncmp(out, "file,agency,level,kind,region,year,edition,completeness,errors,", 63), 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "\n2023_suqian-municipal-government.txt,宿迁市,city,government,"
                                     "江苏省宿迁市,2023,2021,complete,0,0,3511,"));
  gk_free(out);
  CU_ASSERT_EQUAL(gk_summary_to_json(&out, &n, s), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "{\"id\":\"rate.disclosed\",\"zh\":\"公开率\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"new\":3511,"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"rate.disclosed\":\"43.57\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "\"rate.reconsideration_corrected\":null"));
  gk_free(out);
  CU_ASSERT_EQUAL(gk_summary_to_csv(NULL, &n, s), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_summary_to_json(&out, &n, NULL), GK_EINVAL);
  CU_ASSERT_PTR_NULL(out);
  gk_summary_free(s);
}

static void test_summary_blank_tables(void) {
  gk_summary *s = NULL;
  gk_summary_new(&s);
  gk_report *r = load_real("2019_xiongxian-township-blank-tables.txt", NULL);
  CU_ASSERT_EQUAL(gk_summary_add(s, r, "x.txt", NULL), GK_OK);
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "file"), "x.txt");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "completeness"), "blank_tables");
  CU_ASSERT_STRING_EQUAL(cell(s, 0, "total"), "");
  CU_ASSERT_EQUAL(gk_summary_add(s, NULL, NULL, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_summary_new(NULL), GK_EINVAL);
  gk_report_free(r);
  gk_summary_free(s);
  gk_summary_free(NULL);
}

static void test_summary_alloc_failures(void) {
  gk_report *r = load_real("2023_suqian-municipal-government.txt", NULL);
  int ok = 0;
  for (long k = 0; k < 400 && !ok; k++) {
    gk_summary *s = NULL;
    gk__alloc_fail_after(k);
    int rc = gk_summary_new(&s);
    if (rc == GK_OK) rc = gk_summary_add(s, r, NULL, NULL);
    gk__alloc_fail_after(-1);
    CU_ASSERT(rc == GK_OK || rc == GK_ENOMEM);
    if (rc == GK_ENOMEM && s) CU_ASSERT_EQUAL(gk_summary_row_count(s), 0);
    ok = rc == GK_OK;
    gk_summary_free(s);
  }
  CU_ASSERT_TRUE(ok);
  gk_report_free(r);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"columns", test_summary_columns},
    {"rows_real", test_summary_rows_real},
    {"sort", test_summary_sort},
    {"export", test_summary_export},
    {"blank_tables", test_summary_blank_tables},
    {"alloc_failures", test_summary_alloc_failures},
    CU_TEST_INFO_NULL};
  return gk_test_main("summary", tests);
}
