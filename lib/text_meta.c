/* SPDX-License-Identifier: MIT */
/* The header of an exported report (text and Markdown) and its reading back.
 *
 * A report whose title gives back its agency name and year as the importer reads
 * a title (NAME + YYYY年…报告, the name plain: 某镇2023年政府信息公开工作年度报告)
 * is written with that title alone, as published. Any other report (no title, a title with a line
 * break, a title that names another agency or year, no agency, no year) is
 * written with a metadata block of three labelled lines at the top:
 *
 *     报告名称：TITLE
 *     发布机构：AGENCY NAME
 *     报告年度：YEAR
 *
 * each value empty when the report has none, and quoted as a literal (「…」,
 * text_int.h) when it is empty, opens with 「, holds a control character or a line
 * break, or starts or ends with white space. A titled report also gets its title
 * as a display line above the block (quoted the same way; a Markdown heading
 * "# …"; none when the title reads as a part heading), which the importer skips. When an imported text opens with the block
 * (after at most that one display line), the title, the agency name and the year
 * come from the block alone: none from the title line or the prose. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "text_int.h"

static const char *const meta_keys[3] = {"报告名称：", "发布机构：", "报告年度："};

/* ---------------------------------------------------------------- writing */

/* A value that a line cannot carry as it is: quoted. */
static int needs_quote(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || strncmp(s, "\xE3\x80\x8C", 3) == 0) return 1;
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) return 1;
  size_t i = 0;
  if (gk__is_space(gk__utf8_next(s, n, &i))) return 1;
  size_t last = n - 1;
  while (last > 0 && ((unsigned char)s[last] & 0xC0) == 0x80) last--;
  return gk__is_space(gk__utf8_next(s, n, &last));
}

static void value_put(gk__buf *b, const char *s) {
  if (needs_quote(s)) gk__text_quote_put(b, s);
  else gk__buf_puts(b, s);
}

/* A name the importer reads back whole from a title NAME + YYYY年…: no digit
 * (the year is the first "YYYY年"), no colon (a label before it), no white space
 * or control character, no Markdown mark or quote at its start, not ending in
 * 关于, no address. */
static int name_plain(const char *s) {
  size_t n = strlen(s);
  if (n == 0 || s[0] == '#' || s[0] == '*' || strncmp(s, "\xE3\x80\x8C", 3) == 0) return 0;
  if (gk__memfind(s, n, "://", 3) || gk__memfind(s, n, "www.", 4) || gk__memfind(s, n, "：", 3)) return 0;
  if (n >= 6 && memcmp(s + n - 6, "关于", 6) == 0) return 0;
  for (size_t i = 0; i < n;) {
    uint32_t cp = gk__utf8_next(s, n, &i);
    if (cp < 0x20 || cp == 0x7F || cp == ':' || (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19) ||
        gk__is_space(cp))
      return 0;
  }
  return 1;
}

/* A preamble that opens like the block would be read as one below a title. */
static int preamble_keyed(const gk_report *r) {
  const char *p = gk_report_section(r, GK_SECTION_PREAMBLE);
  if (!p) return 0;
  size_t n = strlen(p), i = 0;
  while (i < n) {
    size_t j = i;
    if (!gk__is_space(gk__utf8_next(p, n, &j))) break;
    i = j;
  }
  return strncmp(p + i, meta_keys[0], strlen(meta_keys[0])) == 0;
}

static int is_heading(const char *t) {
  const gk__labels *L = gk__labels_shared();
  return !L || gk__text_heading(L, t, strlen(t)) >= 0;
}

/* A line the importer takes whole as a title: a report's name ("报告", "年报"),
 * short, no address, no control character, nothing trimmed at its ends. */
static int title_line(const char *t) {
  size_t n = strlen(t);
  char norm[32]; /* "第二十条…" opens table 二 (a copy cut at the top) */
  size_t nn = gk__text_norm_fixed(norm, sizeof norm, t, n < 60 ? n : 60);
  if (n == 0 || n > GK__TITLE_MAX || needs_quote(t) || t[n - 1] == '*' || gk__memfind(t, n, "://", 3) ||
      gk__memfind(t, n, "www.", 4) || (nn >= 12 && memcmp(norm, "第二十条", 12) == 0))
    return 0;
  static const char *const words[] = {"报告", "報告", "年报", "年報"};
  for (size_t k = 0; k < sizeof words / sizeof *words; k++)
    if (gk__memfind(t, n, words[k], strlen(words[k]))) return !is_heading(t);
  return 0;
}

/* 1 when the title alone carries the report's title, agency name and year: it is
 * NAME + YYYY年… (the name plain, the year the report's), as most are published. */
static int title_alone(const gk_report *r) {
  const char *t = gk_report_title(r), *name = gk_report_agency(r, GK_AGENCY_NAME);
  if (!t || !name || gk_report_year(r) < 1900 || gk_report_year(r) > 2199 || !name_plain(name) || preamble_keyed(r)) return 0;
  size_t nn = strlen(name);
  char year[16];
  snprintf(year, sizeof year, "%d年", gk_report_year(r));
  return strncmp(t, name, nn) == 0 && strncmp(t + nn, year, strlen(year)) == 0 && title_line(t);
}

void gk__text_head_put(gk__buf *b, const gk_report *r, int markdown) {
  if (title_alone(r)) {
    gk__buf_puts(b, markdown ? "# " : "");
    gk__buf_puts(b, gk_report_title(r));
    gk__buf_puts(b, "\n\n");
    return;
  }
  if (gk_report_title(r) && !is_heading(gk_report_title(r))) { /* for the reader; the block is what is read back */
    gk__buf_puts(b, markdown ? "# " : "");
    value_put(b, gk_report_title(r));
    gk__buf_puts(b, "\n\n");
  }
  const char *vals[2] = {gk_report_title(r), gk_report_agency(r, GK_AGENCY_NAME)};
  for (int k = 0; k < 2; k++) {
    gk__buf_puts(b, meta_keys[k]);
    if (vals[k]) value_put(b, vals[k]);
    gk__buf_putc(b, '\n');
  }
  gk__buf_puts(b, meta_keys[2]);
  if (gk_report_year(r)) gk__buf_printf(b, "%d", gk_report_year(r));
  gk__buf_puts(b, "\n\n");
}

/* ---------------------------------------------------------------- reading */

typedef struct {
  const char *p;
  size_t n;
} span;

/* The line at *pos (without its '\n' and trailing CRs), advancing *pos; 0 at the end. */
static int next_line(const char *s, size_t n, size_t *pos, span *l) {
  if (*pos > n) return 0;
  const char *nl = memchr(s + *pos, '\n', n - *pos);
  size_t e = nl ? (size_t)(nl - s) : n;
  l->p = s + *pos, l->n = e - *pos;
  while (l->n && l->p[l->n - 1] == '\r') l->n--;
  *pos = e + 1;
  return 1;
}

static int blank(span l) {
  for (size_t i = 0; i < l.n;) {
    if (!gk__is_space(gk__utf8_next(l.p, l.n, &i))) return 0;
  }
  return 1;
}

/* The value after key k on line l (white space around it dropped), or -1 when
 * the line is not that key's. */
static int key_value(span l, int k, span *v) {
  size_t kn = strlen(meta_keys[k]);
  if (l.n < kn || memcmp(l.p, meta_keys[k], kn) != 0) return -1;
  v->p = l.p + kn, v->n = l.n - kn;
  gk__trim(&v->p, &v->n); /* a value with white space at its ends is written quoted */
  return 0;
}

/* The block's three lines from *pos on (the line at *pos included); 1 when they are. */
static int block_at(const char *s, size_t n, size_t pos, span vals[3]) {
  span l;
  for (int k = 0; k < 3; k++)
    if (!next_line(s, n, &pos, &l) || key_value(l, k, &vals[k]) != 0) return 0;
  return 1;
}

/* Finds the block at the first or second non-blank line (the first then the
 * display line): its three values and the line after it (0-based). 1 found. */
static int find_block(const char *s, size_t n, span vals[3], size_t *end_line) {
  size_t pos = 0, line = 0;
  span l;
  for (int seen = 0; seen < 2;) {
    size_t at = pos;
    if (!next_line(s, n, &pos, &l)) return 0;
    line++;
    if (blank(l)) continue;
    if (block_at(s, n, at, vals)) {
      *end_line = line + 2;
      return 1;
    }
    seen++;
  }
  return 0;
}

/* A value of the block into out (unquoted, NUL-terminated): 0 none, 1 one, -1
 * none that a report can hold (a NUL or bad UTF-8 from an escape). */
static int value_get(gk__buf *out, span v) {
  if (v.n == 0) return 0;
  if (gk__text_quote_end(v.p, v.n, 0) == v.n) gk__text_unquote(out, v.p, v.n);
  else gk__buf_put(out, v.p, v.n);
  if (out->err) return 1;
  if ((out->len && memchr(out->data, '\0', out->len)) || !gk__utf8_valid(out->data ? out->data : "", out->len, NULL))
    return -1;
  gk__buf_putc(out, '\0');
  return 1;
}

static int year_get(span v, int *year) {
  int y = 0;
  if (v.n > 4) return 0;
  for (size_t i = 0; i < v.n; i++) {
    if (v.p[i] < '0' || v.p[i] > '9') return 0;
    y = y * 10 + (v.p[i] - '0');
  }
  *year = y;
  return 1;
}

typedef struct {
  gk__buf title, name; /* NUL-terminated when has_* */
  int has_title, has_name, year;
  size_t end_line;
} block;

/* Reads the block of text into m (free its buffers): 1 read, 0 none, GK_ENOMEM. */
static int block_read(block *m, const char *text, size_t n) {
  span vals[3];
  memset(m, 0, sizeof *m);
  gk__buf_init(&m->title), gk__buf_init(&m->name);
  if (!text || !find_block(text, n, vals, &m->end_line) || !year_get(vals[2], &m->year)) return 0;
  m->has_title = value_get(&m->title, vals[0]);
  m->has_name = value_get(&m->name, vals[1]);
  if (m->title.err || m->name.err) return GK_ENOMEM;
  return m->has_title >= 0 && m->has_name >= 0;
}

static void block_free(block *m) { gk__buf_free(&m->title), gk__buf_free(&m->name); }

int gk__text_meta_apply(gk_report *r, const char *text, size_t n, size_t *body_line) {
  block m;
  int rc = block_read(&m, text, n);
  if (rc == 1 && r) {
    rc = gk_report_set_title(r, m.has_title ? m.title.data : NULL, m.has_title ? m.title.len - 1 : 0);
    if (!rc) rc = gk_report_set_agency(r, GK_AGENCY_NAME, m.has_name ? m.name.data : NULL, m.has_name ? m.name.len - 1 : 0);
    if (!rc) rc = gk_report_set_year(r, m.year);
    if (!rc && body_line) *body_line = m.end_line;
  }
  block_free(&m);
  return rc < 0 ? rc : GK_OK;
}

int gk__text_meta_complete(gk_report *r, const char *text, size_t n, gk_diags *diags) {
  if (r && !gk_report_agency(r, GK_AGENCY_NAME)) { /* a block that names no agency: none from the prose */
    block m;
    int found = block_read(&m, text, n);
    block_free(&m);
    if (found < 0) return found;
    if (found) return GK_OK;
  }
  return gk__agency_complete(r, text, n, diags);
}
