/* SPDX-License-Identifier: MIT */
/* libgkreport: interim recognizer for grids (issue 11 replaces it with the table
 * recognizer): the grid is written out as lines (a paragraph or heading a line,
 * a table row as its cells joined by TAB, tokens joined by a space) and read by
 * the text importer; each cell's source line is then mapped back to the grid's. */
#include <stdio.h>
#include <string.h>
#include "grid.h"
#include "text_int.h"
#include "gkreport/text.h"

static void render(const gk__grid *g, gk__buf *out, uint32_t *map) {
  for (size_t i = 0; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    map[i] = b->pos.line;
    if (b->kind == GK__BLK_PARA || b->kind == GK__BLK_HEADING) {
      gk__buf_put(out, gk__grid_text(g, b->off), b->len);
    } else {
      for (uint32_t k = 0; k < b->ncells; k++) {
        const gk__gcell *c = &g->cells[b->first + k];
        if (k) gk__buf_putc(out, b->kind == GK__BLK_ROW ? '\t' : ' ');
        for (uint32_t j = 0; j < c->len; j++) { /* a cell's line breaks become spaces */
          char ch = gk__grid_text(g, c->off)[j];
          gk__buf_putc(out, (ch == '\n' || ch == '\r' || ch == '\t') ? ' ' : ch);
        }
      }
    }
    gk__buf_putc(out, '\n');
  }
}

/* The agency name from a web page's metadata table (发布机构, else 来源) when
 * the report's own text gave none; level, kind and region then follow it. */
static int agency_from_meta(gk_report *r, const gk__grid *g, const gk__buf *text, gk_diags *diags) {
  static const char *const keys[] = {"发布机构", "来源"};
  const char *name = gk_report_agency(r, GK_AGENCY_NAME);
  if (name && name[0]) return GK_OK;
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
    for (size_t i = 0; i < g->nmeta; i++) {
      const gk__gmeta *m = &g->meta[i];
      const char *key = gk__grid_text(g, m->koff), *v = gk__grid_text(g, m->voff);
      size_t kn = strlen(keys[k]);
      if (m->klen < kn || memcmp(key, keys[k], kn) != 0 || !gk__agency_plausible(v, m->vlen))
        continue;
      char zh[64], en[64];
      snprintf(zh, sizeof zh, "网页元数据“%s”", keys[k]);
      snprintf(en, sizeof en, "the page's metadata (%s)", keys[k]);
      int rc = gk__agency_found(r, v, m->vlen, zh, en, 0, diags);
      if (!rc) rc = gk__agency_complete(r, text->data, text->len, diags);
      return rc;
    }
  return GK_OK;
}

int gk__report_from_grid(gk_report **out, const gk__grid *g, const char *source_name,
                         gk_diags *diags) {
  if (!out || !g) return GK_EINVAL;
  *out = NULL;
  if (g->err) return g->err;
  uint32_t *map = gk__calloc(g->nblocks + 1, sizeof *map);
  if (!map) return GK_ENOMEM;
  gk__buf text;
  gk__buf_init(&text);
  render(g, &text, map);
  int rc = text.err;
  if (!rc) rc = gk_report_from_text(out, text.data ? text.data : "", text.len, source_name, diags);
  if (!rc) {
    gk_report *r = *out;
    for (int t = 0; t < GK_NTABLES; t++) {
      const gk__table_decl *td = &r->ed->tables[t];
      for (size_t i = 0; i < td->nrows * td->ncols; i++) {
        gk__cell *c = &r->cells[t][i];
        if (c->line >= 1 && c->line <= g->nblocks) c->line = map[c->line - 1];
        c->column = 0; /* the interim reading does not know the cell's column */
      }
    }
    rc = agency_from_meta(r, g, &text, diags);
    if (rc) {
      gk_report_free(r);
      *out = NULL;
    }
  }
  gk__buf_free(&text);
  gk__free(map);
  return rc;
}
