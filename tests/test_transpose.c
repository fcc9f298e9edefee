/* SPDX-License-Identifier: MIT */
/* Tables printed with rows and columns swapped, and columns that are no
 * columns (issue 11): every complete truth (both editions) written as
 * Markdown (gk_report_to_markdown), its table 四 replaced by the same cells
 * transposed (pipe, TSV, HTML; its labels the declared ones, or none at all),
 * or every table given an empty column (leading, middle, trailing; pipe and
 * TSV). Each is imported and compared cell by cell with the truth: labels
 * decide where a value goes; position alone never puts a value in another
 * cell silently. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "doc_testutil.h"

/* ------------------------------------------------------------ text building */

typedef struct {
  char *p;
  size_t n, cap;
} sbuf;

static void put(sbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    b->cap = (b->n + n + 1) * 2;
    b->p = realloc(b->p, b->cap);
    CU_ASSERT_PTR_NOT_NULL_FATAL(b->p);
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
}
static void puts_(sbuf *b, const char *s) { put(b, s, strlen(s)); }

/* The truth's text of table 四's cell (row, col), "" when blank. */
static void rv_cell(char *buf, size_t cap, const gk_report *truth, size_t row, size_t col) {
  char path[128];
  int ed = gk_report_edition(truth);
  CU_ASSERT_TRUE_FATAL(gk_schema_path_format(path, sizeof path, ed, GK_TABLE_REVIEW, row, col) > 0);
  CU_ASSERT_TRUE_FATAL(gk_report_text(buf, cap, truth, path, GK_NUL_TERMINATED) >= 0);
}

enum { F_PIPE, F_TSV, F_HTML, F_BARE, F_GAPS, F_HTML_GROUPED };

/* Table 四 of the truth transposed: a header naming its rows, a line a column
 * labelled by the column (F_BARE: no labels, the values alone, a line a column). */
static void transposed(sbuf *b, const gk_report *truth, int form) {
  int ed = gk_report_edition(truth);
  size_t nr = gk_schema_nrows(ed, GK_TABLE_REVIEW), nc = gk_schema_ncols(ed, GK_TABLE_REVIEW);
  static const char *const open[] = {"| ", "", "<table><tr><td></td>", "", "    "};
  static const char *const sep[] = {" | ", "\t", "", " ", "      "};
  puts_(b, form == F_HTML ? "<table><tr><td></td>" : form == F_PIPE ? "|  " : form == F_GAPS ? "        " : "");
  for (size_t r = 0; r < nr && form != F_BARE; r++) {
    /* the declared label, or the printed form 行政诉讼（复议后起诉） of a variant */
    const char *v = gk_schema_row_variant(ed, GK_TABLE_REVIEW, r, 1);
    char lab[160];
    if (v && (r + (size_t)form) % 2) snprintf(lab, sizeof lab, "行政诉讼（%s）", v);
    else snprintf(lab, sizeof lab, "%s", gk_schema_row_label(ed, GK_TABLE_REVIEW, r, GK_LANG_ZH));
    puts_(b, form == F_HTML ? "<th>" : sep[form]);
    puts_(b, lab);
    if (form == F_HTML) puts_(b, "</th>");
  }
  puts_(b, form == F_HTML ? "</tr>\n" : form == F_PIPE ? " |\n|---|---|---|---|\n" : form == F_BARE ? "" : "\n");
  for (size_t c = 0; c < nc; c++) {
    puts_(b, form == F_HTML ? "<tr><td>" : form == F_BARE ? "" : open[form]);
    if (form != F_BARE) puts_(b, gk_schema_col_label(ed, GK_TABLE_REVIEW, c, GK_LANG_ZH));
    if (form == F_HTML) puts_(b, "</td>");
    for (size_t r = 0; r < nr; r++) {
      char v[64];
      rv_cell(v, sizeof v, truth, r, c);
      if (form == F_HTML) puts_(b, "<td>"), puts_(b, v), puts_(b, "</td>");
      else puts_(b, r || form != F_BARE ? sep[form] : ""), puts_(b, v[0] || form < F_BARE ? v : "-");
    }
    puts_(b, form == F_HTML ? "</tr>\n" : form == F_PIPE ? " |\n" : "\n");
  }
  if (form == F_HTML) puts_(b, "</table>\n");
}

/* Table 四 transposed as HTML under a two-level header: 行政复议 spanning two
 * header rows, 行政诉讼 (the group word of the litigation rows' labels) over
 * their own wordings. */
static void transposed_grouped(sbuf *b, const gk_report *truth) {
  int ed = gk_report_edition(truth);
  size_t nr = gk_schema_nrows(ed, GK_TABLE_REVIEW), nc = gk_schema_ncols(ed, GK_TABLE_REVIEW);
  const char *l1 = gk_schema_row_label(ed, GK_TABLE_REVIEW, 1, GK_LANG_ZH), *sp = strchr(l1, ' ');
  CU_ASSERT_PTR_NOT_NULL_FATAL(sp);
  char head[512];
  snprintf(head, sizeof head,
           "<table><tr><td rowspan=\"2\"></td><th rowspan=\"2\">%s</th><th colspan=\"%zu\">%.*s</th></tr><tr>",
           gk_schema_row_label(ed, GK_TABLE_REVIEW, 0, GK_LANG_ZH), nr - 1, (int)(sp - l1), l1);
  puts_(b, head);
  for (size_t r = 1; r < nr; r++)
    puts_(b, "<th>"), puts_(b, gk_schema_row_variant(ed, GK_TABLE_REVIEW, r, 1)), puts_(b, "</th>");
  puts_(b, "</tr>\n");
  for (size_t c = 0; c < nc; c++) {
    puts_(b, "<tr><td>"), puts_(b, gk_schema_col_label(ed, GK_TABLE_REVIEW, c, GK_LANG_ZH)), puts_(b, "</td>");
    for (size_t r = 0; r < nr; r++) {
      char v[64];
      rv_cell(v, sizeof v, truth, r, c);
      puts_(b, "<td>"), puts_(b, v), puts_(b, "</td>");
    }
    puts_(b, "</tr>\n");
  }
  puts_(b, "</table>\n");
}

/* The truth as Markdown, its table 四 (the first pipe table after the heading)
 * replaced by `form` transposed. */
static char *with_transposed(const gk_report *truth, int form) {
  char *md = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &n, truth), GK_OK);
  const char *h = strstr(md, gk_schema_table_label(GK_TABLE_REVIEW, GK_LANG_ZH));
  CU_ASSERT_PTR_NOT_NULL_FATAL(h);
  const char *from = strstr(h, "\n|"), *to = from ? from + 1 : NULL;
  CU_ASSERT_PTR_NOT_NULL_FATAL(from);
  while (*to == '|') to = strchr(to, '\n') + 1;
  sbuf b = {0};
  put(&b, md, (size_t)(from + 1 - md));
  if (form == F_HTML_GROUPED) transposed_grouped(&b, truth);
  else transposed(&b, truth, form);
  puts_(&b, to);
  free(md);
  return b.p;
}

/* Do table 四's row totals add up, its cells read from v (the truth's
 * cells, a blank as 0) row after row: as they are (swap 0) or as the
 * reading order of F_BARE sees them (printed column after column, swap 1)? */
static int rows_fit(const gk_report *truth, int swap) {
  int ed = gk_report_edition(truth);
  size_t nr = gk_schema_nrows(ed, GK_TABLE_REVIEW), nc = gk_schema_ncols(ed, GK_TABLE_REVIEW);
  long v[64];
  for (size_t c = 0; c < nc; c++)
    for (size_t r = 0; r < nr; r++) {
      char s[64];
      rv_cell(s, sizeof s, truth, r, c);
      v[swap ? c * nr + r : r * nc + c] = s[0] ? atol(s) : 0;
    }
  for (size_t r = 0; r < nr; r++) {
    long sum = 0;
    for (size_t c = 0; c + 1 < nc; c++) sum += v[r * nc + c];
    if (sum != v[r * nc + nc - 1]) return 0;
  }
  return 1;
}

/* Can the totals tell F_BARE's two orders apart: the truth's rows add up,
 * the reading order's do not? (Otherwise the table is read as printed.) */
static int bare_decidable(const gk_report *truth) { return rows_fit(truth, 0) && !rows_fit(truth, 1); }

/* ------------------------------------------------------------ checks */

static size_t g_forms_right, g_bare_right, g_bare_blank, g_bare_undecidable;

static size_t check_transposed(const void *arg, const gk_report *truth, const char *name) {
  (void)arg;
  size_t wrong = 0;
  static const int forms[] = {F_PIPE, F_TSV, F_HTML, F_HTML_GROUPED};
  for (size_t f = 0; f < 4; f++) {
    int form = forms[f];
    char *text = with_transposed(truth, form);
    gk_diags *d = NULL;
    gk_report *r = gk_test_import(text, name, &d);
    size_t bad = gk_doc_compare(r, truth, name);
    if (bad) printf("\n  (form %d)", form);
    wrong += bad;
    g_forms_right += bad == 0;
    CU_ASSERT_EQUAL(gk_test_count_rule(d, "import.ambiguous"), 0);
    gk_report_free(r);
    gk_diags_free(d);
    free(text);
  }
  return wrong;
}

/* Table 四 transposed with no labels: every cell right, or the table blank
 * and said; never a value in another cell, unless the totals cannot tell the
 * orders apart (reading order fits them too, or the truth's own totals do not
 * add up: read as printed, as any report by position; counted, not checked). */
static size_t check_bare(const void *arg, const gk_report *truth, const char *name) {
  const int *form = arg;
  char *text = with_transposed(truth, *form);
  gk_diags *d = NULL;
  gk_report *r = gk_test_import(text, name, &d);
  int ed = gk_report_edition(truth);
  size_t nr = gk_schema_nrows(ed, GK_TABLE_REVIEW), nc = gk_schema_ncols(ed, GK_TABLE_REVIEW);
  size_t right = 0, blank = 0, wrong = 0;
  for (size_t row = 0; row < nr; row++)
    for (size_t col = 0; col < nc; col++) {
      char path[128], a[64], b[64];
      gk_schema_path_format(path, sizeof path, ed, GK_TABLE_REVIEW, row, col);
      gk_report_text(a, sizeof a, r, path, GK_NUL_TERMINATED);
      rv_cell(b, sizeof b, truth, row, col);
      if (!b[0] && strcmp(a, "-") == 0) a[0] = '\0'; /* the dash printed for a blank, kept as printed */
      right += strcmp(a, b) == 0, blank += !a[0] && b[0], wrong += a[0] && strcmp(a, b) != 0;
    }
  int fits = !bare_decidable(truth);
  if (fits) g_bare_undecidable++;
  else if (right == nr * nc) g_bare_right++;
  else {
    g_bare_blank++;
    if (wrong) printf("\n  %s: table 四: %zu right, %zu blank, %zu wrong", name, right, blank, wrong);
    CU_ASSERT_EQUAL(right + blank, nr * nc); /* left blank (a dash printed for a blank stays) */
    CU_ASSERT_TRUE(gk_test_count_rule(d, "import.ambiguous") > 0);
  }
  if (!fits && right == nr * nc && *form == F_BARE) /* read transposed: said */
    CU_ASSERT_TRUE(gk_test_count_rule(d, "import.ambiguous") > 0);
  gk_report_free(r);
  gk_diags_free(d);
  free(text);
  return fits ? 0 : wrong;
}

static void test_transposed_forms(void) {
  g_forms_right = 0;
  CU_ASSERT_EQUAL(gk_test_each_truth(check_transposed, NULL), 0);
  CU_ASSERT_EQUAL(g_forms_right, 4 * gk_test_ntruth);
}

static void test_transposed_bare(void) {
  static const int bare = F_BARE;
  g_bare_right = g_bare_blank = g_bare_undecidable = 0;
  CU_ASSERT_EQUAL(gk_test_each_truth(check_bare, &bare), 0);
  /* the truths whose totals tell the two orders apart are read right */
  CU_ASSERT_EQUAL(g_bare_blank, 0);
  CU_ASSERT_TRUE(g_bare_right >= 1);
  CU_ASSERT_EQUAL(g_bare_right + g_bare_undecidable, gk_test_ntruth);
}

/* Transposed in space-aligned lines (pdftotext -layout), the labels in
 * reading order with the values: not read by the labels (yet), but where
 * the totals tell the orders apart never in another cell: right or blank
 * and said. */
static void test_transposed_gaps(void) {
  static const int gaps = F_GAPS;
  g_bare_right = g_bare_blank = g_bare_undecidable = 0;
  CU_ASSERT_EQUAL(gk_test_each_truth(check_bare, &gaps), 0);
  CU_ASSERT_EQUAL(g_bare_right + g_bare_blank + g_bare_undecidable, gk_test_ntruth);
  CU_ASSERT_TRUE(g_bare_right + g_bare_blank >= 1);
}

/* ------------------------------------------------------------ empty columns */

/* The Markdown with an empty column at `at` of every table (0 first, 1 after
 * the first, -1 last); tsv: the tables as TAB lines (no alignment row). */
static char *with_empty_col(const gk_report *truth, int at, int tsv) {
  char *md = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &n, truth), GK_OK);
  sbuf b = {0};
  for (char *line = md; *line;) {
    char *nl = strchr(line, '\n');
    size_t len = nl ? (size_t)(nl - line) : strlen(line);
    if (line[0] != '|') {
      put(&b, line, len), puts_(&b, "\n");
    } else {
      int rule = strspn(line, "|-: ") == len;
      if (rule && tsv) goto next;
      /* the cells between the bars */
      char cells[64][512];
      size_t k = 0, i = 1;
      while (i < len && k < 64) {
        size_t e = i;
        while (e < len && line[e] != '|') e++;
        size_t a = i, z = e;
        while (a < z && line[a] == ' ') a++;
        while (z > a && line[z - 1] == ' ') z--;
        snprintf(cells[k++], sizeof cells[0], "%.*s", (int)(z - a), line + a);
        i = e + 1;
      }
      size_t pos = at < 0 ? k : (size_t)at;
      for (size_t j = 0; j <= k; j++) {
        const char *c = j == pos ? (rule ? "---" : "") : j < pos ? cells[j] : cells[j - 1];
        if (tsv) puts_(&b, j ? "\t" : ""), puts_(&b, c);
        else puts_(&b, "| "), puts_(&b, c), puts_(&b, " ");
      }
      puts_(&b, tsv ? "\n" : "|\n");
    }
  next:
    line += len + (nl != NULL);
  }
  free(md);
  return b.p;
}

static size_t check_empty(const void *arg, const gk_report *truth, const char *name) {
  (void)arg;
  size_t wrong = 0;
  static const int ats[] = {0, 1, -1};
  for (int tsv = 0; tsv < 2; tsv++)
    for (size_t a = 0; a < 3; a++) {
      char *text = with_empty_col(truth, ats[a], tsv);
      gk_diags *d = NULL;
      gk_report *r = gk_test_import(text, name, &d);
      size_t bad = gk_doc_compare(r, truth, name);
      if (bad) printf("\n  (empty column at %d, %s)", ats[a], tsv ? "TSV" : "pipe");
      wrong += bad;
      gk_report_free(r);
      gk_diags_free(d);
      free(text);
    }
  return wrong;
}

static void test_empty_columns(void) { CU_ASSERT_EQUAL(gk_test_each_truth(check_empty, NULL), 0); }

/* ------------------------------------------------------------ quiet cases */

/* The normal layout: read right, no table called ambiguous. */
static size_t check_normal(const void *arg, const gk_report *truth, const char *name) {
  (void)arg;
  char *md = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &n, truth), GK_OK);
  gk_diags *d = NULL;
  gk_report *r = gk_test_import(md, name, &d);
  size_t bad = gk_doc_compare(r, truth, name);
  CU_ASSERT_EQUAL(gk_test_count_rule(d, "import.ambiguous"), 0);
  gk_report_free(r);
  gk_diags_free(d);
  free(md);
  return bad;
}

static void test_normal_quiet(void) { CU_ASSERT_EQUAL(gk_test_each_truth(check_normal, NULL), 0); }

/* Table 四 by position only, its totals wrong as printed (each row's total
 * one more than its parts): read as printed, whatever the order, nothing said
 * of it at import. */
static void test_wrong_totals_as_printed(void) {
  static const char *const vals[] = {"3 1 0 0 5 2 0 0 1 4 0 0 0 0 1",
                                     "1 2 3 4 11 0 0 0 0 1 5 0 0 0 6"};
  for (size_t k = 0; k < 2; k++) {
    char text[2048];
    snprintf(text, sizeof text,
             "某县人民政府2023年政府信息公开工作年度报告\n\n一、总体情况\n\n概述。\n\n"
             "四、政府信息公开行政复议、行政诉讼情况\n\n%s\n\n五、存在的主要问题及改进情况\n\n无。\n",
             vals[k]);
    gk_diags *d = NULL;
    gk_report *r = gk_test_import(text, "wrong_totals", &d);
    char want[64], path[128], got[64];
    const char *p = vals[k];
    for (size_t i = 0; i < 15; i++) {
      size_t l = strcspn(p, " ");
      snprintf(want, sizeof want, "%.*s", (int)l, p);
      p += l + (p[l] == ' ');
      gk_schema_path_format(path, sizeof path, gk_report_edition(r), GK_TABLE_REVIEW, i / 5, i % 5);
      gk_report_text(got, sizeof got, r, path, GK_NUL_TERMINATED);
      CU_ASSERT_STRING_EQUAL(got, want);
    }
    CU_ASSERT_EQUAL(gk_test_count_rule(d, "import.ambiguous"), 0);
    gk_report_free(r);
    gk_diags_free(d);
  }
}

int main(void) {
  static CU_TestInfo tests[] = {
      {"transposed_forms", test_transposed_forms},
      {"transposed_bare", test_transposed_bare},
      {"transposed_gaps", test_transposed_gaps},
      {"empty_columns", test_empty_columns},
      {"normal_quiet", test_normal_quiet},
      {"wrong_totals_as_printed", test_wrong_totals_as_printed},
      CU_TEST_INFO_NULL,
  };
  return gk_test_main("transpose", tests);
}
