/* SPDX-License-Identifier: MIT */
/* Indicators (format.md §10): the declared table, exact percentages, values on
 * the real reports (expected figures computed by hand from the truth files). */
#include <stdint.h>
#include <string.h>
#include "stats_testutil.h"

#define SERIES_DATA GK_TEST_DATA "/series"

static void test_indicator_catalogue(void) {
  static const char *const ids[] = {"rate.disclosed", "rate.denied", "rate.unavailable",
                                    "rate.not_processed", "rate.carried_forward",
                                    "share.organizations", "rate.reconsideration_corrected",
                                    "rate.litigation_corrected"};
  CU_ASSERT_EQUAL(gk_indicator_count(), 8);
  for (size_t i = 0; i < 8; i++) {
    CU_ASSERT_STRING_EQUAL(gk_indicator_id(i), ids[i]);
    CU_ASSERT_STRING_EQUAL(gk_indicator_unit(i), "%");
    CU_ASSERT_PTR_NOT_NULL(gk_indicator_formula(i));
    size_t k = 99;
    CU_ASSERT_EQUAL(gk_indicator_find(&k, ids[i]), GK_OK);
    CU_ASSERT_EQUAL(k, i);
  }
  CU_ASSERT_STRING_EQUAL(gk_indicator_name(0, GK_LANG_ZH), "公开率");
  CU_ASSERT_STRING_EQUAL(gk_indicator_name(4, GK_LANG_ZH), "结转率");
  CU_ASSERT_STRING_EQUAL(gk_indicator_name(5, GK_LANG_ZH), "法人或其他组织申请占比");
  CU_ASSERT_STRING_EQUAL(gk_indicator_name(6, GK_LANG_ZH), "行政复议纠错率");
  CU_ASSERT_STRING_EQUAL(gk_indicator_name(0, GK_LANG_EN), "Disclosure rate");
  CU_ASSERT_STRING_EQUAL(gk_indicator_formula(4),
                         "requests/carried_forward/total / (requests/new/total + "
                         "requests/carried_over/total)");
  CU_ASSERT_PTR_NULL(gk_indicator_id(8));
  CU_ASSERT_PTR_NULL(gk_indicator_name(8, GK_LANG_ZH));
  CU_ASSERT_PTR_NULL(gk_indicator_unit(8));
  CU_ASSERT_PTR_NULL(gk_indicator_formula(8));
  size_t k = 7;
  CU_ASSERT_EQUAL(gk_indicator_find(&k, "rate.nope"), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(k, 0);
  CU_ASSERT_EQUAL(gk_indicator_find(NULL, "rate.denied"), GK_EINVAL);
}

static void expect_pct(int64_t num, int64_t den, const char *want) {
  char buf[64];
  int n = gk_indicator_format(buf, sizeof buf, num, den);
  CU_ASSERT_EQUAL(n, (int)strlen(want));
  CU_ASSERT_STRING_EQUAL(buf, want);
}

static void test_indicator_format_exact(void) {
  expect_pct(339, 1000, "33.90");
  expect_pct(2, 3, "66.67");
  expect_pct(-1, 3, "-33.33");
  expect_pct(1, -3, "-33.33");
  expect_pct(0, 5, "0.00");
  expect_pct(5, 5, "100.00");
  expect_pct(1, 800, "0.12");    /* 0.125: half to even, down */
  expect_pct(3, 800, "0.38");    /* 0.375: half to even, up */
  expect_pct(1, 8, "12.50");     /* exact */
  expect_pct(1, 80000, "0.00");  /* 0.00125 */
  expect_pct(-1, 800, "-0.12");
  expect_pct(-1, 100000, "0.00"); /* rounds to zero: no "-0.00" */
  expect_pct(999999, 1000000, "100.00");
  expect_pct(INT64_MAX, INT64_MAX, "100.00");
  expect_pct(INT64_MAX, 1, "922337203685477580700.00");
  expect_pct(INT64_MIN, -1, "922337203685477580800.00");
  expect_pct(1, INT64_MAX, "0.00");
  char buf[8];
  CU_ASSERT_EQUAL(gk_indicator_format(buf, sizeof buf, 1, 0), GK_EINVAL);
  CU_ASSERT_STRING_EQUAL(buf, "");
  /* truncation: the length needed is returned */
  CU_ASSERT_EQUAL(gk_indicator_format(buf, 4, 339, 1000), 5);
  CU_ASSERT_STRING_EQUAL(buf, "33.");
}

/* Every indicator of r: want[i] is the percentage, or NULL for absent. */
static void expect_all(const gk_report *r, const int64_t nums[8], const int64_t dens[8],
                       const char *const want[8]) {
  for (size_t i = 0; i < 8; i++) {
    int64_t num = -1, den = -1;
    int rc = gk_report_indicator(&num, &den, r, i);
    char buf[32] = "";
    if (!want[i]) {
      CU_ASSERT_EQUAL(rc, GK_ENOTFOUND);
      CU_ASSERT_EQUAL(num, 0);
      CU_ASSERT_EQUAL(den, 0);
      continue;
    }
    CU_ASSERT_EQUAL(rc, GK_OK);
    CU_ASSERT_EQUAL(num, nums[i]);
    CU_ASSERT_EQUAL(den, dens[i]);
    gk_indicator_format(buf, sizeof buf, num, den);
    CU_ASSERT_STRING_EQUAL(buf, want[i]);
  }
}

static void test_indicator_real_suqian(void) {
  gk_report *r = stats_load_truth(SERIES_DATA, "2023_suqian-municipal-government");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  static const int64_t num[8] = {1519, 142, 1078, 406, 121, 109, 17, 1};
  static const int64_t den[8] = {3486, 3486, 3486, 3486, 3607, 3511, 414, 98};
  static const char *const want[8] = {"43.57", "4.07", "30.92", "11.65",
                                      "3.35",  "3.10", "4.11",  "1.02"};
  expect_all(r, num, den, want);
  gk_report_free(r);
  r = stats_load_truth(SERIES_DATA, "2024_suqian-municipal-government");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  static const int64_t num4[8] = {1902, 92, 941, 117, 125, 85, 18, 0};
  static const int64_t den4[8] = {3521, 3521, 3521, 3521, 3646, 3525, 134, 57};
  static const char *const want4[8] = {"54.02", "2.61", "26.73", "3.32",
                                       "3.43",  "2.41", "13.43", "0.00"};
  expect_all(r, num4, den4, want4);
  gk_report_free(r);
}

static void test_indicator_real_hongze_zero_denominator(void) {
  /* 洪泽 2023: 复议 total printed 0 beside 10+1 (a real defect) and no litigation:
   * both correction rates have a zero denominator, so they are absent, not 0. */
  gk_report *r = stats_load_truth(SERIES_DATA, "2023_huaian-hongze-district-government");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  static const int64_t num[8] = {4, 3, 13, 1, 0, 0, 0, 0};
  static const int64_t den[8] = {21, 21, 21, 21, 21, 21, 0, 0};
  static const char *const want[8] = {"19.05", "14.29", "61.90", "4.76",
                                      "0.00",  "0.00",  NULL,    NULL};
  expect_all(r, num, den, want);
  gk_report_free(r);
}

static void test_indicator_from_parts_hongze(void) {
  /* 洪泽 2023: 复议纠错率 over the printed total 0 has no value; the culprit
   * (review/reconsideration/total should be 10 + 1 = 11) gives 1 / (11 - 0). */
  gk_report *r = stats_load_truth(SERIES_DATA, "2023_huaian-hongze-district-government");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  size_t i = 0, fixed = 9;
  int64_t num = 7, den = 7;
  CU_ASSERT_EQUAL(gk_indicator_find(&i, "rate.reconsideration_corrected"), GK_OK);
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, i), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_report_indicator_from_parts(&num, &den, &fixed, r, i), GK_OK);
  CU_ASSERT_EQUAL(num, 1);
  CU_ASSERT_EQUAL(den, 11);
  CU_ASSERT_EQUAL(fixed, 1);
  /* an indicator that reads no wrong total: the plain value, nothing repaired */
  CU_ASSERT_EQUAL(gk_indicator_find(&i, "rate.disclosed"), GK_OK);
  CU_ASSERT_EQUAL(gk_report_indicator_from_parts(&num, &den, &fixed, r, i), GK_OK);
  CU_ASSERT_EQUAL(num, 4);
  CU_ASSERT_EQUAL(den, 21);
  CU_ASSERT_EQUAL(fixed, 0);
  CU_ASSERT_EQUAL(gk_report_indicator_from_parts(NULL, &den, &fixed, r, i), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_indicator_from_parts(&num, &den, &fixed, r, 99), GK_EINVAL);
  CU_ASSERT_EQUAL(fixed, 0);
  gk_report_free(r);
}

static void test_indicator_real_shanghai_2019(void) {
  /* 上海市政府办公厅 2019: 11 outcome rows have a blank 总计, so the rates over
   * the total column are absent (the prose's "占33.9%" cannot be reproduced from
   * the table's total column); the carry-forward rate is 72 / (859 + 18). */
  gk_report *r = stats_load_truth(GK_REAL_DATA, "2019_shanghai-municipal-general-office");
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  static const int64_t num[8] = {0, 0, 0, 0, 72, 38, 0, 0};
  static const int64_t den[8] = {0, 0, 0, 0, 877, 859, 0, 0};
  static const char *const want[8] = {NULL, NULL, NULL, NULL, "8.21", "4.42", NULL, NULL};
  expect_all(r, num, den, want);
  gk_report_free(r);
}

static void test_indicator_edge_cases(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2023), GK_OK);
  int64_t num = 5, den = 5;
  /* blank report: every indicator absent */
  for (size_t i = 0; i < gk_indicator_count(); i++)
    CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, i), GK_ENOTFOUND);
  /* 2021 other printed as one row (洪泽 style) */
  STATS_SET(r, "requests/granted/total", "3");
  STATS_SET(r, "requests/other/total", "1");
  STATS_SET(r, "requests/total/total", "4");
  /* partial is blank: the disclosed rate needs it */
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, 0), GK_ENOTFOUND);
  STATS_SET(r, "requests/partial/total", "0");
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, 0), GK_OK);
  CU_ASSERT_EQUAL(num, 3);
  CU_ASSERT_EQUAL(den, 4);
  STATS_SET(r, "requests/other.misc/total", "1"); /* other now reads its children */
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, 0), GK_OK);
  /* a literal counts as no value */
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL(gk_report_path_find(&t, &row, &col, r, "requests/total/total", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_literal(r, t, row, col, "-", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, 0), GK_ENOTFOUND);
  /* denominator 0 */
  STATS_SET(r, "requests/total/total", "0");
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, 0), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_report_indicator(NULL, &den, r, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, NULL, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, 8), GK_EINVAL);
  gk_report_free(r);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"test_indicator_catalogue", test_indicator_catalogue},
    {"test_indicator_format_exact", test_indicator_format_exact},
    {"test_indicator_real_suqian", test_indicator_real_suqian},
    {"test_indicator_real_hongze_zero_denominator", test_indicator_real_hongze_zero_denominator},
    {"test_indicator_real_shanghai_2019", test_indicator_real_shanghai_2019},
    {"test_indicator_from_parts_hongze", test_indicator_from_parts_hongze},
    {"test_indicator_edge_cases", test_indicator_edge_cases},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("indicator", tests);
}
