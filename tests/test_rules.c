/* SPDX-License-Identifier: MIT */
/* The rule catalogue (format.md §7) and the validation options, through the
 * public API, plus the internal catalogue helpers the rule modules use. */
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "rules_int.h"

/* Every rule id of format.md §7, in order, with its severity, scope and editions. */
static const struct {
  const char *id;
  int sev;
  const char *scope;
  int e2019, e2021;
} expected_rules[] = {
  {"requests.balance", GK_SEV_ERROR, "report", 1, 1},
  {"requests.row_total", GK_SEV_ERROR, "report", 1, 1},
  {"requests.outcome_total", GK_SEV_ERROR, "report", 1, 1},
  {"review.total", GK_SEV_ERROR, "report", 1, 1},
  {"cell.value", GK_SEV_ERROR, "report", 1, 1},
  {"cell.blank", GK_SEV_WARNING, "report", 1, 1},
  {"report.year", GK_SEV_ERROR, "report", 1, 1},
  {"edition.year", GK_SEV_WARNING, "report", 1, 1},
  {"active.cumulative", GK_SEV_WARNING, "report", 1, 0},
  {"active.rulemaking", GK_SEV_WARNING, "report", 1, 1},
  {"active.misread_delta", GK_SEV_INFO, "report", 1, 0},
  {"text.sections", GK_SEV_WARNING, "text", 1, 1},
  {"text.period", GK_SEV_WARNING, "text", 1, 1},
  {"text.sum", GK_SEV_WARNING, "text", 1, 1},
  {"text.table", GK_SEV_WARNING, "text", 1, 1},
  {"text.fee", GK_SEV_WARNING, "text", 0, 1},
  {"text.placeholder", GK_SEV_WARNING, "text", 1, 1},
  {"series.carry", GK_SEV_ERROR, "series", 1, 1},
  {"series.in_force", GK_SEV_WARNING, "series", 0, 1},
  {"series.items", GK_SEV_WARNING, "series", 1, 0},
  {"series.cumulative", GK_SEV_WARNING, "series", 1, 0},
  {"series.gap", GK_SEV_WARNING, "series", 1, 1},
  {"series.agency", GK_SEV_ERROR, "series", 1, 1},
  {"series.copied_text", GK_SEV_WARNING, "series", 1, 1},
  {"aggregate.overlap", GK_SEV_WARNING, "aggregate", 1, 1},
  {"aggregate.editions", GK_SEV_INFO, "aggregate", 1, 1},
  {"aggregate.literal", GK_SEV_WARNING, "aggregate", 1, 1},
  {"aggregate.unit", GK_SEV_WARNING, "aggregate", 1, 1},
  {"aggregate.overflow", GK_SEV_ERROR, "aggregate", 1, 1},
  {"aggregate.duplicate", GK_SEV_ERROR, "aggregate", 1, 1},
  {"aggregate.years", GK_SEV_ERROR, "aggregate", 1, 1},
  {"aggregate.incomplete", GK_SEV_WARNING, "aggregate", 1, 1},
  {"aggregate.contributor", GK_SEV_ERROR, "aggregate", 1, 1},
  {"aggregate.repaired", GK_SEV_INFO, "aggregate", 1, 1},
  {"json.syntax", GK_SEV_ERROR, "import", 1, 1},
  {"json.type", GK_SEV_ERROR, "import", 1, 1},
  {"json.key", GK_SEV_ERROR, "import", 1, 1},
  {"json.edition", GK_SEV_ERROR, "import", 1, 1},
  {"json.value", GK_SEV_ERROR, "import", 1, 1},
  {"csv.syntax", GK_SEV_ERROR, "import", 1, 1},
  {"csv.key", GK_SEV_ERROR, "import", 1, 1},
  {"csv.value", GK_SEV_ERROR, "import", 1, 1},
  {"jsonl.line", GK_SEV_ERROR, "import", 1, 1},
  {"import.encoding", GK_SEV_ERROR, "import", 1, 1},
  {"import.not_report", GK_SEV_ERROR, "import", 1, 1},
  {"import.converted", GK_SEV_INFO, "import", 1, 1},
  {"import.edition", GK_SEV_INFO, "import", 1, 1},
  {"import.legacy", GK_SEV_INFO, "import", 1, 1},
  {"import.split", GK_SEV_INFO, "import", 1, 1},
  {"import.ambiguous", GK_SEV_WARNING, "import", 1, 1},
  {"import.unknown_row", GK_SEV_WARNING, "import", 1, 1},
  {"import.missing_row", GK_SEV_WARNING, "import", 1, 1},
  {"import.missing_table", GK_SEV_WARNING, "import", 1, 1},
  {"import.truncated", GK_SEV_WARNING, "import", 1, 1},
  {"import.value", GK_SEV_WARNING, "import", 1, 1},
  {"import.too_large", GK_SEV_ERROR, "import", 1, 1},
  {"import.duplicate_table", GK_SEV_WARNING, "import", 1, 1},
  {"import.agency", GK_SEV_INFO, "import", 1, 1},
  {"import.region", GK_SEV_INFO, "import", 1, 1},
  {"import.unknown_column", GK_SEV_INFO, "import", 1, 1},
};
#define NEXP (sizeof expected_rules / sizeof expected_rules[0])

static void test_rules_catalogue(void) {
  CU_ASSERT_EQUAL_FATAL(gk_rule_count(), NEXP);
  for (size_t i = 0; i < NEXP; i++) {
    CU_ASSERT_STRING_EQUAL(gk_rule_id(i), expected_rules[i].id);
    CU_ASSERT_EQUAL(gk_rule_severity(i), expected_rules[i].sev);
    CU_ASSERT_STRING_EQUAL(gk_rule_scope(i), expected_rules[i].scope);
    CU_ASSERT_EQUAL(gk_rule_applies_to(i, 2019), expected_rules[i].e2019);
    CU_ASSERT_EQUAL(gk_rule_applies_to(i, 2021), expected_rules[i].e2021);
    CU_ASSERT_EQUAL(gk_rule_applies_to(i, 2020), 0);
    CU_ASSERT_PTR_NOT_NULL(gk_rule_description(i, GK_LANG_ZH));
    CU_ASSERT_PTR_NOT_NULL(gk_rule_description(i, GK_LANG_EN));
    size_t k = 99;
    CU_ASSERT_EQUAL(gk_rule_find(&k, expected_rules[i].id), GK_OK);
    CU_ASSERT_EQUAL(k, i);
  }
  CU_ASSERT_STRING_EQUAL(gk_rule_description(0, GK_LANG_EN),
                         "for each column: new requests + carried over from last year = total handled + "
                         "carried forward to next year");
  CU_ASSERT_STRING_EQUAL(gk_rule_description(8, GK_LANG_ZH), "对外公开总数量小于本年新公开数量");
  /* out of range and unknown */
  CU_ASSERT_PTR_NULL(gk_rule_id(NEXP));
  CU_ASSERT_EQUAL(gk_rule_severity(NEXP), -1);
  CU_ASSERT_PTR_NULL(gk_rule_description(NEXP, GK_LANG_EN));
  CU_ASSERT_PTR_NULL(gk_rule_scope(NEXP));
  CU_ASSERT_EQUAL(gk_rule_applies_to(NEXP, 2021), 0);
  size_t k = 7;
  CU_ASSERT_EQUAL(gk_rule_find(&k, "requests.*"), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(k, 0);
  CU_ASSERT_EQUAL(gk_rule_find(&k, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_rule_find(NULL, "cell.blank"), GK_OK);
}

static void test_rules_internal_helpers(void) {
  const gk__rule_info *ri = gk__rule_find("series.copied_text");
  CU_ASSERT_PTR_NOT_NULL_FATAL(ri);
  CU_ASSERT_EQUAL(ri->scope, GK__SCOPE_SERIES);
  CU_ASSERT_EQUAL(ri->severity, GK_SEV_WARNING);
  CU_ASSERT_PTR_NULL(gk__rule_find("nope"));
  CU_ASSERT_PTR_NULL(gk__rule_find(NULL));
  /* a rule of every edition covers each declared one and nothing else; one of the
   * 2019 edition only that edition */
  for (size_t i = 0; i < gk_schema_edition_count(); i++)
    CU_ASSERT_EQUAL(gk__rule_covers(ri, gk_schema_edition_id(i)), 1);
  CU_ASSERT_EQUAL(gk__rule_covers(ri, 2020), 0);
  CU_ASSERT_EQUAL(gk__rule_covers(NULL, 2019), 0);
  const gk__rule_info *items = gk__rule_find("series.items");
  CU_ASSERT_EQUAL(gk__rule_covers(items, GK_EDITION_2019), 1);
  CU_ASSERT_EQUAL(gk__rule_covers(items, GK_EDITION_2021), 0);
  CU_ASSERT_STRING_EQUAL(gk__scope_key(GK__SCOPE_TEXT), "text");
  CU_ASSERT_STRING_EQUAL(gk__scope_key(GK__SCOPE_AGGREGATE), "aggregate");
  CU_ASSERT_STRING_EQUAL(gk__scope_key(GK__SCOPE_IMPORT), "import");
  CU_ASSERT_PTR_NULL(gk__scope_key(5));
}

static void test_rules_emit(void) {
  gk_report *r;
  gk_diags *d;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2022), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_source(r, "a.txt", 5), GK_OK);
  size_t row, col;
  CU_ASSERT_EQUAL(gk_schema_row_find(&row, 2021, GK_TABLE_REQUESTS, "carried_over"), GK_OK);
  CU_ASSERT_EQUAL(gk_schema_col_find(&col, 2021, GK_TABLE_REQUESTS, "total"), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_line(r, GK_TABLE_REQUESTS, row, col, 42), GK_OK);
  size_t k = 9;
  /* line 0 with a cell: the cell's source line; default severity from the catalogue */
  CU_ASSERT_EQUAL(gk__emit(d, r, "series.carry", "requests/carried_over/total", 0, "5", "6",
                           "中", "en", &k), GK_OK);
  CU_ASSERT_EQUAL(k, 0);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "series.carry");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "a.txt");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 42);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "requests/carried_over/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 0), "5");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "6");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH), "中");
  /* explicit severity, explicit line, no report */
  CU_ASSERT_EQUAL(gk__emit_sev(d, NULL, "series.carry", GK_SEV_WARNING, NULL, 7, NULL, NULL,
                               NULL, "x", &k), GK_OK);
  CU_ASSERT_EQUAL(k, 1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, 1), GK_SEV_WARNING);
  CU_ASSERT_EQUAL(gk_diag_line(d, 1), 7);
  CU_ASSERT_PTR_NULL(gk_diag_file(d, 1));
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 1), 0);
  CU_ASSERT_EQUAL(gk__emit(d, r, "no.such", NULL, 0, NULL, NULL, NULL, NULL, &k), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_count(d), 2);
  gk_diags_free(d);
  gk_report_free(r);
}

/* Findings made by hand, filtered by gk__diags_apply_opts. */
static gk_diags *sample_diags(void) {
  gk_diags *d;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  static const char *const rules[] = {"requests.balance", "requests.row_total", "cell.blank",
                                      "active.misread_delta", "review.total"};
  static const char *const cells[] = {"requests/total/natural", "requests/granted/total",
                                      "requests/partial/total", "active/licensing/decisions",
                                      "review/reconsideration/total"};
  for (size_t i = 0; i < 5; i++) {
    size_t k;
    CU_ASSERT_EQUAL(gk__emit(d, NULL, rules[i], cells[i], 0, NULL, NULL, NULL, NULL, &k), GK_OK);
  }
  return d;
}

static void test_rules_options(void) {
  gk_validate_opts *o;
  CU_ASSERT_EQUAL(gk_validate_opts_new(NULL), GK_EINVAL);
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_new(&o), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_set_min_severity(o, 3), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_validate_opts_set_min_severity(NULL, 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_validate_opts_enable(o, "nope.*"), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_validate_opts_disable(o, "requests.balanc"), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_validate_opts_disable(o, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "cell.blank", NULL, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "x.y", NULL, "r"), GK_ENOTFOUND);

  /* defaults keep everything */
  gk_diags *d = sample_diags();
  CU_ASSERT_EQUAL(gk__diags_apply_opts(d, 0, o), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 5);
  CU_ASSERT_EQUAL(gk__diags_apply_opts(d, 0, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 5);
  gk_diags_free(d);

  /* prefix off, one id back on (last match wins), min severity warning */
  CU_ASSERT_EQUAL(gk_validate_opts_disable(o, "requests.*"), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_enable(o, "requests.row_total"), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_set_min_severity(o, GK_SEV_WARNING), GK_OK);
  d = sample_diags();
  CU_ASSERT_EQUAL(gk__diags_apply_opts(d, 0, o), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "requests.row_total");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "cell.blank");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 2), "review.total");
  gk_diags_free(d);

  /* `from`: items before it are left alone */
  d = sample_diags();
  CU_ASSERT_EQUAL(gk__diags_apply_opts(d, 1, o), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 4);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "requests.balance");
  gk_diags_free(d);

  /* "*" turns every rule back on */
  CU_ASSERT_EQUAL(gk_validate_opts_enable(o, "*"), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_set_min_severity(o, GK_SEV_INFO), GK_OK);
  /* waivers: by rule and cell, by rule for every cell; waived items stay */
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "cell.blank", "requests/other/total", "no"),
                  GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "requests.row_total", "requests/granted/total",
                                              "机构改革"), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "review.*", NULL, "litigation pending"), GK_OK);
  d = sample_diags();
  CU_ASSERT_EQUAL(gk__diags_apply_opts(d, 0, o), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 5);
  CU_ASSERT_FALSE(gk_diag_waived(d, 0));
  CU_ASSERT_TRUE(gk_diag_waived(d, 1));
  CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(d, 1), "机构改革");
  CU_ASSERT_FALSE(gk_diag_waived(d, 2)); /* waiver names another cell */
  CU_ASSERT_FALSE(gk_diag_waived(d, 3));
  CU_ASSERT_TRUE(gk_diag_waived(d, 4));
  CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(d, 4), "litigation pending");
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_ERROR), 1);
  gk_diags_free(d);
  CU_ASSERT_EQUAL(gk__diags_apply_opts(NULL, 0, o), GK_EINVAL);
  gk_validate_opts_free(o);
  gk_validate_opts_free(NULL);
}

static void test_rules_options_enomem(void) {
  for (long n = 0;; n++) {
    gk_validate_opts *o = NULL;
    gk__alloc_fail_after(n);
    int rc = gk_validate_opts_new(&o);
    if (!rc) rc = gk_validate_opts_disable(o, "requests.*");
    if (!rc) rc = gk_validate_opts_add_waiver(o, "cell.blank", "requests/total/total", "why");
    if (!rc) rc = gk_validate_opts_add_waiver(o, "cell.value", NULL, "why");
    gk__alloc_fail_after(-1);
    gk_validate_opts_free(o);
    if (rc == GK_OK) {
      CU_ASSERT_TRUE(n >= 7);
      break;
    }
    CU_ASSERT_EQUAL_FATAL(rc, GK_ENOMEM);
  }
}

static CU_TestInfo tests[] = {
  {"test_rules_catalogue", test_rules_catalogue},
  {"test_rules_internal_helpers", test_rules_internal_helpers},
  {"test_rules_emit", test_rules_emit},
  {"test_rules_options", test_rules_options},
  {"test_rules_options_enomem", test_rules_options_enomem},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("rules", tests); }
