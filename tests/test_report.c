/* SPDX-License-Identifier: MIT */
/* Report model: metadata, sections, cells in every state, derived rows, keys. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"

static gk_report *mk(int ed, int year) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, ed, year), GK_OK);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  return r;
}

static size_t row_of(int ed, int t, const char *key) {
  size_t row = 999;
  CU_ASSERT_EQUAL_FATAL(gk_schema_row_find(&row, ed, t, key), GK_OK);
  return row;
}

static void test_report_new_free(void) {
  gk_report *r = (gk_report *)0x1;
  CU_ASSERT_EQUAL(gk_report_new(&r, 2020, 2020), GK_EUNSUPPORTED);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_EQUAL(gk_report_new(NULL, 2019, 2020), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_new(&r, 2019, -1), GK_EINVAL);
  r = mk(2021, 2023);
  CU_ASSERT_EQUAL(gk_report_edition(r), 2021);
  CU_ASSERT_EQUAL(gk_report_year(r), 2023);
  CU_ASSERT_EQUAL(gk_report_count_filled(r, GK_TABLE_REQUESTS), 0);
  CU_ASSERT_EQUAL(gk_report_set_year(r, 2024), GK_OK);
  CU_ASSERT_EQUAL(gk_report_year(r), 2024);
  CU_ASSERT_EQUAL(gk_report_set_year(r, 10000), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_year(r), 2024);
  CU_ASSERT_EQUAL(gk_report_edition(NULL), 0);
  CU_ASSERT_EQUAL(gk_report_year(NULL), 0);
  gk_report_free(r);
  gk_report_free(NULL);
}

static void test_report_metadata(void) {
  gk_report *r = mk(2019, 2020);
  CU_ASSERT_PTR_NULL(gk_report_agency(r, GK_AGENCY_NAME));
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "凤岗镇人民政府", strlen("凤岗镇人民政府")), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "凤岗镇人民政府");
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_REGION, "江西省赣州市xyz", 18), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_REGION), "江西省赣州市");
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_CODE, "11360700", 8), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_CODE), "11360700");
  CU_ASSERT_EQUAL(gk_report_set_agency(r, 3, "x", 1), GK_EINVAL);
  /* invalid UTF-8 is refused and the old value stays */
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "\xff\xfe", 2), GK_EENCODING);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "凤岗镇人民政府");
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_CODE, NULL, 0), GK_OK);
  CU_ASSERT_PTR_NULL(gk_report_agency(r, GK_AGENCY_CODE));
  CU_ASSERT_EQUAL(gk_report_agency_level(r), GK_LEVEL_UNKNOWN);
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_TOWNSHIP), GK_OK);
  CU_ASSERT_EQUAL(gk_report_agency_level(r), GK_LEVEL_TOWNSHIP);
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, 42), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, GK_AGENCY_KIND_GOVERNMENT), GK_OK);
  CU_ASSERT_EQUAL(gk_report_agency_kind(r), GK_AGENCY_KIND_GOVERNMENT);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, -1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_set_title(r, "凤岗镇2020年政府信息公开工作年度报告", strlen("凤岗镇2020年政府信息公开工作年度报告")), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_title(r), "凤岗镇2020年政府信息公开工作年度报告");
  CU_ASSERT_EQUAL(gk_report_set_source(r, "a.txt", 5), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_source(r), "a.txt");
  CU_ASSERT_PTR_NULL(gk_report_title(NULL));
  CU_ASSERT_PTR_NULL(gk_report_source(NULL));
  CU_ASSERT_EQUAL(gk_report_agency_level(NULL), GK_LEVEL_UNKNOWN);
  CU_ASSERT_EQUAL(gk_report_agency_kind(NULL), GK_AGENCY_KIND_UNKNOWN);
  gk_report_free(r);
}

static void test_report_sections(void) {
  gk_report *r = mk(2021, 2023);
  CU_ASSERT_PTR_NULL(gk_report_section(r, GK_SECTION_OVERVIEW));
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, "", 0), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OVERVIEW), ""); /* "" is not absent */
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, "未收取信息处理费。", strlen("未收取信息处理费。")), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OTHER), "未收取信息处理费。");
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, "a\0b", 3), GK_EENCODING);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_NSECTIONS, "x", 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_set_section_line(r, GK_SECTION_OTHER, 77), GK_OK);
  CU_ASSERT_EQUAL(gk_report_section_line(r, GK_SECTION_OTHER), 77);
  CU_ASSERT_EQUAL(gk_report_section_line(r, -1), 0);
  CU_ASSERT_EQUAL(gk_report_set_section_line(r, 9, 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, NULL, 0), GK_OK);
  CU_ASSERT_PTR_NULL(gk_report_section(r, GK_SECTION_OVERVIEW));
  gk_report_free(r);
}

static void test_report_cells_states(void) {
  gk_report *r = mk(2019, 2020);
  size_t lic = row_of(2019, GK_TABLE_ACTIVE, "licensing");
  int st;
  int64_t v;
  /* blank is not zero */
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_ACTIVE, lic, 4), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_BLANK);
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_ACTIVE, lic, 4, -8), GK_OK); /* delta is signed */
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_ACTIVE, lic, 4), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_VALUE);
  CU_ASSERT_EQUAL(v, -8);
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_ACTIVE, lic, 5, -1), GK_ERANGE); /* a count */
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_ACTIVE, lic, 5), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_BLANK);
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_ACTIVE, lic, 0, 1), GK_EINVAL); /* no such cell */
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_ACTIVE, lic, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_ACTIVE, lic, 5, "-", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_ACTIVE, lic, 5), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_LITERAL);
  CU_ASSERT_EQUAL(v, 0);
  CU_ASSERT_STRING_EQUAL(gk_report_literal(r, GK_TABLE_ACTIVE, lic, 5), "-");
  CU_ASSERT_PTR_NULL(gk_report_literal(r, GK_TABLE_ACTIVE, lic, 4));
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_ACTIVE, lic, 5, "", 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_ACTIVE, lic, 5, "\xc3", 1), GK_EENCODING);
  CU_ASSERT_STRING_EQUAL(gk_report_literal(r, GK_TABLE_ACTIVE, lic, 5), "-");
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_ACTIVE, lic, 3, "见附件", strlen("见附件")), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_literal(r, GK_TABLE_ACTIVE, lic, 3), "见附件");
  CU_ASSERT_STRING_EQUAL(gk_report_literal(r, GK_TABLE_ACTIVE, lic, 5), "-");
  CU_ASSERT_EQUAL(gk_report_count_filled(r, GK_TABLE_ACTIVE), 3);
  CU_ASSERT_EQUAL(gk_report_set_blank(r, GK_TABLE_ACTIVE, lic, 5), GK_OK);
  CU_ASSERT_PTR_NULL(gk_report_literal(r, GK_TABLE_ACTIVE, lic, 5));
  CU_ASSERT_EQUAL(gk_report_count_filled(r, GK_TABLE_ACTIVE), 2);
  CU_ASSERT_EQUAL(gk_report_set_blank(r, GK_TABLE_ACTIVE, 99, 5), GK_EINVAL);
  /* lines */
  CU_ASSERT_EQUAL(gk_report_set_line(r, GK_TABLE_ACTIVE, lic, 4, 118), GK_OK);
  CU_ASSERT_EQUAL(gk_report_line(r, GK_TABLE_ACTIVE, lic, 4), 118);
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_ACTIVE, lic, 4, 3), GK_OK);
  CU_ASSERT_EQUAL(gk_report_line(r, GK_TABLE_ACTIVE, lic, 4), 118); /* kept */
  CU_ASSERT_EQUAL(gk_report_line(r, GK_TABLE_ACTIVE, lic, 0), 0);
  CU_ASSERT_EQUAL(gk_report_set_line(r, GK_TABLE_ACTIVE, lic, 0, 1), GK_EINVAL);
  gk_report_free(r);
}

static void test_report_amounts_and_units(void) {
  gk_report *r = mk(2021, 2023);
  char buf[64];
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/fees/amount", "59237.2449", 10), GK_OK);
  CU_ASSERT_EQUAL(gk_report_text(buf, sizeof buf, r, "active/fees/amount", GK_NUL_TERMINATED), 10);
  CU_ASSERT_STRING_EQUAL(buf, "59237.2449");
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL(gk_report_path_find(&t, &row, &col, r, "active/fees/amount", GK_NUL_TERMINATED), GK_OK);
  int st;
  int64_t v;
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, t, row, col), GK_OK);
  CU_ASSERT_EQUAL(v, INT64_C(59237244900));
  CU_ASSERT_EQUAL(gk_report_unit(r, t, row, col), GK_UNIT_DEFAULT);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/fees/amount", "20.3万元", strlen("20.3万元")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_unit(r, t, row, col), GK_UNIT_WANYUAN);
  CU_ASSERT_EQUAL(gk_report_set_unit(r, t, row, col, GK_UNIT_YUAN), GK_OK);
  CU_ASSERT_EQUAL(gk_report_unit(r, t, row, col), GK_UNIT_YUAN);
  CU_ASSERT_EQUAL(gk_report_set_unit(r, t, row, col, 9), GK_EINVAL);
  size_t lic = row_of(2021, GK_TABLE_ACTIVE, "licensing");
  CU_ASSERT_EQUAL(gk_report_set_unit(r, GK_TABLE_ACTIVE, lic, 3, GK_UNIT_YUAN), GK_EINVAL); /* not an amount */
  CU_ASSERT_EQUAL(gk_report_unit(r, GK_TABLE_ACTIVE, lic, 0), 0);
  /* set_text: bad text leaves the cell as it was */
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/fees/amount", "abc", 3), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_report_text(buf, sizeof buf, r, "active/fees/amount", GK_NUL_TERMINATED), 4);
  CU_ASSERT_STRING_EQUAL(buf, "20.3");
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/fees/amount", "1.0000001", 9), GK_ERANGE);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/licensing/decisions", "3.5", 3), GK_ERANGE);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/licensing/decisions", "-3", 2), GK_ERANGE);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/licensing/decisions", "２４６８", 12), GK_OK);
  GK_ASSERT_CELL(r, "active/licensing/decisions", "2468");
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/licensing/decisions", "99999999999999999999", 20), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/licensing/decisions", "", 0), GK_OK);
  GK_ASSERT_CELL(r, "active/licensing/decisions", "");
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/licensing/delta", "1", 1), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/denied/total", "1", 1), GK_EINVAL); /* derived */
  gk_report_free(r);

  gk_report *o = mk(2019, 2020);
  CU_ASSERT_EQUAL(gk_report_set_text(o, "active/licensing/delta", "减4", strlen("减4")), GK_OK);
  GK_ASSERT_CELL(o, "active/licensing/delta", "-4");
  CU_ASSERT_EQUAL(gk_report_set_text(o, "active/licensing/delta", "增3", strlen("增3")), GK_OK);
  GK_ASSERT_CELL(o, "active/licensing/delta", "3");
  CU_ASSERT_EQUAL(gk_report_set_text(o, "active/licensing/delta", "+3", 2), GK_OK);
  GK_ASSERT_CELL(o, "active/licensing/delta", "3");
  CU_ASSERT_EQUAL(gk_report_set_text(o, "active/procurement/amount", "251000元", strlen("251000元")), GK_OK);
  GK_ASSERT_CELL(o, "active/procurement/amount", "251000");
  CU_ASSERT_EQUAL(gk_report_path_find(&t, &row, &col, o, "active/procurement/amount", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_unit(o, t, row, col), GK_UNIT_YUAN);
  CU_ASSERT_EQUAL(gk_report_set_text(o, "active/procurement/amount", "498742.4", 8), GK_OK);
  GK_ASSERT_CELL(o, "active/procurement/amount", "498742.4");
  CU_ASSERT_EQUAL(gk_report_unit(o, t, row, col), GK_UNIT_DEFAULT);
  CU_ASSERT_EQUAL(gk_report_set_literal(o, t, row, col, "见附件", strlen("见附件")), GK_OK);
  GK_ASSERT_CELL(o, "active/procurement/amount", "见附件");
  /* get_text truncates and still reports the length needed */
  CU_ASSERT_EQUAL(gk_report_text(buf, 4, o, "active/procurement/amount", GK_NUL_TERMINATED), 9);
  CU_ASSERT_STRING_EQUAL(buf, "见");
  CU_ASSERT_EQUAL(gk_report_text(buf, sizeof buf, o, "nope/x/y", GK_NUL_TERMINATED), GK_ENOTFOUND);
  CU_ASSERT_STRING_EQUAL(buf, "");
  CU_ASSERT_EQUAL(gk_report_text(buf, sizeof buf, NULL, "active/procurement/amount", GK_NUL_TERMINATED), GK_EINVAL);
  gk_report_free(o);
}

static void test_report_derived_rows(void) {
  gk_report *r = mk(2021, 2024);
  int st;
  int64_t v;
  size_t denied = row_of(2021, GK_TABLE_REQUESTS, "denied");
  size_t other = row_of(2021, GK_TABLE_REQUESTS, "other");
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_REQUESTS, denied, 6), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_BLANK); /* blank + blank = blank */
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/denied.state_secret/total", "2", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/denied.query/total", "5", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_REQUESTS, denied + 2, 6, "/", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_REQUESTS, denied, 6), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_VALUE);
  CU_ASSERT_EQUAL(v, 7);
  GK_ASSERT_CELL(r, "requests/denied/total", "7");
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_REQUESTS, denied, 6, 1), GK_EINVAL);
  /* 2021 other: printed as one row (sub-rows blank) reads its own value */
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_REQUESTS, other, 6, 4), GK_OK);
  GK_ASSERT_CELL(r, "requests/other/total", "4");
  /* ... and as the sum of its sub-rows once they are filled */
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/other.misc/total", "1", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/other.unpaid_fee/total", "2", 1), GK_OK);
  GK_ASSERT_CELL(r, "requests/other/total", "3");
  /* overflow in a derived sum is an error, not a wrap */
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_REQUESTS, denied + 1, 0, INT64_MAX), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_REQUESTS, denied + 2, 0, 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_REQUESTS, denied, 0), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(st, GK_CELL_BLANK);
  CU_ASSERT_EQUAL(v, 0);
  /* bulk row read */
  int states[7];
  int64_t values[7];
  CU_ASSERT_EQUAL(gk_report_row(states, values, 7, r, GK_TABLE_REQUESTS, denied + 8), GK_OK);
  CU_ASSERT_EQUAL(states[6], GK_CELL_VALUE);
  CU_ASSERT_EQUAL(values[6], 5);
  CU_ASSERT_EQUAL(states[0], GK_CELL_BLANK);
  CU_ASSERT_EQUAL(gk_report_row(states, values, 7, r, GK_TABLE_REQUESTS, 99), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_row(states, values, 7, r, GK_TABLE_REQUESTS, denied), GK_EOVERFLOW);
  gk_report_free(r);
}

static void test_report_clone_equal(void) {
  gk_report *a = mk(2019, 2020);
  CU_ASSERT_EQUAL(gk_report_set_agency(a, GK_AGENCY_NAME, "甲", 3), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(a, GK_SECTION_OVERVIEW, "总体", 6), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(a, "requests/new/natural", "3", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_literal(a, GK_TABLE_REVIEW, 0, 4, "无", 3), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_line(a, GK_TABLE_REVIEW, 0, 4, 12), GK_OK);
  gk_report *b = NULL;
  CU_ASSERT_EQUAL(gk_report_clone(&b, a), GK_OK);
  CU_ASSERT_TRUE(gk_report_equal(a, b, 1));
  CU_ASSERT_STRING_EQUAL(gk_report_literal(b, GK_TABLE_REVIEW, 0, 4), "无");
  CU_ASSERT_EQUAL(gk_report_set_line(b, GK_TABLE_REVIEW, 0, 4, 13), GK_OK);
  CU_ASSERT_TRUE(gk_report_equal(a, b, 0));
  CU_ASSERT_FALSE(gk_report_equal(a, b, 1));
  CU_ASSERT_EQUAL(gk_report_set_literal(b, GK_TABLE_REVIEW, 0, 4, "-", 1), GK_OK);
  CU_ASSERT_FALSE(gk_report_equal(a, b, 0));
  CU_ASSERT_EQUAL(gk_report_set_literal(b, GK_TABLE_REVIEW, 0, 4, "无", 3), GK_OK);
  CU_ASSERT_TRUE(gk_report_equal(a, b, 0));
  CU_ASSERT_EQUAL(gk_report_set_section(b, GK_SECTION_OVERVIEW, NULL, 0), GK_OK);
  CU_ASSERT_FALSE(gk_report_equal(a, b, 0));
  CU_ASSERT_EQUAL(gk_report_set_section(b, GK_SECTION_OVERVIEW, "总体", 6), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(b, GK_TABLE_REQUESTS, 0, 0, 4), GK_OK);
  CU_ASSERT_FALSE(gk_report_equal(a, b, 0));
  CU_ASSERT_TRUE(gk_report_equal(NULL, NULL, 0));
  CU_ASSERT_FALSE(gk_report_equal(a, NULL, 0));
  gk_report *c = mk(2021, 2020);
  CU_ASSERT_FALSE(gk_report_equal(a, c, 0));
  gk_report_free(c);
  CU_ASSERT_EQUAL(gk_report_clone(&c, NULL), GK_EINVAL);
  CU_ASSERT_PTR_NULL(c);
  gk_report_free(a);
  gk_report_free(b);
}

/* Every allocation along new/clone/set_* can fail: GK_ENOMEM, nothing changed, no leak. */
static void test_report_alloc_failures(void) {
  gk_report *src = mk(2021, 2023);
  CU_ASSERT_EQUAL(gk_report_set_agency(src, GK_AGENCY_NAME, "甲", 3), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(src, GK_SECTION_OTHER, "x", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_literal(src, GK_TABLE_REVIEW, 0, 0, "-", 1), GK_OK);
  int ok = 0;
  for (long n = 0; n < 50 && !ok; n++) {
    gk_report *c = NULL;
    gk__alloc_fail_after(n);
    int rc = gk_report_clone(&c, src);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) {
      CU_ASSERT_TRUE(gk_report_equal(c, src, 1));
      ok = 1;
    } else {
      CU_ASSERT_EQUAL(rc, GK_ENOMEM);
      CU_ASSERT_PTR_NULL(c);
    }
    gk_report_free(c);
  }
  CU_ASSERT_TRUE(ok);
  gk__alloc_fail_after(0);
  CU_ASSERT_EQUAL(gk_report_set_agency(src, GK_AGENCY_NAME, "乙", 3), GK_ENOMEM);
  CU_ASSERT_EQUAL(gk_report_set_literal(src, GK_TABLE_REVIEW, 0, 1, "/////////////////////////////////////////////////////////////////////////", 73), GK_ENOMEM);
  gk__alloc_fail_after(-1);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(src, GK_AGENCY_NAME), "甲");
  CU_ASSERT_PTR_NULL(gk_report_literal(src, GK_TABLE_REVIEW, 0, 1));
  CU_ASSERT_STRING_EQUAL(gk_report_literal(src, GK_TABLE_REVIEW, 0, 0), "-");
  gk_report_free(src);
}

static void test_report_completeness(void) {
  gk_report *r = NULL, *c = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2023), GK_OK);
  int t = 5;
  size_t row = 5;
  CU_ASSERT_EQUAL(gk_report_completeness(&t, &row, r), GK_COMPLETE);
  CU_ASSERT_EQUAL(t, -1);
  CU_ASSERT_EQUAL(row, SIZE_MAX);
  CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_TRUNCATED, GK_TABLE_REQUESTS, 4), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_missing_tables(r, 1u << GK_TABLE_REVIEW), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_TRUNCATED, GK_TABLE_REQUESTS, 999), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_set_completeness(r, (gk_completeness)7, -1, SIZE_MAX), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_set_missing_tables(r, 1u << 7), GK_EINVAL);
  CU_ASSERT_EQUAL_FATAL(gk_report_clone(&c, r), GK_OK);
  CU_ASSERT_EQUAL(gk_report_completeness(&t, &row, c), GK_TRUNCATED);
  CU_ASSERT_EQUAL(t, GK_TABLE_REQUESTS);
  CU_ASSERT_EQUAL(row, 4);
  CU_ASSERT_EQUAL(gk_report_missing_tables(c), 1u << GK_TABLE_REVIEW);
  CU_ASSERT_EQUAL(gk_report_completeness(NULL, NULL, NULL), GK_COMPLETE);
  gk_report_free(c);
  gk_report_free(r);
}

/* ------------------------------------------------------------ literal pool */
static uint32_t pool_rng(uint32_t *s) {
  *s = *s * 1664525u + 1013904223u;
  return *s >> 8;
}

/* Every settable cell of table t: (row, col) pairs where a literal is accepted. */
static size_t settable_cells(gk_report *r, int t, size_t (*rc)[2], size_t cap) {
  size_t n = 0;
  for (size_t row = 0; row < 64; row++)
    for (size_t col = 0; col < 16; col++)
      if (n < cap && gk_report_set_literal(r, t, row, col, "-", 1) == GK_OK) rc[n][0] = row, rc[n][1] = col, n++;
  return n;
}

/* A bound that holds whatever the history: a few times the live bytes plus one
 * literal (4096 + NUL), plus the small pool that is never compacted. */
static size_t pool_bound(size_t live) { return 4 * (live + 4097) + 2048; }

static void test_report_pool_overwrite_bounded(void) {
  gk_report *r = mk(2021, 2023);
  size_t cells[256][2];
  size_t n = settable_cells(r, GK_TABLE_REQUESTS, cells, 256);
  CU_ASSERT_FATAL(n >= 3);
  static char big[4001];
  size_t maxsize = 0;
  for (int i = 0; i < 100000; i++) {
    memset(big, 'a' + i % 26, 4000);
    snprintf(big, sizeof big, "%d", i);
    big[strlen(big)] = 'x'; /* keep 4000 bytes */
    big[4000] = '\0';
    CU_ASSERT_EQUAL_FATAL(gk_report_set_literal(r, GK_TABLE_REQUESTS, cells[0][0], cells[0][1], big, 4000), GK_OK);
    size_t sz = gk__report_pool_size(r);
    if (sz > maxsize) maxsize = sz;
  }
  /* live: the big literal and n - 1 literals "-" */
  CU_ASSERT(maxsize <= pool_bound(4001 + 2 * (n - 1)));
  CU_ASSERT_STRING_EQUAL(gk_report_literal(r, GK_TABLE_REQUESTS, cells[0][0], cells[0][1]), big);
  for (size_t k = 1; k < n; k++)
    CU_ASSERT_STRING_EQUAL(gk_report_literal(r, GK_TABLE_REQUESTS, cells[k][0], cells[k][1]), "-");
  gk_report_free(r);
}

/* Random overwrites (literals of random length, values, blanks) against a model:
 * every literal reads back as last set and the pool stays bounded. */
static void test_report_pool_model(void) {
  gk_report *r = mk(2021, 2023);
  size_t cells[64][2];
  size_t n = settable_cells(r, GK_TABLE_REQUESTS, cells, 64);
  CU_ASSERT_FATAL(n >= 8);
  static char model[64][4097];
  for (size_t k = 0; k < n; k++) strcpy(model[k], "-");
  uint32_t seed = 12345;
  size_t maxlive = 2 * n;
  char lit[4097];
  for (int step = 0; step < 20000; step++) {
    size_t k = pool_rng(&seed) % n, row = cells[k][0], col = cells[k][1];
    uint32_t op = pool_rng(&seed) % 8;
    if (op == 0) {
      CU_ASSERT_EQUAL_FATAL(gk_report_set_value(r, GK_TABLE_REQUESTS, row, col, step), GK_OK);
      model[k][0] = '\0';
    } else if (op == 1) {
      CU_ASSERT_EQUAL_FATAL(gk_report_set_blank(r, GK_TABLE_REQUESTS, row, col), GK_OK);
      model[k][0] = '\0';
    } else {
      size_t len = 1 + (op == 7 ? pool_rng(&seed) % 4096 : pool_rng(&seed) % 40);
      for (size_t i = 0; i < len; i++) lit[i] = (char)('A' + pool_rng(&seed) % 26);
      lit[len] = '\0';
      CU_ASSERT_EQUAL_FATAL(gk_report_set_literal(r, GK_TABLE_REQUESTS, row, col, lit, len), GK_OK);
      memcpy(model[k], lit, len + 1);
    }
    size_t live = 0;
    for (size_t j = 0; j < n; j++) live += model[j][0] ? strlen(model[j]) + 1 : 0;
    if (live > maxlive) maxlive = live; /* the pool never shrinks: bounded by the most ever live */
    CU_ASSERT_FATAL(gk__report_pool_size(r) <= pool_bound(maxlive));
    if (step % 97 == 0 || step == 19999)
      for (size_t j = 0; j < n; j++) {
        const char *got = gk_report_literal(r, GK_TABLE_REQUESTS, cells[j][0], cells[j][1]);
        if (model[j][0]) {
          CU_ASSERT_FATAL(got && strcmp(got, model[j]) == 0);
        } else {
          CU_ASSERT_PTR_NULL_FATAL(got);
        }
      }
  }
  gk_report *c = NULL; /* a clone keeps them too */
  CU_ASSERT_EQUAL_FATAL(gk_report_clone(&c, r), GK_OK);
  CU_ASSERT_TRUE(gk_report_equal(c, r, 1));
  gk_report_free(c);
  gk_report_free(r);
}

/* The internal setters take validated text as the public ones do. */
static void test_report_valid_setters(void) {
  gk_report *a = mk(2021, 2023), *b = mk(2021, 2023);
  size_t cells[4][2];
  size_t n = settable_cells(a, GK_TABLE_REQUESTS, cells, 4);
  CU_ASSERT_FATAL(n == 4 && settable_cells(b, GK_TABLE_REQUESTS, cells, 4) == 4);
  const char *txt = "无法提供「见附件」";
  CU_ASSERT_EQUAL(gk_report_set_literal(a, GK_TABLE_REQUESTS, cells[2][0], cells[2][1], txt, strlen(txt)), GK_OK);
  CU_ASSERT_EQUAL(gk__report_set_literal_valid(b, GK_TABLE_REQUESTS, cells[2][0], cells[2][1], txt, strlen(txt)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(a, 0, txt, strlen(txt)), GK_OK);
  CU_ASSERT_EQUAL(gk__report_set_section_valid(b, 0, txt, strlen(txt)), GK_OK);
  CU_ASSERT_TRUE(gk_report_equal(a, b, 1));
  /* argument checks are the public ones */
  CU_ASSERT_EQUAL(gk__report_set_section_valid(b, GK_NSECTIONS, txt, 3), GK_EINVAL);
  CU_ASSERT_EQUAL(gk__report_set_literal_valid(b, GK_TABLE_REQUESTS, cells[2][0], cells[2][1], "", 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk__report_set_literal_valid(b, GK_TABLE_REQUESTS, cells[2][0], cells[2][1], "a\0b", 3), GK_EENCODING);
  gk_report_free(a);
  gk_report_free(b);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"new_free", test_report_new_free},
    {"completeness", test_report_completeness},
    {"metadata", test_report_metadata},
    {"sections", test_report_sections},
    {"cells_states", test_report_cells_states},
    {"amounts_and_units", test_report_amounts_and_units},
    {"derived_rows", test_report_derived_rows},
    {"clone_equal", test_report_clone_equal},
    {"alloc_failures", test_report_alloc_failures},
    {"pool_overwrite_bounded", test_report_pool_overwrite_bounded},
    {"pool_model", test_report_pool_model},
    {"valid_setters", test_report_valid_setters},
    CU_TEST_INFO_NULL};
  return gk_test_main("report", tests);
}
