/* SPDX-License-Identifier: MIT */
/* The HTML reader (lib/read_html.c): its grid (blocks, cells, spans, positions,
 * meta), the renderings of every complete given report read cell by cell
 * against the truth, form detection, and hostile pages. */
#include <dirent.h>
#include "doc_testutil.h"
#include "read_doc.h"
#include "gkreport/document.h"
#include "gkreport/html.h"

static int grid_of(gk__grid *g, const char *html, gk_diags *d) {
  gk__grid_init(g);
  return gk__html_grid(g, html, strlen(html), "t.html", d);
}

static void test_html_every_report_reads_as_its_truth(void) { gk_doc_check_all(".html"); }

/* No text.sections on the renderings: the sections' lines are the page's,
 * like the cells' (they used to be the interim rendering's). */
static void test_html_sections_in_document_order(void) {
  CU_ASSERT_EQUAL(gk_doc_count_rule_all(".html", "text.sections"), 0);
}

/* A finding names the <td>'s line:column: 洪泽 2023's 复议 total (0, the parts
 * add up to 11) is the 5th <td> of line 68, at column 46; the page's script
 * holds "<td>" in a string (line 10), which is no cell. */
static void test_html_findings_name_the_cell(void) {
  size_t len = 0;
  char *page = gk_doc_read("2023_huaian-hongze-district-government", ".html", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(page);
  gk_diags *d = NULL;
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&r, page, len, "hz.html", d), GK_OK);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  long i = gk_doc_find_rule(d, "review.total");
  CU_ASSERT_TRUE_FATAL(i >= 0);
  CU_ASSERT_EQUAL(gk_diag_line(d, (size_t)i), 68);
  CU_ASSERT_EQUAL(gk_diag_column(d, (size_t)i), 46);
  char buf[512];
  gk_diag_format(buf, sizeof buf, d, (size_t)i, GK_LANG_EN);
  CU_ASSERT_EQUAL(strncmp(buf, "hz.html:68:46: error review.total", 33), 0);
  /* 复议后起诉's total: the 15th <td>, column 146 */
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, (size_t)i + 1), "review.total");
  CU_ASSERT_EQUAL(gk_diag_line(d, (size_t)i + 1), 68);
  CU_ASSERT_EQUAL(gk_diag_column(d, (size_t)i + 1), 146);
  gk_report_free(r);
  gk_diags_clear(d);
  /* the same report as text keeps "file:line:" (no column printed) */
  char *json = NULL;
  gk_report *t = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&r, page, len, "hz.html", NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&json, NULL, r), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&t, json, strlen(json), "hz.txt", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(t, NULL, d), GK_OK);
  i = gk_doc_find_rule(d, "review.total");
  CU_ASSERT_TRUE_FATAL(i >= 0);
  CU_ASSERT_TRUE(gk_diag_line(d, (size_t)i) > 0);
  CU_ASSERT_EQUAL(gk_diag_column(d, (size_t)i), 0);
  gk_report_free(t);
  gk_report_free(r);
  gk_free(json);
  gk_diags_free(d);
  free(page);
}

static void test_html_spans_empty_cells_and_positions(void) {
  const char *page =
      "<html><body>\n"
      "<h2>三、收到和处理政府信息公开申请情况</h2>\n"
      "<table>\n"
      "<tr><th rowspan=\"2\" colspan=\"2\">项目</th><th colspan=3>申请人</th></tr>\n"
      "<tr><td>甲</td><td>乙</td><td>总计</td></tr>\n"
      "<tr><td rowspan=2>三、结果</td><td>（一）予以公开</td><td>1</td><td></td><td>&nbsp;</td></tr>\n"
      "  <tr><td>（二）部分<br>公开</td><td>2</td><td><p class=MsoNormal><o:p>&nbsp;</o:p></p></td>"
      "<td><span>3</span></td></tr>\n"
      "</table>\n<p>结束。</p></body></html>\n";
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 6);
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_HEADING);
  CU_ASSERT_EQUAL(g.blocks[0].level, 2);
  CU_ASSERT_EQUAL(g.blocks[0].pos.line, 2);
  /* row 1: a 2x2 header cell, then a colspan 3 */
  CU_ASSERT_EQUAL(g.blocks[1].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(g.blocks[1].table, 1);
  CU_ASSERT_EQUAL(g.blocks[1].row, 1);
  CU_ASSERT_EQUAL_FATAL(g.blocks[1].ncells, 2);
  gk__gcell *c = &g.cells[g.blocks[1].first];
  CU_ASSERT_EQUAL(c[0].x, 0);
  CU_ASSERT_EQUAL(c[0].rowspan, 2);
  CU_ASSERT_EQUAL(c[0].colspan, 2);
  CU_ASSERT_EQUAL(c[0].flags, GK__CELL_HEADER);
  CU_ASSERT_EQUAL(c[0].pos.line, 4);
  CU_ASSERT_EQUAL(c[0].pos.col, 5);
  CU_ASSERT_EQUAL(c[1].x, 2);
  CU_ASSERT_EQUAL(c[1].colspan, 3);
  CU_ASSERT_EQUAL(c[1].pos.col, 40);
  /* row 2: the merged cell is not repeated; its cells start at column 2 */
  CU_ASSERT_EQUAL_FATAL(g.blocks[2].ncells, 3);
  c = &g.cells[g.blocks[2].first];
  CU_ASSERT_EQUAL(c[0].x, 2);
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 0), "甲");
  CU_ASSERT_EQUAL(c[2].x, 4);
  /* row 3: empty and &nbsp; cells are kept blank */
  CU_ASSERT_EQUAL_FATAL(g.blocks[3].ncells, 5);
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 3, 0), "三、结果");
  CU_ASSERT_EQUAL(g.cells[g.blocks[3].first].rowspan, 2);
  CU_ASSERT_EQUAL(g.cells[g.blocks[3].first + 3].len, 0);
  CU_ASSERT_EQUAL(g.cells[g.blocks[3].first + 4].len, 0);
  CU_ASSERT_EQUAL(g.cells[g.blocks[3].first + 4].x, 4);
  /* row 4: under the rowspan, starts at column 1; <br> is a line break; Word's
   * <o:p>&nbsp;</o:p> is blank; the row's position is its first cell's */
  CU_ASSERT_EQUAL_FATAL(g.blocks[4].ncells, 4);
  c = &g.cells[g.blocks[4].first];
  CU_ASSERT_EQUAL(c[0].x, 1);
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 4, 0), "（二）部分\n公开");
  CU_ASSERT_EQUAL(c[2].len, 0);
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 4, 3), "3");
  CU_ASSERT_EQUAL(g.blocks[4].pos.line, 7);
  CU_ASSERT_EQUAL(g.blocks[4].pos.col, 7);
  CU_ASSERT_EQUAL(g.blocks[5].kind, GK__BLK_PARA);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[5].off), "结束。");
  gk__grid_free(&g);
}

static void test_html_nested_tables_follow_their_row(void) {
  const char *page = "<table><tr><td>a</td><td>b<table><tr><td>x</td><td>y</td></tr></table></td>"
                     "<td>c</td><td>d</td></tr><tr><td>e</td></tr></table>";
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 3);
  CU_ASSERT_EQUAL(g.blocks[0].table, 1);
  CU_ASSERT_EQUAL(g.blocks[0].ncells, 4);
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 0, 1), "b");
  CU_ASSERT_EQUAL(g.blocks[1].table, 2); /* the nested table, right after its row */
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 1, 1), "y");
  CU_ASSERT_EQUAL(g.blocks[2].table, 1);
  CU_ASSERT_EQUAL(g.blocks[2].row, 2);
  gk__grid_free(&g);
  /* a layout table (one cell holding the article) is not a table of the grid */
  page = "<table><tr><td><h1>标题</h1><p>第一段</p><table><tr><td>1</td><td>2</td></tr></table>"
         "</td></tr></table>";
  CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 3);
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_HEADING);
  CU_ASSERT_EQUAL(g.blocks[1].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[2].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(g.blocks[2].table, 1);
  gk__grid_free(&g);
}

static void test_html_chrome_skipped_and_meta_kept(void) {
  size_t len = 0;
  char *page = gk_doc_read("2024_huaian-municipal-government", ".html", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(page);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__html_grid(&g, page, len, "p.html", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  const char *want[][2] = {{"title", "淮安市人民政府2024年政府信息公开工作年度报告"},
                           {"ArticleTitle", "淮安市人民政府2024年政府信息公开工作年度报告"},
                           {"PubDate", "2025-01-20 09:30"},
                           {"ContentSource", "淮安市人民政府"},
                           {"索引号", "01302024-01-2024-0001"},
                           {"发布机构", "淮安市人民政府"},
                           {"名称", "淮安市人民政府2024年政府信息公开工作年度报告"},
                           {"公开日期", "2025-01-20"}};
  CU_ASSERT_EQUAL_FATAL(g.nmeta, 8);
  for (size_t i = 0; i < 8; i++) {
    CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.meta[i].koff), want[i][0]);
    CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.meta[i].voff), want[i][1]);
  }
  /* the first block is the report's title: navigation and breadcrumb skipped;
   * the metadata table is no table of the grid; share bar and footer skipped */
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_HEADING);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), want[0][1]);
  for (size_t i = 0; i < g.nblocks; i++) {
    const char *s = g.blocks[i].kind == GK__BLK_ROW ? gk_doc_cell(&g, i, 0)
                                                     : gk__grid_text(&g, g.blocks[i].off);
    CU_ASSERT_PTR_NULL(strstr(s, "分享"));
    CU_ASSERT_PTR_NULL(strstr(s, "主办单位"));
    CU_ASSERT_PTR_NULL(strstr(s, "索引号"));
    CU_ASSERT_PTR_NULL(strstr(s, "首页"));
  }
  CU_ASSERT_EQUAL(g.blocks[g.nblocks - 1].kind, GK__BLK_PARA);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[g.nblocks - 1].off), "本年度未收取信息处理费。");
  gk__grid_free(&g);
  free(page);
}

static void test_html_charsets(void) {
  /* GB2312 declared by http-equiv, and by <meta charset>; GBK-only characters
   * (镕) read too; a page that declares nothing and is not UTF-8 is GB18030 */
  const char *heads[] = {"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">",
                         "<meta charset=\"GBK\">", ""};
  for (int i = 0; i < 3; i++) {
    char page[256];
    /* 报告 in GB18030: B1 A8 B8 E6; 镕 (GBK, not GB2312): E9 46 */
    snprintf(page, sizeof page, "<html><head>%s</head><body><p>\xB1\xA8\xB8\xE6\xE9\x46</p></body></html>",
             heads[i]);
    gk__grid g;
    CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
    CU_ASSERT_EQUAL_FATAL(g.nblocks, 1);
    CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "报告镕");
    gk__grid_free(&g);
  }
  /* the declaration after a long <head> (5000 bytes of script) still counts */
  {
    char *page = malloc(6000);
    CU_ASSERT_PTR_NOT_NULL_FATAL(page);
    strcpy(page, "<html><head><script>");
    size_t at = strlen(page);
    memset(page + at, 'x', 5000);
    strcpy(page + at + 5000, "</script><meta charset=\"gb2312\"></head><p>\xB1\xA8\xB8\xE6</p>");
    gk__grid g;
    CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
    CU_ASSERT_EQUAL_FATAL(g.nblocks, 1);
    CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "报告");
    gk__grid_free(&g);
    free(page);
  }
  /* UTF-8 declared and given */
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(grid_of(&g, "<meta charset=utf-8><p>报告</p>", NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 1);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "报告");
  gk__grid_free(&g);
}

static void test_html_word_markup(void) {
  const char *page =
      "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><head><!--[if gte mso 9]><xml>"
      "<w:WordDocument>隐藏</w:WordDocument></xml><![endif]--><style><!-- p.MsoNormal {} --></style>"
      "</head><body><p class=MsoNormal><![if !supportLists]><span style='mso-list:Ignore'>一、"
      "</span><![endif]><b><span style='font-family:黑体'>总体<font>情况</font></span></b><o:p></o:p></p>"
      "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p></body></html>";
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 1); /* the &nbsp; paragraph is empty: dropped */
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "一、总体情况");
  gk__grid_free(&g);
}

/* One byte a page's charset cannot decode (GB2312 declared, or UTF-8) costs
 * one U+FFFD and a located warning, never the rest of the page (libxml2 alone
 * stops there, or turns to Latin-1, and prints). */
static void test_html_bad_bytes_cost_one_character(void) {
  const char *pages[] = {
      "<meta charset=\"gb2312\">\n<p>\xB1\xA8\xB8\xE6</p>\n<p>\xFF bad</p><table><tr><td>\xB8\xE6</td><td>1</td></tr></table>",
      "<meta charset=\"utf-8\">\n<p>报告</p>\n<p>\xFF bad</p><table><tr><td>告</td><td>1</td></tr></table>"};
  for (int i = 0; i < 2; i++) {
    gk__grid g;
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(grid_of(&g, pages[i], d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(g.nblocks, 3);
    CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "报告");
    CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[1].off), "\xEF\xBF\xBD bad");
    CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 0), "告");
    CU_ASSERT_EQUAL(g.cells[g.blocks[2].first].pos.line, 3);
    CU_ASSERT_EQUAL(g.cells[g.blocks[2].first].pos.col, 24);
    CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "import.html");
    CU_ASSERT_EQUAL(gk_diag_line(d, 0), 3);
    gk__grid_free(&g);
    gk_diags_free(d);
  }
}

/* Word wraps the source lines of its pages inside Chinese text: a line break
 * between two wide characters is no space; between Latin letters or digits it
 * is one. Soft hyphens, zero-width spaces and BOMs are not text. */
static void test_html_line_breaks_and_invisible_characters(void) {
  const char *page = "<p>社会公益\r\n组织</p><p>ab\ncd 12\n34</p><p>全角：\n（一）</p>"
                     "<p>行政&shy;处罚&#8203;数量\xEF\xBB\xBF</p><table><tr><td>法人或其\n他组织</td>"
                     "<td>1\n</td></tr></table>";
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 5);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "社会公益组织");
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[1].off), "ab cd 12 34");
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[2].off), "全角：（一）");
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[3].off), "行政处罚数量");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 4, 0), "法人或其他组织");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 4, 1), "1");
  gk__grid_free(&g);
}

/* A column of a layout table that is a menu (two thirds of its text in links)
 * and a list of links are site chrome; a column of prose with a link is not. */
static void test_html_menus_skipped(void) {
  const char *page =
      "<table><tr><td><h3>公开目录</h3><ul><li><a href=1>公开指南</a></li><li><a href=2>公开制度"
      "</a></li></ul></td><td><h1>报告</h1><p>见<a href=3>附件</a>说明。</p><table><tr><td>1</td>"
      "<td>2</td></tr></table></td></tr></table><ul><li><a>相关链接一</a></li><li><a>相关链接二</a>"
      "</li></ul><ul><li>要点一</li></ul>";
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 4);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "报告");
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[1].off), "见附件说明。");
  CU_ASSERT_EQUAL(g.blocks[2].kind, GK__BLK_ROW);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[3].off), "要点一");
  gk__grid_free(&g);
}

/* A portal's column of plain entries ("信息公开年报" reads like a title) before the
 * report: the page's own <title> says which line is the report's title. */
static void test_html_page_title_picks_the_title(void) {
  size_t len = 0;
  char *page = gk_doc_read("2023_suqian-municipal-government", ".html", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(page);
  const char *menu = "<p>信息公开指南</p><p>信息公开制度</p><p>信息公开年报</p>";
  char *body = strstr(page, "<body>");
  CU_ASSERT_PTR_NOT_NULL_FATAL(body);
  size_t at = (size_t)(body - page) + 6, mn = strlen(menu);
  char *with = malloc(len + mn + 1); /* NUL-terminated: strstr below */
  CU_ASSERT_PTR_NOT_NULL_FATAL(with);
  memcpy(with, page, at);
  memcpy(with + at, menu, mn);
  memcpy(with + at + mn, page + at, len - at);
  with[len + mn] = '\0';
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_html(&r, with, len + mn, "p.html", NULL), GK_OK);
  const char *title = gk_report_title(r), *agency = gk_report_agency(r, GK_AGENCY_NAME);
  CU_ASSERT_STRING_EQUAL(title ? title : "(none)", "宿迁市人民政府2023年政府信息公开工作年度报告");
  CU_ASSERT_STRING_EQUAL(agency ? agency : "(none)", "宿迁市人民政府");
  gk_report_free(r);
  /* without the page's title nothing says which line is the title (the first
   * title-like line is taken): the tables and the year still read right */
  char *t = strstr(with, "<title>");
  CU_ASSERT_PTR_NOT_NULL_FATAL(t);
  memcpy(t + 1, "xitle", 5);
  char *e = strstr(t, "</title>");
  CU_ASSERT_PTR_NOT_NULL_FATAL(e);
  memcpy(e + 2, "xitle", 5);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_html(&r, with, len + mn, "p.html", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_year(r), 2023);
  gk_report *plain = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_html(&plain, page, len, "p.html", NULL), GK_OK);
  for (int tb = 0; tb < GK_NTABLES; tb++) {
    CU_ASSERT(gk_report_count_filled(plain, (gk_table)tb) > 0);
    CU_ASSERT_EQUAL(gk_report_count_filled(r, (gk_table)tb), gk_report_count_filled(plain, (gk_table)tb));
  }
  gk_report_free(plain);
  gk_report_free(r);
  free(with);
  free(page);
}

static void test_html_detect_and_forced_form(void) {
  CU_ASSERT_EQUAL(gk_report_detect_form("  <html>", 8), GK_FORM_HTML);
  CU_ASSERT_EQUAL(gk_report_detect_form("\xEF\xBB\xBF<!DOCTYPE html>", 18), GK_FORM_HTML);
  CU_ASSERT_EQUAL(gk_report_detect_form("PK\3\4xx", 6), GK_FORM_DOCX);
  CU_ASSERT_EQUAL(gk_report_detect_form("\n{\"gkreport\":1}", 15), GK_FORM_JSON);
  CU_ASSERT_EQUAL(gk_report_detect_form("某局2020年报告", 18), GK_FORM_TEXT);
  CU_ASSERT_EQUAL(gk_report_detect_form(NULL, 0), GK_FORM_TEXT);
  gk_report *r = (gk_report *)1;
  CU_ASSERT_EQUAL(gk_report_load_form(&r, "x", 1, (gk_form)9, "x", NULL), GK_EINVAL);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_EQUAL(gk_report_load_form(NULL, "x", 1, GK_FORM_HTML, "x", NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_from_html(&r, NULL, 3, "x", NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_load_form(&r, NULL, 0, GK_FORM_JSON, "x", NULL), GK_EPARSE);
  CU_ASSERT_PTR_NULL(r);
  /* a page forced as text is not read as a page: its tags are no report */
  size_t len = 0;
  char *page = gk_doc_read("2023_suqian-municipal-government", ".html", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(page);
  CU_ASSERT_EQUAL(gk_report_load_form(&r, page, len, GK_FORM_HTML, "p.html", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_year(r), 2023);
  gk_report_free(r);
  CU_ASSERT_EQUAL(gk_report_from_html(&r, page, len, "p.html", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_year(r), 2023);
  gk_report_free(r);
  free(page);
}

static void test_html_hostile_pages(void) {
  gk_diags *d = NULL;
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  /* empty: a located error */
  CU_ASSERT_EQUAL(gk_report_from_html(&r, "", 0, "e.html", d), GK_EPARSE);
  long i = gk_doc_find_rule(d, "import.html");
  CU_ASSERT_TRUE_FATAL(i >= 0);
  CU_ASSERT_EQUAL(gk_diag_line(d, (size_t)i), 1);
  gk_diags_clear(d);
  /* unclosed tags everywhere: recovered, no report in it */
  const char *broken = "<html><body><table><tr><td>甲<td><p>乙<div><table><tr><td>3<b><i>";
  CU_ASSERT_EQUAL(gk_report_from_html(&r, broken, strlen(broken), "b.html", d), GK_EPARSE);
  CU_ASSERT_TRUE(gk_doc_find_rule(d, "import.not_report") >= 0);
  gk_diags_clear(d);
  /* 10^5 nested tables: the reader stops at its depth, with a located warning */
  const char *open = "<table><tr><td>";
  size_t n = 100000, k = strlen(open);
  char *deep = malloc(n * k + 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(deep);
  for (size_t j = 0; j < n; j++) memcpy(deep + j * k, open, k);
  deep[n * k] = '\0';
  CU_ASSERT_EQUAL(gk_report_from_html(&r, deep, n * k, "deep.html", d), GK_EPARSE);
  i = gk_doc_find_rule(d, "import.html");
  CU_ASSERT_TRUE_FATAL(i >= 0);
  CU_ASSERT_EQUAL(gk_diag_severity(d, (size_t)i), GK_SEV_WARNING);
  CU_ASSERT_EQUAL(gk_diag_line(d, (size_t)i), 1);
  free(deep);
  gk_diags_clear(d);
  /* over the cap: refused before parsing */
  char *big = calloc(GK_DOCUMENT_MAX_INPUT + 1, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(big);
  big[0] = '<';
  CU_ASSERT_EQUAL(gk_report_load(&r, big, GK_DOCUMENT_MAX_INPUT + 1, "big.html", d), GK_EPARSE);
  CU_ASSERT_TRUE(gk_doc_find_rule(d, "import.too_large") >= 0);
  CU_ASSERT_PTR_NULL(r);
  free(big);
  gk_diags_free(d);
}

static void test_html_allocation_failures(void) {
  size_t len = 0;
  char *page = gk_doc_read("2019_shanghai-municipal-general-office", ".html", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(page);
  int done = 0;
  for (long n = 0; n < 100000 && !done; n++) {
    gk_report *r = NULL;
    gk__alloc_fail_after(n);
    int rc = gk_report_from_html(&r, page, len, "p.html", NULL);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) done = 1;
    else CU_ASSERT_EQUAL_FATAL(rc, GK_ENOMEM);
    gk_report_free(r);
  }
  CU_ASSERT_TRUE(done);
  free(page);
}

/* The library's own page (gk_report_to_html) reads back as the report: a
 * failing cell's note mark (<sup><a href="#f3">3</a></sup>) is no digit of its
 * value (before, 8 with note 3 came back as 83). Every real report, its
 * findings marked. */
static void test_html_own_page_reads_back(void) {
  DIR *dir = opendir(GK_REAL_DATA);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  size_t pages = 0, marks = 0;
  for (struct dirent *e; (e = readdir(dir)) != NULL;) {
    size_t nl = strlen(e->d_name), len, plen;
    if (nl < 5 || strcmp(e->d_name + nl - 4, ".txt") != 0) continue;
    char *text = gk_test_read_data(e->d_name, 1, &len), *page = NULL;
    gk_report *r = NULL, *back = NULL;
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    if (text && gk_report_load(&r, text, len, e->d_name, d) == GK_OK) {
      CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
      CU_ASSERT_EQUAL_FATAL(gk_report_to_html(&page, &plen, r, d, GK_LANG_ZH), GK_OK);
      for (const char *q = page; (q = strstr(q, "<sup>")) != NULL; q++) marks++;
      CU_ASSERT_EQUAL(gk_report_from_html(&back, page, plen, e->d_name, NULL), GK_OK);
      if (back) CU_ASSERT_EQUAL(gk_doc_compare(back, r, e->d_name), 0);
      pages++;
    }
    gk_report_free(back), gk_report_free(r), gk_free(page), gk_diags_free(d), free(text);
  }
  closedir(dir);
  CU_ASSERT_TRUE(pages >= 20);
  CU_ASSERT_TRUE(marks >= 10); /* cells with notes were read back */
}

/* A note mark in a cell: an in-page link in <sup> is no part of the cell's
 * text; any other <sup> or <sub> stands apart from the text beside it (a
 * digit of it never runs into a number). Outside tables nothing changes.
 * Deleted and struck-out text (<del>, <s>, <strike>) is not read, nor
 * hidden text in a cell (the hidden attribute, display:none,
 * visibility:hidden); a hidden block outside tables is (a tab a script shows). */
static void test_html_sup_in_cells(void) {
  const char *page = "<p>见注<sup><a href=\"#n1\">1</a></sup>。</p><div style=\"display:none\">一个标签页</div>"
                     "<table><tr><td>行政许可</td>"
                     "<td>8<sup><a href=\"#f3\">3</a></sup></td><td>12<sup>注</sup></td><td>5<sub>2</sub></td>"
                     "<td>4<sup><a href=\"http://x/\">1</a></sup></td><td><del>12</del>13</td>"
                     "<td><s>7</s><strike>8</strike>9</td><td>1<span style=\"DISPLAY: none\">5</span>0"
                     "<font hidden>3</font><i style=\"color:red;visibility : hidden\">4</i></td></tr></table>";
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(grid_of(&g, page, NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 3);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "见注1。");
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[1].off), "一个标签页"); /* hidden outside a cell: read */
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 1), "8");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 2), "12 注");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 3), "5 2");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 4), "4 1");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 5), "13"); /* deleted and struck-out text is not read */
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 6), "9");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 2, 7), "10"); /* hidden text in a cell is not read */
  gk__grid_free(&g);
}

/* The renderings with every cell of 4 digits or more in thousands groups apart
 * by sep ("<td>1808595</td>" -> "<td>1，808，595</td>"), read cell by cell
 * against the truth (issue 11). */
static void test_html_grouped_values(void) {
  static const char *const seps[] = {"，", ",", " ", "&nbsp;", "&#8201;", "&#8239;"};
  for (size_t k = 0; k < sizeof seps / sizeof *seps; k++)
    for (int i = 0; gk_doc_reports[i]; i++) {
      size_t len = 0, grouped = 0;
      char *src = gk_doc_read(gk_doc_reports[i], ".html", &len);
      CU_ASSERT_PTR_NOT_NULL_FATAL(src);
      const char *sep = k == 0 && gk__memfind(src, len < 2048 ? len : 2048, "gb2312", 6) ? "\xA3\xAC" : seps[k];
      gk__buf b; /* in a GB2312 page its own bytes for "，" */
      gk__buf_init(&b);
      for (size_t j = 0; j < len;) {
        size_t nd = 0;
        while (src[j] == '>' && j + 1 + nd < len && src[j + 1 + nd] >= '0' && src[j + 1 + nd] <= '9') nd++;
        if (nd < 4 || src[j + 1] == '0' || j + 1 + nd >= len || src[j + 1 + nd] != '<') {
          gk__buf_putc(&b, src[j++]);
          continue;
        }
        gk__buf_putc(&b, '>');
        for (size_t q = 0; q < nd; q++) {
          if (q && (nd - q) % 3 == 0) gk__buf_puts(&b, sep);
          gk__buf_putc(&b, src[j + 1 + q]);
        }
        j += 1 + nd, grouped++;
      }
      CU_ASSERT_FALSE_FATAL(b.err);
      gk_report *r = NULL, *truth = gk_test_load_truth(GK_REAL_DATA, gk_doc_reports[i], NULL);
      CU_ASSERT_EQUAL(gk_report_load(&r, b.data, b.len, gk_doc_reports[i], NULL), GK_OK);
      if (r) CU_ASSERT_EQUAL(gk_doc_compare(r, truth, gk_doc_reports[i]), 0);
      if (grouped && k == 0) printf("\n  %s: %zu grouped cells", gk_doc_reports[i], grouped);
      gk_report_free(r), gk_report_free(truth);
      gk__buf_free(&b);
      free(src);
    }
}

int main(void) {
  CU_TestInfo tests[] = {
      {"every report reads as its truth", test_html_every_report_reads_as_its_truth},
      {"the page title picks the title", test_html_page_title_picks_the_title},
      {"sections in document order", test_html_sections_in_document_order},
      {"findings name the cell", test_html_findings_name_the_cell},
      {"spans, empty cells, positions", test_html_spans_empty_cells_and_positions},
      {"nested tables follow their row", test_html_nested_tables_follow_their_row},
      {"chrome skipped, meta kept", test_html_chrome_skipped_and_meta_kept},
      {"charsets", test_html_charsets},
      {"Word markup", test_html_word_markup},
      {"line breaks and invisible characters", test_html_line_breaks_and_invisible_characters},
      {"menus skipped", test_html_menus_skipped},
      {"bad bytes cost one character", test_html_bad_bytes_cost_one_character},
      {"detect and forced form", test_html_detect_and_forced_form},
      {"hostile pages", test_html_hostile_pages},
      {"allocation failures", test_html_allocation_failures},
      {"own page reads back", test_html_own_page_reads_back},
      {"sup and sub in cells", test_html_sup_in_cells},
      {"values in thousands groups", test_html_grouped_values},
      CU_TEST_INFO_NULL};
  return gk_test_main("html", tests);
}
