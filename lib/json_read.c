/* SPDX-License-Identifier: MIT */
/* Reading a report document (gk_report_from_json).
 *
 * Two passes over the text and no tree: json_scan.c checks the whole text strictly
 * and places any syntax error; then the reader below walks the checked text once, a
 * small recursive descent that fills the report as it goes. Every value is known by
 * its byte offset (line and column are counted only for an error) and its raw text
 * (numbers are read exactly from it, never through a double; strings are used in
 * place and decoded only when they hold an escape). Tables, rows and columns are
 * looked up in the schema declarations, each key once, starting from the row or
 * column after the previous one (documents list them in order); no row or column
 * key is spelled here. */
#include <stdio.h>
#include <string.h>
#include "json_int.h"
#include "gkreport/json.h"

#define MAX_PATH 8
#define LITERAL_MAX 4096
#define ROOT_ENDS 16 /* root members whose ends the checker records */
#define SEEN_MAX 256 /* keys of an object told apart by a bit set (ids below this) */

typedef struct {
  const char *s;
  size_t n;
  const char *file;
  gk_diags *diags; /* the caller's list, may be NULL */
  gk_report *r;
  const gk__edition *ed;
  gk__buf tmp; /* a decoded string used at once */
  size_t root_ends[ROOT_ENDS]; /* from the checker: where the root's member values end */
  gk__jseg path[MAX_PATH];
  size_t depth;
} rd;

/* One member of an object: its key (decoded) and where its key and value are. */
typedef struct member {
  const char *key; /* in the source, or kbuf.data when the key holds an escape */
  size_t klen;
  char type;       /* first byte of the value: { [ " t f n, or '0' for a number */
  size_t key_off, val_off, val_end; /* val_end 0: a container not walked yet */
  gk__buf kbuf;
  uint64_t *seen;  /* ids of the keys before it in its object */
  size_t obj_off, nth;
} member;


/* End of the scalar value at p (checked text). */
static size_t scalar_end(const char *s, size_t n, size_t p) {
  if (s[p] == '"') return gk__json_string_end(s, n, p);
  while (p < n && s[p] != ',' && s[p] != '}' && s[p] != ']' && s[p] != ' ' && s[p] != '\n' &&
         s[p] != '\r' && s[p] != '\t')
    p++;
  return p;
}

/* Take the value at p as m's value. */
static void value_at(const rd *x, member *m, size_t p) {
  char c = x->s[p];
  m->val_off = p;
  m->type = (c == '-' || gk__is_digit(c)) ? '0' : c;
  m->val_end = (c == '{' || c == '[') ? 0 : scalar_end(x->s, x->n, p);
}

/* End of m's value, found by skipping it when it was not walked. */
static size_t value_end(const rd *x, member *m) {
  if (!m->val_end) m->val_end = gk__json_skip(x->s, x->n, m->val_off);
  return m->val_end;
}

/* ------------------------------------------------------------ strings */
/* The decoded text of the string value or key s[q..e) (q at the opening quote, e
 * past the closing one): in place when it holds no escape, else decoded into b. */
static int str_text(gk__buf *b, const char *s, size_t q, size_t e, const char **t_out,
                    size_t *n_out) {
  const char *body = s + q + 1;
  size_t n = e - q - 2;
  if (!memchr(body, '\\', n)) {
    *t_out = body;
    *n_out = n;
    return GK_OK;
  }
  b->len = 0;
  int rc = gk__json_str_decode(b, s, q + 1, e - 1);
  *t_out = b->data;
  *n_out = b->len;
  return rc;
}

/* s[0..n) equals the NUL-terminated key k. */
static int same(const char *s, size_t n, const char *k) {
  return strncmp(k, s, n) == 0 && k[n] == '\0';
}

static int key_is(const member *m, const char *k) { return same(m->key, m->klen, k); }

/* Index of m's key in the NULL-terminated list keys[], or -1. */
static int key_index(const member *m, const char *const *keys) {
  for (int i = 0; keys[i]; i++)
    if (key_is(m, keys[i])) return i;
  return -1;
}

/* ------------------------------------------------------------ the one error */
#define SHOW_MAX 64

/* Copy at most SHOW_MAX bytes of s[0..n) (cut at a character boundary) into buf. */
static const char *shown(char *buf, const char *s, size_t n) {
  int cut = n > SHOW_MAX;
  if (cut) {
    n = SHOW_MAX;
    while (n && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  }
  memcpy(buf, s, n);
  strcpy(buf + n, cut ? "…" : "");
  return buf;
}

/* Record the error of this parse in the caller's list: rule, position of the token
 * at [off, end), the JSON path (as the item's cell and in both messages). The list
 * gains exactly one item or, when memory runs out, nothing. Returns GK_EPARSE or
 * GK_ENOMEM. `arg` fills the %s of the message formats. */
static int report_error(const rd *x, const char *rule, size_t off, size_t end,
                        const gk__jseg *path, size_t depth, const char *zh, const char *en,
                        const char *arg) {
  if (!x->diags) return GK_EPARSE;
  gk__buf p, mz, me;
  gk__buf_init(&p);
  gk__buf_init(&mz);
  gk__buf_init(&me);
  gk__json_path(&p, path, depth);
  gk__buf_printf(&mz, zh, arg ? arg : "");
  gk__buf_printf(&mz, "（位置 %s）", p.data ? p.data : "$");
  gk__buf_printf(&me, en, arg ? arg : "");
  gk__buf_printf(&me, " at %s", p.data ? p.data : "$");
  int rc = (p.err || mz.err || me.err) ? GK_ENOMEM : GK_OK;
  uint32_t line, col;
  gk__json_pos(x->s, x->n, off, &line, &col);
  gk_diags *t = NULL;
  size_t i;
  char actual[SHOW_MAX + 4];
  if (!rc) rc = gk_diags_new(&t);
  if (!rc) rc = gk_diags_add(&i, t, GK_SEV_ERROR, rule, mz.data, me.data, x->file, line, col);
  if (!rc) rc = gk_diags_add_cell(t, i, p.data);
  if (!rc && end > off && end <= x->n)
    rc = gk_diags_set_values(t, i, NULL, shown(actual, x->s + off, end - off));
  if (!rc) rc = gk_diags_append(x->diags, t);
  gk_diags_free(t);
  gk__buf_free(&p);
  gk__buf_free(&mz);
  gk__buf_free(&me);
  return rc ? rc : GK_EPARSE;
}

/* An error about the member or value at [off, end) with the current path. */
static int fail(const rd *x, const char *rule, size_t off, size_t end, const char *zh,
                const char *en, const char *arg) {
  return report_error(x, rule, off, end, x->path, x->depth < MAX_PATH ? x->depth : MAX_PATH, zh,
                      en, arg);
}

/* Errors about a key: at the key, path up to and including it. */
static int fail_key(const rd *x, const member *m, const char *zh, const char *en) {
  char k[SHOW_MAX + 4];
  return fail(x, "json.key", m->key_off, 0, zh, en, shown(k, m->key, m->klen));
}

static int unknown_key(const rd *x, const member *m) {
  return fail_key(x, m, "未知的键“%s”", "unknown key \"%s\"");
}

/* A key seen before in the same object (by its id) is an error; else it is marked. */
static int check_duplicate(const rd *x, const member *m, size_t id);

/* The JSON type of a value, for messages. */
static const char *type_name(char type, int en) {
  switch (type) {
  case '{': return en ? "an object" : "对象";
  case '[': return en ? "an array" : "数组";
  case '"': return en ? "a string" : "字符串";
  case '0': return en ? "a number" : "数字";
  case 't':
  case 'f': return en ? "a boolean" : "布尔值";
  default: return "null";
  }
}

static int fail_type(const rd *x, member *m, const char *want_zh, const char *want_en) {
  /* the messages are made of constants of this file only (they are formats) */
  char zh[192], en[192];
  snprintf(zh, sizeof zh, "此处应为%s，实际为%s", want_zh, type_name(m->type, 0));
  snprintf(en, sizeof en, "expected %s, found %s", want_en, type_name(m->type, 1));
  return fail(x, "json.type", m->val_off, value_end(x, m), zh, en, NULL);
}

/* The value's raw text, shown in a message. */
static const char *raw_text(char *buf, const rd *x, member *m) {
  return shown(buf, x->s + m->val_off, value_end(x, m) - m->val_off);
}

/* The decoded text of a string value m (in place or in x->tmp, used at once). */
static int value_text(rd *x, const member *m, const char **t_out, size_t *n_out) {
  return str_text(&x->tmp, x->s, m->val_off, m->val_end, t_out, n_out);
}

/* The decoded text of a string value m, NUL-terminated in x->tmp (used at once). */
static int value_cstr(rd *x, const member *m, const char **t_out) {
  x->tmp.len = 0;
  int rc = gk__json_str_decode(&x->tmp, x->s, m->val_off + 1, m->val_end - 1);
  *t_out = x->tmp.data;
  return rc;
}

static int check_duplicate(const rd *x, const member *m, size_t id) {
  int dup = 0;
  if (id < SEEN_MAX) {
    uint64_t bit = (uint64_t)1 << (id % 64);
    dup = (m->seen[id / 64] & bit) != 0;
    m->seen[id / 64] |= bit;
  } else { /* not met with the declared editions: compare with the keys before it */
    const char *s = x->s;
    size_t n = x->n;
    gk__buf b;
    gk__buf_init(&b);
    for (size_t p = gk__json_ws(s, n, m->obj_off + 1); !dup && p < m->key_off;) {
      size_t ke = scalar_end(s, n, p);
      const char *t;
      size_t tn;
      int rc = str_text(&b, s, p, ke, &t, &tn);
      if (rc) {
        gk__buf_free(&b);
        return rc;
      }
      dup = tn == m->klen && memcmp(t, m->key, tn) == 0;
      p = gk__json_skip(s, n, gk__json_ws(s, n, gk__json_ws(s, n, ke) + 1)); /* the value */
      p = gk__json_ws(s, n, gk__json_ws(s, n, p) + 1);                        /* the comma */
    }
    gk__buf_free(&b);
  }
  return dup ? fail_key(x, m, "重复的键“%s”", "duplicate key \"%s\"") : GK_OK;
}

/* ------------------------------------------------------------ objects */
static void push(rd *x, const char *key, size_t len) {
  if (x->depth < MAX_PATH) {
    gk__jseg *g = &x->path[x->depth];
    memset(g, 0, sizeof *g);
    g->key = key;
    g->len = len;
  }
  x->depth++;
}

static void pop(rd *x) { x->depth--; }

/* Run fn on each member of the object whose '{' is at obj_off (in source order) with
 * the member's key on the path; fn tells the member's id to check_duplicate. Stops
 * at the first error; else *end_out is just past the '}'. */
typedef int (*member_fn)(rd *x, member *m, void *ctx);

static int each_member(rd *x, size_t obj_off, size_t *end_out, member_fn fn, void *ctx) {
  const char *s = x->s;
  size_t n = x->n;
  uint64_t seen[SEEN_MAX / 64] = {0};
  size_t p = gk__json_ws(s, n, obj_off + 1);
  for (size_t nth = 0; s[p] != '}'; nth++) {
    member m;
    m.seen = seen;
    m.obj_off = obj_off;
    m.nth = nth;
    m.key_off = p;
    size_t ke = scalar_end(s, n, p);
    gk__buf_init(&m.kbuf);
    int rc = str_text(&m.kbuf, s, p, ke, &m.key, &m.klen);
    value_at(x, &m, gk__json_ws(s, n, gk__json_ws(s, n, ke) + 1));
    if (!rc) {
      push(x, m.key, m.klen);
      rc = fn(x, &m, ctx);
      pop(x);
    }
    gk__buf_free(&m.kbuf);
    if (rc) return rc;
    p = gk__json_ws(s, n, value_end(x, &m));
    if (s[p] == ',') p = gk__json_ws(s, n, p + 1);
  }
  *end_out = p + 1;
  return GK_OK;
}

/* Walk the object value of m with fn; m's end becomes known. */
static int walk(rd *x, member *m, member_fn fn, void *ctx) {
  return each_member(x, m->val_off, &m->val_end, fn, ctx);
}

/* null stands for an absent optional object; anything else but an object is wrong. */
static int want_object(const rd *x, member *m) {
  if (m->type == '{' || m->type == 'n') return GK_OK;
  return fail_type(x, m, "对象或 null", "an object or null");
}

/* ------------------------------------------------------------ numbers from their text */
/* An integer token s[a..b): GK_OK, GK_EPARSE (fraction or exponent) or GK_EOVERFLOW. */
static int int_token(const char *s, size_t a, size_t b, int64_t *out) {
  int neg = a < b && s[a] == '-';
  int64_t v = 0;
  size_t i = a + (size_t)neg;
  /* up to 18 digits cannot overflow */
  for (; i < b && i < a + (size_t)neg + 18; i++) {
    if (!gk__is_digit(s[i])) return GK_EPARSE;
    v = v * 10 + (s[i] - '0');
  }
  if (neg) v = -v;
  for (; i < b; i++) {
    if (!gk__is_digit(s[i])) return GK_EPARSE;
    int64_t d = s[i] - '0';
    if (gk__mul64(&v, v, 10) || gk__add64(&v, v, neg ? -d : d)) return GK_EOVERFLOW;
  }
  *out = v;
  return GK_OK;
}

/* A whole number in [lo, hi] (year, line, document version). */
static int read_int_range(const rd *x, member *m, int64_t lo, int64_t hi, int64_t *out) {
  char buf[SHOW_MAX + 4], zh[160], en[160];
  if (m->type != '0') return fail_type(x, m, "整数", "an integer");
  int64_t v = 0;
  int rc = int_token(x->s, m->val_off, m->val_end, &v);
  if (rc || v < lo || v > hi) {
    snprintf(zh, sizeof zh, "%%s 不是 %lld 到 %lld 之间的整数", (long long)lo, (long long)hi);
    snprintf(en, sizeof en, "%%s is not an integer from %lld to %lld", (long long)lo,
             (long long)hi);
    return fail(x, "json.value", m->val_off, m->val_end, zh, en, raw_text(buf, x, m));
  }
  *out = v;
  return GK_OK;
}

/* A cell value of the column's kind from a number token or (amounts) a string. */
static int cell_number(rd *x, member *m, int kind, int64_t *out) {
  char buf[SHOW_MAX + 4];
  const char *s = x->s;
  size_t a = m->val_off, b = m->val_end;
  if (kind != GK_KIND_AMOUNT) {
    int rc = int_token(s, a, b, out);
    if (rc == GK_EPARSE)
      return fail(x, "json.value", a, b, "计数应为整数，实际为 %s",
                  "a count must be a whole number, found %s", raw_text(buf, x, m));
    if (rc)
      return fail(x, "json.value", a, b, "%s 超出 64 位整数的范围",
                  "%s does not fit in a 64-bit integer", raw_text(buf, x, m));
    if (kind == GK_KIND_COUNT && *out < 0)
      return fail(x, "json.value", a, b, "计数不能为负数：%s", "negative count %s",
                  raw_text(buf, x, m));
    return GK_OK;
  }
  /* amounts: an exact decimal, from a string or a number token without exponent */
  const char *t = s + a;
  size_t n = b - a;
  if (m->type == '"') {
    int rc = value_text(x, m, &t, &n);
    if (rc) return rc;
    size_t i = n && t[0] == '-';
    int ok = i < n && gk__is_digit(t[i]) && !(t[i] == '0' && i + 1 < n && gk__is_digit(t[i + 1]));
    while (ok && i < n && gk__is_digit(t[i])) i++;
    if (ok && i < n && t[i] == '.') {
      ok = ++i < n;
      while (ok && i < n && gk__is_digit(t[i])) i++;
    }
    if (!ok || i != n)
      return fail(x, "json.value", a, b, "%s 不是精确的十进制数（如 \"59237.2449\"）",
                  "%s is not an exact decimal such as \"59237.2449\"", raw_text(buf, x, m));
  } else if (memchr(t, 'e', n) || memchr(t, 'E', n)) {
    return fail(x, "json.value", a, b, "金额 %s 使用了指数形式，请写成十进制字符串",
                "amount %s is written with an exponent; write it as a decimal string",
                raw_text(buf, x, m));
  }
  int rc = gk_decimal_parse(out, t, n);
  if (rc == GK_ERANGE)
    return fail(x, "json.value", a, b, "金额 %s 的小数超过 6 位",
                "amount %s has more than 6 decimal places", raw_text(buf, x, m));
  if (rc)
    return fail(x, "json.value", a, b, "金额 %s 超出范围", "amount %s is out of range",
                raw_text(buf, x, m));
  return GK_OK;
}

/* ------------------------------------------------------------ cells */
static const char *want_value(int kind, int en) {
  if (kind == GK_KIND_AMOUNT)
    return en ? "a decimal string such as \"59237.2449\", null or a cell object"
              : "十进制数字符串（如 \"59237.2449\"）、null 或单元格对象";
  return en ? "an integer, null or a cell object" : "整数、null 或单元格对象";
}

/* The value part of a cell (bare, or "value" of a cell object): null, a number or,
 * for amounts, a string. *has_out tells whether it is a value (not null). */
static int cell_value(rd *x, member *m, int kind, int in_object, int64_t *v, int *has_out) {
  *has_out = 0;
  if (m->type == 'n') return GK_OK;
  if (m->type == '0' || (kind == GK_KIND_AMOUNT && m->type == '"')) {
    *has_out = 1;
    return cell_number(x, m, kind, v);
  }
  if (in_object)
    return kind == GK_KIND_AMOUNT
               ? fail_type(x, m, "十进制数字符串或 null", "a decimal string or null")
               : fail_type(x, m, "整数或 null", "an integer or null");
  return fail_type(x, m, want_value(kind, 0), want_value(kind, 1));
}

/* Where a cell is, and what its object form said. */
typedef struct {
  int t, kind;
  size_t row, col;
  int have_value, has, unit;
  int64_t v, line;
  const char *literal;
  size_t literal_len;
  gk__buf literal_buf; /* the literal when it holds an escape */
  size_t unit_off; /* where the key "unit" was given, 0 for none */
} cell_ctx;

enum { C_VALUE, C_LITERAL, C_UNIT, C_LINE };
static const char *const cell_keys[] = {"value", "literal", "unit", "line", NULL};

static int cell_member(rd *x, member *m, void *p) {
  cell_ctx *c = p;
  int k = key_index(m, cell_keys), rc;
  if (k < 0) return unknown_key(x, m);
  if ((rc = check_duplicate(x, m, (size_t)k))) return rc;
  if (k == C_VALUE || k == C_LITERAL) {
    if (c->have_value)
      return fail_key(x, m, "“value”与“literal”只能有一个：多出的键“%s”",
                      "\"value\" and \"literal\" exclude each other: extra key \"%s\"");
    c->have_value = 1;
    if (k == C_VALUE) return cell_value(x, m, c->kind, 1, &c->v, &c->has);
    if (m->type != '"') return fail_type(x, m, "字符串", "a string");
    rc = str_text(&c->literal_buf, x->s, m->val_off, m->val_end, &c->literal, &c->literal_len);
    if (rc) return rc;
    if (c->literal_len == 0 || c->literal_len > LITERAL_MAX)
      return fail(x, "json.value", m->val_off, m->val_end, "原样文本应为 1 到 4096 字节",
                  "a literal must be 1 to 4096 bytes of text", NULL);
    return GK_OK;
  }
  if (k == C_UNIT) {
    c->unit_off = m->key_off;
    if (m->type != '"')
      return fail_type(x, m, "字符串（“元”或“万元”）", "a string (\"元\" or \"万元\")");
    const char *t;
    if ((rc = value_cstr(x, m, &t))) return rc;
    c->unit = gk__json_unit_find(t);
    if (c->unit < 0) {
      char buf[SHOW_MAX + 4];
      return fail(x, "json.value", m->val_off, m->val_end, "未知的单位 %s（应为“元”或“万元”）",
                  "unknown unit %s (expected \"元\" or \"万元\")", raw_text(buf, x, m));
    }
    return GK_OK;
  }
  return read_int_range(x, m, 1, UINT32_MAX, &c->line);
}

/* A cell: null, a number, an amount string, or an object with "value" or "literal"
 * and optionally "unit" (amounts with a value) and "line". */
static int read_cell(rd *x, member *m, cell_ctx *c) {
  int rc;
  if (m->type != '{') {
    rc = cell_value(x, m, c->kind, 0, &c->v, &c->has);
  } else {
    rc = walk(x, m, cell_member, c);
    if (!rc && !c->have_value)
      rc = fail(x, "json.key", m->val_off, 0, "单元格对象需要键“value”或“literal”",
                "a cell object needs the key \"value\" or \"literal\"", NULL);
    if (!rc && c->unit_off && (c->kind != GK_KIND_AMOUNT || !c->has)) {
      member u;
      memset(&u, 0, sizeof u);
      u.key = cell_keys[C_UNIT];
      u.klen = 4;
      u.key_off = c->unit_off;
      push(x, u.key, u.klen);
      rc = fail_key(x, &u, "键“%s”只能跟在金额单元格的值之后",
                    "the key \"%s\" goes only with the value of an amount cell");
      pop(x);
    }
  }
  gk_report *r = x->r;
  if (!rc && c->has) rc = gk_report_set_value(r, c->t, c->row, c->col, c->v);
  if (!rc && c->literal)
    rc = gk_report_set_literal(r, c->t, c->row, c->col, c->literal, c->literal_len);
  if (!rc && c->unit > 0) rc = gk_report_set_unit(r, c->t, c->row, c->col, c->unit);
  if (!rc && c->line) rc = gk_report_set_line(r, c->t, c->row, c->col, (uint32_t)c->line);
  gk__buf_free(&c->literal_buf);
  return rc;
}

/* ------------------------------------------------------------ tables */
/* The row or column whose key is m's among n declarations of `size` bytes each
 * (their key first), looked up from *hint on (documents give them in order); *hint
 * moves past the one found. Returns its index or -1. */
static long find_decl(const member *m, const void *decls, size_t n, size_t size, size_t *hint) {
  const char *base = decls;
  for (size_t k = 0, i = *hint; k < n; k++, i++) {
    if (i >= n) i = 0;
    const char *key = *(const char *const *)(const void *)(base + i * size);
    if (key && key_is(m, key)) {
      *hint = i + 1;
      return (long)i;
    }
  }
  return -1;
}

typedef struct {
  int t;
  size_t row;
  size_t hint; /* where to look for the next key */
} row_ctx;

static int row_member(rd *x, member *m, void *p) {
  row_ctx *rc = p;
  const gk__table_decl *td = &x->ed->tables[rc->t];
  cell_ctx c;
  memset(&c, 0, sizeof c);
  c.t = rc->t;
  c.row = rc->row;
  long col = find_decl(m, td->cols, td->ncols, sizeof *td->cols, &rc->hint);
  if (col < 0 || !((td->rows[c.row].colmask >> col) & 1u))
    return fail_key(x, m, "此行没有列“%s”", "no column \"%s\" in this row");
  c.col = (size_t)col;
  int e = check_duplicate(x, m, c.col);
  if (e) return e;
  c.kind = td->cols[c.col].kind;
  return read_cell(x, m, &c);
}

typedef struct {
  int t;
  size_t hint;
} table_ctx;

static int table_member(rd *x, member *m, void *p) {
  table_ctx *tc = p;
  const gk__table_decl *td = &x->ed->tables[tc->t];
  int rc;
  long row = find_decl(m, td->rows, td->nrows, sizeof *td->rows, &tc->hint);
  if (row < 0)
    return fail_key(x, m, "此版本的表中没有行“%s”", "no row \"%s\" in this table of the edition");
  if (!(td->rows[row].flags & GK_ROW_STORED))
    return fail_key(x, m, "行“%s”是其子行之和，由程序计算，不能写入",
                    "row \"%s\" is derived (the sum of its sub-rows) and cannot be given");
  if ((rc = check_duplicate(x, m, (size_t)row))) return rc;
  if ((rc = want_object(x, m)) || m->type == 'n') return rc;
  row_ctx c = {tc->t, (size_t)row, 0};
  return walk(x, m, row_member, &c);
}

static int tables_member(rd *x, member *m, void *p) {
  (void)p;
  int t = -1, rc;
  for (int i = 0; i < GK_NTABLES && t < 0; i++)
    if (key_is(m, gk__tables[i].key)) t = i;
  if (t < 0) return unknown_key(x, m);
  if ((rc = check_duplicate(x, m, (size_t)t))) return rc;
  if ((rc = want_object(x, m)) || m->type == 'n') return rc;
  table_ctx c = {t, 0};
  return walk(x, m, table_member, &c);
}

/* ------------------------------------------------------------ metadata and sections */
/* A string or null; *s_out is NULL for null. The text is in place or in buf. */
static int read_string(const rd *x, member *m, gk__buf *buf, const char **s_out, size_t *n_out) {
  *s_out = NULL;
  *n_out = 0;
  if (m->type == 'n') return GK_OK;
  if (m->type != '"') return fail_type(x, m, "字符串或 null", "a string or null");
  return str_text(buf, x->s, m->val_off, m->val_end, s_out, n_out);
}

/* A key of an enumeration (level, kind) or null; find gives the id or < 0. */
static int read_enum(rd *x, member *m, int (*find)(const char *), int *out) {
  const char *s;
  size_t n;
  int rc = read_string(x, m, &x->tmp, &s, &n);
  *out = 0;
  if (rc || !s) return rc;
  if ((rc = value_cstr(x, m, &s))) return rc;
  int v = find(s);
  if (v < 0) {
    char buf[SHOW_MAX + 4];
    return fail(x, "json.value", m->val_off, m->val_end, "未知的取值 %s", "unknown value %s",
                raw_text(buf, x, m));
  }
  *out = v;
  return GK_OK;
}

/* "name", "code", "region" in GK_AGENCY_* order, then "level" and "kind". */
static const char *const agency_keys[] = {"name", "code", "region", "level", "kind", NULL};

static int agency_member(rd *x, member *m, void *p) {
  (void)p;
  int f = key_index(m, agency_keys), v, rc;
  if (f < 0) return unknown_key(x, m);
  if ((rc = check_duplicate(x, m, (size_t)f))) return rc;
  if (f < 3) {
    const char *s;
    size_t n;
    rc = read_string(x, m, &x->tmp, &s, &n);
    return (!rc && s) ? gk_report_set_agency(x->r, f, s, n) : rc;
  }
  if (f == 3) {
    rc = read_enum(x, m, gk_schema_level_find, &v);
    return rc ? rc : gk_report_set_agency_level(x->r, v);
  }
  rc = read_enum(x, m, gk_schema_agency_kind_find, &v);
  return rc ? rc : gk_report_set_agency_kind(x->r, v);
}

typedef struct {
  int have_text;
  const char *text;
  size_t len;
  gk__buf buf; /* the text when it holds an escape */
  int64_t line;
} section_ctx;

static const char *const section_keys[] = {"text", "line", NULL};

static int section_member(rd *x, member *m, void *p) {
  section_ctx *c = p;
  int k = key_index(m, section_keys), rc;
  if (k < 0) return unknown_key(x, m);
  if ((rc = check_duplicate(x, m, (size_t)k))) return rc;
  if (k == 0) {
    c->have_text = 1;
    return read_string(x, m, &c->buf, &c->text, &c->len);
  }
  return read_int_range(x, m, 1, UINT32_MAX, &c->line);
}

/* A section: a string, null, or {"text": string|null, "line": N}. */
static int sections_member(rd *x, member *m, void *p) {
  (void)p;
  int sec = -1, rc;
  for (int i = 0; i < GK_NSECTIONS && sec < 0; i++)
    if (key_is(m, gk__sections[i].key)) sec = i;
  if (sec < 0) return unknown_key(x, m);
  if ((rc = check_duplicate(x, m, (size_t)sec))) return rc;
  section_ctx c;
  memset(&c, 0, sizeof c);
  if (m->type == '{') {
    rc = walk(x, m, section_member, &c);
    if (!rc && !c.have_text)
      rc = fail(x, "json.key", m->val_off, 0, "章节对象需要键“text”",
                "a section object needs the key \"text\"", NULL);
  } else if (m->type == '"' || m->type == 'n') {
    rc = read_string(x, m, &c.buf, &c.text, &c.len);
  } else {
    rc = fail_type(x, m, "字符串、null 或章节对象", "a string, null or a section object");
  }
  if (!rc && c.text) rc = gk_report_set_section(x->r, sec, c.text, c.len);
  if (!rc && c.line) rc = gk_report_set_section_line(x->r, sec, (uint32_t)c.line);
  gk__buf_free(&c.buf);
  return rc;
}

/* An optional object of the document, its members read by fn. */
static int read_object(rd *x, member *m, member_fn fn) {
  int rc = want_object(x, m);
  if (rc || m->type == 'n') return rc;
  return walk(x, m, fn, NULL);
}

/* ------------------------------------------------------------ the document */
enum { K_GKREPORT, K_EDITION, K_YEAR, K_AGENCY, K_TITLE, K_SOURCE, K_SECTIONS, K_TABLES, K_N };
static const char *const root_keys[K_N + 1] = {"gkreport", "edition", "year", "agency",
                                               "title",    "source",  "sections", "tables",
                                               NULL};

static int read_edition(rd *x, member *m, int *ed_out) {
  if (m->type != '"') return fail_type(x, m, "字符串（如 \"2021\"）", "a string such as \"2021\"");
  const char *t;
  int rc = value_cstr(x, m, &t);
  if (rc) return rc;
  for (size_t i = 0; i < gk_schema_edition_count(); i++) {
    char id[16];
    snprintf(id, sizeof id, "%d", gk_schema_edition_id(i));
    if (strcmp(id, t) == 0) {
      *ed_out = gk_schema_edition_id(i);
      return GK_OK;
    }
  }
  char buf[SHOW_MAX + 4];
  return fail(x, "json.edition", m->val_off, m->val_end, "未知的版本 %s", "unknown edition %s",
              raw_text(buf, x, m));
}

/* "gkreport": the version of the document format, 1. */
static int read_version(const rd *x, member *m) {
  char buf[SHOW_MAX + 4];
  int64_t v = 0;
  if (m->type != '0') return fail_type(x, m, "整数 1", "the integer 1");
  if (int_token(x->s, m->val_off, m->val_end, &v) || v != 1)
    return fail(x, "json.value", m->val_off, m->val_end, "不支持的文档格式版本 %s（本库读取版本 1）",
                "unsupported document format version %s (this library reads version 1)",
                raw_text(buf, x, m));
  return GK_OK;
}

typedef struct {
  member found[K_N];
  int have[K_N];
} root_ctx;

static int root_member(rd *x, member *m, void *p) {
  root_ctx *c = p;
  int k = key_index(m, root_keys), rc;
  if (k < 0) return unknown_key(x, m);
  if ((rc = check_duplicate(x, m, (size_t)k))) return rc;
  if (m->nth < ROOT_ENDS) m->val_end = x->root_ends[m->nth]; /* no need to skip it */
  c->have[k] = 1;
  c->found[k] = *m;
  c->found[k].key = root_keys[k]; /* m's key text does not outlive the walk */
  gk__buf_init(&c->found[k].kbuf);
  return GK_OK;
}

static int read_root(rd *x, member *doc, gk_report **out) {
  root_ctx c;
  memset(&c, 0, sizeof c);
  member *found = c.found;
  const int *have = c.have;
  size_t off = doc->val_off;
  if (doc->type != '{') return fail_type(x, doc, "对象", "an object");
  int rc = walk(x, doc, root_member, &c);
  if (rc) return rc;
  if (!have[K_GKREPORT])
    return fail(x, "json.key", off, 0, "缺少键“%s”", "missing key \"%s\"", "gkreport");
  push(x, "gkreport", 8);
  rc = read_version(x, &found[K_GKREPORT]);
  pop(x);
  if (rc) return rc;
  if (!have[K_EDITION])
    return fail(x, "json.edition", off, 0, "缺少键“%s”", "missing key \"%s\"", "edition");
  int ed = 0;
  push(x, "edition", 7);
  rc = read_edition(x, &found[K_EDITION], &ed);
  pop(x);
  if (rc) return rc;
  x->ed = gk__edition_get(ed);
  rc = gk_report_new(&x->r, ed, 0);
  if (rc) return rc;
  for (int k = K_YEAR; k < K_N && !rc; k++) {
    if (!have[k]) continue;
    member *fm = &found[k];
    const char *s;
    size_t n;
    int64_t year = 0;
    push(x, root_keys[k], strlen(root_keys[k]));
    switch (k) {
    case K_YEAR:
      if (fm->type != 'n') {
        rc = read_int_range(x, fm, 1, 9999, &year);
        if (!rc) rc = gk_report_set_year(x->r, (int)year);
      }
      break;
    case K_AGENCY: rc = read_object(x, fm, agency_member); break;
    case K_TITLE:
    case K_SOURCE:
      rc = read_string(x, fm, &x->tmp, &s, &n);
      if (!rc && s) rc = (k == K_TITLE ? gk_report_set_title : gk_report_set_source)(x->r, s, n);
      break;
    case K_SECTIONS: rc = read_object(x, fm, sections_member); break;
    default: rc = read_object(x, fm, tables_member); break;
    }
    pop(x);
  }
  if (rc) {
    gk_report_free(x->r);
    x->r = NULL;
    return rc;
  }
  *out = x->r;
  x->r = NULL;
  return GK_OK;
}

GK_API int gk_report_from_json(gk_report **out, const char *utf8, size_t len,
                               const char *source_name, gk_diags *diags) {
  len = gk__nul_len(utf8, len);
  if (out) *out = NULL;
  if (!out || (!utf8 && len)) return GK_EINVAL;
  if (!utf8) utf8 = "";
  int cap = gk_input_check(len, 0, source_name, diags);
  if (cap) return cap;
  rd x;
  memset(&x, 0, sizeof x);
  x.s = utf8;
  x.n = len;
  x.file = source_name;
  x.diags = diags;
  gk__buf_init(&x.tmp);
  gk__jerr err;
  if (!gk__json_check(utf8, len, &err, x.root_ends, ROOT_ENDS))
    return report_error(&x, err.rule, err.off, 0, err.path, err.depth, err.msg_zh, err.msg_en, NULL);
  size_t bom = (len >= 3 && memcmp(utf8, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  member doc;
  memset(&doc, 0, sizeof doc);
  value_at(&x, &doc, gk__json_ws(utf8, len, bom));
  int rc = read_root(&x, &doc, out);
  gk__buf_free(&x.tmp);
  if (!rc && source_name && !gk_report_source(*out) &&
      (rc = gk_report_set_source(*out, source_name, GK_NUL_TERMINATED)) != GK_OK) {
    gk_report_free(*out); /* the document names no source: source_name is it */
    *out = NULL;
  }
  return rc;
}
