/* SPDX-License-Identifier: MIT */
/* The JSON lexical layer: a strict checker that knows where it is (offset and JSON
 * path of the first error), value skipping over checked text, offsets to line and
 * column, and the two bits of output shared by every JSON writer (paths, strings). */
#include <string.h>
#include "json_int.h"

/* ------------------------------------------------------------ checking */
typedef struct {
  const char *s;
  size_t n;
  gk__jerr *err;
  size_t *ends, nends; /* where the values of the root object's first members end */
  gk__jseg path[GK__JSON_MAX_DEPTH + 1];
  size_t depth; /* segments in path */
} chk;

static int fail(chk *c, size_t off, const char *rule, const char *zh, const char *en) {
  gk__jerr *e = c->err;
  e->off = off;
  e->rule = rule;
  e->msg_zh = zh;
  e->msg_en = en;
  e->depth = c->depth;
  memcpy(e->path, c->path, c->depth * sizeof *c->path);
  return 0;
}

#define SYNTAX "json.syntax"

static int is_ws(char ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r'; }

size_t gk__json_ws(const char *s, size_t n, size_t p) {
  while (p < n && is_ws(s[p])) p++;
  return p;
}

static int hex4(const char *s, size_t n, size_t p, unsigned *out) {
  unsigned v = 0;
  if (p > n || n - p < 4) return 0;
  for (size_t i = 0; i < 4; i++) {
    char ch = s[p + i];
    unsigned d;
    if (ch >= '0' && ch <= '9') d = (unsigned)(ch - '0');
    else if (ch >= 'a' && ch <= 'f') d = (unsigned)(ch - 'a' + 10);
    else if (ch >= 'A' && ch <= 'F') d = (unsigned)(ch - 'A' + 10);
    else return 0;
    v = v * 16 + d;
  }
  *out = v;
  return 1;
}

/* Byte length of the UTF-8 sequence at p if valid, else 0. */
static size_t utf8_seq(const char *s, size_t n, size_t p) {
  unsigned char b = (unsigned char)s[p];
  size_t k = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 0;
  if (!k || n - p < k || !gk__utf8_valid(s + p, k, NULL)) return 0;
  return k;
}

/* *p at the opening quote; on success *p is just past the closing quote. */
static int chk_string(chk *c, size_t *pp) {
  const char *s = c->s;
  size_t n = c->n, start = *pp, p = start + 1;
  for (;;) {
    if (p >= n) return fail(c, start, SYNTAX, "字符串缺少结束引号", "unterminated string");
    unsigned char ch = (unsigned char)s[p];
    if (ch == '"') break;
    if (ch == '\\') {
      if (p + 1 >= n) return fail(c, start, SYNTAX, "字符串缺少结束引号", "unterminated string");
      char e = s[p + 1];
      if (e == 'u') {
        unsigned u, lo;
        if (!hex4(s, n, p + 2, &u))
          return fail(c, p, SYNTAX, "无效的转义序列", "invalid escape sequence");
        if (u == 0)
          return fail(c, p, "json.value", "字符串中不允许 \\u0000",
                      "\\u0000 is not allowed in a string");
        if (u >= 0xDC00 && u <= 0xDFFF)
          return fail(c, p, SYNTAX, "\\u 转义中有不成对的代理项",
                      "unpaired surrogate in a \\u escape");
        if (u >= 0xD800 && u <= 0xDBFF) {
          if (p + 7 >= n || s[p + 6] != '\\' || s[p + 7] != 'u' || !hex4(s, n, p + 8, &lo) ||
              lo < 0xDC00 || lo > 0xDFFF)
            return fail(c, p, SYNTAX, "\\u 转义中有不成对的代理项",
                        "unpaired surrogate in a \\u escape");
          p += 6;
        }
        p += 6;
      } else if (e && strchr("\"\\/bfnrt", e)) {
        p += 2;
      } else {
        return fail(c, p, SYNTAX, "无效的转义序列", "invalid escape sequence");
      }
    } else if (ch < 0x20) {
      return fail(c, p, SYNTAX, "字符串中有未转义的控制字符",
                  "unescaped control character in a string");
    } else if (ch >= 0x80) {
      /* a run of non-ASCII bytes at once; the error is at the first bad sequence */
      size_t q = p + 1, bad = 0;
      while (q < n && (unsigned char)s[q] >= 0x80) q++;
      if (!gk__utf8_valid(s + p, q - p, &bad))
        return fail(c, p + bad, SYNTAX, "无效的 UTF-8 字节序列", "invalid UTF-8 byte sequence");
      p = q;
    } else {
      p++;
    }
  }
  *pp = p + 1;
  return 1;
}

static int is_digit(char ch) { return ch >= '0' && ch <= '9'; }

static int chk_number(chk *c, size_t *pp) {
  const char *s = c->s;
  size_t n = c->n, start = *pp, p = start;
  if (p < n && s[p] == '-') p++;
  if (p < n && s[p] == '0') {
    p++;
  } else if (p < n && s[p] >= '1' && s[p] <= '9') {
    while (p < n && is_digit(s[p])) p++;
  } else {
    return fail(c, start, SYNTAX, "无效的数字", "invalid number");
  }
  if (p < n && s[p] == '.') {
    p++;
    if (p >= n || !is_digit(s[p])) return fail(c, start, SYNTAX, "无效的数字", "invalid number");
    while (p < n && is_digit(s[p])) p++;
  }
  if (p < n && (s[p] == 'e' || s[p] == 'E')) {
    p++;
    if (p < n && (s[p] == '+' || s[p] == '-')) p++;
    if (p >= n || !is_digit(s[p])) return fail(c, start, SYNTAX, "无效的数字", "invalid number");
    while (p < n && is_digit(s[p])) p++;
  }
  if (p - start > GK__JSON_MAX_NUMBER)
    return fail(c, start, "json.value", "数字超过 63 个字符", "number longer than 63 characters");
  *pp = p;
  return 1;
}

static int chk_value(chk *c, size_t *pp, size_t nest);

/* Containers: '{' members '}' and '[' elements ']'. */
static int chk_container(chk *c, size_t *pp, size_t nest) {
  const char *s = c->s;
  size_t n = c->n, p = *pp;
  int obj = s[p] == '{';
  char close = obj ? '}' : ']';
  if (nest >= GK__JSON_MAX_DEPTH)
    return fail(c, p, SYNTAX, "嵌套超过 64 层", "nested deeper than 64 levels");
  p = gk__json_ws(s, n, p + 1);
  if (p < n && s[p] == close) {
    *pp = p + 1;
    return 1;
  }
  /* the segment of a member or element is on the path while its key or value is read */
  gk__jseg *seg = &c->path[c->depth];
  memset(seg, 0, sizeof *seg);
  for (size_t i = 0;; i++) {
    if (obj) {
      if (p >= n) return fail(c, p, SYNTAX, "输入意外结束", "unexpected end of input");
      if (s[p] != '"') return fail(c, p, SYNTAX, "此处应为带引号的键", "expected a quoted key");
      size_t k = p;
      if (!chk_string(c, &p)) return 0;
      seg->key = s + k + 1;
      seg->len = p - k - 2;
      seg->raw = 1;
      c->depth++;
      p = gk__json_ws(s, n, p);
      if (p >= n) return fail(c, p, SYNTAX, "输入意外结束", "unexpected end of input");
      if (s[p] != ':') return fail(c, p, SYNTAX, "此处应为“:”", "expected ':'");
      p++;
    } else {
      seg->key = NULL;
      seg->index = i;
      c->depth++;
    }
    if (!chk_value(c, &p, nest + 1)) return 0;
    if (obj && nest == 0 && i < c->nends) c->ends[i] = p;
    c->depth--;
    p = gk__json_ws(s, n, p);
    if (p >= n) return fail(c, p, SYNTAX, "输入意外结束", "unexpected end of input");
    if (s[p] == close) break;
    if (s[p] != ',')
      return obj ? fail(c, p, SYNTAX, "此处应为“,”或“}”", "expected ',' or '}'")
                 : fail(c, p, SYNTAX, "此处应为“,”或“]”", "expected ',' or ']'");
    p = gk__json_ws(s, n, p + 1);
  }
  *pp = p + 1;
  return 1;
}

static int chk_value(chk *c, size_t *pp, size_t nest) {
  const char *s = c->s;
  size_t n = c->n, p = gk__json_ws(s, n, *pp);
  if (p >= n) return fail(c, p, SYNTAX, "输入意外结束，此处应为一个值", "unexpected end of input, expected a value");
  static const char *const words[] = {"true", "false", "null"};
  int ok;
  switch (s[p]) {
  case '{':
  case '[': ok = chk_container(c, &p, nest); break;
  case '"': ok = chk_string(c, &p); break;
  case 't':
  case 'f':
  case 'n': {
    const char *w = words[s[p] == 't' ? 0 : s[p] == 'f' ? 1 : 2];
    size_t k = strlen(w);
    if (n - p < k || memcmp(s + p, w, k) != 0)
      return fail(c, p, SYNTAX, "无效的字面量（应为 true、false 或 null）",
                  "invalid literal (expected true, false or null)");
    p += k;
    ok = 1;
    break;
  }
  default:
    if (s[p] == '-' || is_digit(s[p])) {
      ok = chk_number(c, &p);
    } else {
      return fail(c, p, SYNTAX, "此处应为一个值", "expected a value");
    }
  }
  if (ok) *pp = p;
  return ok;
}

static size_t bom(const char *s, size_t n) {
  return (n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
}

int gk__json_check(const char *src, size_t len, gk__jerr *err, size_t *ends, size_t nends) {
  chk c;
  memset(&c, 0, sizeof c);
  c.s = src;
  c.n = len;
  c.err = err;
  c.ends = ends;
  c.nends = nends;
  size_t p = bom(src, len);
  if (!chk_value(&c, &p, 0)) return 0;
  p = gk__json_ws(src, len, p);
  if (p != len)
    return fail(&c, p, SYNTAX, "文档之后还有多余的内容", "unexpected text after the document");
  return 1;
}

/* ------------------------------------------------------------ walking checked text */
size_t gk__json_string_end(const char *s, size_t n, size_t p) {
  size_t i = p + 1;
  for (;;) {
    const char *q = i < n ? memchr(s + i, '"', n - i) : NULL;
    if (!q) return n;
    size_t k = (size_t)(q - s), b = k;
    while (b > i && s[b - 1] == '\\') b--; /* s[i - 1] is a quote: the run starts at i or later */
    if ((k - b) % 2 == 0) return k + 1;
    i = k + 1;
  }
}

size_t gk__json_skip(const char *s, size_t n, size_t p) {
  if (p >= n) return n;
  if (s[p] == '"') return gk__json_string_end(s, n, p);
  if (s[p] == '{' || s[p] == '[') {
    size_t d = 0;
    while (p < n) {
      char ch = s[p];
      if (ch == '"') {
        p = gk__json_string_end(s, n, p);
        continue;
      }
      if (ch == '{' || ch == '[') d++;
      else if ((ch == '}' || ch == ']') && --d == 0) return p + 1;
      p++;
    }
    return n;
  }
  while (p < n && !is_ws(s[p]) && s[p] != ',' && s[p] != '}' && s[p] != ']') p++;
  return p;
}

void gk__json_pos(const char *s, size_t n, size_t off, uint32_t *line, uint32_t *col) {
  if (off > n) off = n;
  uint32_t ln = 1;
  size_t start = 0;
  for (size_t i = 0; i < off; i++)
    if (s[i] == '\n') {
      ln++;
      start = i + 1;
    }
  uint32_t c = 1;
  for (size_t i = start; i < off; i++) c += ((unsigned char)s[i] & 0xC0) != 0x80;
  if (start == 0 && bom(s, n) && off >= 3) c--; /* the BOM is no character of the text */
  *line = ln;
  *col = c;
}

/* ------------------------------------------------------------ output helpers */
/* The escaped characters of a JSON string, without the quotes. Bytes that are not
 * UTF-8 become U+FFFD, so the output is always valid JSON. */
static void str_body(gk__buf *b, const char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    const char *esc = NULL;
    char u[7];
    switch (ch) {
    case '"': esc = "\\\""; break;
    case '\\': esc = "\\\\"; break;
    case '\n': esc = "\\n"; break;
    case '\r': esc = "\\r"; break;
    case '\t': esc = "\\t"; break;
    case '\b': esc = "\\b"; break;
    case '\f': esc = "\\f"; break;
    default:
      if (ch < 0x20) {
        memcpy(u, "\\u00", 4);
        u[4] = hex[ch >> 4];
        u[5] = hex[ch & 15];
        u[6] = '\0';
        esc = u;
      } else if (ch >= 0x80) {
        size_t k = utf8_seq(s, n, i);
        if (k) {
          i += k - 1;
          continue;
        }
        esc = "\xEF\xBF\xBD"; /* U+FFFD for a byte that is no UTF-8 */
      }
    }
    if (!esc) continue;
    gk__buf_put(b, s + run, i - run);
    gk__buf_puts(b, esc);
    run = i + 1;
  }
  gk__buf_put(b, s + run, n - run);
}

void gk__json_str(gk__buf *b, const char *s, size_t n) {
  gk__buf_putc(b, '"');
  str_body(b, s, n);
  gk__buf_putc(b, '"');
}

#define PATH_KEY_MAX 64

static int is_ident(const char *k, size_t n) {
  if (!n) return 0;
  for (size_t i = 0; i < n; i++) {
    char ch = k[i];
    int alpha = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
    if (!alpha && !(i > 0 && is_digit(ch))) return 0;
  }
  return 1;
}

void gk__json_path(gk__buf *b, const gk__jseg *segs, size_t n) {
  gk__buf_putc(b, '$');
  for (size_t i = 0; i < n; i++) {
    const gk__jseg *g = &segs[i];
    if (!g->key) {
      gk__buf_printf(b, "[%zu]", g->index);
      continue;
    }
    /* keys are cut to PATH_KEY_MAX bytes at a character boundary */
    size_t k = g->len;
    int cut = k > PATH_KEY_MAX;
    if (cut) {
      k = PATH_KEY_MAX;
      while (k && ((unsigned char)g->key[k] & 0xC0) == 0x80) k--;
    }
    if (!cut && is_ident(g->key, k)) {
      gk__buf_putc(b, '.');
      gk__buf_put(b, g->key, k);
      continue;
    }
    gk__buf_puts(b, "[\"");
    if (g->raw)
      gk__buf_put(b, g->key, k); /* already escaped as written in the source */
    else
      str_body(b, g->key, k);
    gk__buf_puts(b, cut ? "…\"" : "\"");
    gk__buf_putc(b, ']');
  }
}

/* ------------------------------------------------------------ string decoding */
int gk__json_str_decode(gk__buf *b, const char *s, size_t a, size_t e) {
  size_t run = a;
  while (a < e) {
    if (s[a] != '\\') {
      a++;
      continue;
    }
    gk__buf_put(b, s + run, a - run);
    char c = s[a + 1];
    a += 2;
    if (c == 'u') {
      unsigned u = 0, lo = 0xDC00;
      hex4(s, e, a, &u); /* checked text: the four digits are there */
      a += 4;
      if (u >= 0xD800 && u <= 0xDBFF) { /* the checker saw the low half follow */
        hex4(s, e, a + 2, &lo);
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        a += 6;
      }
      gk__utf8_put(b, u);
    } else {
      static const char from[] = "bfnrt", to[] = "\b\f\n\r\t";
      const char *f = strchr(from, c);
      gk__buf_putc(b, f ? to[f - from] : c); /* " \ / stand for themselves */
    }
    run = a;
  }
  gk__buf_put(b, s + run, e - run);
  return b->err;
}
