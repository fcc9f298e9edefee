/* SPDX-License-Identifier: MIT */
/* libgkreport: the document recognizer: the document's lines split into regions
 * by the section headings 一 … 六 (gk__text_heading); the title gives agency and
 * year, the table headers the edition; each table region goes to the table
 * recognizer (recognize_table.c). Everything about the format comes from
 * schema_tables.c. */
#include <stdio.h>
#include <string.h>
#include "recognize_int.h"

/* ------------------------------------------------------------ the document */
#define part_section(p) (gk__parts[p].section)
#define part_table(p) (gk__parts[p].table)


/* Section text: the lines [from, to) without leading and trailing blank lines. */
static int set_section_text(gk_report *r, int sec, const tline *lines, size_t from, size_t to) {
  while (from < to && gk__rec_blank_line(&lines[from])) from++;
  while (to > from && gk__rec_blank_line(&lines[to - 1])) to--;
  if (from >= to) return gk_report_set_section(r, sec, "", 0);
  const char *a = lines[from].p, *b = lines[to - 1].p + lines[to - 1].n;
  /* lines are contiguous in the buffer; drop CRs by copying when needed */
  int rc;
  if (memchr(a, '\r', (size_t)(b - a))) {
    gk__buf s;
    gk__buf_init(&s);
    for (size_t i = from; i < to; i++) {
      if (i > from) gk__buf_putc(&s, '\n');
      gk__buf_put(&s, lines[i].p, lines[i].n);
    }
    rc = s.err ? s.err : gk__report_set_section_valid(r, sec, s.data, s.len);
    gk__buf_free(&s);
  } else {
    rc = gk__report_set_section_valid(r, sec, a, (size_t)(b - a));
  }
  if (!rc) rc = gk_report_set_section_line(r, sec, lines[from].line);
  return rc;
}

/* The first "YYYY年" that is no full date (publication dates are the year after). */
static int find_year(const char *s, size_t n, int dates) {
  for (size_t i = 0; i + 3 <= n; i++)
    if (memcmp(s + i, "年", 3) == 0) {
      int y = gk__text_year_before(s, i);
      size_t k = i + 3;
      while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == ' ')) k++;
      if (y && (dates || !(k > i + 3 && k + 3 <= n && memcmp(s + k, "月", 3) == 0 &&
                 gk__memfind(s + k, n - k < 12 ? n - k : 12, "日", 3))))
        return y;
    }
  return 0;
}

/* The text of a title candidate: l's bytes [*a, *b) without the white space and
 * the Markdown marks ("# ", "**") around it. */
static void title_span(const tline *l, size_t *a, size_t *b) {
  *a = gk__trim_left(l->p, l->n), *b = gk__trim_right(l->p, l->n);
  while (*a < *b && (l->p[*a] == '#' || l->p[*a] == '*' || l->p[*a] == ' ')) (*a)++;
  while (*b > *a && l->p[*b - 1] == '*') (*b)--;
}

/* A title line: names a report ("报告", "年报") with a year, short (its text,
 * Markdown marks aside, as the exporter measures it), no address. */
static int is_title(const tline *l) {
  size_t a, b;
  title_span(l, &a, &b);
  const char *p = l->p + a;
  size_t n = b - a;
  if (n > GK__TITLE_MAX || n == 0) return 0;
  if (gk__memfind(p, n, "://", 3) || gk__memfind(p, n, "www.", 4)) return 0;
  return gk__memfind(p, n, "报告", strlen("报告")) || gk__memfind(p, n, "報告", strlen("報告")) ||
         gk__memfind(p, n, "年报", strlen("年报")) || gk__memfind(p, n, "年報", strlen("年報"));
}



/* A title wrapped before its last characters ("…工作年度报" / "告"): line a is
 * no title alone, the short line b (4 characters at most) after it makes one. */
static int title_wrapped(const tline *a, const tline *b) {
  size_t a0, a1, b0, b1;
  title_span(a, &a0, &a1), title_span(b, &b0, &b1);
  if (a0 >= a1 || b0 >= b1 || b1 - b0 > 12 || a1 - a0 + b1 - b0 > GK__TITLE_MAX) return 0;
  char buf[GK__TITLE_MAX];
  memcpy(buf, a->p + a0, a1 - a0);
  memcpy(buf + (a1 - a0), b->p + b0, b1 - b0);
  tline j = *a;
  j.p = buf, j.n = (a1 - a0) + (b1 - b0);
  return !is_title(a) && is_title(&j);
}

/* Year of a title and where its digits start; 0 when none. */
static int title_year(const char *p, size_t n, size_t *start) {
  for (size_t i = 0; i + 3 <= n; i++)
    if (memcmp(p + i, "年", 3) == 0) {
      int y = gk__text_year_before(p, i);
      if (y) {
        size_t a = i;
        while (a > 0 && p[a - 1] == ' ') a--;
        for (int k = 0; k < 4; k++) a -= ((unsigned char)p[a - 1] >= 0x80) ? 3 : 1;
        *start = a;
        return y;
      }
    }
  return 0;
}

/* The title: the text of one line, or of two when the published title is
 * broken ("洪泽区人民政府" / "2023 年政府信息公开工作年度报告"). */
/* How much of a title candidate (a..b of l) a page's own title (hint) confirms:
 * the candidate's length when it is inside the hint, the hint's when the hint is
 * inside it, else 0. */
static size_t hint_overlap(const tline *l, size_t a, size_t b, const char *hint, size_t hn) {
  if (!hint || !hn || a >= b) return 0;
  if (gk__memfind(hint, hn, l->p + a, b - a)) return b - a;
  return gk__memfind(l->p + a, b - a, hint, hn) ? hn : 0;
}

/* The title line among the first non-blank lines before the first heading: the
 * first that reads as a title, unless the page's own title (hint: HTML <title>)
 * confirms a later one more (a portal's "信息公开年报" menu entry stands before the
 * report's title). SIZE_MAX none. */
static size_t title_line(const tline *lines, size_t first_head, const char *hint, size_t hn) {
  size_t seen = 0, pick = SIZE_MAX, best = 0;
  for (size_t i = 0; i < first_head && seen < 8; i++) {
    const tline *l = &lines[i];
    size_t a = gk__trim_left(l->p, l->n), b = gk__trim_right(l->p, l->n);
    if (a >= b) continue;
    seen++;
    /* a title wrapped before its last characters: its last line is the title's
     * line (find_title joins the line before, the preamble starts after it) */
    size_t at = is_title(l) ? i : i + 1 < first_head && title_wrapped(l, &lines[i + 1]) ? i + 1 : SIZE_MAX;
    if (at == SIZE_MAX) continue;
    size_t o = hint_overlap(l, a, b, hint, hn);
    if (pick == SIZE_MAX || o > best) pick = at, best = o;
  }
  return pick;
}

static int find_title(const gk__labels *L, gk__buf *out, const tline *lines, size_t i) {
  const tline *l = &lines[i];
  size_t a, b;
  title_span(l, &a, &b);
  size_t ys = 0;
  int y = title_year(l->p + a, b - a, &ys);
  /* the line before, when it is adjacent and short */
  const tline *pl = i > 0 ? &lines[i - 1] : NULL;
  size_t pa = 0, pb = 0;
  if (pl) pa = gk__trim_left(pl->p, pl->n), pb = gk__trim_right(pl->p, pl->n);
  int prev_ok = pl && pa < pb && pb - pa <= 90 && !gk__memfind(pl->p, pl->n, ":", 1) &&
                !gk__memfind(pl->p, pl->n, "：", 3) && !is_title(pl);
  size_t dummy;
  if (pl && title_wrapped(pl, l)) { /* "…年度报" / "告" */
    size_t na, nb;
    title_span(pl, &na, &nb);
    gk__buf_put(out, pl->p + na, nb - na);
  } else if (prev_ok && pb - pa + b - a <= GK__TITLE_MAX &&
             ((!y && title_year(pl->p + pa, pb - pa, &dummy)) ||
              (y && ys == 0 && gk__text_heading(L, pl->p, pl->n) < 0))) {
    gk__buf_put(out, pl->p + pa, pb - pa);
  }
  gk__buf_put(out, l->p + a, b - a);
  return out->err ? out->err : 1;
}

/* A heading wrapped over two lines ("四、因政府信息公开工作被申请行政复议" /
 * "和提起行政诉讼情况"): the first line starts with an ordinal, the second is
 * short and no heading itself, and together they are one. Part or -1. */
static int wrapped_heading(const gk__labels *L, const tline *a, const tline *b) {
  size_t a0 = gk__trim_left(a->p, a->n), i = a0;
  /* most lines: no ordinal's first character (head_skip holds every one) */
  if (a0 == a->n || !gk__cp_set_has(L->head_skip, gk__utf8_next(a->p, a->n, &i))) return -1;
  size_t a1 = gk__trim_right(a->p, a->n);
  if (a1 <= a0 || a1 - a0 > 120) return -1;
  size_t b0 = gk__trim_left(b->p, b->n), b1 = gk__trim_right(b->p, b->n);
  if (b1 <= b0 || b1 - b0 > 60) return -1;
  int ordinal = 0;
  for (size_t k = 0; k < GK__NPARTS && !ordinal; k++) {
    if (a->p[a0] != gk__parts[k].ordinal[0]) continue; /* most lines: no strlen */
    size_t on = strlen(gk__parts[k].ordinal);
    ordinal = a1 - a0 > on + 3 && memcmp(a->p + a0, gk__parts[k].ordinal, on) == 0 &&
              memcmp(a->p + a0 + on, "、", 3) == 0;
  }
  if (!ordinal || gk__text_heading(L, b->p, b->n) >= 0) return -1;
  char buf[200];
  memcpy(buf, a->p + a0, a1 - a0);
  memcpy(buf + (a1 - a0), b->p + b0, b1 - b0);
  return gk__text_heading(L, buf, (a1 - a0) + (b1 - b0));
}

/* A second copy of table t (its heading again, lines [from, to)): read into a
 * scratch report and compared; different numbers are import.duplicate_table
 * naming both headings' lines (the first copy is kept). */
static void check_duplicate(walk *w, int t, const tline *lines, size_t first_head, size_t from, size_t to) {
  gk_report *r2 = NULL;
  if (gk_report_new(&r2, w->ed->id, 0) != GK_OK) {
    w->rc = GK_ENOMEM;
    return;
  }
  walk w2;
  walk_init(&w2);
  w2.r = r2, w2.ed = w->ed, w2.L = w->L, w2.trunc_table = -1, w2.g = w->g, w2.lines = w->lines, w2.nlines = w->nlines;
  gk__buf_init(&w2.lab);
  int rc = gk__rec_table(&w2, t, lines, from, to, 0);
  const gk__table_decl *td = &w->ed->tables[t];
  size_t differ = 0;
  const gk__cell *ca = gk__report_cells(w->r, t), *cb = gk__report_cells(r2, t);
  for (size_t i = 0; i < td->nrows * td->ncols && !rc; i++) {
    const gk__cell *a = &ca[i], *b = &cb[i];
    differ += a->state == GK_CELL_VALUE && b->state == GK_CELL_VALUE && a->value != b->value;
  }
  gk__free(w2.run), gk__free(w2.rv), gk__free(w2.done), gk__buf_free(&w2.lab);
  gk_report_free(r2);
  if (rc) {
    w->rc = rc;
    return;
  }
  if (!differ) return;
  uint32_t l1 = lines[first_head].line, l2 = from ? lines[from - 1].line : 0;
  unsigned s1 = (unsigned)gk__rec_src_line(w, l1), s2 = (unsigned)gk__rec_src_line(w, l2);
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, "%s表出现两次（第%u行和第%u行），%zu个数值不同；已采用第一份", gk__tables[t].zh, s1, s2,
                 differ);
  gk__buf_printf(&en, "table %s appears twice (lines %u and %u) with %zu different values; the first "
                 "copy is kept", gk__tables[t].key, s1, s2, differ);
  gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.duplicate_table", l2, &zh, &en);
}

/* Each heading of a table part seen again after its first: a second copy. */
static void check_duplicates(walk *w, const tline *lines, size_t nlines, const size_t *hl, const int *hp,
                             size_t nhl, const size_t *head) {
  for (size_t q = 0; q < nhl && !w->rc; q++) {
    int p = hp[q];
    if (p < 1 || p > 3 || head[p] == SIZE_MAX || hl[q] <= head[p]) continue;
    size_t to = q + 1 < nhl ? hl[q + 1] : nlines;
    check_duplicate(w, part_table(p), lines, head[p], hl[q] + 1, to);
  }
}

/* The completeness of the copy (report.h): pre-format, truncated at a table and
 * row, tables missing. */
static int set_completeness(const walk *w, int legacy, const size_t *head, int last_part) {
  uint32_t missing = 0;
  int first_missing = -1;
  for (int p = 1; p <= 3; p++)
    if (head[p] == SIZE_MAX) {
      missing |= 1u << part_table(p);
      if (first_missing < 0 && p > last_part) first_missing = part_table(p);
    }
  int rc = gk_report_set_missing_tables(w->r, legacy ? 0 : missing);
  if (rc) return rc;
  if (legacy) return gk_report_set_completeness(w->r, GK_PRE_FORMAT, -1, SIZE_MAX);
  if (w->trunc_table >= 0) return gk_report_set_completeness(w->r, GK_TRUNCATED, w->trunc_table, w->trunc_row);
  if (first_missing >= 0) return gk_report_set_completeness(w->r, GK_TRUNCATED, first_missing, SIZE_MAX);
  if (missing) return gk_report_set_completeness(w->r, GK_TABLES_MISSING, -1, SIZE_MAX);
  return GK_OK;
}

/* The document as the recognizer sees it: its lines, where each part's
 * heading is and where its region ends, the title, year, agency, edition. */
typedef struct {
  const tline *lines;
  size_t nlines;
  size_t head[NPARTS], end[NPARTS], first_head;
  size_t *hl, nhl, caphl; /* every heading line (a repeated one too) */
  int *hp; /* the heading its line alone reads as (-1: the first of two) */
  int virt_active, virt_requests; /* a copy that starts inside table 二 / 三 */
  int headless[NPARTS]; /* a table found by its labels, no heading above it: its region starts at its line */
  int last_part;
  gk__buf tbuf; /* the title's text */
  int has_title;
  size_t title; /* its line, SIZE_MAX none */
  int year, edition, edition_guessed;
  size_t any_marks;
  const char *agency;
  size_t agency_n, pre_from, pre_to;
} doc;

static int add_heading_line(doc *D, size_t i, int alone) {
  if (D->nhl == D->caphl) {
    size_t nc = D->caphl ? D->caphl * 2 : 16;
    size_t *nh = gk__realloc(D->hl, nc * sizeof *nh);
    if (nh) D->hl = nh;
    int *np = nh ? gk__realloc(D->hp, nc * sizeof *np) : NULL;
    if (!np) return GK_ENOMEM;
    D->hp = np, D->caphl = nc;
  }
  D->hp[D->nhl] = alone;
  D->hl[D->nhl++] = i;
  return GK_OK;
}

/* A heading line found after the walk, kept in order among the others. */
static int insert_heading_line(doc *D, size_t i, int alone) {
  if (add_heading_line(D, i, alone)) return GK_ENOMEM;
  for (size_t k = D->nhl - 1; k > 0 && D->hl[k - 1] > i; k--) {
    size_t h = D->hl[k];
    int hp = D->hp[k];
    D->hl[k] = D->hl[k - 1], D->hp[k] = D->hp[k - 1];
    D->hl[k - 1] = h, D->hp[k - 1] = hp;
  }
  return GK_OK;
}

/* The lines where part p may stand: after the heading of the last part found
 * before it (lo; 0 when none), before that of the first found after it (hi). */
static void between_parts(const doc *D, int p, size_t *lo, size_t *hi) {
  *lo = 0, *hi = D->nlines;
  for (int q = 0; q < p; q++)
    if (D->head[q] != SIZE_MAX) *lo = D->head[q] + 1;
  for (int q = NPARTS - 1; q > p; q--)
    if (D->head[q] != SIZE_MAX) *hi = D->head[q];
}

/* Parts no declared wording found: a heading in words of its own
 * (gk__text_heading_keyed, "三、依申请公开情况") between the parts found before
 * and after it; its line kept in order among the heading lines. */
static int keyed_heads(doc *D) {
  for (int p = 0; p < NPARTS; p++) {
    if (D->head[p] != SIZE_MAX) continue;
    size_t lo, hi;
    between_parts(D, p, &lo, &hi);
    for (size_t i = lo; i < hi; i++) {
      const tline *l = &D->lines[i];
      if (l->n > 200 || gk__text_heading_keyed(l->p, l->n) != p) continue;
      if (insert_heading_line(D, i, p)) return GK_ENOMEM;
      D->head[p] = i;
      if (i < D->first_head) D->first_head = i;
      break;
    }
  }
  return GK_OK;
}

/* The normalised text nb[0..nn), at least `least` bytes long: a wording (row
 * or column, any edition) of table t and no other table's (1), another
 * table's (-1), none (0). */
static int table_wording(const gk__labels *L, int t, const char *nb, size_t nn, size_t least) {
  if (nn < least) return 0;
  int mine = 0, other = 0;
  for (size_t e = 0; e < L->neds; e++)
    for (int u = 0; u < GK_NTABLES; u++)
      for (size_t v = 0; v < GK__NV; v++) {
        for (size_t r = 0; r < GK__LROWS; r++) {
          gk__span sp = L->row[e][u][r][v];
          if (sp.len == nn && memcmp(gk__labels_at(L, sp), nb, nn) == 0) *(u == t ? &mine : &other) = 1;
        }
        for (size_t c = 0; c < GK__MAX_COLS; c++) {
          gk__span sp = L->col[e][u][c][v];
          if (sp.len == nn && memcmp(gk__labels_at(L, sp), nb, nn) == 0) *(u == t ? &mine : &other) = 1;
        }
      }
  return other ? -1 : mine;
}

/* Line l opens with a wording of table t of `least` bytes or more (1), with
 * another table's (-1), or neither (0); its opening is its first cell: the
 * text before a TAB or bar, numbers after it in a space-aligned row left out. */
static int opens_table(const gk__labels *L, int t, const tline *l, size_t least) {
  const char *p = l->p;
  size_t n = l->n > 200 ? 200 : l->n, a = gk__trim_left(p, n);
  while (a < n && (p[a] == '|' || p[a] == ' ')) a++;
  size_t b = a;
  while (b < n && p[b] != '\t' && p[b] != '|') b++;
  while (b > a && ((p[b - 1] >= '0' && p[b - 1] <= '9') || p[b - 1] == ' ' || p[b - 1] == '.')) b--;
  char nb[256];
  size_t nn = gk__text_norm_fixed(nb, sizeof nb, p + a, b - a);
  return table_wording(L, t, nb, nn, least);
}

/* Does line l hold a column wording of table t (a header line: "信息内容
 * 本年制发件数 …")? */
static int holds_column(const gk__labels *L, int t, const tline *l) {
  char nb[256];
  size_t nn = gk__text_norm_fixed(nb, sizeof nb, l->p, l->n > 200 ? 200 : l->n);
  for (size_t e = 0; e < L->neds; e++)
    for (size_t c = 0; c < GK__MAX_COLS; c++)
      for (size_t v = 0; v < GK__NV; v++) {
        gk__span sp = L->col[e][t][c][v];
        if (sp.len >= 9 && gk__memfind(nb, nn, gk__labels_at(L, sp), sp.len)) return 1;
      }
  return 0;
}

/* The table's first line: from line i (its first long wording) back over the
 * lines above it that are rows too (a TAB or a bar in them, a shorter wording
 * of the table: "规章", or its column labels) and the blank lines between them, up to a line
 * of another table's wording, lo at most, six lines. */
static size_t table_top(const doc *D, const gk__labels *L, int t, size_t lo, size_t i) {
  size_t top = i;
  for (size_t k = i; k > lo && i - k < 6; k--) {
    const tline *l = &D->lines[k - 1];
    if (gk__rec_blank_line(l)) continue;
    int w = opens_table(L, t, l, 3);
    if (w < 0 || (w == 0 && !memchr(l->p, '\t', l->n) && !memchr(l->p, '|', l->n) && !holds_column(L, t, l))) break;
    top = k - 1;
  }
  return top;
}

/* A number standing as a cell on lines [i, i + 8) of the document: a run of
 * digits (and a unit of two characters at most: "3件") with nothing but white
 * space, a TAB or a bar around it (prose's "2023年，…" is no cell). */
static int values_near(const doc *D, size_t i) {
  for (size_t k = i; k < D->nlines && k < i + 8; k++) {
    const char *p = D->lines[k].p;
    size_t n = D->lines[k].n;
    for (size_t a = 0; a < n;) {
      while (a < n && (p[a] == ' ' || p[a] == '\t' || p[a] == '|' || p[a] == '\r')) a++;
      size_t b = a, u;
      while (b < n && ((p[b] >= '0' && p[b] <= '9') || (b > a && (p[b] == '.' || p[b] == ',')))) b++;
      for (u = b; b > a && u < n && u - b < 6 && ((unsigned char)p[u] & 0x80); u++) {} /* a unit: "3件" */
      if (b > a && (u == n || p[u] == ' ' || p[u] == '\t' || p[u] == '|' || p[u] == '\r')) return 1;
      while (b < n && !(p[b] == ' ' || p[b] == '\t' || p[b] == '|')) b++;
      a = b;
    }
  }
  return 0;
}

/* Tables whose part has no heading at all, inside the region of a part found
 * before them: the first line that opens with one of the table's own
 * wordings (a column or row label, numbers near it) starts the table, within
 * HEADLESS_SCAN lines of the part above (a bound on the work a document of
 * millions of lines without the table costs). */
#define HEADLESS_SCAN 4000
static int headless_tables(doc *D, const gk__labels *L) {
  for (int p = 0; p < NPARTS; p++) {
    if (part_table(p) < 0 || D->head[p] != SIZE_MAX) continue;
    size_t lo, hi;
    between_parts(D, p, &lo, &hi);
    for (size_t i = lo; lo > 0 && i < hi && i - lo < HEADLESS_SCAN; i++) {
      if (opens_table(L, part_table(p), &D->lines[i], 12) != 1 || !values_near(D, i)) continue;
      i = table_top(D, L, part_table(p), lo, i);
      if (insert_heading_line(D, i, -1)) return GK_ENOMEM;
      D->head[p] = i, D->headless[p] = 1;
      break;
    }
  }
  return GK_OK;
}

/* Headings: the first occurrence of each part starts its region; every heading
 * line ends a region, a repeated one too (its text is dropped). */
static int find_heads(doc *D, const gk__labels *L) {
  const tline *lines = D->lines;
  for (int p = 0; p < NPARTS; p++) D->head[p] = SIZE_MAX;
  D->first_head = D->nlines;
  for (size_t i = 0; i < D->nlines; i++) {
    if (lines[i].n > 200 || !gk__text_heading_may(L, lines[i].p, lines[i].n)) continue; /* most lines */
    int alone = gk__text_heading(L, lines[i].p, lines[i].n), p = alone;
    size_t at = i; /* the heading's last line */
    if (p < 0 && i + 1 < D->nlines && (p = wrapped_heading(L, &lines[i], &lines[i + 1])) >= 0) at = i + 1;
    if (p < 0) continue;
    if (add_heading_line(D, i, alone)) return GK_ENOMEM; /* a wrapped heading ends the region above at its first line */
    if (D->head[p] == SIZE_MAX) {
      D->head[p] = at;
      if (i < D->first_head) D->first_head = i;
    }
    i = at;
  }
  int rc = keyed_heads(D);
  return rc ? rc : headless_tables(D, L);
}

/* A copy that starts inside table 二 (no heading): its sub-table titles. */
static void virtual_active(doc *D) {
  if (D->head[1] != SIZE_MAX) return;
  for (size_t i = 0; i < D->first_head && i < 400; i++) {
    char nb[64];
    size_t nn = gk__text_norm_fixed(nb, sizeof nb, D->lines[i].p, D->lines[i].n < 60 ? D->lines[i].n : 60);
    if (nn >= 12 && memcmp(nb, "第二十条", 12) == 0) {
      D->head[1] = i, D->virt_active = 1, D->first_head = i;
      return;
    }
  }
}

/* A copy that starts inside table 三: a line with a row label of the table and
 * numbers, before any heading. */
static void virtual_requests(doc *D, const gk__labels *L) {
  if (D->head[2] != SIZE_MAX || D->virt_active) return;
  for (size_t i = 0; i < D->first_head && i < 400; i++) {
    const tline *l = &D->lines[i];
    char nb[256];
    size_t nn = gk__text_norm_fixed(nb, sizeof nb, l->p, l->n < 200 ? l->n : 200);
    int digit = 0;
    for (size_t c = 0; c < l->n && !digit; c++) digit = l->p[c] >= '0' && l->p[c] <= '9';
    for (size_t e = 0; e < L->neds && digit; e++)
      for (size_t r = 0; r < GK__LROWS; r++)
        for (size_t v = 0; v < GK__NV; v++) {
          gk__span sp = L->row[e][GK_TABLE_REQUESTS][r][v];
          if (sp.len >= 18 && gk__memfind(nb, nn, gk__labels_at(L, sp), sp.len)) {
            D->head[2] = i, D->virt_requests = 1, D->first_head = i;
            return;
          }
        }
  }
}

/* Region end of each heading: the next heading below it; the last part. */
static void part_regions(doc *D) {
  size_t last_line = 0;
  D->last_part = -1;
  for (int p = 0; p < NPARTS; p++) {
    D->end[p] = D->nlines;
    if (D->head[p] == SIZE_MAX) continue;
    for (size_t q = 0; q < D->nhl; q++)
      if (D->hl[q] > D->head[p] && D->hl[q] < D->end[p]) D->end[p] = D->hl[q];
    if (D->head[p] >= last_line) last_line = D->head[p], D->last_part = p;
  }
}

/* The edition with the most marker labels in the table headers (a tie is no
 * answer: 0). */
static int marked_edition(doc *D, const gk__labels *L, int *marked) {
  gk__buf hdr;
  gk__buf_init(&hdr);
  for (int p = 1; p <= 3; p++) {
    if (D->head[p] == SIZE_MAX) continue;
    for (size_t i = D->head[p] + 1; i < D->end[p] && hdr.len < (1u << 20); i++)
      gk__labels_norm(L, &hdr, D->lines[i].p, D->lines[i].n < 4096 ? D->lines[i].n : 4096);
  }
  if (hdr.err) {
    gk__buf_free(&hdr);
    return GK_ENOMEM;
  }
  size_t best_marks = 0, nbest = 0, found[GK__LEDS] = {0};
  *marked = 0;
  gk__labels_markers(L, hdr.data ? hdr.data : "", hdr.len, found); /* labels only edition e has */
  for (size_t e = 0; e < L->neds; e++) {
    size_t m = found[e];
    D->any_marks += m;
    if (m > best_marks) best_marks = m, nbest = 1, *marked = gk_schema_edition_id(e);
    else if (m == best_marks && m) nbest++;
  }
  if (nbest != 1) *marked = 0;
  gk__buf_free(&hdr);
  return GK_OK;
}

/* Year and agency from the title. */
static void title_agency(doc *D) {
  const gk__buf *tb = &D->tbuf;
  size_t ys = 0;
  D->year = title_year(tb->data, tb->len, &ys);
  if (!D->year) return;
  const char *a = tb->data;
  size_t an = ys;
  if (an == 0) { /* "2019年上海市人民政府办公厅政府信息公开工作年度报告" */
    const char *y = gk__memfind(tb->data + ys, tb->len - ys, "年", 3);
    a = y + 3;
    if (tb->len - (size_t)(a - tb->data) >= 3 && memcmp(a, "度", 3) == 0) a += 3;
    const char *e = gk__memfind(a, tb->len - (size_t)(a - tb->data), "政府信息公开", strlen("政府信息公开"));
    if (!e) e = gk__memfind(a, tb->len - (size_t)(a - tb->data), "信息公开", strlen("信息公开"));
    an = e ? (size_t)(e - a) : 0;
  }
  /* "标题: 中埠镇人民政府" -> after the label; "…局关于" -> without 关于 */
  for (size_t c = 0; c < an; c++)
    if (a[c] == ':' || (c + 3 <= an && memcmp(a + c, "：", 3) == 0)) {
      size_t skip = a[c] == ':' ? 1 : 3;
      a += c + skip, an -= c + skip, c = (size_t)-1;
    }
  size_t l0 = gk__trim_left(a, an);
  a += l0, an -= l0;
  an = gk__trim_right(a, an);
  if (an >= 6 && memcmp(a + an - 6, "关于", 6) == 0) an -= 6;
  D->agency = a, D->agency_n = an;
}

/* The year when the title gives none: "…编制了2021年政府信息公开年度报告" in the
 * preamble, the statistical period (preamble, then overview), the overview's
 * first lines, the preamble. */
static void body_year(doc *D) {
  const tline *lines = D->lines;
  for (size_t i = D->pre_from; i < D->pre_to && !D->year; i++) {
    const char *q = gk__memfind(lines[i].p, lines[i].n, "年度报告", strlen("年度报告"));
    if (!q) continue;
    size_t qe = (size_t)(q - lines[i].p), qs = qe > 60 ? qe - 60 : 0;
    for (size_t c = qs; c + 3 <= qe; c++)
      if (memcmp(lines[i].p + c, "年", 3) == 0) {
        int y = gk__text_year_before(lines[i].p, c);
        if (y) D->year = y;
      }
  }
  /* each region on its own: the order of the regions in the text does not matter */
  for (int pass = 0; pass < 2 && !D->year; pass++) {
    size_t a = pass ? D->head[0] + 1 : D->pre_from, b = pass ? D->end[0] : D->pre_to;
    if (pass && D->head[0] == SIZE_MAX) break;
    for (size_t i = a; i < b && i < a + 400 && !D->year; i++) {
      const char *q = gk__memfind(lines[i].p, lines[i].n, "统计期", strlen("统计期"));
      if (q) D->year = find_year(q, lines[i].n - (size_t)(q - lines[i].p), 1);
    }
  }
  if (!D->year && D->head[0] != SIZE_MAX)
    for (size_t i = D->head[0] + 1; i < D->end[0] && i < D->head[0] + 6 && !D->year; i++)
      D->year = find_year(lines[i].p, lines[i].n, 0);
  for (size_t i = D->pre_from; i < D->pre_to && !D->year; i++) D->year = find_year(lines[i].p, lines[i].n, 0);
}

/* The title (its text and line) among the first lines before the first heading. */
static int doc_title(doc *D, const gk__labels *L, const gk__grid *g) {
  const char *hint = NULL;
  size_t hn = 0;
  for (size_t k = 0; g && k < g->nmeta && !hint; k++)
    if (g->meta[k].klen == 5 && memcmp(gk__grid_text(g, g->meta[k].koff), "title", 5) == 0)
      hint = gk__grid_text(g, g->meta[k].voff), hn = g->meta[k].vlen;
  D->title = title_line(D->lines, D->first_head, hint, hn);
  D->has_title = D->title != SIZE_MAX ? find_title(L, &D->tbuf, D->lines, D->title) : 0;
  if (D->has_title < 0) return D->has_title;
  if (!D->has_title) /* a title line beyond the first lines still ends the preamble's search */
    for (size_t i = 0; i < D->first_head; i++)
      if (is_title(&D->lines[i])) {
        D->title = i;
        break;
      }
  return GK_OK;
}

/* A report of the document's edition with its header and the sections' text. */
/* The exporter's metadata block (text_meta.c) at the top of a text grid: title,
 * agency name and year from it alone, and the preamble after it. */
static int apply_meta_block(doc *D, gk_report *r, const gk__grid *g) {
  if (!g || !g->src) return GK_OK;
  size_t body = 0; /* 0-based source line after the block */
  int rc = gk__text_meta_apply(r, g->src, g->nsrc, &body);
  if (!rc && body)
    while (D->pre_from < D->pre_to && D->lines[D->pre_from].line <= body) D->pre_from++;
  return rc;
}

static int new_report(doc *D, const gk__grid *g, gk_report **out, const char *source_name) {
  const tline *lines = D->lines;
  gk_report *r = NULL;
  int rc = gk_report_new(&r, D->edition, 0);
  if (!rc && D->year) rc = gk_report_set_year(r, D->year);
  if (!rc && source_name) rc = gk_report_set_source(r, source_name, strlen(source_name));
  if (!rc && D->has_title) rc = gk_report_set_title(r, D->tbuf.data, D->tbuf.len);
  if (!rc && D->agency_n) rc = gk_report_set_agency(r, GK_AGENCY_NAME, D->agency, D->agency_n);
  if (!rc) rc = apply_meta_block(D, r, g);
  if (!rc && (D->title != SIZE_MAX || D->pre_to > D->pre_from)) {
    /* the preamble exists when there is text between title and first heading */
    size_t a = D->pre_from, b = D->pre_to;
    while (a < b && gk__rec_blank_line(&lines[a])) a++;
    if (a < b) rc = set_section_text(r, GK_SECTION_PREAMBLE, lines, a, b);
  }
  for (int p = 0; p < NPARTS && !rc; p++)
    if (D->head[p] != SIZE_MAX && part_section(p) >= 0)
      rc = set_section_text(r, part_section(p), lines, D->head[p] + 1, D->end[p]);
  if (rc) {
    gk_report_free(r);
    return rc;
  }
  *out = r;
  return GK_OK;
}

/* The document's head: headings, title, year, agency, edition. GK_EPARSE when
 * it is no report. */
static int read_head(doc *D, const gk__labels *L, walk *w) {
  int rc = find_heads(D, L);
  if (rc) return rc;
  virtual_active(D);
  virtual_requests(D, L);
  if ((rc = doc_title(D, L, w->g)) != GK_OK) return rc;
  int nheads = 0;
  for (int p = 0; p < NPARTS; p++) nheads += D->head[p] != SIZE_MAX;
  size_t body = 0; /* non-blank lines besides the title */
  for (size_t i = 0; i < D->nlines && body == 0; i++) body += i != D->title && !gk__rec_blank_line(&D->lines[i]);
  if (nheads == 0 && (D->title == SIZE_MAX || body == 0)) { /* no part, and no title or a title alone (text.h) */
    gk__rec_diag(w, GK_SEV_ERROR, "import.not_report", 1,
         "文本不是政府信息公开工作年度报告：没有标题，也没有“一、总体情况”等章节标题",
         "the text is not an annual report: no title and none of the section headings");
    return w->rc ? w->rc : GK_EPARSE;
  }
  part_regions(D);
  int marked = 0;
  if ((rc = marked_edition(D, L, &marked)) != GK_OK) return rc;
  if (D->has_title) title_agency(D);
  D->pre_from = D->title != SIZE_MAX ? D->title + 1 : 0, D->pre_to = D->first_head;
  if (!D->year) body_year(D);
  D->edition = marked; /* else from the declared years of each edition; before them all: the first */
  if (!marked) D->edition = gk_schema_edition_for_year(D->year), D->edition_guessed = 1;
  if (!D->edition) D->edition = gk_schema_edition_id(0);
  D->edition_guessed &= nheads > 0; /* said unless the report predates the format */
  return GK_OK;
}

/* The three tables, each in its part's region; a missing or cut-off part said. */
static int import_parts(doc *D, walk *w) {
  int rc = GK_OK;
  for (int p = 1; p <= 3 && !rc && !w->rc; p++) {
    int t = part_table(p);
    if (D->head[p] == SIZE_MAX) {
      if (D->last_part >= p) {
        gk__buf zh, en;
        gk__buf_init(&zh), gk__buf_init(&en);
        gk__buf_printf(&zh, "缺少“%s”表", gk__tables[t].zh);
        gk__buf_printf(&en, "table %s is missing", gk__tables[t].en);
        gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.missing_table", 0, &zh, &en);
      }
      continue;
    }
    int truncated = p == D->last_part && D->head[5] == SIZE_MAX && D->head[4] == SIZE_MAX;
    int virt = (p == 1 && D->virt_active) || (p == 2 && D->virt_requests);
    w->start_cut = virt;
    virt |= D->headless[p]; /* its region starts at its first line */
    rc = gk__rec_table(w, t, D->lines, D->head[p] + (virt ? 0 : 1), D->end[p], truncated);
  }
  if (!rc && !w->rc && D->last_part < 5 && w->truncated != 2) {
    gk__buf zh, en;
    gk__buf_init(&zh), gk__buf_init(&en);
    int next = D->last_part + 1;
    gk__buf_puts(&zh, "文本在报告结束前中断：缺少");
    gk__part_heading_put(&zh, next);
    gk__buf_puts(&zh, "及其后各部分");
    gk__buf_printf(&en, "the text ends before the report does: part %d (“%s”) and the following "
                   "are missing", next + 1, gk__part_label(next)->en);
    gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.truncated", D->nlines ? D->lines[D->nlines - 1].line : 0, &zh, &en);
  }
  if (!rc && !w->rc) check_duplicates(w, D->lines, D->nlines, D->hl, D->hp, D->nhl, D->head);
  return rc;
}

/* The document's lines into a report: its head, then its tables. */
int gk__rec_document(const gk__labels *L, gk_report **out, const tline *lines, size_t nlines,
                        const gk__grid *g, const char *source_name, gk_diags *d) {
  doc D;
  memset(&D, 0, sizeof D);
  D.lines = lines, D.nlines = nlines;
  gk__buf_init(&D.tbuf);
  walk w;
  walk_init(&w);
  w.d = d, w.L = L, w.file = source_name, w.trunc_table = -1;
  w.lines = lines, w.nlines = nlines, w.g = g;
  gk__buf_init(&w.lab);
  gk_report *r = NULL;
  int rc = read_head(&D, L, &w);
  if (!rc) rc = new_report(&D, g, &r, source_name);
  w.r = r;
  w.ed = r ? gk__report_ed(r) : NULL;
  int legacy = D.year && D.year < gk__edition_get(gk_schema_edition_id(0))->first_year && D.any_marks == 0;
  if (!rc && legacy)
    gk__rec_diag(&w, GK_SEV_INFO, "import.legacy", D.title != SIZE_MAX ? lines[D.title].line : 1,
         "该报告早于2019年格式（无全国统一表格），未导入表格",
         "the report predates the 2019 format (no national tables): no table imported");
  else if (!rc && D.edition_guessed)
    gk__rec_diag(&w, GK_SEV_INFO, "import.edition", 1, "无法从表头判断报告格式版本，已按年份推定",
         "the edition cannot be told from the table headers; assumed from the year");
  if (!rc && !legacy) rc = import_parts(&D, &w);
  if (!rc && !w.rc) rc = set_completeness(&w, legacy, D.head, D.last_part);
  if (!rc) rc = w.rc;
  gk__free(w.run), gk__free(w.rv), gk__free(w.done);
  gk__buf_free(&w.lab);
  gk__free(D.hl), gk__free(D.hp);
  gk__buf_free(&D.tbuf);
  if (rc) {
    gk_report_free(r);
    return rc;
  }
  *out = r;
  return GK_OK;
}
