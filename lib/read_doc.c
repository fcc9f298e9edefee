/* SPDX-License-Identifier: MIT */
/* libgkreport: what the document readers share (read_doc.h): diagnostics, text
 * collection, the layout of spanned cells, and the public entries that run a
 * reader and hand its grid to the recognizer. */
#include <errno.h>
#include <iconv.h>
#include <stdio.h>
#include <string.h>
#include <threads.h>
#include <libxml/parser.h>
#include "read_doc.h"
#include "read_xlsx.h"
#include "text_int.h"
#include "gkreport/document.h"

int gk__doc_diag(gk_diags *d, int severity, const char *rule, const char *file, uint32_t line,
                 uint32_t col, const char *zh, const char *en) {
  if (!d) return GK_OK;
  return gk_diags_add(NULL, d, severity, rule, zh, en, file, line, col) == GK_ENOMEM ? GK_ENOMEM
                                                                                   : GK_OK;
}

int gk__doc_too_large(gk_diags *d, const char *file, const char *what, size_t n, size_t cap) {
  char zh[160], en[160];
  snprintf(zh, sizeof zh, "%s超过上限：%zu字节以上，上限%zu字节", what, n, cap);
  snprintf(en, sizeof en, "%s is over the limit: %zu bytes or more, the limit is %zu bytes",
           strcmp(what, "输入") == 0 ? "the input" : "word/document.xml", n, cap);
  return gk__doc_diag(d, GK_SEV_ERROR, "import.too_large", file, 0, 0, zh, en) ? GK_ENOMEM
                                                                               : GK_EPARSE;
}

/* East Asian wide characters (CJK, kana, hangul, full-width forms and their
 * punctuation): a line break between two of them is no space (CSS Text 3
 * "segment break transformation"; Word wraps the source lines of its web
 * pages inside Chinese text). Also two columns wide on a monospaced page
 * (read_gridtable.c measures pandoc's grid tables by them). */
int gk__doc_wide(uint32_t cp) {
  return (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
         (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
         (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) ||
         (cp >= 0x20000 && cp <= 0x3FFFD);
}

/* Invisible format characters a page or a Word file carries inside words: soft
 * hyphen, zero-width space and joiners, word joiner, BOM. */
static int invisible(uint32_t cp) {
  return cp == 0 || cp == 0xAD || (cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF;
}

static uint32_t last_cp(const gk__buf *b) {
  size_t i = b->len;
  while (i > 0 && ((unsigned char)b->data[i - 1] & 0xC0) == 0x80 && b->len - i < 3) i--;
  if (i == 0) return 0;
  size_t at = i - 1;
  return gk__utf8_next(b->data, b->len, &at);
}

/* *pending: 0 none, 1 a space to put, 2 a run of white space holding a line break. */
void gk__doc_put_text(gk__buf *b, const char *s, size_t n, int *pending) {
  size_t i = 0;
  while (i < n) {
    size_t start = i;
    uint32_t cp = gk__utf8_next(s, n, &i);
    if (cp == ' ' || cp == '\t' || cp == '\r' || cp == '\n' || cp == '\f' || cp == 0xA0) {
      *pending = (cp == '\n' || cp == '\r' || *pending == 2) ? 2 : 1;
      continue;
    }
    if (invisible(cp)) continue;
    int joined = *pending == 2 && gk__doc_wide(cp) && b->len && gk__doc_wide(last_cp(b));
    if (*pending && !joined && b->len && b->data[b->len - 1] != '\n') gk__buf_putc(b, ' ');
    *pending = 0;
    if (!gk__utf8_valid(s + start, i - start, NULL)) gk__buf_put(b, "\xEF\xBF\xBD", 3);
    else gk__buf_put(b, s + start, i - start);
  }
}

/* Append bytes[0..len) to b as UTF-8 with each invalid sequence one U+FFFD. */
static void utf8_clean(gk__buf *b, const char *s, size_t len, size_t *nbad, size_t *first_bad) {
  size_t i = 0;
  while (i < len) {
    size_t bad = 0, start = i;
    if (gk__utf8_valid(s + i, len - i, &bad)) {
      gk__buf_put(b, s + i, len - i);
      return;
    }
    gk__buf_put(b, s + start, bad);
    gk__buf_put(b, "\xEF\xBF\xBD", 3);
    if (!(*nbad)++) *first_bad = start + bad;
    i = start + bad + 1;
    while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80 && i - (start + bad) < 4) i++;
  }
}

/* GB18030 to UTF-8 with iconv, each invalid or cut sequence one U+FFFD. */
static int gb_clean(gk__buf *b, const char *s, size_t len, size_t *nbad, size_t *first_bad) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == (iconv_t)-1) return GK_EUNSUPPORTED;
  char *in = (char *)(uintptr_t)s, out[4096];
  size_t inleft = len;
  while (inleft > 0 && !b->err) {
    char *o = out;
    size_t oleft = sizeof out;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    gk__buf_put(b, out, (size_t)(o - out));
    if (r != (size_t)-1 || errno == E2BIG) continue;
    gk__buf_put(b, "\xEF\xBF\xBD", 3); /* EILSEQ, EINVAL: skip one byte */
    if (!(*nbad)++) *first_bad = len - inleft;
    in++;
    inleft--;
  }
  iconv_close(cd);
  return b->err ? GK_ENOMEM : GK_OK;
}

int gk__doc_to_utf8(gk__buf *b, const char *s, size_t len, int gb, size_t *nbad, size_t *first_bad) {
  *nbad = 0;
  *first_bad = 0;
  if (gb) return gb_clean(b, s, len, nbad, first_bad);
  utf8_clean(b, s, len, nbad, first_bad);
  return b->err ? GK_ENOMEM : GK_OK;
}

void gk__span_map_free(gk__span_map *m) {
  gk__free(m->until);
  m->until = NULL;
  m->cap = 0;
}

static int span_grow(gk__span_map *m, uint32_t need) {
  if (need <= m->cap) return GK_OK;
  uint32_t nc = m->cap ? m->cap : 16;
  while (nc < need) nc *= 2;
  if (nc > GK__DOC_MAX_COLS) nc = GK__DOC_MAX_COLS;
  uint32_t *p = gk__realloc(m->until, nc * sizeof *p);
  if (!p) return GK_ENOMEM;
  memset(p + m->cap, 0, (nc - m->cap) * sizeof *p);
  m->until = p;
  m->cap = nc;
  return GK_OK;
}

uint32_t gk__span_place(gk__span_map *m, uint32_t row, uint32_t *x, uint16_t colspan,
                        uint16_t rowspan, int *err) {
  uint32_t cs = colspan ? colspan : 1, rs = rowspan ? rowspan : 1;
  if (cs > GK__DOC_MAX_COLSPAN) cs = GK__DOC_MAX_COLSPAN;
  if (rs > GK__DOC_MAX_ROWSPAN) rs = GK__DOC_MAX_ROWSPAN;
  uint32_t at = *x;
  for (;;) {
    if (at >= GK__DOC_MAX_COLS) return UINT32_MAX;
    if (span_grow(m, at + 1)) {
      *err = GK_ENOMEM;
      return UINT32_MAX;
    }
    if (m->until[at] < row) break;
    at++;
  }
  if (at + cs > GK__DOC_MAX_COLS) cs = GK__DOC_MAX_COLS - at;
  if (span_grow(m, at + cs)) {
    *err = GK_ENOMEM;
    return UINT32_MAX;
  }
  for (uint32_t k = at; k < at + cs; k++) m->until[k] = row + rs - 1;
  *x = at + cs;
  return at;
}

/* libxml2 2.9 must be initialised once before threads parse concurrently; a
 * once-flag is the one piece of process state the readers keep (libxml2's own). */
static once_flag xml_once = ONCE_FLAG_INIT;
static void xml_init(void) { xmlInitParser(); }
void gk__doc_init(void) { call_once(&xml_once, xml_init); }

typedef int (*reader_fn)(gk__grid *, const char *, size_t, const char *, gk_diags *);

static int from_reader(gk_report **out, reader_fn rd, const char *bytes, size_t len,
                       const char *source_name, gk_diags *diags) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!bytes && len) return GK_EINVAL;
  gk__doc_init();
  gk__grid g;
  gk__grid_init(&g);
  int rc = rd(&g, bytes ? bytes : "", len, source_name, diags);
  if (!rc) rc = g.err;
  if (!rc) rc = gk__report_from_grid(out, &g, source_name, diags);
  gk__grid_free(&g);
  return rc;
}

GK_API int gk_report_from_html(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags) {
  len = gk__nul_len(bytes, len);
  return from_reader(out, gk__html_grid, bytes, len, source_name, diags);
}

GK_API int gk_report_from_docx(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags) {
  len = gk__nul_len(bytes, len);
  return from_reader(out, gk__docx_grid, bytes, len, source_name, diags);
}

GK_API int gk_report_from_xlsx(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags) {
  len = gk__nul_len(bytes, len);
  return from_reader(out, gk__xlsx_grid, bytes, len, source_name, diags);
}
