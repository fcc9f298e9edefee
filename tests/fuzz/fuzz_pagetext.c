/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the grid readers of issue 11: the one-line page text
 * reader (gk__pagetext_lines) and the digit-run splitter (gk__digit_split), then
 * the whole text import of the same bytes.
 * gk-fuzz-requires: gk_report_from_text
 * The page reader must give one map entry per line it writes, each a line of
 * the input, never decreasing; the splitter must stay within its cap and keep
 * no more survivors than readings. */
#include <stdint.h>
#include <string.h>
#include "gkreport/gkreport.h"
#include "gkreport/text.h"
#include "text_int.h"
#include "digit_split.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fuzz_page(const char *s, size_t n) {
  const gk__labels *L = gk__labels_shared();
  if (!L) return;
  gk__buf out;
  gk__buf_init(&out);
  uint32_t *map = NULL;
  size_t nmap = 0, inlines = 1;
  for (size_t i = 0; i < n; i++) inlines += s[i] == '\n';
  int rc = gk__pagetext_lines(&out, &map, &nmap, L, s, n);
  CHECK(rc == 0 || rc == 1 || rc == GK_ENOMEM);
  if (rc == 1) {
    size_t lines = 0;
    for (size_t i = 0; i < out.len; i++) lines += out.data[i] == '\n';
    CHECK(lines == nmap);
    for (size_t k = 0; k < nmap; k++) {
      CHECK(map[k] >= 1 && map[k] <= inlines);
      CHECK(k == 0 || map[k] >= map[k - 1]);
    }
  }
  gk__free(map);
  gk__buf_free(&out);
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
