/* SPDX-License-Identifier: MIT */
/* Every complete given report rendered by doc_variants.h as the web pages and
 * Word files real offices publish (one quirk set per variant), read through
 * gk_report_load and compared cell by cell with its truth: each variant's
 * count of cells read right and wrong is printed, and every cell must be
 * right. GK_VARIANTS_OUT=dir writes the renderings there (fuzz corpora). */
#include "doc_variants.h"
#include "gkreport/document.h"
#include "read_doc.h"
#include "walk_ref.h"

typedef struct {
  const char *name;
  int flags;
} variant;

static const variant html_variants[] = {
    {"word", V_WORD | V_GB},
    {"cms", V_CMS | V_DIVPROSE},
    {"th-total", V_TH | V_TOTAL},
    {"split", V_SPLIT},
    {"layout", V_LAYOUT},
    {"fullwidth", V_FULLWIDTH},
    {"word-split-layout", V_WORD | V_SPLIT | V_LAYOUT | V_TH},
    {"cms-gb-split-fullwidth", V_CMS | V_GB | V_SPLIT | V_FULLWIDTH | V_TH},
    {NULL, 0}};

/* Cells of the truth (every cell the schema has). */
static size_t v_ncells(const gk_report *truth) {
  size_t n = 0;
  int ed = gk_report_edition(truth);
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t r = 0; r < gk_schema_nrows(ed, t); r++)
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) n += gk_schema_cell_exists(ed, t, r, c) != 0;
  return n;
}

static void v_save(const char *report, const char *vname, const char *ext, const vs *s) {
  const char *dir = getenv("GK_VARIANTS_OUT");
  if (!dir) return;
  char path[1024];
  snprintf(path, sizeof path, "%s/%s.%s%s", dir, report, vname, ext);
  FILE *f = fopen(path, "wb");
  if (!f) return;
  fwrite(s->p, 1, s->n, f);
  fclose(f);
}

/* Index of the first block from `from` whose text is `text`, or -1. */
static long v_find_block(const gk__grid *g, size_t from, const char *text) {
  for (size_t i = from; i < g->nblocks; i++)
    if (g->blocks[i].kind != GK__BLK_ROW && g->blocks[i].len == strlen(text) &&
        memcmp(gk__grid_text(g, g->blocks[i].off), text, g->blocks[i].len) == 0)
      return (long)i;
  return -1;
}

/* The grid of a rendering keeps its invariants and the document's structure:
 * the title whole and first (site chrome skipped), the six headings with their
 * numbers in order, no row whose
 * cells are all blank (a deleted row), no text of a text box inside another
 * paragraph. Returns the number of faults (each printed). */
static size_t v_grid_faults(const vs *s, const vdoc *d, const char *name) {
  gk__grid g;
  gk__grid_init(&g);
  int rc = strstr(name, ".docx") ? gk__docx_grid(&g, s->p, s->n, name, NULL)
                                  : gk__html_grid(&g, s->p, s->n, name, NULL);
  size_t faults = rc != GK_OK || gk__grid_check(&g) != GK_OK;
  faults += gk_test_walk_ref_grid(&g, (uint32_t)s->n, NULL); /* the table walk's fast paths (walk_ref.h) */
  long at = v_find_block(&g, 0, d->title);
  if (at != 0) printf("\n  %s: the first block is not the title (%ld)", name, at), faults++;
  if (v_find_block(&g, 0, v_prose[0]) < 1) printf("\n  %s: the first paragraph is not whole", name), faults++;
  for (int i = 0; i < 6 && at >= 0; i++) {
    char h[256];
    v_heading(h, sizeof h, i);
    at = v_find_block(&g, (size_t)at, h);
    if (at < 0) printf("\n  %s: heading %s missing or out of order", name, h), faults++;
  }
  for (size_t i = 0; i < g.nblocks; i++) {
    const gk__gblock *b = &g.blocks[i];
    uint32_t filled = 0;
    for (uint32_t k = 0; k < b->ncells; k++) filled += g.cells[b->first + k].len > 0;
    if (b->kind == GK__BLK_ROW && !filled)
      printf("\n  %s: table %u row %u is all blank", name, b->table, b->row), faults++;
  }
  gk__grid_free(&g);
  return faults;
}

/* Load one rendering and count its wrong cells (*total gets the cells). */
static size_t v_check(const vs *s, const char *name, const gk_report *truth, size_t *total) {
  gk_diags *d = NULL;
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  int rc = gk_report_load(&r, s->p, s->n, name, d);
  *total = v_ncells(truth);
  size_t bad = *total;
  if (rc == GK_OK) {
    CU_ASSERT_EQUAL(gk_report_edition(r), gk_report_edition(truth));
    CU_ASSERT_EQUAL(gk_report_year(r), gk_report_year(truth));
    bad = gk_doc_compare(r, truth, name);
    const char *agency = gk_report_agency(r, GK_AGENCY_NAME);
    if (!agency || strcmp(agency, gk_report_agency(truth, GK_AGENCY_NAME)) != 0)
      printf("\n  %s: agency \"%s\"", name, agency ? agency : "(none)"), bad++;
  } else {
    printf("\n  %s: not read (%d)", name, rc);
  }
  gk_report_free(r);
  gk_diags_free(d);
  return bad;
}

typedef void (*v_render)(vs *s, vdoc *d, int flags);

static void v_html_render(vs *s, vdoc *d, int flags) {
  v_html_page(s, d, flags);
  if (flags & V_GB) v_html_encode(s);
}

/* Every report in every variant: the figure printed, all cells right. */
static void v_run(const variant *vars, v_render render, const char *ext) {
  for (const variant *v = vars; v->name; v++) {
    size_t right = 0, wrong = 0;
    for (int i = 0; gk_doc_reports[i]; i++) {
      vdoc d;
      gk_report *truth = NULL;
      vdoc_build(&d, gk_doc_reports[i], &truth);
      vs s = {0};
      render(&s, &d, v->flags);
      char name[256];
      snprintf(name, sizeof name, "%s.%s%s", gk_doc_reports[i], v->name, ext);
      v_save(gk_doc_reports[i], v->name, ext, &s);
      size_t total = 0, bad = v_check(&s, name, truth, &total);
      CU_ASSERT_EQUAL(v_grid_faults(&s, &d, name), 0);
      right += total - bad;
      wrong += bad;
      free(s.p);
      vdoc_free(&d);
      gk_report_free(truth);
    }
    printf("\n  %s%s: %zu cells right, %zu wrong", v->name, ext, right, wrong);
    CU_ASSERT_EQUAL(wrong, 0);
  }
}

static const variant docx_variants[] = {
    {"numbered", D_NUM},
    {"grid-before-after", D_GRID},
    {"tracked", D_TRACK},
    {"sdt", D_SDT},
    {"wrapped-runs", D_WRAP},
    {"textbox", D_TXBX},
    {"split", D_SPLIT},
    {"misc", D_MISC},
    {"style-numbered", D_STYLENUM},
    {"all", D_NUM | D_GRID | D_TRACK | D_SDT | D_WRAP | D_TXBX | D_SPLIT | D_MISC},
    {"frame", D_FRAME},
    {"side-column", D_SIDE},
    {"heading-cells", D_HEADCELL},
    {"table-in-textbox", D_BOXTABLE},
    {"section-break", D_SECT},
    {"wrapped-tables", D_WRAPTAB},
    {"frame-all", D_FRAME | D_NUM | D_GRID | D_TRACK | D_SDT | D_WRAP | D_TXBX | D_SPLIT | D_MISC |
                      D_HEADCELL | D_WRAPTAB},
    {"side-boxes", D_SIDE | D_STYLENUM | D_BOXTABLE | D_SECT | D_MISC},
    {"rows-nested", D_NESTROWS},
    {"frame-rows-nested", D_FRAME | D_NESTROWS | D_NUM | D_TRACK | D_MISC | D_WRAP},
    {NULL, 0}};

/* Blocks [0, n) of a and b are the same: kinds, levels, texts, tables, rows,
 * cells and positions. */
static int v_same_blocks(const gk__grid *a, const gk__grid *b, size_t n) {
  if (a->nblocks < n || b->nblocks < n) return 0;
  for (size_t i = 0; i < n; i++) {
    const gk__gblock *x = &a->blocks[i], *y = &b->blocks[i];
    if (x->kind != y->kind || x->level != y->level || x->len != y->len || x->table != y->table ||
        x->row != y->row || x->ncells != y->ncells || x->pos.line != y->pos.line || x->pos.col != y->pos.col ||
        memcmp(gk__grid_text(a, x->off), gk__grid_text(b, y->off), x->len) != 0)
      return 0;
    for (uint32_t k = 0; k < x->ncells; k++) {
      const gk__gcell *c = &a->cells[x->first + k], *e = &b->cells[y->first + k];
      if (c->len != e->len || c->x != e->x || c->rowspan != e->rowspan || c->colspan != e->colspan ||
          c->pos.line != e->pos.line || c->pos.col != e->pos.col ||
          memcmp(gk__grid_text(a, c->off), gk__grid_text(b, e->off), c->len) != 0)
        return 0;
    }
  }
  return 1;
}

static void v_docx_grid(gk__grid *g, vdoc *d, int flags) {
  vs s = {0};
  d_render(&s, d, flags);
  gk__grid_init(g);
  CU_ASSERT_EQUAL(gk__docx_grid(g, s.p, s.n, "v.docx", NULL), GK_OK);
  free(s.p);
}

/* A frame around the report changes nothing of its grid, positions included;
 * a side column beside it only adds its paragraphs at the end. */
static void test_docx_frame_changes_nothing(void) {
  static const int base[] = {0, D_NUM | D_MISC | D_TRACK, D_GRID | D_SDT | D_WRAP | D_TXBX | D_SPLIT, D_STYLENUM};
  for (int i = 0; gk_doc_reports[i]; i++)
    for (size_t f = 0; f < sizeof base / sizeof base[0]; f++) {
      gk__grid g[3];
      const int flags[3] = {base[f], base[f] | D_FRAME, base[f] | D_SIDE};
      for (int k = 0; k < 3; k++) {
        vdoc d;
        gk_report *truth = NULL;
        vdoc_build(&d, gk_doc_reports[i], &truth);
        v_docx_grid(&g[k], &d, flags[k]);
        vdoc_free(&d);
        gk_report_free(truth);
      }
      CU_ASSERT_EQUAL(g[1].nblocks, g[0].nblocks);
      CU_ASSERT_TRUE(v_same_blocks(&g[0], &g[1], g[0].nblocks));
      CU_ASSERT_TRUE(v_same_blocks(&g[0], &g[2], g[0].nblocks));
      CU_ASSERT_TRUE(g[2].nblocks > g[0].nblocks);
      for (size_t b = g[0].nblocks; b < g[2].nblocks; b++) CU_ASSERT_EQUAL(g[2].blocks[b].kind, GK__BLK_PARA);
      for (int k = 0; k < 3; k++) gk__grid_free(&g[k]);
    }
}

static void test_html_variants(void) { v_run(html_variants, v_html_render, ".html"); }
static void test_docx_variants(void) { v_run(docx_variants, d_render, ".docx"); }

int main(void) {
  CU_TestInfo tests[] = {{"HTML variants read as their truth", test_html_variants},
                         {"DOCX variants read as their truth", test_docx_variants},
                         {"a frame changes no DOCX grid", test_docx_frame_changes_nothing},
                         CU_TEST_INFO_NULL};
  return gk_test_main("doc_variants", tests);
}
