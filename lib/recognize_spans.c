/* SPDX-License-Identifier: MIT */
/* libgkreport: merged cells whose text a converter repeated in every cell
 * they span (docling, pandas' read_html to Markdown, Excel's "unmerge and
 * fill"), read as the spans they are (issue 11). The recognizer reads a view
 * of the grid in which a repeat is a blank cell, the form a converter that
 * keeps spans blank writes (and that reads right):
 *
 *  - across: in a header row (no value in it), adjacent cells with the same
 *    text that the format knows (a declared column, a group of columns) are
 *    one header over those columns: the first keeps the text, the others are
 *    blank. Equal words the format does not know stay apart;
 *  - under a header: a row of values whose cells under a merged header naming
 *    ONE declared column
 *    (the lowest header row with text over each of its columns: stacked
 *    header rows, spans down included) are all the same value holds ONE
 *    value: the first keeps it. When they differ the row holds no one value
 *    there: every cell of the run is blank and flagged GK__CELL_SPANDIFF (num:
 *    the length of its text, still at off), and the table walk says
 *    import.ambiguous naming them (gk__rec_spans_say), never picking one.
 *
 * With no header of its own over it, a row's last value repeated under the
 * columns its declared row has no cell in (行政许可 with one cell, printed
 * under three columns) is one value too (gk__rec_spans_row_cut, in the walk:
 * the label says which row).
 *
 * Equal values under headers of their own (| 0 | 0 | 0 | in table 三) stay
 * apart: only the header's structure merges values, never equality alone.
 * Down a column nothing changes: a row label or a header cell repeated in the
 * rows below reads as it stands. The rows of a table are a grid table's
 * (table > 0) or a text grid's run of TAB lines; cells apart by space gaps
 * (pdftotext -layout) have no columns and are left alone. */
#include <string.h>
#include "recognize_int.h"

static int same_text(const gk__grid *g, const gk__gcell *a, const gk__gcell *b) {
  return a->len && a->len == b->len && memcmp(gk__grid_text(g, a->off), gk__grid_text(g, b->off), a->len) == 0;
}

static int is_value(const gk__gcell *c) { return (c->flags & GK__CELL_VALUE) != 0; }

/* Are cells a and b (a right before b in a row) side by side: b's column the
 * one after a's span? */
static int adjacent(const gk__gcell *a, const gk__gcell *b) { return a->x + a->colspan == b->x; }

/* A row whose cells are columns: a grid table's, or a text grid's TAB line. */
static int columns_row(const gk__grid *g, const gk__gblock *b) {
  if (b->kind != GK__BLK_ROW || b->ncells < 2) return 0;
  if (b->table || !g->src) return 1;
  return b->soff + b->slen <= g->nsrc && memchr(g->src + b->soff, '\t', b->slen) != NULL;
}

/* Does the grid hold a repeat at all (two side-by-side cells of a row with the
 * same text)? Most grids do not, and are read as they are. */
static int has_repeat(const gk__grid *g) {
  for (size_t i = 0; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    if (!columns_row(g, b)) continue;
    for (uint32_t k = 1; k < b->ncells; k++) {
      const gk__gcell *p = &g->cells[b->first + k - 1], *c = p + 1;
      if (adjacent(p, c) && same_text(g, p, c)) return 1;
    }
  }
  return 0;
}

static void blank(gk__gcell *c) {
  c->len = 0, c->num = 0;
  c->flags &= ~(uint32_t)GK__CELL_CLASS;
}

/* A table's header as far as read: per laid-out column x, the header row that
 * is the lowest with text over x (its index, + 1; 0 none), the first column
 * of the run of equal cells there that x lies in, and whether that run names
 * one declared column (its values span it). */
typedef struct {
  uint32_t row[GK__COLMAP_W];
  uint32_t from[GK__COLMAP_W];
  uint8_t one[GK__COLMAP_W];
  int open; /* the last row was a header row: the next one stacks under it */
  walk *w;  /* scratch, for gk__rec_cols_known */
} heads;

/* Cells k.. of row b side by side with the same text as cell k: one past
 * the last of them. */
static uint32_t run_end(const gk__grid *v, const gk__gblock *b, uint32_t k) {
  const gk__gcell *c = &v->cells[b->first];
  uint32_t j = k + 1;
  while (j < b->ncells && adjacent(&c[j - 1], &c[j]) && same_text(v, &c[k], &c[j])) j++;
  return j;
}

/* Row b (number n in its table), a header row: over the stack when the row
 * above was one, else a new header. A run of equal cells whose text the
 * format knows (a column, a group of them: gk__rec_cols_known) is one cell
 * over its columns: the first keeps the text. Equal words the format does
 * not know stay apart (a header cut short, "本年新 | 本年新"). */
static void header_row(gk__grid *v, const gk__gblock *b, uint32_t n, heads *h) {
  if (!h->open) {
    walk *w = h->w;
    memset(h, 0, sizeof *h);
    h->w = w;
  }
  h->open = 1;
  for (uint32_t k = 0; k < b->ncells;) {
    gk__gcell *c = &v->cells[b->first + k];
    uint32_t j = c->len ? run_end(v, b, k) : k + 1;
    int known = j > k + 1 ? gk__rec_cols_known(h->w, gk__grid_text(v, c->off), c->len) : 0;
    if (j > k + 1 && !known) j = k + 1;
    const gk__gcell *last = &v->cells[b->first + j - 1];
    for (uint32_t x = c->x; c->len && x < last->x + last->colspan && x < GK__COLMAP_W; x++)
      h->row[x] = n, h->from[x] = c->x, h->one[x] = known == 2;
    for (uint32_t i = k + 1; i < j; i++) blank(&v->cells[b->first + i]);
    k = j;
  }
}

/* Cells k.. of row b under one merged header (the same lowest header row and
 * run, side by side, one column each): one past the last of them. */
static uint32_t under_end(const gk__grid *v, const gk__gblock *b, uint32_t k, const heads *h) {
  const gk__gcell *c = &v->cells[b->first];
  uint32_t x = c[k].x, j = k + 1;
  if (x >= GK__COLMAP_W || !h->row[x] || !h->one[x] || c[k].colspan != 1) return j;
  while (j < b->ncells && adjacent(&c[j - 1], &c[j]) && c[j].colspan == 1 && c[j].x < GK__COLMAP_W &&
         h->row[c[j].x] == h->row[x] && h->from[c[j].x] == h->from[x])
    j++;
  return j;
}

/* Cells [k, j) of a row of values under one merged header: one value when
 * they are all the same (the first keeps it), none when values differ (each
 * blank, flagged, its length in num); left as they are when one is blank or
 * no value (a blank-spanned form, a label). */
static void merge_values(gk__grid *v, const gk__gblock *b, uint32_t k, uint32_t j) {
  gk__gcell *c = &v->cells[b->first];
  int same = 1;
  for (uint32_t i = k; i < j; i++) {
    if (!c[i].len || !is_value(&c[i])) return;
    same &= same_text(v, &c[k], &c[i]);
  }
  for (uint32_t i = k + !!same; i < j; i++) {
    if (!same) c[i].flags |= GK__CELL_SPANDIFF;
    int64_t len = c[i].len;
    blank(&c[i]);
    if (!same) c[i].num = len;
  }
}

/* Row b, a row with values: its cells under a header naming one column over
 * several read as one value (merge_values). Its labels stand as they are (a
 * label repeated across the label columns reads as it stands). */
static void value_row(gk__grid *v, const gk__gblock *b, heads *h) {
  h->open = 0;
  for (uint32_t k = 0; k < b->ncells;) {
    uint32_t j = under_end(v, b, k, h);
    if (j > k + 1) merge_values(v, b, k, j);
    k = j;
  }
}

/* A row of rules (a Markdown alignment row "|---|--:|", a border): every
 * cell of '-', ':', '=' and '+' only. Layout: neither header nor values. */
static int rule_row(const gk__grid *g, const gk__gblock *b) {
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &g->cells[b->first + k];
    const char *p = gk__grid_text(g, c->off);
    for (uint32_t i = 0; i < c->len; i++)
      if (!strchr("-:=+", p[i])) return 0;
  }
  return 1;
}

/* The rows of the grid's tables, one table after another (a grid table's
 * rows; a text grid's run of TAB lines, each run a table). */
static void unrepeat(gk__grid *v, walk *w) {
  heads h;
  memset(&h, 0, sizeof h);
  h.w = w;
  uint32_t table = 0, n = 0;
  int in = 0;
  for (size_t i = 0; i < v->nblocks; i++) {
    const gk__gblock *b = &v->blocks[i];
    if (!columns_row(v, b)) {
      if (b->kind != GK__BLK_ROW || !b->table) in = 0; /* a row of one cell stays in its table */
      continue;
    }
    if (!in || b->table != table) memset(&h, 0, offsetof(heads, w)), n = 0;
    if (rule_row(v, b)) continue;
    in = 1, table = b->table, n++;
    size_t vals = 0, text = 0;
    for (uint32_t k = 0; k < b->ncells; k++) {
      const gk__gcell *c = &v->cells[b->first + k];
      vals += is_value(c), text += c->len != 0;
    }
    if (vals) value_row(v, b, &h);
    else if (text) header_row(v, b, n, &h);
  }
}

int gk__rec_spans(const gk__labels *L, const gk__grid *g, gk__grid *view) {
  if (g->err || !has_repeat(g)) return 0;
  walk *w = gk__malloc(sizeof *w);
  *view = *g;
  view->cells = gk__malloc(g->ncells * sizeof *g->cells);
  if (!view->cells || !w) {
    gk__free(view->cells), gk__free(w);
    return GK_ENOMEM;
  }
  walk_init(w);
  w->L = L;
  memcpy(view->cells, g->cells, g->ncells * sizeof *g->cells);
  view->capcells = g->ncells;
  unrepeat(view, w);
  gk__free(w);
  return 1;
}

void gk__rec_spans_say(walk *w, const tline *l, const gk__gblock *b) {
  const gk__gcell *c = &w->g->cells[b->first];
  uint32_t k = 0;
  while (k < b->ncells && !(c[k].flags & GK__CELL_SPANDIFF)) k++;
  if (k == b->ncells) return;
  gk__buf zh, en, vals;
  gk__buf_init(&zh), gk__buf_init(&en), gk__buf_init(&vals);
  for (uint32_t i = k; i < b->ncells && (c[i].flags & GK__CELL_SPANDIFF); i++) {
    if (i > k) gk__buf_puts(&vals, " / ");
    gk__buf_put(&vals, gk__grid_text(w->g, c[i].off), (size_t)c[i].num);
  }
  const char *v = vals.data ? vals.data : "";
  unsigned shown = (unsigned)gk__rec_src_line(w, l->line);
  gk__buf_printf(&zh, "第%u行（%s表）：同一合并表头下的各格数值不同（%s），无法确定是哪一个，这些格已留空", shown,
                 gk__tables[w->t].zh, v);
  gk__buf_printf(&en, "line %u (table %s): the cells under one merged header hold different values (%s); "
                 "which one is meant cannot be told, so they are left blank", shown, gk__tables[w->t].en, v);
  gk__buf_free(&vals);
  gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.ambiguous", l->line, &zh, &en);
}

/* The one stored row of the current table whose wording the label text ends
 * with, or nrows (none, or several). */
static size_t named_row(const walk *w) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  const char *lab = w->lab.data ? w->lab.data : "";
  size_t found = td->nrows;
  for (size_t r = 0; r < td->nrows; r++) {
    size_t end = 0;
    if (!(td->rows[r].flags & GK_ROW_STORED) || gk__rec_row_match(w, r, lab, w->lab.len, 0, &end) != 2) continue;
    if (end < w->lab.len) continue; /* a wording inside a longer label names no row */
    if (found < td->nrows) return td->nrows;
    found = r;
  }
  return found;
}

uint32_t gk__rec_spans_row_cut(const walk *w, const gk__gblock *b, uint32_t k) {
  const gk__gcell *c = &w->g->cells[b->first];
  if (w->t == GK_TABLE_REVIEW || !w->lab.len || b->kind != GK__BLK_ROW) return 0;
  for (uint32_t i = k; i < b->ncells; i++)
    if (!c[i].len || !is_value(&c[i]) || c[i].colspan != 1 || (i > k && !adjacent(&c[i - 1], &c[i]))) return 0;
  uint32_t m = b->ncells - k, n = 0;
  if (m < 2 || !same_text(w->g, &c[b->ncells - 2], &c[b->ncells - 1])) return 0; /* no repeat at the end: cheap */
  size_t row = named_row(w);
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (row >= td->nrows) return 0;
  for (size_t col = 0; col < td->ncols; col++) n += (td->rows[row].colmask >> col) & 1u;
  if (!n || m <= n) return 0;
  for (uint32_t i = k + n; i < b->ncells; i++) /* the last value and its repeats */
    if (!same_text(w->g, &c[k + n - 1], &c[i])) return 0;
  return m - n;
}
