/* SPDX-License-Identifier: MIT */
/* libgkreport: the official report format, enumerable at run time.
 *
 * The editions' tables are declared once, as data, inside the library; every
 * consumer (CLI, bindings, importers) walks them through these functions instead
 * of spelling row names. Keys are a public contract (format.md): never renamed.
 *
 * Addressing: a cell is (table, row, col) by index, or the path "table/row/col"
 * by key, e.g. "requests/denied.state_secret/natural". Row and column indexes are
 * per edition and table. The active table of the 2019 edition has rows with
 * different columns: gk_schema_cell_exists() tells which (row, col) pairs exist.
 *
 * Threads: the declarations are constant data and every function here is pure:
 * any of them may be called from any thread at any time; the strings returned
 * are static.
 */
#ifndef GKREPORT_SCHEMA_H
#define GKREPORT_SCHEMA_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Edition ids: the year of the instrument that set the format. */
typedef enum gk_edition {
  GK__EDITION_INT = -1, GK_EDITION_2019 = 2019, GK_EDITION_2021 = 2021
} gk_edition;

/** Tables of a report (sections 二, 三, 四). */
typedef enum gk_table {
  GK__TABLE_INT = -1, GK_TABLE_ACTIVE = 0, GK_TABLE_REQUESTS = 1, GK_TABLE_REVIEW = 2,
  GK_NTABLES = 3
} gk_table;

/** Narrative sections (format.md §2). The tables are sections 二-四. */
typedef enum gk_section {
  GK__SECTION_INT = -1,
  GK_SECTION_PREAMBLE = 0, /**< before 一: basis, period, contact */
  GK_SECTION_OVERVIEW = 1, /**< 一、总体情况 */
  GK_SECTION_PROBLEMS = 2, /**< 五、存在的主要问题及改进情况 */
  GK_SECTION_OTHER    = 3, /**< 六、其他需要报告的事项 */
  GK_NSECTIONS        = 4
} gk_section;

/** Value kind of a column. */
typedef enum gk_kind {
  GK__KIND_INT = -1,
  GK_KIND_COUNT  = 0, /**< non-negative integer */
  GK_KIND_SIGNED = 1, /**< signed integer (本年增/减) */
  GK_KIND_AMOUNT = 2  /**< exact decimal, stored scaled by GK_AMOUNT_SCALE */
} gk_kind;

/** Amounts are int64 in millionths: 59237.2449 is 59237244900. */
#define GK_AMOUNT_SCALE 1000000

/** Row flags (bits of the uint32_t gk_schema_row_flags returns). */
typedef enum gk_row_flag {
  GK_ROW_LEAF     = 1u << 0, /**< an outcome leaf row (requests: 19 in 2019, 21 in 2021) */
  GK_ROW_DERIVED  = 1u << 1, /**< a subtotal computed from its children (denied, ...) */
  GK_ROW_STORED   = 1u << 2, /**< the row holds printed values (derived rows may not) */
  GK_ROW_OUTCOME  = 1u << 3, /**< part of 三、本年度办理结果 */
  GK_ROW_RULEMAKING = 1u << 4 /**< made only under rule-making power (规章): active.rulemaking. Since 0.2.0 */
} gk_row_flag;

/** Agency level (format.md §9). GK_LEVEL_UNKNOWN when not given. */
typedef enum gk_level {
  GK__LEVEL_INT = -1, GK_LEVEL_UNKNOWN = 0, GK_LEVEL_NATIONAL = 1, GK_LEVEL_PROVINCE = 2,
  GK_LEVEL_CITY = 3, GK_LEVEL_COUNTY = 4, GK_LEVEL_TOWNSHIP = 5
} gk_level;
/** Agency kind (format.md §9). */
typedef enum gk_agency_kind {
  GK__AGENCY_KIND_INT = -1, GK_AGENCY_KIND_UNKNOWN = 0, GK_AGENCY_KIND_GOVERNMENT = 1,
  GK_AGENCY_KIND_DEPARTMENT = 2
} gk_agency_kind;

/** Number of editions known to this library (2). Since 0.1.0. */
GK_API size_t gk_schema_edition_count(void);
/** Edition id of the i-th edition (ascending), or 0 when out of range. Since 0.1.0. */
GK_API gk_edition gk_schema_edition_id(size_t i);
/** 1 if `edition` is known, else 0. Since 0.1.0. */
GK_API int gk_schema_edition_valid(int edition);
/** Instrument that set the edition (e.g. "国办公开办函〔2021〕30号"), NULL if unknown. Since 0.1.0. */
GK_API const char *gk_schema_edition_instrument(gk_edition edition);
/** Edition a report of `year` should use (2019-2020 -> 2019, 2021 on -> 2021), 0 before 2019. Since 0.1.0. */
GK_API gk_edition gk_schema_edition_for_year(int year);

/** Table key ("active", "requests", "review"), NULL if out of range. Since 0.1.0. */
GK_API const char *gk_schema_table_key(gk_table table);
/** Table label in `lang` (zh: official heading without ordinal). Since 0.1.0. */
GK_API const char *gk_schema_table_label(gk_table table, gk_lang lang);
/** Table index for a key, or GK_ENOTFOUND. Since 0.1.0. */
GK_API int gk_schema_table_find(const char *key);

/** Section key ("preamble", "overview", "problems", "other"), NULL if out of range. Since 0.1.0. */
GK_API const char *gk_schema_section_key(gk_section section);
/** Section heading in `lang`. Since 0.1.0. */
GK_API const char *gk_schema_section_label(gk_section section, gk_lang lang);
/** Section index for a key, or GK_ENOTFOUND. Since 0.1.0. */
GK_API int gk_schema_section_find(const char *key);

/** Number of rows / columns of a table in an edition (0 if either is invalid). Since 0.1.0. */
GK_API size_t gk_schema_nrows(gk_edition edition, gk_table table);
GK_API size_t gk_schema_ncols(gk_edition edition, gk_table table);
/** Row key / label, NULL when out of range. Since 0.1.0. */
GK_API const char *gk_schema_row_key(gk_edition edition, gk_table table, size_t row);
GK_API const char *gk_schema_row_label(gk_edition edition, gk_table table, size_t row, gk_lang lang);
/** Row flags (GK_ROW_*), 0 when out of range. Since 0.1.0. */
GK_API uint32_t gk_schema_row_flags(gk_edition edition, gk_table table, size_t row);
/** Index of the derived parent row (e.g. denied for denied.state_secret), or -1. Since 0.1.0. */
GK_API int gk_schema_row_parent(gk_edition edition, gk_table table, size_t row);
/** Column key / label, NULL when out of range. Since 0.1.0. */
GK_API const char *gk_schema_col_key(gk_edition edition, gk_table table, size_t col);
GK_API const char *gk_schema_col_label(gk_edition edition, gk_table table, size_t col, gk_lang lang);
/** Value kind (GK_KIND_*) of a column, or GK_EINVAL. Since 0.1.0. */
GK_API int gk_schema_col_kind(gk_edition edition, gk_table table, size_t col);
/** 1 if the cell (row, col) exists in the printed table, else 0. Since 0.1.0. */
GK_API int gk_schema_cell_exists(gk_edition edition, gk_table table, size_t row, size_t col);

/** Find a row / column index by key. GK_OK or GK_ENOTFOUND. Since 0.1.0. */
GK_API int gk_schema_row_find(size_t *row_out, gk_edition edition, gk_table table, const char *key);
GK_API int gk_schema_col_find(size_t *col_out, gk_edition edition, gk_table table, const char *key);
/** Resolve a path "table/row/col" (len bytes or GK_NUL_TERMINATED)
 *  to indexes; GK_ENOTFOUND when it names no existing cell. Since 0.1.0. */
GK_API int gk_schema_path_find(int *table_out, size_t *row_out, size_t *col_out,
                               gk_edition edition, const char *path, size_t len);
/** Write the path of a cell into buf (NUL-terminated, truncated to cap). Returns the
 *  length it needs (without NUL), or GK_EINVAL when the cell does not exist. Since 0.1.0. */
GK_API int gk_schema_path_format(char *buf, size_t cap, gk_edition edition, gk_table table,
                                 size_t row, size_t col);

/** Level / kind keys ("national", ..., "government", "department"); NULL for unknown. Since 0.1.0. */
GK_API const char *gk_schema_level_key(gk_level level);
GK_API int gk_schema_level_find(const char *key);      /**< GK_LEVEL_* or GK_ENOTFOUND */
GK_API const char *gk_schema_agency_kind_key(gk_agency_kind kind);
GK_API int gk_schema_agency_kind_find(const char *key); /**< GK_AGENCY_KIND_* or GK_ENOTFOUND */

/** Known label variants of a row (for importers): the i-th variant, NULL past the end.
 *  Variant 0 is the official zh label. Since 0.1.0. */
GK_API const char *gk_schema_row_variant(gk_edition edition, gk_table table, size_t row, size_t i);
GK_API const char *gk_schema_col_variant(gk_edition edition, gk_table table, size_t col, size_t i);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_SCHEMA_H */
