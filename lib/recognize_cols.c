/* SPDX-License-Identifier: MIT */
/* libgkreport: a table's columns by their header labels (architecture.md
 * "Importing documents"; issue 11 item 2).
 *
 * A row of the region with no value in it whose cells name the table's
 * declared columns (their labels and variants, normalised: schema_tables.c via
 * gk__labels; a cell may carry removable decoration besides: bracketed notes,
 * a declared unit, white space, Traditional characters: match_cell) is a
 * header row; rows right under it refine it (a two-level
 * header: 法人或其他组织 over its sub-columns; 行政复议 / 复议后起诉 over the five
 * columns of table 四). The map is per laid-out column (grid cell x, spans
 * counted). A data row as wide as the header then has its cells placed by it:
 * columns before the first named one are the label (a number there is a serial
 * number, 序号: ignored), columns after the last named one are ignored (备注,
 * 说明), a declared column the header leaves out stays blank. The header does
 * not decide (position rules as before) when it names fewer than two columns,
 * leaves a column inside the named ones unknown, names one twice, leaves more
 * than one out, has rows that do not line up, is of another width than the
 * row, or names the columns in the declared order anyway (blank header cells
 * after them saying nothing). A Markdown alignment row under a header neither
 * refines nor ends it. A header cell in the other edition's wording names the
 * column the declared cross-edition correspondences map it to (match_any);
 * another edition's column of none here is ignored like 备注 (and in table
 * 二, after the named ones, a blank cell of the row). */
#include <string.h>
#include "recognize_int.h"

void gk__rec_cols_reset(walk *w) { memset(&w->cols, 0, sizeof w->cols); }

/* Laid-out width of a row: one past its last cell's columns. */
static uint32_t row_width(const gk__grid *g, const gk__gblock *b) {
  uint32_t wd = 0;
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &g->cells[b->first + k];
    if (c->x + c->colspan > wd) wd = c->x + c->colspan;
  }
  return wd;
}

/* The declared column of table t in the edition of labels index e (ncols
 * columns) whose label (or a variant) the normalised text is exactly, else -1. */
static int match_col(const walk *w, int e, size_t ncols, const char *s, size_t n) {
  for (size_t c = 0; c < ncols && c < GK__MAX_COLS; c++)
    for (size_t v = 0; v < GK__NV; v++) {
      gk__span sp = w->L->col[e][w->t][c][v];
      if (sp.len && sp.len == n && memcmp(gk__labels_at(w->L, sp), s, n) == 0) return (int)c;
    }
  return -1;
}

/* The column of this edition's table that column c of edition `from`'s
 * corresponds to by the declared cross-edition correspondences (format.md
 * §8: every row declaring one alike), else -1. */
static int common_col(const walk *w, const gk__edition *from, size_t c) {
  const gk__table_decl *fd = &from->tables[w->t], *td = &w->ed->tables[w->t];
  int col = -1;
  for (size_t r = 0; r < fd->nrows; r++) {
    const char *k = gk__edition_common_col(w->t, fd->rows[r].key, fd->cols[c].key, from->id, w->ed->id);
    for (size_t i = 0; k && i < td->ncols; i++)
      if (strcmp(td->cols[i].key, k) == 0) {
        if (col >= 0 && col != (int)i) return -1; /* rows disagree: none */
        col = (int)i;
      }
  }
  return col;
}

/* The declared column a normalised header text names: this edition's label
 * or variant, else another edition's whose column corresponds to one here (a
 * 2019 本年新制作数量 over 2021 rows: issued). *foreign when it is another
 * edition's column that corresponds to none: a known column, not this
 * table's. -1 when none. */
static int match_any(const walk *w, int e, const char *s, size_t n, int *foreign) {
  int c = match_col(w, e, w->ed->tables[w->t].ncols, s, n);
  *foreign = 0;
  for (size_t oe = 0; c < 0 && !*foreign && oe < w->L->neds; oe++) {
    const gk__edition *other = gk__edition_get(gk_schema_edition_id(oe));
    int oc = (int)oe == e || !other ? -1 : match_col(w, (int)oe, other->tables[w->t].ncols, s, n);
    if (oc >= 0) c = common_col(w, other, (size_t)oc), *foreign = c < 0;
  }
  return c;
}

/* Table 四: the row a group cell names (行政复议, 未经复议直接起诉, 复议后起诉). */
static int match_group(const walk *w, int e, const char *s, size_t n) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (w->t != GK_TABLE_REVIEW) return -1;
  for (size_t r = 0; r < td->nrows && r < GK__LROWS; r++)
    for (size_t v = 0; v < GK__NV; v++) {
      gk__span sp = w->L->row[e][w->t][r][v];
      if (sp.len && sp.len == n && memcmp(gk__labels_at(w->L, sp), s, n) == 0) return (int)r;
    }
  return -1;
}

/* Brackets whose content is a note (ASCII, full-width, 【】, 〔〕): the
 * opening and closing forms, index for index. */
static const char *const opens[] = {"(", "\xef\xbc\x88", "[", "\xef\xbc\xbb", "\xe3\x80\x90", "\xe3\x80\x94"};
static const char *const closes[] = {")", "\xef\xbc\x89", "]", "\xef\xbc\xbd", "\xe3\x80\x91", "\xe3\x80\x95"};

/* The bracket at s[i..n): +1 opening, -1 closing, 0 none; its length in *len. */
static int bracket_at(const char *s, size_t n, size_t i, size_t *len) {
  for (size_t k = 0; k < sizeof opens / sizeof *opens; k++)
    for (int side = 0; side < 2; side++) {
      const char *b = side ? closes[k] : opens[k];
      size_t bl = strlen(b);
      if (i + bl <= n && memcmp(s + i, b, bl) == 0) return *len = bl, side ? -1 : 1;
    }
  return 0;
}

/* s[0..n) without its bracketed notes (nested ones too) into dst: its
 * length, 0 when nothing is removed or the brackets do not pair (a cell
 * cut inside a note keeps its text). */
static size_t strip_notes(char *dst, size_t cap, const char *s, size_t n) {
  size_t k = 0, len = 1;
  int depth = 0, removed = 0;
  for (size_t i = 0; i < n; i += len) {
    unsigned char c = (unsigned char)s[i];
    int b = c == '(' || c == ')' || c == '[' || c == ']' || c == 0xE3 || c == 0xEF ? bracket_at(s, n, i, &len) : 0;
    if (!b) len = 1;
    if (b > 0) depth++, removed = 1;
    if (b < 0 && --depth < 0) return 0;
    if (!b && !depth) {
      if (k + 1 >= cap) return 0;
      dst[k++] = s[i];
    }
  }
  return depth || !removed ? 0 : k;
}

/* The declared column (*grp: the row of table 四 a group cell names, -1;
 * *foreign: another edition's column of none here, match_any) a header cell names: its normalised text is a label or variant, or is one
 * once its removable decoration goes: bracketed notes (（件）, (指2020年…),
 * 【注】), a declared unit written after it (万元); white space, full-width
 * forms and Traditional characters go in normalising. -1 when none. */
static int match_cell(const walk *w, int e, const char *p, size_t n, int *grp, int *foreign) {
  char nb[160], sb[160];
  size_t nn = gk__text_norm_fixed(nb, sizeof nb, p, n), ul = 0;
  for (int pass = 0; pass < 2; pass++) {
    int col = match_any(w, e, nb, nn, foreign);
    *grp = col < 0 && !*foreign ? match_group(w, e, nb, nn) : -1;
    if (col >= 0 || *grp >= 0 || *foreign || pass) return col;
    size_t sn = strip_notes(sb, sizeof sb, p, n), before = nn;
    if (sn) nn = gk__text_norm_fixed(nb, sizeof nb, sb, sn);
    gk__unit_suffix(nb, nn, &ul);
    if (ul < nn) nn -= ul;
    if (nn == before && !sn) return -1; /* nothing removable */
  }
  return -1;
}

/* A cell that is one value: the grid's class (grid.h), set once by the reader. */
static int is_value_cell(const gk__gcell *c) { return (c->flags & GK__CELL_VALUE) != 0; }

static int has_value(const gk__grid *g, const gk__gblock *b) {
  for (uint32_t k = 0; k < b->ncells; k++)
    if (is_value_cell(&g->cells[b->first + k])) return 1;
  return 0;
}

/* A row of rules: every cell with text of '-' and ':' only (a Markdown
 * alignment row, "|---|:--:|"). */
static int rule_row(const gk__grid *g, const gk__gblock *b) {
  size_t dashes = 0;
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &g->cells[b->first + k];
    const char *p = gk__grid_text(g, c->off);
    for (uint32_t i = 0; i < c->len; i++) {
      if (p[i] != '-' && p[i] != ':') return 0;
      dashes += p[i] == '-';
    }
  }
  return dashes > 0;
}

/* The header a row is, into m (fresh); 0 when it is none. */
static int read_header(const walk *w, const tline *l, const gk__gblock *b, gk__colmap *m) {
  const gk__grid *g = w->g;
  size_t matched = 0, groups = 0, nonempty = 0, at = 0, after = 0;
  int e = gk__labels_ed(w->ed->id);
  memset(m, 0, sizeof *m);
  m->width = row_width(g, b);
  if (!m->width || m->width > GK__COLMAP_W) return 0;
  memset(m->col, GK__COL_NONE, sizeof m->col), memset(m->grp, -1, sizeof m->grp);
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &g->cells[b->first + k];
    if (!c->len) continue;
    /* the label's place (x 0) names a row ("行政复议", "3.其他" over blank cells), never a column */
    int grp = -1, foreign = 0, col = c->x ? match_cell(w, e, gk__grid_text(g, c->off), c->len, &grp, &foreign) : -1;
    nonempty++;
    matched += col >= 0 || foreign, groups += grp >= 0; /* another edition's column: a column, ignored */
    if (col >= 0 || foreign) at = c->x;
    else after += matched > 0;
    /* a group cell covers its span, or in text the blank cells after it */
    uint32_t end = c->x + c->colspan;
    if (grp >= 0 && c->colspan == 1) {
      uint32_t j = k + 1;
      while (j < b->ncells && !g->cells[b->first + j].len) j++;
      end = j < b->ncells ? g->cells[b->first + j].x : m->width;
    }
    for (uint32_t x = c->x; x < c->x + c->colspan && x < GK__COLMAP_W; x++) {
      m->col[x] = (int8_t)(col >= 0 ? col : foreign ? GK__COL_FOREIGN : GK__COL_OTHER);
      m->head[x] = b->first + k + 1, m->hline[x] = l->line;
    }
    for (uint32_t x = c->x; grp >= 0 && x < end && x < GK__COLMAP_W; x++) m->grp[x] = (int8_t)grp;
  }
  m->table = b->table, m->fresh = 1;
  /* one named column: a header after the label's header words (信息内容 | 本年处理决定数量),
   * never at the label's place nor among anonymous columns (类别 | 数据1 | … | 总计) */
  return matched >= 2 || groups || (matched == 1 && at > 0 && nonempty >= 2 && nonempty <= 3 && !after);
}

/* A header row under the last one refines it: its named columns and groups
 * over the one above (a text grid: of the same width; other grids by x). */
static void merge_header(walk *w, const gk__colmap *h) {
  gk__colmap *m = &w->cols;
  int refine = m->width && m->fresh && m->table == h->table &&
               (m->width == h->width || (!w->g->src && h->table));
  if (!refine) {
    *m = *h;
    return;
  }
  for (uint32_t x = 0; x < h->width && x < GK__COLMAP_W; x++)
    if (h->col[x] >= 0 && m->col[x] >= 0 && h->col[x] != m->col[x]) {
      m->width = 0; /* rows that do not line up (merged cells lost): no map */
      return;
    }
  for (uint32_t x = 0; x < h->width && x < GK__COLMAP_W; x++) {
    if (h->col[x] >= 0 || (h->col[x] < GK__COL_NONE && m->col[x] == GK__COL_NONE))
      m->col[x] = h->col[x], m->head[x] = h->head[x], m->hline[x] = h->hline[x];
    if (h->grp[x] >= 0) m->grp[x] = h->grp[x];
  }
  if (h->width > m->width) m->width = h->width;
}

/* A cheap first test: 0 when read_header cannot accept the row. Proof: it
 * accepts only when matched >= 2, groups > 0, or matched == 1 with nonempty
 * >= 2; matched and groups count distinct non-empty cells at x > 0 (the
 * label's place names no column), and groups only in table 四. So with k the
 * non-empty cells at x > 0 and n all non-empty cells, acceptance needs k >= 1
 * and (n >= 2 or table 四). (A one-cell-per-line layout makes every label line
 * a row of one cell: never a header outside table 四.) Pinned against
 * read_header by tests/test_text_columns.c ("cheap header test"). */
int gk__rec_cols_may_head(const walk *w, const gk__gblock *b) {
  uint32_t k = 0, n = 0, need = w->t == GK_TABLE_REVIEW ? 1 : 2;
  for (uint32_t i = 0; i < b->ncells; i++) {
    const gk__gcell *c = &w->g->cells[b->first + i];
    if (!c->len) continue;
    n++, k += c->x != 0;
    if (k && n >= need) return 1;
  }
  return 0;
}

int gk__rec_cols_match(const walk *w, const char *p, size_t n) {
  int grp = -1, foreign = 0;
  return match_cell(w, gk__labels_ed(w->ed->id), p, n, &grp, &foreign);
}

int gk__rec_cols_read_head(const walk *w, const gk__gblock *b) {
  static const tline none = {"", 0, 0, 0};
  gk__colmap h;
  return read_header(w, &none, b, &h);
}

/* Learn a header row; 1 when the row is one. A header that names no columns
 * (marked so by the layout, or words and no value over the named columns:
 * anonymous 数据1 …, a wrong header, headers with notes in them) ends the map. */
static int learn(walk *w, const tline *l, const gk__gblock *b) {
  gk__colmap h;
  int may = gk__rec_cols_may_head(w, b);
  if (!may && !w->cols.width) return 0; /* no header, and the end of a map is no change */
  if (has_value(w->g, b)) return 0;
  if (may && read_header(w, l, b, &h)) {
    merge_header(w, &h);
    return 1;
  }
  if (rule_row(w->g, b)) return 0; /* a Markdown alignment row under a header: layout, no words */
  size_t flagged = 0, inside = 0;
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &w->g->cells[b->first + k];
    flagged |= (c->flags & GK__CELL_HEADER) != 0;
    inside += c->len && c->x < w->cols.width && w->cols.col[c->x] >= 0; /* words over a named column */
  }
  if (flagged || inside >= 1) w->cols.width = 0;
  return 0;
}

/* The row of a line, when its cells are columns: a table's row, a TAB line;
 * not a line split at space gaps (pdftotext -layout: blank cells leave no gap,
 * a cell's place is not its column). */
static const gk__gblock *row_block(const walk *w, const tline *l) {
  if (!w->g || l->blk >= w->g->nblocks) return NULL;
  const gk__gblock *b = &w->g->blocks[l->blk];
  if (b->kind != GK__BLK_ROW) return NULL;
  if (w->g->src && !b->table && !memchr(l->p, '\t', l->n)) return NULL;
  return b;
}

void gk__rec_cols_header(walk *w, const tline *l) {
  const gk__gblock *b = row_block(w, l);
  if (b) learn(w, l, b);
}

/* Where the header puts its named columns: tgt[x] the slot of column x for x
 * in [*first, *last] (the declared column; table 四 under its groups: row *
 * ncols + column); *total the slots (the declared columns, or every cell of
 * table 四); *compress when the table's rows have columns of their own (二):
 * a row fills the named slots only, in order. 0 when the header does not
 * decide or says what position says anyway. */
static int targets(const walk *w, int *tgt, uint32_t *first, uint32_t *last, size_t *total, int *compress) {
  const gk__colmap *m = &w->cols;
  const gk__table_decl *td = &w->ed->tables[w->t];
  uint32_t f = m->width, e = 0;
  int groups = 0, in_order = 1, prev = -1;
  for (uint32_t x = 0; x < m->width; x++)
    if (m->col[x] >= 0) f = f < x ? f : x, e = x, groups |= m->grp[x] >= 0;
  if (f >= m->width) return 0;
  int seen[GK__COLMAP_W] = {0};
  *compress = 0;
  for (size_t r = 0; r < td->nrows && !groups; r++)
    if ((td->rows[r].flags & GK_ROW_STORED) && td->rows[r].colmask != (1u << td->ncols) - 1) *compress = 1;
  *total = groups ? td->nrows * td->ncols : td->ncols;
  if (*total > GK__COLMAP_W) return 0;
  size_t named = 0;
  for (uint32_t x = f; x <= e; x++) {
    if (m->col[x] < 0 || (groups && m->grp[x] < 0)) return 0; /* unknown inside: undecided */
    int s = groups ? m->grp[x] * (int)td->ncols + m->col[x] : m->col[x];
    if ((size_t)s >= *total || seen[s]) return 0;
    seen[s] = 1, tgt[x] = s, named++;
    in_order &= s > prev, prev = s;
  }
  if (!*compress && named + 1 < *total) return 0; /* more than one column left out: undecided */
  *first = f, *last = e;
  /* columns after the last named one under blank header cells: the header says nothing of them */
  uint32_t said_end = m->width;
  while (said_end > e + 1 && m->col[said_end - 1] == GK__COL_NONE) said_end--;
  int identity = f == 1 && e + 1 == said_end && in_order && (named == *total || *compress);
  return !identity;
}

/* Say a column ignored, once: its header cell and line. */
static void say_ignored(walk *w, uint32_t x) {
  gk__colmap *m = &w->cols;
  if (m->said & ((uint64_t)1 << x)) return;
  m->said |= (uint64_t)1 << x;
  const gk__gcell *h = m->head[x] ? &w->g->cells[m->head[x] - 1] : NULL;
  int hn = h ? (int)(h->len < 120 ? h->len : 120) : 0;
  const char *hp = h ? gk__grid_text(w->g, h->off) : "";
  unsigned shown = (unsigned)gk__rec_src_line(w, m->hline[x]);
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, "第%u行表头中的第%u列“%.*s”不是%s表的栏目，这一列的内容已忽略", shown, (unsigned)x + 1, hn,
                 hp, gk__tables[w->t].zh);
  gk__buf_printf(&en, "line %u: column %u of the header (\"%.*s\") is no column of table %s; its cells are "
                 "ignored", shown, (unsigned)x + 1, hn, hp, gk__tables[w->t].en);
  gk__rec_diag_bufs(w, GK_SEV_INFO, "import.unknown_column", m->hline[x], &zh, &en);
}

/* The row's cells by the map: labels into pl->lab, values into pl->val[slot]
 * (pl->nval slots, -1 blank), the columns ignored into *ignored. 0 when a cell
 * does not fit (a value column holding text, a cell spanning value columns) or
 * the row is empty. */
static int place(walk *w, const gk__gblock *b, const int *tgt, uint32_t first, uint32_t last, gk__colplan *pl,
                 uint64_t *ignored) {
  const gk__grid *g = w->g;
  size_t nonempty = 0;
  pl->nlab = 0;
  for (size_t s = 0; s < pl->nval; s++) pl->val[s] = -1;
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &g->cells[b->first + k];
    uint32_t x = c->x;
    nonempty += c->len != 0;
    if (x < first && x + c->colspan > first) return 0;
    if (x < first) { /* the label, or a serial number */
      if (is_value_cell(c)) *ignored |= (uint64_t)1 << x;
      else if (c->len) pl->lab[pl->nlab++] = k;
    } else if (x > last) {
      if (c->len) *ignored |= (uint64_t)1 << x;
    } else {
      if (c->colspan != 1 || (c->len && !is_value_cell(c))) return 0;
      pl->val[tgt[x]] = (int32_t)k;
    }
  }
  return nonempty != 0;
}

/* gk__rec_cols_plan past its first test. */
static int plan(walk *w, const tline *l, gk__colplan *pl) {
  gk__colmap *m = &w->cols;
  const gk__gblock *b = row_block(w, l);
  if (!b || learn(w, l, b)) return 0;
  m->fresh = 0;
  int tgt[GK__COLMAP_W], compress = 0;
  uint32_t first = 0, last = 0;
  if (!m->width || b->table != m->table || row_width(w->g, b) != m->width) return 0;
  if (!targets(w, tgt, &first, &last, &pl->nval, &compress)) return 0;
  uint64_t ignored = 0;
  if (!place(w, b, tgt, first, last, pl, &ignored)) return 0;
  if (compress) { /* (二) the named slots only, in order; then a blank one for each other edition's
                    * column after them (2019 本年新公开数量 over 2021 rows: their repealed) */
    int named[GK__COLMAP_W] = {0};
    size_t n = 0;
    for (uint32_t x = first; x <= last; x++) named[tgt[x]] = 1;
    for (size_t s = 0; s < pl->nval; s++)
      if (named[s]) pl->val[n++] = pl->val[s];
    for (uint32_t x = last + 1; x < m->width && n < GK__COLMAP_W; x++)
      if (m->col[x] == GK__COL_FOREIGN) pl->val[n++] = -1;
    pl->nval = n;
  }
  for (uint32_t x = 0; x < m->width; x++)
    if (ignored & ((uint64_t)1 << x)) say_ignored(w, x);
  return 1;
}

int gk__rec_cols_plan(walk *w, const tline *l, gk__colplan *pl) {
  /* no map and no header possible (learn would change nothing): by position */
  if (!w->cols.width && (!w->g || l->blk >= w->g->nblocks || !gk__rec_cols_may_head(w, &w->g->blocks[l->blk])))
    return 0;
  return plan(w, l, pl);
}

/* A declared header group's wording (gk__header_groups), normalised. */
static int header_group(const char *nb, size_t nn) {
  for (size_t i = 0; i < gk__nheader_groups; i++) {
    char gb[160];
    const char *zh = gk__header_groups[i].zh;
    size_t gn = gk__text_norm_fixed(gb, sizeof gb, zh, strlen(zh));
    if (gn == nn && memcmp(gb, nb, nn) == 0) return 1;
  }
  return 0;
}

int gk__rec_cols_known(walk *w, const char *p, size_t n) {
  int group = 0;
  for (size_t e = 0; e < w->L->neds; e++) {
    w->ed = gk__edition_get(gk_schema_edition_id(e));
    for (int t = 0; w->ed && t < GK_NTABLES; t++) {
      int grp = -1, foreign = 0;
      w->t = t;
      if (match_cell(w, (int)e, p, n, &grp, &foreign) >= 0) return 2;
      group |= grp >= 0;
    }
  }
  char nb[160];
  return group || header_group(nb, gk__text_norm_fixed(nb, sizeof nb, p, n));
}
