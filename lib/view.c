/* SPDX-License-Identifier: MIT */
/* Views (stats_int.h, format.md §8): which cells a set of editions has in common,
 * walked from the declarations and their cross-edition correspondences. The
 * engine layer's shared piece: consolidation (aggregate.c) and the series
 * (series.c) both read reports through a view. */
#include <stdio.h>
#include <string.h>
#include "stats_int.h"

int gk__ed_index(int edition) {
  for (size_t i = 0; i < gk_schema_edition_count() && i < GK__MAX_EDITIONS; i++)
    if (gk_schema_edition_id(i) == edition) return (int)i;
  return -1;
}

/* Column (in edition index `target`) that the active cell (row, col) of edition
 * `ei` feeds, or NULL when it is not comparable (schema_tables.c declares the
 * correspondences). */
static const char *active_pair(int ei, const char *row, const char *col, int target) {
  return gk__edition_common_col(GK_TABLE_ACTIVE, row, col, gk_schema_edition_id((size_t)ei),
                                gk_schema_edition_id((size_t)target));
}

void gk__view_free(gk__view *v) {
  if (!v) return;
  gk__free(v->e);
  v->e = NULL;
  v->n = 0;
}

/* Entry of the newest edition's cell named by (row key, col key) of table t, via
 * `map` (entry index + 1 per cell of the newest edition, 0 none). */
static gk__view_entry *view_find(gk__view *v, const int32_t *map, int hi_ed, int t,
                                 const char *rk, const char *ck) {
  size_t row, col;
  if (gk_schema_row_find(&row, hi_ed, t, rk) || gk_schema_col_find(&col, hi_ed, t, ck))
    return NULL;
  int32_t k = map[row * gk_schema_ncols(hi_ed, t) + col];
  return k ? &v->e[k - 1] : NULL;
}

int gk__view_build(gk__view *v, uint32_t edmask, int common_only) {
  memset(v, 0, sizeof *v);
  int ned = (int)gk_schema_edition_count(), hi = -1;
  if (ned > GK__MAX_EDITIONS) ned = GK__MAX_EDITIONS;
  for (int i = 0; i < ned; i++)
    if (edmask & (1u << i)) hi = i;
  if (hi < 0) return GK_OK;
  size_t cap = 0;
  for (int i = 0; i < ned; i++)
    if (edmask & (1u << i))
      for (int t = 0; t < GK_NTABLES; t++)
        cap += gk_schema_nrows(gk_schema_edition_id((size_t)i), t) *
               gk_schema_ncols(gk_schema_edition_id((size_t)i), t);
  gk__view_entry *all = gk__calloc(cap ? cap : 1, sizeof *all);
  if (!all) return GK_ENOMEM;
  v->e = all;
  v->edmask = edmask;
  int hi_ed = gk_schema_edition_id((size_t)hi);
  for (int t = 0; t < GK_NTABLES; t++) {
    size_t ncells = gk_schema_nrows(hi_ed, t) * gk_schema_ncols(hi_ed, t);
    int32_t *map = gk__calloc(ncells ? ncells : 1, sizeof *map);
    if (!map) {
      gk__view_free(v);
      return GK_ENOMEM;
    }
    for (int i = hi; i >= 0; i--) { /* newest edition first: its keys name the cells */
      if (!(edmask & (1u << i))) continue;
      int ed = gk_schema_edition_id((size_t)i);
      for (size_t row = 0; row < gk_schema_nrows(ed, t); row++) {
        for (size_t col = 0; col < gk_schema_ncols(ed, t); col++) {
          if (!gk_schema_cell_exists(ed, t, row, col)) continue;
          const char *rk = gk_schema_row_key(ed, t, row), *ck = gk_schema_col_key(ed, t, col);
          int shared = 1;
          if (t == GK_TABLE_ACTIVE) {
            const char *pc = active_pair(i, rk, ck, hi);
            shared = pc != NULL;
            if (pc) ck = pc;
          }
          char path[sizeof all[0].path];
          int n = snprintf(path, sizeof path, "%s/%s/%s", gk_schema_table_key(t), rk, ck);
          if (n < 0 || (size_t)n >= sizeof path) continue; /* cannot happen with our keys */
          gk__view_entry *e = (shared && i != hi) ? view_find(v, map, hi_ed, t, rk, ck) : NULL;
          if (!e) {
            if (i == hi) map[row * gk_schema_ncols(ed, t) + col] = (int32_t)v->n + 1;
            e = &v->e[v->n++];
            memcpy(e->path, path, (size_t)n + 1);
            e->table = t;
            e->kind = gk_schema_col_kind(ed, t, col);
            for (int k = 0; k < GK__MAX_EDITIONS; k++) e->row[k] = e->col[k] = -1;
          }
          e->row[i] = (int16_t)row;
          e->col[i] = (int16_t)col;
        }
      }
    }
    gk__free(map);
  }
  /* comparable entries first, then the others (both in declaration order) */
  gk__view_entry *sorted = gk__calloc(v->n ? v->n : 1, sizeof *sorted);
  if (!sorted) {
    gk__view_free(v);
    return GK_ENOMEM;
  }
  size_t m = 0;
  for (int pass = 0; pass < 2; pass++)
    for (size_t k = 0; k < v->n; k++) {
      gk__view_entry *e = &v->e[k];
      int comp = 1;
      for (int i = 0; i < ned; i++)
        if ((edmask & (1u << i)) && e->row[i] < 0) comp = 0;
      e->comparable = comp;
      if ((pass == 0) == (comp == 1) && (comp || !common_only)) sorted[m++] = *e;
    }
  gk__free(v->e);
  v->e = sorted;
  v->n = m;
  return GK_OK;
}

int gk__view_value(const gk__view_entry *e, const gk_report *r, int *state_out,
                   int64_t *value_out) {
  *state_out = GK_CELL_BLANK;
  *value_out = 0;
  int ei = gk__ed_index(gk_report_edition(r));
  if (ei < 0 || e->row[ei] < 0) return GK_ENOTFOUND;
  return gk__cell_effective(r, e->table, (size_t)e->row[ei], (size_t)e->col[ei], state_out,
                            value_out);
}

