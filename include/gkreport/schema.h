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
 */
#ifndef GKREPORT_SCHEMA_H
#define GKREPORT_SCHEMA_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Edition ids: the year of the instrument that set the format. */
enum { GK_EDITION_2019 = 2019, GK_EDITION_2021 = 2021 };

/** Tables of a report (sections 二, 三, 四). */
enum { GK_TABLE_ACTIVE = 0, GK_TABLE_REQUESTS = 1, GK_TABLE_REVIEW = 2, GK_NTABLES = 3 };

/** Narrative sections (format.md §2). The tables are sections 二-四. */
enum {
  GK_SECTION_PREAMBLE = 0, /**< before 一: basis, period, contact */
  GK_SECTION_OVERVIEW = 1, /**< 一、总体情况 */
  GK_SECTION_PROBLEMS = 2, /**< 五、存在的主要问题及改进情况 */
  GK_SECTION_OTHER    = 3, /**< 六、其他需要报告的事项 */
  GK_NSECTIONS        = 4
};

/** Value kind of a column. */
enum {
  GK_KIND_COUNT  = 0, /**< non-negative integer */
  GK_KIND_SIGNED = 1, /**< signed integer (本年增/减) */
  GK_KIND_AMOUNT = 2  /**< exact decimal, stored scaled by GK_AMOUNT_SCALE */
};

/** Amounts are int64 in millionths: 59237.2449 is 59237244900. */
#define GK_AMOUNT_SCALE 1000000

/** Row flags (bit set). */
enum {
  GK_ROW_LEAF     = 1u << 0, /**< an outcome leaf row (requests: 19 in 2019, 21 in 2021) */
  GK_ROW_DERIVED  = 1u << 1, /**< a subtotal computed from its children (denied, ...) */
  GK_ROW_STORED   = 1u << 2, /**< the row holds printed values (derived rows may not) */
  GK_ROW_OUTCOME  = 1u << 3  /**< part of 三、本年度办理结果 */
};

/** Agency level (format.md §9). GK_LEVEL_UNKNOWN when not given. */
enum { GK_LEVEL_UNKNOWN = 0, GK_LEVEL_NATIONAL, GK_LEVEL_PROVINCE, GK_LEVEL_CITY,
       GK_LEVEL_COUNTY, GK_LEVEL_TOWNSHIP };
/** Agency kind (format.md §9). */
enum { GK_AGENCY_KIND_UNKNOWN = 0, GK_AGENCY_KIND_GOVERNMENT, GK_AGENCY_KIND_DEPARTMENT };

/** Number of editions known to this library (2). Since 0.1.0. */
GK_API size_t gk_schema_edition_count(void);
/** Edition id of the i-th edition (ascending), or 0 when out of range. Since 0.1.0. */
GK_API int gk_schema_edition_id(size_t i);
/** 1 if `edition` is known, else 0. Since 0.1.0. */
GK_API int gk_schema_edition_valid(int edition);
/** Instrument that set the edition (e.g. "国办公开办函〔2021〕30号"), NULL if unknown. Since 0.1.0. */
GK_API const char *gk_schema_edition_instrument(int edition);
/** Edition a report of `year` should use (2019-2020 -> 2019, 2021 on -> 2021), 0 before 2019. Since 0.1.0. */
GK_API int gk_schema_edition_for_year(int year);

/** Table key ("active", "requests", "review"), NULL if out of range. Since 0.1.0. */
GK_API const char *gk_schema_table_key(int table);
/** Table label in `lang` (zh: official heading without ordinal). Since 0.1.0. */
GK_API const char *gk_schema_table_label(int table, int lang);
/** Table index for a key, or GK_ENOTFOUND. Since 0.1.0. */
GK_API int gk_schema_table_find(const char *key);

/** Section key ("preamble", "overview", "problems", "other"), NULL if out of range. Since 0.1.0. */
GK_API const char *gk_schema_section_key(int section);
/** Section heading in `lang`. Since 0.1.0. */
GK_API const char *gk_schema_section_label(int section, int lang);
/** Section index for a key, or GK_ENOTFOUND. Since 0.1.0. */
GK_API int gk_schema_section_find(const char *key);

/** Number of rows / columns of a table in an edition (0 if either is invalid). Since 0.1.0. */
GK_API size_t gk_schema_nrows(int edition, int table);
GK_API size_t gk_schema_ncols(int edition, int table);
/** Row key / label, NULL when out of range. Since 0.1.0. */
GK_API const char *gk_schema_row_key(int edition, int table, size_t row);
GK_API const char *gk_schema_row_label(int edition, int table, size_t row, int lang);
/** Row flags (GK_ROW_*), 0 when out of range. Since 0.1.0. */
GK_API uint32_t gk_schema_row_flags(int edition, int table, size_t row);
/** Index of the derived parent row (e.g. denied for denied.state_secret), or -1. Since 0.1.0. */
GK_API int gk_schema_row_parent(int edition, int table, size_t row);
/** Column key / label, NULL when out of range. Since 0.1.0. */
GK_API const char *gk_schema_col_key(int edition, int table, size_t col);
GK_API const char *gk_schema_col_label(int edition, int table, size_t col, int lang);
/** Value kind (GK_KIND_*) of a column, or GK_EINVAL. Since 0.1.0. */
GK_API int gk_schema_col_kind(int edition, int table, size_t col);
/** 1 if the cell (row, col) exists in the printed table, else 0. Since 0.1.0. */
GK_API int gk_schema_cell_exists(int edition, int table, size_t row, size_t col);

/** Find a row / column index by key. GK_OK or GK_ENOTFOUND. Since 0.1.0. */
GK_API int gk_schema_row_find(size_t *row_out, int edition, int table, const char *key);
GK_API int gk_schema_col_find(size_t *col_out, int edition, int table, const char *key);
/** Resolve a path "table/row/col" (len bytes, or NUL-terminated when len is (size_t)-1)
 *  to indexes; GK_ENOTFOUND when it names no existing cell. Since 0.1.0. */
GK_API int gk_schema_path_find(int *table_out, size_t *row_out, size_t *col_out,
                               int edition, const char *path, size_t len);
/** Write the path of a cell into buf (NUL-terminated, truncated to cap). Returns the
 *  length it needs (without NUL), or GK_EINVAL when the cell does not exist. Since 0.1.0. */
GK_API int gk_schema_path_format(char *buf, size_t cap, int edition, int table,
                                 size_t row, size_t col);

/** Level / kind keys ("national", ..., "government", "department"); NULL for unknown. Since 0.1.0. */
GK_API const char *gk_schema_level_key(int level);
GK_API int gk_schema_level_find(const char *key);      /**< GK_LEVEL_* or GK_ENOTFOUND */
GK_API const char *gk_schema_agency_kind_key(int kind);
GK_API int gk_schema_agency_kind_find(const char *key); /**< GK_AGENCY_KIND_* or GK_ENOTFOUND */

/** Known label variants of a row (for importers): the i-th variant, NULL past the end.
 *  Variant 0 is the official zh label. Since 0.1.0. */
GK_API const char *gk_schema_row_variant(int edition, int table, size_t row, size_t i);
GK_API const char *gk_schema_col_variant(int edition, int table, size_t col, size_t i);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_SCHEMA_H */
