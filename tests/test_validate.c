/* SPDX-License-Identifier: MIT */
/* Validation of one report: every rule "within one report" of format.md §7 made
 * to fire and kept quiet, the culprit, options, the real complete reports and
 * allocation failures. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "testutil.h"
#include "internal.h"

/* ------------------------------------------------------------------ helpers */
static void set(gk_report *r, const char *path, const char *text) {
  int rc = gk_report_set_text(r, path, text, strlen(text));
  CU_ASSERT_EQUAL_FATAL(rc, GK_OK);
}

static void set_lit(gk_report *r, const char *path, const char *text) {
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_set_literal(r, t, row, col, text, strlen(text)), GK_OK);
}

static void set_blank(gk_report *r, const char *path) { set(r, path, ""); }

static uint32_t line_of(const gk_report *r, const char *path) {
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED), GK_OK);
  return gk_report_line(r, t, row, col);
}

/* A report where every identity holds. Requests column c (0..5): granted 10+c,
 * partial 1, denied.state_secret 2, unavailable.not_held 3,
 * not_processed.complaint 4, other (2019) / other.misc (2021) 1: total 21+c;
 * carried_over 2, carried_forward 3, new 22+c. Column total: granted 75, partial
 * 6, 12, 18, 24, other 6, total 141, carried_over 12, carried_forward 18, new 147.
 * Review: reconsideration 1+1+0+1 = 3, litigation_direct 2+0+0+0 = 2,
 * litigation_after_review all 0. Every cell's source line is 1000 + 10*row + col. */
static gk_report *valid_report(int edition, int year) {
  gk_report *r;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, edition, year), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_set_source(r, "t.txt", 5), GK_OK);
  const char *other = edition == 2019 ? "other" : "other.misc";
  const char *rows[] = {"granted", "partial", "denied.state_secret", "unavailable.not_held",
                        "not_processed.complaint", other, "carried_over", "carried_forward",
                        "total", "new"};
  for (size_t c = 0; c < 7; c++) {
    const char *ck = gk_schema_col_key(edition, GK_TABLE_REQUESTS, c);
    int64_t v[10];
    int64_t k = c < 6 ? 1 : 6, s = c < 6 ? (int64_t)c : 15;
    v[0] = 10 * k + s;
    v[1] = k;
    v[2] = 2 * k;
    v[3] = 3 * k;
    v[4] = 4 * k;
    v[5] = k;
    v[6] = 2 * k;
    v[7] = 3 * k;
    v[8] = v[0] + v[1] + v[2] + v[3] + v[4] + v[5];
    v[9] = v[8] + v[7] - v[6];
    for (size_t i = 0; i < 10; i++) {
      char path[96], num[32];
      snprintf(path, sizeof path, "requests/%s/%s", rows[i], ck);
      snprintf(num, sizeof num, "%lld", (long long)v[i]);
      set(r, path, num);
    }
  }
  static const char *const rv[3][5] = {{"1", "1", "0", "1", "3"},
                                       {"2", "0", "0", "0", "2"},
                                       {"0", "0", "0", "0", "0"}};
  for (size_t row = 0; row < 3; row++)
    for (size_t col = 0; col < 5; col++) {
      char path[96];
      CU_ASSERT_EQUAL(gk_schema_path_format(path, sizeof path, edition, GK_TABLE_REVIEW, row, col) > 0, 1);
      set(r, path, rv[row][col]);
    }
  if (edition == 2019) {
    set(r, "active/regulations/made", "0");
    set(r, "active/normative_docs/published", "60");
    set(r, "active/normative_docs/total_public", "368");
    set(r, "active/licensing/prev_items", "10");
    set(r, "active/licensing/delta", "-2");
    set(r, "active/licensing/decisions", "7");
  } else {
    set(r, "active/regulations/issued", "0");
    set(r, "active/normative_docs/issued", "4");
    set(r, "active/licensing/decisions", "120");
  }
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(edition, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(edition, t); col++)
        gk_report_set_line(r, t, row, col, (uint32_t)(1000 + 10 * row + col));
  return r;
}

static gk_diags *run(const gk_report *r, const gk_validate_opts *o) {
  gk_diags *d;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, o, d), GK_OK);
  return d;
}

/* Assert finding i: rule, severity, primary cell, expected, actual, line. */
static void expect(const gk_diags *d, size_t i, const gk_report *r, const char *rule, int sev,
                   const char *cell, const char *expected, const char *actual) {
  CU_ASSERT_TRUE_FATAL(i < gk_diags_count(d));
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, i), rule);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), sev);
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, i), "t.txt");
  if (cell) {
    CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 0), cell);
    CU_ASSERT_EQUAL(gk_diag_line(d, i), line_of(r, cell));
  } else {
    CU_ASSERT_EQUAL(gk_diag_ncells(d, i), 0);
  }
  if (expected) {
    CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), expected);
  } else {
    CU_ASSERT_PTR_NULL(gk_diag_expected(d, i));
  }
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), actual);
}

/* ------------------------------------------------------------------ quiet */
static void test_validate_valid_reports_are_quiet(void) {
  for (int e = 0; e < 2; e++) {
    gk_report *r = valid_report(e ? 2021 : 2019, e ? 2022 : 2020);
    gk_diags *d = run(r, NULL);
    CU_ASSERT_EQUAL(gk_diags_count(d), 0);
    /* an empty report is quiet too (nothing is filled: every relation skipped) */
    gk_report *empty;
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&empty, e ? 2021 : 2019, e ? 2022 : 2020), GK_OK);
    CU_ASSERT_EQUAL(gk_report_validate(empty, NULL, d), GK_OK);
    CU_ASSERT_EQUAL(gk_diags_count(d), 0);
    gk_report_free(empty);
    gk_diags_free(d);
    gk_report_free(r);
  }
  CU_ASSERT_EQUAL(gk_report_validate(NULL, NULL, NULL), GK_EINVAL);
}

/* ------------------------------------------------------------------ identities */
static void test_validate_balance(void) {
  gk_report *r = valid_report(2019, 2020);
  /* carried_forward of natural and of total both +2: the row still adds up,
   * both columns' balance break */
  set(r, "requests/carried_forward/natural", "5");
  set(r, "requests/carried_forward/total", "20");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  expect(d, 0, r, "requests.balance", GK_SEV_ERROR, "requests/total/natural", "19", "21");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Natural persons”: New requests this year + Carried over from last "
                         "year = 22 + 2 = 24 but Total handled + Carried forward to next year = "
                         "21 + 5 = 26");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH),
                         "自然人：一、本年新收政府信息公开申请数量 + 二、上年结转政府信息公开申请数量"
                         " = 22 + 2 = 24，不等于（七）总计 + 四、结转下年度继续办理 = 21 + 5 = 26"
                         "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 0), 4);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 1), "requests/new/natural");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 2), "requests/carried_over/natural");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 3), "requests/carried_forward/natural");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1000 + 10 * 24 + 0);
  expect(d, 1, r, "requests.balance", GK_SEV_ERROR, "requests/total/total", "139", "141");
  /* every cell of each column is in a passing row relation: no suspect */
  CU_ASSERT_PTR_NULL(gk_diag_suspect(d, 0));
  CU_ASSERT_PTR_NULL(gk_diag_suspect(d, 1));
  gk_diags_free(d);
  /* a column whose outcomes are all blank: the blank total is 0 in the balance */
  gk_report_free(r);
  r = valid_report(2019, 2020);
  static const char *const rows[] = {"granted", "partial", "denied.state_secret",
                                     "unavailable.not_held", "not_processed.complaint",
                                     "other", "total"};
  for (size_t i = 0; i < 7; i++) {
    char p[96];
    snprintf(p, sizeof p, "requests/%s/legal", rows[i]);
    set_blank(r, p);
  }
  d = run(r, NULL);
  /* the legal column: balance 26 + 2 vs blank + 3; the rows lose their legal part */
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 8);
  expect(d, 0, r, "requests.balance", GK_SEV_ERROR, "requests/total/legal", "25", "");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Legal service institutions”: New requests this year + Carried over "
                         "from last year = 26 + 2 = 28 but Total handled + Carried forward to "
                         "next year = blank + 3 = 3");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "requests.row_total");
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_row_total(void) {
  gk_report *r = valid_report(2021, 2021);
  /* the printed row total of 部分公开 is off by 2 */
  set(r, "requests/partial/total", "8");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  expect(d, 0, r, "requests.row_total", GK_SEV_ERROR, "requests/partial/total", "6", "8");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Partly disclosed”: Total = 8 but Natural persons + Commercial "
                         "enterprises + Research institutions + Public-interest organisations + "
                         "Legal service institutions + Other organisations = 1 + 1 + 1 + 1 + 1 "
                         "+ 1 = 6");
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 0), 7);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 6), "requests/partial/other_org");
  /* the column total breaks too; the crossing cell repairs both */
  expect(d, 1, r, "requests.outcome_total", GK_SEV_ERROR, "requests/total/total", "143", "141");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 0), "requests/partial/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(d, 0), "6");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 1), "requests/partial/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(d, 1), "6");
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_outcome_total(void) {
  gk_report *r = valid_report(2019, 2019);
  /* move one request from commercial to natural in 予以公开: rows hold */
  set(r, "requests/granted/natural", "11");
  set(r, "requests/granted/commercial", "10");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  expect(d, 0, r, "requests.outcome_total", GK_SEV_ERROR, "requests/total/natural", "22", "21");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Natural persons”: Total handled = 21 but Disclosed + Partly "
                         "disclosed + Not disclosed + Cannot be provided + Not processed + "
                         "Other handling = 11 + 1 + 2 + 3 + 4 + 1 = 22");
  /* cells: the total, then the filled leaves (derived rows expanded) */
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 0), 7);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 3), "requests/denied.state_secret/natural");
  expect(d, 1, r, "requests.outcome_total", GK_SEV_ERROR, "requests/total/commercial", "21",
         "22");
  CU_ASSERT_PTR_NULL(gk_diag_suspect(d, 0));
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_outcome_total_2021_other(void) {
  /* （六）其他处理 printed as one row in a 2021 report (淮安市洪泽区 2023/2024):
   * the printed `other` is the leaf */
  gk_report *r = valid_report(2021, 2023);
  for (size_t c = 0; c < 7; c++) {
    char p1[96], p2[96];
    const char *ck = gk_schema_col_key(2021, GK_TABLE_REQUESTS, c);
    snprintf(p1, sizeof p1, "requests/other.misc/%s", ck);
    snprintf(p2, sizeof p2, "requests/other/%s", ck);
    set_blank(r, p1);
    set(r, p2, c < 6 ? "1" : "6");
  }
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  set(r, "requests/other/legal", "2");
  set(r, "requests/other/total", "7");
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  expect(d, 0, r, "requests.outcome_total", GK_SEV_ERROR, "requests/total/legal", "26", "25");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 6), "requests/other/legal");
  expect(d, 1, r, "requests.outcome_total", GK_SEV_ERROR, "requests/total/total", "142", "141");
  gk_diags_free(d);
  /* the same defect with the sub-rows printed */
  gk_report_free(r);
  r = valid_report(2021, 2023);
  set(r, "requests/other.unpaid_fee/legal", "1");
  set(r, "requests/other.unpaid_fee/total", "1");
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  expect(d, 0, r, "requests.outcome_total", GK_SEV_ERROR, "requests/total/legal", "26", "25");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 6), "requests/other.unpaid_fee/legal");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 7), "requests/other.misc/legal");
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_review_total(void) {
  gk_report *r = valid_report(2021, 2022);
  set(r, "review/reconsideration/total", "4");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "review.total", GK_SEV_ERROR, "review/reconsideration/total", "3", "4");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Administrative reconsideration”: Total = 4 but Upheld + Corrected + "
                         "Other result + Pending = 1 + 1 + 0 + 1 = 3");
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 0), 5);
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1004);
  /* ambiguous: the total or any part (upheld 2, corrected 2, other 1, pending 2)
   * would repair it: no suspect */
  CU_ASSERT_PTR_NULL(gk_diag_suspect(d, 0));
  /* five candidates: more than a clerk can weigh, none named */
  CU_ASSERT_EQUAL(gk_diag_ncandidates(d, 0), 0);
  CU_ASSERT_PTR_NULL(gk_diag_note(d, 0, GK_LANG_ZH));
  gk_diags_free(d);
  gk_report_free(r);
}

/* 洪泽 2023: 复议后起诉 5 + 0 + 0 + 0 against a printed total of 0. Two single
 * cells repair it (total → 5, upheld → 0; the others would go negative): an
 * ambiguous repair, both named, no suspect. */
static void test_validate_ambiguous_repair(void) {
  gk_report *r = valid_report(2021, 2023);
  set(r, "review/litigation_after_review/upheld", "5");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "review.total", GK_SEV_ERROR, "review/litigation_after_review/total", "5", "0");
  CU_ASSERT_PTR_NULL(gk_diag_suspect(d, 0));
  CU_ASSERT_EQUAL_FATAL(gk_diag_ncandidates(d, 0), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_candidate(d, 0, 0), "review/litigation_after_review/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_candidate_value(d, 0, 0), "5");
  CU_ASSERT_STRING_EQUAL(gk_diag_candidate(d, 0, 1), "review/litigation_after_review/upheld");
  CU_ASSERT_STRING_EQUAL(gk_diag_candidate_value(d, 0, 1), "0");
  CU_ASSERT_PTR_NULL(gk_diag_candidate(d, 0, 2));
  CU_ASSERT_STRING_EQUAL(gk_diag_note(d, 0, GK_LANG_ZH),
                         "无法确定是哪一格有误，2种单格修正都能使其成立：「行政诉讼 复议后起诉 · 总计」"
                         "改为5，或「行政诉讼 复议后起诉 · 结果维持」改为0");
  CU_ASSERT_STRING_EQUAL(gk_diag_note(d, 0, GK_LANG_EN),
                         "ambiguous: either of 2 single-cell repairs fixes it: “Litigation after "
                         "reconsideration · Total” → 5, or “Litigation after reconsideration · "
                         "Upheld” → 0");
  gk_diags_free(d);
  /* one culprit: its note says the probable repair, with the printed label */
  set(r, "review/litigation_after_review/upheld", "0");
  set(r, "requests/total/total", "146");
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  CU_ASSERT_EQUAL(gk_diag_ncandidates(d, 0), 0);
  CU_ASSERT_STRING_EQUAL(gk_diag_note(d, 0, GK_LANG_ZH), "「（七）总计 · 总计」可能应为141");
  CU_ASSERT_STRING_EQUAL(gk_diag_note(d, 0, GK_LANG_EN),
                         "probably “Total handled · Total” should be 141");
  gk_diags_free(d);
  gk_report_free(r);
}

/* ------------------------------------------------------------------ culprit */
static void test_validate_culprit_crossing(void) {
  /* the grand total off by 5: its row, its column and its balance all fail and
   * one change repairs the three */
  gk_report *r = valid_report(2019, 2020);
  set(r, "requests/total/total", "146");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  expect(d, 0, r, "requests.balance", GK_SEV_ERROR, "requests/total/total", "141", "146");
  expect(d, 1, r, "requests.row_total", GK_SEV_ERROR, "requests/total/total", "141", "146");
  expect(d, 2, r, "requests.outcome_total", GK_SEV_ERROR, "requests/total/total", "141", "146");
  for (size_t i = 0; i < 3; i++) {
    CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, i), "requests/total/total");
    CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(d, i), "141");
  }
  gk_diags_free(d);
  gk_report_free(r);

  /* a leaf off by 5: its row total and its column total, crossing at the leaf */
  r = valid_report(2021, 2022);
  set(r, "requests/denied.state_secret/social", "7");
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  expect(d, 0, r, "requests.row_total", GK_SEV_ERROR, "requests/denied.state_secret/total", "17",
         "12");
  expect(d, 1, r, "requests.outcome_total", GK_SEV_ERROR, "requests/total/social", "29", "24");
  for (size_t i = 0; i < 2; i++) {
    CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, i), "requests/denied.state_secret/social");
    CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(d, i), "2");
  }
  gk_diags_free(d);
  gk_report_free(r);

  /* two independent defects: each group gets its own suspect */
  r = valid_report(2021, 2022);
  set(r, "requests/denied.state_secret/social", "7");
  set(r, "requests/granted/legal", "10");
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 4);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "requests/granted/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 0), "requests/granted/legal");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(d, 0), "14");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 1), "requests/denied.state_secret/social");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 2, 0), "requests/total/social");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 2), "requests/denied.state_secret/social");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 3, 0), "requests/total/legal");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 3), "requests/granted/legal");
  gk_diags_free(d);
  gk_report_free(r);

  /* the same row off in two columns: two cells, different δ: the row total
   * finding has no single culprit, so the group has none */
  r = valid_report(2021, 2022);
  set(r, "requests/granted/natural", "11");
  set(r, "requests/granted/commercial", "13");
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  for (size_t i = 0; i < 3; i++) CU_ASSERT_PTR_NULL(gk_diag_suspect(d, i));
  gk_diags_free(d);
  gk_report_free(r);
}


/* ------------------------------------------------------------------ completeness */
/* Blank every cell of table t from row `from` on. */
static void blank_from(gk_report *r, int t, size_t from) {
  int e = gk_report_edition(r);
  for (size_t row = from; row < gk_schema_nrows(e, t); row++)
    for (size_t col = 0; col < gk_schema_ncols(e, t); col++) {
      char path[128];
      if (!gk_schema_cell_exists(e, t, row, col)) continue;
      CU_ASSERT_EQUAL_FATAL(gk_schema_path_format(path, sizeof path, e, t, row, col) > 0, 1);
      gk_report_set_text(r, path, "", 0); /* a derived row only: not stored */
    }
}

static size_t count_rule_prefix(const gk_diags *d, const char *prefix) {
  size_t n = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++)
    n += strncmp(gk_diag_rule(d, i), prefix, strlen(prefix)) == 0;
  return n;
}

/* Property: a copy cut at any row of the requests table (that row and every later
 * row and table lost, the cut row kept in part) draws no finding about what it
 * does not hold, while a break in a row it holds whole still fires. The same
 * copy marked complete is reported. */
static void test_validate_truncated_copy(void) {
  for (int e = 0; e < 2; e++) {
    int ed = e ? 2021 : 2019;
    size_t nrows = gk_schema_nrows(ed, GK_TABLE_REQUESTS), granted;
    CU_ASSERT_EQUAL_FATAL(gk_schema_row_find(&granted, ed, GK_TABLE_REQUESTS, "granted"), GK_OK);
    for (size_t cut = 0; cut < nrows; cut++) {
      gk_report *r = valid_report(ed, ed == 2019 ? 2020 : 2022);
      blank_from(r, GK_TABLE_REQUESTS, cut + 1);
      blank_from(r, GK_TABLE_REVIEW, 0);
      /* the cut row keeps its first two columns */
      for (size_t col = 2; col < gk_schema_ncols(ed, GK_TABLE_REQUESTS); col++) {
        char path[128];
        if (!gk_schema_cell_exists(ed, GK_TABLE_REQUESTS, cut, col)) continue;
        gk_schema_path_format(path, sizeof path, ed, GK_TABLE_REQUESTS, cut, col);
        gk_report_set_text(r, path, "", 0);
      }
      gk_diags *d = run(r, NULL);
      size_t complete_n = gk_diags_count(d);
      gk_diags_free(d);
      CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_TRUNCATED, GK_TABLE_REQUESTS, cut), GK_OK);
      d = run(r, NULL);
      CU_ASSERT_EQUAL(gk_diags_count(d), 0);
      CU_ASSERT_TRUE(complete_n > 0 || cut == nrows - 1);
      gk_diags_free(d);
      /* a break inside a row the copy holds whole still fires */
      if (cut > granted) {
        set(r, "requests/granted/natural", "99");
        d = run(r, NULL);
        CU_ASSERT_EQUAL(count_rule_prefix(d, "requests.row_total"), 1);
        CU_ASSERT_EQUAL(count_rule_prefix(d, "cell.blank"), 0);
        gk_diags_free(d);
      }
      gk_report_free(r);
    }
  }
}

/* A table the copy lacks (missing_tables) is left alone; a whole table cut off
 * (row SIZE_MAX) too. */
static void test_validate_tables_missing(void) {
  gk_report *r = valid_report(2021, 2022);
  set_blank(r, "review/reconsideration/total"); /* cell.blank when complete */
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_set_missing_tables(r, 1u << GK_TABLE_REVIEW), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_TABLES_MISSING, -1, SIZE_MAX), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_set_missing_tables(r, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_TRUNCATED, GK_TABLE_REVIEW, SIZE_MAX), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
}

/* A report from before the format: no report.year / text.sections finding. */
static void test_validate_pre_format(void) {
  gk_report *r;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2019, 2013), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, "无", 3), GK_OK);
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL(count_rule_prefix(d, "report.year"), 1);
  CU_ASSERT_EQUAL(count_rule_prefix(d, "text.sections"), 1);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_PRE_FORMAT, -1, SIZE_MAX), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
}

/* text.sections names the missing sections (English too) and leaves out the
 * parts after the end of a truncated copy. */
static void test_validate_sections_truncated(void) {
  gk_report *r = valid_report(2021, 2022);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, "未收取信息处理费", 24), GK_OK);
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "text.sections");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "the report lacks 2 of its six sections: Overview and Main problems "
                         "and improvements");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH),
                         "报告缺少以下部分：一、总体情况、五、存在的主要问题及改进情况");
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, NULL, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, "概况", 6), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "the report lacks 2 of its six sections: Main problems and improvements "
                         "and Other matters to report");
  gk_diags_clear(d);
  /* cut inside the review table: 五 and 六 are beyond the copy */
  CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_TRUNCATED, GK_TABLE_REVIEW, 2), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_clear(d);
  /* a gap before the cut is still the report's own */
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, NULL, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_PROBLEMS, "无", 3), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "the report lacks 1 of its six sections: Overview");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH), "报告缺少一个部分：一、总体情况");
  gk_diags_free(d);
  gk_report_free(r);
}


/* The real truncated copies and a pre-2019 report: once their completeness is
 * known (set here as the importer records it: the first row the copy does not
 * hold whole), no finding about what they do not contain remains. */
static void test_validate_real_incomplete(void) {
  static const struct {
    const char *file, *cut_row; /* NULL: pre-format */
    size_t before_blank, before_sections;
  } cases[] = {
    {"2024_shenzhen-longgang-district-dept.txt", "denied.enforcement", 2, 1},
    {"2023_xinjiang-nilka-town.txt", "denied.process", 1, 1},
    {"2020_sichuan-qiliping-town.txt", "denied.state_secret", 1, 1},
    {"2013_hunan-daoxian-culture-bureau.txt", NULL, 0, 1},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    size_t len;
    char *txt = gk_test_read_data(cases[k].file, 1, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(txt);
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, txt, len, cases[k].file, NULL), GK_OK);
    free(txt);
    gk_diags *d;
    if (gk_report_completeness(NULL, NULL, r) == GK_COMPLETE) { /* the importer does not say yet */
      d = run(r, NULL);
      CU_ASSERT_EQUAL(count_rule_prefix(d, "cell.blank"), cases[k].before_blank);
      CU_ASSERT_EQUAL(count_rule_prefix(d, "text.sections"), cases[k].before_sections);
      gk_diags_free(d);
      size_t row = 0;
      if (cases[k].cut_row) {
        CU_ASSERT_EQUAL_FATAL(gk_schema_row_find(&row, gk_report_edition(r), GK_TABLE_REQUESTS,
                                                 cases[k].cut_row), GK_OK);
        CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_TRUNCATED, GK_TABLE_REQUESTS, row), GK_OK);
      } else {
        CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_PRE_FORMAT, -1, SIZE_MAX), GK_OK);
      }
    }
    d = run(r, NULL);
    CU_ASSERT_EQUAL(count_rule_prefix(d, "cell.blank"), 0);
    CU_ASSERT_EQUAL(count_rule_prefix(d, "text.sections"), 0);
    CU_ASSERT_EQUAL(count_rule_prefix(d, "report.year"), 0);
    CU_ASSERT_EQUAL(count_rule_prefix(d, "requests."), 0);
    gk_diags_free(d);
    gk_report_free(r);
  }
}

/* ------------------------------------------------------------------ cell.blank, cell.value */
static void test_validate_cell_blank(void) {
  gk_report *r = valid_report(2021, 2022);
  set_blank(r, "review/reconsideration/total");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "cell.blank", GK_SEV_WARNING, "review/reconsideration/total", "3", "");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Administrative reconsideration · Total” is blank beside filled "
                         "parts: “Administrative reconsideration”: Upheld + Corrected + Other "
                         "result + Pending = 1 + 1 + 0 + 1 = 3; it should hold 3");
  /* Chinese: the printed labels, the key only in the cells */
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH),
                         "「行政复议 · 总计」空白，但行政复议：结果维持 + 结果纠正 + 其他结果 + "
                         "尚未审结 = 1 + 1 + 0 + 1 = 3，应为3");
  CU_ASSERT_PTR_NULL(strstr(gk_diag_message(d, 0, GK_LANG_ZH), "review/"));
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 0), 5);
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1004);
  gk_diags_free(d);
  /* a blank total without a source line: the line of its printed row */
  CU_ASSERT_EQUAL(gk_report_set_line(r, GK_TABLE_REVIEW, 0, 4, 0), GK_OK);
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1000);
  gk_diags_free(d);
  gk_report_free(r);

  /* a blank column total: cell.blank once; the balance of that column and the
   * row total of the 总计 row go through it and are not reported again */
  r = valid_report(2019, 2020);
  set_blank(r, "requests/total/research");
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "cell.blank", GK_SEV_WARNING, "requests/total/research", "23", "");
  gk_diags_free(d);
  /* a blank row total whose row is a leaf: the total column's outcome_total
   * is not evaluated either (format.md: one defect is reported once) */
  set(r, "requests/total/research", "23");
  set_blank(r, "requests/granted/total");
  set(r, "requests/total/total", "999");
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  expect(d, 0, r, "cell.blank", GK_SEV_WARNING, "requests/granted/total", "75", "");
  expect(d, 1, r, "requests.balance", GK_SEV_ERROR, "requests/total/total", "141", "999");
  expect(d, 2, r, "requests.row_total", GK_SEV_ERROR, "requests/total/total", "141", "999");
  gk_diags_free(d);
  /* quiet: a row left entirely blank, a total with no part filled */
  gk_report_free(r);
  r = valid_report(2021, 2022);
  for (size_t c = 0; c < 5; c++) {
    char p[96];
    snprintf(p, sizeof p, "review/litigation_after_review/%s",
             gk_schema_col_key(2021, GK_TABLE_REVIEW, c));
    set_blank(r, p);
  }
  set_blank(r, "review/litigation_direct/upheld");
  set_blank(r, "review/litigation_direct/corrected");
  set_blank(r, "review/litigation_direct/other");
  set_blank(r, "review/litigation_direct/pending");
  d = run(r, NULL);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_cell_value(void) {
  gk_report *r = valid_report(2021, 2022);
  set_lit(r, "review/litigation_direct/other", "-");
  gk_diags *d = run(r, NULL);
  /* the literal counts as blank in review.total (2 + 0 + blank + 0 = 2): quiet */
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "cell.value", GK_SEV_ERROR, "review/litigation_direct/other", "a number", "-");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Litigation without prior reconsideration · Other result” holds \"-\", not a number");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH),
                         "「行政诉讼 未经复议直接起诉 · 其他结果」填写了“-”，不是数值");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1012);
  gk_diags_free(d);
  /* a literal total: cell.value, and its relation is not evaluated */
  set(r, "review/litigation_direct/other", "0");
  set_lit(r, "review/litigation_direct/total", "见附件");
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "cell.value", GK_SEV_ERROR, "review/litigation_direct/total", "a number",
         "见附件");
  gk_diags_free(d);
  /* a negative count (only reachable by writing the cell directly) */
  set(r, "review/litigation_direct/total", "2");
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, "active/licensing/decisions", GK_NUL_TERMINATED), GK_OK);
  ((gk__cell *)gk__cell_at(r, t, row, col))->value = -3;
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "cell.value", GK_SEV_ERROR, "active/licensing/decisions", "a count >= 0", "-3");
  gk_diags_free(d);
  gk_report_free(r);
  /* quiet: a signed delta may be negative (valid_report 2019 has delta -2) */
  r = valid_report(2019, 2020);
  d = run(r, NULL);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
}

/* ------------------------------------------------------------------ years */
static void test_validate_years(void) {
  gk_report *r = valid_report(2019, 0);
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "report.year", GK_SEV_ERROR, NULL, ">= 2019", "");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "the report year is missing (edition 2019 needs a year >= 2019)");
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_set_year(r, 2018), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "report.year", GK_SEV_ERROR, NULL, ">= 2019", "2018");
  gk_diags_clear(d);
  /* a 2021 report in the 2019 layout (seen in real reports) */
  CU_ASSERT_EQUAL(gk_report_set_year(r, 2021), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "edition.year", GK_SEV_WARNING, NULL, "2021", "2019");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "a 2021 report uses the 2019 edition; reports of 2021 use the 2021 "
                         "edition (国办公开办函〔2021〕30号)");
  gk_diags_clear(d);
  /* quiet: 2019 and 2020 in the 2019 edition */
  CU_ASSERT_EQUAL(gk_report_set_year(r, 2019), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_year(r, 2020), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
  r = valid_report(2021, 2020);
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "edition.year", GK_SEV_WARNING, NULL, "2019", "2021");
  gk_diags_free(d);
  gk_report_free(r);
}

/* ------------------------------------------------------------------ active */
static void test_validate_active_cumulative(void) {
  gk_report *r = valid_report(2019, 2020);
  set(r, "active/normative_docs/total_public", "50");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "active.cumulative", GK_SEV_WARNING, "active/normative_docs/total_public",
         ">= 60", "50");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 1), "active/normative_docs/published");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Normative documents”: Total public 50 is less than Published this "
                         "year 60");
  gk_diags_free(d);
  /* quiet when equal, or when one side is blank */
  set(r, "active/normative_docs/total_public", "60");
  set_blank(r, "active/normative_docs/published");
  set(r, "active/regulations/published", "3");
  d = run(r, NULL);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_active_misread_delta(void) {
  gk_report *r = valid_report(2019, 2020);
  set(r, "active/licensing/decisions", "8");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "active.misread_delta", GK_SEV_INFO, "active/licensing/decisions", NULL, "8");
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 0), 3);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 1), "active/licensing/prev_items");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 2), "active/licensing/delta");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Administrative licensing”: Decisions 8 = Items last year + Change "
                         "this year = 10 - 2; decisions count the cases decided in the year, "
                         "the columns were probably misread");
  gk_diags_free(d);
  /* quiet: an all-zero row (0 = 0 + 0), a row with a blank delta */
  set(r, "active/licensing/decisions", "0");
  set(r, "active/licensing/prev_items", "0");
  set(r, "active/licensing/delta", "0");
  set(r, "active/penalty/prev_items", "5");
  set(r, "active/penalty/decisions", "5");
  d = run(r, NULL);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_active_rulemaking(void) {
  gk_report *r = valid_report(2021, 2022);
  set(r, "active/regulations/in_force", "3");
  /* silent without agency metadata */
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  /* a county-level agency has no rule-making power */
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_COUNTY), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "active.rulemaking", GK_SEV_WARNING, "active/regulations/in_force", "0", "3");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Regulations · In force” is 3 from a county-level agency, which has "
                         "no power to make regulations");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH), "「规章 · 现行有效件数」为3，但县级机关无规章制定权");
  gk_diags_clear(d);
  /* a districted city's government has it, its departments do not */
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_CITY), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, GK_AGENCY_KIND_GOVERNMENT), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, GK_AGENCY_KIND_DEPARTMENT), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "active.rulemaking", GK_SEV_WARNING, "active/regulations/in_force", "0", "3");
  gk_diags_clear(d);
  /* a provincial department: not below provincial level, silent */
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_PROVINCE), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  /* all-zero regulations from a township: silent */
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_TOWNSHIP), GK_OK);
  set(r, "active/regulations/in_force", "0");
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  /* no level given: the agency's name says it (a town: fires, and says it inferred) */
  set(r, "active/regulations/in_force", "6");
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_UNKNOWN), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, GK_AGENCY_KIND_UNKNOWN), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "尼勒克县某镇", strlen("尼勒克县某镇")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect(d, 0, r, "active.rulemaking", GK_SEV_WARNING, "active/regulations/in_force", "0", "6");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "“Regulations · In force” is 6 from a township-level government, which "
                         "has no power to make regulations (level and kind inferred from the "
                         "agency's name)");
  gk_diags_clear(d);
  /* ... a districted city's government (quiet), a name that says nothing (quiet) */
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "宿迁市人民政府", strlen("宿迁市人民政府")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "市场监督管理局", strlen("市场监督管理局")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  /* given metadata wins over the name */
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "某镇", strlen("某镇")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_PROVINCE), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
}

/* a total row blank as a whole (a truncated copy) is one defect: one cell.blank */
static void test_validate_blank_total_row_once(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  set(r, "requests/granted/natural", "2");
  set(r, "requests/granted/total", "2");
  set(r, "requests/partial/natural", "1");
  set(r, "requests/partial/total", "1");
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "cell.blank");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "requests/total/natural");
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 0), "3");
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 0, GK_LANG_EN), "the whole row is blank"));
  gk_diags_clear(d);
  /* one total cell filled: the others are blank beside filled parts, one each */
  set(r, "requests/total/natural", "3");
  set(r, "requests/new/natural", "3");
  set(r, "requests/new/total", "3");
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "requests/total/total");
  CU_ASSERT_PTR_NULL(strstr(gk_diag_message(d, 0, GK_LANG_EN), "the whole row is blank"));
  gk_diags_free(d);
  gk_report_free(r);
}

/* ------------------------------------------------------------------ options through validate */
static void test_validate_options(void) {
  gk_report *r = valid_report(2019, 2021); /* edition.year warning */
  set(r, "requests/total/total", "146");    /* 3 errors */
  set(r, "active/licensing/decisions", "8"); /* info */
  gk_validate_opts *o;
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_new(&o), GK_OK);
  gk_diags *d = run(r, o);
  CU_ASSERT_EQUAL(gk_diags_count(d), 5);
  gk_diags_free(d);
  CU_ASSERT_EQUAL(gk_validate_opts_set_min_severity(o, GK_SEV_WARNING), GK_OK);
  d = run(r, o);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 4);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "edition.year");
  gk_diags_free(d);
  CU_ASSERT_EQUAL(gk_validate_opts_disable(o, "requests.*"), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_enable(o, "requests.row_total"), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "edition.year", NULL, "filed in the old layout"),
                  GK_OK);
  /* appends after what the list holds */
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_INFO, "json.syntax", NULL, NULL, NULL, 1, 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, o, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "json.syntax");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "edition.year");
  CU_ASSERT_TRUE(gk_diag_waived(d, 1));
  CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(d, 1), "filed in the old layout");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 2), "requests.row_total");
  /* the suspect is still computed from every failing identity */
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 2), "requests/total/total");
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_WARNING), 1);
  gk_diags_free(d);
  gk_validate_opts_free(o);
  gk_report_free(r);
}

/* ------------------------------------------------------------------ real reports */
static gk_report *from_truth(const char *name, cJSON **doc_out) {
  gk_report *r = gk_test_load_truth(GK_REAL_DATA, name, doc_out);
  cJSON *c;
  cJSON_ArrayForEach(c, cJSON_GetObjectItem(*doc_out, "blank")) {
    GK_ASSERT_CELL(r, c->valuestring, "");
  }
  return r;
}

static int is_table_rule(const char *rule) {
  static const char *const p[] = {"requests.", "review.", "cell.", "active.", "report.",
                                  "edition."};
  for (size_t i = 0; i < sizeof p / sizeof p[0]; i++)
    if (strncmp(rule, p[i], strlen(p[i])) == 0) return 1;
  return 0;
}

static void check_truth(const char *name, size_t nexpected) {
  cJSON *doc;
  gk_report *r = from_truth(name, &doc);
  gk_diags *d = run(r, NULL);
  /* the table findings equal the truth's expected_findings, in order */
  size_t k = 0;
  cJSON *f;
  cJSON_ArrayForEach(f, cJSON_GetObjectItem(doc, "expected_findings")) {
    const char *rule = cJSON_GetObjectItem(f, "rule")->valuestring;
    if (!is_table_rule(rule)) continue;
    while (k < gk_diags_count(d) && !is_table_rule(gk_diag_rule(d, k))) k++;
    CU_ASSERT_TRUE_FATAL(k < gk_diags_count(d));
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, k), rule);
    CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, k, 0), cJSON_GetObjectItem(f, "cell")->valuestring);
    CU_ASSERT_STRING_EQUAL(gk_diag_file(d, k), name);
    /* "computed value N" in the note is the expected value of a blank total */
    const char *note = cJSON_GetObjectItem(f, "note")->valuestring;
    const char *cv = strstr(note, "computed value ");
    if (cv) {
      CU_ASSERT_EQUAL(atoll(gk_diag_expected(d, k)), atoll(cv + 15));
    }
    k++;
  }
  size_t ntable = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) ntable += is_table_rule(gk_diag_rule(d, i));
  CU_ASSERT_EQUAL(ntable, nexpected);
  CU_ASSERT_EQUAL(k, nexpected);
  gk_diags_free(d);
  gk_report_free(r);
  cJSON_Delete(doc);
}

static void test_validate_real_reports(void) {
  check_truth("2019_shanghai-municipal-general-office.truth.json", 11);
  check_truth("2020_ganzhou-fenggang-town.truth.json", 0);
  check_truth("2023_huaian-hongze-district-government.truth.json", 2);
  check_truth("2023_suqian-municipal-government.truth.json", 0);
  check_truth("2024_huaian-hongze-district-government.truth.json", 0);
  check_truth("2024_huaian-municipal-government.truth.json", 0);
  check_truth("2024_suqian-municipal-government.truth.json", 0);
}

static void test_validate_real_exact(void) {
  /* Shanghai 2019: the 11 blank totals with their computed values */
  static const char *const want[][2] = {
    {"requests/granted/total", "272"},
    {"requests/partial/total", "3"},
    {"requests/denied.state_secret/total", "14"},
    {"requests/denied.internal/total", "5"},
    {"requests/denied.process/total", "4"},
    {"requests/denied.query/total", "12"},
    {"requests/unavailable.not_held/total", "265"},
    {"requests/unavailable.needs_creation/total", "47"},
    {"requests/unavailable.unclear/total", "25"},
    {"requests/not_processed.complaint/total", "149"},
    {"requests/not_processed.duplicate/total", "9"},
  };
  cJSON *doc;
  gk_report *r = from_truth("2019_shanghai-municipal-general-office.truth.json", &doc);
  gk_diags *d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 11);
  for (size_t i = 0; i < 11; i++) {
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, i), "cell.blank");
    CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_WARNING);
    CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 0), want[i][0]);
    CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), want[i][1]);
    CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "");
  }
  gk_diags_free(d);
  gk_report_free(r);
  cJSON_Delete(doc);

  /* Hongze 2023: 复议 10 + 1 printed total 0, 复议后起诉 5 printed total 0 */
  r = from_truth("2023_huaian-hongze-district-government.truth.json", &doc);
  d = run(r, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "review.total");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "review/reconsideration/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 0), "11");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "0");
  /* only the total can take the repair (a part would go negative) */
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 0), "review/reconsideration/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(d, 0), "11");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 1, 0), "review/litigation_after_review/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 1), "5");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 1), "0");
  /* total 5 or upheld 0 would both repair it: ambiguous */
  CU_ASSERT_PTR_NULL(gk_diag_suspect(d, 1));
  gk_diags_free(d);
  gk_report_free(r);
  cJSON_Delete(doc);
}

/* The published text of the real reports through the text importer (rules
 * within one report): findings carry the file and the line of the cell. */
static gk_diags *validate_text(const char *name) {
  size_t len;
  char *txt = gk_test_read_data(name, 1, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(txt);
  gk_report *r = NULL;
  int rc = gk_report_from_text(&r, txt, len, name, NULL);
  free(txt);
  CU_ASSERT_EQUAL_FATAL(rc, GK_OK);
  /* the table rules only: the text rules have their own suite */
  gk_validate_opts *o;
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_new(&o), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_disable(o, "text.*"), GK_OK);
  gk_diags *d = run(r, o);
  gk_validate_opts_free(o);
  gk_report_free(r);
  return d;
}

static void expect_real(const gk_diags *d, size_t i, const char *file, uint32_t line,
                        const char *rule, const char *cell, const char *expected,
                        const char *actual) {
  CU_ASSERT_TRUE_FATAL(i < gk_diags_count(d));
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, i), rule);
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, i), file);
  CU_ASSERT_EQUAL(gk_diag_line(d, i), line);
  if (cell) {
    CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 0), cell);
  }
  if (expected) {
    CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), expected);
  }
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), actual);
}

static void test_validate_real_text(void) {
  const char *f = "2019_shanghai-municipal-general-office.txt";
  gk_diags *d = validate_text(f);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 11);
  expect_real(d, 0, f, 54, "cell.blank", "requests/granted/total", "272", "");
  expect_real(d, 10, f, 68, "cell.blank", "requests/not_processed.duplicate/total", "9", "");
  gk_diags_free(d);

  f = "2023_huaian-hongze-district-government.txt";
  d = validate_text(f);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  expect_real(d, 0, f, 151, "review.total", "review/reconsideration/total", "11", "0");
  expect_real(d, 1, f, 151, "review.total", "review/litigation_after_review/total", "5", "0");
  gk_diags_free(d);

  /* "-" printed as 行政强制 处理决定数量 */
  f = "2020_wuhan-ecology-environment-bureau-hubei-annotated.txt";
  d = validate_text(f);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  expect_real(d, 0, f, 16, "cell.value", "active/coercion/decisions", "a number", "-");
  gk_diags_free(d);

  /* a 2021 report in the 2019 layout, with 许可 61/36/97 and 处罚 0/1/1 */
  f = "2021_lueyang-county-natural-resources-bureau.txt";
  d = validate_text(f);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  expect_real(d, 0, f, 0, "edition.year", NULL, "2021", "2019");
  expect_real(d, 1, f, 37, "active.misread_delta", "active/licensing/decisions", NULL, "97");
  expect_real(d, 2, f, 55, "active.misread_delta", "active/penalty/decisions", NULL, "1");
  gk_diags_free(d);

  /* complete reports without a table defect */
  static const char *const clean[] = {
    "2020_ganzhou-fenggang-town.txt", "2023_suqian-municipal-government.txt",
    "2024_huaian-hongze-district-government.txt", "2024_huaian-municipal-government.txt",
    "2024_suqian-municipal-government.txt", "2022_shanghai-municipal.txt",
    "2023_shanghai-municipal.txt"};
  for (size_t i = 0; i < sizeof clean / sizeof clean[0]; i++) {
    d = validate_text(clean[i]);
    CU_ASSERT_EQUAL(gk_diags_count(d), 0);
    gk_diags_free(d);
  }
}

/* ------------------------------------------------------------------ allocation failures */
static void test_validate_enomem(void) {
  cJSON *doc;
  gk_report *r = from_truth("2019_shanghai-municipal-general-office.truth.json", &doc);
  set(r, "requests/total/total", "1");
  set_lit(r, "review/reconsideration/other", "无");
  gk_validate_opts *o;
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_new(&o), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "cell.blank", NULL, "known"), GK_OK);
  gk_diags *d;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_ERROR, "json.syntax", "x", "y", "f", 3, 4), GK_OK);
  size_t full = 0;
  for (long n = 0;; n++) {
    gk__alloc_fail_after(n);
    int rc = gk_report_validate(r, o, d);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) {
      full = gk_diags_count(d);
      CU_ASSERT_TRUE(n > 20);
      break;
    }
    CU_ASSERT_EQUAL_FATAL(rc, GK_ENOMEM);
    /* the list is left as it was */
    CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "json.syntax");
  }
  /* json.syntax, cell.value, 11 cell.blank (waived), balance and row total of 总计 */
  CU_ASSERT_EQUAL(full, 1 + 1 + 11 + 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "cell.value");
  CU_ASSERT_TRUE(gk_diag_waived(d, 2));
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 13), "requests.balance");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 14), "requests.row_total");
  CU_ASSERT_FALSE(gk_diag_waived(d, 14));
  gk_diags_free(d);
  gk_validate_opts_free(o);
  gk_report_free(r);
  cJSON_Delete(doc);
}

static void test_validate_overflow(void) {
  gk_report *r = valid_report(2021, 2022);
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, "review/reconsideration/upheld", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(r, t, row, col, INT64_MAX), GK_OK);
  gk_diags *d;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_INFO, "x.y", NULL, NULL, NULL, 0, 0), GK_OK);
  /* upheld + corrected does not fit in int64: a located cell.value on the
   * largest cell of the line, and validation goes on */
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "cell.value");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 1, 0), "review/reconsideration/upheld");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 1), "9223372036854775807");
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_validate_allocations(void) {
  /* a valid report: one allocation (the workspace), nothing else */
  gk_report *r = valid_report(2021, 2022);
  gk_diags *d;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  long before = gk__alloc_count();
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk__alloc_count() - before, 1);
  gk_diags_free(d);
  gk_report_free(r);
}

static CU_TestInfo tests[] = {
  {"test_validate_valid_reports_are_quiet", test_validate_valid_reports_are_quiet},
  {"test_validate_balance", test_validate_balance},
  {"test_validate_row_total", test_validate_row_total},
  {"test_validate_outcome_total", test_validate_outcome_total},
  {"test_validate_outcome_total_2021_other", test_validate_outcome_total_2021_other},
  {"test_validate_review_total", test_validate_review_total},
  {"test_validate_culprit_crossing", test_validate_culprit_crossing},
  {"test_validate_ambiguous_repair", test_validate_ambiguous_repair},
  {"test_validate_cell_blank", test_validate_cell_blank},
  {"test_validate_cell_value", test_validate_cell_value},
  {"test_validate_years", test_validate_years},
  {"test_validate_active_cumulative", test_validate_active_cumulative},
  {"test_validate_active_misread_delta", test_validate_active_misread_delta},
  {"test_validate_active_rulemaking", test_validate_active_rulemaking},
  {"test_validate_blank_total_row_once", test_validate_blank_total_row_once},
  {"test_validate_options", test_validate_options},
  {"test_validate_truncated_copy", test_validate_truncated_copy},
  {"test_validate_tables_missing", test_validate_tables_missing},
  {"test_validate_pre_format", test_validate_pre_format},
  {"test_validate_sections_truncated", test_validate_sections_truncated},
  {"test_validate_real_incomplete", test_validate_real_incomplete},
  {"test_validate_real_reports", test_validate_real_reports},
  {"test_validate_real_exact", test_validate_real_exact},
  {"test_validate_real_text", test_validate_real_text},
  {"test_validate_enomem", test_validate_enomem},
  {"test_validate_overflow", test_validate_overflow},
  {"test_validate_allocations", test_validate_allocations},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("validate", tests); }
