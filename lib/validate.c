/* SPDX-License-Identifier: MIT */
/* Validation of one report (format.md §7 "Within one report"), the options that
 * select, filter and waive findings, and the public view of the rule catalogue.
 *
 * The identities are not spelt here: they are the edition's linear relations
 * (gk__edition->relations, lib/schema_tables.c), evaluated generically. One call
 * makes one workspace block (the only allocation besides the findings): the
 * children of every row (from the declarations' parent fields) and a bit mask
 * per row of the cells holding values, from one scan of the cells. A fast check
 * then reads every line in place from those masks; when every line holds and no
 * printed total is blank beside values (most reports), nothing can be reported
 * and the call is done: no lookups, no formatting, integer sums only. Otherwise
 * the full evaluation gathers every line of every relation into the block and:
 *   1. a blank printed total beside non-blank parts is cell.blank (with the value
 *      it should hold); the cell is marked so that no relation through it is
 *      evaluated again (one defect is reported once);
 *   2. every other line is evaluated: blank is absent, literals count as blank, a
 *      line with nothing filled (or, for a total, no part filled) is skipped;
 *   3. the culprit: for a failing line, when exactly one of its cells can be
 *      changed by one δ that repairs every failing line through that cell and
 *      the cell lies in no passing line, it is the suspect of each finding
 *      through it (a row total and a column total both off by 5 at their
 *      crossing: the crossing cell). Several such cells: ambiguous, none. */
#include <stdio.h>
#include <string.h>
#include "gkreport/validate.h"
#include "rules_int.h"
#include "validate_int.h"

/* ===================================================================== options */
typedef struct {
  char *pattern;
  int on;
} sel_t;

typedef struct {
  char *rule, *cell, *reason;
} waiver_t;

struct gk_validate_opts {
  int min_sev;
  sel_t *sel;
  size_t nsel;
  waiver_t *wv;
  size_t nwv;
};

/* "id" exactly, "prefix*" by prefix. */
static int pattern_match(const char *pat, const char *id) {
  size_t n = strlen(pat);
  if (n && pat[n - 1] == '*') return strncmp(pat, id, n - 1) == 0;
  return strcmp(pat, id) == 0;
}

static int pattern_known(const char *pat) {
  for (size_t i = 0; i < gk__nrules; i++)
    if (pattern_match(pat, gk__rules[i].id)) return 1;
  return 0;
}

GK_API int gk_validate_opts_new(gk_validate_opts **out) {
  if (!out) return GK_EINVAL;
  *out = gk__calloc(1, sizeof **out);
  if (!*out) return GK_ENOMEM;
  (*out)->min_sev = GK_SEV_INFO;
  return GK_OK;
}

GK_API void gk_validate_opts_free(gk_validate_opts *opts) {
  if (!opts) return;
  for (size_t i = 0; i < opts->nsel; i++) gk__free(opts->sel[i].pattern);
  for (size_t i = 0; i < opts->nwv; i++) {
    gk__free(opts->wv[i].rule);
    gk__free(opts->wv[i].cell);
    gk__free(opts->wv[i].reason);
  }
  gk__free(opts->sel);
  gk__free(opts->wv);
  gk__free(opts);
}

GK_API int gk_validate_opts_set_min_severity(gk_validate_opts *opts, gk_severity severity) {
  if (!opts || severity < GK_SEV_INFO || severity > GK_SEV_ERROR) return GK_EINVAL;
  opts->min_sev = severity;
  return GK_OK;
}

static int opts_select(gk_validate_opts *opts, const char *pattern, int on) {
  if (!opts || !pattern) return GK_EINVAL;
  if (!pattern_known(pattern)) return GK_ENOTFOUND;
  char *p = gk__strdup(pattern);
  if (!p) return GK_ENOMEM;
  sel_t *s = gk__realloc(opts->sel, (opts->nsel + 1) * sizeof *s);
  if (!s) {
    gk__free(p);
    return GK_ENOMEM;
  }
  opts->sel = s;
  s[opts->nsel].pattern = p;
  s[opts->nsel].on = on;
  opts->nsel++;
  return GK_OK;
}

GK_API int gk_validate_opts_enable(gk_validate_opts *opts, const char *pattern) {
  return opts_select(opts, pattern, 1);
}

GK_API int gk_validate_opts_disable(gk_validate_opts *opts, const char *pattern) {
  return opts_select(opts, pattern, 0);
}

GK_API int gk_validate_opts_add_waiver(gk_validate_opts *opts, const char *rule_id,
                                       const char *cell_path, const char *reason) {
  if (!opts || !rule_id || !reason) return GK_EINVAL;
  if (!pattern_known(rule_id)) return GK_ENOTFOUND;
  waiver_t w = {gk__strdup(rule_id), cell_path ? gk__strdup(cell_path) : NULL,
                gk__strdup(reason)};
  waiver_t *p = NULL;
  if (w.rule && w.reason && (w.cell || !cell_path))
    p = gk__realloc(opts->wv, (opts->nwv + 1) * sizeof *p);
  if (!p) {
    gk__free(w.rule);
    gk__free(w.cell);
    gk__free(w.reason);
    return GK_ENOMEM;
  }
  opts->wv = p;
  p[opts->nwv++] = w;
  return GK_OK;
}

static int rule_on(const gk_validate_opts *o, const char *rule) {
  int on = 1;
  for (size_t i = 0; i < o->nsel; i++)
    if (pattern_match(o->sel[i].pattern, rule)) on = o->sel[i].on;
  return on;
}

static int deselected(const gk_diags *d, size_t i, const void *ctx) {
  const gk_validate_opts *o = ctx;
  return !rule_on(o, gk_diag_rule(d, i)) || gk_diag_severity(d, i) < o->min_sev;
}

/* Rule selection and minimum severity drop items in one pass (linear however
 * many are dropped); waivers then mark what is left. */
int gk__diags_apply_opts(gk_diags *d, size_t from, const struct gk_validate_opts *opts) {
  if (!d) return GK_EINVAL;
  if (!opts) return GK_OK;
  gk__diags_drop_if(d, from, deselected, opts);
  for (size_t i = from; i < gk_diags_count(d); i++) {
    const char *rule = gk_diag_rule(d, i), *cell = gk_diag_cell(d, i, 0);
    for (size_t k = 0; k < opts->nwv; k++) {
      const waiver_t *w = &opts->wv[k];
      if (!pattern_match(w->rule, rule)) continue;
      if (w->cell && (!cell || strcmp(w->cell, cell) != 0)) continue;
      int rc = gk_diags_waive(d, i, w->reason);
      if (rc) return rc;
      break;
    }
  }
  return GK_OK;
}

GK_API int gk_diags_apply_opts(gk_diags *d, size_t from, const gk_validate_opts *opts) {
  if (!d || !opts) return GK_EINVAL;
  return gk__diags_apply_opts(d, from, opts);
}

/* ===================================================================== identities */
enum { LINE_SKIP = 0, LINE_PASS = 1, LINE_FAIL = 2, LINE_OVERFLOW = 3 };

typedef struct {   /* one stored cell of a relation line */
  uint16_t row, col;
  int16_t term;    /* index of the relation term it comes from */
  int8_t coef;
  uint8_t state;   /* GK_CELL_* */
  int64_t v;       /* value when state is GK_CELL_VALUE, else 0 */
} tcell;

typedef struct {
  const gk__relation *rel;
  size_t line;     /* row (GK__PER_ROW) or column (GK__PER_COL) */
  size_t first, n; /* its cells: ws.cells[first .. first+n) */
  size_t prim;     /* index (within the line) of the primary cell */
  int status;      /* LINE_* */
  int64_t resid;   /* Σ coef·v over value cells */
  int has_suspect; /* failing lines: a suspect was set on its finding */
  int absent;      /* a cell of the line lies where the copy does not reach */
  size_t item0;    /* first finding index of this line in the diags, when failing */
} wline;

/* What one call knows of the report's rows, computed once into the workspace
 * from the declarations and one scan of the cells: the children of every row
 * (first[t][row] is its first child, next[t][k] the child declared after k under
 * the same parent, -1 ends: no scan of the table per derived cell) and, per row,
 * a bit per column: vmask (the cell holds a value) and odd (a literal, or a
 * value outside [0, SMALL_VALUE): negative or huge); plain[t]: table t has no
 * odd cell (the fast check below leaves other tables to the full path). */
#define SMALL_VALUE ((uint64_t)1 << 32) /* values in [0, 2^32): sums below cannot overflow */
typedef struct {
  int16_t *first[GK_NTABLES], *next[GK_NTABLES];
  uint32_t *vmask[GK_NTABLES], *odd[GK_NTABLES];
  int plain[GK_NTABLES];
  const gk__edition *ed;             /* the report's declarations and cell blocks, */
  const gk__cell *cells[GK_NTABLES]; /* fetched once (rowinfo_init) */
} rowinfo;

typedef struct {
  const gk_report *r;
  rowinfo ri;
  wline *lines;
  size_t nlines;
  tcell *cells;
  size_t ncells, cap;        /* cap: cells allocated; more would be a bad declaration */
  int bad_decl;
  uint8_t *flag[GK_NTABLES]; /* nrows*ncols per table: 1 = blank total reported */
  size_t nflags;
  char *block;               /* the one allocation */
} work;

static const gk__table_decl *tdecl(const gk_report *r, int t) {
  return &gk__report_ed(r)->tables[t];
}

static const gk__table_decl *wtd(const work *w, int t) { return &w->ri.ed->tables[t]; }

static int cell_exists(const gk__table_decl *t, size_t row, size_t col) {
  return row < t->nrows && col < t->ncols && (t->rows[row].colmask >> col) & 1u;
}

/* The stored cell (row, col) of table t; the caller has checked the bounds. */
static const gk__cell *cell_of(const gk_report *r, int t, size_t row, size_t col) {
  return &gk__report_cells(r, t)[row * tdecl(r, t)->ncols + col];
}

static size_t rowinfo_size(const gk__edition *ed) {
  size_t n = 0;
  for (int t = 0; t < GK_NTABLES; t++) n += ed->tables[t].nrows;
  return n * (2 * sizeof(uint32_t) + 2 * sizeof(int16_t));
}

/* p: rowinfo_size(ed) bytes, aligned for uint32_t; tables of <= 32 columns. */
static void rowinfo_init(rowinfo *ri, const gk_report *r, char *p) {
  size_t nall = 0;
  ri->ed = gk__report_ed(r);
  for (int t = 0; t < GK_NTABLES; t++) {
    ri->cells[t] = gk__report_cells(r, t);
    nall += ri->ed->tables[t].nrows;
  }
  uint32_t *m = (uint32_t *)(void *)p;
  int16_t *k16 = (int16_t *)(void *)(p + nall * 2 * sizeof(uint32_t));
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &ri->ed->tables[t];
    size_t n = td->nrows, nc = td->ncols;
    ri->vmask[t] = m;
    ri->odd[t] = m + n;
    m += 2 * n;
    ri->first[t] = k16;
    ri->next[t] = k16 + n;
    k16 += 2 * n;
    for (size_t i = 0; i < n; i++) ri->first[t][i] = ri->next[t][i] = -1;
    for (size_t k = n; k-- > 0;) { /* backwards: each list in declaration order */
      int par = td->rows[k].parent;
      if (par < 0 || (size_t)par >= n) continue;
      ri->next[t][k] = ri->first[t][par];
      ri->first[t][par] = (int16_t)k;
    }
    const gk__cell *c = ri->cells[t];
    uint32_t any_odd = 0;
    for (size_t i = 0; i < n; i++) {
      uint32_t vm = 0, odd = 0;
      for (size_t col = nc; col-- > 0;) { /* last column first: no variable shifts */
        uint32_t is_value = c[col].state == GK_CELL_VALUE;
        uint32_t is_lit = c[col].state == GK_CELL_LITERAL;
        uint32_t out = (uint64_t)c[col].value >= SMALL_VALUE;
        vm = 2 * vm + is_value;
        odd = 2 * odd + ((is_value & out) | is_lit);
      }
      c += nc;
      ri->vmask[t][i] = vm;
      ri->odd[t][i] = odd;
      any_odd |= odd;
    }
    ri->plain[t] = !any_odd;
  }
}

static void push(work *w, const gk__table_decl *td, const gk__cell *cells, size_t row,
                 size_t col, int term, int coef) {
  if (!cell_exists(td, row, col)) return;
  if (w->ncells == w->cap) { /* a relation naming a row twice: never in the editions */
    w->bad_decl = 1;
    return;
  }
  const gk__cell *c = &cells[row * td->ncols + col];
  tcell *tc = &w->cells[w->ncells++];
  tc->row = (uint16_t)row;
  tc->col = (uint16_t)col;
  tc->term = (int16_t)term;
  tc->coef = (int8_t)coef;
  tc->state = c->state;
  tc->v = c->state == GK_CELL_VALUE ? c->value : 0;
}

/* A term's row read as stored cells: a derived row expands into its children
 * (recursively) unless it is also stored and none of its children is filled. */
static void expand(work *w, const gk_report *r, int t, size_t row, size_t col, int term,
                   int coef) {
  const gk__table_decl *td = wtd(w, t);
  if (row >= td->nrows) return;
  if (gk__derived_reads_children(td, w->ri.cells[t], row, col)) {
    for (int k = w->ri.first[t][row]; k >= 0; k = w->ri.next[t][k])
      expand(w, r, t, (size_t)k, col, term, coef);
    return;
  }
  push(w, td, w->ri.cells[t], row, col, term, coef);
}

static size_t line_count(const gk_report *r, const gk__relation *rel) {
  const gk__table_decl *td = tdecl(r, rel->table);
  if (rel->axis == GK__PER_COL) return td->ncols;
  size_t n = 0;
  for (size_t i = 0; i < td->nrows; i++)
    n += !rel->line_flags || (td->rows[i].flags & rel->line_flags);
  return n;
}

static int line_selected(const gk__table_decl *td, const gk__relation *rel, size_t i) {
  if (rel->axis == GK__PER_COL) return 1;
  return !rel->line_flags || (td->rows[i].flags & rel->line_flags);
}

/* The workspace, one allocation: the children table, then room for every line
 * of every relation of r's edition, their cells and the blank-total flags. */
static int work_init(work *w, const gk_report *r) {
  memset(w, 0, sizeof *w);
  w->r = r;
  const gk__edition *ed = gk__report_ed(r);
  size_t nl = 0, nc = 0, nf = 0, nk = rowinfo_size(ed);
  for (int t = 0; t < GK_NTABLES; t++) /* int16_t children, uint32_t column masks */
    if (ed->tables[t].nrows > INT16_MAX || ed->tables[t].ncols > 32) return GK_EUNSUPPORTED;
  for (size_t k = 0; k < ed->nrelations; k++) { /* room for every line, selected or not */
    const gk__table_decl *td = &ed->tables[ed->relations[k].table];
    nl += ed->relations[k].axis == GK__PER_COL ? td->ncols : td->nrows;
    nc += td->nrows * td->ncols;
  }
  for (int t = 0; t < GK_NTABLES; t++) nf += ed->tables[t].nrows * ed->tables[t].ncols;
  nk = (nk + sizeof(int64_t) - 1) / sizeof(int64_t) * sizeof(int64_t); /* keeps alignment */
  size_t bytes = nk + nl * sizeof(wline) + nc * sizeof(tcell) + nf;
  char *block = gk__malloc(bytes);
  if (!block) return GK_ENOMEM;
  w->block = block;
  rowinfo_init(&w->ri, r, block);
  w->lines = (wline *)(void *)(block + nk);
  w->cells = (tcell *)(void *)(block + nk + nl * sizeof(wline));
  uint8_t *f = (uint8_t *)(block + nk + nl * sizeof(wline) + nc * sizeof(tcell));
  for (int t = 0; t < GK_NTABLES; t++) {
    w->flag[t] = f;
    f += ed->tables[t].nrows * ed->tables[t].ncols;
  }
  w->nflags = nf;
  return GK_OK;
}

/* Gather every line of every relation of r's edition into the workspace. */
static int work_gather(work *w) {
  const gk_report *r = w->r;
  const gk__edition *ed = gk__report_ed(r);
  memset(w->flag[0], 0, w->nflags);
  w->cap = 0; /* cells of the selected lines at most: more would be a bad declaration */
  for (size_t k = 0; k < ed->nrelations; k++) {
    const gk__relation *rel = &ed->relations[k];
    const gk__table_decl *td = tdecl(r, rel->table);
    w->cap += line_count(r, rel) * (rel->axis == GK__PER_COL ? td->nrows : td->ncols);
  }
  for (size_t k = 0; k < ed->nrelations; k++) {
    const gk__relation *rel = &ed->relations[k];
    const gk__table_decl *td = tdecl(r, rel->table);
    size_t nlines = rel->axis == GK__PER_COL ? td->ncols : td->nrows;
    for (size_t i = 0; i < nlines; i++) {
      if (!line_selected(td, rel, i)) continue;
      wline *L = &w->lines[w->nlines++];
      memset(L, 0, sizeof *L);
      L->rel = rel;
      L->line = i;
      L->first = w->ncells;
      int prim_term = rel->total_index;
      for (size_t j = 0; j < rel->nterms; j++) {
        const gk__term *tm = &rel->terms[j];
        if (prim_term < 0 && tm->coef < 0) prim_term = (int)j;
        if (rel->axis == GK__PER_ROW)
          push(w, td, w->ri.cells[rel->table], i, (size_t)tm->index, (int)j, tm->coef);
        else
          expand(w, r, rel->table, (size_t)tm->index, i, (int)j, tm->coef);
      }
      L->n = w->ncells - L->first;
      L->prim = 0;
      for (size_t c = 0; c < L->n; c++)
        if (w->cells[L->first + c].term == prim_term) {
          L->prim = c;
          break;
        }
    }
  }
  return w->bad_decl ? GK_EUNSUPPORTED : GK_OK;
}

static void work_free(work *w) { gk__free(w->block); }

/* 1 when row `row` of table t is not in the copy: a table the copy lacks, or, in
 * a truncated copy, the row the copy ends in and every row or table after it
 * (see gk_report_completeness). The rules say nothing about such cells. */
static int beyond_copy(const gk_report *r, int t, size_t row) {
  if (t >= 0 && t < 32 && (gk_report_missing_tables(r) >> t) & 1u) return 1;
  int tt;
  size_t tr;
  if (gk_report_completeness(&tt, &tr, r) != GK_TRUNCATED || tt < 0) return 0;
  return t > tt || (t == tt && (tr == SIZE_MAX || row >= tr));
}

/* Mark the lines holding a cell beyond the copy: they are never evaluated. */
static void mark_absent(work *w) {
  if (gk_report_completeness(NULL, NULL, w->r) == GK_COMPLETE &&
      !gk_report_missing_tables(w->r))
    return;
  for (size_t i = 0; i < w->nlines; i++) {
    wline *L = &w->lines[i];
    for (size_t c = 0; c < L->n && !L->absent; c++)
      L->absent = beyond_copy(w->r, L->rel->table, w->cells[L->first + c].row);
  }
}

static uint8_t *flag_of(work *w, int t, const tcell *c) {
  return &w->flag[t][(size_t)c->row * wtd(w, t)->ncols + c->col];
}

/* ---------------------------------------------------------------- messages */
static void put_value(gk__buf *b, const gk_report *r, int t, size_t col, int64_t v) {
  char tmp[40];
  gk__format_value(tmp, sizeof tmp, tdecl(r, t)->cols[col].kind, v);
  gk__buf_puts(b, tmp);
}

static const char *term_name(const gk_report *r, const gk__relation *rel, size_t j, int lang) {
  const gk__table_decl *td = tdecl(r, rel->table);
  size_t idx = (size_t)rel->terms[j].index;
  if (rel->axis == GK__PER_ROW)
    return lang == GK_LANG_EN ? td->cols[idx].en : td->cols[idx].zh;
  return lang == GK_LANG_EN ? td->rows[idx].en : td->rows[idx].zh;
}

/* Sum of the value cells of term j in line L; *filled_out 0 when all are blank. */
static int term_value(const work *w, const wline *L, size_t j, int64_t *v_out, int *filled_out) {
  int64_t s = 0;
  int filled = 0;
  for (size_t c = 0; c < L->n; c++) {
    const tcell *tc = &w->cells[L->first + c];
    if (tc->term != (int)j || tc->state != GK_CELL_VALUE) continue;
    filled = 1;
    if (gk__add64(&s, s, tc->v)) return GK_EOVERFLOW;
  }
  *v_out = s;
  *filled_out = filled;
  return GK_OK;
}

/* "a + b = 1 + 2 = 3" for the terms j (skipping `skip`) whose coefficient has the
 * sign `sign`; a single term prints "a = 1". Returns GK_OK or GK_EOVERFLOW. */
static int put_side(gk__buf *b, const work *w, const wline *L, int sign, int skip, int lang) {
  const gk__relation *rel = L->rel;
  size_t col = rel->axis == GK__PER_COL ? L->line : 0;
  int64_t sum = 0, v;
  size_t nterm = 0;
  int filled;
  for (size_t j = 0; j < rel->nterms; j++) {
    if ((int)j == skip || (rel->terms[j].coef > 0) != (sign > 0)) continue;
    gk__buf_puts(b, nterm++ ? " + " : "");
    int m = rel->terms[j].coef < 0 ? -rel->terms[j].coef : rel->terms[j].coef;
    if (m != 1) gk__buf_printf(b, "%d×", m);
    gk__buf_puts(b, term_name(w->r, rel, j, lang));
  }
  size_t k = 0;
  for (size_t j = 0; j < rel->nterms; j++) {
    if ((int)j == skip || (rel->terms[j].coef > 0) != (sign > 0)) continue;
    if (term_value(w, L, j, &v, &filled)) return GK_EOVERFLOW;
    int64_t m = rel->terms[j].coef < 0 ? -rel->terms[j].coef : rel->terms[j].coef, mv;
    if (gk__mul64(&mv, m, v) || gk__add64(&sum, sum, mv)) return GK_EOVERFLOW;
    if (nterm == 1 && filled) break;
    gk__buf_puts(b, k++ ? " + " : " = ");
    if (filled) {
      size_t c = rel->axis == GK__PER_COL ? col : (size_t)rel->terms[j].index;
      put_value(b, w->r, rel->table, c, v);
    } else {
      gk__buf_puts(b, lang == GK_LANG_EN ? "blank" : "空");
    }
  }
  gk__buf_puts(b, " = ");
  size_t c0 = rel->axis == GK__PER_COL ? col : (size_t)rel->terms[rel->nterms - 1].index;
  put_value(b, w->r, rel->table, c0, sum);
  return GK_OK;
}

static void put_line_label(gk__buf *b, const work *w, const wline *L, int lang) {
  const gk__table_decl *td = wtd(w, L->rel->table);
  int col = L->rel->axis == GK__PER_COL;
  if (lang == GK_LANG_EN)
    gk__buf_printf(b, "“%s”", col ? td->cols[L->line].en : td->rows[L->line].en);
  else
    gk__buf_puts(b, col ? td->cols[L->line].zh : td->rows[L->line].zh);
}

/* Add the line's cells to finding k: primary first, then the filled others. */
static int add_cells(gk_diags *d, size_t k, const work *w, const wline *L) {
  char path[128];
  int t = L->rel->table;
  for (size_t pass = 0; pass < 2; pass++)
    for (size_t c = 0; c < L->n; c++) {
      const tcell *tc = &w->cells[L->first + c];
      if ((pass == 0) != (c == L->prim)) continue;
      if (pass == 1 && tc->state != GK_CELL_VALUE) continue;
      gk__path(path, w->r, t, tc->row, tc->col);
      int rc = gk_diags_add_cell(d, k, path);
      if (rc) return rc;
    }
  return GK_OK;
}

static int emit_line(gk_diags *d, const work *w, const wline *L, const char *rule,
                     const char *expected, const char *actual, gk__buf *zh, gk__buf *en,
                     size_t *k_out) {
  const tcell *p = &w->cells[L->first + L->prim];
  if (zh->err || en->err) return GK_ENOMEM;
  const gk__cell *at = gk__cell_at(w->r, L->rel->table, p->row, p->col);
  /* a blank cell often has no source position: use its printed row's */
  for (size_t c = 0; (!at || !at->line) && L->rel->axis == GK__PER_ROW && c < L->n; c++)
    at = gk__cell_at(w->r, L->rel->table, w->cells[L->first + c].row, w->cells[L->first + c].col);
  uint32_t line = at ? at->line : 0;
  int rc = gk__emit(d, w->r, rule, NULL, line, expected, actual, zh->data, en->data, k_out);
  if (!rc && line && at->column) gk__diags_set_pos(d, *k_out, line, at->column); /* grid readers */
  if (!rc) rc = add_cells(d, *k_out, w, L);
  return rc;
}

/* The printed label of a cell: 「row · column」 (zh) or “row · column” (en). */
static void put_cell_label(gk__buf *b, const gk_report *r, int t, size_t row, size_t col,
                           int lang) {
  const gk__table_decl *td = tdecl(r, t);
  if (lang == GK_LANG_EN)
    gk__buf_printf(b, "“%s · %s”", td->rows[row].en, td->cols[col].en);
  else
    gk__buf_printf(b, "「%s · %s」", td->rows[row].zh, td->cols[col].zh);
}

/* 1 when no cell of the printed row holds anything (a row missing from the copy). */
static int row_all_blank(const gk_report *r, int table, size_t row) {
  const gk__table_decl *td = tdecl(r, table);
  for (size_t c = 0; c < td->ncols; c++) {
    const gk__cell *cell = gk__cell_at(r, table, row, c);
    if (cell_exists(td, row, c) && cell->state != GK_CELL_BLANK) return 0;
  }
  return 1;
}

/* 1 when Σ |coef·v| over the value cells of L fits in int64: then every partial
 * sum of the line (either side, any order) fits too, and its messages can be
 * written. A line that does not is reported by report_overflows, never checked. */
static int line_fits(const work *w, const wline *L) {
  int64_t abs_sum = 0, pv;
  for (size_t c = 0; c < L->n; c++) {
    const tcell *tc = &w->cells[L->first + c];
    if (tc->state != GK_CELL_VALUE) continue;
    if (tc->v == INT64_MIN || gk__mul64(&pv, tc->coef < 0 ? -tc->coef : tc->coef,
                                        tc->v < 0 ? -tc->v : tc->v) ||
        gk__add64(&abs_sum, abs_sum, pv))
      return 0;
  }
  return 1;
}

/* Pass 1: blank printed totals beside filled parts. A total row that is blank as a
 * whole (missing from a truncated copy) is one defect: reported once, at its
 * first column, and every line through it is still left unevaluated. */
static int check_blank_totals(work *w, gk_diags *d) {
  int rc = GK_OK;
  uint64_t row_reported[GK_NTABLES] = {0};
  for (size_t i = 0; i < w->nlines && !rc; i++) {
    wline *L = &w->lines[i];
    if (L->rel->total_index < 0 || L->n == 0 || L->absent) continue;
    tcell *tot = &w->cells[L->first + L->prim];
    if (tot->term != L->rel->total_index || tot->state != GK_CELL_BLANK) continue;
    if (!line_fits(w, L)) continue; /* evaluate_lines marks it LINE_OVERFLOW */
    int64_t s = 0, pv;
    int any = 0;
    for (size_t c = 0; c < L->n; c++) {
      const tcell *tc = &w->cells[L->first + c];
      if (c == L->prim || tc->state != GK_CELL_VALUE) continue;
      any = 1;
      if (gk__mul64(&pv, -tc->coef, tc->v) || gk__add64(&s, s, pv)) return GK_EOVERFLOW;
    }
    uint8_t *f = flag_of(w, L->rel->table, tot);
    if (!any || *f) continue;
    *f = 1;
    if (tot->coef != 1 && tot->coef != -1) continue; /* not a plain total */
    int whole_row = tot->row < 64 && row_all_blank(w->r, L->rel->table, tot->row);
    if (whole_row) {
      uint64_t bit = UINT64_C(1) << tot->row;
      if (row_reported[L->rel->table] & bit) continue;
      row_reported[L->rel->table] |= bit;
    }
    s = tot->coef == 1 ? s : -s;
    char path[128], exp[40];
    gk__path(path, w->r, L->rel->table, tot->row, tot->col);
    gk__format_value(exp, sizeof exp, wtd(w, L->rel->table)->cols[tot->col].kind, s);
    gk__buf zh, en;
    gk__buf_init(&zh);
    gk__buf_init(&en);
    put_cell_label(&en, w->r, L->rel->table, tot->row, tot->col, GK_LANG_EN);
    gk__buf_puts(&en, " is blank beside filled parts: ");
    put_line_label(&en, w, L, GK_LANG_EN);
    gk__buf_puts(&en, ": ");
    rc = put_side(&en, w, L, -tot->coef, L->rel->total_index, GK_LANG_EN);
    gk__buf_printf(&en, "; it should hold %s%s", exp,
                   whole_row ? " (the whole row is blank: reported once, for its first column)" : "");
    put_cell_label(&zh, w->r, L->rel->table, tot->row, tot->col, GK_LANG_ZH);
    gk__buf_puts(&zh, "空白，但");
    put_line_label(&zh, w, L, GK_LANG_ZH);
    gk__buf_puts(&zh, "：");
    if (!rc) rc = put_side(&zh, w, L, -tot->coef, L->rel->total_index, GK_LANG_ZH);
    gk__buf_printf(&zh, "，应为%s%s", exp, whole_row ? "（整行空白，仅就首列报告一次）" : "");
    size_t k;
    if (!rc) rc = emit_line(d, w, L, "cell.blank", exp, "", &zh, &en, &k);
    gk__buf_free(&zh);
    gk__buf_free(&en);
  }
  return rc;
}

/* Pass 2: evaluate the lines not touched by a reported blank total. */
static int evaluate_lines(work *w) {
  for (size_t i = 0; i < w->nlines; i++) {
    wline *L = &w->lines[i];
    L->status = LINE_SKIP;
    if (L->n && !line_fits(w, L)) {
      L->status = LINE_OVERFLOW;
      continue;
    }
    int any_part = 0, any = 0, flagged = 0;
    int64_t resid = 0, pv;
    for (size_t c = 0; c < L->n; c++) {
      const tcell *tc = &w->cells[L->first + c];
      flagged |= *flag_of(w, L->rel->table, tc);
      if (tc->state != GK_CELL_VALUE) continue;
      any = 1;
      any_part |= (int)(c != L->prim);
      if (gk__mul64(&pv, tc->coef, tc->v) || gk__add64(&resid, resid, pv)) return GK_EOVERFLOW;
    }
    if (flagged || !any || L->n == 0 || L->absent) continue;
    if (L->rel->total_index >= 0) {
      const tcell *tot = &w->cells[L->first + L->prim];
      /* a literal total is cell.value; a total with no part filled compares
       * with nothing (blank + blank = blank) */
      if (tot->state != GK_CELL_VALUE || !any_part) continue;
    }
    L->resid = resid;
    L->status = resid ? LINE_FAIL : LINE_PASS;
  }
  return GK_OK;
}

/* Coefficient of cell (row, col) in line L, 0 when absent. A line holds cells
 * of its own row (per row) or of its own column (per column) only. */
static int on_line(const wline *L, const tcell *x) {
  return L->line == (L->rel->axis == GK__PER_ROW ? x->row : x->col);
}

static int coef_in(const work *w, const wline *L, const tcell *x) {
  if (!on_line(L, x)) return 0;
  int a = 0;
  for (size_t c = 0; c < L->n; c++) {
    const tcell *tc = &w->cells[L->first + c];
    if (tc->row == x->row && tc->col == x->col) a += tc->coef;
  }
  return a;
}

/* The cells that alone repair failing line F: each cell x of F whose change by
 * δ = -residual/coefficient (the same δ for every failing line through x)
 * repairs every failing line through x and lies in no passing line. Up to
 * MAX_CAND go to cand[] with their repaired values; returns how many qualify.
 * One is the culprit; more is an ambiguous repair, each candidate named. */
#define MAX_CAND 4
typedef struct {
  const tcell *cell;
  int64_t value;
} candidate;

static size_t repairs(const work *w, const wline *F, candidate cand[MAX_CAND]) {
  size_t found = 0;
  int kind_table = F->rel->table;
  for (size_t c = 0; c < F->n; c++) {
    const tcell *x = &w->cells[F->first + c];
    if (x->state == GK_CELL_LITERAL) continue;
    int seen = 0;
    for (size_t k = 0; k < found && k < MAX_CAND; k++)
      seen |= cand[k].cell->row == x->row && cand[k].cell->col == x->col;
    if (seen) continue;
    int a = coef_in(w, F, x);
    if (!a || F->resid % a) continue;
    int64_t delta = -(F->resid / a), nv;
    int ok = 1;
    for (size_t i = 0; i < w->nlines && ok; i++) {
      const wline *L = &w->lines[i];
      if (L == F || L->status == LINE_SKIP || L->rel->table != kind_table || !on_line(L, x))
        continue;
      int b = coef_in(w, L, x);
      if (!b) continue;
      ok = L->status == LINE_FAIL && L->resid % b == 0 && -(L->resid / b) == delta;
    }
    if (!ok || gk__add64(&nv, x->v, delta)) continue;
    if (nv < 0 && wtd(w, kind_table)->cols[x->col].kind == GK_KIND_COUNT) continue;
    if (found < MAX_CAND) cand[found] = (candidate){x, nv};
    found++;
  }
  return found;
}

/* The note of finding k: the one probable repair, or the ambiguous ones. */
static int set_repair_note(gk_diags *d, size_t k, const work *w, int t, const candidate *cand,
                           size_t n) {
  gk__buf zh, en;
  gk__buf_init(&zh);
  gk__buf_init(&en);
  if (n > 1) {
    gk__buf_printf(&zh, "无法确定是哪一格有误，%zu种单格修正都能使其成立：", n);
    gk__buf_printf(&en, "ambiguous: %s of %zu single-cell repairs fixes it: ",
                   n == 2 ? "either" : "any", n);
  }
  int rc = GK_OK;
  for (size_t i = 0; i < n && !rc; i++) {
    const tcell *x = cand[i].cell;
    char val[40], path[128];
    gk__format_value(val, sizeof val, wtd(w, t)->cols[x->col].kind, cand[i].value);
    gk__buf_puts(&zh, i ? "，或" : "");
    gk__buf_puts(&en, i ? (i + 1 == n ? ", or " : ", ") : (n > 1 ? "" : "probably "));
    put_cell_label(&zh, w->r, t, x->row, x->col, GK_LANG_ZH);
    put_cell_label(&en, w->r, t, x->row, x->col, GK_LANG_EN);
    gk__buf_printf(&zh, "%s%s", n > 1 ? "改为" : "可能应为", val);
    gk__buf_printf(&en, " %s %s", n > 1 ? "→" : "should be", val);
    if (n > 1) {
      gk__path(path, w->r, t, x->row, x->col);
      rc = gk_diags_add_candidate(d, k, path, val);
    }
  }
  if (!rc) rc = zh.err || en.err ? GK_ENOMEM : gk_diags_set_note(d, k, zh.data, en.data);
  gk__buf_free(&zh);
  gk__buf_free(&en);
  return rc;
}

/* Pass 3: findings for failing lines, then their suspects. */
static int report_failures(work *w, gk_diags *d) {
  int rc = GK_OK;
  for (size_t i = 0; i < w->nlines && !rc; i++) {
    wline *L = &w->lines[i];
    if (L->status != LINE_FAIL) continue;
    const tcell *p = &w->cells[L->first + L->prim];
    int kind = wtd(w, L->rel->table)->cols[p->col].kind;
    char exp[40] = "", act[40];
    gk__format_value(act, sizeof act, kind, p->v);
    if (p->state != GK_CELL_VALUE) act[0] = '\0'; /* a blank in a balance */
    int64_t e;
    if (p->coef && L->resid % p->coef == 0 && !gk__add64(&e, p->v, -(L->resid / p->coef)))
      gk__format_value(exp, sizeof exp, kind, e);
    gk__buf zh, en;
    gk__buf_init(&zh);
    gk__buf_init(&en);
    put_line_label(&en, w, L, GK_LANG_EN);
    gk__buf_puts(&en, ": ");
    rc = put_side(&en, w, L, 1, -1, GK_LANG_EN);
    gk__buf_puts(&en, " but ");
    if (!rc) rc = put_side(&en, w, L, -1, -1, GK_LANG_EN);
    put_line_label(&zh, w, L, GK_LANG_ZH);
    gk__buf_puts(&zh, "：");
    if (!rc) rc = put_side(&zh, w, L, 1, -1, GK_LANG_ZH);
    gk__buf_puts(&zh, "，不等于");
    if (!rc) rc = put_side(&zh, w, L, -1, -1, GK_LANG_ZH);
    gk__buf_printf(&zh, "（%s）", gk__rule_find(L->rel->rule)->zh);
    if (!rc) rc = emit_line(d, w, L, L->rel->rule, exp[0] ? exp : NULL, act, &zh, &en, &L->item0);
    gk__buf_free(&zh);
    gk__buf_free(&en);
  }
  for (size_t i = 0; i < w->nlines && !rc; i++) {
    wline *F = &w->lines[i];
    candidate cand[MAX_CAND];
    size_t n = F->status == LINE_FAIL ? repairs(w, F, cand) : 0;
    if (n != 1) continue;
    const tcell *x = cand[0].cell;
    char path[128], val[40];
    gk__path(path, w->r, F->rel->table, x->row, x->col);
    gk__format_value(val, sizeof val, wtd(w, F->rel->table)->cols[x->col].kind, cand[0].value);
    /* x repairs every failing line through it: each of them names it */
    for (size_t j = 0; j < w->nlines && !rc; j++) {
      wline *L = &w->lines[j];
      if (L->status != LINE_FAIL || L->has_suspect || L->rel->table != F->rel->table ||
          !coef_in(w, L, x))
        continue;
      L->has_suspect = 1;
      rc = gk_diags_set_suspect(d, L->item0, path, val);
      if (!rc) rc = set_repair_note(d, L->item0, w, F->rel->table, cand, 1);
    }
  }
  /* a line no single cell explains but a few could: ambiguous, each one named */
  for (size_t i = 0; i < w->nlines && !rc; i++) {
    wline *F = &w->lines[i];
    candidate cand[MAX_CAND];
    if (F->status != LINE_FAIL || F->has_suspect) continue;
    size_t n = repairs(w, F, cand);
    if (n > 1 && n <= MAX_CAND) rc = set_repair_note(d, F->item0, w, F->rel->table, cand, n);
  }
  return rc;
}

/* Pass 4: lines whose values are too large for their sums to be computed in 64
 * bits (a count of INT64_MAX beside another value). No real report holds such a
 * value: the largest cell of the line is reported as cell.value, once per cell,
 * located like any finding, and the line is left unchecked. */
static int report_overflows(work *w, gk_diags *d) {
  int rc = GK_OK;
  for (size_t i = 0; i < w->nlines && !rc; i++) {
    const wline *L = &w->lines[i];
    if (L->status != LINE_OVERFLOW) continue;
    const tcell *big = NULL;
    for (size_t c = 0; c < L->n; c++) {
      const tcell *tc = &w->cells[L->first + c];
      if (tc->state != GK_CELL_VALUE) continue;
      uint64_t m = tc->v < 0 ? (uint64_t)0 - (uint64_t)tc->v : (uint64_t)tc->v;
      uint64_t bm = !big ? 0 : big->v < 0 ? (uint64_t)0 - (uint64_t)big->v : (uint64_t)big->v;
      if (!big || m > bm) big = tc;
    }
    uint8_t *f = big ? flag_of(w, L->rel->table, big) : NULL;
    if (!f || *f) continue;
    *f = 1;
    const gk__table_decl *td = wtd(w, L->rel->table);
    char path[128], val[40];
    gk__path(path, w->r, L->rel->table, big->row, big->col);
    gk__format_value(val, sizeof val, td->cols[big->col].kind, big->v);
    gk__buf zh, en;
    gk__buf_init(&zh);
    gk__buf_init(&en);
    put_cell_label(&en, w->r, L->rel->table, big->row, big->col, GK_LANG_EN);
    gk__buf_printf(&en, " holds %s: too large for the sum of ", val);
    put_line_label(&en, w, L, GK_LANG_EN);
    gk__buf_puts(&en, " to fit in a 64-bit integer; the line is not checked");
    put_cell_label(&zh, w->r, L->rel->table, big->row, big->col, GK_LANG_ZH);
    gk__buf_printf(&zh, "为%s，数值过大：", val);
    put_line_label(&zh, w, L, GK_LANG_ZH);
    gk__buf_puts(&zh, "的合计超出64位整数范围，无法核对");
    rc = (zh.err || en.err) ? GK_ENOMEM
                            : gk__emit(d, w->r, "cell.value", path,
                                       gk__cell_at(w->r, L->rel->table, big->row, big->col)->line,
                                       "a value whose sums fit in 64 bits", val, zh.data, en.data,
                                       NULL);
    gk__buf_free(&zh);
    gk__buf_free(&en);
  }
  return rc;
}

/* ---------------------------------------------------------------- fast check
 * Most reports add up. Before gathering the lines, one pass reads each line's
 * cells in place (the cells work_gather would gather, see expand), from the
 * row masks, and keeps only what decides whether the identities can say
 * anything: the residual, whether a value is present, whether a cell of the
 * printed total is not a value. When every residual is zero and no total is
 * blank or unreadable beside values, no identity finding is possible and the
 * lines are never gathered. Anything else (a residual, such a total, a value
 * too large for the unchecked sums below, a declaration whose lines could
 * overflow the workspace) takes the full path, which alone decides what is
 * reported, with its checked arithmetic. */

/* One relation's lines, every column at once (bit c of a mask is column c),
 * with what add_row reads of the table. */
typedef struct {
  const gk__table_decl *td;
  const gk__row_decl *rows;
  const gk__cell *cells;
  const int16_t *first, *next;
  const uint32_t *vmask;
  size_t nrows, ncols;
  uint32_t all;      /* the table's columns */
  int64_t resid[32]; /* Σ coef·v: values in [0, 2^32), <= nrows cells, |coef| <= 128 */
  uint32_t any;      /* a value was read */
  uint32_t open;     /* a cell of the printed total that is not a value was read */
  size_t rows_read;  /* at most nrows cells a line */
} colsum;

/* Adds to s the cells of `row` itself in the columns `cols`, as push() reads them. */
static void read_cells(colsum *s, size_t row, int coef, int is_total, uint32_t cols) {
  uint32_t vm = s->vmask[row], m = cols & s->rows[row].colmask & s->all;
  if (is_total) s->open |= m & ~vm;
  m &= vm;
  s->any |= m;
  const gk__cell *cells = s->cells + row * s->ncols;
  for (; m; m &= m - 1) {
    unsigned c = (unsigned)__builtin_ctz(m);
    s->resid[c] += coef * cells[c].value;
  }
}

/* Adds to s, in the columns `cols`, what expand() reads for `row` with `coef`
 * (leaf children read in the loop, without a call). */
static void add_row(colsum *s, size_t row, int coef, int is_total, uint32_t cols) {
  const gk__row_decl *rd = &s->rows[row];
  if (++s->rows_read > s->nrows) return; /* more than a line can hold: the full path says */
  if (rd->flags & GK_ROW_DERIVED) {
    /* its children where one is filled (everywhere when it is not printed) */
    uint32_t kc = cols & ((rd->flags & GK_ROW_STORED)
                              ? gk__derived_children_mask(s->td, s->vmask, s->first, s->next, row)
                              : ~0u);
    for (int k = s->first[row]; k >= 0 && kc; k = s->next[k]) {
      if (s->rows[k].flags & GK_ROW_DERIVED)
        add_row(s, (size_t)k, coef, is_total, kc);
      else if (++s->rows_read <= s->nrows)
        read_cells(s, (size_t)k, coef, is_total, kc);
    }
    cols &= ~kc; /* elsewhere printed as one row */
  }
  read_cells(s, row, coef, is_total, cols);
}

/* Per-column lines: the relation's terms expanded. */
static int quiet_per_col(const rowinfo *ri, const gk__relation *rel) {
  int t = rel->table;
  const gk__table_decl *td = &ri->ed->tables[t];
  colsum s;
  s.td = td;
  s.rows = td->rows;
  s.cells = ri->cells[t];
  s.first = ri->first[t];
  s.next = ri->next[t];
  s.vmask = ri->vmask[t];
  s.nrows = td->nrows;
  s.ncols = td->ncols;
  s.all = td->ncols < 32 ? (1u << td->ncols) - 1u : ~0u;
  for (size_t c = 0; c < s.ncols; c++) s.resid[c] = 0;
  s.any = s.open = 0;
  s.rows_read = 0;
  for (size_t j = 0; j < rel->nterms; j++) {
    size_t row = (size_t)rel->terms[j].index;
    if (row < s.nrows) add_row(&s, row, rel->terms[j].coef, (int)j == rel->total_index, ~0u);
  }
  if (s.rows_read > s.nrows || (s.open & s.any)) return 0; /* a total blank beside values */
  for (size_t c = 0; c < s.ncols; c++)
    if (s.resid[c]) return 0;
  return 1;
}

/* Per-row lines: one cell per term, the terms folded into a coefficient and a
 * total flag per column. */
static int quiet_per_row(const rowinfo *ri, const gk__relation *rel) {
  int t = rel->table;
  const gk__table_decl *td = &ri->ed->tables[t];
  size_t ncols = td->ncols;
  if (rel->nterms > ncols) return 0; /* at most ncols cells a line */
  int coef[32];
  uint32_t terms = 0, total = 0;
  for (size_t c = 0; c < ncols; c++) coef[c] = 0;
  for (size_t j = 0; j < rel->nterms; j++) {
    size_t col = (size_t)rel->terms[j].index;
    if (col >= ncols) continue;
    coef[col] += rel->terms[j].coef;
    terms |= 1u << col;
    if ((int)j == rel->total_index) total |= 1u << col;
  }
  for (size_t i = 0; i < td->nrows; i++) {
    const gk__row_decl *rd = &td->rows[i];
    if (rel->line_flags && !(rd->flags & rel->line_flags)) continue;
    uint32_t vm = ri->vmask[t][i], m = terms & rd->colmask;
    if ((total & m & ~vm) && (m & vm)) return 0; /* a total blank beside values */
    const gk__cell *cells = ri->cells[t] + i * ncols;
    int64_t resid = 0;
    for (m &= vm; m; m &= m - 1) {
      unsigned c = (unsigned)__builtin_ctz(m);
      resid += coef[c] * cells[c].value;
    }
    if (resid) return 0;
  }
  return 1;
}

/* 1 when no identity of r's edition can produce a finding (see above). */
static int identities_quiet(const rowinfo *ri) {
  for (size_t k = 0; k < ri->ed->nrelations; k++) {
    const gk__relation *rel = &ri->ed->relations[k];
    if (!ri->plain[rel->table]) return 0;
    if (!(rel->axis == GK__PER_COL ? quiet_per_col(ri, rel) : quiet_per_row(ri, rel))) return 0;
  }
  return 1;
}

static int check_identities_full(work *w, gk_diags *d) {
  int rc = work_gather(w);
  if (!rc) mark_absent(w);
  if (!rc) rc = check_blank_totals(w, d);
  if (!rc) rc = evaluate_lines(w);
  if (!rc) rc = report_failures(w, d);
  if (!rc) rc = report_overflows(w, d);
  return rc;
}

static int check_identities(work *w, gk_diags *d) {
  return identities_quiet(&w->ri) ? GK_OK : check_identities_full(w, d);
}

int gk__identities_quiet(int *quiet_out, const gk_report *r) {
  if (!quiet_out) return GK_EINVAL;
  *quiet_out = 0;
  if (!r || !gk__report_ed(r)) return GK_EINVAL;
  work w;
  int rc = work_init(&w, r);
  if (rc) return rc;
  *quiet_out = identities_quiet(&w.ri);
  work_free(&w);
  return GK_OK;
}

int gk__identities_full(const gk_report *r, gk_diags *out) {
  if (!r || !out || !gk__report_ed(r)) return GK_EINVAL;
  size_t start = gk_diags_count(out);
  work w;
  int rc = work_init(&w, r);
  if (rc) return rc;
  rc = check_identities_full(&w, out);
  work_free(&w);
  if (rc) gk__diags_truncate(out, start);
  return rc;
}

/* ===================================================================== other rules */
/* cell.value: an unreadable literal in a numeric cell, a negative count. */
static int check_cell_values(const work *w, gk_diags *d) {
  const gk_report *r = w->r;
  int rc = GK_OK;
  for (int t = 0; t < GK_NTABLES && !rc; t++) {
    const gk__table_decl *td = tdecl(r, t);
    if (w->ri.plain[t]) continue; /* no literal, no value below zero */
    for (size_t row = 0; row < td->nrows && !rc; row++)
      for (uint32_t m = w->ri.odd[t][row] & td->rows[row].colmask; m && !rc; m &= m - 1) {
        size_t col = (size_t)__builtin_ctz(m);
        if (col >= td->ncols) break;
        const gk__cell *c = &w->ri.cells[t][row * td->ncols + col];
        int kind = td->cols[col].kind;
        int neg = c->state == GK_CELL_VALUE && c->value < 0 &&
                  (kind == GK_KIND_COUNT || kind == GK_KIND_AMOUNT);
        if (c->state != GK_CELL_LITERAL && !neg) continue;
        char path[128], val[40];
        gk__path(path, r, t, row, col);
        const char *actual = val;
        if (neg)
          gk__format_value(val, sizeof val, td->cols[col].kind, c->value);
        else
          actual = gk_report_literal(r, t, row, col);
        gk__buf zh, en;
        gk__buf_init(&zh);
        gk__buf_init(&en);
        put_cell_label(&en, r, t, row, col, GK_LANG_EN);
        put_cell_label(&zh, r, t, row, col, GK_LANG_ZH);
        if (neg && kind == GK_KIND_AMOUNT) {
          gk__buf_printf(&en, " holds %s: an amount cannot be negative", actual);
          gk__buf_printf(&zh, "为%s：金额不能为负数", actual);
        } else if (neg) {
          gk__buf_printf(&en, " holds %s: a count cannot be negative", actual);
          gk__buf_printf(&zh, "为%s：计数不能为负数", actual);
        } else {
          gk__buf_printf(&en, " holds \"%s\", not a number", actual);
          gk__buf_printf(&zh, "填写了“%s”，不是数值", actual);
        }
        rc = (zh.err || en.err) ? GK_ENOMEM
                                : gk__emit(d, r, "cell.value", path, c->line,
                                           !neg                      ? "a number"
                                           : kind == GK_KIND_AMOUNT ? "an amount >= 0"
                                                                    : "a count >= 0",
                                           actual, zh.data,
                                           en.data, NULL);
        gk__buf_free(&zh);
        gk__buf_free(&en);
      }
  }
  return rc;
}

/* report.year and edition.year. */
static int check_year(const gk_report *r, gk_diags *d) {
  char exp[48], act[16];
  /* a report from before the format uses no edition: import.legacy says so */
  if (gk_report_completeness(NULL, NULL, r) == GK_PRE_FORMAT) return GK_OK;
  const gk__edition *oldest = gk__edition_get(gk_schema_edition_id(0));
  int min_year = oldest ? oldest->first_year : 0;
  if (gk_report_year(r) == 0 || gk_report_year(r) < min_year) {
    snprintf(exp, sizeof exp, ">= %d", min_year);
    snprintf(act, sizeof act, "%d", gk_report_year(r));
    char zh[160], en[160];
    if (gk_report_year(r) == 0) {
      snprintf(en, sizeof en, "the report year is missing (edition %d needs a year >= %d)",
               gk_report_edition(r), min_year);
      snprintf(zh, sizeof zh, "报告缺少年度（%d年格式要求年度不早于%d年）", gk_report_edition(r),
               min_year);
    } else {
      snprintf(en, sizeof en, "year %d is impossible for edition %d (needs a year >= %d)",
               gk_report_year(r), gk_report_edition(r), min_year);
      snprintf(zh, sizeof zh, "%d年度不可能使用%d年格式（要求年度不早于%d年）", gk_report_year(r),
               gk_report_edition(r), min_year);
    }
    return gk__emit(d, r, "report.year", NULL, 0, exp, gk_report_year(r) ? act : "", zh, en, NULL);
  }
  int want = gk_schema_edition_for_year(gk_report_year(r));
  if (!want || want == gk_report_edition(r)) return GK_OK;
  snprintf(exp, sizeof exp, "%d", want);
  snprintf(act, sizeof act, "%d", gk_report_edition(r));
  char zh[200], en[200];
  snprintf(en, sizeof en, "a %d report uses the %d edition; reports of %d use the %d edition (%s)",
           gk_report_year(r), gk_report_edition(r), gk_report_year(r), want,
           gk_schema_edition_instrument(want));
  snprintf(zh, sizeof zh, "%d年度报告使用了%d年格式，应使用%d年格式（%s）", gk_report_year(r),
           gk_report_edition(r), want, gk_schema_edition_instrument(want));
  return gk__emit(d, r, "edition.year", NULL, 0, exp, act, zh, en, NULL);
}

/* Index of the active column `key` in r's edition, (size_t)-1 when it has none. */
static size_t active_col(const gk_report *r, const char *key) {
  size_t col;
  return gk_schema_col_find(&col, gk_report_edition(r), GK_TABLE_ACTIVE, key) ? (size_t)-1 : col;
}

/* 1 with *v_out when active/row/col exists and holds a value. */
static int active_value(const gk_report *r, size_t row, size_t col, int64_t *v_out) {
  const gk__table_decl *td = tdecl(r, GK_TABLE_ACTIVE);
  if (!cell_exists(td, row, col)) return 0;
  const gk__cell *cell = cell_of(r, GK_TABLE_ACTIVE, row, col);
  if (cell->state != GK_CELL_VALUE) return 0;
  *v_out = cell->value;
  return 1;
}

static int emit_active(gk_diags *d, const gk_report *r, const char *rule, size_t row,
                       size_t col, const char *expected, const char *actual, gk__buf *zh,
                       gk__buf *en, size_t col2, size_t col3) {
  char path[128];
  size_t k;
  gk__path(path, r, GK_TABLE_ACTIVE, row, col);
  int rc = (zh->err || en->err) ? GK_ENOMEM
                                : gk__emit(d, r, rule, path, 0, expected, actual, zh->data,
                                           en->data, &k);
  size_t more[2] = {col2, col3};
  for (size_t i = 0; i < 2 && !rc; i++) {
    if (more[i] == (size_t)-1) continue;
    gk__path(path, r, GK_TABLE_ACTIVE, row, more[i]);
    rc = gk_diags_add_cell(d, k, path);
  }
  gk__buf_free(zh);
  gk__buf_free(en);
  return rc;
}

/* The most value cells in one row of the active table (0, 1 or 2 meaning 2+). */
static int active_values_max(const work *w) {
  const gk__table_decl *td = wtd(w, GK_TABLE_ACTIVE);
  int most = 0;
  for (size_t row = 0; row < td->nrows; row++) {
    uint32_t m = w->ri.vmask[GK_TABLE_ACTIVE][row] & td->rows[row].colmask;
    if (m & (m - 1)) return 2;
    if (m) most = 1;
  }
  return most;
}

/* active.cumulative (total_public < published) and active.misread_delta
 * (decisions = prev_items + delta in a non-zero row), by column key: they apply
 * to the editions whose active table has those columns (2019). */
static int check_active_rows(const work *w, gk_diags *d) {
  const gk_report *r = w->r;
  const gk__table_decl *td = tdecl(r, GK_TABLE_ACTIVE);
  if (active_values_max(w) < 2) return GK_OK; /* both rules compare values of one row */
  /* the columns, by key, once (editions without them skip the rules) */
  size_t cp = active_col(r, "published"), ct = active_col(r, "total_public");
  size_t ci = active_col(r, "prev_items"), cd = active_col(r, "delta");
  size_t cx = active_col(r, "decisions");
  int rc = GK_OK;
  for (size_t row = 0; row < td->nrows && !rc; row++) {
    int64_t pub, tot, prev, delta, dec, sum;
    char exp[48], act[40];
    gk__buf zh, en;
    if (active_value(r, row, cp, &pub) && active_value(r, row, ct, &tot) && tot < pub) {
      snprintf(exp, sizeof exp, ">= %lld", (long long)pub);
      snprintf(act, sizeof act, "%lld", (long long)tot);
      gk__buf_init(&zh);
      gk__buf_init(&en);
      gk__buf_printf(&en, "“%s”: %s %s is less than %s %lld", td->rows[row].en,
                     td->cols[ct].en, act, td->cols[cp].en, (long long)pub);
      gk__buf_printf(&zh, "%s：对外公开总数量%s小于本年新公开数量%lld", td->rows[row].zh, act,
                     (long long)pub);
      rc = emit_active(d, r, "active.cumulative", row, ct, exp, act, &zh, &en, cp, (size_t)-1);
    }
    if (!rc && active_value(r, row, ci, &prev) && active_value(r, row, cd, &delta) &&
        active_value(r, row, cx, &dec) && (prev || delta || dec) &&
        !gk__add64(&sum, prev, delta) && sum == dec) {
      /* "61 + 36", "6 - 4" (delta is signed) */
      char sum_text[64];
      uint64_t mag = delta < 0 ? (uint64_t)0 - (uint64_t)delta : (uint64_t)delta;
      snprintf(sum_text, sizeof sum_text, "%lld %c %llu", (long long)prev, delta < 0 ? '-' : '+',
               (unsigned long long)mag);
      snprintf(act, sizeof act, "%lld", (long long)dec);
      gk__buf_init(&zh);
      gk__buf_init(&en);
      gk__buf_printf(&en,
                     "“%s”: %s %lld = %s + %s = %s; decisions count the "
                     "cases decided in the year, the columns were probably misread",
                     td->rows[row].en, td->cols[cx].en, (long long)dec, td->cols[ci].en,
                     td->cols[cd].en, sum_text);
      gk__buf_printf(&zh, "%s：处理决定数量%lld等于上一年项目数量加本年增/减（%s），"
                     "处理决定数量应为本年作出的决定数，可能误读了栏目",
                     td->rows[row].zh, (long long)dec, sum_text);
      rc = emit_active(d, r, "active.misread_delta", row, cx, NULL, act, &zh, &en, ci, cd);
    }
  }
  return rc;
}

/* The printed Chinese name of an agency level: 县级, 乡级, ... */
static const char *level_zh(int level) {
  static const char *const names[] = {"", "国家级", "省级", "市级", "县级", "乡级"};
  return level > 0 && level < (int)(sizeof names / sizeof *names) ? names[level] : "";
}

/* active.rulemaking: 规章 reported by an agency without rule-making power: any
 * agency at county or township level, a department below provincial level.
 * When the level is not given it is inferred from the agency's name; silent when
 * neither says (or, at city level, the kind is unknown). */
static int check_rulemaking(const work *w, gk_diags *d) {
  const gk_report *r = w->r;
  const gk__table_decl *td = tdecl(r, GK_TABLE_ACTIVE);
  size_t row = 0; /* the row the declarations mark as made under rule-making power */
  while (row < td->nrows && !(td->rows[row].flags & GK_ROW_RULEMAKING)) row++;
  if (active_values_max(w) == 0 || row == td->nrows) return GK_OK;
  /* the metadata as given; when the level is not given, what the agency's name
   * says (gk_agency_infer: 某县某镇 -> township government), and the finding says so */
  int level = gk_report_agency_level(r), kind = gk_report_agency_kind(r), inferred = 0;
  if (level == GK_LEVEL_UNKNOWN && gk_report_agency(r, GK_AGENCY_NAME) &&
      gk_agency_infer(&level, &kind, gk_report_agency(r, GK_AGENCY_NAME), (size_t)-1) == GK_OK)
    inferred = 1;
  int no_power = level == GK_LEVEL_COUNTY || level == GK_LEVEL_TOWNSHIP ||
                 (level == GK_LEVEL_CITY && kind == GK_AGENCY_KIND_DEPARTMENT);
  if (!no_power) return GK_OK;
  for (size_t col = 0; col < td->ncols; col++) {
    const gk__cell *c = gk__cell_at(r, GK_TABLE_ACTIVE, row, col);
    if (!cell_exists(td, row, col) || c->state != GK_CELL_VALUE || c->value == 0) continue;
    char act[40];
    gk__format_value(act, sizeof act, td->cols[col].kind, c->value);
    const char *lvl = gk_schema_level_key(level), *kname = gk_schema_agency_kind_key(kind);
    gk__buf zh, en;
    gk__buf_init(&zh);
    gk__buf_init(&en);
    gk__buf_printf(&en, "“%s · %s” is %s from a %s-level %s, which has no power to make "
                   "regulations%s", td->rows[row].en, td->cols[col].en, act, lvl,
                   kname ? kname : "agency",
                   inferred ? " (level and kind inferred from the agency's name)" : "");
    gk__buf_printf(&zh, "「%s · %s」为%s，但%s%s无规章制定权%s", td->rows[row].zh,
                   td->cols[col].zh, act, level_zh(level),
                   kind == GK_AGENCY_KIND_DEPARTMENT ? "部门" : "机关",
                   inferred ? "（层级与类别由机关名称推定）" : "");
    return emit_active(d, r, "active.rulemaking", row, col, "0", act, &zh, &en, (size_t)-1,
                       (size_t)-1);
  }
  return GK_OK;
}

/* ===================================================================== entry point */
GK_API int gk_report_validate(const gk_report *r, const gk_validate_opts *opts, gk_diags *out) {
  if (!r || !out || !gk__report_ed(r)) return GK_EINVAL;
  size_t start = gk_diags_count(out);
  work w;
  int rc = work_init(&w, r);
  if (rc) return rc;
  rc = check_year(r, out);
  if (!rc) rc = check_cell_values(&w, out);
  if (!rc) rc = check_identities(&w, out);
  if (!rc) rc = check_active_rows(&w, out);
  if (!rc) rc = check_rulemaking(&w, out);
  work_free(&w);
  if (!rc) rc = gk__text_rules_run(r, out);
  if (!rc) rc = gk__diags_apply_opts(out, start, opts);
  if (rc) gk__diags_truncate(out, start);
  return rc;
}
