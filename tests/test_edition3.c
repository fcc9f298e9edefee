/* SPDX-License-Identifier: MIT */
/* A third edition, declared here through the test-only registration hook
 * (gk__edition_register, GK_TEST_HOOKS) and built from the 2021 declarations:
 * one row added (requests other.withdrawn, a fourth child of （六）其他处理), one
 * column renamed (active decisions -> rulings), one row removed (active coercion),
 * its own labels, relations, cross-edition correspondences and cross-year identity.
 * Nothing outside the declarations knows it: every engine must walk them. Every
 * report of this file goes through JSON, CSV, text export and import, Markdown,
 * validation, a series across the edition change and a consolidation. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"

#define ED3 2025 /* the third edition's id, above the declared ones */
#define ED3_YEAR 2025

static gk__row_decl ed3_active_rows[8], ed3_requests_rows[32];
static gk__col_decl ed3_active_cols[GK__MAX_COLS];
static gk__term ed3_balance[4], ed3_outcome[7];
static gk__relation ed3_relations[8];
static gk__edition ed3;

static const gk__edition_common ed3_commons[] = {
  {GK_TABLE_ACTIVE, "regulations",
   {{GK_EDITION_2019, "made"}, {GK_EDITION_2021, "issued"}, {ED3, "issued"}}},
  {GK_TABLE_ACTIVE, "licensing",
   {{GK_EDITION_2019, "decisions"}, {GK_EDITION_2021, "decisions"}, {ED3, "rulings"}}},
  {GK_TABLE_ACTIVE, "penalty",
   {{GK_EDITION_2019, "decisions"}, {GK_EDITION_2021, "decisions"}, {ED3, "rulings"}}},
};
static const gk__xrelation ed3_cross[] = {
  {"series.in_force", ED3, GK_TABLE_ACTIVE, NULL, "in_force", 0, 0,
   {{1, NULL, "in_force", 1}, {0, NULL, "issued", 1}, {0, NULL, "repealed", -1}}},
};

static size_t row_of(const gk__table_decl *t, const char *key) {
  for (size_t i = 0; i < t->nrows; i++)
    if (strcmp(t->rows[i].key, key) == 0) return i;
  CU_FAIL_FATAL("row not declared");
  return 0;
}

/* active: 2021 without coercion, column decisions renamed rulings */
static void declare_active(const gk__edition *e21) {
  const gk__table_decl *a = &e21->tables[GK_TABLE_ACTIVE];
  size_t n = 0;
  for (size_t i = 0; i < a->nrows; i++)
    if (strcmp(a->rows[i].key, "coercion") != 0) ed3_active_rows[n++] = a->rows[i];
  memcpy(ed3_active_cols, a->cols, a->ncols * sizeof *a->cols);
  for (size_t c = 0; c < a->ncols; c++)
    if (strcmp(a->cols[c].key, "decisions") == 0)
      ed3_active_cols[c] = (gk__col_decl){"rulings", "本年作出决定数量", "Rulings this year",
                                          {"作出决定数量"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT};
  ed3.tables[GK_TABLE_ACTIVE] = (gk__table_decl){ed3_active_rows, n, ed3_active_cols, a->ncols};
}

/* requests: 2021 with other.withdrawn after other.misc; relations re-indexed */
static void declare_requests(const gk__edition *e21) {
  const gk__table_decl *q = &e21->tables[GK_TABLE_REQUESTS];
  size_t misc = row_of(q, "other.misc"), n = 0;
  for (size_t i = 0; i < q->nrows; i++) {
    ed3_requests_rows[n++] = q->rows[i];
    if (i == misc)
      ed3_requests_rows[n++] = (gk__row_decl){
          "other.withdrawn", "4.申请人撤回政府信息公开申请", "Withdrawn by the requester",
          {"申请人撤回政府信息公开申请", "申请人撤回申请"}, q->rows[misc].flags,
          q->rows[misc].colmask, q->rows[misc].parent};
  }
  gk__table_decl t = {ed3_requests_rows, n, q->cols, q->ncols};
  ed3.tables[GK_TABLE_REQUESTS] = t;
  size_t total = row_of(&t, "total");
  ed3_balance[0] = (gk__term){(int16_t)row_of(&t, "new"), 1};
  ed3_balance[1] = (gk__term){(int16_t)row_of(&t, "carried_over"), 1};
  ed3_balance[2] = (gk__term){(int16_t)total, -1};
  ed3_balance[3] = (gk__term){(int16_t)row_of(&t, "carried_forward"), -1};
  static const char *const outcomes[] = {"granted", "partial", "denied", "unavailable",
                                         "not_processed", "other"};
  ed3_outcome[0] = (gk__term){(int16_t)total, 1};
  for (size_t k = 0; k < 6; k++) ed3_outcome[k + 1] = (gk__term){(int16_t)row_of(&t, outcomes[k]), -1};
}

static void declare_ed3(void) {
  const gk__edition *e21 = gk__edition_get(GK_EDITION_2021);
  CU_ASSERT_PTR_NOT_NULL_FATAL(e21);
  ed3 = *e21;
  ed3.id = ED3;
  ed3.instrument = "（测试）第三版格式";
  ed3.first_year = ED3_YEAR;
  declare_active(e21);
  declare_requests(e21);
  CU_ASSERT_FATAL(e21->nrelations <= 8);
  for (size_t i = 0; i < e21->nrelations; i++) {
    ed3_relations[i] = e21->relations[i];
    if (strcmp(e21->relations[i].rule, "requests.balance") == 0)
      ed3_relations[i].terms = ed3_balance, ed3_relations[i].nterms = 4;
    if (strcmp(e21->relations[i].rule, "requests.outcome_total") == 0)
      ed3_relations[i].terms = ed3_outcome, ed3_relations[i].nterms = 7;
  }
  ed3.relations = ed3_relations;
  static gk__edition_ext ext;
  ext = (gk__edition_ext){&ed3, ed3_commons, sizeof ed3_commons / sizeof *ed3_commons,
                          ed3_cross, sizeof ed3_cross / sizeof *ed3_cross};
  CU_ASSERT_EQUAL_FATAL(gk__edition_register(&ext), GK_OK);
}

/* ------------------------------------------------------------------ reports */
static void set(gk_report *r, const char *path, const char *text) {
  int rc = gk_report_set_text(r, path, text, strlen(text));
  if (rc != GK_OK) fprintf(stderr, "set %s: %d\n", path, rc);
  CU_ASSERT_EQUAL_FATAL(rc, GK_OK);
}

static void set_rq(gk_report *r, const char *row, int natural, int commercial) {
  char p[96], v[32];
  snprintf(p, sizeof p, "requests/%s/natural", row);
  snprintf(v, sizeof v, "%d", natural);
  set(r, p, v);
  snprintf(p, sizeof p, "requests/%s/commercial", row);
  snprintf(v, sizeof v, "%d", commercial);
  set(r, p, v);
  snprintf(p, sizeof p, "requests/%s/total", row);
  snprintf(v, sizeof v, "%d", natural + commercial);
  set(r, p, v);
}

static const char *const other_cols[] = {"research", "social", "legal", "other_org"};

/* Every stored requests cell zero, then the flows: granted 6 + 1, other.misc 1,
 * other.withdrawn `withdrawn` + 1 when given; per column new + carried_over =
 * total + carried_forward. */
static void fill_requests(gk_report *r, int ed, int co_nat, int co_com, int withdrawn) {
  size_t nrows = gk_schema_nrows(ed, GK_TABLE_REQUESTS);
  for (size_t i = 0; i < nrows; i++) {
    if (!(gk_schema_row_flags(ed, GK_TABLE_REQUESTS, i) & GK_ROW_STORED)) continue;
    const char *key = gk_schema_row_key(ed, GK_TABLE_REQUESTS, i);
    set_rq(r, key, 0, 0);
    for (size_t c = 0; c < 4; c++) {
      char p[96];
      snprintf(p, sizeof p, "requests/%s/%s", key, other_cols[c]);
      set(r, p, "0");
    }
  }
  int tot_nat = 6 + 1 + withdrawn, tot_com = 1 + (withdrawn ? 1 : 0);
  set_rq(r, "new", 10, 2);
  set_rq(r, "carried_over", co_nat, co_com);
  set_rq(r, "granted", 6, 1);
  set_rq(r, "other.misc", 1, 0);
  if (withdrawn) set_rq(r, "other.withdrawn", withdrawn, 1);
  if (ed != ED3) set_rq(r, "other", 1, 0); /* （六） printed: its one child */
  set_rq(r, "total", tot_nat, tot_com);
  set_rq(r, "carried_forward", 10 + co_nat - tot_nat, 2 + co_com - tot_com);
}

static gk_report *report3(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, ED3, ED3_YEAR), GK_OK);
  const char *agency = "某县司法局";
  CU_ASSERT_EQUAL_FATAL(gk_report_set_agency(r, GK_AGENCY_NAME, agency, strlen(agency)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_COUNTY), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, GK_AGENCY_KIND_DEPARTMENT), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_source(r, "r.txt", 5), GK_OK);
  const char *title = "某县司法局2025年政府信息公开工作年度报告";
  CU_ASSERT_EQUAL_FATAL(gk_report_set_title(r, title, strlen(title)), GK_OK);
  const char *ov = "本机关2025年政府信息公开工作情况如下。";
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, ov, strlen(ov)), GK_OK);
  const char *pb = "存在的问题：公开不够及时。";
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_PROBLEMS, pb, strlen(pb)), GK_OK);
  const char *ot = "本年度未收取信息处理费。";
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, ot, strlen(ot)), GK_OK);
  set(r, "active/normative_docs/issued", "2");
  set(r, "active/normative_docs/repealed", "1");
  set(r, "active/normative_docs/in_force", "11");
  set(r, "active/licensing/rulings", "40");
  set(r, "active/penalty/rulings", "7");
  set(r, "active/fees/amount", "0");
  fill_requests(r, ED3, 3, 1, 3);
  for (size_t i = 0; i < gk_schema_nrows(ED3, GK_TABLE_REVIEW); i++)
    for (size_t c = 0; c < gk_schema_ncols(ED3, GK_TABLE_REVIEW); c++)
      CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_REVIEW, i, c, 0), GK_OK);
  return r;
}

static gk_report *report21(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, ED3_YEAR - 1), GK_OK);
  const char *agency = "某县司法局";
  CU_ASSERT_EQUAL_FATAL(gk_report_set_agency(r, GK_AGENCY_NAME, agency, strlen(agency)), GK_OK);
  set(r, "active/normative_docs/issued", "3");
  set(r, "active/normative_docs/in_force", "10");
  set(r, "active/licensing/decisions", "30");
  set(r, "active/coercion/decisions", "5");
  fill_requests(r, GK_EDITION_2021, 0, 0, 0);
  return r;
}

/* number of findings of `rule` (with `cell` among their cells when given) */
static size_t count_rule(const gk_diags *d, const char *rule, const char *cell) {
  size_t n = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    if (strcmp(gk_diag_rule(d, i), rule) != 0) continue;
    int has = cell == NULL;
    for (size_t k = 0; k < gk_diag_ncells(d, i) && !has; k++)
      has = strcmp(gk_diag_cell(d, i, k), cell) == 0;
    n += has;
  }
  return n;
}

static void dump(const gk_diags *d) {
  for (size_t i = 0; i < gk_diags_count(d); i++)
    fprintf(stderr, "  [%d] %s %s\n", gk_diag_severity(d, i), gk_diag_rule(d, i),
            gk_diag_message(d, i, GK_LANG_EN));
}

/* ------------------------------------------------------------------ tests */
static void test_edition3_declared(void) {
  CU_ASSERT_EQUAL(gk_schema_edition_count(), gk__neditions + 1);
  CU_ASSERT_EQUAL(gk_schema_edition_id(gk__neditions), ED3);
  CU_ASSERT_EQUAL(gk_schema_edition_valid(ED3), 1);
  CU_ASSERT_EQUAL(gk_schema_edition_for_year(ED3_YEAR), ED3);
  CU_ASSERT_EQUAL(gk_schema_edition_for_year(ED3_YEAR - 1), GK_EDITION_2021);
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &row, &col, ED3, "requests/other.withdrawn/total", (size_t)-1),
                  GK_OK);
  CU_ASSERT_EQUAL(gk_schema_row_parent(ED3, t, row),
                  (int)row_of(&ed3.tables[GK_TABLE_REQUESTS], "other"));
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &row, &col, ED3, "active/coercion/rulings", (size_t)-1),
                  GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &row, &col, ED3, "active/licensing/decisions", (size_t)-1),
                  GK_ENOTFOUND);
  CU_ASSERT_STRING_EQUAL(gk__edition_common_col(GK_TABLE_ACTIVE, "licensing", "rulings", ED3,
                                                GK_EDITION_2021), "decisions");
  /* rules: those of every edition and those since 2021 cover it, the 2019 ones not */
  size_t k;
  CU_ASSERT_EQUAL_FATAL(gk_rule_find(&k, "requests.row_total"), GK_OK);
  CU_ASSERT_EQUAL(gk_rule_applies_to(k, ED3), 1);
  CU_ASSERT_EQUAL_FATAL(gk_rule_find(&k, "text.fee"), GK_OK);
  CU_ASSERT_EQUAL(gk_rule_applies_to(k, ED3), 1);
  CU_ASSERT_EQUAL_FATAL(gk_rule_find(&k, "series.items"), GK_OK);
  CU_ASSERT_EQUAL(gk_rule_applies_to(k, ED3), 0);
  /* a second registration below the declared ids is refused */
  gk__edition low = ed3;
  low.id = GK_EDITION_2019;
  gk__edition_ext bad = {&low, NULL, 0, NULL, 0};
  CU_ASSERT_EQUAL(gk__edition_register(&bad), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_schema_edition_id(gk__neditions), ED3);
}

static void test_edition3_json(void) {
  gk_report *r = report3(), *back = NULL;
  char *js = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_json(&js, &n, r, 0), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(js, "\"edition\":\"2025\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(js, "other.withdrawn"));
  CU_ASSERT_PTR_NOT_NULL(strstr(js, "rulings"));
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&back, js, n, "r.json", d), GK_OK);
  dump(d);
  CU_ASSERT_EQUAL(gk_report_edition(back), ED3);
  CU_ASSERT_EQUAL(gk_report_equal(r, back, 0), 1);
  GK_ASSERT_CELL(back, "requests/other.withdrawn/total", "4");
  GK_ASSERT_CELL(back, "requests/other/total", "5"); /* misc 1 + withdrawn 4 */
  gk_free(js);
  gk_diags_free(d);
  gk_report_free(back);
  gk_report_free(r);
}

static void test_edition3_csv(void) {
  gk_report *r = report3();
  char *csv = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_csv(&csv, &n, r, 0), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",2025,requests,other.withdrawn,total,value,4"));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, ",active,licensing,rulings,value,40"));
  CU_ASSERT_PTR_NULL(strstr(csv, "coercion"));
  gk_free(csv);
  CU_ASSERT_EQUAL_FATAL(gk_report_to_csv(&csv, &n, r, GK_CSV_EXCEL), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "本年作出决定数量"));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "申请人撤回政府信息公开申请"));
  gk_free(csv);
  gk_report_free(r);
}

static void test_edition3_text(void) {
  gk_report *r = report3(), *back = NULL;
  char *txt = NULL, *md = NULL;
  size_t n = 0, mn = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&txt, &n, r), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(txt, "4.申请人撤回政府信息公开申请"));
  CU_ASSERT_PTR_NOT_NULL(strstr(txt, "本年作出决定数量"));
  CU_ASSERT_PTR_NULL(strstr(txt, "行政强制"));
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&back, txt, n, "r.txt", d), GK_OK);
  dump(d);
  CU_ASSERT_EQUAL(gk_report_edition(back), ED3);
  CU_ASSERT_EQUAL(gk_report_equal(r, back, 0), 1);
  if (gk_report_equal(r, back, 0) != 1) {
    char *j1 = NULL, *j2 = NULL;
    gk_report_to_json(&j1, NULL, r, GK_JSON_PRETTY);
    gk_report_to_json(&j2, NULL, back, GK_JSON_PRETTY);
    fprintf(stderr, "%s\n----\n%s\n", j1, j2);
    gk_free(j1);
    gk_free(j2);
  }
  GK_ASSERT_CELL(back, "requests/other.withdrawn/natural", "3");
  GK_ASSERT_CELL(back, "active/penalty/rulings", "7");
  gk_report_free(back);
  back = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &mn, r), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "申请人撤回政府信息公开申请"));
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "本年作出决定数量"));
  CU_ASSERT_PTR_NULL(strstr(md, "行政强制"));
  gk_diags_clear(d);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&back, md, mn, "r.md", d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(back), ED3);
  GK_ASSERT_CELL(back, "requests/other.withdrawn/total", "4");
  gk_free(txt);
  gk_free(md);
  gk_diags_free(d);
  gk_report_free(back);
  gk_report_free(r);
}

static void test_edition3_validate(void) {
  gk_report *r = report3();
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
  dump(d);
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_WARNING), 0);
  /* the new row's total off by one: its row total fires on it, the outcome total
   * (which counts the new row through （六）) on the total column; the balance
   * does not read the new row and stays quiet */
  set(r, "requests/other.withdrawn/total", "5");
  gk_diags_clear(d);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
  dump(d);
  CU_ASSERT_EQUAL(count_rule(d, "requests.row_total", "requests/other.withdrawn/total"), 1);
  CU_ASSERT_EQUAL(count_rule(d, "requests.outcome_total", "requests/other.withdrawn/total"), 1);
  CU_ASSERT_EQUAL(count_rule(d, "requests.balance", NULL), 0);
  /* text.fee covers the edition: section 六 without the fee fires */
  const char *ot = "无其他需要报告的事项。";
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, ot, strlen(ot)), GK_OK);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(count_rule(d, "text.fee", NULL), 1);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_edition3_series(void) {
  gk_series *s = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  gk_report *a = report21(), *b = report3();
  CU_ASSERT_EQUAL_FATAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_series_add(s, b), GK_OK);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_series_validate(s, NULL, d), GK_OK);
  dump(d);
  CU_ASSERT_EQUAL(count_rule(d, "series.carry", NULL), 0);
  CU_ASSERT_EQUAL(count_rule(d, "series.gap", NULL), 0);
  /* the trend compares decisions (2021) with rulings (the new edition) */
  int found = 0;
  for (size_t i = 0; i < gk_series_trend_count(s); i++) {
    const char *p = gk_series_trend_path(s, i);
    CU_ASSERT_PTR_NULL(strstr(p, "coercion/rulings"));
    if (strcmp(p, "active/licensing/rulings") != 0) continue;
    found = 1;
    CU_ASSERT_EQUAL(gk_series_trend_comparable(s, i), 1);
    int st;
    int64_t v;
    CU_ASSERT_EQUAL(gk_series_trend_value(&st, &v, s, i, 0), GK_OK);
    CU_ASSERT_EQUAL(v, 30);
    CU_ASSERT_EQUAL(gk_series_trend_value(&st, &v, s, i, 1), GK_OK);
    CU_ASSERT_EQUAL(v, 40);
  }
  CU_ASSERT_EQUAL(found, 1);
  gk_series_free(s);
  /* carried over broken across the change: series.carry fires */
  set(b, "requests/carried_over/total", "5");
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_series_add(s, b), GK_OK);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL_FATAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(count_rule(d, "series.carry", NULL), 1);
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), "series.carry") == 0)
      CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_ERROR); /* on the total column */
  gk_series_free(s);
  gk_diags_free(d);
  gk_report_free(a);
  gk_report_free(b);
}

static void test_edition3_aggregate(void) {
  gk_aggregate *g = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&g, 0), GK_OK);
  gk_report *a = report3(), *b = report3(), *c = report21();
  const char *other = "某县财政局";
  CU_ASSERT_EQUAL(gk_report_set_agency(b, GK_AGENCY_NAME, other, strlen(other)), GK_OK);
  set(b, "active/licensing/rulings", "2");
  const char *third = "某县教育局";
  CU_ASSERT_EQUAL(gk_report_set_agency(c, GK_AGENCY_NAME, third, strlen(third)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_year(c, ED3_YEAR), GK_OK);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(g, a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(g, b, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(g, c, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(g), 3);
  CU_ASSERT_EQUAL(gk_aggregate_edition(g), ED3);
  CU_ASSERT_EQUAL(gk_aggregate_mixed(g), 1);
  gk_report *sum = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&sum, g, "合计"), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(sum), ED3);
  GK_ASSERT_CELL(sum, "active/licensing/rulings", "72");   /* 40 + 2 + 30 */
  GK_ASSERT_CELL(sum, "requests/other/total", "11");       /* 5 + 5 + 1 */
  GK_ASSERT_CELL(sum, "requests/total/total", "32");       /* 12 + 12 + 8 */
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_aggregate_check(g, d), GK_OK);
  dump(d);
  CU_ASSERT_EQUAL(count_rule(d, "aggregate.editions", NULL), 1);
  /* the saved consolidation reads back */
  char *js = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_to_json(&js, &n, g), GK_OK);
  gk_aggregate *g2 = NULL;
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_aggregate_from_json(&g2, js, n, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(g2), 3);
  gk_free(js);
  gk_aggregate_free(g2);
  gk_report_free(sum);
  gk_diags_free(d);
  gk_aggregate_free(g);
  gk_report_free(a);
  gk_report_free(b);
  gk_report_free(c);
}

/* One capacity, GK__MAX_EDITIONS: editions registered up to it are known (and a
 * consolidation holds a report of each); one more is refused with an error and
 * the known ones stay as they were. Runs last: it adds editions. */
static void test_edition3_capacity(void) {
  static gk__edition more[GK__MAX_EDITIONS];
  static gk__edition_ext more_ext[GK__MAX_EDITIONS];
  size_t n = gk_schema_edition_count(), k = 0;
  CU_ASSERT_FATAL(n >= 1 && n <= GK__MAX_EDITIONS);
  for (;; k++) {
    more[k] = ed3;
    more[k].id = ED3 + 1 + (int)k;
    more[k].first_year = more[k].last_year = ED3_YEAR + 1 + (int)k;
    more_ext[k] = (gk__edition_ext){&more[k], NULL, 0, NULL, 0};
    int rc = gk__edition_register(&more_ext[k]);
    if (n + k == GK__MAX_EDITIONS) {
      CU_ASSERT_EQUAL(rc, GK_EUNSUPPORTED); /* beyond the capacity: refused */
      break;
    }
    CU_ASSERT_EQUAL_FATAL(rc, GK_OK);
  }
  CU_ASSERT_EQUAL(gk_schema_edition_count(), GK__MAX_EDITIONS);
  CU_ASSERT_PTR_NULL(gk__edition_get(more[k].id));
  CU_ASSERT_EQUAL(gk_schema_edition_id(GK__MAX_EDITIONS), 0);
  gk_aggregate *g = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&g, 0), GK_OK);
  for (size_t i = 0; i < GK__MAX_EDITIONS; i++) { /* one report of every edition */
    gk_report *r = NULL;
    gk_edition e = gk_schema_edition_id(i);
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, e, gk__edition_get(e)->first_year), GK_OK);
    set(r, "requests/new/total", "3");
    char name[32];
    snprintf(name, sizeof name, "某县第%zu局", i + 1);
    CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
    CU_ASSERT_EQUAL(gk_aggregate_add(g, r, NULL), GK_OK);
    gk_report_free(r);
  }
  CU_ASSERT_EQUAL(gk_aggregate_count(g), GK__MAX_EDITIONS);
  gk_aggregate_free(g);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"register", declare_ed3}, /* first: before any other use of the library */
    {"declared", test_edition3_declared},
    {"json", test_edition3_json},
    {"csv", test_edition3_csv},
    {"text_markdown", test_edition3_text},
    {"validate", test_edition3_validate},
    {"series", test_edition3_series},
    {"aggregate", test_edition3_aggregate},
    {"capacity", test_edition3_capacity}, /* last: registers more editions */
    CU_TEST_INFO_NULL,
  };
  int rc = gk_test_main("edition3", tests);
  gk__edition_register(NULL);
  return rc;
}
