/* SPDX-License-Identifier: MIT */
/* libgkreport: a short row of a space-aligned table (pdftotext -layout) read
 * by the horizontal position of its values (issue 11, "Column headers").
 *
 * A blank cell of such a table leaves no mark in the text: a row with fewer
 * values than columns does not say by their order which columns they fill.
 * Their place on the line does. The header lines right above the table's
 * first row of values are split into words, each with its extent in code
 * points (pdftotext lays a page out on a grid of one glyph a column, a CJK
 * character as wide as a digit: in display columns, CJK two wide, the header
 * of a printed report stands nowhere near its values). A header word wrapped
 * over two or three lines ("商业" / "企业", "自然" / "人") is a chain of words
 * on later lines, each within XD code points of the one above; a chain whose
 * words together name a declared column (its labels and variants,
 * recognize_cols.c) gives that column its extent, the union of its words'.
 * A column two chains name (a chain inside a longer one of the same column,
 * "维持" under "结果维持", is none), or a word two columns' chains share, is
 * not learnt. Table 四 printed on one line (its fifteen cells: each column
 * label once a group, 复议 then the two 诉讼 groups) learns cell (r, c) from
 * the r-th chain of column c from the left, when each column has one a row;
 * it has no label column, and its first value need only stand under a
 * learnt cell. Table 四 printed as a line a row (its label, then its values
 * under the five column labels, each named once) reads each line's row from
 * its label (lines without labels: as many as rows, in order), the rows in
 * their declared order, a line filling its row by order, else by position
 * (a line no row or two rows name: position says nothing). Each value then
 * goes to the learnt column its extent overlaps
 * most; a value that overlaps none, or two alike, is undecided (blank, and
 * the caller says import.ambiguous on its row). Placements out of order or
 * two in one column: position says nothing (the row as before). Positions
 * are trusted on the header's page only: a form feed between the header
 * and the row ends them. The caller asks only for a row whose values do not
 * fill its cells one for one; a row whose values each stand under one column
 * is not split as run-together digits first. */
#include <string.h>
#include "recognize_int.h"

#define XL 4  /* header lines above the first row of values */
#define XW 24 /* words of a header line */
#define XD 2  /* code points between a wrapped header word and the part above it */
#define XC 3  /* words of a chain (a label wrapped over three lines at most) */

typedef struct {
  uint32_t a, b;   /* extent in code points [a, b) */
  size_t off, n;   /* bytes in the line */
} xword;

typedef struct {
  const char *p;
  size_t nw;
  xword w[XW];
} xline;

#define XR 4  /* chains kept per column (table 四 names each column once a row) */

typedef struct {
  int n;                 /* chains naming the column (none a part of another) */
  int clash;             /* two of its chains share a word, neither a part of the other */
  uint32_t a[XR], b[XR]; /* the chains' extents */
  int words[XR][XC];     /* their words (line * XW + word), -1 none */
} xcol;

/* A learnt place: the extent of a column (table 四: of a cell) over the values. */
typedef struct {
  uint32_t a, b;
  int ok;
} xext;

/* White space at p[i] (ASCII, form feed, the ideographic space): its bytes, else 0. */
static size_t space_len(const char *p, size_t n, size_t i) {
  unsigned char c = (unsigned char)p[i];
  if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\v') return 1;
  if (c == 0xE3 && i + 2 < n && (unsigned char)p[i + 1] == 0x80 && (unsigned char)p[i + 2] == 0x80) return 3;
  return 0;
}

/* Bytes of the UTF-8 sequence led by c (the text is valid UTF-8). */
static size_t seq_len(unsigned char c) { return c < 0xC0 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4; }

/* The words of a line with their extents; 0 when it has more than XW. */
static int split_words(const tline *l, xline *x) {
  uint32_t col = 0;
  size_t i = 0;
  x->p = l->p, x->nw = 0;
  while (i < l->n) {
    size_t s = space_len(l->p, l->n, i);
    if (s) {
      i += s, col++;
      continue;
    }
    if (x->nw == XW) return 0;
    xword *wd = &x->w[x->nw++];
    wd->a = col, wd->off = i;
    while (i < l->n && !space_len(l->p, l->n, i)) i += seq_len((unsigned char)l->p[i]), col++;
    if (i > l->n) i = l->n;
    wd->b = col, wd->n = i - wd->off;
  }
  return 1;
}

/* Code points between two extents (0 when they overlap or touch). */
static uint32_t gap(uint32_t a1, uint32_t b1, uint32_t a2, uint32_t b2) {
  return a2 >= b1 ? a2 - b1 : a1 >= b2 ? a1 - b2 : 0;
}

/* Words of chain ch (XC ids, -1 ended) that chain ids[0..k) has too. */
static int shared(const int *ch, const int *ids, int k) {
  int n = 0;
  for (int i = 0; i < XC && ch[i] >= 0; i++)
    for (int j = 0; j < k; j++) n += ch[i] == ids[j];
  return n;
}

static int chain_len(const int *ch) {
  int n = 0;
  while (n < XC && ch[n] >= 0) n++;
  return n;
}

/* Chain ids[0..k) names column x: kept unless a longer chain of x holds all
 * its words ("维持" under "结果维持"); it replaces a shorter one it holds; a
 * chain of x sharing some words only is a clash. */
static void chain_keep(xcol *x, const int *ids, int k, uint32_t a, uint32_t b) {
  for (int i = 0; i < x->n && i < XR; i++) {
    int sh = shared(x->words[i], ids, k), len = chain_len(x->words[i]);
    if (!sh) continue;
    if (sh == k && len >= k) return; /* a part of a chain kept (or the same) */
    if (sh == len && k > len) {      /* holds a chain kept: takes its place */
      x->a[i] = a, x->b[i] = b;
      for (int j = 0; j < XC; j++) x->words[i][j] = j < k ? ids[j] : -1;
      return;
    }
    x->clash = 1;
    return;
  }
  if (x->n < XR) {
    x->a[x->n] = a, x->b[x->n] = b;
    for (int j = 0; j < XC; j++) x->words[x->n][j] = j < k ? ids[j] : -1;
  }
  x->n++;
}

/* A chain of words ids[0..k) (line * XW + word): the column its text names. */
static void chain_seen(const walk *w, const xline *h, const int *ids, int k, xcol *cols, size_t ncols) {
  char buf[160];
  size_t len = 0;
  uint32_t a = UINT32_MAX, b = 0;
  for (int i = 0; i < k; i++) {
    const xword *wd = &h[ids[i] / XW].w[ids[i] % XW];
    if (len + wd->n >= sizeof buf) return;
    memcpy(buf + len, h[ids[i] / XW].p + wd->off, wd->n), len += wd->n;
    a = wd->a < a ? wd->a : a, b = wd->b > b ? wd->b : b;
  }
  int c = gk__rec_cols_match(w, buf, len);
  if (c >= 0 && (size_t)c < ncols) chain_keep(&cols[c], ids, k, a, b);
}

/* Every chain from ids[0..k) on: words on later lines near its last one. */
static void chains_from(const walk *w, const xline *h, size_t nh, int *ids, int k, xcol *cols, size_t ncols) {
  chain_seen(w, h, ids, k, cols, ncols);
  if (k == XC) return;
  const xword *last = &h[ids[k - 1] / XW].w[ids[k - 1] % XW];
  for (size_t li = (size_t)(ids[k - 1] / XW) + 1; li < nh; li++)
    for (size_t wi = 0; wi < h[li].nw; wi++)
      if (gap(last->a, last->b, h[li].w[wi].a, h[li].w[wi].b) <= XD) {
        ids[k] = (int)(li * XW + wi);
        chains_from(w, h, nh, ids, k + 1, cols, ncols);
      }
}

/* The declared columns the header lines name, with their chains' extents; a
 * word of two columns' chains is a clash of both. */
static void learn_cols(const walk *w, const xline *h, size_t nh, xcol *cols, size_t ncols) {
  int ids[XC], owner[XL * XW];
  memset(cols, 0, ncols * sizeof *cols);
  for (size_t li = 0; li < nh; li++)
    for (size_t wi = 0; wi < h[li].nw; wi++) {
      ids[0] = (int)(li * XW + wi);
      chains_from(w, h, nh, ids, 1, cols, ncols);
    }
  for (size_t i = 0; i < XL * XW; i++) owner[i] = -1;
  for (size_t c = 0; c < ncols; c++)
    for (int k = 0; k < cols[c].n && k < XR; k++)
      for (int i = 0; i < XC && cols[c].words[k][i] >= 0; i++) {
        int *o = &owner[cols[c].words[k][i]];
        if (*o >= 0 && *o != (int)c) cols[*o].clash = cols[c].clash = 1; /* a word of two columns: neither */
        else *o = (int)c;
      }
}

/* The places learnt into ext, their count: a table of one row a line, each
 * column named once (ext[c], rows 1); table 四 printed on one line, each
 * column named once a row (ext[row * ncols + c], its chains left to right). */
static size_t places(const walk *w, const xcol *cols, xext *ext, size_t rows) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (rows > XR) return 0;
  memset(ext, 0, rows * td->ncols * sizeof *ext);
  for (size_t c = 0; c < td->ncols; c++) {
    const xcol *x = &cols[c];
    if (x->clash || (size_t)x->n != rows) continue;
    int done[XR] = {0};
    for (size_t r = 0; r < rows; r++) { /* the r-th chain from the left */
      size_t m = 0;
      while (done[m]) m++;
      for (size_t i = m + 1; i < rows; i++)
        if (!done[i] && x->a[i] < x->a[m]) m = i;
      done[m] = 1;
      ext[r * td->ncols + c] = (xext){x->a[m], x->b[m], 1};
    }
  }
  return rows * td->ncols;
}

/* Do two or more learnt places stand left to right in their declared order? (A
 * header whose words do not stand over the values, written one gap apart
 * while the values are padded, names them out of order.) */
static int in_order(const xext *e, size_t n) {
  size_t prev = n, k = 0;
  for (size_t c = 0; c < n; c++) {
    if (!e[c].ok) continue;
    if (prev < n && (e[c].a <= e[prev].a || e[c].b <= e[prev].b)) return 0;
    prev = c, k++;
  }
  return k >= 2;
}

/* The region's line index of document line `line` (lines in order), or nreg. */
static size_t reg_index(const walk *w, uint32_t line) {
  size_t lo = 0, hi = w->nreg;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (w->reg[mid].line < line) lo = mid + 1;
    else hi = mid;
  }
  return lo < w->nreg && w->reg[lo].line == line ? lo : w->nreg;
}

/* A line of the text grid split at space gaps (no bars, no TAB). */
static int gap_row(const walk *w, const tline *l) {
  if (!w->g || !w->g->src || l->blk >= w->g->nblocks) return 0;
  const gk__gblock *b = &w->g->blocks[l->blk];
  return b->kind == GK__BLK_ROW && !b->table && !memchr(l->p, '\t', l->n);
}

/* The code point column where line l's first value starts (its first cell
 * past the label starting with a digit: "821 35" is two values one space
 * apart; table 四's line of values has no label), or UINT32_MAX. */
static uint32_t first_value_col(const walk *w, const tline *l) {
  if (l->blk >= w->g->nblocks || w->g->blocks[l->blk].kind != GK__BLK_ROW) return UINT32_MAX;
  const gk__gblock *b = &w->g->blocks[l->blk];
  int label = w->t == GK_TABLE_REVIEW;
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &w->g->cells[b->first + k];
    const char *t = gk__grid_text(w->g, c->off);
    if (label && c->len && t[0] >= '0' && t[0] <= '9') return c->pos.col ? c->pos.col - 1 : 0;
    label |= c->len != 0;
  }
  return UINT32_MAX;
}

/* Line i of the region after the first row of values: words and no value
 * over the values (from code point column `from` on), the header of another
 * table in the region (table 二's parts), or too many words to tell? */
static int new_header(const walk *w, size_t i, uint32_t from) {
  xline x;
  if (first_value_col(w, &w->reg[i]) != UINT32_MAX) return 0;
  if (!split_words(&w->reg[i], &x)) return 1;
  for (size_t j = 0; j < x.nw; j++)
    if (x.w[j].a + XD >= from) return 1;
  return 0;
}

/* Once a region: its first row of values (w->xfv), the header lines above
 * it (from w->xtop) and where positions end (w->xff): the first form feed
 * from there or the next header. The column of that row's first value in
 * *anchor. */
static void find_header(walk *w, uint32_t *anchor) {
  size_t fv = 0;
  uint32_t from = UINT32_MAX;
  while (fv < w->nreg && (from = first_value_col(w, &w->reg[fv])) == UINT32_MAX) fv++;
  size_t top = fv;
  while (top > 0 && fv - top < XL && !gk__rec_blank_line(&w->reg[top - 1])) top--;
  size_t ff = top;
  while (ff < w->nreg && !memchr(w->reg[ff].p, '\f', w->reg[ff].n) && (ff <= fv || !new_header(w, ff, from))) ff++;
  w->xtop = top, w->xfv = fv, w->xff = ff, w->xknown = 1;
  *anchor = from;
}

/* A row past the first header's reach (table 二's later parts, each under
 * a header of its own): the header right above the rows of values holding
 * row line `at` (*top, *fv and *anchor as find_header's), when a line of
 * words over the values ends them above, past the first header's reach,
 * and no form feed lies between it and the row. Only in a table whose rows
 * have columns of their own. */
static int part_header(const walk *w, size_t at, size_t *top, size_t *fv, uint32_t *anchor) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  int parts = 0; /* rows of columns of their own (table 二); in other tables another header ends positions */
  for (size_t r = 1; r < td->nrows; r++) parts |= td->rows[r].colmask != td->rows[0].colmask;
  size_t i = at;
  if (!parts) return 0;
  while (i > w->xff && first_value_col(w, &w->reg[i - 1]) != UINT32_MAX) i--;
  uint32_t from = first_value_col(w, &w->reg[i]);
  if (i <= w->xff || from == UINT32_MAX || !new_header(w, i - 1, from)) return 0;
  size_t t = i;
  while (t > w->xff && i - t < XL && !gk__rec_blank_line(&w->reg[t - 1]) &&
         first_value_col(w, &w->reg[t - 1]) == UINT32_MAX)
    t--;
  for (size_t k = t; k <= at; k++)
    if (memchr(w->reg[k].p, '\f', w->reg[k].n)) return 0;
  *top = t, *fv = i, *anchor = from;
  return 1;
}

/* The header lines above the region's first row of values into h, only
 * their words over the values (words left of the first value, in the
 * label's column, name rows: "（本列数据的勾稽关系为：…）"; table 四 has no
 * such column: all); their count, 0 when none or row line `at` is on
 * another page. */
static size_t header_lines(walk *w, size_t at, xline *h, uint32_t *anchor, int *part) {
  if (!w->xknown) find_header(w, anchor);
  else *anchor = w->xfv < w->nreg ? first_value_col(w, &w->reg[w->xfv]) : UINT32_MAX; /* none: past the region */
  size_t top = w->xtop, fv = w->xfv;
  if (w->xfv >= w->nreg || at < w->xfv) return 0;
  *part = w->xff <= at;
  if (*part && !part_header(w, at, &top, &fv, anchor)) return 0;
  uint32_t from = *anchor > XD && w->t != GK_TABLE_REVIEW ? *anchor - XD : 0; /* 四: no label column */
  for (size_t i = top; i < fv; i++) {
    xline *x = &h[i - top];
    if (!split_words(&w->reg[i], x)) return 0;
    size_t k = 0;
    for (size_t j = 0; j < x->nw; j++)
      if (x->w[j].a >= from) x->w[k++] = x->w[j];
    x->nw = k;
  }
  return fv - top;
}

/* Code points of t[from..to). */
static uint32_t cps(const char *t, size_t from, size_t to) {
  uint32_t n = 0;
  for (size_t i = from; i < to; i += seq_len((unsigned char)t[i])) n++;
  return n;
}

/* The learnt place value v's extent overlaps most (index into e), or -1;
 * v is its grid cell or a piece of it (one cell "821 35" of single-spaced values). */
static int best_place(const walk *w, const slot *v, const xext *e, size_t n) {
  const gk__gcell *gc = &w->g->cells[v->cell - 1];
  const char *t = gk__grid_text(w->g, gc->off);
  if (v->p < t || v->p + v->n > t + gc->len) return -1;
  size_t off = (size_t)(v->p - t);
  uint32_t a = (gc->pos.col ? gc->pos.col - 1 : 0) + cps(t, 0, off), b = a + cps(t, off, off + v->n);
  uint32_t best = 0, second = 0;
  int bc = -1;
  for (size_t c = 0; c < n; c++) {
    if (!e[c].ok) continue;
    uint32_t lo = a > e[c].a ? a : e[c].a, hi = b < e[c].b ? b : e[c].b;
    uint32_t ov = hi > lo ? hi - lo : 0;
    if (ov > best) second = best, best = ov, bc = (int)c;
    else if (ov > second) second = ov;
  }
  return best && best > second ? bc : -1;
}

/* The places the header over values s[0..k) (one space-aligned line, its
 * cells) names into ext: their count, 0 when position says nothing (no
 * header, another page, fewer than two places in order, the first not over
 * the first value of the region's first row of values). */
static size_t learn(walk *w, const slot *s, size_t k, xext *ext) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (!k || !w->g || !w->g->src || !w->reg || td->ncols > GK__MAX_COLS) return 0;
  size_t at = reg_index(w, s[0].line);
  if (at == w->nreg || !gap_row(w, &w->reg[at])) return 0;
  for (size_t i = 0; i < k; i++)
    if (s[i].line != s[0].line || !s[i].cell || s[i].cell > w->g->ncells) return 0; /* one line, its cells */
  xline h[XL];
  xcol xc[GK__MAX_COLS];
  uint32_t anchor = 0;
  int part = 0;
  size_t nh = header_lines(w, at, h, &anchor, &part);
  if (!nh) return 0;
  learn_cols(w, h, nh, xc, td->ncols);
  size_t n = places(w, xc, ext, w->t == GK_TABLE_REVIEW ? td->nrows : 1);
  if (!n || !in_order(ext, n)) return 0;
  /* the first value of the first row of values under the table's first
   * column (a part's: its first learnt; table 四, its cells blank as well:
   * under any learnt cell) */
  size_t j = 0;
  while (part && j < n && !ext[j].ok) j++; /* a part of table 二: its own first column */
  for (; j < n; j++)
    if (ext[j].ok && anchor >= ext[j].a && anchor < ext[j].b) return n;
    else if (w->t != GK_TABLE_REVIEW) break;
  return 0;
}

/* Values s[0..k) into out[j], j < nc the places slots[j] (the rest
 * SLOT_EMPTY): 0 when position says nothing, 1 every value placed, 2 some
 * undecided (under no place of out, or between two). */
static int put_values(const walk *w, const slot *s, size_t k, const xext *ext, size_t n, const size_t *slots,
                      size_t nc, slot *out) {
  for (size_t j = 0; j < nc; j++) out[j] = (slot){NULL, 0, s[0].line, SLOT_EMPTY, 0};
  size_t placed = 0, prev = 0, values = 0;
  for (size_t i = 0; i < k; i++) {
    if (s[i].kind != SLOT_VALUE) continue;
    values++;
    int c = best_place(w, &s[i], ext, n);
    size_t j = 0;
    while (c >= 0 && j < nc && slots[j] != (size_t)c) j++;
    if (c < 0 || j == nc) continue; /* undecided (or no cell of this row) */
    if ((placed && j < prev) || out[j].kind == SLOT_VALUE) return 0; /* out of order: position says nothing */
    out[j] = s[i], prev = j, placed++;
  }
  return !placed ? 0 : placed == values ? 1 : 2;
}

/* Table 四 as a line a row (its label, then its values under the five
 * column labels, each named once): the columns' places into ext, their
 * count; 0 when position says nothing (no such header, a line of values
 * not a space-aligned one, past the header's reach or on another page). */
static size_t learn_rows(walk *w, const slot *s, size_t k, xext *ext) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (!w->g || !w->g->src || !w->reg || td->ncols > GK__MAX_COLS) return 0;
  size_t at = reg_index(w, s[0].line), last = reg_index(w, s[k - 1].line);
  for (size_t i = 0; i < k; i++) {
    if (!s[i].cell || s[i].cell > w->g->ncells || (i && s[i].line < s[i - 1].line)) return 0;
    if (i && s[i].line == s[i - 1].line) continue;
    size_t li = reg_index(w, s[i].line); /* each line of values a space-aligned one of the region */
    if (li == w->nreg || !gap_row(w, &w->reg[li])) return 0;
  }
  xline h[XL];
  xcol xc[GK__MAX_COLS];
  uint32_t anchor = 0;
  int part = 0;
  size_t nh = at < w->nreg ? header_lines(w, at, h, &anchor, &part) : 0;
  if (!nh || part || last >= w->xff) return 0;
  learn_cols(w, h, nh, xc, td->ncols);
  size_t n = places(w, xc, ext, 1);
  if (!n || !in_order(ext, n)) return 0;
  for (size_t j = 0; j < n; j++) /* the region's first value under a learnt column */
    if (ext[j].ok && anchor >= ext[j].a && anchor < ext[j].b) return n;
  return 0;
}

/* The row of table 四 region line i's label names (its cells left of its
 * first value, normalised): the one row whose wording it holds; -1 when it
 * names none or two, -2 when the line has no label. */
static int label_row(walk *w, size_t i) {
  const tline *l = &w->reg[i];
  const gk__gblock *b = &w->g->blocks[l->blk];
  gk__buf lab;
  gk__buf_init(&lab);
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &w->g->cells[b->first + k];
    const char *t = gk__grid_text(w->g, c->off);
    if (c->len && t[0] >= '0' && t[0] <= '9') break;
    gk__labels_norm(w->L, &lab, t, c->len);
  }
  int row = lab.err ? -1 : !lab.len ? -2 : -1, named = 0;
  for (size_t r = 0; r < w->ed->tables[w->t].nrows && lab.len && !lab.err; r++) {
    size_t end = 0;
    if (gk__rec_row_match(w, r, lab.data, lab.len, 0, &end) == 2) row = (int)r, named++;
  }
  gk__buf_free(&lab);
  return named > 1 ? -1 : row;
}

/* The values s[0..k) of one line into row out[0..nc): filling it, by
 * their order; else by their places (put_values). */
static int put_line(const walk *w, const slot *s, size_t k, const xext *ext, const size_t *slots, size_t nc,
                    slot *out) {
  size_t v = 0;
  for (size_t i = 0; i < k; i++) v += s[i].kind == SLOT_VALUE;
  if (v > nc) return 0;
  if (v < nc) return put_values(w, s, k, ext, nc, slots, nc, out);
  for (size_t i = 0, j = 0; i < k; i++)
    if (s[i].kind == SLOT_VALUE) out[j++] = s[i];
  return 1;
}

/* Table 四 as a line a row: each line's row named by its label (lines
 * without labels: as many lines as rows, in order), the rows in their
 * declared order; a line filling its row by order, else by position.
 * Returns as gk__rec_xpos_table. */
static int xpos_rows(walk *w, const slot *s, size_t k, slot *out) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  xext ext[GK__MAX_COLS];
  size_t slots[GK__MAX_COLS], first[XR + 1], ng = 0;
  int row[XR], labelled = 0, all = 1;
  size_t n = learn_rows(w, s, k, ext);
  if (!n || td->nrows > XR) return 0;
  for (size_t i = 0; i < k; i++)
    if (!i || s[i].line != s[i - 1].line) {
      if (ng == td->nrows) return 0;
      first[ng] = i, row[ng] = label_row(w, reg_index(w, s[i].line));
      labelled |= row[ng++] != -2;
    }
  first[ng] = k;
  for (size_t g = 0; g < ng; g++) {
    if (!labelled && ng == td->nrows) row[g] = (int)g; /* no labels: the rows in order */
    if (row[g] < 0 || (g && row[g] <= row[g - 1])) return 0;
  }
  for (size_t j = 0; j < td->nrows * td->ncols; j++) out[j] = (slot){NULL, 0, s[0].line, SLOT_EMPTY, 0};
  for (size_t j = 0; j < n; j++) slots[j] = j;
  for (size_t g = 0; g < ng; g++) {
    int p = put_line(w, s + first[g], first[g + 1] - first[g], ext, slots, n, out + (size_t)row[g] * td->ncols);
    if (!p) return 0;
    all &= p == 1;
  }
  return all ? 1 : 2;
}

int gk__rec_xpos_row(walk *w, const slot *s, size_t k, const size_t *cols, size_t nc, slot *out) {
  xext ext[GK__MAX_COLS * XR];
  size_t n = w->t == GK_TABLE_REVIEW ? 0 : learn(w, s, k, ext);
  return n ? put_values(w, s, k, ext, n, cols, nc, out) : 0;
}

int gk__rec_xpos_table(walk *w, const slot *s, size_t k, slot *out) {
  xext ext[GK__MAX_COLS * XR];
  size_t slots[GK__MAX_COLS * XR];
  if (k && s[k - 1].line != s[0].line) return xpos_rows(w, s, k, out); /* a line a row */
  size_t n = learn(w, s, k, ext);
  for (size_t j = 0; j < n; j++) slots[j] = j;
  return n ? put_values(w, s, k, ext, n, slots, n, out) : 0;
}
