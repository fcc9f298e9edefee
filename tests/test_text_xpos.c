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

int main(void) {
  CU_TestInfo tests[] = {
    {"values placed under the header column they overlap most; undecided ones blank and said", test_xpos_cases},
    {"pipe tables without outer bars: blank first and last cells kept", test_bare_pipes},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("text_xpos", tests);
}
