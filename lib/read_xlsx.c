/* SPDX-License-Identifier: MIT */
/* libgkreport: the XLSX reader. libzip opens the workbook in memory (nothing
 * is written to disk), libxml2's xmlReader streams its parts, each inflated
 * under a cap (read_docx.c's gk__zstream_read): xl/workbook.xml lists the
 * sheets in order (hidden ones and chart sheets are not read), its
 * relationships name their parts, xl/sharedStrings.xml holds the strings
 * cells refer to. A sheet's cells (<c>: shared strings, inline strings,
 * formula results, numbers taken as the text written, never a double) and
 * merged ranges are collected, then laid out as the grid of grid.h
 * (read_xlsx_grid.c). Every refusal names where: the part, or the sheet and
 * cell ("表2!C7"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "read_doc.h"
#include "read_xlsx.h"
#include "gkreport/document.h"

#define XLSX_MAX_ROWS 1048576u /* Excel's own limits */
#define XLSX_MAX_NAME 256
#define XLSX_MAX_SHEETS 4096
#define REL_NS "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

const gk__xlsx_caps gk__xlsx_default_caps = {GK_DOCX_MAX_XML, GK_XLSX_MAX_CELLS, GK_XLSX_MAX_CELLS,
                                             GK_DOCX_MAX_XML, GK_XLSX_MAX_CELLS};

typedef struct {
  char name[XLSX_MAX_NAME]; /* the sheet's name */
  char part[XLSX_MAX_NAME]; /* its zip entry */
  char rid[64];
} xsheet_ref;

typedef struct {
  zip_t *za;
  gk__grid *g;
  gk_diags *d;
  const char *file;
  const gk__xlsx_caps *caps;
  xsheet_ref *sheets;
  size_t nsheets, capsheets;
  gk__buf sst;        /* shared strings' text, one after the other */
  uint32_t *sst_off;  /* per string: start in sst; sst_off[n] the end */
  size_t nsst, capsst;
  size_t ncells, ntext, nmerged; /* counted against the caps over the workbook */
} xbook;

static int is(const xmlChar *name, const char *w) { return name && strcmp((const char *)name, w) == 0; }

static void quiet(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc) {
  (void)arg, (void)msg, (void)sev, (void)loc;
}

/* An error finding "where: what" (where the part, or sheet!cell); GK_EPARSE or GK_ENOMEM. */
static int xerror(xbook *b, uint32_t line, const char *where, const char *zh, const char *en) {
  char z[640], e[640];
  snprintf(z, sizeof z, "%s：%s", where, zh);
  snprintf(e, sizeof e, "%s: %s", where, en);
  return gk__doc_diag(b->d, GK_SEV_ERROR, "import.xlsx", b->file, line, 0, z, e) ? GK_ENOMEM : GK_EPARSE;
}

/* The import.too_large error for `what` over cap. */
static int too_large(xbook *b, const char *where, const char *zh, const char *en, size_t cap) {
  char z[640], e[640];
  snprintf(z, sizeof z, "%s：%s超过上限%zu", where, zh, cap);
  snprintf(e, sizeof e, "%s: %s over the limit of %zu", where, en, cap);
  return gk__doc_diag(b->d, GK_SEV_ERROR, "import.too_large", b->file, 0, 0, z, e) ? GK_ENOMEM
                                                                                 : GK_EPARSE;
}

/* ------------------------------------------------------------------ parts */

typedef struct {
  zip_file_t *zf;
  gk__zstream z;
  xmlTextReaderPtr rd;
} xpart;

/* Open a part as an XML stream: GK_OK, GK_ENOTFOUND (no such entry),
 * GK_EPARSE (over the cap: said), GK_ENOMEM. */
static int part_open(xbook *b, xpart *p, const char *name) {
  memset(p, 0, sizeof *p);
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(b->za, name, 0, &st) != 0) return GK_ENOTFOUND;
  if ((st.valid & ZIP_STAT_SIZE) && st.size > b->caps->xml)
    return too_large(b, name, "解压后大小", "the uncompressed size is", b->caps->xml);
  p->zf = zip_fopen(b->za, name, 0);
  if (!p->zf) return GK_ENOTFOUND;
  p->z = (gk__zstream){p->zf, 0, b->caps->xml, 0, 0};
  p->rd = xmlReaderForIO(gk__zstream_read, NULL, &p->z, NULL, NULL,
                         XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!p->rd) {
    zip_fclose(p->zf);
    return GK_ENOMEM;
  }
  xmlTextReaderSetErrorHandler(p->rd, quiet, NULL);
  return GK_OK;
}

/* Close a part after its last read r (1 more, 0 end, < 0 error): rc, or the
 * located error of a damaged part. */
static int part_close(xbook *b, xpart *p, int r, int rc, const char *name) {
  int line = xmlTextReaderGetParserLineNumber(p->rd);
  xmlFreeTextReader(p->rd);
  zip_fclose(p->zf);
  if (rc) return rc;
  if (p->z.over) return too_large(b, name, "解压后大小", "the uncompressed size is", b->caps->xml);
  if (p->z.failed)
    return xerror(b, 0, name, "无法解压（文件损坏或被截断）", "cannot be inflated (damaged or truncated file)");
  if (r < 0)
    return xerror(b, line > 0 ? (uint32_t)line : 0, name, "不是格式正确的XML，在此行出错",
                  "not well-formed XML: error at this line");
  return GK_OK;
}

/* An attribute copied into out (cap bytes, cut); 0 when absent. */
static int attr_copy(xmlTextReaderPtr rd, const char *name, char *out, size_t cap) {
  xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
  if (!v) return 0;
  snprintf(out, cap, "%s", (const char *)v);
  xmlFree(v);
  return 1;
}

/* xl/workbook.xml: the visible sheets, in order. */
static int read_workbook(xbook *b) {
  xpart p;
  int rc = part_open(b, &p, "xl/workbook.xml"), r = 0;
  if (rc == GK_ENOTFOUND)
    return xerror(b, 0, "xl/workbook.xml", "缺少工作簿部分，不是Excel工作簿", "missing: this is no Excel workbook");
  if (rc) return rc;
  while (!rc && (r = xmlTextReaderRead(p.rd)) == 1) {
    if (xmlTextReaderNodeType(p.rd) != XML_READER_TYPE_ELEMENT || !is(xmlTextReaderConstLocalName(p.rd), "sheet"))
      continue;
    char state[32] = "";
    attr_copy(p.rd, "state", state, sizeof state);
    if (strcmp(state, "hidden") == 0 || strcmp(state, "veryHidden") == 0) continue;
    if (b->nsheets == b->capsheets) {
      size_t nc = b->capsheets ? b->capsheets * 2 : 8;
      xsheet_ref *q = b->nsheets < XLSX_MAX_SHEETS ? gk__realloc(b->sheets, nc * sizeof *q) : NULL;
      if (!q) {
        rc = b->nsheets < XLSX_MAX_SHEETS
                 ? GK_ENOMEM
                 : too_large(b, "xl/workbook.xml", "工作表数", "the number of sheets is", XLSX_MAX_SHEETS);
        break;
      }
      b->sheets = q;
      b->capsheets = nc;
    }
    xsheet_ref *s = &b->sheets[b->nsheets++];
    memset(s, 0, sizeof *s);
    if (!attr_copy(p.rd, "name", s->name, sizeof s->name)) snprintf(s->name, sizeof s->name, "%zu", b->nsheets);
    xmlChar *id = xmlTextReaderGetAttributeNs(p.rd, (const xmlChar *)"id", (const xmlChar *)REL_NS);
    if (id) snprintf(s->rid, sizeof s->rid, "%s", (const char *)id);
    else if (!attr_copy(p.rd, "r:id", s->rid, sizeof s->rid)) attr_copy(p.rd, "id", s->rid, sizeof s->rid);
    xmlFree(id);
  }
  return part_close(b, &p, r, rc, "xl/workbook.xml");
}

/* A relationship's target as a zip entry: "/xl/x.xml" from the root, "x.xml" under xl/. */
static void rel_target(const char *target, char *out, size_t cap) {
  if (target[0] == '/') snprintf(out, cap, "%s", target + 1);
  else snprintf(out, cap, "xl/%s", target);
}

/* xl/_rels/workbook.xml.rels: the part of each sheet; a sheet it does not
 * name (or names as a chart sheet) keeps no part and is not read. */
static int read_rels(xbook *b) {
  xpart p;
  int rc = part_open(b, &p, "xl/_rels/workbook.xml.rels"), r = 0;
  if (rc == GK_ENOTFOUND) { /* no relationships: the parts' usual names */
    for (size_t i = 0; i < b->nsheets; i++)
      snprintf(b->sheets[i].part, sizeof b->sheets[i].part, "xl/worksheets/sheet%zu.xml", i + 1);
    return GK_OK;
  }
  if (rc) return rc;
  while ((r = xmlTextReaderRead(p.rd)) == 1) {
    if (xmlTextReaderNodeType(p.rd) != XML_READER_TYPE_ELEMENT ||
        !is(xmlTextReaderConstLocalName(p.rd), "Relationship"))
      continue;
    char id[64] = "", target[XLSX_MAX_NAME] = "", type[256] = "";
    attr_copy(p.rd, "Id", id, sizeof id);
    attr_copy(p.rd, "Target", target, sizeof target);
    attr_copy(p.rd, "Type", type, sizeof type);
    size_t tl = strlen(type);
    if (tl < 10 || strcmp(type + tl - 10, "/worksheet") != 0) continue;
    for (size_t i = 0; i < b->nsheets; i++) /* few sheets: a look-up each */
      if (strcmp(b->sheets[i].rid, id) == 0) rel_target(target, b->sheets[i].part, sizeof b->sheets[i].part);
  }
  return part_close(b, &p, r, rc, "xl/_rels/workbook.xml.rels");
}

/* Append text to buf under the workbook's text cap. */
static int put_capped(xbook *b, gk__buf *buf, const char *s, size_t n, const char *where) {
  if (n > b->caps->text - b->ntext)
    return too_large(b, where, "单元格文字总量", "the cells' text is", b->caps->text);
  b->ntext += n;
  gk__buf_put(buf, s, n);
  return buf->err ? GK_ENOMEM : GK_OK;
}

/* Decode OOXML's _xHHHH_ escapes of s[from..) in place (a control character
 * becomes a space, a line break stays). */
static void unescape_from(gk__buf *t, size_t from) {
  size_t o = from;
  for (size_t i = from; i < t->len;) {
    const char *s = t->data + i;
    unsigned v = 0;
    int hex = t->len - i >= 7 && s[0] == '_' && s[1] == 'x' && s[6] == '_';
    for (int k = 2; hex && k < 6; k++) {
      char h = s[k];
      int d = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
      if (d < 0) hex = 0;
      else v = v * 16 + (unsigned)d;
    }
    if (hex) {
      char u[3];
      size_t k = v == '\n' || v == '\r' ? 1 : v < 0x20 ? 1 : v < 0x80 ? 1 : v < 0x800 ? 2 : 3;
      if (v == '\r') v = '\n';
      else if (v < 0x20 && v != '\n') v = ' ';
      if (v >= 0xD800 && v <= 0xDFFF) v = 0xFFFD, k = 3;
      if (k == 1) u[0] = (char)v;
      else if (k == 2) u[0] = (char)(0xC0 | v >> 6), u[1] = (char)(0x80 | (v & 0x3F));
      else u[0] = (char)(0xE0 | v >> 12), u[1] = (char)(0x80 | ((v >> 6) & 0x3F)), u[2] = (char)(0x80 | (v & 0x3F));
      memcpy(t->data + o, u, k);
      o += k;
      i += 7;
    } else {
      t->data[o++] = t->data[i++];
    }
  }
  t->len = o;
}

/* xl/sharedStrings.xml: each <si>'s text (its <t>s, phonetic runs left out). */
static int read_sst(xbook *b) {
  xpart p;
  const char *name = "xl/sharedStrings.xml";
  int rc = part_open(b, &p, name), r = 0, in_t = 0, in_si = 0;
  if (rc == GK_ENOTFOUND) return GK_OK;
  if (rc) return rc;
  while (!rc && (r = xmlTextReaderRead(p.rd)) == 1) {
    int type = xmlTextReaderNodeType(p.rd);
    const xmlChar *ln = xmlTextReaderConstLocalName(p.rd);
    while (type == XML_READER_TYPE_ELEMENT && is(ln, "rPh") && !xmlTextReaderIsEmptyElement(p.rd)) {
      r = xmlTextReaderNext(p.rd); /* the phonetic guide is no part of the text */
      if (r != 1) break;
      type = xmlTextReaderNodeType(p.rd);
      ln = xmlTextReaderConstLocalName(p.rd);
    }
    if (r != 1) break;
    if (type == XML_READER_TYPE_ELEMENT && is(ln, "si")) {
      if (b->nsst + 1 >= b->capsst) {
        size_t nc = b->capsst ? b->capsst * 2 : 256;
        uint32_t *q = b->nsst < b->caps->strings ? gk__realloc(b->sst_off, nc * sizeof *q) : NULL;
        if (!q) {
          rc = b->nsst < b->caps->strings ? GK_ENOMEM
                                           : too_large(b, name, "共享字符串数", "the number of shared strings is", b->caps->strings);
          break;
        }
        b->sst_off = q;
        b->capsst = nc;
      }
      b->sst_off[b->nsst++] = (uint32_t)b->sst.len;
      in_si = !xmlTextReaderIsEmptyElement(p.rd);
    } else if (type == XML_READER_TYPE_ELEMENT && is(ln, "t")) {
      in_t = in_si && !xmlTextReaderIsEmptyElement(p.rd);
    } else if (type == XML_READER_TYPE_END_ELEMENT && is(ln, "t")) {
      in_t = 0;
    } else if (type == XML_READER_TYPE_END_ELEMENT && is(ln, "si")) {
      unescape_from(&b->sst, b->sst_off[b->nsst - 1]);
      in_si = 0;
    } else if (in_t && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
                        type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE)) {
      const char *v = (const char *)xmlTextReaderConstValue(p.rd);
      if (v) rc = put_capped(b, &b->sst, v, strlen(v), name);
    }
  }
  if (b->sst_off) b->sst_off[b->nsst] = (uint32_t)b->sst.len;
  return part_close(b, &p, r, rc, name);
}

/* docProps/core.xml: the workbook's title (dc:title), when it has one, the
 * grid's first paragraph and its "title" meta, as a page's <title>. */
static int read_title(xbook *b) {
  xpart p;
  const char *name = "docProps/core.xml";
  int rc = part_open(b, &p, name), r = 0, in_title = 0;
  if (rc == GK_ENOTFOUND) return GK_OK;
  if (rc) return rc;
  gk__buf t;
  gk__buf_init(&t);
  while (!rc && (r = xmlTextReaderRead(p.rd)) == 1) {
    int type = xmlTextReaderNodeType(p.rd);
    if (type == XML_READER_TYPE_ELEMENT || type == XML_READER_TYPE_END_ELEMENT)
      in_title = type == XML_READER_TYPE_ELEMENT && !xmlTextReaderIsEmptyElement(p.rd) &&
                 is(xmlTextReaderConstLocalName(p.rd), "title");
    else if (in_title && (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA))
      rc = put_capped(b, &t, (const char *)xmlTextReaderConstValue(p.rd),
                      strlen((const char *)xmlTextReaderConstValue(p.rd)), name);
  }
  rc = part_close(b, &p, r, rc, name);
  if (!rc && t.len) {
    gk__gpos pos = {0, 0};
    gk__grid_meta(b->g, "title", 5, t.data, t.len);
    gk__grid_para(b->g, GK__BLK_PARA, 0, t.data, t.len, pos);
  }
  gk__buf_free(&t);
  return rc ? rc : b->g->err;
}

/* ------------------------------------------------------------------ a sheet */

/* "C7" -> column 2, row 6 (0-based). 1 when ref is a cell reference in Excel's range. */
static int parse_ref(const char *s, uint32_t *row, uint32_t *col) {
  uint32_t c = 0, r = 0;
  size_t i = 0;
  for (; s[i] >= 'A' && s[i] <= 'Z' && i < 3; i++) c = c * 26 + (uint32_t)(s[i] - 'A' + 1);
  if (!i) return 0;
  size_t j = i;
  for (; s[j] >= '0' && s[j] <= '9' && j - i < 8; j++) r = r * 10 + (uint32_t)(s[j] - '0');
  if (j == i || s[j] || c > 16384 || r < 1 || r > XLSX_MAX_ROWS) return 0;
  *row = r - 1;
  *col = c - 1;
  return 1;
}

/* "表2!C7" into out. */
static void cell_where(char *out, size_t cap, const char *sheet, uint32_t row, uint32_t col) {
  char letters[4];
  size_t n = 0;
  for (uint32_t c = col + 1; c && n < 3; c = (c - 1) / 26) letters[n++] = (char)('A' + (c - 1) % 26);
  char name[4] = {0};
  for (size_t k = 0; k < n; k++) name[k] = letters[n - 1 - k];
  snprintf(out, cap, "%s!%s%u", sheet, name, (unsigned)row + 1);
}

typedef struct {
  xbook *b;
  const xsheet_ref *ref;
  gk__xsheet *s;
  xmlTextReaderPtr rd;
  uint32_t row, col;  /* the open row, the last cell's column + 1 (next column) */
  int row_seen;       /* a row was opened */
  int in_c, in_v, in_is, in_t;
  char type[16];      /* the open cell's t attribute */
  uint32_t crow, ccol;
} xread;

static int grow(void **p, size_t *cap, size_t n, size_t size) {
  if (n < *cap) return GK_OK;
  size_t nc = *cap ? *cap * 2 : 64;
  void *q = gk__realloc(*p, nc * size);
  if (!q) return GK_ENOMEM;
  *p = q;
  *cap = nc;
  return GK_OK;
}

/* <c>: where it is (its r, else after the last), its type. */
static int cell_start(xread *x) {
  char r[32] = "";
  uint32_t row = x->row, col = x->col;
  if (attr_copy(x->rd, "r", r, sizeof r) && !parse_ref(r, &row, &col)) {
    char w[XLSX_MAX_NAME + 32];
    cell_where(w, sizeof w, x->ref->name, x->row, x->col);
    return xerror(x->b, 0, w, "单元格引用无效", "invalid cell reference");
  }
  if (col >= GK__DOC_MAX_COLS) {
    char w[XLSX_MAX_NAME + 32];
    cell_where(w, sizeof w, x->ref->name, row, col);
    return xerror(x->b, 0, w, "列数超过上限4096", "past the limit of 4096 columns");
  }
  if (++x->b->ncells > x->b->caps->cells)
    return too_large(x->b, x->ref->name, "单元格数", "the number of cells is", x->b->caps->cells);
  gk__xsheet *s = x->s;
  if (grow((void **)&s->cells, &s->capcells, s->ncells, sizeof *s->cells)) return GK_ENOMEM;
  if (s->ncells) {
    const gk__xcell *p = &s->cells[s->ncells - 1];
    if (row < p->row || (row == p->row && col <= p->col)) s->unsorted = 1;
  }
  s->cells[s->ncells++] = (gk__xcell){row, col, (uint32_t)s->text.len, 0, 0};
  x->crow = row, x->ccol = col;
  x->row = row;
  x->col = col + 1;
  x->type[0] = '\0';
  attr_copy(x->rd, "t", x->type, sizeof x->type);
  return GK_OK;
}

/* </c>: the text collected becomes the cell's: a shared string's index its
 * string, a number its plain notation, a boolean TRUE or FALSE. */
static int cell_end(xread *x) {
  gk__xcell *c = &x->s->cells[x->s->ncells - 1];
  gk__buf *t = &x->s->text;
  const char *v = t->data ? t->data + c->off : "";
  size_t n = t->len - c->off;
  char num[96];
  size_t k;
  if (strcmp(x->type, "s") == 0) {
    char *end = NULL, tmp[24];
    snprintf(tmp, sizeof tmp, "%.*s", (int)(n < 23 ? n : 23), v);
    unsigned long i = strtoul(tmp, &end, 10);
    if (!n || n > 20 || *end || tmp[0] == '-' || i >= x->b->nsst) {
      char w[XLSX_MAX_NAME + 32];
      cell_where(w, sizeof w, x->ref->name, c->row, c->col);
      return xerror(x->b, 0, w, "共享字符串编号无效", "invalid shared string index");
    }
    t->len = c->off;
    c->sst = 1;
    c->off = x->b->sst_off[i];
    c->len = x->b->sst_off[i + 1] - x->b->sst_off[i];
    if (c->len > x->b->caps->text - x->b->ntext) /* the grid copies it: counted as the cell's own */
      return too_large(x->b, x->ref->name, "单元格文字总量", "the cells' text is", x->b->caps->text);
    x->b->ntext += c->len;
    return GK_OK;
  }
  if (strcmp(x->type, "b") == 0) {
    const char *bv = n == 1 && v[0] == '1' ? "TRUE" : n == 1 && v[0] == '0' ? "FALSE" : NULL;
    if (bv) t->len = c->off, gk__buf_puts(t, bv);
  } else if (!x->type[0] || strcmp(x->type, "n") == 0) {
    if ((k = gk__xlsx_number(v, n, num, sizeof num)) != 0) t->len = c->off, gk__buf_put(t, num, k);
  } else {
    unescape_from(t, c->off);
  }
  c->len = (uint32_t)(t->len - c->off);
  return t->err ? GK_ENOMEM : GK_OK;
}

/* <mergeCell ref="A1:C2">. */
static int merge_cell(xread *x) {
  char ref[64] = "";
  attr_copy(x->rd, "ref", ref, sizeof ref);
  char *colon = strchr(ref, ':');
  uint32_t r0, c0, r1, c1;
  if (colon) *colon = '\0';
  if (!colon || !parse_ref(ref, &r0, &c0) || !parse_ref(colon + 1, &r1, &c1)) {
    char w[XLSX_MAX_NAME + 80];
    snprintf(w, sizeof w, "%s!%s%s%s", x->ref->name, ref, colon ? ":" : "", colon ? colon + 1 : "");
    return xerror(x->b, 0, w, "合并单元格范围无效", "invalid merged range");
  }
  if (r1 < r0) { uint32_t q = r0; r0 = r1; r1 = q; }
  if (c1 < c0) { uint32_t q = c0; c0 = c1; c1 = q; }
  if (c0 >= GK__DOC_MAX_COLS) return GK_OK; /* no cell can stand there */
  if (c1 >= GK__DOC_MAX_COLS) c1 = GK__DOC_MAX_COLS - 1;
  if (r0 == r1 && c0 == c1) return GK_OK;
  x->b->nmerged += c1 - c0 + 1;
  if (x->b->nmerged > x->b->caps->merged)
    return too_large(x->b, x->ref->name, "合并单元格的列数", "the merged ranges' columns are", x->b->caps->merged);
  gk__xsheet *s = x->s;
  if (grow((void **)&s->merges, &s->capmerges, s->nmerges, sizeof *s->merges)) return GK_ENOMEM;
  s->merges[s->nmerges++] = (gk__xmerge){r0, c0, r1, c1, UINT32_MAX};
  return GK_OK;
}

/* One node of a sheet. */
static int sheet_node(xread *x, int type, const xmlChar *ln, int *skip) {
  int empty = type == XML_READER_TYPE_ELEMENT && xmlTextReaderIsEmptyElement(x->rd);
  if (type == XML_READER_TYPE_ELEMENT) {
    if (is(ln, "row")) {
      char r[16] = "";
      uint32_t rn = 0;
      if (attr_copy(x->rd, "r", r, sizeof r)) rn = (uint32_t)strtoul(r, NULL, 10);
      x->row = rn >= 1 && rn <= XLSX_MAX_ROWS ? rn - 1 : x->row_seen ? x->row + 1 : 0;
      x->row_seen = 1;
      x->col = 0;
    } else if (is(ln, "c")) {
      int rc = cell_start(x);
      if (rc) return rc;
      x->in_c = !empty;
    } else if (x->in_c && is(ln, "v")) {
      x->in_v = !empty;
    } else if (x->in_c && is(ln, "is")) {
      x->in_is = !empty;
    } else if (x->in_is && is(ln, "t")) {
      x->in_t = !empty;
    } else if (!empty && (is(ln, "f") || is(ln, "rPh") || is(ln, "extLst"))) {
      *skip = 1; /* a formula's text, a phonetic guide, extensions: not read */
    } else if (is(ln, "mergeCell")) {
      return merge_cell(x);
    }
  } else if (type == XML_READER_TYPE_END_ELEMENT) {
    if (is(ln, "c") && x->in_c) {
      x->in_c = x->in_v = x->in_is = x->in_t = 0;
      return cell_end(x);
    }
    if (is(ln, "v")) x->in_v = 0;
    else if (is(ln, "is")) x->in_is = 0;
    else if (is(ln, "t")) x->in_t = 0;
  } else if ((x->in_v || x->in_t) &&
             (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
              type == XML_READER_TYPE_CDATA || type == XML_READER_TYPE_WHITESPACE)) {
    const char *v = (const char *)xmlTextReaderConstValue(x->rd);
    if (v) return put_capped(x->b, &x->s->text, v, strlen(v), x->ref->name);
  }
  return GK_OK;
}

/* Read one sheet's part and lay it out in the grid. */
static int read_sheet(xbook *b, const xsheet_ref *ref, uint32_t sheetno, uint32_t *table) {
  gk__xsheet s;
  memset(&s, 0, sizeof s);
  gk__buf_init(&s.text);
  s.sst = &b->sst;
  s.sheetno = sheetno;
  xpart p;
  int rc = part_open(b, &p, ref->part), r = 0;
  if (rc == GK_ENOTFOUND)
    rc = xerror(b, 0, ref->name, "工作表部分缺失", "the sheet's part is missing");
  if (!rc) {
    xread x;
    memset(&x, 0, sizeof x);
    x.b = b, x.ref = ref, x.s = &s, x.rd = p.rd;
    while (!rc && (r = xmlTextReaderRead(p.rd)) == 1) {
      int skip = 0;
      rc = sheet_node(&x, xmlTextReaderNodeType(p.rd), xmlTextReaderConstLocalName(p.rd), &skip);
      while (!rc && skip && r == 1) { /* skip the subtree: the node after it is current */
        r = xmlTextReaderNext(p.rd);
        skip = 0;
        if (r == 1) rc = sheet_node(&x, xmlTextReaderNodeType(p.rd), xmlTextReaderConstLocalName(p.rd), &skip);
      }
      if (r != 1) break;
    }
    rc = part_close(b, &p, r, rc, ref->part);
  }
  if (!rc) rc = gk__xlsx_sheet_grid(b->g, &s, table);
  gk__free(s.cells);
  gk__free(s.merges);
  gk__buf_free(&s.text);
  return rc;
}

/* ------------------------------------------------------------------ the workbook */

static int open_zip(xbook *b, const char *bytes, size_t len) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
  b->za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
  int code = zip_error_code_zip(&ze);
  zip_error_fini(&ze);
  if (b->za) return GK_OK;
  if (src) zip_source_free(src);
  if (code == ZIP_ER_MEMORY) return GK_ENOMEM;
  return xerror(b, 0, b->file ? b->file : "xlsx", "不是可读的.xlsx文件：zip结构损坏或被截断",
                "not a readable .xlsx file: the zip structure is damaged or truncated");
}

static int read_book(xbook *b) {
  if (zip_name_locate(b->za, "xl/workbook.xml", 0) < 0)
    return xerror(b, 0, b->file ? b->file : "xlsx",
                  zip_name_locate(b->za, "word/document.xml", 0) >= 0 ? "这是Word文档（.docx），不是Excel工作簿"
                                                                      : "没有xl/workbook.xml，不是Excel工作簿",
                  zip_name_locate(b->za, "word/document.xml", 0) >= 0 ? "a Word document (.docx), not an Excel workbook"
                                                                      : "no xl/workbook.xml: not an Excel workbook");
  int rc = read_workbook(b);
  if (!rc) rc = read_rels(b);
  if (!rc) rc = read_sst(b);
  if (!rc) rc = read_title(b);
  uint32_t table = 0;
  for (size_t i = 0; i < b->nsheets && !rc; i++)
    if (b->sheets[i].part[0]) rc = read_sheet(b, &b->sheets[i], (uint32_t)(i + 1), &table);
  return rc ? rc : b->g->err;
}

int gk__xlsx_grid_caps(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d,
                       const gk__xlsx_caps *caps) {
  g->pos_kind = GK__POS_DOCX;
  gk__doc_init();
  if (len > GK_DOCUMENT_MAX_INPUT) return gk__doc_too_large(d, file, "输入", len, GK_DOCUMENT_MAX_INPUT);
  xbook b;
  memset(&b, 0, sizeof b);
  b.g = g, b.d = d, b.file = file, b.caps = caps;
  gk__buf_init(&b.sst);
  int rc = open_zip(&b, bytes, len);
  if (!rc) {
    rc = read_book(&b);
    zip_discard(b.za);
  }
  gk__free(b.sheets);
  gk__free(b.sst_off);
  gk__buf_free(&b.sst);
  return rc;
}

int gk__xlsx_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d) {
  return gk__xlsx_grid_caps(g, bytes, len, file, d, &gk__xlsx_default_caps);
}
