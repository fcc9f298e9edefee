/* SPDX-License-Identifier: MIT */
/* libgkreport: the reader of one-line page text (issue 11). A web page's text
 * as a crawler saves it (innerText / textContent) holds the whole report on one
 * line: the headings inline ("…请与本办联系。一、总体情况2020年，我区…"), the
 * table cells run together with no separator ("本年新收政府信息公开申请数量
 * 801000081"). This reader rewrites such a line as lines the importer reads:
 * the title, each part heading and each part on lines of their own, and in the
 * table parts every run of digits set apart by spaces, so that each becomes a
 * token; the importer splits the runs by the format's identities
 * (digit_split.h). An ordinal ("1.", "2、", "（1）") stays with its label.
 * The reader knows layouts only: the heading wording comes from the
 * declarations (gk__part_label). Linear in the input. */
#include <string.h>
#include "text_int.h"

#define PT_MIN_LINE 600 /* bytes: a line shorter than this is no page */
#define PT_MAX_HEADS 64

typedef struct {
  size_t at, end; /* ordinal start, label end */
  int part;
} hit;

static const char *const ordinals[6] = {"一", "二", "三", "四", "五", "六"};

/* Is there "X、" (X the part's ordinal; 、 ． . or a space) right before q? Its start. */
static int ordinal_before(const char *p, size_t q, int part, size_t *at) {
  static const char *const seps[] = {"、", "．", ".", " ", "　"};
  for (size_t k = 0; k < sizeof seps / sizeof seps[0]; k++) {
    size_t sl = strlen(seps[k]);
    if (q >= sl + 3 && memcmp(p + q - sl, seps[k], sl) == 0 && memcmp(p + q - sl - 3, ordinals[part], 3) == 0) {
      *at = q - sl - 3;
      return 1;
    }
  }
  return 0;
}

static void add_hit(hit *h, size_t *nh, hit x) {
  for (size_t i = 0; i < *nh; i++)
    if (h[i].at == x.at) { /* the same heading through a shorter variant: keep the longest */
      if (x.end > h[i].end) h[i] = x;
      return;
    }
  if (*nh < PT_MAX_HEADS) h[(*nh)++] = x;
}

/* The part headings inside p[0..n), in order. */
static size_t find_heads(const char *p, size_t n, hit *h) {
  size_t nh = 0;
  for (int part = 0; part < 6; part++) {
    const gk__label *l = gk__part_label(part);
    for (size_t v = 0; v <= GK__MAX_VARIANTS; v++) {
      const char *f = v ? l->variants[v - 1] : l->zh;
      if (!f) break;
      size_t fn = strlen(f), from = 0, at;
      const char *q;
      while (fn >= 6 && (q = gk__memfind(p + from, n - from, f, fn)) != NULL) {
        size_t qi = (size_t)(q - p);
        if (ordinal_before(p, qi, part, &at)) add_hit(h, &nh, (hit){at, qi + fn, part});
        from = qi + fn;
      }
    }
  }
  for (size_t i = 1; i < nh; i++) /* insertion sort by position: a handful */
    for (size_t j = i; j > 0 && h[j].at < h[j - 1].at; j--) {
      hit t = h[j];
      h[j] = h[j - 1], h[j - 1] = t;
    }
  size_t k = 0; /* overlapping hits: the first wins */
  for (size_t i = 0; i < nh; i++)
    if (!k || h[i].at >= h[k - 1].end) h[k++] = h[i];
  return k;
}

static int num_char(char c) { return (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+'; }

static int starts_at(const char *p, size_t n, size_t i, const char *w) {
  size_t k = strlen(w);
  return i + k <= n && memcmp(p + i, w, k) == 0;
}

/* Copy p[0..n) with every run of digits set apart by spaces. */
static void put_spaced(gk__buf *o, const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    int start = (p[i] >= '0' && p[i] <= '9') ||
                ((p[i] == '-' || p[i] == '+') && i + 1 < n && p[i + 1] >= '0' && p[i + 1] <= '9');
    if (!start) {
      gk__buf_putc(o, p[i++]);
      continue;
    }
    size_t a = i, b = i;
    while (b < n && num_char(p[b])) b++;
    size_t e = b; /* a unit closes an amount */
    if (starts_at(p, n, b, "万元")) e = b + 6;
    else if (starts_at(p, n, b, "元")) e = b + 3;
    int paren = ((a >= 3 && memcmp(p + a - 3, "（", 3) == 0) || (a >= 1 && p[a - 1] == '(')) &&
                (starts_at(p, n, b, "）") || starts_at(p, n, b, ")"));
    if (paren) { /* "（1）": an ordinal */
      gk__buf_put(o, p + a, b - a);
      i = b;
      continue;
    }
    /* an ordinal at the end ("…0001.本机关", "…0002、"): its digit goes with the label */
    size_t ord = e;
    if (e == b && b > a + 1 && p[b - 1] == '.' && p[b - 2] >= '0' && p[b - 2] <= '9') ord = b - 2;
    else if (e == b && (starts_at(p, n, b, "、") || starts_at(p, n, b, "．")) && p[b - 1] >= '0' && p[b - 1] <= '9')
      ord = b - 1;
    if (ord > a) {
      gk__buf_putc(o, ' ');
      gk__buf_put(o, p + a, ord - a);
      gk__buf_putc(o, ' ');
    }
    gk__buf_put(o, p + ord, e - ord);
    i = e;
  }
}

/* Rewrite one line of page text; returns the number of lines written. */
static size_t put_page(gk__buf *o, const char *p, size_t n, const hit *h, size_t nh) {
  size_t lines = 0, i = 0;
  /* the title: up to the first 年度报告 before any heading, near the start */
  const char *t = gk__memfind(p, nh ? h[0].at : n, "年度报告", strlen("年度报告"));
  if (t && (size_t)(t - p) < 400) {
    i = (size_t)(t - p) + strlen("年度报告");
    gk__buf_put(o, p, i);
    gk__buf_putc(o, '\n');
    lines++;
  }
  for (size_t k = 0; k <= nh; k++) {
    size_t end = k < nh ? h[k].at : n;
    int table = k > 0 && h[k - 1].part >= 1 && h[k - 1].part <= 3;
    if (end > i) {
      if (table) put_spaced(o, p + i, end - i);
      else gk__buf_put(o, p + i, end - i);
      gk__buf_putc(o, '\n');
      lines++;
    }
    if (k == nh) break;
    gk__buf_put(o, p + h[k].at, h[k].end - h[k].at);
    gk__buf_putc(o, '\n');
    lines++;
    i = h[k].end;
  }
  return lines;
}

static int push_map(uint32_t **map, size_t *nmap, size_t *cap, size_t count, uint32_t line) {
  if (*nmap + count > *cap) {
    size_t nc = (*cap ? *cap * 2 : 64) + count;
    uint32_t *m = gk__realloc(*map, nc * sizeof *m);
    if (!m) return GK_ENOMEM;
    *map = m, *cap = nc;
  }
  for (size_t k = 0; k < count; k++) (*map)[(*nmap)++] = line;
  return GK_OK;
}

/* Is this line a page: long, with two part headings inside it? */
static size_t page_heads(const char *p, size_t n, hit *h) {
  if (n < PT_MIN_LINE) return 0;
  size_t nh = find_heads(p, n, h), inside = 0;
  for (size_t k = 0; k < nh; k++) inside += h[k].at > 0;
  return inside >= 2 ? nh : 0;
}

int gk__pagetext_lines(gk__buf *out, uint32_t **map_out, size_t *nmap_out, const gk__labels *L,
                       const char *s, size_t n) {
  (void)L;
  *map_out = NULL, *nmap_out = 0;
  hit h[PT_MAX_HEADS];
  int any = 0;
  for (size_t i = 0; i < n && !any;) { /* a first pass: most texts are no page */
    const char *nl = memchr(s + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - s) : n;
    any = page_heads(s + i, e - i, h) > 0;
    i = e + 1;
  }
  if (!any) return 0;
  uint32_t *map = NULL;
  size_t nmap = 0, cap = 0;
  size_t line = 0;
  int rc = GK_OK;
  for (size_t i = 0; i <= n && !rc; line++) {
    const char *nl = i < n ? memchr(s + i, '\n', n - i) : NULL;
    size_t e = nl ? (size_t)(nl - s) : n;
    size_t nh = page_heads(s + i, e - i, h), k = 1;
    if (nh) k = put_page(out, s + i, e - i, h, nh);
    else gk__buf_put(out, s + i, e - i), gk__buf_putc(out, '\n');
    rc = out->err ? out->err : push_map(&map, &nmap, &cap, k, line + 1 >= UINT32_MAX ? UINT32_MAX : (uint32_t)(line + 1));
    if (!nl) break;
    i = e + 1;
  }
  if (rc) {
    gk__free(map);
    return rc;
  }
  *map_out = map, *nmap_out = nmap;
  return 1;
}
