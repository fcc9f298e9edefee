/* SPDX-License-Identifier: MIT */
/* libgkreport: validation of one report against the rules of format.md §7, and
 * the rule catalogue at run time.
 *
 * gk_report_validate() evaluates every rule "within one report" (the linear
 * identities of the edition: requests.balance, requests.row_total,
 * requests.outcome_total, review.total; and cell.value, cell.blank, report.year,
 * edition.year, active.*) plus the text rules, and appends the findings to a
 * gk_diags. GK_OK means it ran: findings are data. Options (an opaque object)
 * select rules by id or prefix, set a minimum severity and waive findings; a
 * waived finding stays in the list, marked waived with its reason.
 *
 * Identity findings name the printed cell first (the total, or for
 * requests.balance the column's 总计 cell), carry as expected the value that cell
 * would need and as actual its printed value, and, when one cell explains every
 * failed identity around it, a suspect (gk_diag_suspect) with its repaired value.
 *
 * Threads: gk_report_validate only reads the report and the options: one report
 * and one gk_validate_opts may be shared by any number of threads validating at
 * once, each appending to its own gk_diags (tests/test_threads.c does so). The
 * opts setters need the options to themselves; gk_diags_apply_opts changes its
 * list. The rule catalogue is constant: gk_rule_* may be called from any thread.
 */
#ifndef GKREPORT_VALIDATE_H
#define GKREPORT_VALIDATE_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Validation options (opaque). Defaults: every rule on, minimum severity info,
 *  no waivers. */
typedef struct gk_validate_opts gk_validate_opts;

/** Create options with the defaults. Since 0.1.0. */
GK_API int gk_validate_opts_new(gk_validate_opts **out);
/** Free options; NULL-safe. Since 0.1.0. */
GK_API void gk_validate_opts_free(gk_validate_opts *opts);
/** Keep only findings of at least this severity (GK_SEV_*); GK_EINVAL otherwise. Since 0.1.0. */
GK_API int gk_validate_opts_set_min_severity(gk_validate_opts *opts, gk_severity severity);
/** Turn rules on or off. `pattern` is a rule id ("cell.blank"), a prefix ending in
 *  '*' ("requests.*") or "*" for all. Calls apply in order, the last matching one
 *  wins. GK_ENOTFOUND when the pattern matches no rule of the catalogue (the
 *  options are then unchanged). Since 0.1.0. */
GK_API int gk_validate_opts_enable(gk_validate_opts *opts, const char *pattern);
/** See gk_validate_opts_enable. Since 0.1.0. */
GK_API int gk_validate_opts_disable(gk_validate_opts *opts, const char *pattern);
/** Waive the findings of `rule_id` (id or pattern as above) whose primary cell is
 *  `cell_path` (every finding of the rule when NULL), with a reason (required,
 *  copied). Waived findings stay in the list, marked (gk_diag_waived,
 *  gk_diag_waiver_reason). GK_ENOTFOUND when the pattern matches no rule. Since 0.1.0. */
GK_API int gk_validate_opts_add_waiver(gk_validate_opts *opts, const char *rule_id,
                                       const char *cell_path, const char *reason);

/** Validate one report and append its findings to `diags` (opts may be NULL for
 *  the defaults). GK_OK means it ran, whatever was found. On failure (GK_EINVAL
 *  for NULL r or diags, GK_ENOMEM, GK_EOVERFLOW for sums that do not fit in
 *  int64) `diags` is left as it was. The report is only read: one report may be
 *  validated from several threads at once. Since 0.1.0. */
GK_API int gk_report_validate(const gk_report *r, const gk_validate_opts *opts, gk_diags *diags);

/** Apply rule selection, minimum severity and waivers of `opts` to the items of
 *  `d` from index `from` on, whatever produced them: import findings (import.*,
 *  json.*, jsonl.*), consolidation findings (aggregate.*), series findings. Items
 *  of rules turned off or below the minimum severity are removed (the others keep
 *  their order); waived ones are marked. gk_report_validate does this for its own
 *  findings. GK_EINVAL for a NULL d or opts; GK_ENOMEM (some items may then be
 *  removed or waived already, the list stays valid). Since 0.2.0. */
GK_API int gk_diags_apply_opts(gk_diags *d, size_t from, const gk_validate_opts *opts);

/* ---- the rule catalogue (format.md §7) ----------------------------------- */
/** Number of rules known to the library. Since 0.1.0. */
GK_API size_t gk_rule_count(void);
/** Id of rule i ("requests.balance"), NULL out of range. Since 0.1.0. */
GK_API const char *gk_rule_id(size_t i);
/** Default severity (GK_SEV_*) of rule i, -1 out of range. Since 0.1.0. */
GK_API int gk_rule_severity(size_t i);
/** Description of rule i in `lang` (GK_LANG_ZH / GK_LANG_EN), NULL out of range. Since 0.1.0. */
GK_API const char *gk_rule_description(size_t i, gk_lang lang);
/** Scope key of rule i: "report" (one report's tables and metadata), "text" (its
 *  prose), "series" (across years), "aggregate" (findings of a consolidation) or
 *  "import" (findings of reading JSON, JSON Lines or text); NULL out of range.
 *  Since 0.1.0. */
GK_API const char *gk_rule_scope(size_t i);
/** 1 if rule i applies to reports of `edition`, else 0. Since 0.1.0. */
GK_API int gk_rule_applies_to(size_t i, gk_edition edition);
/** Index of the rule with this exact id. GK_OK or GK_ENOTFOUND (GK_EINVAL for NULL). Since 0.1.0. */
GK_API int gk_rule_find(size_t *index_out, const char *id);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_VALIDATE_H */
