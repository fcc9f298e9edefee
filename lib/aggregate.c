/* SPDX-License-Identifier: MIT */
/* Consolidation: summing reports cell by cell (format.md §8) and the views shared
 * with the series (view.c: which cells the editions have in common). The checks of each
 * contributor are in aggregate_findings.c, the overlap in aggregate_overlap.c,
 * the saved document in aggregate_doc.c, JSON Lines input in jsonl.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gkreport/aggregate.h"
#include "gkreport/validate.h"
#include "rules_int.h"
#include "stats_int.h"

/* ================================================================== findings */
int gk__stats_emit(gk_diags *d, int sev, const char *rule, const char *zh, const char *en,
                   const char *file, uint32_t line, const char *const *cells,
                   const char *expected, const char *actual) {
  if (!d) return GK_OK;
  const gk__rule_info *ri = gk__rule_find(rule); /* the catalogue's severity rules */
  if (ri) sev = ri->severity;
  size_t n0 = gk_diags_count(d), k;
  int rc = gk_diags_add(&k, d, sev, rule, zh, en, file, line, 0);
  for (size_t i = 0; !rc && cells && cells[i]; i++) rc = gk_diags_add_cell(d, k, cells[i]);
  if (!rc && (expected || actual)) rc = gk_diags_set_values(d, k, expected, actual);
  if (rc) gk__diags_truncate(d, n0);
  return rc;
}

/* ================================================================== aggregate */
static int newest_edition(void) {
  size_t n = gk_schema_edition_count();
  return gk_schema_edition_id(n ? n - 1 : 0);
}

GK_API int gk_aggregate_new(gk_aggregate **out, uint32_t flags) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  gk_aggregate *a = gk__calloc(1, sizeof *a);
  if (!a) return GK_ENOMEM;
  a->flags = flags;
  uint32_t all = 0;
  for (size_t i = 0; i < gk_schema_edition_count() && i < GK__MAX_EDITIONS; i++) all |= 1u << i;
  int rc = gk__view_build(&a->view, all, 1);
  if (!rc) rc = gk_report_new(&a->common, newest_edition(), 0);
  if (rc) {
    gk_aggregate_free(a);
    return rc;
  }
  *out = a;
  return GK_OK;
}

void gk__con_free(contributor *c) {
  gk__free(c->name);
  gk__free(c->code);
  gk__free(c->region);
}

GK_API void gk_aggregate_free(gk_aggregate *a) {
  if (!a) return;
  for (int i = 0; i < GK__MAX_EDITIONS; i++) gk_report_free(a->acc[i]);
  gk_report_free(a->common);
  gk__view_free(&a->view);
  for (size_t i = 0; i < a->ncon; i++) gk__con_free(&a->con[i]);
  gk__free(a->con);
  gk__jsonl_free(a->jsonl);
  gk_diags_free(a->vscratch);
  gk_validate_opts_free(a->vopts);
  gk__aggkeys_free(&a->keys);
  gk__free(a);
}

/* How many yuan-cells make one 万元-cell (the declared units). */
static int64_t yuan_per_wanyuan(void) {
  return gk__unit_decl_of(GK_UNIT_WANYUAN)->yuan / gk__unit_decl_of(GK_UNIT_YUAN)->yuan;
}

/* The value a stored cell contributes to the full sum of its edition. A stored
 * derived row (2021 other) contributes only in the columns where its children are
 * all blank (else the children carry it). */
static int full_contrib(const gk_report *r, int t, size_t row, size_t col, int *has,
                        int64_t *v, int *unit, int *literal) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[t];
  const gk__cell *c = gk__cell_at(r, t, row, col);
  *has = 0, *v = 0, *unit = GK_UNIT_DEFAULT, *literal = 0;
  if (c->state == GK_CELL_LITERAL) {
    *literal = 1;
    return GK_OK;
  }
  if (c->state != GK_CELL_VALUE) return GK_OK;
  if (gk__derived_reads_children(td, gk__report_cells(r, t), row, col)) return GK_OK;
  *has = 1;
  *v = c->value;
  *unit = c->unit;
  if (td->cols[col].kind == GK_KIND_AMOUNT) {
    if (*unit == GK_UNIT_YUAN && c->value % yuan_per_wanyuan() == 0) {
      *v = c->value / yuan_per_wanyuan();
      *unit = GK_UNIT_WANYUAN;
    } else if (*unit == GK_UNIT_DEFAULT) {
      *unit = td->cols[col].unit; /* the unit the column states, if any */
    }
  }
  return GK_OK;
}

static int cell_check(const gk__cell *dst, int has, int64_t v) {
  int64_t s;
  if (!has || dst->state != GK_CELL_VALUE) return GK_OK;
  return gk__add64(&s, dst->value, v);
}

static void cell_add(gk__cell *dst, int has, int64_t v, int unit) {
  if (!has) return;
  if (dst->state != GK_CELL_VALUE) {
    dst->state = GK_CELL_VALUE;
    dst->value = v;
    dst->unit = (uint8_t)unit;
    return;
  }
  dst->value += v;
  if (dst->unit != unit) dst->unit = GK__UNIT_MIXED;
}

gk__cell *gk__agg_cell(gk_report *r, int t, size_t row, size_t col) {
  return &gk__report_cells_mut(r, t)[row * gk__report_ed(r)->tables[t].ncols + col];
}
#define cell_rw gk__agg_cell

/* Walk the report's contributions: pass 0 checks for overflow, pass 1 adds. */
static int add_pass(gk_aggregate *a, gk_report *acc, const gk_report *r, int commit) {
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(r)->tables[t];
    const gk__cell *cells = gk__report_cells(r, t);
    for (size_t row = 0; row < td->nrows; row++) {
      if (!(td->rows[row].flags & GK_ROW_STORED)) continue;
      for (size_t col = 0; col < td->ncols; col++) {
        if (!((td->rows[row].colmask >> col) & 1u)) continue;
        if (cells[row * td->ncols + col].state != GK_CELL_VALUE) continue; /* fast path */
        int has, unit, lit;
        int64_t v;
        full_contrib(r, t, row, col, &has, &v, &unit, &lit);
        gk__cell *dst = cell_rw(acc, t, row, col);
        if (commit)
          cell_add(dst, has, v, unit);
        else if (cell_check(dst, has, v))
          return GK_EOVERFLOW;
      }
    }
  }
  int hi = gk__ed_index(gk_report_edition(a->common)), ei = gk__ed_index(gk_report_edition(r));
  for (size_t k = 0; k < a->view.n; k++) {
    const gk__view_entry *e = &a->view.e[k];
    size_t row = (size_t)e->row[hi], col = (size_t)e->col[hi];
    if (e->row[ei] < 0 ||
        !(gk__report_ed(a->common)->tables[e->table].rows[row].flags & GK_ROW_STORED))
      continue;
    const gk__table_decl *td = &gk__report_ed(r)->tables[e->table];
    size_t srow = (size_t)e->row[ei], scol = (size_t)e->col[ei];
    int st;
    int64_t v;
    if (!(td->rows[srow].flags & GK_ROW_DERIVED)) { /* a stored cell: read it directly */
      const gk__cell *c = &gk__report_cells(r, e->table)[srow * td->ncols + scol];
      st = c->state;
      v = c->value;
    } else {
      int rc = gk__cell_effective(r, e->table, srow, scol, &st, &v);
      if (rc) return rc;
    }
    gk__cell *dst = cell_rw(a->common, e->table, row, col);
    if (commit)
      cell_add(dst, st == GK_CELL_VALUE, v, GK_UNIT_DEFAULT);
    else if (cell_check(dst, st == GK_CELL_VALUE, v))
      return GK_EOVERFLOW;
  }
  return GK_OK;
}

int gk__con_reserve(gk_aggregate *a, size_t extra) {
  if (a->flags & GK_AGGREGATE_NO_CONTRIBUTORS) return GK_OK;
  if (a->ncon + extra <= a->capcon) return GK_OK;
  size_t cap = a->capcon ? a->capcon : 8;
  while (cap < a->ncon + extra) cap *= 2;
  contributor *p = gk__realloc(a->con, cap * sizeof *p);
  if (!p) return GK_ENOMEM;
  a->con = p;
  a->capcon = cap;
  return GK_OK;
}

int gk__con_make(contributor *c, const char *name, const char *code, const char *region,
                 int year, int edition, int level, int kind) {
  memset(c, 0, sizeof *c);
  c->year = year, c->edition = edition, c->level = level, c->kind = kind;
  if ((name && !(c->name = gk__strdup(name))) || (code && !(c->code = gk__strdup(code))) ||
      (region && !(c->region = gk__strdup(region)))) {
    gk__con_free(c);
    return GK_ENOMEM;
  }
  return GK_OK;
}

static void years_merge(gk_aggregate *a, int lo, int hi, uint64_t n) {
  if (!n) return;
  if (a->count == 0) {
    a->year_min = lo, a->year_max = hi;
    return;
  }
  if (lo < a->year_min) a->year_min = lo;
  if (hi > a->year_max) a->year_max = hi;
}

GK_API int gk_aggregate_add(gk_aggregate *a, const gk_report *r, gk_diags *diags) {
  if (!a || !r) return GK_EINVAL;
  if (gk__ed_index(gk_report_edition(r)) < 0) return GK_EUNSUPPORTED;
  return gk__aggregate_add_at(a, r, diags, NULL, 0);
}

static int overflow_finding(gk_aggregate *a, const gk_report *r, gk_diags *d, const char *file,
                            uint32_t line) {
  const char *n = gk_report_agency(r, GK_AGENCY_NAME);
  if (!n) n = "?";
  char zh[512], en[512];
  snprintf(zh, sizeof zh, "%.200s（%d年）计入后数值之和超出范围，该报告未计入", n,
           gk_report_year(r));
  snprintf(en, sizeof en, "adding %.200s (%d) would overflow a sum; the report was skipped", n,
           gk_report_year(r));
  int rc = gk__agg_emit(a, d, "aggregate.overflow", zh, en, file ? file : gk_report_source(r), line,
                        NULL, NULL, NULL);
  return rc ? rc : GK_EOVERFLOW;
}

/* Sum r's cells (the contributor checks done): GK_EOVERFLOW with an
 * aggregate.overflow finding, the aggregate unchanged. */
int gk__aggregate_sum(gk_aggregate *a, const gk_report *r, gk_diags *diags, const char *file,
                      uint32_t line);
int gk__aggregate_sum(gk_aggregate *a, const gk_report *r, gk_diags *diags, const char *file,
                      uint32_t line) {
  int ei = gk__ed_index(gk_report_edition(r));
  gk_report *fresh = NULL, *acc = a->acc[ei];
  int rc;
  if (!acc) {
    if ((rc = gk_report_new(&fresh, gk_report_edition(r), 0))) return rc;
    acc = fresh;
  }
  rc = add_pass(a, acc, r, 0);
  if (rc == GK_EOVERFLOW) {
    gk_report_free(fresh);
    return overflow_finding(a, r, diags, file, line);
  }
  contributor c;
  int have_con = 0;
  if (!rc && !(a->flags & GK_AGGREGATE_NO_CONTRIBUTORS)) {
    rc = gk__con_reserve(a, 1);
    if (!rc)
      rc =
          gk__con_make(&c, gk_report_agency(r, GK_AGENCY_NAME), gk_report_agency(r, GK_AGENCY_CODE),
                       gk_report_agency(r, GK_AGENCY_REGION), gk_report_year(r),
                       gk_report_edition(r), gk_report_agency_level(r), gk_report_agency_kind(r));
    have_con = !rc;
  }
  /* literal findings before anything changes, so a failure leaves a as it was */
  size_t n0 = gk_diags_count(diags);
  uint64_t lits = 0;
  for (int t = 0; !rc && t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(r)->tables[t];
    for (size_t row = 0; !rc && row < td->nrows; row++)
      for (size_t col = 0; !rc && col < td->ncols; col++) {
        const gk__cell *cl = gk__cell_at(r, t, row, col);
        if (cl->state != GK_CELL_LITERAL) continue;
        lits++;
        char path[96], zh[512], en[512];
        gk__path(path, r, t, row, col);
        const char *txt = gk__report_cell_literal(r, cl);
        if (!txt) txt = "";
        snprintf(zh, sizeof zh, "单元格 %s 为文字“%.120s”，汇总时按空白计", path, txt);
        snprintf(en, sizeof en, "cell %s holds the literal \"%.120s\", counted as blank", path,
                 txt);
        const char *cells[] = {path, NULL};
        rc = gk__agg_emit(a, diags, "aggregate.literal", zh, en, file ? file : gk_report_source(r),
                          line ? line : cl->line, cells, NULL, txt);
      }
  }
  if (rc) {
    if (diags) gk__diags_truncate(diags, n0);
    if (have_con) gk__con_free(&c);
    gk_report_free(fresh);
    return rc;
  }
  add_pass(a, acc, r, 1);
  if (fresh) a->acc[ei] = fresh;
  if (have_con) a->con[a->ncon++] = c;
  years_merge(a, gk_report_year(r), gk_report_year(r), 1);
  a->count++;
  a->per_ed[ei]++;
  a->literals += lits;
  return GK_OK;
}

/* Sum src's stored cells into dst (same edition); pass 0 checks, pass 1 adds. */
static int merge_cells(gk_report *dst, const gk_report *src, int commit) {
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(src)->tables[t];
    const gk__cell *sc = gk__report_cells(src, t);
    gk__cell *dc = gk__report_cells_mut(dst, t);
    for (size_t i = 0; i < td->nrows * td->ncols; i++) {
      const gk__cell *s = &sc[i];
      gk__cell *d = &dc[i];
      int has = s->state == GK_CELL_VALUE;
      if (commit)
        cell_add(d, has, s->value, s->unit);
      else if (cell_check(d, has, s->value))
        return GK_EOVERFLOW;
    }
  }
  return GK_OK;
}

GK_API int gk_aggregate_merge(gk_aggregate *a, const gk_aggregate *b) {
  if (!a || !b) return GK_EINVAL;
  if (b->count == 0) return GK_OK;
  gk_report *fresh[GK__MAX_EDITIONS] = {NULL};
  int rc = GK_OK;
  for (int i = 0; !rc && i < GK__MAX_EDITIONS; i++) {
    if (!b->acc[i]) continue;
    if (!a->acc[i])
      rc = gk_report_new(&fresh[i], gk_report_edition(b->acc[i]), 0);
    else rc = merge_cells(a->acc[i], b->acc[i], 0);
  }
  if (!rc) rc = merge_cells(a->common, b->common, 0);
  if (!rc) rc = gk__aggkeys_reserve(&a->keys, b->keys.n);
  size_t nb = (b->flags & GK_AGGREGATE_NO_CONTRIBUTORS) ? 0 : b->ncon, made = 0;
  contributor *tmp = NULL;
  if (!rc && !(a->flags & GK_AGGREGATE_NO_CONTRIBUTORS) && nb) {
    tmp = gk__calloc(nb, sizeof *tmp);
    rc = tmp ? gk__con_reserve(a, nb) : GK_ENOMEM;
    while (!rc && made < nb) {
      const contributor *s = &b->con[made];
      rc = gk__con_make(&tmp[made], s->name, s->code, s->region, s->year, s->edition, s->level,
                    s->kind);
      if (!rc) made++;
    }
  }
  if (rc) {
    for (size_t k = 0; tmp && k < made; k++) gk__con_free(&tmp[k]);
    gk__free(tmp);
    for (int i = 0; i < GK__MAX_EDITIONS; i++) gk_report_free(fresh[i]);
    return rc;
  }
  uint64_t bcount = b->count, blits = b->literals, bper[GK__MAX_EDITIONS];
  int ymin = b->year_min, ymax = b->year_max;
  memcpy(bper, b->per_ed, sizeof bper);
  for (int i = 0; i < GK__MAX_EDITIONS; i++) {
    if (!b->acc[i]) continue;
    if (fresh[i]) a->acc[i] = fresh[i];
    merge_cells(a->acc[i], b->acc[i], 1);
  }
  merge_cells(a->common, b->common, 1);
  if (tmp) {
    memcpy(a->con + a->ncon, tmp, made * sizeof *tmp);
    a->ncon += made;
    gk__free(tmp);
  }
  if ((b->flags & GK_AGGREGATE_NO_CONTRIBUTORS) && !(a->flags & GK_AGGREGATE_NO_CONTRIBUTORS)) {
    /* a list missing b's reports would be wrong: a stops listing too */
    for (size_t k = 0; k < a->ncon; k++) gk__con_free(&a->con[k]);
    gk__free(a->con);
    a->con = NULL;
    a->ncon = a->capcon = 0;
    a->flags |= GK_AGGREGATE_NO_CONTRIBUTORS;
  }
  gk__aggkeys_merge(&a->keys, &b->keys, &a->dup_merged); /* room reserved: cannot fail */
  a->dup_merged += b->dup_merged;
  if (b->known_min && (!a->known_min || b->known_min < a->known_min)) a->known_min = b->known_min;
  if (b->known_max > a->known_max) a->known_max = b->known_max;
  a->left_out += b->left_out;
  a->skipped += b->skipped;
  years_merge(a, ymin, ymax, bcount);
  a->count += bcount;
  a->literals += blits;
  for (int i = 0; i < GK__MAX_EDITIONS; i++) a->per_ed[i] += bper[i];
  return GK_OK;
}

GK_API uint64_t gk_aggregate_count(const gk_aggregate *a) { return a ? a->count : 0; }
GK_API uint64_t gk_aggregate_literal_count(const gk_aggregate *a) { return a ? a->literals : 0; }

static int ed_present(const gk_aggregate *a, int *single_out) {
  int n = 0;
  *single_out = -1;
  for (int i = 0; i < GK__MAX_EDITIONS; i++)
    if (a->per_ed[i]) {
      n++;
      *single_out = i;
    }
  return n;
}

GK_API gk_edition gk_aggregate_edition(const gk_aggregate *a) {
  int one;
  if (!a || a->count == 0) return 0;
  return ed_present(a, &one) == 1 ? gk_schema_edition_id((size_t)one)
                                  : gk_report_edition(a->common);
}

GK_API int gk_aggregate_mixed(const gk_aggregate *a) {
  int one;
  return a && ed_present(a, &one) > 1;
}

/* A stored derived row (2021 other) that got printed values from some reports and
 * children from others: fold the children into it, so the result reads the full sum. */
static int fold_stored_parents(gk_report *r) {
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(r)->tables[t];
    for (size_t p = 0; p < td->nrows; p++) {
      uint32_t f = td->rows[p].flags;
      if (!(f & GK_ROW_DERIVED) || !(f & GK_ROW_STORED)) continue;
      for (size_t col = 0; col < td->ncols; col++) {
        gk__cell *pc = cell_rw(r, t, p, col);
        if (pc->state != GK_CELL_VALUE) continue;
        int64_t sum = pc->value;
        int any = 0;
        for (size_t k = 0; k < td->nrows; k++) {
          if (td->rows[k].parent != (int)p) continue;
          const gk__cell *c = cell_rw(r, t, k, col);
          if (c->state != GK_CELL_VALUE) continue;
          any = 1;
          if (gk__add64(&sum, sum, c->value)) return GK_EOVERFLOW;
        }
        if (!any) continue;
        pc->value = sum;
        for (size_t k = 0; k < td->nrows; k++)
          if (td->rows[k].parent == (int)p) memset(cell_rw(r, t, k, col), 0, sizeof(gk__cell));
      }
    }
  }
  return GK_OK;
}

GK_API int gk_aggregate_result(gk_report **out, const gk_aggregate *a, const char *name) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!a) return GK_EINVAL;
  if (a->count == 0) return GK_ENOTFOUND;
  int one;
  const gk_report *src = ed_present(a, &one) == 1 ? a->acc[one] : a->common;
  gk_report *r = NULL;
  int rc = gk_report_clone(&r, src);
  if (!rc) rc = fold_stored_parents(r);
  if (!rc) rc = gk_report_set_year(r, a->year_min == a->year_max ? a->year_min : 0);
  if (!rc && name) rc = gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name));
  if (rc) {
    gk_report_free(r);
    return rc;
  }
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(r)->tables[t];
    gk__cell *cells = gk__report_cells_mut(r, t);
    for (size_t i = 0; i < td->nrows * td->ncols; i++) {
      gk__cell *c = &cells[i];
      if (c->unit == GK__UNIT_MIXED ||
          (c->unit != GK_UNIT_DEFAULT && c->unit == td->cols[i % td->ncols].unit))
        c->unit = GK_UNIT_DEFAULT;
    }
  }
  *out = r;
  return GK_OK;
}

static int check_editions(const gk_aggregate *a, gk_diags *d) {
  int one;
  if (ed_present(a, &one) < 2) return GK_OK;
  uint32_t mask = 0;
  gk__buf eds;
  gk__buf_init(&eds);
  for (int i = 0; i < GK__MAX_EDITIONS; i++)
    if (a->per_ed[i]) {
      mask |= 1u << i;
      gk__buf_printf(&eds, "%s%d (%llu)", eds.len ? ", " : "", gk_schema_edition_id((size_t)i),
                     (unsigned long long)a->per_ed[i]);
    }
  gk__view full;
  int rc = eds.err ? eds.err : gk__view_build(&full, mask, 0);
  if (rc) {
    gk__buf_free(&eds);
    return rc;
  }
  /* dropped: cells of one edition only that hold a value in that edition's sum */
  size_t ncells = 0;
  const char **cells = gk__calloc(full.n + 1, sizeof *cells);
  if (!cells) rc = GK_ENOMEM;
  for (size_t k = 0; !rc && k < full.n; k++) {
    const gk__view_entry *e = &full.e[k];
    if (e->comparable) continue;
    for (int i = 0; i < GK__MAX_EDITIONS; i++) {
      if (e->row[i] < 0 || !a->acc[i]) continue;
      const gk__cell *c = gk__cell_at(a->acc[i], e->table, (size_t)e->row[i], (size_t)e->col[i]);
      if (c->state == GK_CELL_VALUE) {
        cells[ncells++] = e->path;
        break;
      }
    }
  }
  if (!rc) {
    /* what the common view does is the rule's description (rules.c), not spelt here */
    const gk__rule_info *ri = gk__rule_find("aggregate.editions");
    char zh[512], en[512], drop[32];
    snprintf(zh, sizeof zh, "%s：%s，结果为%d年格式；舍弃了%zu个有数据的单元格", ri->zh,
             eds.data, gk_report_edition(a->common), ncells);
    snprintf(en, sizeof en, "%s: editions %s, the result in edition %d; %zu cells with values "
             "dropped", ri->en, eds.data, gk_report_edition(a->common), ncells);
    snprintf(drop, sizeof drop, "%zu", ncells);
    rc = gk__stats_emit(d, GK_SEV_INFO, "aggregate.editions", zh, en, NULL, 0, cells, NULL, drop);
  }
  gk__free(cells);
  gk__view_free(&full);
  gk__buf_free(&eds);
  return rc;
}

static int check_units(const gk_aggregate *a, gk_diags *d) {
  for (int i = 0; i < GK__MAX_EDITIONS; i++) {
    const gk_report *r = a->acc[i];
    for (int t = 0; r && t < GK_NTABLES; t++) {
      const gk__table_decl *td = &gk__report_ed(r)->tables[t];
      for (size_t row = 0; row < td->nrows; row++)
        for (size_t col = 0; col < td->ncols; col++) {
          if (gk__cell_at(r, t, row, col)->unit != GK__UNIT_MIXED) continue;
          char path[96];
          gk__path(path, r, t, row, col);
          const char *cells[] = {path, NULL};
          int rc = gk__stats_emit(d, GK_SEV_WARNING, "aggregate.unit",
                                  "汇总的金额单位不一致（元、万元或未注明）", 
                                  "amounts in different units (元, 万元 or none stated) were summed",
                                  NULL, 0, cells, NULL, NULL);
          if (rc) return rc;
        }
    }
  }
  return GK_OK;
}

/* aggregate.years: contributors of different years, unless asked for. */
static int check_years(const gk_aggregate *a, gk_diags *d) {
  if (a->known_min == a->known_max || (a->flags & GK_AGGREGATE_MULTI_YEAR)) return GK_OK;
  char zh[256], en[256], y[32];
  snprintf(y, sizeof y, "%d-%d", a->known_min, a->known_max);
  snprintf(zh, sizeof zh, "汇总了不同年度（%d至%d年）的报告；如确需跨年度汇总，请明确要求", a->known_min,
           a->known_max);
  snprintf(en, sizeof en,
           "reports of different years (%d to %d) were summed; ask for a multi-year sum "
           "explicitly if that is meant",
           a->known_min, a->known_max);
  return gk__stats_emit(d, GK_SEV_ERROR, "aggregate.years", zh, en, NULL, 0, NULL, NULL, y);
}

/* aggregate.duplicate across merged parts (already summed: only reported). */
static int check_merged_duplicates(const gk_aggregate *a, gk_diags *d) {
  if (!a->dup_merged) return GK_OK;
  char zh[256], en[256], n[32];
  snprintf(n, sizeof n, "%llu", (unsigned long long)a->dup_merged);
  snprintf(zh, sizeof zh, "合并的部分汇总中有%s份报告重复（同一机关同一年度，或表格相同），已重复计算", n);
  snprintf(en, sizeof en,
           "%s %s in more than one of the merged parts (one agency and year, or "
           "the same tables): counted twice",
           n, a->dup_merged == 1 ? "report appears" : "reports appear");
  return gk__stats_emit(d, GK_SEV_ERROR, "aggregate.duplicate", zh, en, NULL, 0, NULL, "0", n);
}

GK_API int gk_aggregate_check(const gk_aggregate *a, gk_diags *diags) {
  if (!a || !diags) return GK_EINVAL;
  size_t n0 = gk_diags_count(diags);
  int rc = gk__overlap_check(a, diags);
  if (!rc) rc = check_years(a, diags);
  if (!rc) rc = check_merged_duplicates(a, diags);
  if (!rc) rc = gk__agg_emit_suppressed(a, diags);
  if (!rc) rc = check_editions(a, diags);
  if (!rc) rc = check_units(a, diags);
  if (rc) gk__diags_truncate(diags, n0);
  return rc;
}

GK_API size_t gk_aggregate_contributor_count(const gk_aggregate *a) { return a ? a->ncon : 0; }

GK_API uint64_t gk_aggregate_left_out_count(const gk_aggregate *a) { return a ? a->left_out : 0; }
GK_API uint64_t gk_aggregate_skipped_count(const gk_aggregate *a) { return a ? a->skipped : 0; }

GK_API int gk_aggregate_set_finding_cap(gk_aggregate *a, uint64_t cap) {
  if (!a) return GK_EINVAL;
  a->cap = cap;
  return GK_OK;
}

GK_API int gk_aggregate_contributor(const char **name_out, int *year_out, int *edition_out,
                                    const gk_aggregate *a, size_t i) {
  if (name_out) *name_out = NULL;
  if (year_out) *year_out = 0;
  if (edition_out) *edition_out = 0;
  if (!a || i >= a->ncon) return GK_EINVAL;
  if (name_out) *name_out = a->con[i].name;
  if (year_out) *year_out = a->con[i].year;
  if (edition_out) *edition_out = a->con[i].edition;
  return GK_OK;
}
