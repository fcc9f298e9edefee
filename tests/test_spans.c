/* SPDX-License-Identifier: MIT */
/* Merged cells whose text a converter repeats in every cell they span
 * (docling, read_html to Markdown, Excel's "unmerge and fill"; issue 11): every
 * complete truth, both editions, rendered in the published multi-level layout
 * (table 二 a header row before each group of rows, a one-column row's header
 * and value spanning the value columns; table 三 three header rows and label
 * columns merged across and down; table 四 two header rows of groups) with
 * each merged cell's text written into every cell it spans, as a Markdown pipe
 * table, TSV and an HTML page of plain <td>, imported and compared cell by
 * cell with the truth. Equal values under headers of their own stay apart;
 * differing values under one merged header are blank and named. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "gkreport/text.h"
#include "gkreport/document.h"

/* ------------------------------------------------------------ a table laid out */
#define TW 16
#define TH 48
typedef struct {
  char text[TH][TW][200];
  int nrows, width;
} dtab;

/* A cell of rs rows and cs columns at (row, x): its text in each it spans. */
static void put(dtab *t, int row, int x, int rs, int cs, const char *text) {
  for (int r = row; r < row + rs && r < TH; r++)
    for (int c = x; c < x + cs && c < TW; c++) snprintf(t->text[r][c], sizeof t->text[r][c], "%s", text);
  if (row + rs > t->nrows) t->nrows = row + rs;
  if (x + cs > t->width) t->width = x + cs;
}

static void cell_text(const gk_report *r, int t, size_t row, size_t col, char *buf, size_t cap) {
  char path[160];
  CU_ASSERT_TRUE_FATAL(gk_schema_path_format(path, sizeof path, gk_report_edition(r), t, row, col) > 0);
  CU_ASSERT_TRUE_FATAL(gk_report_text(buf, cap, r, path, GK_NUL_TERMINATED) >= 0);
}

/* Row `row`'s values at (at, x..): the last spans the columns up to width. */
static void put_values(dtab *t, const gk_report *r, int tb, size_t row, int at, int x, int width) {
  int ed = gk_report_edition(r), n = 0, k = 0;
  for (size_t c = 0; c < gk_schema_ncols(ed, tb); c++) n += gk_schema_cell_exists(ed, tb, row, c);
  for (size_t c = 0; c < gk_schema_ncols(ed, tb); c++) {
    if (!gk_schema_cell_exists(ed, tb, row, c)) continue;
    char v[64];
    cell_text(r, tb, row, c, v, sizeof v);
    put(t, at, x + k, 1, k + 1 == n ? width - n + 1 : 1, v);
    k++;
  }
}

/* Table 二: "信息内容" and the columns before each group of rows. */
static void lay_active(dtab *t, const gk_report *r) {
  const gk__table_decl *td = &gk__edition_get(gk_report_edition(r))->tables[GK_TABLE_ACTIVE];
  int width = 0, at = 0;
  for (size_t k = 0; k < td->nrows; k++) {
    int w = 0;
    for (size_t c = 0; c < td->ncols; c++) w += (td->rows[k].colmask >> c) & 1u;
    width = w > width ? w : width;
  }
  uint32_t mask = 0;
  for (size_t k = 0; k < td->nrows; k++) {
    const gk__row_decl *rd = &td->rows[k];
    if (!(rd->flags & GK_ROW_STORED)) continue;
    if (rd->colmask != mask) {
      int n = 0, i = 0;
      for (size_t c = 0; c < td->ncols; c++) n += (rd->colmask >> c) & 1u;
      put(t, at, 0, 1, 1, "信息内容");
      for (size_t c = 0; c < td->ncols; c++)
        if (rd->colmask & (1u << c)) i++, put(t, at, i, 1, i == n ? width - n + 1 : 1, td->cols[c].zh);
      at++, mask = rd->colmask;
    }
    put(t, at, 0, 1, 1, rd->zh);
    put_values(t, r, GK_TABLE_ACTIVE, k, at++, 1, width);
  }
}

/* Is row k of table 三 a printed row (stored, and a 2021 (六) printed either
 * as one row or as its sub-rows: the truth says which)? */
static int printed(const gk__table_decl *td, const gk_report *r, size_t k) {
  const gk__row_decl *rd = &td->rows[k];
  if (!(rd->flags & GK_ROW_STORED)) return 0;
  int has = 0;
  for (size_t c = 0; c < td->ncols; c++) has |= gk__cell_at(r, GK_TABLE_REQUESTS, k, c)->state != GK_CELL_BLANK;
  if (rd->parent >= 0 && (td->rows[rd->parent].flags & GK_ROW_STORED)) {
    for (size_t c = 0; c < td->ncols; c++)
      if (gk__cell_at(r, GK_TABLE_REQUESTS, (size_t)rd->parent, c)->state != GK_CELL_BLANK) return 0;
    return 1;
  }
  return !(rd->flags & GK_ROW_DERIVED) || has;
}

/* Table 三: three header rows; 三、本年度办理结果 down the rows it holds, each
 * group down its sub-rows, the other labels across the label columns. */
static void lay_requests(dtab *t, const gk_report *r) {
  const gk__table_decl *td = &gk__edition_get(gk_report_edition(r))->tables[GK_TABLE_REQUESTS];
  int nc = (int)td->ncols, at = 3, first3 = -1, n3 = 0;
  put(t, 0, 0, 3, 3, "申请人情况");
  put(t, 0, 3, 1, nc, "申请人情况");
  put(t, 1, 3, 2, 1, td->cols[0].zh);
  put(t, 1, 4, 1, nc - 2, "法人或其他组织");
  put(t, 1, 3 + nc - 1, 2, 1, td->cols[nc - 1].zh);
  for (int c = 1; c + 1 < nc; c++) put(t, 2, 3 + c, 1, 1, td->cols[c].zh);
  for (size_t k = 0; k < td->nrows; k++) {
    const gk__row_decl *rd = &td->rows[k];
    if (!printed(td, r, k)) continue;
    if (rd->parent < 0 && strncmp(rd->zh, "（", 3) != 0) { /* 一、 二、 四、 */
      put(t, at, 0, 1, 3, rd->zh);
    } else {
      if (first3 < 0) first3 = at;
      n3++;
      if (rd->parent >= 0) {
        put(t, at, 1, 1, 1, td->rows[rd->parent].zh);
        put(t, at, 2, 1, 1, rd->zh);
      } else {
        put(t, at, 1, 1, 2, rd->zh);
      }
    }
    put_values(t, r, GK_TABLE_REQUESTS, k, at++, 3, nc);
  }
  put(t, first3, 0, n3, 1, "三、本年度办理结果");
}

/* Table 四: 行政复议 / 行政诉讼 over the groups, the five columns, one row of values. */
static void lay_review(dtab *t, const gk_report *r) {
  const gk__table_decl *td = &gk__edition_get(gk_report_edition(r))->tables[GK_TABLE_REVIEW];
  put(t, 0, 0, 1, 5, td->rows[0].zh);
  put(t, 0, 5, 1, 10, "行政诉讼");
  for (int c = 0; c < 5; c++) put(t, 1, c, 2, 1, td->cols[c].zh);
  put(t, 1, 5, 1, 5, td->rows[1].zh);
  put(t, 1, 10, 1, 5, td->rows[2].zh);
  for (int g = 1; g < 3; g++)
    for (int c = 0; c < 5; c++) put(t, 2, g * 5 + c, 1, 1, td->cols[c].zh);
  for (size_t g = 0; g < 3; g++)
    for (size_t c = 0; c < 5; c++) {
      char v[64];
      cell_text(r, GK_TABLE_REVIEW, g, c, v, sizeof v);
      put(t, 3, (int)(g * 5 + c), 1, 1, v);
    }
}

/* ------------------------------------------------------------ forms */
enum { FORM_PIPE, FORM_TSV, FORM_HTML };

static void out_table(gk__buf *b, const dtab *t, int form) {
  if (form == FORM_HTML) gk__buf_puts(b, "<table>\n");
  for (int r = 0; r < t->nrows; r++) {
    if (form == FORM_HTML) gk__buf_puts(b, "<tr>");
    for (int c = 0; c < t->width; c++) {
      if (form == FORM_PIPE) gk__buf_printf(b, "| %s ", t->text[r][c]);
      else if (form == FORM_TSV) gk__buf_printf(b, "%s%s", c ? "\t" : "", t->text[r][c]);
      else gk__buf_printf(b, "<td>%s</td>", t->text[r][c]);
    }
    gk__buf_puts(b, form == FORM_PIPE ? "|\n" : form == FORM_TSV ? "\n" : "</tr>\n");
    for (int c = 0; form == FORM_PIPE && r == 0 && c <= t->width; c++) gk__buf_puts(b, c < t->width ? "|---" : "|\n");
  }
  gk__buf_puts(b, form == FORM_HTML ? "</table>\n" : "\n");
}

static const char *const heads[6] = {"一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                     "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                     "六、其他需要报告的事项"};

/* The report with its three tables laid out in t[] (the tables may be edited
 * by the caller before). */
static void render(gk__buf *b, const gk_report *r, dtab *t, int form) {
  int html = form == FORM_HTML;
  const char *h = html ? "<h2>" : "## ", *he = html ? "</h2>\n" : "\n\n", *p = html ? "<p>" : "",
             *pe = html ? "</p>\n" : "\n\n";
  if (html) gk__buf_puts(b, "<html><body>\n");
  gk__buf_printf(b, "%s%s%d年政府信息公开工作年度报告%s", html ? "<h1>" : "# ", gk_report_agency(r, GK_AGENCY_NAME),
                 gk_report_year(r), html ? "</h1>\n" : "\n\n");
  gk__buf_printf(b, "%s本报告统计期限自%d年1月1日起至%d年12月31日止。%s", p, gk_report_year(r), gk_report_year(r), pe);
  for (int k = 0; k < 6; k++) {
    gk__buf_printf(b, "%s%s%s", h, heads[k], he);
    if (k >= 1 && k <= 3) out_table(b, &t[k - 1], form);
    else gk__buf_printf(b, "%s本年度依法做好政府信息公开工作。%s", p, pe);
  }
  if (html) gk__buf_puts(b, "</body></html>\n");
}

static gk_report *import(const char *doc, size_t n, int form, gk_diags *d) {
  gk_report *r = NULL;
  int rc = form == FORM_HTML ? gk_report_from_html(&r, doc, n, "spans.html", d)
                             : gk_report_from_text(&r, doc, n, "spans.md", d);
  if (rc == GK_EUNSUPPORTED) return NULL; /* built without HTML */
  CU_ASSERT_EQUAL_FATAL(rc, GK_OK);
  return r;
}

static void lay_all(dtab *t, const gk_report *truth) {
  memset(t, 0, 3 * sizeof *t);
  lay_active(&t[0], truth);
  lay_requests(&t[1], truth);
  lay_review(&t[2], truth);
}

/* Cells of r unlike the truth's (every stored cell of the three tables). */
static size_t count_wrong(const gk_report *r, const gk_report *truth, const char *name, int form) {
  int ed = gk_report_edition(truth);
  size_t wrong = gk_report_edition(r) != ed;
  for (int t = 0; t < GK_NTABLES && !wrong; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
        if (!(gk_schema_row_flags(ed, t, row) & GK_ROW_STORED) || !gk_schema_cell_exists(ed, t, row, c)) continue;
        char want[64], got[64];
        cell_text(truth, t, row, c, want, sizeof want);
        cell_text(r, t, row, c, got, sizeof got);
        if (strcmp(want, got) == 0) continue;
        wrong++;
        fprintf(stderr, "\n  %s form %d: %s/%s/%s '%s' want '%s'", name, form, gk_schema_table_key(t),
                gk_schema_row_key(ed, t, row), gk_schema_col_key(ed, t, c), got, want);
      }
  return wrong;
}

/* Table 二 without its header rows but the first: the one-column rows'
 * values span the three columns under the first header's columns. */
static void drop_heads(dtab *t) {
  int k = 1;
  for (int r = 1; r < t->nrows; r++)
    if (strcmp(t->text[r][0], t->text[0][0]) != 0) memcpy(t->text[k++], t->text[r], sizeof t->text[r]);
  t->nrows = k;
}

static size_t check_truth(const void *arg, const gk_report *truth, const char *name) {
  int heads_dropped = arg != NULL;
  static dtab t[3];
  size_t wrong = 0;
  if (heads_dropped && gk_report_edition(truth) != GK_EDITION_2021) return 0; /* 2019: each group its columns */
  for (int form = FORM_PIPE; form <= FORM_HTML; form++) {
    lay_all(t, truth);
    if (heads_dropped) drop_heads(&t[0]);
    gk__buf b;
    gk__buf_init(&b);
    render(&b, truth, t, form);
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    gk_report *r = import(b.data, b.len, form, d);
    if (r) wrong += count_wrong(r, truth, name, form);
    if (r) CU_ASSERT_EQUAL(gk_test_count_rule(d, "import.ambiguous"), 0);
    gk_report_free(r);
    gk_diags_free(d);
    gk__buf_free(&b);
  }
  return wrong;
}

/* Every complete truth in every form: every cell right. */
static void test_spans_repeated(void) { CU_ASSERT_EQUAL(gk_test_each_truth(check_truth, NULL), 0); }

/* The same with a row's value repeated under columns the schema gives it no
 * cell in (no header of its own above it: 行政许可 under 本年制发件数 …). */
static void test_spans_schema_one_cell(void) {
  static const int dropped = 1;
  CU_ASSERT_EQUAL(gk_test_each_truth(check_truth, &dropped), 0);
}

/* The truth of the 2021 edition's first complete report, laid out. */
static gk_report *truth_2021(dtab *t) {
  for (size_t i = 0; i < gk_test_ntruth; i++) {
    gk_report *r = gk_test_load_truth(GK_REAL_DATA, gk_test_truth_files[i], NULL);
    if (gk_report_edition(r) == GK_EDITION_2021) {
      lay_all(t, r);
      return r;
    }
    gk_report_free(r);
  }
  CU_FAIL_FATAL("no 2021 truth");
  return NULL;
}

/* Row k of table 二's layout (its label in column 0), or -1. */
static int laid_row(const dtab *t, const char *label) {
  for (int r = 0; r < t->nrows; r++)
    if (strcmp(t->text[r][0], label) == 0) return r;
  return -1;
}

static void cell_is(const gk_report *r, int t, size_t row, size_t col, const char *want) {
  char got[64];
  cell_text(r, t, row, col, got, sizeof got);
  CU_ASSERT_STRING_EQUAL(got, want);
}

/* Equal values under headers of their own stay apart (a row of table 二 with
 * three columns all 7, a row of table 三 all 4, table 四 all 1); values under
 * one merged header that differ are blank and named, never one of them; the
 * other rows read right. */
static void test_spans_equal_and_differing(void) {
  static dtab t[3];
  gk_report *truth = truth_2021(t);
  const gk__table_decl *td = &gk__edition_get(GK_EDITION_2021)->tables[GK_TABLE_ACTIVE];
  size_t three = SIZE_MAX, one = SIZE_MAX, ones = 0;
  for (size_t k = 0; k < td->nrows; k++) {
    int n = 0;
    for (size_t c = 0; c < td->ncols; c++) n += (td->rows[k].colmask >> c) & 1u;
    if (n == 3 && three == SIZE_MAX) three = k;
    if (n == 1 && one == SIZE_MAX) one = k;
    ones += n == 1;
  }
  CU_ASSERT_FATAL(three != SIZE_MAX && one != SIZE_MAX && ones >= 2);
  int r3 = laid_row(&t[0], td->rows[three].zh), r1 = laid_row(&t[0], td->rows[one].zh);
  CU_ASSERT_FATAL(r3 >= 0 && r1 >= 0 && t[0].width == 4);
  for (int c = 1; c < 4; c++) {
    snprintf(t[0].text[r3][c], sizeof t[0].text[r3][c], "7");
    snprintf(t[0].text[r1][c], sizeof t[0].text[r1][c], "%d", 5 + c); /* 6 7 8 under one header */
  }
  for (int c = 3; c < t[1].width; c++) snprintf(t[1].text[3][c], sizeof t[1].text[3][c], "4"); /* 一、 */
  for (int c = 0; c < 15; c++) snprintf(t[2].text[3][c], sizeof t[2].text[3][c], "1");
  for (int form = FORM_PIPE; form <= FORM_HTML; form++) {
    gk__buf b;
    gk__buf_init(&b);
    render(&b, truth, t, form);
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    gk_report *r = import(b.data, b.len, form, d);
    for (size_t c = 0; r && c < td->ncols; c++) {
      if (td->rows[three].colmask & (1u << c)) cell_is(r, GK_TABLE_ACTIVE, three, c, "7");
      if (td->rows[one].colmask & (1u << c)) cell_is(r, GK_TABLE_ACTIVE, one, c, "");
    }
    for (size_t c = 0; r && c < gk_schema_ncols(GK_EDITION_2021, GK_TABLE_REQUESTS); c++)
      cell_is(r, GK_TABLE_REQUESTS, 0, c, "4");
    for (size_t g = 0; r && g < 3; g++)
      for (size_t c = 0; c < 5; c++) cell_is(r, GK_TABLE_REVIEW, g, c, "1");
    if (r) { /* the row after the differing one reads its own value, not a repeat */
      char want[64];
      size_t c0 = 0;
      while (!(td->rows[one + 1].colmask & (1u << c0))) c0++;
      cell_text(truth, GK_TABLE_ACTIVE, one + 1, c0, want, sizeof want);
      cell_is(r, GK_TABLE_ACTIVE, one + 1, c0, want);
      CU_ASSERT_TRUE(gk_test_count_rule(d, "import.ambiguous") >= 1);
      int named = 0;
      for (size_t i = 0; i < gk_diags_count(d); i++)
        named |= strcmp(gk_diag_rule(d, i), "import.ambiguous") == 0 && strstr(gk_diag_message(d, i, GK_LANG_EN), "6 / 7 / 8");
      CU_ASSERT_TRUE(named);
    }
    gk_report_free(r);
    gk_diags_free(d);
    gk__buf_free(&b);
  }
  gk_report_free(truth);
}

int main(void) {
  static CU_TestInfo tests[] = {
      {"every truth with repeated spans (pipe, TSV, HTML)", test_spans_repeated},
      {"values repeated where the schema gives one cell", test_spans_schema_one_cell},
      {"equal values apart, differing ones named", test_spans_equal_and_differing},
      CU_TEST_INFO_NULL,
  };
  return gk_test_main("spans", tests);
}
