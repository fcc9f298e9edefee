/* SPDX-License-Identifier: MIT */
/* libgkreport internal: the JSON lexical layer shared by json.c (writer) and
 * json_read.c (reader). Never installed.
 *
 * json_scan.c checks the text strictly (RFC 8259, UTF-8, bounded nesting) with the
 * position and path of the first error; the reader then walks the checked text
 * once, with the offset and raw text of every value (no cJSON tree: cJSON turns
 * numbers into doubles and keeps no positions). */
#ifndef GKREPORT_JSON_INT_H
#define GKREPORT_JSON_INT_H

#include <stddef.h>
#include <stdint.h>
#include "internal.h"

/* Deepest nesting of arrays/objects accepted (a report document needs 6). */
#define GK__JSON_MAX_DEPTH 64
/* Longest number token accepted (cJSON reads at most 63 characters of a number). */
#define GK__JSON_MAX_NUMBER 63

/* One step of a JSON path: an object key or an array index (key == NULL). */
typedef struct {
  const char *key; /* NULL for an array index */
  size_t len;
  int raw;         /* 1: key as written in the source (escapes kept), 0: decoded */
  size_t index;
} gk__jseg;

/* The first error found by gk__json_check. */
typedef struct {
  size_t off;         /* byte offset of the offending token (len for end of input) */
  const char *rule;   /* "json.syntax" or "json.value" */
  const char *msg_zh, *msg_en;
  gk__jseg path[GK__JSON_MAX_DEPTH + 1];
  size_t depth;
} gk__jerr;

/* Strict check of a whole document src[0..len): one value, optional UTF-8 BOM and
 * whitespace around it. Returns 1 when it is valid, else 0 with *err filled. When
 * the document is an object, ends[i] (i < nends; ends may be NULL with nends 0) gets
 * the offset just past the value of its member i, so that a reader can step over
 * the root's members without skipping them again. */
int gk__json_check(const char *src, size_t len, gk__jerr *err, size_t *ends, size_t nends);
/* Offset of the first non-whitespace byte at or after p. */
size_t gk__json_ws(const char *src, size_t len, size_t p);
/* Offset just past the string whose opening quote is at p (checked text). */
size_t gk__json_string_end(const char *src, size_t len, size_t p);
/* Offset just past the value starting at p (the text must have passed gk__json_check). */
size_t gk__json_skip(const char *src, size_t len, size_t p);
/* 1-based line and column (in characters) of byte offset off. */
void gk__json_pos(const char *src, size_t len, size_t off, uint32_t *line, uint32_t *col);
/* Append a JSON path ("$", ".key", "[\"a.b\"]", "[3]") for segs[0..n) to b. */
void gk__json_path(gk__buf *b, const gk__jseg *segs, size_t n);
/* Append s[0..n) as a JSON string literal (quotes included) to b. */
void gk__json_str(gk__buf *b, const char *s, size_t n);
/* Append the decoded content of the checked string body s[a..e) (between the
 * quotes; gk__json_check passed) to b: the one JSON unescaping. Returns b->err. */
int gk__json_str_decode(gk__buf *b, const char *s, size_t a, size_t e);

/* Units written in an amount cell: "元", "万元"; NULL for GK_UNIT_DEFAULT. */
const char *gk__json_unit_text(int unit);
/* GK_UNIT_* for a unit text, or GK_ENOTFOUND. */
int gk__json_unit_find(const char *text);

#endif /* GKREPORT_JSON_INT_H */
