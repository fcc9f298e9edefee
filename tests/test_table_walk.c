/* SPDX-License-Identifier: MIT */
/* The table walk's fast paths (recognize_table.c: a label cell of one word
 * taken whole, ...) give what the walk without them (walk.ref, the reference)
 * gives: same cells, same findings. Every table of every edition read from the
 * whole text and from random regions of: every real report and every text of
 * tests/data/pdftext, and thousands of random documents made of the format's
 * own wordings in every layout the text reader knows (TAB, bars, one cell a
 * line, column gaps), with values of every kind, blanks, footers and noise.
 * (The layout and document variant suites run the same comparison on their
 * renderings.) */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "walk_ref.h"
#include "internal.h"
#include "gkreport/text.h"

static uint32_t next_rand(uint32_t *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 8;
}

/* Every .txt / .md file of a folder. */
static void each_file(const char *dir, size_t *files, size_t *bad, size_t *walked) {
  DIR *d = opendir(dir);
  CU_ASSERT_PTR_NOT_NULL_FATAL(d);
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t k = strlen(e->d_name);
    if (!(k > 4 && (strcmp(e->d_name + k - 4, ".txt") == 0 || strcmp(e->d_name + k - 3, ".md") == 0))) continue;
    char path[1024];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    size_t n = 0, w = 0;
    char *t = gk_test_read_file(path, &n);
    CU_ASSERT_PTR_NOT_NULL_FATAL(t);
    char *u = NULL;
    size_t un = 0;
    int enc = 0;
    if (gk_text_to_utf8(&u, &un, &enc, NULL, t, n) == GK_OK) { /* as the importer reads it */
      size_t b = gk_test_walk_ref_text(u, un, (uint32_t)n, &w);
      if (b) printf("\n  %s: %zu regions differ", e->d_name, b);
      *bad += b, *walked += w, ++*files;
    }
    gk_free(u);
    free(t);
  }
  closedir(d);
}

static void test_table_walk_real(void) {
  size_t files = 0, bad = 0, walked = 0;
  each_file(GK_REAL_DATA, &files, &bad, &walked);
  each_file(GK_TEST_DATA "/pdftext", &files, &bad, &walked);
  printf("\n  %zu files, %zu regions walked both ways", files, walked);
  CU_ASSERT_TRUE(files >= 40);
  CU_ASSERT_EQUAL(bad, 0);
}

/* A random table text: the format's row and column wordings (official and
 * variants, with ordinals, spaced out, Traditional, cut, run together),
 * values of every kind, blank cells, footers, in one of the text layouts. */
static void put_piece(gk__buf *b, uint32_t *seed, const gk__edition *ed) {
  static const char *const vals[] = {"0", "12", "3605", "-", "—", "/", "无", "3.5万元", "658471.3972", "1,234",
                                     "-3", "+2", "減2", "「不适用」", "3件", "801000081", "12 5", "２３"};
  static const char *const noise[] = {"信息内容", "申请人情况", "本年度办理结果", "单位：万元", "第3页", "-3-",
                                      "（一）", "1.", "①", " ", "", "总计", "其他", "2020 年", "第 2 页 共 9 页",
                                      "|", "｜", "「", "」", "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和"};
  uint32_t k = next_rand(seed) % 10;
  if (k < 4) {
    gk__buf_puts(b, vals[next_rand(seed) % (sizeof vals / sizeof *vals)]);
  } else if (k < 8) {
    const gk__table_decl *td = &ed->tables[next_rand(seed) % GK_NTABLES];
    const gk__row_decl *rd = &td->rows[next_rand(seed) % td->nrows];
    const char *s = rd->zh;
    uint32_t v = next_rand(seed) % (GK__MAX_VARIANTS + 1);
    if (v && rd->variants[v - 1]) s = rd->variants[v - 1];
    if (next_rand(seed) % 5 == 0 && td->ncols) s = td->cols[next_rand(seed) % td->ncols].zh;
    size_t n = strlen(s);
    if (next_rand(seed) % 6 == 0 && n > 6) n -= 3 * (1 + next_rand(seed) % (n / 6)); /* cut */
    while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
    gk__buf_put(b, s, n);
  } else {
    gk__buf_puts(b, noise[next_rand(seed) % (sizeof noise / sizeof *noise)]);
  }
}

static void random_doc(gk__buf *b, uint32_t *seed) {
  const gk__edition *ed = gk__edition_get(gk_schema_edition_id(next_rand(seed) % gk_schema_edition_count()));
  int layout = (int)(next_rand(seed) % 5); /* TAB, bars, a cell a line, gaps, mixed */
  size_t lines = 5 + next_rand(seed) % 60;
  for (size_t i = 0; i < lines; i++) {
    int lay = layout == 4 ? (int)(next_rand(seed) % 4) : layout;
    size_t cells = lay == 2 ? 1 : 1 + next_rand(seed) % 9;
    if (next_rand(seed) % 9 == 0) cells = 0; /* a blank line */
    if (lay == 1 && cells) gk__buf_puts(b, "| ");
    if (lay == 0 && next_rand(seed) % 3 == 0) gk__buf_putc(b, '\t'); /* an indentation field */
    for (size_t c = 0; c < cells; c++) {
      if (c) gk__buf_puts(b, lay == 0 ? "\t" : lay == 1 ? " | " : next_rand(seed) % 2 ? "  " : "　");
      if (next_rand(seed) % 7) put_piece(b, seed, ed);
      if (next_rand(seed) % 5 == 0) gk__buf_putc(b, ' '), put_piece(b, seed, ed); /* two pieces */
    }
    if (lay == 1 && cells) gk__buf_puts(b, " |");
    gk__buf_putc(b, '\n');
  }
}

static void test_table_walk_random(void) {
  uint32_t seed = 20261203;
  size_t bad = 0, walked = 0;
  int rounds = getenv("GK_TEST_UNDER_VALGRIND") ? 150 : 1500; /* memcheck: a tenth, same seed */
  for (int round = 0; round < rounds; round++) {
    gk__buf b;
    gk__buf_init(&b);
    random_doc(&b, &seed);
    CU_ASSERT_FALSE_FATAL(b.err);
    size_t w = 0, d = gk_test_walk_ref_text(b.data ? b.data : "", b.len, seed, &w);
    if (d) printf("\n  random document %d differs:\n%s", round, b.data);
    bad += d, walked += w;
    gk__buf_free(&b);
  }
  printf("\n  %zu regions of random documents walked both ways", walked);
  CU_ASSERT_EQUAL(bad, 0);
}

int main(void) {
  CU_TestInfo tests[] = {{"real", test_table_walk_real}, {"random", test_table_walk_random}, CU_TEST_INFO_NULL};
  return gk_test_main("table_walk", tests);
}
