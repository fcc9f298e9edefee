/* SPDX-License-Identifier: MIT */
/* libgkreport: a report from the grid of any reader (grid.h): the grid's
 * blocks as the document's lines, recognized (recognize_doc.c,
 * recognize_table.c), the positions mapped to the grid's; then the agency from
 * the text, else from a web page's metadata. */
#include <stdio.h>
#include <string.h>
#include "grid.h"
#include "recognize_int.h"
#include "gkreport/text.h"

/* ------------------------------------------------------------ the grid */
/* Lines of a grid written out (not a text grid's): each paragraph's lines and
 * each row's cells joined by TAB (a cell's line breaks as spaces), tokens by a
 * space; lines[k].p holds the line's offset in buf until fixed up. */
/* A cell's text with its line breaks and TABs made spaces, copied by spans. */
static void put_cell_text(gk__buf *buf, const char *t, uint32_t len) {
  uint32_t st = 0;
  for (uint32_t j = 0; j < len; j++)
    if (t[j] == '\n' || t[j] == '\r' || t[j] == '\t') {
      gk__buf_put(buf, t + st, j - st);
      gk__buf_putc(buf, ' ');
      st = j + 1;
    }
  gk__buf_put(buf, t + st, len - st);
}

static void render_lines(const gk__grid *g, gk__buf *buf, tline *lines, size_t *n) {
  for (size_t i = 0; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    if (b->kind == GK__BLK_PARA || b->kind == GK__BLK_HEADING) {
      const char *t = gk__grid_text(g, b->off), *e = t + b->len;
      for (;;) { /* one document line a '\n'-separated part */
        const char *nl = t < e ? memchr(t, '\n', (size_t)(e - t)) : NULL;
        size_t k = nl ? (size_t)(nl - t) : (size_t)(e - t);
        lines[*n] = (tline){(const char *)(uintptr_t)buf->len, k, (uint32_t)(*n + 1), (uint32_t)i};
        ++*n;
        gk__buf_put(buf, t, k);
        if (!nl) break;
        gk__buf_putc(buf, '\n');
        t = nl + 1;
      }
    } else {
      size_t st = buf->len;
      for (uint32_t k = 0; k < b->ncells; k++) {
        const gk__gcell *c = &g->cells[b->first + k];
        if (k) gk__buf_putc(buf, b->kind == GK__BLK_ROW ? '\t' : ' ');
        put_cell_text(buf, gk__grid_text(g, c->off), c->len);
      }
      lines[*n] = (tline){(const char *)(uintptr_t)st, buf->len - st, (uint32_t)(*n + 1), (uint32_t)i};
      ++*n;
    }
    gk__buf_putc(buf, '\n');
  }
}

/* The document's lines of a grid: a text grid's source lines as they stand
 * (one block a line), else the blocks written out into buf. */
int gk__rec_grid_lines(const gk__grid *g, gk__buf *buf, tline **out, size_t *nout) {
  size_t cap = g->src ? g->nlines + 1 : g->nblocks + 1; /* a text grid's lines: the reader counted them */
  for (size_t i = 0; i < g->nblocks && !g->src; i++)
    if (g->blocks[i].kind == GK__BLK_PARA || g->blocks[i].kind == GK__BLK_HEADING)
      for (uint32_t j = 0; j < g->blocks[i].len; j++) cap += gk__grid_text(g, g->blocks[i].off)[j] == '\n';
  if (cap > UINT32_MAX) return GK_EOVERFLOW;
  tline *lines = gk__malloc(cap * sizeof *lines);
  if (!lines) return GK_ENOMEM;
  size_t n = 0;
  if (g->src) {
    for (size_t i = 0; i < g->nblocks && n < cap; i++) {
      const gk__gblock *bl = &g->blocks[i];
      if (!(bl->kind == GK__BLK_PARA && bl->len == 0)) { /* one line a block, its '\r' left out */
        lines[n] = (tline){g->src + bl->soff, bl->slen, (uint32_t)(n + 1), (uint32_t)i};
        n++;
        continue;
      }
      for (size_t a = bl->soff, e = a + bl->slen, k = a; k <= e && n < cap; k++) { /* a run of blank lines */
        const char *nl = k < e ? memchr(g->src + k, '\n', e - k) : NULL;
        k = nl ? (size_t)(nl - g->src) : e;
        size_t b = k;
        while (b > a && g->src[b - 1] == '\r') b--;
        lines[n] = (tline){g->src + a, b - a, (uint32_t)(n + 1), (uint32_t)i};
        n++, a = k + 1;
      }
    }
  } else {
    render_lines(g, buf, lines, &n);
    if (buf->err) {
      gk__free(lines);
      return GK_ENOMEM;
    }
    for (size_t i = 0; i < n; i++) lines[i].p = buf->data + (uintptr_t)lines[i].p;
  }
  *out = lines, *nout = n;
  return GK_OK;
}

/* The grid position of document line `line` (its block's), {0, 0} when none. */
static gk__gpos line_pos(const gk__grid *g, const tline *lines, size_t n, uint32_t line) {
  gk__gpos none = {0, 0};
  if (line < 1 || line > n) return none;
  return g->blocks[lines[line - 1].blk].pos;
}

/* A text grid with tables whose rows stand on several lines and whose
 * border lines are no block (read_gridtable.c: fewer document lines than
 * source lines): document line `line` -> its source line (its block's first
 * line, and the lines of a run of blank lines counted on). Elsewhere the two
 * are one. */
static uint32_t src_line(const gk__grid *g, const tline *lines, size_t n, uint32_t line) {
  if (line < 1 || line > n) return line;
  const tline *l = &lines[line - 1];
  const gk__gblock *b = &g->blocks[l->blk];
  uint32_t k = b->pos.line;
  for (const char *p = g->src + b->soff; p < l->p; p++) k += *p == '\n';
  return k;
}

/* Cells and sections: document lines -> the grid's positions; a cell read
 * from a grid cell (its number in column) takes that cell's. The parts'
 * document order is kept (in document lines) for grids other than text. */
static void grid_positions(gk_report *r, const gk__grid *g, const tline *lines, size_t n) {
  uint32_t first[GK_NTABLES] = {0}; /* the first document line of each table */
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(r)->tables[t];
    gk__cell *cells = gk__report_cells_mut(r, t);
    for (size_t i = 0; i < td->nrows * td->ncols; i++) {
      gk__cell *c = &cells[i];
      if (c->line && (!first[t] || c->line < first[t])) first[t] = c->line;
      gk__gpos p = {c->line, 0};
      if (c->column && c->column <= g->ncells) p = g->cells[c->column - 1].pos;
      else if (!g->src) p = line_pos(g, lines, n, c->line);
      else if (n != g->nlines) p.line = src_line(g, lines, n, c->line);
      c->line = p.line, c->column = p.col;
    }
  }
  for (int s = 0; g->src && n != g->nlines && s < GK_NSECTIONS; s++)
    gk_report_set_section_line(r, (gk_section)s, src_line(g, lines, n, gk_report_section_line(r, (gk_section)s)));
  if (g->src) return; /* a text grid's lines are the source's */
  for (int p = 0; p < GK__NPARTS; p++)
    gk__report_set_part_order(r, p, gk__parts[p].table >= 0
                                         ? first[gk__parts[p].table]
                                         : gk_report_section_line(r, (gk_section)gk__parts[p].section));
  for (int s = 0; s < GK_NSECTIONS; s++)
    gk_report_set_section_line(r, (gk_section)s,
                               line_pos(g, lines, n, gk_report_section_line(r, (gk_section)s)).line);
}

int gk__recognize_grid(const gk__labels *L, gk_report **out, const gk__grid *g, const char *source_name,
                       gk_diags *d, gk__buf *text) {
  gk__buf buf;
  gk__buf_init(&buf);
  tline *lines = NULL;
  size_t n = 0, diag_from = gk_diags_count(d);
  *out = NULL;
  gk__grid view; /* the grid with merged cells' repeated text read as spans (recognize_spans.c) */
  int spans = gk__rec_spans(L, g, &view);
  const gk__grid *orig = g;
  if (spans > 0) g = &view;
  int rc = spans < 0 ? spans : g->err ? g->err : gk__rec_grid_lines(g, &buf, &lines, &n);
  if (!rc) rc = gk__rec_document(L, out, lines, n, g, source_name, d);
  if (rc != GK_ENOMEM && lines && !g->src) /* the findings (also why a document is no report) */
    for (size_t i = diag_from; i < gk_diags_count(d); i++) {
      gk__gpos p = line_pos(g, lines, n, gk_diag_line(d, i));
      gk__diags_set_pos(d, i, p.line, p.col);
    }
  else if (rc != GK_ENOMEM && lines && n != g->nlines) /* a text grid with tables over several lines */
    for (size_t i = diag_from; i < gk_diags_count(d); i++)
      gk__diags_set_pos(d, i, src_line(g, lines, n, gk_diag_line(d, i)), gk_diag_column(d, i));
  if (!rc) grid_positions(*out, g, lines, n);
  if (!rc && text) gk__buf_put(text, buf.data ? buf.data : "", buf.len);
  if (!rc && text && text->err) rc = GK_ENOMEM;
  if (rc && *out) {
    gk_report_free(*out);
    *out = NULL;
  }
  gk__free(lines);
  gk__buf_free(&buf);
  if (g != orig) gk__free(view.cells);
  return rc;
}

/* The agency name from a web page's metadata table (发布机构, else 来源) when
 * the report's own text gave none; level, kind and region then follow it. */
static int agency_from_meta(gk_report *r, const gk__grid *g, const char *text, size_t tn, gk_diags *diags) {
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
      if (!rc) rc = gk__agency_complete(r, text, tn, diags);
      return rc;
    }
  return GK_OK;
}

int gk__report_from_grid(gk_report **out, const gk__grid *g, const char *source_name,
                         gk_diags *diags) {
  if (!out || !g) return GK_EINVAL;
  *out = NULL;
  if (g->err) return g->err;
  const gk__labels *L = gk__labels_shared();
  if (!L) return GK_ENOMEM;
  gk__buf text;
  gk__buf_init(&text);
  size_t diag_from = gk_diags_count(diags);
  int rc = gk__recognize_grid(L, out, g, source_name, diags, &text);
  const char *t = g->src ? g->src : text.data ? text.data : "";
  size_t tn = g->src ? g->nsrc : text.len;
  if (!rc) rc = gk__agency_complete(*out, t, tn, diags);
  if (!rc) rc = agency_from_meta(*out, g, t, tn, diags);
  if (rc && *out) {
    gk_report_free(*out);
    *out = NULL;
  }
  if (rc == GK_ENOMEM) gk__diags_truncate(diags, diag_from);
  gk__buf_free(&text);
  return rc;
}
