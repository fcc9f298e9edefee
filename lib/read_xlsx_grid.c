/* SPDX-License-Identifier: MIT */
/* libgkreport: a sheet of a workbook (read_xlsx.c) laid out as the grid of
 * grid.h. Rows in order, empty ones skipped; a row whose one cell is text
 * (a title, a heading between tables: no other cell, no span from above) a
 * paragraph; the other rows ROW blocks, a run of them one table. A merged
 * range is one cell at its top left with its spans (its rowspan counts the
 * rows read); the cells it hides are not read, as Excel does not show them.
 * A cell's column is the sheet's, counted from the leftmost column used. The
 * findings sheet gk_report_to_xlsx writes is known by its header row and not
 * read. Linear in the cells and merged columns (sorted once when the part
 * lists them out of order). */
#include <stdlib.h>
#include <string.h>
#include "read_doc.h"
#include "read_xlsx.h"

#define NONE UINT32_MAX

static const char *ctext(const gk__xsheet *s, const gk__xcell *c) {
  const gk__buf *b = c->sst ? s->sst : &s->text;
  return b->data && c->len ? b->data + c->off : "";
}

/* The text without the white space around it (ASCII, U+3000). */
static const char *trimmed(const gk__xsheet *s, const gk__xcell *c, size_t *n) {
  const char *t = ctext(s, c);
  size_t a = 0, e = c->len;
  for (;;) {
    if (a < e && (t[a] == ' ' || t[a] == '\t' || t[a] == '\n' || t[a] == '\r')) a++;
    else if (e - a >= 3 && memcmp(t + a, "\xE3\x80\x80", 3) == 0) a += 3;
    else break;
  }
  for (;;) {
    if (e > a && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\n' || t[e - 1] == '\r')) e--;
    else if (e - a >= 3 && memcmp(t + e - 3, "\xE3\x80\x80", 3) == 0) e -= 3;
    else break;
  }
  *n = e - a;
  return t + a;
}

static int cmp_cell(const void *a, const void *b) {
  const gk__xcell *x = a, *y = b;
  if (x->row != y->row) return x->row < y->row ? -1 : 1;
  if (x->col != y->col) return x->col < y->col ? -1 : 1;
  return 0;
}

static int cmp_merge(const void *a, const void *b) {
  const gk__xmerge *x = a, *y = b;
  if (x->r0 != y->r0) return x->r0 < y->r0 ? -1 : 1;
  if (x->c0 != y->c0) return x->c0 < y->c0 ? -1 : 1;
  return 0;
}

/* Cells in (row, column) order, one a place (a repeated one: the first). */
static void sort_cells(gk__xsheet *s) {
  if (!s->unsorted) return;
  qsort(s->cells, s->ncells, sizeof *s->cells, cmp_cell);
  size_t o = 0;
  for (size_t i = 0; i < s->ncells; i++)
    if (!o || cmp_cell(&s->cells[o - 1], &s->cells[i]) != 0) s->cells[o++] = s->cells[i];
  s->ncells = o;
}

/* Is the sheet's first row with text the findings sheet's header row (either language)? */
static int findings_sheet(const gk__xsheet *s) {
  size_t i = 0, n;
  while (i < s->ncells && (trimmed(s, &s->cells[i], &n), n == 0)) i++;
  if (i == s->ncells) return 0;
  for (int lang = 0; lang < 2; lang++) {
    size_t k = 0;
    for (size_t j = i; j < s->ncells && s->cells[j].row == s->cells[i].row; j++) {
      const char *t = trimmed(s, &s->cells[j], &n);
      if (!n) continue;
      const char *h = k < GK__XLSX_FINDINGS_NCOLS ? gk__xlsx_findings_head[lang][k] : NULL;
      if (!h || strlen(h) != n || memcmp(h, t, n) != 0) break;
      k++;
    }
    if (k == GK__XLSX_FINDINGS_NCOLS) return 1;
  }
  return 0;
}

typedef struct {
  gk__grid *g;
  gk__xsheet *s;
  uint32_t *until, *start, *owner; /* per column: merged down to row until - 1 (0: none), from row start, by merge owner */
  uint32_t mincol, rowno, line;
  int open;                       /* the last block of the sheet is a ROW */
  uint32_t *rows;                 /* the rows laid out, in order */
  size_t nrows, caprows;
} lay;

/* One place of a row: a cell (c, may be NULL) and/or a merge's top left (m, may be NULL). */
typedef struct {
  const gk__xcell *c;
  gk__xmerge *m;
  uint32_t x;
} place;

/* The next place of a row in column order: its cells [*ci, cj), the merged
 * ranges [*mi, mj) that start in it and still own their top left; 0 at the end. */
static int next_place(lay *l, size_t *ci, size_t cj, size_t *mi, size_t mj, place *p) {
  gk__xmerge *ms = l->s->merges;
  while (*mi < mj && l->owner[ms[*mi].c0] != (uint32_t)(*mi)) (*mi)++; /* overlapped by a later range */
  uint32_t xc = *ci < cj ? l->s->cells[*ci].col : NONE, xm = *mi < mj ? ms[*mi].c0 : NONE;
  if (xc == NONE && xm == NONE) return 0;
  p->x = xc < xm ? xc : xm;
  p->c = xc == p->x ? &l->s->cells[(*ci)++] : NULL;
  p->m = xm == p->x ? &ms[(*mi)++] : NULL;
  return 1;
}

/* Is column x of row r hidden under a merged range (not its top left)? */
static int hidden(const lay *l, uint32_t r, uint32_t x, const place *p) {
  return l->until[x] > r && l->start[x] <= r && !p->m;
}

/* Row r's places: do any hold something (text or a range), and is the row
 * one text cell, no blank cell beside it, no span down (a paragraph)? */
static int row_para(lay *l, uint32_t r, size_t ci, size_t cj, size_t mi, size_t mj, int spanned,
                    int *any) {
  place p, one = {0};
  int items = 0, blanks = 0;
  size_t n;
  while (next_place(l, &ci, cj, &mi, mj, &p)) {
    if (p.x < l->mincol || hidden(l, r, p.x, &p)) continue;
    if (p.m || (p.c && (trimmed(l->s, p.c, &n), n))) items++, one = p;
    else blanks++;
  }
  *any = items > 0 || spanned;
  if (items != 1 || blanks || spanned || !one.c || (one.m && one.m->r1 > one.m->r0)) return 0;
  const char *t = trimmed(l->s, one.c, &n);
  int64_t num;
  return n && gk__grid_classify(t, n, &num) == 0;
}

/* Apply the merged ranges starting at row r. */
static void apply_merges(lay *l, size_t mi, size_t mj) {
  for (size_t i = mi; i < mj; i++) {
    const gk__xmerge *m = &l->s->merges[i];
    for (uint32_t x = m->c0; x <= m->c1; x++) {
      l->until[x] = m->r1 + 1;
      l->start[x] = m->r0;
      l->owner[x] = (uint32_t)i;
    }
  }
}

static void emit_row(lay *l, uint32_t r, uint32_t table, size_t ci, size_t cj, size_t mi, size_t mj) {
  if (!l->open) l->rowno = 0;
  gk__gpos rp = {l->line, 0};
  gk__grid_row(l->g, GK__BLK_ROW, table, ++l->rowno, rp);
  l->open = 1;
  place p;
  uint32_t next = 0;
  while (next_place(l, &ci, cj, &mi, mj, &p)) {
    if (p.x < l->mincol || p.x - l->mincol < next || hidden(l, r, p.x, &p)) continue;
    uint32_t x = p.x - l->mincol;
    uint16_t cs = 1;
    if (p.m) {
      uint32_t w = p.m->c1 - p.m->c0 + 1;
      cs = (uint16_t)(w > GK__DOC_MAX_COLSPAN ? GK__DOC_MAX_COLSPAN : w);
      p.m->gcell = (uint32_t)l->g->ncells;
    }
    gk__gpos pos = {l->line, p.x + 1};
    gk__grid_cell(l->g, p.c ? ctext(l->s, p.c) : "", p.c ? p.c->len : 0, x, 1, cs, 0, pos);
    next = x + cs;
  }
}

/* A range's rowspan: the rows laid out from its first to its last. */
static void set_rowspans(lay *l) {
  for (size_t i = 0; i < l->s->nmerges && !l->g->err; i++) {
    const gk__xmerge *m = &l->s->merges[i];
    if (m->gcell == NONE || m->gcell >= l->g->ncells) continue;
    size_t lo = 0, hi = l->nrows; /* the first laid-out row past r1 */
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (l->rows[mid] <= m->r1) lo = mid + 1;
      else hi = mid;
    }
    size_t a = 0, b = l->nrows; /* the first laid-out row at or past r0 */
    while (a < b) {
      size_t mid = a + (b - a) / 2;
      if (l->rows[mid] < m->r0) a = mid + 1;
      else b = mid;
    }
    size_t k = lo > a ? lo - a : 1;
    l->g->cells[m->gcell].rowspan = (uint16_t)(k > GK__DOC_MAX_ROWSPAN ? GK__DOC_MAX_ROWSPAN : k);
  }
}

static int lay_rows(lay *l, uint32_t *table) {
  gk__xsheet *s = l->s;
  size_t ci = 0, mi = 0;
  uint32_t spanned_to = 0; /* rows below this one are covered by no range started above */
  while (ci < s->ncells || mi < s->nmerges) {
    uint32_t r = ci < s->ncells ? s->cells[ci].row : NONE;
    if (mi < s->nmerges && s->merges[mi].r0 < r) r = s->merges[mi].r0;
    size_t cj = ci, mj = mi;
    while (cj < s->ncells && s->cells[cj].row == r) cj++;
    while (mj < s->nmerges && s->merges[mj].r0 == r) mj++;
    int spanned = spanned_to > r, any = 0;
    apply_merges(l, mi, mj);
    for (size_t i = mi; i < mj; i++)
      if (s->merges[i].r1 + 1 > spanned_to && s->merges[i].r1 > r) spanned_to = s->merges[i].r1 + 1;
    l->line = (s->sheetno > 0xffff ? 0xffffu : s->sheetno) << 16 | (r + 1 > 0xffff ? 0xffffu : r + 1);
    int para = row_para(l, r, ci, cj, mi, mj, spanned, &any);
    if (para) {
      size_t n;
      const char *t = NULL;
      for (size_t i = ci; i < cj && !t; i++) /* the one text cell */
        if (s->cells[i].col >= l->mincol && (trimmed(s, &s->cells[i], &n), n))
          t = ctext(s, &s->cells[i]), n = s->cells[i].len;
      gk__gpos pos = {l->line, 0};
      gk__grid_para(l->g, GK__BLK_PARA, 0, t ? t : "", t ? n : 0, pos);
      l->open = 0;
    } else if (any) {
      if (!l->open) ++*table;
      emit_row(l, r, *table, ci, cj, mi, mj);
      if (l->nrows == l->caprows) {
        size_t nc = l->caprows ? l->caprows * 2 : 64;
        uint32_t *q = gk__realloc(l->rows, nc * sizeof *q);
        if (!q) return GK_ENOMEM;
        l->rows = q;
        l->caprows = nc;
      }
      l->rows[l->nrows++] = r;
    }
    ci = cj;
    mi = mj;
    if (l->g->err) return l->g->err;
  }
  set_rowspans(l);
  return l->g->err;
}

int gk__xlsx_sheet_grid(gk__grid *g, gk__xsheet *s, uint32_t *table) {
  sort_cells(s);
  if (s->nmerges) qsort(s->merges, s->nmerges, sizeof *s->merges, cmp_merge);
  if (findings_sheet(s)) return GK_OK;
  lay l;
  memset(&l, 0, sizeof l);
  l.g = g, l.s = s, l.mincol = NONE;
  size_t n;
  for (size_t i = 0; i < s->ncells; i++)
    if (s->cells[i].col < l.mincol && (trimmed(s, &s->cells[i], &n), n)) l.mincol = s->cells[i].col;
  for (size_t i = 0; i < s->nmerges; i++)
    if (s->merges[i].c0 < l.mincol) l.mincol = s->merges[i].c0;
  if (l.mincol == NONE) return GK_OK; /* no text: nothing to read */
  l.until = gk__calloc(GK__DOC_MAX_COLS, sizeof *l.until);
  l.start = gk__calloc(GK__DOC_MAX_COLS, sizeof *l.start);
  l.owner = gk__malloc(GK__DOC_MAX_COLS * sizeof *l.owner);
  int rc = l.until && l.start && l.owner ? GK_OK : GK_ENOMEM;
  if (!rc) {
    memset(l.owner, 0xff, GK__DOC_MAX_COLS * sizeof *l.owner);
    rc = lay_rows(&l, table);
  }
  gk__free(l.until);
  gk__free(l.start);
  gk__free(l.owner);
  gk__free(l.rows);
  return rc;
}
