/* SPDX-License-Identifier: MIT */
/* libgkreport: the data model of one annual report.
 *
 * A gk_report has an edition (fixed at creation), a year, agency metadata, the
 * narrative sections and every cell of the tables active, requests and review.
 * A cell is BLANK (left empty / not reported: never zero), a VALUE (int64; amounts
 * scaled by GK_AMOUNT_SCALE) or a LITERAL kept verbatim ("-", "/", "无").
 * Cells may carry the source line they were read from (0 = unknown).
 *
 * Derived rows (requests denied, unavailable, not_processed; 2021 other) read as
 * the sum of their children when any child is non-blank; a derived row that is
 * also GK_ROW_STORED (2021 other) reads its printed value when its children are
 * all blank. Derived rows that are not stored cannot be set.
 *
 * Threads: the getters (every function taking a const gk_report *) only read the
 * report: one report may be read from any number of threads at once, and so by
 * every reader, exporter, validator and indicator of the library, which take it
 * const and never write to it (no cache, no lazy field). A setter needs the
 * report to itself: no other thread may read or write that report meanwhile.
 * Distinct reports are independent; gk_decimal_* and gk_value_format touch no
 * object.
 */
#ifndef GKREPORT_REPORT_H
#define GKREPORT_REPORT_H

#include "common.h"
#include "schema.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gk_report gk_report;

/** Cell states. */
typedef enum gk_cell_state {
  GK_CELL_BLANK = 0, GK_CELL_VALUE = 1, GK_CELL_LITERAL = 2
} gk_cell_state;

/** Units of an amount cell (procurement amounts in 2019 have no official unit). */
typedef enum gk_unit {
       GK__UNIT_INT = -1,
       GK_UNIT_DEFAULT = 0, /**< the column's unit: 万元 for fees, none stated for procurement */
       GK_UNIT_YUAN = 1,    /**< 元 written in the cell */
       GK_UNIT_WANYUAN = 2  /**< 万元 written in the cell */ } gk_unit;

/** Agency text fields. */
typedef enum gk_agency_field {
  GK__AGENCY_FIELD_INT = -1, GK_AGENCY_NAME = 0, GK_AGENCY_CODE = 1, GK_AGENCY_REGION = 2
} gk_agency_field;

/** Create an empty report (every cell blank). `year` may be 0 (unknown).
 *  GK_EUNSUPPORTED for an unknown edition. Since 0.1.0. */
GK_API int gk_report_new(gk_report **out, gk_edition edition, int year);
/** Free a report; NULL-safe. Since 0.1.0. */
GK_API void gk_report_free(gk_report *r);
/** Deep copy. Since 0.1.0. */
GK_API int gk_report_clone(gk_report **out, const gk_report *r);
/** 1 when two reports hold the same edition, year, metadata, sections and cells
 *  (states, values, literals, units; source lines are compared only when
 *  `compare_lines` is non-zero), else 0. Since 0.1.0. */
GK_API int gk_report_equal(const gk_report *a, const gk_report *b, int compare_lines);

GK_API gk_edition gk_report_edition(const gk_report *r); /**< edition id, 0 for NULL. Since 0.1.0. */
GK_API int gk_report_year(const gk_report *r);             /**< year, 0 if unknown. Since 0.1.0. */
GK_API int gk_report_set_year(gk_report *r, int year);     /**< 0 clears; GK_EINVAL outside 0..9999. Since 0.1.0. */

/** Agency text field (GK_AGENCY_*), NULL when unset. Since 0.1.0. */
GK_API const char *gk_report_agency(const gk_report *r, gk_agency_field field);
/** Set (copy) an agency text field; NULL clears. GK_EENCODING for invalid UTF-8. Since 0.1.0. */
GK_API int gk_report_set_agency(gk_report *r, gk_agency_field field, const char *utf8, size_t len);
GK_API gk_level gk_report_agency_level(const gk_report *r);     /**< GK_LEVEL_*. Since 0.1.0. */
GK_API int gk_report_set_agency_level(gk_report *r, gk_level level);
GK_API gk_agency_kind gk_report_agency_kind(const gk_report *r); /**< GK_AGENCY_KIND_*. Since 0.1.0. */
GK_API int gk_report_set_agency_kind(gk_report *r, gk_agency_kind kind);

/** Infer agency level and kind from its name (len bytes, or NUL-terminated when
 *  len is GK_NUL_TERMINATED): the administrative divisions that prefix the name give the
 *  level (江苏省宿迁市 -> city, 淮安市洪泽区 -> county, 某县某镇 -> township; 北京/天津/
 *  上海/重庆市 -> province), what follows them the kind (nothing, 人民政府 or
 *  街道办事处 -> government; anything else, e.g. 司法局 or 人民政府办公厅 ->
 *  department). GK_ENOTFOUND when the name starts with no division (both outputs
 *  then unknown). A county-level city reads as a city: the name alone cannot tell.
 *  Since 0.1.0. */
GK_API int gk_agency_infer(int *level_out, int *kind_out, const char *name, size_t len);

/** Title of the report as published, NULL when unset. Since 0.1.0. */
GK_API const char *gk_report_title(const gk_report *r);
GK_API int gk_report_set_title(gk_report *r, const char *utf8, size_t len);
/** Name of the file the report was read from (used in diagnostics), NULL when unset. Since 0.1.0. */
GK_API const char *gk_report_source(const gk_report *r);
GK_API int gk_report_set_source(gk_report *r, const char *utf8, size_t len);

/** Narrative section text (GK_SECTION_*), NULL when absent (absent differs from ""). Since 0.1.0. */
GK_API const char *gk_report_section(const gk_report *r, gk_section section);
/** Set (copy) a section; NULL removes it. GK_EENCODING for invalid UTF-8. Since 0.1.0. */
GK_API int gk_report_set_section(gk_report *r, gk_section section, const char *utf8, size_t len);
/** Source line where a section starts (0 unknown). Since 0.1.0. */
GK_API uint32_t gk_report_section_line(const gk_report *r, gk_section section);
GK_API int gk_report_set_section_line(gk_report *r, gk_section section, uint32_t line);

/* ---- completeness -------------------------------------------------------- */

/** How much of the published report a copy holds (most copies users hold are cut
 *  off somewhere: a copied web page, a page range of a PDF). Rules stay silent
 *  about what the copy does not contain. */
typedef enum gk_completeness {
  GK_COMPLETE = 0,       /**< every table is there (the default) */
  GK_TRUNCATED = 1,      /**< the copy ends inside the report: at a table and row */
  GK_TABLES_MISSING = 2, /**< one or more tables absent, the rest of the copy present */
  GK_PRE_FORMAT = 3      /**< a report from before the 2019 format: no tables to hold */
} gk_completeness;

/** Completeness of r; *table_out / *row_out (either may be NULL) get where a
 *  GK_TRUNCATED copy ends: the table (GK_TABLE_*) and the first row the copy does
 *  not hold complete (SIZE_MAX: the table is absent as a whole); -1 / SIZE_MAX
 *  otherwise. GK_COMPLETE for NULL. Since 0.2.0. */
GK_API gk_completeness gk_report_completeness(int *table_out, size_t *row_out, const gk_report *r);
/** Set the completeness (importers do). `table` is -1 or GK_TABLE_*, `row` a row
 *  index or SIZE_MAX. GK_EINVAL for values out of range. Since 0.2.0. */
GK_API int gk_report_set_completeness(gk_report *r, gk_completeness c, int table, size_t row);
/** Tables absent from the copy: bit t set when table t is missing (importers set
 *  it; GK_TABLES_MISSING and GK_TRUNCATED copies). Since 0.2.0. */
GK_API uint32_t gk_report_missing_tables(const gk_report *r);
GK_API int gk_report_set_missing_tables(gk_report *r, uint32_t mask);

/* ---- cells by index ---------------------------------------------------- */

/** Read a cell: its state (GK_CELL_*) and, for GK_CELL_VALUE, its value (else
 *  0); either out-parameter may be NULL. Derived rows are computed (see above); a
 *  computed sum that overflows gives GK_EOVERFLOW. GK_EINVAL when the cell does
 *  not exist. On failure the outputs are GK_CELL_BLANK and 0. Since 0.2.0 (0.1.0:
 *  gk_report_get_cell, outputs last). */
GK_API int gk_report_cell(int *state_out, int64_t *value_out, const gk_report *r, gk_table table,
                          size_t row, size_t col);
/** Set a value. GK_ERANGE for a negative count; GK_EINVAL for a derived row or a
 *  cell that does not exist. The source line is kept. Since 0.1.0. */
GK_API int gk_report_set_value(gk_report *r, gk_table table, size_t row, size_t col, int64_t value);
/** Make a cell blank. Since 0.1.0. */
GK_API int gk_report_set_blank(gk_report *r, gk_table table, size_t row, size_t col);
/** Make a cell a literal (copied, verbatim, 1..4096 bytes of UTF-8). Since 0.1.0. */
GK_API int gk_report_set_literal(gk_report *r, gk_table table, size_t row, size_t col,
                                 const char *utf8, size_t len);
/** Literal text of a cell, NULL unless its state is GK_CELL_LITERAL. Since 0.2.0
 *  (0.1.0: gk_report_get_literal). */
GK_API const char *gk_report_literal(const gk_report *r, gk_table table, size_t row, size_t col);
/** Unit of an amount cell (GK_UNIT_*); GK_UNIT_DEFAULT for other cells. Since 0.2.0
 *  (0.1.0: gk_report_get_unit). */
GK_API gk_unit gk_report_unit(const gk_report *r, gk_table table, size_t row, size_t col);
GK_API int gk_report_set_unit(gk_report *r, gk_table table, size_t row, size_t col, gk_unit unit);
/** Source line of a cell, 0 when unknown. Since 0.2.0 (0.1.0: gk_report_get_line). */
GK_API uint32_t gk_report_line(const gk_report *r, gk_table table, size_t row, size_t col);
GK_API int gk_report_set_line(gk_report *r, gk_table table, size_t row, size_t col, uint32_t line);

/** Bulk read of one row: for each of the n = gk_schema_ncols() columns,
 *  states_out[i] (GK_CELL_*) and values_out[i] (either pointer may be NULL).
 *  Non-existing cells read blank; on failure every output reads blank. Since 0.2.0
 *  (0.1.0: gk_report_get_row(r, table, row, states, values, n)). */
GK_API int gk_report_row(int *states_out, int64_t *values_out, size_t n, const gk_report *r,
                         gk_table table, size_t row);

/* ---- cells by key ------------------------------------------------------ */

/** Format a cell as text into buf_out (NUL-terminated; may be NULL when cap is 0):
 *  "" blank, "3402", "-8", "59237.2449" (the value alone: gk_report_unit tells
 *  the unit written in the cell), a literal verbatim. Returns the length needed (without NUL) or a
 *  negative code (buf_out then holds ""); output is truncated to cap. `path` is
 *  "table/row/col" (len bytes or GK_NUL_TERMINATED). Since 0.2.0 (0.1.0:
 *  gk_report_get_text(r, path, buf, cap)). */
GK_API int gk_report_text(char *buf_out, size_t cap, const gk_report *r, const char *path,
                          size_t len);
/** Parse text into a cell of `path` by its kind: "" blank, integers, "-8"/"减8"/"+3"/"增3"
 *  for signed cells, decimals (with an optional 元/万元 unit) for amounts. Text that
 *  is no valid value gives GK_EPARSE and leaves the cell as it was (use
 *  gk_report_set_literal to keep it verbatim). Since 0.1.0. */
GK_API int gk_report_set_text(gk_report *r, const char *path, const char *text, size_t len);
/** Resolve a path "table/row/col" (len bytes or GK_NUL_TERMINATED) for this
 *  report's edition, as gk_schema_path_find. Since 0.2.0 (0.1.0:
 *  gk_report_locate(r, path, table_out, row_out, col_out)). */
GK_API int gk_report_path_find(int *table_out, size_t *row_out, size_t *col_out,
                               const gk_report *r, const char *path, size_t len);

/** Number of cells of a table that are not blank (stored cells only). Since 0.1.0. */
GK_API size_t gk_report_count_filled(const gk_report *r, gk_table table);

/* ---- exact decimals ---------------------------------------------------- */

/** Parse a decimal ("59237.2449", "-3", "+0.5", full-width digits accepted) into
 *  millionths. GK_EPARSE on syntax, GK_ERANGE for more than 6 decimals,
 *  GK_EOVERFLOW when it does not fit. Since 0.1.0. */
GK_API int gk_decimal_parse(int64_t *out, const char *text, size_t len);
/** Format millionths as the shortest exact decimal ("59237.2449", "0", "-1.5").
 *  Returns the length needed (without NUL); output truncated to cap. Since 0.1.0. */
GK_API int gk_decimal_format(char *buf, size_t cap, int64_t millionths);

/** Format a cell value for people and for text layouts by its kind (GK_KIND_*) and
 *  unit (GK_UNIT_*): counts "3402", signed "-8", amounts the shortest exact
 *  decimal "59237.2449", followed by "元" or "万元" when the unit was written in the
 *  cell (GK_UNIT_YUAN / GK_UNIT_WANYUAN). The text reads back through
 *  gk_report_set_text to the same value and unit. Writes NUL-terminated output
 *  into buf (truncated to cap; buf may be NULL when cap is 0) and returns the
 *  length needed without the NUL, or GK_EINVAL for an unknown kind or unit, or a
 *  unit on a kind that has none. Since 0.2.0. */
GK_API int gk_value_format(char *buf, size_t cap, gk_kind kind, gk_unit unit, int64_t value);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_REPORT_H */
