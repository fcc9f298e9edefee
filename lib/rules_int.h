/* SPDX-License-Identifier: MIT */
/* libgkreport internal: the rule catalogue (format.md §7) and the helper every
 * rule module (validate.c, text rules, series rules) uses to emit a finding.
 * Never installed; everything is gk__ and hidden. */
#ifndef GKREPORT_RULES_INT_H
#define GKREPORT_RULES_INT_H

#include <stddef.h>
#include <stdint.h>
#include "internal.h"

/* Scope of a rule: what it looks at. Keys "report", "text", "series", and for
 * the findings of consolidation and of reading input, "aggregate" and "import". */
enum { GK__SCOPE_REPORT = 0, GK__SCOPE_TEXT = 1, GK__SCOPE_SERIES = 2, GK__SCOPE_AGGREGATE = 3,
       GK__SCOPE_IMPORT = 4 };


/* One catalogue entry. `zh` / `en` describe the rule (the zh text is the
 * wording of format.md); findings carry their own messages with the numbers. */
typedef struct {
  const char *id;      /* stable rule id, e.g. "requests.balance" */
  int severity;        /* default GK_SEV_* */
  int scope;           /* GK__SCOPE_* */
  int since, until;    /* editions covered: declared ids in [since, until], 0 open */
  const char *zh, *en;
} gk__rule_info;

/* The catalogue, in format.md order, and its size. */
extern const gk__rule_info gk__rules[];
extern const size_t gk__nrules;

/* Entry for an exact id, NULL when unknown. */
const gk__rule_info *gk__rule_find(const char *id);
/* 1 if rule `ri` covers `edition` (a declared or registered edition), else 0. */
int gk__rule_covers(const gk__rule_info *ri, int edition);
/* Scope key ("report", "text", "series"), NULL out of range. */
const char *gk__scope_key(int scope);

/* Append a finding of `rule_id` (must be in the catalogue, else GK_EINVAL) with
 * its default severity. file = gk_report_source(r) (r may be NULL). cell_path,
 * when given, becomes the primary cell; when line is 0 and r and cell_path are
 * given, the line is the cell's source line. expected/actual/messages may be
 * NULL. The new item's index goes to *index_out (may be NULL). On failure
 * (GK_ENOMEM) any partly built item stays in d; callers roll back with
 * gk__diags_truncate when they need to. */
int gk__emit(gk_diags *d, const gk_report *r, const char *rule_id, const char *cell_path,
             uint32_t line, const char *expected, const char *actual, const char *msg_zh,
             const char *msg_en, size_t *index_out);
/* Same with an explicit severity (GK_SEV_*), or the default when severity < 0
 * (series.carry is an error on `total`, a warning per column). */
int gk__emit_sev(gk_diags *d, const gk_report *r, const char *rule_id, int severity,
                 const char *cell_path, uint32_t line, const char *expected, const char *actual,
                 const char *msg_zh, const char *msg_en, size_t *index_out);

#endif /* GKREPORT_RULES_INT_H */
