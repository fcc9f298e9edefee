/* SPDX-License-Identifier: MIT */
/* Grid tables in the text reader (lib/read_gridtable.c): pandoc's and
 * reStructuredText's "+---+" tables read as one ROW a row, cells joined over
 * their lines, spans from the borders, positions from the first piece; a
 * table that is not sound read as far as it is, the rest line by line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "grid.h"

static void read_ok(gk__grid *g, const char *s) {
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(g, s, strlen(s)), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk__grid_check(g), GK_OK);
  size_t lines = 1;
  for (const char *p = s; *p; p++) lines += *p == '\n';
  CU_ASSERT_EQUAL(g->nlines, lines);
}

/* The start of line `line` (1-based) of s. */
static const char *line_at(const char *s, uint32_t line) {
  for (uint32_t k = 1; k < line && s; k++) {
    s = strchr(s, '\n');
    if (s) s++;
  }
  return s;
}

/* Every cell with text stands in the source at its position: the character
 * at its line and column is its text's first (a property over the grid). */
static void assert_positions(const gk__grid *g, const char *s) {
  for (size_t i = 0; i < g->ncells; i++) {
    const gk__gcell *c = &g->cells[i];
    if (!c->len) continue;
    const char *l = line_at(s, c->pos.line);
    CU_ASSERT_PTR_NOT_NULL_FATAL(l);
    size_t at = 0, n = strcspn(l, "\n");
    for (uint32_t col = 1; col < c->pos.col && at < n; col++) gk__utf8_next(l, n, &at);
    size_t k = 0;
    gk__utf8_next(gk__grid_text(g, c->off), c->len, &k);
    CU_ASSERT_TRUE(at + k <= n && memcmp(l + at, gk__grid_text(g, c->off), k) == 0);
  }
}

/* The cells of the rows of table `table`, each "text@x+colspan/rowspan" and
 * rows apart by " ; ", into out. */
static void table_cells(const gk__grid *g, uint32_t table, char *out, size_t cap) {
  size_t k = 0;
  out[0] = '\0';
  for (size_t b = 0; b < g->nblocks; b++) {
    const gk__gblock *bl = &g->blocks[b];
    if (bl->kind != GK__BLK_ROW || bl->table != table) continue;
    if (k) k += (size_t)snprintf(out + k, cap - k, " ; ");
    for (uint32_t i = 0; i < bl->ncells && k < cap; i++) {
      const gk__gcell *c = &g->cells[bl->first + i];
      k += (size_t)snprintf(out + k, cap - k, "%s%.*s@%u", i ? "|" : "", (int)c->len, gk__grid_text(g, c->off),
                            (unsigned)c->x);
      if (c->colspan > 1 || c->rowspan > 1) k += (size_t)snprintf(out + k, cap - k, "+%u/%u", c->colspan, c->rowspan);
    }
  }
}

static void assert_table(const char *s, uint32_t table, const char *want) {
  gk__grid g;
  char got[4096];
  read_ok(&g, s);
  assert_positions(&g, s);
  table_cells(&g, table, got, sizeof got);
  if (strcmp(got, want) != 0) fprintf(stderr, "\n  want %s\n  got  %s\n", want, got);
  CU_ASSERT_STRING_EQUAL(got, want);
  gk__grid_free(&g);
}

static void test_gridtable_wrapped(void) {
  const char *s = "标题\n"
                  "+----------+--------+--------+\n"
                  "| 信息内容 | 本年制 | 本年废 |\n"
                  "|          | 发件数 | 止件数 |\n"
                  "+==========+========+========+\n"
                  "| 规章     | 0      | 0      |\n"
                  "+----------+--------+--------+\n"
                  "| 1.属于国 | 12     | -      |\n"
                  "| 家秘密   |        |        |\n"
                  "+----------+--------+--------+\n"
                  "| two      | a b    |        |\n"
                  "| words    | c      |        |\n"
                  "+----------+--------+--------+\n"
                  "后记\n";
  assert_table(s, 1, "信息内容@0|本年制发件数@1|本年废止件数@2 ; 规章@0|0@1|0@2 ; 1.属于国家秘密@0|12@1|-@2 ; "
                     "two words@0|a b c@1|@2");
  gk__grid g;
  read_ok(&g, s);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 7); /* title, four rows, the text after, the empty last line */
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[5].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[5].pos.line, 14);
  for (size_t b = 1; b <= 4; b++) {
    CU_ASSERT_EQUAL(g.blocks[b].kind, GK__BLK_ROW);
    CU_ASSERT_EQUAL(g.blocks[b].row, b);
    uint32_t want_line[] = {0, 3, 6, 8, 11};
    CU_ASSERT_EQUAL(g.blocks[b].pos.line, want_line[b]);
    CU_ASSERT_EQUAL(g.blocks[b].slen, strcspn(g.src + g.blocks[b].soff, "\n")); /* its first line */
    for (uint32_t k = 0; k < g.blocks[b].ncells; k++) /* the header: the row above "+===+" */
      CU_ASSERT_EQUAL(!!(g.cells[g.blocks[b].first + k].flags & GK__CELL_HEADER), b == 1);
  }
  const gk__gcell *c = &g.cells[g.blocks[2].first + 1];
  CU_ASSERT_TRUE(c->flags & GK__CELL_COUNT); /* classified by the grid */
  CU_ASSERT_EQUAL(c->pos.line, 6);
  CU_ASSERT_EQUAL(c->pos.col, 12); /* "| 规章     | 0": code points */
  gk__grid_free(&g);
}

/* pandoc 3's merged cells: no '|' inside a cell spanning columns, no dashes
 * under a cell spanning rows; reStructuredText's text on the border line. */
static void test_gridtable_spans(void) {
  assert_table("+------+------+-------------+------+\n"
               "| 申请 | 自然 | 法人或其他  | 总计 |\n"
               "|      | 人   | 组织        |      |\n"
               "|      |      +------+------+      |\n"
               "|      |      | 商业 | 科研 |      |\n"
               "+======+======+======+======+======+\n"
               "| 一   | 1    | 2    | 3    | 6    |\n"
               "+------+------+------+------+------+\n",
               1, "申请@0+1/2|自然人@1+1/2|法人或其他组织@2+2/1|总计@4+1/2 ; 商业@2|科研@3 ; 一@0|1@1|2@2|3@3|6@4");
  assert_table("+------------+------------+\n"
               "| Header 1   | Header 2   |\n"
               "+============+============+\n"
               "| body row 1 | Cells may  |\n"
               "+------------+ span rows. |\n"
               "| body row 2 |            |\n"
               "+------------+------------+\n",
               1, "Header 1@0|Header 2@1 ; body row 1@0|Cells may span rows.@1+1/2 ; body row 2@0");
}

/* Not sound to its end: read up to its last sound border line; the rest
 * line by line, nothing lost. A "+---" line in prose is no table. */
static void test_gridtable_unsound(void) {
  const char *ragged = "+----+----+\n| a  | 1  |\n+----+----+\n| b  | 2     |\n+----+----+\n";
  assert_table(ragged, 1, "a@0|1@1");
  assert_table(ragged, 2, "b@0|2@1"); /* the ragged line: a pipe row (a table of its own) */
  const char *unclosed = "+----+----+\n| a  | 1  |\n+----+----+\n| b  | 2  |\n";
  assert_table(unclosed, 1, "a@0|1@1");
  assert_table(unclosed, 2, "b@0|2@1");
  /* a table whose last border line holds text (a cell spanning rows, never
   * closed) ends at no border: its lines are read one by one, the text kept
   * (found by fuzz_read_text: the lines were taken and no row made) */
  static const char *const prose[] = {"+--- 注意\n正文", "+-----+\n正文\n", "+-----+", "+----+----+\n+----+----+x\n",
                                      "  +--+\n  | a |\n  +--+\n", "+-+\n|a|\n +-+\n", "+=", "+-\n|",
                                      "+----+----+\n| 甲 |-+--+", "+----+----+\n| 甲 |-+--+\n"};
  for (size_t i = 0; i < sizeof prose / sizeof *prose; i++) {
    gk__grid g;
    read_ok(&g, prose[i]);
    CU_ASSERT_EQUAL(g.nblocks, g.nlines); /* one block a line: no grid table */
    gk__grid_free(&g);
  }
  assert_table("  +--+--+\n  | a| b|\n  +--+--+\n", 1, "a@0|b@1"); /* indented (reStructuredText) */
}

/* More columns than the cap: no grid table (read line by line). */
static void test_gridtable_cap(void) {
  gk__buf b;
  gk__buf_init(&b);
  for (int row = 0; row < 3; row++) {
    for (int k = 0; k < 80; k++) gk__buf_puts(&b, row == 1 ? "| 1" : "+--");
    gk__buf_puts(&b, row == 1 ? "|\n" : "+\n");
  }
  gk__buf_putc(&b, '\0');
  gk__grid g;
  read_ok(&g, b.data);
  CU_ASSERT_EQUAL(g.nblocks, g.nlines); /* one block a line */
  gk__grid_free(&g);
  gk__buf_free(&b);
}

/* Any bytes: a grid that keeps its invariants, never a crash; a long table
 * read in one pass. */
static void test_gridtable_hostile(void) {
  static const char *const inputs[] = {"+-+\n|\xff|\n+-+", "+-+-+\n|\xE4\xB8|a|\n+-+-+", "+--+\n|中|\n+--+",
                                       "+---+\n|中 |\n+-+-+\n| | |\n+===+", "+-+\n| |\n+=+\n+-+\n", "+-+\r\n|a|\r\n+-+\r\n",
                                       "+--+--+\n|  +  |\n+--+--+\n", "+-+-+\n|a|b|\n+-+ +\n|c  |\n+---+\n"};
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    gk__grid g;
    CU_ASSERT_EQUAL(gk__grid_from_text(&g, inputs[i], strlen(inputs[i])), GK_OK);
    if (gk__utf8_valid(inputs[i], strlen(inputs[i]), NULL)) CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
    gk__grid_free(&g);
  }
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_puts(&b, "+------+----+\n");
  for (int row = 0; row < 20000; row++) gk__buf_puts(&b, "| 规章 | 1  |\n|      |    |\n+------+----+\n");
  gk__grid g;
  CU_ASSERT_EQUAL(gk__grid_from_text(&g, b.data, b.len), GK_OK);
  CU_ASSERT_EQUAL(g.nblocks, 20001); /* the rows, the empty last line */
  CU_ASSERT_EQUAL(g.ncells, 40000);
  gk__grid_free(&g);
  gk__buf_free(&b);
}

/* pandoc's simple tables: the columns from the dash runs under the header,
 * one row a line up to a blank line; '-' in a row stays a value, the dash
 * runs never become a row. */
static void test_dashtable_simple(void) {
  const char *s = "前言\n"
                  "信息内容        本年制发件数  本年废止件数\n"
                  "--------------  ------------  ------------\n"
                  "规章            0             -\n"
                  "行政规范性文件  12            5\n"
                  "\n"
                  "后记\n";
  assert_table(s, 1, "信息内容@0|本年制发件数@1|本年废止件数@2 ; 规章@0|0@1|-@2 ; 行政规范性文件@0|12@1|5@2");
  gk__grid g;
  read_ok(&g, s);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 7); /* 前言, three rows, the blank line, 后记, the empty last line */
  CU_ASSERT_EQUAL(g.blocks[4].kind, GK__BLK_PARA);
  CU_ASSERT_EQUAL(g.blocks[4].pos.line, 6);
  CU_ASSERT_TRUE(g.cells[g.blocks[1].first].flags & GK__CELL_HEADER);
  CU_ASSERT_FALSE(g.cells[g.blocks[2].first].flags & GK__CELL_HEADER);
  gk__grid_free(&g);
  /* a row with text across a column's end ends the table above it; without a header, runs above and below */
  assert_table("a     b\n----  ----\n1     2\n333333 4\n", 1, "a@0|b@1 ; 1@0|2@1");
  assert_table("---  ---\n1    2\n-    3\n---  ---\n", 1, "1@0|2@1 ; -@0|3@1");
}

/* Multiline tables: header and cells wrapped over lines, rows apart by blank
 * lines, lines of dashes around. */
static void test_dashtable_multiline(void) {
  const char *s = "------------------------------\n"
                  "信息内容        本年制发  本年\n"
                  "                件数      废止\n"
                  "--------------  --------  ----\n"
                  "一、本年新收政  21        0\n"
                  "府信息公开申请\n"
                  "\n"
                  "two             1         2\n"
                  "words\n"
                  "------------------------------\n";
  assert_table(s, 1, "信息内容@0|本年制发件数@1|本年废止@2 ; 一、本年新收政府信息公开申请@0|21@1|0@2 ; two words@0|1@1|2@2");
  gk__grid g;
  read_ok(&g, s);
  CU_ASSERT_EQUAL(g.blocks[1].pos.line, 5);
  CU_ASSERT_EQUAL(g.blocks[2].pos.line, 8);
  CU_ASSERT_EQUAL(g.blocks[3].kind, GK__BLK_PARA); /* the empty last line */
  gk__grid_free(&g);
}

/* Dashes that are no table: a rule, a heading's underline, a rule over text
 * never closed, a dash-runs line with nothing under it: read line by line
 * as before. */
static void test_dashtable_none(void) {
  static const char *const inputs[] = {"正文\n----------\n正文", "标题\n-----\n", "-----\n正文\n\n正文\n",
                                       "--  --\n", "a  b\n--  --\n", "- 3 -\n", "----\n|a|b|\n----  ----\n1  2\n",
                                       "-- --\n中文中文 x\n-- --\n", "------\n头\n------\n1\n------\n"};
  for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
    gk__grid g;
    read_ok(&g, inputs[i]);
    CU_ASSERT_EQUAL(g.nblocks, g.nlines); /* one block a line */
    gk__grid_free(&g);
  }
}

int main(void) {
  CU_TestInfo tests[] = {
    {"gridtable_wrapped", test_gridtable_wrapped},
    {"gridtable_spans", test_gridtable_spans},
    {"gridtable_unsound", test_gridtable_unsound},
    {"gridtable_cap", test_gridtable_cap},
    {"gridtable_hostile", test_gridtable_hostile},
    {"dashtable_simple", test_dashtable_simple},
    {"dashtable_multiline", test_dashtable_multiline},
    {"dashtable_none", test_dashtable_none},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("read_gridtable", tests);
}
