/* SPDX-License-Identifier: MIT */
/* libgkreport internal: the document readers (read_html.c, read_docx.c) and what
 * they share (read_doc.c). Each turns a document into the grid of grid.h; the
 * public entries (document.h) hand that grid to gk__report_from_grid. Never
 * installed. */
#ifndef GKREPORT_READ_DOC_H
#define GKREPORT_READ_DOC_H

#include <stddef.h>
#include <stdint.h>
#include "grid.h"

/* Most laid-out columns of one table, largest colspan and rowspan honoured:
 * hostile spans stay within bounded memory (HTML's own limits: 1000 / 65534). */
#define GK__DOC_MAX_COLS 4096u
#define GK__DOC_MAX_COLSPAN 1000u
#define GK__DOC_MAX_ROWSPAN 65534u
/* Deepest element nesting a reader follows; deeper content is skipped with a
 * warning (10^5 nested tables stay linear). */
#define GK__DOC_MAX_DEPTH 256

/* Read an HTML page into g (pos_kind GK__POS_TEXT). GK_OK, GK_ENOMEM, or
 * GK_EPARSE with a located error in d (may be NULL). */
int gk__html_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d);
/* Append what an HTML fragment s[0..n) (UTF-8; a Markdown file's raw HTML
 * table, from the start of its first line) holds to g, which the text reader
 * is filling: its tables' rows laid out with their spans and numbered on from
 * *ntables (updated), its text as paragraphs; positions are the source's, the
 * fragment's first line being `line`. The HTML reader's limits apply. GK_OK,
 * GK_ENOMEM, GK_EPARSE (nothing appended), GK_EUNSUPPORTED (a build without
 * HTML). */
int gk__html_fragment(gk__grid *g, const char *s, size_t n, uint32_t line, uint32_t *ntables,
                      gk_diags *d);
/* Read a .docx file into g (pos_kind GK__POS_DOCX). Same contract. */
int gk__docx_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d);

/* The same with another cap on the uncompressed main part (tests: a small bomb). */
int gk__docx_grid_cap(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d,
                      size_t xml_cap);

/* A zip member read as an XML stream (xmlReaderForIO), at most cap bytes:
 * gk__zstream_read sets over when the cap is passed and failed when libzip
 * fails, and returns -1 then (read_docx.c). */
typedef struct {
  struct zip_file *zf;
  size_t total, cap;
  int over, failed;
} gk__zstream;
int gk__zstream_read(void *ctx, char *buf, int len);

/* Automatic numbering of a .docx (read_docx_num.c). */
struct _xmlTextReader;
/* A decimal attribute of the reader's current element (w:val, w:numId …): its
 * leading digits (at most 100000), dflt when it is absent or has none. */
int gk__docx_attr_int(struct _xmlTextReader *rd, const char *name, int dflt);

typedef struct gk__docx_num gk__docx_num;
struct zip;
struct zip_file;
/* Load word/numbering.xml of the archive: *out NULL when there is none;
 * GK_OK or GK_ENOMEM. */
int gk__docx_num_load(gk__docx_num **out, struct zip *za);
void gk__docx_num_free(gk__docx_num *m);
/* Append the label of the next item of list num_id at level ilvl ("一、") to b. */
void gk__docx_num_put(gk__docx_num *m, int num_id, int ilvl, gk__buf *b);

/* Tables of a .docx nested deeper than this are skipped (read_docx.c). */
#define GK__DOCX_MAX_TABLE_DEPTH 32
/* A subtree of word/document.xml the DOCX reader does not read (Word's
 * fallback copy, deleted text, field codes, old properties): 1 for its tag. */
int gk__docx_skipped(const unsigned char *name);
/* Which tables of the main part (in the order the reader meets them) are
 * frames: layout tables whose paragraphs are the document's and whose nested
 * tables are its tables (read_docx_frame.c). *frames gets n flags (NULL, 0 for
 * none; free it with gk__free). GK_OK or GK_ENOMEM; a file the reader cannot
 * read gives GK_OK and the reader says why. */
int gk__docx_frames(struct zip *za, const char *part, size_t cap, uint8_t **frames, uint32_t *n);

/* Paragraph styles of a .docx (read_docx_style.c). */
typedef struct gk__docx_styles gk__docx_styles;
/* Load word/styles.xml: *out NULL when there is none; GK_OK or GK_ENOMEM. */
int gk__docx_styles_load(gk__docx_styles **out, struct zip *za);
void gk__docx_styles_free(gk__docx_styles *m);
/* What style `id` (basedOn followed) says: *level 1..6 a heading, 0 body text,
 * -1 nothing; *num_id the numbering it carries (-1 none said, 0 removed) at
 * level *ilvl. m may be NULL. */
void gk__docx_style_get(const gk__docx_styles *m, const char *id, int *level, int *num_id,
                        int *ilvl);

/* Initialise libxml2 once per process (thread-safe); the readers call it. */
void gk__doc_init(void);

/* Add one diagnostic; GK_ENOMEM when the list cannot grow, else GK_OK. */
int gk__doc_diag(gk_diags *d, int severity, const char *rule, const char *file, uint32_t line,
                 uint32_t col, const char *zh, const char *en);
/* The import.too_large error for input of n bytes over `cap`: GK_EPARSE (or GK_ENOMEM). */
int gk__doc_too_large(gk_diags *d, const char *file, const char *what, size_t n, size_t cap);
/* Append s[0..n) to b with white space collapsed the way a browser shows it:
 * runs of ASCII white space and NBSP become one space, none at the start of b or
 * after a line break, none for a line break between two East Asian wide
 * characters (Word wraps its HTML inside Chinese text); invisible format
 * characters (soft hyphen, zero-width space, BOM) dropped; invalid UTF-8 becomes
 * U+FFFD. *pending carries the white space across calls (1 a space, 2 one
 * holding a line break). */
void gk__doc_put_text(gk__buf *b, const char *s, size_t n, int *pending);
/* An East Asian wide character (CJK, kana, hangul, full-width forms): no space
 * at a line break between two of them (gk__doc_put_text), two columns wide in
 * monospaced text (read_gridtable.c). */
int gk__doc_wide(uint32_t cp);

/* bytes[0..len) (GB18030 when gb, else UTF-8) appended to b as valid UTF-8:
 * each invalid or cut sequence becomes one U+FFFD (*nbad of them, the first at
 * byte *first_bad of the input), so the parser never stops or switches
 * encoding mid-page. GK_OK, GK_ENOMEM, GK_EUNSUPPORTED (no iconv GB18030). */
int gk__doc_to_utf8(gk__buf *b, const char *bytes, size_t len, int gb, size_t *nbad,
                    size_t *first_bad);

/* Lay-out of table rows: which columns a rowspan from above still covers. */
typedef struct {
  uint32_t *until; /* until[x]: last row (1-based) covered at column x, 0 none */
  uint32_t cap;
} gk__span_map;
void gk__span_map_free(gk__span_map *m);
/* Place a cell of row `row` at the first free column >= *x; returns its column
 * (and advances *x past it) or UINT32_MAX when the table is full (the cell is
 * dropped) or memory fails (*err = GK_ENOMEM). colspan/rowspan are clamped. */
uint32_t gk__span_place(gk__span_map *m, uint32_t row, uint32_t *x, uint16_t colspan,
                        uint16_t rowspan, int *err);

#endif /* GKREPORT_READ_DOC_H */
