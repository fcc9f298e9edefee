/* SPDX-License-Identifier: MIT */
/* libgkreport: consolidation of many reports (format.md §8).
 *
 * A gk_aggregate sums reports cell by cell: blank + value = value, blank + blank =
 * blank, amounts exactly (an amount in 元 is converted to 万元 when exact); a
 * literal counts as blank and is reported ("aggregate.literal"). A sum that does
 * not fit in int64 is GK_EOVERFLOW and leaves the aggregate unchanged.
 *
 * Reports of one edition give a report of that edition. A mix of editions gives
 * the common view, in the newest edition (2021): requests and review cell by
 * cell with 2021 other.* collapsed into other, and of section 二 only the
 * comparable cells (made ~ issued for regulations and normative_docs, decisions
 * for licensing, penalty, coercion); gk_aggregate_check says what was dropped.
 *
 * Aggregates merge associatively and commutatively (gk_aggregate_merge): any
 * partitioning of a set of reports, merged in any order, gives the identical
 * result and the identical JSON (gk_aggregate_to_json / gk_aggregate_from_json
 * save partial aggregates to merge later).
 *
 * Contributors (agency name, code, region, kind, year, edition) are kept unless
 * the aggregate was created with GK_AGGREGATE_NO_CONTRIBUTORS (then memory stays
 * constant however many reports are added, and the overlap check is silent).
 * Merging such an aggregate into one that lists contributors stops the listing
 * there too, rather than keep a list that misses reports.
 *
 * Rule ids of the findings: "aggregate.literal" (warning: a literal counted as
 * blank), "aggregate.overlap" (warning: a government's whole-region report summed
 * with reports of organs inside its region), "aggregate.duplicate" (error: one
 * agency and year twice, or the same tables under two names), "aggregate.years"
 * (error: different years), "aggregate.incomplete" (warning: a contributor left
 * out or included incomplete), "aggregate.contributor" (error: a contributor's own
 * table error), "aggregate.repaired" (info: a culprit repair applied), "aggregate.editions" (info: editions mixed,
 * cells dropped), "aggregate.unit" (warning: amounts in different units summed),
 * "aggregate.overflow" (error: a report that would overflow, skipped),
 * "jsonl.line" (error: a JSON Lines line that is not a report, skipped; line =
 * line number in the stream, the parser's message included).
 *
 * Threads: a gk_aggregate is not locked. gk_aggregate_add, _merge (its `a`),
 * _add_jsonl, _add_jsonl_end and the setters change it and need it to
 * themselves; the functions taking a const gk_aggregate * (counts,
 * contributors, result, check, to_json, and the `b` of a merge) only read it
 * and may share it between threads. The reports added are only read. To
 * consolidate in parallel, give each thread its own aggregate and merge them
 * at the end (the result does not depend on the partition).
 */
#ifndef GKREPORT_AGGREGATE_H
#define GKREPORT_AGGREGATE_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gk_aggregate gk_aggregate;

/** Flags of gk_aggregate_new (bits of its uint32_t). */
typedef enum gk_aggregate_flag {
  GK_AGGREGATE_NO_CONTRIBUTORS = 1u << 0, /**< count contributors, do not list them */
  /** Contributors of different years are meant (no aggregate.years). Since 0.2.0. */
  GK_AGGREGATE_MULTI_YEAR = 1u << 1,
  /** Sum incomplete contributors too (still listed as aggregate.incomplete). Since 0.2.0. */
  GK_AGGREGATE_INCLUDE_INCOMPLETE = 1u << 2,
  /** Validate each contributor; its own table errors become aggregate.contributor
   *  findings. Since 0.2.0. */
  GK_AGGREGATE_CHECK_CONTRIBUTORS = 1u << 3,
  /** Apply each contributor's single-cell culprit repairs (gk_diag_suspect) before
   *  summing, each listed as aggregate.repaired; implies the check. Since 0.2.0. */
  GK_AGGREGATE_REPAIR = 1u << 4
} gk_aggregate_flag;

/** Create an empty aggregate. Since 0.1.0. */
GK_API int gk_aggregate_new(gk_aggregate **out, uint32_t flags);
/** Free; NULL-safe. Since 0.1.0. */
GK_API void gk_aggregate_free(gk_aggregate *a);

/** Add a report (not kept: its cells are summed, its metadata listed). Literal
 *  cells count as blank and each gives an "aggregate.literal" warning in `diags`
 *  (may be NULL) with its path and line. An incomplete report (truncated, tables
 *  missing, pre-2019, every cell blank) is left out (aggregate.incomplete) unless
 *  GK_AGGREGATE_INCLUDE_INCOMPLETE; a duplicate (the same agency and year, or the
 *  same tables under another name) is skipped (aggregate.duplicate); both return
 *  GK_OK. GK_EOVERFLOW (aggregate unchanged, an aggregate.overflow finding) when a
 *  sum does not fit; GK_ENOMEM (unchanged). Since 0.1.0. */
GK_API int gk_aggregate_add(gk_aggregate *a, const gk_report *r, gk_diags *diags);
/** Add every report of `b` to `a` (b unchanged). GK_EOVERFLOW / GK_ENOMEM leave a
 *  unchanged. Since 0.1.0. */
GK_API int gk_aggregate_merge(gk_aggregate *a, const gk_aggregate *b);

/** Number of reports summed. Since 0.1.0. */
GK_API uint64_t gk_aggregate_count(const gk_aggregate *a);
/** Number of incomplete reports left out of the sum (aggregate.incomplete). Since 0.2.0. */
GK_API uint64_t gk_aggregate_left_out_count(const gk_aggregate *a);
/** Number of reports skipped: duplicates (aggregate.duplicate) and reports that
 *  would overflow a sum (aggregate.overflow). Since 0.2.0. */
GK_API uint64_t gk_aggregate_skipped_count(const gk_aggregate *a);
/** List at most `cap` findings of each per-report rule (aggregate.literal,
 *  .contributor, .incomplete, .duplicate, .repaired, .overflow, .overlap,
 *  jsonl.line); gk_aggregate_check then adds one finding per rule with the number
 *  not listed. 0 (the default) lists all. Since 0.2.0. */
GK_API int gk_aggregate_set_finding_cap(gk_aggregate *a, uint64_t cap);
/** Number of literal cells counted as blank. Since 0.1.0. */
GK_API uint64_t gk_aggregate_literal_count(const gk_aggregate *a);
/** Edition of the result: the one edition of the reports, the newest edition for a
 *  mix (the common view), 0 when empty. Since 0.1.0. */
GK_API gk_edition gk_aggregate_edition(const gk_aggregate *a);
/** 1 when reports of more than one edition were summed (the result is the common
 *  view), else 0. Since 0.1.0. */
GK_API int gk_aggregate_mixed(const gk_aggregate *a);

/** The consolidated report (caller frees). Its year is the contributors' year when
 *  they share one, else 0; agency name is `name` (may be NULL). GK_ENOTFOUND when
 *  empty. Since 0.1.0. */
GK_API int gk_aggregate_result(gk_report **out, const gk_aggregate *a, const char *name);

/** Findings about the consolidation itself, appended to `diags`: aggregate.overlap
 *  (one per region, naming the reports, when contributors are listed; without a
 *  list they are reported while adding), aggregate.years (unless
 *  GK_AGGREGATE_MULTI_YEAR), aggregate.duplicate (reports found in two merged
 *  parts), the counts of findings over the cap, aggregate.editions,
 *  aggregate.unit. Since 0.1.0. */
GK_API int gk_aggregate_check(const gk_aggregate *a, gk_diags *diags);

/** Number of listed contributors (0 with GK_AGGREGATE_NO_CONTRIBUTORS). Since 0.1.0. */
GK_API size_t gk_aggregate_contributor_count(const gk_aggregate *a);
/** Contributor i in order of addition (merged lists follow; a loaded aggregate
 *  lists them as saved, in canonical order: year, edition, name, code, region,
 *  kind, level): borrowed name (may be NULL), year, edition. GK_EINVAL out of
 *  range. Since 0.1.0. */
GK_API int gk_aggregate_contributor(const char **name_out, int *year_out, int *edition_out,
                                    const gk_aggregate *a, size_t i);

/** Save an aggregate as JSON (partial sums per edition, counts, contributors in
 *  canonical order); free *out with gk_free(). Since 0.1.0. */
GK_API int gk_aggregate_to_json(char **out, size_t *len_out, const gk_aggregate *a);
/** Load an aggregate saved by gk_aggregate_to_json. GK_EPARSE with a "json.syntax"
 *  / "json.value" item in `diags` (may be NULL) on a bad document. Since 0.1.0. */
GK_API int gk_aggregate_from_json(gk_aggregate **out, const char *utf8, size_t len,
                                  gk_diags *diags);

/** Feed a chunk of a JSON Lines stream (one report document per line, see
 *  gk_report_from_json); chunks may split lines anywhere. Complete lines are added
 *  as they arrive; only the current partial line is buffered (at most 64 MiB: a
 *  longer line is reported and skipped). A bad line gives a "jsonl.line" error
 *  with its line number in `diags` and is skipped; the others are kept. Blank
 *  lines are skipped. Returns GK_OK unless memory runs out (GK_ENOMEM). Since 0.1.0. */
GK_API int gk_aggregate_add_jsonl(gk_aggregate *a, const char *chunk, size_t len,
                                  gk_diags *diags);
/** End of the JSON Lines stream: adds a last line without newline and resets the
 *  line counter for the next stream. Since 0.1.0. */
GK_API int gk_aggregate_add_jsonl_end(gk_aggregate *a, gk_diags *diags);
/** Name used as the file of "jsonl.line" findings (copied; NULL clears). Since 0.1.0. */
GK_API int gk_aggregate_set_jsonl_source(gk_aggregate *a, const char *name);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_AGGREGATE_H */
