/* SPDX-License-Identifier: MIT */
/* The derived-row sum of format.md §3, once for every module: a derived row
 * (requests denied, unavailable, not_processed; 2021 other) is the sum of its
 * children, read recursively; one that is also printed (GK_ROW_STORED) reads its
 * own cell where none of its children holds a value. */
#include "internal.h"

int gk__row_reading(int *state_out, int64_t *value_out, const gk__table_decl *t,
                    const gk__cell *cells, size_t row, size_t col) {
  const gk__row_decl *rd = &t->rows[row];
  if (rd->flags & GK_ROW_DERIVED) {
    int64_t sum;
    int any;
    int rc = gk__derived_sum(&sum, &any, t, cells, row, col);
    if (rc) return rc;
    if (any || !(rd->flags & GK_ROW_STORED)) {
      *state_out = any ? GK_CELL_VALUE : GK_CELL_BLANK;
      *value_out = sum;
      return GK_OK;
    }
  }
  const gk__cell *c = &cells[row * t->ncols + col];
  *state_out = c->state;
  *value_out = c->state == GK_CELL_VALUE ? c->value : 0;
  return GK_OK;
}

int gk__derived_sum(int64_t *sum_out, int *any_out, const gk__table_decl *t,
                    const gk__cell *cells, size_t row, size_t col) {
  int64_t sum = 0;
  *sum_out = 0;
  *any_out = 0;
  for (size_t k = 0; k < t->nrows; k++) {
    if (t->rows[k].parent != (int)row || k == row) continue;
    int st;
    int64_t v;
    int rc = gk__row_reading(&st, &v, t, cells, k, col);
    if (rc || st != GK_CELL_VALUE) {
      if (rc) *any_out = 1;
      if (rc) return rc;
      continue;
    }
    *any_out = 1;
    if (gk__add64(&sum, sum, v)) return GK_EOVERFLOW;
  }
  *sum_out = sum;
  return GK_OK;
}

int gk__derived_reads_children(const gk__table_decl *t, const gk__cell *cells, size_t row,
                               size_t col) {
  uint32_t f = t->rows[row].flags;
  if (!(f & GK_ROW_DERIVED)) return 0;
  if (!(f & GK_ROW_STORED)) return 1;
  int64_t sum;
  int any;
  gk__derived_sum(&sum, &any, t, cells, row, col);
  return any;
}

/* Bit c: row reads as a value in column c (gk__row_reading's state). */
static uint32_t value_mask(const gk__table_decl *t, const uint32_t *vmask, const int16_t *first,
                           const int16_t *next, size_t row) {
  uint32_t f = t->rows[row].flags;
  if (!(f & GK_ROW_DERIVED)) return vmask[row];
  uint32_t kids = gk__derived_children_mask(t, vmask, first, next, row);
  return (f & GK_ROW_STORED) ? kids | vmask[row] : kids;
}

uint32_t gk__derived_children_mask(const gk__table_decl *t, const uint32_t *vmask,
                                   const int16_t *first, const int16_t *next, size_t row) {
  uint32_t m = 0;
  for (int k = first[row]; k >= 0; k = next[k]) m |= value_mask(t, vmask, first, next, (size_t)k);
  return m;
}
