/* SPDX-License-Identifier: MIT */
/* libgkreport: the plain text and Markdown reader. A document's lines become
 * the grid of grid.h, one block per line (a run of blank lines one): rows of cells split at TAB and bars
 * (TSV, pipe and box-drawing tables, Markdown tables with their alignment
 * rows), rows of space-aligned columns (pdftotext -layout), Markdown headings,
 * prose lines and blank lines; pandoc's grid, simple and multiline tables are
 * read whole by read_gridtable.c, one block a row. A cell keeps its source line and column. The
 * reader knows layouts only: nothing here names a row, a heading or an
 * edition. */
#include <string.h>
#include <strings.h>
#include "grid.h"
#include "read_doc.h"
#include "text_int.h"

/* One source line being read. */
typedef struct {
  const char *p;
  size_t n;
  uint32_t line;
  size_t memo_at, memo_col; /* col_of's last answer: cells come left to right */
} src_line;

/* Length of a wide bar at p[i], which starts with 0xEF or 0xE2: full-width
 * "｜" (U+FF5C) or box-drawing "│" / "┃" (U+2502, U+2503); 0 when none. */
static size_t wide_bar_len(const char *p, size_t n, size_t i) {
  if (i + 3 <= n && (memcmp(p + i, "\xEF\xBD\x9C", 3) == 0 || memcmp(p + i, "\xE2\x94\x82", 3) == 0 ||
                     memcmp(p + i, "\xE2\x94\x83", 3) == 0))
    return 3;
  return 0;
}

/* Length of a field separator at p[i]: TAB, '|' or a wide bar; 0 when none.
 * The lead byte is tested first: most bytes are none. */
static inline size_t sep_len(const char *p, size_t n, size_t i) {
  unsigned char c = (unsigned char)p[i];
  if (c == '\t' || c == '|') return 1;
  return c == 0xEF || c == 0xE2 ? wide_bar_len(p, n, i) : 0;
}

static inline int is_bar(const char *p, size_t n, size_t i) { return p[i] != '\t' && sep_len(p, n, i); }

/* Can a separator or a quote start at a byte c: TAB, '|', the lead bytes of
 * the wide bars (EF, E2) and of 「 (E3)? Every other byte is skipped at once. */
static const unsigned char sep_lead[256] = {['\t'] = 1, ['|'] = 1, [0xE2] = 1, [0xE3] = 1, [0xEF] = 1};
static inline int sep_or_quote_lead(unsigned char c) { return sep_lead[c]; }

/* Offsets of the first separator and of the first bar of the line outside a
 * quoted literal (n when none), in one pass. */
static void first_seps(const char *p, size_t n, size_t *any, size_t *bar) {
  *any = *bar = n;
  for (size_t i = 0, qe, sl; i < n; i++) {
    if (!sep_or_quote_lead((unsigned char)p[i])) continue;
    if ((qe = gk__text_quote_end(p, n, i)) != 0) {
      i = qe - 1;
    } else if ((sl = sep_len(p, n, i)) != 0) {
      if (*any == n) *any = i;
      if (p[i] != '\t') {
        *bar = i;
        return;
      }
    }
  }
}

/* Column (1-based, code points) of byte offset at of the line; counts on from
 * the last offset asked when at is not before it. */
static uint32_t col_of(src_line *l, size_t at) {
  size_t c = 1, i = 0;
  if (l->memo_col && l->memo_at <= at) c = l->memo_col, i = l->memo_at;
  for (; i < at && i < l->n; i++) c += ((unsigned char)l->p[i] & 0xC0) != 0x80;
  l->memo_at = i, l->memo_col = c;
  return c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
}

static void put_cell(gk__grid *g, src_line *l, size_t a, size_t b, uint32_t x) {
  size_t ta = a, tb = b;
  gk__trim_span(l->p, &ta, &tb);
  gk__gpos pos = {l->line, col_of(l, ta < tb ? ta : a)}; /* a blank cell: where its field starts */
  gk__grid_cell(g, l->p + ta, tb - ta, x, 1, 1, 0, pos);
}

/* ------------------------------------------------------------ markup in pipe cells */
/* put_cell for a Markdown pipe row holding markup: the cell's text without
 * it (gk__md_cell_text into tmp) when it holds some; its column where the
 * cell's text starts in the source. */
static void put_cell_md(gk__grid *g, src_line *l, size_t a, size_t b, uint32_t x, gk__buf *tmp) {
  size_t ta = a, tb = b;
  gk__trim_span(l->p, &ta, &tb);
  if (!gk__md_cell_has_markup(l->p + ta, tb - ta)) {
    put_cell(g, l, a, b, x);
    return;
  }
  if (gk__md_cell_text(tmp, l->p + ta, tb - ta) != GK_OK && !g->err) g->err = GK_ENOMEM;
  gk__gpos pos = {l->line, col_of(l, ta)};
  gk__grid_cell(g, tmp->data ? tmp->data : "", tmp->len, x, 1, 1, 0, pos);
}

/* A TAB line without bars, quotes or a Markdown heading (the one-cell-per-line
 * layout: indentation and a value) whose TABs the scan found (tabs[0..nt),
 * offsets in the line; room for one more; fcol[k] the column where field k
 * starts, fcol[0] 1): the row sep_row makes of it, in one walk of its fields.
 * Each field is trimmed (its column counted on over the white space left out)
 * and classified, its text left where it stands in the grid's copy of the
 * source (gk__grid_cell_put); the row's column (its first text's, or the
 * line's end when all is blank) is set after. 0 when the line is a Markdown
 * heading (the general path reads it). */
#define TAB_MAX 64
static int tab_row_cut(gk__grid *g, src_line *l, size_t *tabs, const uint32_t *fcol, size_t nt) {
  const char *p = l->p;
  size_t n = l->n, first = gk__trim_left(p, n);
  uint32_t rcol = 0;
  if (first < n && p[first] == '#') return 0; /* maybe "## heading" */
  gk__grid_row_at(g, (gk__gpos){l->line, 0});
  size_t base = (size_t)(p - g->src);
  int room = gk__grid_cells_room(g, nt + 1, base + n);
  tabs[nt] = n;
  for (size_t k = 0, st = 0; k <= nt && !g->err; st = tabs[k++] + 1) {
    size_t a = st, b = tabs[k], sk;
    uint32_t col = fcol[k], cls = 0;
    while (a < b && (sk = gk__space_at(p, b, a)) > 0) a += sk, col++; /* one character each */
    while (b > a && (sk = gk__space_before(p + a, b - a)) > 0) b -= sk;
    int64_t num = 0;
    if (a == b) col = fcol[k]; /* a blank cell: where its field starts */
    else if (gk__grid_plain_count(p + a, b - a, &num)) cls = GK__CELL_VALUE | GK__CELL_COUNT; /* classify's first test */
    else cls = gk__grid_classify(p + a, b - a, &num);
    if (a < b && !rcol) rcol = col;
    gk__gpos cp = {l->line, col};
    if (room) gk__grid_cell_put(g, base + a, b - a, (uint32_t)k, cls, num, cp);
    else gk__grid_cell_at(g, base + a, b - a, (uint32_t)k, cls, num, cp);
  }
  if (!rcol) { /* blank: the line's end */
    size_t col = 1;
    for (size_t i = 0; i < n; i++) col += ((unsigned char)p[i] & 0xC0) != 0x80;
    rcol = (uint32_t)col;
  }
  if (!g->err) g->blocks[g->nblocks - 1].pos.col = rcol;
  return 1;
}

/* A TAB line whose scan met a bar, a 「 or too many TABs: its own look at
 * every byte decides (a bar, a quoted literal or more than TAB_MAX TABs: 0,
 * the general path reads it), else tab_row_cut. */
static int tab_row(gk__grid *g, src_line *l) {
  const char *p = l->p;
  size_t n = l->n, tabs[TAB_MAX + 1], nt = 0, col = 1;
  uint32_t fcol[TAB_MAX + 1] = {1};
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)p[i];
    col += (c & 0xC0) != 0x80;
    if (!sep_or_quote_lead(c)) continue;
    if (c != '\t') {
      if (c == '|' || sep_len(p, n, i) || gk__text_quote_end(p, n, i)) return 0;
    } else if (nt == TAB_MAX) {
      return 0;
    } else {
      tabs[nt++] = i, fcol[nt] = (uint32_t)col;
    }
  }
  return nt ? tab_row_cut(g, l, tabs, fcol, nt) : 0;
}

/* What the one scan of the source tells of a line: where it ends (its '\n',
 * or the end of the source), its TABs (offsets in the line), whether a byte
 * stands in it that makes the TAB fast path look closer (odd: a bar, a 「,
 * more than TAB_MAX TABs), and where the first byte stands that may be or
 * start white space (ws, an offset in the line; SIZE_MAX none). */
typedef struct {
  size_t end, nt, ws;
  int odd, bars; /* bars: a '|' or a wide bar stands in it (else it has no separator but TABs) */
  size_t tabs[TAB_MAX + 1];
  uint32_t fcol[TAB_MAX + 1]; /* the column where the field after each TAB starts; fcol[0] 1 */
} line_scan;

/* Classes of bytes for the scan: ASCII text passes (0); the lead bytes of
 * three-byte characters that are no white space (1: E1, E4..E9 the CJK
 * ideographs, EA..EE) pass with their two continuation bytes; a line end, a
 * TAB, and the lead bytes of the other separators and of 「 ('|', E2, EF, E3)
 * stop it (2); every other byte (3) may be white space: ASCII white space but
 * TAB, a stray byte, a lead byte without its continuation bytes, a two- or
 * four-byte or an overlong character, as gk__utf8_next reads them. */
#define SCAN_HIGH8(v) v, v, v, v, v, v, v, v
#define SCAN_HIGH16(v) SCAN_HIGH8(v), SCAN_HIGH8(v)
static const unsigned char scan_class[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 3, 3, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 00..1F */
    3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 20..3F */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 40..5F */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, /* 60..7F */
    SCAN_HIGH16(3), SCAN_HIGH16(3), SCAN_HIGH16(3), SCAN_HIGH16(3),                                 /* 80..BF */
    SCAN_HIGH16(3), SCAN_HIGH16(3),                                                                 /* C0..DF */
    3, 1, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, SCAN_HIGH16(3)                                  /* E0..FF */
};

/* A wide white space among E2, E3, EF characters: U+2000..200B, U+3000, U+FEFF
 * (gk__space_at_wide); u[1], u[2] are continuation bytes. */
static int wide_space3(const unsigned char *u) {
  return (u[0] == 0xE2 && u[1] == 0x80 && u[2] <= 0x8B) || (u[0] == 0xE3 && u[1] == 0x80 && u[2] == 0x80) ||
         (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF);
}

/* A separator's or 「's lead byte u[i] (stop class, not '\n'; cont the
 * continuation bytes of the line before it): TABs and bars noted; the offset
 * after it (a whole character when it is one). */
static size_t scan_stop_byte(const unsigned char *u, size_t n, size_t i, size_t st, size_t cont, line_scan *ls) {
  int three = n - i >= 3 && ((u[i + 1] ^ 0x80u) | (u[i + 2] ^ 0x80u)) < 0x40u;
  if (u[i] == '\t') {
    if (ls->nt < TAB_MAX) ls->tabs[ls->nt++] = i - st, ls->fcol[ls->nt] = (uint32_t)(i + 2 - st - cont);
    else ls->odd = 1;
    if (ls->ws == SIZE_MAX) ls->ws = i - st;
    return i + 1;
  }
  if (u[i] == '|') {
    ls->odd = ls->bars = 1;
    return i + 1;
  }
  if (wide_bar_len((const char *)u, n, i)) ls->odd = ls->bars = 1;
  else if (three && u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x8C) ls->odd = 1; /* 「 */
  if (three && !wide_space3(u + i)) return i + 3;
  if (ls->ws == SIZE_MAX) ls->ws = i - st;
  return three ? i + 3 : i + 1;
}

/* Scan the line of s[0..n) starting at st, up to its '\n'. A character is
 * passed whole only when its continuation bytes are there (never a '\n');
 * the continuation bytes are counted (cont) for the columns of TAB fields. */
static void scan_line(const char *s, size_t n, size_t st, line_scan *ls) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = st, cont = 0;
  ls->nt = 0, ls->odd = 0, ls->bars = 0, ls->ws = SIZE_MAX, ls->fcol[0] = 1;
  while (i < n) {
    unsigned c = u[i], k = scan_class[c];
    if (k == 0) {
      i++;
      continue;
    }
    if (k == 1 && n - i >= 3 && ((u[i + 1] ^ 0x80u) | (u[i + 2] ^ 0x80u)) < 0x40u) { /* no white space among them */
      i += 3, cont += 2;
      continue;
    }
    if (k == 2) {
      if (c == '\n') break;
      size_t j = scan_stop_byte(u, n, i, st, cont, ls);
      cont += j - i - 1; /* 2 for a whole character, else 0 */
      i = j;
      continue;
    }
    if (ls->ws == SIZE_MAX) ls->ws = i - st; /* ASCII white space, or maybe white space */
    cont += (c & 0xC0) == 0x80;
    i++;
  }
  ls->end = i;
}

/* May the line (its length len, '\r's at the end left out) be space-aligned
 * columns? Not when no byte in it may be white space: aligned_cells would
 * find no gap. */
static int maybe_aligned(const line_scan *ls, size_t len) { return ls->nt || ls->ws < len; }

/* A line with separators: its fields as cells. A bar line's outer bars open and
 * close the row: nothing blank before the first or after the last is a cell.
 * Once a line of two bars or more is written without them (text at both
 * ends: "a | 1 |  | 2", *bare set), no such line of the document has outer
 * bars: a bar at an end starts or ends a blank cell there ("a | 1 | 2 | ";
 * before, "a | 1 | 2 |" is a row closed by its bar). */
static void sep_row(gk__grid *g, src_line *l, int bars, uint32_t table, uint32_t row, int *bare) {
  size_t a = 0, b = l->n;
  gk__trim_span(l->p, &a, &b);
  size_t from = 0, to = l->n, k = b ? b - 1 : 0;
  while (k > a && ((unsigned char)l->p[k] & 0xC0) == 0x80) k--;
  int open = bars && b > a && is_bar(l->p, b, a), close = bars && b > a && k > a && is_bar(l->p, b, k);
  size_t nbars = 0; /* a bar of one cell per line ("规章 |") is no column */
  for (size_t i = a; bars && i < b && nbars < 2; i++) nbars += sep_or_quote_lead((unsigned char)l->p[i]) && is_bar(l->p, b, i);
  if (nbars >= 2 && !open && !close) *bare = 1;
  int outer = nbars < 2 || !*bare;
  if (open && outer) from = a + sep_len(l->p, b, a);
  if (close && outer) to = k;
  gk__gpos pos = {l->line, col_of(l, a)};
  gk__grid_row(g, GK__BLK_ROW, bars ? table : 0, bars ? row : 0, pos);
  uint32_t x = 0;
  size_t st = from;
  int md = bars && memchr(l->p, '|', l->n) && gk__md_cell_has_markup(l->p, l->n);
  gk__buf tmp;
  gk__buf_init(&tmp);
  for (size_t i = from; i <= to; i++) {
    if (i < to && !sep_or_quote_lead((unsigned char)l->p[i])) continue;
    size_t qe = i < to ? gk__text_quote_end(l->p, to, i) : 0, sl = 0;
    if (qe) {
      i = qe - 1;
      continue;
    }
    if (i < to && (sl = sep_len(l->p, to, i)) == 0) continue;
    if (md) put_cell_md(g, l, st, i, x++, &tmp);
    else put_cell(g, l, st, i, x++);
    st = i + sl;
    if (i < to) i += sl - 1;
  }
  gk__buf_free(&tmp);
}

/* Length of a column gap at p[i]: two or more spaces, or runs holding an
 * ideographic space (U+3000); 0 when none. */
static size_t gap_at(const char *p, size_t n, size_t i) {
  unsigned char c0 = (unsigned char)p[i];
  if (c0 > ' ' && c0 < 0x80) return 0; /* printable ASCII */
  if (c0 >= 0xE4 && c0 <= 0xE9) return 0; /* CJK: U+4000..U+9FFF, or the lead byte alone */
  size_t k = i;
  int wide = 0, count = 0;
  while (k < n) {
    size_t q = k;
    uint32_t cp = gk__utf8_next(p, n, &q);
    if (!gk__is_space(cp)) break;
    wide |= cp == 0x3000;
    count++;
    k = q;
  }
  return (count >= 2 || wide) ? k - i : 0;
}

/* Cells of a space-aligned line: the text between column gaps (after the
 * indentation). Emits them and returns their number when g is not NULL; when
 * g is NULL, returns 1 or 2 (two or more: the line has a gap). */
static size_t aligned_cells(gk__grid *g, src_line *l) {
  size_t a = 0, b = l->n, ncells = 0, st;
  gk__trim_span(l->p, &a, &b);
  st = a;
  for (size_t i = a; i <= b;) {
    size_t qe = i < b ? gk__text_quote_end(l->p, b, i) : 0, gap = i < b ? gap_at(l->p, b, i) : 1;
    if (qe) {
      i = qe;
      continue;
    }
    if (!gap) {
      unsigned char c = (unsigned char)l->p[i];
      if (c >= 0xE4 && c <= 0xE9 && b - i >= 3) i += 3; /* CJK (valid UTF-8): no decoding */
      else gk__utf8_next(l->p, b, &i);
      continue;
    }
    if (!g && i < b) return 2; /* counting: text stands on both sides of a gap (b is trimmed) */
    if (g) put_cell(g, l, st, i, (uint32_t)ncells);
    ncells++;
    i += gap;
    st = i;
    if (i > b) break;
  }
  return ncells;
}

/* A Markdown heading "#… text" (1 to 6 '#', then a space): its level, else 0. */
static int md_heading(const src_line *l, size_t *text_at) {
  size_t a = 0, b = l->n, k;
  gk__trim_span(l->p, &a, &b);
  for (k = a; k < b && l->p[k] == '#'; k++) {}
  if (k == a || k - a > 6 || k >= b || (l->p[k] != ' ' && l->p[k] != '\t')) return 0;
  *text_at = k;
  return (int)(k - a);
}

/* A Markdown alignment row: bars, dashes (three at least), colons and spaces. */
static int md_align_row(const src_line *l) {
  size_t a = 0, b = l->n;
  gk__trim_span(l->p, &a, &b);
  if (a >= b || l->p[a] != '|' || !gk__memfind(l->p + a, b - a, "---", 3)) return 0;
  for (size_t k = a; k < b; k++)
    if (!strchr("|-: \t", l->p[k])) return 0;
  return 1;
}

/* Flag the cells of the last block (a row) as header cells. */
static void flag_header(gk__grid *g) {
  if (g->err || !g->nblocks) return;
  const gk__gblock *b = &g->blocks[g->nblocks - 1];
  if (b->kind != GK__BLK_ROW) return;
  for (uint32_t k = 0; k < b->ncells; k++) g->cells[b->first + k].flags |= GK__CELL_HEADER;
}

/* One line other than a TAB line as its block. */
static void read_other(gk__grid *g, src_line *l, const line_scan *ls, uint32_t *table, uint32_t *row, int *bare) {
  size_t at = 0;
  int level = md_heading(l, &at);
  size_t any = l->n, bar = l->n;
  if (!level && (ls->nt || ls->bars)) first_seps(l->p, l->n, &any, &bar); /* else none: no TAB, no bar */
  int bars = bar < l->n;
  if (!bars) *row = 0;
  if (level) {
    gk__gpos pos = {l->line, col_of(l, at)};
    gk__grid_para(g, GK__BLK_HEADING, (uint8_t)level, l->p + at, l->n - at, pos);
  } else if (bars || any < l->n) {
    if (bars && *row == 0) ++*table;
    if (bars && md_align_row(l) && *row == 1) flag_header(g);
    sep_row(g, l, bars, *table, bars ? ++*row : 0, bare);
  } else if (maybe_aligned(ls, l->n) && aligned_cells(NULL, l) >= 2) {
    size_t a = 0, b = l->n;
    gk__trim_span(l->p, &a, &b);
    gk__gpos pos = {l->line, col_of(l, a)};
    gk__grid_row(g, GK__BLK_ROW, 0, 0, pos);
    aligned_cells(g, l);
  } else {
    size_t a = 0, b = l->n;
    gk__trim_span(l->p, &a, &b);
    gk__gpos pos = {l->line, a < b ? col_of(l, a) : 0};
    gk__grid_para(g, GK__BLK_PARA, 0, l->p, l->n, pos);
  }
}

/* One line as its block (a TAB line by the fast path); *table and *row follow
 * the bar tables. */
static void read_line(gk__grid *g, src_line *l, line_scan *ls, uint32_t *table, uint32_t *row, int *bare) {
  if (ls->nt && (ls->odd ? tab_row(g, l) : tab_row_cut(g, l, ls->tabs, ls->fcol, ls->nt))) *row = 0;
  else read_other(g, l, ls, table, row, bare);
  if (!g->err && g->nblocks) {
    gk__gblock *b = &g->blocks[g->nblocks - 1];
    b->soff = (size_t)(l->p - g->src), b->slen = l->n;
  }
}

/* ------------------------------------------------------------ raw HTML tables */
/* Markdown written by PDF converters (MinerU, pandoc) holds its tables as raw
 * HTML: a line starting with "<table" (after spaces) begins one, which runs to the
 * line of its matching "</table>" (nested tables counted); unclosed before
 * the end of the document or MD_HTML_CAP bytes, to the line of its last table
 * tag. The HTML reader reads it (gk__html_fragment). A line of a fenced code block
 * (``` or ~~~) is never one. */
#define MD_HTML_CAP ((size_t)16 << 20)

typedef struct {
  char fence;     /* inside a fenced code block opened by this character, else 0 */
  size_t fence_n; /* its length */
  int tables;     /* a raw HTML table was read: the grid is no longer one block a line */
} md_state;

/* Does p[0..n) start with the tag name `tag` (any case, "<" included) ended by
 * white space, '>', '/' or the end? */
static int tag_at(const char *p, size_t n, const char *tag) {
  size_t k = strlen(tag);
  if (n < k || strncasecmp(p, tag, k) != 0) return 0;
  return n == k || strchr(" \t\r\n>/", p[k]) != NULL;
}

/* A fence line (3 or more '`' or '~' after spaces) opens or closes a
 * fenced code block; 1 when the line is one. */
static int md_fence(md_state *md, const char *p, size_t n) {
  size_t a = 0, k;
  while (a < n && p[a] == ' ') a++;
  k = a;
  if (a >= n || (p[a] != '`' && p[a] != '~')) return 0;
  while (k < n && p[k] == p[a]) k++;
  if (k - a < 3) return 0;
  if (!md->fence) md->fence = p[a], md->fence_n = k - a;
  else if (p[a] == md->fence && k - a >= md->fence_n && gk__trim_left(p + k, n - k) == n - k) md->fence = 0;
  else return 0;
  return 1;
}

/* The end of the raw HTML table starting at s[st] ("<table"): the offset of
 * the '\n' ending the line of its matching "</table>" (n at the end). When
 * it has none before the end or the cap, the line of its last table tag
 * ("<t…" or "</t…": table, tr, td, th, thead, tbody, tfoot) ends it: the
 * Markdown after it stays Markdown. */
static size_t html_table_end(const char *s, size_t n, size_t st) {
  size_t lim = n - st > MD_HTML_CAP ? st + MD_HTML_CAP : n, depth = 0, i = st, last = st;
  for (const char *q; i < lim && (q = memchr(s + i, '<', lim - i)) != NULL; i++) {
    i = (size_t)(q - s);
    size_t k = i + 1 < n && q[1] == '/' ? 2 : 1;
    if (i + k < n && (q[k] | 0x20) == 't') last = i;
    if (tag_at(q, n - i, "<table")) depth++;
    else if (tag_at(q, n - i, "</table") && --depth == 0) break;
  }
  if (i >= lim || depth) i = last; /* unclosed */
  const char *nl = memchr(s + i, '\n', n - i);
  return nl ? (size_t)(nl - s) : n;
}

/* Does the line (after spaces) start a raw HTML table? MinerU wraps each in
 * "<html><body>…</body></html>": those opening tags (any case, with
 * attributes) may stand before "<table". */
static int html_table_line(const char *p, size_t n) {
  size_t a = 0;
  for (int wraps = 0;; wraps++) {
    while (a < n && p[a] == ' ') a++;
    if (a >= n || p[a] != '<') return 0;
    if (tag_at(p + a, n - a, "<table")) return 1;
    if (wraps == 2 || !(tag_at(p + a, n - a, "<html") || tag_at(p + a, n - a, "<body"))) return 0;
    const char *gt = memchr(p + a, '>', n - a);
    if (!gt) return 0;
    a = (size_t)(gt - p) + 1;
  }
}

/* The longest line of s[st..end) ('\r' counted, '\n' not) into g->longest:
 * the lines a table reader took whole; their count. */
static size_t longest_of(gk__grid *g, const char *s, size_t st, size_t end) {
  size_t lines = 0;
  while (st <= end) {
    const char *nl = memchr(s + st, '\n', end - st);
    size_t e = nl ? (size_t)(nl - s) : end;
    if (e - st > g->longest) g->longest = e - st;
    st = e + 1, lines++;
  }
  return lines;
}

/* Read the raw HTML table starting at line `line`, s[st..): its blocks
 * appended to g; the offset of its last line's end ('\n' or n), and the
 * lines it holds in *nl; 0 when the HTML reader could not read it (the lines
 * are then read as text). */
static size_t read_html_table(gk__grid *g, const char *s, size_t n, size_t st, uint32_t line, uint32_t *table,
                              size_t *nl) {
  size_t end = html_table_end(s, n, st), lines = longest_of(g, s, st, end);
  int rc = gk__html_fragment(g, s + st, end - st, line, table, NULL);
  if (rc == GK_EPARSE || rc == GK_EUNSUPPORTED) return 0;
  if (rc && !g->err) g->err = rc;
  *nl = lines;
  return end;
}

/* Is l, a line without TAB, blank after a blank line (the block before an
 * empty paragraph)? A run of blank lines is one block; a blank line with a
 * TAB is a row of blank cells (no other separator is white space). */
static int extends_blank(const gk__grid *g, const src_line *l) {
  if (gk__trim_left(l->p, l->n) < l->n || !g->nblocks) return 0;
  const gk__gblock *prev = &g->blocks[g->nblocks - 1];
  return prev->kind == GK__BLK_PARA && prev->len == 0;
}

/* Bytes that may start a raw HTML table or a code fence, and the space that
 * may indent them: the line loop looks closer only at a line starting with
 * one (a TAB-indented line is TSV or, in Markdown, code). */
static const unsigned char md_lead[256] = {['<'] = 1, ['`'] = 1, ['~'] = 1, [' '] = 1};

/* Kept out of the line loop (inlined, it costs the loop registers on every line). */
#if defined(__GNUC__)
#define MD_NOINLINE __attribute__((noinline))
#else
#define MD_NOINLINE
#endif

/* A line that starts a raw HTML table outside a fenced code block: the table
 * read (its blocks, *lineno and *end past its last line); 1 then, else 0 (a
 * fence line is noted, and read as any line). */
MD_NOINLINE static int md_html(gk__grid *g, const src_line *l, md_state *md, uint32_t *table, size_t *lineno, size_t *end) {
  size_t a = 0;
  while (a < l->n && l->p[a] == ' ') a++;
  if (a == l->n || !md_lead[(unsigned char)l->p[a]]) return 0; /* an indented line of other text */
  if (md_fence(md, l->p, l->n) || md->fence || !html_table_line(l->p, l->n)) return 0;
  size_t nl = 0, st = (size_t)(l->p - g->src), e = read_html_table(g, g->src, g->nsrc, st, l->line, table, &nl);
  if (!e) return 0;
  md->tables = 1;
  *lineno += nl - 1, *end = e;
  return 1;
}

/* Spaces before a table's first line that the table readers' hooks look
 * past (reStructuredText indents a table in a block quote). */
#define TABLE_INDENT 8

/* A grid table (read_gridtable.c) when the line at st starts one ("+-" or
 * "+=" after TABLE_INDENT spaces at most): read whole, ls->end its last
 * line's end and *lineno past it; 0 when none. */
MD_NOINLINE static int grid_table(gk__grid *g, const char *s, size_t n, size_t st, size_t *lineno, uint32_t *table,
                                  line_scan *ls) {
  size_t k = st;
  while (k < n && k - st < TABLE_INDENT && s[k] == ' ') k++;
  if (k + 1 >= n || s[k] != '+' || (s[k + 1] != '-' && s[k + 1] != '=')) return 0;
  uint32_t line = *lineno + 1 > UINT32_MAX ? UINT32_MAX : (uint32_t)(*lineno + 1), nl = 0;
  if (!gk__gridtable_read(g, s, n, st, line, table, &ls->end, &nl)) return 0;
  longest_of(g, s, st, ls->end);
  *lineno += nl;
  return 1;
}

/* A pandoc simple or multiline table (read_gridtable.c) when the line l
 * (at st, scanned: ls; no TAB, no bar) starts one: a line of dashes, or a
 * line of text over dash runs ("--" after TABLE_INDENT spaces at most).
 * Read whole, as grid_table. */
MD_NOINLINE static int dash_table(gk__grid *g, const char *s, size_t n, size_t st, const src_line *l,
                                  line_scan *ls, size_t *lineno, uint32_t *table) {
  size_t k = 0, x = ls->end + 1, x0 = x;
  if (ls->nt || ls->bars) return 0;
  while (k < l->n && k < TABLE_INDENT && l->p[k] == ' ') k++;
  int here = k + 1 < l->n && l->p[k] == '-' && l->p[k + 1] == '-';
  while (!here && x < n && x - x0 < TABLE_INDENT && s[x] == ' ') x++;
  if (!here && (x + 1 >= n || s[x] != '-' || s[x + 1] != '-' || gk__trim_left(l->p, l->n) == l->n)) return 0;
  uint32_t nl = 0;
  if (!gk__dashtable_read(g, s, n, st, l->line, table, &ls->end, &nl)) return 0;
  longest_of(g, s, st, ls->end);
  *lineno += nl - 1;
  return 1;
}

/* ------------------------------------------------------------ TAB lines, fast */
/* A line starting with TAB (no table reader's hook looks at it) holding few
 * fields of plain text (the one-cell-per-line layout) is read in one walk
 * that both finds its end and cuts its fields: what read_line makes of it
 * (tab_row_cut), without the scan. The walk gives up on anything else (0,
 * nothing written): a bar, a 「, white space but ' ' inside the line (a '\r'
 * too), a byte that is no whole character, more than FAST_MAX fields, a first
 * text starting with '#'. */
#define FAST_MAX 16

typedef struct {
  size_t a[FAST_MAX], b[FAST_MAX]; /* each field's text, trimmed (a blank one: a == b, its end) */
  uint32_t col[FAST_MAX];          /* its column (a blank one's: where the field starts) */
  size_t nf, end;                  /* fields; the line's end ('\n' or n) */
  uint32_t endcol;                 /* the column at the line's end */
} fast_line;

/* Is the three-byte character at u[i] (lead E2, E3 or EF, continuation bytes
 * checked) text to the fast walk: no bar, no white space, no 「? */
static int fast_text3(const unsigned char *u, size_t n, size_t i) {
  return !wide_space3(u + i) && !wide_bar_len((const char *)u, n, i) &&
         !(u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x8C);
}

/* Walk the line at s[st] (a TAB) into f; 0 when the fast path gives up. */
static int fast_walk(const char *s, size_t n, size_t st, fast_line *f) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = st, ta = SIZE_MAX, tb = 0, nf = 0;
  uint32_t col = 1, tcol = 0, fcol = 1; /* the column of u[i], of the field's text, of the field */
  for (;;) {
    unsigned c = i < n ? u[i] : '\n', k = scan_class[c];
    size_t w = 1;
    if (c == '\t' || c == '\n') {
      if (nf == FAST_MAX) return 0;
      f->a[nf] = ta == SIZE_MAX ? i - st : ta - st, f->b[nf] = ta == SIZE_MAX ? i - st : tb - st;
      f->col[nf++] = ta == SIZE_MAX ? fcol : tcol;
      if (c == '\n') break;
      ta = SIZE_MAX, fcol = ++col, i++;
      continue;
    }
    if (c == ' ') {
      col++, i++;
      continue;
    }
    if (k == 1 || (k == 2 && c >= 0x80)) {
      if (n - i < 3 || ((u[i + 1] ^ 0x80u) | (u[i + 2] ^ 0x80u)) >= 0x40u) return 0;
      if (k == 2 && !fast_text3(u, n, i)) return 0;
      w = 3;
    } else if (k != 0) {
      return 0; /* '|', other white space, a byte of no whole character */
    }
    if (ta == SIZE_MAX) ta = i, tcol = col;
    i += w, tb = i, col++;
  }
  f->nf = nf, f->end = i, f->endcol = col;
  return 1;
}

/* The line at s[st] (a TAB) by the fast path: its row appended (its block's
 * source line set), *end its end; 0 when the fast path gives up. */
static int tab_fast(gk__grid *g, const char *s, size_t n, size_t st, uint32_t line, size_t *end) {
  fast_line f;
  if (!fast_walk(s, n, st, &f)) return 0;
  uint32_t rcol = f.endcol; /* all blank: the line's end */
  for (size_t k = 0; k < f.nf; k++) {
    if (f.a[k] == f.b[k]) continue;
    if (s[st + f.a[k]] == '#') return 0; /* maybe "## heading" */
    rcol = f.col[k];
    break;
  }
  gk__grid_row_at(g, (gk__gpos){line, rcol});
  int room = gk__grid_cells_room(g, f.nf, f.end);
  for (size_t k = 0; k < f.nf && !g->err; k++) {
    const char *t = s + st + f.a[k];
    size_t len = f.b[k] - f.a[k];
    int64_t num = 0;
    uint32_t cls = 0;
    if (gk__grid_plain_count(t, len, &num)) cls = GK__CELL_VALUE | GK__CELL_COUNT; /* classify's first test */
    else if (len) cls = gk__grid_classify(t, len, &num);
    gk__gpos cp = {line, f.col[k]};
    if (room) gk__grid_cell_put(g, st + f.a[k], len, (uint32_t)k, cls, num, cp);
    else gk__grid_cell_at(g, st + f.a[k], len, (uint32_t)k, cls, num, cp);
  }
  if (!g->err) g->blocks[g->nblocks - 1].soff = st, g->blocks[g->nblocks - 1].slen = f.end - st;
  *end = f.end;
  return 1;
}

int gk__grid_from_text(gk__grid *g, const char *s, size_t n) {
  gk__grid_init(g);
  if (!s) s = "";
  /* a line of a report is ten bytes or more: room for most documents at once, no regrowing */
  size_t est = n / 8 + 16 < 65536 ? n / 8 + 16 : 65536;
  if (n > UINT32_MAX - 1 || n > (SIZE_MAX - 4 * 65536) / 2) return g->err = GK_EOVERFLOW;
  if (gk__grid_reserve(g, est, 3 * est, 2 * n + 3 * est + 1)) return g->err; /* n: the copy below */
  if (n && memchr(s, '\t', n)) { /* the source, where TAB lines' cells stand (tab_row; no TAB, no TAB line) */
    gk__buf_put(&g->arena, s, n);
    gk__buf_putc(&g->arena, '\0');
    if (g->arena.err) return g->err = GK_ENOMEM;
  }
  g->src = s, g->nsrc = n;
  uint32_t table = 0, row = 0;
  int bare = 0; /* pipe rows without outer bars (sep_row) */
  md_state md = {0, 0, 0};
  size_t lineno = 0;
  line_scan ls;
  for (size_t st = 0; st <= n && !g->err; st = ls.end + 1) {
    if (st < n && (s[st] == '+' || s[st] == ' ') && grid_table(g, s, n, st, &lineno, &table, &ls)) {
      row = 0;
      continue;
    }
    if (st < n && s[st] == '\t' &&
        tab_fast(g, s, n, st, lineno + 1 > UINT32_MAX ? UINT32_MAX : (uint32_t)(lineno + 1), &ls.end)) {
      if (ls.end - st > g->longest) g->longest = ls.end - st;
      lineno++, row = 0;
      continue;
    }
    scan_line(s, n, st, &ls);
    size_t e = ls.end;
    if (e - st > g->longest) g->longest = e - st;
    while (e > st && s[e - 1] == '\r') e--;
    lineno++;
    src_line l = {s + st, e - st, lineno > UINT32_MAX ? UINT32_MAX : (uint32_t)lineno, 0, 0};
    if (e > st && md_lead[(unsigned char)s[st]] && md_html(g, &l, &md, &table, &lineno, &ls.end)) {
      row = 0;
    } else if (!ls.nt && !ls.bars && dash_table(g, s, n, st, &l, &ls, &lineno, &table)) {
      row = 0;
    } else if (!ls.nt && extends_blank(g, &l)) {
      gk__gblock *b = &g->blocks[g->nblocks - 1];
      b->slen = e - b->soff;
      row = 0;
    } else {
      read_line(g, &l, &ls, &table, &row, &bare);
    }
  }
  g->nlines = lineno;
  if (md.tables) g->src = NULL, g->nsrc = 0; /* its lines: the blocks written out (grid.h) */
  return g->err;
}

/* For the tests: the scan's answer for one line p[0..n) without '\n' (0: no
 * white space, no gap), and the full test's (aligned_cells: 2 when the line
 * has a gap with text on both sides). */
int gk__text_line_may_align(const char *p, size_t n) {
  line_scan ls;
  scan_line(p, n, 0, &ls);
  size_t e = ls.end;
  while (e > 0 && p[e - 1] == '\r') e--;
  return maybe_aligned(&ls, e);
}

size_t gk__text_line_aligned(const char *p, size_t n) {
  size_t e = n;
  while (e > 0 && p[e - 1] == '\r') e--;
  src_line l = {p, e, 1, 0, 0};
  return aligned_cells(NULL, &l);
}
