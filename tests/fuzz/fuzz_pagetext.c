/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the grid readers of issue 11: the one-line page text
 * reader (gk__grid_from_pagetext) and the digit-run splitter (gk__digit_split),
 * then the whole text import of the same bytes.
 * gk-fuzz-requires: gk_report_from_text
 * The page reader's grid must keep its invariants (gk__grid_check; on valid
 * UTF-8, what the importer gives it), every
 * block on a line of the input and every token the input's text at its
 * position; the splitter must stay within its cap and keep no more survivors
 * than readings. */
#include <stdint.h>
#include <string.h>
#include "gkreport/gkreport.h"
#include "gkreport/text.h"
#include "text_int.h"
#include "digit_split.h"
#include "grid.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Byte offset of (line, col) in s[0..n) (1-based, col in code points), n when
 * it is past the end of the text or of its line. */
static size_t offset_of(const char *s, size_t n, uint32_t line, uint32_t col) {
  size_t i = 0;
  for (uint32_t l = 1; l < line; l++) {
    const char *nl = memchr(s + i, '\n', n - i);
    if (!nl) return n;
    i = (size_t)(nl - s) + 1;
  }
  for (uint32_t c = 1; c < col; c++) {
    if (i >= n || s[i] == '\n') return n;
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
  }
  return i;
}

static void fuzz_page(const char *s, size_t n) {
  gk__grid g;
  size_t inlines = 1;
  for (size_t i = 0; i < n; i++) inlines += s[i] == '\n';
  int rc = gk__grid_from_pagetext(&g, s, n);
  CHECK(rc == 0 || rc == 1 || rc == GK_ENOMEM || rc == GK_EOVERFLOW);
  if (rc == 0) CHECK(g.nblocks == 0 && g.ncells == 0);
  if (rc == 1) {
    int utf8 = gk__utf8_valid(s, n, NULL); /* the reader's input is UTF-8 (the importer's is) */
    if (utf8) CHECK(gk__grid_check(&g) == GK_OK);
    for (size_t i = 0; i < g.nblocks; i++) {
      const gk__gblock *b = &g.blocks[i];
      CHECK(b->pos.line >= 1 && b->pos.line <= inlines);
      for (uint32_t k = 0; utf8 && b->kind == GK__BLK_TOKENS && k < b->ncells; k++) {
        const gk__gcell *c = &g.cells[b->first + k]; /* a token is the source's text at its position */
        size_t at = offset_of(s, n, c->pos.line, c->pos.col);
        CHECK(c->len && at < n && c->len <= n - at && memcmp(s + at, gk__grid_text(&g, c->off), c->len) == 0);
        CHECK(!(c->flags & GK__CELL_RUN) || gk__split_token_runs(s + at, c->len));
      }
    }
  }
  gk__grid_free(&g);
}

static void fuzz_split(const char *s, size_t n) {
  const gk__edition *ed = gk__edition_get(gk_schema_edition_id(0));
  size_t rows[15], cols[15];
  for (size_t i = 0; i < 15; i++) rows[i] = i / 5, cols[i] = i % 5;
  gk__split_spec sp = {ed, GK_TABLE_REVIEW, 15, rows, cols};
  gk__piece tok[15];
  size_t nt = 0, a = 0;
  for (size_t i = 0; i <= n && nt < 15; i++) /* tokens split at spaces */
    if (i == n || s[i] == ' ') {
      if (i > a) tok[nt++] = (gk__piece){s + a, i - a};
      a = i + 1;
    }
  gk__split_result res;
  if (gk__digit_split(&res, &sp, tok, nt, 20000) != GK_OK) return;
  CHECK(res.work <= 20001);
  CHECK(res.nsurv <= res.nread);
  CHECK(res.nkeep <= GK__SPLIT_KEEP && res.nkeep <= res.nsurv);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  if (memchr(s, '\0', size)) return 0;
  fuzz_page(s, size);
  fuzz_split(s, size < 64 ? size : 64);
  gk_report *r = NULL;
  int rc = gk_report_from_text(&r, s, size, "fuzz.txt", NULL);
  CHECK(rc == GK_OK || rc == GK_EPARSE || rc == GK_EENCODING || rc == GK_ENOMEM);
  CHECK((rc == GK_OK) == (r != NULL));
  gk_report_free(r);
  return 0;
}
