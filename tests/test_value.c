/* SPDX-License-Identifier: MIT */
/* gk_value_format: a value by its kind and unit, read back by gk_report_set_text. */
#include <stdint.h>
#include <string.h>
#include "testutil.h"

static void expect(int kind, int unit, int64_t v, const char *want) {
  char buf[64];
  int n = gk_value_format(buf, sizeof buf, kind, unit, v);
  CU_ASSERT_EQUAL(n, (int)strlen(want));
  CU_ASSERT_STRING_EQUAL(buf, want);
}

static void test_value_format_kinds(void) {
  expect(GK_KIND_COUNT, GK_UNIT_DEFAULT, 3402, "3402");
  expect(GK_KIND_COUNT, GK_UNIT_DEFAULT, INT64_MAX, "9223372036854775807");
  expect(GK_KIND_SIGNED, GK_UNIT_DEFAULT, -8, "-8");
  expect(GK_KIND_SIGNED, GK_UNIT_DEFAULT, INT64_MIN, "-9223372036854775808");
  expect(GK_KIND_AMOUNT, GK_UNIT_DEFAULT, 59237244900, "59237.2449");
  expect(GK_KIND_AMOUNT, GK_UNIT_YUAN, 251000000000, "251000元");
  expect(GK_KIND_AMOUNT, GK_UNIT_WANYUAN, 500000, "0.5万元");
  expect(GK_KIND_AMOUNT, GK_UNIT_DEFAULT, INT64_MIN, "-9223372036854.775808");
}

static void test_value_format_refuses(void) {
  char buf[8];
  CU_ASSERT_EQUAL(gk_value_format(buf, sizeof buf, 9, GK_UNIT_DEFAULT, 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_value_format(buf, sizeof buf, GK_KIND_COUNT, GK_UNIT_YUAN, 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_value_format(buf, sizeof buf, GK_KIND_AMOUNT, 7, 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_value_format(NULL, 4, GK_KIND_COUNT, GK_UNIT_DEFAULT, 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_value_format(NULL, 0, GK_KIND_COUNT, GK_UNIT_DEFAULT, 12345), 5);
}

/* Truncated output stays valid UTF-8: "7万元" in 4 bytes is "7", not half of 万. */
static void test_value_format_truncates_at_characters(void) {
  char buf[4];
  CU_ASSERT_EQUAL(gk_value_format(buf, sizeof buf, GK_KIND_AMOUNT, GK_UNIT_WANYUAN, 7000000), 7);
  CU_ASSERT_STRING_EQUAL(buf, "7");
  char b2[6];
  CU_ASSERT_EQUAL(gk_value_format(b2, sizeof b2, GK_KIND_AMOUNT, GK_UNIT_WANYUAN, 7000000), 7);
  CU_ASSERT_STRING_EQUAL(b2, "7万");
}

/* What it writes reads back to the same value and unit. */
static void test_value_format_round_trip(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2019, 2020), GK_OK);
  const int64_t vals[] = {0, 1, 251000000000, 59237244900, 1, INT64_MAX};
  const int units[] = {GK_UNIT_DEFAULT, GK_UNIT_YUAN, GK_UNIT_WANYUAN};
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, "active/procurement/amount", GK_NUL_TERMINATED), GK_OK);
  for (size_t i = 0; i < sizeof vals / sizeof vals[0]; i++)
    for (size_t u = 0; u < 3; u++) {
      char buf[64];
      int n = gk_value_format(buf, sizeof buf, GK_KIND_AMOUNT, units[u], vals[i]);
      CU_ASSERT_TRUE_FATAL(n > 0);
      CU_ASSERT_EQUAL(gk_report_set_text(r, "active/procurement/amount", buf, (size_t)n), GK_OK);
      int st = 0;
      int64_t v = 0;
      CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, t, row, col), GK_OK);
      CU_ASSERT_EQUAL(v, vals[i]);
      CU_ASSERT_EQUAL(gk_report_unit(r, t, row, col), units[u]);
    }
  gk_report_free(r);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"value_format_kinds", test_value_format_kinds},
    {"value_format_refuses", test_value_format_refuses},
    {"value_format_truncates_at_characters", test_value_format_truncates_at_characters},
    {"value_format_round_trip", test_value_format_round_trip},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("value", tests);
}
