/* SPDX-License-Identifier: MIT */
/* libgkreport internal: run-together digits split by the format's identities
 * (issue 11). Never installed.
 *
 * A published copy may print the cells of a row with no separator between
 * them ("801000081" for 80|1|0|0|0|0|81, "2648-18538" for 2648|-18|538). Given
 * the tokens the reader saw for a run of cells (each token one cell or several
 * run together) and the cells they must fill (table, row, column of each, in
 * reading order), gk__digit_split enumerates every way to cut the tokens into
 * the cells that reads as values of the cells' kinds (no leading zero, a sign
 * only on signed cells, a decimal part and unit only on amounts), and keeps
 * those for which every per-row relation of the edition that involves the
 * cells holds (requests.row_total, review.total, ...). Nothing here knows a
 * row or a column: the kinds and relations come from the declarations.
 *
 * Work is bounded: at most `cap` partial cuts are tried (GK__SPLIT_CAP when 0);
 * when the cap is hit `capped` is set and the caller must not take a survivor. */
#ifndef GKREPORT_DIGIT_SPLIT_H
#define GKREPORT_DIGIT_SPLIT_H

#include <stddef.h>
#include "internal.h"

#define GK__SPLIT_MAXCELLS 32 /* cells one split may fill (table 四: 15) */
#define GK__SPLIT_KEEP 4      /* survivors kept to be named */
#define GK__SPLIT_CAP 400000  /* partial cuts tried by default */

typedef struct { const char *p; size_t n; } gk__piece;

typedef struct {
  const gk__edition *ed;
  int table;
  size_t ncells;
  const size_t *row, *col; /* per cell, reading order */
} gk__split_spec;

typedef struct {
  size_t nsurv;  /* splits for which every relation holds */
  size_t nread;  /* splits that read as values (relations not yet applied) */
  int capped;    /* the cap was hit: counts are lower bounds */
  size_t nkeep;  /* survivors kept in cand[] (at most GK__SPLIT_KEEP) */
  gk__piece cand[GK__SPLIT_KEEP][GK__SPLIT_MAXCELLS];
  size_t work;   /* partial cuts tried */
} gk__split_result;

/* Split tok[0..ntok) into sp->ncells cells. GK_OK (see res), GK_EINVAL when
 * there are more cells than GK__SPLIT_MAXCELLS or fewer cells than tokens. */
int gk__digit_split(gk__split_result *res, const gk__split_spec *sp, const gk__piece *tok, size_t ntok,
                    size_t cap);

/* 1 when the token may hold several cells: ASCII digits with signs and decimal
 * points, maybe a unit 元 / 万元 at its end. */
int gk__split_token_runs(const char *p, size_t n);

/* Append candidate k of res as "80|1|0|0|0|0|81". */
void gk__split_put(gk__buf *b, const gk__split_result *res, size_t k, size_t ncells);

#endif /* GKREPORT_DIGIT_SPLIT_H */
