/* SPDX-License-Identifier: MIT */
/* libgkreport: row labels matched against the schema's (recognize_int.h): the
 * label text before a run of values against a row's official wording and
 * variants, whole, wrapped, misspelt or cut; header words that name no row.
 * The labels come normalised from schema_tables.c (gk__labels). */
#include <string.h>
#include "recognize_int.h"

/* The labels of the walk's edition (its index found once per table). */
static int labels_ed(const walk *w) {
  return w->led_ed == w->ed ? w->led : gk__labels_ed(w->ed->id);
}

static size_t cp_count(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* byte length of the first k code points of s */
static size_t cp_prefix(const char *s, size_t n, size_t k) {
  size_t i = 0;
  while (i < n && k) {
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    k--;
  }
  return i;
}

/* A variant's code point boundaries, found once: off[k] is the byte length of
 * its first k code points (k <= LAB_CPS; longer prefixes are counted again). */
#define LAB_CPS 256
typedef struct {
  const char *s;
  size_t n, chars, known;
  size_t off[LAB_CPS + 1];
} cp_bounds;

/* A text of three-byte characters only (the normalised labels' ideographs):
 * its boundaries every three bytes, without stepping (fast: the reference
 * steps every text). */
static int cp_bounds_cjk(cp_bounds *c, const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  if (n % 3 || n / 3 > LAB_CPS) return 0;
  for (size_t i = 0; i < n; i += 3)
    if ((u[i] & 0xF0) != 0xE0 || (u[i + 1] & 0xC0) != 0x80 || (u[i + 2] & 0xC0) != 0x80) return 0;
  c->s = s, c->n = n, c->chars = n / 3, c->known = n / 3;
  for (size_t k = 0; k <= c->known; k++) c->off[k] = 3 * k;
  return 1;
}

static void cp_bounds_init(cp_bounds *c, const char *s, size_t n, int fast) {
  if (fast && cp_bounds_cjk(c, s, n)) return;
  c->s = s, c->n = n, c->chars = cp_count(s, n), c->known = 0;
  c->off[0] = 0;
  for (size_t i = 0; i < n && c->known < LAB_CPS;) {
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    c->off[++c->known] = i;
  }
}

static size_t cp_bounds_prefix(const cp_bounds *c, size_t k) {
  return k <= c->known ? c->off[k] : cp_prefix(c->s, c->n, k);
}

static const char *find_last(const char *h, size_t hn, const char *nd, size_t nn) {
  const char *last = NULL, *p = h;
  while (nn && (size_t)(h + hn - p) >= nn) {
    const char *q = gk__memfind(p, (size_t)(h + hn - p), nd, nn);
    if (!q) break;
    last = q;
    p = q + 1;
  }
  return last;
}


/* The label's first part right before the values, the rest wrapped below
 * ("2.其他法律行政法  0 0 …" / "规禁止公开"): the label text ends with a long
 * prefix of the variant (4 characters and 6 or half of them). */
static int ends_with_prefix(const cp_bounds *c, const char *lab, size_t labn) {
  size_t chars = c->chars;
  for (size_t k = chars - 1; k >= 4 && k < chars; k--) {
    size_t pb = cp_bounds_prefix(c, k);
    if ((k >= 6 || 2 * k >= chars) && labn >= pb && memcmp(lab + labn - pb, c->s, pb) == 0) return 1;
  }
  return 0;
}

/* Does the label text end with a long prefix of a variant of row `row`? */
int gk__rec_row_prefix_at_end(const walk *w, size_t row, const char *lab, size_t labn) {
  if (row >= GK__LROWS) return 0;
  const gk__span *vars = w->L->row[labels_ed(w)][w->t][row];
  cp_bounds c;
  for (size_t v = 0; v < GK__NV; v++) {
    if (vars[v].len < 6) continue;
    cp_bounds_init(&c, gk__labels_at(w->L, vars[v]), vars[v].len, !w->ref);
    if (ends_with_prefix(&c, lab, labn)) return 1;
  }
  return 0;
}

/* The most characters k in [2, chars - 1] such that the variant's first k
 * (suffix: last k) characters occur in the label text, 0 none. An occurrence of
 * k characters holds one of every fewer (the same start, or end): the answer is
 * where "found" turns to "not found", searched by halving (fast) or from the
 * top down one by one (the reference). */
static int part_found(const cp_bounds *c, const char *lab, size_t labn, size_t k, int suffix) {
  size_t off = cp_bounds_prefix(c, suffix ? c->chars - k : k);
  return suffix ? gk__memfind(lab, labn, c->s + off, c->n - off) != NULL : gk__memfind(lab, labn, c->s, off) != NULL;
}

static size_t longest_part(const cp_bounds *c, const char *lab, size_t labn, int suffix, int fast) {
  size_t chars = c->chars;
  if (chars < 3) return 0;
  if (!fast) {
    for (size_t k = chars - 1; k >= 2; k--)
      if (part_found(c, lab, labn, k, suffix)) return k;
    return 0;
  }
  size_t lo = 1, hi = chars; /* found for lo (or lo = 1), not found for hi */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (part_found(c, lab, labn, mid, suffix)) lo = mid;
    else hi = mid;
  }
  return lo >= 2 ? lo : 0;
}

/* How well the label text matches row `row` of the current table: 2 a variant is
 * contained, 1 most of a variant is (a long prefix plus suffix: wrapped or
 * misspelt labels), 0 not. *end: where the match ends in the label text. */
static int row_match(const walk *w, size_t row, const char *lab, size_t labn, int fuzzy, size_t *end, int fast) {
  int best = 0;
  if (row >= GK__LROWS) return 0;
  const gk__span *vars = w->L->row[labels_ed(w)][w->t][row];
  for (size_t v = 0; v < GK__NV; v++) {
    if (vars[v].len < 6) continue; /* two CJK characters at least */
    const char *nv = gk__labels_at(w->L, vars[v]);
    size_t vn = vars[v].len;
    const char *q = find_last(lab, labn, nv, vn);
    if (q) {
      size_t e = (size_t)(q - lab) + vn;
      if (best < 2 || e > *end) *end = e;
      best = 2;
      continue;
    }
    if (!fuzzy || best) continue;
    cp_bounds c;
    cp_bounds_init(&c, nv, vn, fast);
    size_t chars = c.chars, pre = longest_part(&c, lab, labn, 0, fast);
    size_t suf = !fast || (pre >= 2 && pre < 8) ? longest_part(&c, lab, labn, 1, fast) : 0; /* else unused */
    if (pre >= 8 || (pre >= 2 && (pre + suf) * 10 >= chars * 6)) {
      best = 1;
      *end = labn;
      continue;
    }
    if (ends_with_prefix(&c, lab, labn)) {
      best = 1;
      *end = labn;
    }
  }
  return best;
}

int gk__rec_row_match_full(const walk *w, size_t row, const char *lab, size_t labn, int fuzzy, size_t *end) {
  return row_match(w, row, lab, labn, fuzzy, end, 0);
}

/* The label text ending with one of the row's wordings (the common case: the
 * wording alone, or behind an ordinal or header words): the answer of the
 * search (2, the match ending at the label's end: none ends later) without
 * searching; else the search, its longest parts found by halving. */
int gk__rec_row_match(const walk *w, size_t row, const char *lab, size_t labn, int fuzzy, size_t *end) {
  if (row >= GK__LROWS) return 0;
  if (w->ref) return gk__rec_row_match_full(w, row, lab, labn, fuzzy, end);
  const gk__span *vars = w->L->row[labels_ed(w)][w->t][row];
  for (size_t v = 0; v < GK__NV; v++)
    if (vars[v].len >= 6 && vars[v].len <= labn &&
        memcmp(gk__labels_at(w->L, vars[v]), lab + labn - vars[v].len, vars[v].len) == 0) {
      *end = labn;
      return 2;
    }
  return row_match(w, row, lab, labn, fuzzy, end, 1);
}

/* Header words that may stand before a run of values without naming a row. */
static void cut_all(char *tmp, size_t *n, const char *nv, size_t vn) {
  const char *q;
  while (vn && (q = gk__memfind(tmp, *n, nv, vn)) != NULL) {
    char *qq = tmp + (q - tmp);
    memmove(qq, qq + vn, *n - (size_t)(qq - tmp) - vn);
    *n -= vn;
  }
}

int gk__rec_lab_is_noise(const walk *w, const char *lab, size_t labn) {
  if (labn == 0) return 1;
  char tmp[LAB_KEEP * 2 + 8];
  if (labn >= sizeof tmp) return 0;
  memcpy(tmp, lab, labn);
  size_t n = labn;
  static const char *const words[] = {"信息内容", "第二十条第", "申请人情况", "法人或其他组织",
                                      "本年度办理结果", "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
                                      "单位", "项"};
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) cut_all(tmp, &n, words[k], strlen(words[k]));
  const gk__table_decl *td = &w->ed->tables[w->t];
  int e = labels_ed(w);
  for (size_t c = 0; c < td->ncols && c < GK__MAX_COLS; c++)
    for (size_t v = 0; v < GK__NV; v++)
      cut_all(tmp, &n, gk__labels_at(w->L, w->L->col[e][w->t][c][v]), w->L->col[e][w->t][c][v].len);
  for (size_t r = 0; r < td->nrows && r < GK__LROWS; r++) {
    if (td->rows[r].flags & GK_ROW_STORED) continue; /* only derived group labels */
    for (size_t v = 0; v < GK__NV; v++)
      cut_all(tmp, &n, gk__labels_at(w->L, w->L->row[e][w->t][r][v]), w->L->row[e][w->t][r][v].len);
  }
  return cp_count(tmp, n) <= 4;
}
