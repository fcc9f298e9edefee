/* SPDX-License-Identifier: MIT */
/* The saved aggregate (docs/aggregate.schema.json): partial sums per edition,
 * counts, contributors in canonical order and the keys of what was summed, with
 * names, never internal codes ("edition":"2021", "level":"county", units "元",
 * "万元", "mixed"). Read by the project's own JSON scanner (json_scan.c: strict
 * RFC 8259, bounded nesting, positions), numbers as integer tokens (no doubles),
 * every cell through the model's setters (a negative count or a derived row is
 * refused). Errors are located json.syntax / json.value items. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gkreport/aggregate.h"
#include "json_int.h"
#include "stats_int.h"

/* ================================================================== writer */
static int str_cmp(const char *x, const char *y) {
  if (!x || !y) return (x != NULL) - (y != NULL);
  return strcmp(x, y);
}

static int con_cmp(const void *pa, const void *pb) {
  const contributor *x = *(const contributor *const *)pa, *y = *(const contributor *const *)pb;
  if (x->year != y->year) return x->year < y->year ? -1 : 1;
  if (x->edition != y->edition) return x->edition < y->edition ? -1 : 1;
  int c = str_cmp(x->name, y->name);
  if (!c) c = str_cmp(x->code, y->code);
  if (!c) c = str_cmp(x->region, y->region);
  if (!c && x->kind != y->kind) c = x->kind < y->kind ? -1 : 1;
  if (!c && x->level != y->level) c = x->level < y->level ? -1 : 1;
  return c;
}

static void put_str(gk__buf *b, const char *s) {
  if (s) gk__json_str(b, s, strlen(s));
  else gk__buf_puts(b, "null");
}

static void put_cells(gk__buf *b, const gk_report *r) {
  gk__buf_printf(b, "{\"edition\":\"%d\",\"cells\":{", gk_report_edition(r));
  int first = 1;
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(r)->tables[t];
    for (size_t row = 0; row < td->nrows; row++)
      for (size_t col = 0; col < td->ncols; col++) {
        const gk__cell *c = gk__cell_at(r, t, row, col);
        if (c->state != GK_CELL_VALUE) continue;
        char path[96], val[48];
        gk__path(path, r, t, row, col);
        gk__format_value(val, sizeof val, td->cols[col].kind, c->value);
        const char *unit = c->unit == GK__UNIT_MIXED ? "mixed" : gk__json_unit_text(c->unit);
        gk__buf_printf(b, "%s\"%s\":", first ? "" : ",", path);
        if (unit) gk__buf_printf(b, "{\"value\":\"%s\",\"unit\":\"%s\"}", val, unit);
        else gk__buf_printf(b, "\"%s\"", val);
        first = 0;
      }
  }
  gk__buf_puts(b, "}}");
}

static void put_enum(gk__buf *b, const char *key) {
  if (key) gk__buf_printf(b, "\"%s\"", key);
  else gk__buf_puts(b, "null");
}

static int put_contributors(gk__buf *b, const gk_aggregate *a) {
  const contributor **order = a->ncon ? gk__malloc(a->ncon * sizeof *order) : NULL;
  if (a->ncon && !order) return GK_ENOMEM;
  for (size_t i = 0; i < a->ncon; i++) order[i] = &a->con[i];
  if (a->ncon) qsort(order, a->ncon, sizeof *order, con_cmp);
  gk__buf_puts(b, "\"contributors\":[");
  for (size_t i = 0; i < a->ncon; i++) {
    const contributor *c = order[i];
    gk__buf_puts(b, i ? ",{\"name\":" : "{\"name\":");
    put_str(b, c->name);
    gk__buf_puts(b, ",\"code\":");
    put_str(b, c->code);
    gk__buf_puts(b, ",\"region\":");
    put_str(b, c->region);
    gk__buf_puts(b, ",\"level\":");
    put_enum(b, c->level ? gk_schema_level_key(c->level) : NULL);
    gk__buf_puts(b, ",\"kind\":");
    put_enum(b, c->kind ? gk_schema_agency_kind_key(c->kind) : NULL);
    gk__buf_printf(b, ",\"year\":%d,\"edition\":\"%d\"}", c->year, c->edition);
  }
  gk__buf_puts(b, "]");
  gk__free(order);
  return GK_OK;
}

/* Keys in ascending order, so that equal aggregates give equal documents. */
static int u64_cmp(const void *x, const void *y) {
  uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
  return a < b ? -1 : a > b;
}

static int put_keys(gk__buf *b, const gk_aggregate *a) {
  uint64_t *k = a->keys.n ? gk__malloc(a->keys.n * sizeof *k) : NULL;
  if (a->keys.n && !k) return GK_ENOMEM;
  size_t n = 0;
  for (size_t i = 0; i < a->keys.cap; i++)
    if (a->keys.e[i] && n < a->keys.n) k[n++] = a->keys.e[i];
  if (n) qsort(k, n, sizeof *k, u64_cmp);
  gk__buf_puts(b, ",\"keys\":[");
  for (size_t i = 0; i < n; i++) gk__buf_printf(b, "%s\"%016llx\"", i ? "," : "", (unsigned long long)k[i]);
  gk__buf_puts(b, "]");
  gk__free(k);
  return GK_OK;
}

const gk__agg_option gk__agg_options[] = {{GK_AGGREGATE_NO_CONTRIBUTORS, "no_contributors"},
               {GK_AGGREGATE_MULTI_YEAR, "multi_year"},
               {GK_AGGREGATE_INCLUDE_INCOMPLETE, "include_incomplete"},
               {GK_AGGREGATE_CHECK_CONTRIBUTORS, "check_contributors"},
               {GK_AGGREGATE_REPAIR, "repair"}};
const size_t gk__nagg_options = sizeof gk__agg_options / sizeof gk__agg_options[0];

static void put_head(gk__buf *b, const gk_aggregate *a) {
  gk__buf_puts(b, "{\"gkaggregate\":2,\"options\":[");
  int first = 1;
  for (size_t i = 0; i < gk__nagg_options; i++)
    if (a->flags & gk__agg_options[i].flag) {
      gk__buf_printf(b, "%s\"%s\"", first ? "" : ",", gk__agg_options[i].name);
      first = 0;
    }
  gk__buf_printf(b,
                 "],\"count\":%llu,\"literals\":%llu,\"left_out\":%llu,\"skipped\":%llu,"
                 "\"duplicates_merged\":%llu,\"years\":[%d,%d],\"known_years\":[%d,%d],"
                 "\"per_edition\":{",
                 (unsigned long long)a->count, (unsigned long long)a->literals,
                 (unsigned long long)a->left_out, (unsigned long long)a->skipped,
                 (unsigned long long)a->dup_merged, a->year_min, a->year_max, a->known_min,
                 a->known_max);
  first = 1;
  for (int i = 0; i < GK__MAX_EDITIONS; i++)
    if (a->per_ed[i]) {
      gk__buf_printf(b, "%s\"%d\":%llu", first ? "" : ",", gk_schema_edition_id((size_t)i),
                     (unsigned long long)a->per_ed[i]);
      first = 0;
    }
  gk__buf_puts(b, "},\"sums\":[");
  first = 1;
  for (int i = 0; i < GK__MAX_EDITIONS; i++)
    if (a->acc[i]) {
      if (!first) gk__buf_putc(b, ',');
      put_cells(b, a->acc[i]);
      first = 0;
    }
  gk__buf_puts(b, "],\"common\":");
  put_cells(b, a->common);
  gk__buf_putc(b, ',');
}

GK_API int gk_aggregate_to_json(char **out, size_t *len_out, const gk_aggregate *a) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !a) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  put_head(&b, a);
  int rc = put_contributors(&b, a);
  if (!rc) rc = put_keys(&b, a);
  if (rc) {
    gk__buf_free(&b);
    return rc;
  }
  gk__buf_puts(&b, "}");
  return gk__buf_finish(&b, out, len_out);
}
