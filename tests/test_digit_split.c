/* SPDX-License-Identifier: MIT */
/* The digit-run splitter (lib/digit_split.h): a unique reading, ambiguous
 * ones, impossible ones, very long runs and the work cap. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "digit_split.h"

/* Split `run` (tokens separated by spaces) into the stored cells of one row. */
static int split_row(gk__split_result *res, int edition, int table, size_t row, const char *run, size_t cap) {
  const gk__edition *ed = gk__edition_get(edition);
  const gk__table_decl *td = &ed->tables[table];
  size_t rows[GK__SPLIT_MAXCELLS], cols[GK__SPLIT_MAXCELLS], n = 0;
  for (size_t c = 0; c < td->ncols; c++)
    if (td->rows[row].colmask & (1u << c)) rows[n] = row, cols[n++] = c;
  gk__piece tok[GK__SPLIT_MAXCELLS];
  size_t nt = 0;
  for (const char *p = run; *p && nt < GK__SPLIT_MAXCELLS;) {
    while (*p == ' ') p++;
    const char *e = p;
    while (*e && *e != ' ') e++;
    if (e > p) tok[nt++] = (gk__piece){p, (size_t)(e - p)};
    p = e;
  }
  gk__split_spec sp = {ed, table, n, rows, cols};
  return gk__digit_split(res, &sp, tok, nt, cap);
}

static void cand_eq(const gk__split_result *res, size_t k, size_t ncells, const char *want) {
  gk__buf b;
  gk__buf_init(&b);
  gk__split_put(&b, res, k, ncells);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b.data);
  if (strcmp(b.data, want) != 0) fprintf(stderr, "candidate %zu: %s, want %s\n", k, b.data, want);
  CU_ASSERT_STRING_EQUAL(b.data, want);
  gk__buf_free(&b);
}

static void test_digit_split_unique(void) {
  gk__split_result res;
  /* 本年新收政府信息公开申请数量801000081: 80|1|0|0|0|0|81 (row total holds) */
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2021, GK_TABLE_REQUESTS, 0, "801000081", 0), GK_OK);
  CU_ASSERT_EQUAL(res.nsurv, 1);
  CU_ASSERT_EQUAL(res.capped, 0);
  cand_eq(&res, 0, 7, "80|1|0|0|0|0|81");
  /* a separator the reader saw is kept: "80 1000081" */
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2019, GK_TABLE_REQUESTS, 0, "80 1000081", 0), GK_OK);
  CU_ASSERT_EQUAL(res.nsurv, 1);
  cand_eq(&res, 0, 7, "80|1|0|0|0|0|81");
  /* the review table: fifteen numbers in one run, each row's total holds */
  const gk__edition *ed = gk__edition_get(2021);
  size_t rows[15], cols[15];
  for (size_t i = 0; i < 15; i++) rows[i] = i / 5, cols[i] = i % 5;
  gk__split_spec sp = {ed, GK_TABLE_REVIEW, 15, rows, cols};
  const char *run = "21003" "11204" "00000";
  gk__piece tok = {run, strlen(run)};
  CU_ASSERT_EQUAL_FATAL(gk__digit_split(&res, &sp, &tok, 1, 0), GK_OK);
  CU_ASSERT_EQUAL(res.nsurv, 1);
  cand_eq(&res, 0, 15, "2|1|0|0|3|1|1|2|0|4|0|0|0|0|0");
  /* an amount with its unit closes the run: 395|73802895.90元 */
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2019, GK_TABLE_ACTIVE, 7, "39573802895.90元", 0), GK_OK);
  CU_ASSERT(res.nsurv >= 1);
  CU_ASSERT_EQUAL(res.nread, res.nsurv); /* no relation on the row: every reading survives */
}

static void test_digit_split_ambiguous(void) {
  gk__split_result res;
  /* 1|10|0|0|0|0|11 and 11|0|0|0|0|0|11 both hold */
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2019, GK_TABLE_REQUESTS, 0, "110000011", 0), GK_OK);
  CU_ASSERT_EQUAL(res.nsurv, 2);
  CU_ASSERT_EQUAL(res.nkeep, 2);
  cand_eq(&res, 0, 7, "1|10|0|0|0|0|11");
  cand_eq(&res, 1, 7, "11|0|0|0|0|0|11");
  /* 行政处罚2648-18538: the sign fixes the first cell, nothing fixes the rest */
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2019, GK_TABLE_ACTIVE, 4, "2648-18538", 0), GK_OK);
  CU_ASSERT_EQUAL(res.nsurv, 4);
  cand_eq(&res, 0, 3, "2648|-1|8538");
  cand_eq(&res, 1, 3, "2648|-18|538");
}

static void test_digit_split_impossible(void) {
  gk__split_result res;
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2019, GK_TABLE_REQUESTS, 0, "99999991", 0), GK_OK);
  CU_ASSERT_EQUAL(res.nsurv, 0);
  CU_ASSERT(res.nread > 0);
  /* too few digits for the cells; a sign on a count; a leading zero */
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2019, GK_TABLE_REQUESTS, 0, "12345", 0), GK_OK);
  CU_ASSERT_EQUAL(res.nread, 0);
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2019, GK_TABLE_REQUESTS, 0, "1-100000", 0), GK_OK);
  CU_ASSERT_EQUAL(res.nread, 0);
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2021, GK_TABLE_ACTIVE, 0, "0512", 0), GK_OK);
  CU_ASSERT_EQUAL(res.nsurv, 2); /* 0|5|12 and 0|51|2: "05" is no number */
  cand_eq(&res, 0, 3, "0|5|12");
  cand_eq(&res, 1, 3, "0|51|2");
  /* more tokens than cells, too many cells: refused */
  CU_ASSERT_EQUAL(split_row(&res, 2021, GK_TABLE_ACTIVE, 0, "1 2 3 4", 0), GK_EINVAL);
}

static void test_digit_split_long_runs(void) {
  gk__split_result res;
  char run[4001];
  memset(run, '1', 4000);
  run[4000] = '\0';
  /* more digits than the cells can hold: refused at once, no work */
  CU_ASSERT_EQUAL_FATAL(split_row(&res, 2019, GK_TABLE_REQUESTS, 0, run, 0), GK_OK);
  CU_ASSERT_EQUAL(res.nsurv, 0);
  CU_ASSERT(res.work <= 1);
  /* a run the cells can hold, under a small cap: the cap is hit and said */
  const gk__edition *ed = gk__edition_get(2019);
  size_t rows[15], cols[15];
  for (size_t i = 0; i < 15; i++) rows[i] = i / 5, cols[i] = i % 5;
  gk__split_spec sp = {ed, GK_TABLE_REVIEW, 15, rows, cols};
  memset(run, '1', 60);
  gk__piece tok = {run, 60};
  CU_ASSERT_EQUAL_FATAL(gk__digit_split(&res, &sp, &tok, 1, 1000), GK_OK);
  CU_ASSERT_EQUAL(res.capped, 1);
  CU_ASSERT(res.work <= 1001);
  /* the default cap bounds the work on the same run */
  CU_ASSERT_EQUAL_FATAL(gk__digit_split(&res, &sp, &tok, 1, 0), GK_OK);
  CU_ASSERT(res.work <= GK__SPLIT_CAP + 1);
}

static void test_digit_split_token_kinds(void) {
  CU_ASSERT_TRUE(gk__split_token_runs("801000081", 9));
  CU_ASSERT_TRUE(gk__split_token_runs("2648-18538", 10));
  CU_ASSERT_TRUE(gk__split_token_runs("39573802895.90元", strlen("39573802895.90元")));
  CU_ASSERT_FALSE(gk__split_token_runs("7", 1));
  CU_ASSERT_FALSE(gk__split_token_runs("-", 1));
  CU_ASSERT_FALSE(gk__split_token_runs("1,234", 5));
  CU_ASSERT_FALSE(gk__split_token_runs("无", 3));
}

static CU_TestInfo tests[] = {
  {"unique reading", test_digit_split_unique},
  {"ambiguous readings", test_digit_split_ambiguous},
  {"impossible readings", test_digit_split_impossible},
  {"very long runs, the cap", test_digit_split_long_runs},
  {"tokens that may run", test_digit_split_token_kinds},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("digit_split", tests); }
