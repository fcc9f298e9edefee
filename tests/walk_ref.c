/* SPDX-License-Identifier: MIT */
/* The table walk against its reference (walk_ref.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "walk_ref.h"
#include "recognize_int.h"

typedef struct {
  gk_report *r;
  gk_diags *d;
  int rc, truncated, trunc_table;
  size_t trunc_row;
} walked_table;

/* Table t of edition ed read from lines [from, to), with (ref 0) or without
 * (ref 1) the fast paths. */
static void walk_once(walked_table *o, const gk__grid *g, const tline *lines, size_t nlines, gk_edition ed, int t,
                      size_t from, size_t to, int truncated, int ref) {
  memset(o, 0, sizeof *o);
  if (gk_report_new(&o->r, ed, 0) != GK_OK || gk_diags_new(&o->d) != GK_OK) {
    o->rc = GK_ENOMEM;
    return;
  }
  walk w;
  walk_init(&w);
  w.r = o->r, w.ed = gk__report_ed(o->r), w.L = gk__labels_shared(), w.d = o->d, w.file = "walk";
  w.trunc_table = -1, w.g = g, w.lines = lines, w.nlines = nlines, w.ref = ref;
  w.start_cut = (int)(from & 1);
  gk__buf_init(&w.lab);
  o->rc = w.L ? gk__rec_table(&w, t, lines, from, to, truncated) : GK_ENOMEM;
  o->truncated = w.truncated, o->trunc_table = w.trunc_table, o->trunc_row = w.trunc_row;
  free(w.run), free(w.rv), free(w.done);
  gk__buf_free(&w.lab);
}

static int str_same(const char *a, const char *b) { return (!a || !b) ? a == b : strcmp(a, b) == 0; }

/* The number of differences between the two walks of table t. */
static size_t walk_diff(const walked_table *a, const walked_table *b, int t) {
  size_t bad = a->rc != b->rc || a->truncated != b->truncated || a->trunc_table != b->trunc_table ||
               a->trunc_row != b->trunc_row;
  if (a->rc || b->rc) return bad;
  const gk__table_decl *td = &gk__report_ed(a->r)->tables[t];
  const gk__cell *ca = gk__report_cells(a->r, t), *cb = gk__report_cells(b->r, t);
  for (size_t i = 0; i < td->nrows * td->ncols; i++) {
    const gk__cell *x = &ca[i], *y = &cb[i];
    bad += x->state != y->state || x->value != y->value || x->unit != y->unit || x->line != y->line ||
           x->column != y->column || (x->lit != 0) != (y->lit != 0);
    if (x->lit && y->lit) {
      char p[160], ta[4200], tb[4200];
      gk__path(p, a->r, t, i / td->ncols, i % td->ncols);
      int na = gk_report_text(ta, sizeof ta, a->r, p, GK_NUL_TERMINATED);
      int nb = gk_report_text(tb, sizeof tb, b->r, p, GK_NUL_TERMINATED);
      bad += na != nb || (na >= 0 && strcmp(ta, tb) != 0);
    }
  }
  size_t n = gk_diags_count(a->d);
  bad += n != gk_diags_count(b->d);
  for (size_t i = 0; i < n && i < gk_diags_count(b->d); i++) {
    int same = gk_diag_severity(a->d, i) == gk_diag_severity(b->d, i) &&
               str_same(gk_diag_rule(a->d, i), gk_diag_rule(b->d, i)) &&
               gk_diag_line(a->d, i) == gk_diag_line(b->d, i) &&
               str_same(gk_diag_message(a->d, i, GK_LANG_ZH), gk_diag_message(b->d, i, GK_LANG_ZH)) &&
               str_same(gk_diag_message(a->d, i, GK_LANG_EN), gk_diag_message(b->d, i, GK_LANG_EN)) &&
               gk_diag_ncells(a->d, i) == gk_diag_ncells(b->d, i);
    for (size_t k = 0; same && k < gk_diag_ncells(a->d, i); k++)
      same = str_same(gk_diag_cell(a->d, i, k), gk_diag_cell(b->d, i, k));
    bad += !same;
  }
  return bad;
}

static uint32_t next_rand(uint32_t *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 8;
}

size_t gk_test_walk_ref_grid(const gk__grid *g, uint32_t seed, size_t *walked) {
  gk__buf buf;
  gk__buf_init(&buf);
  size_t n = 0, bad = 0, count = 0;
  tline *lines = NULL;
  if (gk__rec_grid_lines(g, &buf, &lines, &n) != GK_OK) {
    gk__buf_free(&buf);
    return 1;
  }
  for (size_t e = 0; e < gk_schema_edition_count(); e++)
    for (int t = 0; t < GK_NTABLES; t++)
      for (int k = 0; k < 4; k++) { /* the whole text, then regions */
        size_t from = 0, to = n;
        if (k && n) from = next_rand(&seed) % n, to = from + 1 + next_rand(&seed) % (n - from);
        int truncated = k == 3;
        walked_table a, b;
        walk_once(&a, g, lines, n, gk_schema_edition_id(e), t, from, to, truncated, 0);
        walk_once(&b, g, lines, n, gk_schema_edition_id(e), t, from, to, truncated, 1);
        size_t d = walk_diff(&a, &b, t);
        if (d) printf("\n  walk ref: edition %zu table %d lines [%zu, %zu): %zu differences", e, t, from, to, d);
        bad += d != 0, count++;
        gk_report_free(a.r), gk_report_free(b.r), gk_diags_free(a.d), gk_diags_free(b.d);
      }
  gk__free(lines);
  gk__buf_free(&buf);
  if (walked) *walked = count;
  return bad;
}

size_t gk_test_walk_ref_text(const char *s, size_t n, uint32_t seed, size_t *walked) {
  gk__grid g;
  size_t bad = 1;
  if (walked) *walked = 0;
  if (gk__grid_from_text(&g, s, n) == GK_OK) bad = gk_test_walk_ref_grid(&g, seed, walked);
  gk__grid_free(&g);
  return bad;
}
