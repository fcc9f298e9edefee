/* SPDX-License-Identifier: MIT */
/* The Markdown cell cleaner (lib/md_cell.c) alone: inline markup is no part
 * of a cell's text (it fires on the markup converters write), text that only
 * looks like markup is kept (it stays quiet), the cost is linear, and in the
 * text reader markup never moves where a cell starts or ends. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "testutil.h"
#include "grid.h"

/* The cleaned text of s. */
static char *clean(const char *s, size_t n) {
  gk__buf b;
  gk__buf_init(&b);
  CU_ASSERT_EQUAL(gk__md_cell_text(&b, s, n), GK_OK);
  gk__buf_putc(&b, '\0');
  return b.data;
}

static void assert_clean(const char *in, const char *want) {
  char *got = clean(in, strlen(in));
  if (strcmp(got, want) != 0) fprintf(stderr, "\n  [%s] -> [%s], want [%s]", in, got, want);
  CU_ASSERT_STRING_EQUAL(got, want);
  free(got);
}

/* Fires: the markup converters write around values and labels. */
static void test_md_cell_fires(void) {
  static const char *const c[][2] = {
      {"**12**", "12"}, {"__12__", "12"}, {"*12*", "12"}, {"_12_", "12"}, {"***12***", "12"}, {"___12___", "12"},
      {"**12**件", "12件"}, {"共**12**件", "共12件"}, {"**_12_**", "12"}, {"_**12**_", "12"},
      {"**a *b* c**", "a b c"}, {"**行政许可**", "行政许可"}, {"**（一）予以公开**", "（一）予以公开"},
      {"<b>12</b>", "12"}, {"<B>12</B>", "12"}, {"<strong>12</strong>", "12"}, {"<em>12</em>", "12"},
      {"<span style=\"font-family:宋体\">1</span><span style='x>y'>2</span>", "12"}, {"<font size=2>12</font>", "12"},
      {"<span lang=EN-US>12<o:p></o:p></span>", "12"}, {"<b><i>12</i></b>", "12"}, {"<b>**12**</b>", "12"},
      {"~~12~~13", "13"}, {"<del>12</del>13", "13"}, {"<s>1</s>2", "2"}, {"<strike>9</strike>", ""},
      {"[12](#x)", "12"}, {"[12](http://a_b.c/*y*)", "12"}, {"[**12**](u)", "12"}, {"1808595[^1]", "1808595"},
      {"1808595[^note-2]", "1808595"}, {"12[3](#n3)", "12"}, {"![图](a.png)12", "12"}, {"12<sup>[^1]</sup>", "12"},
      {"12<sup>3</sup>", "12 3"}, {"12<sub>3</sub>", "12 3"}, {"12<sup><a href=\"#f3\">3</a></sup>", "12"},
      {"12<sup>[3](#fn3)</sup>", "12"}, {"a<br>b", "a b"}, {"x<BR/>y<br />z", "x y z"}, {"&nbsp;5", " 5"},
      {"a&amp;b", "a&b"}, {"&#49;&#x32;", "12"}, {"12<!-- page 3 -->", "12"}, {"<p>12</p>", "12"},
      {"<img src=\"a.png\">12", "12"}, {"*12* | 3", "12 | 3"}};
  for (size_t i = 0; i < sizeof c / sizeof *c; i++) assert_clean(c[i][0], c[i][1]);
}

/* Quiet: text that only looks like markup is kept as it stands. */
static void test_md_cell_quiet(void) {
  static const char *const c[] = {"2*3", "a_b_c", "snake_case_name", "**", "****", "*", "_", "**12", "12**", "12*",
                                  "*12", "2*3*4", "a*b*c", "a * b * c", "* 12 *", "** 12 **", "~12~", "~~~",
                                  "~~", "\\*12\\*", "\\_12\\_", "<5>", "a < b > c", "<unknown>x</unknown>",
                                  "<b", "[1]", "[a]", "[^ x]", "[^]", "x[y](z", "[y]", "[a] (b)", "!", "!x",
                                  "&foo;", "&#;", "a & b", "5 < 6", "其他*", "注：*为估算", "*** 12"};
  for (size_t i = 0; i < sizeof c / sizeof *c; i++) assert_clean(c[i], c[i]);
  CU_ASSERT_FALSE(gk__md_cell_has_markup("1808595", 7));
  CU_ASSERT_TRUE(gk__md_cell_has_markup("**1**", 5));
}

/* Unclosed or crossed markup: what pairs is dropped, the rest is text. */
static void test_md_cell_unpaired(void) {
  assert_clean("**12*", "**12*");
  assert_clean("*a **b* c**", "a **b c**"); /* the first pair wins; the run opened inside it is text */
  assert_clean("<del>12", "12");             /* a struck element never closed: its tag dropped, its text kept */
  assert_clean("<sup>3", "3");
  assert_clean("[a](b", "[a](b");
  assert_clean("[a][b](c)", "[a]b");
  assert_clean("~~a~~b~~", "b~~");
}

/* Properties over random cells of markup bytes: never longer than the input
 * (every decoding shrinks), valid UTF-8 kept valid, a cell without a lead
 * byte its own text. */
static void test_md_cell_random(void) {
  static const char *const atoms[] = {"*", "_", "~", "<", ">", "[", "]", "(", ")", "!", "^", "#", "&", ";", "/",
                                      "a", "1", " ", "b>", "<b>", "</b>", "<sup>", "</sup>", "<del>", "</del>",
                                      "[^1]", "&amp;", "宋", "\"", "<!--", "-->", "\\"};
  unsigned seed = 12345;
  char s[256];
  for (int round = 0; round < 20000; round++) {
    size_t n = 0;
    int parts = (int)((seed = seed * 1103515245u + 12345u) >> 16) % 24;
    for (int k = 0; k < parts; k++) {
      const char *a = atoms[((seed = seed * 1103515245u + 12345u) >> 16) % (sizeof atoms / sizeof *atoms)];
      size_t al = strlen(a);
      if (n + al >= sizeof s) break;
      memcpy(s + n, a, al), n += al;
    }
    char *got = clean(s, n);
    size_t gl = strlen(got);
    CU_ASSERT_TRUE(gl <= n);
    CU_ASSERT_TRUE(gk__utf8_valid(got, gl, NULL));
    if (!gk__md_cell_has_markup(s, n)) CU_ASSERT_TRUE(gl == n && memcmp(got, s, n) == 0);
    free(got);
  }
}

/* Linear cost: each pattern that would make a naive search quadratic (openers
 * never closed, tags whose closer is far away, brackets without their
 * parenthesis), a cell of N bytes against 16 cells of N/16 (the same bytes):
 * the ratio of the CPU times is near 1 when the cost is linear, near 16 when
 * quadratic; the bound is 8 (a 1 MiB cell runs out of the caches that 64 KiB
 * cells stay in), and no absolute time is asserted (test_linear.c's method).
 * N is 1 MiB, 64 KiB under valgrind and the sanitizers. */
static double clean_time(const char *pat, size_t n) {
  size_t pl = strlen(pat), k = 0;
  char *s = malloc(n + 32);
  CU_ASSERT_FATAL(s != NULL);
  for (; k + pl <= n; k += pl) memcpy(s + k, pat, pl);
  memcpy(s + k, "</a>x</sup></del>)]-->", 22); /* one closer of each at the very end */
  struct timespec t0, t1;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
  char *got = clean(s, k + 22);
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
  CU_ASSERT_TRUE(strlen(got) <= k + 22);
  free(got);
  free(s);
  return (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
}

static void test_md_cell_huge(void) {
  static const char *const pats[] = {"*a ", "**", "_a ", "<sup>", "<del>", "[a", "[a](", "<b x=\"", "a*",
                                     "<!--", "[^", "~~a ", "![", "<sup>[^1]", "<s>", "<sup><a href=\"#x\">",
                                     "<sup>[1](#", "<sup>[^1](", "a_", "&#1"};
  size_t n = getenv("GK_TEST_UNDER_VALGRIND") ? (size_t)64 << 10 : (size_t)1 << 20;
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
  n = (size_t)64 << 10;
#endif
  for (size_t p = 0; p < sizeof pats / sizeof *pats; p++) {
    double big = 0, small = 0;
    for (int round = 0; round < 3; round++) { /* best of three on each side */
      double b = clean_time(pats[p], n), sm = 0;
      for (int k = 0; k < 16; k++) sm += clean_time(pats[p], n / 16);
      if (round == 0 || b < big) big = b;
      if (round == 0 || sm < small) small = sm;
    }
    if (big < 1e-3) continue; /* below a millisecond the timer says little: linear enough */
    double ratio = big / (small > 1e-6 ? small : 1e-6);
    if (ratio > 8.0) fprintf(stderr, "\n  pattern %s: %zu bytes %.4f s, 16 x %zu %.4f s (ratio %.1f)", pats[p], n, big,
                             n / 16, small, ratio);
    CU_ASSERT_TRUE(ratio <= 8.0);
  }
}

/* In the text reader: markup is dropped from pipe cells and grid table cells,
 * never moves where a cell starts or ends (a bar inside bold still splits),
 * and a cell keeps the source column where its text starts. */
static void test_md_cell_in_reader(void) {
  const char *s = "| 项目 | 数量 |\n|---|---|\n| **行政许可** | **1808595**[^1] |\n| a **b|c** d | <b>12</b> |\n"
                  "\n+------+--------+\n| **规 | **12** |\n| 章** |        |\n+------+--------+\n";
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(&g, s, strlen(s)), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk__grid_check(&g), GK_OK);
  const gk__gblock *b = &g.blocks[2];
  CU_ASSERT_EQUAL_FATAL(b->ncells, 2);
  const gk__gcell *c = &g.cells[b->first];
  CU_ASSERT_TRUE(c[0].len == strlen("行政许可") && memcmp(gk__grid_text(&g, c[0].off), "行政许可", c[0].len) == 0);
  CU_ASSERT_TRUE(c[1].len == 7 && memcmp(gk__grid_text(&g, c[1].off), "1808595", 7) == 0);
  CU_ASSERT_EQUAL(c[0].pos.col, 3);
  CU_ASSERT_EQUAL(c[1].pos.col, 14);
  CU_ASSERT_TRUE(c[1].flags & GK__CELL_COUNT);
  CU_ASSERT_EQUAL(c[1].num, 1808595);
  b = &g.blocks[3];
  CU_ASSERT_EQUAL_FATAL(b->ncells, 3); /* the bar splits: "a **b" and "c** d" are text */
  c = &g.cells[b->first];
  CU_ASSERT_TRUE(c[0].len == 5 && memcmp(gk__grid_text(&g, c[0].off), "a **b", 5) == 0);
  CU_ASSERT_TRUE(c[1].len == 5 && memcmp(gk__grid_text(&g, c[1].off), "c** d", 5) == 0);
  CU_ASSERT_TRUE(c[2].len == 2 && memcmp(gk__grid_text(&g, c[2].off), "12", 2) == 0);
  CU_ASSERT_EQUAL(c[2].pos.col, 17);
  int found = 0;
  for (size_t i = 4; i < g.nblocks; i++) {
    const gk__gblock *r = &g.blocks[i];
    if (r->kind != GK__BLK_ROW || r->ncells != 2) continue;
    const gk__gcell *v = &g.cells[r->first];
    found |= v[0].len == strlen("规章") && memcmp(gk__grid_text(&g, v[0].off), "规章", v[0].len) == 0 &&
             v[1].len == 2 && memcmp(gk__grid_text(&g, v[1].off), "12", 2) == 0 && v[1].num == 12;
  }
  CU_ASSERT_TRUE(found); /* the grid table's cells, joined over their lines, then cleaned */
  gk__grid_free(&g);
}

static CU_TestInfo tests[] = {
  {"fires on converters' markup", test_md_cell_fires},
  {"quiet on text like markup", test_md_cell_quiet},
  {"unpaired and crossed markup", test_md_cell_unpaired},
  {"random cells: properties", test_md_cell_random},
  {"huge cells: linear cost", test_md_cell_huge},
  {"in the text reader", test_md_cell_in_reader},
  CU_TEST_INFO_NULL,
};

int main(void) {
  gk_test_warm_heap(); /* the huge cells pay no page faults the small ones do not */
  return gk_test_main("md_cell", tests);
}
