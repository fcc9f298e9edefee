/* SPDX-License-Identifier: MIT */
/* The one-line page text reader (lib/read_pagetext.c): headings found inline,
 * the title and each part on lines of their own, digit runs of the table parts
 * set apart with their ordinals left to the labels, source lines mapped back. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "text_int.h"
#include "gkreport/text.h"

static const char *const PAGE =
  "某区人民政府2021年政府信息公开工作年度报告"
  "本报告依据《中华人民共和国政府信息公开条例》编制，如有疑问请与本办联系。"
  "一、总体情况2021年，我区坚持以公开为常态、不公开为例外，全面推进政务公开工作。"
  "本年度主动公开政府信息一千余条，依申请公开工作平稳有序，各项制度进一步健全。"
  "二、主动公开政府信息情况第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数"
  "规章000行政规范性文件3112"
  "三、收到和处理政府信息公开申请情况（四）无法提供1.本机关不掌握相关政府信息2000002"
  "（1）本机关不掌握3000003"
  "四、政府信息公开行政复议、行政诉讼情况行政复议结果维持结果纠正其他结果尚未审结总计000000000000000"
  "五、存在的主要问题及改进情况公开质量有待提升。六、其他需要报告的事项本年度未收取信息处理费。";

static char *rewrite(const char *s, size_t n, uint32_t **map, size_t *nmap, int *rc) {
  const gk__labels *L = gk__labels_shared();
  CU_ASSERT_PTR_NOT_NULL_FATAL(L);
  gk__buf out;
  gk__buf_init(&out);
  *rc = gk__pagetext_lines(&out, map, nmap, L, s, n);
  return out.data;
}

static int has_line(const char *text, const char *line) {
  size_t n = strlen(line);
  for (const char *p = text; p && *p;) {
    const char *e = strchr(p, '\n');
    size_t k = e ? (size_t)(e - p) : strlen(p);
    if (k == n && memcmp(p, line, n) == 0) return 1;
    p = e ? e + 1 : NULL;
  }
  return 0;
}

static void test_pagetext_lines(void) {
  char doc[4096];
  snprintf(doc, sizeof doc, "%s\n第二行\n", PAGE);
  uint32_t *map = NULL;
  size_t nmap = 0;
  int rc;
  char *t = rewrite(doc, strlen(doc), &map, &nmap, &rc);
  CU_ASSERT_EQUAL_FATAL(rc, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  CU_ASSERT_TRUE(has_line(t, "某区人民政府2021年政府信息公开工作年度报告"));
  CU_ASSERT_TRUE(has_line(t, "一、总体情况"));
  CU_ASSERT_TRUE(has_line(t, "四、政府信息公开行政复议、行政诉讼情况"));
  CU_ASSERT_TRUE(has_line(t, "六、其他需要报告的事项"));
  /* digits of the table parts apart; an ordinal stays with its label */
  CU_ASSERT_PTR_NOT_NULL(strstr(t, "规章 000 行政规范性文件 3112 "));
  CU_ASSERT_PTR_NOT_NULL(strstr(t, "1.本机关不掌握相关政府信息 2000002 "));
  CU_ASSERT_PTR_NOT_NULL(strstr(t, "（1）本机关不掌握 3000003 "));
  /* prose keeps its digits */
  CU_ASSERT_TRUE(has_line(t, "2021年，我区坚持以公开为常态、不公开为例外，全面推进政务公开工作。"
                             "本年度主动公开政府信息一千余条，依申请公开工作平稳有序，各项制度进一步健全。"));
  /* every line written maps to line 1, the short line after it to line 2, the
   * empty line after the last newline to line 3 */
  size_t lines = 0;
  for (const char *p = t; *p; p++) lines += *p == '\n';
  CU_ASSERT_EQUAL(lines, nmap);
  CU_ASSERT_EQUAL(map[0], 1);
  CU_ASSERT_EQUAL_FATAL(nmap >= 3, 1);
  CU_ASSERT_EQUAL(map[nmap - 3], 1);
  CU_ASSERT_EQUAL(map[nmap - 2], 2);
  CU_ASSERT_EQUAL(map[nmap - 1], 3);
  gk__free(map);
  gk__free(t);
}

static void test_pagetext_not_a_page(void) {
  const char *doc = "一、总体情况\n本年度依法做好政府信息公开工作。\n二、主动公开政府信息情况\n";
  uint32_t *map = (uint32_t *)1;
  size_t nmap = 9;
  int rc;
  char *t = rewrite(doc, strlen(doc), &map, &nmap, &rc);
  CU_ASSERT_EQUAL(rc, 0);
  CU_ASSERT_PTR_NULL(map);
  CU_ASSERT_EQUAL(nmap, 0);
  gk__free(t);
}

/* Through the importer: the review table's fifteen digits decided, the prose
 * parts found, the cells' line is the page's line. */
static void test_pagetext_import(void) {
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, PAGE, strlen(PAGE), "page.txt", d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(r), 2021);
  CU_ASSERT_EQUAL(gk_report_year(r), 2021);
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OTHER), "本年度未收取信息处理费。");
  char got[32];
  CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, "review/reconsideration/total", GK_NUL_TERMINATED) >= 0);
  CU_ASSERT_STRING_EQUAL(got, "0");
  CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, "active/regulations/in_force", GK_NUL_TERMINATED) >= 0);
  CU_ASSERT_STRING_EQUAL(got, "0");
  gk_report_free(r);
  gk_diags_free(d);
}

static CU_TestInfo tests[] = {
  {"a page rewritten as lines", test_pagetext_lines},
  {"no page: left alone", test_pagetext_not_a_page},
  {"a page imported", test_pagetext_import},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text_pagetext", tests); }
