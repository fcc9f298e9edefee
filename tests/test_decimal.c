/* SPDX-License-Identifier: MIT */
/* Exact decimals: parsing and formatting of amounts (millionths), cell text by kind. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"

static void test_decimal_parse(void) {
  int64_t v = 7;
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "59237.2449", 10), GK_OK);
  CU_ASSERT_EQUAL(v, INT64_C(59237244900));
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, " -3 ", 4), GK_OK);
  CU_ASSERT_EQUAL(v, -3000000);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "+0.5", 4), GK_OK);
  CU_ASSERT_EQUAL(v, 500000);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "０．２５", strlen("０．２５")), GK_OK); /* full width */
  CU_ASSERT_EQUAL(v, 250000);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "1.000000000", 11), GK_OK); /* trailing zeros are exact */
  CU_ASSERT_EQUAL(v, 1000000);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "0.0000001", 9), GK_ERANGE);
  CU_ASSERT_EQUAL(v, 0);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "1.", 2), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, ".5", 2), GK_OK);
  CU_ASSERT_EQUAL(v, 500000);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "", 0), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "1e5", 3), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "1.2.3", 5), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "9223372036854.775807", 20), GK_OK);
  CU_ASSERT_EQUAL(v, INT64_MAX);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "9223372036854.775808", 20), GK_EOVERFLOW);
  /* the whole int64 range reads back: INT64_MIN, whose magnitude exceeds INT64_MAX */
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "-9223372036854.775808", 21), GK_OK);
  CU_ASSERT_EQUAL(v, INT64_MIN);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "-9223372036854.775809", 21), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "-9223372036854.775807", 21), GK_OK);
  CU_ASSERT_EQUAL(v, -INT64_MAX);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, "99999999999999", 14), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(gk_decimal_parse(NULL, "1", 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_decimal_parse(&v, NULL, 1), GK_EINVAL);
}

static void test_decimal_format(void) {
  char buf[40];
  CU_ASSERT_EQUAL(gk_decimal_format(buf, sizeof buf, INT64_C(59237244900)), 10);
  CU_ASSERT_STRING_EQUAL(buf, "59237.2449");
  CU_ASSERT_EQUAL(gk_decimal_format(buf, sizeof buf, 0), 1);
  CU_ASSERT_STRING_EQUAL(buf, "0");
  CU_ASSERT_EQUAL(gk_decimal_format(buf, sizeof buf, -1500000), 4);
  CU_ASSERT_STRING_EQUAL(buf, "-1.5");
  CU_ASSERT_EQUAL(gk_decimal_format(buf, sizeof buf, 1), 8);
  CU_ASSERT_STRING_EQUAL(buf, "0.000001");
  CU_ASSERT_EQUAL(gk_decimal_format(buf, sizeof buf, INT64_MIN), 21);
  CU_ASSERT_STRING_EQUAL(buf, "-9223372036854.775808");
  CU_ASSERT_EQUAL(gk_decimal_format(buf, 3, 498742400000), 8);
  CU_ASSERT_STRING_EQUAL(buf, "49");
  CU_ASSERT_EQUAL(gk_decimal_format(NULL, 0, 498742400000), 8);
  /* parse(format(x)) == x over a spread of values */
  int64_t xs[] = {0, 1, 10, 999999, 1000000, 123456789012, -7, INT64_MAX, INT64_MIN + 1};
  for (size_t i = 0; i < sizeof xs / sizeof *xs; i++) {
    int64_t back;
    int n = gk_decimal_format(buf, sizeof buf, xs[i]);
    CU_ASSERT_EQUAL(gk_decimal_parse(&back, buf, (size_t)n), GK_OK);
    CU_ASSERT_EQUAL(back, xs[i]);
  }
}

static void test_decimal_cell_text(void) {
  int64_t v;
  int unit;
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "3402", 4, &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, 3402);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "9223372036854775807", 19, &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, INT64_MAX);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "9223372036854775808", 19, &v, &unit), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "3.0", 3, &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, 3);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "减4", 4, &v, &unit), GK_EPARSE);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_SIGNED, "减 4", 5, &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, -4);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_SIGNED, "－8", 4, &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, -8);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_SIGNED, "\xe3\x80\x80" "12\xc2\xa0", 7, &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, 12);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_AMOUNT, "18.8710万元", strlen("18.8710万元"), &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, 18871000);
  CU_ASSERT_EQUAL(unit, GK_UNIT_WANYUAN);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_AMOUNT, "   ", 3, &v, &unit), GK_EPARSE);
  /* a counting word after a count or a change; never after an amount, never alone */
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "3件", strlen("3件"), &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, 3);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, " 12 条 ", strlen(" 12 条 "), &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, 12);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_SIGNED, "-2项", strlen("-2项"), &v, &unit), GK_OK);
  CU_ASSERT_EQUAL(v, -2);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "件", strlen("件"), &v, &unit), GK_EPARSE);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "3件件", strlen("3件件"), &v, &unit), GK_EPARSE);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, "3元", strlen("3元"), &v, &unit), GK_EPARSE);
  CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_AMOUNT, "3件", strlen("3件"), &v, &unit), GK_EPARSE);
  for (size_t i = 0; i < gk__ncount_words; i++) { /* every declared word, and only at the end */
    char t[32];
    snprintf(t, sizeof t, "7%s", gk__count_words[i]);
    CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, t, strlen(t), &v, &unit), GK_OK);
    CU_ASSERT_EQUAL(v, 7);
    snprintf(t, sizeof t, "%s7", gk__count_words[i]);
    CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, t, strlen(t), &v, &unit), GK_EPARSE);
  }
  char buf[32];
  CU_ASSERT_EQUAL(gk__format_value(buf, sizeof buf, GK_KIND_SIGNED, -8), 2);
  CU_ASSERT_STRING_EQUAL(buf, "-8");
  CU_ASSERT_EQUAL(gk__format_value(buf, sizeof buf, GK_KIND_COUNT, INT64_MAX), 19);
  CU_ASSERT_STRING_EQUAL(buf, "9223372036854775807");
  CU_ASSERT_EQUAL(gk__format_value(buf, sizeof buf, GK_KIND_AMOUNT, 2020000), 4);
  CU_ASSERT_STRING_EQUAL(buf, "2.02");
}

int main(void) {
  CU_TestInfo tests[] = {
    {"parse", test_decimal_parse},
    {"format", test_decimal_format},
    {"cell_text", test_decimal_cell_text},
    CU_TEST_INFO_NULL};
  return gk_test_main("decimal", tests);
}
