/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the plain text and Markdown grid reader
 * (gk__grid_from_text): any NUL-free bytes give a grid of one block per line
 * (a run of blank lines one; a row of a grid, simple or multiline table
 * one, the table's other lines none) whose cells lie in their lines (a
 * table's cells in the lines of their row; with a raw HTML table, no source
 * lines: blocks and cells within the source's lines); valid UTF-8 gives a grid that keeps every
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
    int in_table = 0; /* the block before is a table's row: lines of the table may stand between */
    for (size_t b = 0; b < g.nblocks; b++) {
      const gk__gblock *bl = &g.blocks[b];
      int trow = bl->kind == GK__BLK_ROW && bl->table;
      if (!g.src) { /* a raw HTML table read: no source lines, its blocks within the source's lines */
        CHECK(bl->pos.line >= 1 && bl->pos.line <= lines);
      } else {
        CHECK(bl->soff + bl->slen <= size);
        CHECK(bl->pos.line == covered + 1 || ((in_table || trow) && bl->pos.line > covered && bl->pos.line <= lines));
        covered = bl->pos.line - 1;
        for (size_t k = 0; k < bl->slen; k++) covered += s[bl->soff + k] == '\n';
        covered++;
      }
      in_table = trow;
      for (uint32_t k = 0; k < bl->ncells; k++) {
        const gk__gcell *c = &g.cells[bl->first + k];
        uint32_t next = b + 1 < g.nblocks ? g.blocks[b + 1].pos.line : (uint32_t)lines + 1;
        CHECK(c->pos.line <= lines);
        CHECK(!g.src || (trow ? c->pos.line >= bl->pos.line && c->pos.line < next
                              : c->len <= bl->slen && c->pos.line == bl->pos.line));
        /* a cell classified a count reads, by the general parser, as its value */
        int64_t v = -1;
        if (c->flags & GK__CELL_COUNT)
          CHECK(gk__parse_cell_text(GK_KIND_COUNT, gk__grid_text(&g, c->off), c->len, &v, NULL) == GK_OK &&
                v == c->num);
      }
    }
    if (!g.src) covered = lines; /* a raw HTML table read: no source lines to cover */
    CHECK(covered == lines || (in_table && covered < lines));
    if (gk__utf8_valid(s, size, NULL)) CHECK(gk__grid_check(&g) == GK_OK);
  }
  gk__grid_free(&g);
  return 0;
}
