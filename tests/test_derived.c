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
          CU_ASSERT_EQUAL(gk__derived_sum(&sum, &any, &gk__report_ed(r)->tables[t],
                                          gk__report_cells(r, t), row, c),
                          GK_OK);
          CU_ASSERT_EQUAL(sum, want);
          CU_ASSERT_EQUAL(any, want_any);
          /* a derived row reads its children unless it is printed and they are blank */
          int reads = gk__derived_reads_children(&gk__report_ed(r)->tables[t],
                                                 gk__report_cells(r, t), row, c);
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
  CU_ASSERT_EQUAL(
      gk__derived_sum(&sum, &any, &gk__report_ed(r)->tables[t], gk__report_cells(r, t), p, 0),
      GK_EOVERFLOW);
  CU_ASSERT_EQUAL(sum, 0);
  CU_ASSERT_EQUAL(any, 1);
  int st;
  int64_t v;
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, t, p, 0), GK_EOVERFLOW);
  gk_report_free(r);
}

/* The validator's quiet path asks the derived question for every column at once
 * (gk__derived_children_mask): on random reports of every edition and table
 * (values, blanks, literals, big values), bit c of the mask of each derived row
 * is 1 exactly when gk__derived_sum says one of its children reads as a value,
 * and for a printed one exactly when gk__derived_reads_children says it reads
 * its children. */
static void test_derived_mask_property(void) {
  for (size_t ei = 0; ei < gk_schema_edition_count(); ei++) {
    int e = gk_schema_edition_id(ei);
    for (int round = 0; round < 300; round++) {
      gk_report *r = NULL;
      CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, e, 2023), GK_OK);
      for (int t = 0; t < GK_NTABLES; t++) {
        const gk__table_decl *td = &gk__report_ed(r)->tables[t];
        CU_ASSERT_FATAL(td->nrows <= 64 && td->ncols <= 32);
        int density = 1 + (int)(next_rand() % 6); /* from sparse to full */
        for (size_t row = 0; row < td->nrows; row++)
          for (size_t c = 0; c < td->ncols; c++) {
            uint64_t x = next_rand();
            if ((int)(x % 8) >= density) continue;
            if (x % 11 == 0)
              gk_report_set_literal(r, t, row, c, "-", 1);
            else
              gk_report_set_value(r, t, row, c, (int64_t)((x >> 8) % 50));
          }
        const gk__cell *cells = gk__report_cells(r, t);
        uint32_t vmask[64];
        int16_t first[64], next[64];
        for (size_t row = 0; row < td->nrows; row++) {
          vmask[row] = 0;
          first[row] = next[row] = -1;
          for (size_t c = 0; c < td->ncols; c++)
            if (cells[row * td->ncols + c].state == GK_CELL_VALUE) vmask[row] |= 1u << c;
        }
        for (size_t k = td->nrows; k-- > 0;) { /* children lists in declaration order */
          int p = td->rows[k].parent;
          if (p < 0 || (size_t)p == k) continue;
          next[k] = first[p];
          first[p] = (int16_t)k;
        }
        for (size_t row = 0; row < td->nrows; row++) {
          uint32_t f = td->rows[row].flags;
          if (!(f & GK_ROW_DERIVED)) continue;
          uint32_t m = gk__derived_children_mask(td, vmask, first, next, row);
          for (size_t c = 0; c < td->ncols; c++) {
            int64_t sum;
            int any;
            CU_ASSERT_EQUAL(gk__derived_sum(&sum, &any, td, cells, row, c), GK_OK);
            CU_ASSERT_EQUAL((m >> c) & 1u, (uint32_t)any);
            if (f & GK_ROW_STORED)
              CU_ASSERT_EQUAL((m >> c) & 1u,
                              (uint32_t)gk__derived_reads_children(td, cells, row, c));
          }
        }
      }
      gk_report_free(r);
    }
  }
}

int main(void) {
  CU_TestInfo tests[] = {
    {"sum_property", test_derived_sum_property},
    {"sum_overflow", test_derived_sum_overflow},
    {"mask_property", test_derived_mask_property},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("derived", tests);
}
