/* SPDX-License-Identifier: MIT */
/* Writing JSON: a report document (gk_report_to_json) and a diagnostics list
 * (gk_diags_to_json). The text is written directly (no cJSON tree): numbers are
 * int64 and exact decimals, never doubles, and every byte goes through the
 * library's allocator. Tables, rows and columns come from the schema declarations.
 * Reading is in json_read.c. */
#include <string.h>
#include "json_int.h"
#include "gkreport/json.h"

/* ------------------------------------------------------------ units */
const char *gk__json_unit_text(int unit) {
  const gk__unit_decl *u = gk__unit_decl_of(unit);
  return u ? u->text : NULL;
}

int gk__json_unit_find(const char *text) {
  for (size_t i = 0; text && i < gk__nunits; i++)
    if (strcmp(gk__units[i].text, text) == 0) return gk__units[i].unit;
  return GK_ENOTFOUND;
}

/* ------------------------------------------------------------ the writer */
#define MAX_NEST 8

typedef struct {
  gk__buf b;
  int pretty;
  int depth;
  int count[MAX_NEST]; /* members written so far at each depth */
} jw;

static void newline(jw *w) {
  if (!w->pretty) return;
  gk__buf_putc(&w->b, '\n');
  for (int i = 0; i < w->depth; i++) gk__buf_put(&w->b, "  ", 2);
}

static void open_c(jw *w, char c) {
  gk__buf_putc(&w->b, c);
  w->count[++w->depth] = 0;
}

static void close_c(jw *w, char c) {
  int had = w->count[w->depth--];
  if (had) newline(w);
  gk__buf_putc(&w->b, c);
}

/* Start the next member (key != NULL) or array element. */
static void next(jw *w, const char *key) {
  if (w->count[w->depth]++) gk__buf_putc(&w->b, ',');
  newline(w);
  if (!key) return;
  gk__json_str(&w->b, key, strlen(key));
  gk__buf_puts(&w->b, w->pretty ? ": " : ":");
}

/* Separator inside an object or array kept on one line (cells, cell lists). */
static void inline_sep(jw *w, int *first) {
  if (!*first) gk__buf_puts(&w->b, w->pretty ? ", " : ",");
  *first = 0;
}

static void inline_key(jw *w, int *first, const char *key) {
  inline_sep(w, first);
  gk__json_str(&w->b, key, strlen(key));
  gk__buf_puts(&w->b, w->pretty ? ": " : ":");
}

static void put_str(jw *w, const char *s) {
  if (s)
    gk__json_str(&w->b, s, strlen(s));
  else
    gk__buf_puts(&w->b, "null");
}

static void member_str(jw *w, const char *key, const char *s) {
  next(w, key);
  put_str(w, s);
}

static int finish(jw *w, char **out, size_t *len_out) {
  if (w->pretty) gk__buf_putc(&w->b, '\n');
  return gk__buf_finish(&w->b, out, len_out);
}

static void init(jw *w, uint32_t flags) {
  memset(w, 0, sizeof *w);
  gk__buf_init(&w->b);
  w->pretty = (flags & GK_JSON_PRETTY) != 0;
}

/* ------------------------------------------------------------ report documents */
/* Whether a stored cell is written: any non-blank one, and a blank one with a line
 * when lines are kept. Derived rows that are not stored are never written. */
static int cell_written(const gk_report *r, int t, size_t row, size_t col, uint32_t flags) {
  if (!gk_schema_cell_exists(gk_report_edition(r), t, row, col)) return 0;
  if (!(gk_schema_row_flags(gk_report_edition(r), t, row) & GK_ROW_STORED)) return 0;
  const gk__cell *c = gk__cell_at(r, t, row, col);
  return c->state != GK_CELL_BLANK || ((flags & GK_JSON_LINES) && c->line);
}

static void write_value(jw *w, int kind, int64_t v) {
  char buf[48];
  int n = gk__format_value(buf, sizeof buf, kind, v);
  if (kind == GK_KIND_AMOUNT)
    gk__json_str(&w->b, buf, (size_t)n);
  else
    gk__buf_put(&w->b, buf, (size_t)n);
}

/* A cell: 3402, "59237.2449", {"literal": "-"}, or an object carrying the unit
 * and/or line: {"value": "251000", "unit": "元", "line": 118}, {"value": null, "line": 9}. */
static void write_cell(jw *w, const gk_report *r, int t, size_t row, size_t col, uint32_t flags) {
  const gk__cell *c = gk__cell_at(r, t, row, col);
  int kind = gk_schema_col_kind(gk_report_edition(r), t, col);
  uint32_t line = (flags & GK_JSON_LINES) ? c->line : 0;
  const char *unit = c->state == GK_CELL_VALUE ? gk__json_unit_text(c->unit) : NULL;
  next(w, gk_schema_col_key(gk_report_edition(r), t, col));
  if (c->state == GK_CELL_VALUE && !line && !unit) {
    write_value(w, kind, c->value);
    return;
  }
  int first = 1;
  gk__buf_putc(&w->b, '{');
  if (c->state == GK_CELL_LITERAL) {
    inline_key(w, &first, "literal");
    put_str(w, gk_report_literal(r, t, row, col));
  } else {
    inline_key(w, &first, "value");
    if (c->state == GK_CELL_VALUE)
      write_value(w, kind, c->value);
    else
      gk__buf_puts(&w->b, "null");
  }
  if (unit) {
    inline_key(w, &first, "unit");
    put_str(w, unit);
  }
  if (line) {
    inline_key(w, &first, "line");
    gk__buf_printf(&w->b, "%u", (unsigned)line);
  }
  gk__buf_putc(&w->b, '}');
}

static void write_tables(jw *w, const gk_report *r, uint32_t flags) {
  int ed = gk_report_edition(r);
  next(w, "tables");
  open_c(w, '{');
  for (int t = 0; t < GK_NTABLES; t++) {
    size_t nrows = gk_schema_nrows(ed, t), ncols = gk_schema_ncols(ed, t);
    int table_open = 0;
    for (size_t row = 0; row < nrows; row++) {
      int row_open = 0;
      for (size_t col = 0; col < ncols; col++) {
        if (!cell_written(r, t, row, col, flags)) continue;
        if (!table_open) {
          next(w, gk_schema_table_key(t));
          open_c(w, '{');
          table_open = 1;
        }
        if (!row_open) {
          next(w, gk_schema_row_key(ed, t, row));
          open_c(w, '{');
          row_open = 1;
        }
        write_cell(w, r, t, row, col, flags);
      }
      if (row_open) close_c(w, '}');
    }
    if (table_open) close_c(w, '}');
  }
  close_c(w, '}');
}

static void write_agency(jw *w, const gk_report *r) {
  static const char *const text_keys[] = {"name", "code", "region"}; /* GK_AGENCY_* order */
  const char *level = gk_schema_level_key(gk_report_agency_level(r)),
             *kind = gk_schema_agency_kind_key(gk_report_agency_kind(r));
  int any = level || kind;
  for (int f = 0; f < 3; f++) any |= gk_report_agency(r, f) != NULL;
  if (!any) return;
  next(w, "agency");
  open_c(w, '{');
  for (int f = 0; f < 3; f++)
    if (gk_report_agency(r, f)) member_str(w, text_keys[f], gk_report_agency(r, f));
  if (level) member_str(w, "level", level);
  if (kind) member_str(w, "kind", kind);
  close_c(w, '}');
}

static void write_sections(jw *w, const gk_report *r, uint32_t flags) {
  int open = 0;
  for (int s = 0; s < GK_NSECTIONS; s++) {
    uint32_t line = (flags & GK_JSON_LINES) ? gk_report_section_line(r, s) : 0;
    if (!gk_report_section(r, s) && !line) continue;
    if (!open) {
      next(w, "sections");
      open_c(w, '{');
      open = 1;
    }
    next(w, gk_schema_section_key(s));
    if (!line) {
      put_str(w, gk_report_section(r, s));
      continue;
    }
    int first = 1;
    gk__buf_putc(&w->b, '{');
    inline_key(w, &first, "text");
    put_str(w, gk_report_section(r, s));
    inline_key(w, &first, "line");
    gk__buf_printf(&w->b, "%u", (unsigned)line);
    gk__buf_putc(&w->b, '}');
  }
  if (open) close_c(w, '}');
}

GK_API int gk_report_to_json(char **out, size_t *len_out, const gk_report *r, uint32_t flags) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !r) return GK_EINVAL;
  jw w;
  init(&w, flags);
  open_c(&w, '{');
  next(&w, "gkreport");
  gk__buf_putc(&w.b, '1');
  next(&w, "edition");
  gk__buf_printf(&w.b, "\"%d\"", gk_report_edition(r));
  if (gk_report_year(r)) {
    next(&w, "year");
    gk__buf_printf(&w.b, "%d", gk_report_year(r));
  }
  write_agency(&w, r);
  if (gk_report_title(r)) member_str(&w, "title", gk_report_title(r));
  if (gk_report_source(r)) member_str(&w, "source", gk_report_source(r));
  write_sections(&w, r, flags);
  write_tables(&w, r, flags);
  close_c(&w, '}');
  return finish(&w, out, len_out);
}

/* ------------------------------------------------------------ diagnostics */
static void member_uint(jw *w, const char *key, uint32_t v) {
  next(w, key);
  if (v)
    gk__buf_printf(&w->b, "%u", (unsigned)v);
  else
    gk__buf_puts(&w->b, "null");
}

GK_API int gk_diags_to_json(char **out, size_t *len_out, const gk_diags *d, uint32_t flags) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !d) return GK_EINVAL;
  jw w;
  init(&w, flags);
  open_c(&w, '[');
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    next(&w, NULL);
    open_c(&w, '{');
    member_str(&w, "severity", gk_severity_key(gk_diag_severity(d, i)));
    member_str(&w, "rule", gk_diag_rule(d, i));
    member_str(&w, "message_zh", gk_diag_message(d, i, GK_LANG_ZH));
    member_str(&w, "message_en", gk_diag_message(d, i, GK_LANG_EN));
    next(&w, "cells");
    gk__buf_putc(&w.b, '[');
    int first = 1;
    for (size_t k = 0; k < gk_diag_ncells(d, i); k++) {
      inline_sep(&w, &first);
      put_str(&w, gk_diag_cell(d, i, k));
    }
    gk__buf_putc(&w.b, ']');
    member_str(&w, "expected", gk_diag_expected(d, i));
    member_str(&w, "actual", gk_diag_actual(d, i));
    member_str(&w, "file", gk_diag_file(d, i));
    member_uint(&w, "line", gk_diag_line(d, i));
    member_uint(&w, "column", gk_diag_column(d, i));
    member_str(&w, "suspect", gk_diag_suspect(d, i));
    member_str(&w, "suspect_value", gk_diag_suspect_value(d, i));
    if (gk_diag_ncandidates(d, i)) { /* an ambiguous repair: each candidate */
      next(&w, "candidates");
      gk__buf_putc(&w.b, '[');
      int firstc = 1;
      for (size_t k = 0; k < gk_diag_ncandidates(d, i); k++) {
        inline_sep(&w, &firstc);
        gk__buf_puts(&w.b, "{\"cell\":");
        put_str(&w, gk_diag_candidate(d, i, k));
        gk__buf_puts(&w.b, ",\"value\":");
        put_str(&w, gk_diag_candidate_value(d, i, k));
        gk__buf_putc(&w.b, '}');
      }
      gk__buf_putc(&w.b, ']');
    }
    if (gk_diag_note(d, i, GK_LANG_ZH)) {
      member_str(&w, "note_zh", gk_diag_note(d, i, GK_LANG_ZH));
      member_str(&w, "note_en", gk_diag_note(d, i, GK_LANG_EN));
    }
    next(&w, "waived");
    gk__buf_puts(&w.b, gk_diag_waived(d, i) ? "true" : "false");
    member_str(&w, "waiver_reason", gk_diag_waiver_reason(d, i));
    close_c(&w, '}');
  }
  close_c(&w, ']');
  return finish(&w, out, len_out);
}
