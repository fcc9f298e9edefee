/* SPDX-License-Identifier: MIT */
/* libgkreport internal declarations shared between lib/ files. Never installed.
 * Everything here is prefixed gk__ and has hidden visibility. */
#ifndef GKREPORT_INTERNAL_H
#define GKREPORT_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "gkreport/common.h"
#include "gkreport/schema.h"
#include "gkreport/report.h"
#include "gkreport/diag.h"
#include <string.h>

/* The length of a (s, len) string argument of a public function: strlen(s) when
 * len is GK_NUL_TERMINATED (0 for a NULL s), else len. */
static inline size_t gk__nul_len(const char *s, size_t len) {
  return len != GK_NUL_TERMINATED ? len : s ? strlen(s) : 0;
}

/* ------------------------------------------------------------ allocation
 * All library allocations go through these. With GK_ALLOC_SEAM (test builds only)
 * the N-th allocation can be made to fail: gk__alloc_fail_after(n) makes the
 * allocation number n (0-based, counted from the call) and every later one fail,
 * gk__alloc_fail_after(-1) turns failures off. */
void *gk__malloc(size_t n);
void *gk__calloc(size_t count, size_t size);
void *gk__realloc(void *p, size_t n);
void  gk__free(void *p);
char *gk__strndup(const char *s, size_t n);
char *gk__strdup(const char *s);
#ifdef GK_ALLOC_SEAM
void gk__alloc_fail_after(long n);
long gk__alloc_count(void);
#endif

/* ------------------------------------------------------------ growable buffer */
typedef struct {
  char  *data;
  size_t len, cap;
  int    err; /* first error (GK_ENOMEM), sticky: later appends are no-ops */
} gk__buf;
void gk__buf_init(gk__buf *b);
void gk__buf_free(gk__buf *b);
void gk__buf_put(gk__buf *b, const char *s, size_t n);
void gk__buf_puts(gk__buf *b, const char *s);
void gk__buf_putc(gk__buf *b, char c);
void gk__buf_printf(gk__buf *b, const char *fmt, ...)
#if defined(__GNUC__)
  __attribute__((format(printf, 2, 3)))
#endif
  ;
/* Hand the NUL-terminated data to the caller (*out, *len_out) or return the error. */
int gk__buf_finish(gk__buf *b, char **out, size_t *len_out);

/* Append one CSV field, quoted (RFC 4180) only when it must be. csv.c. */
void gk__csv_field(gk__buf *b, const char *s, size_t n);
/* Would a spreadsheet run s[0..n) as a formula (csv.c: the writer neutralises it
 * with a leading apostrophe, csv_read.c takes it off again)? */
int gk__csv_formula_like(const char *s, size_t n);

/* ------------------------------------------------------------ text helpers */
/* 1 if s[0..n) is valid UTF-8 (no overlongs, no surrogates), else 0. On failure
 * *bad_at (if not NULL) gets the byte offset of the first bad sequence. */
int gk__utf8_valid(const char *s, size_t n, size_t *bad_at);
/* Bytes as UTF-8, in one validating pass (encoding.c): UTF-8 input (its BOM
 * skipped) is a view into bytes (*owned NULL: no copy, not NUL-terminated);
 * GB18030 is converted into *owned (gk__free it), *text pointing there. *enc: a
 * GK_ENCODING_*. GK_OK, GK_ENOMEM, or GK_EENCODING with *bad_at, the byte offset
 * in bytes where the reading that got further stopped. */
int gk__text_decode(const char **text, size_t *n, char **owned, int *enc, size_t *bad_at,
                    const char *bytes, size_t len);
/* The one UTF-8 decoder (common.c): the code point at s[*i] (s valid UTF-8 or
 * not: a bad byte reads as itself), advancing *i. ASCII is decoded inline. */
uint32_t gk__utf8_next_multi(const char *s, size_t n, size_t *i);
static inline uint32_t gk__utf8_next(const char *s, size_t n, size_t *i) {
  unsigned char c = (unsigned char)s[*i];
  if (c < 0x80) {
    (*i)++;
    return c;
  }
  const unsigned char *u = (const unsigned char *)s + *i; /* 3 bytes: CJK, inline too */
  if ((c & 0xF0) == 0xE0 && n - *i >= 3 && (u[1] & 0xC0) == 0x80 && (u[2] & 0xC0) == 0x80) {
    *i += 3;
    return ((uint32_t)(c & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3Fu);
  }
  return gk__utf8_next_multi(s, n, i);
}
/* String helpers written once (strutil.c). The white-space test: ASCII white
 * space, NBSP, U+2000..U+200B, U+3000, U+FEFF. */
int gk__is_space_wide(uint32_t cp);
/* An ASCII digit 0-9. */
static inline int gk__is_digit(char c) { return c >= '0' && c <= '9'; }
/* 1 for white space: ASCII space, TAB, LF, VT, FF, CR; NBSP, U+2000..U+200B,
 * U+3000, U+FEFF. ASCII and CJK answered inline, the rest by gk__is_space_wide. */
static inline int gk__is_space(uint32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp > 0x3000 && cp < 0xFEFF) return 0; /* CJK and full-width forms */
  return gk__is_space_wide(cp);
}
/* Narrow s[0..*n) to leave out leading and trailing white space (gk__is_space). */
void gk__trim(const char **s, size_t *n);
/* Length of the white space (gk__is_space) encoded at s[i..n), 0 when none.
 * The bytes of text answer at once: printable ASCII, and every lead byte but
 * those of NBSP (C2), U+2000..200B (E2), U+3000 (E3) and U+FEFF (EF). */
size_t gk__space_at_wide(const unsigned char *s, size_t n);
static inline size_t gk__space_at(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (c != 0xC2 && c != 0xE2 && c != 0xE3 && c != 0xEF) return 0;
  return gk__space_at_wide((const unsigned char *)s + i, n - i);
}
/* Length of the white space that ends s[0..n), 0 when none. */
static inline size_t gk__space_before(const char *s, size_t n) {
  if (!n) return 0;
  unsigned char c = (unsigned char)s[n - 1];
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  if (n >= 2 && c == 0xA0 && (unsigned char)s[n - 2] == 0xC2) return 2;
  return n >= 3 && gk__space_at_wide((const unsigned char *)s + n - 3, 3) == 3 ? 3 : 0;
}
/* The one trim: narrow [*a, *b) of s to leave out white space at both ends. */
static inline void gk__trim_span(const char *s, size_t *a, size_t *b) {
  size_t k;
  while (*a < *b && (k = gk__space_at(s, *b, *a)) > 0) *a += k;
  while (*b > *a && (k = gk__space_before(s + *a, *b - *a)) > 0) *b -= k;
}
/* Offset of the first character of s[0..n) that is no white space (n none);
 * end of the last one (0 none). */
static inline size_t gk__trim_left(const char *s, size_t n) {
  size_t a = 0, k;
  while (a < n && (k = gk__space_at(s, n, a)) > 0) a += k;
  return a;
}
static inline size_t gk__trim_right(const char *s, size_t n) {
  size_t k;
  while (n && (k = gk__space_before(s, n)) > 0) n -= k;
  return n;
}
/* Append code point cp as UTF-8 (above U+10FFFF: U+FFFD). */
void gk__utf8_put(gk__buf *b, uint32_t cp);
/* The first needle[0..nn) in hay[0..hn), NULL none (strutil.c). */
const char *gk__memfind(const char *hay, size_t hn, const char *needle, size_t nn);
/* Checked int64 arithmetic: GK_OK or GK_EOVERFLOW. */
int gk__add64(int64_t *out, int64_t a, int64_t b);
int gk__mul64(int64_t *out, int64_t a, int64_t b);

/* ------------------------------------------------------------ schema declarations */
#define GK__MAX_VARIANTS 12
#define GK__MAX_COLS 16

typedef struct {
  const char *key, *zh, *en;
  const char *variants[GK__MAX_VARIANTS]; /* extra label variants seen in reports */
  uint8_t kind;                           /* GK_KIND_* */
  uint8_t part;                           /* requests/review: 1 = summed into total */
  uint8_t unit;                           /* amounts: the unit the column states (GK_UNIT_*) */
} gk__col_decl;

/* Units an amount cell may state (schema_tables.c): the text written after the
 * number and its size in yuan. GK_UNIT_DEFAULT (the column's own unit) has none. */
typedef struct {
  int unit;         /* GK_UNIT_* */
  const char *text; /* as written: "元", "万元" */
  int64_t yuan;     /* one unit in yuan */
} gk__unit_decl;
extern const gk__unit_decl gk__units[];
extern const size_t gk__nunits;
/* The declaration of a unit, NULL for GK_UNIT_DEFAULT and unknown units. */
const gk__unit_decl *gk__unit_decl_of(int unit);
/* The unit written at the end of s[0..n) (the longest declared text), its
 * length in *len; GK_UNIT_DEFAULT and *len 0 when none is. */
int gk__unit_suffix(const char *s, size_t n, size_t *len);
/* Counting words a count cell may end with (schema_tables.c). */
extern const char *const gk__count_words[];
extern const size_t gk__ncount_words;
/* The length of the counting word s[0..n) ends with, 0 when none. */
size_t gk__count_word_suffix(const char *s, size_t n);
/* 1 when unit is GK_UNIT_DEFAULT or a declared unit. */
int gk__unit_valid(int unit);

typedef struct {
  const char *key, *zh, *en;
  const char *variants[GK__MAX_VARIANTS];
  uint32_t flags;    /* GK_ROW_* */
  uint32_t colmask;  /* bit c set: column c exists in this row */
  int8_t   parent;   /* index of derived parent row, -1 none */
} gk__row_decl;

typedef struct {
  const gk__row_decl *rows;
  size_t nrows;
  const gk__col_decl *cols;
  size_t ncols;
} gk__table_decl;

/* A linear relation template, enforcing one rule. For each line (a row when
 * axis == GK__PER_ROW, a column when GK__PER_COL) in the lines selected, the
 * weighted sum of the terms must be zero. Term indexes run along the other axis.
 * A term with `expand` set stands for its row expanded into leaves: a derived row
 * reads as its children (or, when stored and its children are all blank, itself). */
enum { GK__PER_ROW = 0, GK__PER_COL = 1 };
typedef struct { int16_t index; int8_t coef; } gk__term;
typedef struct {
  const char *rule;        /* rule id, e.g. "requests.balance" */
  int table;               /* GK_TABLE_* */
  int axis;                /* GK__PER_ROW / GK__PER_COL */
  uint32_t line_flags;     /* PER_ROW: rows having any of these flags; 0 = all rows with cells */
  int16_t total_index;     /* index of the term that is the printed total (coef +1), -1 none */
  const gk__term *terms;
  size_t nterms;
} gk__relation;

typedef struct {
  int id;
  const char *instrument;
  int first_year, last_year; /* years it is meant for (last_year 0 = open) */
  gk__table_decl tables[GK_NTABLES];
  const gk__relation *relations;
  size_t nrelations;
} gk__edition;

typedef struct {
  const char *key, *zh, *en;
  const char *variants[GK__MAX_VARIANTS];
} gk__label;

/* The declared editions, ids ascending (schema_tables.c). Code walks them through
 * gk__edition_get, gk_schema_edition_count and gk_schema_edition_id (schema.c),
 * which also see an edition registered by a test build (gk__edition_register). */
/* The most editions a process knows, declared and registered (gk__edition_register
 * refuses more): the one capacity of every per-edition table (views, consolidation
 * accumulators, label caches, cross-edition correspondences). */
#define GK__MAX_EDITIONS 4
extern const gk__edition gk__editions[];
extern const size_t gk__neditions;
const gk__edition *gk__edition_get(int edition);
/* The numbered parts 一 … 六 of a report in order: each a section (GK_SECTION_*)
 * or a table (GK_TABLE_*), the other -1. Declared in schema_tables.c. */
#define GK__NPARTS 6
#define GK__PART_KEYS 4
typedef struct {
  int section, table;
  const char *ordinal; /* the printed numeral: 一 … 六 */
  /* words one of which a heading in words of its own holds after the part's
   * numeral ("三、依申请公开情况": 申请), NULL-ended; gk__text_heading_keyed */
  const char *keys[GK__PART_KEYS];
} gk__part;
extern const gk__part gk__parts[GK__NPARTS];
/* The printed label of part p (its section's or table's), NULL out of range;
 * its heading as printed ("三、收到和处理政府信息公开申请情况") appended to b (schema.c). */
const gk__label *gk__part_label(int part);
void gk__part_heading_put(gk__buf *b, int part);

/* Cross-edition correspondences (format.md §8), declared beside the editions in
 * schema_tables.c: one common cell of a table row fed by a column of each edition
 * (section 二: made ~ issued, decisions ~ decisions). Cells of section 二 not
 * listed exist in one edition only; consolidation (aggregate.c) and the series
 * (series.c) compare editions through these. */
typedef struct {
  int table;       /* GK_TABLE_* */
  const char *row; /* row key, the same in every edition */
  struct {
    int edition;     /* GK_EDITION_*, 0 ends the list */
    const char *col; /* the column key of that edition */
  } cols[GK__MAX_EDITIONS];
} gk__edition_common;
extern const gk__edition_common gk__edition_commons[];
extern const size_t gk__nedition_commons;
/* The column of edition `to` that corresponds to (table, row, col) of edition
 * `from`, or NULL when that cell has no counterpart (implemented in schema.c). */
const char *gk__edition_common_col(int table, const char *row, const char *col, int from,
                                   int to);
extern const gk__label gk__tables[GK_NTABLES];
extern const gk__label gk__sections[GK_NSECTIONS];

/* Printed header groups (schema_tables.c): merged header cells of the exports. */
enum { GK__GROUP_CORNER = 0, GK__GROUP_ALL = 1, GK__GROUP_COLS = 2, GK__GROUP_OUTCOME = 3 };
typedef struct {
  int table, kind;           /* GK_TABLE_*, GK__GROUP_* */
  const char *first, *last;  /* GK__GROUP_COLS: the first and last column keys */
  const char *zh, *en;
} gk__header_group;
extern const gk__header_group gk__header_groups[];
extern const size_t gk__nheader_groups;

/* ------------------------------------------------------------ report layout */
typedef struct {
  int64_t  value;
  uint32_t line;   /* source line, 0 unknown (DOCX grids: table << 16 | row) */
  uint32_t column; /* source column, 0 unknown (DOCX grids: cell) */
  uint32_t lit;    /* literal: offset+1 into the report's pool, 0 none */
  uint8_t  state;  /* GK_CELL_* */
  uint8_t  unit;   /* GK_UNIT_* for amounts */
} gk__cell;

/* ------------------------------------------------------------ report access
 * The one internal interface to a report (report.c). struct gk_report is private
 * to the model (report_int.h); every other module reads a report through the
 * public getters (gk_report_edition, gk_report_year, gk_report_agency,
 * gk_report_title, gk_report_source, gk_report_section, gk_report_section_line,
 * gk_report_completeness, gk_report_missing_tables, gk_report_literal ...) and
 * these. A hot loop fetches a table's cell block once (gk__report_cells) and
 * indexes it row-major, row * ncols + col. */
/* The declarations of r's edition (never NULL for a report). */
const gk__edition *gk__report_ed(const gk_report *r);
/* The cells of table `table` of r, nrows * ncols of its edition, row-major;
 * NULL when table is out of range. The _mut variant is for the model's own
 * writers (importers, consolidation) that set cells in place. */
const gk__cell *gk__report_cells(const gk_report *r, int table);
gk__cell *gk__report_cells_mut(gk_report *r, int table);
/* The literal held by cell c of r (a cell of one of r's blocks), NULL when c
 * holds none. */
const char *gk__report_cell_literal(const gk_report *r, const gk__cell *c);
/* Document order of part p (0 … GK__NPARTS-1) where grids number paragraphs and
 * tables apart; 0 unknown or p out of range. The setter ignores p out of range. */
uint32_t gk__report_part_order(const gk_report *r, int part);
void gk__report_set_part_order(gk_report *r, int part, uint32_t order);

/* Setters for text the caller has validated as UTF-8 already (an importer's
 * slices of its checked input): gk_report_set_section / gk_report_set_literal
 * without the second validation (test builds validate all the same). */
int gk__report_set_section_valid(gk_report *r, int section, const char *utf8, size_t len);
int gk__report_set_literal_valid(gk_report *r, int table, size_t row, size_t col, const char *utf8,
                                 size_t len);
/* The recognizer's cell setter: table in range (trusted), row and col checked
 * against the report's own edition without a lookup. state GK_CELL_BLANK is
 * gk_report_set_blank; GK_CELL_VALUE is gk_report_set_value, then (unit >= 0)
 * gk_report_set_unit. Same return codes. */
int gk__report_set_read(gk_report *r, int table, size_t row, size_t col, int state, int64_t value,
                        int unit);
/* Bytes the literal pool holds allocated (tests: the pool stays bounded). */
size_t gk__report_pool_size(const gk_report *r);

/* Cell access without checks beyond bounds (NULL when out of range). */
const gk__cell *gk__cell_at(const gk_report *r, int table, size_t row, size_t col);
/* Effective value of a cell including derived rows; state_out is GK_CELL_*.
 * For a derived row: sum of the children's values (literals count as blank).
 * Returns GK_OK or GK_EOVERFLOW. */
int gk__cell_effective(const gk_report *r, int table, size_t row, size_t col,
                       int *state_out, int64_t *value_out);

/* The derived-row sum (format.md §3; derived.c), the one every module uses: the
 * sum of the values of row's children in col (t, cells: a table of r and its
 * cells), a derived child read as its own derived reading. *any_out: some child
 * reads as a value. Returns GK_OK or GK_EOVERFLOW (then *sum_out is 0, *any_out 1). */
int gk__derived_sum(int64_t *sum_out, int *any_out, const gk__table_decl *t,
                    const gk__cell *cells, size_t row, size_t col);
/* How (row, col) reads: a derived row as gk__derived_sum when it reads its
 * children (blank when none holds a value and it is not printed), else its own
 * cell (value 0 unless a value). Writes the outputs only on GK_OK. */
int gk__row_reading(int *state_out, int64_t *value_out, const gk__table_decl *t,
                    const gk__cell *cells, size_t row, size_t col);
/* 1 when a derived row reads as its children in col: it is not printed
 * (GK_ROW_STORED unset) or one of its children reads as a value; else 0 (a
 * printed row whose children are blank reads its own cell; a non-derived row). */
int gk__derived_reads_children(const gk__table_decl *t, const gk__cell *cells, size_t row,
                               size_t col);
/* The same question in every column at once, for the validator's quiet path:
 * bit c set when one of row's children reads as a value in column c (so a
 * derived row that is printed reads its children there). vmask[k]: bit c when
 * row k's own cell in column c holds a value; first[row] / next[k]: row's
 * children in declaration order, -1 ends. tests/test_derived.c checks it
 * against gk__derived_sum on random reports. */
uint32_t gk__derived_children_mask(const gk__table_decl *t, const uint32_t *vmask,
                                   const int16_t *first, const int16_t *next, size_t row);

/* Parse cell text by kind (see gk_report_set_text); unit_out gets GK_UNIT_*. */
int gk__parse_cell_text(int kind, const char *s, size_t n, int64_t *value_out, int *unit_out);
/* Format a value by kind into buf; returns length needed. */
int gk__format_value(char *buf, size_t cap, int kind, int64_t v);

/* ------------------------------------------------------------ cross-module contracts
 * Rule modules emit findings into a gk_diags with their default severity; the
 * validator (validate.c) then applies the caller's options (rule selection,
 * minimum severity, waivers) to the items from index `from` on. */
struct gk_validate_opts;
/* Text rules of format.md §7 (text.*), implemented in text_rules.c. Appends findings. */
int gk__text_rules_run(const gk_report *r, gk_diags *out);
/* Apply options to d's items [from, n): drop disabled rules and those below the
 * minimum severity, mark waived ones. Implemented in validate.c. */
int gk__diags_apply_opts(gk_diags *d, size_t from, const struct gk_validate_opts *opts);
/* Remove item i (freed, later items shift down) / every item from index n on.
 * Implemented in diag.c. */
void gk__diags_remove(gk_diags *d, size_t i);
void gk__diags_truncate(gk_diags *d, size_t n);
/* Set item i's source position (readers map positions of an inner reading). */
void gk__diags_set_pos(gk_diags *d, size_t i, uint32_t line, uint32_t column);
/* Drop, in one pass, the items i >= from for which drop(d, i, ctx) is non-zero
 * (the others keep their order). */
void gk__diags_drop_if(gk_diags *d, size_t from, int (*drop)(const gk_diags *, size_t, const void *),
                       const void *ctx);
/* Agency metadata an importer could not read from a layout (level, kind, region,
 * code) completed from what the report itself says: its agency name and title,
 * and the document's text (text[0..n), may be NULL). Fields already set are kept.
 * Called by every importer once the report is read. Implemented in agency.c. */
int gk__agency_complete(gk_report *r, const char *text, size_t n, gk_diags *diags);
/* The agency name said by "由NAME编制" in the opening paragraph of text: its
 * start, length (0 none) and line. */
size_t gk__agency_name_in_text(const char **name_out, size_t *line_out, const char *text, size_t n);
/* A name a document gives outside its title that looks like an agency's. */
int gk__agency_plausible(const char *s, size_t n);
/* Set a report's agency name found outside the title, with an import.agency note
 * saying where (where_zh / where_en). */
int gk__agency_found(gk_report *r, const char *name, size_t n, const char *where_zh,
                     const char *where_en, uint32_t line, gk_diags *diags);
/* A cross-year identity, as data (format.md §7 "Across years"; declared in
 * schema_tables.c beside the editions, applied by series.c): for report N and
 * N-1 of adjacent years, the cell `target` of `row` in N must equal (or, with
 * `ge`, be at least) the signed sum of the terms. `row` NULL: every row having
 * all the columns named; a term or target column NULL: every column of the
 * table (same column). `edition`: both reports of this edition, 0 any. */
#define GK__MAX_XTERMS 3
typedef struct {
  int prev; /* 1: the term reads report N-1 */
  const char *row, *col;
  int coef;
} gk__xterm;
typedef struct {
  const char *rule;
  int edition;
  int table;
  const char *row, *target;
  int ge;          /* target >= sum instead of == */
  int sev_by_part; /* error on the total column (part 0), warning elsewhere */
  gk__xterm terms[GK__MAX_XTERMS];
} gk__xrelation;
extern const gk__xrelation gk__cross_year[];
extern const size_t gk__ncross_year;
/* The cross-year identities in force: the declared ones, then those of a
 * registered edition (schema.c). */
size_t gk__cross_year_count(void);
const gk__xrelation *gk__cross_year_at(size_t i);

/* An edition declared outside schema_tables.c (by a test, through
 * gk__edition_register), like those there, with its cross-edition
 * correspondences and its cross-year identities. */
typedef struct {
  const gk__edition *edition;
  const gk__edition_common *commons;
  size_t ncommons;
  const gk__xrelation *cross_year;
  size_t ncross_year;
} gk__edition_ext;
#ifdef GK_TEST_HOOKS
/* Test builds only (the static test library): register one more edition after
 * the declared ones and those registered before; its id must be above theirs
 * (else GK_EINVAL), and the editions known may not exceed GK__MAX_EDITIONS (else
 * GK_EUNSUPPORTED, nothing registered). Register before any other use of the
 * library (the importer caches the labels of the editions at first use); not
 * thread-safe. NULL unregisters every registered edition. */
int gk__edition_register(const gk__edition_ext *ext);
#endif

/* Columns of the panels (summary.c) declared with the format (schema_tables.c):
 * the main totals of a report. */
typedef struct { const char *id, *path, *zh, *en; } gk__panel_col;
extern const gk__panel_col gk__panel_totals[];
extern const size_t gk__npanel_totals;
/* Format the path of a cell of r into buf (see gk_schema_path_format). */
#define gk__path(buf, r, t, row, col) \
  gk_schema_path_format((buf), sizeof(buf), gk_report_edition(r), (t), (row), (col))

#endif /* GKREPORT_INTERNAL_H */
