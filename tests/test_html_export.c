/* SPDX-License-Identifier: MIT */
/* HTML pages (gk_report_to_html): escaping, the published layout, failing cells
 * marked with the finding and its repair, text findings marked in the prose, and
 * pages that load nothing from elsewhere. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"
#include "internal.h"
#include "export_int.h"

static const char doc[] =
  "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2023,\"agency\":{\"name\":\"某局<b>\\n第二行\"},"
  "\"sections\":{\"overview\":\"本年XX共收到申请。\\n第二段&内容。\"},"
  "\"tables\":{\"requests\":{\"new\":{\"natural\":5,\"total\":5},\"carried_over\":{\"natural\":0,\"total\":0},"
  "\"granted\":{\"natural\":3,\"total\":3},\"total\":{\"natural\":3,\"total\":3},"
  "\"carried_forward\":{\"natural\":1,\"total\":1}},"
  "\"active\":{\"regulations\":{\"issued\":{\"literal\":\"-\"}},\"fees\":{\"amount\":\"1.5\"}}}}";

static gk_report *load_doc(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&r, doc, strlen(doc), "t.json", NULL), GK_OK);
  return r;
}

static char *page(const gk_report *r, const gk_diags *d, int lang) {
  char *out = NULL;
  size_t len = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_html(&out, &len, r, d, lang), GK_OK);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_EQUAL(strlen(out), len);
  return out;
}

static size_t count(const char *s, const char *needle) {
  size_t n = 0;
  for (const char *p = s; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
  return n;
}

/* Names are escaped, a line break in a name is a space in the title and heading;
 * the tables carry header cells and the published groups. */
static void test_html_export_layout(void) {
  gk_report *r = load_doc();
  char *s = page(r, NULL, GK_LANG_ZH);
  CU_ASSERT_NSTRING_EQUAL(s, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\"/>\n", 64);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<title>某局&lt;b&gt; 第二行2023年政府信息公开工作年度报告</title>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<h1>某局&lt;b&gt; 第二行2023年政府信息公开工作年度报告</h1>"));
  CU_ASSERT_PTR_NULL(strstr(s, "<b>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<p>本年XX共收到申请。</p>\n<p>第二段&amp;内容。</p>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<h2>三、收到和处理政府信息公开申请情况</h2>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<thead><tr><th scope=\"col\" rowspan=\"3\"></th>"
                                   "<th scope=\"colgroup\" colspan=\"7\">申请人情况</th></tr>\n"
                                   "<tr><th scope=\"col\" rowspan=\"2\">自然人</th>"
                                   "<th scope=\"colgroup\" colspan=\"5\">法人或其他组织</th>"
                                   "<th scope=\"col\" rowspan=\"2\">总计</th></tr>\n"
                                   "<tr><th scope=\"col\">商业企业</th>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<tr><th scope=\"rowgroup\" colspan=\"8\">三、本年度办理结果</th></tr>\n"
                                   "<tr><th scope=\"row\">（一）予以公开</th><td id=\"c-requests-granted-natural\">3</td>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<tr><th scope=\"rowgroup\" colspan=\"8\">（三）不予公开</th></tr>\n"
                                   "<tr><th scope=\"row\">&#12288;1.属于国家秘密</th>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<td id=\"c-active-regulations-issued\" class=\"lit \">-</td>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<td id=\"c-active-fees-amount\">1.5</td>"));
  /* the 2021 active table has three sub-tables: documents, decisions, fees */
  CU_ASSERT_EQUAL(count(s, "<th scope=\"col\" rowspan=\"1\">信息内容</th>"), 3);
  CU_ASSERT_EQUAL(count(s, "<thead>"), 3 + 1 + 1);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<p>未发现问题。</p>"));
  CU_ASSERT_PTR_NULL(strstr(s, "class=\"error"));
  gk_free(s);
  s = page(r, NULL, GK_LANG_EN);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<html lang=\"en\">"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, ">Legal persons or other organisations</th>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<p>No finding.</p>"));
  gk_free(s);
  gk_report_free(r);
}

/* Failing cells: class by severity, the finding and repair as title, a link to
 * the list; the text finding's passage marked and noted under its section. */
static void test_html_export_findings(void) {
  gk_report *r = load_doc();
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "cell.value");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 4), "text.placeholder");
  char *s = page(r, d, GK_LANG_ZH);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<td id=\"c-active-regulations-issued\" class=\"lit error\" "
                                   "title=\"[1] 「规章 · 本年制发件数」填写了“-”，不是数值\">"
                                   "-<sup><a href=\"#f1\">1</a></sup></td>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<td id=\"c-requests-new-natural\" class=\"error\" title=\"[2] 自然人："));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<p>本年<mark id=\"m5\">XX</mark><sup><a href=\"#f5\">5</a></sup>共收到申请。</p>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<p class=\"note\"><a href=\"#f5\">[5]</a> 正文中有未填写的模板占位内容“XX”</p>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<li id=\"f1\" value=\"1\"><span class=\"sev-error\">error</span> "
                                   "<code>cell.value</code> 「规章 · 本年制发件数」填写了“-”，不是数值 "
                                   "<a href=\"#c-active-regulations-issued\">active/regulations/issued</a></li>"));
  CU_ASSERT_EQUAL(count(s, "<li id=\"f"), gk_diags_count(d));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<a href=\"#findings\">5 个问题</a>"));
  gk_free(s);
  /* a waived finding marks no cell */
  CU_ASSERT_EQUAL(gk_diags_waive(d, 0, "known"), GK_OK);
  s = page(r, d, GK_LANG_ZH);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<td id=\"c-active-regulations-issued\" class=\"lit \">-</td>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<code>cell.value</code> （已豁免）"));
  gk_free(s);
  gk_diags_free(d);
  gk_report_free(r);
}

/* A suspect cell (one change repairs every failing relation) is underlined and its
 * repair is in the title. */
static void test_html_export_suspect(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/natural", "5", 1), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/total", "6", 1), GK_OK);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_ERROR, "requests.row_total", "合计不符", "row total", NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add_cell(d, 0, "requests/new/total"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_set_suspect(d, 0, "requests/new/total", "5"), GK_OK);
  char *s = page(r, d, GK_LANG_ZH);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "<td id=\"c-requests-new-total\" class=\"error suspect\" title=\"[1] "
                                   "合计不符（建议：一、本年新收政府信息公开申请数量 · 总计可能应为5）\">6"));
  gk_free(s);
  s = page(r, d, GK_LANG_EN);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "title=\"[1] row total (repair: New requests this year · Total should probably be 5)\""));
  gk_free(s);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_html_export_bad_arguments(void) {
  gk_report *r = load_doc();
  char *out = (char *)"x";
  size_t len = 3;
  CU_ASSERT_EQUAL(gk_report_to_html(NULL, &len, r, NULL, GK_LANG_ZH), GK_EINVAL);
  CU_ASSERT_EQUAL(len, 0);
  CU_ASSERT_EQUAL(gk_report_to_html(&out, &len, NULL, NULL, GK_LANG_ZH), GK_EINVAL);
  CU_ASSERT_PTR_NULL(out);
  CU_ASSERT_EQUAL(gk_report_to_html(&out, &len, r, NULL, 7), GK_EINVAL);
  gk_report_free(r);
}

static void test_html_export_alloc_failures(void) {
  gk_report *r = load_doc();
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
  char *want = page(r, d, GK_LANG_ZH);
  int ok = 0;
  long n;
  for (n = 0; n < 5000 && !ok; n++) {
    char *out = (char *)"x";
    size_t len = 3;
    gk__alloc_fail_after(n);
    int rc = gk_report_to_html(&out, &len, r, d, GK_LANG_ZH);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) {
      CU_ASSERT_STRING_EQUAL(out, want);
      ok = 1;
    } else {
      CU_ASSERT_EQUAL(rc, GK_ENOMEM);
      CU_ASSERT_PTR_NULL(out);
    }
    gk_free(out);
  }
  CU_ASSERT_TRUE(ok);
  CU_ASSERT_TRUE(n > 5);
  gk_free(want);
  gk_diags_free(d);
  gk_report_free(r);
}

/* Property over every real report: the page loads nothing from elsewhere, has no
 * script, marks a cell for every finding that names one, and every '<' of the
 * reports' text is escaped (the tags are ours: as many opened as closed). */
static void test_html_export_real_reports(void) {
  DIR *dir = opendir(GK_REAL_DATA);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  size_t pages = 0;
  for (struct dirent *e; (e = readdir(dir)) != NULL;) {
    size_t nl = strlen(e->d_name);
    if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0) continue;
    size_t len;
    char *text = gk_test_read_data(e->d_name, 1, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    gk_report *r = NULL;
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    if (gk_report_load(&r, text, len, e->d_name, d) == GK_OK) {
      CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
      char *s = page(r, d, GK_LANG_ZH);
      CU_ASSERT_PTR_NULL(strstr(s, "<script"));
      CU_ASSERT_PTR_NULL(strstr(s, "src="));
      CU_ASSERT_PTR_NULL(strstr(s, "url("));
      CU_ASSERT_PTR_NULL(strstr(s, "@import"));
      CU_ASSERT_PTR_NULL(strstr(s, "href=\"http")); /* links stay in the page */
      CU_ASSERT_EQUAL(count(s, "<td"), count(s, "</td>"));
      CU_ASSERT_EQUAL(count(s, "<p>") + count(s, "<p class="), count(s, "</p>"));
      CU_ASSERT_EQUAL(count(s, "<li "), gk_diags_count(d));
      pages++;
      gk_free(s);
      gk_report_free(r);
    }
    gk_diags_free(d);
    free(text);
  }
  closedir(dir);
  CU_ASSERT_TRUE(pages >= 20);
}

/* A series page: one chart per main total and indicator, the edition change
 * marked, text alternatives, the table and the findings. */
static gk_report *series_report(int edition, int year, int64_t new_total, int64_t carried) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, edition, year), GK_OK);
  const char *name = "某镇人民政府";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  char v[32];
  snprintf(v, sizeof v, "%lld", (long long)new_total);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/total", v, strlen(v)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/granted/total", v, strlen(v)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/total/total", v, strlen(v)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/partial/total", "0", 1), GK_OK);
  snprintf(v, sizeof v, "%lld", (long long)carried);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/carried_over/total", v, strlen(v)), GK_OK);
  return r;
}

static void test_html_export_series(void) {
  gk_series *s = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  gk_report *a = series_report(2019, 2020, 10, 0), *b = series_report(2021, 2021, 20, 3);
  CU_ASSERT_EQUAL(gk_series_add(s, a), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, b), GK_OK);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_series_validate(s, NULL, d), GK_OK);
  char *out = NULL;
  size_t len = 0;
  CU_ASSERT_EQUAL_FATAL(gk_series_to_html(&out, &len, s, d, GK_LANG_ZH), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<title>某镇人民政府 2020–2021 政府信息公开工作年度报告趋势</title>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<figcaption id=\"g0\">一、本年新收政府信息公开申请数量 · 总计</figcaption>\n"
                                     "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"g0 gd0\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<desc id=\"gd0\">2020: 10; 2021: 20</desc>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<path fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" d=\"M56.0 90.0 L424.0 16.0 \"/>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, ">格式版本变更</text>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<tr><th scope=\"row\">公开率</th><td>100.00%</td><td>100.00%</td></tr>"));
  /* the main totals (4 requests rows, 3 review rows) and every indicator have a row */
  CU_ASSERT_EQUAL(count(out, "<tr><th scope=\"row\">"), 4 + 3 + gk_indicator_count());
  CU_ASSERT_EQUAL(count(out, "<li id=\"f"), gk_diags_count(d));
  CU_ASSERT_PTR_NULL(strstr(out, "<script"));
  gk_free(out);
  CU_ASSERT_EQUAL(gk_series_to_html(&out, &len, s, NULL, GK_LANG_EN), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, ">edition change</text>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<p>No finding.</p>"));
  gk_free(out);
  CU_ASSERT_EQUAL(gk_series_to_html(&out, &len, NULL, NULL, GK_LANG_EN), GK_EINVAL);
  CU_ASSERT_PTR_NULL(out);
  int ok = 0;
  for (long n = 0; n < 5000 && !ok; n++) {
    gk__alloc_fail_after(n);
    int rc = gk_series_to_html(&out, &len, s, d, GK_LANG_ZH);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) ok = 1;
    else CU_ASSERT_EQUAL(rc, GK_ENOMEM);
    gk_free(out);
    out = NULL;
  }
  CU_ASSERT_TRUE(ok);
  gk_diags_free(d);
  gk_report_free(a);
  gk_report_free(b);
  gk_series_free(s);
}

/* The panel writers as the summary will use them: one row per agency, a ranking
 * bar chart by a column (largest first, stable, rows without a number left out),
 * names escaped; and the same panel as a workbook with filters. */
static void test_html_export_ranking_panel(void) {
  gk__panel p;
  CU_ASSERT_EQUAL_FATAL(gk__panel_init(&p, 4, 2), GK_OK);
  p.title = "汇总";
  p.corner = "机关";
  static const char *const names[] = {"甲局", "乙<局>", "丙局", "丁局"};
  static const double rate[] = {12.5, 80, 0, 80};
  for (size_t i = 0; i < 4; i++) {
    CU_ASSERT_EQUAL(gk__panel_set(&p.label[i], names[i]), GK_OK);
    char v[16];
    snprintf(v, sizeof v, "%.2f", rate[i]);
    CU_ASSERT_EQUAL(gk__panel_set(&p.cell[i * 2], "1"), GK_OK);
    CU_ASSERT_EQUAL(gk__panel_set(&p.cell[i * 2 + 1], i == 2 ? "" : v), GK_OK);
    p.num[i * 2 + 1] = rate[i];
    p.has[i * 2 + 1] = i != 2;
  }
  CU_ASSERT_EQUAL(gk__panel_set(&p.head[0], "件数"), GK_OK);
  CU_ASSERT_EQUAL(gk__panel_set(&p.head[1], "公开率"), GK_OK);
  char *out = NULL;
  size_t len = 0;
  CU_ASSERT_EQUAL_FATAL(gk__panel_page(&out, &len, "某县 2023", &p, NULL, GK_LANG_ZH, 1), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<desc id=\"rankd\">乙&lt;局&gt;: 80.00; 丁局: 80.00; 甲局: 12.50</desc>"));
  CU_ASSERT_EQUAL(count(out, "<rect "), 3);
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<caption>汇总</caption>"));
  CU_ASSERT_PTR_NOT_NULL(strstr(out, "<tr><th scope=\"row\">丙局</th><td>1</td><td></td></tr>"));
  gk_free(out);
  CU_ASSERT_EQUAL(gk__panel_page(&out, &len, "x", &p, NULL, GK_LANG_ZH, 2), GK_EINVAL);
  char path[64];
  snprintf(path, sizeof path, "/tmp/gk-test-panel-%ld.xlsx", (long)getpid());
  CU_ASSERT_EQUAL(gk__panel_xlsx(path, "汇总", &p, NULL, GK_LANG_ZH, 1), GK_OK);
  size_t n = 0;
  char *bytes = gk_test_read_file(path, &n);
  CU_ASSERT_PTR_NOT_NULL(bytes);
  CU_ASSERT_TRUE(bytes && n > 1000 && memcmp(bytes, "PK", 2) == 0);
  free(bytes);
  unlink(path);
  gk__panel_free(&p);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"test_html_export_layout", test_html_export_layout},
    {"test_html_export_findings", test_html_export_findings},
    {"test_html_export_suspect", test_html_export_suspect},
    {"test_html_export_bad_arguments", test_html_export_bad_arguments},
    {"test_html_export_alloc_failures", test_html_export_alloc_failures},
    {"test_html_export_real_reports", test_html_export_real_reports},
    {"test_html_export_series", test_html_export_series},
    {"test_html_export_ranking_panel", test_html_export_ranking_panel},
    CU_TEST_INFO_NULL};
  return gk_test_main("html_export", tests);
}
