/* SPDX-License-Identifier: MIT */
/* libgkreport: the DOCX reader. libzip opens the file in memory (nothing is
 * written to disk); [Content_Types].xml names the main part (word/document.xml)
 * and libxml2's xmlReader streams it, inflated chunk by chunk under a cap (zip
 * bombs stop there). Paragraphs (w:p, text over runs, w:tab, w:br) and tables
 * (w:tbl/w:tr/w:tc, w:gridSpan, w:vMerge restart/continue, w:gridBefore,
 * nested tables) become the grid of grid.h with DOCX positions: a cell is
 * (table << 16 | row, cell), a paragraph its number. Headers, footers and
 * footnotes are other parts: not read. A row goes to the grid when it ends, so
 * the rows of a table nested in a cell come before the row that holds it.
 * A table used as a frame (read_docx_frame.c says which) has no rows: its
 * paragraphs are the body's and its nested tables the document's tables.
 * Text boxes (w:txbxContent) float: their paragraphs are read, after the
 * paragraph that anchors them, as paragraphs of their own (in a cell, as lines
 * of the cell), a table in one as a table; Word's VML copy (mc:Fallback) is
 * not. Tracked changes are read
 * as accepted: w:ins kept; w:del, w:moveFrom, deleted rows and the old
 * properties of formatting changes dropped. Paragraph styles (styles.xml,
 * read_docx_style.c) give heading levels and numbering. */
#include <stdlib.h>
#include <string.h>
#include <zip.h>
#include <libxml/xmlreader.h>
#include "read_doc.h"
#include "text_int.h"
#include "gkreport/document.h"

#define MAX_TABLE_DEPTH GK__DOCX_MAX_TABLE_DEPTH
#define NO_CELL UINT32_MAX

typedef struct {
  uint32_t off, len, x, cellno;
  uint16_t colspan;
  int vmerge; /* 0 none, 1 restart, 2 continue */
} rcell;

typedef struct {
  uint32_t tno, row, cellno, x;
  gk__buf text;           /* texts of the open row's cells */
  rcell *cells;
  size_t ncells, capcells;
  uint32_t *vm;           /* vm[x]: grid index of the cell a vMerge continues, NO_CELL */
  uint32_t capvm;
  int in_tc;
  int row_deleted; /* the open row is deleted under tracked changes (w:trPr/w:del) */
  int row_nested;  /* a table is nested in a cell of the open row */
  int layout;      /* a frame (gk__docx_frames): its paragraphs are the body's, no rows */
  int box;         /* the text box depth (in_txbx) it opened at */
} tctx;

typedef struct {
  gk__grid *g;
  gk_diags *d;
  const char *file;
  int rc;
  xmlTextReaderPtr rd;
  tctx tab[MAX_TABLE_DEPTH];
  int ntab;           /* open tables */
  int skipped_tables; /* nested deeper than MAX_TABLE_DEPTH: not read */
  int skipped, skip_rc; /* the reader moved past a subtree: its next node is current */
  uint32_t ntables, npara;
  int in_t, pending;
  int in_run, run_script, run_wrote; /* a w:r open; it is raised or lowered (w:vertAlign); it put text */
  int run_hidden;                     /* the open run is hidden text (w:vanish) */
  gk__buf para;       /* a body paragraph's text */
  uint8_t hlevel;
  gk__docx_num *num;  /* automatic numbering (NULL: none) */
  gk__docx_styles *styles; /* paragraph styles (NULL: none) */
  int in_numpr, ilvl;
  int para_num;       /* the paragraph has its own w:numPr */
  int style_num, style_ilvl; /* numbering its style carries (<= 0 none) */
  int in_txbx;        /* inside a text box (w:txbxContent) */
  gk__buf txbx;       /* a text box's paragraphs, one a line, until its anchor ends */
  uint8_t *frames;    /* frames[k]: the k-th table met is a frame (gk__docx_frames) */
  uint32_t nframes, tables_met;
} dw;

static int is(const xmlChar *name, const char *w) { return name && strcmp((const char *)name, w) == 0; }

/* The innermost table when it is a data table whose cell the text goes to
 * (no text box opened inside it since), else NULL. */
static tctx *cell_tab(dw *w) {
  tctx *t = w->ntab ? &w->tab[w->ntab - 1] : NULL;
  return t && !t->layout && t->box == w->in_txbx ? t : NULL;
}

/* In the body: no text box, no table but frames. */
static int body(const dw *w) { return !w->in_txbx && (!w->ntab || w->tab[w->ntab - 1].layout); }

/* The text sink: the open cell of the innermost data table, else the text
 * box, else the paragraph. */
static gk__buf *sink(dw *w) {
  tctx *t = cell_tab(w);
  if (t) return t->in_tc ? &t->text : NULL;
  if (w->in_txbx) return &w->txbx;
  return &w->para;
}

/* A decimal attribute: its leading digits (at most 100000), dflt when it has none. */
int gk__docx_attr_int(struct _xmlTextReader *rd, const char *name, int dflt) {
  xmlChar *v = xmlTextReaderGetAttribute(rd, (const xmlChar *)name);
  if (!v) return dflt;
  int k = 0, any = 0;
  for (const xmlChar *p = v; *p >= '0' && *p <= '9' && k < 100000; p++, any = 1) k = k * 10 + (*p - '0');
  xmlFree(v);
  return any ? k : dflt;
}

static int attr_int(dw *w, const char *name, int dflt) { return gk__docx_attr_int(w->rd, name, dflt); }

static void tctx_free(tctx *t) {
  gk__buf_free(&t->text);
  gk__free(t->cells);
  gk__free(t->vm);
  memset(t, 0, sizeof *t);
}

static uint32_t docx_line(uint32_t tno, uint32_t row) {
  return (tno > 0xffff ? 0xffff : tno) << 16 | (row > 0xffff ? 0xffff : row);
}

static int vm_at(tctx *t, uint32_t x, uint32_t **slot) {
  if (x >= GK__DOC_MAX_COLS) return GK_EINVAL;
  if (x >= t->capvm) {
    uint32_t nc = t->capvm ? t->capvm : 16;
    while (nc <= x) nc *= 2;
    uint32_t *p = gk__realloc(t->vm, nc * sizeof *p);
    if (!p) return GK_ENOMEM;
    for (uint32_t k = t->capvm; k < nc; k++) p[k] = NO_CELL;
    t->vm = p;
    t->capvm = nc;
  }
  *slot = &t->vm[x];
  return GK_OK;
}

/* The open row's cells hold no text but white space. */
static int row_blank(const tctx *t) {
  for (size_t i = 0; i < t->text.len; i++)
    if (t->text.data[i] != ' ' && t->text.data[i] != '\n' && t->text.data[i] != '\t') return 0;
  return 1;
}

/* </w:tr>: the row's cells go to the grid; a vMerge continuation widens the
 * cell it continues instead of being a cell. A deleted row is none, and
 * neither is a row that only holds nested tables (their rows went before). */
static void row_end(dw *w, tctx *t) {
  if (t->row_deleted || (t->row_nested && row_blank(t))) {
    t->row_deleted = t->row_nested = 0;
    t->ncells = 0;
    t->text.len = 0;
    return;
  }
  gk__gpos rp = {docx_line(t->tno, t->row), 0};
  gk__grid_row(w->g, GK__BLK_ROW, t->tno, t->row, rp);
  for (size_t i = 0; i < t->ncells && !w->rc; i++) {
    rcell *c = &t->cells[i];
    uint32_t *slot = NULL;
    int rc = vm_at(t, c->x, &slot);
    if (rc == GK_ENOMEM) w->rc = rc;
    if (rc) continue;
    if (c->vmerge == 2 && *slot != NO_CELL && *slot < w->g->ncells) {
      gk__gcell *up = &w->g->cells[*slot];
      if (up->rowspan < GK__DOC_MAX_ROWSPAN) up->rowspan++;
      continue;
    }
    gk__gpos pos = {docx_line(t->tno, t->row), c->cellno};
    *slot = c->vmerge == 1 ? (uint32_t)w->g->ncells : NO_CELL;
    for (uint32_t k = 1; k < c->colspan; k++) {
      uint32_t *s2 = NULL;
      if (vm_at(t, c->x + k, &s2) == GK_OK) *s2 = NO_CELL;
    }
    gk__grid_cell(w->g, t->text.data ? t->text.data + c->off : "", c->len, c->x, 1, c->colspan, 0,
                  pos);
  }
  t->ncells = 0;
  t->text.len = 0;
  if (t->text.err || w->g->err) w->rc = t->text.err ? GK_ENOMEM : w->g->err;
}

static void cell_start(dw *w, tctx *t) {
  if (t->ncells == t->capcells) {
    size_t nc = t->capcells ? t->capcells * 2 : 16;
    rcell *p = gk__realloc(t->cells, nc * sizeof *p);
    if (!p) {
      w->rc = GK_ENOMEM;
      return;
    }
    t->cells = p;
    t->capcells = nc;
  }
  rcell *c = &t->cells[t->ncells++];
  memset(c, 0, sizeof *c);
  c->off = (uint32_t)t->text.len;
  c->x = t->x;
  c->cellno = ++t->cellno;
  c->colspan = 1;
  t->in_tc = 1;
  w->pending = 0;
}

static void cell_end(tctx *t) {
  if (!t->ncells) return;
  rcell *c = &t->cells[t->ncells - 1];
  c->len = (uint32_t)t->text.len - c->off;
  uint32_t next = t->x + c->colspan;
  t->x = next > GK__DOC_MAX_COLS ? GK__DOC_MAX_COLS : next;
  t->in_tc = 0;
}

/* The paragraphs of the text boxes anchored in the paragraph that just ended:
 * after it, as paragraphs of their own (in a cell: lines of cell b). A text
 * box floats; its text is no part of the anchoring paragraph's. */
static void txbx_flush(dw *w, gk__buf *b) {
  if (w->txbx.err) w->rc = GK_ENOMEM;
  for (size_t i = 0; i < w->txbx.len && !w->rc;) {
    const char *s = w->txbx.data + i, *nl = memchr(s, '\n', w->txbx.len - i);
    size_t n = nl ? (size_t)(nl - s) : w->txbx.len - i;
    if (b) {
      gk__buf_put(b, s, n);
      gk__buf_putc(b, '\n');
    } else if (n) {
      gk__gpos pos = {w->npara, 0};
      gk__grid_para(w->g, GK__BLK_PARA, 0, s, n, pos);
    }
    i += n + 1;
  }
  w->txbx.len = 0;
}

/* The body paragraph collected so far goes to the grid. */
static void para_put(dw *w) {
  gk__gpos pos = {w->npara, 0};
  if (w->para.err) w->rc = GK_ENOMEM;
  else if (w->para.len)
    gk__grid_para(w->g, w->hlevel ? GK__BLK_HEADING : GK__BLK_PARA, w->hlevel, w->para.data,
                  w->para.len, pos);
  w->para.len = 0;
  w->pending = 0;
}

static void para_end(dw *w) {
  tctx *t = cell_tab(w);
  if (w->in_txbx && !t) { /* a paragraph of a text box: a line of its text */
    if (w->txbx.len && w->txbx.data[w->txbx.len - 1] != '\n') gk__buf_putc(&w->txbx, '\n');
    w->pending = 0;
    return;
  }
  if (t) {
    gk__buf *b = sink(w);
    if (b && b->len && b->data[b->len - 1] != '\n') gk__buf_putc(b, '\n');
    w->pending = 0;
    if (w->txbx.len && !t->box) txbx_flush(w, b);
    return;
  }
  para_put(w);
  if (w->txbx.len) txbx_flush(w, NULL);
}

/* A paragraph style or outline level that makes a heading: its level; the
 * numbering a style carries is kept for the end of the paragraph's w:pPr. */
static void para_style(dw *w, const xmlChar *name) {
  if (is(name, "w:outlineLvl")) {
    int k = attr_int(w, "w:val", 9);
    if (k < 6 && body(w)) w->hlevel = (uint8_t)(k + 1);
    return;
  }
  xmlChar *v = xmlTextReaderGetAttribute(w->rd, (const xmlChar *)"w:val");
  if (!v) return;
  const char *s = (const char *)v;
  int level = -1;
  gk__docx_style_get(w->styles, s, &level, &w->style_num, &w->style_ilvl);
  if (level < 0 && (strncmp(s, "Heading", 7) == 0 || strncmp(s, "heading", 7) == 0)) {
    const char *p = s + 7; /* no styles part: Word's English style ids */
    while (*p == ' ') p++;
    if (*p >= '1' && *p <= '6') level = *p - '0';
  } else if (level < 0 && strcmp(s, "Title") == 0) {
    level = 1;
  }
  if (level > 0 && level <= 6 && body(w)) w->hlevel = (uint8_t)level;
  xmlFree(v);
}

/* End of a paragraph's properties: the number its style carries, unless the
 * paragraph numbers itself (w:numPr, numId 0 included). */
static void ppr_end(dw *w) {
  gk__buf *b = sink(w);
  if (!w->para_num && w->style_num > 0 && b)
    gk__docx_num_put(w->num, w->style_num, w->style_ilvl, b);
  w->style_num = -1;
}

/* w:sym: the character, unless it is a symbol font's private-use glyph. */
static void put_sym(dw *w) {
  gk__buf *b = sink(w);
  xmlChar *v = xmlTextReaderGetAttribute(w->rd, (const xmlChar *)"w:char");
  unsigned long cp = v ? strtoul((const char *)v, NULL, 16) : 0;
  xmlFree(v);
  if (!b || cp < 0x20 || (cp >= 0xE000 && cp <= 0xF8FF) || (cp >= 0xD800 && cp <= 0xDFFF) ||
      cp > 0x10FFFF)
    return;
  char u[4];
  size_t n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  static const unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
  for (size_t k = n; k-- > 1; cp >>= 6) u[k] = (char)(0x80 | (cp & 0x3F));
  u[0] = (char)(n == 1 ? cp : (lead[n] | cp));
  gk__doc_put_text(b, u, n, &w->pending);
}

/* A table opens in a text box anchored in the body: the anchoring paragraph
 * so far and the box's paragraphs before the table go out first, in order. */
static void box_table(dw *w) {
  if (!w->in_txbx || cell_tab(w)) return;
  for (int i = w->ntab; i-- > 0;)
    if (!w->tab[i].layout) return; /* the box is in a data table's cell */
  para_put(w);
  txbx_flush(w, NULL);
}

static void table_start(dw *w) {
  if (w->ntab >= MAX_TABLE_DEPTH) {
    w->skipped_tables++;
    w->skip_rc = xmlTextReaderNext(w->rd); /* the whole nested table is skipped */
    w->skipped = 1;
    return;
  }
  uint32_t k = w->tables_met++;
  int layout = k < w->nframes && w->frames[k];
  if (!layout) box_table(w);
  tctx *up = cell_tab(w);
  if (up && up->in_tc) up->row_nested = 1;
  tctx *t = &w->tab[w->ntab++];
  memset(t, 0, sizeof *t);
  gk__buf_init(&t->text);
  t->layout = layout;
  t->box = w->in_txbx;
  if (!layout) t->tno = ++w->ntables;
}

static void table_end(dw *w) {
  if (!w->ntab) return;
  tctx *t = &w->tab[--w->ntab];
  if (t->ncells) row_end(w, t);
  tctx_free(t);
}

/* Skip the subtree of the current element (its content is not read). */
static void skip(dw *w) {
  w->skip_rc = xmlTextReaderNext(w->rd);
  w->skipped = 1;
}

/* Subtrees not read: Word's second copy of the same content, deleted and
 * moved-away text, field codes, and the old properties of tracked formatting
 * changes (an old w:pPr may carry its own numbering). */
static const char *const skipped_tags[] = {
    "mc:Fallback", "w:del", "w:moveFrom", "w:instrText", "w:delInstrText", "w:pPrChange",
    "w:rPrChange", "w:tblPrChange", "w:trPrChange", "w:tcPrChange", "w:sectPrChange",
    "w:numberingChange", NULL};

int gk__docx_skipped(const unsigned char *name) {
  for (int i = 0; skipped_tags[i]; i++)
    if (is(name, skipped_tags[i])) return 1;
  return 0;
}

/* Table structure tags; 1 when name was one. A frame's rows and cells are
 * not read as such: its paragraphs are the body's. */
static int on_table_tag(dw *w, tctx *t, const xmlChar *name, int empty) {
  if (is(name, "w:tbl")) {
    if (empty) return 1;
    if (body(w)) para_end(w);
    table_start(w);
  } else if (!t || t->layout || t->box != w->in_txbx) {
    return 0;
  } else if (is(name, "w:tr")) {
    if (t->ncells) row_end(w, t);
    t->row++;
    t->cellno = 0;
    t->x = 0;
    t->row_deleted = t->row_nested = 0;
  } else if (is(name, "w:gridBefore")) {
    int k = attr_int(w, "w:val", 0);
    t->x = k > 0 && (uint32_t)k < GK__DOC_MAX_COLS ? (uint32_t)k : t->x;
  } else if (is(name, "w:tc")) {
    cell_start(w, t);
  } else if (t->in_tc && t->ncells && is(name, "w:gridSpan")) {
    int k = attr_int(w, "w:val", 1);
    t->cells[t->ncells - 1].colspan =
        (uint16_t)(k < 1 ? 1 : k > (int)GK__DOC_MAX_COLSPAN ? (int)GK__DOC_MAX_COLSPAN : k);
  } else if (t->in_tc && t->ncells && is(name, "w:vMerge")) {
    xmlChar *v = xmlTextReaderGetAttribute(w->rd, (const xmlChar *)"w:val");
    t->cells[t->ncells - 1].vmerge = (v && strcmp((const char *)v, "restart") == 0) ? 1 : 2;
    xmlFree(v);
  } else if (!t->in_tc && is(name, "w:del")) { /* in w:trPr: the row is deleted */
    t->row_deleted = 1;
    if (!empty) skip(w);
  } else {
    return 0;
  }
  return 1;
}

/* Characters a run holds besides w:t. */
static int on_run_char(dw *w, const xmlChar *name) {
  gk__buf *b = sink(w);
  if (is(name, "w:tab") || is(name, "w:br") || is(name, "w:cr")) {
    if (!b) return 1;
    if (is(name, "w:tab") && !body(w)) { /* a tab in a cell is a space */
      w->pending = 1;
      return 1;
    }
    if (is(name, "w:tab")) gk__buf_putc(b, '\t');
    else if (b->len && b->data[b->len - 1] != '\n') gk__buf_putc(b, '\n');
    w->pending = 0;
  } else if (is(name, "w:noBreakHyphen")) {
    if (b) gk__doc_put_text(b, "-", 1, &w->pending);
  } else if (is(name, "w:sym")) {
    put_sym(w);
  } else {
    return 0; /* w:softHyphen and the rest: nothing to show */
  }
  return 1;
}

/* A run starts (w:r), or says it is raised or lowered (w:vertAlign
 * superscript or subscript: a note mark typed after a value), or hidden
 * (w:vanish, unless w:val is 0 or false: its text is not read). */
static void run_start(dw *w, const xmlChar *name, int empty) {
  if (is(name, "w:r")) {
    w->in_run = !empty;
    w->run_script = w->run_wrote = w->run_hidden = 0;
    return;
  }
  xmlChar *v = xmlTextReaderGetAttribute(w->rd, (const xmlChar *)"w:val");
  if (is(name, "w:vanish")) {
    w->run_hidden = !v || (strcmp((const char *)v, "0") != 0 && strcmp((const char *)v, "false") != 0);
    xmlFree(v);
    return;
  }
  w->run_script = v && (strcmp((const char *)v, "superscript") == 0 || strcmp((const char *)v, "subscript") == 0);
  xmlFree(v);
}

/* In a table cell a raised or lowered run stands apart from the text beside
 * it (when at is set: before its first text, after its end), so that its
 * digits never run into a number ("8" and a mark "3" are not 83). */
static void script_apart(dw *w, int at) {
  if (at && w->run_script && cell_tab(w) && !w->pending) w->pending = 1;
}

/* One start tag of word/document.xml. */
static void on_start(dw *w, const xmlChar *name, int empty) {
  tctx *t = w->ntab ? &w->tab[w->ntab - 1] : NULL;
  if (is(name, "w:p")) {
    if (body(w)) {
      w->npara++;
      w->hlevel = 0;
    }
    w->para_num = 0;
    w->style_num = -1;
    if (empty) para_end(w);
  } else if (is(name, "w:t")) {
    w->in_t = !empty;
  } else if (is(name, "w:r") || (w->in_run && (is(name, "w:vertAlign") || is(name, "w:vanish")))) {
    run_start(w, name, empty);
  } else if (on_table_tag(w, t, name, empty) || on_run_char(w, name)) {
    return;
  } else if (is(name, "w:txbxContent")) {
    w->in_txbx += !empty;
  } else if (is(name, "w:pPr") && empty) {
    ppr_end(w);
  } else if (is(name, "w:numPr")) {
    w->in_numpr = !empty;
    w->ilvl = 0;
    w->para_num = 1;
  } else if (w->in_numpr && is(name, "w:ilvl")) {
    w->ilvl = attr_int(w, "w:val", 0);
  } else if (w->in_numpr && is(name, "w:numId")) {
    gk__buf *b = sink(w); /* the number goes in front of the paragraph's text */
    if (b) gk__docx_num_put(w->num, attr_int(w, "w:val", 0), w->ilvl, b);
  } else if (is(name, "w:pStyle") || is(name, "w:outlineLvl")) {
    para_style(w, name);
  } else if (!empty && gk__docx_skipped(name)) {
    skip(w);
  }
}

static void on_end(dw *w, const xmlChar *name) {
  tctx *t = w->ntab ? &w->tab[w->ntab - 1] : NULL;
  if (is(name, "w:r")) script_apart(w, w->run_wrote), w->in_run = 0;
  else if (is(name, "w:p")) para_end(w);
  else if (is(name, "w:t")) w->in_t = 0;
  else if (is(name, "w:pPr")) ppr_end(w);
  else if (is(name, "w:numPr")) w->in_numpr = 0;
  else if (is(name, "w:txbxContent") && w->in_txbx) w->in_txbx--;
  else if (is(name, "w:tbl") && t && t->box == w->in_txbx) table_end(w);
  else if (!t || t->layout || t->box != w->in_txbx) return;
  else if (is(name, "w:tc")) cell_end(t);
  else if (is(name, "w:tr") && t->ncells) row_end(w, t);
}

static void on_text(dw *w) {
  if (!w->in_t || (w->in_run && w->run_hidden)) return;
  gk__buf *b = sink(w);
  const xmlChar *v = xmlTextReaderConstValue(w->rd);
  if (!b || !v) return;
  script_apart(w, !w->run_wrote);
  w->run_wrote = 1;
  gk__doc_put_text(b, (const char *)v, strlen((const char *)v), &w->pending);
}

/* ------------------------------------------------------------------ the zip */

/* libxml2 errors are not printed (the library never prints): the reader's
 * return value and line carry them. */
static void quiet(void *arg, const char *msg, xmlParserSeverities sev, xmlTextReaderLocatorPtr loc) {
  (void)arg;
  (void)msg;
  (void)sev;
  (void)loc;
}

int gk__zstream_read(void *ctx, char *buf, int len) {
  gk__zstream *z = ctx;
  if (len <= 0) return 0;
  zip_int64_t n = zip_fread(z->zf, buf, (zip_uint64_t)len);
  if (n < 0) {
    z->failed = 1;
    return -1;
  }
  z->total += (size_t)n;
  if (z->total > z->cap) {
    z->over = 1;
    return -1;
  }
  return (int)n;
}

static int docx_error(gk_diags *d, const char *file, uint32_t line, const char *zh, const char *en) {
  int rc = gk__doc_diag(d, GK_SEV_ERROR, "import.docx", file, line, 0, zh, en);
  return rc ? rc : GK_EPARSE;
}

/* The main part named by [Content_Types].xml into part (cap bytes): GK_OK, or
 * GK_ENOTFOUND when the file has no [Content_Types].xml, GK_EPARSE when it names
 * no Word document (its content type), GK_ENOMEM. */
static int main_part(zip_t *za, char *part, size_t cap) {
  zip_file_t *zf = zip_fopen(za, "[Content_Types].xml", 0);
  if (!zf) return GK_ENOTFOUND;
  gk__zstream z = {zf, 0, (size_t)1 << 20, 0, 0};
  xmlTextReaderPtr rd = xmlReaderForIO(gk__zstream_read, NULL, &z, NULL, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!rd) {
    zip_fclose(zf);
    return GK_ENOMEM;
  }
  xmlTextReaderSetErrorHandler(rd, quiet, NULL);
  int found = 0;
  while (!found && xmlTextReaderRead(rd) == 1) {
    if (xmlTextReaderNodeType(rd) != XML_READER_TYPE_ELEMENT ||
        !is(xmlTextReaderConstLocalName(rd), "Override"))
      continue;
    xmlChar *ct = xmlTextReaderGetAttribute(rd, (const xmlChar *)"ContentType");
    xmlChar *pn = xmlTextReaderGetAttribute(rd, (const xmlChar *)"PartName");
    const char *c = ct ? (const char *)ct : "";
    size_t n = strlen(c);
    if (pn && n > 9 && strcmp(c + n - 9, ".main+xml") == 0 && strstr(c, "word") && pn[0] == '/' &&
        strlen((const char *)pn) < cap) {
      strcpy(part, (const char *)pn + 1);
      found = 1;
    }
    xmlFree(ct);
    xmlFree(pn);
  }
  xmlFreeTextReader(rd);
  zip_fclose(zf);
  return found ? GK_OK : GK_EPARSE;
}

static int open_zip(zip_t **za, const char *bytes, size_t len, const char *file, gk_diags *d) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(bytes, len, 0, &ze);
  *za = src ? zip_open_from_source(src, ZIP_RDONLY, &ze) : NULL;
  int code = zip_error_code_zip(&ze);
  zip_error_fini(&ze);
  if (*za) return GK_OK;
  if (src) zip_source_free(src);
  if (code == ZIP_ER_MEMORY) return GK_ENOMEM;
  return docx_error(d, file, 0, "不是可读的.docx文件：zip结构损坏或被截断",
                    "not a readable .docx file: the zip structure is damaged or truncated");
}

/* Stream the main part into the grid. */
static int read_body(dw *w, zip_t *za, const char *part, size_t cap) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat(za, part, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) && st.size > cap)
    return gk__doc_too_large(w->d, w->file, "word/document.xml", (size_t)st.size, cap);
  zip_file_t *zf = zip_fopen(za, part, 0);
  if (!zf)
    return docx_error(w->d, w->file, 0, "文件中没有正文部分（word/document.xml）",
                      "the file has no main document part (word/document.xml)");
  gk__zstream z = {zf, 0, cap, 0, 0};
  w->rd = xmlReaderForIO(gk__zstream_read, NULL, &z, NULL, NULL,
                                        XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (!w->rd) {
    zip_fclose(zf);
    return GK_ENOMEM;
  }
  xmlTextReaderSetErrorHandler(w->rd, quiet, NULL);
  int r = xmlTextReaderRead(w->rd);
  while (r == 1 && !w->rc) {
    int type = xmlTextReaderNodeType(w->rd);
    w->skipped = 0;
    if (type == XML_READER_TYPE_ELEMENT)
      on_start(w, xmlTextReaderConstName(w->rd), xmlTextReaderIsEmptyElement(w->rd));
    else if (type == XML_READER_TYPE_END_ELEMENT)
      on_end(w, xmlTextReaderConstName(w->rd));
    else if (type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE ||
             type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_CDATA)
      on_text(w);
    r = w->skipped ? w->skip_rc : xmlTextReaderRead(w->rd);
  }
  uint32_t line = (uint32_t)(xmlTextReaderGetParserLineNumber(w->rd) > 0
                                 ? xmlTextReaderGetParserLineNumber(w->rd) : 0);
  xmlFreeTextReader(w->rd);
  w->rd = NULL;
  zip_fclose(zf);
  if (w->rc) return w->rc;
  if (z.over) return gk__doc_too_large(w->d, w->file, "word/document.xml", z.total, cap);
  if (z.failed)
    return docx_error(w->d, w->file, 0, "正文部分无法解压（文件损坏或被截断）",
                      "the main document part cannot be inflated (damaged or truncated file)");
  if (r < 0)
    return docx_error(w->d, w->file, line, "正文部分（word/document.xml）不是格式正确的XML，在此行出错",
                      "the main document part (word/document.xml) is not well-formed XML: error at "
                      "this line");
  if (w->skipped_tables &&
      gk__doc_diag(w->d, GK_SEV_WARNING, "import.docx", w->file, 0, 0, "表格嵌套过深，内层表格未读取",
                   "tables nested too deeply: the inner ones are not read"))
    return GK_ENOMEM;
  return GK_OK;
}

int gk__docx_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d) {
  return gk__docx_grid_cap(g, bytes, len, file, d, GK_DOCX_MAX_XML);
}

/* Zip files of other forms (no word/document.xml), known by a part of their
 * own: named in the finding with what to do. */
static const struct {
  const char *part, *zh, *en;
} other_zips[] = {
    {"OFD.xml", "这是OFD版式文件，不是Word文档：请先转换为文本或.docx再读取",
     "an OFD file, not a Word document: convert it to text or .docx first"},
    {"xl/workbook.xml", "这是Excel工作簿（.xlsx），不是Word文档", "an Excel workbook (.xlsx), not a Word document"},
    {"ppt/presentation.xml", "这是PowerPoint文件（.pptx），不是Word文档", "a PowerPoint file (.pptx), not a Word document"},
    {"content.xml", "这是OpenDocument文件（.odt等）：请另存为.docx再读取",
     "an OpenDocument file (.odt, ...): save it as .docx first"},
};

/* GK_EPARSE with a finding naming the form when za is a zip of other_zips[]
 * (and has no word/document.xml), else GK_OK. */
static int other_zip(zip_t *za, const char *file, gk_diags *d) {
  if (zip_name_locate(za, "word/document.xml", 0) >= 0) return GK_OK;
  for (size_t i = 0; i < sizeof other_zips / sizeof other_zips[0]; i++)
    if (zip_name_locate(za, other_zips[i].part, 0) >= 0)
      return docx_error(d, file, 0, other_zips[i].zh, other_zips[i].en);
  return GK_OK;
}

int gk__docx_grid_cap(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d,
                      size_t xml_cap) {
  g->pos_kind = GK__POS_DOCX;
  gk__doc_init();
  if (len > GK_DOCUMENT_MAX_INPUT) return gk__doc_too_large(d, file, "输入", len, GK_DOCUMENT_MAX_INPUT);
  zip_t *za = NULL;
  int rc = open_zip(&za, bytes, len, file, d);
  if (rc) return rc;
  char part[256] = "word/document.xml";
  int said = other_zip(za, file, d); /* a zip of another form: its finding said */
  rc = said ? said : main_part(za, part, sizeof part);
  if (!said && rc == GK_EPARSE)
    rc = docx_error(d, file, 0, "内容类型不对：[Content_Types].xml未声明Word正文部分，不是Word文档",
                    "wrong content type: [Content_Types].xml declares no Word main document part; "
                    "this is not a Word document");
  else if (!said && rc == GK_ENOTFOUND)
    rc = GK_OK; /* no content types: word/document.xml, if it is there */
  if (!rc) {
    dw w;
    memset(&w, 0, sizeof w);
    w.g = g;
    w.d = d;
    w.file = file;
    gk__buf_init(&w.para);
    gk__buf_init(&w.txbx);
    rc = gk__docx_num_load(&w.num, za);
    if (!rc) rc = gk__docx_styles_load(&w.styles, za);
    if (!rc) rc = gk__docx_frames(za, part, xml_cap, &w.frames, &w.nframes);
    if (!rc) rc = read_body(&w, za, part, xml_cap);
    while (w.ntab) tctx_free(&w.tab[--w.ntab]);
    gk__buf_free(&w.para);
    gk__docx_num_free(w.num);
    gk__docx_styles_free(w.styles);
    gk__buf_free(&w.txbx);
    gk__free(w.frames);
    if (!rc) rc = g->err;
  }
  zip_discard(za);
  return rc;
}
