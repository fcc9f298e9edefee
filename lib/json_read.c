/* Reading a report document (gk_report_from_json).
 *
 * Three steps: json_scan.c checks the text strictly and places any syntax error;
 * cJSON builds the tree; the walk below reads the tree with the source beside it.
 * cJSON keeps the members of an object in source order, so the walk steps through
 * the text of each object in parallel with its children: every value has its byte
 * offset (for the line and column of an error) and its raw text (numbers are read
 * exactly from it, never through a double). Tables, rows and columns are looked up
 * in the schema declarations; no row or column key is spelled here. */
#include <stdio.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "json_int.h"
#include "gkreport/json.h"

#define MAX_PATH 8
#define LITERAL_MAX 4096

typedef struct {
  const char *s;
  size_t n;
  const char *file;
  gk_diags *diags; /* the caller's list, may be NULL */
  gk_report *r;
  gk__jseg path[MAX_PATH];
  size_t depth;
} rd;

/* One member of an object: its tree node and where its key and value are. */
typedef struct {
  const cJSON *node;
  const char *key;
  size_t key_off, val_off, val_end;
} member;

typedef struct {
  const cJSON *next;
  size_t p;
} members;

static void members_init(const rd *x, members *it, const cJSON *obj, size_t obj_off) {
  it->next = obj->child;
  it->p = gk__json_ws(x->s, x->n, obj_off + 1);
}

static int members_next(const rd *x, members *it, member *m) {
  if (!it->next) return 0;
  size_t p = it->p;
  m->node = it->next;
  m->key = it->next->string;
  m->key_off = p;
  p = gk__json_skip(x->s, x->n, p);        /* the key */
  p = gk__json_ws(x->s, x->n, p) + 1;      /* the colon */
  m->val_off = gk__json_ws(x->s, x->n, p);
  m->val_end = gk__json_skip(x->s, x->n, m->val_off);
  p = gk__json_ws(x->s, x->n, m->val_end);
  if (p < x->n && x->s[p] == ',') p = gk__json_ws(x->s, x->n, p + 1);
  it->p = p;
  it->next = it->next->next;
  return 1;
}

static void push(rd *x, const char *key) {
  if (x->depth < MAX_PATH) {
    gk__jseg *g = &x->path[x->depth];
    memset(g, 0, sizeof *g);
    g->key = key;
    g->len = strlen(key);
  }
  x->depth++;
}

static void pop(rd *x) { x->depth--; }

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
  if (!rc) rc = gk_diags_add(t, &i, GK_SEV_ERROR, rule, mz.data, me.data, x->file, line, col);
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
  return fail(x, "json.key", m->key_off, 0, zh, en, shown(k, m->key, strlen(m->key)));
}

static int unknown_key(const rd *x, const member *m) {
  return fail_key(x, m, "未知的键“%s”", "unknown key \"%s\"");
}

/* The JSON type of a value, for messages. */
static const char *type_name(const cJSON *v, int en) {
  if (cJSON_IsObject(v)) return en ? "an object" : "对象";
  if (cJSON_IsArray(v)) return en ? "an array" : "数组";
  if (cJSON_IsString(v)) return en ? "a string" : "字符串";
  if (cJSON_IsNumber(v)) return en ? "a number" : "数字";
  if (cJSON_IsBool(v)) return en ? "a boolean" : "布尔值";
  return "null";
}

static int fail_type(const rd *x, const member *m, const char *want_zh, const char *want_en) {
  /* the messages are made of constants of this file only (they are formats) */
  char zh[192], en[192];
  snprintf(zh, sizeof zh, "此处应为%s，实际为%s", want_zh, type_name(m->node, 0));
  snprintf(en, sizeof en, "expected %s, found %s", want_en, type_name(m->node, 1));
  return fail(x, "json.type", m->val_off, m->val_end, zh, en, NULL);
}

/* The value's raw text, shown in a message. */
static const char *raw_text(char *buf, const rd *x, const member *m) {
  return shown(buf, x->s + m->val_off, m->val_end - m->val_off);
}

/* A duplicate of an earlier member of the same object is an error. */
static int check_duplicate(const rd *x, const cJSON *obj, const member *m) {
  for (const cJSON *c = obj->child; c && c != m->node; c = c->next)
    if (strcmp(c->string, m->key) == 0) return fail_key(x, m, "重复的键“%s”", "duplicate key \"%s\"");
  return GK_OK;
}

/* ------------------------------------------------------------ numbers from their text */
static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* An integer token s[a..b): GK_OK, GK_EPARSE (fraction or exponent) or GK_EOVERFLOW. */
static int int_token(const char *s, size_t a, size_t b, int64_t *out) {
  int neg = a < b && s[a] == '-';
  int64_t v = 0;
  for (size_t i = a + (size_t)neg; i < b; i++) {
    if (!is_digit(s[i])) return GK_EPARSE;
    int64_t d = s[i] - '0';
    if (gk__mul64(&v, v, 10) || gk__add64(&v, v, neg ? -d : d)) return GK_EOVERFLOW;
  }
  *out = v;
  return GK_OK;
}

/* A whole number in [lo, hi] (year, line, document version). */
static int read_int_range(const rd *x, const member *m, int64_t lo, int64_t hi, int64_t *out) {
  char buf[SHOW_MAX + 4], zh[160], en[160];
  if (!cJSON_IsNumber(m->node)) return fail_type(x, m, "整数", "an integer");
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
static int cell_number(const rd *x, const member *m, int kind, int64_t *out) {
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
  if (cJSON_IsString(m->node)) {
    t = m->node->valuestring;
    n = strlen(t);
    size_t i = t[0] == '-';
    int ok = i < n && is_digit(t[i]) && !(t[i] == '0' && i + 1 < n && is_digit(t[i + 1]));
    while (ok && i < n && is_digit(t[i])) i++;
    if (ok && i < n && t[i] == '.') {
      ok = ++i < n;
      while (ok && i < n && is_digit(t[i])) i++;
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
static int cell_value(const rd *x, const member *m, int kind, int in_object, int64_t *v,
                      int *has_out) {
  *has_out = 0;
  if (cJSON_IsNull(m->node)) return GK_OK;
  if (cJSON_IsNumber(m->node) || (kind == GK_KIND_AMOUNT && cJSON_IsString(m->node))) {
    *has_out = 1;
    return cell_number(x, m, kind, v);
  }
  if (in_object)
    return kind == GK_KIND_AMOUNT
               ? fail_type(x, m, "十进制数字符串或 null", "a decimal string or null")
               : fail_type(x, m, "整数或 null", "an integer or null");
  return fail_type(x, m, want_value(kind, 0), want_value(kind, 1));
}

/* Run fn on each member of the object `obj` (in source order) with the member's key
 * on the path; a key repeated in the object is an error. Stops at the first error. */
typedef int (*member_fn)(rd *x, const member *m, void *ctx);

static int each_member(rd *x, const member *obj, member_fn fn, void *ctx) {
  members it;
  member m;
  int rc = GK_OK;
  members_init(x, &it, obj->node, obj->val_off);
  while (!rc && members_next(x, &it, &m)) {
    push(x, m.key);
    rc = check_duplicate(x, obj->node, &m);
    if (!rc) rc = fn(x, &m, ctx);
    pop(x);
  }
  return rc;
}

/* null stands for an absent optional object; anything else but an object is wrong. */
static int want_object(const rd *x, const member *m) {
  if (cJSON_IsObject(m->node) || cJSON_IsNull(m->node)) return GK_OK;
  return fail_type(x, m, "对象或 null", "an object or null");
}

/* Where a cell is, and what its object form said. */
typedef struct {
  int t, kind;
  size_t row, col;
  int have_value, has, unit;
  int64_t v, line;
  const char *literal;
  int have_unit;
  member unit_m; /* where the unit was given */
} cell_ctx;

static int cell_member(rd *x, const member *m, void *p) {
  cell_ctx *c = p;
  int lit = strcmp(m->key, "literal") == 0;
  if (lit || strcmp(m->key, "value") == 0) {
    if (c->have_value)
      return fail_key(x, m, "“value”与“literal”只能有一个：多出的键“%s”",
                      "\"value\" and \"literal\" exclude each other: extra key \"%s\"");
    c->have_value = 1;
    if (!lit) return cell_value(x, m, c->kind, 1, &c->v, &c->has);
    if (!cJSON_IsString(m->node)) return fail_type(x, m, "字符串", "a string");
    size_t n = strlen(m->node->valuestring);
    if (n == 0 || n > LITERAL_MAX)
      return fail(x, "json.value", m->val_off, m->val_end, "原样文本应为 1 到 4096 字节",
                  "a literal must be 1 to 4096 bytes of text", NULL);
    c->literal = m->node->valuestring;
    return GK_OK;
  }
  if (strcmp(m->key, "unit") == 0) {
    c->have_unit = 1;
    c->unit_m = *m;
    if (!cJSON_IsString(m->node))
      return fail_type(x, m, "字符串（“元”或“万元”）", "a string (\"元\" or \"万元\")");
    c->unit = gk__json_unit_find(m->node->valuestring);
    if (c->unit < 0) {
      char buf[SHOW_MAX + 4];
      return fail(x, "json.value", m->val_off, m->val_end, "未知的单位 %s（应为“元”或“万元”）",
                  "unknown unit %s (expected \"元\" or \"万元\")", raw_text(buf, x, m));
    }
    return GK_OK;
  }
  if (strcmp(m->key, "line") == 0) return read_int_range(x, m, 1, UINT32_MAX, &c->line);
  return unknown_key(x, m);
}

/* A cell: null, a number, an amount string, or an object with "value" or "literal"
 * and optionally "unit" (amounts with a value) and "line". */
static int read_cell(rd *x, const member *m, cell_ctx *c) {
  int rc;
  if (!cJSON_IsObject(m->node)) {
    rc = cell_value(x, m, c->kind, 0, &c->v, &c->has);
  } else {
    rc = each_member(x, m, cell_member, c);
    if (!rc && !c->have_value)
      return fail(x, "json.key", m->val_off, 0, "单元格对象需要键“value”或“literal”",
                  "a cell object needs the key \"value\" or \"literal\"", NULL);
    if (!rc && c->have_unit && (c->kind != GK_KIND_AMOUNT || !c->has)) {
      push(x, "unit");
      rc = fail_key(x, &c->unit_m, "键“%s”只能跟在金额单元格的值之后",
                    "the key \"%s\" goes only with the value of an amount cell");
      pop(x);
    }
  }
  gk_report *r = x->r;
  if (!rc && c->has) rc = gk_report_set_value(r, c->t, c->row, c->col, c->v);
  if (!rc && c->literal)
    rc = gk_report_set_literal(r, c->t, c->row, c->col, c->literal, strlen(c->literal));
  if (!rc && c->unit > 0) rc = gk_report_set_unit(r, c->t, c->row, c->col, c->unit);
  if (!rc && c->line) rc = gk_report_set_line(r, c->t, c->row, c->col, (uint32_t)c->line);
  return rc;
}

/* ------------------------------------------------------------ tables */
typedef struct {
  int t;
  size_t row;
} row_ctx;

static int row_member(rd *x, const member *m, void *p) {
  const row_ctx *rc = p;
  int ed = x->r->edition;
  cell_ctx c;
  memset(&c, 0, sizeof c);
  c.t = rc->t;
  c.row = rc->row;
  if (gk_schema_col_find(&c.col, ed, c.t, m->key) != GK_OK ||
      !gk_schema_cell_exists(ed, c.t, c.row, c.col))
    return fail_key(x, m, "此行没有列“%s”", "no column \"%s\" in this row");
  c.kind = gk_schema_col_kind(ed, c.t, c.col);
  return read_cell(x, m, &c);
}

static int table_member(rd *x, const member *m, void *p) {
  row_ctx c = {*(const int *)p, 0};
  int ed = x->r->edition, rc;
  if (gk_schema_row_find(&c.row, ed, c.t, m->key) != GK_OK)
    return fail_key(x, m, "此版本的表中没有行“%s”", "no row \"%s\" in this table of the edition");
  if (!(gk_schema_row_flags(ed, c.t, c.row) & GK_ROW_STORED))
    return fail_key(x, m, "行“%s”是其子行之和，由程序计算，不能写入",
                    "row \"%s\" is derived (the sum of its sub-rows) and cannot be given");
  if ((rc = want_object(x, m)) || cJSON_IsNull(m->node)) return rc;
  return each_member(x, m, row_member, &c);
}

static int tables_member(rd *x, const member *m, void *p) {
  (void)p;
  int t = gk_schema_table_find(m->key), rc;
  if (t < 0) return unknown_key(x, m);
  if ((rc = want_object(x, m)) || cJSON_IsNull(m->node)) return rc;
  return each_member(x, m, table_member, &t);
}

/* ------------------------------------------------------------ metadata and sections */
/* A string or null; *s_out is NULL for null. */
static int read_string(const rd *x, const member *m, const char **s_out) {
  *s_out = NULL;
  if (cJSON_IsNull(m->node)) return GK_OK;
  if (!cJSON_IsString(m->node)) return fail_type(x, m, "字符串或 null", "a string or null");
  *s_out = m->node->valuestring;
  return GK_OK;
}

/* A key of an enumeration (level, kind) or null; find gives the id or < 0. */
static int read_enum(const rd *x, const member *m, int (*find)(const char *), int *out) {
  const char *s;
  int rc = read_string(x, m, &s);
  *out = 0;
  if (rc || !s) return rc;
  int v = find(s);
  if (v < 0) {
    char buf[SHOW_MAX + 4];
    return fail(x, "json.value", m->val_off, m->val_end, "未知的取值 %s", "unknown value %s",
                raw_text(buf, x, m));
  }
  *out = v;
  return GK_OK;
}

static int agency_member(rd *x, const member *m, void *p) {
  static const char *const text_keys[] = {"name", "code", "region"}; /* GK_AGENCY_* order */
  (void)p;
  int f = 0, v, rc;
  while (f < 3 && strcmp(text_keys[f], m->key)) f++;
  if (f < 3) {
    const char *s;
    rc = read_string(x, m, &s);
    return (!rc && s) ? gk_report_set_agency(x->r, f, s, strlen(s)) : rc;
  }
  if (strcmp(m->key, "level") == 0) {
    rc = read_enum(x, m, gk_schema_level_find, &v);
    return rc ? rc : gk_report_set_agency_level(x->r, v);
  }
  if (strcmp(m->key, "kind") == 0) {
    rc = read_enum(x, m, gk_schema_agency_kind_find, &v);
    return rc ? rc : gk_report_set_agency_kind(x->r, v);
  }
  return unknown_key(x, m);
}

typedef struct {
  int have_text;
  const char *text;
  int64_t line;
} section_ctx;

static int section_member(rd *x, const member *m, void *p) {
  section_ctx *c = p;
  if (strcmp(m->key, "text") == 0) {
    c->have_text = 1;
    return read_string(x, m, &c->text);
  }
  if (strcmp(m->key, "line") == 0) return read_int_range(x, m, 1, UINT32_MAX, &c->line);
  return unknown_key(x, m);
}

/* A section: a string, null, or {"text": string|null, "line": N}. */
static int sections_member(rd *x, const member *m, void *p) {
  (void)p;
  int sec = gk_schema_section_find(m->key), rc;
  section_ctx c = {0, NULL, 0};
  if (sec < 0) return unknown_key(x, m);
  if (cJSON_IsObject(m->node)) {
    rc = each_member(x, m, section_member, &c);
    if (!rc && !c.have_text)
      rc = fail(x, "json.key", m->val_off, 0, "章节对象需要键“text”",
                "a section object needs the key \"text\"", NULL);
  } else if (cJSON_IsString(m->node) || cJSON_IsNull(m->node)) {
    rc = read_string(x, m, &c.text);
  } else {
    rc = fail_type(x, m, "字符串、null 或章节对象", "a string, null or a section object");
  }
  if (!rc && c.text) rc = gk_report_set_section(x->r, sec, c.text, strlen(c.text));
  if (!rc && c.line) rc = gk_report_set_section_line(x->r, sec, (uint32_t)c.line);
  return rc;
}

/* An optional object of the document, its members read by fn. */
static int read_object(rd *x, const member *m, member_fn fn) {
  int rc = want_object(x, m);
  if (rc || cJSON_IsNull(m->node)) return rc;
  return each_member(x, m, fn, NULL);
}

/* ------------------------------------------------------------ the document */
enum { K_GKREPORT, K_EDITION, K_YEAR, K_AGENCY, K_TITLE, K_SOURCE, K_SECTIONS, K_TABLES, K_N };
static const char *const root_keys[K_N] = {"gkreport", "edition", "year", "agency",
                                           "title", "source", "sections", "tables"};

static int read_edition(const rd *x, const member *m, int *ed_out) {
  if (!cJSON_IsString(m->node)) return fail_type(x, m, "字符串（如 \"2021\"）", "a string such as \"2021\"");
  for (size_t i = 0; i < gk_schema_edition_count(); i++) {
    char id[16];
    snprintf(id, sizeof id, "%d", gk_schema_edition_id(i));
    if (strcmp(id, m->node->valuestring) == 0) {
      *ed_out = gk_schema_edition_id(i);
      return GK_OK;
    }
  }
  char buf[SHOW_MAX + 4];
  return fail(x, "json.edition", m->val_off, m->val_end, "未知的版本 %s", "unknown edition %s",
              raw_text(buf, x, m));
}

/* "gkreport": the version of the document format, 1. */
static int read_version(const rd *x, const member *m) {
  char buf[SHOW_MAX + 4];
  int64_t v = 0;
  if (!cJSON_IsNumber(m->node)) return fail_type(x, m, "整数 1", "the integer 1");
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

static int root_member(rd *x, const member *m, void *p) {
  root_ctx *c = p;
  int k = 0;
  while (k < K_N && strcmp(root_keys[k], m->key)) k++;
  if (k == K_N) return unknown_key(x, m);
  c->have[k] = 1;
  c->found[k] = *m;
  return GK_OK;
}

static int read_root(rd *x, const member *doc, gk_report **out) {
  root_ctx c;
  memset(&c, 0, sizeof c);
  const member *found = c.found;
  const int *have = c.have;
  size_t off = doc->val_off;
  if (!cJSON_IsObject(doc->node)) return fail_type(x, doc, "对象", "an object");
  int rc = each_member(x, doc, root_member, &c);
  if (rc) return rc;
  if (!have[K_GKREPORT])
    return fail(x, "json.key", off, 0, "缺少键“%s”", "missing key \"%s\"", "gkreport");
  push(x, "gkreport");
  rc = read_version(x, &found[K_GKREPORT]);
  pop(x);
  if (rc) return rc;
  if (!have[K_EDITION])
    return fail(x, "json.edition", off, 0, "缺少键“%s”", "missing key \"%s\"", "edition");
  int ed = 0;
  push(x, "edition");
  rc = read_edition(x, &found[K_EDITION], &ed);
  pop(x);
  if (rc) return rc;
  rc = gk_report_new(&x->r, ed, 0);
  if (rc) return rc;
  for (int k = K_YEAR; k < K_N && !rc; k++) {
    if (!have[k]) continue;
    const member *fm = &found[k];
    const char *s;
    int64_t year;
    push(x, root_keys[k]);
    switch (k) {
    case K_YEAR:
      if (!cJSON_IsNull(fm->node)) {
        rc = read_int_range(x, fm, 1, 9999, &year);
        if (!rc) rc = gk_report_set_year(x->r, (int)year);
      }
      break;
    case K_AGENCY: rc = read_object(x, fm, agency_member); break;
    case K_TITLE:
    case K_SOURCE:
      rc = read_string(x, fm, &s);
      if (!rc && s)
        rc = (k == K_TITLE ? gk_report_set_title : gk_report_set_source)(x->r, s, strlen(s));
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
  if (out) *out = NULL;
  if (!out || (!utf8 && len)) return GK_EINVAL;
  if (!utf8) utf8 = "";
  rd x;
  memset(&x, 0, sizeof x);
  x.s = utf8;
  x.n = len;
  x.file = source_name;
  x.diags = diags;
  gk__jerr err;
  if (!gk__json_check(utf8, len, &err))
    return report_error(&x, err.rule, err.off, 0, err.path, err.depth, err.msg_zh, err.msg_en, NULL);
  /* cJSON gets the text after the BOM (its own BOM handling misreads "<BOM>2") */
  size_t bom = (len >= 3 && memcmp(utf8, "\xEF\xBB\xBF", 3) == 0) ? 3 : 0;
  const char *end = NULL;
  cJSON *root = cJSON_ParseWithLengthOpts(utf8 + bom, len - bom, &end, 0);
  if (!root) {
    /* the checker accepted what cJSON refused: place it where cJSON stopped */
    size_t off = (end && end >= utf8 + bom && end <= utf8 + len) ? (size_t)(end - utf8) : bom;
    return report_error(&x, "json.syntax", off, 0, NULL, 0, "JSON 解析器无法读取此处",
                        "the JSON parser stopped here", NULL);
  }
  member doc;
  memset(&doc, 0, sizeof doc);
  doc.node = root;
  doc.val_off = gk__json_ws(utf8, len, bom);
  doc.val_end = gk__json_skip(utf8, len, doc.val_off);
  int rc = read_root(&x, &doc, out);
  cJSON_Delete(root);
  return rc;
}
