/* SPDX-License-Identifier: MIT */
/* libgkreport: indicators (ratios quoted by evaluations and the reports' prose).
 *
 * The indicators of format.md §10 are declared as data inside the library: an id
 * ("rate.disclosed"), a Chinese and English name, a unit and a formula over cells
 * (numerator and denominator as signed sums of cells, total column unless said
 * otherwise). They are evaluated exactly: gk_report_indicator gives the numerator
 * and denominator as integers, gk_indicator_format the percentage as a decimal
 * string rounded half to even ("33.90"); no binary floating point. A zero
 * denominator, or a blank or literal input cell, gives no value (GK_ENOTFOUND).
 *
 * Threads: the declarations are constant data and the evaluators only read the
 * report (gk_report_indicator_from_parts validates into a list of its own): any
 * function here may run in many threads at once, on the same report too.
 */
#ifndef GKREPORT_INDICATOR_H
#define GKREPORT_INDICATOR_H

#include "common.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Number of declared indicators (8 in 0.1.0). Since 0.1.0. */
GK_API size_t gk_indicator_count(void);
/** Stable id of indicator i ("rate.disclosed", ...), NULL out of range. Since 0.1.0. */
GK_API const char *gk_indicator_id(size_t i);
/** Name of indicator i in `lang` (GK_LANG_ZH: "公开率"), NULL out of range. Since 0.1.0. */
GK_API const char *gk_indicator_name(size_t i, gk_lang lang);
/** Unit of indicator i ("%"), NULL out of range. Since 0.1.0. */
GK_API const char *gk_indicator_unit(size_t i);
/** Index of an indicator by id, or GK_ENOTFOUND. Since 0.1.0. */
GK_API int gk_indicator_find(size_t *index_out, const char *id);
/** Formula of indicator i as text over cell paths, e.g.
 *  "(requests/granted/total + requests/partial/total) / requests/total/total";
 *  NULL out of range. Since 0.1.0. */
GK_API const char *gk_indicator_formula(size_t i);

/** Evaluate indicator i on a report: *num_out / *den_out. GK_ENOTFOUND (both set
 *  to 0) when an input cell is blank or a literal or the denominator is 0;
 *  GK_EINVAL for NULL or i out of range; GK_EOVERFLOW when a sum does not fit. Since 0.1.0. */
GK_API int gk_report_indicator(int64_t *num_out, int64_t *den_out, const gk_report *r, size_t i);

/** Evaluate indicator i as the parts of the report give it: every cell of its
 *  formula that the report's own validation names as the culprit of a broken
 *  relation (a printed total that contradicts its parts) is read at its
 *  corrected value. *repaired_out gets how many cells were corrected (0: the
 *  result is gk_report_indicator's). Same codes as gk_report_indicator. Since 0.2.0. */
GK_API int gk_report_indicator_from_parts(int64_t *num_out, int64_t *den_out, size_t *repaired_out,
                                          const gk_report *r, size_t i);

/** Format num/den as a percentage with 2 decimals rounded half to even ("33.90",
 *  "100.00", "-5.25"), NUL-terminated into buf (truncated to cap). Returns the
 *  length needed (without NUL), GK_EINVAL for den == 0. Since 0.1.0. */
GK_API int gk_indicator_format(char *buf, size_t cap, int64_t num, int64_t den);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_INDICATOR_H */
