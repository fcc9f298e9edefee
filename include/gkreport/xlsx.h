/* SPDX-License-Identifier: MIT */
/* libgkreport: XLSX workbooks in the official layout (what an office files, prints
 * and compares), written with libxlsxwriter.
 *
 * Numbers are stored as numbers (amounts with four decimals), blank cells stay
 * empty, literals ("-", "无") are text; Excel never runs a text as a formula.
 * Sheets are named after the tables (zh) or their keys (en). libxlsxwriter writes
 * files only, so these functions take a path; the file is replaced.
 *
 * Threads: the functions read their arguments only; distinct calls may run
 * concurrently on the same const objects (each writes its own file).
 */
#ifndef GKREPORT_XLSX_H
#define GKREPORT_XLSX_H

#include "common.h"
#include "report.h"
#include "diag.h"
#include "series.h"
#include "summary.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Write one report as a workbook at `path`: one sheet per table present, laid out
 *  like the published form (merged group headers, Chinese row labels; English
 *  with GK_LANG_EN), and a findings sheet (one row per finding, frozen header,
 *  filters). The cells that `findings` names (NULL: none; usually from
 *  gk_report_validate) are filled by severity and carry the findings and the
 *  suggested repair as a cell comment. GK_EINVAL (NULL path or r, unknown lang),
 *  GK_EIO (path cannot be written), GK_ENOMEM. Since 0.2.0. */
GK_API int gk_report_to_xlsx(const char *path, const gk_report *r, const gk_diags *findings,
                             gk_lang lang);

/** Write one agency's series as a workbook at `path`: a sheet with the main
 *  totals and the indicators (percentages) per year, frozen header, and native
 *  Excel line charts of both; a findings sheet with `findings` (NULL: none).
 *  GK_EINVAL, GK_EIO, GK_ENOMEM as gk_report_to_xlsx. Since 0.2.0. */
GK_API int gk_series_to_xlsx(const char *path, const gk_series *s, const gk_diags *findings,
                             gk_lang lang);

/** Write a summary as a workbook at `path`: one sheet, one row per report in the
 *  summary's order (see gk_summary_sort), every column with its heading in
 *  `lang`, numbers as numbers (indicators as percentages), frozen header and
 *  filters (to sort and select in Excel). GK_EINVAL (NULL path or s, unknown
 *  lang), GK_EIO, GK_ENOMEM as gk_report_to_xlsx. Since 0.2.0. */
GK_API int gk_summary_to_xlsx(const char *path, const gk_summary *s, gk_lang lang);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_XLSX_H */
