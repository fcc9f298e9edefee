/* SPDX-License-Identifier: MIT */
/* The validator's fast path: the check that skips the full evaluation of the
 * identities when no finding is possible (gk__identities_quiet) must never hide
 * a finding, and gk_report_validate must report exactly what the full
 * evaluation (gk__identities_full) reports, on hand-made cases, on thousands of
 * random reports of both editions (consistent, then with blanks, literals,
 * off-by-n values, huge values) and on every real report; and the effective
 * value of a derived cell (gk__cell_effective, read in place). */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "validate_int.h"

/* ------------------------------------------------------------------ helpers */
static void set(gk_report *r, const char *path, const char *text) {
  CU_ASSERT_EQUAL_FATAL(gk_report_set_text(r, path, text, strlen(text)), GK_OK);
}

static int quiet(const gk_report *r) {
  int q = -1;
  CU_ASSERT_EQUAL_FATAL(gk__identities_quiet(&q, r), GK_OK);
  return q;
}

/* The findings of the full evaluation alone, into d (cleared): their count. */
static size_t full_count(const gk_report *r, gk_diags *d) {
  gk_diags_clear(d);
  CU_ASSERT_EQUAL_FATAL(gk__identities_full(r, d), GK_OK);
  return gk_diags_count(d);
}

/* Item i: rule, primary cell, expected and actual values. */
static void expect(const gk_diags *d, size_t i, const char *rule, const char *cell,
                   const char *expected, const char *actual) {
  CU_ASSERT_TRUE_FATAL(i < gk_diags_count(d));
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, i), rule);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 0), cell);
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), expected);
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), actual);
}

/* Set the cells paths[0..n) to the texts after them: path, text, path, text... */
static void set_all(gk_report *r, const char *const *pt, size_t n) {
  for (size_t i = 0; i + 1 < 2 * n; i += 2) set(r, pt[i], pt[i + 1]);
}

static int is_identity_rule(const char *rule) {
  return strcmp(rule, "cell.blank") == 0 || strncmp(rule, "requests.", 9) == 0 ||
         strcmp(rule, "review.total") == 0;
}

static int str_same(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcmp(a, b) == 0;
}

/* Item i of a equals item k of b in every field. */
static int same_item(const gk_diags *a, size_t i, const gk_diags *b, size_t k) {
  if (gk_diag_severity(a, i) != gk_diag_severity(b, k) || gk_diag_line(a, i) != gk_diag_line(b, k) ||
      gk_diag_ncells(a, i) != gk_diag_ncells(b, k))
    return 0;
  for (size_t c = 0; c < gk_diag_ncells(a, i); c++)
    if (!str_same(gk_diag_cell(a, i, c), gk_diag_cell(b, k, c))) return 0;
  return str_same(gk_diag_rule(a, i), gk_diag_rule(b, k)) &&
         str_same(gk_diag_message(a, i, GK_LANG_ZH), gk_diag_message(b, k, GK_LANG_ZH)) &&
         str_same(gk_diag_message(a, i, GK_LANG_EN), gk_diag_message(b, k, GK_LANG_EN)) &&
         str_same(gk_diag_expected(a, i), gk_diag_expected(b, k)) &&
         str_same(gk_diag_actual(a, i), gk_diag_actual(b, k)) &&
         str_same(gk_diag_file(a, i), gk_diag_file(b, k)) &&
         str_same(gk_diag_suspect(a, i), gk_diag_suspect(b, k)) &&
         str_same(gk_diag_suspect_value(a, i), gk_diag_suspect_value(b, k));
}

/* The identity findings of gk_report_validate equal those of the full
 * evaluation, item by item, and a quiet report has none. Returns the quiet flag. */
static int check_same(const gk_report *r) {
  gk_diags *full, *all;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&full), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&all), GK_OK);
  int q = quiet(r);
  int rc_full = gk__identities_full(r, full);
  int rc_all = gk_report_validate(r, NULL, all);
  if (rc_full) {
    CU_ASSERT_EQUAL(rc_all, rc_full);
    CU_ASSERT_EQUAL(gk_diags_count(all), 0);
    CU_ASSERT_EQUAL(q, 0);
  } else {
    CU_ASSERT_EQUAL_FATAL(rc_all, GK_OK);
    /* compared over the identity rules (values too large for their sums are
     * cell.value findings of both, tested in test_hostile) */
    size_t k = 0;
    for (size_t i = 0; i < gk_diags_count(all); i++) {
      if (!is_identity_rule(gk_diag_rule(all, i))) continue;
      while (k < gk_diags_count(full) && !is_identity_rule(gk_diag_rule(full, k))) k++;
      CU_ASSERT_TRUE_FATAL(k < gk_diags_count(full));
      CU_ASSERT_TRUE(same_item(all, i, full, k));
      k++;
    }
    while (k < gk_diags_count(full) && !is_identity_rule(gk_diag_rule(full, k))) k++;
    CU_ASSERT_EQUAL(k, gk_diags_count(full));
    if (q) CU_ASSERT_EQUAL(gk_diags_count(full), 0);
  }
  gk_diags_free(full);
  gk_diags_free(all);
  return q;
}

/* xorshift64: deterministic, no global state */
static uint64_t rnd(uint64_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 7;
  *s ^= *s << 17;
  return *s;
}

static size_t col_of(int ed, int t, const char *key) {
  size_t c = 0;
  CU_ASSERT_EQUAL_FATAL(gk_schema_col_find(&c, ed, t, key), GK_OK);
  return c;
}

static size_t row_of(int ed, int t, const char *key) {
  size_t row = 0;
  CU_ASSERT_EQUAL_FATAL(gk_schema_row_find(&row, ed, t, key), GK_OK);
  return row;
}

/* A report where every identity holds, built by walking the schema: leaves
 * random or blank, outcome total, carried over/forward and new by the balance,
 * the total column as the row sums; derived printed rows (2021 other) either
 * left to their children or printed as one row with their children blank. */
static gk_report *consistent(int ed, uint64_t *s) {
  gk_report *r;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, ed, ed == 2019 ? 2020 : 2023), GK_OK);
  const int t = GK_TABLE_REQUESTS;
  size_t nrows = gk_schema_nrows(ed, t), ncols = gk_schema_ncols(ed, t);
  size_t ctot = col_of(ed, t, "total"), rtot = row_of(ed, t, "total");
  size_t rnew = row_of(ed, t, "new"), rco = row_of(ed, t, "carried_over");
  size_t rcf = row_of(ed, t, "carried_forward");
  int64_t v[64][16];
  int filled[64][16];
  memset(v, 0, sizeof v);
  memset(filled, 0, sizeof filled);
  int one_row = rnd(s) % 2; /* derived printed rows as one row */
  for (size_t c = 0; c < ncols; c++) {
    if (c == ctot) continue;
    for (size_t row = 0; row < nrows; row++) {
      uint32_t f = gk_schema_row_flags(ed, t, row);
      int parent = gk_schema_row_parent(ed, t, row);
      int under_printed = parent >= 0 && (gk_schema_row_flags(ed, t, (size_t)parent) & GK_ROW_STORED);
      if (!(f & GK_ROW_LEAF) || (one_row && under_printed) || rnd(s) % 5 == 0) continue;
      v[row][c] = (int64_t)(rnd(s) % 40);
      filled[row][c] = 1;
      v[rtot][c] += v[row][c];
      if (under_printed) {
        v[parent][c] += v[row][c];
        filled[parent][c] = 1;
      }
    }
    if (one_row) /* each printed derived row holds a value of its own */
      for (size_t row = 0; row < nrows; row++)
        if ((gk_schema_row_flags(ed, t, row) & (GK_ROW_DERIVED | GK_ROW_STORED)) ==
            (GK_ROW_DERIVED | GK_ROW_STORED)) {
          v[row][c] = (int64_t)(rnd(s) % 9);
          filled[row][c] = 1;
          v[rtot][c] += v[row][c];
        }
    v[rco][c] = (int64_t)(rnd(s) % 10);
    v[rcf][c] = (int64_t)(rnd(s) % 10);
    v[rnew][c] = v[rtot][c] + v[rcf][c] - v[rco][c];
    if (v[rnew][c] < 0) {
      v[rco][c] += v[rnew][c];
      v[rnew][c] = 0;
    }
    filled[rtot][c] = filled[rco][c] = filled[rcf][c] = filled[rnew][c] = 1;
  }
  for (size_t row = 0; row < nrows; row++) {
    if (!(gk_schema_row_flags(ed, t, row) & GK_ROW_STORED)) continue;
    int any = 0;
    for (size_t c = 0; c < ncols; c++) {
      if (c == ctot || !filled[row][c]) continue;
      v[row][ctot] += v[row][c];
      any = 1;
    }
    filled[row][ctot] = any;
    for (size_t c = 0; c < ncols; c++) {
      int derived_stored = (gk_schema_row_flags(ed, t, row) & GK_ROW_DERIVED) != 0;
      if (!filled[row][c] || (derived_stored && !one_row)) continue;
      CU_ASSERT_EQUAL_FATAL(gk_report_set_value(r, t, row, c, v[row][c]), GK_OK);
      CU_ASSERT_EQUAL_FATAL(gk_report_set_line(r, t, row, c, (uint32_t)(100 + 10 * row + c)), GK_OK);
    }
  }
  for (size_t row = 0; row < gk_schema_nrows(ed, GK_TABLE_REVIEW); row++) {
    int64_t sum = 0;
    for (size_t c = 0; c < 4; c++) {
      int64_t x = (int64_t)(rnd(s) % 6);
      sum += x;
      CU_ASSERT_EQUAL_FATAL(gk_report_set_value(r, GK_TABLE_REVIEW, row, c, x), GK_OK);
    }
    CU_ASSERT_EQUAL_FATAL(gk_report_set_value(r, GK_TABLE_REVIEW, row, 4, sum), GK_OK);
  }
  return r;
}

/* A random settable cell of the requests or review table. */
static void pick(uint64_t *s, int ed, int *t, size_t *row, size_t *col) {
  do {
    *t = rnd(s) % 4 ? GK_TABLE_REQUESTS : GK_TABLE_REVIEW;
    *row = (size_t)(rnd(s) % gk_schema_nrows(ed, *t));
    *col = (size_t)(rnd(s) % gk_schema_ncols(ed, *t));
  } while (!gk_schema_cell_exists(ed, *t, *row, *col) ||
           !(gk_schema_row_flags(ed, *t, *row) & GK_ROW_STORED));
}

/* One random defect of a kind chosen by k. */
static void perturb(gk_report *r, uint64_t *s, int ed, int k) {
  int t;
  size_t row, col;
  pick(s, ed, &t, &row, &col);
  switch (k) {
  case 0: CU_ASSERT_EQUAL(gk_report_set_blank(r, t, row, col), GK_OK); break;
  case 1: CU_ASSERT_EQUAL(gk_report_set_literal(r, t, row, col, "无", 3), GK_OK); break;
  case 2: CU_ASSERT_EQUAL(gk_report_set_value(r, t, row, col, 60 + (int64_t)(rnd(s) % 20)), GK_OK); break;
  case 3: CU_ASSERT_EQUAL(gk_report_set_value(r, t, row, col, 0), GK_OK); break;
  case 4: CU_ASSERT_EQUAL(gk_report_set_value(r, t, row, col, (int64_t)1 << 32), GK_OK); break;
  default: CU_ASSERT_EQUAL(gk_report_set_value(r, t, row, col, INT64_MAX - 3), GK_OK); break;
  }
}

/* ------------------------------------------------------------------ tests */
static void test_validate_fast_hand_cases(void) {
  gk_report *r;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  /* nothing filled: nothing to say */
  CU_ASSERT_EQUAL(check_same(r), 1);
  /* a part without its totals: cell.blank for both totals, from the full path */
  set(r, "requests/granted/natural", "5");
  CU_ASSERT_EQUAL(check_same(r), 0);
  gk_diags *d;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(full_count(r, d), 2);
  expect(d, 0, "cell.blank", "requests/granted/total", "5", "");
  expect(d, 1, "cell.blank", "requests/total/natural", "5", "");
  /* the totals filled: the balance still fails (new = 0 + carried over) */
  static const char *const totals[] = {"requests/granted/total", "5", "requests/total/natural", "5",
                                       "requests/total/total", "5"};
  set_all(r, totals, 3);
  CU_ASSERT_EQUAL(check_same(r), 0);
  /* and the balance: every identity holds, the fast check says so */
  static const char *const news[] = {"requests/new/natural", "5", "requests/new/total", "5"};
  set_all(r, news, 2);
  CU_ASSERT_EQUAL(check_same(r), 1);
  /* 2021 other printed as one row (its three children blank) */
  static const char *const other[] = {
    "requests/other/commercial", "2", "requests/other/total", "2",
    "requests/total/commercial", "2", "requests/total/total", "7",
    "requests/new/commercial", "2", "requests/new/total", "7"};
  set_all(r, other, 6);
  CU_ASSERT_EQUAL(check_same(r), 1);
  /* a child of other filled: other reads as its children (3), outcome_total fails */
  static const char *const misc3[] = {"requests/other.misc/commercial", "3",
                                      "requests/other.misc/total", "3"};
  set_all(r, misc3, 2);
  CU_ASSERT_EQUAL(check_same(r), 0);
  CU_ASSERT_EQUAL_FATAL(full_count(r, d), 2);
  expect(d, 0, "requests.outcome_total", "requests/total/commercial", "3", "2");
  expect(d, 1, "requests.outcome_total", "requests/total/total", "8", "7");
  static const char *const misc2[] = {"requests/other.misc/commercial", "2",
                                      "requests/other.misc/total", "2"};
  set_all(r, misc2, 2);
  CU_ASSERT_EQUAL(check_same(r), 1);
  /* a huge value leaves the table to the full path; it still adds up */
  static const char *const huge[] = {"review/reconsideration/upheld", "4294967296",
                                     "review/reconsideration/total", "4294967296"};
  set_all(r, huge, 2);
  CU_ASSERT_EQUAL(check_same(r), 0);
  CU_ASSERT_EQUAL(full_count(r, d), 0);
  /* a literal, likewise (it reads as blank: the row total does not hold) */
  static const char *const zero[] = {"review/reconsideration/upheld", "0",
                                     "review/reconsideration/total", "0"};
  set_all(r, zero, 2);
  CU_ASSERT_EQUAL(check_same(r), 1);
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_REVIEW, 0, 1, "无", 3), GK_OK);
  CU_ASSERT_EQUAL(check_same(r), 0);
  CU_ASSERT_EQUAL(full_count(r, d), 0);
  /* arguments */
  int q = 7;
  CU_ASSERT_EQUAL(gk__identities_quiet(&q, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(q, 0);
  CU_ASSERT_EQUAL(gk__identities_quiet(NULL, r), GK_EINVAL);
  CU_ASSERT_EQUAL(gk__identities_full(NULL, d), GK_EINVAL);
  CU_ASSERT_EQUAL(gk__identities_full(r, NULL), GK_EINVAL);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_fast_random_reports(void) {
  uint64_t s = 0x9E3779B97F4A7C15ull;
  size_t nquiet = 0, nfull = 0;
  for (int i = 0; i < 3000; i++) {
    int ed = i % 2 ? 2021 : 2019;
    gk_report *r = consistent(ed, &s);
    int consistent_quiet = check_same(r);
    CU_ASSERT_EQUAL(consistent_quiet, 1);
    int ndefects = (int)(rnd(&s) % 4);
    for (int k = 0; k < ndefects; k++) perturb(r, &s, ed, (int)(rnd(&s) % 8) % 6);
    if (check_same(r))
      nquiet++;
    else
      nfull++;
    gk_report_free(r);
  }
  /* both paths were taken many times */
  CU_ASSERT_TRUE(nquiet > 500);
  CU_ASSERT_TRUE(nfull > 1000);
}

static void test_validate_fast_real_reports(void) {
  DIR *dir = opendir(GK_REAL_DATA);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  struct dirent *e;
  size_t n = 0, nquiet = 0;
  while ((e = readdir(dir)) != NULL) {
    size_t len = strlen(e->d_name);
    if (len < 5 || strcmp(e->d_name + len - 4, ".txt") != 0) continue;
    size_t blen;
    char *bytes = gk_test_read_data(e->d_name, 1, &blen);
    CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
    gk_report *r = NULL;
    if (gk_report_from_text(&r, bytes, blen, e->d_name, NULL) == GK_OK) {
      nquiet += (size_t)check_same(r);
      n++;
    }
    gk_report_free(r);
    free(bytes);
  }
  closedir(dir);
  CU_ASSERT_TRUE(n >= 20);
  CU_ASSERT_TRUE(nquiet >= 1);
}

static void test_validate_fast_allocations(void) {
  /* one allocation per call on both paths; ENOMEM leaves the list as it was */
  uint64_t s = 42;
  gk_report *r = consistent(2021, &s);
  int q = -1;
  long before = gk__alloc_count();
  CU_ASSERT_EQUAL(gk__identities_quiet(&q, r), GK_OK);
  CU_ASSERT_EQUAL(gk__alloc_count() - before, 1);
  CU_ASSERT_EQUAL(q, 1);
  gk__alloc_fail_after(0);
  CU_ASSERT_EQUAL(gk__identities_quiet(&q, r), GK_ENOMEM);
  gk__alloc_fail_after(-1);
  CU_ASSERT_EQUAL(q, 0);
  int st;
  int64_t v0;
  size_t granted = row_of(2021, GK_TABLE_REQUESTS, "granted");
  CU_ASSERT_EQUAL_FATAL(gk_report_cell(&st, &v0, r, GK_TABLE_REQUESTS, granted, 0), GK_OK);
  CU_ASSERT_EQUAL_FATAL(st, GK_CELL_VALUE);
  char was[24];
  snprintf(was, sizeof was, "%lld", (long long)v0);
  set(r, "requests/granted/natural", "70");
  gk_diags *d;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  for (long n = 0;; n++) {
    gk__alloc_fail_after(n);
    int rc = gk__identities_full(r, d);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) break;
    CU_ASSERT_EQUAL_FATAL(rc, GK_ENOMEM);
    CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 0);
  }
  /* its row total and the column's outcome total, both through the one cell:
   * the culprit, back to what it was */
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "requests.row_total");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "requests.outcome_total");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 0), "requests/granted/natural");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(d, 0), was);
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 1), "requests/granted/natural");
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_fast_cell_effective(void) {
  gk_report *r;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  size_t denied = row_of(2021, GK_TABLE_REQUESTS, "denied"), other = row_of(2021, GK_TABLE_REQUESTS, "other");
  int st = -1;
  int64_t v = -1;
  /* not printed, children blank: blank */
  CU_ASSERT_EQUAL(gk__cell_effective(r, GK_TABLE_REQUESTS, denied, 0, &st, &v), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_BLANK);
  CU_ASSERT_EQUAL(v, 0);
  set(r, "requests/denied.state_secret/natural", "2");
  set(r, "requests/denied.query/natural", "5");
  CU_ASSERT_EQUAL(gk__cell_effective(r, GK_TABLE_REQUESTS, denied, 0, &st, &v), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_VALUE);
  CU_ASSERT_EQUAL(v, 7);
  /* a literal child counts as blank */
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_REQUESTS, denied + 2, 0, "无", 3), GK_OK);
  CU_ASSERT_EQUAL(gk__cell_effective(r, GK_TABLE_REQUESTS, denied, 0, &st, &v), GK_OK);
  CU_ASSERT_EQUAL(v, 7);
  /* printed derived row: its own value while its children are blank, theirs after */
  set(r, "requests/other/natural", "4");
  CU_ASSERT_EQUAL(gk__cell_effective(r, GK_TABLE_REQUESTS, other, 0, &st, &v), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_VALUE);
  CU_ASSERT_EQUAL(v, 4);
  set(r, "requests/other.misc/natural", "1");
  CU_ASSERT_EQUAL(gk__cell_effective(r, GK_TABLE_REQUESTS, other, 0, &st, &v), GK_OK);
  CU_ASSERT_EQUAL(v, 1);
  /* overflow: an error, outputs blank */
  set(r, "requests/other.no_correction/natural", "9223372036854775807");
  CU_ASSERT_EQUAL(gk__cell_effective(r, GK_TABLE_REQUESTS, other, 0, &st, &v), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(st, GK_CELL_BLANK);
  CU_ASSERT_EQUAL(v, 0);
  /* the public reader agrees, and checks its arguments */
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_REQUESTS, denied, 0), GK_OK);
  CU_ASSERT_EQUAL(v, 7);
  CU_ASSERT_EQUAL(gk__cell_effective(r, GK_TABLE_REQUESTS, 99, 0, &st, &v), GK_EINVAL);
  CU_ASSERT_EQUAL(gk__cell_effective(r, 7, 0, 0, &st, &v), GK_EINVAL);
  gk_report_free(r);
}

static CU_TestInfo tests[] = {
  {"test_validate_fast_hand_cases", test_validate_fast_hand_cases},
  {"test_validate_fast_random_reports", test_validate_fast_random_reports},
  {"test_validate_fast_real_reports", test_validate_fast_real_reports},
  {"test_validate_fast_allocations", test_validate_fast_allocations},
  {"test_validate_fast_cell_effective", test_validate_fast_cell_effective},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("validate_fast", tests); }
