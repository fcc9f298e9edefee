/* SPDX-License-Identifier: MIT */
/* The recognizer's cell setter gk__report_set_read against the public setters:
 * over every cell of every edition (and one past each end), every state, sign
 * and unit, the same return code and the same stored cell. */
#include <string.h>
#include "testutil.h"
#include "internal.h"

typedef struct {
  int state;
  int64_t value;
  int unit; /* -1: no unit set */
} op;

/* The public setters' sequence for op o (what put_slot did before). */
static int set_public(gk_report *r, int t, size_t row, size_t col, op o) {
  if (o.state == GK_CELL_BLANK) return gk_report_set_blank(r, t, row, col);
  int rc = gk_report_set_value(r, t, row, col, o.value);
  if (!rc && o.unit >= 0) rc = gk_report_set_unit(r, t, row, col, o.unit);
  return rc;
}

static int cells_same(const gk_report *a, const gk_report *b, int t, size_t row, size_t col) {
  const gk__cell *x = gk__cell_at(a, t, row, col), *y = gk__cell_at(b, t, row, col);
  if (!x || !y) return x == y;
  return x->state == y->state && x->value == y->value && x->lit == y->lit && x->unit == y->unit &&
         x->line == y->line && x->column == y->column;
}

static void check_cell(gk_report *a, gk_report *b, int t, size_t row, size_t col, size_t *nok) {
  static const op ops[] = {
      {GK_CELL_VALUE, 7, -1},  {GK_CELL_VALUE, -3, -1}, {GK_CELL_VALUE, 12, GK_UNIT_DEFAULT},
      {GK_CELL_VALUE, 5, GK_UNIT_YUAN}, {GK_CELL_VALUE, 5, GK_UNIT_WANYUAN}, {GK_CELL_VALUE, 5, 9},
      {GK_CELL_BLANK, 0, -1},  {GK_CELL_VALUE, INT64_MAX, GK_UNIT_YUAN}, {GK_CELL_BLANK, 0, -1}};
  for (size_t k = 0; k < sizeof ops / sizeof ops[0]; k++) {
    int ra = set_public(a, t, row, col, ops[k]);
    int rb = gk__report_set_read(b, t, row, col, ops[k].state, ops[k].value, ops[k].unit);
    CU_ASSERT_EQUAL(ra, rb);
    CU_ASSERT_TRUE(cells_same(a, b, t, row, col));
    *nok += ra == GK_OK;
  }
}

static void test_report_read_matches_public(void) {
  for (size_t e = 0; e < gk_schema_edition_count(); e++) {
    int ed = gk_schema_edition_id(e);
    gk_report *a = NULL, *b = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&a, ed, 2023), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&b, ed, 2023), GK_OK);
    size_t nok = 0;
    for (int t = 0; t < GK_NTABLES; t++)
      for (size_t row = 0; row <= gk_schema_nrows(ed, t); row++)
        for (size_t col = 0; col <= gk_schema_ncols(ed, t); col++) check_cell(a, b, t, row, col, &nok);
    CU_ASSERT_TRUE(nok > 0); /* some cells were set, not all refused */
    CU_ASSERT_TRUE(gk_report_equal(a, b, 1));
    gk_report_free(a);
    gk_report_free(b);
  }
}

int main(void) {
  CU_TestInfo tests[] = {{"read_matches_public", test_report_read_matches_public}, CU_TEST_INFO_NULL};
  return gk_test_main("report_read", tests);
}
