/* SPDX-License-Identifier: MIT */
/* Consolidation findings on the given real reports (issue 15): the same report
 * twice, different years, a city with one of its districts, incomplete copies,
 * a contributor's own table error and its repair, the cap of findings. Every
 * sum is checked against an independent sum computed here cell by cell. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "stats_testutil.h"
#include "internal.h"

#define SERIES_DATA GK_TEST_DATA "/series"

/* A published text of tests/data/real, imported (source = its file name). */
static gk_report *load_real(const char *name) {
  size_t n;
  char *text = gk_test_read_data(name, 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&r, text, n, name, NULL), GK_OK);
  free(text);
  return r;
}

static gk_report *truth(const char *name) {
  gk_report *r = stats_load_truth(strstr(name, "huaian-municipal") ? GK_REAL_DATA : SERIES_DATA, name);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  return r;
}

/* The independent sum: every cell of the result (one edition) is the sum of the
 * effective values of the reports (blank when all are blank). Returns the
 * number of cells compared. */
static size_t check_sum(const gk_report *res, gk_report *const *rs, size_t n) {
  int ed = gk_report_edition(res);
  size_t cells = 0;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(ed, t); col++) {
        if (!gk_schema_cell_exists(ed, t, row, col)) continue;
        /* the parts of a printed derived row (2021 other.*) are summed into it */
        int parent = gk__report_ed(res)->tables[t].rows[row].parent;
        if (parent >= 0 && (gk__report_ed(res)->tables[t].rows[parent].flags & GK_ROW_STORED))
          continue;
        int64_t want = 0, v;
        int any = 0, st;
        for (size_t k = 0; k < n; k++) {
          CU_ASSERT_EQUAL_FATAL(gk_report_edition(rs[k]), ed);
          CU_ASSERT_EQUAL_FATAL(gk__cell_effective(rs[k], t, row, col, &st, &v), GK_OK);
          if (st == GK_CELL_VALUE) any = 1, want += v;
        }
        CU_ASSERT_EQUAL_FATAL(gk__cell_effective(res, t, row, col, &st, &v), GK_OK);
        CU_ASSERT_EQUAL(st, any ? GK_CELL_VALUE : GK_CELL_BLANK);
        if (any) CU_ASSERT_EQUAL(v, want);
        cells++;
      }
  return cells;
}

static gk_aggregate *agg(uint32_t flags, gk_report *const *rs, size_t n, gk_diags *d) {
  gk_aggregate *a = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, flags), GK_OK);
  for (size_t i = 0; i < n; i++) CU_ASSERT_EQUAL(gk_aggregate_add(a, rs[i], d), GK_OK);
  return a;
}

static gk_report *result(const gk_aggregate *a) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, a, NULL), GK_OK);
  return r;
}

static gk_diags *diags(void) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  return d;
}

static int has_text(const gk_diags *d, size_t i, const char *s) {
  return i < gk_diags_count(d) && strstr(gk_diag_message(d, i, GK_LANG_ZH), s) != NULL;
}

/* ------------------------------------------------------------------ duplicate */
static void test_aggregate_findings_duplicate(void) {
  gk_report *sq = load_real("2023_suqian-municipal-government.txt");
  gk_report *hz = load_real("2023_huaian-hongze-district-government.txt");
  gk_report *twice[2] = {sq, sq};
  gk_diags *d = diags();
  gk_aggregate *a = agg(0, twice, 2, d);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 1);
  CU_ASSERT_EQUAL(gk_aggregate_skipped_count(a), 1);
  CU_ASSERT_EQUAL_FATAL(stats_count(d, "aggregate.duplicate"), 1);
  size_t i = stats_find(d, "aggregate.duplicate", NULL);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, i), "2023_suqian-municipal-government.txt");
  gk_report *r = result(a);
  CU_ASSERT(check_sum(r, &sq, 1) > 100); /* the one report, not twice */
  gk_report_free(r);
  gk_aggregate_free(a);
  /* the same tables under another name */
  gk_report *copy = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_clone(&copy, sq), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(copy, GK_AGENCY_NAME, "宿迁市某局", strlen("宿迁市某局")), GK_OK);
  gk_diags_clear(d);
  gk_report *renamed[2] = {sq, copy};
  a = agg(0, renamed, 2, d);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 1);
  CU_ASSERT_EQUAL(stats_count(d, "aggregate.duplicate"), 1);
  CU_ASSERT(has_text(d, 0, "宿迁市某局"));
  gk_aggregate_free(a);
  /* quiet: two agencies */
  gk_diags_clear(d);
  gk_report *two[2] = {sq, hz};
  a = agg(0, two, 2, d);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  r = result(a);
  check_sum(r, two, 2);
  GK_ASSERT_CELL(r, "requests/new/total", "3532"); /* 3511 + 21 */
  gk_report_free(r);
  gk_aggregate_free(a);
  /* merged parts holding the same report: already summed, reported */
  gk_aggregate *p = agg(0, &sq, 1, NULL), *q = agg(0, &sq, 1, NULL);
  CU_ASSERT_EQUAL(gk_aggregate_merge(p, q), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_check(p, d), GK_OK);
  CU_ASSERT_EQUAL(stats_count(d, "aggregate.duplicate"), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, stats_find(d, "aggregate.duplicate", NULL)), "1");
  gk_aggregate_free(p);
  gk_aggregate_free(q);
  gk_diags_free(d);
  gk_report_free(copy);
  gk_report_free(sq);
  gk_report_free(hz);
}

/* ------------------------------------------------------------------ years */
static void test_aggregate_findings_years(void) {
  gk_report *y[2] = {truth("2023_suqian-municipal-government"),
                     truth("2024_suqian-municipal-government")};
  gk_diags *d = diags();
  gk_aggregate *a = agg(0, y, 2, d);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "aggregate.years");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "2023-2024");
  gk_report *r = result(a);
  CU_ASSERT_EQUAL(gk_report_year(r), 0);
  check_sum(r, y, 2);
  gk_report_free(r);
  gk_aggregate_free(a);
  /* asked for: quiet */
  gk_diags_clear(d);
  a = agg(GK_AGGREGATE_MULTI_YEAR, y, 2, d);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_aggregate_free(a);
  gk_diags_free(d);
  gk_report_free(y[0]);
  gk_report_free(y[1]);
}

/* ------------------------------------------------------------------ overlap */
static gk_report *named(int year, const char *name, const char *region, int kind) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, year), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  if (region) CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_REGION, region, strlen(region)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, kind), GK_OK);
  STATS_SET(r, "requests/new/total", "1");
  return r;
}

static void test_aggregate_findings_overlap_real(void) {
  /* 淮安市人民政府's whole-city report with 淮安市洪泽区人民政府's: only the names */
  gk_report *rs[2] = {truth("2024_huaian-municipal-government"),
                      truth("2024_huaian-hongze-district-government")};
  gk_diags *d = diags();
  gk_aggregate *a = agg(0, rs, 2, d);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(stats_count(d, "aggregate.overlap"), 1);
  size_t i = stats_find(d, "aggregate.overlap", NULL);
  CU_ASSERT(has_text(d, i, "淮安市："));
  CU_ASSERT(has_text(d, i, "洪泽区"));
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "1");
  gk_report *r = result(a);
  check_sum(r, rs, 2); /* a warning: both still summed */
  gk_report_free(r);
  gk_aggregate_free(a);
  /* quiet: 宿迁 and 洪泽 are in different cities */
  gk_report *other[2] = {truth("2024_suqian-municipal-government"), rs[1]};
  gk_diags_clear(d);
  a = agg(0, other, 2, d);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_aggregate_free(a);
  gk_report_free(other[0]);
  gk_report_free(rs[0]);
  gk_report_free(rs[1]);
  gk_diags_free(d);
}

static void test_aggregate_findings_overlap_regions(void) {
  gk_report *rs[5] = {
      named(2023, "江苏省人民政府", "江苏省", GK_AGENCY_KIND_GOVERNMENT),
      named(2023, "宿迁市人民政府", "江苏省宿迁市", GK_AGENCY_KIND_GOVERNMENT),
      named(2023, "宿迁市司法局", "江苏省宿迁市", GK_AGENCY_KIND_DEPARTMENT),
      named(2023, "泗阳县人民政府", "江苏省宿迁市泗阳县", GK_AGENCY_KIND_GOVERNMENT),
      named(2023, "淮安市民政局", "江苏省淮安市", GK_AGENCY_KIND_DEPARTMENT)};
  gk_diags *d = diags();
  gk_aggregate *a = agg(0, rs, 5, d);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  /* one finding per region: 江苏省 (4 inside), 江苏省宿迁市 (司法局, 泗阳县) */
  CU_ASSERT_EQUAL_FATAL(stats_count(d, "aggregate.overlap"), 2);
  int seen = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    if (has_text(d, i, "江苏省宿迁市：")) {
      CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "2");
      CU_ASSERT(has_text(d, i, "宿迁市司法局") && has_text(d, i, "泗阳县人民政府"));
      CU_ASSERT(!has_text(d, i, "淮安市民政局"));
      seen |= 1;
    } else if (has_text(d, i, "江苏省：")) {
      CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "4");
      seen |= 2;
    }
  }
  CU_ASSERT_EQUAL(seen, 3);
  gk_aggregate_free(a);
  /* streaming (no list): one finding per region too, while adding */
  gk_diags_clear(d);
  a = agg(GK_AGGREGATE_NO_CONTRIBUTORS, rs, 5, d);
  CU_ASSERT_EQUAL(stats_count(d, "aggregate.overlap"), 2);
  gk_aggregate_free(a);
  /* quiet: departments and lower governments without their government */
  gk_diags_clear(d);
  a = agg(0, rs + 2, 3, d);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_aggregate_free(a);
  gk_diags_free(d);
  for (int k = 0; k < 5; k++) gk_report_free(rs[k]);
}

/* 65,536 reports with region and kind: 4,096 counties, each a government and 15
 * departments. One finding per county (not one per report), listed or streamed;
 * the old check was quadratic (12.8 s at 64k). */
static void test_aggregate_findings_overlap_scale(void) {
  for (int streaming = 0; streaming < 2; streaming++) {
    gk_aggregate *a = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, streaming ? GK_AGGREGATE_NO_CONTRIBUTORS : 0), GK_OK);
    gk_diags *d = diags();
    for (int c = 0; c < 4096; c++)
      for (int k = 0; k < 16; k++) {
        char name[96], region[96];
        snprintf(region, sizeof region, "某省第%d市第%d县", c / 64, c);
        snprintf(name, sizeof name, "第%d县%s", c, k ? "局" : "人民政府");
        if (k) snprintf(name + strlen(name), sizeof name - strlen(name), "%d", k);
        gk_report *r = named(2023, name, region, k ? GK_AGENCY_KIND_DEPARTMENT : GK_AGENCY_KIND_GOVERNMENT);
        CU_ASSERT_EQUAL(gk_aggregate_add(a, r, d), GK_OK);
        gk_report_free(r);
      }
    CU_ASSERT_EQUAL(gk_aggregate_count(a), 65536);
    CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
    CU_ASSERT_EQUAL(stats_count(d, "aggregate.overlap"), 4096);
    CU_ASSERT_EQUAL(gk_diags_count(d), 4096);
    gk_report *r = result(a);
    GK_ASSERT_CELL(r, "requests/new/total", "65536");
    gk_report_free(r);
    gk_diags_free(d);
    gk_aggregate_free(a);
  }
}

/* ------------------------------------------------------------------ incomplete */
static void test_aggregate_findings_incomplete(void) {
  gk_report *sq = truth("2023_suqian-municipal-government");
  gk_report *cut = truth("2023_huaian-hongze-district-government");
  CU_ASSERT_EQUAL(gk_report_set_completeness(cut, GK_TRUNCATED, GK_TABLE_REVIEW, 0), GK_OK);
  gk_report *blank = load_real("2019_xiongxian-township-blank-tables.txt");
  gk_report *old = load_real("2017_jilin-longtan-district-government.txt");
  CU_ASSERT_EQUAL(gk_report_set_completeness(old, GK_PRE_FORMAT, -1, SIZE_MAX), GK_OK);
  gk_report *rs[4] = {sq, cut, blank, old};
  gk_diags *d = diags();
  gk_aggregate *a = agg(GK_AGGREGATE_MULTI_YEAR, rs, 4, d);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 1);
  CU_ASSERT_EQUAL(gk_aggregate_left_out_count(a), 3);
  CU_ASSERT_EQUAL(stats_count(d, "aggregate.incomplete"), 3);
  CU_ASSERT(has_text(d, 0, "洪泽区") && has_text(d, 0, "未计入汇总"));
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 1), "2019_xiongxian-township-blank-tables.txt");
  CU_ASSERT(has_text(d, 2, "2019年以前"));
  gk_report *r = result(a);
  check_sum(r, &sq, 1);
  gk_report_free(r);
  gk_aggregate_free(a);
  /* included on request: still listed */
  gk_diags_clear(d);
  a = agg(GK_AGGREGATE_INCLUDE_INCOMPLETE, rs, 2, d);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 2);
  CU_ASSERT_EQUAL(stats_count(d, "aggregate.incomplete"), 1);
  CU_ASSERT(has_text(d, 0, "按要求计入汇总"));
  r = result(a);
  check_sum(r, rs, 2);
  gk_report_free(r);
  gk_aggregate_free(a);
  /* quiet: complete reports */
  gk_diags_clear(d);
  a = agg(0, &sq, 1, d);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_aggregate_free(a);
  gk_diags_free(d);
  for (int k = 0; k < 4; k++) gk_report_free(rs[k]);
}

/* ------------------------------------------------------------------ contributor, repair */
static void test_aggregate_findings_contributor_repair(void) {
  gk_report *hz = load_real("2023_huaian-hongze-district-government.txt");
  gk_report *sq = load_real("2023_suqian-municipal-government.txt");
  gk_report *rs[2] = {sq, hz};
  gk_diags *d = diags();
  gk_aggregate *a = agg(GK_AGGREGATE_CHECK_CONTRIBUTORS, rs, 2, d);
  /* 洪泽 2023's printed review totals (0 beside 10 + 1, and 0 beside 5) */
  CU_ASSERT_EQUAL_FATAL(stats_count(d, "aggregate.contributor"), 2);
  size_t i = stats_find(d, "aggregate.contributor", "review/reconsideration/total");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_ERROR);
  CU_ASSERT(has_text(d, i, "洪泽区人民政府"));
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, i), "2023_huaian-hongze-district-government.txt");
  CU_ASSERT(gk_diag_line(d, i) > 0);
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), "11");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "0");
  gk_report *r = result(a);
  check_sum(r, rs, 2); /* carried, not changed */
  gk_report_free(r);
  gk_aggregate_free(a);
  /* --repair: the culprit applied and listed */
  gk_diags_clear(d);
  a = agg(GK_AGGREGATE_REPAIR, rs, 2, d);
  i = stats_find(d, "aggregate.repaired", "review/reconsideration/total");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_INFO);
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), "11");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "0");
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, i, GK_LANG_EN),
                                ": “Administrative reconsideration · Total” printed 0, repaired to "
                                "11 (review.total) before summing"));
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, i, GK_LANG_ZH),
                                "：「行政复议 · 总计」印作0，按review.total修复为11后汇总"));
  CU_ASSERT_EQUAL(stats_find(d, "aggregate.contributor", "review/reconsideration/total"),
                  (size_t)-1);
  gk_report *fixed = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_clone(&fixed, hz), GK_OK);
  for (size_t k = 0; k < gk_diags_count(d); k++)
    if (strcmp(gk_diag_rule(d, k), "aggregate.repaired") == 0)
      STATS_SET(fixed, gk_diag_cell(d, k, 0), gk_diag_expected(d, k));
  gk_report *want[2] = {sq, fixed};
  r = result(a);
  check_sum(r, want, 2);
  gk_report_free(r);
  gk_report_free(fixed);
  gk_aggregate_free(a);
  /* quiet: 宿迁 alone has no table error */
  gk_diags_clear(d);
  a = agg(GK_AGGREGATE_REPAIR, &sq, 1, d);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_aggregate_free(a);
  gk_diags_free(d);
  gk_report_free(hz);
  gk_report_free(sq);
}

/* ------------------------------------------------------------------ cap */
static void test_aggregate_findings_cap(void) {
  gk_report *sq = truth("2023_suqian-municipal-government");
  gk_report *rs[6] = {sq, sq, sq, sq, sq, sq};
  gk_diags *d = diags();
  gk_aggregate *a = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_set_finding_cap(a, 2), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_set_finding_cap(NULL, 2), GK_EINVAL);
  for (int k = 0; k < 6; k++) CU_ASSERT_EQUAL(gk_aggregate_add(a, rs[k], d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 2);
  CU_ASSERT_EQUAL(gk_aggregate_skipped_count(a), 5);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 2), "aggregate.duplicate");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 2), "3");
  CU_ASSERT(has_text(d, 2, "另有3条"));
  gk_aggregate_free(a);
  gk_diags_free(d);
  gk_report_free(sq);
}

/* ------------------------------------------------------------------ correspondences */
static void test_aggregate_findings_edition_common(void) {
  const int e19 = GK_EDITION_2019, e21 = GK_EDITION_2021;
  CU_ASSERT_STRING_EQUAL(gk__edition_common_col(GK_TABLE_ACTIVE, "regulations", "made", e19, e21), "issued");
  CU_ASSERT_STRING_EQUAL(gk__edition_common_col(GK_TABLE_ACTIVE, "normative_docs", "issued", e21, e19), "made");
  CU_ASSERT_STRING_EQUAL(gk__edition_common_col(GK_TABLE_ACTIVE, "penalty", "decisions", e21, e21), "decisions");
  CU_ASSERT_PTR_NULL(gk__edition_common_col(GK_TABLE_ACTIVE, "regulations", "total_public", e19, e21));
  CU_ASSERT_PTR_NULL(gk__edition_common_col(GK_TABLE_ACTIVE, "fees", "amount", e21, e19));
  CU_ASSERT_PTR_NULL(gk__edition_common_col(GK_TABLE_REQUESTS, "regulations", "made", e19, e21));
  CU_ASSERT_PTR_NULL(gk__edition_common_col(GK_TABLE_ACTIVE, "licensing", "decisions", e19, 1999));
  CU_ASSERT_EQUAL(gk__nedition_commons, 5);
  /* every declared column exists in its edition */
  for (size_t k = 0; k < gk__nedition_commons; k++)
    for (int i = 0; i < GK__MAX_EDITIONS && gk__edition_commons[k].cols[i].edition; i++) {
      size_t row, col;
      int ed = gk__edition_commons[k].cols[i].edition, t = gk__edition_commons[k].table;
      CU_ASSERT_EQUAL(gk_schema_row_find(&row, ed, t, gk__edition_commons[k].row), GK_OK);
      CU_ASSERT_EQUAL(gk_schema_col_find(&col, ed, t, gk__edition_commons[k].cols[i].col), GK_OK);
    }
}

int main(void) {
  CU_TestInfo tests[] = {
      {"test_aggregate_findings_duplicate", test_aggregate_findings_duplicate},
      {"test_aggregate_findings_years", test_aggregate_findings_years},
      {"test_aggregate_findings_overlap_real", test_aggregate_findings_overlap_real},
      {"test_aggregate_findings_overlap_regions", test_aggregate_findings_overlap_regions},
      {"test_aggregate_findings_overlap_scale", test_aggregate_findings_overlap_scale},
      {"test_aggregate_findings_incomplete", test_aggregate_findings_incomplete},
      {"test_aggregate_findings_contributor_repair", test_aggregate_findings_contributor_repair},
      {"test_aggregate_findings_cap", test_aggregate_findings_cap},
      {"test_aggregate_findings_edition_common", test_aggregate_findings_edition_common},
      CU_TEST_INFO_NULL};
  return gk_test_main("aggregate_findings", tests);
}
