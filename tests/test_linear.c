/* SPDX-License-Identifier: MIT */
/* Linear cost on hostile input (issue 14): every text rule family and every
 * reader over adversarial text at two sizes. The cost of one input of size N is
 * compared with the cost of 16 inputs of size N/16 (the same bytes in all): a
 * linear algorithm gives a ratio near 1, a quadratic one near 16. The bound, 4,
 * leaves a wide margin for a busy machine; no absolute time is asserted. CPU
 * time, best of three runs on each side. Sizes: 1 MiB against 16 x 64 KiB
 * (64 KiB against 16 x 4 KiB under valgrind and the sanitizers, 20-50x slower). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zip.h>
#include "testutil.h"
#include "read_doc.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define GK_LINEAR_SLOW 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define GK_LINEAR_SLOW 1
#endif
#endif

#define PARTS 16
#define MAX_RATIO 4.0

static size_t big_size(void) {
#ifdef GK_LINEAR_SLOW
  return (size_t)64 << 10;
#else
  return getenv("GK_TEST_UNDER_VALGRIND") ? (size_t)64 << 10 : (size_t)1 << 20;
#endif
}

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* prefix + unit repeated up to n bytes (whole units), NUL-terminated. */
static char *fill(const char *prefix, const char *unit, size_t n, size_t *len_out) {
  size_t k = strlen(unit), pl = strlen(prefix), o = pl;
  char *s = malloc(pl + n + k + 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  memcpy(s, prefix, pl);
  while (o + k <= pl + n) {
    memcpy(s + o, unit, k);
    o += k;
  }
  s[o] = '\0';
  *len_out = o;
  return s;
}

/* One job over an input of n bytes built from unit; returns its CPU time. */
typedef double (*job_fn)(const char *unit, size_t n);

/* text rules: the unit repeated in every prose section */
static double job_rules(const char *unit, size_t n) {
  size_t len;
  char *s = fill("", unit, n, &len);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  static const int sections[] = {GK_SECTION_PREAMBLE, GK_SECTION_OVERVIEW, GK_SECTION_PROBLEMS,
                                 GK_SECTION_OTHER};
  for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++)
    CU_ASSERT_EQUAL_FATAL(gk_report_set_section(r, sections[i], s, len), GK_OK);
  double t = cpu_now();
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  t = cpu_now() - t;
  gk_diags_free(d);
  gk_report_free(r);
  free(s);
  return t;
}

/* the text importer: a title and a heading, then the unit */
static double job_text(const char *unit, size_t n) {
  size_t len;
  char *s = fill("某县2023年政府信息公开工作年度报告\n一、总体情况\n三、收到和处理政府信息公开申请情况\n",
                 unit, n, &len);
  gk_report *r = NULL;
  double t = cpu_now();
  int rc = gk_report_from_text(&r, s, len, NULL, NULL);
  t = cpu_now() - t;
  CU_ASSERT_TRUE(rc == GK_OK || rc == GK_EPARSE);
  gk_report_free(r);
  free(s);
  return t;
}

#ifdef GK_HAVE_JSON
/* the JSON reader: the unit (JSON-safe) repeated in a section */
static double job_json(const char *unit, size_t n) {
  size_t len;
  char *s = fill("{\"gkreport\":1,\"edition\":\"2021\",\"year\":2023,\"sections\":{\"overview\":\"", unit,
                 n, &len);
  char *doc = realloc(s, len + 4);
  CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
  memcpy(doc + len, "\"}}", 4);
  gk_report *r = NULL;
  double t = cpu_now();
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, len + 3, NULL, NULL), GK_OK);
  t = cpu_now() - t;
  gk_report_free(r);
  free(doc);
  return t;
}
#endif

#if defined(GK_HAVE_JSONL) && defined(GK_HAVE_JSON)
/* JSON Lines: the unit is one line, repeated, fed in 64 KiB chunks */
static double job_jsonl(const char *unit, size_t n) {
  size_t len;
  char *s = fill("", unit, n, &len);
  gk_aggregate *a = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, GK_AGGREGATE_NO_CONTRIBUTORS), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  double t = cpu_now();
  for (size_t o = 0; o < len; o += 65536)
    CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, s + o, len - o < 65536 ? len - o : 65536, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl_end(a, d), GK_OK);
  t = cpu_now() - t;
  gk_diags_free(d);
  gk_aggregate_free(a);
  free(s);
  return t;
}
#endif

/* The HTML reader alone (the grid; the recognizer is the text import's job):
 * a page that opens a table, then the unit. */
static double job_html(const char *unit, size_t n) {
  size_t len;
  char *s = fill("<html><body><h1>某县2023年政府信息公开工作年度报告</h1><table>", unit, n, &len);
  gk__grid g;
  gk__grid_init(&g);
  double t = cpu_now();
  int rc = gk__html_grid(&g, s, len, "l.html", NULL);
  t = cpu_now() - t;
  CU_ASSERT_TRUE(rc == GK_OK || rc == GK_EPARSE);
  gk__grid_free(&g);
  free(s);
  return t;
}

/* A .docx (built with libzip, stored) whose body is the unit repeated. */
static char *docx_of_body(const char *body, size_t blen, size_t *len) {
  static const char ct[] =
      "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
      "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
      "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";
  static const char head[] = "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas."
                             "openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  char *doc = malloc(sizeof head + blen + 32);
  CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
  memcpy(doc, head, sizeof head - 1);
  memcpy(doc + sizeof head - 1, body, blen);
  size_t dlen = sizeof head - 1 + blen;
  dlen += (size_t)sprintf(doc + dlen, "</w:body></w:document>");
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  zip_source_keep(src);
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  CU_ASSERT_PTR_NOT_NULL_FATAL(za);
  zip_source_t *a = zip_source_buffer(za, ct, strlen(ct), 0), *b = zip_source_buffer(za, doc, dlen, 0);
  zip_int64_t ia = zip_file_add(za, "[Content_Types].xml", a, 0);
  zip_int64_t ib = zip_file_add(za, "word/document.xml", b, 0);
  CU_ASSERT_TRUE_FATAL(ia >= 0 && ib >= 0);
  zip_set_file_compression(za, (zip_uint64_t)ib, ZIP_CM_STORE, 0);
  CU_ASSERT_EQUAL_FATAL(zip_close(za), 0);
  CU_ASSERT_EQUAL_FATAL(zip_source_open(src), 0);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  char *out = malloc((size_t)size);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_EQUAL_FATAL(zip_source_read(src, out, (zip_uint64_t)size), size);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&ze);
  free(doc);
  *len = (size_t)size;
  return out;
}

/* The DOCX reader alone: a body of the unit repeated (built outside the timing). */
static double job_docx(const char *unit, size_t n) {
  size_t blen, len;
  char *body = fill("", unit, n, &blen);
  char *z = docx_of_body(body, blen, &len);
  gk__grid g;
  gk__grid_init(&g);
  double t = cpu_now();
  int rc = gk__docx_grid(&g, z, len, "l.docx", NULL);
  t = cpu_now() - t;
  CU_ASSERT_TRUE(rc == GK_OK || rc == GK_EPARSE);
  gk__grid_free(&g);
  free(z);
  free(body);
  return t;
}

static double best_of_3(job_fn job, const char *unit, size_t n, int parts) {
  double best = 0;
  for (int k = 0; k < 3; k++) {
    double t = 0;
    for (int p = 0; p < parts; p++) t += job(unit, n / (size_t)parts);
    if (k == 0 || t < best) best = t;
  }
  return best;
}

/* The cost of one input of big_size() against PARTS inputs of a PARTS-th. */
static void expect_linear(job_fn job, const char *what, const char *unit) {
  size_t n = big_size();
  double small = best_of_3(job, unit, n, PARTS), big = best_of_3(job, unit, n, 1);
  /* below a millisecond in all the timer says little: both cheap is linear enough */
  if (big < 1e-3) return;
  double ratio = big / (small > 1e-6 ? small : 1e-6);
  if (ratio > MAX_RATIO) {
    fprintf(stderr, "\n%s over \"%s\": %zu bytes cost %.4f s, %d x %zu cost %.4f s (ratio %.1f)\n",
            what, unit, n, big, PARTS, n / PARTS, small, ratio);
    CU_FAIL("cost grows faster than the input");
  }
}

/* the worst characters of each rule family: 年 and unit + 年 (text.placeholder),
 * digits, 共, 其中, shares (text.sum), restated numbers (text.table), the period
 * (text.period), heading numerals (text.sections), pipes */
static const char *const rule_units[] = {
  "年", "县年", "县年政府信息公开", "2023年政府信息公开工作年度报告\n", "××", "【1号", "〔",
  "1", "1件", "共", "共1件，", "其中", "其中1件", "1件，占", "1件，占1%；", "包括1件", "第",
  "新收申请", "新收申请1件", "行政复议1件", "统计期", "统计期限自2023年1月1日",
  "一、", "（一）", "|", "1|", "。", "\n",
};

static void test_linear_text_rules(void) {
  for (size_t i = 0; i < sizeof rule_units / sizeof rule_units[0]; i++)
    expect_linear(job_rules, "text rules", rule_units[i]);
}

static const char *const import_units[] = {
  "年", "\n", "1\n", "1", "|\n", "|1|2|3|4|5|6|7|\n", "1 2 3 4 5 6 7\n", "\t1\t2\t3\n",
  "一、\n", "（一）\n", "其中1件\n", "共1件，其中1件\n", "自然人\n", "总计\n", "信息内容\n",
  "一、本年新收政府信息公开申请数量\n", "12345678901234567890\n", "2023年政府信息公开工作年度报告\n",
};

static void test_linear_text_import(void) {
  for (size_t i = 0; i < sizeof import_units / sizeof import_units[0]; i++)
    expect_linear(job_text, "text import", import_units[i]);
}

#ifdef GK_HAVE_JSON
static void test_linear_json(void) {
  static const char *const units[] = {"年", "1", "|", "\\n", "\\u5e74", "\\\\", " ", "其中"};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
    expect_linear(job_json, "JSON reader", units[i]);
}
#endif

/* Rows of one big table, nested spans, nested (layout and menu) tables,
 * hostile spans, Word markup, Chinese text wrapped over lines. */
static void test_linear_html(void) {
  static const char *const units[] = {
      "<tr><td>1</td><td>2</td><td>3</td></tr>\n", "<span>", "<span>1</span>", "<table><tr><td>",
      "<table><tr><td><ul><li><a>x</a></li></ul></td><td>", "<tr><td rowspan=9999 colspan=999>1",
      "<td>", "<p class=MsoNormal><span lang=EN-US>1<o:p></o:p></span><![if !supportMisc]>x<![endif]></p>",
      "<p>社会公益\r\n组织&shy;&#8203;</p>", "<ul><li><a href=x>链接</a></li>", "<div>", "<br>"};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) expect_linear(job_html, "HTML reader", units[i]);
}

/* Rows of one table, nested tables, merges, text boxes, styles, content controls. */
static void test_linear_docx(void) {
  static const char *const units[] = {
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p/></w:tc></w:tr></w:tbl>",
      "<w:tbl><w:tr><w:tc>",
      "<w:tbl><w:tr><w:tc><w:tcPr><w:vMerge/><w:gridSpan w:val=\"999\"/></w:tcPr><w:p/></w:tc></w:tr></w:tbl>",
      "<w:p><w:r><w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:r></w:p>",
      "<w:p><w:pPr><w:pStyle w:val=\"1\"/><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:p>",
      "<w:sdt><w:sdtContent>", "<w:p><w:r><w:t>社会公益组织</w:t><w:noBreakHyphen/><w:sym w:char=\"00D7\"/></w:r></w:p>",
      "<w:p><w:del><w:r><w:delText>1</w:delText></w:r></w:del><w:ins><w:r><w:t>2</w:t></w:r></w:ins></w:p>"};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++) expect_linear(job_docx, "DOCX reader", units[i]);
}

/* gk_diags_apply_opts drops the findings of a rule turned off in one pass */
static double job_opts(const char *unit, size_t n) {
  gk_diags *d = NULL;
  gk_validate_opts *o = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_new(&o), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_disable(o, unit), GK_OK);
  for (size_t i = 0; i < n / 16; i++)
    CU_ASSERT_EQUAL_FATAL(gk_diags_add(NULL, d, GK_SEV_INFO, i % 2 ? unit : "cell.blank", NULL, NULL,
                                       NULL, 0, 0),
                          GK_OK);
  double t = cpu_now();
  CU_ASSERT_EQUAL(gk_diags_apply_opts(d, 0, o), GK_OK);
  t = cpu_now() - t;
  CU_ASSERT_EQUAL(gk_diags_count(d), (n / 16 + 1) / 2);
  gk_validate_opts_free(o);
  gk_diags_free(d);
  return t;
}

static void test_linear_rule_selection(void) { expect_linear(job_opts, "rule selection", "import.converted"); }

/* hostile prose gives at most 100 findings of a text rule per section */
static void test_linear_findings_capped(void) {
  size_t len;
  char *s = fill("", "××", (size_t)1 << 16, &len);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_set_section(r, GK_SECTION_PROBLEMS, s, len), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
  size_t k = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) k += strcmp(gk_diag_rule(d, i), "text.placeholder") == 0;
  CU_ASSERT_EQUAL(k, 100);
  gk_diags_free(d);
  gk_report_free(r);
  free(s);
}

#if defined(GK_HAVE_JSONL) && defined(GK_HAVE_JSON)
static void test_linear_jsonl(void) {
  static const char *const units[] = {
    "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2023,\"tables\":{\"requests\":{\"new\":{\"natural\":1}}}}\n",
    "\n", "x\n", "{\"gkreport\":1,\"edition\":\"2021\",\"year\":\n", "年"};
  for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
    expect_linear(job_jsonl, "JSON Lines reader", units[i]);
}
#endif

int main(void) {
  gk_test_warm_heap(); /* the big input pays no page faults the small ones do not */
  CU_TestInfo tests[] = {
    {"test_linear_text_rules", test_linear_text_rules},
    {"test_linear_text_import", test_linear_text_import},
    {"test_linear_rule_selection", test_linear_rule_selection},
    {"test_linear_findings_capped", test_linear_findings_capped},
    {"test_linear_html", test_linear_html},
    {"test_linear_docx", test_linear_docx},
#ifdef GK_HAVE_JSON
    {"test_linear_json", test_linear_json},
#endif
#if defined(GK_HAVE_JSONL) && defined(GK_HAVE_JSON)
    {"test_linear_jsonl", test_linear_jsonl},
#endif
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("linear", tests);
}
