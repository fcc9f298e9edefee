/* SPDX-License-Identifier: MIT */
/* libgkreport: the summary panel, one row per report.
 *
 * A gk_summary is a table an analyst reads first: for each report added, its
 * file, agency, level, kind, region, year, edition and completeness (complete,
 * truncated, tables missing, blank tables, pre-format), the number of errors and
 * warnings (its import findings plus its validation), the main totals
 * (new, carried over, granted, partial, denied, unavailable, not processed,
 * other, total, carried forward, the three review totals, fees) and every
 * indicator of indicator.h as its own column named by its id ("rate.disclosed").
 *
 * Columns are fixed for a library version (gk_summary_col_count and the
 * accessors); rows are walked with gk_summary_cell (text as shown: "" for blank,
 * integers, exact decimals, percentages with 2 places), so an exporter needs
 * nothing else. gk_summary_sort ranks the rows by a numeric column.
 *
 * Threads: a gk_summary may be read from several threads at once; adding and
 * sorting need exclusive access.
 */
#ifndef GKREPORT_SUMMARY_H
#define GKREPORT_SUMMARY_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gk_summary gk_summary;

/** What a column holds. */
typedef enum gk_summary_kind {
  GK_SUMMARY_TEXT = 0,    /**< text (file, agency, level, ...) */
  GK_SUMMARY_INTEGER = 1, /**< a count */
  GK_SUMMARY_DECIMAL = 2, /**< an exact decimal (fees in 万元) */
  GK_SUMMARY_PERCENT = 3  /**< an indicator, percent with 2 places */
} gk_summary_kind;

/** Create an empty summary. Since 0.2.0. */
GK_API int gk_summary_new(gk_summary **out);
/** Free; NULL-safe. Since 0.2.0. */
GK_API void gk_summary_free(gk_summary *s);

/** Add the row of report r: `file` names it (NULL: the report's source),
 *  `import_diags` (may be NULL) are the findings of its import, counted with
 *  those of gk_report_validate (run here with default options). GK_ENOMEM
 *  leaves the summary unchanged. Since 0.2.0. */
GK_API int gk_summary_add(gk_summary *s, const gk_report *r, const char *file,
                          const gk_diags *import_diags);

/** Number of rows. Since 0.2.0. */
GK_API size_t gk_summary_row_count(const gk_summary *s);
/** Number of columns (the same for every summary of a library version). Since 0.2.0. */
GK_API size_t gk_summary_col_count(void);
/** Id of column c ("file", "agency", ..., "new", ..., "rate.disclosed"), NULL out of range. Since 0.2.0. */
GK_API const char *gk_summary_col_id(size_t c);
/** Heading of column c in `lang` (GK_LANG_ZH / GK_LANG_EN), NULL out of range. Since 0.2.0. */
GK_API const char *gk_summary_col_label(size_t c, gk_lang lang);
/** Kind of column c (gk_summary_kind), -1 out of range. Since 0.2.0. */
GK_API int gk_summary_col_kind(size_t c);
/** Index of a column by id, or GK_ENOTFOUND. Since 0.2.0. */
GK_API int gk_summary_col_find(size_t *index_out, const char *id);
/** Cell text of row `row`, column c ("" when blank); borrowed, valid until the
 *  summary changes; NULL out of range. Since 0.2.0. */
GK_API const char *gk_summary_cell(const gk_summary *s, size_t row, size_t c);

/** Order the rows by column `id` (numeric columns and "year"), highest first
 *  when `descending` is non-zero; blank cells last, ties in the order added.
 *  GK_ENOTFOUND for an unknown id, GK_EINVAL for a text column. Since 0.2.0. */
GK_API int gk_summary_sort(gk_summary *s, const char *id, int descending);

/** The summary as CSV (a header row of column ids, then one row per report).
 *  Free with gk_free(). Since 0.2.0. */
GK_API int gk_summary_to_csv(char **out, size_t *len_out, const gk_summary *s);
/** The summary as JSON: {"columns":[{"id","zh","en","kind"}...],"rows":[{id: value}...]};
 *  numbers as JSON numbers (decimals and percentages as strings, exact), blank
 *  cells null. Free with gk_free(). Since 0.2.0. */
GK_API int gk_summary_to_json(char **out, size_t *len_out, const gk_summary *s);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_SUMMARY_H */
