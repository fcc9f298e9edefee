/* SPDX-License-Identifier: MIT */
/* libgkreport internal: helpers shared by the text modules (text_import*.c,
 * text_export.c, markdown.c, text_rules.c). Never installed. */
#ifndef GKREPORT_TEXT_INT_H
#define GKREPORT_TEXT_INT_H

#include <stddef.h>
#include <stdint.h>
#include "internal.h"

/* gk__utf8_next: internal.h (the one decoder, common.c). */
/* First occurrence of needle in hay (like memmem), NULL when none or nn == 0. */
/* Append code point cp as UTF-8. */

/* Label normalisation for matching (architecture.md "Importing text"): full-width
 * forms to ASCII, Traditional to Simplified for the characters the labels use,
 * and drop whitespace, punctuation and digits (ordinal styles 1. / 1、 / （1）).
 * Appends the normalised form of s[0..n) to out. */
void gk__text_norm(gk__buf *out, const char *s, size_t n);
/* Same into a fixed buffer (truncated at a character boundary); returns length. */
size_t gk__text_norm_fixed(char *dst, size_t cap, const char *s, size_t n);


/* The labels of the schema normalised once per process: headings of the six
 * parts, and the rows' and columns' labels with their variants, per declared
 * edition (index i of gk_schema_edition_id(i); gk__labels_ed maps an edition id). */
#define GK__NV (GK__MAX_VARIANTS + 1)
#define GK__LROWS 32
/* The longest title (bytes of its text) the importer takes whole, and so the
 * longest the text and Markdown exports write alone (text_meta.c). */
#define GK__TITLE_MAX 130
#define GK__LEDS GK__MAX_EDITIONS /* editions the cache holds: every one */
typedef struct { uint32_t off, len; } gk__span; /* into arena; len 0: none */
#define GK__WORD_MAX 4096   /* wordings gk__labels_norm knows (more: normalised as any text) */
#define GK__WORD_SLOTS 8192 /* a power of two, twice GK__WORD_MAX */
typedef struct {
  gk__buf arena;
  size_t neds;
  gk__span head[6][GK__NV];
  gk__span row[GK__LEDS][GK_NTABLES][GK__LROWS][GK__NV];
  gk__span col[GK__LEDS][GK_NTABLES][GK__MAX_COLS][GK__NV];
  /* labels of tables 二 and 三 (3+ characters) that only one edition has: they
   * tell the edition from the table headers */
  gk__span mark[GK__LEDS][256];
  size_t nmark[GK__LEDS];
  /* First steps of the tests that run on every line, as sets of code points
   * (bit cp % 4096: a set may answer yes for a code point not in it, never no
   * for one in it). head_first: the first code point of every normalised
   * heading variant; head_skip: the characters a numbered heading's number
   * keeps after normalisation (the parts' ordinals, 第, 部分). */
  uint64_t head_first[64], head_skip[64];
  /* The markers by their first three bytes (gk__mark_hash): mark_first the set
   * of their hashes; bucket b (the hash's low 6 bits) lists, at mark_item[
   * mark_bucket[b] .. mark_bucket[b + 1]), edition << 8 | index. */
  uint64_t mark_first[64];
  uint16_t mark_bucket[65];
  uint16_t mark_item[GK__LEDS * 256];
  /* Every declared row and column wording (and variant) of every edition, as
   * written in schema_tables.c, with its normalised form (gk__labels_norm):
   * word_lead the set of their first bytes; word_slot[h] = index + 1 into word
   * (open addressing on gk__labels_word_hash), 0 empty. */
  uint64_t word_lead[4];
  uint16_t word_slot[GK__WORD_SLOTS];
  struct { const char *s; size_t n; gk__span norm; } word[GK__WORD_MAX];
  size_t nword;
} gk__labels;
/* The hash of the 3 bytes at s for the marker index: the low 12 bits of a CJK
 * character's code point. */
static inline uint32_t gk__mark_hash(const unsigned char *s) {
  return ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
}
static inline int gk__cp_set_has(const uint64_t *set, uint32_t cp) {
  return (int)((set[(cp >> 6) & 63] >> (cp & 63)) & 1);
}
/* A fresh table (tests); gk__labels_shared is the one every import uses. */
int gk__labels_new(gk__labels **out);
void gk__labels_free(gk__labels *L);
/* The process-wide table, built on first use (thread-safe: built once, published
 * with an atomic compare-and-swap; a loser frees its copy). NULL: GK_ENOMEM (a
 * later call tries again). */
const gk__labels *gk__labels_shared(void);
/* Index of an edition in the cache (position among the declared editions). */
int gk__labels_ed(int edition);
static inline const char *gk__labels_at(const gk__labels *L, gk__span sp) {
  return L->arena.data + sp.off;
}

/* Heading of a line: the part (0 overview, 1 active, 2 requests, 3 review,
 * 4 problems, 5 other) or -1. Headings are the official ones and their variants
 * (schema_tables.c), with a Chinese ordinal, a lost ordinal ("、…") or alone. */
int gk__text_heading(const gk__labels *L, const char *s, size_t n);
/* 0 when the line s[0..n) can be no heading and open none wrapped over two
 * lines: its first character, white space aside, is no ordinal's (head_skip),
 * and gk__text_heading's first step (the code point sets) turns it away. The
 * document walk's first step; 1: the full tests decide. */
int gk__text_heading_may(const gk__labels *L, const char *s, size_t n);
/* The same answer, the first character decoded twice (the reference
 * tests/test_line_tests.c compares gk__text_heading_may with). */
int gk__text_heading_may_full(const gk__labels *L, const char *s, size_t n);
/* A heading in words of its own, for a part no declared wording found: the
 * part's own numeral (一、 一. 一． 第一部分; not "（一）", the conventional items of
 * 总体情况, nor arabic numbers, the items of a list), then a short title (at
 * most 30 characters; no sentence punctuation: "，" "。" "；" "：" inside) that
 * holds one of the part's declared key words (gk__parts[p].keys):
 * "## 三、依申请公开情况" is part 三. The part, else -1. */
int gk__text_heading_keyed(const char *s, size_t n);
/* The markers (gk__labels.mark) in the normalised text s[0..n): found[e] +=
 * the number of edition e's markers found (each once). One pass over s; the
 * same counts as a gk__memfind per marker (gk__labels_markers_each). */
void gk__labels_markers(const gk__labels *L, const char *s, size_t n, size_t *found);
void gk__labels_markers_each(const gk__labels *L, const char *s, size_t n, size_t *found);
/* Appends the normalised form of s[0..n) to out, as gk__text_norm: a text that is,
 * the ASCII other than letters around it aside (which normalises to nothing), a
 * declared row or column wording takes the wording's normalised form from the
 * table (no normalisation); any other text is normalised. The output is
 * gk__text_norm's, byte for byte (tests/test_text_norm.c). */
void gk__labels_norm(const gk__labels *L, gk__buf *out, const char *s, size_t n);
/* The same answer without the first step (the code point sets head_first and
 * head_skip): the reference the tests compare gk__text_heading with. */
int gk__text_heading_full(const gk__labels *L, const char *s, size_t n);
/* The label (official wording and variants) of part p (0..5), NULL out of range. */
/* One-line page text (a web page's text as a crawler saves it: the whole report
 * on one line, headings inline, cells run together) read as a grid
 * (read_pagetext.c; s UTF-8, NUL-free): the title and prose PARA blocks, each part heading a
 * HEADING, each table part a TOKENS block of label text and digit runs
 * (GK__CELL_RUN); other lines as the text reader reads them. Returns 1 when s
 * has a line of page text (long, with two part headings inside it) and g holds
 * its grid, 0 when not (g empty), or GK_ENOMEM / GK_EOVERFLOW (g->err). g is
 * initialised here; gk__grid_free it in every case. */
struct gk__grid;
int gk__grid_from_pagetext(struct gk__grid *g, const char *s, size_t n);

/* Parse "YYYY" (1900..2199) ending right before byte offset `at` of s (digits
 * ASCII or full-width, the text before them not a digit). 0 when none. */
int gk__text_year_before(const char *s, size_t at);

/* Literal cell values kept verbatim ("-", "/", "无", "—"). 1 when s[0..n) is one. */
int gk__text_is_literal(const char *s, size_t n);
/* 1 when s[0..n) reads as a cell value: a number with an optional sign (+ - 增 减),
 * digits maybe separated by thousands separators (',' '，' U+202F: whether
 * strictly grouped is gk__text_ungroup's question), a fraction and a unit
 * 元 / 万元, or a literal. */
int gk__text_is_value(const char *s, size_t n);

/* Thousands groups (issue 11). A separator between two digits (ASCII or
 * full-width): the comma ',' or full-width comma U+FF0C, the narrow no-break
 * space U+202F, and with `spaces` (a cell whose bounds the reader knows) also
 * the space, the no-break space U+00A0 and the thin space U+2009. The ideographic
 * comma U+3001 is a list mark, never a separator.
 * GK__GROUP_NONE: no separator between digits. GK__GROUP_OK: strictly grouped
 * (a sign, 1 to 3 digits, groups of exactly 3 digits after one and the same
 * separator, a decimal part without separators, then anything: a unit), and
 * out[0..*outn) is s without its separators (NUL-terminated; cap > n suffices).
 * GK__GROUP_BAD: a separator between digits in any other form ("1,23",
 * "1，2", "1,2345", "1,234.5,6"): no number to read ("1，2" may be a list). */
enum { GK__GROUP_BAD = -1, GK__GROUP_NONE = 0, GK__GROUP_OK = 1 };
int gk__text_ungroup(const char *s, size_t n, int spaces, char *out, size_t cap, size_t *outn);
/* 0 when s[0..n) holds no byte a separator starts with (',' ' ' C2 E2 EF): then
 * gk__text_ungroup says GK__GROUP_NONE. A quick test before it. */
static inline int gk__text_may_group(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == ',' || c == ' ' || c == 0xC2 || c == 0xE2 || c == 0xEF) return 1;
  }
  return 0;
}

/* Quoted literals 「…」: a literal the layout cannot carry as it is (text.h).
 * Inside, `\` escapes the next character (`\」`, `\\`, `\|`), `\n` `\r` `\t`
 * stand for line breaks and TAB and `\xHH` for another control byte.
 * gk__text_quote_end: when s[i..] opens a quoted literal, the offset just after
 * its closing 」, else 0. gk__text_unquote appends the literal of a quoted
 * s[0..n) (brackets included). gk__text_quote_put appends s quoted. */
size_t gk__text_quote_end_at(const char *s, size_t n, size_t i);
static inline size_t gk__text_quote_end(const char *s, size_t n, size_t i) {
  return i < n && (unsigned char)s[i] == 0xE3 ? gk__text_quote_end_at(s, n, i) : 0; /* 「 is E3 80 8C */
}
void gk__text_unquote(gk__buf *out, const char *s, size_t n);
void gk__text_quote_put(gk__buf *b, const char *s);

/* Append the text of a stored cell as the importer reads it back: "" blank,
 * "3402", "-8", "59237.2449", "251000元", a literal verbatim. */
void gk__text_cell_put(gk__buf *b, const gk_report *r, int table, size_t row, size_t col);
/* Title for display (HTML): the report's, else made from agency and year. */
void gk__text_title_put(gk__buf *b, const gk_report *r);

/* The recognizer (recognize.c): a report from a grid of any reader (grid.h),
 * matched against the schema with L. Cells, sections and findings carry the
 * grid's positions. When text is not NULL, the grid's blocks written out as
 * lines (not a text grid's) are appended to it. */
struct gk__grid;
int gk__recognize_grid(const gk__labels *L, gk_report **out, const struct gk__grid *g,
                       const char *source_name, gk_diags *diags, gk__buf *text);

/* The header of the text and Markdown exports and its reading back (text_meta.c):
 * the title alone when it gives back the agency name and the year, else a
 * metadata block (报告名称： / 发布机构： / 报告年度：) that carries title, name
 * and year exactly. gk__text_head_put appends it (markdown: the title as "# …").
 * gk__text_meta_apply: when text opens with the block, set r's title, agency
 * name and year from it alone (clearing what the title or prose gave) and
 * *body_line to the index of the line after it (the preamble starts there);
 * GK_OK also when there is none. gk__text_meta_complete: gk__agency_complete,
 * except that a report whose block names no agency takes none from its prose. */
void gk__text_head_put(gk__buf *b, const gk_report *r, int markdown);
int gk__text_meta_apply(gk_report *r, const char *text, size_t n, size_t *body_line);
int gk__text_meta_complete(gk_report *r, const char *text, size_t n, gk_diags *diags);

#endif /* GKREPORT_TEXT_INT_H */
