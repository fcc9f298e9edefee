/* SPDX-License-Identifier: MIT */
/* libgkreport: the HTML reader. libxml2's HTML parser builds the tree (broken
 * markup recovered, the charset from <meta charset> or http-equiv); this file
 * walks it into the grid of grid.h: prose from block elements in document order,
 * h1-h6 as headings, tables laid out with rowspan/colspan, a page's metadata
 * table and <meta> lines as grid meta, site chrome (scripts, styles, navigation,
 * share bars, footers) skipped. A cell's position is the line and column of its
 * <td>/<th> in the source. */
#include <string.h>
#include <strings.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include "read_doc.h"
#include "text_int.h"
#include "gkreport/document.h"

/* Where the next <td>/<th> of the source is searched: byte offset, its line and
 * column (code points, or characters of a GB18030 page). */
typedef struct {
  const char *s;
  size_t n, off;
  uint32_t line, col;
  int gb;
} src_scan;

typedef struct {
  gk__grid *g;
  gk_diags *d;
  const char *file;
  int rc;
  int deep_warned;
  uint32_t ntables, last_line;
  uint32_t line0; /* a fragment's first source line - 1 (its lines are numbered on from there) */
  int frag;       /* a fragment (Markdown's raw HTML): content a table holds outside its cells is read */
  /* the paragraph being collected (flow) or the cell text (in a cell) */
  gk__buf para;
  int pending;
  uint32_t para_line;
  uint8_t hlevel;    /* inside <hN>: N */
  int in_cell;       /* collecting a cell's text: blocks become line breaks */
  gk__buf *cell;     /* the cell's text */
  int nest_on;       /* queue tables nested in cells (a data row's cells) */
  xmlNode **nest;    /* tables nested in the cells of the current row */
  size_t nnest, capnest;
} hw;

/* The source line of a parser line (a fragment's numbered on); 0 stays 0. */
static uint32_t src_line(const hw *w, uint32_t line) {
  if (!line) return 0;
  return line > UINT32_MAX - w->line0 ? UINT32_MAX : line + w->line0;
}

static int name_is(const xmlNode *n, const char *name) {
  return n->type == XML_ELEMENT_NODE && n->name && strcmp((const char *)n->name, name) == 0;
}

static int name_in(const char *name, const char *const *list) {
  for (; *list; list++)
    if (strcmp(name, *list) == 0) return 1;
  return 0;
}

static const char *const skip_tags[] = {
    "script", "style", "noscript", "template", "iframe", "object", "embed", "nav", "footer",
    "button", "select", "textarea", "input", "svg", "canvas", "map", "audio", "video", "head",
    "aside", "del", "s", "strike", NULL}; /* deleted and struck-out text: a number corrected
                                           * in place (<del>12</del>13) is 13, not 1213 */
static const char *const block_tags[] = {
    "p", "div", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "section", "article", "main",
    "center", "pre", "address", "hr", "header", "figure", "figcaption", "caption", "tr", "td",
    "th", "tbody", "thead", "tfoot", "form", "fieldset", "body", "html", "font-block", NULL};

/* 1 when a class or id names site chrome (navigation, menus, share bars,
 * breadcrumbs, side bars, footers). */
static int chrome_attr(const xmlNode *n, const char *attr) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
  if (!v) return 0;
  int hit = 0;
  const char *s = (const char *)v;
  static const char *const sub[] = {"share", "breadcrumb", "crumb", "sidebar", "navbar",
                                    "navigation", "toolbar", "footer", NULL};
  static const char *const tok[] = {"nav", "menu", "foot", "topbar", NULL};
  for (int i = 0; sub[i] && !hit; i++) hit = strstr(s, sub[i]) != NULL;
  for (size_t i = 0; s[i] && !hit;) { /* tokens split on space, '-' and '_' */
    size_t j = i;
    while (s[j] && s[j] != ' ' && s[j] != '-' && s[j] != '_') j++;
    for (int k = 0; tok[k] && !hit; k++)
      hit = j - i == strlen(tok[k]) && memcmp(s + i, tok[k], j - i) == 0;
    i = s[j] ? j + 1 : j;
  }
  xmlFree(v);
  return hit;
}

/* 1 when the element is not shown: the hidden attribute, or an inline style
 * display:none or visibility:hidden. Asked in table cells only (a page's
 * hidden digits must not run into the numbers shown beside them); elsewhere a
 * hidden block may be a tab a script shows, and is read. */
static int hidden(const xmlNode *n) {
  if (xmlHasProp(n, (const xmlChar *)"hidden")) return 1;
  xmlChar *v = xmlGetProp(n, (const xmlChar *)"style");
  if (!v) return 0;
  char flat[256];
  size_t k = 0;
  for (const xmlChar *p = v; *p && k < sizeof flat - 1; p++) /* spaces out, lower case */
    if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') flat[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
  flat[k] = '\0';
  xmlFree(v);
  return strstr(flat, "display:none") != NULL || strstr(flat, "visibility:hidden") != NULL;
}

static int skipped(const xmlNode *n) {
  return name_in((const char *)n->name, skip_tags) || chrome_attr(n, "class") ||
         chrome_attr(n, "id");
}

static void put_node_text(hw *w, const xmlNode *n) {
  if (!n->content) return;
  gk__buf *b = w->in_cell ? w->cell : &w->para;
  if (!w->in_cell && !w->para.len) {
    uint32_t line = n->line ? n->line : (n->parent ? n->parent->line : 0);
    w->para_line = src_line(w, line);
  }
  /* Word's downlevel-revealed conditionals (<![if !supportLists]>, <![endif]>)
   * reach the tree as text: the markers go, what they reveal stays. */
  const char *s = (const char *)n->content;
  size_t len = strlen(s), i = 0;
  while (i < len) {
    const char *m = gk__memfind(s + i, len - i, "<![", 3);
    const char *e = m ? memchr(m, '>', len - (size_t)(m - s)) : NULL;
    size_t stop = e ? (size_t)(m - s) : len;
    gk__doc_put_text(b, s + i, stop - i, &w->pending);
    i = e ? (size_t)(e - s) + 1 : len;
  }
}

/* End of a block: in a cell a line break; in the flow the paragraph goes out. */
static void boundary(hw *w) {
  w->pending = 0;
  if (w->in_cell) {
    if (w->cell->len && w->cell->data[w->cell->len - 1] != '\n') gk__buf_putc(w->cell, '\n');
    return;
  }
  if (w->para.err) w->rc = GK_ENOMEM;
  if (!w->para.len || w->rc) return;
  uint32_t line = w->para_line < w->last_line ? w->last_line : w->para_line;
  w->last_line = line;
  gk__gpos pos = {line, 0};
  gk__grid_para(w->g, w->hlevel ? GK__BLK_HEADING : GK__BLK_PARA, w->hlevel, w->para.data,
                w->para.len, pos);
  w->para.len = 0;
}

static void walk(hw *w, xmlNode *n, int depth);
static void table(hw *w, xmlNode *t, int depth);
static int menu(const xmlNode *n, int depth);

static void too_deep(hw *w, const xmlNode *n) {
  if (w->deep_warned) return;
  w->deep_warned = 1;
  if (gk__doc_diag(w->d, GK_SEV_WARNING, "import.html", w->file, src_line(w, n->line), 0,
                   "元素嵌套过深，其内容未读取", "elements nested too deeply: their content is not read"))
    w->rc = GK_ENOMEM;
}

static void push_nest(hw *w, xmlNode *t) {
  if (w->nnest == w->capnest) {
    size_t nc = w->capnest ? w->capnest * 2 : 8;
    xmlNode **p = gk__realloc(w->nest, nc * sizeof *p);
    if (!p) {
      w->rc = GK_ENOMEM;
      return;
    }
    w->nest = p;
    w->capnest = nc;
  }
  w->nest[w->nnest++] = t;
}

/* A note mark: an element whose text is all inside links to the page's own
 * anchors (<sup><a href="#f3">3</a></sup>, the mark gk_report_to_html puts
 * after a failing cell's value). */
static int note_mark(const xmlNode *n, int depth) {
  int any = 0;
  for (const xmlNode *c = n->children; c; c = c->next) {
    if (c->type == XML_TEXT_NODE && c->content) {
      for (const xmlChar *p = c->content; *p; p++)
        if (*p > ' ') return 0; /* text outside a link */
    } else if (name_is(c, "a")) {
      xmlChar *h = xmlGetProp(c, (const xmlChar *)"href");
      int local = h && h[0] == '#';
      xmlFree(h);
      if (!local) return 0;
      any = 1;
    } else if (c->type == XML_ELEMENT_NODE && (depth > GK__DOC_MAX_DEPTH || !note_mark(c, depth + 1))) {
      return 0;
    }
  }
  return any;
}

/* <sup> or <sub> in a table cell: a note mark is no part of the cell's text;
 * other text stands apart from the text beside it, so that a digit of it
 * never runs into a number ("8" and a mark "3" are not 83). */
static void script_in_cell(hw *w, xmlNode *c, int depth) {
  if (note_mark(c, depth)) return;
  w->pending = w->pending ? w->pending : 1;
  walk(w, c, depth);
  w->pending = w->pending ? w->pending : 1;
}

static void element(hw *w, xmlNode *c, int depth) {
  if (depth > GK__DOC_MAX_DEPTH) {
    too_deep(w, c);
    return;
  }
  const char *name = (const char *)c->name;
  if (skipped(c) || (w->in_cell && hidden(c))) return;
  if ((strcmp(name, "ul") == 0 || strcmp(name, "ol") == 0) && menu(c, depth)) return;
  if (strcmp(name, "br") == 0) {
    boundary(w);
    return;
  }
  if (w->in_cell && (strcmp(name, "sup") == 0 || strcmp(name, "sub") == 0)) {
    script_in_cell(w, c, depth);
    return;
  }
  if (strcmp(name, "table") == 0) {
    if (w->in_cell) {
      if (w->nest_on) push_nest(w, c);
      boundary(w);
    } else {
      boundary(w);
      table(w, c, depth);
    }
    return;
  }
  int heading = name[0] == 'h' && name[1] >= '1' && name[1] <= '6' && !name[2];
  if (heading || name_in(name, block_tags)) {
    boundary(w);
    uint8_t saved = w->hlevel;
    if (heading && !w->in_cell) w->hlevel = (uint8_t)(name[1] - '0');
    walk(w, c, depth);
    boundary(w);
    w->hlevel = saved;
    return;
  }
  walk(w, c, depth);
}

static void walk(hw *w, xmlNode *n, int depth) {
  for (xmlNode *c = n->children; c && !w->rc; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) put_node_text(w, c);
    else if (c->type == XML_ELEMENT_NODE) element(w, c, depth + 1);
  }
}

/* ------------------------------------------------------------------ tables */

/* Rows of a table: its <tr>, directly or in <thead>/<tbody>/<tfoot>. */
typedef struct {
  xmlNode **tr;
  size_t n, cap;
} rows;

static int rows_add(rows *r, xmlNode *tr) {
  if (r->n == r->cap) {
    size_t nc = r->cap ? r->cap * 2 : 16;
    xmlNode **p = gk__realloc(r->tr, nc * sizeof *p);
    if (!p) return GK_ENOMEM;
    r->tr = p;
    r->cap = nc;
  }
  r->tr[r->n++] = tr;
  return GK_OK;
}

static int rows_of(rows *r, xmlNode *t) {
  for (xmlNode *c = t->children; c; c = c->next) {
    if (name_is(c, "tr")) {
      if (rows_add(r, c)) return GK_ENOMEM;
    } else if (name_is(c, "thead") || name_is(c, "tbody") || name_is(c, "tfoot")) {
      for (xmlNode *k = c->children; k; k = k->next)
        if (name_is(k, "tr") && rows_add(r, k)) return GK_ENOMEM;
    }
  }
  return GK_OK;
}

static int is_cell(const xmlNode *n) { return name_is(n, "td") || name_is(n, "th"); }

static int has_table(const xmlNode *n, int depth) {
  if (depth > GK__DOC_MAX_DEPTH) return 0;
  for (const xmlNode *c = n->children; c; c = c->next)
    if (c->type == XML_ELEMENT_NODE && (name_is(c, "table") || has_table(c, depth + 1))) return 1;
  return 0;
}

/* A table used for layout, not data: one cell, or a few columns holding tables. */
static int is_layout(const rows *r, int depth) {
  size_t total = 0, widest = 0;
  int nested = 0;
  for (size_t i = 0; i < r->n; i++) {
    size_t k = 0;
    for (xmlNode *c = r->tr[i]->children; c; c = c->next)
      if (is_cell(c)) {
        k++;
        if (!nested) nested = has_table(c, depth + 1);
      }
    total += k;
    if (k > widest) widest = k;
  }
  return total == 1 || (nested && widest <= 3);
}

static uint16_t span_attr(const xmlNode *n, const char *attr) {
  xmlChar *v = xmlGetProp(n, (const xmlChar *)attr);
  if (!v) return 1;
  const char *s = (const char *)v;
  while (*s == ' ') s++;
  uint32_t k = 0;
  for (; *s >= '0' && *s <= '9' && k <= GK__DOC_MAX_ROWSPAN; s++) k = k * 10 + (uint32_t)(*s - '0');
  xmlFree(v);
  if (k < 1) k = 1;
  return (uint16_t)(k > GK__DOC_MAX_ROWSPAN ? GK__DOC_MAX_ROWSPAN : k);
}

/* The text of a cell into b; tables nested in it are queued (if w->nest). */
static void cell_text(hw *w, xmlNode *c, int depth, gk__buf *b) {
  int saved_in = w->in_cell, saved_pending = w->pending;
  gk__buf *saved_cell = w->cell;
  w->in_cell = 1;
  w->cell = b;
  w->pending = 0;
  walk(w, c, depth);
  w->in_cell = saved_in;
  w->cell = saved_cell;
  w->pending = saved_pending;
  if (b->err) w->rc = GK_ENOMEM;
}

/* Bytes of text under n, and of those inside links (<a>), in *all and *linked;
 * the walk stops when *budget (nodes) runs out: a menu is small. */
static void text_bytes(const xmlNode *n, int in_link, int depth, size_t *all, size_t *linked,
                       size_t *budget) {
  if (depth > GK__DOC_MAX_DEPTH) return;
  for (const xmlNode *c = n->children; c && *budget; c = c->next, --*budget) {
    if (c->type == XML_TEXT_NODE && c->content) {
      size_t k = 0;
      for (const xmlChar *p = c->content; *p && k < 65536; p++) k += *p > ' ';
      *all += k;
      if (in_link) *linked += k;
    } else if (c->type == XML_ELEMENT_NODE && !skipped(c)) {
      text_bytes(c, in_link || name_is(c, "a"), depth + 1, all, linked, budget);
    }
  }
}

/* A column of a layout table (or a list) that is a menu: a small subtree, two
 * thirds of its text in links, no table in it. Site chrome, as a reader sees
 * it. The cost is bounded (MENU_NODES) whatever the page. */
#define MENU_NODES 2048
static int menu(const xmlNode *n, int depth) {
  size_t all = 0, linked = 0, budget = MENU_NODES;
  text_bytes(n, 0, depth, &all, &linked, &budget);
  return budget && all > 0 && linked * 3 >= all * 2 && !has_table(n, depth);
}

static void layout_table(hw *w, const rows *r, int depth) {
  size_t ncells = 0;
  for (size_t i = 0; i < r->n; i++)
    for (xmlNode *c = r->tr[i]->children; c; c = c->next) ncells += is_cell(c);
  for (size_t i = 0; i < r->n && !w->rc; i++)
    for (xmlNode *c = r->tr[i]->children; c && !w->rc; c = c->next)
      if (is_cell(c) && !(ncells > 1 && menu(c, depth + 1))) {
        boundary(w);
        walk(w, c, depth + 1);
        boundary(w);
      }
}

/* Keys of a web page's own metadata table (the portal's, not the report's). */
static const char *const meta_keys[] = {
    "索引号", "名称", "标题", "发布机构", "发文机关", "发布日期", "公开日期", "生成日期", "成文日期",
    "发布时间", "主题分类", "信息分类", "文号", "发文字号", "公开方式", "公开范围", "关键词",
    "主题词", "有效性", "组配分类", "体裁分类", "信息来源", "来源", "公开时限", "责任部门", NULL};

/* Length of s[0..n) without a trailing colon (：or :) and white space. */
static size_t key_len(const char *s, size_t n) {
  for (;;) {
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n')) n--;
    if (n >= 3 && memcmp(s + n - 3, "\xEF\xBC\x9A", 3) == 0) n -= 3;
    else if (n && s[n - 1] == ':') n--;
    else return n;
  }
}

static int is_meta_key(const char *s, size_t n) {
  n = key_len(s, n);
  for (int i = 0; meta_keys[i]; i++)
    if (strlen(meta_keys[i]) == n && memcmp(meta_keys[i], s, n) == 0) return 1;
  return 0;
}

/* A metadata table: small, with two or more cells that are page-metadata keys.
 * Its pairs (key cell, the cell after it) go to the grid's meta; returns 1. */
static int meta_table(hw *w, const rows *r, int depth) {
  if (r->n > 12) return 0;
  int saved_on = w->nest_on;
  w->nest_on = 0;
  gk__buf b;
  gk__buf_init(&b);
  uint32_t offs[64], lens[64];
  int keys = 0, is_meta = 0;
  for (int pass = 0; pass < 2 && !w->rc; pass++) {
    for (size_t i = 0; i < r->n && !w->rc; i++) {
      size_t k = 0;
      b.len = 0;
      for (xmlNode *c = r->tr[i]->children; c && k < 64; c = c->next) {
        if (!is_cell(c)) continue;
        offs[k] = (uint32_t)b.len;
        cell_text(w, c, depth + 1, &b);
        lens[k] = (uint32_t)b.len - offs[k];
        k++;
      }
      const char *base = b.data ? b.data : ""; /* all cells empty: no buffer yet */
      for (size_t j = 0; j < k && !b.err; j++) {
        int key = is_meta_key(base + offs[j], lens[j]);
        if (pass == 0) keys += key;
        else if (key && j + 1 < k) {
          gk__grid_meta(w->g, base + offs[j], key_len(base + offs[j], lens[j]),
                        base + offs[j + 1], lens[j + 1]);
          j++;
        }
      }
    }
    if (pass == 0 && keys < 2) break;
    is_meta = 1;
  }
  if (b.err) w->rc = GK_ENOMEM;
  gk__buf_free(&b);
  w->nest_on = saved_on;
  return is_meta;
}

/* Source position of a cell: set by the pre-pass (cell_columns) in _private. */
static gk__gpos cell_pos(const hw *w, const xmlNode *c) {
  gk__gpos p = {src_line(w, c->line), (uint32_t)(uintptr_t)c->_private};
  return p;
}

static void data_row(hw *w, xmlNode *tr, uint32_t t, uint32_t row, uint32_t nrows,
                     gk__span_map *m, int depth) {
  gk__buf b;
  gk__buf_init(&b);
  uint32_t line = src_line(w, tr->line) < w->last_line ? w->last_line : src_line(w, tr->line);
  w->last_line = line;
  gk__gpos rp = {line, 0};
  for (xmlNode *c = tr->children; c; c = c->next)
    if (is_cell(c)) {
      rp.col = cell_pos(w, c).col;
      break;
    }
  gk__grid_row(w->g, GK__BLK_ROW, t, row, rp);
  uint32_t x = 0;
  for (xmlNode *c = tr->children; c && !w->rc; c = c->next) {
    if (!is_cell(c)) continue;
    uint16_t cs = span_attr(c, "colspan"), rs = span_attr(c, "rowspan");
    if (rs > nrows - row + 1) rs = (uint16_t)(nrows - row + 1);
    int err = 0;
    uint32_t at = gk__span_place(m, row, &x, cs, rs, &err);
    if (err) w->rc = err;
    b.len = 0;
    cell_text(w, c, depth + 1, &b); /* nested tables are queued even for a dropped cell */
    if (at == UINT32_MAX || w->rc) continue;
    uint32_t span = x - at;
    gk__grid_cell(w->g, b.data ? b.data : "", b.len, at, rs, (uint16_t)span,
                  name_is(c, "th") ? GK__CELL_HEADER : 0, cell_pos(w, c));
  }
  gk__buf_free(&b);
}

/* What a fragment's table holds outside its cells (text or a table straight in
 * <table>, <tbody> or <tr>: an unclosed table running into the Markdown after
 * it), read as the flow reads it after the table's rows: nothing is lost. */
static void stray(hw *w, xmlNode *n, int depth) {
  if (depth > GK__DOC_MAX_DEPTH) return;
  for (xmlNode *c = n->children; c && !w->rc; c = c->next) {
    if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) put_node_text(w, c);
    else if (name_is(c, "tr") || name_is(c, "thead") || name_is(c, "tbody") || name_is(c, "tfoot")) stray(w, c, depth + 1);
    else if (c->type == XML_ELEMENT_NODE && !is_cell(c)) element(w, c, depth + 1);
  }
  boundary(w);
}

static void table(hw *w, xmlNode *t, int depth) {
  rows r = {0};
  if (rows_of(&r, t)) w->rc = GK_ENOMEM;
  if (!w->rc && r.n && is_layout(&r, depth)) {
    layout_table(w, &r, depth);
  } else if (!w->rc && r.n && !meta_table(w, &r, depth) && !w->rc) {
    uint32_t tno = ++w->ntables;
    gk__span_map m = {0};
    uint32_t nrows = r.n > UINT32_MAX - 1 ? UINT32_MAX - 1 : (uint32_t)r.n;
    xmlNode **saved = w->nest;
    size_t saved_n = w->nnest, saved_cap = w->capnest;
    int saved_on = w->nest_on;
    for (uint32_t i = 0; i < nrows && !w->rc; i++) {
      w->nest = NULL;
      w->nnest = w->capnest = 0;
      w->nest_on = 1;
      data_row(w, r.tr[i], tno, i + 1, nrows, &m, depth);
      xmlNode **nest = w->nest;
      size_t nn = w->nnest;
      w->nest = saved;
      w->nnest = saved_n;
      w->capnest = saved_cap;
      w->nest_on = saved_on;
      for (size_t k = 0; k < nn && !w->rc; k++) table(w, nest[k], depth + 1);
      gk__free(nest);
    }
    gk__span_map_free(&m);
  }
  gk__free(r.tr);
  if (w->frag && !w->rc) stray(w, t, depth);
}

/* ------------------------------------------------------------------ positions */

static void scan_to(src_scan *s, size_t to) {
  for (; s->off < to; s->off++) {
    unsigned char ch = (unsigned char)s->s[s->off];
    if (ch == '\n') {
      s->line++;
      s->col = 1;
    } else if (s->gb) {
      if (ch >= 0x81 && s->off + 1 < to) s->off += (s->s[s->off + 1] >= '0' && s->s[s->off + 1] <= '9') ? 3 : 1;
      s->col++;
    } else if ((ch & 0xC0) != 0x80) {
      s->col++;
    }
  }
  if (s->off > to) s->off = to;
}

/* Where raw text starting at p (a comment, a script, a style) ends: the offset
 * just past it, 0 when p starts none. The parser makes no cell of a "<td" in it. */
static size_t raw_end(const src_scan *s, size_t i) {
  static const struct { const char *open, *close; } raw[] = {
      {"<!--", "-->"}, {"<script", "</script"}, {"<style", "</style"}};
  for (size_t k = 0; k < sizeof raw / sizeof raw[0]; k++) {
    size_t on = strlen(raw[k].open);
    if (s->n - i < on + 1 || strncasecmp(s->s + i, raw[k].open, on) != 0) continue;
    char c = s->s[i + on];
    if (k && !(c == ' ' || c == '>' || c == '\t' || c == '\n' || c == '\r')) continue;
    size_t cn = strlen(raw[k].close);
    for (size_t j = i + on; j + cn <= s->n; j++)
      if (strncasecmp(s->s + j, raw[k].close, cn) == 0) return j + cn;
    return s->n;
  }
  return 0;
}

/* Next "<td" / "<th" (any case, then space, '>' or '/') at or after s->off,
 * outside comments, scripts and styles. */
static size_t next_cell_tag(const src_scan *s) {
  for (size_t i = s->off; i + 3 < s->n; i++) {
    const char *p = memchr(s->s + i, '<', s->n - i - 3);
    if (!p) return SIZE_MAX;
    i = (size_t)(p - s->s);
    size_t e = raw_end(s, i);
    if (e) {
      i = e - 1;
      continue;
    }
    char a = (char)(p[1] | 0x20), b = (char)(p[2] | 0x20), c = p[3];
    if (a == 't' && (b == 'd' || b == 'h') &&
        (c == ' ' || c == '>' || c == '/' || c == '\t' || c == '\n' || c == '\r'))
      return i;
  }
  return SIZE_MAX;
}

/* Pre-pass in document order: each <td>/<th> gets the column of its tag in the
 * source (matched in order; a tag on a later line than the node is not its own). */
static void cell_columns(src_scan *s, xmlNode *n, int depth) {
  if (depth > GK__DOC_MAX_DEPTH) return;
  for (xmlNode *c = n->children; c; c = c->next) {
    if (c->type != XML_ELEMENT_NODE) continue;
    if (is_cell(c)) {
      size_t q = next_cell_tag(s);
      if (q != SIZE_MAX) {
        src_scan t = *s;
        scan_to(&t, q);
        if (t.line <= c->line || c->line == 65535) {
          *s = t;
          c->_private = (void *)(uintptr_t)(t.line == c->line ? t.col : 0);
          s->off = q + 1;
          s->col++;
        }
      }
    }
    cell_columns(s, c, depth + 1);
  }
}

/* ------------------------------------------------------------------ the page */

/* <title> and the portal's <meta name=... content=...> lines as grid meta. */
static void head_meta(hw *w, xmlNode *head) {
  static const char *const names[] = {"ArticleTitle", "PubDate", "ContentSource", "SiteName",
                                      "ColumnName", NULL};
  for (xmlNode *c = head->children; c && !w->rc; c = c->next) {
    if (name_is(c, "title")) {
      gk__buf b;
      gk__buf_init(&b);
      cell_text(w, c, 2, &b);
      gk__grid_meta(w->g, "title", 5, b.data ? b.data : "", b.len);
      gk__buf_free(&b);
    } else if (name_is(c, "meta")) {
      xmlChar *k = xmlGetProp(c, (const xmlChar *)"name");
      xmlChar *v = k ? xmlGetProp(c, (const xmlChar *)"content") : NULL;
      if (v && name_in((const char *)k, names)) {
        gk__buf b;
        gk__buf_init(&b);
        int pending = 0;
        gk__doc_put_text(&b, (const char *)v, strlen((const char *)v), &pending);
        gk__grid_meta(w->g, (const char *)k, strlen((const char *)k), b.data ? b.data : "", b.len);
        if (b.err) w->rc = GK_ENOMEM;
        gk__buf_free(&b);
      }
      xmlFree(k);
      xmlFree(v);
    }
  }
}

/* The encoding to force, or NULL to let libxml2 read the page's own charset:
 * a declared GB2312/GBK is read as GB18030 (its superset, as browsers do); a
 * page that declares nothing is UTF-8 when it is valid UTF-8, else GB18030.
 * Both are converted to clean UTF-8 before parsing (gk__doc_to_utf8). */
static const char *page_encoding(const char *s, size_t n) {
  size_t head = n < 65536 ? n : 65536; /* the <head> of a CMS page can be long */
  for (size_t i = 0; i + 7 <= head; i++) {
    if ((s[i] | 0x20) != 'c' || strncasecmp(s + i, "charset", 7) != 0) continue;
    size_t j = i + 7;
    while (j < head && (s[j] == ' ' || s[j] == '=' || s[j] == '"' || s[j] == '\'')) j++;
    if (j + 2 <= head && (s[j] | 0x20) == 'g' && (s[j + 1] | 0x20) == 'b') return "GB18030";
    if (j + 3 <= head && strncasecmp(s + j, "utf", 3) == 0) return "UTF-8";
    return NULL;
  }
  return gk__utf8_valid(s, n, NULL) ? "UTF-8" : "GB18030";
}

/* Line of byte `at` of s. */
static uint32_t line_at(const char *s, size_t at) {
  uint32_t line = 1;
  for (const char *p = s; (p = memchr(p, '\n', at - (size_t)(p - s))) != NULL; p++) line++;
  return line;
}

/* A page in UTF-8 or GB18030 is parsed from clean UTF-8: libxml2 stops (or turns
 * to Latin-1) at the first invalid byte and prints; the rest of a page must not
 * be lost to one bad byte. A warning says where the first one was. */
static int clean_page(gk__buf *b, const char **bytes, size_t *len, const char **enc,
                      const char *file, gk_diags *d) {
  if (!*enc) return GK_OK;
  size_t nbad = 0, first = 0;
  int rc = gk__doc_to_utf8(b, *bytes, *len, (*enc)[0] == 'G', &nbad, &first);
  if (rc == GK_EUNSUPPORTED) return GK_OK; /* libxml2 converts as it can */
  if (rc) return rc;
  if (nbad && gk__doc_diag(d, GK_SEV_WARNING, "import.html", file, line_at(*bytes, first), 0,
                           "页面含有按其字符集无法解码的字节，已替换为�",
                           "the page holds bytes its charset cannot decode: replaced by U+FFFD"))
    return GK_ENOMEM;
  *bytes = b->data ? b->data : "";
  *len = b->len;
  *enc = "UTF-8";
  return GK_OK;
}

/* Where a read starts: the first source line of its bytes - 1 (0 for a page,
 * a fragment's line in its document - 1) and the tables the grid holds. */
typedef struct {
  uint32_t line0, ntables;
  int page; /* a whole page: its <head> read for metadata */
} start;

/* Parse bytes (in encoding enc, NULL: its own) into *out; GK_OK, GK_ENOMEM,
 * or GK_EPARSE with a located error in d. */
static int parse_tree(htmlDocPtr *out, const char *bytes, size_t len, const char *enc, int cleaned,
                      const char *file, uint32_t line0, gk_diags *d) {
  htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
  htmlDocPtr doc = ctxt ? htmlCtxtReadMemory(ctxt, bytes, (int)len, NULL, enc,
                                             HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                                                 HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                                                 (cleaned ? HTML_PARSE_IGNORE_ENC : 0))
                        : NULL;
  int stopped = ctxt && ctxt->lastError.level == XML_ERR_FATAL;
  uint32_t stop_line = stopped && ctxt->lastError.line > 0 ? (uint32_t)ctxt->lastError.line + line0 : 0;
  if (ctxt) htmlFreeParserCtxt(ctxt);
  if (!ctxt) return GK_ENOMEM;
  if (!doc || !xmlDocGetRootElement(doc)) {
    if (doc) xmlFreeDoc(doc);
    int rc = gk__doc_diag(d, GK_SEV_ERROR, "import.html", file, line0 + 1, 1, "不是可读的HTML页面",
                          "not a readable HTML page");
    return rc ? rc : GK_EPARSE;
  }
  if (stopped && gk__doc_diag(d, GK_SEV_WARNING, "import.html", file, stop_line, 0,
                              "HTML解析在此处停止（如嵌套过深），其后内容未读取",
                              "the HTML parser stopped here (nesting too deep, ...): "
                              "what follows is not read")) {
    xmlFreeDoc(doc);
    return GK_ENOMEM;
  }
  *out = doc;
  return GK_OK;
}

/* Parse bytes and walk them into g from where st says; st->ntables is then
 * the grid's tables. */
static int parse_walk(gk__grid *g, const char *bytes, size_t len, const char *enc, int cleaned,
                      const char *file, gk_diags *d, start *st) {
  htmlDocPtr doc = NULL;
  int rc = parse_tree(&doc, bytes, len, enc, cleaned, file, st->line0, d);
  if (rc) return rc;
  xmlNode *root = xmlDocGetRootElement(doc);
  hw w;
  memset(&w, 0, sizeof w);
  w.g = g;
  w.d = d;
  w.file = file;
  w.line0 = st->line0, w.last_line = st->line0 ? st->line0 + 1 : 0, w.ntables = st->ntables, w.frag = !st->page;
  gk__buf_init(&w.para);
  src_scan sc = {bytes, len, 0, 1, 1, enc && enc[0] == 'G'};
  xmlNode top = {0};
  top.children = root;
  cell_columns(&sc, &top, 0);
  for (xmlNode *c = root; c && !w.rc && st->page; c = c->next) {
    if (name_is(c, "html"))
      for (xmlNode *h = c->children; h && !w.rc; h = h->next)
        if (name_is(h, "head")) head_meta(&w, h);
    if (name_is(c, "head")) head_meta(&w, c);
  }
  walk(&w, &top, 0);
  boundary(&w);
  gk__buf_free(&w.para);
  gk__free(w.nest);
  xmlFreeDoc(doc);
  st->ntables = w.ntables;
  if (!w.rc) w.rc = g->err;
  return w.rc;
}

int gk__html_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d) {
  g->pos_kind = GK__POS_TEXT;
  gk__doc_init();
  if (len > GK_DOCUMENT_MAX_INPUT) return gk__doc_too_large(d, file, "输入", len, GK_DOCUMENT_MAX_INPUT);
  const char *enc = page_encoding(bytes, len);
  gk__buf clean;
  gk__buf_init(&clean);
  int rc = clean_page(&clean, &bytes, &len, &enc, file, d);
  start st = {0, 0, 1};
  if (!rc) rc = parse_walk(g, bytes, len, enc, clean.data != NULL, file, d, &st);
  gk__buf_free(&clean);
  return rc;
}

int gk__html_fragment(gk__grid *g, const char *s, size_t n, uint32_t line, uint32_t *ntables,
                      gk_diags *d) {
  gk__doc_init();
  if (n > GK_DOCUMENT_MAX_INPUT) return gk__doc_too_large(d, NULL, "输入", n, GK_DOCUMENT_MAX_INPUT);
  gk__buf clean;
  gk__buf_init(&clean);
  const char *enc = "UTF-8";
  int rc = gk__utf8_valid(s, n, NULL) ? GK_OK : clean_page(&clean, &s, &n, &enc, NULL, d);
  start st = {line ? line - 1 : 0, *ntables, 0};
  if (!rc) rc = parse_walk(g, s, n, enc, 1, NULL, d, &st);
  *ntables = st.ntables;
  gk__buf_free(&clean);
  return rc;
}
