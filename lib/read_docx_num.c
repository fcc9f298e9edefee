/* SPDX-License-Identifier: MIT */
/* libgkreport: automatic numbering of a .docx (word/numbering.xml), rendered the
 * way Word shows it ("一、", "（二）", "3.") in front of a numbered paragraph,
 * so a heading whose ordinal comes from numbering keeps it. Formats: decimal and
 * the Chinese counting ones; others (bullets) render nothing. */
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "read_doc.h"

#define MAX_ABS 64
#define MAX_NUMS 256
#define MAX_NUM_XML ((size_t)4 << 20)

enum { FMT_NONE = 0, FMT_DECIMAL = 1, FMT_CHINESE = 2 };

typedef struct {
  int fmt, start;
  char text[32];
} lvl;

typedef struct {
  int id;
  lvl lv[9];
  int count[9];
} absn;

struct gk__docx_num {
  absn a[MAX_ABS];
  size_t na;
  int num_id[MAX_NUMS], num_abs[MAX_NUMS];
  size_t nn;
};

static int is(const xmlChar *n, const char *s) { return n && strcmp((const char *)n, s) == 0; }

static void on_elem(gk__docx_num *m, xmlTextReaderPtr rd, const xmlChar *name, absn **cur_a,
                    int *cur_l, int *in_num) {
  if (is(name, "w:abstractNum") && m->na < MAX_ABS) {
    *cur_a = &m->a[m->na++];
    memset(*cur_a, 0, sizeof **cur_a);
    (*cur_a)->id = gk__docx_attr_int(rd, "w:abstractNumId", -1);
  } else if (is(name, "w:lvl") && *cur_a) {
    *cur_l = gk__docx_attr_int(rd, "w:ilvl", -1);
    if (*cur_l < 0 || *cur_l > 8) *cur_l = -1;
    else (*cur_a)->lv[*cur_l].start = 1;
  } else if (*cur_a && *cur_l >= 0 && is(name, "w:start")) {
    (*cur_a)->lv[*cur_l].start = gk__docx_attr_int(rd, "w:val", 1);
  } else if (*cur_a && *cur_l >= 0 && is(name, "w:numFmt")) {
    xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)"w:val");
    const char *s = v ? (const char *)v : "";
    (*cur_a)->lv[*cur_l].fmt = strcmp(s, "decimal") == 0 ? FMT_DECIMAL
                               : strncmp(s, "chineseCounting", 15) == 0 || strcmp(s, "ideographTraditional") == 0 ||
                                       strcmp(s, "japaneseCounting") == 0 || strcmp(s, "taiwaneseCounting") == 0
                                   ? FMT_CHINESE
                                   : FMT_NONE;
    xmlFree(v);
  } else if (*cur_a && *cur_l >= 0 && is(name, "w:lvlText")) {
    xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)"w:val");
    if (v && strlen((const char *)v) < sizeof (*cur_a)->lv[0].text)
      strcpy((*cur_a)->lv[*cur_l].text, (const char *)v);
    xmlFree(v);
  } else if (is(name, "w:num") && m->nn < MAX_NUMS) {
    m->num_id[m->nn] = gk__docx_attr_int(rd, "w:numId", -1);
    m->num_abs[m->nn] = -1;
    m->nn++;
    *in_num = 1;
    *cur_a = NULL;
  } else if (*in_num && is(name, "w:abstractNumId")) {
    m->num_abs[m->nn - 1] = gk__docx_attr_int(rd, "w:val", -1);
  }
}

int gk__docx_num_load(gk__docx_num **out, struct zip *za) {
  *out = NULL;
  zip_file_t *zf = zip_fopen(za, "word/numbering.xml", 0);
  if (!zf) return GK_OK;
  gk__docx_num *m = gk__calloc(1, sizeof *m);
  gk__zstream z = {zf, 0, MAX_NUM_XML, 0, 0};
  xmlTextReaderPtr rd = m ? xmlReaderForIO(gk__zstream_read, NULL, &z, NULL, NULL,
                                           XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
                          : NULL;
  if (!rd) {
    gk__free(m);
    zip_fclose(zf);
    return GK_ENOMEM;
  }
  absn *cur_a = NULL;
  int cur_l = -1, in_num = 0;
  while (xmlTextReaderRead(rd) == 1) {
    int t = xmlTextReaderNodeType(rd);
    const xmlChar *name = xmlTextReaderConstName(rd);
    if (t == XML_READER_TYPE_ELEMENT) on_elem(m, rd, name, &cur_a, &cur_l, &in_num);
    else if (t == XML_READER_TYPE_END_ELEMENT && is(name, "w:num")) in_num = 0;
    else if (t == XML_READER_TYPE_END_ELEMENT && is(name, "w:abstractNum")) cur_a = NULL;
  }
  xmlFreeTextReader(rd);
  zip_fclose(zf);
  *out = m; /* a damaged numbering part numbers what it could */
  return GK_OK;
}

void gk__docx_num_free(gk__docx_num *m) { gk__free(m); }

static void put_number(gk__buf *b, int fmt, int n) {
  static const char *const d[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  if (fmt == FMT_DECIMAL || (fmt == FMT_CHINESE && (n < 1 || n > 99))) {
    gk__buf_printf(b, "%d", n);
  } else if (fmt == FMT_CHINESE) {
    if (n >= 20) gk__buf_puts(b, d[n / 10]);
    if (n >= 10) gk__buf_puts(b, "十");
    if (n % 10 || n < 10) gk__buf_puts(b, d[n % 10]);
  }
}

void gk__docx_num_put(gk__docx_num *m, int num_id, int ilvl, gk__buf *b) {
  if (!m || num_id <= 0 || ilvl < 0 || ilvl > 8) return;
  absn *a = NULL;
  for (size_t i = 0; i < m->nn && !a; i++)
    if (m->num_id[i] == num_id)
      for (size_t k = 0; k < m->na && !a; k++)
        if (m->a[k].id == m->num_abs[i]) a = &m->a[k];
  if (!a) return;
  a->count[ilvl] = a->count[ilvl] ? a->count[ilvl] + 1 : a->lv[ilvl].start;
  for (int k = ilvl + 1; k < 9; k++) a->count[k] = 0;
  if (a->lv[ilvl].fmt == FMT_NONE) return;
  for (const char *p = a->lv[ilvl].text; *p; p++) {
    if (p[0] == '%' && p[1] >= '1' && p[1] <= '9') {
      int k = p[1] - '1';
      put_number(b, a->lv[k].fmt ? a->lv[k].fmt : FMT_DECIMAL, a->count[k] ? a->count[k] : a->lv[k].start);
      p++;
    } else {
      gk__buf_putc(b, *p);
    }
  }
}
