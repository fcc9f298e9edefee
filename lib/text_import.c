/* SPDX-License-Identifier: MIT */
/* Import the published text of a report (architecture.md "Importing text"): the
 * bytes decoded (UTF-8 or GB18030), read into the grid (read_text.c; one-line
 * page text: read_pagetext.c) and recognized (gk__recognize_grid). */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "text_int.h"
#include "grid.h"
#include "gkreport/text.h"

/* Text (UTF-8) read into a grid (one-line page text by its own reader) and
 * recognized. The text reader reads first: a text whose lines are all shorter
 * than a page's (its longest, grid.h) is no page, and its grid is the one. */
static int import_doc(gk_report **out, const char *text, size_t len, const char *source_name,
                      gk_diags *d) {
  const gk__labels *L = gk__labels_shared();
  if (!L) return GK_ENOMEM;
  gk__grid g, page;
  int rc = gk__grid_from_text(&g, text, len);
  if (rc || g.longest >= GK__PAGE_MIN_LINE) { /* maybe a page (else the page reader says 0) */
    int pr = gk__grid_from_pagetext(&page, text, len);
    if (pr == 0) { /* no page: the text grid (or its error) */
      gk__grid_free(&page);
    } else { /* a page (1), or the page reader's error */
      gk__grid_free(&g);
      g = page;
      rc = pr == 1 ? GK_OK : pr;
    }
  }
  if (!rc) rc = gk__recognize_grid(L, out, &g, source_name, d, NULL);
  gk__grid_free(&g);
  return rc;
}

/* Bytes of an incomplete UTF-8 character at the end of valid UTF-8 (a file cut
 * inside it), else 0. */
static size_t cut_char(const char *s, size_t n) {
  size_t k = 0;
  while (k < 3 && k < n && ((unsigned char)s[n - 1 - k] & 0xC0) == 0x80) k++;
  if (k == n) return 0;
  unsigned char lead = (unsigned char)s[n - 1 - k];
  size_t want = (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
  if (want == 0 || k + 1 >= want) return 0; /* complete, or no lead byte */
  return gk__utf8_valid(s, n - 1 - k, NULL) ? k + 1 : 0;
}

static int report_from_text(gk_report **out, const char *bytes, size_t len, const char *source_name,
                            gk_diags *diags) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!bytes && len) return GK_EINVAL;
  if (!bytes) bytes = "";
  int cap = gk_input_check(len, 0, source_name, diags); /* lib/input.c */
  if (cap) return cap;
  const char *nul = memchr(bytes, '\0', len);
  size_t diag_from = gk_diags_count(diags);
  if (nul) {
    char zh[128], en[128];
    size_t off = (size_t)(nul - bytes);
    snprintf(zh, sizeof zh, "输入在第%zu字节处含有NUL字节，不是文本", off);
    snprintf(en, sizeof en, "NUL byte at offset %zu: the input is not text", off);
    if (diags) {
      int rc = gk_diags_add(NULL, diags, GK_SEV_ERROR, "import.encoding", zh, en, source_name, 0, 0);
      if (rc) return rc;
    }
    return GK_EENCODING;
  }
  size_t cut = cut_char(bytes, len); /* a file cut inside its last UTF-8 character */
  len -= cut;
  const char *text = NULL;
  char *owned = NULL;
  size_t n = 0, bad = 0;
  int enc = 0;
  int rc = gk__text_decode(&text, &n, &owned, &enc, &bad, bytes, len);
  if (rc == GK_EENCODING) {
    /* located by line and column (code points), the byte offset kept */
    size_t line = 1, col = 1;
    for (size_t i = 0; i < bad && i < len; i++) {
      if (bytes[i] == '\n') line++, col = 1;
      else col += ((unsigned char)bytes[i] & 0xC0) != 0x80;
    }
    char zh[200], en[200];
    snprintf(zh, sizeof zh, "编码无效：既不是UTF-8也不是GB18030（第%zu行第%zu列，第%zu字节）", line, col, bad);
    snprintf(en, sizeof en, "invalid encoding: neither UTF-8 nor GB18030 (line %zu, column %zu, byte offset %zu)",
             line, col, bad);
    if (diags) {
      int r2 = gk_diags_add(NULL, diags, GK_SEV_ERROR, "import.encoding", zh, en, source_name,
                            line > UINT32_MAX ? UINT32_MAX : (uint32_t)line, col > UINT32_MAX ? UINT32_MAX : (uint32_t)col);
      if (r2) return r2;
    }
    return rc;
  }
  if (rc) return rc;
  if (enc == GK_ENCODING_GB18030 && diags) {
    rc = gk_diags_add(NULL, diags, GK_SEV_INFO, "import.converted", "输入为GB18030/GBK编码，已转换为UTF-8",
                      "the input was GB18030/GBK and has been converted to UTF-8", source_name, 0, 0);
    if (rc) {
      gk__free(owned);
      return rc;
    }
  }
  if (n && !memchr(text, '\n', n) && memchr(text, '\r', n)) { /* CR-only line endings (classic Mac): read as lines */
    if (!owned && !(owned = gk__strndup(text, n))) return GK_ENOMEM;
    for (size_t i = 0; i < n; i++)
      if (owned[i] == '\r') owned[i] = '\n';
    text = owned;
  }
  rc = import_doc(out, text, n, source_name, diags);
  if (!rc) rc = gk__text_meta_complete(*out, text, n, diags);
  if (!rc && cut && diags)
    rc = gk_diags_add(NULL, diags, GK_SEV_WARNING, "import.truncated", "文件在一个字符中间结束：最后的不完整字符已舍去",
                      "the file ends inside a character: the incomplete last character was dropped", source_name,
                      0, 0);
  if (rc && *out) {
    gk_report_free(*out);
    *out = NULL;
  }
  gk__free(owned);
  if (rc == GK_ENOMEM && diags) {
    /* leave the caller's list as it was */
    gk__diags_truncate(diags, diag_from);
  }
  return rc;
}

/* The cells' columns stay internal for text (grid readers print them): a
 * finding on a text file keeps its "file:line:" form. */
GK_API int gk_report_from_text(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags) {
  len = gk__nul_len(bytes, len);
  int rc = report_from_text(out, bytes, len, source_name, diags);
  if (rc || !*out) return rc;
  gk_report *r = *out;
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(r)->tables[t];
    gk__cell *cells = gk__report_cells_mut(r, t);
    for (size_t i = 0; i < td->nrows * td->ncols; i++) cells[i].column = 0;
  }
  return GK_OK;
}
