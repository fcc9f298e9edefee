/* SPDX-License-Identifier: MIT */
/* libgkreport: the reader of one-line page text (issue 11). A web page's text
 * as a crawler saves it (innerText / textContent) holds the whole report on one
 * line: the headings inline ("…请与本办联系。一、总体情况2020年，我区…"), the
 * table cells run together with no separator ("本年新收政府信息公开申请数量
 * 801000081"). This reader builds the grid (grid.h) of such a text directly:
 * the title and prose as PARA blocks, each part heading a HEADING, and in the
 * table parts one TOKENS block per stretch of label text and the runs after it
 * ("规章000"), its cells the tokens: the label text, and the runs of digits
 * flagged GK__CELL_RUN that the recognizer splits by the format's identities
 * (digit_split.h). An ordinal ("1.", "2、", "（1）") stays with its
 * label; a number followed by 年/月/日/条/件 is text. Lines that are no page
 * go through the text reader (read_text.c). Every block and token keeps its
 * source line and column (code points). The reader knows layouts only: the
 * heading wording comes from the declarations (gk__part_label). Linear in the
 * input. */
#include <string.h>
#include "grid.h"
#include "text_int.h"
#include "digit_split.h"

#define PT_MAX_HEADS 64
#define PT_TITLE_MAX 400 /* bytes: the title ends this near the start */

typedef struct {
  size_t at, end; /* ordinal start, label end */
  int part;
} hit;

static const char *const ordinals[6] = {"一", "二", "三", "四", "五", "六"};

/* Length of the separator after an ordinal at p[j] (、 ． . or a space), 0
 * when none; the lead byte is tested first: most bytes are none. */
static size_t sep_at(const char *p, size_t n, size_t j) {
  static const char *const seps[] = {"、", "．", "　"};
  unsigned char c = (unsigned char)p[j];
  if (c == '.' || c == ' ') return 1;
  if (c != 0xE3 && c != 0xEF) return 0;
  for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++)
    if (j + 3 <= n && memcmp(p + j, seps[k], 3) == 0) return 3;
  return 0;
}

/* The part whose ordinal is p[i..i+3), -1 when none. */
static int ordinal_at(const char *p, size_t i) {
  for (int part = 0; part < 6; part++)
    if (memcmp(p + i, ordinals[part], 3) == 0) return part;
  return -1;
}

/* The end of part `part`'s wording, or of its longest variant, at p[q]; 0
 * when none is there. */
static size_t wording_at(const char *p, size_t n, size_t q, int part) {
  const gk__label *l = gk__part_label(part);
  size_t end = 0;
  for (size_t v = 0; v <= GK__MAX_VARIANTS; v++) {
    const char *f = v ? l->variants[v - 1] : l->zh;
    if (!f) break;
    size_t fn = strlen(f);
    if (fn >= 6 && q + fn <= n && q + fn > end && memcmp(p + q, f, fn) == 0) end = q + fn;
  }
  return end;
}

/* The part headings inside p[0..n) ("X、" then the part's wording), in order,
 * none overlapping: one pass over the separators. */
static size_t find_heads(const char *p, size_t n, hit *h) {
  size_t nh = 0, last = 0; /* where the last heading ends */
  for (size_t j = 3; j < n && nh < PT_MAX_HEADS; j++) {
    size_t sl = sep_at(p, n, j);
    int part = sl && j - 3 >= last ? ordinal_at(p, j - 3) : -1;
    size_t end = part >= 0 ? wording_at(p, n, j + sl, part) : 0;
    if (!end) continue;
    h[nh++] = (hit){j - 3, end, part};
    last = end, j = end - 1;
  }
  return nh;
}

/* Is this line a page: long, with two part headings inside it? */
static size_t page_heads(const char *p, size_t n, hit *h) {
  if (n < GK__PAGE_MIN_LINE) return 0; /* grid.h */
  size_t nh = find_heads(p, n, h), inside = 0;
  for (size_t k = 0; k < nh; k++) inside += h[k].at > 0;
  return inside >= 2 ? nh : 0;
}

/* ------------------------------------------------------------ one page line */
/* The page line being read: its bytes, its line, and the column (code points,
 * 1-based) of byte offset `at`, counted on as the reader moves right. */
typedef struct {
  gk__grid *g;
  const char *p;
  size_t n;
  uint32_t line;
  size_t at;
  uint32_t col;
} page;

/* The position of byte offset i (never left of the last one asked). */
static gk__gpos pos_at(page *pg, size_t i) {
  for (; pg->at < i; pg->at++) pg->col += ((unsigned char)pg->p[pg->at] & 0xC0) != 0x80;
  return (gk__gpos){pg->line, pg->col};
}

/* First non-space offset of p[a..b) (b when none). */
static size_t skip_space(const char *p, size_t a, size_t b) {
  while (a < b) {
    size_t q = a;
    if (!gk__is_space(gk__utf8_next(p, b, &q))) break;
    a = q;
  }
  return a;
}

/* A PARA or HEADING block of p[a..b), unless it is white space only. */
static void put_para(page *pg, gk__block_kind kind, size_t a, size_t b) {
  a = skip_space(pg->p, a, b);
  if (a < b) gk__grid_para(pg->g, kind, 0, pg->p + a, b - a, pos_at(pg, a));
}

/* A token p[a..b) of the TOKENS block, unless it is white space only. */
static void put_token(page *pg, size_t a, size_t b, uint32_t flags) {
  a = skip_space(pg->p, a, b);
  if (a >= b) return;
  if (flags && !gk__split_token_runs(pg->p + a, b - a)) flags = 0; /* one digit: one cell */
  uint32_t x = pg->g->nblocks ? pg->g->blocks[pg->g->nblocks - 1].ncells : 0; /* tokens in order */
  gk__grid_cell(pg->g, pg->p + a, b - a, x, 1, 1, flags, pos_at(pg, a));
}

static int num_char(char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+'; }
static int is_digit(char c) { return c >= '0' && c <= '9'; }

static int starts_at(const char *p, size_t n, size_t i, const char *w) {
  size_t k = strlen(w);
  return i + k <= n && memcmp(p + i, w, k) == 0;
}

/* A thousands separator between two digits at p[b] (',' '，' U+202F): its
 * length, else 0. The run keeps it: the recognizer reads the groups, or keeps
 * the run verbatim when they are no strict groups (gk__text_ungroup). */
static size_t group_sep_at(const char *p, size_t n, size_t b) {
  size_t sl = p[b] == ',' ? 1 : starts_at(p, n, b, "，") || starts_at(p, n, b, "\xE2\x80\xAF") ? 3 : 0;
  return sl && b > 0 && is_digit(p[b - 1]) && b + sl < n && is_digit(p[b + sl]) ? sl : 0;
}

/* The run of digits starting at p[a] (a digit, or a sign before one) within
 * p[..n): where it ends (its unit 元 / 万元 included) in *e; the end of the
 * run proper (an ordinal's digit or a date's number left to the text) is
 * returned, a when it is all text. */
static size_t run_end(const char *p, size_t n, size_t a, size_t *e) {
  static const char *const units[] = {"年", "月", "日", "条", "件"}; /* "2020年": text */
  size_t b = a, sl;
  while (b < n && (num_char(p[b]) || (sl = group_sep_at(p, n, b)) > 0)) b += num_char(p[b]) ? 1 : sl;
  *e = b;
  if (starts_at(p, n, b, "万元")) *e = b + strlen("万元");
  else if (starts_at(p, n, b, "元")) *e = b + strlen("元");
  if (*e > b) return *e;
  int paren = ((a >= 3 && memcmp(p + a - 3, "（", 3) == 0) || (a >= 1 && p[a - 1] == '(')) &&
              (starts_at(p, n, b, "）") || starts_at(p, n, b, ")"));
  if (paren) return a; /* "（1）": an ordinal */
  for (size_t k = 0; k < sizeof units / sizeof *units; k++)
    if (starts_at(p, n, b, units[k])) return a;
  /* an ordinal at the end ("…0001.本机关", "…0002、"): its digit goes with the label */
  if (b > a + 1 && p[b - 1] == '.' && is_digit(p[b - 2])) return b - 2;
  if ((starts_at(p, n, b, "、") || starts_at(p, n, b, "．")) && is_digit(p[b - 1])) return b - 1;
  return b;
}

/* Label text p[a..b) of a table part: a token, in a new TOKENS block when
 * values came before it (a row-like stretch: a label and its runs). */
static void put_label(page *pg, size_t a, size_t b, int *after_run) {
  a = skip_space(pg->p, a, b);
  if (a >= b) return;
  if (*after_run) gk__grid_row(pg->g, GK__BLK_TOKENS, 0, 0, pos_at(pg, a));
  *after_run = 0;
  put_token(pg, a, b, 0);
}

/* A table part p[a..b) as TOKENS blocks, one per stretch of label text and
 * the runs of digits after it. */
static void put_tokens(page *pg, size_t a, size_t b) {
  const char *p = pg->p;
  size_t s = skip_space(p, a, b);
  if (s >= b) return;
  gk__grid_row(pg->g, GK__BLK_TOKENS, 0, 0, pos_at(pg, s));
  size_t lab = s, i = s;
  int after_run = 0;
  while (i < b && !pg->g->err) {
    int start = is_digit(p[i]) || ((p[i] == '-' || p[i] == '+') && i + 1 < b && is_digit(p[i + 1]));
    if (!start) {
      i++;
      continue;
    }
    size_t e, r = run_end(p, b, i, &e);
    if (r > i) {
      put_label(pg, lab, i, &after_run);
      put_token(pg, i, r, GK__CELL_RUN);
      lab = r, after_run = 1;
    }
    i = e;
  }
  put_label(pg, lab, b, &after_run);
}

/* One line of page text: the title (up to the first 年度报告 near the start),
 * then for each heading the text before it and the heading itself. */
static void put_page(page *pg, const hit *h, size_t nh) {
  size_t i = 0, first = nh ? h[0].at : pg->n;
  const char *t = gk__memfind(pg->p, first, "年度报告", strlen("年度报告"));
  if (t && (size_t)(t - pg->p) < PT_TITLE_MAX) {
    i = (size_t)(t - pg->p) + strlen("年度报告");
    put_para(pg, GK__BLK_PARA, 0, i);
  }
  for (size_t k = 0; k <= nh && !pg->g->err; k++) {
    size_t end = k < nh ? h[k].at : pg->n;
    int table = k > 0 && h[k - 1].part >= 1 && h[k - 1].part <= 3;
    if (end > i) {
      if (table) put_tokens(pg, i, end);
      else put_para(pg, GK__BLK_PARA, i, end);
    }
    if (k == nh) break;
    put_para(pg, GK__BLK_HEADING, h[k].at, h[k].end);
    i = h[k].end;
  }
}

/* ------------------------------------------------------------ other lines */
/* Lines s[0..n) that are no page, starting at source line `line`, read by the
 * text reader and appended to g (lines and tables numbered on). */
static void put_text_lines(gk__grid *g, const char *s, size_t n, uint32_t line, uint32_t *table) {
  gk__grid t;
  int rc = gk__grid_from_text(&t, s, n);
  uint32_t tables = 0;
  for (size_t i = 0; i < t.nblocks && !rc && !g->err; i++) {
    const gk__gblock *b = &t.blocks[i];
    gk__gpos pos = {b->pos.line + line - 1, b->pos.col};
    if (b->kind == GK__BLK_PARA || b->kind == GK__BLK_HEADING) {
      gk__grid_para(g, b->kind, b->level, gk__grid_text(&t, b->off), b->len, pos);
      continue;
    }
    gk__grid_row(g, b->kind, b->table ? b->table + *table : 0, b->row, pos);
    if (b->table > tables) tables = b->table;
    for (uint32_t k = 0; k < b->ncells; k++) {
      const gk__gcell *c = &t.cells[b->first + k];
      gk__gpos cp = {c->pos.line + line - 1, c->pos.col};
      gk__grid_cell(g, gk__grid_text(&t, c->off), c->len, c->x, c->rowspan, c->colspan, c->flags, cp);
    }
  }
  *table += tables;
  if (rc && !g->err) g->err = rc;
  gk__grid_free(&t);
}

/* ------------------------------------------------------------ the reader */
static uint32_t line_no(size_t k) { return k > UINT32_MAX ? UINT32_MAX : (uint32_t)k; }

/* The first line of page text in s[0..n): its offset (n when none), its
 * headings in h[0..*nh). */
static size_t first_page(const char *s, size_t n, hit *h, size_t *nh) {
  for (size_t i = 0; i < n;) {
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    if ((*nh = page_heads(s + i, e - i, h)) != 0) return i;
    i = e + 1;
  }
  return n;
}

int gk__grid_from_pagetext(gk__grid *g, const char *s, size_t n) {
  gk__grid_init(g);
  hit h[PT_MAX_HEADS];
  size_t nh = 0, first = s ? first_page(s, n, h, &nh) : n;
  if (first >= n) return 0; /* most texts are no page */
  uint32_t table = 0;
  size_t other = 0, other_line = 1, line = 1; /* the lines since the last page line */
  for (size_t i = 0; i <= n && !g->err; line++) {
    const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
    size_t e = nl ? (size_t)(nl - s) : n;
    if (i > first) nh = page_heads(s + i, e - i, h); /* the first one's heads are known */
    if (i >= first && nh) {
      if (i > other) put_text_lines(g, s + other, i - 1 - other, line_no(other_line), &table);
      page pg = {g, s + i, e - i, line_no(line), 0, 1};
      put_page(&pg, h, nh);
      other = e + 1, other_line = line + 1;
    }
    if (!nl) break;
    i = e + 1;
  }
  if (other < n && !g->err) put_text_lines(g, s + other, n - other, line_no(other_line), &table);
  return g->err ? g->err : 1;
}
