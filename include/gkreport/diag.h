/* SPDX-License-Identifier: MIT */
/* libgkreport: diagnostics, the one list type for parse errors and findings.
 *
 * A gk_diags owns copies of all its strings, so it outlives the report it
 * describes. Each item has: severity, rule id (format.md §7, or a parser id such
 * as "json.syntax"), message in Chinese and English, the cells involved (paths),
 * expected and actual values as text, a source position (file, line, column),
 * optionally a suspect cell with the value that would repair every failed
 * identity, and a waiver (reason) when the caller waived it.
 *
 * Threads: a gk_diags is not locked. Its accessors (gk_diag_*, gk_diags_count*,
 * gk_diags_to_json, gk_diag_format) only read it, so a list no thread changes may
 * be read from many threads at once (gk_diags_append reads its src so too). Every
 * function that adds, changes or clears items needs the list to itself: give each
 * thread its own list and gk_diags_append them afterwards. The severity
 * functions and gk_input_check with a NULL diags touch no object.
 */
#ifndef GKREPORT_DIAG_H
#define GKREPORT_DIAG_H

#include "common.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gk_diags gk_diags;

/** Severities, ordered. */
typedef enum gk_severity {
  GK__SEV_INT = -1, GK_SEV_INFO = 0, GK_SEV_WARNING = 1, GK_SEV_ERROR = 2
} gk_severity;

/** Create an empty list. Since 0.1.0. */
GK_API int gk_diags_new(gk_diags **out);
/** Free; NULL-safe. Since 0.1.0. */
GK_API void gk_diags_free(gk_diags *d);
/** Remove every item. Since 0.1.0. */
GK_API void gk_diags_clear(gk_diags *d);
/** Number of items (0 for NULL). Since 0.1.0. */
GK_API size_t gk_diags_count(const gk_diags *d);
/** Number of items not waived with severity >= min_severity. Since 0.1.0. */
GK_API size_t gk_diags_count_severity(const gk_diags *d, gk_severity min_severity);

/** Append an item; strings are copied (NULL allowed for all but rule). The new
 *  item's index goes to *index_out when not NULL (0 on failure). Since 0.1.0;
 *  0.2.0 puts index_out first (0.1.0: gk_diags_add(d, index_out, severity, ...)). */
GK_API int gk_diags_add(size_t *index_out, gk_diags *d, gk_severity severity, const char *rule,
                        const char *msg_zh, const char *msg_en,
                        const char *file, uint32_t line, uint32_t column);
/** Attach a cell path to item i (the first one added is the primary cell). Since 0.1.0. */
GK_API int gk_diags_add_cell(gk_diags *d, size_t i, const char *path);
/** Set expected / actual values (text; NULL clears). Since 0.1.0. */
GK_API int gk_diags_set_values(gk_diags *d, size_t i, const char *expected, const char *actual);
/** Set the probable culprit: a cell path and the value that would fix it. Since 0.1.0. */
GK_API int gk_diags_set_suspect(gk_diags *d, size_t i, const char *path, const char *value);
/** Add a candidate of an ambiguous repair to item i: a cell path and the value
 *  that alone would fix the finding, when more than one cell could (no suspect
 *  is set then). Both non-NULL. Since 0.2.0. */
GK_API int gk_diags_add_candidate(gk_diags *d, size_t i, const char *path, const char *value);
/** Set item i's note: what the person fixing the report can do (the probable
 *  repair, or the candidates of an ambiguous one), zh and en (NULL clears).
 *  Since 0.2.0. */
GK_API int gk_diags_set_note(gk_diags *d, size_t i, const char *note_zh, const char *note_en);
/** Mark item i as waived with a reason (non-NULL). Since 0.1.0. */
GK_API int gk_diags_waive(gk_diags *d, size_t i, const char *reason);
/** Append copies of every item of src. Since 0.1.0. */
GK_API int gk_diags_append(gk_diags *d, const gk_diags *src);

/* Accessors: i out of range gives NULL / 0 / -1. Strings are borrowed from d. */
GK_API int         gk_diag_severity(const gk_diags *d, size_t i);
GK_API const char *gk_diag_rule(const gk_diags *d, size_t i);
GK_API const char *gk_diag_message(const gk_diags *d, size_t i, gk_lang lang);
GK_API size_t      gk_diag_ncells(const gk_diags *d, size_t i);
GK_API const char *gk_diag_cell(const gk_diags *d, size_t i, size_t k);
GK_API const char *gk_diag_expected(const gk_diags *d, size_t i);
GK_API const char *gk_diag_actual(const gk_diags *d, size_t i);
GK_API const char *gk_diag_file(const gk_diags *d, size_t i);
GK_API uint32_t    gk_diag_line(const gk_diags *d, size_t i);
GK_API uint32_t    gk_diag_column(const gk_diags *d, size_t i);
GK_API const char *gk_diag_suspect(const gk_diags *d, size_t i);
GK_API const char *gk_diag_suspect_value(const gk_diags *d, size_t i);
/** Candidates of an ambiguous repair (see gk_diags_add_candidate): their count,
 *  then candidate k's cell path and value. Since 0.2.0. */
GK_API size_t      gk_diag_ncandidates(const gk_diags *d, size_t i);
GK_API const char *gk_diag_candidate(const gk_diags *d, size_t i, size_t k);
GK_API const char *gk_diag_candidate_value(const gk_diags *d, size_t i, size_t k);
/** Item i's note in lang (the other language when absent in it), NULL without
 *  one. Since 0.2.0. */
GK_API const char *gk_diag_note(const gk_diags *d, size_t i, gk_lang lang);
GK_API int         gk_diag_waived(const gk_diags *d, size_t i);
GK_API const char *gk_diag_waiver_reason(const gk_diags *d, size_t i);

/** Severity key ("info", "warning", "error"), NULL out of range. Since 0.1.0. */
GK_API const char *gk_severity_key(gk_severity severity);
/** Severity for a key, or GK_ENOTFOUND. Since 0.1.0. */
GK_API int gk_severity_find(const char *key);

/** The source position of item i as gk_diag_format() prints it, NUL-terminated
 *  into buf: ":118" or ":118:7" (line, column), "" when it has none; for a file
 *  named *.docx the DOCX form of lib/grid.h (line = table << 16 | row, column =
 *  cell): " (table 3, row 5, cell 2)" / "（表3第5行第2格）", and for prose
 *  " (paragraph 12)" / "（第12段）" (lang GK_LANG_EN / GK_LANG_ZH). Returns the
 *  length needed. Since 0.2.0. */
GK_API int gk_diag_position(char *buf, size_t cap, const gk_diags *d, size_t i, gk_lang lang);

/** Format item i like a compiler: "file:line: severity rule: message" (lang),
 *  NUL-terminated into buf. Returns the length needed. Since 0.1.0. */
GK_API int gk_diag_format(char *buf, size_t cap, const gk_diags *d, size_t i, gk_lang lang);

/** The input cap check every reader makes first: GK_OK when len <= max_input
 *  (0 means GK_DEFAULT_MAX_INPUT), else GK_EPARSE and, when diags is not NULL,
 *  one error item "import.too_large" (file source_name, expected "<= CAP",
 *  actual the length); GK_ENOMEM when that item cannot be added. The readers
 *  apply the default; a caller that wants a lower cap calls this first with its
 *  own (the CLI's --max-input also bounds what it reads). Since 0.2.0. */
GK_API int gk_input_check(size_t len, size_t max_input, const char *source_name, gk_diags *diags);

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_DIAG_H */
