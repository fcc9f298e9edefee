/* SPDX-License-Identifier: MIT */
/* libgkreport: paragraph styles of a .docx (word/styles.xml), for what a style
 * says about a paragraph's layout: its heading level (a built-in "heading N" or
 * "Title" by name, whatever its id — a Chinese Word saves "heading 1" under the
 * id "1" — or an outline level) and the automatic numbering it carries (a
 * heading numbered through its style has no w:numPr of its own). basedOn is
 * followed. Nothing about the report's wording is known here. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "read_doc.h"

#define MAX_STYLES 4096
#define MAX_STYLE_XML ((size_t)4 << 20)
#define MAX_BASED_DEPTH 16

typedef struct {
  char id[48], based[48];
  int level;  /* 1..6 heading, 0 body text, -1 not said */
  int num_id; /* -1 not said, 0 numbering removed */
  int ilvl;
} dstyle;

struct gk__docx_styles {
  dstyle *s;
  size_t n;
};

static int is(const xmlChar *n, const char *s) { return n && strcmp((const char *)n, s) == 0; }

static void copy_attr(xmlTextReaderPtr rd, const char *name, char *dst, size_t cap) {
  xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
  dst[0] = 0;
  if (v && strlen((const char *)v) < cap) strcpy(dst, (const char *)v);
  xmlFree(v);
}

/* The heading level a built-in style name gives: "heading 1".."heading 6", "Title". */
static int name_level(xmlTextReaderPtr rd) {
  char name[64];
  copy_attr(rd, "w:val", name, sizeof name);
  if (strncasecmp(name, "heading", 7) == 0) {
    const char *p = name + 7;
    while (*p == ' ') p++;
    return *p >= '1' && *p <= '6' && !p[1] ? *p - '0' : -1;
  }
  return strcasecmp(name, "Title") == 0 ? 1 : -1;
}

static void on_elem(gk__docx_styles *m, xmlTextReaderPtr rd, const xmlChar *name, dstyle **cur) {
  if (is(name, "w:style")) {
    *cur = NULL;
    if (m->n >= MAX_STYLES) return;
    *cur = &m->s[m->n++];
    memset(*cur, 0, sizeof **cur);
    copy_attr(rd, "w:styleId", (*cur)->id, sizeof (*cur)->id);
    (*cur)->level = -1;
    (*cur)->num_id = -1;
  } else if (!*cur) {
    return;
  } else if (is(name, "w:name")) {
    int k = name_level(rd);
    if (k > 0 && (*cur)->level < 0) (*cur)->level = k;
  } else if (is(name, "w:basedOn")) {
    copy_attr(rd, "w:val", (*cur)->based, sizeof (*cur)->based);
  } else if (is(name, "w:outlineLvl")) {
    int k = gk__docx_attr_int(rd, "w:val", 9);
    (*cur)->level = k < 6 ? k + 1 : 0;
  } else if (is(name, "w:numId")) {
    (*cur)->num_id = gk__docx_attr_int(rd, "w:val", 0);
  } else if (is(name, "w:ilvl")) {
    (*cur)->ilvl = gk__docx_attr_int(rd, "w:val", 0);
  }
}

static int by_id(const void *a, const void *b) {
  return strcmp(((const dstyle *)a)->id, ((const dstyle *)b)->id);
}

int gk__docx_styles_load(gk__docx_styles **out, struct zip *za) {
  *out = NULL;
  zip_file_t *zf = zip_fopen(za, "word/styles.xml", 0);
  if (!zf) return GK_OK;
  gk__docx_styles *m = gk__calloc(1, sizeof *m);
  if (m) m->s = gk__calloc(MAX_STYLES, sizeof *m->s);
  gk__zstream z = {zf, 0, MAX_STYLE_XML, 0, 0};
  xmlTextReaderPtr rd = m && m->s ? xmlReaderForIO(gk__zstream_read, NULL, &z, NULL, NULL,
                                                   XML_PARSE_NONET | XML_PARSE_NOERROR |
                                                       XML_PARSE_NOWARNING)
                                  : NULL;
  if (!rd) {
    gk__docx_styles_free(m);
    zip_fclose(zf);
    return GK_ENOMEM;
  }
  dstyle *cur = NULL;
  while (xmlTextReaderRead(rd) == 1) {
    int t = xmlTextReaderNodeType(rd);
    const xmlChar *name = xmlTextReaderConstName(rd);
    if (t == XML_READER_TYPE_ELEMENT) on_elem(m, rd, name, &cur);
    else if (t == XML_READER_TYPE_END_ELEMENT && is(name, "w:style")) cur = NULL;
  }
  xmlFreeTextReader(rd);
  zip_fclose(zf);
  qsort(m->s, m->n, sizeof *m->s, by_id);
  *out = m; /* a damaged styles part gives what it could */
  return GK_OK;
}

void gk__docx_styles_free(gk__docx_styles *m) {
  if (!m) return;
  gk__free(m->s);
  gk__free(m);
}

static const dstyle *find(const gk__docx_styles *m, const char *id) {
  dstyle key;
  if (!id[0] || strlen(id) >= sizeof key.id) return NULL;
  strcpy(key.id, id);
  return bsearch(&key, m->s, m->n, sizeof *m->s, by_id);
}

void gk__docx_style_get(const gk__docx_styles *m, const char *id, int *level, int *num_id,
                        int *ilvl) {
  *level = -1;
  *num_id = -1;
  *ilvl = 0;
  const dstyle *s = m ? find(m, id) : NULL;
  for (int depth = 0; s && depth < MAX_BASED_DEPTH; depth++) {
    if (*level < 0) *level = s->level;
    if (*num_id < 0 && s->num_id >= 0) {
      *num_id = s->num_id;
      *ilvl = s->ilvl;
    }
    s = s->based[0] ? find(m, s->based) : NULL;
  }
}
