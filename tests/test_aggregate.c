/* SPDX-License-Identifier: MIT */
/* Aggregate: consolidation cell by cell (format.md §8), mixed editions, overflow,
 * overlap, merge and partition invariance, JSON save/load, JSON Lines streams. */
#include <stdint.h>
#include <string.h>
#include "stats_testutil.h"
#include "internal.h"

#define SERIES_DATA GK_TEST_DATA "/series"

static gk_report *mk(int edition, int year, const char *name, const char *region, int kind) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, edition, year), GK_OK);
  if (name) CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  if (region) CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_REGION, region, strlen(region)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, kind), GK_OK);
  return r;
}

static void set_literal(gk_report *r, const char *path, const char *lit, uint32_t line) {
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_literal(r, t, row, col, lit, strlen(lit)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_line(r, t, row, col, line), GK_OK);
}

/* Two 2019-edition and two 2021-edition department reports; `k` scales values. */
static gk_report *rep_a(int k) {
  char v[32];
  gk_report *r = mk(GK_EDITION_2019, 2020, "宿迁市教育局", "江苏省宿迁市", GK_AGENCY_KIND_DEPARTMENT);
  snprintf(v, sizeof v, "%d", 3 * k);
  STATS_SET(r, "requests/new/natural", v);
  snprintf(v, sizeof v, "%d", 4 * k);
  STATS_SET(r, "requests/new/total", v);
  STATS_SET(r, "requests/other/natural", "1");
  STATS_SET(r, "requests/other/total", "1");
  STATS_SET(r, "active/regulations/made", "2");
  STATS_SET(r, "active/regulations/total_public", "9");
  STATS_SET(r, "active/licensing/prev_items", "5");
  STATS_SET(r, "active/licensing/delta", "+1");
  STATS_SET(r, "active/licensing/decisions", "7");
  STATS_SET(r, "active/procurement/amount", "251000元"); /* 25.1 万元 */
  return r;
}

static gk_report *rep_b(int k) {
  char v[32];
  gk_report *r = mk(GK_EDITION_2019, 2020, "宿迁市民政局", "江苏省宿迁市", GK_AGENCY_KIND_DEPARTMENT);
  STATS_SET(r, "requests/new/natural", "2");
  snprintf(v, sizeof v, "%d", 2 * k);
  STATS_SET(r, "requests/new/total", v);
  STATS_SET(r, "requests/other/total", "2");
  STATS_SET(r, "active/regulations/made", "1");
  STATS_SET(r, "active/licensing/decisions", "3");
  set_literal(r, "requests/granted/natural", "-", 17);
  return r;
}

static gk_report *rep_c(int k) {
  char v[32];
  gk_report *r = mk(GK_EDITION_2021, 2021, "宿迁市公安局", "江苏省宿迁市", GK_AGENCY_KIND_DEPARTMENT);
  STATS_SET(r, "requests/new/natural", "5");
  snprintf(v, sizeof v, "%d", 6 * k);
  STATS_SET(r, "requests/new/total", v);
  STATS_SET(r, "requests/other.no_correction/total", "1");
  STATS_SET(r, "requests/other.misc/total", "2");
  STATS_SET(r, "active/regulations/issued", "4");
  STATS_SET(r, "active/regulations/in_force", "20");
  STATS_SET(r, "active/licensing/decisions", "10");
  STATS_SET(r, "active/fees/amount", "1.5");
  return r;
}

static gk_report *rep_d(int k) {
  char v[32];
  gk_report *r = mk(GK_EDITION_2021, 2021, "宿迁市财政局", NULL, GK_AGENCY_KIND_DEPARTMENT);
  snprintf(v, sizeof v, "%d", k);
  STATS_SET(r, "requests/new/total", v);
  STATS_SET(r, "requests/other/total", "3"); /* printed as one row */
  STATS_SET(r, "active/fees/amount", "2.25万元");
  return r;
}

static gk_aggregate *agg_of(gk_report **rs, size_t n, gk_diags *d) {
  gk_aggregate *a = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, 0), GK_OK);
  for (size_t i = 0; i < n; i++) CU_ASSERT_EQUAL(gk_aggregate_add(a, rs[i], d), GK_OK);
  return a;
}

static void free_all(gk_report **rs, size_t n) {
  for (size_t i = 0; i < n; i++) gk_report_free(rs[i]);
}

static void test_aggregate_same_edition_2019(void) {
  gk_report *rs[2] = {rep_a(1), rep_b(1)};
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  gk_aggregate *a = agg_of(rs, 2, d);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 2);
  CU_ASSERT_EQUAL(gk_aggregate_edition(a), GK_EDITION_2019);
  CU_ASSERT_EQUAL(gk_aggregate_mixed(a), 0);
  CU_ASSERT_EQUAL(gk_aggregate_literal_count(a), 1);
  /* the literal is reported with its path and line */
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "aggregate.literal");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_WARNING);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "requests/granted/natural");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 17);
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "-");
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, a, "宿迁市部门合计"), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(r), GK_EDITION_2019);
  CU_ASSERT_EQUAL(gk_report_year(r), 2020);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "宿迁市部门合计");
  GK_ASSERT_CELL(r, "requests/new/natural", "5");
  GK_ASSERT_CELL(r, "requests/new/total", "6");
  GK_ASSERT_CELL(r, "requests/new/research", "");          /* blank + blank */
  GK_ASSERT_CELL(r, "requests/other/total", "3");
  GK_ASSERT_CELL(r, "requests/other/natural", "1");        /* value + blank */
  GK_ASSERT_CELL(r, "requests/granted/natural", "");       /* literal counts as blank */
  GK_ASSERT_CELL(r, "active/regulations/made", "3");
  GK_ASSERT_CELL(r, "active/regulations/total_public", "9");
  GK_ASSERT_CELL(r, "active/licensing/delta", "1");
  GK_ASSERT_CELL(r, "active/licensing/decisions", "10");
  GK_ASSERT_CELL(r, "active/procurement/amount", "25.1");  /* 251000元 in 万元 */
  CU_ASSERT_EQUAL(gk_report_unit(r, GK_TABLE_ACTIVE, 7, 7), GK_UNIT_WANYUAN);
  /* contributors in order of addition */
  CU_ASSERT_EQUAL(gk_aggregate_contributor_count(a), 2);
  const char *name;
  int year, ed;
  CU_ASSERT_EQUAL(gk_aggregate_contributor(&name, &year, &ed, a, 1), GK_OK);
  CU_ASSERT_STRING_EQUAL(name, "宿迁市民政局");
  CU_ASSERT_EQUAL(year, 2020);
  CU_ASSERT_EQUAL(ed, 2019);
  CU_ASSERT_EQUAL(gk_aggregate_contributor(&name, &year, &ed, a, 2), GK_EINVAL);
  CU_ASSERT_PTR_NULL(name);
  /* nothing to say about the consolidation itself */
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_report_free(r);
  gk_aggregate_free(a);
  gk_diags_free(d);
  free_all(rs, 2);
}

static void test_aggregate_units(void) {
  gk_report *b = rep_b(1);
  STATS_SET(b, "active/procurement/amount", "498742.4"); /* no unit stated */
  gk_report *rs[2] = {rep_a(1), b};
  gk_aggregate *a = agg_of(rs, 2, NULL);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, a, NULL), GK_OK);
  GK_ASSERT_CELL(r, "active/procurement/amount", "498767.5");
  CU_ASSERT_EQUAL(gk_report_unit(r, GK_TABLE_ACTIVE, 7, 7), GK_UNIT_DEFAULT);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "aggregate.unit");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "active/procurement/amount");
  gk_diags_free(d);
  gk_report_free(r);
  gk_aggregate_free(a);
  free_all(rs, 2);
}

static void test_aggregate_same_edition_2021_other(void) {
  gk_report *rs[2] = {rep_c(1), rep_d(1)};
  gk_aggregate *a = agg_of(rs, 2, NULL);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, a, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(r), GK_EDITION_2021);
  CU_ASSERT_PTR_NULL(gk_report_agency(r, GK_AGENCY_NAME));
  /* 1 + 2 from the sub-rows of one report, 3 printed as one row by the other */
  GK_ASSERT_CELL(r, "requests/other/total", "6");
  GK_ASSERT_CELL(r, "requests/other.misc/total", "");
  GK_ASSERT_CELL(r, "requests/new/total", "7");
  GK_ASSERT_CELL(r, "active/fees/amount", "3.75");
  CU_ASSERT_EQUAL(gk_report_unit(r, GK_TABLE_ACTIVE, 5, 4), GK_UNIT_DEFAULT);
  GK_ASSERT_CELL(r, "active/regulations/in_force", "20");
  gk_report_free(r);
  gk_aggregate_free(a);
  /* only sub-rows: they stay */
  gk_aggregate *c = agg_of(rs, 1, NULL);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, c, NULL), GK_OK);
  GK_ASSERT_CELL(r, "requests/other.misc/total", "2");
  GK_ASSERT_CELL(r, "requests/other/total", "3");
  gk_report_free(r);
  gk_aggregate_free(c);
  free_all(rs, 2);
}

static void test_aggregate_mixed_editions(void) {
  gk_report *rs[4] = {rep_a(1), rep_b(1), rep_c(1), rep_d(1)};
  gk_aggregate *a = agg_of(rs, 4, NULL);
  CU_ASSERT_EQUAL(gk_aggregate_edition(a), GK_EDITION_2021);
  CU_ASSERT_EQUAL(gk_aggregate_mixed(a), 1);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, a, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(r), GK_EDITION_2021);
  CU_ASSERT_EQUAL(gk_report_year(r), 0); /* 2020 and 2021 */
  GK_ASSERT_CELL(r, "requests/new/total", "13");    /* 4 + 2 + 6 + 1 */
  GK_ASSERT_CELL(r, "requests/new/natural", "10");  /* 3 + 2 + 5 */
  GK_ASSERT_CELL(r, "requests/other/total", "9");   /* 1 + 2 + (1 + 2) + 3 */
  GK_ASSERT_CELL(r, "requests/other/natural", "1");
  GK_ASSERT_CELL(r, "requests/other.no_correction/total", "");
  GK_ASSERT_CELL(r, "requests/other.misc/total", "");
  GK_ASSERT_CELL(r, "active/regulations/issued", "7"); /* made 2 + 1, issued 4 */
  GK_ASSERT_CELL(r, "active/regulations/in_force", "");
  GK_ASSERT_CELL(r, "active/licensing/decisions", "20"); /* 7 + 3 + 10 */
  GK_ASSERT_CELL(r, "active/fees/amount", "");
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  size_t i = stats_find(d, "aggregate.editions", NULL);
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_INFO);
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "8");
  CU_ASSERT_EQUAL(gk_diag_ncells(d, i), 8);
  static const char *const dropped[] = {
    "active/regulations/in_force", "active/fees/amount", "active/regulations/total_public",
    "active/licensing/prev_items", "active/licensing/delta", "active/procurement/amount",
    "requests/other.no_correction/total", "requests/other.misc/total"};
  for (size_t k = 0; k < 8; k++) {
    int found = 0;
    for (size_t c = 0; c < gk_diag_ncells(d, i); c++)
      found |= strcmp(gk_diag_cell(d, i, c), dropped[k]) == 0;
    CU_ASSERT_TRUE(found);
  }
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, i, GK_LANG_EN), "editions 2019 (2), 2021 (2)"));
  gk_diags_free(d);
  gk_report_free(r);
  gk_aggregate_free(a);
  free_all(rs, 4);
}

static void test_aggregate_overflow(void) {
  gk_report *c = rep_c(1);
  gk_report *e = mk(GK_EDITION_2021, 2021, "某局", NULL, GK_AGENCY_KIND_DEPARTMENT);
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL(gk_report_path_find(&t, &row, &col, e, "requests/new/total", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(e, t, row, col, INT64_MAX - 10), GK_OK);
  set_literal(e, "requests/new/legal", "/", 3);
  gk_aggregate *a = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(a, c, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(a, e, d), GK_OK); /* 6 + (max - 10) fits */
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  char *before = NULL, *after = NULL;
  size_t n1, n2;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_to_json(&before, &n1, a), GK_OK);
  gk_report *e2 = NULL; /* the same numbers from another agency */
  CU_ASSERT_EQUAL_FATAL(gk_report_clone(&e2, e), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(e2, GK_AGENCY_NAME, "某厅", strlen("某厅")), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(a, e2, d), GK_EOVERFLOW);
  char *sk = strstr(before, "\"skipped\":0"); /* the sums unchanged, one report skipped */
  CU_ASSERT_PTR_NOT_NULL_FATAL(sk);
  sk[10] = '1';
  /* no literal finding for the refused report, one located aggregate.overflow */
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "aggregate.overflow");
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 1, GK_LANG_ZH), "某厅"));
  CU_ASSERT_EQUAL(gk_aggregate_skipped_count(a), 1);
  gk_report_free(e2);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 2);
  CU_ASSERT_EQUAL(gk_aggregate_contributor_count(a), 2);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_to_json(&after, &n2, a), GK_OK);
  CU_ASSERT_STRING_EQUAL(before, after);
  /* merging an aggregate that would overflow leaves a unchanged too */
  gk_aggregate *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&b, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(b, e, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_merge(a, b), GK_EOVERFLOW);
  gk_free(after);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_to_json(&after, &n2, a), GK_OK);
  CU_ASSERT_STRING_EQUAL(before, after);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, a, NULL), GK_OK);
  GK_ASSERT_CELL(r, "requests/new/total", "9223372036854775803");
  gk_report_free(r);
  gk_free(before);
  gk_free(after);
  gk_aggregate_free(a);
  gk_aggregate_free(b);
  gk_diags_free(d);
  gk_report_free(c);
  gk_report_free(e);
}

static void test_aggregate_overlap(void) {
  gk_report *g = mk(GK_EDITION_2021, 2023, "宿迁市人民政府", "江苏省宿迁市", GK_AGENCY_KIND_GOVERNMENT);
  gk_report *h = mk(GK_EDITION_2021, 2023, "宿城区教育局", "江苏省宿迁市宿城区", GK_AGENCY_KIND_DEPARTMENT);
  gk_report *x = mk(GK_EDITION_2021, 2023, "淮安市民政局", "江苏省淮安市", GK_AGENCY_KIND_DEPARTMENT);
  gk_report *rs[3] = {g, h, x};
  for (int k = 0; k < 3; k++) STATS_SET(rs[k], "requests/new/total", "1");
  gk_aggregate *a = agg_of(rs, 3, NULL);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "aggregate.overlap");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_WARNING);
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "1");
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 0, GK_LANG_ZH), "宿城区教育局"));
  gk_aggregate_free(a);
  /* without the departments' region the check stays silent */
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_set_agency(h, GK_AGENCY_REGION, NULL, 0), GK_OK);
  a = agg_of(rs, 3, NULL);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_aggregate_free(a);
  /* without a contributor list the overlap is reported by the report that completes it */
  CU_ASSERT_EQUAL(gk_report_set_agency(h, GK_AGENCY_REGION, "江苏省宿迁市", strlen("江苏省宿迁市")), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, GK_AGGREGATE_NO_CONTRIBUTORS), GK_OK);
  for (int k = 0; k < 3; k++) CU_ASSERT_EQUAL(gk_aggregate_add(a, rs[k], d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_contributor_count(a), 0);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 3);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "aggregate.overlap");
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 0, GK_LANG_ZH), "江苏省宿迁市："));
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 0, GK_LANG_ZH), "宿城区教育局"));
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, NULL), GK_EINVAL);
  gk_aggregate_free(a);
  gk_diags_free(d);
  free_all(rs, 3);
}

/* ------------------------------------------------------------------ partitions */
static uint32_t lcg(uint32_t *s) {
  *s = *s * 1664525u + 1013904223u;
  return *s >> 8;
}

#define NPART_REPORTS 16

static char *json_of(const gk_aggregate *a) {
  char *out = NULL;
  size_t n;
  CU_ASSERT_EQUAL(gk_aggregate_to_json(&out, &n, a), GK_OK);
  return out;
}

static void test_aggregate_partition_invariance(void) {
  gk_report *rs[NPART_REPORTS];
  for (int i = 0; i < NPART_REPORTS; i++) {
    int k = i / 4 + 1;
    rs[i] = i % 4 == 0 ? rep_a(k) : i % 4 == 1 ? rep_b(k) : i % 4 == 2 ? rep_c(k) : rep_d(k);
    char nm[64]; /* sixteen agencies: the same agency twice would be a duplicate */
    snprintf(nm, sizeof nm, "%s%d", gk_report_agency(rs[i], GK_AGENCY_NAME), k);
    CU_ASSERT_EQUAL(gk_report_set_agency(rs[i], GK_AGENCY_NAME, nm, strlen(nm)), GK_OK);
  }
  gk_aggregate *ref = agg_of(rs, NPART_REPORTS, NULL);
  char *ref_json = json_of(ref);
  gk_report *ref_r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&ref_r, ref, NULL), GK_OK);
  GK_ASSERT_CELL(ref_r, "requests/new/total", "130"); /* (4+2+6+1) x (1+2+3+4) */
  uint32_t seed = 12345;
  for (int trial = 0; trial < 40; trial++) {
    size_t nparts = 1 + lcg(&seed) % 6;
    gk_aggregate *parts[6] = {NULL};
    for (size_t p = 0; p < nparts; p++) CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&parts[p], 0), GK_OK);
    /* a random order of the reports, each to a random part */
    int order[NPART_REPORTS];
    for (int i = 0; i < NPART_REPORTS; i++) order[i] = i;
    for (int i = NPART_REPORTS - 1; i > 0; i--) {
      int j = (int)(lcg(&seed) % (uint32_t)(i + 1)), tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    for (int i = 0; i < NPART_REPORTS; i++)
      CU_ASSERT_EQUAL(gk_aggregate_add(parts[lcg(&seed) % nparts], rs[order[i]], NULL), GK_OK);
    /* some parts travel through JSON */
    for (size_t p = 0; p < nparts; p++) {
      if (lcg(&seed) % 2) continue;
      char *j = json_of(parts[p]);
      gk_aggregate *back = NULL;
      CU_ASSERT_EQUAL_FATAL(gk_aggregate_from_json(&back, j, strlen(j), NULL), GK_OK);
      gk_free(j);
      gk_aggregate_free(parts[p]);
      parts[p] = back;
    }
    /* merge in random pairs until one is left */
    size_t live = nparts;
    while (live > 1) {
      size_t x = lcg(&seed) % live, y = lcg(&seed) % live;
      if (x == y) continue;
      CU_ASSERT_EQUAL(gk_aggregate_merge(parts[x], parts[y]), GK_OK);
      gk_aggregate_free(parts[y]);
      parts[y] = parts[live - 1];
      parts[--live] = NULL;
    }
    char *j = json_of(parts[0]);
    CU_ASSERT_STRING_EQUAL(j, ref_json);
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, parts[0], NULL), GK_OK);
    CU_ASSERT_TRUE(gk_report_equal(r, ref_r, 1));
    CU_ASSERT_EQUAL(gk_aggregate_count(parts[0]), NPART_REPORTS);
    CU_ASSERT_EQUAL(gk_aggregate_literal_count(parts[0]), 4);
    gk_report_free(r);
    gk_free(j);
    gk_aggregate_free(parts[0]);
  }
  /* merging an empty aggregate changes nothing; a self-merge doubles */
  gk_aggregate *empty = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&empty, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_merge(ref, empty), GK_OK);
  char *j = json_of(ref);
  CU_ASSERT_STRING_EQUAL(j, ref_json);
  gk_free(j);
  CU_ASSERT_EQUAL(gk_aggregate_merge(ref, ref), GK_OK);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, ref, NULL), GK_OK);
  GK_ASSERT_CELL(r, "requests/new/total", "260");
  CU_ASSERT_EQUAL(gk_aggregate_contributor_count(ref), 2 * NPART_REPORTS);
  gk_report_free(r);
  CU_ASSERT_EQUAL(gk_aggregate_result(&r, empty, NULL), GK_ENOTFOUND);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_EQUAL(gk_aggregate_edition(empty), 0);
  gk_aggregate_free(empty);
  gk_free(ref_json);
  gk_report_free(ref_r);
  gk_aggregate_free(ref);
  free_all(rs, NPART_REPORTS);
}

static void test_aggregate_json_roundtrip_and_errors(void) {
  gk_report *rs[4] = {rep_a(2), rep_b(1), rep_c(3), rep_d(1)};
  gk_aggregate *a = agg_of(rs, 4, NULL);
  char *j = json_of(a);
  CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"gkaggregate\":2"));
  CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"per_edition\":{\"2019\":2,\"2021\":2}"));
  CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"active/procurement/amount\":{\"value\":\"25.1\",\"unit\":\"万元\"}"));
  CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"kind\":\"department\""));     /* names, not codes */
  CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"edition\":\"2021\",\"cells\""));
  gk_aggregate *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_from_json(&b, j, strlen(j), NULL), GK_OK);
  char *j2 = json_of(b);
  CU_ASSERT_STRING_EQUAL(j, j2);
  CU_ASSERT_EQUAL(gk_aggregate_count(b), 4);
  CU_ASSERT_EQUAL(gk_aggregate_mixed(b), 1);
  gk_free(j2);
  gk_aggregate_free(b);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_from_json(&b, "{\n  \"gkaggregate\": ", 19, d), GK_EPARSE);
  CU_ASSERT_PTR_NULL(b);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "json.syntax");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 2);
  gk_diags_clear(d);
  /* issue 14 item 9: each bad document is a located finding, nothing undefined */
  static const struct {
    const char *cell, *years, *edition, *rule;
  } bad[] = {
      {"\"requests/nope/total\":\"1\"", "[2023,2023]", "\"2021\"", "json.key"},
      {"\"requests/new/total\":\"1\"", "[1e300,2023]", "\"2021\"", "json.value"},
      {"\"requests/new/total\":\"1\"", "[2023,2023]", "1e300", "json.type"},
      {"\"requests/new/total\":\"-3\"", "[2023,2023]", "\"2021\"", "json.value"},
      {"\"requests/denied/total\":\"1\"", "[2023,2023]",
       "\"2021\"", "json.value"},
      {"\"active/fees/amount\":{\"value\":\"1\",\"unit\":255}", "[2023,2023]", "\"2021\"",
       "json.type"},
      {"\"active/fees/amount\":{\"value\":\"1\",\"unit\":\"斤\"}", "[2023,2023]",
       "\"2021\"", "json.value"},
      {"\"requests/new/total\":\"1\",\"requests/new/total\":\"2\"", "[2023,2023]", "\"2021\"",
       "json.key"},
      {"\"requests/new/total\":{\"value\":\"1\",\"unit\":\"元\"}", "[2023,2023]", "\"2021\"",
       "json.value"},
  };
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char doc[1024];
    snprintf(doc, sizeof doc,
             "{\"gkaggregate\":2,\"options\":[],\"count\":1,\"literals\":0,\"left_out\":0,"
             "\"skipped\":0,\"duplicates_merged\":0,\"years\":%s,\"known_years\":[2023,2023],"
             "\"per_edition\":{\"2021\":1},\"sums\":[{\"edition\":%s,\"cells\":{%s}}],"
             "\"common\":{\"edition\":\"2021\",\"cells\":{}},\"contributors\":[{\"name\":\"x\","
             "\"code\":null,\"region\":null,\"level\":\"county\",\"kind\":null,\"year\":2023,"
             "\"edition\":\"2021\"}],\"keys\":[]}",
             bad[i].years, bad[i].edition, bad[i].cell);
    gk_diags_clear(d);
    int rc = gk_aggregate_from_json(&b, doc, strlen(doc), d);
    if (rc != GK_EPARSE) printf("\nbad[%zu] accepted\n", i);
    CU_ASSERT_EQUAL(rc, GK_EPARSE);
    CU_ASSERT_PTR_NULL(b);
    CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), bad[i].rule);
    CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1);
    CU_ASSERT(gk_diag_column(d, 0) > 1);
    if (strcmp(gk_diag_rule(d, 0), bad[i].rule)) printf("\nbad[%zu]: %s\n", i, gk_diag_message(d, 0, GK_LANG_EN));
  }
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_aggregate_from_json(&b, "[]", 2, NULL), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_aggregate_from_json(NULL, "[]", 2, NULL), GK_EINVAL);
  gk_diags_free(d);
  gk_free(j);
  gk_aggregate_free(a);
  free_all(rs, 4);
}

/* ------------------------------------------------------------------ JSON Lines */
static char *line_of(const gk_report *r) {
  char *out = NULL;
  size_t n;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_json(&out, &n, r, 0), GK_OK);
  CU_ASSERT_PTR_NULL(memchr(out, '\n', n));
  return out;
}

static void test_aggregate_jsonl_bad_line(void) {
  gk_report *rs[3] = {rep_a(1), rep_c(1), rep_d(1)};
  char *l1 = line_of(rs[0]), *l4 = line_of(rs[1]), *l5 = line_of(rs[2]);
  size_t cap = strlen(l1) + strlen(l4) + strlen(l5) + 64;
  char *stream = malloc(cap);
  CU_ASSERT_PTR_NOT_NULL_FATAL(stream);
  /* 1: report, 2: broken, 3: blank, 4: report with CRLF, 5: report without newline */
  snprintf(stream, cap, "%s\n{\"gkreport\": 1, \"edition\": \n\n%s\r\n%s", l1, l4, l5);
  gk_aggregate *ref = agg_of(rs, 3, NULL);
  char *ref_json = json_of(ref);
  static const size_t chunks[] = {1, 2, 3, 5, 7, 64, 4096, 1u << 20};
  for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
    gk_aggregate *a = NULL;
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, 0), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL(gk_aggregate_set_jsonl_source(a, "all.jsonl"), GK_OK);
    size_t len = strlen(stream);
    for (size_t pos = 0; pos < len; pos += chunks[c]) {
      size_t n = len - pos < chunks[c] ? len - pos : chunks[c];
      CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, stream + pos, n, d), GK_OK);
    }
    CU_ASSERT_EQUAL(gk_aggregate_count(a), 2); /* line 5 waits for the end */
    CU_ASSERT_EQUAL(gk_aggregate_add_jsonl_end(a, d), GK_OK);
    CU_ASSERT_EQUAL(gk_aggregate_count(a), 3);
    CU_ASSERT_EQUAL(stats_count(d, "jsonl.line"), 1);
    size_t i = stats_find(d, "jsonl.line", NULL);
    CU_ASSERT_FATAL(i != (size_t)-1);
    CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_ERROR);
    CU_ASSERT_EQUAL(gk_diag_line(d, i), 2);
    CU_ASSERT_STRING_EQUAL(gk_diag_file(d, i), "all.jsonl");
    CU_ASSERT_EQUAL(strncmp(gk_diag_message(d, i, GK_LANG_EN), "line 2 is not a valid report", 28), 0);
    char *j = json_of(a);
    CU_ASSERT_STRING_EQUAL(j, ref_json);
    gk_free(j);
    /* a second stream counts its lines from 1 again */
    gk_diags_clear(d);
    CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, "x\n", 2, d), GK_OK);
    CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1);
    CU_ASSERT_EQUAL(gk_aggregate_add_jsonl_end(a, d), GK_OK);
    gk_diags_free(d);
    gk_aggregate_free(a);
  }
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(NULL, "x", 1, NULL), GK_EINVAL);
  gk_free(ref_json);
  gk_aggregate_free(ref);
  free(stream);
  gk_free(l1);
  gk_free(l4);
  gk_free(l5);
  free_all(rs, 3);
}

static void test_aggregate_jsonl_overflow_line(void) {
  gk_report *e = mk(GK_EDITION_2021, 2021, "某局", NULL, GK_AGENCY_KIND_DEPARTMENT);
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL(gk_report_path_find(&t, &row, &col, e, "requests/new/total", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(e, t, row, col, INT64_MAX), GK_OK);
  gk_aggregate *a = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, 0), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  char *l = NULL;
  for (int k = 0; k < 3; k++) { /* three agencies with the same numbers */
    const char *nm = k == 0 ? "某局" : k == 1 ? "某厅" : "某委";
    CU_ASSERT_EQUAL(gk_report_set_agency(e, GK_AGENCY_NAME, nm, strlen(nm)), GK_OK);
    gk_free(l);
    l = line_of(e);
    CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, l, strlen(l), d), GK_OK);
    CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, "\n", 1, d), GK_OK);
  }
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl_end(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 1);
  CU_ASSERT_EQUAL(gk_diags_count(d), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "aggregate.overflow");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 2);
  CU_ASSERT_EQUAL(gk_diag_line(d, 1), 3);
  gk_diags_free(d);
  gk_aggregate_free(a);
  gk_free(l);
  gk_report_free(e);
}

static void test_aggregate_contributor_flag_merge(void) {
  gk_report *c = rep_c(1), *d = rep_d(1);
  gk_aggregate *a = NULL, *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, 0), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&b, GK_AGGREGATE_NO_CONTRIBUTORS), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(a, c, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(b, d, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_contributor_count(a), 1);
  /* a list that would miss b's reports is dropped: a stops listing */
  CU_ASSERT_EQUAL(gk_aggregate_merge(a, b), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 2);
  CU_ASSERT_EQUAL(gk_aggregate_contributor_count(a), 0);
  char *j = NULL;
  size_t jn = 0;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_to_json(&j, &jn, a), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(j, "\"options\":[\"no_contributors\"],"));
  gk_aggregate *back = NULL;
  CU_ASSERT_EQUAL(gk_aggregate_from_json(&back, j, strlen(j), NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(back), 2);
  gk_aggregate_free(back);
  /* a saved aggregate whose counts disagree with its sums is refused */
  const char *at = strstr(j, "\"count\":2");
  CU_ASSERT_PTR_NOT_NULL_FATAL(at);
  j[(size_t)(at - j) + 8] = '3';
  CU_ASSERT_EQUAL(gk_aggregate_from_json(&back, j, strlen(j), NULL), GK_EPARSE);
  CU_ASSERT_PTR_NULL(back);
  gk_free(j);
  gk_aggregate_free(a);
  gk_aggregate_free(b);
  gk_report_free(c);
  gk_report_free(d);
}

static void test_aggregate_jsonl_long_line(void) {
  /* a line over 64 MiB is reported and skipped; memory stays bounded */
  size_t mb = 1u << 20;
  char *chunk = malloc(mb);
  CU_ASSERT_PTR_NOT_NULL_FATAL(chunk);
  memset(chunk, ' ', mb);
  chunk[0] = '{';
  gk_report *c = rep_c(1);
  char *l = line_of(c);
  gk_aggregate *a = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, 0), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  for (int k = 0; k < 65; k++) CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, chunk, mb, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, "}\n", 2, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, l, strlen(l), d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl_end(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 1);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "jsonl.line");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1);
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 0, GK_LANG_EN), "longer than 64 MiB"));
  gk_diags_free(d);
  gk_aggregate_free(a);
  gk_free(l);
  gk_report_free(c);
  free(chunk);
}

static void test_aggregate_real_reports(void) {
  gk_report *sq = stats_load_truth(SERIES_DATA, "2023_suqian-municipal-government");
  gk_report *hz = stats_load_truth(SERIES_DATA, "2023_huaian-hongze-district-government");
  gk_report *sh = stats_load_truth(GK_REAL_DATA, "2019_shanghai-municipal-general-office");
  CU_ASSERT_PTR_NOT_NULL_FATAL(sq);
  CU_ASSERT_PTR_NOT_NULL_FATAL(hz);
  CU_ASSERT_PTR_NOT_NULL_FATAL(sh);
  gk_report *two[2] = {sq, hz};
  gk_aggregate *a = agg_of(two, 2, NULL);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, a, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_year(r), 2023);
  GK_ASSERT_CELL(r, "requests/new/total", "3532");            /* 3511 + 21 */
  GK_ASSERT_CELL(r, "requests/other/total", "341");           /* 40 + 10 + 291 (+ 0 printed) */
  GK_ASSERT_CELL(r, "requests/other.misc/total", "");
  GK_ASSERT_CELL(r, "active/normative_docs/in_force", "602"); /* 597 + 5 */
  GK_ASSERT_CELL(r, "active/fees/amount", "66967.5249");      /* 59237.2449 + 7730.28 */
  /* the indicators of the consolidation */
  int64_t num, den;
  CU_ASSERT_EQUAL(gk_report_indicator(&num, &den, r, 4), GK_OK); /* carried forward */
  CU_ASSERT_EQUAL(num, 121);
  CU_ASSERT_EQUAL(den, 3532 + 96);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_check(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0); /* two governments: no overlap */
  gk_report_free(r);
  /* with the 2019-edition Shanghai report: the common view */
  CU_ASSERT_EQUAL(gk_aggregate_add(a, sh, NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&r, a, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(r), GK_EDITION_2021);
  CU_ASSERT_EQUAL(gk_report_year(r), 0);
  GK_ASSERT_CELL(r, "requests/new/total", "4391");     /* + 859 */
  GK_ASSERT_CELL(r, "requests/carried_forward/total", "193"); /* 121 + 0 + 72 */
  GK_ASSERT_CELL(r, "active/fees/amount", "");
  gk_report_free(r);
  gk_diags_free(d);
  gk_aggregate_free(a);
  gk_report_free(sq);
  gk_report_free(hz);
  gk_report_free(sh);
}

static void test_aggregate_alloc_failures(void) {
  gk_report *rs[4] = {rep_a(1), rep_b(1), rep_c(1), rep_d(1)};
  gk_aggregate *ref = agg_of(rs, 4, NULL);
  char *ref_json = json_of(ref);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  int done = 0;
  for (long n = 0; n < 2000 && !done; n++) {
    gk_aggregate *a = NULL, *b = NULL, *c = NULL;
    char *j = NULL, *j2 = NULL;
    size_t len;
    gk__alloc_fail_after(n);
    int rc = gk_aggregate_new(&a, 0);
    if (!rc) rc = gk_aggregate_new(&b, 0);
    for (int k = 0; !rc && k < 2; k++) {
      rc = gk_aggregate_add(a, rs[k], d);
      if (rc) CU_ASSERT_EQUAL(gk_aggregate_count(a), (uint64_t)k);
    }
    for (int k = 2; !rc && k < 4; k++) rc = gk_aggregate_add(b, rs[k], d);
    if (!rc) {
      rc = gk_aggregate_merge(a, b);
      if (rc) CU_ASSERT_EQUAL(gk_aggregate_count(a), 2);
    }
    if (!rc) rc = gk_aggregate_to_json(&j, &len, a);
    if (!rc) rc = gk_aggregate_from_json(&c, j, len, d);
    if (!rc) rc = gk_aggregate_to_json(&j2, &len, c);
    gk__alloc_fail_after(-1);
    CU_ASSERT(rc == GK_OK || rc == GK_ENOMEM);
    if (!rc) {
      CU_ASSERT_STRING_EQUAL(j2, ref_json);
      done = 1;
    }
    gk_free(j);
    gk_free(j2);
    gk_aggregate_free(a);
    gk_aggregate_free(b);
    gk_aggregate_free(c);
    gk_diags_clear(d);
  }
  CU_ASSERT_TRUE(done);
  gk_diags_free(d);
  gk_free(ref_json);
  gk_aggregate_free(ref);
  free_all(rs, 4);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"test_aggregate_same_edition_2019", test_aggregate_same_edition_2019},
    {"test_aggregate_units", test_aggregate_units},
    {"test_aggregate_same_edition_2021_other", test_aggregate_same_edition_2021_other},
    {"test_aggregate_mixed_editions", test_aggregate_mixed_editions},
    {"test_aggregate_overflow", test_aggregate_overflow},
    {"test_aggregate_overlap", test_aggregate_overlap},
    {"test_aggregate_partition_invariance", test_aggregate_partition_invariance},
    {"test_aggregate_json_roundtrip_and_errors", test_aggregate_json_roundtrip_and_errors},
    {"test_aggregate_jsonl_bad_line", test_aggregate_jsonl_bad_line},
    {"test_aggregate_jsonl_overflow_line", test_aggregate_jsonl_overflow_line},
    {"test_aggregate_contributor_flag_merge", test_aggregate_contributor_flag_merge},
    {"test_aggregate_jsonl_long_line", test_aggregate_jsonl_long_line},
    {"test_aggregate_real_reports", test_aggregate_real_reports},
    {"test_aggregate_alloc_failures", test_aggregate_alloc_failures},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("aggregate", tests);
}
