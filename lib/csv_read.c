/* SPDX-License-Identifier: MIT */
/* Read back the CSV gk_report_to_csv writes (include/gkreport/csv.h): one
 * report, a line per cell, with or without its header line, plain or for
 * Excel (a byte-order mark, CRLF, three more columns). RFC 4180 fields; a
 * text the writer neutralised against formula injection loses its leading
 * apostrophe again. The first error stops the reader: csv.syntax (quotes, the
 * number of fields), csv.key (an unknown table, row, column or state, a cell
 * given twice), csv.value (a value its column cannot hold, a line of another
 * report), each at its line and column. Linear in the input. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "gkreport/csv.h"

#define NF_PLAIN 8  /* agency,year,edition,table,row,col,state,value */
#define NF_EXCEL 11 /* ...,source,row_label,col_label */

static const char *const header[NF_EXCEL] = {"agency", "year",  "edition", "table",     "row",      "col",
                                             "state",  "value", "source",  "row_label", "col_label"};

typedef struct {
  size_t off, n; /* in the input, or (quoted) in the reader's scratch buffer */
  int quoted;
  size_t at;     /* its first byte in the input (its column is counted only for a finding) */
} fld;

typedef struct {
  const char *s;
  size_t n, pos;
  uint32_t line;      /* the current line (1-based) */
  uint32_t rec_line;  /* the line the record starts on */
  gk__buf q;          /* the text of the quoted fields of the record */
  fld f[NF_EXCEL + 1];
  size_t nf;          /* fields of the record (NF_EXCEL + 1: too many) */
  const char *source;
  gk_diags *d;
} rd;

/* The column (1-based, code points) of byte `at`: counted back to its line's
 * start, for a finding only (once a document: linear). */
static uint32_t col_at(const rd *x, size_t at) {
  size_t c = 1, i = at < x->n ? at : x->n;
  while (i > 0 && x->s[i - 1] != '\n') c += ((unsigned char)x->s[--i] & 0xC0) != 0x80;
  return c > UINT32_MAX ? UINT32_MAX : (uint32_t)c;
}

/* A finding of rule `rule` at line, column; GK_EPARSE (GK_ENOMEM when it
 * could not be recorded). */
static int fail(rd *x, const char *rule, uint32_t line, uint32_t col, const char *zh, const char *en) {
  if (!x->d) return GK_EPARSE;
  int rc = gk_diags_add(NULL, x->d, GK_SEV_ERROR, rule, zh, en, x->source, line, col);
  return rc ? rc : GK_EPARSE;
}

static const char *fld_text(const rd *x, const fld *f) {
  return f->quoted ? (x->q.data ? x->q.data + f->off : "") : x->s + f->off;
}

/* A quoted field from x->pos (at its opening quote): its text unescaped into
 * x->q; x->pos past its closing quote. */
static int quoted_field(rd *x, fld *f, uint32_t line) {
  f->quoted = 1, f->off = x->q.len, x->pos++;
  for (;;) {
    const char *qt = memchr(x->s + x->pos, '"', x->n - x->pos);
    if (!qt)
      return fail(x, "csv.syntax", line, col_at(x, f->at), "引号没有闭合", "a quoted field is not closed");
    size_t e = (size_t)(qt - x->s);
    for (size_t i = x->pos; i < e; i++) /* line breaks inside the field */
      x->line += x->s[i] == '\n';
    gk__buf_put(&x->q, x->s + x->pos, e - x->pos);
    x->pos = e + 1;
    if (x->pos < x->n && x->s[x->pos] == '"') { /* "" is a quote */
      gk__buf_putc(&x->q, '"');
      x->pos++;
      continue;
    }
    f->n = x->q.len - f->off;
    return x->q.err ? GK_ENOMEM : GK_OK;
  }
}

/* The next record into x->f / x->nf; x->pos past its line end. */
static int record(rd *x) {
  x->q.len = 0, x->nf = 0;
  uint32_t line = x->rec_line = x->line;
  for (;;) {
    fld tmp, *f = x->nf <= NF_EXCEL ? &x->f[x->nf] : &tmp;
    f->at = x->pos, f->quoted = 0;
    if (x->pos < x->n && x->s[x->pos] == '"') {
      int rc = quoted_field(x, f, line);
      if (rc) return rc;
    } else {
      size_t e = x->pos;
      while (e < x->n && x->s[e] != ',' && x->s[e] != '\n' && x->s[e] != '"') e++;
      if (e < x->n && x->s[e] == '"')
        return fail(x, "csv.syntax", x->line, col_at(x, e), "未加引号的字段中有引号",
                    "a quote inside a field that is not quoted");
      f->off = x->pos, f->n = e - x->pos, x->pos = e;
      if (f->n && x->s[f->off + f->n - 1] == '\r' && (e == x->n || x->s[e] == '\n')) f->n--; /* CRLF */
    }
    if (x->nf <= NF_EXCEL) x->nf++;
    if (x->pos < x->n && x->s[x->pos] == ',') {
      x->pos++;
      continue;
    }
    if (x->pos < x->n && x->s[x->pos] == '\r' && x->pos + 1 < x->n && x->s[x->pos + 1] == '\n') x->pos++;
    if (x->pos < x->n && x->s[x->pos] != '\n')
      return fail(x, "csv.syntax", x->line, col_at(x, x->pos), "闭合引号后应为逗号或行尾",
                  "a comma or the line's end must follow a closing quote");
    if (x->pos < x->n) x->pos++, x->line++;
    return GK_OK;
  }
}

static int fld_is(const rd *x, size_t k, const char *s) {
  size_t n = strlen(s);
  return x->f[k].n == n && memcmp(fld_text(x, &x->f[k]), s, n) == 0;
}

/* Is the record the header line (agency … value, and the Excel columns)? */
static int is_header(const rd *x) {
  if (x->nf != NF_PLAIN && x->nf != NF_EXCEL) return 0;
  for (size_t k = 0; k < x->nf; k++)
    if (!fld_is(x, k, header[k])) return 0;
  return 1;
}

/* The text of field k, a neutralised formula's apostrophe taken off. */
static const char *plain_text(const rd *x, size_t k, size_t *n) {
  const char *t = fld_text(x, &x->f[k]);
  *n = x->f[k].n;
  if (x->f[k].quoted && *n > 1 && t[0] == '\'' && gk__csv_formula_like(t + 1, *n - 1)) t++, --*n;
  return t;
}

/* The index of key field k among count keys key(i), else -1. */
static long key_index(const rd *x, size_t k, size_t count, const char *(*key)(const void *, size_t), const void *arg) {
  for (size_t i = 0; i < count; i++)
    if (fld_is(x, k, key(arg, i))) return (long)i;
  return -1;
}

typedef struct {
  gk_edition ed;
  gk_table t;
} keyarg;
static const char *table_key(const void *a, size_t i) { (void)a; return gk_schema_table_key((gk_table)i); }
static const char *row_key(const void *a, size_t i) {
  const keyarg *k = a;
  return gk_schema_row_key(k->ed, k->t, i);
}
static const char *col_key(const void *a, size_t i) {
  const keyarg *k = a;
  return gk_schema_col_key(k->ed, k->t, i);
}
static const char *edition_key(const void *a, size_t i) {
  char *buf = (char *)a;
  snprintf(buf, 16, "%d", (int)gk_schema_edition_id(i));
  return buf;
}

/* The first data line: the report, of its edition and year, for its agency
 * (and source, in the Excel form). */
static int first_report(rd *x, gk_report **out) {
  char eb[16];
  long e = key_index(x, 2, gk_schema_edition_count(), edition_key, eb);
  if (e < 0) return fail(x, "csv.value", x->rec_line, col_at(x, x->f[2].at), "未知的格式版本", "unknown edition");
  int year = 0;
  const char *yt = fld_text(x, &x->f[1]);
  for (size_t i = 0; i < x->f[1].n; i++) {
    if (yt[i] < '0' || yt[i] > '9' || year > 999)
      return fail(x, "csv.value", x->rec_line, col_at(x, x->f[1].at), "年度应为1至9999的整数", "the year must be 1 to 9999");
    year = year * 10 + (yt[i] - '0');
  }
  int rc = gk_report_new(out, gk_schema_edition_id((size_t)e), year);
  size_t n;
  const char *a = plain_text(x, 0, &n);
  if (!rc && n) rc = gk_report_set_agency(*out, GK_AGENCY_NAME, a, n);
  if (x->nf == NF_EXCEL) { /* its own column names the source, when it was known */
    const char *src = plain_text(x, 8, &n);
    if (!rc && n) rc = gk_report_set_source(*out, src, n);
  } else if (!rc && x->source) {
    rc = gk_report_set_source(*out, x->source, strlen(x->source));
  }
  if (rc == GK_EINVAL) rc = fail(x, "csv.value", x->rec_line, col_at(x, x->f[0].at), "机关名称或来源无效", "an invalid agency name or source");
  return rc;
}

/* Does the line belong to the report the first line opened? */
static int same_report(const rd *x, const gk_report *r) {
  char b[32];
  size_t n;
  const char *a = plain_text(x, 0, &n), *name = gk_report_agency(r, GK_AGENCY_NAME);
  if (strlen(name ? name : "") != n || (n && memcmp(a, name, n) != 0)) return 0;
  if (gk_report_year(r)) snprintf(b, sizeof b, "%d", gk_report_year(r));
  else b[0] = '\0';
  if (!fld_is(x, 1, b)) return 0;
  snprintf(b, sizeof b, "%d", (int)gk_report_edition(r));
  return fld_is(x, 2, b);
}

/* The cells given, a byte each (every table's rows and columns fit). */
#define SEEN_ROWS 64
#define SEEN_COLS 16

/* One cell's line into r; seen[] marks the cells given. */
static int cell_line(rd *x, gk_report *r, uint8_t *seen) {
  uint32_t ln = x->rec_line;
  if (!same_report(x, r))
    return fail(x, "csv.value", ln, col_at(x, x->f[0].at), "这一行属于另一份报告（机关、年度或版本不同）：一个CSV文件只读一份报告",
                "this line belongs to another report (agency, year or edition differ): one CSV file holds one report");
  keyarg ka = {gk_report_edition(r), 0};
  long t = key_index(x, 3, GK_NTABLES, table_key, NULL);
  if (t < 0) return fail(x, "csv.key", ln, col_at(x, x->f[3].at), "未知的表格键", "unknown table key");
  ka.t = (gk_table)t;
  long row = key_index(x, 4, gk_schema_nrows(ka.ed, ka.t), row_key, &ka);
  if (row < 0) return fail(x, "csv.key", ln, col_at(x, x->f[4].at), "该表没有这一行键", "no row of this key in the table");
  long col = key_index(x, 5, gk_schema_ncols(ka.ed, ka.t), col_key, &ka);
  if (col < 0 || !gk_schema_cell_exists(ka.ed, ka.t, (size_t)row, (size_t)col))
    return fail(x, "csv.key", ln, col_at(x, x->f[5].at), "该行没有这一栏", "no such column in this row");
  int stored = (gk_schema_row_flags(ka.ed, ka.t, (size_t)row) & GK_ROW_STORED) != 0;
  if (fld_is(x, 6, "derived") && !stored) return GK_OK; /* a subtotal the writer computed */
  size_t at = ((size_t)t * SEEN_ROWS + (size_t)row) * SEEN_COLS + (size_t)col;
  if (!stored) return fail(x, "csv.key", ln, col_at(x, x->f[4].at), "这一行是计算得出的小计，不能填写", "a derived row holds no cells of its own");
  if (seen[at]) return fail(x, "csv.key", ln, col_at(x, x->f[3].at), "同一单元格出现两次", "the same cell is given twice");
  seen[at] = 1;
  size_t n;
  const char *v = plain_text(x, 7, &n);
  if (fld_is(x, 6, "blank")) {
    if (n) return fail(x, "csv.value", ln, col_at(x, x->f[7].at), "空白单元格不应有值", "a blank cell holds no value");
    return GK_OK;
  }
  if (fld_is(x, 6, "literal")) return gk_report_set_literal(r, ka.t, (size_t)row, (size_t)col, v, n);
  if (!fld_is(x, 6, "value")) return fail(x, "csv.key", ln, col_at(x, x->f[6].at), "未知的状态（应为blank、value或literal）",
                                          "unknown state (blank, value or literal)");
  int64_t val;
  int unit;
  int kind = gk_schema_col_kind(ka.ed, ka.t, (size_t)col);
  size_t plain = 0; /* a number as the writer writes one: no unit, no word */
  while (plain < n && ((v[plain] >= '0' && v[plain] <= '9') || v[plain] == '.' || v[plain] == '-' || v[plain] == '+'))
    plain++;
  if (!n || plain < n ||
      gk__parse_cell_text(kind, v, n, &val, &unit) != GK_OK || unit != GK_UNIT_DEFAULT ||
      gk_report_set_value(r, ka.t, (size_t)row, (size_t)col, val) != GK_OK)
    return fail(x, "csv.value", ln, col_at(x, x->f[7].at), "数值无效（该栏不能容纳）", "an invalid value for this column");
  return GK_OK;
}

/* The records after the header (or from the first line): the report. */
static int read_cells(rd *x, gk_report **out) {
  uint8_t *seen = gk__calloc((size_t)GK_NTABLES * SEEN_ROWS * SEEN_COLS, 1);
  if (!seen) return GK_ENOMEM;
  int rc = GK_OK, header_seen = 0;
  size_t want = 0; /* fields a line has: the header's, else the first line's */
  while (!rc && x->pos < x->n) {
    uint32_t line = x->line;
    rc = record(x);
    if (rc) break;
    if (x->nf == 1 && x->f[0].n == 0 && !x->f[0].quoted) continue; /* an empty line */
    if (!want && !*out && !header_seen && is_header(x)) {
      header_seen = 1, want = x->nf;
      continue;
    }
    if (!want) want = x->nf == NF_EXCEL ? NF_EXCEL : NF_PLAIN;
    if (x->nf != want) {
      char zh[96], en[96];
      snprintf(zh, sizeof zh, "这一行有%s%zu个字段，应为%zu个", x->nf > NF_EXCEL ? "多于" : "", x->nf > NF_EXCEL ? (size_t)NF_EXCEL : x->nf, want);
      snprintf(en, sizeof en, "this line has %s%zu fields, %zu expected", x->nf > NF_EXCEL ? "more than " : "", x->nf > NF_EXCEL ? (size_t)NF_EXCEL : x->nf, want);
      rc = fail(x, "csv.syntax", line, 1, zh, en);
      break;
    }
    if (!*out && (rc = first_report(x, out)) != GK_OK) break;
    rc = cell_line(x, *out, seen);
  }
  gk__free(seen);
  if (!rc && !*out)
    rc = fail(x, "csv.syntax", x->line, 1, "CSV中没有单元格行", "the CSV holds no line of cells");
  return rc;
}

GK_API int gk_report_from_csv(gk_report **out, const char *bytes, size_t len, const char *source_name,
                              gk_diags *diags) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!bytes && len) return GK_EINVAL;
  if (!bytes) bytes = "";
  size_t diag_from = gk_diags_count(diags);
  int rc = gk_input_check(len, 0, source_name, diags); /* lib/input.c */
  if (rc) return rc;
  rd x;
  memset(&x, 0, sizeof x);
  x.s = bytes, x.n = len, x.line = 1, x.source = source_name, x.d = diags;
  gk__buf_init(&x.q);
  size_t bad = len;
  int valid = gk__utf8_valid(bytes, len, &bad);
  const char *z = memchr(bytes, '\0', len);
  if (!valid || z) {
    size_t at = z ? (size_t)(z - bytes) : len;
    if (!valid && bad < at) at = bad;
    for (size_t i = 0; i < at; i++) x.line += bytes[i] == '\n';
    rc = fail(&x, "import.encoding", x.line, col_at(&x, at), "CSV不是有效的UTF-8文本", "the CSV is no valid UTF-8 text");
  }
  if (!rc && len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) x.pos = 3; /* Excel's BOM */
  if (!rc) rc = read_cells(&x, out);
  gk__buf_free(&x.q);
  if (rc && *out) {
    gk_report_free(*out);
    *out = NULL;
  }
  if (rc == GK_ENOMEM) gk__diags_truncate(diags, diag_from);
  return rc;
}
