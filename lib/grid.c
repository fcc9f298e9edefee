/* SPDX-License-Identifier: MIT */
/* libgkreport: the document grid (see grid.h): building it and checking its
 * invariants. */
#include <string.h>
#include "grid.h"
#include "text_int.h"

void gk__grid_init(gk__grid *g) {
  memset(g, 0, sizeof *g);
  gk__buf_init(&g->arena);
}

void gk__grid_free(gk__grid *g) {
  if (!g) return;
  gk__buf_free(&g->arena);
  gk__free(g->blocks);
  gk__free(g->cells);
  gk__free(g->meta);
  memset(g, 0, sizeof *g);
}

/* Grow *p (of *cap items of size sz) to hold n + 1 items. */
static int grow(void **p, size_t *cap, size_t n, size_t sz) {
  if (n < *cap) return GK_OK;
  size_t nc = *cap ? *cap * 2 : 64;
  if (nc > SIZE_MAX / sz) return GK_ENOMEM;
  void *q = gk__realloc(*p, nc * sz);
  if (!q) return GK_ENOMEM;
  *p = q;
  *cap = nc;
  return GK_OK;
}

/* Trim s[0..n) of white space at both ends, store it in the arena. */
static int put_text(gk__grid *g, const char *s, size_t n, uint32_t *off, uint32_t *len) {
  size_t i = 0, j = n;
  gk__trim_span(s, &i, &j);
  if (g->arena.len > UINT32_MAX - (j - i) - 1) return GK_EOVERFLOW;
  gk__buf *a = &g->arena;
  *off = (uint32_t)a->len;
  *len = (uint32_t)(j - i);
  if (!a->err && a->cap - a->len >= j - i + 2) { /* room: the text, its NUL and the buffer's */
    memcpy(a->data + a->len, s + i, j - i);
    a->len += j - i + 1;
    a->data[a->len - 1] = a->data[a->len] = '\0';
    return GK_OK;
  }
  gk__buf_put(a, s + i, j - i);
  gk__buf_putc(a, '\0'); /* each text ends in NUL for the convenience of callers */
  return a->err;
}

static int reserve(void **p, size_t *cap, size_t n, size_t sz) {
  if (n <= *cap) return GK_OK;
  if (n > SIZE_MAX / sz) return GK_ENOMEM;
  void *q = gk__realloc(*p, n * sz);
  if (!q) return GK_ENOMEM;
  *p = q;
  *cap = n;
  return GK_OK;
}

int gk__grid_reserve(gk__grid *g, size_t nblocks, size_t ncells, size_t text) {
  int rc = g->err;
  if (!rc) rc = reserve((void **)&g->blocks, &g->capblocks, nblocks, sizeof *g->blocks);
  if (!rc) rc = reserve((void **)&g->cells, &g->capcells, ncells, sizeof *g->cells);
  gk__buf *a = &g->arena;
  if (!rc && !a->err && text < SIZE_MAX / 2 && text + 1 > a->cap) {
    char *q = gk__realloc(a->data, text + 1);
    if (!q) rc = GK_ENOMEM;
    else q[a->len] = '\0', a->data = q, a->cap = text + 1;
  }
  if (rc) g->err = rc;
  return rc;
}

static gk__gblock *new_block(gk__grid *g) {
  if (g->err) return NULL;
  int rc = grow((void **)&g->blocks, &g->capblocks, g->nblocks, sizeof *g->blocks);
  if (rc) {
    g->err = rc;
    return NULL;
  }
  gk__gblock *b = &g->blocks[g->nblocks++];
  *b = (gk__gblock){0};
  return b;
}

void gk__grid_para(gk__grid *g, gk__block_kind kind, uint8_t level, const char *s, size_t n,
                   gk__gpos pos) {
  gk__gblock *b = new_block(g);
  if (!b) return;
  b->kind = kind;
  b->level = level;
  b->pos = pos;
  int rc = put_text(g, s, n, &b->off, &b->len);
  if (rc) g->err = rc;
}

void gk__grid_row(gk__grid *g, gk__block_kind kind, uint32_t table, uint32_t row, gk__gpos pos) {
  gk__gblock *b = new_block(g);
  if (!b) return;
  b->kind = kind;
  b->table = table;
  b->row = row;
  b->pos = pos;
  b->first = (uint32_t)g->ncells;
}

uint32_t gk__grid_classify(const char *s, size_t n, int64_t *num) {
  *num = 0;
  if (n == 0) return 0;
  if (gk__grid_plain_count(s, n, num)) return GK__CELL_VALUE | GK__CELL_COUNT; /* the common cell */
  size_t q = gk__text_quote_end(s, n, 0);
  if (q) return q == n ? GK__CELL_VALUE : 0; /* 「…」 as a whole, else a literal and more */
  if (!gk__text_is_value(s, n)) return 0; /* most labels: at their first byte */
  for (size_t i = 0; i < n; i++) /* one word: a space starts at a lead byte only */
    if (gk__space_at(s, n, i)) return 0;
  return GK__CELL_VALUE;
}

/* A new cell of the last ROW/TOKENS block (its text not yet stored), NULL on
 * an error (g->err). */
static gk__gcell *new_cell(gk__grid *g) {
  if (g->err) return NULL;
  if (!g->nblocks || (g->blocks[g->nblocks - 1].kind != GK__BLK_ROW &&
                      g->blocks[g->nblocks - 1].kind != GK__BLK_TOKENS)) {
    g->err = GK_EINVAL;
    return NULL;
  }
  int rc = grow((void **)&g->cells, &g->capcells, g->ncells, sizeof *g->cells);
  if (!rc && g->ncells >= UINT32_MAX) rc = GK_EOVERFLOW;
  if (rc) {
    g->err = rc;
    return NULL;
  }
  return &g->cells[g->ncells];
}

void gk__grid_cell(gk__grid *g, const char *s, size_t n, uint32_t x, uint16_t rowspan,
                   uint16_t colspan, uint32_t flags, gk__gpos pos) {
  gk__gcell *c = new_cell(g);
  if (!c) return;
  memset(c, 0, sizeof *c);
  c->x = x;
  c->rowspan = rowspan ? rowspan : 1;
  c->colspan = colspan ? colspan : 1;
  c->pos = pos;
  int rc = put_text(g, s, n, &c->off, &c->len);
  if (rc) {
    g->err = rc;
    return;
  }
  c->flags = (flags & ~(uint32_t)GK__CELL_CLASS) |
             gk__grid_classify(gk__grid_text(g, c->off), c->len, &c->num);
  g->ncells++;
  g->blocks[g->nblocks - 1].ncells++;
}

void gk__grid_cell_at_grow(gk__grid *g, size_t off, size_t n, uint32_t x, uint32_t flags, int64_t num,
                           gk__gpos pos) {
  gk__gcell *c = new_cell(g);
  if (!c) return;
  if (off + n >= g->arena.len || off + n > UINT32_MAX) {
    g->err = GK_EINVAL;
    return;
  }
  *c = (gk__gcell){(uint32_t)off, (uint32_t)n, x, 1, 1, flags, pos, num};
  g->arena.data[off + n] = '\0';
  g->ncells++;
  g->blocks[g->nblocks - 1].ncells++;
}

void gk__grid_meta(gk__grid *g, const char *k, size_t kn, const char *v, size_t vn) {
  if (g->err) return;
  int rc = grow((void **)&g->meta, &g->capmeta, g->nmeta, sizeof *g->meta);
  gk__gmeta m;
  if (!rc) rc = put_text(g, k, kn, &m.koff, &m.klen);
  if (!rc) rc = put_text(g, v, vn, &m.voff, &m.vlen);
  if (rc) {
    g->err = rc;
    return;
  }
  g->meta[g->nmeta++] = m;
}

static int text_ok(const gk__grid *g, uint32_t off, uint32_t len) {
  if ((size_t)off + len >= g->arena.len + (g->arena.len ? 0 : 1)) return 0;
  const char *s = g->arena.data + off;
  if (memchr(s, '\0', len)) return 0;
  if (!gk__utf8_valid(s, len, NULL)) return 0;
  if (len) {
    size_t i = 0;
    if (gk__is_space(gk__utf8_next(s, len, &i))) return 0;
  }
  return 1;
}

/* The cell's value class is its text's; a count reads as num by the general
 * parser too. */
static int class_ok(const gk__grid *g, const gk__gcell *c) {
  const char *s = gk__grid_text(g, c->off);
  int64_t num = 0, v = 0;
  if ((c->flags & GK__CELL_CLASS) != gk__grid_classify(s, c->len, &num) || c->num != num) return 0;
  if (!(c->flags & GK__CELL_COUNT)) return 1;
  return gk__parse_cell_text(GK_KIND_COUNT, s, c->len, &v, NULL) == GK_OK && v == num &&
         gk__parse_cell_text(GK_KIND_SIGNED, s, c->len, &v, NULL) == GK_OK && v == num;
}

int gk__grid_check(const gk__grid *g) {
  if (!g || g->err) return GK_EINVAL;
  size_t expect = 0;
  gk__gpos last = {0, 0};
  for (size_t i = 0; i < g->nblocks; i++) {
    const gk__gblock *b = &g->blocks[i];
    if (b->kind == GK__BLK_ROW || b->kind == GK__BLK_TOKENS) {
      if (b->first != expect || (size_t)b->first + b->ncells > g->ncells) return GK_EINVAL;
      for (uint32_t k = 0; k < b->ncells; k++) {
        const gk__gcell *c = &g->cells[b->first + k];
        if (!c->rowspan || !c->colspan || !text_ok(g, c->off, c->len) || !class_ok(g, c))
          return GK_EINVAL;
        if (k && c->x < g->cells[b->first + k - 1].x + g->cells[b->first + k - 1].colspan)
          return GK_EINVAL;
      }
      expect = (size_t)b->first + b->ncells;
    } else if (!text_ok(g, b->off, b->len)) {
      return GK_EINVAL;
    }
    if (g->pos_kind == GK__POS_TEXT && b->pos.line && b->pos.line < last.line) return GK_EINVAL;
    if (b->pos.line) last = b->pos;
  }
  if (expect != g->ncells) return GK_EINVAL;
  for (size_t i = 0; i < g->nmeta; i++)
    if (!text_ok(g, g->meta[i].koff, g->meta[i].klen) ||
        !text_ok(g, g->meta[i].voff, g->meta[i].vlen))
      return GK_EINVAL;
  return GK_OK;
}
