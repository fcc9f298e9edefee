/* SPDX-License-Identifier: MIT */
/* libgkreport internal: the XLSX reader (read_xlsx.c reads the parts of the
 * workbook, read_xlsx_grid.c lays a sheet out as the grid of grid.h). Never
 * installed. */
#ifndef GKREPORT_READ_XLSX_H
#define GKREPORT_READ_XLSX_H

#include <stddef.h>
#include <stdint.h>
#include "grid.h"

/* The reader's limits: bytes of one uncompressed XML part, cells (<c>) and
 * shared strings of the whole workbook, bytes of cell text, merged columns
 * (the sum of the merged ranges' widths). */
typedef struct {
  size_t xml, cells, strings, text, merged;
} gk__xlsx_caps;

/* The caps of gk__xlsx_grid (document.h's GK_XLSX_MAX_*). */
extern const gk__xlsx_caps gk__xlsx_default_caps;

/* Read a workbook into g (pos_kind GK__POS_DOCX: a cell's line is sheet << 16 |
 * row, its column the sheet's column, 1-based). GK_OK, GK_ENOMEM, or
 * GK_EPARSE with a located error in d (may be NULL). */
int gk__xlsx_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d);
int gk__xlsx_grid_caps(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d,
                       const gk__xlsx_caps *caps);

/* One cell of a sheet as read: 0-based row and column, its text in the sheet's
 * text (or, sst set, the shared strings' text) at off, len bytes (0: blank). */
typedef struct {
  uint32_t row, col, off, len;
  uint8_t sst;
} gk__xcell;

/* A merged range (<mergeCell ref="B2:D3">), 0-based, inclusive; gcell the
 * grid cell of its top left cell once laid out (UINT32_MAX: none). */
typedef struct {
  uint32_t r0, c0, r1, c1, gcell;
} gk__xmerge;

/* A sheet as read, handed to gk__xlsx_sheet_grid. */
typedef struct {
  gk__xcell *cells;
  size_t ncells, capcells;
  gk__xmerge *merges;
  size_t nmerges, capmerges;
  gk__buf text;           /* the cells' own text */
  const gk__buf *sst;     /* the shared strings' text */
  int unsorted;           /* cells not in (row, column) order as read */
  uint32_t sheetno;       /* 1-based, in workbook order */
} gk__xsheet;

/* Lay the sheet out in g: its rows in order, empty rows skipped, a row whose
 * one cell is text a paragraph, other rows ROW blocks (a table a run of them),
 * merged ranges spans. *table numbers the tables on (updated). A sheet whose
 * header row is the findings sheet's (xlsx_report.c) is not read. GK_OK or
 * GK_ENOMEM (cells are sorted in place). */
int gk__xlsx_sheet_grid(gk__grid *g, gk__xsheet *s, uint32_t *table);

/* The text of a number cell as written in the XML, s[0..n), as Excel shows it
 * in plain notation into out (cap bytes): an exponent applied ("1.5E+3" ->
 * "1500"), at most 15 significant digits (rounded half up, in decimal, as
 * Excel keeps them: "0.30000000000000004" -> "0.3"), trailing fraction zeros
 * dropped. Returns the length, or 0 when s is no number of that form or the
 * result does not fit (the text is then kept as written). */
size_t gk__xlsx_number(const char *s, size_t n, char *out, size_t cap);

/* The findings sheet gk_report_to_xlsx writes: its names and header row in
 * both languages (xlsx_findings.c), declared once for the writer and the reader. */
enum { GK__XLSX_FINDINGS_NCOLS = 6 };
extern const char *const gk__xlsx_findings_sheet[2];
extern const char *const gk__xlsx_findings_head[2][GK__XLSX_FINDINGS_NCOLS];

#endif /* GKREPORT_READ_XLSX_H */
