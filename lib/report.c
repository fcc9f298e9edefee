/* SPDX-License-Identifier: MIT */
/* The report model: metadata, sections and the cells of every table. */
#include <string.h>
#include "report_int.h"

#define LITERAL_MAX 4096

GK_API int gk_report_new(gk_report **out, gk_edition edition, int year) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  const gk__edition *ed = gk__edition_get(edition);
  if (!ed) return GK_EUNSUPPORTED;
  if (year < 0 || year > 9999) return GK_EINVAL;
  /* one allocation: the report, then the cells of its tables (struct gk_report
   * is a multiple of 8 bytes: its pointers and size_t; the cells follow aligned) */
  size_t ncells = 0;
  for (int t = 0; t < GK_NTABLES; t++) ncells += ed->tables[t].nrows * ed->tables[t].ncols;
  _Static_assert(sizeof(struct gk_report) % _Alignof(gk__cell) == 0, "cells after the report stay aligned");
  gk_report *r = gk__calloc(1, sizeof *r + ncells * sizeof(gk__cell));
  if (!r) return GK_ENOMEM;
  r->edition = edition;
  r->year = year;
  r->ed = ed;
  r->trunc_table = -1;
  r->trunc_row = SIZE_MAX;
  gk__cell *cells = (gk__cell *)(void *)(r + 1);
  for (int t = 0; t < GK_NTABLES; t++) {
    r->cells[t] = cells;
    cells += ed->tables[t].nrows * ed->tables[t].ncols;
  }
  *out = r;
  return GK_OK;
}

GK_API void gk_report_free(gk_report *r) {
  if (!r) return;
  for (int i = 0; i < 3; i++) gk__free(r->agency[i]);
  gk__free(r->title);
  gk__free(r->source);
  for (int s = 0; s < GK_NSECTIONS; s++) gk__free(r->sections[s]);
  gk__free(r->pool); /* the cells lie in r's own allocation */
  gk__free(r);
}

static int dup_opt(char **dst, const char *src) {
  *dst = NULL;
  if (!src) return GK_OK;
  *dst = gk__strdup(src);
  return *dst ? GK_OK : GK_ENOMEM;
}

GK_API int gk_report_clone(gk_report **out, const gk_report *r) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!r) return GK_EINVAL;
  gk_report *c = NULL;
  int rc = gk_report_new(&c, r->edition, r->year);
  if (rc) return rc;
  c->level = r->level;
  c->kind = r->kind;
  c->completeness = r->completeness;
  c->trunc_table = r->trunc_table;
  c->trunc_row = r->trunc_row;
  c->missing_tables = r->missing_tables;
  memcpy(c->section_line, r->section_line, sizeof c->section_line);
  memcpy(c->part_order, r->part_order, sizeof c->part_order);
  for (int i = 0; i < 3 && !rc; i++) rc = dup_opt(&c->agency[i], r->agency[i]);
  if (!rc) rc = dup_opt(&c->title, r->title);
  if (!rc) rc = dup_opt(&c->source, r->source);
  for (int s = 0; s < GK_NSECTIONS && !rc; s++) rc = dup_opt(&c->sections[s], r->sections[s]);
  if (!rc && r->pool_len) {
    c->pool = gk__malloc(r->pool_len);
    if (!c->pool) {
      rc = GK_ENOMEM;
    } else {
      memcpy(c->pool, r->pool, r->pool_len);
      c->pool_len = c->pool_cap = r->pool_len;
    }
  }
  for (int t = 0; t < GK_NTABLES && !rc; t++)
    memcpy(c->cells[t], r->cells[t],
           r->ed->tables[t].nrows * r->ed->tables[t].ncols * sizeof(gk__cell));
  if (rc) {
    gk_report_free(c);
    return rc;
  }
  *out = c;
  return GK_OK;
}

static int str_eq(const char *a, const char *b) {
  if (!a || !b) return a == b;
  return strcmp(a, b) == 0;
}

static const char *literal_of(const gk_report *r, const gk__cell *c) {
  return (c->state == GK_CELL_LITERAL && c->lit) ? r->pool + c->lit - 1 : NULL;
}

GK_API int gk_report_equal(const gk_report *a, const gk_report *b, int compare_lines) {
  if (!a || !b) return a == b;
  if (a->edition != b->edition || a->year != b->year || a->level != b->level ||
      a->kind != b->kind)
    return 0;
  for (int i = 0; i < 3; i++)
    if (!str_eq(a->agency[i], b->agency[i])) return 0;
  if (!str_eq(a->title, b->title)) return 0;
  for (int s = 0; s < GK_NSECTIONS; s++)
    if (!str_eq(a->sections[s], b->sections[s])) return 0;
  for (int t = 0; t < GK_NTABLES; t++) {
    size_t n = a->ed->tables[t].nrows * a->ed->tables[t].ncols;
    for (size_t i = 0; i < n; i++) {
      const gk__cell *x = &a->cells[t][i], *y = &b->cells[t][i];
      if (x->state != y->state) return 0;
      if (x->state == GK_CELL_VALUE && (x->value != y->value || x->unit != y->unit)) return 0;
      if (x->state == GK_CELL_LITERAL && !str_eq(literal_of(a, x), literal_of(b, y))) return 0;
      if (compare_lines && x->line != y->line) return 0;
    }
  }
  return 1;
}

GK_API gk_edition gk_report_edition(const gk_report *r) { return r ? r->edition : 0; }
GK_API int gk_report_year(const gk_report *r) { return r ? r->year : 0; }

GK_API int gk_report_set_year(gk_report *r, int year) {
  if (!r || year < 0 || year > 9999) return GK_EINVAL;
  r->year = year;
  return GK_OK;
}

/* Is utf8[0..len) acceptable text? `checked`: the caller validated it already
 * (internal setters); test builds check the promise all the same. */
static int text_ok(const char *utf8, size_t len, int checked) {
#ifdef GK_ALLOC_SEAM
  checked = 0;
#endif
  return !memchr(utf8, '\0', len) && (checked || gk__utf8_valid(utf8, len, NULL));
}

/* Replace *slot by a copy of utf8[0..len); NULL clears. Caller data untouched on error. */
static int set_string(char **slot, const char *utf8, size_t len, int checked) {
  if (!utf8) {
    gk__free(*slot);
    *slot = NULL;
    return GK_OK;
  }
  if (!text_ok(utf8, len, checked)) return GK_EENCODING;
  char *c = gk__strndup(utf8, len);
  if (!c) return GK_ENOMEM;
  gk__free(*slot);
  *slot = c;
  return GK_OK;
}

GK_API const char *gk_report_agency(const gk_report *r, gk_agency_field field) {
  return (r && field >= 0 && field < 3) ? r->agency[field] : NULL;
}

GK_API int gk_report_set_agency(gk_report *r, gk_agency_field field, const char *utf8, size_t len) {
  len = gk__nul_len(utf8, len);
  if (!r || field < 0 || field >= 3) return GK_EINVAL;
  return set_string(&r->agency[field], utf8, len, 0);
}

GK_API gk_level gk_report_agency_level(const gk_report *r) { return r ? r->level : GK_LEVEL_UNKNOWN; }

GK_API int gk_report_set_agency_level(gk_report *r, gk_level level) {
  if (!r || level < GK_LEVEL_UNKNOWN || level > GK_LEVEL_TOWNSHIP) return GK_EINVAL;
  r->level = level;
  return GK_OK;
}

GK_API gk_agency_kind gk_report_agency_kind(const gk_report *r) { return r ? r->kind : GK_AGENCY_KIND_UNKNOWN; }

GK_API int gk_report_set_agency_kind(gk_report *r, gk_agency_kind kind) {
  if (!r || kind < GK_AGENCY_KIND_UNKNOWN || kind > GK_AGENCY_KIND_DEPARTMENT) return GK_EINVAL;
  r->kind = kind;
  return GK_OK;
}

GK_API const char *gk_report_title(const gk_report *r) { return r ? r->title : NULL; }

GK_API int gk_report_set_title(gk_report *r, const char *utf8, size_t len) {
  len = gk__nul_len(utf8, len);
  return r ? set_string(&r->title, utf8, len, 0) : GK_EINVAL;
}

GK_API const char *gk_report_source(const gk_report *r) { return r ? r->source : NULL; }

GK_API int gk_report_set_source(gk_report *r, const char *utf8, size_t len) {
  len = gk__nul_len(utf8, len);
  return r ? set_string(&r->source, utf8, len, 0) : GK_EINVAL;
}

GK_API const char *gk_report_section(const gk_report *r, gk_section section) {
  return (r && section >= 0 && section < GK_NSECTIONS) ? r->sections[section] : NULL;
}

GK_API int gk_report_set_section(gk_report *r, gk_section section, const char *utf8, size_t len) {
  len = gk__nul_len(utf8, len);
  if (!r || section < 0 || section >= GK_NSECTIONS) return GK_EINVAL;
  return set_string(&r->sections[section], utf8, len, 0);
}

int gk__report_set_section_valid(gk_report *r, int section, const char *utf8, size_t len) {
  if (!r || section < 0 || section >= GK_NSECTIONS) return GK_EINVAL;
  return set_string(&r->sections[section], utf8, len, 1);
}

GK_API uint32_t gk_report_section_line(const gk_report *r, gk_section section) {
  return (r && section >= 0 && section < GK_NSECTIONS) ? r->section_line[section] : 0;
}

GK_API int gk_report_set_section_line(gk_report *r, gk_section section, uint32_t line) {
  if (!r || section < 0 || section >= GK_NSECTIONS) return GK_EINVAL;
  r->section_line[section] = line;
  return GK_OK;
}

/* ------------------------------------------------------------------ cells */
const gk__edition *gk__report_ed(const gk_report *r) { return r->ed; }

const gk__cell *gk__report_cells(const gk_report *r, int table) {
  return (table >= 0 && table < GK_NTABLES) ? r->cells[table] : NULL;
}

gk__cell *gk__report_cells_mut(gk_report *r, int table) {
  return (table >= 0 && table < GK_NTABLES) ? r->cells[table] : NULL;
}

const char *gk__report_cell_literal(const gk_report *r, const gk__cell *c) {
  return literal_of(r, c);
}

uint32_t gk__report_part_order(const gk_report *r, int part) {
  return (part >= 0 && part < GK__NPARTS) ? r->part_order[part] : 0;
}

void gk__report_set_part_order(gk_report *r, int part, uint32_t order) {
  if (part >= 0 && part < GK__NPARTS) r->part_order[part] = order;
}

const gk__cell *gk__cell_at(const gk_report *r, int table, size_t row, size_t col) {
  if (!r || table < 0 || table >= GK_NTABLES) return NULL;
  const gk__table_decl *t = &r->ed->tables[table];
  if (row >= t->nrows || col >= t->ncols) return NULL;
  return &r->cells[table][row * t->ncols + col];
}

static gk__cell *cell_mut(gk_report *r, int table, size_t row, size_t col) {
  if (!r || !gk_schema_cell_exists(r->edition, table, row, col)) return NULL;
  return &r->cells[table][row * r->ed->tables[table].ncols + col];
}

/* Settable: the cell exists and its row holds printed values. */
static gk__cell *cell_settable(gk_report *r, int table, size_t row, size_t col) {
  gk__cell *c = cell_mut(r, table, row, col);
  if (!c || !(r->ed->tables[table].rows[row].flags & GK_ROW_STORED)) return NULL;
  return c;
}

int gk__cell_effective(const gk_report *r, int table, size_t row, size_t col, int *state_out,
                       int64_t *value_out) {
  *state_out = GK_CELL_BLANK;
  *value_out = 0;
  if (!gk__cell_at(r, table, row, col)) return GK_EINVAL;
  /* the derived-row sum: derived.c */
  return gk__row_reading(state_out, value_out, &r->ed->tables[table], r->cells[table], row, col);
}

GK_API int gk_report_cell(int *state_out, int64_t *value_out, const gk_report *r, gk_table table,
                          size_t row, size_t col) {
  int st = GK_CELL_BLANK;
  int64_t v = 0;
  int rc = (r && gk_schema_cell_exists(r->edition, table, row, col))
               ? gk__cell_effective(r, table, row, col, &st, &v)
               : GK_EINVAL;
  if (state_out) *state_out = rc ? GK_CELL_BLANK : st;
  if (value_out) *value_out = rc ? 0 : v;
  return rc;
}

GK_API int gk_report_set_value(gk_report *r, gk_table table, size_t row, size_t col, int64_t value) {
  gk__cell *c = cell_settable(r, table, row, col);
  if (!c) return GK_EINVAL;
  if (value < 0 && r->ed->tables[table].cols[col].kind == GK_KIND_COUNT) return GK_ERANGE;
  c->state = GK_CELL_VALUE;
  c->value = value;
  c->lit = 0;
  return GK_OK;
}

GK_API int gk_report_set_blank(gk_report *r, gk_table table, size_t row, size_t col) {
  gk__cell *c = cell_settable(r, table, row, col);
  if (!c) return GK_EINVAL;
  c->state = GK_CELL_BLANK;
  c->value = 0;
  c->lit = 0;
  c->unit = GK_UNIT_DEFAULT;
  return GK_OK;
}

/* ------------------------------------------------------------------ literal pool */
/* The pool holds every literal ever set; overwritten ones are dead bytes. When
 * it must grow and at least half of it is dead, the live literals are copied to
 * a fresh pool instead (every cell visited once). A compaction follows at least
 * half a pool of appended bytes, and small pools are only grown, so the work
 * is linear in the bytes set and the pool stays within a few times the live
 * literals plus one literal. */
#define POOL_COMPACT_MIN 1024

static size_t report_ncells(const gk_report *r, int t) {
  return r->ed->tables[t].nrows * r->ed->tables[t].ncols;
}

static size_t pool_live(const gk_report *r) {
  size_t live = 0;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t k = 0; k < report_ncells(r, t); k++) {
      const gk__cell *c = &r->cells[t][k];
      if (c->state == GK_CELL_LITERAL && c->lit) live += strlen(r->pool + c->lit - 1) + 1;
    }
  return live;
}

/* Copy the live literals to a new pool of the same capacity; GK_ENOMEM leaves
 * the report as it was. */
static int pool_compact(gk_report *r) {
  char *np = gk__malloc(r->pool_cap);
  if (!np) return GK_ENOMEM;
  size_t len = 0;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t k = 0; k < report_ncells(r, t); k++) {
      gk__cell *c = &r->cells[t][k];
      if (c->state != GK_CELL_LITERAL || !c->lit) {
        c->lit = 0;
        continue;
      }
      const char *old = r->pool + c->lit - 1;
      size_t n = strlen(old) + 1;
      memcpy(np + len, old, n);
      c->lit = (uint32_t)len + 1;
      len += n;
    }
  gk__free(r->pool);
  r->pool = np;
  r->pool_len = len;
  return GK_OK;
}

/* Room for `need` more bytes: compact when half the pool is dead, else grow. */
static int pool_reserve(gk_report *r, size_t need) {
  if (r->pool_len + need <= r->pool_cap) return GK_OK;
  if (r->pool_cap >= POOL_COMPACT_MIN && pool_live(r) <= r->pool_len / 2 && pool_compact(r) == GK_OK &&
      r->pool_len + need <= r->pool_cap)
    return GK_OK;
  size_t cap = r->pool_cap ? r->pool_cap : 64;
  while (cap < r->pool_len + need) cap *= 2;
  char *p = gk__realloc(r->pool, cap);
  if (!p) return GK_ENOMEM;
  r->pool = p;
  r->pool_cap = cap;
  return GK_OK;
}

size_t gk__report_pool_size(const gk_report *r) { return r ? r->pool_cap : 0; }

static int set_literal(gk_report *r, int table, size_t row, size_t col, const char *utf8, size_t len,
                       int checked) {
  gk__cell *c = cell_settable(r, table, row, col);
  if (!c || !utf8 || len == 0 || len > LITERAL_MAX) return GK_EINVAL;
  if (!text_ok(utf8, len, checked)) return GK_EENCODING;
  if (r->pool_len + len + 1 > UINT32_MAX - 1) return GK_EOVERFLOW;
  int rc = pool_reserve(r, len + 1);
  if (rc) return rc;
  memcpy(r->pool + r->pool_len, utf8, len);
  r->pool[r->pool_len + len] = '\0';
  c->state = GK_CELL_LITERAL;
  c->value = 0;
  c->lit = (uint32_t)r->pool_len + 1;
  c->unit = GK_UNIT_DEFAULT;
  r->pool_len += len + 1;
  return GK_OK;
}

GK_API int gk_report_set_literal(gk_report *r, gk_table table, size_t row, size_t col,
                                 const char *utf8, size_t len) {
  len = gk__nul_len(utf8, len);
  return set_literal(r, table, row, col, utf8, len, 0);
}

int gk__report_set_literal_valid(gk_report *r, int table, size_t row, size_t col, const char *utf8,
                                 size_t len) {
  return set_literal(r, table, row, col, utf8, len, 1);
}

GK_API const char *gk_report_literal(const gk_report *r, gk_table table, size_t row, size_t col) {
  if (!r || !gk_schema_cell_exists(r->edition, table, row, col)) return NULL;
  return literal_of(r, gk__cell_at(r, table, row, col));
}

GK_API gk_unit gk_report_unit(const gk_report *r, gk_table table, size_t row, size_t col) {
  if (!r || !gk_schema_cell_exists(r->edition, table, row, col)) return GK_UNIT_DEFAULT;
  return (gk_unit)gk__cell_at(r, table, row, col)->unit;
}

GK_API int gk_report_set_unit(gk_report *r, gk_table table, size_t row, size_t col, gk_unit unit) {
  gk__cell *c = cell_settable(r, table, row, col);
  if (!c || !gk__unit_valid(unit)) return GK_EINVAL;
  if (unit != GK_UNIT_DEFAULT && r->ed->tables[table].cols[col].kind != GK_KIND_AMOUNT)
    return GK_EINVAL;
  c->unit = (uint8_t)unit;
  return GK_OK;
}

GK_API uint32_t gk_report_line(const gk_report *r, gk_table table, size_t row, size_t col) {
  if (!r || !gk_schema_cell_exists(r->edition, table, row, col)) return 0;
  return gk__cell_at(r, table, row, col)->line;
}

GK_API int gk_report_set_line(gk_report *r, gk_table table, size_t row, size_t col, uint32_t line) {
  gk__cell *c = cell_mut(r, table, row, col);
  if (!c) return GK_EINVAL;
  c->line = line;
  return GK_OK;
}

static void row_blank(int *states_out, int64_t *values_out, size_t n) {
  for (size_t c = 0; c < n; c++) {
    if (states_out) states_out[c] = GK_CELL_BLANK;
    if (values_out) values_out[c] = 0;
  }
}

GK_API int gk_report_row(int *states_out, int64_t *values_out, size_t n, const gk_report *r,
                         gk_table table, size_t row) {
  row_blank(states_out, values_out, n);
  if (!r || table < 0 || table >= GK_NTABLES || row >= r->ed->tables[table].nrows)
    return GK_EINVAL;
  size_t nc = r->ed->tables[table].ncols;
  for (size_t c = 0; c < n; c++) {
    int st = GK_CELL_BLANK;
    int64_t v = 0;
    if (c < nc && gk_schema_cell_exists(r->edition, table, row, c)) {
      int rc = gk__cell_effective(r, table, row, c, &st, &v);
      if (rc) {
        row_blank(states_out, values_out, n);
        return rc;
      }
    }
    if (states_out) states_out[c] = st;
    if (values_out) values_out[c] = v;
  }
  return GK_OK;
}

GK_API int gk_report_path_find(int *table_out, size_t *row_out, size_t *col_out,
                               const gk_report *r, const char *path, size_t len) {
  if (!r) {
    if (table_out) *table_out = 0;
    if (row_out) *row_out = 0;
    if (col_out) *col_out = 0;
    return GK_EINVAL;
  }
  return gk_schema_path_find(table_out, row_out, col_out, r->edition, path, len);
}

GK_API int gk_report_text(char *buf, size_t cap, const gk_report *r, const char *path,
                          size_t len) {
  int t;
  size_t row, col;
  if (buf && cap) buf[0] = '\0';
  int rc = gk_report_path_find(&t, &row, &col, r, path, len);
  if (rc) return rc;
  int st;
  int64_t v;
  rc = gk__cell_effective(r, t, row, col, &st, &v);
  if (rc) return rc;
  if (st == GK_CELL_VALUE) return gk__format_value(buf, cap, r->ed->tables[t].cols[col].kind, v);
  const char *lit = st == GK_CELL_LITERAL ? literal_of(r, gk__cell_at(r, t, row, col)) : "";
  size_t n = strlen(lit);
  if (buf && cap) {
    size_t c = n < cap ? n : cap - 1;
    memcpy(buf, lit, c);
    buf[c] = '\0';
  }
  return (int)n;
}

GK_API int gk_report_set_text(gk_report *r, const char *path, const char *text, size_t len) {
  len = gk__nul_len(text, len);
  int t;
  size_t row, col;
  int rc = gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED);
  if (rc) return rc;
  if (!cell_settable(r, t, row, col)) return GK_EINVAL;
  if (!text || len == 0) return gk_report_set_blank(r, t, row, col);
  int64_t v;
  int unit;
  int kind = r->ed->tables[t].cols[col].kind;
  rc = gk__parse_cell_text(kind, text, len, &v, &unit);
  if (rc) return rc;
  rc = gk_report_set_value(r, t, row, col, v);
  if (!rc && kind == GK_KIND_AMOUNT) rc = gk_report_set_unit(r, t, row, col, unit);
  return rc;
}

GK_API size_t gk_report_count_filled(const gk_report *r, gk_table table) {
  if (!r || table < 0 || table >= GK_NTABLES) return 0;
  size_t n = r->ed->tables[table].nrows * r->ed->tables[table].ncols, k = 0;
  for (size_t i = 0; i < n; i++) k += r->cells[table][i].state != GK_CELL_BLANK;
  return k;
}

GK_API gk_completeness gk_report_completeness(int *table_out, size_t *row_out, const gk_report *r) {
  if (table_out) *table_out = r ? r->trunc_table : -1;
  if (row_out) *row_out = r ? r->trunc_row : SIZE_MAX;
  return r ? (gk_completeness)r->completeness : GK_COMPLETE;
}

GK_API int gk_report_set_completeness(gk_report *r, gk_completeness c, int table, size_t row) {
  if (!r || (int)c < GK_COMPLETE || (int)c > GK_PRE_FORMAT || table < -1 || table >= GK_NTABLES)
    return GK_EINVAL;
  if (table >= 0 && row != SIZE_MAX && row >= r->ed->tables[table].nrows) return GK_EINVAL;
  r->completeness = (int)c;
  r->trunc_table = table;
  r->trunc_row = table >= 0 ? row : SIZE_MAX;
  return GK_OK;
}

GK_API uint32_t gk_report_missing_tables(const gk_report *r) { return r ? r->missing_tables : 0; }

GK_API int gk_report_set_missing_tables(gk_report *r, uint32_t mask) {
  if (!r || (mask >> GK_NTABLES)) return GK_EINVAL;
  r->missing_tables = mask;
  return GK_OK;
}

/* The recognizer's setter (internal.h): r->ed's declaration read directly,
 * no lookup of the edition; the same checks and effects as the public setters. */
int gk__report_set_read(gk_report *r, int table, size_t row, size_t col, int state, int64_t value,
                        int unit) {
  const gk__table_decl *td = &r->ed->tables[table];
  if (row >= td->nrows || col >= td->ncols || !((td->rows[row].colmask >> col) & 1u) ||
      !(td->rows[row].flags & GK_ROW_STORED))
    return GK_EINVAL;
  gk__cell *c = &r->cells[table][row * td->ncols + col];
  if (state == GK_CELL_BLANK) {
    c->state = GK_CELL_BLANK, c->value = 0, c->lit = 0, c->unit = GK_UNIT_DEFAULT;
    return GK_OK;
  }
  if (value < 0 && td->cols[col].kind == GK_KIND_COUNT) return GK_ERANGE;
  c->state = GK_CELL_VALUE, c->value = value, c->lit = 0;
  if (unit < 0) return GK_OK;
  if (!gk__unit_valid(unit) || (unit != GK_UNIT_DEFAULT && td->cols[col].kind != GK_KIND_AMOUNT))
    return GK_EINVAL;
  c->unit = (uint8_t)unit;
  return GK_OK;
}
