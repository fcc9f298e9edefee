/* SPDX-License-Identifier: MIT */
/* The document grid (lib/grid.h): building, its invariants, and a grid read into
 * a report by the recognizer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "grid.h"
#include "text_int.h"

static gk__gpos at(uint32_t line, uint32_t col) {
  gk__gpos p = {line, col};
  return p;
}

static void test_grid_build_trims_and_checks(void) {
  gk__grid g;
  gk__grid_init(&g);
  gk__grid_para(&g, GK__BLK_HEADING, 2, "  一、总体情况\u3000", strlen("  一、总体情况\u3000"), at(1, 1));
  gk__grid_row(&g, GK__BLK_ROW, 1, 1, at(2, 1));
  gk__grid_cell(&g, " 规章 ", 8, 0, 1, 1, GK__CELL_HEADER, at(2, 1));
  gk__grid_cell(&g, "", 0, 1, 2, 3, 0, at(2, 5));
  gk__grid_meta(&g, "名称", strlen("名称"), " 某局 ", 8);
  CU_ASSERT_EQUAL_FATAL(g.err, GK_OK);
  CU_ASSERT_EQUAL(g.nblocks, 2);
  CU_ASSERT_EQUAL(g.blocks[0].len, strlen("一、总体情况"));
  CU_ASSERT_EQUAL(memcmp(gk__grid_text(&g, g.blocks[0].off), "一、总体情况", g.blocks[0].len), 0);
  CU_ASSERT_EQUAL(g.blocks[1].ncells, 2);
  CU_ASSERT_EQUAL(g.cells[0].len, strlen("规章"));
  CU_ASSERT_EQUAL(g.cells[1].len, 0);
  CU_ASSERT_EQUAL(g.cells[1].colspan, 3);
  CU_ASSERT_EQUAL(g.meta[0].vlen, strlen("某局"));
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  /* a cell placed left of its neighbour's span breaks the invariant */
  gk__grid_row(&g, GK__BLK_ROW, 1, 2, at(3, 1));
  gk__grid_cell(&g, "a", 1, 2, 1, 2, 0, at(3, 1));
  gk__grid_cell(&g, "b", 1, 3, 1, 1, 0, at(3, 3));
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_EINVAL);
  gk__grid_free(&g);
}

static void test_grid_cell_without_row_is_an_error(void) {
  gk__grid g;
  gk__grid_init(&g);
  gk__grid_cell(&g, "x", 1, 0, 1, 1, 0, at(1, 1));
  CU_ASSERT_EQUAL(g.err, GK_EINVAL);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_EINVAL);
  gk__grid_free(&g);
}

/* The same rows built into a grid reserved ahead (any size, smaller or larger
 * than what they need) and into one that grows: the same blocks, cells and
 * texts. A reservation that cannot be met is GK_ENOMEM, sticky, and no crash. */
static void build_rows(gk__grid *g, size_t nrows) {
  char t[32];
  for (size_t r = 0; r < nrows; r++) {
    gk__grid_row(g, GK__BLK_ROW, 0, 0, at((uint32_t)r + 1, 1));
    int n = snprintf(t, sizeof t, " %zu ", r * 7919);
    gk__grid_cell(g, "", 0, 0, 1, 1, 0, at((uint32_t)r + 1, 1));
    gk__grid_cell(g, t, (size_t)n, 1, 1, 1, 0, at((uint32_t)r + 1, 2));
  }
}

static void test_grid_reserve_same_grid(void) {
  static const size_t sizes[][3] = {{0, 0, 0}, {1, 1, 1}, {10, 30, 100}, {5000, 9000, 100000}};
  gk__grid plain;
  gk__grid_init(&plain);
  build_rows(&plain, 700);
  CU_ASSERT_EQUAL_FATAL(gk__grid_check(&plain), GK_OK);
  for (size_t k = 0; k < sizeof sizes / sizeof *sizes; k++) {
    gk__grid g;
    gk__grid_init(&g);
    CU_ASSERT_EQUAL(gk__grid_reserve(&g, sizes[k][0], sizes[k][1], sizes[k][2]), GK_OK);
    build_rows(&g, 700);
    CU_ASSERT_EQUAL_FATAL(gk__grid_check(&g), GK_OK);
    CU_ASSERT_EQUAL_FATAL(g.nblocks, plain.nblocks);
    CU_ASSERT_EQUAL_FATAL(g.ncells, plain.ncells);
    CU_ASSERT_EQUAL(g.arena.len, plain.arena.len);
    for (size_t i = 0; i < g.ncells; i++) {
      CU_ASSERT_EQUAL(g.cells[i].len, plain.cells[i].len);
      CU_ASSERT_EQUAL(memcmp(gk__grid_text(&g, g.cells[i].off), gk__grid_text(&plain, plain.cells[i].off),
                             g.cells[i].len + 1), 0); /* the NUL too */
    }
    gk__grid_free(&g);
  }
  gk__grid_free(&plain);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL(gk__grid_reserve(&g, SIZE_MAX, 0, 0), GK_ENOMEM);
  CU_ASSERT_EQUAL(g.err, GK_ENOMEM);
  build_rows(&g, 3); /* a no-op after the error */
  CU_ASSERT_EQUAL(g.nblocks, 0);
  gk__grid_free(&g);
}

/* A report as rows of cells: the recognizer places the values and keeps the
 * source lines of the grid. */
static void test_grid_recognized(void) {
  static const char *rows[][8] = {
    {"项目", "申请人情况", NULL},
    {"一、本年新收政府信息公开申请数量", "3", "0", "0", "0", "0", "0", "3"},
    {"二、上年结转政府信息公开申请数量", "0", "0", "0", "0", "0", "0", "0"},
  };
  gk__grid g;
  gk__grid_init(&g);
  gk__grid_para(&g, GK__BLK_PARA, 0, "某镇人民政府2020年政府信息公开工作年度报告",
                strlen("某镇人民政府2020年政府信息公开工作年度报告"), at(1, 1));
  gk__grid_para(&g, GK__BLK_HEADING, 0, "一、总体情况", strlen("一、总体情况"), at(3, 1));
  gk__grid_para(&g, GK__BLK_PARA, 0, "概述。", strlen("概述。"), at(4, 1));
  gk__grid_para(&g, GK__BLK_HEADING, 0, "三、收到和处理政府信息公开申请情况",
                strlen("三、收到和处理政府信息公开申请情况"), at(10, 1));
  for (uint32_t i = 0; i < 3; i++) {
    gk__grid_row(&g, GK__BLK_ROW, 1, i + 1, at(20 + i, 1));
    for (uint32_t k = 0; k < 8 && rows[i][k]; k++)
      gk__grid_cell(&g, rows[i][k], strlen(rows[i][k]), k, 1, 1, 0, at(20 + i, 1 + k));
  }
  CU_ASSERT_EQUAL_FATAL(gk__grid_check(&g), GK_OK);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  gk_diags_new(&d);
  CU_ASSERT_EQUAL_FATAL(gk__report_from_grid(&r, &g, "g.html", d), GK_OK);
  GK_ASSERT_CELL(r, "requests/new/natural", "3");
  GK_ASSERT_CELL(r, "requests/new/total", "3");
  GK_ASSERT_CELL(r, "requests/carried_over/total", "0");
  CU_ASSERT_EQUAL(gk_report_year(r), 2020);
  size_t ri = 0, ci = 0;
  int t = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &ri, &ci, r, "requests/new/natural", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_line(r, t, ri, ci), 21);
  /* the cell's column is the grid cell's (the <td>'s), not the rendering's */
  CU_ASSERT_EQUAL(gk__cell_at(r, t, ri, ci)->column, 2);
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &ri, &ci, r, "requests/new/total", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk__cell_at(r, t, ri, ci)->column, 8);
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &ri, &ci, r, "requests/carried_over/natural", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_line(r, t, ri, ci), 22);
  CU_ASSERT_EQUAL(gk__cell_at(r, t, ri, ci)->column, 2);
  /* the section's line is the grid's (its text starts on the page's line 4) */
  CU_ASSERT_EQUAL(gk_report_section_line(r, GK_SECTION_OVERVIEW), 4);
  gk_report_free(r);
  /* a DOCX grid: table 1, row R, cell C in (R | 1 << 16, C) */
  gk__grid_free(&g);
  gk__grid_init(&g);
  g.pos_kind = GK__POS_DOCX;
  gk__grid_para(&g, GK__BLK_PARA, 0, "某镇人民政府2020年政府信息公开工作年度报告",
                strlen("某镇人民政府2020年政府信息公开工作年度报告"), at(1, 0));
  gk__grid_para(&g, GK__BLK_HEADING, 0, "一、总体情况", strlen("一、总体情况"), at(2, 0));
  gk__grid_para(&g, GK__BLK_PARA, 0, "概述。", strlen("概述。"), at(3, 0));
  gk__grid_para(&g, GK__BLK_HEADING, 0, "三、收到和处理政府信息公开申请情况",
                strlen("三、收到和处理政府信息公开申请情况"), at(4, 0));
  for (uint32_t i = 0; i < 3; i++) {
    gk__grid_row(&g, GK__BLK_ROW, 1, i + 1, at(1u << 16 | (i + 1), 0));
    for (uint32_t k = 0; k < 8 && rows[i][k]; k++)
      gk__grid_cell(&g, rows[i][k], strlen(rows[i][k]), k, 1, 1, 0, at(1u << 16 | (i + 1), 1 + k));
  }
  CU_ASSERT_EQUAL_FATAL(gk__report_from_grid(&r, &g, "g.docx", d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &ri, &ci, r, "requests/new/research", GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_line(r, t, ri, ci), 1u << 16 | 2u);
  CU_ASSERT_EQUAL(gk__cell_at(r, t, ri, ci)->column, 4);
  CU_ASSERT_EQUAL(gk_report_section_line(r, GK_SECTION_OVERVIEW), 3); /* paragraph 3 */
  /* the parts' document order (rendered lines): the overview's text (line 3)
   * before the requests table's first value (line 6); paragraph 3 and table 1
   * do not compare */
  CU_ASSERT_EQUAL(gk__report_part_order(r, 0), 3);
  CU_ASSERT_EQUAL(gk__report_part_order(r, 2), 6);
  gk_report_free(r);
  gk_diags_free(d);
  gk__grid_free(&g);
}

/* The value class of a cell's text (grid.h): a value as the recognizer reads a
 * field, a count with its value; set by the grid whatever the reader passes. */
static void test_grid_classify(void) {
  static const struct { const char *s; uint32_t cls; int64_t num; } cases[] = {
    {"", 0, 0},
    {"0", GK__CELL_VALUE | GK__CELL_COUNT, 0},
    {"007", GK__CELL_VALUE | GK__CELL_COUNT, 7},
    {"123456789012345", GK__CELL_VALUE | GK__CELL_COUNT, 123456789012345},
    {"1234567890123456", GK__CELL_VALUE, 0}, /* 16 digits: a value, no count */
    {"1,234", GK__CELL_VALUE, 0},
    {"-3", GK__CELL_VALUE, 0},
    {"3.5万元", GK__CELL_VALUE, 0},
    {"「无」", GK__CELL_VALUE, 0},
    {"「无」3", 0, 0},
    {"12 34", 0, 0},
    {"12\u300034", 0, 0},
    {"信息内容", 0, 0},
    {"2020年", 0, 0},
    {"〇", GK__CELL_VALUE, 0},   /* the ideographic zero: a literal, kept verbatim */
    {"〇〇", 0, 0},
    {"、", 0, 0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    int64_t num = -1;
    size_t n = strlen(cases[i].s);
    CU_ASSERT_EQUAL(gk__grid_classify(cases[i].s, n, &num), cases[i].cls);
    CU_ASSERT_EQUAL(num, cases[i].num);
    /* the grid sets the class, whatever the reader says */
    gk__grid g;
    gk__grid_init(&g);
    gk__grid_row(&g, GK__BLK_ROW, 0, 0, at(1, 1));
    gk__grid_cell(&g, cases[i].s, n, 0, 1, 1, GK__CELL_CLASS | GK__CELL_HEADER, at(1, 1));
    CU_ASSERT_EQUAL_FATAL(gk__grid_check(&g), GK_OK);
    CU_ASSERT_EQUAL(g.cells[0].flags, cases[i].cls | GK__CELL_HEADER);
    CU_ASSERT_EQUAL(g.cells[0].num, cases[i].num);
    g.cells[0].flags ^= GK__CELL_VALUE; /* a class that is not the text's breaks the invariant */
    CU_ASSERT_EQUAL(gk__grid_check(&g), GK_EINVAL);
    g.cells[0].flags ^= GK__CELL_VALUE;
    g.cells[0].num += 1;
    CU_ASSERT_EQUAL(gk__grid_check(&g), GK_EINVAL);
    gk__grid_free(&g);
  }
}

static unsigned next_rand(unsigned *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 16;
}

/* Properties over random fields: a count parses, by the general parser, to
 * its value (any kind but amount); a value is one word or one quoted literal;
 * digits alone are a value. */
static void test_grid_classify_properties(void) {
  static const char *const parts[] = {"0", "1", "9", "05", ",", ".", "-", "+", " ", "\u3000", "万元",
                                      "元", "无", "「", "」", "信息", "年", "—", "\xC2\xA0"};
  const size_t np = sizeof parts / sizeof *parts;
  unsigned seed = 11;
  for (int it = 0; it < 20000; it++) {
    char t[128];
    size_t n = 0, k = 1 + (size_t)(next_rand(&seed) % 6);
    int digits = 1;
    for (size_t j = 0; j < k; j++) {
      const char *p = parts[next_rand(&seed) % (it % 2 ? 4 : np)]; /* half of them: digits only */
      memcpy(t + n, p, strlen(p)), n += strlen(p);
    }
    for (size_t j = 0; j < n; j++) digits &= t[j] >= '0' && t[j] <= '9';
    int64_t num = 0, v = 0;
    uint32_t cls = gk__grid_classify(t, n, &num);
    CU_ASSERT_TRUE(!(cls & GK__CELL_COUNT) || (cls & GK__CELL_VALUE));
    CU_ASSERT_EQUAL(!!(cls & GK__CELL_COUNT), digits && n <= 15);
    if (digits) CU_ASSERT_TRUE(cls & GK__CELL_VALUE);
    if (cls & GK__CELL_COUNT) {
      CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_COUNT, t, n, &v, NULL), GK_OK);
      CU_ASSERT_EQUAL(v, num);
      CU_ASSERT_EQUAL(gk__parse_cell_text(GK_KIND_SIGNED, t, n, &v, NULL), GK_OK);
      CU_ASSERT_EQUAL(v, num);
    } else {
      CU_ASSERT_EQUAL(num, 0);
    }
    if ((cls & GK__CELL_VALUE) && gk__text_quote_end(t, n, 0) != n)
      for (size_t j = 0; j < n; j++) CU_ASSERT_EQUAL(gk__space_at(t, n, j), 0);
  }
}

int main(void) {
  CU_TestInfo tests[] = {
    {"grid_build_trims_and_checks", test_grid_build_trims_and_checks},
    {"grid_classify", test_grid_classify},
    {"grid_classify_properties", test_grid_classify_properties},
    {"grid_cell_without_row_is_an_error", test_grid_cell_without_row_is_an_error},
    {"grid_recognized", test_grid_recognized},
    {"grid_reserve_same_grid", test_grid_reserve_same_grid},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("grid", tests);
}
