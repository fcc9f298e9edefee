/* SPDX-License-Identifier: MIT */
/* Schema: the editions' declarations as seen through the public API. */
#include <string.h>
#include "testutil.h"
#include "internal.h"

static void test_schema_editions(void) {
  CU_ASSERT_EQUAL(gk_schema_edition_count(), 2);
  CU_ASSERT_EQUAL(gk_schema_edition_id(0), 2019);
  CU_ASSERT_EQUAL(gk_schema_edition_id(1), 2021);
  CU_ASSERT_EQUAL(gk_schema_edition_id(2), 0);
  CU_ASSERT_TRUE(gk_schema_edition_valid(2021));
  CU_ASSERT_FALSE(gk_schema_edition_valid(2020));
  CU_ASSERT_STRING_EQUAL(gk_schema_edition_instrument(2019), "国办公开办函〔2019〕60号");
  CU_ASSERT_PTR_NULL(gk_schema_edition_instrument(1999));
  CU_ASSERT_EQUAL(gk_schema_edition_for_year(2018), 0);
  CU_ASSERT_EQUAL(gk_schema_edition_for_year(2019), 2019);
  CU_ASSERT_EQUAL(gk_schema_edition_for_year(2020), 2019);
  CU_ASSERT_EQUAL(gk_schema_edition_for_year(2021), 2021);
  CU_ASSERT_EQUAL(gk_schema_edition_for_year(2035), 2021);
}

static void test_schema_tables_and_sections(void) {
  CU_ASSERT_STRING_EQUAL(gk_schema_table_key(GK_TABLE_REQUESTS), "requests");
  CU_ASSERT_STRING_EQUAL(gk_schema_table_label(GK_TABLE_ACTIVE, GK_LANG_ZH), "主动公开政府信息情况");
  CU_ASSERT_STRING_EQUAL(gk_schema_table_label(GK_TABLE_REVIEW, GK_LANG_EN),
                         "Administrative reconsideration and litigation");
  CU_ASSERT_PTR_NULL(gk_schema_table_key(3));
  CU_ASSERT_PTR_NULL(gk_schema_table_label(-1, GK_LANG_ZH));
  CU_ASSERT_EQUAL(gk_schema_table_find("review"), GK_TABLE_REVIEW);
  CU_ASSERT_EQUAL(gk_schema_table_find("nope"), GK_ENOTFOUND);
  CU_ASSERT_STRING_EQUAL(gk_schema_section_key(GK_SECTION_PROBLEMS), "problems");
  CU_ASSERT_STRING_EQUAL(gk_schema_section_label(GK_SECTION_OVERVIEW, GK_LANG_ZH), "总体情况");
  CU_ASSERT_STRING_EQUAL(gk_schema_section_label(GK_SECTION_OTHER, GK_LANG_EN), "Other matters to report");
  CU_ASSERT_EQUAL(gk_schema_section_find("preamble"), GK_SECTION_PREAMBLE);
  CU_ASSERT_EQUAL(gk_schema_section_find("x"), GK_ENOTFOUND);
  CU_ASSERT_PTR_NULL(gk_schema_section_key(GK_NSECTIONS));
}

static size_t count_flag(int ed, uint32_t flag) {
  size_t n = 0;
  for (size_t r = 0; r < gk_schema_nrows(ed, GK_TABLE_REQUESTS); r++)
    n += (gk_schema_row_flags(ed, GK_TABLE_REQUESTS, r) & flag) != 0;
  return n;
}

static void test_schema_rows_cols(void) {
  CU_ASSERT_EQUAL(gk_schema_nrows(2019, GK_TABLE_REQUESTS), 26);
  CU_ASSERT_EQUAL(gk_schema_nrows(2021, GK_TABLE_REQUESTS), 29);
  CU_ASSERT_EQUAL(gk_schema_ncols(2021, GK_TABLE_REQUESTS), 7);
  CU_ASSERT_EQUAL(gk_schema_nrows(2019, GK_TABLE_ACTIVE), 8);
  CU_ASSERT_EQUAL(gk_schema_nrows(2021, GK_TABLE_ACTIVE), 6);
  CU_ASSERT_EQUAL(gk_schema_ncols(2019, GK_TABLE_ACTIVE), 8);
  CU_ASSERT_EQUAL(gk_schema_ncols(2021, GK_TABLE_ACTIVE), 5);
  CU_ASSERT_EQUAL(gk_schema_nrows(2019, GK_TABLE_REVIEW), 3);
  CU_ASSERT_EQUAL(gk_schema_ncols(2019, GK_TABLE_REVIEW), 5);
  CU_ASSERT_EQUAL(gk_schema_nrows(2020, GK_TABLE_REVIEW), 0);
  /* leaves: 19 outcome leaves in 2019, 21 in 2021 (the rows listed in format.md §4) */
  CU_ASSERT_EQUAL(count_flag(2019, GK_ROW_LEAF), 19);
  CU_ASSERT_EQUAL(count_flag(2021, GK_ROW_LEAF), 21);
  CU_ASSERT_EQUAL(count_flag(2019, GK_ROW_DERIVED), 3);
  CU_ASSERT_EQUAL(count_flag(2021, GK_ROW_DERIVED), 4);
  size_t row;
  CU_ASSERT_EQUAL(gk_schema_row_find(&row, 2019, GK_TABLE_REQUESTS, "denied.state_secret"), GK_OK);
  CU_ASSERT_EQUAL(row, 5);
  CU_ASSERT_STRING_EQUAL(gk_schema_row_key(2019, GK_TABLE_REQUESTS, 4), "denied");
  CU_ASSERT_EQUAL(gk_schema_row_parent(2019, GK_TABLE_REQUESTS, 5), 4);
  CU_ASSERT_EQUAL(gk_schema_row_parent(2019, GK_TABLE_REQUESTS, 4), -1);
  CU_ASSERT_EQUAL(gk_schema_row_parent(2019, GK_TABLE_REQUESTS, 99), -1);
  CU_ASSERT_STRING_EQUAL(gk_schema_row_label(2019, GK_TABLE_REQUESTS, 5, GK_LANG_ZH), "1.属于国家秘密");
  CU_ASSERT_STRING_EQUAL(gk_schema_row_label(2021, GK_TABLE_ACTIVE, 1, GK_LANG_ZH), "行政规范性文件");
  CU_ASSERT_STRING_EQUAL(gk_schema_row_label(2019, GK_TABLE_ACTIVE, 1, GK_LANG_ZH), "规范性文件");
  CU_ASSERT_EQUAL(gk_schema_row_find(&row, 2021, GK_TABLE_ACTIVE, "procurement"), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_schema_row_find(NULL, 2021, GK_TABLE_ACTIVE, "fees"), GK_EINVAL);
  size_t col;
  CU_ASSERT_EQUAL(gk_schema_col_find(&col, 2019, GK_TABLE_ACTIVE, "delta"), GK_OK);
  CU_ASSERT_EQUAL(gk_schema_col_kind(2019, GK_TABLE_ACTIVE, col), GK_KIND_SIGNED);
  CU_ASSERT_EQUAL(gk_schema_col_find(&col, 2021, GK_TABLE_ACTIVE, "amount"), GK_OK);
  CU_ASSERT_EQUAL(gk_schema_col_kind(2021, GK_TABLE_ACTIVE, col), GK_KIND_AMOUNT);
  CU_ASSERT_STRING_EQUAL(gk_schema_col_label(2021, GK_TABLE_ACTIVE, col, GK_LANG_ZH),
                         "本年收费金额（单位：万元）");
  CU_ASSERT_STRING_EQUAL(gk_schema_col_key(2019, GK_TABLE_REVIEW, 0), "upheld");
  CU_ASSERT_STRING_EQUAL(gk_schema_col_label(2019, GK_TABLE_REVIEW, 0, GK_LANG_EN), "Upheld");
  CU_ASSERT_EQUAL(gk_schema_col_kind(2019, GK_TABLE_REVIEW, 9), GK_EINVAL);
  CU_ASSERT_PTR_NULL(gk_schema_col_key(2019, GK_TABLE_REVIEW, 5));
  /* the 2019 active table: fees has prev_items and delta only */
  CU_ASSERT_EQUAL(gk_schema_row_find(&row, 2019, GK_TABLE_ACTIVE, "fees"), GK_OK);
  CU_ASSERT_TRUE(gk_schema_cell_exists(2019, GK_TABLE_ACTIVE, row, 3));
  CU_ASSERT_TRUE(gk_schema_cell_exists(2019, GK_TABLE_ACTIVE, row, 4));
  CU_ASSERT_FALSE(gk_schema_cell_exists(2019, GK_TABLE_ACTIVE, row, 5));
  CU_ASSERT_FALSE(gk_schema_cell_exists(2019, GK_TABLE_ACTIVE, row, 0));
  /* variants: 0 is the official label */
  CU_ASSERT_STRING_EQUAL(gk_schema_col_variant(2019, GK_TABLE_REVIEW, 0, 0), "结果维持");
  CU_ASSERT_STRING_EQUAL(gk_schema_col_variant(2019, GK_TABLE_REVIEW, 0, 2), "结果维护");
  CU_ASSERT_STRING_EQUAL(gk_schema_row_variant(2021, GK_TABLE_REQUESTS, 24, 3), "逾期不补正");
  CU_ASSERT_PTR_NULL(gk_schema_row_variant(2021, GK_TABLE_REQUESTS, 24, 4));
  CU_ASSERT_PTR_NULL(gk_schema_row_variant(2021, GK_TABLE_REQUESTS, 99, 0));
}

static void test_schema_paths(void) {
  int t;
  size_t r, c;
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &r, &c, 2021, "requests/denied.state_secret/natural", (size_t)-1), GK_OK);
  CU_ASSERT_EQUAL(t, GK_TABLE_REQUESTS);
  CU_ASSERT_EQUAL(r, 5);
  CU_ASSERT_EQUAL(c, 0);
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &r, &c, 2021, "review/reconsideration/total", 28), GK_OK);
  CU_ASSERT_EQUAL(t, GK_TABLE_REVIEW);
  CU_ASSERT_EQUAL(c, 4);
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &r, &c, 2019, "active/fees/decisions", (size_t)-1), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &r, &c, 2021, "active/fees/amount", (size_t)-1), GK_OK);
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &r, &c, 2021, "requests/new", (size_t)-1), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &r, &c, 2021, "foo/new/total", (size_t)-1), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_schema_path_find(&t, &r, &c, 2000, "requests/new/total", (size_t)-1), GK_EUNSUPPORTED);
  CU_ASSERT_EQUAL(gk_schema_path_find(NULL, &r, &c, 2021, "requests/new/total", (size_t)-1), GK_EINVAL);
  char buf[64];
  CU_ASSERT_EQUAL(gk_schema_path_format(buf, sizeof buf, 2021, GK_TABLE_REQUESTS, 5, 0), 36);
  CU_ASSERT_STRING_EQUAL(buf, "requests/denied.state_secret/natural");
  CU_ASSERT_EQUAL(gk_schema_path_format(buf, 9, 2021, GK_TABLE_REQUESTS, 5, 0), 36);
  CU_ASSERT_STRING_EQUAL(buf, "requests");
  CU_ASSERT_EQUAL(gk_schema_path_format(buf, sizeof buf, 2019, GK_TABLE_ACTIVE, 6, 5), GK_EINVAL);
  CU_ASSERT_STRING_EQUAL(buf, "");
}

static void test_schema_agency_keys(void) {
  CU_ASSERT_STRING_EQUAL(gk_schema_level_key(GK_LEVEL_TOWNSHIP), "township");
  CU_ASSERT_PTR_NULL(gk_schema_level_key(GK_LEVEL_UNKNOWN));
  CU_ASSERT_EQUAL(gk_schema_level_find("city"), GK_LEVEL_CITY);
  CU_ASSERT_EQUAL(gk_schema_level_find("galaxy"), GK_ENOTFOUND);
  CU_ASSERT_STRING_EQUAL(gk_schema_agency_kind_key(GK_AGENCY_KIND_DEPARTMENT), "department");
  CU_ASSERT_EQUAL(gk_schema_agency_kind_find("government"), GK_AGENCY_KIND_GOVERNMENT);
  CU_ASSERT_EQUAL(gk_schema_agency_kind_find(NULL), GK_ENOTFOUND);
  CU_ASSERT_PTR_NULL(gk_schema_agency_kind_key(7));
}

/* every declared (row, col) resolves through its own path: keys are unique */
static void test_schema_paths_roundtrip_every_cell(void) {
  for (size_t e = 0; e < gk_schema_edition_count(); e++) {
    int ed = gk_schema_edition_id(e);
    size_t cells = 0;
    for (int t = 0; t < GK_NTABLES; t++)
      for (size_t r = 0; r < gk_schema_nrows(ed, t); r++)
        for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
          if (!gk_schema_cell_exists(ed, t, r, c)) continue;
          char p[128];
          int t2;
          size_t r2, c2;
          CU_ASSERT_TRUE(gk_schema_path_format(p, sizeof p, ed, t, r, c) > 0);
          CU_ASSERT_EQUAL(gk_schema_path_find(&t2, &r2, &c2, ed, p, (size_t)-1), GK_OK);
          CU_ASSERT_TRUE(t2 == t && r2 == r && c2 == c);
          cells++;
        }
    /* 2019: active 8+8+... ; requests 26x7; review 15 */
    CU_ASSERT_EQUAL(cells, ed == 2019 ? 3 + 3 + 3 * 4 + 2 + 2 + 26 * 7 + 15 : 3 + 3 + 3 + 1 + 29 * 7 + 15);
  }
}

/* Units are declared once: every amount column's stated unit is declared, a
 * unit's text is found at the end of a cell (the longest one: 万元, not 元),
 * and what is no unit stays GK_UNIT_DEFAULT. */
static void test_schema_units(void) {
  size_t len = 99;
  CU_ASSERT_EQUAL(gk__unit_suffix("12.5万元", strlen("12.5万元"), &len), GK_UNIT_WANYUAN);
  CU_ASSERT_EQUAL(len, strlen("万元"));
  CU_ASSERT_EQUAL(gk__unit_suffix("125元", strlen("125元"), &len), GK_UNIT_YUAN);
  CU_ASSERT_EQUAL(len, strlen("元"));
  CU_ASSERT_EQUAL(gk__unit_suffix("125", 3, &len), GK_UNIT_DEFAULT);
  CU_ASSERT_EQUAL(len, 0);
  CU_ASSERT_EQUAL(gk__unit_suffix("", 0, &len), GK_UNIT_DEFAULT);
  CU_ASSERT_TRUE(gk__unit_valid(GK_UNIT_DEFAULT) && !gk__unit_valid(99) && !gk__unit_valid(-1));
  for (size_t i = 0; i < gk__nunits; i++) {
    const gk__unit_decl *u = gk__unit_decl_of(gk__units[i].unit);
    CU_ASSERT_PTR_EQUAL(u, &gk__units[i]);
    CU_ASSERT_TRUE(u->yuan > 0);
    size_t n = strlen(u->text);
    CU_ASSERT_EQUAL(gk__unit_suffix(u->text, n, &len), u->unit);
    CU_ASSERT_EQUAL(len, n);
    /* the parser and the formatter agree with the declaration */
    char buf[64];
    int64_t v = 0;
    int unit = -1;
    snprintf(buf, sizeof buf, "3.5%s", u->text);
    CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_AMOUNT, buf, strlen(buf), &v, &unit), GK_OK);
    CU_ASSERT_EQUAL(unit, u->unit);
    CU_ASSERT_EQUAL(v, 3500000);
    CU_ASSERT_TRUE(gk_value_format(buf, sizeof buf, GK_KIND_AMOUNT, (gk_unit)u->unit, 3500000) > 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(buf, u->text));
  }
  size_t stating = 0;
  for (size_t e = 0; e < gk__neditions; e++)
    for (int t = 0; t < GK_NTABLES; t++)
      for (size_t c = 0; c < gk__editions[e].tables[t].ncols; c++) {
        const gk__col_decl *cd = &gk__editions[e].tables[t].cols[c];
        CU_ASSERT_TRUE(gk__unit_valid(cd->unit));
        if (cd->unit == GK_UNIT_DEFAULT) continue;
        CU_ASSERT_EQUAL(cd->kind, GK_KIND_AMOUNT);
        CU_ASSERT_PTR_NOT_NULL(strstr(cd->zh, gk__unit_decl_of(cd->unit)->text)); /* the label says it */
        stating++;
      }
  CU_ASSERT_TRUE(stating >= 1); /* the 2021 fees column states 万元 */
}

/* The row active.rulemaking reads is declared, one per edition: 规章. */
static void test_schema_rulemaking_row(void) {
  for (size_t e = 0; e < gk_schema_edition_count(); e++) {
    int ed = gk_schema_edition_id(e);
    size_t n = 0, row = 0;
    for (size_t r = 0; r < gk_schema_nrows(ed, GK_TABLE_ACTIVE); r++)
      if (gk_schema_row_flags(ed, GK_TABLE_ACTIVE, r) & GK_ROW_RULEMAKING) n++, row = r;
    CU_ASSERT_EQUAL(n, 1);
    CU_ASSERT_STRING_EQUAL(gk_schema_row_label(ed, GK_TABLE_ACTIVE, row, GK_LANG_ZH), "规章");
    for (int t = 0; t < GK_NTABLES; t++) /* nowhere else */
      for (size_t r = 0; t != GK_TABLE_ACTIVE && r < gk_schema_nrows(ed, t); r++)
        CU_ASSERT_FALSE(gk_schema_row_flags(ed, t, r) & GK_ROW_RULEMAKING);
  }
}

int main(void) {
  CU_TestInfo tests[] = {
    {"editions", test_schema_editions},
    {"tables_and_sections", test_schema_tables_and_sections},
    {"rows_cols", test_schema_rows_cols},
    {"paths", test_schema_paths},
    {"agency_keys", test_schema_agency_keys},
    {"paths_roundtrip_every_cell", test_schema_paths_roundtrip_every_cell},
    {"units", test_schema_units},
    {"rulemaking_row", test_schema_rulemaking_row},
    CU_TEST_INFO_NULL};
  return gk_test_main("schema", tests);
}
