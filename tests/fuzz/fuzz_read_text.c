/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the plain text and Markdown grid reader
 * (gk__grid_from_text): any NUL-free bytes give a grid of one block per line
 * (a run of blank lines one) whose cells lie in their lines (with a raw HTML
 * table, no source lines: blocks and cells within the source's lines); valid UTF-8 gives a grid that keeps every
 * invariant of grid.h (gk__grid_check).
 * gk-fuzz-requires: gk_report_from_text */
#include <stdint.h>
#include <string.h>
#include "grid.h"
#include "text_int.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *s = (const char *)data;
  if (memchr(s, '\0', size)) return 0;
  gk__grid g;
  int rc = gk__grid_from_text(&g, s, size);
  CHECK(rc == GK_OK || rc == GK_ENOMEM);
  if (rc == GK_OK) {
    size_t lines = 1, covered = 0;
    for (size_t i = 0; i < size; i++) lines += s[i] == '\n';
    if (!g.src) covered = lines; /* a raw HTML table read: no source lines */
    for (size_t b = 0; b < g.nblocks; b++) {
      if (!g.src) { /* its blocks within the source's lines */
        CHECK(g.blocks[b].pos.line >= 1 && g.blocks[b].pos.line <= lines);
      } else {
        CHECK(g.blocks[b].soff + g.blocks[b].slen <= size);
        CHECK(g.blocks[b].pos.line == covered + 1);
        for (size_t k = 0; k < g.blocks[b].slen; k++) covered += s[g.blocks[b].soff + k] == '\n';
        covered++;
      }
      for (uint32_t k = 0; k < g.blocks[b].ncells; k++) {
        const gk__gcell *c = &g.cells[g.blocks[b].first + k];
        CHECK(!g.src || (c->len <= g.blocks[b].slen && c->pos.line == g.blocks[b].pos.line));
        CHECK(c->pos.line <= lines);
        /* a cell classified a count reads, by the general parser, as its value */
        int64_t v = -1;
        if (c->flags & GK__CELL_COUNT)
          CHECK(gk__parse_cell_text(GK_KIND_COUNT, gk__grid_text(&g, c->off), c->len, &v, NULL) == GK_OK &&
                v == c->num);
      }
    }
    CHECK(covered == lines);
    if (gk__utf8_valid(s, size, NULL)) CHECK(gk__grid_check(&g) == GK_OK);
  }
  gk__grid_free(&g);
  return 0;
}
