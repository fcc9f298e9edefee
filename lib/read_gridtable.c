/* SPDX-License-Identifier: MIT */
/* libgkreport: grid tables in plain text (issue 11), the tables pandoc writes
 * for `-t markdown` and `-t rst` and reStructuredText's own:
 *
 *     +----------+--------+--------+
 *     | 信息内容 | 本年制 | 本年废 |
 *     |          | 发件数 | 止件数 |
 *     +==========+========+========+
 *     | 规章     | 0      | 0      |
 *     +----------+--------+--------+
 *
 * read_text.c hands a line that starts (after spaces) with "+-" or "+=" here.
 * The table is every following line of the same indentation and the same
 * display width (a CJK character two columns wide, gk__doc_wide: pandoc aligns
 * by it) that starts and ends with '+' or '|', up to its last border line (a
 * line holding "+-", "-+", "+=" or "=+") that holds no text. Its columns are the '+' of its
 * border lines, all of them: a cell spanning columns has no '|' at the
 * columns it covers, a cell spanning rows no dashes under it in the border
 * line between them (reStructuredText may even go on writing its text
 * there). A row is what stands between two border lines; a cell's text is
 * the join of its pieces over the row's lines (gk__doc_put_text: no space
 * between two wide characters at a line break, one otherwise) without its
 * inline markup (gk__md_cell_text); a "+===+"
 * border ends the header, whose cells are flagged GK__CELL_HEADER. Each row
 * is a ROW block of the table (its source line its first line), each cell
 * at its laid-out column with its spans and the position of its first piece.
 * A table that is not sound to its end is read up to its last sound border
 * line; what follows it is the ordinary reader's. A table of more than
 * GT_MAX_COLS columns is none. The cost is linear: the table's lines are
 * walked twice. */
#include <string.h>
#include "grid.h"
#include "read_doc.h"

#define GT_MAX_COLS 64u /* columns of a grid table; a wider one is read line by line */

typedef struct {
  size_t off, len; /* the line in the source, from its indentation, trailing white space left out */
  uint32_t line;
  int border;
} gt_line;

typedef struct {
  size_t off, len; /* a piece of a cell's text in the source */
  size_t next;     /* the cell's next piece + 1, 0 none */
} gt_piece;

typedef struct {
  uint32_t x, span, row, last; /* columns x .. x+span-1, rows row .. last (0-based) */
  size_t first, tail;          /* its pieces + 1, 0 none */
  gk__gpos pos;                /* its first piece's (or its place when blank) */
} gt_cell;

typedef struct {
  gk__gpos pos;
  size_t off, len; /* its first line */
} gt_row;

/* The table being read: its columns, lines, rows, cells and pieces. */
typedef struct {
  const char *s;
  uint32_t bnd[GT_MAX_COLS + 1], nb; /* display columns of the '+'s */
  uint32_t ind;                      /* indentation: spaces before the table */
  gk__buf lines, rows, cells, pieces;
  uint32_t open[GT_MAX_COLS]; /* the cell open at a column + 1, 0 none */
  uint32_t cur;               /* the row the next content line is in */
  uint32_t nhead;             /* rows of the header ("+===+" under them) */
  uint32_t ra[GT_MAX_COLS], rb[GT_MAX_COLS], nr; /* dash runs: display columns [ra, rb) */
  int err;
} gt_table;

#define GT_AT(buf, type, i) (((type *)(void *)(buf).data)[i])
#define GT_N(buf, type) ((buf).len / sizeof(type))

static int is_dash(char c) { return c == '-' || c == '=' || c == ':'; }

/* Display width of the code point (pandoc's: a wide character two columns). */
static uint32_t cp_width(uint32_t cp) { return gk__doc_wide(cp) ? 2 : 1; }

/* Is the line p[0..n) (indentation left out) a border line: a '+' next to a
 * dash run? */
static int border_line(const char *p, size_t n) {
  if (n < 2 || (p[0] != '+' && p[0] != '|')) return 0;
  for (size_t i = 0; i + 1 < n; i++)
    if ((p[i] == '+' && (p[i + 1] == '-' || p[i + 1] == '=')) ||
        (p[i + 1] == '+' && (p[i] == '-' || p[i] == '=')))
      return 1;
  return 0;
}

/* Add column boundary d (a display column) to the table's, kept in order;
 * 0 when there would be too many. */
static int add_bnd(gt_table *t, uint32_t d) {
  uint32_t k = t->nb;
  while (k > 0 && t->bnd[k - 1] > d) k--;
  if (k > 0 && t->bnd[k - 1] == d) return 1;
  if (t->nb == GT_MAX_COLS + 1) return 0;
  memmove(t->bnd + k + 1, t->bnd + k, (t->nb - k) * sizeof t->bnd[0]);
  t->bnd[k] = d, t->nb++;
  return 1;
}

/* Display width of p[0..n); the '+'s of a border line that stand next to a
 * dash or at an end become column boundaries (0 when too many: *over). */
static uint32_t line_width(gt_table *t, const char *p, size_t n, int border, int *over) {
  uint32_t d = 0;
  for (size_t i = 0; i < n;) {
    size_t at = i;
    uint32_t cp = gk__utf8_next(p, n, &i);
    if (border && cp == '+' && (at == 0 || i == n || is_dash(p[at - 1]) || is_dash(p[i])) && !add_bnd(t, d))
      *over = 1;
    d += cp_width(cp);
  }
  return d;
}

/* The line of s[st..n): its end (at its '\n' or n) and its text without the
 * trailing white space. */
static size_t line_at(const char *s, size_t n, size_t st, size_t *len) {
  const char *nl = memchr(s + st, '\n', n - st);
  size_t e = nl ? (size_t)(nl - s) : n;
  size_t b = e;
  while (b > st && (s[b - 1] == ' ' || s[b - 1] == '\r' || s[b - 1] == '\t')) b--;
  *len = b - st;
  return e;
}

/* Is the top border p[0..n) one: '+', dash runs apart by '+', '+'? */
static int top_border(const char *p, size_t n) {
  if (n < 3 || p[0] != '+' || p[n - 1] != '+') return 0;
  for (size_t i = 1; i < n; i++)
    if (!is_dash(p[i]) && !(p[i] == '+' && is_dash(p[i - 1]))) return 0;
  return 1;
}

/* A border line holding no text (only + - = : | and spaces): a table may end
 * there. A border line with text (reStructuredText writes a cell spanning
 * rows across it) belongs to the rows around it, so it never ends one. */
static int bare_border(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!strchr("+-=:| ", p[i]) || !p[i]) return 0;
  return 1;
}

/* Pass 1: the table's lines from its top border at st, up to its last border
 * line without text, and its column boundaries. The number of lines, 0 when none. */
static size_t find_lines(gt_table *t, const char *s, size_t n, size_t st, uint32_t line, size_t *last_end) {
  uint32_t width = 0;
  size_t nl = 0, keep = 0;
  for (size_t at = st; at <= n && !t->err; line++) {
    size_t len, e = line_at(s, n, at, &len), k = 0;
    while (k < len && s[at + k] == ' ') k++;
    const char *p = s + at + k;
    size_t pn = len - k;
    if ((nl == 0 && !top_border(p, pn)) || (nl > 0 && k != t->ind) || pn < 2 || (p[0] != '+' && p[0] != '|') ||
        (p[pn - 1] != '+' && p[pn - 1] != '|'))
      break;
    int border = border_line(p, pn), over = 0;
    uint32_t saved[GT_MAX_COLS + 1], nsaved = t->nb;
    memcpy(saved, t->bnd, sizeof saved);
    uint32_t w = line_width(t, p, pn, border, &over);
    if (nl == 0) t->ind = (uint32_t)k, width = w;
    if (over || w != width) { /* too many columns, or ragged: the table ends above */
      memcpy(t->bnd, saved, sizeof saved), t->nb = nsaved;
      break;
    }
    gt_line gl = {at + k, pn, line, border};
    gk__buf_put(&t->lines, (const char *)&gl, sizeof gl);
    if (t->lines.err) t->err = GK_ENOMEM;
    nl++;
    if (border && bare_border(p, pn)) keep = nl, *last_end = e; /* the table may end here: no text lost */
    if (e >= n) break;
    at = e + 1;
  }
  return keep >= 2 ? keep : 0;
}

/* Byte offsets (in the line) and code point columns of the column
 * boundaries on the line p[0..n); a boundary inside a wide character gets
 * SIZE_MAX. */
static void map_bnd(const gt_table *t, const char *p, size_t n, size_t *off, uint32_t *cpc) {
  uint32_t d = 0, j = 0, c = 0;
  for (size_t i = 0; i < n && j < t->nb; c++) {
    while (j < t->nb && t->bnd[j] < d) off[j++] = SIZE_MAX; /* inside the last character */
    size_t at = i;
    uint32_t cp = gk__utf8_next(p, n, &i);
    if (j < t->nb && t->bnd[j] == d) off[j] = at, cpc[j] = c, j++;
    d += cp_width(cp);
  }
  while (j < t->nb) off[j++] = SIZE_MAX;
}

/* A new piece s[a..b) (source offsets) of cell ci + 1. */
static void add_piece(gt_table *t, uint32_t ci, size_t a, size_t b) {
  gt_piece pc = {a, b - a, 0};
  size_t k = GT_N(t->pieces, gt_piece);
  gk__buf_put(&t->pieces, (const char *)&pc, sizeof pc);
  if (t->pieces.err) {
    t->err = GK_ENOMEM;
    return;
  }
  gt_cell *c = &GT_AT(t->cells, gt_cell, ci - 1);
  if (c->tail) GT_AT(t->pieces, gt_piece, c->tail - 1).next = k + 1;
  else c->first = k + 1;
  c->tail = k + 1;
}

/* A piece p[a..b) of a line (offsets in the line) for cell ci + 1, trimmed;
 * the cell takes its position from its first piece with text (cpa: the code
 * point column of p[a]). */
static void put_piece(gt_table *t, const gt_line *gl, uint32_t ci, size_t a, size_t b, uint32_t cpa) {
  const char *p = t->s + gl->off;
  size_t a0 = a;
  gk__trim_span(p, &a, &b);
  if (a == b) return;
  gt_cell *c = &GT_AT(t->cells, gt_cell, ci - 1);
  if (!c->first) {
    for (size_t i = a0; i < a; i++) cpa += ((unsigned char)p[i] & 0xC0) != 0x80;
    c->pos = (gk__gpos){gl->line, cpa + t->ind + 1};
  }
  add_piece(t, ci, gl->off + a, gl->off + b);
}

/* A new cell of the current row at columns [x, x + span), opened on line gl
 * at code point column cpa (of the line, 0-based). Its number + 1, 0 on
 * failure. */
static uint32_t new_cell(gt_table *t, const gt_line *gl, uint32_t x, uint32_t span, uint32_t cpa) {
  if (t->cur == GT_N(t->rows, gt_row)) { /* the row's first line */
    gt_row r = {{gl->line, t->ind + 1}, gl->off, gl->len};
    gk__buf_put(&t->rows, (const char *)&r, sizeof r);
  }
  for (uint32_t k = x + 1; k < x + span; k++) /* never over a cell open from a row above */
    if (t->open[k]) {
      span = k - x;
      break;
    }
  gt_cell c = {x, span, t->cur, t->cur, 0, 0, {gl->line, cpa + t->ind + 1}};
  gk__buf_put(&t->cells, (const char *)&c, sizeof c);
  if (t->rows.err || t->cells.err || GT_N(t->cells, gt_cell) >= UINT32_MAX) {
    t->err = t->rows.err || t->cells.err ? GK_ENOMEM : GK_EOVERFLOW;
    return 0;
  }
  uint32_t ci = (uint32_t)GT_N(t->cells, gt_cell);
  for (uint32_t k = x; k < x + span; k++) t->open[k] = ci;
  return ci;
}

/* A content line: the text between its edges ('|' at a column boundary) to
 * the cells open there, or to new cells of the current row. */
static void content_line(gt_table *t, const gt_line *gl) {
  size_t off[GT_MAX_COLS + 1];
  uint32_t cpc[GT_MAX_COLS + 1];
  const char *p = t->s + gl->off;
  map_bnd(t, p, gl->len, off, cpc);
  for (uint32_t a = 0, b = 1; b < t->nb && !t->err; b++) {
    int edge = b == t->nb - 1 || (off[b] != SIZE_MAX && p[off[b]] == '|');
    if (!edge || off[a] == SIZE_MAX || off[b] == SIZE_MAX) continue;
    uint32_t ci = t->open[a];
    if (!ci) ci = new_cell(t, gl, a, b - a, cpc[a] + 1);
    if (ci) put_piece(t, gl, ci, off[a] + 1, off[b], cpc[a] + 1);
    a = b;
  }
}

/* A border line (not the top one): dashes under a column close the cell open
 * there; text where no dashes stand is a piece of the cell spanning the line
 * (reStructuredText). Closing any starts the next row; '=' ends the header. */
static void border_row(gt_table *t, const gt_line *gl) {
  size_t off[GT_MAX_COLS + 1];
  uint32_t cpc[GT_MAX_COLS + 1];
  const char *p = t->s + gl->off;
  int closed = 0, head = 0;
  map_bnd(t, p, gl->len, off, cpc);
  for (uint32_t k = 0; k + 1 < t->nb; k++) {
    size_t a = off[k], b = off[k + 1];
    if (a == SIZE_MAX || b == SIZE_MAX) continue;
    int dash = b > a + 1;
    for (size_t i = a + 1; i < b && dash; i++) dash = is_dash(p[i]);
    if (dash) {
      head |= p[a + 1] == '=';
      if (t->open[k]) GT_AT(t->cells, gt_cell, t->open[k] - 1).last = t->cur;
      t->open[k] = 0, closed = 1;
    } else if (t->open[k]) {
      put_piece(t, gl, t->open[k], a + 1, b, cpc[k] + 1);
    }
  }
  if (closed && t->cur < GT_N(t->rows, gt_row)) t->cur++;
  if (head) t->nhead = t->cur;
}

/* The cell's text (its pieces joined) into b; without its inline markup
 * (gk__md_cell_text, tmp its room) when it holds some. */
static void cell_text(const gt_table *t, const gt_cell *c, gk__buf *b, gk__buf *tmp) {
  int pending = 0;
  b->len = 0;
  for (size_t k = c->first; k; k = GT_AT(t->pieces, gt_piece, k - 1).next) {
    const gt_piece *pc = &GT_AT(t->pieces, gt_piece, k - 1);
    if (b->len) pending = 2; /* a line break between pieces */
    gk__doc_put_text(b, t->s + pc->off, pc->len, &pending);
  }
  if (b->err || !gk__md_cell_has_markup(b->data, b->len)) return;
  if (gk__md_cell_text(tmp, b->data, b->len) != GK_OK) b->err = GK_ENOMEM;
  gk__buf swap = *b;
  *b = *tmp, *tmp = swap;
}

/* The cells [from, to) of one row (at most one a column: each opens where no
 * cell is open) in the order of their columns, into ord. A line with a bar
 * moved can open a cell left of those an earlier line opened. */
static size_t row_order(const gt_table *t, size_t from, size_t to, size_t *ord) {
  size_t n = 0;
  for (size_t ci = from; ci < to && n < GT_MAX_COLS; ci++) {
    size_t k = n++;
    while (k > 0 && GT_AT(t->cells, gt_cell, ord[k - 1]).x > GT_AT(t->cells, gt_cell, ci).x) ord[k] = ord[k - 1], k--;
    ord[k] = ci;
  }
  return n;
}

/* The rows and their cells into the grid, as table `table`. */
static void emit(gk__grid *g, const gt_table *t, uint32_t table) {
  size_t nr = GT_N(t->rows, gt_row), nc = GT_N(t->cells, gt_cell), ci = 0, ord[GT_MAX_COLS];
  gk__buf text, tmp;
  gk__buf_init(&text), gk__buf_init(&tmp);
  for (size_t r = 0; r < nr && !g->err; r++) {
    const gt_row *row = &GT_AT(t->rows, gt_row, r);
    gk__grid_row(g, GK__BLK_ROW, table, (uint32_t)(r + 1), row->pos);
    if (!g->err) g->blocks[g->nblocks - 1].soff = row->off, g->blocks[g->nblocks - 1].slen = row->len;
    size_t from = ci;
    while (ci < nc && GT_AT(t->cells, gt_cell, ci).row == r) ci++;
    size_t n = row_order(t, from, ci, ord);
    for (size_t k = 0; k < n && !g->err; k++) {
      const gt_cell *c = &GT_AT(t->cells, gt_cell, ord[k]);
      uint32_t rs = c->last >= c->row ? c->last - c->row + 1 : (uint32_t)nr - c->row;
      cell_text(t, c, &text, &tmp);
      if (text.err) g->err = GK_ENOMEM;
      gk__grid_cell(g, text.data ? text.data : "", text.len, c->x, rs > UINT16_MAX ? UINT16_MAX : (uint16_t)rs,
                    (uint16_t)c->span, r < t->nhead ? GK__CELL_HEADER : 0, c->pos);
    }
  }
  gk__buf_free(&text), gk__buf_free(&tmp);
}

/* A table being read from the source s. */
static void gt_init(gt_table *t, const char *s) {
  memset(t, 0, sizeof *t);
  t->s = s;
  gk__buf_init(&t->lines), gk__buf_init(&t->rows), gk__buf_init(&t->cells), gk__buf_init(&t->pieces);
}

/* The table read (nl lines, its last line's end at e): its rows into g as
 * table ++*table, *end and *nlines set; its buffers freed; nl. */
static size_t gt_finish(gk__grid *g, gt_table *t, size_t nl, size_t e, uint32_t *table, size_t *end,
                        uint32_t *nlines) {
  if (t->err) g->err = t->err;
  if (nl && !t->err) emit(g, t, ++*table), *end = e;
  *nlines = (uint32_t)nl;
  gk__buf_free(&t->lines), gk__buf_free(&t->rows), gk__buf_free(&t->cells), gk__buf_free(&t->pieces);
  return nl;
}

size_t gk__gridtable_read(gk__grid *g, const char *s, size_t n, size_t st, uint32_t line, uint32_t *table,
                          size_t *end, uint32_t *nlines) {
  gt_table t;
  gt_init(&t, s);
  size_t e = 0, nl = find_lines(&t, s, n, st, line, &e);
  for (size_t i = 1; i < nl && !t.err; i++) {
    const gt_line *gl = &GT_AT(t.lines, gt_line, i);
    if (gl->border) border_row(&t, gl);
    else content_line(&t, gl);
  }
  return gt_finish(g, &t, nl, e, table, end, nlines);
}

/* ------------------------------------------------------------ simple and multiline tables */
/* pandoc's simple tables (a header line, a line of dash runs under it giving
 * the columns, one row a line up to a blank line; without a header, dash
 * runs above and below the rows) and multiline tables (a line of dashes, the
 * header's lines, the dash runs, rows apart by blank lines, a line of
 * dashes). A character of a row stands under a dash run (the last column
 * reaches to the line's end), else the line is no row of the table: a simple
 * table ends above it, a multiline table is none. A dash-runs line is never
 * a row of '-' values. */

/* The dash runs of the line p[0..n) (only '-' and spaces, ASCII: a byte a
 * column) into the table's; their number, 0 when it is none or has too
 * many. */
static uint32_t dash_runs(gt_table *t, const char *p, size_t n) {
  uint32_t nr = 0;
  for (size_t i = 0; i < n; i++) {
    if (p[i] == ' ') continue;
    if (p[i] != '-' || nr == GT_MAX_COLS) return 0;
    t->ra[nr] = (uint32_t)i;
    while (i < n && p[i] == '-') i++;
    t->rb[nr++] = (uint32_t)i;
    i--;
  }
  return nr;
}

/* The cells of the line gl under the runs: byte ranges [ca, cb) in the line
 * (SIZE_MAX none) and their code point columns; 0 when a character stands
 * outside every run (or a wide one across its end). */
static int cut_runs(const gt_table *t, const gt_line *gl, size_t *ca, size_t *cb, uint32_t *cpc) {
  const char *p = t->s + gl->off;
  uint32_t d = 0, c = 0, k = 0;
  for (uint32_t j = 0; j < t->nr; j++) ca[j] = cb[j] = SIZE_MAX, cpc[j] = t->ra[j];
  for (size_t i = 0; i < gl->len; c++) {
    size_t at = i;
    uint32_t cp = gk__utf8_next(p, gl->len, &i), w = cp_width(cp);
    while (k + 1 < t->nr && d >= t->ra[k + 1]) k++; /* the column whose extent holds d */
    if (!gk__is_space(cp)) {
      if (d < t->ra[k] || (k + 1 < t->nr && d + w > t->rb[k])) return 0;
      if (ca[k] == SIZE_MAX) ca[k] = at, cpc[k] = c;
      cb[k] = i;
    }
    d += w;
  }
  return 1;
}

/* The line gl of a row cut under the runs: the row's cells (its first line,
 * first set) or pieces of them. 0 when not sound (nothing added). */
static int runs_line(gt_table *t, const gt_line *gl, int first) {
  size_t ca[GT_MAX_COLS], cb[GT_MAX_COLS];
  uint32_t cpc[GT_MAX_COLS];
  if (!cut_runs(t, gl, ca, cb, cpc)) return 0;
  for (uint32_t k = 0; k < t->nr && !t->err; k++) {
    uint32_t ci = first ? new_cell(t, gl, k, 1, cpc[k]) : t->open[k];
    if (ci && ca[k] != SIZE_MAX) put_piece(t, gl, ci, ca[k], cb[k], cpc[k]);
  }
  return 1;
}

/* The next line at *at (line number *line) into gl, trailing white space
 * left out; *e its end. 0 when none is left. */
static int next_line(const char *s, size_t n, size_t *at, uint32_t *line, gt_line *gl, size_t *e) {
  if (*at > n) return 0;
  size_t len;
  *e = line_at(s, n, *at, &len);
  *gl = (gt_line){*at, len, *line, 0};
  *at = *e + 1, ++*line;
  return 1;
}

static int blank(const gt_table *t, const gt_line *gl) { return gk__trim_left(t->s + gl->off, gl->len) == gl->len; }

/* Does the line hold dashes and spaces only, a dash at least? */
static int dash_line(const char *p, size_t n) {
  size_t k = 0, d = 0;
  for (; k < n && (p[k] == '-' || p[k] == ' '); k++) d += p[k] == '-';
  return k == n && d > 0;
}

/* The rows of lines [from, to) of t->lines: one a line (simple), or groups
 * apart by blank lines (multi). 0 when a line is not sound. */
static int runs_rows(gt_table *t, size_t from, size_t to, int multi) {
  int open = 0;
  for (size_t i = from; i < to && !t->err; i++) {
    const gt_line *gl = &GT_AT(t->lines, gt_line, i);
    if (blank(t, gl)) {
      if (open) t->cur++;
      open = 0;
      continue;
    }
    if (!runs_line(t, gl, !open)) return 0;
    open = multi;
    if (!multi) t->cur++;
  }
  if (open) t->cur++;
  return 1;
}

static void keep_line(gt_table *t, const gt_line *gl) {
  gk__buf_put(&t->lines, (const char *)gl, sizeof *gl);
  if (t->lines.err) t->err = GK_ENOMEM;
}

/* A simple table with its header at st: the header row, the rows up to a
 * blank line or the first line that is not sound. Its lines, 0 none. */
static size_t simple_table(gt_table *t, const char *s, size_t n, size_t st, uint32_t line, size_t *end) {
  gt_line h, d, gl;
  size_t at = st, e = 0, nl = 2;
  if (!next_line(s, n, &at, &line, &h, &e) || !next_line(s, n, &at, &line, &d, &e) ||
      (t->nr = dash_runs(t, s + d.off, d.len)) < 2 || !runs_line(t, &h, 1))
    return 0;
  t->cur = t->nhead = 1;
  *end = e;
  while (!t->err && next_line(s, n, &at, &line, &gl, &e) && !blank(t, &gl) && !dash_line(s + gl.off, gl.len) &&
         runs_line(t, &gl, 1))
    t->cur++, nl++, *end = e;
  return nl > 2 ? nl : 0;
}

/* The lines of a table that starts with a line of dashes at st, up to the
 * line of dashes that closes it (kept in t->lines): *runs the index of the
 * dash runs (1 after a header, 0 none); 0 when it is none. */
static size_t runs_extent(gt_table *t, const char *s, size_t n, size_t st, uint32_t line, size_t *runs,
                          size_t *end) {
  gt_line gl;
  size_t at = st, e = 0, nl = 0;
  int head = 0, was_blank = 0;
  *runs = 0;
  while (!t->err && next_line(s, n, &at, &line, &gl, &e)) {
    keep_line(t, &gl);
    int dl = dash_line(s + gl.off, gl.len), bl = blank(t, &gl);
    uint32_t nr = dl ? dash_runs(t, s + gl.off, gl.len) : 0;
    if (++nl == 1) {
      head = nr == 1;
      if (!nr || (head && gl.len < 3)) return 0;
    } else if (head && !*runs) { /* the header's lines, then its dash runs */
      if (nr >= 2) *runs = nl - 1;
      else if (bl || dl || nl > 10) return 0;
    } else if (dl) {
      *end = e;
      return nl > *runs + 2 ? nl : 0;
    } else if (bl && was_blank) {
      return 0;
    }
    was_blank = bl;
  }
  return 0;
}

/* A multiline table, or a table without a header (dash runs above and below
 * its rows, blank lines between them when it is multiline), at st. Its
 * lines, 0 none. */
static size_t runs_table(gt_table *t, const char *s, size_t n, size_t st, uint32_t line, size_t *end) {
  size_t runs = 0, nl = runs_extent(t, s, n, st, line, &runs, end);
  if (!nl) return 0;
  const gt_line *gl = &GT_AT(t->lines, gt_line, runs);
  if ((t->nr = dash_runs(t, s + gl->off, gl->len)) < 2) return 0;
  for (size_t i = 1; i < runs; i++)
    if (!runs_line(t, &GT_AT(t->lines, gt_line, i), i == 1)) return 0;
  if (runs) t->cur = t->nhead = 1;
  int multi = runs > 0;
  for (size_t i = runs + 1; i + 1 < nl; i++) multi |= blank(t, &GT_AT(t->lines, gt_line, i));
  return runs_rows(t, runs + 1, nl - 1, multi) && GT_N(t->rows, gt_row) > t->nhead ? nl : 0;
}

size_t gk__dashtable_read(gk__grid *g, const char *s, size_t n, size_t st, uint32_t line, uint32_t *table,
                          size_t *end, uint32_t *nlines) {
  gt_table t;
  gt_init(&t, s);
  size_t len;
  line_at(s, n, st, &len);
  size_t e = 0, nl = dash_line(s + st, len) ? runs_table(&t, s, n, st, line, &e) : simple_table(&t, s, n, st, line, &e);
  return gt_finish(g, &t, nl, e, table, end, nlines);
}
