/* SPDX-License-Identifier: MIT */
/* libgkreport: which tables of a .docx are layout, not data (read_doc.h). Some
 * offices' templates put the whole report inside one cell of a table (a
 * bordered frame), or in a wide column beside a narrow one, or a heading in a
 * one-cell table. Such a table is a container: its paragraphs are the
 * document's paragraphs and the tables nested in it are its tables. The DOCX
 * reader streams and must know at a table's start what the table is, so this
 * pass reads the main part once before it and decides from structure only
 * (never from wording): a table of at most three columns is a frame when it
 * has one cell, when a cell holds a nested table and no single line beside it
 * (none, or paragraphs around it: headings and text), or when a cell holds
 * prose (three paragraphs or more, 300 bytes of text or more). A table nested
 * in a data table is data. Tables are numbered as the reader meets them: the
 * subtrees the reader skips (gk__docx_skipped) are skipped here too, and so
 * are tables nested deeper than GK__DOCX_MAX_TABLE_DEPTH. */
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "read_doc.h"

#define NO_PARENT UINT32_MAX
#define FRAME_WIDEST 3u
#define PROSE_PARAS 3u
#define PROSE_BYTES 300u

typedef struct {
  uint32_t ord, cells, widest, rowcells;
  uint32_t paras, bytes, pbytes; /* the open cell: paragraphs with text, text bytes; the open paragraph's */
  int nested_here;               /* the open cell holds a nested table */
  int frame;                     /* a cell said it is a container */
} ftab;

typedef struct {
  ftab st[GK__DOCX_MAX_TABLE_DEPTH];
  int n;
  uint8_t *own;     /* own[ord]: the table's own structure says frame */
  uint32_t *parent; /* parent[ord]: the enclosing table's ord, NO_PARENT */
  uint32_t count, cap;
  int in_t, rc;
} fscan;

static int is(const xmlChar *name, const char *w) { return name && strcmp((const char *)name, w) == 0; }

static int grow(fscan *s) {
  if (s->count < s->cap) return GK_OK;
  if (s->cap >= UINT32_MAX / 4) return GK_EOVERFLOW;
  uint32_t nc = s->cap ? s->cap * 2 : 16;
  uint8_t *o = gk__realloc(s->own, nc);
  if (!o) return GK_ENOMEM;
  s->own = o;
  uint32_t *p = gk__realloc(s->parent, (size_t)nc * sizeof *p);
  if (!p) return GK_ENOMEM;
  s->parent = p;
  s->cap = nc;
  return GK_OK;
}

/* The open cell ends: does it say its table is a container? */
static void cell_done(ftab *t) {
  if (t->nested_here && (t->paras == 0 || t->paras >= 2)) t->frame = 1;
  if (t->paras >= PROSE_PARAS && t->bytes >= PROSE_BYTES) t->frame = 1;
  t->paras = t->bytes = t->pbytes = 0;
  t->nested_here = 0;
}

static void table_open(fscan *s) {
  if ((s->rc = grow(s)) != GK_OK) return;
  ftab *up = s->n ? &s->st[s->n - 1] : NULL;
  if (up) up->nested_here = 1;
  ftab *t = &s->st[s->n++];
  memset(t, 0, sizeof *t);
  t->ord = s->count++;
  s->parent[t->ord] = up ? up->ord : NO_PARENT;
}

static void table_close(fscan *s) {
  ftab *t = &s->st[--s->n];
  s->own[t->ord] = (uint8_t)(t->widest <= FRAME_WIDEST && (t->cells == 1 || t->frame));
}

/* One element start; 1 when its subtree is to be skipped. */
static int on_start(fscan *s, const xmlChar *name, int empty) {
  ftab *t = s->n ? &s->st[s->n - 1] : NULL;
  if (is(name, "w:tbl")) {
    if (empty) return 0;
    if (s->n >= GK__DOCX_MAX_TABLE_DEPTH) return 1;
    table_open(s);
  } else if (t && is(name, "w:tr")) {
    t->rowcells = 0;
  } else if (t && is(name, "w:tc")) {
    t->cells++;
    if (++t->rowcells > t->widest) t->widest = t->rowcells;
    t->paras = t->bytes = t->pbytes = 0;
    t->nested_here = 0;
  } else if (is(name, "w:t")) {
    s->in_t = !empty;
  } else if (t && is(name, "w:p") && empty) {
    t->pbytes = 0;
  } else if (!empty && gk__docx_skipped(name)) {
    return 1;
  }
  return 0;
}

static void on_end(fscan *s, const xmlChar *name) {
  ftab *t = s->n ? &s->st[s->n - 1] : NULL;
  if (is(name, "w:t")) {
    s->in_t = 0;
  } else if (t && is(name, "w:p")) {
    t->paras += t->pbytes > 0;
    t->pbytes = 0;
  } else if (t && is(name, "w:tc")) {
    cell_done(t);
  } else if (t && is(name, "w:tbl")) {
    table_close(s);
  }
}

static void on_text(fscan *s, xmlTextReaderPtr rd) {
  if (!s->in_t || !s->n) return;
  const xmlChar *v = xmlTextReaderConstValue(rd);
  size_t k = v ? strlen((const char *)v) : 0;
  ftab *t = &s->st[s->n - 1];
  t->bytes = k > UINT32_MAX - t->bytes ? UINT32_MAX : t->bytes + (uint32_t)k;
  t->pbytes = k > UINT32_MAX - t->pbytes ? UINT32_MAX : t->pbytes + (uint32_t)k;
}

/* The frames of the scan: a table is one when its own structure says so and
 * every table around it is one too. */
static uint8_t *frames_of(fscan *s) {
  for (uint32_t i = 0; i < s->count; i++)
    if (s->parent[i] != NO_PARENT && !s->own[s->parent[i]]) s->own[i] = 0;
  uint8_t *out = s->own;
  s->own = NULL;
  return out;
}

static void quiet(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc) {
  (void)arg, (void)msg, (void)sev, (void)loc;
}

int gk__docx_frames(struct zip *za, const char *part, size_t cap, uint8_t **frames, uint32_t *n) {
  *frames = NULL;
  *n = 0;
  zip_file_t *zf = zip_fopen(za, part, 0);
  if (!zf) return GK_OK; /* the reader says what is missing */
  gk__zstream z = {zf, 0, cap, 0, 0};
  xmlTextReaderPtr rd = xmlReaderForIO(gk__zstream_read, NULL, &z, NULL, NULL,
                                       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!rd) {
    zip_fclose(zf);
    return GK_ENOMEM;
  }
  xmlTextReaderSetErrorHandler(rd, quiet, NULL);
  fscan s;
  memset(&s, 0, sizeof s);
  int r = xmlTextReaderRead(rd);
  while (r == 1 && !s.rc) {
    int type = xmlTextReaderNodeType(rd), skip = 0;
    if (type == XML_READER_TYPE_ELEMENT)
      skip = on_start(&s, xmlTextReaderConstName(rd), xmlTextReaderIsEmptyElement(rd));
    else if (type == XML_READER_TYPE_END_ELEMENT)
      on_end(&s, xmlTextReaderConstName(rd));
    else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
             type == XML_READER_TYPE_CDATA)
      on_text(&s, rd);
    r = skip ? xmlTextReaderNext(rd) : xmlTextReaderRead(rd);
  }
  xmlFreeTextReader(rd);
  zip_fclose(zf);
  while (s.n) table_close(&s); /* a cut file: its open tables judged as they stand */
  int rc = s.rc == GK_ENOMEM ? GK_ENOMEM : GK_OK; /* a bad file: the reader says where */
  if (!rc && !s.rc) {
    *frames = frames_of(&s);
    *n = s.count;
  }
  gk__free(s.own);
  gk__free(s.parent);
  return rc;
}
