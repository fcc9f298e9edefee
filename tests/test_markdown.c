/* SPDX-License-Identifier: MIT */
/* Markdown export: headings, prose, pipe tables with blank cells empty. */
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "gkreport/text.h"
#include "internal.h"

static void test_markdown_real_report(void) {
  size_t n = 0;
  char *b = gk_test_read_data("2023_suqian-municipal-government.txt", 1, &n);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, b, n, "s", NULL), GK_OK);
  char *md = NULL;
  size_t mn = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &mn, r), GK_OK);
  CU_ASSERT_EQUAL(strlen(md), mn);
  CU_ASSERT_EQUAL(strncmp(md, "# 宿迁市2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n",
                          strlen("# 宿迁市2023年政府信息公开工作年度报告\n\n## 一、总体情况\n\n")), 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "\n## 二、主动公开政府信息情况\n\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---:|---:|---:|\n| 规章 | 2 | 0 | 11 |\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "| 行政事业性收费 | 59237.2449 |\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "| 一、本年新收政府信息公开申请数量 | 3402 | 99 | 0 | 4 | 5 | 1 | 3511 |\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "| （三）不予公开 | | | | | | | |\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "| 行政复议 | 309 | 17 | 88 | 26 | 440 |\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "\n## 六、其他需要报告的事项\n\n一是我市严格落实"));
  gk_free(md);
  gk_report_free(r);
  free(b);
}

static void test_markdown_cells(void) {
  gk_report *r = NULL;
  gk_report_new(&r, GK_EDITION_2019, 2020);
  gk_report_set_agency(r, GK_AGENCY_NAME, "某镇", strlen("某镇"));
  gk_report_set_literal(r, GK_TABLE_ACTIVE, 0, 0, "a|b", 3);
  gk_report_set_value(r, GK_TABLE_ACTIVE, 2, 4, -8);
  gk_report_set_value(r, GK_TABLE_ACTIVE, 7, 7, 251000000000);
  gk_report_set_unit(r, GK_TABLE_ACTIVE, 7, 7, GK_UNIT_YUAN);
  char *md = NULL;
  size_t mn = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &mn, r), GK_OK);
  /* untitled: the metadata block, no invented title (read back below) */
  static const char head[] = "报告名称：\n发布机构：某镇\n报告年度：2020\n\n## 二、";
  CU_ASSERT_EQUAL(strncmp(md, head, strlen(head)), 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "| 规章 | 「a\\|b」 |  |  |\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "| 行政许可 |  | -8 |  |\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(md, "| 政府集中采购 |  | 251000元 |\n"));
  CU_ASSERT_PTR_NULL(strstr(md, "## 一、")); /* absent sections have no heading */
  gk_report *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, md, mn, NULL, NULL), GK_OK);
  CU_ASSERT_PTR_NULL(gk_report_title(b));
  CU_ASSERT_STRING_EQUAL(gk_report_agency(b, GK_AGENCY_NAME), "某镇");
  CU_ASSERT_EQUAL(gk_report_year(b), 2020);
  CU_ASSERT_STRING_EQUAL(gk_report_literal(b, GK_TABLE_ACTIVE, 0, 0), "a|b");
  gk_report_free(b);
  gk_free(md);
  CU_ASSERT_EQUAL(gk_report_to_markdown(&md, &mn, NULL), GK_EINVAL);
  CU_ASSERT_PTR_NULL(md);
  CU_ASSERT_EQUAL(mn, 0);
  gk_report_free(r);
}

/* A title as long as the importer takes whole (130 bytes of text), written alone
 * after "# ", comes back from Markdown and from text, with a page's metadata line
 * naming another report below it (the fuzzer's case: the "# " counted into the
 * length made the metadata line the title). One byte longer: the metadata block. */
static void test_markdown_long_title(void) {
  for (int extra = 0; extra <= 1; extra++) {
    gk__buf t;
    gk__buf_init(&t);
    gk__buf_puts(&t, "某市2023年");
    while (t.len + strlen("政府信息公开工作年度报告") < 130) gk__buf_puts(&t, "x");
    gk__buf_puts(&t, "政府信息公开工作年度报告");
    if (extra) gk__buf_puts(&t, "y");
    CU_ASSERT_EQUAL_FATAL(t.len, 130u + (size_t)extra);
    gk_report *r = NULL;
    gk_report_new(&r, GK_EDITION_2021, 2023);
    gk_report_set_agency(r, GK_AGENCY_NAME, "某市", strlen("某市"));
    gk_report_set_title(r, t.data, t.len);
    static const char pre[] = "名 称: 另一区2020年度政府信息公开工作年度报告 发布日期: 2021年01月14日";
    gk_report_set_section(r, GK_SECTION_PREAMBLE, pre, strlen(pre));
    for (int md = 0; md <= 1; md++) {
      char *out = NULL;
      size_t on = 0;
      CU_ASSERT_EQUAL_FATAL(md ? gk_report_to_markdown(&out, &on, r) : gk_report_to_text(&out, &on, r), GK_OK);
      const char *head = md ? "# 某市2023年" : "某市2023年";
      if (extra) { /* too long to be read as a title: the block carries it */
        CU_ASSERT_PTR_NOT_NULL(strstr(out, "报告名称：某市2023年"));
      } else {
        CU_ASSERT_EQUAL(strncmp(out, head, strlen(head)), 0);
      }
      gk_report *b = NULL;
      CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, out, on, NULL, NULL), GK_OK);
      CU_ASSERT_PTR_NOT_NULL_FATAL(gk_report_title(b));
      CU_ASSERT_PTR_NOT_NULL_FATAL(gk_report_agency(b, GK_AGENCY_NAME));
      CU_ASSERT_PTR_NOT_NULL_FATAL(gk_report_section(b, GK_SECTION_PREAMBLE));
      CU_ASSERT_STRING_EQUAL(gk_report_title(b), t.data);
      CU_ASSERT_STRING_EQUAL(gk_report_agency(b, GK_AGENCY_NAME), "某市");
      CU_ASSERT_STRING_EQUAL(gk_report_section(b, GK_SECTION_PREAMBLE), pre);
      CU_ASSERT_EQUAL(gk_report_year(b), 2023);
      gk_report_free(b);
      gk_free(out);
    }
    gk_report_free(r);
    gk__buf_free(&t);
  }
}

static CU_TestInfo tests[] = {
  {"real_report", test_markdown_real_report},
  {"cells", test_markdown_cells},
  {"long_title", test_markdown_long_title},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("markdown", tests); }
