/* SPDX-License-Identifier: MIT */
/* The plain text and Markdown reader (lib/read_text.c) alone: each layout read
 * into a grid that keeps its invariants, one block per line, the cells split
 * where the layout splits them, with their source line and column. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "grid.h"
#include "text_int.h"

/* Read s; assert the grid keeps its invariants, has one block per line (a run
 * of blank lines one, spanning them) and each block's source span is its lines. */
static void read_ok(gk__grid *g, const char *s) {
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(g, s, strlen(s)), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk__grid_check(g), GK_OK);
  size_t lines = 1, covered = 0;
  for (const char *p = s; *p; p++) lines += *p == '\n';
  for (size_t i = 0; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    CU_ASSERT_EQUAL(b->pos.line, covered + 1); /* its first line */
    CU_ASSERT_TRUE_FATAL(b->soff + b->slen <= strlen(s));
    size_t nl = 0;
    for (size_t k = 0; k < b->slen; k++) nl += s[b->soff + k] == '\n';
    CU_ASSERT_TRUE(nl == 0 || (b->kind == GK__BLK_PARA && b->len == 0));
    if (i + 1 < g->nblocks) CU_ASSERT_EQUAL(g->blocks[i + 1].pos.line, b->pos.line + nl + 1);
    covered += nl + 1;
  }
  CU_ASSERT_EQUAL(covered, lines);
  CU_ASSERT_EQUAL(g->nlines, lines);
}

static const gk__gcell *cell(const gk__grid *g, size_t blk, uint32_t k) {
  CU_ASSERT_FATAL(blk < g->nblocks && k < g->blocks[blk].ncells);
  return &g->cells[g->blocks[blk].first + k];
}

/* Cell k of block blk has this text, column x and source column col. */
static void assert_cell(const gk__grid *g, size_t blk, uint32_t k, const char *text, uint32_t x,
                        uint32_t col) {
  const gk__gcell *c = cell(g, blk, k);
  CU_ASSERT_EQUAL(c->len, strlen(text));
  CU_ASSERT_EQUAL(memcmp(gk__grid_text(g, c->off), text, c->len), 0);
  CU_ASSERT_EQUAL(c->x, x);
  CU_ASSERT_EQUAL(c->pos.col, col);
  CU_ASSERT_EQUAL(c->pos.line, g->blocks[blk].pos.line);
}

/* Every cell's text is the source's characters at its column (the text reader
 * never rewrites a cell): a property over all cells of a grid. */
static void assert_cells_at_source(const gk__grid *g, const char *s) {
  for (size_t b = 0; b < g->nblocks; b++) {
    const gk__gblock *blk = &g->blocks[b];
    if (blk->kind != GK__BLK_ROW) continue;
    const char *line = s + blk->soff;
    for (uint32_t k = 0; k < blk->ncells; k++) {
      const gk__gcell *c = &g->cells[blk->first + k];
      size_t at = 0;
      for (uint32_t col = 1; col < c->pos.col && at < blk->slen; col++) gk__utf8_next(line, blk->slen, &at);
      CU_ASSERT_TRUE(at + c->len <= blk->slen);
      if (c->len) CU_ASSERT_EQUAL(memcmp(line + at, gk__grid_text(g, c->off), c->len), 0);
    }
  }
}

static void test_read_text_tsv(void) {
  const char *s = "标题\n\t本年新收\t80\t\t1\n\n项目\t数据\t";
  gk__grid g;
  read_ok(&g, s);
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[1].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(g.blocks[1].table, 0); /* TAB lines: no table boundaries */
  CU_ASSERT_EQUAL(g.blocks[1].ncells, 5); /* the indentation and the blank cell kept */
  assert_cell(&g, 1, 0, "", 0, 1);
  assert_cell(&g, 1, 1, "本年新收", 1, 2);
  assert_cell(&g, 1, 2, "80", 2, 7);
  assert_cell(&g, 1, 3, "", 3, 10);
  assert_cell(&g, 1, 4, "1", 4, 11);
  CU_ASSERT_EQUAL(g.blocks[2].kind, GK__BLK_PARA); /* a blank line: an empty paragraph */
  CU_ASSERT_EQUAL(g.blocks[2].len, 0);
  CU_ASSERT_EQUAL(g.blocks[3].ncells, 3); /* a trailing TAB: a blank last cell */
  assert_cell(&g, 3, 2, "", 2, 7);
  assert_cells_at_source(&g, s);
  gk__grid_free(&g);
}

static void test_read_text_pipes(void) {
  const char *s = "| 项目 | 数据1 | 数据2 |\n|---|:---:|---|\n| 行政许可 | 3 |  |\n"
                  "说明\n｜ 规章 ｜ 2 ｜\n│ 甲 │ 「a|b」 │\n";
  gk__grid g;
  read_ok(&g, s);
  CU_ASSERT_EQUAL(g.blocks[0].table, 1);
  CU_ASSERT_EQUAL(g.blocks[0].row, 1);
  CU_ASSERT_EQUAL(g.blocks[0].ncells, 3); /* the outer bars open and close the row */
  assert_cell(&g, 0, 0, "项目", 0, 3);
  assert_cell(&g, 0, 2, "数据2", 2, 14);
  for (uint32_t k = 0; k < 3; k++) /* the alignment row below makes it a header */
    CU_ASSERT_TRUE(cell(&g, 0, k)->flags & GK__CELL_HEADER);
  CU_ASSERT_EQUAL(g.blocks[1].row, 2);
  CU_ASSERT_EQUAL(g.blocks[2].row, 3);
  CU_ASSERT_EQUAL(g.blocks[2].ncells, 3);
  assert_cell(&g, 2, 1, "3", 1, 10);
  assert_cell(&g, 2, 2, "", 2, 13); /* the blank cell before the closing bar */
  CU_ASSERT_FALSE(cell(&g, 2, 0)->flags & GK__CELL_HEADER);
  CU_ASSERT_EQUAL(g.blocks[3].kind, GK__BLK_PARA);
  /* a prose line ends the table: the full-width and box bars start new ones */
  CU_ASSERT_EQUAL(g.blocks[4].table, 2);
  CU_ASSERT_EQUAL(g.blocks[4].row, 1);
  assert_cell(&g, 4, 0, "规章", 0, 3);
  assert_cell(&g, 4, 1, "2", 1, 8);
  CU_ASSERT_EQUAL(g.blocks[5].table, 2); /* bar lines one after another: one table */
  CU_ASSERT_EQUAL(g.blocks[5].row, 2);
  CU_ASSERT_EQUAL(g.blocks[5].ncells, 2); /* no separator inside a quoted literal */
  assert_cell(&g, 5, 1, "「a|b」", 1, 7);
  CU_ASSERT_EQUAL(g.blocks[6].kind, GK__BLK_PARA); /* the empty last line */
  assert_cells_at_source(&g, s);
  gk__grid_free(&g);
}

static void test_read_text_markdown_headings(void) {
  const char *s = "# 某县2020年政府信息公开工作年度报告\n## 三、收到和处理\n####### 七\n#无空格\n";
  gk__grid g;
  read_ok(&g, s);
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_HEADING);
  CU_ASSERT_EQUAL(g.blocks[0].level, 1);
  CU_ASSERT_EQUAL(g.blocks[0].pos.col, 2);
  CU_ASSERT_EQUAL(g.blocks[1].kind, GK__BLK_HEADING);
  CU_ASSERT_EQUAL(g.blocks[1].level, 2);
  const char *h = gk__grid_text(&g, g.blocks[1].off);
  CU_ASSERT_EQUAL(g.blocks[1].len, strlen("三、收到和处理"));
  CU_ASSERT_EQUAL(memcmp(h, "三、收到和处理", g.blocks[1].len), 0);
  CU_ASSERT_EQUAL(g.blocks[2].kind, GK__BLK_PARA); /* seven '#': no heading */
  CU_ASSERT_EQUAL(g.blocks[3].kind, GK__BLK_PARA); /* no space after '#' */
  gk__grid_free(&g);
}

static void test_read_text_space_aligned(void) {
  /* pdftotext -layout: columns two spaces or an ideographic space apart; one
   * space stays inside a cell */
  const char *s = "  本年新收 申请      80      1     0\n一、总体情况\n规章\u3000\u30003,402\u3000\u30001\n";
  gk__grid g;
  read_ok(&g, s);
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(g.blocks[0].table, 0);
  CU_ASSERT_EQUAL(g.blocks[0].ncells, 4);
  assert_cell(&g, 0, 0, "本年新收 申请", 0, 3);
  assert_cell(&g, 0, 1, "80", 1, 16);
  assert_cell(&g, 0, 3, "0", 3, 30);
  CU_ASSERT_EQUAL(g.blocks[1].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[2].ncells, 3);
  assert_cell(&g, 2, 1, "3,402", 1, 5);
  assert_cells_at_source(&g, s);
  gk__grid_free(&g);
}

static void test_read_text_cell_per_line_and_crlf(void) {
  /* one cell per line (HTML to text), CRLF endings: blank lines are kept as
   * empty paragraphs for the recognizer to count */
  const char *s = "行政许可\r\n3\r\n\r\n5\r\n";
  gk__grid g;
  read_ok(&g, s);
  for (size_t i = 0; i < g.nblocks; i++) CU_ASSERT_EQUAL(g.blocks[i].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[1].len, 1);
  CU_ASSERT_EQUAL(g.blocks[1].slen, 1); /* the CR is no part of the line */
  CU_ASSERT_EQUAL(g.blocks[2].len, 0);
  CU_ASSERT_EQUAL(g.blocks[4].len, 0);
  gk__grid_free(&g);
  /* a run of blank lines is one block over them all */
  read_ok(&g, "3\n\n \n\u3000\n\t\n\n5\n");
  CU_ASSERT_EQUAL(g.nblocks, 6);
  CU_ASSERT_EQUAL(g.blocks[1].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[1].len, 0);
  CU_ASSERT_EQUAL(g.blocks[1].slen, strlen("\n \n\u3000"));
  CU_ASSERT_EQUAL(g.blocks[2].pos.line, 5);
  CU_ASSERT_EQUAL(g.blocks[2].kind, GK__BLK_ROW); /* a TAB alone: a row of blank cells */
  CU_ASSERT_EQUAL(g.blocks[2].ncells, 2);
  CU_ASSERT_EQUAL(g.blocks[3].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[4].pos.line, 7);
  gk__grid_free(&g);
}

static unsigned next_rand(unsigned *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 16;
}

/* TAB lines (read in one pass, their cells classified as they are cut): over
 * random documents of such lines mixed with others, every line with a TAB and
 * no bar or quote is a row whose cells are its TAB-separated fields trimmed,
 * at their code-point columns, classified as gk__grid_classify says (and the
 * grid's copy of the text intact: the same cells rebuilt by gk__grid_cell). */
static void test_read_text_tab_lines(void) {
  static const char *const parts[] = {"\t", "\t", "\t", " ", "\u3000", "12", "007", "-", "3.5万元", "信息内容",
                                      "a b", "「无」", "「a\tb」", "|", "｜", "#", "# ", "\r", "1234567890123456"};
  unsigned seed = 7;
  for (int doc = 0; doc < 300; doc++) {
    char s[4096];
    size_t n = 0;
    for (int line = 0; line < 12; line++) {
      for (size_t k = 0, np = next_rand(&seed) % 6; k < np; k++) {
        const char *p = parts[next_rand(&seed) % (sizeof parts / sizeof *parts)];
        memcpy(s + n, p, strlen(p)), n += strlen(p);
      }
      s[n++] = '\n';
    }
    s[n] = '\0';
    gk__grid g, h;
    read_ok(&g, s);
    assert_cells_at_source(&g, s);
    gk__grid_init(&h);
    for (size_t b = 0; b < g.nblocks; b++) {
      const gk__gblock *blk = &g.blocks[b];
      const char *l = s + blk->soff;
      size_t ln = blk->slen;
      if (blk->kind != GK__BLK_ROW) continue;
      gk__grid_row(&h, GK__BLK_ROW, blk->table, blk->row, blk->pos);
      for (uint32_t k = 0; k < blk->ncells; k++) {
        const gk__gcell *c = &g.cells[blk->first + k];
        gk__grid_cell(&h, gk__grid_text(&g, c->off), c->len, c->x, 1, 1, c->flags, c->pos);
        const gk__gcell *d = &h.cells[h.ncells - 1];
        CU_ASSERT_EQUAL(c->flags, d->flags);
        CU_ASSERT_EQUAL(c->num, d->num);
        CU_ASSERT_EQUAL(c->len, d->len);
      }
      if (!memchr(l, '\t', ln) || memchr(l, '|', ln) || gk__memfind(l, ln, "｜", 3) || gk__memfind(l, ln, "「", 3) ||
          blk->table)
        continue;
      size_t st = 0, x = 0;
      for (size_t e = 0; e <= ln; e++) {
        if (e < ln && l[e] != '\t') continue;
        size_t a = st, z = e;
        gk__trim_span(l, &a, &z);
        uint32_t col = 1;
        for (size_t j = 0; j < (a < z ? a : st); j++) col += ((unsigned char)l[j] & 0xC0) != 0x80;
        CU_ASSERT_FATAL(x < blk->ncells);
        const gk__gcell *c = cell(&g, b, (uint32_t)x);
        int64_t num = 0;
        CU_ASSERT_EQUAL(c->len, z - a);
        CU_ASSERT_EQUAL(memcmp(gk__grid_text(&g, c->off), l + a, z - a), 0);
        CU_ASSERT_EQUAL(gk__grid_text(&g, c->off)[c->len], '\0');
        CU_ASSERT_EQUAL(c->x, x);
        CU_ASSERT_EQUAL(c->pos.col, col);
        CU_ASSERT_EQUAL(c->flags, gk__grid_classify(l + a, z - a, &num));
        CU_ASSERT_EQUAL(c->num, num);
        x++, st = e + 1;
      }
      CU_ASSERT_EQUAL(x, blk->ncells);
    }
    CU_ASSERT_EQUAL(gk__grid_check(&h), GK_OK);
    gk__grid_free(&h);
    gk__grid_free(&g);
  }
}

/* The reader's scan skips the space-aligned test on a line it found no white
 * space byte in: pinned against the full test (aligned_cells). Property: a
 * line the scan says cannot be aligned has no gap, over random lines of text,
 * white space of every width, separators, quotes and broken UTF-8 (stray
 * continuation bytes, overlong and truncated characters), and over every line
 * of the real reports. */
static size_t align_pin(const char *l, size_t n, size_t *skipped) {
  if (!gk__text_line_may_align(l, n)) {
    CU_ASSERT_TRUE(gk__text_line_aligned(l, n) < 2);
    ++*skipped;
  }
  return gk__text_line_aligned(l, n) >= 2;
}

static void test_read_text_align_pin(void) {
  static const char *const parts[] = {"信息", "公开", "12", "a", " ", "  ", "\u3000", "\u2003", "\u00a0", "\ufeff",
                                      "\t", "|", "｜", "「无」", "、", "（", "\r", "\xa0", "\xc0\xa0", "\xe0\x80\xa0",
                                      "\xf0\x82\x80\x80", "\xe4\xa0", "\xe2\x80", "\xe3", "\x0b", "é", "😀", "ꀀ"};
  unsigned seed = 5;
  size_t skipped = 0, aligned = 0;
  for (int k = 0; k < 20000; k++) {
    char l[256];
    size_t n = 0;
    for (size_t j = 0, np = next_rand(&seed) % 8; j < np; j++) {
      const char *p = parts[next_rand(&seed) % (sizeof parts / sizeof *parts)];
      memcpy(l + n, p, strlen(p)), n += strlen(p);
    }
    aligned += align_pin(l, n, &skipped);
  }
  CU_ASSERT_TRUE(skipped > 1000 && aligned > 1000); /* both answers met */
  DIR *dir = opendir(GK_REAL_DATA);
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  for (struct dirent *e; (e = readdir(dir)) != NULL;) {
    size_t nl = strlen(e->d_name);
    if (nl < 4 || strcmp(e->d_name + nl - 4, ".txt") != 0) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", GK_REAL_DATA, e->d_name);
    size_t n = 0;
    char *s = gk_test_read_file(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    for (size_t st = 0; st <= n;) {
      const char *nlp = memchr(s + st, '\n', n - st);
      size_t end = nlp ? (size_t)(nlp - s) : n;
      align_pin(s + st, end - st, &skipped);
      st = end + 1;
    }
    free(s);
  }
  closedir(dir);
}

/* ------------------------------------------------------------ raw HTML tables (Markdown) */
/* Read s, which holds raw HTML tables: the grid keeps its invariants, has no
 * source lines (its blocks are its lines), counts the source's lines, and its
 * positions never pass them. */
static void read_html_ok(gk__grid *g, const char *s) {
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(g, s, strlen(s)), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk__grid_check(g), GK_OK);
  size_t lines = 1;
  for (const char *p = s; *p; p++) lines += *p == '\n';
  CU_ASSERT_EQUAL(g->nlines, lines);
  CU_ASSERT_PTR_NULL(g->src);
  for (size_t i = 0; i < g->nblocks; i++) CU_ASSERT_TRUE(g->blocks[i].pos.line >= 1 && g->blocks[i].pos.line <= lines);
  for (size_t i = 0; i < g->ncells; i++) CU_ASSERT_TRUE(g->cells[i].pos.line >= 1 && g->cells[i].pos.line <= lines);
}

/* The first block from `from` of this kind whose text (PARA/HEADING) or first
 * cell (ROW) is text; SIZE_MAX when none. */
static size_t find_block(const gk__grid *g, size_t from, gk__block_kind kind, const char *text) {
  for (size_t i = from; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    if (b->kind != kind) continue;
    uint32_t off = b->off, len = b->len;
    if (kind == GK__BLK_ROW) {
      if (!b->ncells) continue;
      off = g->cells[b->first].off, len = g->cells[b->first].len;
    }
    if (len == strlen(text) && memcmp(gk__grid_text(g, off), text, len) == 0) return i;
  }
  return SIZE_MAX;
}

/* Does text stand in some block or cell of g? */
static int grid_has(const gk__grid *g, const char *text) {
  for (size_t i = 0; i < g->nblocks; i++)
    if (g->blocks[i].kind != GK__BLK_ROW && gk__memfind(gk__grid_text(g, g->blocks[i].off), g->blocks[i].len, text, strlen(text)))
      return 1;
  for (size_t i = 0; i < g->ncells; i++)
    if (gk__memfind(gk__grid_text(g, g->cells[i].off), g->cells[i].len, text, strlen(text))) return 1;
  return 0;
}

#ifdef GK_WITH_HTML
/* MinerU's Markdown: a table on one line, spans kept, "# " headings; the
 * cells at their source line and column. */
static void test_read_text_html_one_line(void) {
  const char *s = "# 一、总体情况\n正文。\n<table><tr><td rowspan=\"2\">信息内容</td><td>本年制发件数</td></tr>"
                  "<tr><td>3</td></tr></table>\n| 项目 | 数量 |\n尾。";
  gk__grid g;
  read_html_ok(&g, s);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 6);
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_HEADING);
  CU_ASSERT_EQUAL(g.blocks[0].level, 1);
  CU_ASSERT_EQUAL(g.blocks[1].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[2].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(g.blocks[2].table, 1);
  CU_ASSERT_EQUAL(g.blocks[2].row, 1);
  CU_ASSERT_EQUAL(g.blocks[3].row, 2);
  assert_cell(&g, 2, 0, "信息内容", 0, 12); /* its <td> after "<table><tr>" */
  assert_cell(&g, 2, 1, "本年制发件数", 1, 37);
  CU_ASSERT_EQUAL(cell(&g, 2, 0)->rowspan, 2);
  assert_cell(&g, 3, 0, "3", 1, 61); /* the rowspan above covers column 0 */
  CU_ASSERT_EQUAL(g.blocks[2].pos.line, 3);
  CU_ASSERT_EQUAL(g.blocks[4].kind, GK__BLK_ROW); /* the pipe table after it: table 2, line 4 */
  CU_ASSERT_EQUAL(g.blocks[4].table, 2);
  assert_cell(&g, 4, 0, "项目", 0, 3);
  CU_ASSERT_EQUAL(g.blocks[4].pos.line, 4);
  CU_ASSERT_EQUAL(g.blocks[5].pos.line, 5);
  gk__grid_free(&g);
}

/* MinerU wraps each table in <html><body>: read as the table it holds; a
 * line of other tags before "<table" stays text. */
static void test_read_text_html_wrapped(void) {
  const char *s = "前\n<html><body><table><tr><td>规章</td><td>5</td></tr></table></body></html>\n"
                  " <HTML lang=\"zh\"> <BODY class=\"x\"><table><tr><td>文件</td><td>6</td></tr></table>\n"
                  "<div><table><tr><td>不读</td></tr></table></div>\n后";
  gk__grid g;
  read_html_ok(&g, s);
  size_t a = find_block(&g, 0, GK__BLK_ROW, "规章"), b = find_block(&g, 0, GK__BLK_ROW, "文件");
  CU_ASSERT_FATAL(a != SIZE_MAX && b != SIZE_MAX);
  CU_ASSERT_EQUAL(g.blocks[a].pos.line, 2);
  CU_ASSERT_EQUAL(cell(&g, a, 1)->num, 5);
  CU_ASSERT_EQUAL(g.blocks[b].pos.line, 3);
  CU_ASSERT_EQUAL(cell(&g, b, 1)->num, 6);
  CU_ASSERT_EQUAL(find_block(&g, 0, GK__BLK_ROW, "不读"), SIZE_MAX); /* <div> first: prose */
  gk__grid_free(&g);
}

/* pandoc's Markdown: the table over many lines, <thead>/<tbody>/<th>, "<TABLE>"
 * in capitals, indented. */
static void test_read_text_html_many_lines(void) {
  const char *s = "前文\n  <TABLE>\n<thead>\n<tr class=\"header\">\n<th>项目</th>\n<th colspan=\"2\">数量</th>\n</tr>\n"
                  "</thead>\n<tbody>\n<TR>\n<TD>规章</TD>\n<td>5</td><td>6</td>\n</TR>\n</tbody>\n</TABLE>\n后文";
  gk__grid g;
  read_html_ok(&g, s);
  size_t h = find_block(&g, 0, GK__BLK_ROW, "项目"), r = find_block(&g, 0, GK__BLK_ROW, "规章");
  CU_ASSERT_FATAL(h != SIZE_MAX && r == h + 1);
  CU_ASSERT_EQUAL(g.blocks[h].pos.line, 4); /* its <tr> */
  CU_ASSERT_EQUAL(cell(&g, h, 0)->pos.line, 5);
  CU_ASSERT_EQUAL(cell(&g, h, 0)->pos.col, 1);
  CU_ASSERT_EQUAL(cell(&g, h, 1)->pos.line, 6);
  CU_ASSERT_EQUAL(cell(&g, h, 1)->colspan, 2);
  CU_ASSERT_TRUE(cell(&g, h, 0)->flags & GK__CELL_HEADER);
  CU_ASSERT_EQUAL(cell(&g, r, 0)->pos.line, 11);
  CU_ASSERT_EQUAL(cell(&g, r, 2)->pos.line, 12);
  CU_ASSERT_EQUAL(cell(&g, r, 2)->pos.col, 11);
  CU_ASSERT_EQUAL(cell(&g, r, 2)->x, 2);
  CU_ASSERT_EQUAL(cell(&g, r, 2)->num, 6);
  size_t last = find_block(&g, 0, GK__BLK_PARA, "后文");
  CU_ASSERT_FATAL(last == g.nblocks - 1);
  CU_ASSERT_EQUAL(g.blocks[last].pos.line, 16);
  CU_ASSERT_EQUAL(find_block(&g, 0, GK__BLK_PARA, "前文"), 0);
  gk__grid_free(&g);
}

/* A nested table is read to its outer "</table>"; an unclosed one to the end,
 * its text after it kept. */
static void test_read_text_html_nested_unclosed(void) {
  const char *s = "<table><tr><td>甲</td><td><table><tr><td>内</td><td>1</td></tr></table></td><td>2</td><td>5</td></tr>"
                  "<tr><td>乙</td><td>3</td><td>4</td><td>6</td></tr></table>\n后";
  gk__grid g;
  read_html_ok(&g, s);
  CU_ASSERT_NOT_EQUAL(find_block(&g, 0, GK__BLK_ROW, "内"), SIZE_MAX);
  CU_ASSERT_NOT_EQUAL(find_block(&g, 0, GK__BLK_ROW, "乙"), SIZE_MAX);
  CU_ASSERT_EQUAL(find_block(&g, 0, GK__BLK_PARA, "后"), g.nblocks - 1);
  CU_ASSERT_EQUAL(g.blocks[g.nblocks - 1].pos.line, 2);
  gk__grid_free(&g);
  const char *u = "前\n<table><tr><td>规章</td><td>1</td></tr>\n<tr><td>文件</td><td>2</td></tr>\n# 二、标题\n正文说明\n";
  read_html_ok(&g, u);
  size_t r = find_block(&g, 0, GK__BLK_ROW, "规章");
  CU_ASSERT_FATAL(r != SIZE_MAX);
  CU_ASSERT_EQUAL(g.blocks[r].pos.line, 2);
  CU_ASSERT_NOT_EQUAL(find_block(&g, r, GK__BLK_ROW, "文件"), SIZE_MAX);
  size_t h = find_block(&g, r, GK__BLK_HEADING, "二、标题"); /* the Markdown after it stays Markdown */
  CU_ASSERT_FATAL(h != SIZE_MAX);
  CU_ASSERT_EQUAL(g.blocks[h].pos.line, 4);
  CU_ASSERT_TRUE(grid_has(&g, "正文说明")); /* nothing lost */
  gk__grid_free(&g);
  /* unclosed, with text and another table before its last tag: read, in order */
  const char *v = "<table><tr><td>a</td><td>1</td></tr>\n中间文字\n<table><tr><td>b</td><td>2</td></tr></table>\n后";
  read_html_ok(&g, v);
  size_t a = find_block(&g, 0, GK__BLK_ROW, "a"), mid = find_block(&g, 0, GK__BLK_PARA, "中间文字");
  size_t b = find_block(&g, 0, GK__BLK_ROW, "b");
  CU_ASSERT_TRUE(a < mid && mid < b && b != SIZE_MAX);
  CU_ASSERT_EQUAL(find_block(&g, 0, GK__BLK_PARA, "后"), g.nblocks - 1);
  gk__grid_free(&g);
}

/* A huge table on one line is read whole: every row, the columns counted on. */
static void test_read_text_html_huge_line(void) {
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_puts(&b, "标题\n<table>");
  enum { ROWS = 30000 };
  for (int i = 0; i < ROWS; i++) gk__buf_printf(&b, "<tr><td>行%d</td><td>%d</td></tr>", i, i);
  gk__buf_puts(&b, "</table>\n<table><tr><td>另表</td><td>1</td></tr></table>\n");
  gk__buf_putc(&b, '\0');
  CU_ASSERT_FATAL(!b.err);
  gk__grid g;
  read_html_ok(&g, b.data);
  size_t rows = 0;
  for (size_t i = 0; i < g.nblocks; i++) rows += g.blocks[i].kind == GK__BLK_ROW && g.blocks[i].table == 1;
  CU_ASSERT_EQUAL(rows, ROWS);
  size_t last = find_block(&g, 0, GK__BLK_ROW, "行29999");
  CU_ASSERT_FATAL(last != SIZE_MAX);
  CU_ASSERT_EQUAL(cell(&g, last, 1)->num, 29999);
  CU_ASSERT_EQUAL(cell(&g, last, 1)->pos.line, 2);
  /* its column: the characters before its <td> */
  const char *td = strstr(b.data, "<td>29999</td>");
  size_t col = 1;
  for (const char *p = strchr(b.data, '\n') + 1; p < td; p++) col += ((unsigned char)*p & 0xC0) != 0x80;
  CU_ASSERT_EQUAL(cell(&g, last, 1)->pos.col, col);
  size_t other = find_block(&g, 0, GK__BLK_ROW, "另表");
  CU_ASSERT_FATAL(other != SIZE_MAX);
  CU_ASSERT_EQUAL(g.blocks[other].table, 2);
  CU_ASSERT_EQUAL(g.blocks[other].pos.line, 3);
  gk__grid_free(&g);
  gk__buf_free(&b);
}
#endif

/* No raw HTML table: a <table> line in a fenced code block, a mention inside
 * prose: each line stays its own block, verbatim. */
static void test_read_text_html_not_tables(void) {
  static const char *const inputs[] = {
      "```\n<table><tr><td>a</td><td>1</td></tr></table>\n```\n正文",
      "  ~~~~ html\n<table><tr><td>a</td></tr></table>\n~~~\n<TABLE/>\n~~~~\n后",
      "如下表见<table>说明</table>\n<tablet>不是表</tablet>\n< table>",
      "<br>\n<p>段落</p>\n<div>块</div>"};
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    gk__grid g;
    read_ok(&g, inputs[i]);
    CU_ASSERT_PTR_NOT_NULL(g.src);
    for (size_t k = 0; k < g.nblocks; k++) CU_ASSERT_EQUAL(g.blocks[k].kind, GK__BLK_PARA);
    gk__grid_free(&g);
  }
}

/* Pipe cells: <br> a space, entities decoded; a TAB row and prose keep them. */
static void test_read_text_pipe_cell_html(void) {
  const char *s = "| 项目 | 数量 |\n|---|---|\n| 规章<br>文件 | &nbsp;5 |\n| a&amp;b | &#49;&#x32; |\n"
                  "| x<BR/>y<br />z | &lt;&gt;&quot;&apos; |\n| &foo; &#; <b> | &#0;&#xD800;&#99999999; |\n"
                  "a&amp;b\t&nbsp;\n甲 &amp; 乙";
  gk__grid g;
  read_ok(&g, s);
  assert_cell(&g, 2, 0, "规章 文件", 0, 3);
  assert_cell(&g, 2, 1, "5", 1, 14);
  CU_ASSERT_TRUE(cell(&g, 2, 1)->flags & GK__CELL_COUNT);
  assert_cell(&g, 3, 0, "a&b", 0, 3);
  assert_cell(&g, 3, 1, "12", 1, 13);
  CU_ASSERT_EQUAL(cell(&g, 3, 1)->num, 12);
  assert_cell(&g, 4, 0, "x y z", 0, 3);
  assert_cell(&g, 4, 1, "<>\"'", 1, 20);
  assert_cell(&g, 5, 0, "&foo; &#;", 0, 3); /* an inline tag is markup, paired or not (md_cell.c) */
  assert_cell(&g, 5, 1, "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD", 1, 19);
  assert_cell(&g, 6, 0, "a&amp;b", 0, 1); /* TAB: no Markdown */
  assert_cell(&g, 6, 1, "&nbsp;", 1, 9);
  CU_ASSERT_EQUAL(g.blocks[7].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[7].len, strlen("甲 &amp; 乙"));
  gk__grid_free(&g);
}

/* Any bytes (not UTF-8, separators everywhere): a grid that keeps its
 * invariants, never a crash. */
static void test_read_text_hostile(void) {
  static const char *const inputs[] = {"", "\n", "|", "||\n|", "\t", "\xff\xfe|\x80", "「|", "| 「a",
                                       "#", "# ", "\xE3\x80", "a  \xE3\x80\x80", "|---|\n|---|"};
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    gk__grid g;
    CU_ASSERT_EQUAL(gk__grid_from_text(&g, inputs[i], strlen(inputs[i])), GK_OK);
    if (gk__utf8_valid(inputs[i], strlen(inputs[i]), NULL)) CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
    gk__grid_free(&g);
  }
}

/* One recognizer for every form: each real report read as a text grid and
 * recognized (gk__report_from_grid) is the report gk_report_from_text gives,
 * cells, lines and findings alike. */
static void test_read_text_one_recognizer(void) {
  static const char *const names[] = {"2019_shanghai-municipal-general-office.txt", "2020_ganzhou-fenggang-town.txt",
                                      "2017_tljq-district-township.txt", "2020_sichuan-qiliping-town.txt",
                                      "2019_xiongxian-township-blank-tables.txt"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
    size_t n = 0;
    char *s = gk_test_read_data(names[i], 1, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    gk_report *a = NULL, *b = NULL;
    gk_diags *da = NULL, *db = NULL;
    gk_diags_new(&da), gk_diags_new(&db);
    int ra = gk_report_from_text(&a, s, n, names[i], da);
    gk__grid g;
    CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(&g, s, n), GK_OK);
    CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
    int rb = gk__report_from_grid(&b, &g, names[i], db);
    CU_ASSERT_EQUAL(ra, rb);
    if (!ra && !rb) CU_ASSERT_TRUE(gk_report_equal(a, b, 1));
    CU_ASSERT_EQUAL(gk_diags_count(da), gk_diags_count(db));
    for (size_t k = 0; k < gk_diags_count(da) && k < gk_diags_count(db); k++) {
      CU_ASSERT_STRING_EQUAL(gk_diag_rule(da, k), gk_diag_rule(db, k));
      CU_ASSERT_EQUAL(gk_diag_line(da, k), gk_diag_line(db, k));
    }
    gk_report_free(a), gk_report_free(b);
    gk_diags_free(da), gk_diags_free(db);
    gk__grid_free(&g);
    free(s);
  }
}

int main(void) {
  CU_TestInfo tests[] = {
    {"read_text_tsv", test_read_text_tsv},
    {"read_text_pipes", test_read_text_pipes},
    {"read_text_markdown_headings", test_read_text_markdown_headings},
    {"read_text_space_aligned", test_read_text_space_aligned},
    {"read_text_cell_per_line_and_crlf", test_read_text_cell_per_line_and_crlf},
    {"read_text_hostile", test_read_text_hostile},
    {"read_text_tab_lines", test_read_text_tab_lines},
    {"read_text_align_pin", test_read_text_align_pin},
    {"read_text_one_recognizer", test_read_text_one_recognizer},
#ifdef GK_WITH_HTML
    {"read_text_html_one_line", test_read_text_html_one_line},
    {"read_text_html_wrapped", test_read_text_html_wrapped},
    {"read_text_html_many_lines", test_read_text_html_many_lines},
    {"read_text_html_nested_unclosed", test_read_text_html_nested_unclosed},
    {"read_text_html_huge_line", test_read_text_html_huge_line},
#endif
    {"read_text_html_not_tables", test_read_text_html_not_tables},
    {"read_text_pipe_cell_html", test_read_text_pipe_cell_html},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("read_text", tests);
}
