/* SPDX-License-Identifier: MIT */
/* libgkreport internal: the recognizer's shared types (recognize*.c). The
 * document is read as lines, each a block of the grid (grid.h): a text grid's
 * source line, a paragraph's line, or a row (its cells joined by TAB for the
 * document-level matching; the table walk reads the row's cells). Never
 * installed. */
#ifndef GKREPORT_RECOGNIZE_INT_H
#define GKREPORT_RECOGNIZE_INT_H

#include <stddef.h>
#include <string.h>
#include <stdint.h>
#include "internal.h"
#include "text_int.h"
#include "digit_split.h"
#include "grid.h"

#define LAB_KEEP 2048   /* label text kept before a run of values (bytes) */
#define NPARTS GK__NPARTS

/* A line of the document: a block of the grid (a text grid's source line, a
 * paragraph's line or a row's cells joined by TAB); line is its number in the
 * document (a text grid: the source line), blk its block. */
typedef struct {
  const char *p;
  size_t n;
  uint32_t line;
  uint32_t blk;
} tline;

enum { SLOT_VALUE = 0, SLOT_EMPTY = 1 };
typedef struct {
  const char *p;
  size_t n;
  uint32_t line;
  int kind;
  uint32_t cell; /* the grid cell it was read from, + 1 (0: none) */
} slot;

/* A row whose digit run reads several ways that fit the row's relations: the
 * readings, kept until the table is read, when the column relations (balance,
 * outcome sums) may leave one. */
#define GK__AMB_ROWS 8
typedef struct {
  size_t row, ncand;
  uint32_t line;
  slot cand[GK__SPLIT_KEEP][GK__MAX_COLS];
  gk__buf zh, en; /* the import.ambiguous message, said when the columns do not decide */
} amb_row;

/* A table's columns read from its header row(s) (recognize_cols.c): per
 * laid-out column x of the header, the declared column it names (a group cell
 * above it naming a row of table 四), or none. width 0: no header that decides;
 * values are placed by position. */
#define GK__COLMAP_W 48
/* GK__COL_FOREIGN: another edition's column of none of this table (recognize_cols.c) */
enum { GK__COL_NONE = -1, GK__COL_OTHER = -2, GK__COL_FOREIGN = -3 };
typedef struct {
  uint32_t width;               /* laid-out columns of the header; 0 no map */
  uint32_t table;               /* the grid table of the header rows (0: none, TAB lines) */
  int fresh;                    /* header rows only so far: the next one refines */
  int8_t col[GK__COLMAP_W];     /* declared column, GK__COL_NONE (blank), GK__COL_OTHER or _FOREIGN */
  int8_t grp[GK__COLMAP_W];     /* table 四: the row a group cell above names, -1 none */
  uint32_t head[GK__COLMAP_W];  /* the header cell there (grid cell + 1), 0 none */
  uint32_t hline[GK__COLMAP_W]; /* its document line */
  uint64_t said;                /* columns said ignored (bit x) */
} gk__colmap;

/* A row's cells placed by the header: label cells in order, then one slot per
 * declared column (table 四 with groups: per cell of the table) in order. */
typedef struct {
  uint32_t lab[GK__COLMAP_W];   /* cells (index in the row) read as label text */
  size_t nlab;
  int32_t val[GK__COLMAP_W];    /* per slot: the cell (index in the row), -1 blank */
  size_t nval;
} gk__colplan;

typedef struct {
  gk_report *r;
  const gk__edition *ed; /* r's edition (gk__report_ed), set with r */
  gk_diags *d;
  const char *file;
  int rc;              /* first hard error (GK_ENOMEM) */
  int truncated;       /* the document ends inside this table */
  int trunc_table;     /* where a truncated copy ends: table (-1 none) and first row missing */
  size_t trunc_row;
  /* table walk */
  int t;
  size_t cursor;       /* next row expected */
  unsigned char *done; /* per row: 1 filled, 2 skipped on purpose */
  gk__buf lab;         /* normalised label text since the last run */
  uint32_t lab_line;   /* first line of the label text */
  slot *run;
  size_t nrun, caprun;
  /* review: all slots in order */
  slot *rv;
  size_t nrv, caprv;
  uint32_t last_line;
  const gk__labels *L; /* normalised labels */
  int start_cut;       /* the region starts inside its table (a copy cut at the top) */
  int vbl;             /* values before labels? 0 no run of values yet, 1 the first under no
                        * row's label (for vbl_row), 2 no, 3 yes (the region refused) */
  size_t vbl_row;
  int after;           /* values before labels read: a run's label is the text after it */
  slot pend[16];       /* a short run, pending: ambiguous or cut by the end */
  size_t namb;
  size_t npend, pend_row;
  const tline *lines;  /* the document's lines */
  size_t nlines;
  const gk__grid *g;   /* the grid the lines are of */
  const tline *reg;    /* the table region being walked (gk__rec_table) */
  size_t nreg;
  int xknown;          /* recognize_xpos.c, once a region: its first row of values, */
  size_t xtop, xfv, xff; /* header's first line and first form feed from it (indices in reg) */
  gk__colmap cols;     /* the current table's columns by their header */
  int ref;             /* the reference walk: no fast path (the tests compare the two) */
  const gk__edition *led_ed; /* the edition whose labels index (gk__labels_ed) is led */
  int led;
  int ecol_known;      /* recognize_transpose.c: the empty columns (ecol_mask) of the */
  size_t ecol_lo, ecol_hi; /* table of grid blocks [ecol_lo, ecol_hi), known for this region */
  uint64_t ecol_mask;
  /* last: walk_init clears what comes before (amb[k] is written before it is read, k < namb) */
  amb_row amb[GK__AMB_ROWS]; /* runs the row's relations leave ambiguous: decided by the columns' */
} walk;
/* A walk cleared but for its (large) amb[], which namb = 0 leaves unread. */
static inline void walk_init(walk *w) { memset(w, 0, offsetof(walk, amb)); }

/* recognize_table.c: one table region [from, to) of the lines into the
 * report's table t (the walk over rows, labels and runs of values). */
int gk__rec_table(walk *w, int t, const tline *lines, size_t from, size_t to, int truncated);
/* The document's lines of a grid (recognize.c): a text grid's source lines,
 * else the blocks written out into buf; *out gk__malloc'd. GK_ENOMEM,
 * GK_EOVERFLOW. */
int gk__rec_grid_lines(const gk__grid *g, gk__buf *buf, tline **out, size_t *nout);
/* A finding at a document line (free-standing messages / built ones, freed). */
void gk__rec_diag(walk *w, int sev, const char *rule, uint32_t line, const char *zh, const char *en);
void gk__rec_diag_bufs(walk *w, int sev, const char *rule, uint32_t line, gk__buf *zh, gk__buf *en);
/* The source line of document line `line`, for a message's text. */
uint32_t gk__rec_src_line(const walk *w, uint32_t line);
/* A line of white space only (trimming: gk__trim_left / gk__trim_right, internal.h). */
int gk__rec_blank_line(const tline *l);

/* recognize_cols.c: columns by their header labels. reset: a new table
 * region. header: a line a layout marks as a header row (Markdown) is learnt.
 * plan: a row of the region; a header row is learnt (0: the walk reads it as
 * before); 1 when the header decides where the row's cells go (pl filled; the
 * columns it ignores, 序号 and 备注, said once as import.unknown_column); 0
 * when it does not (no header, anonymous columns, another width, the order
 * declared): by position. */
void gk__rec_cols_reset(walk *w);
void gk__rec_cols_header(walk *w, const tline *l);
int gk__rec_cols_plan(walk *w, const tline *l, gk__colplan *pl);
/* (tests) may_head: the cheap first test of a row (0: no header); read_head:
 * the full one (1: the row is a header naming the table's columns). */
int gk__rec_cols_may_head(const walk *w, const gk__gblock *b);
int gk__rec_cols_read_head(const walk *w, const gk__gblock *b);
/* The declared column of the current table a header cell's text names (its
 * labels and variants, decoration removed), or -1. */
int gk__rec_cols_match(const walk *w, const char *p, size_t n);

/* recognize_xpos.c: a row's values s[0..k) on one space-aligned line
 * (pdftotext -layout) that do not fill its cells one for one, placed by their
 * horizontal position under the header words above the region's first row of
 * values: out[j] for the row's declared cell j of nc (cols[j] its column),
 * the value or SLOT_EMPTY. 0 when position says nothing (no such line or
 * header, another page, no value placed, values out of order); 1 every value
 * placed; 2 some placed, the others undecided (left blank: the caller says so). */
int gk__rec_xpos_row(walk *w, const slot *s, size_t k, const size_t *cols, size_t nc, slot *out);
/* The same for table 四 printed on one line (each column named once a row,
 * 复议 then the two 诉讼 groups left to right), or a line a row under its
 * five column labels, each line's row named by its label: out[row * ncols +
 * col] for every cell (nrows * ncols slots). */
int gk__rec_xpos_table(walk *w, const slot *s, size_t k, slot *out);

/* recognize_transpose.c: is column x of row b empty in every row of its table
 * (its grid table, or its run of TAB lines), a header row's cell included? Its
 * empty cells are then no cells of the table (a converter's "| |" column). */
int gk__rec_empty_col(walk *w, const gk__gblock *b, uint32_t x);
/* The region (w->reg) read as table w->t printed with its axes swapped: a
 * header naming the table's rows over rows of values each labelled by one of
 * its columns. 1 read so (its cells put, w->done set); 1 also when the header
 * says so but a row does not fit (the cells blank, import.ambiguous said);
 * 0 not such a table (nothing done). */
int gk__rec_transposed(walk *w);
/* Table w->t's n slots (its cells in reading order, by position only): when
 * as printed some row's relations fail and read column after column (the
 * table printed transposed) all hold, the slots are reordered so (no label in
 * the region: 1, said import.ambiguous) or the table is undecided (labels in
 * reading order: -1, said import.ambiguous; the caller leaves it blank).
 * 0: as printed. */
int gk__rec_review_order(walk *w, slot *s, size_t n);
/* recognize_table.c: slot s into cell (row, col) of table w->t. */
void gk__rec_put(walk *w, size_t row, size_t col, const slot *s);

/* recognize_labels.c: how well the (normalised) label text matches row `row`
 * of the current table: 2 a variant is contained, 1 most of one is (wrapped or
 * misspelt; only when fuzzy), 0 not; *end where the match ends in the text. */
int gk__rec_row_match(const walk *w, size_t row, const char *lab, size_t labn, int fuzzy, size_t *end);
/* The same without the first step (a label ending with one of the row's
 * wordings) and with the plain search for the longest part of a wording found
 * (one length after another): the reference the tests compare
 * gk__rec_row_match with. */
int gk__rec_row_match_full(const walk *w, size_t row, const char *lab, size_t labn, int fuzzy, size_t *end);
/* Does the label text end with a long prefix of a variant of row `row` (a label
 * wrapped below its values)? */
int gk__rec_row_prefix_at_end(const walk *w, size_t row, const char *lab, size_t labn);
/* Label text that names no row: header words only. */
int gk__rec_lab_is_noise(const walk *w, const char *lab, size_t labn);

/* recognize_doc.c: the document's lines into a report (title, year, agency,
 * edition, the parts' regions and their tables). */
int gk__rec_document(const gk__labels *L, gk_report **out, const tline *lines, size_t nlines,
                     const gk__grid *g, const char *source_name, gk_diags *d);

/* recognize_spans.c: merged cells a converter repeated in every cell they
 * span, read as spans. gk__rec_spans: 0 when grid g holds no repeat (read g
 * as it is); 1 when *view is g with each repeat a blank cell (its cells
 * gk__malloc'd: gk__free(view->cells), the rest g's); GK_ENOMEM. A row's
 * cells under one merged header holding different values are each blank and
 * flagged GK__CELL_SPANDIFF (num: the length of the text at off);
 * gk__rec_spans_say says import.ambiguous for row b of line l once it has
 * such cells. */
#define GK__CELL_SPANDIFF (1u << 16)
/* Row b's cells from k on, its values, one for one after its label: when the
 * label (w->lab) names one row of the current table that declares n cells and
 * there are more values than n, the last n-th of them repeated to the row's
 * end (a value spanning the columns the row has no cells in), the repeats to
 * drop from the end; else 0. */
uint32_t gk__rec_spans_row_cut(const walk *w, const gk__gblock *b, uint32_t k);
int gk__rec_spans(const gk__labels *L, const gk__grid *g, gk__grid *view);
/* recognize_cols.c: does a header cell's text name a declared column of any
 * table of any edition (2), else a group of them (a row of table 四, a
 * declared header group: 1), else 0? w: a scratch walk with L set (ed and t
 * are overwritten). */
int gk__rec_cols_known(walk *w, const char *p, size_t n);
void gk__rec_spans_say(walk *w, const tline *l, const gk__gblock *b);

#endif /* GKREPORT_RECOGNIZE_INT_H */
