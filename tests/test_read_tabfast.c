/* SPDX-License-Identifier: MIT */
/* The text reader's fast path for lines starting with TAB (read_text.c,
 * tab_fast) against its general path. The fast path gives up on a '\r' (the
 * general path drops a line's '\r's before cutting it), so a document of TAB
 * lines ending in "\n" and the same lines ending in "\r\n" must give the same
 * grid, but for the source offsets the '\r's shift: the fast path is pinned to
 * the general one over random lines of text, white space of every width,
 * bars, quotes, headings, broken UTF-8 and more fields than it takes. */
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "grid.h"

static unsigned next_rand(unsigned *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 16;
}

/* The grids of the same lines ending in "\n" (a) and in "\r\n" (b) agree:
 * blocks, cells, texts; b's source offsets are a's plus the '\r's before. */
static void assert_same_grid(const gk__grid *a, const gk__grid *b) {
  CU_ASSERT_EQUAL_FATAL(a->nblocks, b->nblocks);
  CU_ASSERT_EQUAL_FATAL(a->ncells, b->ncells);
  CU_ASSERT_EQUAL(a->nlines, b->nlines);
  for (size_t i = 0; i < a->nblocks; i++) {
    const gk__gblock *x = &a->blocks[i], *y = &b->blocks[i];
    size_t shift = x->pos.line - 1; /* one '\r' a line before */
    CU_ASSERT_EQUAL(x->kind, y->kind);
    CU_ASSERT_EQUAL(x->level, y->level);
    CU_ASSERT_EQUAL(x->table, y->table);
    CU_ASSERT_EQUAL(x->row, y->row);
    CU_ASSERT_EQUAL(x->pos.line, y->pos.line);
    CU_ASSERT_EQUAL(x->pos.col, y->pos.col);
    CU_ASSERT_EQUAL(x->first, y->first);
    CU_ASSERT_EQUAL(x->ncells, y->ncells);
    CU_ASSERT_EQUAL(x->soff + shift, y->soff);
    CU_ASSERT_EQUAL(x->slen, y->slen);
    CU_ASSERT_EQUAL(x->len, y->len);
    if (x->kind != GK__BLK_ROW && x->len == y->len)
      CU_ASSERT_EQUAL(memcmp(gk__grid_text(a, x->off), gk__grid_text(b, y->off), x->len), 0);
    for (uint32_t k = 0; x->kind == GK__BLK_ROW && x->ncells == y->ncells && k < x->ncells; k++) {
      const gk__gcell *c = &a->cells[x->first + k], *d = &b->cells[y->first + k];
      CU_ASSERT_EQUAL(c->len, d->len);
      CU_ASSERT_EQUAL(c->x, d->x);
      CU_ASSERT_EQUAL(c->flags, d->flags);
      CU_ASSERT_EQUAL(c->num, d->num);
      CU_ASSERT_EQUAL(c->pos.line, d->pos.line);
      CU_ASSERT_EQUAL(c->pos.col, d->pos.col);
      if (c->len == d->len) CU_ASSERT_EQUAL(memcmp(gk__grid_text(a, c->off), gk__grid_text(b, d->off), c->len), 0);
    }
  }
}

/* Read the lines l[0..nl) ending each in eol into g (checked). */
static void read_lines(gk__grid *g, char *const *l, size_t nl, const char *eol) {
  size_t n = 0;
  for (size_t i = 0; i < nl; i++) n += strlen(l[i]) + strlen(eol);
  char *s = malloc(n + 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  s[0] = '\0';
  for (size_t i = 0; i < nl; i++) strcat(strcat(s, l[i]), eol);
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(g, s, n), GK_OK);
  if (gk__utf8_valid(s, n, NULL)) CU_ASSERT_EQUAL(gk__grid_check(g), GK_OK); /* broken UTF-8: texts as they are */
  g->src = NULL, g->nsrc = 0; /* s goes: its copy in the arena holds the cells */
  free(s);
}

static void test_tabfast_vs_general(void) {
  static const char *const parts[] = {"\t", "\t", "\t", " ", "  ", "\u3000", "\u2003", "\u00a0", "\ufeff", "\x0b",
                                      "12", "007", "0", "-", "—", "3.5万元", "1.重复申请", "信息内容", "（一）予以公开",
                                      "、", "a b", "「无」", "「a\tb」", "|", "｜", "│", "#", "# ", "\xe4\xa0", "\xa0",
                                      "\xe2\x80", "é", "😀", "ꀀ", "增3", "无", "1234567890123456", "\x1f"};
  unsigned seed = 11;
  for (int doc = 0; doc < 2000; doc++) {
    char *l[8];
    size_t nl = 1 + next_rand(&seed) % 8;
    for (size_t i = 0; i < nl; i++) {
      size_t np = next_rand(&seed) % (doc % 50 == 0 ? 40 : 8); /* now and then more fields than the fast path takes */
      l[i] = malloc(np * 32 + 2);
      CU_ASSERT_PTR_NOT_NULL_FATAL(l[i]);
      strcpy(l[i], "\t");
      for (size_t k = 0; k < np; k++) strcat(l[i], parts[next_rand(&seed) % (sizeof parts / sizeof *parts)]);
    }
    gk__grid a, b;
    read_lines(&a, l, nl, "\n");
    read_lines(&b, l, nl, "\r\n");
    assert_same_grid(&a, &b);
    gk__grid_free(&a);
    gk__grid_free(&b);
    for (size_t i = 0; i < nl; i++) free(l[i]);
  }
}

/* The fast path's rows as the layout reads: the indentation a blank cell,
 * fields trimmed at their code-point columns, classified; a row of blanks at
 * the line's end; a heading and a line with a bar left to the general path. */
static void test_tabfast_rows(void) {
  const char *s = "\t信息内容\t 12 \n\t\t\n\t# 标题\n\t（一）予以公开 | 3\n\t—\t1.重复申请\n\t无";
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(&g, s, strlen(s)), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk__grid_check(&g), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 6);
  const gk__gblock *b = g.blocks;
  CU_ASSERT_EQUAL(b[0].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(b[0].ncells, 3);
  CU_ASSERT_EQUAL(b[0].pos.col, 2); /* its first text */
  const gk__gcell *c = &g.cells[b[0].first];
  CU_ASSERT_EQUAL(c[0].len, 0);
  CU_ASSERT_EQUAL(c[0].pos.col, 1);
  CU_ASSERT_EQUAL(c[1].len, strlen("信息内容"));
  CU_ASSERT_EQUAL(c[1].pos.col, 2);
  CU_ASSERT_EQUAL(c[1].flags, 0);
  CU_ASSERT_EQUAL(c[2].len, 2);
  CU_ASSERT_EQUAL(c[2].pos.col, 8); /* TAB, 4 ideographs, TAB, a space */
  CU_ASSERT_EQUAL(c[2].flags, GK__CELL_VALUE | GK__CELL_COUNT);
  CU_ASSERT_EQUAL(c[2].num, 12);
  CU_ASSERT_EQUAL(b[1].ncells, 3); /* all blank: the row at the line's end */
  CU_ASSERT_EQUAL(b[1].pos.col, 3);
  CU_ASSERT_EQUAL(g.cells[b[1].first + 2].pos.col, 3);
  CU_ASSERT_EQUAL(b[2].kind, GK__BLK_HEADING);
  CU_ASSERT_EQUAL(b[3].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(b[3].table, 1); /* a bar row */
  c = &g.cells[b[4].first];
  CU_ASSERT_EQUAL(b[4].ncells, 3);
  CU_ASSERT_EQUAL(c[1].flags, GK__CELL_VALUE); /* the literal */
  CU_ASSERT_EQUAL(c[2].flags, 0);
  CU_ASSERT_EQUAL(c[2].pos.col, 4);
  CU_ASSERT_EQUAL(g.cells[b[5].first + 1].flags, GK__CELL_VALUE); /* 无, at the source's end */
  CU_ASSERT_EQUAL(b[5].soff + b[5].slen, strlen(s));
  gk__grid_free(&g);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"tabfast_vs_general", test_tabfast_vs_general},
    {"tabfast_rows", test_tabfast_rows},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("read_tabfast", tests);
}
