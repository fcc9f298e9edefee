/* SPDX-License-Identifier: MIT */
/* Text rules (format.md §7 "Text of the report"): the prose of the sections
 * checked against itself and against the tables. Each finding carries the line
 * of its sentence: sections keep the line where their text starts, and the
 * rules read each section as one flat string (lines joined, as PDF text wraps
 * sentences anywhere) with a map from offsets back to lines. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "rules_int.h"

/* A section as one flat string: the rules' view of it. s and starts point into
 * one buffer that gk__text_rules_run allocates once for all the sections. */
typedef struct {
  const char *s;       /* the section text without line breaks, NUL-terminated */
  size_t len;
  const size_t *starts; /* offset in s where each source line starts */
  size_t nlines;
  uint32_t line0;      /* line of the first line (0 unknown) */
} flat;

/* NULs after the flat text's own: see scan_flat. */
#define FLAT_PAD 3

/* Flatten text[0, len) into chars (room for len + 1 + FLAT_PAD) and starts (room for one
 * more than its '\n's): the lines joined, '\r' dropped, copied a run at a time. */
static void flat_fill(flat *f, const char *text, size_t len, uint32_t line0, char *chars,
                      size_t *starts) {
  const char *p = text, *end = text + len;
  size_t o = 0, nl = 0;
  starts[nl++] = 0;
  for (;;) {
    const char *eol = memchr(p, '\n', (size_t)(end - p));
    const char *le = eol ? eol : end;
    while (p < le) {
      const char *cr = memchr(p, '\r', (size_t)(le - p));
      const char *run = cr ? cr : le;
      memcpy(chars + o, p, (size_t)(run - p));
      o += (size_t)(run - p);
      p = cr ? cr + 1 : le;
    }
    if (!eol) break;
    starts[nl++] = o;
    p = eol + 1;
  }
  memset(chars + o, 0, 1 + FLAT_PAD); /* the NUL and the scans' pad */
  f->s = chars;
  f->len = o;
  f->starts = starts;
  f->nlines = nl;
  f->line0 = line0;
}

static uint32_t flat_line(const flat *f, size_t off) {
  if (!f->line0) return 0;
  size_t lo = 0, hi = f->nlines;
  while (hi - lo > 1) {
    size_t mid = (lo + hi) / 2;
    if (f->starts[mid] <= off) lo = mid;
    else hi = mid;
  }
  return f->line0 + (uint32_t)lo;
}

static int at_n(const char *s, size_t n, size_t i, const char *lit, size_t k) {
  return i < n && s[i] == lit[0] && k <= n - i && memcmp(s + i, lit, k) == 0;
}
/* s[i..] starts with the string literal x (its length known at compile time). */
#define AT(s, n, i, x) at_n(s, n, i, x, sizeof x - 1)

typedef struct {
  const char *s;
  size_t n;
} lit;
#define LIT(x) {x, sizeof x - 1}

/* At most this many findings of one text rule in one section: hostile prose (a
 * megabyte of "××") must not turn into a million findings and their memory. */
#define TEXT_RULE_MAX 100

/* The first bytes of what the scans look for: a loop only stops on a byte whose
 * class is in its mask, and checks the literals there (UTF-8: 。 【 】 〔 〕 start
 * with E3, （ ） ； Ｘ ［ with EF, 其中 包括 with E5, × with C3). A literal added
 * to a scanned rule needs its first byte here, in that loop's mask. */
enum { B_DIGIT = 1, B_PAREN = 2, B_SEMI = 4, B_E3 = 8, B_E5 = 16, B_EF = 32, B_MARK = 64, B_END = 127 };
static const unsigned char byte_class[256] = {
  [0] = B_END, /* the NUL that ends the flat text (a section holds none): every scan stops */
  ['0'] = B_DIGIT, ['1'] = B_DIGIT, ['2'] = B_DIGIT, ['3'] = B_DIGIT, ['4'] = B_DIGIT,
  ['5'] = B_DIGIT, ['6'] = B_DIGIT, ['7'] = B_DIGIT, ['8'] = B_DIGIT, ['9'] = B_DIGIT,
  ['('] = B_PAREN, [')'] = B_PAREN, [';'] = B_SEMI,  ['x'] = B_MARK,  ['X'] = B_MARK,
  ['['] = B_MARK,  [0xC3] = B_MARK, [0xE3] = B_E3,   [0xE5] = B_E5,   [0xEF] = B_EF,
};

/* How far a scan moves from a byte: past the whole character from a lead byte
 * (sections are valid UTF-8, so its continuation bytes follow, and they are of
 * no class: nothing a scan looks for is skipped), one byte from any other (a scan
 * may start inside a character: it walks on to the next lead byte). Chinese prose
 * takes a third of the steps. */
#define STEP16(v) v, v, v, v, v, v, v, v, v, v, v, v, v, v, v, v
static const unsigned char utf8_step[256] = {
  STEP16(1), STEP16(1), STEP16(1), STEP16(1), STEP16(1), STEP16(1), /* ASCII */
  STEP16(1), STEP16(1), STEP16(1), STEP16(1), STEP16(1), STEP16(1), /* ASCII, continuation */
  STEP16(2), STEP16(2), STEP16(3), STEP16(4),                       /* C0-DF, E0-EF, F0-FF */
};

/* The first i' >= i (or n) whose byte is of a class in mask. A step past n (a
 * character that runs over the bound) stops at n, as the byte walk would. */
static size_t scan_to(const char *s, size_t n, size_t i, unsigned mask) {
  if (i >= n) return i;
  while (i < n && !(byte_class[(unsigned char)s[i]] & mask)) i += utf8_step[(unsigned char)s[i]];
  return i < n ? i : n;
}

/* scan_to over the whole flat text (n its length, s[n] its NUL, whose class is in
 * every mask, and FLAT_PAD more NULs after it, so that no step reads past the
 * buffer): the loop needs no bound. Never for a shorter bound: the scan would run
 * past it (quadratic when it is called again and again before it). */
static size_t scan_flat(const char *s, size_t n, size_t i, unsigned mask) {
  if (i >= n) return i;
  while (!(byte_class[(unsigned char)s[i]] & mask)) i += utf8_step[(unsigned char)s[i]];
  return i < n ? i : n;
}

/* First occurrence of x[0, k) in h[0, hn) (like gk__memfind), NULL when none:
 * memchr for its last byte, in Chinese text a continuation byte, much rarer
 * than the lead bytes of common characters. */
static const char *find_lit(const char *h, size_t hn, const char *x, size_t k) {
  if (k == 0 || hn < k) return NULL;
  const char *p = h + k - 1, *end = h + hn;
  while ((p = memchr(p, (unsigned char)x[k - 1], (size_t)(end - p))) != NULL) {
    if (memcmp(p - (k - 1), x, k - 1) == 0) return p - (k - 1);
    p++;
  }
  return NULL;
}

/* An ASCII number (digits, optional fraction) starting at i; its end in *end. */
static int number_at(const char *s, size_t n, size_t i, int64_t *v, size_t *end) {
  if (i >= n || s[i] < '0' || s[i] > '9') return 0;
  if (i > 0 && ((s[i - 1] >= '0' && s[i - 1] <= '9') || s[i - 1] == '.')) return 0;
  int64_t x = 0;
  size_t k = i;
  while (k < n && s[k] >= '0' && s[k] <= '9') {
    if (x < INT64_MAX / 10 - 10) x = x * 10 + (s[k] - '0');
    k++;
  }
  if (k < n && s[k] == '.' && k + 1 < n && s[k + 1] >= '0' && s[k + 1] <= '9') {
    while (k + 1 < n && (s[k + 1] >= '0' && s[k + 1] <= '9')) k++;
    k++;
    *v = -1; /* a fraction: never a count */
  } else {
    *v = x;
  }
  *end = k;
  return 1;
}

static size_t skip_spaces(const char *s, size_t n, size_t i) {
  while (i < n && s[i] == ' ') i++;
  return i;
}

static const lit count_units[] = {LIT("条"), LIT("件"), LIT("个"), LIT("项"), LIT("期"), LIT("次"),
                                  LIT("篇"), LIT("场"), LIT("份"), LIT("家"), LIT("人")};

/* The unit right after a number (spaces allowed), as an index into count_units, or -1. */
static int unit_at(const char *s, size_t n, size_t i) {
  i = skip_spaces(s, n, i);
  for (size_t u = 0; u < sizeof count_units / sizeof count_units[0]; u++)
    if (at_n(s, n, i, count_units[u].s, count_units[u].n)) return (int)u;
  return -1;
}

static int is_open(const char *s, size_t n, size_t i) {
  return AT(s, n, i, "（") || AT(s, n, i, "(") || AT(s, n, i, "【") || AT(s, n, i, "〔");
}
static int is_close(const char *s, size_t n, size_t i) {
  return AT(s, n, i, "）") || AT(s, n, i, ")") || AT(s, n, i, "】") || AT(s, n, i, "〕");
}
static int sentence_end(const char *s, size_t n, size_t i) { return AT(s, n, i, "。"); }
static int clause_end(const char *s, size_t n, size_t i) {
  return AT(s, n, i, "；") || AT(s, n, i, ";") || AT(s, n, i, "。");
}

/* The last "N<unit>" outside brackets in s[from, to): value, unit and offset. */
static int last_total(const char *s, size_t from, size_t to, int64_t *v, int *unit, size_t *pos) {
  int depth = 0, found = 0;
  for (size_t i = from; (i = scan_to(s, to, i, B_DIGIT | B_PAREN | B_E3 | B_EF)) < to; i++) {
    if (is_open(s, to, i)) depth++;
    else if (is_close(s, to, i) && depth) depth--;
    int64_t x;
    size_t e;
    if (!depth && number_at(s, to, i, &x, &e)) {
      int u = unit_at(s, to, e);
      if (u >= 0 && x >= 0) *v = x, *unit = u, *pos = i, found = 1;
      i = e - 1;
    }
  }
  return found;
}

/* Sum the parts of a breakdown from `from` on; stop at the sentence end (or at
 * another 其中). Numbers with the total's unit, or bare ones, count; numbers with
 * another unit, percentages, dates and bracketed ones do not. *hit is 1 when the
 * running sum equals the total at a clause boundary. Returns the number of parts. */
static size_t sum_parts(const char *s, size_t n, size_t from, int unit, int64_t total, int64_t *sum,
                        int *hit, size_t *stop) {
  int depth = 0;
  size_t parts = 0;
  *sum = 0, *hit = 0;
  size_t i = from;
  for (; (i = scan_flat(s, n, i, B_DIGIT | B_PAREN | B_SEMI | B_E3 | B_E5 | B_EF)) < n; i++) {
    if (parts && clause_end(s, n, i) && *sum == total) *hit = 1;
    if (sentence_end(s, n, i)) break;
    if (i > from && (AT(s, n, i, "其中") || AT(s, n, i, "包括"))) break;
    if (is_open(s, n, i)) depth++;
    else if (is_close(s, n, i) && depth) depth--;
    int64_t x;
    size_t e;
    if (depth || !number_at(s, n, i, &x, &e)) continue;
    size_t k = skip_spaces(s, n, e);
    int u = unit_at(s, n, e);
    int other = AT(s, n, k, "%") || AT(s, n, k, "％") || AT(s, n, k, "年") || AT(s, n, k, "月") ||
                AT(s, n, k, "日") || AT(s, n, k, "号") || AT(s, n, k, "元") || AT(s, n, k, "万") ||
                AT(s, n, k, "余") || AT(s, n, k, "多") || (i >= 3 && AT(s, n, i - 3, "第"));
    if (x >= 0 && !other && (u == unit || u < 0)) {
      if (gk__add64(sum, *sum, x) != GK_OK) { /* no prose total is that large: not a sum */
        *stop = i;
        return 0;
      }
      parts++;
    }
    i = e - 1;
  }
  if (parts && *sum == total) *hit = 1;
  *stop = i;
  return parts;
}

static int emit_sum(gk_diags *d, const gk_report *r, const flat *f, size_t pos, int64_t total,
                    int64_t sum) {
  char e[32], a[32], zh[256], en[256];
  snprintf(e, sizeof e, "%lld", (long long)total);
  snprintf(a, sizeof a, "%lld", (long long)sum);
  snprintf(zh, sizeof zh, "正文中的合计%s与其分项之和%s不符", e, a);
  snprintf(en, sizeof en, "a total in the prose (%s) does not equal the sum of its parts (%s)", e, a);
  return gk__emit(d, r, "text.sum", NULL, flat_line(f, pos), e, a, zh, en, NULL);
}

/* Does the breakdown s[a, b) say it lists every part: a part "其他…",
 * "其余…", "另有…", "剩余…" or "分别为"? Else it may name only some ("共发布
 * 1000条，其中政策文件20条、图片新闻100条"), and parts short of the total are no
 * error. */
static int whole_breakdown(const char *s, size_t a, size_t b) {
  static const lit all[] = {LIT("其他"), LIT("其它"), LIT("其余"), LIT("另有"), LIT("剩余"), LIT("分别")};
  for (size_t k = 0; k < sizeof all / sizeof all[0]; k++)
    if (b > a && gk__memfind(s + a, b - a, all[k].s, all[k].n)) return 1;
  return 0;
}

/* text.sum: "共N条，其中A条…B条…", and lists of parts given as shares
 * ("予以公开258件，占33.9%；…") of the total stated just before. A finding
 * when the parts exceed the total, or fall short of it in a list of shares or
 * one that names every part (whole_breakdown). */
static int rule_sum(const gk_report *r, const flat *f, gk_diags *d) {
  const char *s = f->s;
  size_t n = f->len;
  size_t sent = 0, cap = gk_diags_count(d) + TEXT_RULE_MAX; /* sent: start of the sentence */
  for (size_t i = 0; (i = scan_flat(s, n, i, B_DIGIT | B_E3 | B_E5)) < n && gk_diags_count(d) < cap;
       i++) {
    if (sentence_end(s, n, i)) {
      sent = i + 3;
      continue;
    }
    int share = 0;
    int64_t x;
    size_t e;
    if (AT(s, n, i, "其中")) {
      share = 0;
    } else if (number_at(s, n, i, &x, &e) && unit_at(s, n, e) >= 0) {
      size_t k = skip_spaces(s, n, e) + 3;
      if (!(AT(s, n, k, "，占") || AT(s, n, k, ",占"))) continue;
      share = 1;
    } else {
      continue;
    }
    /* the total: the last count before, back to the previous sentence */
    size_t from = sent;
    if (share && sent >= 3) { /* the stated total ends the sentence before */
      size_t b = sent - 3;
      while (b > 0 && sent - b < 600 && !(b >= 3 && sentence_end(s, n, b - 3))) b--;
      from = b;
    }
    if (i > from + 600) from = i - 600;
    int64_t total = 0;
    int unit = -1;
    size_t tpos = 0;
    size_t list = share ? sent : i + sizeof "其中" - 1;
    if (!last_total(s, from, share ? sent : i, &total, &unit, &tpos)) {
      if (share) i = i + 1;
      continue;
    }
    int64_t sum = 0;
    int hit = 0;
    size_t stop = list;
    size_t parts = sum_parts(s, n, list, unit, total, &sum, &hit, &stop);
    if (parts >= 2 && !hit && (share || sum > total || whole_breakdown(s, list, stop))) {
      int rc = emit_sum(d, r, f, share ? sent : i, total, sum);
      if (rc) return rc;
    }
    if (share) i = stop > i ? stop - 1 : i;
  }
  return GK_OK;
}

/* text.period: 统计期限 from 1 January to 31 December of the report year. */
static int rule_period(const gk_report *r, const flat *f, gk_diags *d, int *seen) {
  const char *s = f->s;
  size_t n = f->len;
  if (*seen || !gk_report_year(r)) return GK_OK;
  const char *p = find_lit(s, n, "统计期", sizeof "统计期" - 1);
  if (!p) return GK_OK;
  *seen = 1;
  size_t i = (size_t)(p - s), end = i + 240 < n ? i + 240 : n;
  int64_t date[2][3];
  int nd = 0;
  for (size_t k = i; k < end && nd < 2; k++) {
    int64_t y, m, dd;
    size_t e1, e2, e3;
    if (!number_at(s, end, k, &y, &e1)) continue;
    size_t q = skip_spaces(s, end, e1);
    if (!AT(s, end, q, "年")) {
      k = e1 - 1;
      continue;
    }
    q = skip_spaces(s, end, q + 3);
    if (!number_at(s, end, q, &m, &e2)) continue;
    q = skip_spaces(s, end, e2);
    if (!AT(s, end, q, "月")) continue;
    q = skip_spaces(s, end, q + 3);
    if (!number_at(s, end, q, &dd, &e3)) continue;
    date[nd][0] = y, date[nd][1] = m, date[nd][2] = dd;
    nd++;
    k = e3 - 1;
  }
  if (nd < 2) return GK_OK;
  if (date[0][0] == gk_report_year(r) && date[0][1] == 1 && date[0][2] == 1 &&
      date[1][0] == gk_report_year(r) && date[1][1] == 12 && date[1][2] == 31)
    return GK_OK;
  char e[64], a[96], zh[256], en[256];
  snprintf(e, sizeof e, "%d-01-01..%d-12-31", gk_report_year(r), gk_report_year(r));
  snprintf(a, sizeof a, "%lld-%02lld-%02lld..%lld-%02lld-%02lld", (long long)date[0][0],
           (long long)date[0][1], (long long)date[0][2], (long long)date[1][0], (long long)date[1][1],
           (long long)date[1][2]);
  snprintf(zh, sizeof zh, "统计期限不是报告年度%d年的1月1日至12月31日", gk_report_year(r));
  snprintf(en, sizeof en, "the statistical period is not 1 January to 31 December %d",
           gk_report_year(r));
  return gk__emit(d, r, "text.period", NULL, flat_line(f, i), e, a, zh, en, NULL);
}

/* text.table: numbers in the prose that restate a table cell. The keyword, a
 * short run of words that must include `need` (when set), the number and 件;
 * `ctx`, when set, must stand before the keyword in its sentence (the number
 * is about information disclosure: a justice bureau's own 行政复议 work is not
 * table 四). The number may restate any of the readings in alt (each a sum of
 * cells; the first is the one named): 受理 counts the new requests, or these
 * with the ones carried over; 行政诉讼 both litigation rows, or one. */
#define RESTATE_ALTS 3
typedef struct {
  const char *keyword, *need, *ctx;
  const char *alt[RESTATE_ALTS][2]; /* readings: cells summed */
  const char *zh, *en, *en1;        /* en1: the English singular */
} restate;

static const restate restates[] = {
  {"新收", "申请", NULL, {{"requests/new/total", NULL}}, "新收申请", "new requests", "new request"},
  {"受理", "公开", NULL, {{"requests/new/total", NULL}, {"requests/new/total", "requests/carried_over/total"}},
   "受理申请", "requests received", "request received"},
  {"行政复议", NULL, "公开", {{"review/reconsideration/total", NULL}}, "行政复议",
   "administrative reconsiderations", "administrative reconsideration"},
  {"行政诉讼", NULL, "公开",
   {{"review/litigation_direct/total", "review/litigation_after_review/total"},
    {"review/litigation_direct/total", NULL}, {"review/litigation_after_review/total", NULL}},
   "行政诉讼", "lawsuits", "lawsuit"},
};

/* The readings of each restate, read once per run and only when the prose
 * restates them: state 0 not read yet, 1 read into want (nwant readings), -1
 * the first reading has not all its values (no check). */
typedef struct {
  int state[sizeof restates / sizeof restates[0]];
  int64_t want[sizeof restates / sizeof restates[0]][RESTATE_ALTS];
  int nwant[sizeof restates / sizeof restates[0]];
} table_wants;

/* One reading: the sum of its cells into *want; 0 when a cell holds no value. */
static int reading(const gk_report *r, const char *const paths[2], int64_t *want) {
  *want = 0;
  for (int j = 0; j < 2 && paths[j]; j++) {
    int t, st;
    size_t row, col;
    int64_t v;
    if (gk_report_path_find(&t, &row, &col, r, paths[j], GK_NUL_TERMINATED) ||
        gk_report_cell(&st, &v, r, t, row, col) || st != GK_CELL_VALUE || gk__add64(want, *want, v) != GK_OK)
      return 0;
  }
  return 1;
}

static int want_get(const gk_report *r, table_wants *w, size_t k) {
  if (w->state[k]) return w->state[k] > 0;
  const restate *rs = &restates[k];
  w->state[k] = -1;
  w->nwant[k] = 0;
  for (int a = 0; a < RESTATE_ALTS && rs->alt[a][0]; a++)
    if (reading(r, rs->alt[a], &w->want[k][w->nwant[k]])) w->nwant[k]++;
    else if (a == 0) return 0;
  w->state[k] = 1;
  return 1;
}

/* Does ctx stand in the sentence before offset i (at most 300 bytes back)? */
static int ctx_before(const char *s, size_t i, const char *ctx) {
  size_t from = i > 300 ? i - 300 : 0, cl = strlen(ctx);
  for (size_t j = i; j >= from + 3; j--)
    if (AT(s, i, j - 3, "。")) { /* the sentence starts at j */
      from = j;
      break;
    }
  return i > from && gk__memfind(s + from, i - from, ctx, cl) != NULL;
}

/* The number restated after keyword ending at i (words, number, 件): its value
 * in *v, 0 when none. */
static int restated_at(const char *s, size_t n, size_t i, const restate *rs, int64_t *v) {
  size_t words = 0, q = i, nl = rs->need ? strlen(rs->need) : 0, e;
  int need = rs->need == NULL;
  while (q < n && words < 12) { /* up to 12 characters of words: no digits, no punctuation */
    if ((s[q] >= '0' && s[q] <= '9') || s[q] == ' ') break;
    size_t q2 = q;
    uint32_t cp = gk__utf8_next(s, n, &q2);
    if (cp < 0x3400) break; /* punctuation or ASCII */
    if (rs->need && at_n(s, n, q, rs->need, nl)) need = 1;
    q = q2, words++;
  }
  q = skip_spaces(s, n, q);
  if (!need || !number_at(s, n, q, v, &e) || *v < 0) return 0;
  return AT(s, n, skip_spaces(s, n, e), "件");
}

static int emit_restate(const gk_report *r, const flat *f, gk_diags *d, const restate *rs, size_t at,
                        int64_t want, int64_t v) {
  char ev[32], av[32], zh[256], en[256];
  snprintf(ev, sizeof ev, "%lld", (long long)want);
  snprintf(av, sizeof av, "%lld", (long long)v);
  snprintf(zh, sizeof zh, "正文称%s%s件，与表格的%s不符", rs->zh, av, ev);
  snprintf(en, sizeof en, "the prose gives %s %s%s, the table %s", av, v == 1 ? rs->en1 : rs->en,
           rs->alt[0][1] ? " (both litigation rows)" : "", ev);
  return gk__emit(d, r, "text.table", rs->alt[0][0], flat_line(f, at), ev, av, zh, en, NULL);
}

static int rule_table(const gk_report *r, const flat *f, table_wants *w, gk_diags *d) {
  const char *s = f->s;
  size_t n = f->len, cap = gk_diags_count(d) + TEXT_RULE_MAX;
  for (size_t k = 0; k < sizeof restates / sizeof restates[0]; k++) {
    const restate *rs = &restates[k];
    if (w->state[k] < 0) continue;
    size_t kl = strlen(rs->keyword);
    const char *p = s;
    while (gk_diags_count(d) < cap && (p = find_lit(p, n - (size_t)(p - s), rs->keyword, kl)) != NULL) {
      size_t i = (size_t)(p - s) + kl;
      int64_t v;
      p += kl;
      if (!restated_at(s, n, i, rs, &v) || (rs->ctx && !ctx_before(s, i - kl, rs->ctx))) continue;
      if (!want_get(r, w, k)) break;
      int same = 0;
      for (int a = 0; a < w->nwant[k]; a++) same |= w->want[k][a] == v;
      if (same) continue;
      int rc = emit_restate(r, f, d, rs, i - kl, w->want[k][0], v);
      if (rc) return rc;
    }
  }
  return GK_OK;
}

/* Length of the run of blanks on the line at s[i..n): spaces, TABs, U+3000,
 * NBSP (white space but line breaks); 0 when none. */
static size_t blanks_at(const char *s, size_t n, size_t i) {
  size_t j = i, k;
  while (j < n && s[j] != '\n' && s[j] != '\r' && (k = gk__space_at(s, n, j)) > 0) j += k;
  return j - i;
}

/* Brackets holding nothing but blanks: "〔　〕", "【 】", "[ ]", "［　］"; its
 * length at s[i..n), 0 when none. */
static size_t blank_brackets(const char *s, size_t n, size_t i) {
  static const lit pairs[][2] = {{LIT("〔"), LIT("〕")}, {LIT("【"), LIT("】")}, {LIT("["), LIT("]")},
                                 {LIT("［"), LIT("］")}};
  for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
    if (!at_n(s, n, i, pairs[k][0].s, pairs[k][0].n)) continue;
    size_t q = i + pairs[k][0].n, b = blanks_at(s, n, q);
    return b && at_n(s, n, q + b, pairs[k][1].s, pairs[k][1].n) ? q + b + pairs[k][1].n - i : 0;
  }
  return 0;
}

/* A date whose numbers were left blank, at the 年 at s[y..n): "年　月　日",
 * "年 月" (blanks between, no digit); its length, 0 when none. */
static size_t blank_date(const char *s, size_t n, size_t y) {
  if (!AT(s, n, y, "年")) return 0;
  size_t b = blanks_at(s, n, y + 3);
  if (!b || !AT(s, n, y + 3 + b, "月")) return 0;
  size_t e = y + 6 + b, b2 = blanks_at(s, n, e);
  return (b2 && AT(s, n, e + b2, "日") ? e + b2 + 3 : e) - y;
}

/* text.placeholder: template residue; its length at s[i + *from ..). */
static int placeholder_at(const char *s, size_t n, size_t i, size_t *from, size_t *len) {
  *from = 0;
  static const lit marks[] = {LIT("××"), LIT("ＸＸ"), LIT("xx"), LIT("XX"),
                              LIT("【】"), LIT("〔〕"), LIT("[]"), LIT("［］")};
  /* the scan stops at every E3 or EF byte (most of them the punctuation 。、，：),
   * and the marks there are told by their last byte (【 〔 Ｘ ［); no unit of the
   * year check below starts with either */
  unsigned char b = (unsigned char)s[i], b3 = i + 2 < n ? (unsigned char)s[i + 2] : 0;
  if ((b == 0xE3 || b == 0xEF) && b3 != 0x90 && b3 != 0x94 && b3 != 0xB8 && b3 != 0xBB) {
    if (b3 != 0x80 || (*len = blank_date(s, n, i + 3)) == 0) return 0; /* but "　年　月": U+3000 is E3 80 80 */
    *from = 3;
    return 1;
  }
  for (size_t k = 0; k < sizeof marks / sizeof marks[0]; k++)
    if (at_n(s, n, i, marks[k].s, marks[k].n)) {
      size_t m = marks[k].n;
      /* XX inside a Latin word (e.g. "XXL") is no placeholder */
      if (marks[k].s[0] == 'x' || marks[k].s[0] == 'X') {
        int before = i > 0 && ((s[i - 1] | 32) >= 'a' && (s[i - 1] | 32) <= 'z' && (s[i - 1] | 32) != 'x');
        int after = i + 2 < n && ((s[i + 2] | 32) >= 'a' && (s[i + 2] | 32) <= 'z' && (s[i + 2] | 32) != 'x');
        if (before || after) continue;
      }
      *len = m;
      return 1;
    }
  if ((*len = blank_brackets(s, n, i)) != 0) return 1;
  /* a document number without its year: 【9号】, 〔9号〕 */
  if (AT(s, n, i, "【") || AT(s, n, i, "〔")) {
    size_t q = i + 3, d0 = q;
    while (q < n && s[q] >= '0' && s[q] <= '9') q++;
    if (q > d0 && AT(s, n, q, "号") && (AT(s, n, q + 3, "】") || AT(s, n, q + 3, "〕"))) {
      *len = q + 6 - i;
      return 1;
    }
  }
  /* a year left out before 年: "抚松县年政务公开" */
  static const lit units[] = {LIT("县"), LIT("市"), LIT("区"), LIT("镇"),
                              LIT("乡"), LIT("省"), LIT("州"), LIT("旗")};
  static const lit next[] = {LIT("政务公开"), LIT("政府信息公开"), LIT("工作要点")};
  if (!AT(s, n, i + 3, "年")) return 0;
  if ((*len = blank_date(s, n, i + 3)) != 0) {
    *from = 3;
    return 1;
  }
  for (size_t k = 0; k < sizeof units / sizeof units[0]; k++)
    if (at_n(s, n, i, units[k].s, units[k].n))
      for (size_t j = 0; j < sizeof next / sizeof next[0]; j++)
        if (at_n(s, n, i + 6, next[j].s, next[j].n)) {
          *len = 6;
          return 1;
        }
  return 0;
}

/* The first i' >= i with "年" at i' + 3 (where a unit + 年 may start), SIZE_MAX none. */
static size_t year_slot(const char *s, size_t n, size_t i) {
  if (n < 6 || i > n - 6) return SIZE_MAX;
  const char *p = find_lit(s + i + 3, n - i - 3, "年", sizeof "年" - 1);
  return p ? (size_t)(p - s) - 3 : SIZE_MAX;
}

static int rule_placeholder(const gk_report *r, const flat *f, gk_diags *d) {
  const char *s = f->s;
  size_t n = f->len, year = year_slot(s, n, 0), cap = gk_diags_count(d) + TEXT_RULE_MAX;
  for (size_t i = 0; i < n && gk_diags_count(d) < cap; i++) {
    /* the next place a mark or a unit + 年 can start */
    if (year < i) year = year_slot(s, n, i);
    /* the scan stops at the year slot: never past it and back (quadratic on 年年年) */
    i = scan_to(s, year < n ? year : n, i, B_MARK | B_E3 | B_EF);
    size_t from = 0, len = 0;
    if (i >= n || !placeholder_at(s, n, i, &from, &len)) continue;
    char a[64], zh[160], en[160];
    size_t c = len < sizeof a - 1 ? len : sizeof a - 1;
    i += from;
    memcpy(a, s + i, c);
    a[c] = '\0';
    snprintf(zh, sizeof zh, "正文中有未填写的模板占位内容“%s”", a);
    snprintf(en, sizeof en, "unfilled template residue in the prose: \"%s\"", a);
    int rc = gk__emit(d, r, "text.placeholder", NULL, flat_line(f, i), NULL, a, zh, en, NULL);
    if (rc) return rc;
    i += len - 1;
  }
  return GK_OK;
}

/* text.fee: in the editions the rule covers (rules.c), section 六 must report
 * 信息处理费 (even "未收取"). */
static int rule_fee(const gk_report *r, gk_diags *d) {
  const char *s = gk_report_section(r, GK_SECTION_OTHER);
  if (!gk__rule_covers(gk__rule_find("text.fee"), gk_report_edition(r)) || !s) return GK_OK;
  static const char *const words[] = {"处理费", "收费", "收取费用", "费用"};
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++)
    if (strstr(s, words[k])) return GK_OK;
  return gk__emit(d, r, "text.fee", NULL, gk_report_section_line(r, GK_SECTION_OTHER), "信息处理费",
                  NULL, "“六、其他需要报告的事项”未报告信息处理费收取情况",
                  "section 六 does not report the information processing fees (信息处理费)", NULL);
}

/* A table's place for text.sections, in one walk over its cells: the first
 * source line of its cells (0 when none was read from text) with bit 31 set, or
 * 0 when the table is not there (no line and every cell blank). */
static uint32_t table_line(const gk_report *r, int t) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[t];
  uint32_t least = UINT32_MAX; /* line - 1: 0 (no line) wraps to the largest, never the least */
  unsigned filled = 0;
  const gk__cell *cells = gk__report_cells(r, t);
  for (size_t i = 0, n = td->nrows * td->ncols; i < n; i++) {
    uint32_t l = cells[i].line - 1u;
    least = l < least ? l : least;
    filled |= cells[i].state; /* GK_CELL_BLANK is 0 */
  }
  uint32_t best = least == UINT32_MAX ? 0 : least + 1;
  return best || filled ? best | 1u << 31 : 0;
}

/* English name of part p (0..5) of the report. */
static const char *part_en(int p) {
  static const int sec[6] = {GK_SECTION_OVERVIEW, -1, -1, -1, GK_SECTION_PROBLEMS, GK_SECTION_OTHER};
  return p >= 1 && p <= 3 ? gk_schema_table_label(p - 1, GK_LANG_EN)
                          : gk_schema_section_label(sec[p], GK_LANG_EN);
}

/* Parts (bit p) that text.sections leaves to the import's own note, because the
 * copy does not hold them: the tables it lacks and, in a truncated copy, every
 * part after the last one present (see gk_report_completeness). */
static unsigned parts_not_held(const gk_report *r, const uint32_t line[6]) {
  unsigned skip = 0;
  uint32_t mt = gk_report_missing_tables(r);
  for (int t = 0; t < GK_NTABLES; t++)
    if ((mt >> t) & 1u) skip |= 1u << (1 + t);
  if (gk_report_completeness(NULL, NULL, r) == GK_TRUNCATED)
    for (int p = 5; p >= 0 && !line[p]; p--) skip |= 1u << p;
  return skip;
}

/* text.sections: the six sections present, in order. Silent on a report from
 * before the format (import.legacy) and on what the copy does not hold. */
static int rule_sections(const gk_report *r, gk_diags *d) {
  if (gk_report_completeness(NULL, NULL, r) == GK_PRE_FORMAT) return GK_OK;
  uint32_t line[6];
  line[0] = gk_report_section(r, GK_SECTION_OVERVIEW)
                ? gk_report_section_line(r, GK_SECTION_OVERVIEW) | 1u << 31
                : 0;
  for (int t = 0; t < GK_NTABLES; t++) line[1 + t] = table_line(r, t);
  line[4] = gk_report_section(r, GK_SECTION_PROBLEMS)
                ? gk_report_section_line(r, GK_SECTION_PROBLEMS) | 1u << 31
                : 0;
  line[5] = gk_report_section(r, GK_SECTION_OTHER)
                ? gk_report_section_line(r, GK_SECTION_OTHER) | 1u << 31
                : 0;
  unsigned skip = parts_not_held(r, line);
  gk__buf miss, en;
  gk__buf_init(&miss);
  gk__buf_init(&en);
  int order = 1, nmiss = 0, last = -1;
  uint32_t prev = 0;
  for (int p = 0; p < 6; p++)
    if (!line[p] && !((skip >> p) & 1u)) last = p;
  for (int p = 0; p < 6; p++) {
    if (!line[p]) {
      if ((skip >> p) & 1u) continue;
      if (miss.len) gk__buf_puts(&miss, "、");
      gk__part_heading_put(&miss, p);
      gk__buf_puts(&en, nmiss++ ? (p == last ? " and " : ", ") : "");
      gk__buf_puts(&en, part_en(p));
      continue;
    }
    uint32_t l = line[p] & ~(1u << 31);
    if (l && gk__report_part_order(r, p))
      l = gk__report_part_order(r, p); /* grids: document order */
    if (l && prev && l < prev) order = 0;
    if (l) prev = l;
  }
  int rc = miss.err || en.err ? GK_ENOMEM : GK_OK;
  if (!rc && (miss.len || !order)) {
    gk__buf zh, msg;
    gk__buf_init(&zh);
    gk__buf_init(&msg);
    if (miss.len) gk__buf_printf(&zh, "报告缺少%s：%s", nmiss == 1 ? "一个部分" : "以下部分", miss.data);
    else gk__buf_puts(&zh, "报告六个部分的顺序不对");
    if (miss.len)
      gk__buf_printf(&msg, "the report lacks %d of its six sections: %s", nmiss, en.data);
    else
      gk__buf_puts(&msg, "the six sections are not in order");
    rc = zh.err || msg.err ? GK_ENOMEM
                           : gk__emit(d, r, "text.sections", NULL, 0, NULL,
                                      miss.len ? miss.data : NULL, zh.data, msg.data, NULL);
    gk__buf_free(&zh);
    gk__buf_free(&msg);
  }
  gk__buf_free(&miss);
  gk__buf_free(&en);
  return rc;
}

/* 1 + the number of '\n' in s[0, n). */
static size_t count_lines(const char *s, size_t n) {
  size_t k = 1;
  for (const char *p = s, *end = s + n; (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) k++;
  return k;
}

int gk__text_rules_run(const gk_report *r, gk_diags *out) {
  if (!r || !out) return GK_EINVAL;
  size_t len[GK_NSECTIONS] = {0}, maxlen = 0, maxlines = 0;
  int any = 0;
  for (int s = 0; s < GK_NSECTIONS; s++) {
    if (!gk_report_section(r, s)) continue;
    any = 1;
    len[s] = strlen(gk_report_section(r, s));
    size_t nl = count_lines(gk_report_section(r, s), len[s]);
    if (len[s] > maxlen) maxlen = len[s];
    if (nl > maxlines) maxlines = nl;
  }
  if (!any) return GK_OK; /* no text: nothing to check */
  int rc = rule_sections(r, out), period_seen = 0;
  if (rc) return rc;
  /* one buffer for every section in turn: its line starts, then its flat text */
  if (maxlines > (SIZE_MAX - maxlen - 1 - FLAT_PAD) / sizeof(size_t)) return GK_ENOMEM;
  size_t *starts = gk__malloc(maxlines * sizeof *starts + maxlen + 1 + FLAT_PAD);
  if (!starts) return GK_ENOMEM;
  char *chars = (char *)(starts + maxlines);
  table_wants w;
  memset(&w, 0, sizeof w);
  for (int s = 0; s < GK_NSECTIONS && !rc; s++) {
    if (!gk_report_section(r, s)) continue;
    flat f;
    flat_fill(&f, gk_report_section(r, s), len[s], gk_report_section_line(r, s), chars, starts);
    if (s == GK_SECTION_PREAMBLE || s == GK_SECTION_OVERVIEW) rc = rule_period(r, &f, out, &period_seen);
    if (!rc) rc = rule_sum(r, &f, out);
    if (!rc && (s == GK_SECTION_OVERVIEW || s == GK_SECTION_PREAMBLE)) rc = rule_table(r, &f, &w, out);
    if (!rc) rc = rule_placeholder(r, &f, out);
  }
  gk__free(starts);
  if (!rc) rc = rule_fee(r, out);
  return rc;
}
