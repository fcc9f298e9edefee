/* SPDX-License-Identifier: MIT */
/* A short row of a space-aligned table (pdftotext -layout) read by the
 * horizontal position of its values (lib/recognize_xpos.c). The real report
 * tests/data/pdftext/2019_shanghai-municipal-general-office.txt with its
 * table 三's header and first two rows replaced by small synthetic ones laid
 * out on pdftotext's grid (one code point a column): a header wrapped over
 * two lines (one line shifted by a column, as pdftotext shifts it), a label
 * column of CJK text, ASCII values; blank cells at the start, the middle and
 * the end of a row; values under no header column or between two. Every cell
 * of both rows is compared: a value is where its column is, or blank with an
 * import.ambiguous finding on its row, never in another column. And the
 * cases where position must say nothing: a row that fills its cells (by
 * order), a header that does not stand over the values, a row under another
 * header's words, a row on the next page. And pipe tables written without
 * their outer bars. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "gkreport/text.h"

#define NCOL 7
#define BASE "pdftext/2019_shanghai-municipal-general-office.txt"

/* Where the synthetic header puts its columns (code points). */
static const unsigned col_at[NCOL] = {20, 28, 36, 44, 52, 60, 68};
static const char *const col_key[NCOL] = {"natural", "commercial", "research", "social", "legal", "other_org", "total"};

typedef struct {
  unsigned at; /* code point column */
  const char *text;
} put;

/* One line of puts (ended by a NULL text): each text at its code point
 * column, spaces before it (one at least after other text). */
static void line_of(char *buf, size_t cap, const put *ps) {
  size_t n = 0;
  unsigned cp = 0;
  buf[0] = '\0';
  for (; ps->text; ps++) {
    while (n + 1 < cap && (cp < ps->at || (cp && cp == ps->at && n && buf[n - 1] != ' ')))
      buf[n++] = ' ', cp++;
    buf[n] = '\0';
    snprintf(buf + n, cap - n, "%s", ps->text);
    for (const char *p = ps->text; *p && n + 1 < cap; p++, n++) cp += ((unsigned char)*p & 0xC0) != 0x80;
  }
}

typedef struct {
  const char *name;
  int shift;              /* the header's columns moved (a header not over the values) */
  int pagebreak;          /* a form feed before the second row */
  int midhead;            /* header words over the values before the second row (another header) */
  const char *row1[NCOL]; /* the values printed (NULL blank), at col_at + off1 */
  const char *row2[NCOL];
  int off2[NCOL];         /* the second row's values moved from their column */
  const char *want1[NCOL];/* what is read ("" blank) */
  const char *want2[NCOL];
  int amb1, amb2;         /* import.ambiguous names the row */
} xcase;

static const xcase cases[] = {
  {"blank in the middle", 0, 0, 0, {"821", "35", NULL, NULL, "2", "1", "859"}, {"18", NULL, NULL, NULL, NULL, NULL, "18"},
   {0}, {"821", "35", "", "", "2", "1", "859"}, {"18", "", "", "", "", "", "18"}, 0, 0},
  {"blank at the start", 0, 0, 0, {"821", "35", NULL, NULL, "2", "1", "859"}, {NULL, "7", NULL, NULL, NULL, NULL, "7"},
   {0}, {"821", "35", "", "", "2", "1", "859"}, {"", "7", "", "", "", "", "7"}, 0, 0},
  {"blank at the end", 0, 0, 0, {"5", "3", NULL, NULL, NULL, NULL, NULL}, {"1", NULL, "1", NULL, NULL, NULL, NULL},
   {0}, {"5", "3", "", "", "", "", ""}, {"1", "", "1", "", "", "", ""}, 0, 0},
  /* "18" two columns right of 商业企业's words: under no column */
  {"a value under no column", 0, 0, 0, {"821", "35", NULL, NULL, "2", "1", "859"},
   {NULL, "18", NULL, NULL, NULL, NULL, "18"}, {0, 4, 0, 0, 0, 0, 0},
   {"821", "35", "", "", "2", "1", "859"}, {"", "", "", "", "", "", "18"}, 0, 1},
  /* eight digits from the last column of 商业企业's words to the first of 科研机构's: one column of each */
  {"a value between two columns", 0, 0, 0, {"821", "35", NULL, NULL, "2", "1", "859"},
   {NULL, "12345678", NULL, NULL, NULL, NULL, "12345678"}, {0, 1, 0, 0, 0, 0, 0},
   {"821", "35", "", "", "2", "1", "859"}, {"", "", "", "", "", "", "12345678"}, 0, 1},
  /* quiet: a full row is read by order wherever its values stand (the second one apart) */
  {"a full row by order", 0, 0, 0, {"1", "2", "3", "4", "5", "6", "21"}, {"1", "2", "3", "4", "5", "6", "21"},
   {0, -6, -12, -18, -24, -30, -36}, {"1", "2", "3", "4", "5", "6", "21"}, {"1", "2", "3", "4", "5", "6", "21"}, 0, 0},
  /* quiet: the header's words not over the values (the first column not over the first value) */
  {"a header not over the values", 6, 0, 0, {"821", "35", NULL, NULL, "2", "1", "859"},
   {"18", NULL, NULL, NULL, NULL, NULL, "18"}, {0}, {"", "", "", "", "", "", ""}, {"", "", "", "", "", "", ""}, 1, 1},
  /* quiet: the second row under another header's words */
  {"a row under another header", 0, 0, 1, {"821", "35", NULL, NULL, "2", "1", "859"},
   {"18", NULL, NULL, NULL, NULL, NULL, "18"}, {0}, {"821", "35", "", "", "2", "1", "859"},
   {"", "", "", "", "", "", ""}, 0, 1},
  /* quiet: the second row on the next page */
  {"a row on the next page", 0, 1, 0, {"821", "35", NULL, NULL, "2", "1", "859"},
   {"18", NULL, NULL, NULL, NULL, NULL, "18"}, {0}, {"821", "35", "", "", "2", "1", "859"},
   {"", "", "", "", "", "", ""}, 0, 1},
};

/* The synthetic table's lines: header over two lines (the second shifted a
 * column left under 商业, as pdftotext shifts it), the two rows. */
static void table_text(gk__buf *b, const xcase *c) {
  char l[512];
  unsigned s = (unsigned)c->shift;
  put h0[] = {{s + 34, "申请人情况"}, {0, NULL}};
  put h1[] = {{0, "（本列数据的勾稽关系为："}, {s + 20, "自然"}, {s + 28, "商业"},
              {s + 36, "科研"}, {s + 44, "社会公"}, {s + 52, "法律服"}, {s + 60, "其他"}, {s + 68, "总计(件)"},
              {0, NULL}};
  put h2[] = {{2, "第一项加第二项之和）"}, {s + 20, "人"}, {s + 27, "企业"}, {s + 36, "机构"},
              {s + 44, "益组织"}, {s + 53, "务机构"}, {0, NULL}};
  line_of(l, sizeof l, h0), gk__buf_printf(b, "%s\n", l);
  line_of(l, sizeof l, h1), gk__buf_printf(b, "%s\n", l);
  line_of(l, sizeof l, h2), gk__buf_printf(b, "%s\n", l);
  for (int r = 0; r < 2; r++) {
    put ps[NCOL + 2];
    size_t n = 0;
    ps[n++] = (put){0, r ? "二、上年结转政府信息公开申请数量" : "一、本年新收政府信息公开申请数量"};
    for (int k = 0; k < NCOL; k++) {
      const char *v = r ? c->row2[k] : c->row1[k];
      if (v) ps[n++] = (put){(unsigned)((int)col_at[k] + (r ? c->off2[k] : 0)), v};
    }
    ps[n] = (put){0, NULL};
    line_of(l, sizeof l, ps);
    if (r && c->midhead) {
      char m[256];
      put mh[] = {{20, "自然人"}, {28, "商业企业"}, {68, "总计"}, {0, NULL}};
      line_of(m, sizeof m, mh);
      gk__buf_printf(b, "%s\n", m);
    }
    gk__buf_printf(b, "%s%s\n", r && c->pagebreak ? "\f" : "", l);
  }
}

/* Does an import.ambiguous finding name a cell of requests/<row>? */
static int named(const gk_diags *d, const char *row) {
  char pre[64];
  snprintf(pre, sizeof pre, "requests/%s/", row);
  for (size_t i = 0; i < gk_diags_count(d); i++)
    for (size_t k = 0; k < gk_diag_ncells(d, i); k++)
      if (!strcmp(gk_diag_rule(d, i), "import.ambiguous") && !strncmp(gk_diag_cell(d, i, k), pre, strlen(pre)))
        return 1;
  return 0;
}

static void check_case(const char *base, size_t n, const xcase *c) {
  /* the base's table from its header to the end of its second row, replaced */
  const char *head = strstr(base, "申请人情况");
  const char *row2 = strstr(base, "二、上年结转政府信息公开申请数量");
  CU_ASSERT_PTR_NOT_NULL_FATAL(head);
  CU_ASSERT_PTR_NOT_NULL_FATAL(row2);
  while (head > base && head[-1] != '\n') head--;
  const char *end = strchr(row2, '\n');
  CU_ASSERT_PTR_NOT_NULL_FATAL(end);
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_put(&b, base, (size_t)(head - base));
  table_text(&b, c);
  gk__buf_put(&b, end + 1, n - (size_t)(end + 1 - base));
  CU_ASSERT_EQUAL_FATAL(b.err, 0);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, b.data, b.len, c->name, d), GK_OK);
  for (int row = 0; row < 2; row++) {
    const char *rk = row ? "carried_over" : "new";
    for (int k = 0; k < NCOL; k++) {
      char path[96], got[64];
      snprintf(path, sizeof path, "requests/%s/%s", rk, col_key[k]);
      CU_ASSERT_TRUE_FATAL(gk_report_text(got, sizeof got, r, path, GK_NUL_TERMINATED) >= 0);
      const char *want = row ? c->want2[k] : c->want1[k];
      if (strcmp(got, want)) fprintf(stderr, "  [%s] %s: want '%s' got '%s'\n", c->name, path, want, got);
      CU_ASSERT_STRING_EQUAL(got, want);
    }
    int amb = named(d, rk);
    if (amb != (row ? c->amb2 : c->amb1)) fprintf(stderr, "  [%s] %s: import.ambiguous %d\n", c->name, rk, amb);
    CU_ASSERT_EQUAL(amb, row ? c->amb2 : c->amb1);
  }
  if (getenv("GK_XPOS_DUMP")) fprintf(stderr, "%.*s\n", 1200, strstr(b.data, "申请人情况") - 200);
  gk_report_free(r);
  gk_diags_free(d);
  gk__buf_free(&b);
}

static void test_xpos_cases(void) {
  size_t n = 0;
  char *base = gk_test_read_data(BASE, 0, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(base);
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) check_case(base, n, &cases[i]);
  free(base);
}

/* The Markdown export of a complete report with its tables' outer bars taken
 * off ("| a | 1 |  |" -> "a | 1 | "): every cell read as the truth has it. */
static size_t g_right, g_cells;
static size_t check_bare_pipes(const void *arg, const gk_report *truth, const char *base) {
  (void)arg;
  char *md = NULL;
  size_t n = 0, wrong = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &n, truth), GK_OK);
  gk__buf b;
  gk__buf_init(&b);
  for (const char *p = md, *e = md + n; p < e;) {
    const char *nl = memchr(p, '\n', (size_t)(e - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(e - p);
    size_t a = 0;
    size_t next = nl ? len + 1 : len;
    if (len >= 2 && p[0] == '|' && p[len - 1] == '|') a = p[1] == ' ' ? 2 : 1, len -= a + 1; /* its outer bars */
    gk__buf_put(&b, p + a, len);
    gk__buf_putc(&b, '\n');
    p += next;
  }
  gk_free(md);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, b.data, b.len, base, NULL), GK_OK);
  int ed = gk_report_edition(truth);
  CU_ASSERT_EQUAL_FATAL(gk_report_edition(r), ed);
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, (gk_table)t); row++)
      for (size_t c = 0; c < gk_schema_ncols(ed, (gk_table)t); c++) {
        char path[160], want[64], got[64];
        if (!(gk_schema_row_flags(ed, (gk_table)t, row) & GK_ROW_STORED) ||
            !gk_schema_cell_exists(ed, (gk_table)t, row, c))
          continue;
        gk_schema_path_format(path, sizeof path, ed, (gk_table)t, row, c);
        CU_ASSERT_TRUE_FATAL(gk_report_text(want, sizeof want, truth, path, GK_NUL_TERMINATED) >= 0);
        CU_ASSERT_TRUE_FATAL(gk_report_text(got, sizeof got, r, path, GK_NUL_TERMINATED) >= 0);
        if (!want[0]) continue;
        g_cells++;
        if (!strcmp(got, want)) g_right++;
        else if (got[0]) wrong++;
        if (strcmp(got, want) && getenv("GK_XPOS_VERBOSE"))
          fprintf(stderr, "  [%s] %s: want '%s' got '%s'\n", base, path, want, got);
      }
  gk_report_free(r);
  gk__buf_free(&b);
  return wrong;
}

static void test_bare_pipes(void) {
  g_right = g_cells = 0;
  size_t wrong = gk_test_each_truth(check_bare_pipes, NULL);
  fprintf(stderr, "Markdown export without outer bars: %zu of %zu cells right, %zu wrong\n", g_right, g_cells, wrong);
  CU_ASSERT_EQUAL(wrong, 0);
  CU_ASSERT_EQUAL(g_right, g_cells);
}

/* ------------------------------------------------------------------------
 * Synthetic tables from the declarations (lib/schema_tables.c), both
 * editions, tables 二, 三 and 四: the header's column labels (and the printed
 * groups above them) laid out on pdftotext's grid, each label wrapped over
 * one, two or three lines; a first row of values full (二, 三), then the row
 * with blank cells at the start, the middle, the end, every other one, or a
 * value between two columns. Table 四 is one line of values under its
 * fifteen columns (each label once per row, the rows' groups above). The
 * table's region of a real report of the edition is replaced by it. */

#define SP 16 /* printed places at most (table 四: 15) */

typedef struct {
  int ed, t;
  size_t nrow;          /* rows printed: one (四) or two */
  size_t row[2];        /* their declared rows (四: the line of values) */
  size_t np;            /* places of a line of values */
  size_t prow[SP], pcol[SP]; /* each place's declared cell */
  unsigned x[SP], wd[SP];    /* its extent in code points: the header's words */
  unsigned lw;          /* the label column's width */
  unsigned aside;       /* the header's words moved right of the values (BL_ASIDE) */
} synth;

enum { BL_START, BL_MIDDLE, BL_END, BL_SPARSE, BL_BETWEEN, BL_ASIDE, BL_N };
static const char *const bl_name[BL_N] = {"blank at the start", "blank in the middle", "blank at the end",
                                          "every other blank", "a value between two columns",
                                          "a header not over the values"};

static unsigned cps_of(const char *s) {
  unsigned n = 0;
  for (; *s; s++) n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

/* Code points [from, from + n) of s into out. */
static void cps_cut(char *out, size_t cap, const char *s, unsigned from, unsigned n) {
  unsigned k = 0;
  size_t o = 0;
  for (; *s; s++) {
    int lead = ((unsigned char)*s & 0xC0) != 0x80;
    k += lead;
    if (k > from && k <= from + n && o + 1 < cap) out[o++] = *s;
  }
  out[o] = '\0';
}

/* The places of table t's printed cells: 四 every cell, row by row; else the
 * columns of the rows printed. Their extents: pitch enough for the widest
 * part of a label over `lines` lines. */
static void synth_places(synth *sy, unsigned lines) {
  const gk__table_decl *td = &gk__edition_get(sy->ed)->tables[sy->t];
  int rv = sy->t == GK_TABLE_REVIEW;
  sy->np = 0, sy->lw = 0;
  for (size_t r = 0; r < sy->nrow && !rv; r++) {
    unsigned n = cps_of(td->rows[sy->row[r]].zh);
    sy->lw = n + 4 > sy->lw ? n + 4 : sy->lw;
  }
  for (size_t r = 0; r < (rv ? td->nrows : 1); r++)
    for (size_t c = 0; c < td->ncols; c++)
      if (rv || (td->rows[sy->row[0]].colmask & (1u << c))) sy->prow[sy->np] = r, sy->pcol[sy->np++] = c;
  unsigned pitch = 6;
  for (size_t j = 0; j < sy->np; j++) {
    unsigned n = cps_of(td->cols[sy->pcol[j]].zh), part = (n + lines - 1) / lines;
    pitch = part + 4 > pitch ? part + 4 : pitch;
  }
  for (size_t j = 0; j < sy->np; j++) {
    unsigned n = cps_of(td->cols[sy->pcol[j]].zh);
    sy->x[j] = sy->lw + (unsigned)j * pitch, sy->wd[j] = (n + lines - 1) / lines;
  }
}

/* The header lines: the groups (四: its rows' last words; else the printed
 * groups of the table over their first column, the table's own over the
 * first), then each column's label in `lines` parts, one a line. */
static void synth_header(gk__buf *b, const synth *sy, unsigned lines) {
  const gk__edition *ed = gk__edition_get(sy->ed);
  const gk__table_decl *td = &ed->tables[sy->t];
  char l[1024], part[SP][64];
  put ps[SP + 2];
  size_t n = 0;
  for (size_t j = 0; j < sy->np; j++) {
    const char *g = NULL;
    if (sy->t == GK_TABLE_REVIEW && sy->pcol[j] == 0) {
      g = strrchr(td->rows[sy->prow[j]].zh, ' ');
      g = g ? g + 1 : td->rows[sy->prow[j]].zh;
    }
    for (size_t k = 0; k < gk__nheader_groups && sy->t != GK_TABLE_REVIEW; k++) {
      const gk__header_group *hg = &gk__header_groups[k];
      if (hg->table != sy->t) continue;
      if ((hg->kind == GK__GROUP_ALL && j == 0) ||
          (hg->kind == GK__GROUP_COLS && !strcmp(hg->first, td->cols[sy->pcol[j]].key)))
        g = hg->zh;
    }
    if (g) ps[n++] = (put){sy->x[j] + sy->aside, g};
  }
  ps[n] = (put){0, NULL};
  if (n) line_of(l, sizeof l, ps), gk__buf_printf(b, "%s\n", l);
  for (unsigned li = 0; li < lines; li++) {
    n = 0;
    for (size_t j = 0; j < sy->np; j++) {
      cps_cut(part[j], sizeof part[j], td->cols[sy->pcol[j]].zh, li * sy->wd[j], sy->wd[j]);
      if (part[j][0]) ps[n++] = (put){sy->x[j] + sy->aside, part[j]};
    }
    ps[n] = (put){0, NULL};
    if (n) line_of(l, sizeof l, ps), gk__buf_printf(b, "%s\n", l); /* labels shorter than `lines` parts: fewer */
  }
}

/* The value of place j in row r of a case (NULL blank). */
static const char *synth_value(char *buf, size_t cap, const synth *sy, int bl, size_t r, size_t j) {
  int blanks = r + 1 == sy->nrow; /* the last row holds the case */
  size_t np = sy->np;
  if (blanks && ((bl == BL_START && j == 0) || ((bl == BL_MIDDLE || bl == BL_ASIDE) && j == np / 2) || (bl == BL_END && j == np - 1) ||
                 (bl == BL_SPARSE && j % 2) || (bl == BL_BETWEEN && j == 2)))
    return NULL;
  if (blanks && bl == BL_BETWEEN && j == 1) { /* from the last code point of place 1 to the first of place 2 */
    unsigned n = sy->x[2] + 1 - (sy->x[1] + sy->wd[1] - 1);
    for (unsigned k = 0; k < n && k + 1 < cap; k++) buf[k] = (char)('1' + k % 9), buf[k + 1] = '\0';
    return buf;
  }
  snprintf(buf, cap, "%zu", 10 + r * 20 + j);
  return buf;
}

/* The line of values of row r. */
static void synth_row(gk__buf *b, const synth *sy, int bl, size_t r) {
  const gk__table_decl *td = &gk__edition_get(sy->ed)->tables[sy->t];
  char l[1024], v[SP][32];
  put ps[SP + 2];
  size_t n = 0;
  if (sy->t != GK_TABLE_REVIEW) ps[n++] = (put){0, td->rows[sy->row[r]].zh};
  for (size_t j = 0; j < sy->np; j++) {
    const char *t = synth_value(v[j], sizeof v[j], sy, bl, r, j);
    unsigned at = sy->x[j] + (bl == BL_BETWEEN && j == 1 && r + 1 == sy->nrow ? sy->wd[1] - 1 : 0);
    if (t) ps[n++] = (put){at, t};
  }
  ps[n] = (put){0, NULL};
  line_of(l, sizeof l, ps), gk__buf_printf(b, "%s\n", l);
}

/* Offset of the line after part `part`'s heading in text (or of the next
 * part's heading with next set); SIZE_MAX when absent. */
static size_t heading_at(const char *text, int part, int next) {
  for (int p = part + next; p < GK__NPARTS; p++) {
    gk__buf h;
    gk__buf_init(&h);
    gk__part_heading_put(&h, p);
    const char *q = h.data ? strstr(text, h.data) : NULL;
    while (q && q > text && q[-1] != '\n') q = strstr(q + 1, h.data); /* at a line's start */
    gk__buf_free(&h);
    if (q && !next) q = strchr(q, '\n');
    if (q) return (size_t)(q - text) + !next;
    if (!next) break;
  }
  return SIZE_MAX;
}

/* Is cell (row, col) of table t named by an import.ambiguous finding? */
static int cell_named(const gk_diags *d, const gk_report *r, int t, size_t row) {
  char pre[96];
  snprintf(pre, sizeof pre, "%s/%s/", gk_schema_table_key((gk_table)t),
           gk_schema_row_key(gk_report_edition(r), (gk_table)t, row));
  for (size_t i = 0; i < gk_diags_count(d); i++)
    for (size_t k = 0; k < gk_diag_ncells(d, i); k++)
      if (!strcmp(gk_diag_rule(d, i), "import.ambiguous") && !strncmp(gk_diag_cell(d, i, k), pre, strlen(pre)))
        return 1;
  return 0;
}

static size_t g_synth_cases, g_synth_cells;

/* The cells of one printed part of a case: each its value, or blank where
 * the case leaves it (blank, or undecided: then import.ambiguous names its
 * row); never another value. 1 when one is not. */
static int synth_cells(const synth *sy, const gk_report *rep, const gk_diags *d, unsigned lines, int bl) {
  int amb_want = bl == BL_BETWEEN || bl == BL_ASIDE, bad = 0;
  const char *name = bl < BL_N ? bl_name[bl] : "no blank";
  for (size_t r = 0; r < sy->nrow; r++) {
    size_t row = sy->row[r];
    for (size_t j = 0; j < sy->np; j++) {
      char v[32], path[160], got[64];
      const char *want = synth_value(v, sizeof v, sy, bl, r, j);
      if (bl == BL_BETWEEN && j == 1 && r + 1 == sy->nrow) want = NULL; /* undecided */
      if (bl == BL_ASIDE && r + 1 == sy->nrow) want = NULL;                /* position says nothing */
      size_t cr = sy->t == GK_TABLE_REVIEW ? sy->prow[j] : row;
      CU_ASSERT_TRUE_FATAL(gk_schema_path_format(path, sizeof path, sy->ed, (gk_table)sy->t, cr, sy->pcol[j]) > 0);
      CU_ASSERT_TRUE_FATAL(gk_report_text(got, sizeof got, rep, path, GK_NUL_TERMINATED) >= 0);
      g_synth_cells++;
      /* a row with a value between two columns may be read as digits run
       * together that fit several ways first (table 二 has no row relation):
       * all blank, said */
      if (bl == BL_BETWEEN && r + 1 == sy->nrow && !got[0] && cell_named(d, rep, sy->t, row)) continue;
      if (strcmp(got, want ? want : "")) {
        bad = 1;
        fprintf(stderr, "  [ed %d, %s, %u line(s), %s] %s: want '%s' got '%s'\n", sy->ed,
                gk_schema_table_key((gk_table)sy->t), lines, name, path, want ? want : "", got);
      }
    }
    int amb = cell_named(d, rep, sy->t, sy->t == GK_TABLE_REVIEW ? 0 : row);
    if (amb != (amb_want && r + 1 == sy->nrow)) {
      bad = 1;
      fprintf(stderr, "  [ed %d, %s, %u line(s), %s] row %zu: import.ambiguous %d\n", sy->ed,
              gk_schema_table_key((gk_table)sy->t), lines, name, row, amb);
    }
  }
  return bad;
}

/* One case: the table's region replaced by its parts sy[0..np) (table 二:
 * each under its own header), the case bl in part `target`, the others
 * full; every printed cell compared (synth_cells). */
static void synth_check(const char *base, size_t n, synth *sy, size_t np, size_t target, unsigned lines, int bl) {
  int part = -1;
  for (int p = 0; p < GK__NPARTS; p++)
    if (gk__parts[p].table == sy->t) part = p;
  size_t from = heading_at(base, part, 0), to = heading_at(base, part, 1);
  CU_ASSERT_TRUE_FATAL(from != SIZE_MAX && to != SIZE_MAX && from <= to);
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_put(&b, base, from);
  for (size_t q = 0; q < np; q++) {
    int bq = q == target ? bl : BL_N;
    synth_places(&sy[q], lines);
    sy[q].aside = bq == BL_ASIDE ? sy[q].wd[0] + 1 : 0; /* past the first column's values: over none */
    synth_header(&b, &sy[q], lines);
    for (size_t r = 0; r < sy[q].nrow; r++) synth_row(&b, &sy[q], bq, r);
  }
  gk__buf_put(&b, base + to, n - to);
  CU_ASSERT_EQUAL_FATAL(b.err, 0);
  gk_report *rep = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&rep, b.data, b.len, "synth", d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_edition(rep), sy->ed);
  int bad = 0;
  for (size_t q = 0; q < np; q++) bad |= synth_cells(&sy[q], rep, d, lines, q == target ? bl : BL_N);
  CU_ASSERT_FALSE(bad);
  if (bad && getenv("GK_XPOS_DUMP")) fprintf(stderr, "%.*s\n", (int)(b.len - from < 1500 ? b.len - from : 1500),
                                             b.data + from);
  g_synth_cases++;
  gk_report_free(rep);
  gk_diags_free(d);
  gk__buf_free(&b);
}

/* A report of each edition (the real reports' printed web pages). */
static const char *const synth_base[] = {"pdftext/2019_shanghai-municipal-general-office.txt",
                                         "pdftext/2023_suqian-municipal-government.txt"};

static void test_synth_tables(void) {
  g_synth_cases = g_synth_cells = 0;
  for (size_t e = 0; e < gk_schema_edition_count() && e < sizeof synth_base / sizeof *synth_base; e++) {
    int ed = gk_schema_edition_id(e);
    size_t n = 0;
    char *base = gk_test_read_data(synth_base[e], 0, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    for (int t = 0; t < GK_NTABLES; t++) {
      const gk__table_decl *td = &gk__edition_get(ed)->tables[t];
      synth sy = {ed, t, t == GK_TABLE_REVIEW ? 1 : 2, {0, 1}, 0, {0}, {0}, {0}, {0}, 0, 0};
      if (td->rows[0].colmask != td->rows[1].colmask && t != GK_TABLE_REVIEW) continue;
      for (unsigned lines = 1; lines <= 3; lines++)
        for (int bl = 0; bl < BL_N; bl++) synth_check(base, n, &sy, 1, 0, lines, bl);
    }
    free(base);
  }
  fprintf(stderr, "synthetic tables from the declarations: %zu cases, %zu cells\n", g_synth_cases, g_synth_cells);
  CU_ASSERT_TRUE(g_synth_cases >= 2 * 3 * 3 * BL_N);
}

/* Table 二 in its parts, each under a header of its own (the rows of one
 * set of columns: 规章 / 规范性文件, 行政许可 …, 行政事业性收费, 政府集中采购),
 * the case in one part of two rows or more and two cells or more: its
 * blanks placed under that part's own header. */
static void test_synth_parts(void) {
  g_synth_cases = g_synth_cells = 0;
  size_t tested = 0;
  for (size_t e = 0; e < gk_schema_edition_count() && e < sizeof synth_base / sizeof *synth_base; e++) {
    int ed = gk_schema_edition_id(e);
    const gk__table_decl *td = &gk__edition_get(ed)->tables[GK_TABLE_ACTIVE];
    synth parts[GK__MAX_COLS];
    size_t np = 0;
    for (size_t r = 0; r < td->nrows && np < GK__MAX_COLS; r++) {
      if (!(td->rows[r].flags & GK_ROW_STORED)) continue;
      synth *last = np ? &parts[np - 1] : NULL;
      if (last && td->rows[last->row[0]].colmask == td->rows[r].colmask) {
        if (last->nrow < 2) last->row[last->nrow++] = r;
        continue;
      }
      parts[np++] = (synth){ed, GK_TABLE_ACTIVE, 1, {r, 0}, 0, {0}, {0}, {0}, {0}, 0, 0};
    }
    size_t n = 0;
    char *base = gk_test_read_data(synth_base[e], 0, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    for (size_t p = 0; p < np; p++) {
      unsigned cells = 0;
      for (size_t c = 0; c < td->ncols; c++) cells += (td->rows[parts[p].row[0]].colmask >> c) & 1u;
      if (parts[p].nrow < 2 || cells < 3) continue;
      tested += p > 0;
      for (unsigned lines = 1; lines <= 2; lines++)
        for (int bl = 0; bl < BL_N; bl++) synth_check(base, n, parts, np, p, lines, bl);
    }
    free(base);
  }
  fprintf(stderr, "table 二 in its parts: %zu cases, %zu cells (%zu parts after the first)\n", g_synth_cases,
          g_synth_cells, tested);
  CU_ASSERT_TRUE(tested > 0);
}


/* ------------------------------------------------------------------------
 * Table 四 printed as three labelled lines (real PDFs do this): its five
 * column labels over the values (each over one, two or three lines), then a
 * line a row, its label first ("行政复议", "行政诉讼 未经复议直接起诉" or
 * "行政诉讼" alone on a line above "未经复议直接起诉", "复议后起诉"). The blanks
 * of a case in one row (or every row), the other rows full; a row printed
 * as its label alone, or left out. Every cell compared: its value, or blank
 * (the case's blank, or undecided: import.ambiguous names the table). */

enum { RL_FULL, RL_LABEL_ONLY, RL_LEFT_OUT }; /* how the target row is printed when all blank */

typedef struct {
  int ed;
  unsigned lines;  /* lines of each column label */
  int bl;          /* blank case (BL_*, BL_N none) */
  int target;      /* its row; 3: every row */
  int grouped;     /* "行政诉讼" on a line of its own */
  int empty;       /* the target row all blank: RL_LABEL_ONLY or RL_LEFT_OUT (RL_FULL: the case) */
  int unlabelled;  /* no row labels (the three lines of values alone) */
  int pagebreak;   /* a form feed before the last row's line: position says nothing */
} rvcase;

/* The value of row r, column j of a case (NULL blank). */
static const char *rl_value(char *buf, size_t cap, const rvcase *c, size_t r, size_t j, const unsigned *x,
                            const unsigned *wd) {
  int here = c->target == 3 || (size_t)c->target == r;
  if (here && c->empty != RL_FULL) return NULL;
  int bl = here ? c->bl : BL_N;
  if ((bl == BL_START && j == 0) || ((bl == BL_MIDDLE || bl == BL_ASIDE) && j == 2) || (bl == BL_END && j == 4) ||
      (bl == BL_SPARSE && j % 2) || (bl == BL_BETWEEN && j == 2))
    return NULL;
  if (bl == BL_BETWEEN && j == 1) { /* from the last code point of column 1 to the first of column 2 */
    unsigned n = x[2] + 1 - (x[1] + wd[1] - 1);
    for (unsigned k = 0; k < n && k + 1 < cap; k++) buf[k] = (char)('1' + k % 9), buf[k + 1] = '\0';
    return buf;
  }
  snprintf(buf, cap, "%zu", 10 + r * 20 + j);
  return buf;
}

/* The table's text: the header, then the rows' lines. */
static void rl_text(gk__buf *b, const rvcase *c, unsigned *x, unsigned *wd) {
  const gk__table_decl *td = &gk__edition_get(c->ed)->tables[GK_TABLE_REVIEW];
  const char *lab[3] = {td->rows[0].zh, td->rows[1].zh, strrchr(td->rows[2].zh, ' ') + 1};
  unsigned lw = c->unlabelled ? 2 : cps_of(td->rows[1].zh) + 4, pitch = 6, aside = 0;
  for (size_t j = 0; j < td->ncols; j++) {
    unsigned part = (cps_of(td->cols[j].zh) + c->lines - 1) / c->lines;
    pitch = part + 4 > pitch ? part + 4 : pitch;
  }
  for (size_t j = 0; j < td->ncols; j++)
    x[j] = lw + (unsigned)j * pitch, wd[j] = (cps_of(td->cols[j].zh) + c->lines - 1) / c->lines;
  if (c->bl == BL_ASIDE) aside = wd[0] + 1;
  char l[1024], part[GK__MAX_COLS][64], v[GK__MAX_COLS][32];
  put ps[GK__MAX_COLS + 2];
  for (unsigned li = 0; li < c->lines; li++) {
    size_t n = 0;
    for (size_t j = 0; j < td->ncols; j++) {
      cps_cut(part[j], sizeof part[j], td->cols[j].zh, li * wd[j], wd[j]);
      if (part[j][0]) ps[n++] = (put){x[j] + aside, part[j]};
    }
    ps[n] = (put){0, NULL};
    if (n) line_of(l, sizeof l, ps), gk__buf_printf(b, "%s\n", l);
  }
  for (size_t r = 0; r < td->nrows; r++) {
    int here = c->target == 3 || (size_t)c->target == r;
    if (here && c->empty == RL_LEFT_OUT) continue;
    size_t n = 0;
    const char *lb = lab[r];
    if (r == 1 && c->grouped && !c->unlabelled) {
      gk__buf_put(b, lb, (size_t)(strchr(lb, ' ') - lb)), gk__buf_putc(b, '\n');
      lb = strchr(lb, ' ') + 1;
    }
    if (!c->unlabelled) ps[n++] = (put){0, lb};
    for (size_t j = 0; j < td->ncols; j++) {
      const char *t = rl_value(v[j], sizeof v[j], c, r, j, x, wd);
      unsigned at = x[j] + (here && c->bl == BL_BETWEEN && j == 1 ? wd[1] - 1 : 0);
      if (t) ps[n++] = (put){at, t};
    }
    ps[n] = (put){0, NULL};
    if (n) line_of(l, sizeof l, ps), gk__buf_printf(b, "%s%s\n", c->pagebreak && r + 1 == td->nrows ? "\f" : "", l);
  }
}

static size_t g_rl_cases, g_rl_right, g_rl_blank;

/* One case: table 四's region of the base replaced; 1 when a cell is not as the case wants. */
static int rl_check(const char *base, size_t n, const rvcase *c) {
  int part = -1;
  for (int p = 0; p < GK__NPARTS; p++)
    if (gk__parts[p].table == GK_TABLE_REVIEW) part = p;
  size_t from = heading_at(base, part, 0), to = heading_at(base, part, 1);
  CU_ASSERT_TRUE_FATAL(from != SIZE_MAX && to != SIZE_MAX && from <= to);
  unsigned x[GK__MAX_COLS], wd[GK__MAX_COLS];
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_put(&b, base, from);
  rl_text(&b, c, x, wd);
  gk__buf_put(&b, base + to, n - to);
  CU_ASSERT_EQUAL_FATAL(b.err, 0);
  gk_report *rep = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&rep, b.data, b.len, "review3", d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_edition(rep), c->ed);
  const gk__table_decl *td = &gk__edition_get(c->ed)->tables[GK_TABLE_REVIEW];
  int bad = 0, amb = cell_named(d, rep, GK_TABLE_REVIEW, 0), blanks = 0;
  for (size_t r = 0; r < td->nrows; r++)
    for (size_t j = 0; j < td->ncols; j++) {
      char v[32], path[160], got[64];
      const char *want = rl_value(v, sizeof v, c, r, j, x, wd);
      CU_ASSERT_TRUE_FATAL(gk_schema_path_format(path, sizeof path, c->ed, GK_TABLE_REVIEW, r, j) > 0);
      CU_ASSERT_TRUE_FATAL(gk_report_text(got, sizeof got, rep, path, GK_NUL_TERMINATED) >= 0);
      if (!want) continue;
      if (!strcmp(got, want)) g_rl_right++;
      else if (!got[0]) g_rl_blank++, blanks++;
      if (got[0] && strcmp(got, want)) {
        bad = 1;
        fprintf(stderr, "  [ed %d, %u line(s), %s, row %d%s%s] %s: want '%s' got '%s'\n", c->ed, c->lines,
                c->bl < BL_N ? bl_name[c->bl] : "no blank", c->target, c->grouped ? ", grouped" : "",
                c->unlabelled ? ", unlabelled" : "", path, want, got);
      }
    }
  /* undecided: the value between two columns (a row); everything when the
   * header is not over the values, or two lines without labels for three rows */
  int rows = c->target == 3 ? 3 : 1, all = 15 - (c->empty != RL_FULL ? 5 * rows : 0) - (c->bl == BL_MIDDLE) * rows;
  int undecided = c->bl == BL_BETWEEN ? rows : c->bl == BL_ASIDE || c->pagebreak ? 15 - rows :
                  c->unlabelled && c->empty ? all : 0;
  if (blanks != undecided) {
    bad = 1;
    fprintf(stderr, "  [ed %d, %u line(s), %s, row %d] %d blank, want %d\n", c->ed, c->lines,
            c->bl < BL_N ? bl_name[c->bl] : "no blank", c->target, blanks, undecided);
  }
  if (blanks && !amb) {
    bad = 1;
    fprintf(stderr, "  [ed %d, %u line(s), %s, row %d] %d blank, not named\n", c->ed, c->lines,
            c->bl < BL_N ? bl_name[c->bl] : "no blank", c->target, blanks);
  }
  if (blanks && getenv("GK_XPOS_BLANKS"))
    fprintf(stderr, "  [ed %d, %u line(s), %s, row %d%s%s, empty %d] %d blank\n", c->ed, c->lines,
            c->bl < BL_N ? bl_name[c->bl] : "no blank", c->target, c->grouped ? ", grouped" : "",
            c->unlabelled ? ", unlabelled" : "", c->empty, blanks);
  if (getenv("GK_XPOS_DUMP") && (bad || blanks))
    fprintf(stderr, "%.*s\n", (int)(b.len - from < 900 ? b.len - from : 900), b.data + from);
  g_rl_cases++;
  gk_report_free(rep);
  gk_diags_free(d);
  gk__buf_free(&b);
  return bad;
}

static void test_review_labelled(void) {
  g_rl_cases = g_rl_right = g_rl_blank = 0;
  for (size_t e = 0; e < gk_schema_edition_count() && e < sizeof synth_base / sizeof *synth_base; e++) {
    size_t n = 0;
    char *base = gk_test_read_data(synth_base[e], 0, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(base);
    for (unsigned lines = 1; lines <= 3; lines++)
      for (int grouped = 0; grouped < 3; grouped++)
        for (int target = 0; target <= 3; target++) {
          for (int bl = 0; bl <= BL_N; bl++) {
            rvcase c = {gk_schema_edition_id(e), lines, bl, target, grouped == 1, RL_FULL, grouped == 2, 0};
            CU_ASSERT_FALSE(rl_check(base, n, &c));
          }
          for (int empty = RL_LABEL_ONLY; empty <= RL_LEFT_OUT && target < 3; empty++) {
            rvcase c = {gk_schema_edition_id(e), lines, BL_N, target, grouped == 1, empty, grouped == 2, 0};
            CU_ASSERT_FALSE(rl_check(base, n, &c));
          }
          rvcase pb = {gk_schema_edition_id(e), lines, BL_MIDDLE, target, grouped == 1, RL_FULL, grouped == 2, 1};
          CU_ASSERT_FALSE(rl_check(base, n, &pb));
        }
    free(base);
  }
  fprintf(stderr, "table 四 on three labelled lines: %zu cases, %zu cells right, %zu blank\n", g_rl_cases,
          g_rl_right, g_rl_blank);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"values placed under the header column they overlap most; undecided ones blank and said", test_xpos_cases},
    {"pipe tables without outer bars: blank first and last cells kept", test_bare_pipes},
    {"synthetic tables 二, 三, 四 of both editions from the declarations: blanks placed or said", test_synth_tables},
    {"table 二 in its parts, each under its own header: blanks placed or said", test_synth_parts},
    {"table 四 on three labelled lines: blanks placed by position or said", test_review_labelled},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("text_xpos", tests);
}
