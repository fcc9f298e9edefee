/* SPDX-License-Identifier: MIT */
/* libgkreport: one agency's reports over several years (format.md §7, §8).
 *
 * A gk_series holds its own copies of the reports (either edition), ordered by
 * year (reports of the same year keep the order they were added in).
 *
 * gk_series_validate applies the cross-year rules: series.carry (error on the
 * total column, warning per other column; holds across the 2020 -> 2021 edition
 * change), series.in_force (2021), series.items and series.cumulative (2019),
 * series.gap (a missing or duplicate year, or a report without a year),
 * series.agency (not one agency: trimmed names compared, or the codes when both
 * reports have one) and series.copied_text (a prose section whose character-bigram
 * Dice similarity with the previous year's is at or above the threshold, default
 * 900 per mille; the ratio is in the message and as "actual").
 *
 * Cells of a cross-year finding are named "YEAR:table/row/col" (e.g.
 * "2024:requests/carried_over/total", the cell of the later year first); sections
 * "YEAR:section/overview". The file and line are those of the later report's
 * cell; the message names the earlier one's position. Waivers (gk_validate_opts)
 * match these year-qualified paths.
 *
 * The trend table has one entry per cell of the series' view (format.md §8): when
 * the series spans both editions, the comparable cells come first (requests and
 * review cell by cell, 2021 other.* read through other, section 二 only made ~
 * issued and decisions), then the cells only one edition has, marked not
 * comparable. Per year: the value, the change from the previous report and the
 * change in percent (exact, rounded half to even to 2 places); plus the
 * indicators of indicator.h per year.
 *
 * Threads: gk_series_add and gk_series_set_similarity_threshold change the
 * series and need it to themselves; every function taking a const gk_series *
 * (validation, the trend table and its exports) only reads it, and the series
 * may then be shared by any number of threads (with the options, which are only
 * read). gk_text_similarity touches no object.
 */
#ifndef GKREPORT_SERIES_H
#define GKREPORT_SERIES_H

#include "common.h"
#include "report.h"
#include "diag.h"
#include "validate.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gk_series gk_series;

/** Create an empty series. Since 0.1.0. */
GK_API int gk_series_new(gk_series **out);
/** Free; NULL-safe. Since 0.1.0. */
GK_API void gk_series_free(gk_series *s);
/** Add a copy of `r` (the caller keeps r), in year order. GK_ENOMEM leaves the
 *  series unchanged. Since 0.1.0. */
GK_API int gk_series_add(gk_series *s, const gk_report *r);
/** Number of reports. Since 0.1.0. */
GK_API size_t gk_series_count(const gk_series *s);
/** Report i in year order (borrowed, valid until the series changes), NULL out of
 *  range. Since 0.1.0. */
GK_API const gk_report *gk_series_report(const gk_series *s, size_t i);
/** Set the series.copied_text threshold in per mille (0..1000; default 900). Since 0.1.0. */
GK_API int gk_series_set_similarity_threshold(gk_series *s, uint32_t permille);

/** Similarity of two texts as the exact ratio *num_out / *den_out: character-bigram
 *  Dice coefficient (2 x shared bigrams / all bigrams, whitespace ignored, each text
 *  cut at 65536 characters). Both 0 when neither text has a bigram. Since 0.1.0. */
GK_API int gk_text_similarity(uint64_t *num_out, uint64_t *den_out, const char *a, size_t alen,
                              const char *b, size_t blen);

/** Run the cross-year rules and append findings to `diags`; `opts` (may be NULL)
 *  selects rules, minimum severity and waivers as for gk_report_validate. GK_OK
 *  means it ran; on failure `diags` is left as it was. Since 0.1.0. */
GK_API int gk_series_validate(const gk_series *s, const gk_validate_opts *opts,
                              gk_diags *diags);

/* ---- trend table --------------------------------------------------------- */

/** Number of entries (cells) of the trend table. Since 0.1.0. */
GK_API size_t gk_series_trend_count(const gk_series *s);
/** Path of entry i ("requests/new/total"), NULL out of range. Since 0.1.0. */
GK_API const char *gk_series_trend_path(const gk_series *s, size_t i);
/** 1 if entry i is comparable over the whole series, 0 if only some editions have
 *  it, -1 out of range. Since 0.1.0. */
GK_API int gk_series_trend_comparable(const gk_series *s, size_t i);
/** Value of entry i in the series' report j: GK_OK with the state (GK_CELL_*) and
 *  value; GK_ENOTFOUND when that report's edition has no such cell. Since 0.1.0. */
GK_API int gk_series_trend_value(int *state_out, int64_t *value_out, const gk_series *s,
                                 size_t i, size_t j);
/** Change of entry i from report j-1 to report j: *change_out = v(j) - v(j-1), and
 *  the change in percent of v(j-1) as a decimal string rounded half to even to 2
 *  places into pct_out (may be NULL; "" when v(j-1) is 0). GK_ENOTFOUND when j is 0 or
 *  either value is absent. Since 0.1.0. */
GK_API int gk_series_trend_change(int64_t *change_out, char *pct_out, size_t pct_cap,
                                  const gk_series *s, size_t i, size_t j);

/** The trend table as JSON: {"years":[...],"editions":[...],"cells":[{"path","comparable",
 *  "values","change","pct"}...],"indicators":[{"id","values"}...]}; values as
 *  integers (amounts as strings), null when blank or absent. Free with gk_free(). Since 0.1.0. */
GK_API int gk_series_trend_to_json(char **out, size_t *len_out, const gk_series *s);
/** The trend table as CSV in long form, header
 *  "path,comparable,year,edition,state,value,change,pct" (indicators as paths
 *  "indicator/<id>" with the percentage as value). Free with gk_free(). Since 0.1.0. */
GK_API int gk_series_trend_to_csv(char **out, size_t *len_out, const gk_series *s);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_SERIES_H */
