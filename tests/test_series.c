/* SPDX-License-Identifier: MIT */
/* Series: cross-year rules (format.md §7), similarity, trend table (§8), on
 * hand-built reports with hand-computed expectations and on the real series
 * 宿迁 2023->2024 and 洪泽 2023->2024. */
#include <stdint.h>
#include <string.h>
#include "stats_testutil.h"
#include "internal.h"

#define SERIES_DATA GK_TEST_DATA "/series"

static gk_report *mk(int edition, int year, const char *agency, const char *source) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, edition, year), GK_OK);
  if (agency) CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, agency, strlen(agency)), GK_OK);
  if (source) CU_ASSERT_EQUAL(gk_report_set_source(r, source, strlen(source)), GK_OK);
  return r;
}

/* requests row `row` in the natural and total columns */
static void set_nt(gk_report *r, const char *row, const char *natural, const char *total) {
  char p[96];
  snprintf(p, sizeof p, "requests/%s/natural", row);
  STATS_SET(r, p, natural);
  snprintf(p, sizeof p, "requests/%s/total", row);
  STATS_SET(r, p, total);
}

/* The three-year series 2020 (2019 edition) -> 2021 -> 2022 of one agency:
 * 2020 carries forward natural 5 / total 7; 2021 reports carried_over natural 4 /
 * total 6 (broken); 2021 carries forward 2/2 and 2022 carries over 2/2 (holds).
 * Regulations: 2021 in_force 10; 2022 issued 2, repealed 1, in_force 12 (should be 11). */
static gk_series *three_years(void) {
  gk_report *a = mk(GK_EDITION_2019, 2020, "某县司法局", "a2020.txt");
  set_nt(a, "new", "10", "12");
  set_nt(a, "carried_over", "0", "0");
  set_nt(a, "granted", "5", "5");
  set_nt(a, "other", "0", "0");
  set_nt(a, "total", "5", "5");
  set_nt(a, "carried_forward", "5", "7");
  stats_set_line(a, "requests/carried_forward/natural", 71);
  stats_set_line(a, "requests/carried_forward/total", 71);
  STATS_SET(a, "active/regulations/made", "3");
  STATS_SET(a, "active/regulations/total_public", "30");
  STATS_SET(a, "active/licensing/decisions", "100");
  gk_report *b = mk(GK_EDITION_2021, 2021, " 某县司法局　", "b2021.txt");
  set_nt(b, "new", "8", "9");
  set_nt(b, "carried_over", "4", "6");
  stats_set_line(b, "requests/carried_over/natural", 40);
  stats_set_line(b, "requests/carried_over/total", 40);
  set_nt(b, "other.no_correction", "1", "1");
  set_nt(b, "other.misc", "2", "3");
  set_nt(b, "carried_forward", "2", "2");
  STATS_SET(b, "active/regulations/issued", "4");
  STATS_SET(b, "active/regulations/in_force", "10");
  STATS_SET(b, "active/licensing/decisions", "150");
  gk_report *c = mk(GK_EDITION_2021, 2022, "某县司法局", "c2022.txt");
  set_nt(c, "new", "8", "18");
  set_nt(c, "carried_over", "2", "2");
  set_nt(c, "carried_forward", "1", "1");
  STATS_SET(c, "active/regulations/issued", "2");
  STATS_SET(c, "active/regulations/repealed", "1");
  STATS_SET(c, "active/regulations/in_force", "12");
  stats_set_line(c, "active/regulations/in_force", 33);
  STATS_SET(c, "active/licensing/decisions", "150");
  gk_series *s = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  /* added out of order: the series sorts by year */
  CU_ASSERT_EQUAL(gk_series_add(s, c), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, b), GK_OK);
  gk_report_free(a);
  gk_report_free(b);
  gk_report_free(c);
  return s;
}

static void test_series_order_and_copies(void) {
  gk_series *s = three_years();
  CU_ASSERT_EQUAL(gk_series_count(s), 3);
  CU_ASSERT_EQUAL(gk_report_year(gk_series_report(s, 0)), 2020);
  CU_ASSERT_EQUAL(gk_report_year(gk_series_report(s, 1)), 2021);
  CU_ASSERT_EQUAL(gk_report_year(gk_series_report(s, 2)), 2022);
  CU_ASSERT_EQUAL(gk_report_edition(gk_series_report(s, 0)), GK_EDITION_2019);
  CU_ASSERT_PTR_NULL(gk_series_report(s, 3));
  CU_ASSERT_EQUAL(gk_series_count(NULL), 0);
  CU_ASSERT_EQUAL(gk_series_add(s, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_series_set_similarity_threshold(s, 1001), GK_EINVAL);
  gk_series_free(s);
  gk_series_free(NULL);
}

static void test_series_three_years_carry_and_in_force(void) {
  gk_series *s = three_years();
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  /* exactly: carry natural (warning), carry total (error), in_force (warning);
   * no gap, no agency finding (names equal after trimming) */
  CU_ASSERT_EQUAL(gk_diags_count(d), 3);
  CU_ASSERT_EQUAL(stats_count(d, "series.carry"), 2);
  CU_ASSERT_EQUAL(stats_count(d, "series.in_force"), 1);
  size_t i = stats_find(d, "series.carry", "2021:requests/carried_over/natural");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_WARNING);
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), "5");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "4");
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, i), "b2021.txt");
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 40);
  CU_ASSERT_EQUAL(gk_diag_ncells(d, i), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 1), "2020:requests/carried_forward/natural");
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, i, GK_LANG_EN), "a2020.txt:71"));
  i = stats_find(d, "series.carry", "2021:requests/carried_over/total");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), "7");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "6");
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 40);
  i = stats_find(d, "series.in_force", "2022:active/regulations/in_force");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_WARNING);
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), "11");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "12");
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 33);
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, i), "c2022.txt");
  CU_ASSERT_EQUAL(gk_diag_ncells(d, i), 4);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 1), "2021:active/regulations/in_force");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 2), "2022:active/regulations/issued");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 3), "2022:active/regulations/repealed");
  gk_diags_free(d);
  gk_series_free(s);
}

static void test_series_options_and_waivers(void) {
  gk_series *s = three_years();
  gk_diags *d = NULL;
  gk_validate_opts *o = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_new(&o), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_set_min_severity(o, GK_SEV_ERROR), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, o, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "2021:requests/carried_over/total");
  gk_validate_opts_free(o);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_new(&o), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_disable(o, "series.in_force"), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "series.carry", "2021:requests/carried_over/total",
                                              "机构改革合并"), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, o, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 2);
  size_t i = stats_find(d, "series.carry", "2021:requests/carried_over/total");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_TRUE(gk_diag_waived(d, i));
  CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(d, i), "机构改革合并");
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_ERROR), 0);
  gk_validate_opts_free(o);
  CU_ASSERT_EQUAL(gk_series_validate(NULL, NULL, d), GK_EINVAL);
  gk_diags_free(d);
  gk_series_free(s);
}

static void test_series_items_and_cumulative(void) {
  gk_report *a = mk(GK_EDITION_2019, 2019, "某局", "x2019.txt");
  STATS_SET(a, "active/licensing/prev_items", "8");
  STATS_SET(a, "active/licensing/delta", "3");
  STATS_SET(a, "active/normative_docs/total_public", "9");
  STATS_SET(a, "active/penalty/prev_items", "4");
  STATS_SET(a, "active/penalty/delta", "减1");
  gk_report *b = mk(GK_EDITION_2019, 2020, "某局", "x2020.txt");
  STATS_SET(b, "active/licensing/prev_items", "10");
  stats_set_line(b, "active/licensing/prev_items", 12);
  STATS_SET(b, "active/normative_docs/total_public", "5");
  stats_set_line(b, "active/normative_docs/total_public", 9);
  STATS_SET(b, "active/penalty/prev_items", "3");
  gk_series *s = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, b), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 2);
  size_t i = stats_find(d, "series.items", "2020:active/licensing/prev_items");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_WARNING);
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), "11");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "10");
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 12);
  i = stats_find(d, "series.cumulative", "2020:active/normative_docs/total_public");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), ">=9");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "5");
  CU_ASSERT_EQUAL(gk_diag_line(d, i), 9);
  /* penalty: 4 + (-1) = 3 holds: no finding */
  CU_ASSERT_EQUAL(stats_find(d, "series.items", "2020:active/penalty/prev_items"), (size_t)-1);
  gk_diags_free(d);
  gk_series_free(s);
  gk_report_free(a);
  gk_report_free(b);
}

static void test_series_gap_and_duplicate(void) {
  gk_series *s = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  int years[] = {2019, 2021, 2021, 2025, 0};
  const char *src[] = {"r2019", "r2021a", "r2021b", "r2025", "r0"};
  for (int k = 0; k < 5; k++) {
    gk_report *r = mk(years[k] >= 2021 ? GK_EDITION_2021 : GK_EDITION_2019, years[k], "某局", src[k]);
    CU_ASSERT_EQUAL(gk_series_add(s, r), GK_OK);
    gk_report_free(r);
  }
  /* year 0 sorts first */
  CU_ASSERT_EQUAL(gk_report_year(gk_series_report(s, 0)), 0);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 4);
  CU_ASSERT_EQUAL(stats_count(d, "series.gap"), 4);
  /* in year order: no year, 2020 missing, 2021 twice, 2022-2024 missing */
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "r0");
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 1), "2020");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 1), "2021");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 1, GK_LANG_EN), "the 2020 report is missing");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 2, GK_LANG_EN), "year 2021 appears twice (r2021a and r2021b)");
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 2), "r2021b");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 3, GK_LANG_EN), "the reports of 2022 to 2024 are missing");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 3, GK_LANG_ZH), "缺少2022年至2024年的报告");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 3), GK_SEV_WARNING);
  gk_diags_free(d);
  gk_series_free(s);
}

static void test_series_agency(void) {
  gk_series *s = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  gk_report *a = mk(GK_EDITION_2021, 2022, "宿迁市人民政府", "a");
  gk_report *b = mk(GK_EDITION_2021, 2023, "淮安市人民政府", "b");
  gk_report *c = mk(GK_EDITION_2021, 2024, "宿迁市人民政府 ", "c");
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, b), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, c), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "series.agency");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "2023:agency/name");
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 0), "宿迁市人民政府");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "淮安市人民政府");
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "b");
  gk_series_free(s);
  gk_diags_clear(d);
  /* codes decide when both reports have one: same name, different code */
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(a, GK_AGENCY_CODE, "11321300014151234X", 18), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(c, GK_AGENCY_CODE, "11321300014159999Y", 18), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, c), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  size_t i = stats_find(d, "series.agency", "2024:agency/code");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "11321300014159999Y");
  CU_ASSERT_EQUAL(stats_count(d, "series.agency"), 1);
  gk_series_free(s);
  gk_diags_clear(d);
  /* one agency spelt with and without its region prefix and 人民政府 (洪泽 2023/2024
   * titles) is one agency; a different district with the same suffix is not */
  const char *names[][2] = {{"淮安市洪泽区", "洪泽区人民政府"},
                            {"江苏省宿迁市人民政府", "宿迁市"},
                            {"淮安市洪泽区", "淮安市清江浦区"},
                            {"洪泽区", "淮安市洪泽区司法局"}};
  const size_t want[] = {0, 0, 1, 1};
  for (size_t k = 0; k < 4; k++) {
    CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
    gk_report *x = mk(GK_EDITION_2021, 2023, names[k][0], "x");
    gk_report *y = mk(GK_EDITION_2021, 2024, names[k][1], "y");
    CU_ASSERT_EQUAL(gk_series_add(s, x), GK_OK);
    CU_ASSERT_EQUAL(gk_series_add(s, y), GK_OK);
    CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
    CU_ASSERT_EQUAL(stats_count(d, "series.agency"), want[k]);
    gk_diags_clear(d);
    gk_report_free(x);
    gk_report_free(y);
    gk_series_free(s);
  }
  s = NULL;
  gk_report_free(a);
  gk_report_free(b);
  gk_report_free(c);
  gk_diags_free(d);
  gk_series_free(s);
}

static void test_series_text_similarity(void) {
  uint64_t num = 9, den = 9;
  CU_ASSERT_EQUAL(gk_text_similarity(&num, &den, "abcd", 4, "abce", 4), GK_OK);
  CU_ASSERT_EQUAL(num, 4); /* shared ab, bc: 2 x 2 */
  CU_ASSERT_EQUAL(den, 6);
  CU_ASSERT_EQUAL(gk_text_similarity(&num, &den, "一二 三", strlen("一二 三"), "一二三", strlen("一二三")), GK_OK);
  CU_ASSERT_EQUAL(num, 4); /* whitespace ignored: identical */
  CU_ASSERT_EQUAL(den, 4);
  CU_ASSERT_EQUAL(gk_text_similarity(&num, &den, "aa", 2, "", 0), GK_OK);
  CU_ASSERT_EQUAL(num, 0);
  CU_ASSERT_EQUAL(den, 1);
  CU_ASSERT_EQUAL(gk_text_similarity(&num, &den, "aaa", 3, "aa", 2), GK_OK);
  CU_ASSERT_EQUAL(num, 2); /* multiset: aa,aa vs aa -> 1 shared */
  CU_ASSERT_EQUAL(den, 3);
  CU_ASSERT_EQUAL(gk_text_similarity(NULL, &den, "a", 1, "a", 1), GK_EINVAL);
}

static const char problems_2023[] =
  "一是政府信息公开工作的主动性还需加强，部分单位公开内容不够及时；二是政策解读形式较为单一，"
  "图表、视频等解读方式运用不多；三是依申请公开答复的规范化水平有待进一步提高。";
static const char problems_2024[] =
  "一是政府信息公开工作的主动性还需加强，部分单位公开内容不够及时；二是政策解读形式较为单一，"
  "图表、视频等解读方式运用不多；三是依申请公开答复的规范化水平有待进一步提升。";
static const char problems_other[] =
  "针对上年度发现的问题，本年度组织开展了全区政务公开业务培训三次，修订完善依申请公开办理"
  "流程，建立了答复文书法制审核机制，各项问题已整改到位。";

static void test_series_copied_text(void) {
  gk_report *a = mk(GK_EDITION_2021, 2023, "某区政府", "p2023.txt");
  gk_report *b = mk(GK_EDITION_2021, 2024, "某区政府", "p2024.txt");
  CU_ASSERT_EQUAL(gk_report_set_section(a, GK_SECTION_PROBLEMS, problems_2023, strlen(problems_2023)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(b, GK_SECTION_PROBLEMS, problems_2024, strlen(problems_2024)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section_line(b, GK_SECTION_PROBLEMS, 88), GK_OK);
  /* a short section repeated every year ("无。") is no finding */
  CU_ASSERT_EQUAL(gk_report_set_section(a, GK_SECTION_OTHER, "无。", strlen("无。")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(b, GK_SECTION_OTHER, "无。", strlen("无。")), GK_OK);
  uint64_t num, den;
  CU_ASSERT_EQUAL(gk_text_similarity(&num, &den, problems_2023, strlen(problems_2023), problems_2024,
                                     strlen(problems_2024)), GK_OK);
  /* 83 characters each, 82 bigrams each, one character changed: 80 shared */
  CU_ASSERT_EQUAL(num, 2 * 80);
  CU_ASSERT_EQUAL(den, 2 * 82);
  gk_series *s = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, b), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "series.copied_text");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_WARNING);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "2024:section/problems");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 1), "2023:section/problems");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "0.976"); /* 160/164 */
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 0), "<0.900");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 88);
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "p2024.txt");
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 0, GK_LANG_EN), "similarity 0.976"));
  /* a stricter threshold keeps it quiet */
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_series_set_similarity_threshold(s, 980), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_series_free(s);
  /* a rewritten section is no finding at the default threshold */
  CU_ASSERT_EQUAL(gk_report_set_section(b, GK_SECTION_PROBLEMS, problems_other, strlen(problems_other)), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, b), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_series_free(s);
  gk_diags_free(d);
  gk_report_free(a);
  gk_report_free(b);
}

static void test_series_copied_text_huge_section(void) {
  /* 1 MB sections: bounded (65536 characters each), n log n */
  size_t n = 1u << 20;
  char *x = malloc(n + 1), *y = malloc(n + 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(x);
  CU_ASSERT_PTR_NOT_NULL_FATAL(y);
  for (size_t i = 0; i < n; i++) x[i] = y[i] = (char)('a' + (i * 7 + i / 26) % 26);
  x[n] = y[n] = '\0';
  uint64_t num, den;
  CU_ASSERT_EQUAL(gk_text_similarity(&num, &den, x, n, y, n), GK_OK);
  CU_ASSERT_EQUAL(den, 2 * 65535);
  CU_ASSERT_EQUAL(num, 2 * 65535);
  free(x);
  free(y);
}

static size_t trend_find(const gk_series *s, const char *path) {
  for (size_t i = 0; i < gk_series_trend_count(s); i++)
    if (strcmp(gk_series_trend_path(s, i), path) == 0) return i;
  return (size_t)-1;
}

static void test_series_trend_across_editions(void) {
  gk_series *s = three_years();
  int st;
  int64_t v, ch;
  char pct[32];
  /* requests/new/total: 12 -> 9 -> 18 */
  size_t i = trend_find(s, "requests/new/total");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, i), 1);
  CU_ASSERT_EQUAL(gk_series_trend_value(&st, &v, s, i, 0), GK_OK);
  CU_ASSERT_EQUAL(st, GK_CELL_VALUE);
  CU_ASSERT_EQUAL(v, 12);
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 0), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 1), GK_OK);
  CU_ASSERT_EQUAL(ch, -3);
  CU_ASSERT_STRING_EQUAL(pct, "-25.00");
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 2), GK_OK);
  CU_ASSERT_EQUAL(ch, 9);
  CU_ASSERT_STRING_EQUAL(pct, "100.00");
  /* requests/other/total: 2019 leaf 0, 2021 other.* read through other: 1+3 = 4 */
  i = trend_find(s, "requests/other/total");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, i), 1);
  CU_ASSERT_EQUAL(gk_series_trend_value(&st, &v, s, i, 1), GK_OK);
  CU_ASSERT_EQUAL(v, 4);
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 1), GK_OK);
  CU_ASSERT_EQUAL(ch, 4);
  CU_ASSERT_STRING_EQUAL(pct, ""); /* from 0: no percentage */
  /* made ~ issued: 3 -> 4 -> 2 */
  i = trend_find(s, "active/regulations/issued");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, i), 1);
  CU_ASSERT_EQUAL(gk_series_trend_value(&st, &v, s, i, 0), GK_OK);
  CU_ASSERT_EQUAL(v, 3);
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 1), GK_OK);
  CU_ASSERT_STRING_EQUAL(pct, "33.33");
  i = trend_find(s, "active/licensing/decisions");
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, i), 1);
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 1), GK_OK);
  CU_ASSERT_STRING_EQUAL(pct, "50.00");
  /* not comparable: in_force (2021 only), total_public (2019 only), other.misc */
  i = trend_find(s, "active/regulations/in_force");
  CU_ASSERT_FATAL(i != (size_t)-1);
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, i), 0);
  CU_ASSERT_EQUAL(gk_series_trend_value(&st, &v, s, i, 0), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 1), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 2), GK_OK);
  CU_ASSERT_EQUAL(ch, 2);
  CU_ASSERT_STRING_EQUAL(pct, "20.00");
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, trend_find(s, "active/regulations/total_public")), 0);
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, trend_find(s, "requests/other.misc/total")), 0);
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, trend_find(s, "active/fees/amount")), 0);
  CU_ASSERT_EQUAL(trend_find(s, "active/regulations/made"), (size_t)-1); /* named issued */
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, 0), 1); /* comparable entries first */
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, gk_series_trend_count(s) - 1), 0);
  CU_ASSERT_PTR_NULL(gk_series_trend_path(s, gk_series_trend_count(s)));
  CU_ASSERT_EQUAL(gk_series_trend_comparable(s, gk_series_trend_count(s)), -1);
  CU_ASSERT_EQUAL(gk_series_trend_value(&st, &v, s, 0, 3), GK_EINVAL);
  gk_series_free(s);
}

static void test_series_trend_exports(void) {
  gk_series *s = three_years();
  char *json = NULL, *csv = NULL;
  size_t jn = 0, cn = 0;
  CU_ASSERT_EQUAL_FATAL(gk_series_trend_to_json(&json, &jn, s), GK_OK);
  CU_ASSERT_EQUAL(strlen(json), jn);
  CU_ASSERT_PTR_NOT_NULL(strstr(json, "{\"years\":[2020,2021,2022],\"editions\":[2019,2021,2021],"));
  CU_ASSERT_PTR_NOT_NULL(strstr(json, "{\"path\":\"requests/new/total\",\"comparable\":true,"
                                      "\"values\":[12,9,18],\"change\":[null,-3,9],"
                                      "\"pct\":[null,\"-25.00\",\"100.00\"]}"));
  CU_ASSERT_PTR_NOT_NULL(strstr(json, "{\"path\":\"active/regulations/in_force\",\"comparable\":false,"
                                      "\"values\":[null,10,12],\"change\":[null,null,2],"
                                      "\"pct\":[null,null,\"20.00\"]}"));
  /* carry-forward rate: 7/(12+0), 2/(9+6), 1/(18+2) */
  CU_ASSERT_PTR_NOT_NULL(strstr(json, "{\"id\":\"rate.carried_forward\",\"values\":[\"58.33\",\"13.33\",\"5.00\"]}"));
  CU_ASSERT_PTR_NOT_NULL(strstr(json, "{\"id\":\"rate.litigation_corrected\",\"values\":[null,null,null]}"));
  CU_ASSERT_EQUAL_FATAL(gk_series_trend_to_csv(&csv, &cn, s), GK_OK);
  CU_ASSERT_EQUAL(strncmp(csv, "path,comparable,year,edition,state,value,change,pct\n", 52), 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\nrequests/new/total,1,2021,2021,value,9,-3,-25.00\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\nrequests/new/total,1,2020,2019,value,12,,\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\nactive/regulations/in_force,0,2020,2019,absent,,,\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\nrequests/new/research,1,2020,2019,blank,,,\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\nindicator/rate.carried_forward,1,2022,2021,value,5.00,,\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(csv, "\nindicator/rate.disclosed,1,2022,2021,absent,,,\n"));
  gk_free(json);
  gk_free(csv);
  CU_ASSERT_EQUAL(gk_series_trend_to_json(NULL, &jn, s), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_series_trend_to_csv(&csv, &cn, NULL), GK_EINVAL);
  gk_series_free(s);
}

/* The real series: carry-over and in-force stock hold, no finding. */
static void real_series(const char *y1, const char *y2, int64_t new1, int64_t new2,
                        const char *pct_new) {
  gk_report *a = stats_load_truth(SERIES_DATA, y1), *b = stats_load_truth(SERIES_DATA, y2);
  CU_ASSERT_PTR_NOT_NULL_FATAL(a);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  gk_series *s = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, b), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  size_t i = trend_find(s, "requests/new/total");
  int st;
  int64_t v, ch;
  char pct[32];
  CU_ASSERT_EQUAL(gk_series_trend_value(&st, &v, s, i, 0), GK_OK);
  CU_ASSERT_EQUAL(v, new1);
  CU_ASSERT_EQUAL(gk_series_trend_change(&ch, pct, sizeof pct, s, i, 1), GK_OK);
  CU_ASSERT_EQUAL(ch, new2 - new1);
  CU_ASSERT_STRING_EQUAL(pct, pct_new);
  /* one edition: every entry comparable */
  for (size_t k = 0; k < gk_series_trend_count(s); k++)
    CU_ASSERT_EQUAL(gk_series_trend_comparable(s, k), 1);
  /* a broken copy of the later year fires the carry rule on its total */
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL(gk_report_path_find(&t, &row, &col, b, "requests/carried_over/total", GK_NUL_TERMINATED), GK_OK);
  int64_t co;
  CU_ASSERT_EQUAL(gk_report_cell(&st, &co, b, t, row, col), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(b, t, row, col, co + 1), GK_OK);
  gk_series_free(s);
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, b), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_ERROR);
  gk_series_free(s);
  gk_diags_free(d);
  gk_report_free(a);
  gk_report_free(b);
}

static void test_series_real_suqian(void) {
  /* 新收 3511 -> 3525: +14, 0.3987...% */
  real_series("2023_suqian-municipal-government", "2024_suqian-municipal-government", 3511, 3525,
              "0.40");
}

static void test_series_real_hongze(void) {
  /* 新收 21 -> 95: +74, 352.38% */
  real_series("2023_huaian-hongze-district-government", "2024_huaian-hongze-district-government",
              21, 95, "352.38");
}

static void test_series_alloc_failures(void) {
  gk_series *ref = three_years();
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  int done = 0;
  for (long n = 0; n < 400 && !done; n++) {
    gk_series *s = NULL;
    int rc = GK_OK;
    gk__alloc_fail_after(n);
    rc = gk_series_new(&s);
    for (size_t k = 0; !rc && k < gk_series_count(ref); k++) {
      size_t before = gk_series_count(s);
      rc = gk_series_add(s, gk_series_report(ref, k));
      if (rc) CU_ASSERT_EQUAL(gk_series_count(s), before);
    }
    if (!rc) {
      rc = gk_series_validate(s, NULL, d);
      if (rc) CU_ASSERT_EQUAL(gk_diags_count(d), 0);
    }
    char *out = NULL;
    size_t len;
    if (!rc) rc = gk_series_trend_to_json(&out, &len, s);
    gk_free(out);
    out = NULL;
    if (!rc) rc = gk_series_trend_to_csv(&out, &len, s);
    gk_free(out);
    gk__alloc_fail_after(-1);
    CU_ASSERT(rc == GK_OK || rc == GK_ENOMEM);
    if (!rc) {
      CU_ASSERT_EQUAL(gk_diags_count(d), 3);
      done = 1;
    }
    gk_diags_clear(d);
    gk_series_free(s);
  }
  CU_ASSERT_TRUE(done);
  gk_diags_free(d);
  gk_series_free(ref);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"test_series_order_and_copies", test_series_order_and_copies},
    {"test_series_three_years_carry_and_in_force", test_series_three_years_carry_and_in_force},
    {"test_series_options_and_waivers", test_series_options_and_waivers},
    {"test_series_items_and_cumulative", test_series_items_and_cumulative},
    {"test_series_gap_and_duplicate", test_series_gap_and_duplicate},
    {"test_series_agency", test_series_agency},
    {"test_series_text_similarity", test_series_text_similarity},
    {"test_series_copied_text", test_series_copied_text},
    {"test_series_copied_text_huge_section", test_series_copied_text_huge_section},
    {"test_series_trend_across_editions", test_series_trend_across_editions},
    {"test_series_trend_exports", test_series_trend_exports},
    {"test_series_real_suqian", test_series_real_suqian},
    {"test_series_real_hongze", test_series_real_hongze},
    {"test_series_alloc_failures", test_series_alloc_failures},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("series", tests);
}
