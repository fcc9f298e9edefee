/* SPDX-License-Identifier: MIT */
/* What a text import says about the copy (issues 11 and 16): completeness set
 * on every import (complete, truncated at a table and row, tables missing,
 * pre-format), a second copy of a table with other numbers
 * (import.duplicate_table), documents that are no report. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "gkreport/text.h"

static const char *const REPORT = "2020_ganzhou-fenggang-town";

static int has_rule(const gk_diags *d, const char *rule) {
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), rule) == 0) return 1;
  return 0;
}

/* Import text; the diagnostics in *d_out (caller frees). */
static gk_report *import(const char *text, size_t n, gk_diags **d_out, int want_rc) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(d_out), GK_OK);
  int rc = gk_report_from_text(&r, text, n, "test", *d_out);
  CU_ASSERT_EQUAL(rc, want_rc);
  return r;
}

static char *real_text(size_t *n) {
  char name[128];
  snprintf(name, sizeof name, "%s.txt", REPORT);
  char *t = gk_test_read_data(name, 1, n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  return t;
}

/* The text of the report between two headings: [strstr(a), strstr(b)). */
static size_t part_span(const char *t, const char *a, const char *b, size_t *from) {
  const char *p = strstr(t, a), *q = strstr(t, b);
  CU_ASSERT_PTR_NOT_NULL_FATAL(p);
  CU_ASSERT_PTR_NOT_NULL_FATAL(q);
  *from = (size_t)(p - t);
  return (size_t)(q - p);
}

static void test_text_completeness_complete(void) {
  size_t n;
  char *t = real_text(&n);
  gk_diags *d;
  gk_report *r = import(t, n, &d, GK_OK);
  int table = 0;
  size_t row = 0;
  CU_ASSERT_EQUAL(gk_report_completeness(&table, &row, r), GK_COMPLETE);
  CU_ASSERT_EQUAL(table, -1);
  CU_ASSERT_EQUAL(gk_report_missing_tables(r), 0);
  CU_ASSERT_FALSE(has_rule(d, "import.duplicate_table"));
  gk_report_free(r);
  gk_diags_free(d);
  gk_free(t);
}

static void test_text_completeness_truncated(void) {
  size_t n;
  char *t = real_text(&n);
  /* cut inside table 三, after its row 二、上年结转 */
  const char *cut = strstr(t, "\t三、本年度办理结果");
  CU_ASSERT_PTR_NOT_NULL_FATAL(cut);
  gk_diags *d;
  gk_report *r = import(t, (size_t)(cut - t), &d, GK_OK);
  int table = -1;
  size_t row = 0;
  CU_ASSERT_EQUAL(gk_report_completeness(&table, &row, r), GK_TRUNCATED);
  CU_ASSERT_EQUAL(table, GK_TABLE_REQUESTS);
  CU_ASSERT_STRING_EQUAL(gk_schema_row_key(2019, GK_TABLE_REQUESTS, row), "granted");
  CU_ASSERT_EQUAL(gk_report_missing_tables(r), 1u << GK_TABLE_REVIEW);
  CU_ASSERT_TRUE(has_rule(d, "import.truncated"));
  gk_report_free(r);
  gk_diags_free(d);
  gk_free(t);
}

static void test_text_completeness_missing_table(void) {
  size_t n, from;
  char *t = real_text(&n);
  size_t len = part_span(t, "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", &from);
  memmove(t + from, t + from + len, n - from - len);
  gk_diags *d;
  gk_report *r = import(t, n - len, &d, GK_OK);
  CU_ASSERT_EQUAL(gk_report_completeness(NULL, NULL, r), GK_TABLES_MISSING);
  CU_ASSERT_EQUAL(gk_report_missing_tables(r), 1u << GK_TABLE_ACTIVE);
  CU_ASSERT_TRUE(has_rule(d, "import.missing_table"));
  gk_report_free(r);
  gk_diags_free(d);
  gk_free(t);
}

static void test_text_completeness_pre_format(void) {
  size_t n;
  char *t = gk_test_read_data("2013_hunan-daoxian-culture-bureau.txt", 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  gk_diags *d;
  gk_report *r = import(t, n, &d, GK_OK);
  CU_ASSERT_EQUAL(gk_report_completeness(NULL, NULL, r), GK_PRE_FORMAT);
  CU_ASSERT_TRUE(has_rule(d, "import.legacy"));
  gk_report_free(r);
  gk_diags_free(d);
  gk_free(t);
}

/* The report with a second copy of table 三 appended; `change`: its digits 0 -> 7. */
static void duplicate_case(int change) {
  size_t n, from;
  char *t = real_text(&n);
  size_t len = part_span(t, "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议", &from);
  char *doc = malloc(n + len + 2);
  CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
  memcpy(doc, t, n);
  doc[n] = '\n';
  memcpy(doc + n + 1, t + from, len);
  for (size_t i = n + 1; change && i < n + 1 + len; i++)
    if (doc[i] == '0' && (doc[i - 1] == '\t' || doc[i - 1] == '\n')) doc[i] = '7';
  gk_diags *d;
  gk_report *r = import(doc, n + 1 + len, &d, GK_OK);
  CU_ASSERT_EQUAL(has_rule(d, "import.duplicate_table"), change);
  /* the first copy is kept */
  char got[32];
  CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, "requests/new/natural", GK_NUL_TERMINATED) >= 0);
  CU_ASSERT_STRING_EQUAL(got, "0");
  for (size_t i = 0; i < gk_diags_count(d) && change; i++)
    if (strcmp(gk_diag_rule(d, i), "import.duplicate_table") == 0) {
      CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, i, GK_LANG_ZH), "第91行"));
    }
  gk_report_free(r);
  gk_diags_free(d);
  free(doc);
  gk_free(t);
}

static void test_text_completeness_duplicate_table(void) {
  duplicate_case(1);
  duplicate_case(0); /* the same numbers twice: nothing to say */
}

/* A title alone is no report; a title with prose is read (pre-2019 reports are
 * prose), prose alone is not. */
static void test_text_completeness_not_report(void) {
  const char *title = "某县人民政府2023年政府信息公开工作年度报告\n\n";
  gk_diags *d;
  gk_report *r = import(title, strlen(title), &d, GK_EPARSE);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_TRUE(has_rule(d, "import.not_report"));
  gk_diags_free(d);
  const char *prose = "本机关坚持以公开为常态。\n全年未收到申请。\n";
  r = import(prose, strlen(prose), &d, GK_EPARSE);
  CU_ASSERT_TRUE(has_rule(d, "import.not_report"));
  gk_diags_free(d);
  const char *legacy = "某县文化局2013年政府信息公开工作年度报告\n本年度主动公开信息20条。\n";
  r = import(legacy, strlen(legacy), &d, GK_OK);
  CU_ASSERT_FALSE(has_rule(d, "import.not_report"));
  CU_ASSERT_EQUAL(gk_report_completeness(NULL, NULL, r), GK_PRE_FORMAT);
  gk_report_free(r);
  gk_diags_free(d);
}

/* Encoding errors located by line and column; CR-only line endings read. */
static void test_text_completeness_encoding_and_endings(void) {
  const char *bad = "一、总体情况\n第二行\xff";
  gk_diags *d;
  gk_report *r = import(bad, strlen(bad), &d, GK_EENCODING);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 2);
  CU_ASSERT_EQUAL(gk_diag_column(d, 0), 4);
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 0, GK_LANG_EN), "line 2, column 4"));
  gk_diags_free(d);
  size_t n;
  char *t = real_text(&n);
  gk_report *a = import(t, n, &d, GK_OK);
  gk_diags_free(d);
  for (size_t i = 0; i < n; i++)
    if (t[i] == '\n') t[i] = '\r';
  gk_report *b = import(t, n, &d, GK_OK);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  CU_ASSERT_TRUE(gk_report_equal(a, b, 0));
  gk_report_free(b);
  gk_diags_free(d);
  /* cut inside the last character (of 六、其他需要报告的事项's text): what is there, truncated */
  size_t end = n;
  while (end > 0 && ((unsigned char)t[end - 1] < 0x80)) end--;
  b = import(t, end - 1, &d, GK_OK);
  CU_ASSERT_PTR_NOT_NULL_FATAL(b);
  CU_ASSERT_TRUE(has_rule(d, "import.truncated"));
  CU_ASSERT_EQUAL(gk_report_completeness(NULL, NULL, b), GK_COMPLETE);
  gk_report_free(a);
  gk_report_free(b);
  gk_diags_free(d);
  gk_free(t);
}

/* The message of the k-th finding of `rule` in `lang`, NULL when there is none. */
static const char *msg_of(const gk_diags *d, const char *rule, int k, int lang) {
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), rule) == 0 && k-- == 0) return gk_diag_message(d, i, lang);
  return NULL;
}

/* Import a real report; every English message is free of keys (no "_"). */
static gk_diags *import_real(const char *name) {
  size_t n;
  char *t = gk_test_read_data(name, 1, &n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  gk_diags *d;
  gk_report *r = import(t, n, &d, GK_OK);
  for (size_t i = 0; i < gk_diags_count(d); i++)
    CU_ASSERT_PTR_NULL(strchr(gk_diag_message(d, i, GK_LANG_EN), '_'));
  gk_report_free(r);
  gk_free(t);
  return d;
}

#define MSG_EQ(d, rule, k, lang, want)                        \
  do {                                                        \
    const char *m_ = msg_of((d), (rule), (k), (lang));        \
    CU_ASSERT_PTR_NOT_NULL_FATAL(m_);                         \
    CU_ASSERT_STRING_EQUAL(m_, (want));                       \
  } while (0)

/* What is missing from a copy is said with printed labels, in both languages. */
static void test_text_completeness_messages(void) {
  gk_diags *d = import_real("2020_district-audit-bureau-flipbook-page9.txt");
  MSG_EQ(d, "import.missing_table", 0, GK_LANG_EN, "table Proactive disclosure is missing");
  MSG_EQ(d, "import.missing_table", 0, GK_LANG_ZH, "缺少“主动公开政府信息情况”表");
  MSG_EQ(d, "import.truncated", 0, GK_LANG_EN,
         "the text starts inside the table: the rows before “Carried forward to next year” are "
         "missing");
  MSG_EQ(d, "import.truncated", 0, GK_LANG_ZH, "文本从表格中间开始：“四、结转下年度继续办理”之前的行缺失");
  MSG_EQ(d, "import.truncated", 1, GK_LANG_EN,
         "the text ends before the report does: part 6 (“Other matters to report”) and the "
         "following are missing");
  gk_diags_free(d);
  d = import_real("2019_xiongxian-township-blank-tables.txt");
  MSG_EQ(d, "import.ambiguous", 0, GK_LANG_EN,
         "row “Regulations” has fewer values than columns (blank cells were dropped): the columns "
         "are ambiguous, left blank");
  MSG_EQ(d, "import.ambiguous", 0, GK_LANG_ZH,
         "“规章”的数值个数少于列数（空白单元格被省略），无法确定各列，已留空");
  MSG_EQ(d, "import.truncated", 0, GK_LANG_EN,
         "the text ends before the report does: part 5 (“Main problems and improvements”) and the "
         "following are missing");
  gk_diags_free(d);
  /* quiet: a complete copy says nothing about what is missing */
  d = import_real("2020_ganzhou-fenggang-town.txt");
  CU_ASSERT_PTR_NULL(msg_of(d, "import.truncated", 0, GK_LANG_EN));
  CU_ASSERT_PTR_NULL(msg_of(d, "import.missing_table", 0, GK_LANG_EN));
  gk_diags_free(d);
  d = import_real("2020_wuhan-ecology-environment-bureau-hubei-annotated.txt");
  const char *m = msg_of(d, "import.unknown_row", 0, GK_LANG_EN);
  CU_ASSERT_PTR_NOT_NULL_FATAL(m);
  CU_ASSERT_EQUAL(strncmp(m, "line 8: values under a label that is no row of table Proactive "
                             "disclosure (", 75), 0);
  gk_diags_free(d);
}

static CU_TestInfo tests[] = {
  {"messages with printed labels", test_text_completeness_messages},
  {"encoding errors located, CR-only endings", test_text_completeness_encoding_and_endings},
  {"what is no report", test_text_completeness_not_report},
  {"a complete copy", test_text_completeness_complete},
  {"a copy cut inside table 三", test_text_completeness_truncated},
  {"a copy without table 二", test_text_completeness_missing_table},
  {"a report before the 2019 format", test_text_completeness_pre_format},
  {"a second copy of a table", test_text_completeness_duplicate_table},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text_completeness", tests); }
