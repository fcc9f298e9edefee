/* SPDX-License-Identifier: MIT */
/* Web pages printed to PDF and read back: the complete real reports rendered as
 * web pages (tests/data/documents/<name>.html), printed to PDF by Chromium and
 * converted by `pdftotext -layout` (tools/render_pdf_text.sh made
 * tests/data/pdftext/<name>.txt; nobody tuned the importer for them). Imported
 * with gk_report_from_text and compared cell by cell with the truth: no cell may
 * hold another value than the truth's, every cell left blank where the truth has
 * a value must be named by an import.* finding on its row, and at least
 * PDF_RIGHT_MIN cells are read right. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"

/* The cells read right over the seven reports (raise it when the importer reads more). */
#define PDF_RIGHT_MIN 1196

static size_t g_right, g_blank, g_unexplained, g_cells;

/* Does an import.* finding name a cell of table t, row `row`? */
static int row_named(const gk_diags *d, int ed, int t, size_t row) {
  char pre[160];
  snprintf(pre, sizeof pre, "%s/%s/", gk_schema_table_key((gk_table)t), gk_schema_row_key(ed, (gk_table)t, row));
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    if (strncmp(gk_diag_rule(d, i), "import.", 7) != 0) continue;
    for (size_t k = 0; k < gk_diag_ncells(d, i); k++) {
      const char *c = gk_diag_cell(d, i, k);
      if (c && strncmp(c, pre, strlen(pre)) == 0) return 1;
    }
  }
  return 0;
}

/* A derived row printed as one row in the truth (2021 `other` without its
 * children): compared; else its value is the children's sum, compared there. */
static int row_printed(const gk_report *truth, int t, size_t row) {
  int ed = gk_report_edition(truth);
  if (!(gk_schema_row_flags(ed, (gk_table)t, row) & GK_ROW_DERIVED)) return 1;
  for (size_t c = 0; c < gk_schema_ncols(ed, (gk_table)t); c++)
    if (gk_schema_cell_exists(ed, (gk_table)t, row, c) && gk__cell_at(truth, t, row, c)->state != GK_CELL_BLANK)
      return 1;
  return 0;
}

/* Compare one row of the import with the truth; returns the wrong cells. */
static size_t check_row(const gk_report *truth, const gk_report *r, const gk_diags *d, int t, size_t row,
                        const char *base) {
  int ed = gk_report_edition(truth);
  size_t wrong = 0, blank = 0;
  for (size_t c = 0; c < gk_schema_ncols(ed, (gk_table)t); c++) {
    if (!gk_schema_cell_exists(ed, (gk_table)t, row, c)) continue;
    char want[64] = "", got[64] = "", path[160];
    CU_ASSERT_TRUE_FATAL(gk_schema_path_format(path, sizeof path, ed, (gk_table)t, row, c) > 0);
    CU_ASSERT_TRUE_FATAL(gk_report_text(want, sizeof want, truth, path, GK_NUL_TERMINATED) >= 0);
    CU_ASSERT_TRUE_FATAL(gk_report_text(got, sizeof got, r, path, GK_NUL_TERMINATED) >= 0);
    if (!want[0]) continue;
    g_cells++;
    if (strcmp(got, want) == 0) {
      g_right++;
    } else if (got[0]) {
      wrong++;
      if (getenv("GK_PDF_VERBOSE")) fprintf(stderr, "  [%s] %s: want '%s' got '%s'\n", base, path, want, got);
    } else {
      blank++;
      if (getenv("GK_PDF_BLANKS")) fprintf(stderr, "  [%s] %s: blank, want '%s'\n", base, path, want);
    }
  }
  g_blank += blank;
  if (blank && !row_named(d, ed, t, row)) {
    g_unexplained++;
    if (getenv("GK_PDF_VERBOSE"))
      fprintf(stderr, "  [%s] %s/%s: %zu blank, no finding\n", base, gk_schema_table_key((gk_table)t),
              gk_schema_row_key(ed, (gk_table)t, row), blank);
  }
  return wrong;
}

/* Which texts, and which table (-1: all). */
typedef struct {
  const char *dir;
  int table;
} pdfset;

/* Import tests/data/<dir>/<name>.txt; returns the wrong cells (of the set's tables). */
static size_t check_pdftext(const void *arg, const gk_report *truth, const char *base) {
  const pdfset *set = arg;
  char name[256];
  snprintf(name, sizeof name, "%s/%s.txt", set->dir, base);
  size_t n = 0;
  char *text = gk_test_read_data(name, 0, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, text, n, base, d), GK_OK);
  int ed = gk_report_edition(truth);
  CU_ASSERT_EQUAL(gk_report_edition(r), ed);
  CU_ASSERT_EQUAL(gk_report_year(r), gk_report_year(truth));
  size_t wrong = 0;
  for (int t = 0; t < GK_NTABLES && gk_report_edition(r) == ed; t++)
    if (set->table < 0 || set->table == t)
      for (size_t row = 0; row < gk_schema_nrows(ed, (gk_table)t); row++)
        if ((gk_schema_row_flags(ed, (gk_table)t, row) & GK_ROW_STORED) && row_printed(truth, t, row))
          wrong += check_row(truth, r, d, t, row, base);
  gk_report_free(r);
  gk_diags_free(d);
  free(text);
  return wrong;
}

static void test_pdftext(void) {
  g_right = g_blank = g_unexplained = g_cells = 0;
  static const pdfset set = {"pdftext", -1};
  size_t wrong = gk_test_each_truth(check_pdftext, &set);
  fprintf(stderr, "pdftotext -layout of printed web pages: %zu of %zu cells right, %zu wrong, %zu blank "
          "(%zu rows blank without a finding)\n", g_right, g_cells, wrong, g_blank, g_unexplained);
  CU_ASSERT_EQUAL(wrong, 0);
  CU_ASSERT_EQUAL(g_unexplained, 0);
  CU_ASSERT_TRUE(g_right >= PDF_RIGHT_MIN);
}

/* The same pages converted by plain `pdftotext` (no -layout; tests/data/pdftext-raw/,
 * tools/render_pdf_text.sh): the content stream's order, a table's header words,
 * values and the next table's values interleaved. Table 四: never wrong, every
 * blank said, and the tables whose own values follow their header read (tables
 * 二 and 三: test_pdftext_raw_tables). */
#define RAW_REVIEW_RIGHT_MIN 60

static void test_pdftext_raw(void) {
  g_right = g_blank = g_unexplained = g_cells = 0;
  static const pdfset set = {"pdftext-raw", GK_TABLE_REVIEW};
  size_t wrong = gk_test_each_truth(check_pdftext, &set);
  fprintf(stderr, "plain pdftotext of printed web pages, table 四: %zu of %zu cells right, %zu wrong, %zu blank "
          "(%zu rows blank without a finding)\n", g_right, g_cells, wrong, g_blank, g_unexplained);
  CU_ASSERT_EQUAL(wrong, 0);
  CU_ASSERT_EQUAL(g_unexplained, 0);
  CU_ASSERT_TRUE(g_right >= RAW_REVIEW_RIGHT_MIN);
}

/* Tables 二 and 三 of the same plain pdftotext texts: a region whose values
 * come before their row labels (the content stream's order) is read with the
 * label after each run where the identities confirm it, else refused; never a
 * wrong cell, every blank named. (These seven print most rows' values apart,
 * a column at a time: no row is confirmed, the figures stay.) */
#define RAW_ACTIVE_RIGHT_MIN 32
#define RAW_REQUESTS_RIGHT_MIN 133

static void test_pdftext_raw_tables(void) {
  static const int tables[] = {GK_TABLE_ACTIVE, GK_TABLE_REQUESTS};
  static const size_t mins[] = {RAW_ACTIVE_RIGHT_MIN, RAW_REQUESTS_RIGHT_MIN};
  for (size_t k = 0; k < 2; k++) {
    g_right = g_blank = g_unexplained = g_cells = 0;
    pdfset set = {"pdftext-raw", tables[k]};
    size_t wrong = gk_test_each_truth(check_pdftext, &set);
    fprintf(stderr, "plain pdftotext of printed web pages, table %s: %zu of %zu cells right, %zu wrong, "
            "%zu blank (%zu rows blank without a finding)\n", gk_schema_table_key((gk_table)tables[k]), g_right,
            g_cells, wrong, g_blank, g_unexplained);
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_EQUAL(g_unexplained, 0);
    CU_ASSERT_TRUE(g_right >= mins[k]);
  }
}

/* Does one import.ambiguous name every row of table t (the table refused)? */
static int table_refused(const gk_diags *d, int ed, int t) {
  size_t nrows = gk_schema_nrows(ed, (gk_table)t);
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    if (strcmp(gk_diag_rule(d, i), "import.ambiguous") != 0) continue;
    size_t named = 0;
    for (size_t row = 0; row < nrows; row++) {
      char pre[160];
      snprintf(pre, sizeof pre, "%s/%s/", gk_schema_table_key((gk_table)t), gk_schema_row_key(ed, (gk_table)t, row));
      for (size_t k = 0; k < gk_diag_ncells(d, i); k++)
        if (gk_diag_cell(d, i, k) && strncmp(gk_diag_cell(d, i, k), pre, strlen(pre)) == 0) {
          named++;
          break;
        }
    }
    if (named == nrows) return 1;
  }
  return 0;
}

/* ASCII only (a value's line, not a label's)? */
static int ascii_line(const char *p, size_t n) {
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)p[i] >= 0x80) return 0;
  return 1;
}

/* The truth's own text (gk_report_to_text: a label line, then a line a value)
 * with tables 二 and 三 in the content stream's order of a printed table: each
 * row's values before its label. `joined` 1: the values on one line apart by
 * spaces (blank cells lost), the empty line between rows dropped; 2: the same
 * with each label before its values (the control: read, not refused). */
static char *values_first_k(const char *text, size_t n, int joined, size_t moves, size_t *len);

static char *values_first(const char *text, size_t n, int joined, size_t *len) {
  return values_first_k(text, n, joined, SIZE_MAX, len);
}

/* The same moving the first `moves` rows' values only (the others after their
 * labels, as printed: a table whose order changes inside it). */
static char *values_first_k(const char *text, size_t n, int joined, size_t moves, size_t *len) {
  gk__buf b;
  gk__buf_init(&b);
  const char *two = strstr(text, "\n二、"), *four = strstr(text, "\n四、");
  CU_ASSERT_PTR_NOT_NULL_FATAL(two);
  CU_ASSERT_PTR_NOT_NULL_FATAL(four);
  const char *p = two + 1, *stop = four + 1;
  gk__buf_put(&b, text, (size_t)(p - text));
  while (p < stop) {
    /* a block: lines up to an empty one; its label's lines, then its values */
    const char *end = p, *l1 = NULL; /* l1: the first line of values (after the label's lines) */
    while (end < stop && *end != '\n') {
      const char *next = (const char *)memchr(end, '\n', (size_t)(stop - end)) + 1;
      if (!l1 && end > p && ascii_line(end, (size_t)(next - end))) l1 = end;
      end = next;
    }
    if (l1 && l1 < end && !ascii_line(p, (size_t)(l1 - p)) && ascii_line(l1, (size_t)(end - l1)) && moves &&
        moves--) {
      if (joined == 2) gk__buf_put(&b, p, (size_t)(l1 - p)); /* the control: label first */
      for (const char *k = l1; k < end; k++) /* the values, then the label */
        if (!joined) gk__buf_put(&b, k, 1);
        else if (*k != '\t') gk__buf_puts(&b, *k != '\n' ? (char[]){*k, 0} : k + 1 < end ? " " : "\n");
      if (joined != 2) gk__buf_put(&b, p, (size_t)(l1 - p));
    } else {
      gk__buf_put(&b, p, (size_t)(end - p));
    }
    if (end < stop && !(joined && l1)) gk__buf_put(&b, "\n", 1); /* the empty line */
    p = end + 1;
  }
  gk__buf_put(&b, stop, n - (size_t)(stop - text));
  CU_ASSERT_EQUAL_FATAL(b.err, 0);
  *len = b.len;
  return b.data;
}

/* Does the truth hold a value in every cell of table t it prints (every
 * identity of the table checkable)? */
static int table_complete(const gk_report *truth, int t) {
  int ed = gk_report_edition(truth);
  for (size_t row = 0; row < gk_schema_nrows(ed, (gk_table)t); row++) {
    if (!(gk_schema_row_flags(ed, (gk_table)t, row) & GK_ROW_STORED) || !row_printed(truth, t, row)) continue;
    if (gk_schema_row_flags(ed, (gk_table)t, row) & GK_ROW_DERIVED) continue; /* 2021 other: its children */
    for (size_t c = 0; c < gk_schema_ncols(ed, (gk_table)t); c++)
      if (gk_schema_cell_exists(ed, (gk_table)t, row, c) && gk__cell_at(truth, t, row, c)->state != GK_CELL_VALUE)
        return 0;
  }
  return 1;
}

/* Import the truth's text with its rows' values before their labels: tables
 * 二 and 三 never wrong, every blank named; table 三 read in full when the
 * truth's has a value in every cell (the identities confirm each row and
 * refute the other pairing), else partly or refused, said. */
static size_t check_values_first(const void *arg, const gk_report *truth, const char *base) {
  const int *joined = arg;
  char *text = NULL;
  size_t n = 0, len = 0, wrong = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&text, &n, truth), GK_OK);
  char *moved = values_first(text, n, *joined, &len);
  if (getenv("GK_PDF_DUMP")) { /* the moved text, to look at: <dir>/<joined>-<base>.txt */
    char out[512];
    snprintf(out, sizeof out, "%s/%d-%s.txt", getenv("GK_PDF_DUMP"), *joined, base);
    FILE *f = fopen(out, "wb");
    if (f) fwrite(moved, 1, len, f), fclose(f);
  }
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, moved, len, base, d), GK_OK);
  int ed = gk_report_edition(truth);
  CU_ASSERT_EQUAL_FATAL(gk_report_edition(r), ed);
  size_t blank0 = g_blank;
  for (int t = GK_TABLE_ACTIVE; t <= GK_TABLE_REQUESTS; t++) {
    if (t == GK_TABLE_REQUESTS) blank0 = g_blank;
    for (size_t row = 0; row < gk_schema_nrows(ed, (gk_table)t); row++)
      if ((gk_schema_row_flags(ed, (gk_table)t, row) & GK_ROW_STORED) && row_printed(truth, t, row))
        wrong += check_row(truth, r, d, t, row, base);
  }
  if (table_complete(truth, GK_TABLE_REQUESTS)) CU_ASSERT_EQUAL(g_blank, blank0); /* 三 read in full */
  CU_ASSERT_FALSE(*joined == 2 && table_refused(d, ed, GK_TABLE_REQUESTS)); /* the control: read */
  gk_report_free(r);
  gk_diags_free(d);
  free(moved);
  free(text);
  return wrong;
}

/* The cells read right over the seven truths with each row's values before
 * its label (either form: every cell of tables 二 and 三 the identities can
 * check; table 二 has none, it stays blank and named). Raise when more are read. */
#define VALUES_FIRST_RIGHT_MIN 1008

static void test_values_first(void) {
  for (int joined = 0; joined < 3; joined++) {
    g_right = g_blank = g_unexplained = g_cells = 0;
    size_t wrong = gk_test_each_truth(check_values_first, &joined);
    fprintf(stderr, "%s: %zu of %zu cells right, %zu wrong, %zu blank\n",
            joined == 2 ? "labels before values (one line)" : joined ? "values before labels (one line)"
                        : "values before labels", g_right, g_cells, wrong, g_blank);
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_EQUAL(g_unexplained, 0);
    CU_ASSERT_TRUE(joined != 2 || g_right * 2 > g_cells); /* the control: most rows read */
    CU_ASSERT_TRUE(joined == 2 || g_right >= VALUES_FIRST_RIGHT_MIN);
  }
}

/* The truth's text, values before labels, one value spoilt (a digit added to
 * the first cell of 予以公开): the identities fail, so no row they tie to it is
 * kept. Never wrong (the spoilt value above all), every blank named. */
static size_t check_spoilt(const void *arg, const gk_report *truth, const char *base) {
  (void)arg;
  char *text = NULL;
  size_t n = 0, len = 0, wrong = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&text, &n, truth), GK_OK);
  const char *at = strstr(text, "予以公开\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL(at);
  const char *eol = strchr(at + strlen("予以公开\n"), '\n');
  CU_ASSERT_PTR_NOT_NULL_FATAL(eol);
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_put(&b, text, (size_t)(eol - text));
  gk__buf_puts(&b, "7");
  gk__buf_put(&b, eol, n - (size_t)(eol - text));
  CU_ASSERT_EQUAL_FATAL(b.err, 0);
  char *moved = values_first(b.data, b.len, 0, &len);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, moved, len, base, d), GK_OK);
  int ed = gk_report_edition(truth);
  CU_ASSERT_EQUAL_FATAL(gk_report_edition(r), ed);
  for (size_t row = 0; row < gk_schema_nrows(ed, GK_TABLE_REQUESTS); row++)
    if ((gk_schema_row_flags(ed, GK_TABLE_REQUESTS, row) & GK_ROW_STORED) && row_printed(truth, GK_TABLE_REQUESTS, row))
      wrong += check_row(truth, r, d, GK_TABLE_REQUESTS, row, base);
  GK_ASSERT_CELL(r, "requests/granted/natural", "");
  gk_report_free(r);
  gk_diags_free(d);
  free(moved);
  gk__buf_free(&b);
  free(text);
  return wrong;
}

static void test_values_first_spoilt(void) {
  g_right = g_blank = g_unexplained = g_cells = 0;
  size_t wrong = gk_test_each_truth(check_spoilt, NULL);
  fprintf(stderr, "values before labels, one value spoilt: %zu of %zu cells right, %zu wrong, %zu blank\n", g_right,
          g_cells, wrong, g_blank);
  CU_ASSERT_EQUAL(wrong, 0);
  CU_ASSERT_EQUAL(g_unexplained, 0);
}

/* The truth's text with the values of its first k rows before their labels
 * and the others after (for every k): a pairing that shifts where the order
 * changes is refuted by the identities. Never wrong, every blank named. */
static size_t check_order_changes(const void *arg, const gk_report *truth, const char *base) {
  (void)arg;
  char *text = NULL;
  size_t n = 0, wrong = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&text, &n, truth), GK_OK);
  int ed = gk_report_edition(truth);
  for (size_t k = 1; k < 48; k++) {
    size_t len = 0;
    char *moved = values_first_k(text, n, 0, k, &len);
    if (getenv("GK_PDF_DUMP")) { /* the moved text, to look at: <dir>/k<k>-<base>.txt */
      char out[512];
      snprintf(out, sizeof out, "%s/k%zu-%s.txt", getenv("GK_PDF_DUMP"), k, base);
      FILE *f = fopen(out, "wb");
      if (f) fwrite(moved, 1, len, f), fclose(f);
    }
    gk_report *r = NULL;
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, moved, len, base, d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_edition(r), ed);
    for (int t = GK_TABLE_ACTIVE; t <= GK_TABLE_REQUESTS; t++)
      for (size_t row = 0; row < gk_schema_nrows(ed, (gk_table)t); row++)
        if ((gk_schema_row_flags(ed, (gk_table)t, row) & GK_ROW_STORED) && row_printed(truth, t, row))
          wrong += check_row(truth, r, d, t, row, base);
    gk_report_free(r);
    gk_diags_free(d);
    free(moved);
  }
  free(text);
  return wrong;
}

#define ORDER_CHANGES_RIGHT_MIN 25441 /* of 53,439 cells over 47 orders a truth: raise when more are read */

static void test_order_changes(void) {
  g_right = g_blank = g_unexplained = g_cells = 0;
  size_t wrong = gk_test_each_truth(check_order_changes, NULL);
  fprintf(stderr, "values before labels for the first k rows, after for the others (every k): %zu of %zu cells "
          "right, %zu wrong, %zu blank\n", g_right, g_cells, wrong, g_blank);
  CU_ASSERT_EQUAL(wrong, 0);
  CU_ASSERT_EQUAL(g_unexplained, 0);
  CU_ASSERT_TRUE(g_right >= ORDER_CHANGES_RIGHT_MIN);
}

/* A row's values over two lines are one row only when its columns add up:
 * spoil the second line's total and the row is blank, named import.ambiguous. */
static void test_split_values_checked(void) {
  size_t n = 0;
  char *text = gk_test_read_data("pdftext/2023_suqian-municipal-government.txt", 0, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  for (int spoil = 0; spoil < 2; spoil++) {
    char *q = strstr(text, "0   0   0    0   28");
    CU_ASSERT_PTR_NOT_NULL_FATAL(q); /* the second line of a row split in two */
    q[strlen("0   0   0    0   2")] = spoil ? '9' : '8';
    gk_report *r = NULL;
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, text, n, "split", d), GK_OK);
    GK_ASSERT_CELL(r, "requests/unavailable.needs_creation/natural", spoil ? "" : "26");
    GK_ASSERT_CELL(r, "requests/unavailable.needs_creation/total", spoil ? "" : "28");
    char next[32]; /* the next row: its own value or (spoilt) blank, never another */
    CU_ASSERT_TRUE(gk_report_text(next, sizeof next, r, "requests/unavailable.unclear/total", GK_NUL_TERMINATED) >= 0);
    CU_ASSERT_TRUE(strcmp(next, "3") == 0 || (spoil && next[0] == '\0'));
    int named = 0;
    for (size_t i = 0; i < gk_diags_count(d); i++)
      named |= strcmp(gk_diag_rule(d, i), "import.ambiguous") == 0 && gk_diag_ncells(d, i) &&
               strncmp(gk_diag_cell(d, i, 0), "requests/unavailable.needs_creation/", 36) == 0;
    CU_ASSERT_EQUAL(named, spoil);
    gk_report_free(r);
    gk_diags_free(d);
  }
  free(text);
}

/* A title wrapped over two lines, its tail short ("…年度报" / "告") or a title of
 * its own ("…工作" / "年度报告"): one title, and the preamble starts after both. */
static void test_wrapped_title(void) {
  static const char *const docs[][2] = {
    {"某县人民政府2023年政府信息公开工作年度报\n告\n本报告依据条例编制。\n一、总体情况\n正文。\n",
     "某县人民政府2023年政府信息公开工作年度报告"},
    {"某县文广新局2013年度信息公开工作\n年度报告\n本报告依据条例编制。\n一、总体情况\n正文。\n",
     "某县文广新局2013年度信息公开工作年度报告"}};
  for (size_t k = 0; k < 2; k++) {
    gk_report *r = NULL;
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, docs[k][0], strlen(docs[k][0]), "title", d), GK_OK);
    CU_ASSERT_STRING_EQUAL(gk_report_title(r), docs[k][1]);
    const char *pre = gk_report_section(r, GK_SECTION_PREAMBLE);
    CU_ASSERT_PTR_NOT_NULL_FATAL(pre);
    CU_ASSERT_STRING_EQUAL(pre, "本报告依据条例编制。");
    gk_report_free(r);
    gk_diags_free(d);
  }
}

/* Table 四 with more values than cells (plain pdftotext leaves another
 * table's values in its region): values before its header are ignored and
 * the fifteen after it read, so are values after a line of words (a note)
 * that follows them; a value right after them, or fifteen both before and
 * after lines of words, leave the table blank, named import.ambiguous. */
static void test_review_extra_values(void) {
  size_t n = 0;
  char *text = gk_test_read_data("pdftext/2023_suqian-municipal-government.txt", 0, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  const char *head = strstr(text, "四、政府信息公开行政复议、行政诉讼情况\n");
  CU_ASSERT_PTR_NOT_NULL_FATAL(head);
  const char *vals = strstr(head, "309   17");
  CU_ASSERT_PTR_NOT_NULL_FATAL(vals);
  const char *end = strchr(vals, '\n');
  CU_ASSERT_PTR_NOT_NULL_FATAL(end);
  size_t at_head = (size_t)(strchr(head, '\n') + 1 - text), at_end = (size_t)(end + 1 - text);
  for (int k = 0; k < 5; k++) { /* stray values 0: before the header, 1: after the values, 2: both,
                                 * 3: after a note, 4: before the header and after a note */
    gk__buf b;
    gk__buf_init(&b);
    gk__buf_put(&b, text, at_head);
    if (k == 0 || k == 2 || k == 4) gk__buf_puts(&b, "0   0   4   0   0\n1   0   0\n");
    gk__buf_put(&b, text + at_head, at_end - at_head);
    if (k >= 3) gk__buf_puts(&b, "注：复议、诉讼均为本机关作为被申请人、被告的案件。\n");
    if (k != 0) gk__buf_puts(&b, "7\n");
    gk__buf_put(&b, text + at_end, n - at_end);
    CU_ASSERT_EQUAL_FATAL(b.err, 0);
    gk_report *r = NULL;
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, b.data, b.len, "extra", d), GK_OK);
    int read = k == 0 || k == 3;
    GK_ASSERT_CELL(r, "review/reconsideration/upheld", read ? "309" : "");
    GK_ASSERT_CELL(r, "review/litigation_after_review/total", read ? "89" : "");
    int amb = 0;
    for (size_t i = 0; i < gk_diags_count(d); i++)
      amb |= strcmp(gk_diag_rule(d, i), "import.ambiguous") == 0 && gk_diag_ncells(d, i) &&
             strncmp(gk_diag_cell(d, i, 0), "review/", 7) == 0;
    CU_ASSERT_EQUAL(amb, !read);
    gk_report_free(r);
    gk_diags_free(d);
    gk__buf_free(&b);
  }
  free(text);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"pdftotext -layout of the printed web pages: never wrong, blanks said", test_pdftext},
    {"plain pdftotext of the printed web pages: never wrong, blanks said", test_pdftext_raw},
    {"plain pdftotext, tables 二 and 三: never wrong, blanks said", test_pdftext_raw_tables},
    {"values before their labels (both editions, from the truths): never wrong, blanks said", test_values_first},
    {"values before the labels of the first rows only (every count): never wrong, blanks said", test_order_changes},
    {"values before labels, one value spoilt: the identities keep no row tied to it", test_values_first_spoilt},
    {"table 四 with more values than cells: the fifteen after its header, else blank and said",
     test_review_extra_values},
    {"values over two lines: one row only when its columns add up", test_split_values_checked},
    {"a title wrapped over two lines: one title, the preamble after it", test_wrapped_title},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("pdftext", tests);
}
