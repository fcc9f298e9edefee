/* SPDX-License-Identifier: MIT */
/* The derived-row sum (lib/derived.c), the one function every module reads a
 * derived row through: properties over every derived row of every edition with
 * pseudo-random fillings, and overflow. */
#include <stdint.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"

static uint64_t rng = 88172645463325252ull;
static uint64_t next_rand(void) {
  rng ^= rng << 13, rng ^= rng >> 7, rng ^= rng << 17;
  return rng;
}

/* Sum of the values of the leaves under `row` (stored children of a derived row). */
static int64_t leaf_sum(const gk_report *r, int t, size_t row, size_t col, int *any) {
  int e = gk_report_edition(r);
  int64_t s = 0;
  for (size_t k = 0; k < gk_schema_nrows(e, t); k++) {
    if (gk_schema_row_parent(e, t, k) != (int)row) continue;
    int st;
    int64_t v;
    CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, t, k, col), GK_OK);
    if (st == GK_CELL_VALUE) s += v, *any = 1;
  }
  return s;
}

static void test_derived_sum_property(void) {
  for (size_t ei = 0; ei < gk_schema_edition_count(); ei++) {
    int e = gk_schema_edition_id(ei);
    for (int round = 0; round < 200; round++) {
      gk_report *r = NULL;
      CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, e, 2023), GK_OK);
      int t = GK_TABLE_REQUESTS;
      size_t nr = gk_schema_nrows(e, t), nc = gk_schema_ncols(e, t);
      for (size_t row = 0; row < nr; row++)
        for (size_t c = 0; c < nc; c++)
          if (next_rand() % 3 == 0) gk_report_set_value(r, t, row, c, (int64_t)(next_rand() % 1000));
      for (size_t row = 0; row < nr; row++) {
        uint32_t f = gk_schema_row_flags(e, t, row);
        for (size_t c = 0; c < nc; c++) {
          int64_t sum = -1;
          int any = -1, want_any = 0;
          int64_t want = leaf_sum(r, t, row, c, &want_any);
          CU_ASSERT_EQUAL(gk__derived_sum(&sum, &any, &r->ed->tables[t], r->cells[t], row, c), GK_OK);
          CU_ASSERT_EQUAL(sum, want);
          CU_ASSERT_EQUAL(any, want_any);
          /* a derived row reads its children unless it is printed and they are blank */
          int reads = gk__derived_reads_children(&r->ed->tables[t], r->cells[t], row, c);
          CU_ASSERT_EQUAL(reads, (f & GK_ROW_DERIVED) && (!(f & GK_ROW_STORED) || want_any));
          int st;
          int64_t v;
          CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, t, row, c), GK_OK);
          if (reads) CU_ASSERT_EQUAL(v, want);
          if (reads) CU_ASSERT_EQUAL(st, want_any ? GK_CELL_VALUE : GK_CELL_BLANK);
        }
      }
      gk_report_free(r);
    }
  }
}

static void test_derived_sum_overflow(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2023), GK_OK);
  size_t a, b, p;
  int t = GK_TABLE_REQUESTS;
  CU_ASSERT_EQUAL_FATAL(gk_schema_row_find(&p, GK_EDITION_2021, t, "denied"), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_schema_row_find(&a, GK_EDITION_2021, t, "denied.state_secret"), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_schema_row_find(&b, GK_EDITION_2021, t, "denied.query"), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(r, t, a, 0, INT64_MAX), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(r, t, b, 0, 1), GK_OK);
  int64_t sum = 7;
  int any = 0;
  CU_ASSERT_EQUAL(gk__derived_sum(&sum, &any, &r->ed->tables[t], r->cells[t], p, 0), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(sum, 0);
  CU_ASSERT_EQUAL(any, 1);
  int st;
  int64_t v;
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, t, p, 0), GK_EOVERFLOW);
  gk_report_free(r);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"sum_property", test_derived_sum_property},
    {"sum_overflow", test_derived_sum_overflow},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("derived", tests);
}
