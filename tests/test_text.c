/* SPDX-License-Identifier: MIT */
/* Text import and export: every real report of tests/data/real, the layouts,
 * encodings, bad input, and the round trip model -> text -> model. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "testutil.h"
#include "internal.h"
#include "gkreport/text.h"

static gk_report *import_real(const char *name, gk_diags *d) {
  size_t n = 0;
  char *b = gk_test_read_data(name, 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  gk_report *r = NULL;
  int rc = gk_report_from_text(&r, b, n, name, d);
  CU_ASSERT_EQUAL(rc, GK_OK);
  free(b);
  return r;
}

static int has_rule(const gk_diags *d, const char *rule) {
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), rule) == 0) return 1;
  return 0;
}

static size_t find_rule(const gk_diags *d, const char *rule) {
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), rule) == 0) return i;
  return (size_t)-1;
}

static void assert_line(const gk_report *r, const char *path, uint32_t line) {
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_line(r, t, row, col), line);
}

/* ------------------------------------------------------------ complete reports */

static void check_truth(const char *base) {
  char name[128];
  snprintf(name, sizeof name, "%s.truth.json", base);
  size_t n = 0;
  char *js = gk_test_read_data(name, 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(js);
  cJSON *truth = cJSON_Parse(js);
  free(js);
  CU_ASSERT_PTR_NOT_NULL_FATAL(truth);
  snprintf(name, sizeof name, "%s.txt", base);
  gk_diags *d = NULL;
  gk_diags_new(&d);
  gk_report *r = import_real(name, d);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  /* a complete report imports without a warning */
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_WARNING), 0);
  CU_ASSERT_EQUAL(gk_report_year(r), cJSON_GetObjectItem(truth, "year")->valueint);
  CU_ASSERT_EQUAL(gk_report_edition(r), atoi(cJSON_GetObjectItem(truth, "edition")->valuestring));
  int ed = gk_report_edition(r);
  cJSON *cells = cJSON_GetObjectItem(truth, "cells");
  /* every cell of the truth, exactly */
  size_t ncells = 0;
  for (cJSON *c = cells->child; c; c = c->next, ncells++) {
    char want[64], got[64];
    if (cJSON_IsNumber(c)) snprintf(want, sizeof want, "%lld", (long long)c->valuedouble);
    else snprintf(want, sizeof want, "%s", c->valuestring);
    CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, c->string, GK_NUL_TERMINATED) >= 0);
    if (strcmp(want, got) != 0) fprintf(stderr, "%s %s: want %s got %s\n", base, c->string, want, got);
    CU_ASSERT_STRING_EQUAL(got, want);
    int t;
    size_t row, col;
    CU_ASSERT_EQUAL_FATAL(gk_schema_path_find(&t, &row, &col, ed, c->string, (size_t)-1), GK_OK);
    CU_ASSERT_TRUE(gk_report_line(r, t, row, col) > 0); /* every cell keeps its line */
  }
  CU_ASSERT_TRUE(ncells > 20);
  /* every other stored cell is blank */
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++) {
      if (!(gk_schema_row_flags(ed, t, row) & GK_ROW_STORED)) continue;
      for (size_t col = 0; col < gk_schema_ncols(ed, t); col++) {
        char path[160];
        if (gk_schema_path_format(path, sizeof path, ed, t, row, col) < 0) continue;
        if (cJSON_GetObjectItem(cells, path)) continue;
        const gk__cell *cell = gk__cell_at(r, t, row, col);
        CU_ASSERT_EQUAL(cell->state, GK_CELL_BLANK);
      }
    }
  gk_report_free(r);
  gk_diags_free(d);
  cJSON_Delete(truth);
}

static void test_text_import_complete_reports(void) {
  for (size_t i = 0; i < gk_test_ntruth; i++) check_truth(gk_test_truth_files[i]);
}

static void test_text_import_metadata_and_lines(void) {
  gk_report *r = import_real("2020_ganzhou-fenggang-town.txt", NULL);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "凤岗镇");
  CU_ASSERT_STRING_EQUAL(gk_report_title(r), "凤岗镇2020年政府信息公开工作年度报告");
  CU_ASSERT_STRING_EQUAL(gk_report_source(r), "2020_ganzhou-fenggang-town.txt");
  CU_ASSERT_EQUAL(gk_report_section_line(r, GK_SECTION_PREAMBLE), 5);
  CU_ASSERT_EQUAL(gk_report_section_line(r, GK_SECTION_OVERVIEW), 7);
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OTHER), "无");
  CU_ASSERT_EQUAL(strncmp(gk_report_section(r, GK_SECTION_OVERVIEW), "2020年凤岗镇坚持", 22), 0);
  assert_line(r, "active/procurement/projects", 87);
  assert_line(r, "active/procurement/amount", 88);
  GK_ASSERT_CELL(r, "active/procurement/amount", "498742.4");
  assert_line(r, "requests/new/natural", 110);
  assert_line(r, "review/litigation_after_review/total", 398);
  gk_report_free(r);

  r = import_real("2023_suqian-municipal-government.txt", NULL);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "宿迁市");
  assert_line(r, "active/fees/amount", 113);
  assert_line(r, "requests/new/total", 120);
  assert_line(r, "requests/other.unpaid_fee/total", 158);
  assert_line(r, "requests/total/total", 161);
  assert_line(r, "review/reconsideration/total", 167);
  gk_report_free(r);

  r = import_real("2019_shanghai-municipal-general-office.txt", NULL);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "上海市人民政府办公厅");
  GK_ASSERT_CELL(r, "active/procurement/amount", "251000");
  CU_ASSERT_EQUAL(gk_report_unit(r, GK_TABLE_ACTIVE, 7, 7), GK_UNIT_YUAN);
  GK_ASSERT_CELL(r, "requests/granted/total", ""); /* empty TSV field: blank */
  assert_line(r, "requests/total/total", 73);
  gk_report_free(r);

  /* two-line title ("洪泽区人民政府" / "2023 年…"), 2021 edition with （六） as one row */
  r = import_real("2023_huaian-hongze-district-government.txt", NULL);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "洪泽区人民政府");
  GK_ASSERT_CELL(r, "requests/other/total", "0");
  assert_line(r, "requests/other/total", 132);
  GK_ASSERT_CELL(r, "requests/other.misc/total", "");
  gk_report_free(r);
}

/* ------------------------------------------------------------ partial reports */
typedef struct {
  const char *file;
  int edition, year;
  size_t filled; /* non-blank stored cells */
  struct { const char *path, *text; uint32_t line; } cells[8];
  const char *rules[6];
} partial;

static const partial partials[] = {
  {"2013_hunan-daoxian-culture-bureau.txt", 2019, 2013, 0,
   {{NULL, NULL, 0}},
   {"import.legacy"}},
  {"2017_jilin-longtan-district-government.txt", 2019, 2017, 0,
   {{NULL, NULL, 0}},
   {"import.legacy"}},
  {"2017_tljq-district-township.txt", 2019, 2017, 0,
   {{NULL, NULL, 0}},
   {"import.legacy"}},
  {"2019_xiaogan-municipal-research-office.txt", 2019, 2019, 18,
   {{"active/regulations/made", "0", 12}, {"active/regulations/published", "0", 12}, {"active/coercion/decisions", "0", 21}},
   {"import.truncated"}},
  {"2019_xiongxian-township-blank-tables.txt", 2019, 2019, 0,
   {{NULL, NULL, 0}},
   {"import.ambiguous", "import.missing_row", "import.truncated"}},
  {"2019_yueyang-nanhu-district-bureau.txt", 2019, 2019, 23,
   {{"active/regulations/made", "0", 17}, {"active/regulations/published", "0", 18}, {"requests/partial/natural", "0", 108}},
   {"import.ambiguous", "import.truncated"}},
  {"2019or2020_unknown-bureau-owenbabies.txt", 2019, 0, 106,
   {{"active/regulations/made", "0", 12}, {"active/regulations/published", "0", 13}, {"active/licensing/prev_items", "6", 25}, {"active/licensing/delta", "-4", 26}, {"active/licensing/decisions", "2", 27}, {"active/penalty/prev_items", "2", 38}, {"requests/denied.query/total", "0", 159}},
   {"import.truncated"}},
  {"2020_baoji-longxian-town.txt", 2019, 2020, 0,
   {{NULL, NULL, 0}},
   {"import.truncated"}},
  {"2020_district-audit-bureau-flipbook-page9.txt", 2019, 2020, 22,
   {{"requests/carried_forward/natural", "0", 5}, {"requests/carried_forward/total", "0", 5}, {"review/reconsideration/upheld", "0", 19}, {"review/reconsideration/corrected", "0", 19}, {"review/litigation_after_review/total", "0", 19}},
   {"import.edition", "import.missing_table", "import.truncated"}},
  {"2020_ganzhou-huichang-zhongcun-township.txt", 2019, 2020, 22,
   {{"active/regulations/made", "0", 29}, {"active/regulations/published", "0", 31}, {"active/normative_docs/made", "5", 37}, {"active/normative_docs/published", "5", 39}, {"active/normative_docs/total_public", "5", 41}, {"active/procurement/projects", "1", 119}, {"active/procurement/amount", "8040", 121}},
   {"import.truncated"}},
  {"2020_jilin-fusong-donggang-town.txt", 2019, 2020, 30,
   {{"active/regulations/made", "0", 35}, {"active/regulations/published", "0", 37}, {"active/procurement/projects", "3", 125}, {"active/procurement/amount", "808", 127}, {"requests/carried_over/natural", "0", 169}},
   {"import.truncated"}},
  {"2020_jilin-fusong-songjianghe-town.txt", 2019, 2020, 18,
   {{"active/regulations/made", "0", 43}, {"active/regulations/published", "0", 45}, {"active/coercion/decisions", "0", 107}},
   {"import.truncated"}},
  {"2020_jining-weishan-liangcheng-town.txt", 2019, 2020, 36,
   {{"active/regulations/made", "0", 9}, {"active/regulations/published", "0", 9}, {"requests/carried_over/total", "0", 30}},
   {"import.truncated", "import.agency"}},
  {"2020_sichuan-qiliping-town.txt", 2019, 2020, 50,
   {{"active/regulations/made", "0", 13}, {"active/regulations/published", "0", 14}, {"requests/new/natural", "3", 72}, {"requests/new/total", "3", 78}, {"requests/granted/natural", "3", 89}, {"requests/granted/total", "3", 95}, {"requests/partial/total", "0", 103}},
   {"import.truncated"}},
  {"2020_tongchuan-yaozhou-audit-bureau.txt", 2019, 2020, 0,
   {{NULL, NULL, 0}},
   {"import.truncated"}},
  {"2020_wuhan-ecology-environment-bureau-hubei-annotated.txt", 2019, 2020, 18,
   {{"active/regulations/made", "0", 6}, {"active/regulations/published", "0", 6}, {"active/normative_docs/made", "2", 7}, {"active/normative_docs/published", "2", 7}, {"active/normative_docs/total_public", "19", 7}, {"active/licensing/prev_items", "8", 11}, {"active/coercion/decisions", "-", 16}},
   {"import.truncated", "import.unknown_row"}},
  {"2020_xianning-high-tech-zone.txt", 2019, 2020, 0,
   {{NULL, NULL, 0}},
   {"import.edition", "import.truncated"}},
  {"2020_xilingol-xiwuqi-natural-resources-bureau.txt", 2019, 2020, 0,
   {{NULL, NULL, 0}},
   {"import.edition", "import.truncated"}},
  {"2020_zibo-zhongbu-town.txt", 2019, 2020, 18,
   {{"active/regulations/made", "0", 36}, {"active/regulations/published", "0", 38}, {"active/coercion/decisions", "0", 100}},
   {"import.truncated"}},
  {"2021_datong-county-petition-bureau.txt", 2021, 2021, 9,
   {{"active/regulations/issued", "0", 21}, {"active/regulations/repealed", "0", 22}, {"active/coercion/decisions", "0", 46}},
   {"import.truncated"}},
  {"2021_enshi-laifeng-county-data-bureau.txt", 2021, 2021, 6,
   {{"active/regulations/issued", "0", 17}, {"active/regulations/repealed", "0", 17}, {"active/normative_docs/in_force", "0", 18}},
   {"import.truncated"}},
  {"2021_hanzhong-municipal-natural-resources-bureau-branch.txt", 2021, 2021, 10,
   {{"active/regulations/issued", "0", 20}, {"active/regulations/repealed", "0", 21}, {"active/fees/amount", "0", 52}},
   {"import.truncated"}},
  {"2021_hanzhong-ningqiang-county-natural-resources-bureau.txt", 2021, 2021, 9,
   {{"active/regulations/issued", "0", 33}, {"active/regulations/repealed", "0", 35}, {"active/licensing/decisions", "3", 55}, {"active/penalty/decisions", "1", 65}, {"active/coercion/decisions", "0", 69}},
   {"import.truncated"}},
  {"2021_huaian-natural-resources-planning-bureau.txt", 2021, 2021, 0,
   {{NULL, NULL, 0}},
   {"import.edition", "import.truncated"}},
  {"2021_lueyang-county-natural-resources-bureau.txt", 2019, 2021, 22,
   {{"active/regulations/made", "0", 17}, {"active/regulations/published", "0", 18}, {"active/licensing/prev_items", "61", 35}, {"active/licensing/delta", "36", 36}, {"active/licensing/decisions", "97", 37}, {"active/penalty/delta", "1", 54}, {"active/procurement/amount", "0", 85}},
   {"import.truncated"}},
  {"2021_tieling-changtu-culture-tourism-bureau.txt", 2019, 2021, 29,
   {{"active/regulations/made", "0", 33}, {"active/regulations/published", "0", 35}, {"active/licensing/prev_items", "33", 59}, {"active/other_services/prev_items", "4", 67}, {"active/other_services/decisions", "16", 71}, {"active/penalty/prev_items", "36", 85}, {"requests/new/total", "0", 167}},
   {"import.truncated"}},
  {"2021_yunnan-gengma-county-justice-bureau.txt", 2021, 2021, 21,
   {{"active/regulations/issued", "0", 14}, {"active/regulations/repealed", "0", 15}, {"active/fees/amount", "20.3", 46}, {"requests/carried_over/social", "0", 74}},
   {"import.truncated"}},
  {"2022_shanghai-municipal-counsellors-office.txt", 2021, 2022, 7,
   {{"active/regulations/issued", "0", 20}, {"active/regulations/repealed", "0", 20}, {"active/licensing/decisions", "0", 24}},
   {"import.truncated"}},
  {"2022_shanghai-municipal.txt", 2021, 2022, 0,
   {{NULL, NULL, 0}},
   {"import.edition", "import.truncated"}},
  {"2022_yiwu-niansanli-subdistrict.txt", 2021, 2022, 0,
   {{NULL, NULL, 0}},
   {"import.edition", "import.truncated"}},
  {"2023_shanghai-municipal.txt", 2021, 2023, 0,
   {{NULL, NULL, 0}},
   {"import.edition", "import.truncated"}},
  {"2023_xilingol-abag-banner-natural-resources-bureau.txt", 2021, 2023, 10,
   {{"active/regulations/issued", "0", 18}, {"active/regulations/repealed", "0", 19}, {"active/licensing/decisions", "182", 31}, {"active/penalty/decisions", "10", 39}, {"active/fees/amount", "18.871", 50}},
   {"import.truncated"}},
  {"2023_xinjiang-nilka-town.txt", 2021, 2023, 73,
   {{"active/regulations/issued", "0", 19}, {"active/regulations/repealed", "0", 21}, {"active/regulations/in_force", "6", 23}, {"requests/denied.internal/total", "0", 237}},
   {"import.truncated"}},
  {"2024_shenzhen-longgang-district-dept.txt", 2021, 2024, 86,
   {{"active/regulations/issued", "0", 8}, {"active/regulations/repealed", "0", 8}, {"active/normative_docs/issued", "5", 9}, {"active/normative_docs/repealed", "1", 9}, {"active/normative_docs/in_force", "25", 9}, {"requests/new/natural", "58", 24}, {"requests/denied.enforcement/other_org", "0", 34}},
   {"import.truncated"}},
  {"2024_unknown-market-supervision-bureau-996bkk.txt", 2021, 2024, 10,
   {{"active/regulations/issued", "0", 28}, {"active/regulations/repealed", "0", 29}, {"active/licensing/decisions", "2468", 41}, {"active/penalty/decisions", "99", 49}, {"active/coercion/decisions", "75", 52}, {"active/fees/amount", "2.02", 60}},
   {"import.truncated"}},
};

static void test_text_import_partial_reports(void) {
  for (size_t i = 0; i < sizeof partials / sizeof partials[0]; i++) {
    const partial *p = &partials[i];
    gk_diags *d = NULL;
    gk_diags_new(&d);
    gk_report *r = import_real(p->file, d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(r);
    CU_ASSERT_EQUAL(gk_report_edition(r), p->edition);
    CU_ASSERT_EQUAL(gk_report_year(r), p->year);
    size_t filled = 0;
    for (int t = 0; t < GK_NTABLES; t++) filled += gk_report_count_filled(r, t);
    if (filled != p->filled) fprintf(stderr, "%s: filled %zu\n", p->file, filled);
    CU_ASSERT_EQUAL(filled, p->filled);
    for (size_t k = 0; k < 8 && p->cells[k].path; k++) {
      GK_ASSERT_CELL(r, p->cells[k].path, p->cells[k].text);
      assert_line(r, p->cells[k].path, p->cells[k].line);
    }
    size_t nr = 0;
    for (size_t k = 0; k < 6 && p->rules[k]; k++, nr++) {
      if (!has_rule(d, p->rules[k])) fprintf(stderr, "%s: no %s\n", p->file, p->rules[k]);
      CU_ASSERT_TRUE(has_rule(d, p->rules[k]));
    }
    /* and nothing else */
    for (size_t k = 0; k < gk_diags_count(d); k++) {
      int known = 0;
      for (size_t j = 0; j < nr; j++) known |= strcmp(gk_diag_rule(d, k), p->rules[j]) == 0;
      CU_ASSERT_TRUE(known);
    }
    gk_report_free(r);
    gk_diags_free(d);
  }
}

static void test_text_import_diagnostics(void) {
  gk_diags *d = NULL;
  gk_diags_new(&d);
  /* blank cells dropped: "3 | 3 |" cannot be placed */
  gk_report *r = import_real("2019_yueyang-nanhu-district-bureau.txt", d);
  size_t i = find_rule(d, "import.ambiguous");
  CU_ASSERT_EQUAL_FATAL(i == (size_t)-1, 0);
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 95);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_WARNING);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 0), "requests/new/natural");
  GK_ASSERT_CELL(r, "requests/new/natural", "");
  GK_ASSERT_CELL(r, "requests/new/total", "");
  assert_line(r, "requests/new/total", 95);
  i = find_rule(d, "import.truncated");
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 113);
  gk_report_free(r);
  gk_diags_clear(d);

  /* an extra row (其他主动公开文件) is reported, "-" is kept as a literal */
  r = import_real("2020_wuhan-ecology-environment-bureau-hubei-annotated.txt", d);
  i = find_rule(d, "import.unknown_row");
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 8);
  CU_ASSERT_STRING_EQUAL(gk_report_literal(r, GK_TABLE_ACTIVE, 5, 5), "-");
  GK_ASSERT_CELL(r, "active/licensing/decisions", "93");
  gk_report_free(r);
  gk_diags_clear(d);

  /* signed text in a cell: "减4" */
  r = import_real("2019or2020_unknown-bureau-owenbabies.txt", d);
  GK_ASSERT_CELL(r, "active/licensing/delta", "-4");
  GK_ASSERT_CELL(r, "active/procurement/amount", "52.15");
  gk_report_free(r);
  gk_diags_clear(d);

  /* legacy reports: no tables, and said so */
  r = import_real("2013_hunan-daoxian-culture-bureau.txt", d);
  CU_ASSERT_EQUAL(gk_report_year(r), 2013);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "道县文广新局");
  for (int t = 0; t < GK_NTABLES; t++) CU_ASSERT_EQUAL(gk_report_count_filled(r, t), 0);
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "import.legacy");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_INFO);
  gk_report_free(r);
  gk_diags_free(d);
}

/* ------------------------------------------------------------ layouts */
static gk_report *import_str(const char *s, gk_diags *d) {
  gk_report *r = NULL;
  int rc = gk_report_from_text(&r, s, strlen(s), "t.txt", d);
  CU_ASSERT_EQUAL(rc, GK_OK);
  return r;
}

static void test_text_import_layouts(void) {
  /* pipe rows, Traditional labels, spaces inside labels, full-width digits,
   * "+3" deltas, amounts with a unit, a lost ordinal */
  const char *doc =
    "某某局2020年政府信息公開工作年度報告\n"
    "、主動公開政府信息情況\n"
    "信息內容 | 本年新製作數量 | 本年新公開數量 | 對外公開總數量 |\n"
    "規    章 | 1 | 2 | 3 |\n"
    "規範性文件 | ４ | 5 | 6 |\n"
    "信息內容 | 上一年項目數量 | 本年增/減 | 處理決定數量 |\n"
    "行政許可 | 10 | +3 | 7 |\n"
    "其他對外管理服務事項 | 1 | 減1 | 0 |\n"
    "行政處罰 | 2 | - | / |\n"
    "行政強制 | 0 | 0 | 0 |\n"
    "行政事業性收費 | 5 | -2 |\n"
    "政府集中採購 | 12 | 3.5万元 |\n"
    "三、收到和处理政府信息公开申请情况\n"
    "一、本年新收政府信息公开申请数量\t1\t2\t\t\t\t\t3\n"
    "四、政府信息公开行政复议、行政诉讼情况\n"
    "结果维护 结果纠正 其他结果 尚未审结 总计\n"
    "1 0 0 0 1 0 0 0 0 0 0 0 0 0 0\n"
    "五、存在的主要问题及改进情况\n无\n六、其他需要报告的事项\n无\n";
  gk_diags *d = NULL;
  gk_diags_new(&d);
  gk_report *r = import_str(doc, d);
  CU_ASSERT_EQUAL(gk_report_edition(r), 2019);
  CU_ASSERT_EQUAL(gk_report_year(r), 2020);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "某某局");
  GK_ASSERT_CELL(r, "active/regulations/total_public", "3");
  assert_line(r, "active/regulations/made", 4);
  GK_ASSERT_CELL(r, "active/normative_docs/made", "4");
  GK_ASSERT_CELL(r, "active/licensing/delta", "3");
  GK_ASSERT_CELL(r, "active/other_services/delta", "-1");
  GK_ASSERT_CELL(r, "active/penalty/delta", "-");
  GK_ASSERT_CELL(r, "active/penalty/decisions", "/");
  GK_ASSERT_CELL(r, "active/fees/delta", "-2");
  GK_ASSERT_CELL(r, "active/procurement/amount", "3.5");
  CU_ASSERT_EQUAL(gk_report_unit(r, GK_TABLE_ACTIVE, 7, 7), GK_UNIT_WANYUAN);
  GK_ASSERT_CELL(r, "requests/new/natural", "1");
  GK_ASSERT_CELL(r, "requests/new/research", "");
  GK_ASSERT_CELL(r, "requests/new/total", "3");
  GK_ASSERT_CELL(r, "review/reconsideration/upheld", "1");
  GK_ASSERT_CELL(r, "review/reconsideration/total", "1");
  assert_line(r, "review/litigation_after_review/total", 17);
  /* the rows after 一 were not in the text */
  CU_ASSERT_TRUE(has_rule(d, "import.missing_row"));
  gk_report_free(r);
  gk_diags_free(d);

  /* 2021 headers decide the edition even with a 2020 year in the title */
  r = import_str("X局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
                 "规章\t1\t0\t5\n", NULL);
  CU_ASSERT_EQUAL(gk_report_edition(r), 2021);
  GK_ASSERT_CELL(r, "active/regulations/in_force", "5");
  gk_report_free(r);
}

/* The relations decide between readings: a run-together "51" splits into 5 and 1
 * when that is the only split for which requests.row_total holds; "3 | 3" with
 * five blanks dropped fits many readings and stays blank. */
static void test_text_import_split(void) {
  const char *doc =
    "某局2021年政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    "一、本年新收政府信息公开申请数量 | 3402 | 99 | 0 | 4 | 51 | 3511 |\n"
    "二、上年结转政府信息公开申请数量 | 3 | 3 |\n"
    "（一）予以公开 | 1 | 0 | 0 | 0 | 0 | 11 |\n"
    "四、政府信息公开行政复议、行政诉讼情况\n";
  gk_diags *d = NULL;
  gk_diags_new(&d);
  gk_report *r = import_str(doc, d);
  GK_ASSERT_CELL(r, "requests/new/legal", "5");
  GK_ASSERT_CELL(r, "requests/new/other_org", "1");
  GK_ASSERT_CELL(r, "requests/new/total", "3511");
  size_t i = find_rule(d, "import.split");
  CU_ASSERT_EQUAL_FATAL(i == (size_t)-1, 0);
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 3);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_INFO);
  GK_ASSERT_CELL(r, "requests/carried_over/natural", "");
  CU_ASSERT_EQUAL(gk_diag_line(d, find_rule(d, "import.ambiguous")), 4);
  /* "11" splits only as 1 | 1, and 1 + 0 + 0 + 0 + 0 + 1 is not 1: no reading fits */
  GK_ASSERT_CELL(r, "requests/granted/total", "");
  gk_report_free(r);
  gk_diags_free(d);
}

/* ------------------------------------------------------------ bad input */
static void test_text_import_bad_input(void) {
  gk_diags *d = NULL;
  gk_diags_new(&d);
  gk_report *r = (gk_report *)1;
  /* not a report */
  const char *poem = "床前明月光\n疑是地上霜\n";
  CU_ASSERT_EQUAL(gk_report_from_text(&r, poem, strlen(poem), "poem.txt", d), GK_EPARSE);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "import.not_report");
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "poem.txt");
  CU_ASSERT_EQUAL(gk_report_from_text(&r, "", 0, NULL, NULL), GK_EPARSE);
  /* NUL bytes */
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_from_text(&r, "一、总体情况\0x", 20, NULL, d), GK_EENCODING);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "import.encoding");
  /* binary garbage: neither UTF-8 nor GB18030 */
  gk_diags_clear(d);
  unsigned char junk[4096];
  unsigned x = 12345;
  for (size_t i = 0; i < sizeof junk; i++) {
    x = x * 1103515245u + 12345u;
    junk[i] = (unsigned char)((x >> 16) | 0x80);
  }
  junk[100] = 0xFF;
  CU_ASSERT_EQUAL(gk_report_from_text(&r, (const char *)junk, sizeof junk, NULL, d), GK_EENCODING);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "import.encoding");
  CU_ASSERT_EQUAL(gk_report_from_text(NULL, "x", 1, NULL, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_from_text(&r, NULL, 3, NULL, NULL), GK_EINVAL);
  gk_diags_free(d);
}

static void test_text_import_huge_input(void) {
  /* a 20 MB single line inside a table, then a million short lines: linear, no
   * crash (a tenth under valgrind: memcheck's cost, not the reader's, would rule) */
  int vg = getenv("GK_TEST_UNDER_VALGRIND") != NULL;
  size_t big = vg ? 2u << 20 : 20u << 20;
  const char *head = "某局2020年政府信息公开工作年度报告\n二、主动公开政府信息情况\n";
  size_t hl = strlen(head);
  char *b = malloc(hl + big + 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  memcpy(b, head, hl);
  for (size_t i = 0; i < big; i++) b[hl + i] = (char)("规章 12 "[i % 10]);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL(gk_report_from_text(&r, b, hl + big, NULL, NULL), GK_OK);
  gk_report_free(r);
  size_t lines = vg ? 100000 : 1000000, k = hl;
  char *m = malloc(hl + lines * 3 + 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(m);
  memcpy(m, head, hl);
  for (size_t i = 0; i < lines; i++) m[k++] = '\t', m[k++] = '7', m[k++] = '\n';
  gk_diags *d = NULL;
  gk_diags_new(&d);
  CU_ASSERT_EQUAL(gk_report_from_text(&r, m, k, NULL, d), GK_OK);
  GK_ASSERT_CELL(r, "active/regulations/made", "7");
  gk_report_free(r);
  gk_diags_free(d);
  free(m);
  free(b);
}

/* ------------------------------------------------------------ encodings */
static void test_text_import_gb18030(void) {
  size_t n = 0;
  char *u = gk_test_read_data("2020_ganzhou-fenggang-town.txt", 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(u);
  char gbpath[] = "/tmp/gk_text_gbXXXXXX";
  int fd = mkstemp(gbpath);
  CU_ASSERT_TRUE_FATAL(fd >= 0);
  char cmd[512];
  snprintf(cmd, sizeof cmd, "iconv -f UTF-8 -t GB18030 '%s/2020_ganzhou-fenggang-town.txt' > '%s'",
           GK_REAL_DATA, gbpath);
  CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
  size_t gn = 0;
  char *g = gk_test_read_file(gbpath, &gn);
  remove(gbpath);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  CU_ASSERT_NOT_EQUAL(gn, n);
  gk_diags *d = NULL;
  gk_diags_new(&d);
  gk_report *a = NULL, *b = NULL;
  CU_ASSERT_EQUAL(gk_report_from_text(&a, u, n, "f", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_from_text(&b, g, gn, "f", d), GK_OK);
  CU_ASSERT_TRUE(gk_report_equal(a, b, 1));
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "import.converted");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_INFO);
  gk_report_free(a);
  gk_report_free(b);
  gk_diags_free(d);
  free(u);
  free(g);
}

/* ------------------------------------------------------------ round trip */
static void fill_all(gk_report *r, int variant) {
  int ed = gk_report_edition(r);
  int64_t k = 1;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++) {
      uint32_t fl = gk_schema_row_flags(ed, t, row);
      if (!(fl & GK_ROW_STORED)) continue;
      if ((fl & GK_ROW_DERIVED) && variant == 0) continue; /* 2021 other: children hold values */
      if (gk_schema_row_parent(ed, t, row) >= 0 &&
          (gk_schema_row_flags(ed, t, (size_t)gk_schema_row_parent(ed, t, row)) & GK_ROW_STORED) &&
          variant == 1)
        continue; /* 2021 other printed as one row */
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
        if (!gk_schema_cell_exists(ed, t, row, c)) continue;
        int kind = gk_schema_col_kind(ed, t, c);
        switch ((k++) % 7) {
        case 0: gk_report_set_blank(r, t, row, c); break;
        case 1: gk_report_set_literal(r, t, row, c, "-", 1); break;
        case 2: gk_report_set_literal(r, t, row, c, "无", strlen("无")); break;
        case 3: gk_report_set_literal(r, t, row, c, "/", 1); break;
        default:
          if (kind == GK_KIND_SIGNED) gk_report_set_value(r, t, row, c, -k);
          else if (kind == GK_KIND_AMOUNT) {
            gk_report_set_value(r, t, row, c, 59237244900 + k);
            gk_report_set_unit(r, t, row, c, (int)(k % 3));
          } else gk_report_set_value(r, t, row, c, k * 1000);
        }
      }
    }
}

/* What an import infers from the agency's name (gk_agency_resolve): the
 * published layout carries no level, kind or region, so a round trip gives the
 * inferred ones. */
static void with_inferred_agency(gk_report *a) {
  const char *name = gk_report_agency(a, GK_AGENCY_NAME);
  int level, kind;
  uint32_t code;
  size_t places;
  char region[256];
  if (!name || gk_agency_resolve(&level, &kind, &code, &places, region, sizeof region, name,
                                 (size_t)-1, NULL, 0) != GK_OK)
    return;
  if (gk_report_agency_level(a) == GK_LEVEL_UNKNOWN) gk_report_set_agency_level(a, level);
  if (gk_report_agency_kind(a) == GK_AGENCY_KIND_UNKNOWN) gk_report_set_agency_kind(a, kind);
  if (region[0] && !gk_report_agency(a, GK_AGENCY_REGION))
    gk_report_set_agency(a, GK_AGENCY_REGION, region, strlen(region));
}

static void round_trip(gk_report *a) {
  with_inferred_agency(a);
  char *txt = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&txt, &n, a), GK_OK);
  CU_ASSERT_EQUAL(strlen(txt), n);
  gk_report *b = NULL;
  gk_diags *d = NULL;
  gk_diags_new(&d);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, txt, n, gk_report_source(a), d), GK_OK);
  int eq = gk_report_equal(a, b, 0);
  if (!eq) fprintf(stderr, "round trip differs:\n%s\n", txt);
  CU_ASSERT_TRUE(eq);
  gk_report_free(b);
  gk_diags_free(d);
  gk_free(txt);
}

static void test_text_round_trip_models(void) {
  const int eds[] = {GK_EDITION_2019, GK_EDITION_2021};
  for (int e = 0; e < 2; e++)
    for (int variant = 0; variant < 2; variant++) {
      gk_report *a = NULL;
      CU_ASSERT_EQUAL_FATAL(gk_report_new(&a, eds[e], eds[e] == 2019 ? 2020 : 2023), GK_OK);
      const char *title = eds[e] == 2019 ? "某镇2020年政府信息公开工作年度报告" : "某市2023年政府信息公开工作年度报告";
      gk_report_set_title(a, title, strlen(title));
      gk_report_set_agency(a, GK_AGENCY_NAME, eds[e] == 2019 ? "某镇" : "某市", strlen("某镇"));
      gk_report_set_source(a, "rt.txt", 6);
      const char *pre = "本报告依据《条例》编制。统计期限自2020年1月1日起至2020年12月31日止。";
      gk_report_set_section(a, GK_SECTION_PREAMBLE, pre, strlen(pre));
      const char *ov = "（一）主动公开\n    全年公开信息10条。\n\n（二）依申请公开\n无";
      gk_report_set_section(a, GK_SECTION_OVERVIEW, ov, strlen(ov));
      gk_report_set_section(a, GK_SECTION_PROBLEMS, "", 0);
      gk_report_set_section(a, GK_SECTION_OTHER, "未收取信息处理费。", strlen("未收取信息处理费。"));
      fill_all(a, variant);
      round_trip(a);
      /* an all-blank report and one without sections */
      gk_report *c = NULL;
      gk_report_new(&c, eds[e], 0);
      gk_report_set_title(c, title, strlen(title));
      gk_report_set_agency(c, GK_AGENCY_NAME, eds[e] == 2019 ? "某镇" : "某市", strlen("某镇"));
      gk_report_set_year(c, gk_report_year(a));
      round_trip(c);
      gk_report_free(c);
      gk_report_free(a);
    }
}

/* the year in a title or period written in Chinese numerals, full-width or ASCII */
static void test_text_title_year_forms(void) {
  const char *titles[] = {"宿迁市司法局二〇二三年政府信息公开工作年度报告",
                          "宿迁市司法局二○二三年度政府信息公开工作年度报告",
                          "宿迁市司法局２０２３年政府信息公开工作年度报告",
                          "2023年度宿迁市司法局政府信息公开工作年度报告"};
  for (size_t i = 0; i < sizeof titles / sizeof *titles; i++) {
    char doc[512];
    int n = snprintf(doc, sizeof doc, "%s\n一、总体情况\n本年度……\n二、主动公开政府信息情况\n", titles[i]);
    gk_report *r = NULL;
    gk_diags *d = NULL;
    gk_diags_new(&d);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, doc, (size_t)n, "t.txt", d), GK_OK);
    CU_ASSERT_EQUAL(gk_report_year(r), 2023);
    CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "宿迁市司法局");
    gk_report_free(r);
    gk_diags_free(d);
  }
  /* a run of five numerals is no year; three are not either */
  const char *no[] = {"某局一二〇二三年报告\n一、总体情况\n", "某局二〇二年报告\n一、总体情况\n"};
  for (size_t i = 0; i < 2; i++) {
    gk_report *r = NULL;
    gk_diags *d = NULL;
    gk_diags_new(&d);
    if (gk_report_from_text(&r, no[i], strlen(no[i]), "t.txt", d) == GK_OK) CU_ASSERT_EQUAL(gk_report_year(r), 0);
    gk_report_free(r);
    gk_diags_free(d);
  }
}

/* 2021 （六）其他处理 printed with its own values, with its sub-rows, or both */
static void test_text_round_trip_other_row(void) {
  for (int shape = 0; shape < 3; shape++) {
    gk_report *a = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&a, GK_EDITION_2021, 2023), GK_OK);
    const char *title = "某县2023年政府信息公开工作年度报告";
    gk_report_set_title(a, title, strlen(title));
    gk_report_set_agency(a, GK_AGENCY_NAME, "某县", strlen("某县"));
    const char *cols[] = {"natural", "commercial", "research", "social", "legal", "other_org", "total"};
    for (size_t c = 0; c < 7; c++) {
      char path[96], v[8];
      if (shape != 1) { /* the printed row */
        snprintf(path, sizeof path, "requests/other/%s", cols[c]);
        snprintf(v, sizeof v, "%zu", c == 6 ? 21 : c + 1);
        CU_ASSERT_EQUAL(gk_report_set_text(a, path, v, strlen(v)), GK_OK);
      }
      if (shape != 0) { /* the sub-rows */
        snprintf(path, sizeof path, "requests/other.misc/%s", cols[c]);
        snprintf(v, sizeof v, "%zu", c == 6 ? 42 : 2 * c + 2);
        CU_ASSERT_EQUAL(gk_report_set_text(a, path, v, strlen(v)), GK_OK);
      }
      snprintf(path, sizeof path, "requests/total/%s", cols[c]);
      CU_ASSERT_EQUAL(gk_report_set_text(a, path, "99", 2), GK_OK);
    }
    round_trip(a);
    gk_report_free(a);
  }
}

static void test_text_round_trip_real_reports(void) {
  static const char *const files[] = {
    "2013_hunan-daoxian-culture-bureau.txt",
    "2017_jilin-longtan-district-government.txt",
    "2017_tljq-district-township.txt",
    "2019_shanghai-municipal-general-office.txt",
    "2019_xiaogan-municipal-research-office.txt",
    "2019_xiongxian-township-blank-tables.txt",
    "2019_yueyang-nanhu-district-bureau.txt",
    "2019or2020_unknown-bureau-owenbabies.txt",
    "2020_baoji-longxian-town.txt",
    "2020_district-audit-bureau-flipbook-page9.txt",
    "2020_ganzhou-fenggang-town.txt",
    "2020_ganzhou-huichang-zhongcun-township.txt",
    "2020_jilin-fusong-donggang-town.txt",
    "2020_jilin-fusong-songjianghe-town.txt",
    "2020_jining-weishan-liangcheng-town.txt",
    "2020_sichuan-qiliping-town.txt",
    "2020_tongchuan-yaozhou-audit-bureau.txt",
    "2020_wuhan-ecology-environment-bureau-hubei-annotated.txt",
    "2020_xianning-high-tech-zone.txt",
    "2020_xilingol-xiwuqi-natural-resources-bureau.txt",
    "2020_zibo-zhongbu-town.txt",
    "2021_datong-county-petition-bureau.txt",
    "2021_enshi-laifeng-county-data-bureau.txt",
    "2021_hanzhong-municipal-natural-resources-bureau-branch.txt",
    "2021_hanzhong-ningqiang-county-natural-resources-bureau.txt",
    "2021_huaian-natural-resources-planning-bureau.txt",
    "2021_lueyang-county-natural-resources-bureau.txt",
    "2021_tieling-changtu-culture-tourism-bureau.txt",
    "2021_yunnan-gengma-county-justice-bureau.txt",
    "2022_shanghai-municipal-counsellors-office.txt",
    "2022_shanghai-municipal.txt",
    "2022_yiwu-niansanli-subdistrict.txt",
    "2023_huaian-hongze-district-government.txt",
    "2023_shanghai-municipal.txt",
    "2023_suqian-municipal-government.txt",
    "2023_xilingol-abag-banner-natural-resources-bureau.txt",
    "2023_xinjiang-nilka-town.txt",
    "2024_huaian-hongze-district-government.txt",
    "2024_huaian-municipal-government.txt",
    "2024_shenzhen-longgang-district-dept.txt",
    "2024_suqian-municipal-government.txt",
    "2024_unknown-market-supervision-bureau-996bkk.txt",
  };
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    gk_report *a = import_real(files[i], NULL);
    CU_ASSERT_PTR_NOT_NULL_FATAL(a);
    round_trip(a); /* an untitled report stays untitled (the metadata block) */
    gk_report_free(a);
  }
}

static void test_text_export_shape(void) {
  gk_report *r = import_real("2020_ganzhou-fenggang-town.txt", NULL);
  char *t = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL(gk_report_to_text(&t, &n, r), GK_OK);
  CU_ASSERT_EQUAL(strncmp(t, "凤岗镇2020年政府信息公开工作年度报告\n\n本报告依据", strlen("凤岗镇2020年政府信息公开工作年度报告\n\n本报告依据")), 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(t, "\n二、主动公开政府信息情况\n\t信息内容\n\t本年新制作数量\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(t, "\n\t政府集中采购\n\t120\n\t498742.4\n\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(t, "\n\t（三）不予公开\n\t1.属于国家秘密\n\t0\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(t, "\n六、其他需要报告的事项\n无\n"));
  gk_free(t);
  CU_ASSERT_EQUAL(gk_report_to_text(&t, &n, NULL), GK_EINVAL);
  CU_ASSERT_PTR_NULL(t);
  gk_report_free(r);
}

/* ------------------------------------------------------------ load */
static void test_text_load(void) {
  size_t n = 0;
  char *b = gk_test_read_data("2024_suqian-municipal-government.txt", 1, &n);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL(gk_report_load(&r, b, n, "s.txt", NULL), GK_OK);
  GK_ASSERT_CELL(r, "active/fees/amount", "72701.2578");
#ifdef GK_HAVE_JSON
  char *js = NULL;
  size_t jn = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_json(&js, &jn, r, 0), GK_OK);
  gk_report *j = NULL;
  CU_ASSERT_EQUAL(gk_report_load(&j, js, jn, "s.json", NULL), GK_OK);
  CU_ASSERT_TRUE(gk_report_equal(r, j, 0));
  gk_report_free(j);
  gk_free(js);
#endif
  gk_report_free(r);
  CU_ASSERT_EQUAL(gk_report_load(NULL, b, n, NULL, NULL), GK_EINVAL);
  free(b);
}

/* ------------------------------------------------------------ allocation failures */
static void test_text_alloc_failures(void) {
  size_t n = 0;
  char *b = gk_test_read_data("2023_huaian-hongze-district-government.txt", 1, &n);
  gk_diags *d = NULL;
  gk_diags_new(&d);
  int ok = 0;
  for (long k = 0; k < 5000 && !ok; k++) {
    gk_report *r = NULL;
    gk__alloc_fail_after(k);
    int rc = gk_report_from_text(&r, b, n, "h.txt", d);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) {
      ok = 1;
      char *t = NULL;
      size_t tn = 0;
      for (long j = 0; j < 200; j++) { /* and the export */
        gk__alloc_fail_after(j);
        int rc2 = gk_report_to_text(&t, &tn, r);
        gk__alloc_fail_after(-1);
        if (rc2 == GK_OK) break;
        CU_ASSERT_EQUAL(rc2, GK_ENOMEM);
        CU_ASSERT_PTR_NULL(t);
      }
      gk_free(t);
      gk_report_free(r);
    } else {
      CU_ASSERT_EQUAL(rc, GK_ENOMEM);
      CU_ASSERT_PTR_NULL(r);
      CU_ASSERT_EQUAL(gk_diags_count(d), 0); /* the caller's list is left as it was */
    }
    gk_diags_clear(d);
  }
  CU_ASSERT_TRUE(ok);
  gk_diags_free(d);
  free(b);
}

static CU_TestInfo tests[] = {
  {"import_complete_reports", test_text_import_complete_reports},
  {"import_metadata_and_lines", test_text_import_metadata_and_lines},
  {"import_partial_reports", test_text_import_partial_reports},
  {"import_diagnostics", test_text_import_diagnostics},
  {"import_layouts", test_text_import_layouts},
  {"import_split", test_text_import_split},
  {"import_bad_input", test_text_import_bad_input},
  {"import_huge_input", test_text_import_huge_input},
  {"import_gb18030", test_text_import_gb18030},
  {"round_trip_models", test_text_round_trip_models},
  {"round_trip_real_reports", test_text_round_trip_real_reports},
  {"round_trip_other_row", test_text_round_trip_other_row},
  {"title_year_forms", test_text_title_year_forms},
  {"export_shape", test_text_export_shape},
  {"load", test_text_load},
  {"alloc_failures", test_text_alloc_failures},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text", tests); }
