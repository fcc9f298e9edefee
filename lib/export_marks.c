/* SPDX-License-Identifier: MIT */
/* Findings placed on the cells they name (export_int.h): a per-cell list of
 * (finding, cell) pairs, for the exporters that highlight failing cells. */
#include <stdint.h>
#include <string.h>
#include "export_int.h"

static size_t ncells(const gk_report *r, int t) {
  return gk_schema_nrows(gk_report_edition(r), t) * gk_schema_ncols(gk_report_edition(r), t);
}

static int add_pair(gk__marks *m, const gk_report *r, size_t i, const char *path, int suspect) {
  int t;
  size_t row, col;
  if (!path || gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED) != GK_OK) return GK_OK;
  if (m->npairs == m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 16;
    size_t *next = gk__realloc(m->next, cap * sizeof *next);
    if (!next) return GK_ENOMEM;
    m->next = next;
    size_t *diag = gk__realloc(m->diag, cap * sizeof *diag);
    if (!diag) return GK_ENOMEM;
    m->diag = diag;
    unsigned char *sus = gk__realloc(m->suspect, cap);
    if (!sus) return GK_ENOMEM;
    m->suspect = sus;
    m->cap = cap;
  }
  /* pairs are added in reverse finding order, so pushing at the head keeps the
   * findings of a cell in their order */
  size_t k = row * gk_schema_ncols(gk_report_edition(r), t) + col, p = m->npairs++;
  m->diag[p] = i;
  m->suspect[p] = (unsigned char)suspect;
  m->next[p] = m->head[t][k];
  m->head[t][k] = p;
  return GK_OK;
}

int gk__marks_build(gk__marks *m, const gk_report *r, const gk_diags *d) {
  memset(m, 0, sizeof *m);
  for (int t = 0; t < GK_NTABLES; t++) {
    size_t n = ncells(r, t);
    m->head[t] = gk__malloc((n ? n : 1) * sizeof(size_t));
    if (!m->head[t]) {
      gk__marks_free(m);
      return GK_ENOMEM;
    }
    for (size_t k = 0; k < n; k++) m->head[t][k] = SIZE_MAX;
  }
  int rc = GK_OK;
  for (size_t i = d ? gk_diags_count(d) : 0; i-- > 0 && !rc;) {
    if (gk_diag_waived(d, i)) continue;
    const char *sus = gk_diag_suspect(d, i);
    int sus_named = 0;
    for (size_t k = gk_diag_ncells(d, i); k-- > 0 && !rc;) {
      const char *path = gk_diag_cell(d, i, k);
      int is_sus = sus && strcmp(sus, path) == 0;
      sus_named |= is_sus;
      rc = add_pair(m, r, i, path, is_sus);
    }
    if (!rc && sus && !sus_named) rc = add_pair(m, r, i, sus, 1);
  }
  if (rc) gk__marks_free(m);
  return rc;
}

void gk__marks_free(gk__marks *m) {
  for (int t = 0; t < GK_NTABLES; t++) gk__free(m->head[t]);
  gk__free(m->next);
  gk__free(m->diag);
  gk__free(m->suspect);
  memset(m, 0, sizeof *m);
}

size_t gk__marks_first(const gk__marks *m, const gk_report *r, int t, size_t row, size_t col) {
  if (!m->head[t]) return SIZE_MAX;
  return m->head[t][row * gk_schema_ncols(gk_report_edition(r), t) + col];
}

int gk__marks_severity(const gk__marks *m, const gk_diags *d, const gk_report *r, int t,
                       size_t row, size_t col) {
  int worst = -1;
  for (size_t p = gk__marks_first(m, r, t, row, col); p != SIZE_MAX; p = m->next[p]) {
    int sev = gk_diag_severity(d, m->diag[p]);
    if (sev > worst) worst = sev;
  }
  return worst;
}

void gk__cell_label(gk__buf *b, const gk_report *r, const char *path, int lang) {
  int t;
  size_t row, col;
  if (gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED) != GK_OK) {
    gk__buf_puts(b, path);
    return;
  }
  int ed = gk_report_edition(r), parent = gk_schema_row_parent(ed, t, row);
  if (parent >= 0) {
    gk__buf_puts(b, gk_schema_row_label(ed, t, (size_t)parent, lang));
    gk__buf_putc(b, ' ');
  }
  gk__buf_puts(b, gk_schema_row_label(ed, t, row, lang));
  gk__buf_puts(b, " · ");
  gk__buf_puts(b, gk_schema_col_label(ed, t, col, lang));
}

void gk__finding_text(gk__buf *b, const gk_diags *d, size_t i, const gk_report *r, int lang) {
  const char *msg = gk_diag_message(d, i, lang);
  gk__buf_puts(b, msg ? msg : "");
  const char *sus = gk_diag_suspect(d, i), *val = gk_diag_suspect_value(d, i);
  if (sus && val) {
    gk__buf_puts(b, lang == GK_LANG_EN ? " (repair: " : "（建议：");
    gk__cell_label(b, r, sus, lang);
    gk__buf_printf(b, lang == GK_LANG_EN ? " should probably be %s)" : "可能应为%s）", val);
  }
}

/* ---------------------------------------------------------------- header groups */
const gk__header_group *gk__group_find(int t, int kind) {
  for (size_t i = 0; i < gk__nheader_groups; i++)
    if (gk__header_groups[i].table == t && gk__header_groups[i].kind == kind)
      return &gk__header_groups[i];
  return NULL;
}

const char *gk__group_label(const gk__header_group *g, int lang) {
  return lang == GK_LANG_EN ? g->en : g->zh;
}

const gk__header_group *gk__group_of_col(int ed, int t, size_t c, size_t *first, size_t *last) {
  for (size_t i = 0; i < gk__nheader_groups; i++) {
    const gk__header_group *g = &gk__header_groups[i];
    if (g->table != t || g->kind != GK__GROUP_COLS) continue;
    if (gk_schema_col_find(first, ed, t, g->first) != GK_OK ||
        gk_schema_col_find(last, ed, t, g->last) != GK_OK)
      continue;
    if (c >= *first && c <= *last) return g;
  }
  return NULL;
}
