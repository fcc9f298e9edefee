/* SPDX-License-Identifier: MIT */
/* Text rules (format.md §7 "Text of the report"): each fires on the real report
 * whose defect tests/data/real/README.md lists, with exact values and lines,
 * and stays quiet on a clean report (凤岗镇 2020). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "gkreport/text.h"
#include "gkreport/validate.h"

static gk_report *load(const char *name) {
  size_t n = 0;
  char *b = gk_test_read_data(name, 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL(gk_report_from_text(&r, b, n, name, NULL), GK_OK);
  free(b);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  return r;
}

/* Run the text rules; return the findings of `rule` only. */
static gk_diags *run(const gk_report *r, const char *rule) {
  gk_diags *all = NULL, *d = NULL;
  gk_diags_new(&all);
  gk_diags_new(&d);
  CU_ASSERT_EQUAL(gk__text_rules_run(r, all), GK_OK);
  for (size_t i = 0; i < gk_diags_count(all); i++)
    if (strcmp(gk_diag_rule(all, i), rule) == 0) {
      gk_diags *one = NULL;
      gk_diags_new(&one);
      /* copy item i through a one-item list */
      gk_diags_append(one, all);
      for (size_t k = gk_diags_count(one); k-- > 0;)
        if (k != i) gk__diags_remove(one, k);
      gk_diags_append(d, one);
      gk_diags_free(one);
    }
  gk_diags_free(all);
  return d;
}

static void expect(const gk_diags *d, size_t i, uint32_t line, const char *expected, const char *actual) {
  CU_ASSERT_TRUE_FATAL(i < gk_diags_count(d));
  CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_WARNING);
  CU_ASSERT_EQUAL(gk_diag_line(d, i), line);
  if (expected) CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), expected);
  if (actual) CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), actual);
}

static void quiet(const char *file, const char *rule) {
  gk_report *r = load(file);
  gk_diags *d = run(r, rule);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_text_rules_sum(void) {
  gk_report *r = load("2020_baoji-longxian-town.txt"); /* 103 vs 61 + 28 */
  gk_diags *d = run(r, "text.sum");
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  expect(d, 0, 5, "103", "89");
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "2020_baoji-longxian-town.txt");
  gk_diags_free(d);
  gk_report_free(r);
  r = load("2019_shanghai-municipal-general-office.txt"); /* 答复805件 vs 258+35+265+158+0 */
  d = run(r, "text.sum");
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  expect(d, 0, 16, "805", "716");
  gk_diags_free(d);
  gk_report_free(r);
  /* parts short of the total: a finding only when the list names every part */
  gk_report *s = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&s, GK_EDITION_2021, 2022), GK_OK);
  const char *t = "共发布信息1000条，其中政策文件20条、图片新闻100条。\n"   /* some parts: quiet */
                  "共受理申请10件，其中自然人申请6件，法人或其他组织申请3件。\n" /* every part: 9 */
                  "共办结12件，其中予以公开5件，其余4件。\n"                     /* every part: 9 */
                  "共公开100条，其中网站80条、微博30条。\n"                       /* more than the total */
                  "共发布信息120条，其中政策文件20条、图片新闻100条。\n"         /* equal: quiet */
                  "共处理8件，分别为公开3件、不予公开2件。";                       /* every part: 5 */
  CU_ASSERT_EQUAL(gk_report_set_section(s, GK_SECTION_OVERVIEW, t, strlen(t)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section_line(s, GK_SECTION_OVERVIEW, 1), GK_OK);
  d = run(s, "text.sum");
  CU_ASSERT_EQUAL(gk_diags_count(d), 3);
  expect(d, 0, 2, "10", "9");
  expect(d, 1, 3, "12", "9");
  expect(d, 2, 4, "100", "110");
  gk_diags_free(d);
  gk_report_free(s);
  quiet("2020_ganzhou-fenggang-town.txt", "text.sum");       /* 132 = 2+5+99+23+2+1 */
  quiet("2023_suqian-municipal-government.txt", "text.sum"); /* 3607 = 3493+114; 119 期; 25 件 */
  quiet("2024_suqian-municipal-government.txt", "text.sum");
}

static void test_text_rules_period(void) {
  gk_report *r = load("2020_zibo-zhongbu-town.txt"); /* 至202020年12月31日 */
  gk_diags *d = run(r, "text.period");
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  expect(d, 0, 16, "2020-01-01..2020-12-31", "2020-01-01..202020-12-31");
  gk_diags_free(d);
  gk_report_free(r);
  r = load("2021_huaian-natural-resources-planning-bureau.txt"); /* a 2021 report, period 2020 */
  CU_ASSERT_EQUAL(gk_report_year(r), 2021);
  d = run(r, "text.period");
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  expect(d, 0, 3, "2021-01-01..2021-12-31", "2020-01-01..2020-12-31");
  gk_diags_free(d);
  gk_report_free(r);
  quiet("2020_ganzhou-fenggang-town.txt", "text.period");
  quiet("2024_huaian-municipal-government.txt", "text.period"); /* "2024 年 1 月 1 日" wrapped */
}

static void test_text_rules_table(void) {
  gk_report *r = load("2024_suqian-municipal-government.txt"); /* 复议134/诉讼57 vs 170/77 */
  gk_diags *d = run(r, "text.table");
  CU_ASSERT_EQUAL(gk_diags_count(d), 2);
  expect(d, 0, 45, "170", "134");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "review/reconsideration/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "the prose gives 134 administrative reconsiderations, the table 170");
  expect(d, 1, 45, "77", "57");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 1, GK_LANG_EN),
                         "the prose gives 57 lawsuits (both litigation rows), the table 77");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 1, 0), "review/litigation_direct/total");
  gk_diags_free(d);
  gk_report_free(r);
  r = load("2024_huaian-hongze-district-government.txt"); /* 受理…申请 17 件 vs 95 */
  d = run(r, "text.table");
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  expect(d, 0, 26, "95", "17");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), "requests/new/total");
  gk_diags_free(d);
  gk_report_free(r);
  quiet("2020_ganzhou-fenggang-town.txt", "text.table");
  quiet("2019_shanghai-municipal-general-office.txt", "text.table"); /* 859, 复议7 */
  quiet("2023_huaian-hongze-district-government.txt", "text.table"); /* 受理…21 件 */
  quiet("2024_huaian-municipal-government.txt", "text.table");       /* 3119 */
}

/* text.table reads what the prose may mean: 受理 counts the new requests or
 * these with the carried-over ones, 行政诉讼 both litigation rows or one; a
 * 行政复议 or 行政诉讼 number counts only in a sentence about 公开 (a justice
 * bureau's own reconsiderations are not table 四), a 受理 one only of 公开
 * requests. Table: new 3525, carried over 121, 复议 170, 诉讼 25 + 52. */
static void test_text_rules_table_readings(void) {
  gk_report *r = load("2024_suqian-municipal-government.txt");
  const char *t = "全年共受理政府信息公开申请3646件。\n"        /* 3525 + 121: quiet */
                  "全年共受理政府信息公开申请3600件。\n"        /* a finding: 3525 */
                  "本局共受理行政复议申请120件。\n"             /* no 公开: quiet */
                  "政府信息公开行政复议170件，行政诉讼52件。\n" /* one litigation row: quiet */
                  "政府信息公开行政诉讼78件。";                  /* a finding: 77 */
  CU_ASSERT_EQUAL_FATAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, t, strlen(t)), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_set_section_line(r, GK_SECTION_OVERVIEW, 1), GK_OK);
  gk_diags *d = run(r, "text.table"); /* the report's own findings were in the overview replaced */
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  expect(d, 0, 2, "3525", "3600");
  expect(d, 1, 5, "77", "78");
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_text_rules_placeholder(void) {
  gk_report *r = load("2020_jilin-fusong-donggang-town.txt");
  gk_diags *d = run(r, "text.placeholder");
  CU_ASSERT_EQUAL(gk_diags_count(d), 2);
  expect(d, 0, 15, NULL, "县年");
  expect(d, 1, 15, NULL, "【9号】");
  gk_diags_free(d);
  gk_report_free(r);
  /* XX, ××, empty brackets, 〔〕号 */
  gk_report *s = NULL;
  gk_report_new(&s, GK_EDITION_2021, 2022);
  const char *t = "XX镇2022年工作。\n依据××文件（X政发〔〕号）和【】。\nXXL尺码不是占位。\n"
                  "依据〔　〕号和【 】，于　年　月　日印发，2022年 月 日生效。\n"
                  "2022年1月1日、出生年月日、【政务公开】、〔2022〕1号、本年\n月度、[ x ]都不是。";
  gk_report_set_section(s, GK_SECTION_OVERVIEW, t, strlen(t));
  gk_report_set_section_line(s, GK_SECTION_OVERVIEW, 10);
  d = run(s, "text.placeholder");
  CU_ASSERT_EQUAL(gk_diags_count(d), 8);
  expect(d, 0, 10, NULL, "XX");
  expect(d, 1, 11, NULL, "××");
  expect(d, 2, 11, NULL, "〔〕");
  expect(d, 3, 11, NULL, "【】");
  expect(d, 4, 13, NULL, "〔　〕");
  expect(d, 5, 13, NULL, "【 】");
  expect(d, 6, 13, NULL, "年　月　日");
  expect(d, 7, 13, NULL, "年 月 日");
  gk_diags_free(d);
  gk_report_free(s);
  quiet("2020_ganzhou-fenggang-town.txt", "text.placeholder");
  quiet("2023_suqian-municipal-government.txt", "text.placeholder");
}

static void test_text_rules_fee(void) {
  gk_report *r = NULL;
  gk_report_new(&r, GK_EDITION_2021, 2023);
  gk_report_set_section(r, GK_SECTION_OTHER, "无", strlen("无"));
  gk_report_set_section_line(r, GK_SECTION_OTHER, 40);
  gk_diags *d = run(r, "text.fee");
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  expect(d, 0, 40, "信息处理费", NULL);
  gk_diags_free(d);
  gk_report_set_section(r, GK_SECTION_OTHER, "本年度未收取信息处理费。", strlen("本年度未收取信息处理费。"));
  d = run(r, "text.fee");
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_report_free(r);
  quiet("2023_suqian-municipal-government.txt", "text.fee");
  quiet("2023_huaian-hongze-district-government.txt", "text.fee");
  quiet("2020_ganzhou-fenggang-town.txt", "text.fee"); /* 2019 edition: not required */
}

static void test_text_rules_sections(void) {
  /* prose only, the copy ends in 一: the importer marks it truncated and says so
   * once (import.truncated); text.sections stays silent about the missing tail */
  gk_report *r = load("2020_xianning-high-tech-zone.txt");
  CU_ASSERT_EQUAL(gk_report_completeness(NULL, NULL, r), GK_TRUNCATED);
  gk_diags *d = run(r, "text.sections");
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  /* the same copy held as complete: every part after 一 is missing */
  CU_ASSERT_EQUAL(gk_report_set_completeness(r, GK_COMPLETE, -1, SIZE_MAX), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_missing_tables(r, 0), GK_OK);
  d = run(r, "text.sections");
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0),
                         "二、主动公开政府信息情况、三、收到和处理政府信息公开申请情况、"
                         "四、政府信息公开行政复议、行政诉讼情况、五、存在的主要问题及改进情况、"
                         "六、其他需要报告的事项");
  gk_diags_free(d);
  gk_report_free(r);
  quiet("2020_ganzhou-fenggang-town.txt", "text.sections");
  quiet("2024_huaian-municipal-government.txt", "text.sections");
  /* no prose at all (a report built in code): no text rule runs */
  gk_report *e = NULL;
  gk_report_new(&e, GK_EDITION_2021, 2023);
  gk_diags *all = NULL;
  gk_diags_new(&all);
  CU_ASSERT_EQUAL(gk__text_rules_run(e, all), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(all), 0);
  CU_ASSERT_EQUAL(gk__text_rules_run(NULL, all), GK_EINVAL);
  gk_diags_free(all);
  gk_report_free(e);
}

static void test_text_rules_through_validate(void) {
  gk_report *r = load("2020_baoji-longxian-town.txt");
  gk_diags *d = NULL;
  gk_diags_new(&d);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  int found = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), "text.sum") == 0) found = gk_diag_line(d, i) == 5;
  CU_ASSERT_TRUE(found);
  gk_diags_free(d);
  gk_report_free(r);
}

/* Every finding of the text rules on every real report, in order, recorded from
 * the byte-by-byte implementation before it was made fast (issue 8): the fast
 * scan must find exactly the same. Every .txt of tests/data/real is checked: one
 * absent from real_findings has none (a report added there must be recorded). */
typedef struct {
  const char *file, *rule;
  uint32_t line;
  const char *expected, *actual, *cell;
} recorded;

static const recorded real_findings[] = {
  {"2019_shanghai-municipal-general-office.txt", "text.sum", 16, "805", "716", NULL},
  {"2019_xiongxian-township-blank-tables.txt", "text.sections", 0, NULL, "三、收到和处理政府信息公开申请情况、四、政府信息公开行政复议、行政诉讼情况、五、存在的主要问题及改进情况、六、其他需要报告的事项", NULL},
  {"2020_baoji-longxian-town.txt", "text.sum", 5, "103", "89", NULL},
  {"2020_district-audit-bureau-flipbook-page9.txt", "text.sections", 0, NULL, "一、总体情况、六、其他需要报告的事项", NULL},
  {"2020_jilin-fusong-donggang-town.txt", "text.placeholder", 15, NULL, "县年", NULL},
  {"2020_jilin-fusong-donggang-town.txt", "text.placeholder", 15, NULL, "【9号】", NULL},
  {"2020_wuhan-ecology-environment-bureau-hubei-annotated.txt", "text.sections", 0, NULL, "一、总体情况", NULL},
  {"2020_zibo-zhongbu-town.txt", "text.period", 16, "2020-01-01..2020-12-31", "2020-01-01..202020-12-31", NULL},
  {"2021_huaian-natural-resources-planning-bureau.txt", "text.period", 3, "2021-01-01..2021-12-31", "2020-01-01..2020-12-31", NULL},
  {"2024_huaian-hongze-district-government.txt", "text.table", 26, "95", "17", "requests/new/total"},
  {"2024_suqian-municipal-government.txt", "text.table", 45, "170", "134", "review/reconsideration/total"},
  {"2024_suqian-municipal-government.txt", "text.table", 45, "77", "57", "review/litigation_direct/total"},
};

static int same_str(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* The findings on each real report equal the recorded ones, in order. */
static void test_text_rules_real_recorded(void) {
  size_t nrec = sizeof real_findings / sizeof real_findings[0], seen = 0, files = 0;
  DIR *dir = opendir(GK_REAL_DATA);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  struct dirent *de;
  while ((de = readdir(dir)) != NULL) {
    size_t nl = strlen(de->d_name);
    if (nl < 4 || strcmp(de->d_name + nl - 4, ".txt") != 0) continue;
    files++;
    gk_report *r = load(de->d_name);
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL(gk__text_rules_run(r, d), GK_OK);
    size_t k = 0;
    for (size_t i = 0; i < nrec; i++) {
      const recorded *e = &real_findings[i];
      if (strcmp(e->file, de->d_name) != 0) continue;
      CU_ASSERT_TRUE_FATAL(k < gk_diags_count(d));
      CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, k), e->rule);
      CU_ASSERT_EQUAL(gk_diag_line(d, k), e->line);
      CU_ASSERT_EQUAL(gk_diag_severity(d, k), GK_SEV_WARNING);
      CU_ASSERT_TRUE(same_str(gk_diag_expected(d, k), e->expected));
      CU_ASSERT_TRUE(same_str(gk_diag_actual(d, k), e->actual));
      CU_ASSERT_TRUE(same_str(gk_diag_ncells(d, k) ? gk_diag_cell(d, k, 0) : NULL, e->cell));
      k++;
    }
    CU_ASSERT_EQUAL(gk_diags_count(d), k);
    seen += k;
    gk_diags_free(d);
    gk_report_free(r);
  }
  closedir(dir);
  CU_ASSERT_TRUE(files >= 42);
  CU_ASSERT_EQUAL(seen, nrec);
  CU_ASSERT_EQUAL(nrec, 12);
}

/* The flattened prose: CR LF and empty lines, findings at the very start and
 * end of a section, each on the line of its sentence. */
static const char crlf_text[] = "XX镇\r\n\r\n抚松县年政务公开。共5件，其中2\r\n件、其他2件。\r\n［］";

static gk_report *crlf_report(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2022), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, crlf_text, strlen(crlf_text)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section_line(r, GK_SECTION_OVERVIEW, 20), GK_OK);
  return r;
}

static void test_text_rules_crlf_edges(void) {
  gk_report *r = crlf_report();
  gk_diags *d = run(r, "text.sum");
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  expect(d, 0, 22, "5", "4");
  gk_diags_free(d);
  d = run(r, "text.placeholder");
  CU_ASSERT_EQUAL(gk_diags_count(d), 3);
  expect(d, 0, 20, NULL, "XX");
  expect(d, 1, 22, NULL, "县年");
  expect(d, 2, 24, NULL, "［］");
  gk_diags_free(d);
  gk_report_free(r);
}

/* Property: the scans step over whole characters of every UTF-8 length without
 * missing a mark or a digit after one. Random prose of fillers (1- to 4-byte
 * characters, line breaks) and placeholders (each one finding, in order) and
 * breakdowns "共N条，其中A条、其他B条。" (a finding exactly when A + B != N). */
static void test_text_rules_random_prose(void) {
  static const char *const fill[] = {"a", "é", "中", "𠀀", "，", "\n", "“", "、", "：", "。"};
  static const char *const mark[] = {"××", "ＸＸ", "【】", "〔〕", "［］", "〔　〕", "【 】"};
  unsigned seed = 12345;
  for (int round = 0; round < 300; round++) {
    char text[2048], want[40][16];
    size_t len = 0, nwant = 0, nsum = 0;
    for (int k = 0; k < 30; k++) {
      seed = seed * 1103515245u + 12345u;
      unsigned x = (seed >> 16) % 19;
      const char *piece = x < 10 ? fill[x] : x < 17 ? mark[x - 10] : NULL;
      char sum[64];
      if (!piece) { /* a breakdown, after the sentence before */
        unsigned a = (seed >> 8) % 5, b = (seed >> 4) % 5, t = a + b + (x == 18);
        snprintf(sum, sizeof sum, "。共%u条，其中%u条、其他%u条。", t, a, b);
        piece = sum;
        nsum += x == 18;
      } else if (x >= 10) {
        strcpy(want[nwant++], piece);
      }
      memcpy(text + len, piece, strlen(piece));
      len += strlen(piece);
    }
    text[len] = '\0';
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2022), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, text, len), GK_OK);
    gk_diags *d = run(r, "text.placeholder");
    CU_ASSERT_EQUAL(gk_diags_count(d), nwant);
    for (size_t i = 0; i < nwant && i < gk_diags_count(d); i++)
      CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), want[i]);
    gk_diags_free(d);
    d = run(r, "text.sum");
    CU_ASSERT_EQUAL(gk_diags_count(d), nsum);
    gk_diags_free(d);
    gk_report_free(r);
  }
}

/* Allocation failures: GK_ENOMEM, or all the findings. */
static void test_text_rules_alloc_failures(void) {
  gk_report *r = crlf_report();
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk__text_rules_run(r, d), GK_OK);
  size_t want = gk_diags_count(d);
  CU_ASSERT_EQUAL(want, 5); /* text.sections, text.sum, 3 text.placeholder */
  int ok = 0;
  for (long n = 0; n < 1000 && !ok; n++) {
    gk_diags_clear(d);
    gk__alloc_fail_after(n);
    int rc = gk__text_rules_run(r, d);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) {
      CU_ASSERT_EQUAL(gk_diags_count(d), want);
      ok = 1;
    } else {
      CU_ASSERT_EQUAL(rc, GK_ENOMEM);
    }
  }
  CU_ASSERT_TRUE(ok);
  gk_diags_free(d);
  gk_report_free(r);
}

static CU_TestInfo tests[] = {
  {"sum", test_text_rules_sum},
  {"period", test_text_rules_period},
  {"table", test_text_rules_table},
  {"table: the readings of a restated number", test_text_rules_table_readings},
  {"placeholder", test_text_rules_placeholder},
  {"random_prose", test_text_rules_random_prose},
  {"fee", test_text_rules_fee},
  {"sections", test_text_rules_sections},
  {"through_validate", test_text_rules_through_validate},
  {"real_recorded", test_text_rules_real_recorded},
  {"crlf_edges", test_text_rules_crlf_edges},
  {"alloc_failures", test_text_rules_alloc_failures},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text_rules", tests); }
