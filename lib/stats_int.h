/* SPDX-License-Identifier: MIT */
/* Internal helpers shared by the statistics modules (series.c, aggregate.c,
 * indicator.c, jsonl.c). Never installed; everything is prefixed gk__. */
#ifndef GKREPORT_STATS_INT_H
#define GKREPORT_STATS_INT_H

#include <stddef.h>
#include <stdint.h>
#include "internal.h"

/* Views index editions by their position in gk_schema_edition_id order, below
 * GK__MAX_EDITIONS (internal.h). */

/* ------------------------------------------------------------ views (format.md §8)
 * A view is the list of cells a set of editions shares. Each entry names a cell by
 * its path (in the newest edition that has it) and, per edition index, the row and
 * column that feed it (-1: the edition has no such cell). An entry is comparable
 * when every edition of the view feeds it. For requests and review, cells match by
 * row and column key, and a row whose parent is a stored derived row (2021 other.*)
 * is collapsed into that parent; for active, only the pairs declared in
 * schema_tables.c (gk__edition_commons: made ~ issued, decisions) match across
 * editions. Implemented in view.c. */
typedef struct {
  char path[72];
  int table;
  int kind;                 /* GK_KIND_* */
  int comparable;           /* every edition of the view has it */
  int16_t row[GK__MAX_EDITIONS];  /* per edition index, -1 none */
  int16_t col[GK__MAX_EDITIONS];
} gk__view_entry;

typedef struct {
  gk__view_entry *e;
  size_t n;
  uint32_t edmask; /* bit i: edition index i takes part */
} gk__view;

/* Index of an edition id in gk_schema_edition_id order, -1 unknown. */
int gk__ed_index(int edition);
/* Build the view of the editions in `edmask`. With `common_only` the view holds only
 * the comparable entries (the common view used to sum mixed editions). Non-comparable
 * entries follow the comparable ones. GK_OK or GK_ENOMEM. */
int gk__view_build(gk__view *v, uint32_t edmask, int common_only);
void gk__view_free(gk__view *v);
/* Value of a view entry in report r: GK_OK with the effective state/value, or
 * GK_ENOTFOUND when r's edition does not have the cell. */
int gk__view_value(const gk__view_entry *e, const gk_report *r, int *state_out,
                   int64_t *value_out);


/* ------------------------------------------------------------ exact ratios
 * Format 100 * num / den (or num / den when `percent` is 0) with `places` decimals,
 * rounded half to even, into buf ("33.90", "-12.50"). den must not be 0.
 * Returns the length (without NUL) or GK_EINVAL / GK_EOVERFLOW. */
int gk__ratio_format(char *buf, size_t cap, int64_t num, int64_t den, int percent, int places);

/* ------------------------------------------------------------ findings
 * Append a finding with its messages, cells (NULL-terminated list), values and
 * position. Severity and rule as given. GK_OK or GK_ENOMEM (then d is unchanged). */
int gk__stats_emit(gk_diags *d, int sev, const char *rule, const char *zh, const char *en,
                   const char *file, uint32_t line, const char *const *cells,
                   const char *expected, const char *actual);

/* ------------------------------------------------------------ the aggregate
 * Shared by aggregate.c (sums, JSON) and jsonl.c (JSON Lines input). */
#define GK__UNIT_MIXED 255u /* internal: amounts of different units summed */
#define GK__JSONL_LINE_MAX ((size_t)64 << 20)

typedef struct {
  char *name, *code, *region;
  int year, edition, level, kind;
} contributor;

/* What a consolidation remembers in a few bytes per distinct thing
 * (aggregate_keys.c): 64-bit entries, tag GK__KEY_* in bits 15..14. */
enum { GK__KEY_AGENCY = 1, GK__KEY_TABLES = 2, GK__KEY_REGION = 3 };
typedef struct {
  uint64_t *e;
  size_t n, cap;
} gk__aggkeys;
uint64_t gk__aggkey(int tag, const void *p, size_t n, uint64_t salt);
int gk__aggkeys_reserve(gk__aggkeys *t, size_t extra);
void gk__aggkeys_free(gk__aggkeys *t);
int gk__aggkeys_has(const gk__aggkeys *t, uint64_t key);
/* The entry of key, or the empty slot where it would go (NULL: empty table). */
uint64_t *gk__aggkeys_find(const gk__aggkeys *t, uint64_t key);
uint64_t *gk__aggkeys_put(gk__aggkeys *t, uint64_t key); /* room reserved before */
void gk__aggkeys_count(uint64_t *e, unsigned gov, unsigned inside);
unsigned gk__aggkeys_gov(uint64_t e);
unsigned gk__aggkeys_inside(uint64_t e);
/* Add src's entries to t (region counts summed); *dups_out += agency keys found
 * in both and regions with a government report of the year in both (one per
 * report summed twice). */
int gk__aggkeys_merge(gk__aggkeys *t, const gk__aggkeys *src, uint64_t *dups_out);

/* Regions (aggregate_overlap.c): the chain of divisions of an agency. */
#define GK__MAX_DEPTH 8
typedef struct {
  const char *s;              /* the region text (region, else the name) */
  size_t ends[GK__MAX_DEPTH]; /* byte end of each division of the chain */
  int n, kind;                /* divisions; GK_AGENCY_KIND_* (inferred when unset) */
  int year;                   /* regions are counted per year */
} gk__overlap_plan_t;
int gk__region_chain(size_t *ends, size_t max, const char *name, const char *region,
                     const char **s_out);
int gk__agency_kind_of(const char *name, int kind);
int gk__overlap_plan(gk__overlap_plan_t *p, const char *name, const char *region, int kind,
                     int year);
/* Key of division j of a plan's chain. */
uint64_t gk__overlap_key(const gk__overlap_plan_t *p, int j);
void gk__overlap_note(gk__aggkeys *t, const gk__overlap_plan_t *p, int *done_out);
struct gk_aggregate;
/* The state of reading JSON Lines into an aggregate (jsonl.c): the partial line,
 * its number, the source name. Freed with the aggregate. */
struct gk__jsonl;
void gk__jsonl_free(struct gk__jsonl *j);
int gk__overlap_check(const struct gk_aggregate *a, gk_diags *d);

/* Findings of a consolidation that are capped per rule (gk_aggregate_set_finding_cap). */
#define GK__AGG_NCAPPED 8

struct gk_aggregate {
  uint32_t flags;
  uint64_t count, literals;
  uint64_t per_ed[GK__MAX_EDITIONS];
  int year_min, year_max;
  gk_report *acc[GK__MAX_EDITIONS]; /* full sums per edition, NULL until used */
  gk_report *common;          /* the common view of every report summed */
  gk__view view;              /* common view over all editions */
  contributor *con;
  size_t ncon, capcon;
  gk__aggkeys keys;              /* agencies, tables, regions (aggregate_keys.c) */
  int known_min, known_max;      /* years of the reports that state one (0: none) */
  uint64_t left_out, skipped;    /* incomplete reports left out; duplicates, overflows skipped */
  uint64_t dup_merged;           /* duplicates found when merging (already summed) */
  uint64_t cap;                  /* findings per rule (0: all) */
  uint64_t emitted[GK__AGG_NCAPPED], suppressed[GK__AGG_NCAPPED];
  struct gk__jsonl *jsonl;       /* JSON Lines reading state (jsonl.c), NULL until used */
  gk_diags *vscratch;            /* a contributor's own findings */
  struct gk_validate_opts *vopts;
};

/* The options of an aggregate by name, as saved (aggregate_doc.c). */
typedef struct {
  uint32_t flag;
  const char *name;
} gk__agg_option;
extern const gk__agg_option gk__agg_options[];
extern const size_t gk__nagg_options;

/* Contributors (aggregate.c): a copy of the strings; room for `extra` more. */
void gk__con_free(contributor *c);
int gk__con_reserve(struct gk_aggregate *a, size_t extra);
int gk__con_make(contributor *c, const char *name, const char *code, const char *region,
                 int year, int edition, int level, int kind);
/* The cell (t, row, col) of r for writing (aggregate.c). */
gk__cell *gk__agg_cell(gk_report *r, int t, size_t row, size_t col);

/* Add r located at file:line (line 0: the report's own positions). Runs the
 * checks of a contributor (aggregate_findings.c) and sums it (aggregate.c). */
int gk__aggregate_add_at(struct gk_aggregate *a, const gk_report *r, gk_diags *d,
                         const char *file, uint32_t line);
/* Emit a finding of a consolidation, counted against the cap of its rule. */
int gk__agg_emit(struct gk_aggregate *a, gk_diags *d, const char *rule, const char *zh,
                 const char *en, const char *file, uint32_t line, const char *const *cells,
                 const char *expected, const char *actual);
/* One finding per capped rule: how many more were not listed. */
int gk__agg_emit_suppressed(const struct gk_aggregate *a, gk_diags *d);

#endif /* GKREPORT_STATS_INT_H */
