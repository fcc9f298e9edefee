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

/* Rendered line number -> block index (a paragraph may span several lines). */
typedef struct {
  uint32_t *blk;
  size_t n;
} line_map;

static void render(const gk__grid *g, gk__buf *out, line_map *m) {
  for (size_t i = 0; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    m->blk[m->n++] = (uint32_t)i;
    if (b->kind == GK__BLK_PARA || b->kind == GK__BLK_HEADING) {
      const char *t = gk__grid_text(g, b->off);
      gk__buf_put(out, t, b->len);
      for (uint32_t j = 0; j < b->len; j++)
        if (t[j] == '\n') m->blk[m->n++] = (uint32_t)i;
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

/* Rendered lines of the grid (1 + the line breaks in paragraphs, per block). */
static size_t count_lines(const gk__grid *g) {
  size_t n = 0;
  for (size_t i = 0; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    n++;
    if (b->kind == GK__BLK_PARA || b->kind == GK__BLK_HEADING)
      for (uint32_t j = 0; j < b->len; j++) n += gk__grid_text(g, b->off)[j] == '\n';
  }
  return n;
}

/* The grid position of rendered line `line`, column `col` (code points, 1-based,
 * 0 unknown): the cell of a row starting at or before col (its cells are joined
 * by one separator), else the block's; {0, 0} when line is not rendered. */
static gk__gpos grid_pos(const gk__grid *g, const line_map *m, uint32_t line, uint32_t col) {
  gk__gpos none = {0, 0};
  if (line < 1 || line > m->n) return none;
  const gk__gblock *b = &g->blocks[m->blk[line - 1]];
  if (b->kind != GK__BLK_ROW || !col || !b->ncells) return b->pos;
  uint32_t start = 1;
  const gk__gcell *hit = NULL;
  for (uint32_t k = 0; k < b->ncells && start <= col; k++) {
    const gk__gcell *c = &g->cells[b->first + k];
    hit = c;
    const char *t = gk__grid_text(g, c->off);
    for (uint32_t j = 0; j < c->len; j++) start += ((unsigned char)t[j] & 0xC0) != 0x80;
    start++; /* the separator */
  }
  return hit ? hit->pos : b->pos;
}

/* Cells and sections: rendered positions -> the grid's. */
static void map_back(gk_report *r, const gk__grid *g, const line_map *m) {
  uint32_t first[GK_NTABLES] = {0}; /* the first rendered line of each table */
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &r->ed->tables[t];
    for (size_t i = 0; i < td->nrows * td->ncols; i++) {
      gk__cell *c = &r->cells[t][i];
      if (c->line && (!first[t] || c->line < first[t])) first[t] = c->line;
      gk__gpos p = grid_pos(g, m, c->line, c->column);
      c->line = p.line, c->column = p.col;
    }
  }
  /* the parts' document order, in rendered lines (comparable across tables and prose) */
  for (int p = 0; p < GK__NPARTS; p++)
    r->part_order[p] = gk__parts[p].table >= 0 ? first[gk__parts[p].table]
                                               : r->section_line[gk__parts[p].section];
  for (int s = 0; s < GK_NSECTIONS; s++) r->section_line[s] = grid_pos(g, m, r->section_line[s], 0).line;
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
  line_map m = {gk__calloc(count_lines(g) + 1, sizeof(uint32_t)), 0};
  if (!m.blk) return GK_ENOMEM;
  gk__buf text;
  gk__buf_init(&text);
  render(g, &text, &m);
  size_t diag_from = gk_diags_count(diags);
  int rc = text.err;
  if (!rc)
    rc = gk__report_from_text_cols(out, text.data ? text.data : "", text.len, source_name, diags);
  if (!rc) map_back(*out, g, &m);
  if (rc != GK_ENOMEM) /* the importer's findings (also why a document is no report) */
    for (size_t i = diag_from; i < gk_diags_count(diags); i++) {
      gk__gpos p = grid_pos(g, &m, gk_diag_line(diags, i), 0);
      gk__diags_set_pos(diags, i, p.line, p.col);
    }
  if (!rc) {
    rc = agency_from_meta(*out, g, &text, diags);
    if (rc) {
      gk_report_free(*out);
      *out = NULL;
    }
  }
  gk__buf_free(&text);
  gk__free(m.blk);
  return rc;
}
