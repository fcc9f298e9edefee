/* SPDX-License-Identifier: MIT */
/* libgkreport: HTML pages, what an analyst opens in a browser and prints.
 *
 * Every page is one self-contained UTF-8 file: inline CSS and SVG, no script, and
 * no font, image or style sheet from elsewhere (government intranets are
 * offline). Its style sheet declares a font stack that draws Chinese on the
 * machines that open it (Microsoft YaHei / SimSun on Windows, Noto Sans CJK /
 * WenQuanYi on Kylin and UOS), prints on A4, and the tables have header cells
 * (th with scope) and the charts text alternatives (role="img", <title>, <desc>).
 * Text from a report is escaped; a line break in a name becomes a space in
 * headings and titles.
 *
 * Threads: the functions read their arguments only; distinct calls may run
 * concurrently on the same const objects.
 */
#ifndef GKREPORT_HTML_H
#define GKREPORT_HTML_H

#include "common.h"
#include "report.h"
#include "diag.h"
#include "series.h"
#include "summary.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One report as a page: title and metadata, the prose sections, the three tables
 *  in the published layout (merged group headers; a sub-table header where the
 *  columns change), and the list of findings. The cells that `findings` names
 *  (NULL: none; usually from gk_report_validate) are coloured by severity, carry
 *  the findings and the suggested repair as their title (shown on hover) and link
 *  to the list; a suspect cell is underlined. text.* findings are noted under
 *  their section, and the passage they quote is marked. Labels and messages in
 *  `lang` (GK_LANG_ZH or GK_LANG_EN; headings stay in the official Chinese).
 *  *out is NUL-terminated, free it with gk_free(). GK_EINVAL for a NULL out or r
 *  or an unknown lang, GK_ENOMEM. Since 0.2.0. */
GK_API int gk_report_to_html(char **out, size_t *len_out, const gk_report *r,
                             const gk_diags *findings, gk_lang lang);

/** One agency's series as a page: an SVG line chart per main total (the total
 *  column of the requests rows that are not outcome parts, and of the review
 *  rows) and per indicator across the years, the edition change marked by a
 *  dashed line; the table of those values; the list of `findings` (NULL: none;
 *  usually from gk_series_validate). *out is NUL-terminated, free it with
 *  gk_free(). GK_EINVAL for a NULL out or s or an unknown lang, GK_ENOMEM.
 *  Since 0.2.0. */
GK_API int gk_series_to_html(char **out, size_t *len_out, const gk_series *s,
                             const gk_diags *findings, gk_lang lang);

/** A summary (one row per report) as a page: a bar chart ranking the reports
 *  (labelled by agency and year) by the numeric column `rank_by` (an id of
 *  gk_summary_col_id; NULL: "rate.disclosed"), largest first, each bar with its
 *  value (reports without one are left out); then the table of every column, in
 *  the summary's order (see gk_summary_sort), headings in `lang`. *out is
 *  NUL-terminated, free it with gk_free(). GK_EINVAL for a NULL out or s, an
 *  unknown lang or a text column, GK_ENOTFOUND for an unknown id, GK_ENOMEM.
 *  Since 0.2.0. */
GK_API int gk_summary_to_html(char **out, size_t *len_out, const gk_summary *s,
                              const char *rank_by, gk_lang lang);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_HTML_H */
