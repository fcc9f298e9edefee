/* SPDX-License-Identifier: MIT */
/* libgkreport internal: the document grid, the one shape every reader produces
 * and the table recognizer consumes (architecture.md "Importing documents").
 * Never installed.
 *
 * A reader (plain text in its layouts, Markdown, one-line page text, HTML, DOCX)
 * turns a document into a grid: its blocks in document order. A reader knows
 * layouts, never the format: no row label, heading wording or edition appears in
 * a reader. The recognizer (gk__report_from_grid) matches the grid against the
 * declared schema.
 *
 * Invariants (checked by gk__grid_check, asserted by the tests):
 *  - blocks[] are in document order; positions never decrease along it for
 *    line:column readers (a DOCX reader numbers tables and paragraphs in order);
 *  - a block's text and every cell's text are valid UTF-8, NUL-free, trimmed of
 *    leading and trailing white space, stored in the grid's arena (off, len);
 *    an empty cell has len 0 (blank is kept, never dropped);
 *  - a ROW block owns cells[first .. first+ncells) and nothing else does; its
 *    cells are in reading order, left to right;
 *  - cell.x is the cell's column in the laid-out table (spans counted): a cell
 *    with colspan k covers columns x .. x+k-1; a cell with rowspan k > 1 also
 *    covers the same columns of the next k-1 rows of its table, and is NOT
 *    repeated in them (those rows simply have no cell at those x);
 *  - ROW blocks of one source table share `table` (1-based, in document order;
 *    0 when the layout has no table boundaries, e.g. TAB lines) and number their
 *    rows in `row` (1-based within the table); nested tables get their own number;
 *  - a TOKENS block (one-line page text) holds cells that are tokens without
 *    cell boundaries: a token flagged GK__CELL_RUN is a run of digits (maybe
 *    with a sign, a decimal part and a unit) that may hold several cells run
 *    together; the recognizer splits it by the format's identities;
 *  - positions (gk__gpos): for text, HTML and Markdown `line` and `col` are
 *    1-based line and column (in code points) of the source; for DOCX
 *    (pos_kind GK__POS_DOCX) a cell has table/row/cell in (line >> 16,
 *    line & 0xffff, col) and a paragraph has its number in line, col 0.
 *  - the text reader (gk__grid_from_text) yields one block per source line,
 *    in order, but one empty PARA for a run of blank lines, and keeps the
 *    source (src) with each block's lines in it (soff, slen): prose stays
 *    verbatim, and a run of blank lines keeps its count (in a one-cell-per-line
 *    layout blank lines may be blank cells); a grid table (pandoc, RST) or a pandoc
 *    simple or multiline table is one ROW a row of it, its border and dash lines
 *    none, its source line the row's first; a Markdown
 *    alignment row ("|---|:--:|") stays a ROW of its own, and flags the cells of
 *    the row above it GK__CELL_HEADER; a raw HTML table (a line starting
 *    "<table" to its "</table>") is the HTML reader's blocks, and the grid then
 *    has no src (its lines are its blocks written out, as another reader's);
 *  - every cell carries its value class, set by the grid (gk__grid_classify)
 *    whatever the reader: GK__CELL_VALUE exactly when its text is one value as
 *    the recognizer reads a field (a quoted literal 「…」 as a whole, or one
 *    word without white space that gk__text_is_value accepts), and with it
 *    GK__CELL_COUNT exactly when the text is 1 to 15 ASCII digits; num is then
 *    their value (gk__parse_cell_text of any kind but amount reads the text as
 *    num), else 0. The recognizer reads a flagged cell without looking at its
 *    text again;
 *  - meta[] holds key/value pairs the reader found outside the report proper
 *    (a web page's metadata table: "名称", "发布机构", "公开日期", ...; the
 *    document title), in document order; the recognizer may use them.
 */
#ifndef GKREPORT_GRID_H
#define GKREPORT_GRID_H

#include <stddef.h>
#include <stdint.h>
#include "internal.h"

typedef enum gk__block_kind {
  GK__BLK_PARA = 0,    /* a paragraph of prose (may be a title or a heading) */
  GK__BLK_HEADING = 1, /* a block the layout marks as a heading (#, <h2>, Word Heading style) */
  GK__BLK_ROW = 2,     /* a table row: cells */
  GK__BLK_TOKENS = 3   /* one-line page text: tokens without cell boundaries */
} gk__block_kind;

enum { GK__POS_TEXT = 0, GK__POS_DOCX = 1 };

/* cell flags */
enum {
  GK__CELL_HEADER = 1u << 0, /* the layout marks it a header cell (<th>, Markdown header row) */
  GK__CELL_RUN = 1u << 1,    /* a token that is a run of digits (TOKENS blocks) */
  GK__CELL_VALUE = 1u << 2,  /* the text is one value (set by the grid, see above) */
  GK__CELL_COUNT = 1u << 3   /* ... 1 to 15 ASCII digits, their value in num */
};
#define GK__CELL_CLASS (GK__CELL_VALUE | GK__CELL_COUNT)

typedef struct { uint32_t line, col; } gk__gpos;

typedef struct {
  uint32_t off, len;        /* text in the arena */
  uint32_t x;               /* laid-out column, spans counted */
  uint16_t rowspan, colspan;/* >= 1 */
  uint32_t flags;           /* GK__CELL_* */
  gk__gpos pos;
  int64_t num;              /* a GK__CELL_COUNT cell's value, else 0 */
} gk__gcell;

typedef struct {
  gk__block_kind kind;
  uint32_t off, len;        /* PARA/HEADING text in the arena */
  uint32_t first, ncells;   /* ROW/TOKENS cells */
  uint32_t table, row;      /* ROW: source table (1-based, 0 none) and row in it */
  uint8_t level;            /* HEADING: 1..6 when the layout says, else 0 */
  gk__gpos pos;
  size_t soff, slen;        /* text readers: the block's source line in grid.src */
} gk__gblock;

typedef struct {
  uint32_t koff, klen, voff, vlen;
} gk__gmeta;

typedef struct gk__grid {
  gk__buf arena;
  gk__gblock *blocks;
  size_t nblocks, capblocks;
  gk__gcell *cells;
  size_t ncells, capcells;
  gk__gmeta *meta;
  size_t nmeta, capmeta;
  const char *src; /* text readers: the source (not owned; NULL for other readers) */
  size_t nsrc;
  size_t nlines;  /* the text reader: the source's lines ('\n' count + 1) */
  size_t longest; /* the text reader: bytes of its longest line ('\r' counted, '\n' not) */
  int pos_kind; /* GK__POS_* */
  int err;      /* first error (GK_ENOMEM, GK_EOVERFLOW), sticky */
} gk__grid;

void gk__grid_init(gk__grid *g);
void gk__grid_free(gk__grid *g);
/* Text of a block / cell (not NUL-terminated; use the len). */
static inline const char *gk__grid_text(const gk__grid *g, uint32_t off) {
  return g->arena.data ? g->arena.data + off : "";
}
/* Room for nblocks blocks, ncells cells and text bytes of text ahead (a
 * reader that knows its input's size saves the regrowing); GK_OK or GK_ENOMEM
 * (g->err). */
int gk__grid_reserve(gk__grid *g, size_t nblocks, size_t ncells, size_t text);
/* Append a PARA or HEADING block; text is trimmed here. */
void gk__grid_para(gk__grid *g, gk__block_kind kind, uint8_t level, const char *s, size_t n,
                   gk__gpos pos);
/* Start a ROW (or TOKENS) block; cells are then added with gk__grid_cell. */
void gk__grid_row(gk__grid *g, gk__block_kind kind, uint32_t table, uint32_t row, gk__gpos pos);
/* gk__grid_row of a ROW outside a table (table 0, row 0), inline when there
 * is room. */
static inline void gk__grid_row_at(gk__grid *g, gk__gpos pos) {
  if (!g->err && g->nblocks < g->capblocks) {
    gk__gblock *b = &g->blocks[g->nblocks++];
    *b = (gk__gblock){0};
    b->kind = GK__BLK_ROW, b->pos = pos, b->first = (uint32_t)g->ncells;
    return;
  }
  gk__grid_row(g, GK__BLK_ROW, 0, 0, pos);
}
/* Append a cell to the last ROW/TOKENS block; text is trimmed here. x is the
 * laid-out column (the reader computes it from the spans above). The value
 * class (GK__CELL_VALUE, GK__CELL_COUNT, num) is the grid's: any of it in
 * flags is ignored. */
void gk__grid_cell(gk__grid *g, const char *s, size_t n, uint32_t x, uint16_t rowspan,
                   uint16_t colspan, uint32_t flags, gk__gpos pos);
/* gk__grid_cell for a reader that trimmed and classified the text while
 * scanning it, and whose text already stands in the arena at off (the text
 * reader's copy of its source): flags hold gk__grid_classify's answer, num its
 * value; rowspan and colspan 1. The byte after the text (arena[off + n], which
 * must be inside the arena and no part of any text) is made its NUL. */
void gk__grid_cell_at_grow(gk__grid *g, size_t off, size_t n, uint32_t x, uint32_t flags, int64_t num,
                           gk__gpos pos);
static inline void gk__grid_cell_at(gk__grid *g, size_t off, size_t n, uint32_t x, uint32_t flags, int64_t num,
                                    gk__gpos pos) {
  gk__gblock *b = g->nblocks ? &g->blocks[g->nblocks - 1] : NULL;
  if (!g->err && g->ncells < g->capcells && g->ncells < UINT32_MAX && b && b->kind == GK__BLK_ROW &&
      off + n < g->arena.len && off + n <= UINT32_MAX) { /* room, the text inside the arena */
    g->cells[g->ncells++] = (gk__gcell){(uint32_t)off, (uint32_t)n, x, 1, 1, flags, pos, num};
    g->arena.data[off + n] = '\0';
    b->ncells++;
    return;
  }
  gk__grid_cell_at_grow(g, off, n, x, flags, num, pos); /* grows, or says the error */
}
/* Room for k more cells of the last block, a ROW, whose texts (and their
 * NULs) lie in the arena before offset end: then k calls of gk__grid_cell_put
 * need no other check. */
static inline int gk__grid_cells_room(const gk__grid *g, size_t k, size_t end) {
  return !g->err && g->nblocks && g->blocks[g->nblocks - 1].kind == GK__BLK_ROW && g->capcells - g->ncells >= k &&
         UINT32_MAX - g->ncells >= k && end < g->arena.len && end <= UINT32_MAX;
}
/* gk__grid_cell_at for a cell gk__grid_cells_room made room for. */
static inline void gk__grid_cell_put(gk__grid *g, size_t off, size_t n, uint32_t x, uint32_t flags, int64_t num,
                                     gk__gpos pos) {
  g->cells[g->ncells++] = (gk__gcell){(uint32_t)off, (uint32_t)n, x, 1, 1, flags, pos, num};
  g->arena.data[off + n] = '\0';
  g->blocks[g->nblocks - 1].ncells++;
}
/* The value class of a cell's trimmed text s[0..n) (the invariant above):
 * GK__CELL_VALUE, with GK__CELL_COUNT and *num for 1 to 15 ASCII digits, or 0;
 * *num is 0 unless a count. */
uint32_t gk__grid_classify(const char *s, size_t n, int64_t *num);
/* A plain count: 1 to 15 ASCII digits, their value in *v (GK__CELL_COUNT's test). */
static inline int gk__grid_plain_count(const char *s, size_t n, int64_t *v) {
  if (n == 0 || n > 15) return 0;
  int64_t x = 0;
  for (size_t i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9') return 0;
    x = x * 10 + (s[i] - '0');
  }
  *v = x;
  return 1;
}
/* Append a metadata pair. */
void gk__grid_meta(gk__grid *g, const char *k, size_t kn, const char *v, size_t vn);
/* GK_OK when g keeps the invariants above, else GK_EINVAL (tests, debug). */
int gk__grid_check(const gk__grid *g);

/* The text reader: UTF-8 text s[0..n) (decoded, NUL-free) as a grid of one
 * block per line (read_text.c): a line with TAB or bars ('|', '｜', '│', '┃';
 * none inside a quoted 「…」) is a ROW of the fields between them (a bar line's
 * outer bars open and close it; consecutive bar lines are one table, TAB
 * lines have table 0); a line whose text stands in columns two spaces or an
 * ideographic space apart (pdftotext -layout) is a ROW of them (table 0); a
 * pandoc grid, simple or multiline table is a table of ROWs, one a row
 * (gk__gridtable_read, gk__dashtable_read); a Markdown heading ("## …") is a
 * HEADING with its level; a run of blank lines one empty PARA; any other line
 * a PARA. A raw HTML table (a line starting "<table", maybe after MinerU's
 * "<html><body>", to its "</table>", outside fenced code) is read by the HTML
 * reader (gk__html_fragment), and g->src is then NULL; a pipe or grid table
 * cell's inline markup is left out (gk__md_cell_text).
 * g is initialised here; s must outlive g (g->src points into it). GK_OK, or
 * GK_ENOMEM / GK_EOVERFLOW (g->err). */
int gk__grid_from_text(gk__grid *g, const char *s, size_t n);

/* For the tests (read_text.c): may the line p[0..n) (no '\n') be space-aligned
 * columns by the reader's one scan (0: it holds no white space byte), and the
 * full test's count (2: it holds a column gap with text on both sides). */
int gk__text_line_may_align(const char *p, size_t n);
size_t gk__text_line_aligned(const char *p, size_t n);

/* The text of a Markdown table cell p[0..n) (a pipe cell trimmed, or a grid
 * table cell's joined text) without its inline markup, into b (emptied
 * first): emphasis markers that wrap text, inline HTML tags, links (their
 * text kept), images, footnote references and struck text dropped, <sup> and
 * <sub> apart or dropped as note marks, <br> a space, entities decoded
 * (md_cell.c). GK_OK, or GK_ENOMEM (b->err). gk__md_cell_has_markup: does
 * p[0..n) hold a byte that may start markup (else it is its own text)? */
int gk__md_cell_text(gk__buf *b, const char *p, size_t n);
int gk__md_cell_has_markup(const char *p, size_t n);

/* A pandoc or reStructuredText grid table whose top border is the line at
 * s[st..) (line number `line`), for the text reader's line loop
 * (read_gridtable.c): its rows appended to g as ROW blocks of table
 * ++*table, *end the offset of its last line's end ('\n' or n), *nlines its
 * lines. Returns the lines read, 0 when no grid table starts there (nothing
 * appended). */
size_t gk__gridtable_read(gk__grid *g, const char *s, size_t n, size_t st, uint32_t line, uint32_t *table,
                          size_t *end, uint32_t *nlines);

/* The same for pandoc's simple and multiline tables: a header line at st
 * over a line of dash runs, or a line of dashes at st opening a multiline
 * table or one without a header. */
size_t gk__dashtable_read(gk__grid *g, const char *s, size_t n, size_t st, uint32_t line, uint32_t *table,
                          size_t *end, uint32_t *nlines);

/* Bytes of the shortest line that may be one-line page text: a text whose
 * every line is shorter (gk__grid_from_text's longest) is none, and
 * gk__grid_from_pagetext returns 0 for it. */
#define GK__PAGE_MIN_LINE 600

/* The table recognizer: a report from a grid. Same contract as
 * gk_report_from_text (diagnostics with source positions, GK_EPARSE for a
 * document that is no report). */
int gk__report_from_grid(gk_report **out, const gk__grid *g, const char *source_name,
                         gk_diags *diags);

#endif /* GKREPORT_GRID_H */
