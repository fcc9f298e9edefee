/* SPDX-License-Identifier: MIT */
/* The table walk (recognize_table.c) against its reference: every table of
 * every edition read from regions of a document's lines twice, with the fast
 * paths (walk.ref 0) and without them (walk.ref 1); the two must give the same
 * cells (state, value, literal, unit, line, grid cell) and the same findings
 * (rule, severity, line, messages, cells). Shared by the suites that render
 * documents (test_table_walk, test_text_layouts, test_doc_variants). */
#ifndef GK_WALK_REF_H
#define GK_WALK_REF_H

#include <stddef.h>
#include <stdint.h>
#include "grid.h"

/* Walk regions of the grid's lines both ways: the whole document and a few
 * regions chosen by seed, for every table of every edition. Returns the
 * regions whose two walks differ (each printed); *walked (may be NULL) gets
 * the number of regions compared. */
size_t gk_test_walk_ref_grid(const gk__grid *g, uint32_t seed, size_t *walked);
/* The same for UTF-8 text s[0..n) read by the text reader. */
size_t gk_test_walk_ref_text(const char *s, size_t n, uint32_t seed, size_t *walked);

#endif
