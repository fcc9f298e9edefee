/* SPDX-License-Identifier: MIT */
/* libgkreport: run-together digits split by the format's identities (see
 * digit_split.h). A depth-first walk over the cut points, pruned by the syntax
 * of each cell's kind, by the bytes left for the cells left, and by the
 * relations of a row as soon as its last cell is cut. */
#include <string.h>
#include "digit_split.h"
#include "text_int.h"

#define MAXLEN 24 /* bytes of one cell: 13 digits, a decimal part and 万元 */

typedef struct {
  const gk__split_spec *sp;
  const gk__piece *tok;
  size_t ntok, cap;
  gk__split_result *res;
  gk__piece cur[GK__SPLIT_MAXCELLS];
  int64_t v[GK__SPLIT_MAXCELLS];
  unsigned char known[GK__SPLIT_MAXCELLS]; /* 1: v holds the value (not a literal) */
} walker;


int gk__split_token_runs(const char *p, size_t n) {
  size_t ul;
  gk__unit_suffix(p, n, &ul);
  n -= ul;
  size_t digits = 0;
  for (size_t i = 0; i < n; i++) {
    if (gk__is_digit(p[i])) digits++;
    else if (p[i] != '-' && p[i] != '+' && p[i] != '.') return 0;
  }
  return digits >= 2;
}

/* Does p[0..n) read as a cell of this kind (syntax only)? at_end: the piece
 * ends its token (a unit may close it). */
static int piece_ok(int kind, const char *p, size_t n, int at_end) {
  size_t i = 0;
  if (n == 0 || n > MAXLEN) return 0;
  if (kind == GK_KIND_SIGNED && (p[0] == '-' || p[0] == '+')) i = 1;
  size_t d0 = i;
  while (i < n && gk__is_digit(p[i])) i++;
  if (i == d0 || (p[d0] == '0' && i - d0 > 1)) return 0; /* no digit, or a leading zero */
  if (i - d0 > 13) return 0;
  if (i == n) return 1;
  if (kind != GK_KIND_AMOUNT) return 0;
  if (p[i] == '.') {
    size_t f = ++i;
    while (i < n && gk__is_digit(p[i])) i++;
    if (i == f || i - f > 4) return 0;
  }
  if (i == n) return 1;
  if (!at_end) return 0;
  size_t ul;
  return gk__unit_suffix(p + i, n - i, &ul) != GK_UNIT_DEFAULT && ul == n - i;
}

/* Do the per-row relations of the row of cell `last` hold? (Cells of that row
 * are cur[0..last].) A relation with a term not among the cells, or on a
 * literal, cannot be checked and is passed. */
static int row_holds(const walker *w, size_t last) {
  const gk__split_spec *sp = w->sp;
  const gk__edition *ed = sp->ed;
  size_t row = sp->row[last];
  const gk__row_decl *rd = &ed->tables[sp->table].rows[row];
  for (size_t q = 0; q < ed->nrelations; q++) {
    const gk__relation *rel = &ed->relations[q];
    if (rel->table != sp->table || rel->axis != GK__PER_ROW) continue;
    if (rel->line_flags && !(rd->flags & rel->line_flags)) continue;
    int64_t sum = 0;
    int ok = 1, checkable = 1;
    for (size_t t = 0; t < rel->nterms && ok && checkable; t++) {
      size_t c = 0;
      while (c <= last && !(sp->row[c] == row && sp->col[c] == (size_t)rel->terms[t].index)) c++;
      if (c > last || !w->known[c]) {
        checkable = 0;
        break;
      }
      int64_t term;
      ok = gk__mul64(&term, w->v[c], rel->terms[t].coef) == GK_OK && gk__add64(&sum, sum, term) == GK_OK;
    }
    if (checkable && (!ok || sum != 0)) return 0;
  }
  return 1;
}

static void leaf(walker *w) {
  gk__split_result *res = w->res;
  res->nsurv++;
  if (res->nkeep < GK__SPLIT_KEEP) memcpy(res->cand[res->nkeep++], w->cur, w->sp->ncells * sizeof w->cur[0]);
}

/* Take p[0..n) as cell i: value or literal; 0 when it reads as neither. */
static int take(walker *w, size_t i, const char *p, size_t n) {
  const gk__split_spec *sp = w->sp;
  int kind = sp->ed->tables[sp->table].cols[sp->col[i]].kind;
  int unit = 0;
  w->cur[i] = (gk__piece){p, n};
  w->known[i] = 0;
  char tmp[MAXLEN + 8];
  size_t k = 0; /* a whole token in strict thousands groups ("1，808，595") reads as its digits */
  if (gk__parse_cell_text(kind, p, n, &w->v[i], &unit) == GK_OK) w->known[i] = 1;
  else if (gk__text_ungroup(p, n, 0, tmp, sizeof tmp, &k) == GK__GROUP_OK &&
           gk__parse_cell_text(kind, tmp, k, &w->v[i], &unit) == GK_OK) w->known[i] = 1;
  else if (!(n == 1 && (p[0] == '-' || p[0] == '/')) && !(n == 3 && memcmp(p, "无", 3) == 0)) return 0;
  /* the row's last cell cut: its relations decide (the last cell of all is
   * decided at the leaf, so that readings are counted too) */
  if (i + 1 == sp->ncells) return 1;
  return sp->row[i + 1] == sp->row[i] || row_holds(w, i);
}

static void walk(walker *w, size_t i, size_t j, size_t o) {
  const gk__split_spec *sp = w->sp;
  gk__split_result *res = w->res;
  if (res->capped) return;
  if (++res->work > w->cap) {
    res->capped = 1;
    return;
  }
  if (i == sp->ncells || j == w->ntok) {
    if (i == sp->ncells && j == w->ntok) {
      res->nread++;
      if (row_holds(w, i - 1)) leaf(w);
    }
    return;
  }
  size_t cells_left = sp->ncells - i, bytes = w->tok[j].n - o;
  if (w->ntok - j > cells_left) return; /* every token is at least one cell */
  for (size_t k = j + 1; k < w->ntok; k++) bytes += w->tok[k].n;
  if (bytes > cells_left * MAXLEN) return;
  const gk__piece *t = &w->tok[j];
  if (!gk__split_token_runs(t->p, t->n)) { /* one cell, whole */
    if (o == 0 && take(w, i, t->p, t->n)) walk(w, i + 1, j + 1, 0);
    return;
  }
  int kind = sp->ed->tables[sp->table].cols[sp->col[i]].kind;
  size_t rest = t->n - o;
  /* the token's rest in one cell only, when no cell is left for a later piece */
  size_t len0 = cells_left < 2 + (w->ntok - j - 1) ? rest : 1;
  for (size_t len = len0; len <= rest && len <= MAXLEN && !res->capped; len++) {
    int at_end = len == rest;
    if (!at_end && ((unsigned char)t->p[o + len] & 0xC0) == 0x80) continue; /* inside a character */
    if (!piece_ok(kind, t->p + o, len, at_end)) continue;
    if (!take(w, i, t->p + o, len)) continue;
    if (at_end) walk(w, i + 1, j + 1, 0);
    else walk(w, i + 1, j, o + len);
  }
}

int gk__digit_split(gk__split_result *res, const gk__split_spec *sp, const gk__piece *tok, size_t ntok,
                    size_t cap) {
  memset(res, 0, sizeof *res);
  if (!sp || !sp->ed || sp->ncells > GK__SPLIT_MAXCELLS || ntok > sp->ncells || (ntok && !tok))
    return GK_EINVAL;
  if (sp->table < 0 || sp->table >= GK_NTABLES) return GK_EINVAL;
  const gk__table_decl *td = &sp->ed->tables[sp->table];
  for (size_t i = 0; i < sp->ncells; i++)
    if (sp->row[i] >= td->nrows || sp->col[i] >= td->ncols) return GK_EINVAL;
  walker w;
  memset(&w, 0, sizeof w);
  w.sp = sp, w.tok = tok, w.ntok = ntok, w.res = res;
  w.cap = cap ? cap : GK__SPLIT_CAP;
  walk(&w, 0, 0, 0);
  return GK_OK;
}

void gk__split_put(gk__buf *b, const gk__split_result *res, size_t k, size_t ncells) {
  if (k >= res->nkeep) return;
  for (size_t i = 0; i < ncells && i < GK__SPLIT_MAXCELLS; i++) {
    if (i) gk__buf_putc(b, '|');
    gk__buf_put(b, res->cand[k][i].p, res->cand[k][i].n);
  }
}
