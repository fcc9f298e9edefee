/* SPDX-License-Identifier: MIT */
/* libgkreport: the summary panel (include/gkreport/summary.h). Each row keeps
 * its cells as text (what an exporter writes) plus a numeric key for sorting;
 * columns are the report's metadata, its finding counts, the main totals
 * declared with the format (gk__panel_totals) and the indicators. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "json_int.h"
#include "gkreport/summary.h"
#include "gkreport/validate.h"
#include "gkreport/indicator.h"

typedef struct {
  char *text;   /* "" when blank */
  int64_t key;  /* value, or percent x 100 */
  int has_key;
} scell;

struct gk_summary {
  scell *cells; /* rows x ncols, row-major */
  size_t nrows, cap;
};

enum { C_FILE, C_AGENCY, C_LEVEL, C_KIND, C_REGION, C_YEAR, C_EDITION, C_COMPLETENESS,
       C_ERRORS, C_WARNINGS, C_NMETA };

static const struct { const char *id, *zh, *en; int kind; } meta_cols[C_NMETA] = {
  {"file", "文件", "file", GK_SUMMARY_TEXT},
  {"agency", "机关", "agency", GK_SUMMARY_TEXT},
  {"level", "层级", "level", GK_SUMMARY_TEXT},
  {"kind", "类型", "kind", GK_SUMMARY_TEXT},
  {"region", "地区", "region", GK_SUMMARY_TEXT},
  {"year", "年度", "year", GK_SUMMARY_INTEGER},
  {"edition", "格式", "edition", GK_SUMMARY_TEXT},
  {"completeness", "完整性", "completeness", GK_SUMMARY_TEXT},
  {"errors", "错误", "errors", GK_SUMMARY_INTEGER},
  {"warnings", "警告", "warnings", GK_SUMMARY_INTEGER},
};

GK_API size_t gk_summary_col_count(void) {
  return C_NMETA + gk__npanel_totals + gk_indicator_count();
}

GK_API const char *gk_summary_col_id(size_t c) {
  if (c < C_NMETA) return meta_cols[c].id;
  if ((c -= C_NMETA) < gk__npanel_totals) return gk__panel_totals[c].id;
  return gk_indicator_id(c - gk__npanel_totals);
}

GK_API const char *gk_summary_col_label(size_t c, gk_lang lang) {
  int en = lang == GK_LANG_EN;
  if (c < C_NMETA) return en ? meta_cols[c].en : meta_cols[c].zh;
  if ((c -= C_NMETA) < gk__npanel_totals) return en ? gk__panel_totals[c].en : gk__panel_totals[c].zh;
  return gk_indicator_name(c - gk__npanel_totals, lang);
}

GK_API int gk_summary_col_kind(size_t c) {
  if (c < C_NMETA) return meta_cols[c].kind;
  if ((c -= C_NMETA) < gk__npanel_totals)
    return strstr(gk__panel_totals[c].path, "/amount") ? GK_SUMMARY_DECIMAL : GK_SUMMARY_INTEGER;
  return c - gk__npanel_totals < gk_indicator_count() ? GK_SUMMARY_PERCENT : -1;
}

GK_API int gk_summary_col_find(size_t *index_out, const char *id) {
  if (index_out) *index_out = 0;
  if (!index_out || !id) return GK_EINVAL;
  for (size_t c = 0; c < gk_summary_col_count(); c++)
    if (strcmp(gk_summary_col_id(c), id) == 0) {
      *index_out = c;
      return GK_OK;
    }
  return GK_ENOTFOUND;
}

GK_API int gk_summary_new(gk_summary **out) {
  if (!out) return GK_EINVAL;
  *out = gk__calloc(1, sizeof **out);
  return *out ? GK_OK : GK_ENOMEM;
}

static void free_row(scell *row) {
  for (size_t c = 0; c < gk_summary_col_count(); c++) gk__free(row[c].text);
}

GK_API void gk_summary_free(gk_summary *s) {
  if (!s) return;
  size_t nc = gk_summary_col_count();
  for (size_t i = 0; i < s->nrows; i++) free_row(&s->cells[i * nc]);
  gk__free(s->cells);
  gk__free(s);
}

GK_API size_t gk_summary_row_count(const gk_summary *s) { return s ? s->nrows : 0; }

GK_API const char *gk_summary_cell(const gk_summary *s, size_t row, size_t c) {
  if (!s || row >= s->nrows || c >= gk_summary_col_count()) return NULL;
  return s->cells[row * gk_summary_col_count() + c].text;
}

static int put(scell *c, const char *text, int has_key, int64_t key) {
  c->text = gk__strdup(text ? text : "");
  c->has_key = has_key;
  c->key = key;
  return c->text ? GK_OK : GK_ENOMEM;
}

static int put_int(scell *c, int64_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "%lld", (long long)v);
  return put(c, buf, 1, v);
}

/* Completeness as a key: complete, truncated, tables_missing, pre_format, and
 * blank_tables for a copy whose tables hold no cell at all. */
static const char *completeness_key(const gk_report *r) {
  switch (gk_report_completeness(NULL, NULL, r)) {
  case GK_TRUNCATED: return "truncated";
  case GK_TABLES_MISSING: return "tables_missing";
  case GK_PRE_FORMAT: return "pre_format";
  default: break;
  }
  size_t filled = 0;
  for (int t = 0; t < GK_NTABLES; t++) filled += gk_report_count_filled(r, t);
  return filled ? "complete" : "blank_tables";
}

static int put_meta(scell *row, const gk_report *r, const char *file, const gk_diags *import) {
  char ed[16];
  snprintf(ed, sizeof ed, "%d", gk_report_edition(r));
  int rc = put(&row[C_FILE], file ? file : gk_report_source(r), 0, 0);
  if (!rc) rc = put(&row[C_AGENCY], gk_report_agency(r, GK_AGENCY_NAME), 0, 0);
  if (!rc) rc = put(&row[C_LEVEL], gk_report_agency_level(r) ? gk_schema_level_key(gk_report_agency_level(r)) : "", 0, 0);
  if (!rc) rc = put(&row[C_KIND], gk_report_agency_kind(r) ? gk_schema_agency_kind_key(gk_report_agency_kind(r)) : "", 0, 0);
  if (!rc) rc = put(&row[C_REGION], gk_report_agency(r, GK_AGENCY_REGION), 0, 0);
  if (!rc) rc = gk_report_year(r) ? put_int(&row[C_YEAR], gk_report_year(r)) : put(&row[C_YEAR], "", 0, 0);
  if (!rc) rc = put(&row[C_EDITION], ed, 0, 0);
  if (!rc) rc = put(&row[C_COMPLETENESS], completeness_key(r), 0, 0);
  gk_diags *d = NULL;
  if (!rc) rc = gk_diags_new(&d);
  if (!rc && import) rc = gk_diags_append(d, import);
  if (!rc) rc = gk_report_validate(r, NULL, d);
  if (!rc) {
    size_t errors = gk_diags_count_severity(d, GK_SEV_ERROR);
    rc = put_int(&row[C_ERRORS], (int64_t)errors);
    if (!rc) rc = put_int(&row[C_WARNINGS], (int64_t)(gk_diags_count_severity(d, GK_SEV_WARNING) - errors));
  }
  gk_diags_free(d);
  return rc;
}

static int put_total(scell *c, const gk_report *r, const char *path) {
  int t, state = GK_CELL_BLANK;
  size_t row, col;
  int64_t v = 0;
  char buf[64];
  if (gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED) != GK_OK) return put(c, "", 0, 0);
  int rc = gk_report_cell(&state, &v, r, t, row, col);
  if (rc == GK_EOVERFLOW) return put(c, "", 0, 0);
  if (rc) return rc;
  if (gk_report_text(buf, sizeof buf, r, path, GK_NUL_TERMINATED) < 0) buf[0] = '\0';
  return put(c, buf, state == GK_CELL_VALUE, v);
}

static int put_indicator(scell *c, const gk_report *r, size_t i) {
  int64_t num, den, key = 0;
  char buf[48];
  if (gk_report_indicator(&num, &den, r, i) != GK_OK) return put(c, "", 0, 0);
  if (gk_indicator_format(buf, sizeof buf, num, den) < 0) return put(c, "", 0, 0);
  int ok = gk_decimal_parse(&key, buf, strlen(buf)) == GK_OK;
  return put(c, buf, ok, key);
}

static int grow(gk_summary *s) {
  size_t nc = gk_summary_col_count();
  if (s->nrows < s->cap) return GK_OK;
  size_t cap = s->cap ? s->cap * 2 : 16;
  if (cap > SIZE_MAX / nc / sizeof(scell)) return GK_EOVERFLOW;
  scell *p = gk__realloc(s->cells, cap * nc * sizeof *p);
  if (!p) return GK_ENOMEM;
  s->cells = p;
  s->cap = cap;
  return GK_OK;
}

GK_API int gk_summary_add(gk_summary *s, const gk_report *r, const char *file,
                          const gk_diags *import_diags) {
  if (!s || !r) return GK_EINVAL;
  int rc = grow(s);
  if (rc) return rc;
  size_t nc = gk_summary_col_count();
  scell *row = &s->cells[s->nrows * nc];
  memset(row, 0, nc * sizeof *row);
  rc = put_meta(row, r, file, import_diags);
  for (size_t k = 0; !rc && k < gk__npanel_totals; k++)
    rc = put_total(&row[C_NMETA + k], r, gk__panel_totals[k].path);
  for (size_t i = 0; !rc && i < gk_indicator_count(); i++)
    rc = put_indicator(&row[C_NMETA + gk__npanel_totals + i], r, i);
  if (rc) {
    free_row(row);
    return rc;
  }
  s->nrows++;
  return GK_OK;
}

/* ---- sorting: a stable merge sort of row indexes by key ------------------- */

static int before(const scell *a, const scell *b, int desc) {
  if (a->has_key != b->has_key) return a->has_key; /* blank last */
  if (!a->has_key || a->key == b->key) return 0;
  return desc ? a->key > b->key : a->key < b->key;
}

GK_API int gk_summary_sort(gk_summary *s, const char *id, int descending) {
  size_t c;
  if (!s || !id) return GK_EINVAL;
  int rc = gk_summary_col_find(&c, id);
  if (rc) return rc;
  if (gk_summary_col_kind(c) == GK_SUMMARY_TEXT) return GK_EINVAL;
  size_t nc = gk_summary_col_count(), n = s->nrows;
  if (n < 2) return GK_OK;
  scell *tmp = gk__malloc(n * nc * sizeof *tmp);
  if (!tmp) return GK_ENOMEM;
  for (size_t w = 1; w < n; w *= 2) { /* bottom-up merge of row blocks */
    for (size_t lo = 0; lo < n; lo += 2 * w) {
      size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      size_t i = lo, j = mid, k = lo;
      while (i < mid || j < hi) {
        int take_j = j < hi && (i >= mid || before(&s->cells[j * nc + c], &s->cells[i * nc + c], descending));
        size_t from = take_j ? j++ : i++;
        memcpy(&tmp[k++ * nc], &s->cells[from * nc], nc * sizeof *tmp);
      }
    }
    memcpy(s->cells, tmp, n * nc * sizeof *tmp);
  }
  gk__free(tmp);
  return GK_OK;
}

/* ---- export ------------------------------------------------------------- */

GK_API int gk_summary_to_csv(char **out, size_t *len_out, const gk_summary *s) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !s) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  size_t nc = gk_summary_col_count();
  for (size_t c = 0; c < nc; c++) {
    if (c) gk__buf_putc(&b, ',');
    gk__buf_puts(&b, gk_summary_col_id(c));
  }
  gk__buf_putc(&b, '\n');
  for (size_t i = 0; i < s->nrows; i++) {
    for (size_t c = 0; c < nc; c++) {
      const char *t = s->cells[i * nc + c].text;
      if (c) gk__buf_putc(&b, ',');
      gk__csv_field(&b, t, strlen(t));
    }
    gk__buf_putc(&b, '\n');
  }
  return gk__buf_finish(&b, out, len_out);
}

static const char *const kind_keys[] = {"text", "integer", "decimal", "percent"};

GK_API int gk_summary_to_json(char **out, size_t *len_out, const gk_summary *s) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !s) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  size_t nc = gk_summary_col_count();
  gk__buf_puts(&b, "{\"columns\":[");
  for (size_t c = 0; c < nc; c++) {
    const char *zh = gk_summary_col_label(c, GK_LANG_ZH), *en = gk_summary_col_label(c, GK_LANG_EN);
    gk__buf_printf(&b, "%s{\"id\":", c ? "," : "");
    gk__json_str(&b, gk_summary_col_id(c), strlen(gk_summary_col_id(c)));
    gk__buf_puts(&b, ",\"zh\":");
    gk__json_str(&b, zh, strlen(zh));
    gk__buf_puts(&b, ",\"en\":");
    gk__json_str(&b, en, strlen(en));
    gk__buf_printf(&b, ",\"kind\":\"%s\"}", kind_keys[gk_summary_col_kind(c)]);
  }
  gk__buf_puts(&b, "],\"rows\":[");
  for (size_t i = 0; i < s->nrows; i++) {
    gk__buf_puts(&b, i ? ",\n{" : "\n{");
    for (size_t c = 0; c < nc; c++) {
      const scell *x = &s->cells[i * nc + c];
      const char *id = gk_summary_col_id(c);
      if (c) gk__buf_putc(&b, ',');
      gk__json_str(&b, id, strlen(id));
      gk__buf_putc(&b, ':');
      int kind = gk_summary_col_kind(c);
      if (!x->text[0]) gk__buf_puts(&b, "null");
      else if (kind == GK_SUMMARY_INTEGER && x->has_key) gk__buf_printf(&b, "%lld", (long long)x->key);
      else gk__json_str(&b, x->text, strlen(x->text));
    }
    gk__buf_putc(&b, '}');
  }
  gk__buf_puts(&b, "]}\n");
  return gk__buf_finish(&b, out, len_out);
}
