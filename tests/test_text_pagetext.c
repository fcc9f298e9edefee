/* SPDX-License-Identifier: MIT */
/* The one-line page text reader (lib/read_pagetext.c) alone and through the
 * importer: headings found inline, the title and prose as paragraphs, each
 * table part a TOKENS block of label text and digit runs (GK__CELL_RUN) with
 * their ordinals left to the labels, every block and token at its true source
 * line and column. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "grid.h"
#include "text_int.h"
#include "digit_split.h"
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

/* Byte offset of (line, col) in s (1-based, col in code points); -1 when it
 * is outside its line. */
static long offset_of(const char *s, uint32_t line, uint32_t col) {
  size_t i = 0, n = strlen(s);
  for (uint32_t l = 1; l < line; l++) {
    const char *nl = memchr(s + i, '\n', n - i);
    if (!nl) return -1;
    i = (size_t)(nl - s) + 1;
  }
  for (uint32_t c = 1; c < col; c++) {
    if (i >= n || s[i] == '\n') return -1;
    gk__utf8_next(s, n, &i);
  }
  return (long)i;
}

/* Text at (line, col) of s begins with t[0..n). */
static int at_source(const char *s, gk__gpos pos, const char *t, size_t n) {
  long at = offset_of(s, pos.line, pos.col);
  return pos.col >= 1 && at >= 0 && strlen(s + at) >= n && memcmp(s + at, t, n) == 0;
}

/* Read s as page text; assert the invariants and the properties every page
 * grid has: positions in order, each block and token the source's text at its
 * position, a token flagged RUN exactly when it is a run of digits. */
static void read_ok(gk__grid *g, const char *s) {
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_pagetext(g, s, strlen(s)), 1);
  CU_ASSERT_EQUAL_FATAL(gk__grid_check(g), GK_OK);
  gk__gpos last = {0, 0};
  for (size_t i = 0; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    CU_ASSERT_TRUE(b->pos.line > last.line || (b->pos.line == last.line && b->pos.col > last.col));
    last = b->pos;
    if (b->kind != GK__BLK_TOKENS && b->kind != GK__BLK_ROW && b->len)
      CU_ASSERT_TRUE(at_source(s, b->pos, gk__grid_text(g, b->off), b->len));
    for (uint32_t k = 0; k < b->ncells; k++) {
      const gk__gcell *c = &g->cells[b->first + k];
      const char *t = gk__grid_text(g, c->off);
      CU_ASSERT_TRUE(at_source(s, c->pos, t, c->len));
      CU_ASSERT_EQUAL(c->pos.line, b->pos.line);
      if (k == 0) CU_ASSERT_EQUAL(c->pos.col, b->pos.col);
      if (b->kind != GK__BLK_TOKENS) continue;
      CU_ASSERT_TRUE(c->len > 0);
      CU_ASSERT_EQUAL(c->x, k);
      CU_ASSERT_EQUAL(!!(c->flags & GK__CELL_RUN), gk__split_token_runs(t, c->len));
      if (k) CU_ASSERT_TRUE(c->pos.col > g->cells[b->first + k - 1].pos.col);
    }
  }
}

static int text_is(const gk__grid *g, uint32_t off, uint32_t len, const char *want) {
  return len == strlen(want) && memcmp(gk__grid_text(g, off), want, len) == 0;
}

/* Block i has this kind and text (PARA, HEADING). */
static void assert_block(const gk__grid *g, size_t i, gk__block_kind kind, const char *text) {
  CU_ASSERT_FATAL(i < g->nblocks);
  CU_ASSERT_EQUAL(g->blocks[i].kind, kind);
  if (kind != GK__BLK_TOKENS) CU_ASSERT_TRUE(text_is(g, g->blocks[i].off, g->blocks[i].len, text));
}

/* Block i is TOKENS with these tokens (a leading '#' marks a RUN). */
static void assert_tokens(const gk__grid *g, size_t i, const char *const *tok, size_t n) {
  assert_block(g, i, GK__BLK_TOKENS, NULL);
  CU_ASSERT_EQUAL_FATAL(g->blocks[i].ncells, n);
  for (size_t k = 0; k < n; k++) {
    const gk__gcell *c = &g->cells[g->blocks[i].first + k];
    int run = tok[k][0] == '#';
    CU_ASSERT_TRUE(text_is(g, c->off, c->len, tok[k] + run));
    CU_ASSERT_EQUAL(!!(c->flags & GK__CELL_RUN), run);
  }
}

static void test_pagetext_grid(void) {
  char doc[4096];
  snprintf(doc, sizeof doc, "%s\n第二行\n", PAGE);
  gk__grid g;
  read_ok(&g, doc);
  assert_block(&g, 0, GK__BLK_PARA, "某区人民政府2021年政府信息公开工作年度报告");
  CU_ASSERT_EQUAL(g.blocks[0].pos.line, 1);
  CU_ASSERT_EQUAL(g.blocks[0].pos.col, 1);
  assert_block(&g, 1, GK__BLK_PARA, "本报告依据《中华人民共和国政府信息公开条例》编制，如有疑问请与本办联系。");
  CU_ASSERT_EQUAL(g.blocks[1].pos.col, 24); /* after the title's 23 characters */
  assert_block(&g, 2, GK__BLK_HEADING, "一、总体情况");
  assert_block(&g, 3, GK__BLK_PARA, /* prose keeps its digits */
               "2021年，我区坚持以公开为常态、不公开为例外，全面推进政务公开工作。"
               "本年度主动公开政府信息一千余条，依申请公开工作平稳有序，各项制度进一步健全。");
  assert_block(&g, 4, GK__BLK_HEADING, "二、主动公开政府信息情况");
  /* one block per stretch of label text and its runs */
  static const char *const active[][2] = {{"第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数规章", "#000"},
                                          {"行政规范性文件", "#3112"}};
  assert_tokens(&g, 5, active[0], 2);
  assert_tokens(&g, 6, active[1], 2);
  assert_block(&g, 7, GK__BLK_HEADING, "三、收到和处理政府信息公开申请情况");
  /* an ordinal stays with its label: "1." and "（1）" */
  static const char *const req[][2] = {{"（四）无法提供1.本机关不掌握相关政府信息", "#2000002"},
                                       {"（1）本机关不掌握", "#3000003"}};
  assert_tokens(&g, 8, req[0], 2);
  assert_tokens(&g, 9, req[1], 2);
  assert_block(&g, 10, GK__BLK_HEADING, "四、政府信息公开行政复议、行政诉讼情况");
  static const char *const rv[] = {"行政复议结果维持结果纠正其他结果尚未审结总计", "#000000000000000"};
  assert_tokens(&g, 11, rv, 2);
  assert_block(&g, 12, GK__BLK_HEADING, "五、存在的主要问题及改进情况");
  assert_block(&g, 13, GK__BLK_PARA, "公开质量有待提升。");
  assert_block(&g, 14, GK__BLK_HEADING, "六、其他需要报告的事项");
  assert_block(&g, 15, GK__BLK_PARA, "本年度未收取信息处理费。");
  for (size_t i = 0; i < 16 && i < g.nblocks; i++) CU_ASSERT_EQUAL(g.blocks[i].pos.line, 1);
  /* the short line after the page: the text reader's paragraph, line 2 */
  assert_block(&g, 16, GK__BLK_PARA, "第二行");
  CU_ASSERT_EQUAL(g.blocks[16].pos.line, 2);
  gk__grid_free(&g);
}

/* A page between other lines: those read as the text reader reads them (a
 * TAB row stays a row), each block on its true line; signs, amounts, an
 * ordinal with 、 and a date's number in the table parts. */
static void test_pagetext_lines_around(void) {
  char doc[8192];
  snprintf(doc, sizeof doc,
           "首页 > 政务公开\n\n%s规章1-2行政处罚2648-185383.5万元2、不予公开2020年12月31日\n名称\t某区\n", PAGE);
  gk__grid g;
  read_ok(&g, doc);
  assert_block(&g, 0, GK__BLK_PARA, "首页 > 政务公开");
  CU_ASSERT_EQUAL(g.blocks[0].pos.line, 1);
  assert_block(&g, 1, GK__BLK_PARA, "");
  CU_ASSERT_EQUAL(g.blocks[1].pos.line, 2);
  CU_ASSERT_EQUAL(g.blocks[2].pos.line, 3);
  size_t last = g.nblocks - 2; /* then the empty line after the last newline */
  assert_block(&g, last + 1, GK__BLK_PARA, "");
  CU_ASSERT_EQUAL(g.blocks[last + 1].pos.line, 5);
  CU_ASSERT_EQUAL(g.blocks[last].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(g.blocks[last].pos.line, 4);
  CU_ASSERT_EQUAL(g.blocks[last].ncells, 2);
  /* the last part (六) is prose: its digits stay */
  assert_block(&g, last - 1, GK__BLK_PARA, "本年度未收取信息处理费。规章1-2行政处罚2648-185383.5万元2、不予公开2020年12月31日");
  gk__grid_free(&g);
  /* the same tail inside table 二 */
  const char *tail = "规章1-2行政处罚2648-185383.5万元2、不予公开2020年12月31日";
  char *p = strstr(doc, "三、收到");
  CU_ASSERT_PTR_NOT_NULL_FATAL(p);
  char doc2[8192];
  snprintf(doc2, sizeof doc2, "%.*s%s%s", (int)(p - doc), doc, tail, p);
  read_ok(&g, doc2);
  /* signs and amounts are runs; an ordinal with 、 and a date's numbers are text */
  static const char *const st[][2] = {{"规章", "#1-2"}, {"行政处罚", "#2648-185383.5万元"}};
  assert_tokens(&g, 9, st[0], 2);
  assert_tokens(&g, 10, st[1], 2);
  static const char *const last_lab[] = {"2、不予公开2020年12月31日"};
  assert_tokens(&g, 11, last_lab, 1);
  assert_block(&g, 12, GK__BLK_HEADING, "三、收到和处理政府信息公开申请情况");
  gk__grid_free(&g);
}

static void test_pagetext_not_a_page(void) {
  const char *docs[] = {"一、总体情况\n本年度依法做好政府信息公开工作。\n二、主动公开政府信息情况\n", "", "年度报告"};
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    gk__grid g;
    CU_ASSERT_EQUAL(gk__grid_from_pagetext(&g, docs[i], strlen(docs[i])), 0);
    CU_ASSERT_EQUAL(g.nblocks, 0);
    CU_ASSERT_EQUAL(g.ncells, 0);
    gk__grid_free(&g);
  }
}

/* Through the importer: the review table's fifteen digits decided, the prose
 * parts found, every finding on the page's line at a column inside it. */
static void test_pagetext_import(void) {
  char doc[4096];
  snprintf(doc, sizeof doc, "前言\n%s", PAGE);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, doc, strlen(doc), "page.txt", d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(r), 2021);
  CU_ASSERT_EQUAL(gk_report_year(r), 2021);
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OTHER), "本年度未收取信息处理费。");
  char got[32];
  CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, "review/reconsideration/total", GK_NUL_TERMINATED) >= 0);
  CU_ASSERT_STRING_EQUAL(got, "0");
  CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, "active/regulations/in_force", GK_NUL_TERMINATED) >= 0);
  CU_ASSERT_STRING_EQUAL(got, "0");
  size_t split = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    uint32_t line = gk_diag_line(d, i), col = gk_diag_column(d, i);
    CU_ASSERT_TRUE(line <= 2);
    if (line == 2) CU_ASSERT_TRUE(col >= 1 && offset_of(doc, line, col) >= 0);
    if (strcmp(gk_diag_rule(d, i), "import.split") == 0 && gk_diag_cell(d, i, 0) &&
        strncmp(gk_diag_cell(d, i, 0), "review/", 7) == 0) {
      split++; /* the review table's run: at its block, the table's header words */
      CU_ASSERT_EQUAL(line, 2);
      CU_ASSERT_TRUE(at_source(doc, (gk__gpos){line, col}, "行政复议结果", strlen("行政复议结果")));
    }
  }
  CU_ASSERT_EQUAL(split, 1);
  gk_report_free(r);
  gk_diags_free(d);
}

/* A run with a sign inside ("2648-18538", 2019 edition: items last year,
 * change, decisions) goes to the splitter as a run: every reading that fits is
 * named at the row's stretch, the cells stay blank (never read as label text). */
static void test_pagetext_signed_run(void) {
  const char *doc =
    "某区人民政府2019年政府信息公开工作年度报告"
    "一、总体情况2019年，我区坚持以公开为常态、不公开为例外，全面推进政务公开工作。"
    "二、主动公开政府信息情况信息内容本年新制作数量本年新公开数量对外公开总数量规章1313524规范性文件6060368"
    "信息内容上一年项目数量本年增/减处理决定数量行政许可000其他对外管理服务事项000行政处罚2648-18538行政强制000"
    "信息内容上一年项目数量本年增/减行政事业性收费00信息内容采购项目数量采购总金额政府集中采购6251000"
    "三、收到和处理政府信息公开申请情况五、存在的主要问题及改进情况无。六、其他需要报告的事项无。";
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, doc, strlen(doc), "page.txt", d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_edition(r), 2019);
  size_t named = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    const char *c = gk_diag_cell(d, i, 0);
    if (strcmp(gk_diag_rule(d, i), "import.ambiguous") != 0 || !c || !strstr(c, "/penalty/")) continue;
    named++;
    CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, i, GK_LANG_EN), "2648|-18|538"));
    CU_ASSERT_EQUAL(gk_diag_line(d, i), 1);
    CU_ASSERT_TRUE(at_source(doc, (gk__gpos){1, gk_diag_column(d, i)}, "行政处罚2648", strlen("行政处罚2648")));
  }
  CU_ASSERT_EQUAL(named, 1);
  char got[32];
  CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, "active/penalty/decisions", GK_NUL_TERMINATED) >= 0);
  CU_ASSERT_STRING_EQUAL(got, "");
  CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, "active/licensing/decisions", GK_NUL_TERMINATED) >= 0);
  CU_ASSERT_STRING_EQUAL(got, "0");
  gk_report_free(r);
  gk_diags_free(d);
}

/* The importer asks the page reader only when the text reader's longest line
 * is a page's length: that cheap test is implied by the full one. For a text
 * s, the text reader's longest line and line count are the source's ('\n'
 * split, '\r' counted), and a text whose lines are all shorter than
 * GK__PAGE_MIN_LINE is no page to gk__grid_from_pagetext. */
static int decision_ok(const char *s, size_t n) {
  size_t longest = 0, lines = 1, st = 0;
  for (size_t i = 0; i <= n; i++)
    if (i == n || s[i] == '\n') {
      if (i - st > longest) longest = i - st;
      lines += i < n, st = i + 1;
    }
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(&g, s, n), GK_OK);
  CU_ASSERT_EQUAL(g.longest, longest);
  CU_ASSERT_EQUAL(g.nlines, lines);
  gk__grid_free(&g);
  int page = gk__grid_from_pagetext(&g, s, n);
  CU_ASSERT_TRUE(page == 0 || page == 1);
  gk__grid_free(&g);
  if (longest < GK__PAGE_MIN_LINE) CU_ASSERT_EQUAL(page, 0);
  return page;
}

static size_t decide_dir(const char *dir) {
  DIR *d = opendir(dir);
  size_t files = 0;
  if (!d) return 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.') continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t n = 0;
    char *s = gk_test_read_file(path, &n);
    if (!s) continue;
    decision_ok(s, n);
    files++;
    free(s);
  }
  closedir(d);
  return files;
}

static void test_pagetext_decision(void) {
  /* every layout fixture: the real reports, pdftotext text, the fuzz corpora */
  CU_ASSERT_TRUE(decide_dir(GK_REAL_DATA) > 40);
  CU_ASSERT_TRUE(decide_dir(GK_TEST_DATA "/pdftext") > 3);
  decide_dir(GK_TEST_DATA "/../fuzz/corpus/pagetext");
  decide_dir(GK_TEST_DATA "/../fuzz/corpus/text");
  decide_dir(GK_TEST_DATA "/../fuzz/corpus/read_text");
  /* random texts: lines of the page cut just below and above a page's length
   * (each with headings inside), prose, TAB lines, CR */
  static const char *const other[] = {"\t12", "一、总体情况", "", "\r", "本年度依法做好政府信息公开工作。"};
  size_t plen = strlen(PAGE), pages = 0;
  unsigned seed = 11;
  for (int doc = 0; doc < 400; doc++) {
    char s[8192];
    size_t n = 0;
    for (int line = 0; line < 6; line++) {
      seed = seed * 1103515245u + 12345u;
      unsigned r = seed >> 16;
      if (r % 3 == 0) { /* a piece of the page, cut at a character */
        size_t cut = GK__PAGE_MIN_LINE - 40 + r % 80;
        if (cut > plen) cut = plen;
        while (cut && ((unsigned char)PAGE[cut] & 0xC0) == 0x80) cut--;
        memcpy(s + n, PAGE, cut), n += cut;
        if (r & 8) s[n++] = '\r';
      } else {
        const char *o = other[r % (sizeof other / sizeof *other)];
        memcpy(s + n, o, strlen(o)), n += strlen(o);
      }
      if (line < 5 || (r & 16)) s[n++] = '\n';
    }
    pages += (size_t)decision_ok(s, n);
  }
  CU_ASSERT_TRUE(pages > 20); /* the full test said "page" for some: the pieces were near the edge */
}

static CU_TestInfo tests[] = {
  {"a page read as a grid", test_pagetext_grid},
  {"a page among other lines", test_pagetext_lines_around},
  {"no page: no grid", test_pagetext_not_a_page},
  {"a page imported", test_pagetext_import},
  {"a run with a sign inside", test_pagetext_signed_run},
  {"the page test implied by the longest line", test_pagetext_decision},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text_pagetext", tests); }
