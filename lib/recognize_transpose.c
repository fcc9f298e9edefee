/* SPDX-License-Identifier: MIT */
/* libgkreport: tables printed with their axes swapped, and columns that are
 * no columns (recognize_int.h).
 *
 * A table is transposed when its header names the table's ROWS (行政复议,
 * 未经复议直接起诉, 复议后起诉 over the columns) and the label of each row of
 * values names one of its COLUMNS (结果维持 … 总计): each value is then the
 * cell (the row its header column names, the column its row's label names).
 * The labels decide, never the count of values: a header naming rows over
 * rows of values that do not all fit is undecided, and the table is left
 * blank with import.ambiguous rather than read in reading order.
 *
 * A column empty in every row of its table, its header cell included (a
 * converter's trailing "| |"), is no column: its empty cells are no blank
 * cells of the table. */
#include <string.h>
#include "recognize_int.h"

/* ------------------------------------------------------------ empty columns */

/* A row of a table: a grid row of two cells or more. */
static const gk__gblock *table_row(const walk *w, const tline *l) {
  if (!w->g || l->blk >= w->g->nblocks) return NULL;
  const gk__gblock *b = &w->g->blocks[l->blk];
  return b->kind == GK__BLK_ROW && b->ncells >= 2 ? b : NULL;
}

static int row_has_value(const gk__grid *g, const gk__gblock *b) {
  for (uint32_t k = 0; k < b->ncells; k++)
    if (g->cells[b->first + k].flags & GK__CELL_VALUE) return 1;
  return 0;
}

/* A Markdown alignment row ("|---|:--:|"): its cells dashes and colons. */
static int rule_row(const gk__grid *g, const gk__gblock *b) {
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &g->cells[b->first + k];
    const char *p = gk__grid_text(g, c->off);
    for (uint32_t i = 0; i < c->len; i++)
      if (p[i] != '-' && p[i] != ':') return 0;
  }
  return 1;
}

/* Does block j belong to the table of row b: a row of its grid table, or for
 * lines of no table (TAB lines, table 0) a line of two cells or more next to
 * it (a blank line or a line of prose ends them)? */
static int same_table(const gk__grid *g, size_t j, const gk__gblock *b) {
  const gk__gblock *o = &g->blocks[j];
  return o->kind == GK__BLK_ROW && o->table == b->table && (b->table || o->ncells >= 2);
}

/* The columns (bit x) of the table of blocks [lo, hi) that hold no text in
 * any of its rows, when one of those rows is a header (two cells of text, no
 * value): its column blank in the header too. Lines of no table (TAB lines,
 * table 0) only when every one has as many cells: a line with two label cells
 * ("三、本年度办理结果\t（一）予以公开\t…") has its columns one to the right. */
static uint64_t empty_cols(const gk__grid *g, size_t lo, size_t hi) {
  uint64_t used = 0, seen = 0;
  int header = 0;
  uint32_t width = 0;
  for (size_t j = lo; j < hi; j++) {
    const gk__gblock *b = &g->blocks[j];
    if (rule_row(g, b)) continue;
    if (b->table == 0 && width && b->ncells != width) return 0; /* TAB lines align only when as wide */
    width = b->ncells;
    size_t text = 0;
    for (uint32_t k = 0; k < b->ncells; k++) {
      const gk__gcell *c = &g->cells[b->first + k];
      for (uint32_t x = c->x; x < c->x + c->colspan && x < 64; x++) {
        seen |= (uint64_t)1 << x;
        if (c->len) used |= (uint64_t)1 << x;
      }
      text += c->len != 0;
    }
    header |= text >= 2 && !row_has_value(g, b);
  }
  return header ? seen & ~used : 0;
}

int gk__rec_empty_col(walk *w, const gk__gblock *b, uint32_t x) {
  const gk__grid *g = w->g;
  if (x >= 64 || b->kind != GK__BLK_ROW || !g || b < g->blocks || b >= g->blocks + g->nblocks) return 0;
  size_t bi = (size_t)(b - g->blocks);
  if (!w->ecol_known || bi < w->ecol_lo || bi >= w->ecol_hi) { /* each table's blocks once */
    size_t lo = bi, hi = bi + 1;
    while (lo > 0 && same_table(g, lo - 1, b)) lo--;
    while (hi < g->nblocks && same_table(g, hi, b)) hi++;
    w->ecol_mask = empty_cols(g, lo, hi);
    w->ecol_lo = lo, w->ecol_hi = hi, w->ecol_known = 1;
  }
  return (w->ecol_mask >> x) & 1;
}

/* ------------------------------------------------------------ transposed tables */

/* The one row of the current table a header cell's text names (a wording of
 * it contained, and no column's), else -1. */
static int names_row(walk *w, const char *p, size_t n, gk__buf *nb) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (gk__rec_cols_match(w, p, n) >= 0) return -1;
  nb->len = 0;
  gk__labels_norm(w->L, nb, p, n);
  if (nb->err) {
    w->rc = GK_ENOMEM;
    return -1;
  }
  int row = -1;
  size_t end = 0;
  for (size_t r = 0; r < td->nrows && nb->len; r++) {
    if (!(td->rows[r].flags & GK_ROW_STORED) || gk__rec_row_match(w, r, nb->data, nb->len, 0, &end) != 2)
      continue;
    if (row >= 0) return -1; /* two rows: none */
    row = (int)r;
  }
  return row;
}

/* The header rows' map: hx[x] the row column x is under (-1 none). A cell of
 * one column names its column whatever a wider cell above said. *cols set
 * when a header cell names a column (the table is printed the right way). */
typedef struct {
  int hx[GK__COLMAP_W];
  uint32_t first;  /* the first column under a row's name */
  size_t nrows;    /* distinct rows named */
  int cols;        /* a header cell names a column */
} hmap;

static void head_row(walk *w, const gk__gblock *b, hmap *h, gk__buf *nb) {
  for (uint32_t k = 0; k < b->ncells && !w->rc; k++) {
    const gk__gcell *c = &w->g->cells[b->first + k];
    if (!c->len) continue;
    const char *p = gk__grid_text(w->g, c->off);
    if (h->cols || gk__rec_cols_match(w, p, c->len) >= 0) { /* a column named: printed the right way */
      h->cols = 1;
      continue;
    }
    int r = names_row(w, p, c->len, nb);
    for (uint32_t x = c->x; r >= 0 && x < c->x + c->colspan && x < GK__COLMAP_W; x++)
      if (h->hx[x] < 0 || c->colspan == 1) h->hx[x] = r;
  }
  uint64_t named = 0;
  h->first = GK__COLMAP_W;
  for (uint32_t x = 0; x < GK__COLMAP_W; x++)
    if (h->hx[x] >= 0) named |= (uint64_t)1 << h->hx[x], h->first = x < h->first ? x : h->first;
  h->nrows = 0;
  for (; named; named &= named - 1) h->nrows++;
}

/* The column a row of values names by its label cells (left of the header's
 * first named column), -1 none or several. */
static int row_col(walk *w, const gk__gblock *b, uint32_t first) {
  int col = -1;
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &w->g->cells[b->first + k];
    if (c->x >= first || !c->len || (c->flags & GK__CELL_VALUE)) continue;
    int m = gk__rec_cols_match(w, gk__grid_text(w->g, c->off), c->len);
    if (m >= 0 && col >= 0 && m != col) return -1;
    if (m >= 0) col = m;
  }
  return col;
}

/* A row of values of a transposed table into cells[] (one slot per cell of
 * the table, kind -1 unset): 1 each value under a named column, in a cell its
 * row has, once; 0 it does not fit. */
static int body_row(walk *w, const gk__gblock *b, const tline *l, const hmap *h, int col, slot *cells) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &w->g->cells[b->first + k];
    int r = c->x < GK__COLMAP_W ? h->hx[c->x] : -1;
    if (c->x < h->first) {
      if (c->flags & GK__CELL_VALUE && c->len) return 0; /* a number beside the label */
      continue;
    }
    if (r < 0 || c->colspan != 1) {
      if (c->len) return 0;
      continue;
    }
    if (c->len && !(c->flags & GK__CELL_VALUE)) return 0;
    slot *s = &cells[(size_t)r * td->ncols + (size_t)col];
    if (s->kind >= 0) return 0; /* the cell twice */
    if (!(td->rows[r].colmask & (1u << col))) {
      if (c->len) return 0; /* a value in a cell the row has not */
      continue;
    }
    *s = (slot){gk__grid_text(w->g, c->off), c->len, l->line, c->len ? SLOT_VALUE : SLOT_EMPTY, b->first + k + 1};
  }
  return 1;
}

/* The region read as a transposed table into cells[]: 1 read, 0 not
 * transposed (no header naming rows over a row of values labelled by a
 * column), -1 transposed but some row does not fit (*at its line). */
static int read_region(walk *w, slot *cells, uint32_t *at) {
  hmap h;
  gk__buf nb;
  gk__buf_init(&nb);
  memset(h.hx, -1, sizeof h.hx), h.cols = 0, h.nrows = 0, h.first = GK__COLMAP_W;
  int state = 0, in_head = 0; /* 0 before, 1 in the body, 2 after it */
  size_t placed = 0;
  uint32_t last = UINT32_MAX;
  for (size_t i = 0; i < w->nreg && !w->rc; i++) {
    const gk__gblock *b = table_row(w, &w->reg[i]);
    if (!b || w->reg[i].blk == last) continue;
    last = w->reg[i].blk;
    int values = row_has_value(w->g, b);
    if (!values && state == 0) { /* a header row: a new header unless it continues one */
      if (!in_head) memset(h.hx, -1, sizeof h.hx), h.cols = 0;
      in_head = 1;
      head_row(w, b, &h, &nb);
      continue;
    }
    in_head = 0;
    int col = h.nrows >= 2 && !h.cols ? row_col(w, b, h.first) : -1;
    if (!values && (state != 1 || col < 0)) { /* in the body, a labelled row of blank cells is one of it */
      state = state == 1 ? 2 : state;
      continue;
    }
    if (state == 0 && col < 0) break; /* values under no header naming rows: not transposed */
    *at = w->reg[i].line;
    if (state == 2 || col < 0 || !body_row(w, b, &w->reg[i], &h, col, cells)) {
      gk__buf_free(&nb);
      return -1;
    }
    state = 1, placed++;
  }
  gk__buf_free(&nb);
  return state && placed >= 2 ? 1 : state ? -1 : 0;
}

int gk__rec_transposed(walk *w) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t n = td->nrows * td->ncols;
  if (!w->g || n == 0) return 0;
  slot *cells = gk__malloc(n * sizeof *cells);
  if (!cells) return w->rc = GK_ENOMEM, 0;
  for (size_t i = 0; i < n; i++) cells[i].kind = -1;
  uint32_t at = w->nreg ? w->reg[0].line : 0;
  int rd = read_region(w, cells, &at);
  if (rd == 1) {
    for (size_t i = 0; i < n && !w->rc; i++)
      if (cells[i].kind >= 0) gk__rec_put(w, i / td->ncols, i % td->ncols, &cells[i]), w->done[i / td->ncols] = 1;
  } else if (rd < 0 && !w->rc) {
    for (size_t i = 0; i < n; i++) /* the table is there, its cells blank */
      if (td->rows[i / td->ncols].colmask & (1u << (i % td->ncols)))
        gk_report_set_line(w->r, w->t, i / td->ncols, i % td->ncols, at);
    for (size_t r = 0; r < td->nrows; r++) w->done[r] = 2;
    gk__buf zh, en;
    gk__buf_init(&zh), gk__buf_init(&en);
    gk__buf_printf(&zh, "%s表的表头列出的是行（行列互换），但有一行数值不能按其标签放入单元格，无法确定各单元格，已留空",
                   gk__tables[w->t].zh);
    gk__buf_printf(&en, "table %s is printed with rows and columns swapped (its header names rows), but a row "
                   "of values does not fit its labels: the cells are ambiguous, left blank", gk__tables[w->t].en);
    gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.ambiguous", at, &zh, &en);
  }
  gk__free(cells);
  return rd != 0;
}

/* ------------------------------------------------------------ table 四 by position */

/* The value of the table's cell (row r, column c) from its slots printed in
 * reading order (transposed: column after column); a blank or a dash ("-",
 * "—", no count) as 0, as the relations read a blank. */
static int64_t order_value(const slot *s, size_t nrows, size_t ncols, size_t r, size_t c, int transposed) {
  const slot *v = &s[transposed ? c * nrows + r : r * ncols + c];
  int64_t x = 0;
  return v->kind == SLOT_VALUE && gk__grid_plain_count(v->p, v->n, &x) ? x : 0;
}

/* The rows of the table whose per-row relations fail when the n slots are its
 * cells in that order. */
static long order_misfits(const walk *w, const slot *s, int transposed) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  long bad = 0;
  for (size_t k = 0; k < w->ed->nrelations; k++) {
    const gk__relation *rel = &w->ed->relations[k];
    if (rel->table != w->t || rel->axis != GK__PER_ROW) continue;
    for (size_t r = 0; r < td->nrows; r++) {
      if (rel->line_flags && !(td->rows[r].flags & rel->line_flags)) continue;
      int64_t sum = 0;
      for (size_t i = 0; i < rel->nterms; i++) {
        sum += rel->terms[i].coef * order_value(s, td->nrows, td->ncols, r, (size_t)rel->terms[i].index, transposed);
      }
      bad += sum != 0;
    }
  }
  return bad;
}

/* A cell of the region naming a row or a column of the table: labels to go by. */
static int region_labelled(walk *w) {
  gk__buf nb;
  gk__buf_init(&nb);
  int any = 0;
  uint32_t last = UINT32_MAX;
  for (size_t i = 0; i < w->nreg && !any && !w->rc; i++) {
    const tline *l = &w->reg[i];
    if (!w->g || l->blk >= w->g->nblocks || l->blk == last) continue;
    const gk__gblock *b = &w->g->blocks[last = l->blk];
    for (uint32_t k = 0; b->kind == GK__BLK_ROW && k < b->ncells && !any; k++) {
      const gk__gcell *c = &w->g->cells[b->first + k];
      const char *p = gk__grid_text(w->g, c->off);
      any = c->len && !(c->flags & GK__CELL_VALUE) &&
            (gk__rec_cols_match(w, p, c->len) >= 0 || names_row(w, p, c->len, &nb) >= 0);
    }
  }
  gk__buf_free(&nb);
  return any;
}

int gk__rec_review_order(walk *w, slot *s, size_t n) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (n != td->nrows * td->ncols || n > GK__SPLIT_MAXCELLS) return 0;
  long read = order_misfits(w, s, 0), swapped = order_misfits(w, s, 1);
  if (read <= 0 || swapped != 0) return 0; /* as printed fits, or nothing fits better */
  int labelled = region_labelled(w);
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  if (labelled) {
    gk__buf_printf(&zh, "%s表按阅读顺序有%ld行总计不等于各项之和，按行列互换读则全部相符，但表中的标签按阅读顺序排列："
                   "无法确定各单元格，已留空", gk__tables[w->t].zh, read);
    gk__buf_printf(&en, "table %s: read in reading order, %ld row totals do not add up; read with rows and "
                   "columns swapped, all do, but its labels are in reading order: the cells are ambiguous, "
                   "left blank", gk__tables[w->t].en, read);
  } else {
    slot t[GK__SPLIT_MAXCELLS];
    for (size_t r = 0; r < td->nrows; r++)
      for (size_t c = 0; c < td->ncols; c++) t[r * td->ncols + c] = s[c * td->nrows + r];
    memcpy(s, t, n * sizeof *s);
    gk__buf_printf(&zh, "%s表的数值没有行列标签：按阅读顺序有%ld行总计不等于各项之和，按行列互换（逐列排列）"
                   "则全部相符，已按行列互换读取", gk__tables[w->t].zh, read);
    gk__buf_printf(&en, "table %s has no labels by its values: read in reading order, %ld row totals do not "
                   "add up; read column after column (rows and columns swapped), all do: read so",
                   gk__tables[w->t].en, read);
  }
  gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.ambiguous", s[0].line, &zh, &en);
  return labelled ? -1 : 1;
}
