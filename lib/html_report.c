/* SPDX-License-Identifier: MIT */
/* One report as a self-contained HTML page (include/gkreport/html.h): the three
 * tables in the published layout with the failing cells marked (the finding and
 * its repair on hover and in the list at the end), and the prose with its text.*
 * findings marked. Rows, columns and header groups come from the schema. */
#include <stdint.h>
#include <string.h>
#include "export_int.h"
#include "text_int.h"
#include "gkreport/html.h"

typedef struct {
  gk__buf *b;
  const gk_report *r;
  const gk_diags *d;
  const gk__marks *m;
  int lang;
  size_t text_end; /* text.* findings placed in the prose: those before this index */
} page;

static const char *const sev_class[] = {"info", "warning", "error"};

static size_t mask_count(uint32_t mask) {
  size_t n = 0;
  for (; mask; mask &= mask - 1) n++;
  return n;
}

/* The header rows of a table over the columns in mask: an optional row spanning
 * them all (申请人情况), a row of column groups (法人或其他组织) and the columns. */
static void put_head(page *p, int t, uint32_t mask) {
  gk__buf *b = p->b;
  int ed = gk_report_edition(p->r);
  const gk__header_group *all = gk__group_find(t, GK__GROUP_ALL),
                         *corner = gk__group_find(t, GK__GROUP_CORNER);
  size_t ncols = gk_schema_ncols(ed, t), f, l;
  int grouped = 0;
  for (size_t c = 0; c < ncols; c++) grouped |= (mask & (1u << c)) && gk__group_of_col(ed, t, c, &f, &l);
  int depth = 1 + (all != NULL) + grouped;
  gk__buf_printf(b, "<thead><tr><th scope=\"col\" rowspan=\"%d\">", depth);
  if (corner) gk__html_str(b, gk__group_label(corner, p->lang), 0);
  gk__buf_puts(b, "</th>");
  if (all) {
    gk__buf_printf(b, "<th scope=\"colgroup\" colspan=\"%zu\">", mask_count(mask));
    gk__html_str(b, gk__group_label(all, p->lang), 0);
    gk__buf_puts(b, "</th></tr>\n<tr>");
  }
  for (size_t c = 0; c < ncols; c++) { /* the groups, and the columns outside them */
    if (!(mask & (1u << c))) continue;
    const gk__header_group *g = grouped ? gk__group_of_col(ed, t, c, &f, &l) : NULL;
    if (g && c != f) continue;
    if (g) gk__buf_printf(b, "<th scope=\"colgroup\" colspan=\"%zu\">", l - f + 1);
    else gk__buf_printf(b, "<th scope=\"col\" rowspan=\"%d\">", grouped ? 2 : 1);
    gk__html_str(b, g ? gk__group_label(g, p->lang) : gk_schema_col_label(ed, t, c, p->lang), 0);
    gk__buf_puts(b, "</th>");
  }
  if (grouped) {
    gk__buf_puts(b, "</tr>\n<tr>");
    for (size_t c = 0; c < ncols; c++) {
      if (!(mask & (1u << c)) || !gk__group_of_col(ed, t, c, &f, &l)) continue;
      gk__buf_puts(b, "<th scope=\"col\">");
      gk__html_str(b, gk_schema_col_label(ed, t, c, p->lang), 0);
      gk__buf_puts(b, "</th>");
    }
  }
  gk__buf_puts(b, "</tr></thead>\n");
}

/* One cell: its value, and when findings name it their severity as a class, the
 * findings and repairs as its title (shown on hover), and links to the list. */
static void put_cell(page *p, int t, size_t row, size_t col) {
  gk__buf *b = p->b;
  const gk_report *r = p->r;
  int ed = gk_report_edition(r), sev = gk__marks_severity(p->m, p->d, r, t, row, col);
  const gk__cell *c = gk__cell_at(r, t, row, col);
  gk__buf_printf(b, "<td id=\"c-%s-%s-%s\"", gk_schema_table_key(t), gk_schema_row_key(ed, t, row),
                 gk_schema_col_key(ed, t, col));
  size_t first = gk__marks_first(p->m, r, t, row, col);
  int suspect = 0;
  for (size_t q = first; q != SIZE_MAX; q = p->m->next[q]) suspect |= p->m->suspect[q];
  if (sev >= 0 || c->state == GK_CELL_LITERAL)
    gk__buf_printf(b, " class=\"%s%s%s\"", c->state == GK_CELL_LITERAL ? "lit " : "",
                   sev >= 0 ? sev_class[sev] : "", suspect ? " suspect" : "");
  if (first != SIZE_MAX) {
    gk__buf_puts(b, " title=\"");
    for (size_t q = first; q != SIZE_MAX; q = p->m->next[q]) {
      gk__buf tip;
      gk__buf_init(&tip);
      gk__buf_printf(&tip, "[%zu] ", p->m->diag[q] + 1);
      gk__finding_text(&tip, p->d, p->m->diag[q], r, p->lang);
      if (tip.err) b->err = tip.err;
      if (tip.data) gk__html_text(b, tip.data, tip.len, 0);
      gk__buf_free(&tip);
      if (p->m->next[q] != SIZE_MAX) gk__buf_puts(b, "&#10;");
    }
    gk__buf_putc(b, '"');
  }
  gk__buf_putc(b, '>');
  gk__buf val;
  gk__buf_init(&val);
  gk__text_cell_put(&val, r, t, row, col);
  if (val.err) b->err = val.err;
  if (val.data) gk__html_text(b, val.data, val.len, 0);
  gk__buf_free(&val);
  for (size_t q = first; q != SIZE_MAX; q = p->m->next[q])
    gk__buf_printf(b, "<sup><a href=\"#f%zu\">%zu</a></sup>", p->m->diag[q] + 1, p->m->diag[q] + 1);
  gk__buf_puts(b, "</td>");
}

/* A row label; a sub-row keeps its parent's label in front for screen readers. */
static void put_row(page *p, int t, size_t row, uint32_t mask) {
  gk__buf *b = p->b;
  int ed = gk_report_edition(p->r);
  gk__buf_puts(b, "<tr><th scope=\"row\">");
  if (gk_schema_row_parent(ed, t, row) >= 0) gk__buf_puts(b, "&#12288;");
  gk__html_str(b, gk_schema_row_label(ed, t, row, p->lang), 0);
  gk__buf_puts(b, "</th>");
  for (size_t c = 0; c < gk_schema_ncols(ed, t); c++)
    if (mask & (1u << c)) put_cell(p, t, row, c);
  gk__buf_puts(b, "</tr>\n");
}

static void put_group_row(page *p, const char *label, uint32_t mask) {
  gk__buf_printf(p->b, "<tr><th scope=\"rowgroup\" colspan=\"%zu\">", mask_count(mask) + 1);
  gk__html_str(p->b, label, 0);
  gk__buf_puts(p->b, "</th></tr>\n");
}

/* A table: a new header (a sub-table) where the rows' columns change, as the
 * published 主动公开 table does; group rows for （三）不予公开 and 三、本年度办理结果. */
static void put_table(page *p, int t) {
  gk__buf *b = p->b;
  int ed = gk_report_edition(p->r);
  const gk__header_group *outcome = gk__group_find(t, GK__GROUP_OUTCOME);
  uint32_t mask = 0;
  int in_outcome = 0;
  gk__buf_printf(b, "<table id=\"t-%s\">\n", gk_schema_table_key(t));
  for (size_t row = 0; row < gk_schema_nrows(ed, t); row++) {
    uint32_t rmask = 0, flags = gk_schema_row_flags(ed, t, row);
    for (size_t c = 0; c < gk_schema_ncols(ed, t); c++)
      if (gk_schema_cell_exists(ed, t, row, c)) rmask |= 1u << c;
    if (rmask != mask) {
      if (mask) gk__buf_puts(b, "</tbody>\n");
      mask = rmask;
      put_head(p, t, mask);
      gk__buf_puts(b, "<tbody>\n");
    }
    if (outcome && (flags & GK_ROW_OUTCOME) && !in_outcome)
      put_group_row(p, gk__group_label(outcome, p->lang), mask);
    in_outcome = (flags & GK_ROW_OUTCOME) != 0;
    if (flags & GK_ROW_STORED) put_row(p, t, row, mask);
    else put_group_row(p, gk_schema_row_label(ed, t, row, p->lang), mask);
  }
  gk__buf_puts(b, "</tbody>\n</table>\n");
}

/* ---------------------------------------------------------------- prose */
/* Marked passages per section, and text findings placed in the prose per page
 * (the rest are in the list only): they bound the search work, which stays
 * linear in the size of the report for any number of findings. */
enum { MAX_MARKS = 64, MAX_TEXT_FINDINGS = 256 };

/* The index after the first MAX_TEXT_FINDINGS text.* findings. */
static size_t text_end(const gk_diags *d) {
  size_t n = d ? gk_diags_count(d) : 0, seen = 0;
  for (size_t i = 0; i < n; i++)
    if (strncmp(gk_diag_rule(d, i), "text.", 5) == 0 && ++seen > MAX_TEXT_FINDINGS) return i;
  return n;
}

/* Text as paragraphs: a line break closes one and opens the next. */
static void put_run(gk__buf *b, const char *s, size_t n) {
  for (const char *q; (q = memchr(s, '\n', n)) != NULL; n -= (size_t)(q + 1 - s), s = q + 1) {
    gk__html_text(b, s, (size_t)(q - s), 0);
    gk__buf_puts(b, "</p>\n<p>");
  }
  gk__html_text(b, s, n, 0);
}

/* The section a finding at source line L belongs to: the last one starting at or
 * before L; -1 when L or the sections' lines are unknown. */
static int section_of(const gk_report *r, uint32_t line) {
  int best = -1;
  uint32_t at = 0;
  for (int s = 0; s < GK_NSECTIONS && line; s++) {
    uint32_t sl = gk_report_section_line(r, s);
    if (gk_report_section(r, s) && sl && sl <= line && sl >= at) best = s, at = sl;
  }
  return best;
}

/* The passage finding i quotes (its actual value, when it is one), or NULL. */
static const char *quoted(const page *p, size_t i) {
  const char *act = gk_diag_actual(p->d, i);
  return act && strlen(act) >= 2 && !strchr(act, '\n') ? act : NULL;
}

/* 1 when text finding i belongs under section s: the section its line falls in,
 * or, its line unknown (a JSON report), the first section quoting its passage. */
static int belongs(const page *p, size_t i, int s) {
  if (i >= p->text_end || gk_diag_waived(p->d, i) || strncmp(gk_diag_rule(p->d, i), "text.", 5) != 0) return 0;
  if (gk_diag_line(p->d, i)) return section_of(p->r, gk_diag_line(p->d, i)) == s;
  const char *act = quoted(p, i);
  for (int k = 0; act && k < GK_NSECTIONS; k++)
    if (gk_report_section(p->r, k) && strstr(gk_report_section(p->r, k), act)) return k == s;
  return 0;
}

typedef struct { size_t off, len, diag; } span;

/* The passages of section s that its text.* findings quote (their actual value),
 * in text order, without overlaps; returns their number. */
static size_t find_marks(span *sp, const page *p, int s) {
  const char *text = gk_report_section(p->r, s);
  size_t n = 0, tn = strlen(text);
  for (size_t i = 0; p->d && i < gk_diags_count(p->d) && n < MAX_MARKS; i++) {
    const char *act = quoted(p, i);
    if (!act || !belongs(p, i, s)) continue;
    const char *at = gk__memfind(text, tn, act, strlen(act));
    if (!at) continue;
    span x = {(size_t)(at - text), strlen(act), i};
    size_t k = n;
    for (; k > 0 && sp[k - 1].off > x.off; k--) sp[k] = sp[k - 1];
    sp[k] = x;
    n++;
  }
  size_t kept = 0; /* drop a passage that overlaps the one before it */
  for (size_t k = 0; k < n; k++)
    if (!kept || sp[k].off >= sp[kept - 1].off + sp[kept - 1].len) sp[kept++] = sp[k];
  return kept;
}

/* The notes under a section: its text.* findings. */
static void put_notes(page *p, int s) {
  for (size_t i = 0; p->d && i < gk_diags_count(p->d); i++) {
    if (!belongs(p, i, s)) continue;
    gk__buf_printf(p->b, "<p class=\"note\"><a href=\"#f%zu\">[%zu]</a> ", i + 1, i + 1);
    gk__buf tip;
    gk__buf_init(&tip);
    gk__finding_text(&tip, p->d, i, p->r, p->lang);
    if (tip.err) p->b->err = tip.err;
    if (tip.data) gk__html_text(p->b, tip.data, tip.len, 0);
    gk__buf_free(&tip);
    gk__buf_puts(p->b, "</p>\n");
  }
}

static void put_prose(page *p, int part, int s) {
  const char *text = gk_report_section(p->r, s);
  if (part >= 0) {
    gk__buf_printf(p->b, "<section id=\"s-%s\">\n<h2>", gk_schema_section_key(s));
    gk__buf h;
    gk__buf_init(&h);
    gk__part_heading_put(&h, part);
    if (h.err) p->b->err = h.err;
    if (h.data) gk__html_text(p->b, h.data, h.len, 1);
    gk__buf_free(&h);
    gk__buf_puts(p->b, "</h2>\n");
  } else {
    gk__buf_printf(p->b, "<section id=\"s-%s\">\n", gk_schema_section_key(s));
  }
  if (text && text[0]) {
    span sp[MAX_MARKS];
    size_t n = find_marks(sp, p, s), at = 0;
    gk__buf_puts(p->b, "<p>");
    for (size_t k = 0; k < n; k++) {
      put_run(p->b, text + at, sp[k].off - at);
      gk__buf_printf(p->b, "<mark id=\"m%zu\">", sp[k].diag + 1);
      put_run(p->b, text + sp[k].off, sp[k].len);
      gk__buf_printf(p->b, "</mark><sup><a href=\"#f%zu\">%zu</a></sup>", sp[k].diag + 1,
                     sp[k].diag + 1);
      at = sp[k].off + sp[k].len;
    }
    put_run(p->b, text + at, strlen(text) - at);
    gk__buf_puts(p->b, "</p>\n");
  }
  put_notes(p, s);
  gk__buf_puts(p->b, "</section>\n");
}

/* ---------------------------------------------------------------- the page */
static void put_table_section(page *p, int part, int t) {
  gk__buf_printf(p->b, "<section id=\"s-%s\">\n<h2>", gk_schema_table_key(t));
  gk__buf h;
  gk__buf_init(&h);
  gk__part_heading_put(&h, part);
  if (h.err) p->b->err = h.err;
  if (h.data) gk__html_text(p->b, h.data, h.len, 1);
  gk__buf_free(&h);
  gk__buf_puts(p->b, "</h2>\n");
  if (gk_report_missing_tables(p->r) & (1u << t))
    gk__buf_puts(p->b, p->lang == GK_LANG_EN ? "<p class=\"note\">This table is missing from the copy.</p>\n"
                                             : "<p class=\"note\">本份报告缺少此表。</p>\n");
  else
    put_table(p, t);
  gk__buf_puts(p->b, "</section>\n");
}

/* The list of findings, each linked to the cells it names: an <aside>, no
 * part of the report (a reader, gk_report_from_html too, passes it by: a
 * finding's quoted cell is no value of a table the report lacks). */
static void put_findings(page *p) {
  size_t n = p->d ? gk_diags_count(p->d) : 0;
  gk__buf *b = p->b;
  int en = p->lang == GK_LANG_EN;
  gk__buf_printf(b, "<aside id=\"findings\" class=\"findings\">\n<h2>%s</h2>\n",
                 en ? "Findings" : "检查发现的问题");
  if (!n) {
    gk__buf_printf(b, "<p>%s</p>\n</aside>\n", en ? "No finding." : "未发现问题。");
    return;
  }
  gk__buf_puts(b, "<ol>\n");
  for (size_t i = 0; i < n; i++) {
    int sev = gk_diag_severity(p->d, i);
    if (sev < 0 || sev > 2) sev = 0;
    gk__buf_printf(b, "<li id=\"f%zu\" value=\"%zu\"><span class=\"sev-%s\">%s</span> <code>", i + 1,
                   i + 1, sev_class[sev], gk_severity_key(sev));
    gk__html_str(b, gk_diag_rule(p->d, i), 0);
    gk__buf_puts(b, "</code> ");
    if (gk_diag_waived(p->d, i)) gk__buf_puts(b, en ? "(waived) " : "（已豁免）");
    gk__buf tip;
    gk__buf_init(&tip);
    gk__finding_text(&tip, p->d, i, p->r, p->lang);
    if (tip.err) b->err = tip.err;
    if (tip.data) gk__html_text(b, tip.data, tip.len, 0);
    gk__buf_free(&tip);
    for (size_t k = 0; k < gk_diag_ncells(p->d, i); k++) {
      const char *path = gk_diag_cell(p->d, i, k);
      int t;
      size_t row, col;
      if (gk_report_path_find(&t, &row, &col, p->r, path, GK_NUL_TERMINATED) != GK_OK) continue;
      gk__buf_printf(b, " <a href=\"#c-%s-%s-%s\">", gk_schema_table_key(t),
                     gk_schema_row_key(gk_report_edition(p->r), t, row),
                     gk_schema_col_key(gk_report_edition(p->r), t, col));
      gk__html_str(b, path, 0);
      gk__buf_puts(b, "</a>");
    }
    if (gk_diag_line(p->d, i)) gk__buf_printf(b, " <small>(%s %u)</small>", en ? "line" : "第", gk_diag_line(p->d, i));
    gk__buf_puts(b, "</li>\n");
  }
  gk__buf_puts(b, "</ol>\n</aside>\n");
}

static void put_header(page *p, const char *title) {
  gk__buf *b = p->b;
  const gk_report *r = p->r;
  gk__buf_puts(b, "<header>\n<h1>");
  gk__html_str(b, title, 1);
  gk__buf_puts(b, "</h1>\n<p class=\"meta\">");
  if (gk_report_agency(r, GK_AGENCY_NAME)) {
    gk__html_str(b, gk_report_agency(r, GK_AGENCY_NAME), 1);
    gk__buf_puts(b, " · ");
  }
  if (gk_report_year(r))
    gk__buf_printf(b, p->lang == GK_LANG_EN ? "%d · " : "%d年度 · ", gk_report_year(r));
  gk__html_str(b, gk_schema_edition_instrument(gk_report_edition(r)), 1);
  if (gk_report_source(r)) {
    gk__buf_puts(b, " · ");
    gk__html_str(b, gk_report_source(r), 1);
  }
  size_t n = p->d ? gk_diags_count(p->d) : 0;
  if (n)
    gk__buf_printf(b, p->lang == GK_LANG_EN ? " · <a href=\"#findings\">%zu findings</a>"
                                            : " · <a href=\"#findings\">%zu 个问题</a>", n);
  gk__buf_puts(b, "</p>\n</header>\n<main>\n");
}

GK_API int gk_report_to_html(char **out, size_t *len_out, const gk_report *r,
                             const gk_diags *findings, gk_lang lang) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !r || (lang != GK_LANG_ZH && lang != GK_LANG_EN)) return GK_EINVAL;
  gk__marks m;
  int rc = gk__marks_build(&m, r, findings);
  if (rc) return rc;
  gk__buf b, title;
  gk__buf_init(&b);
  gk__buf_init(&title);
  gk__text_title_put(&title, r);
  gk__buf_putc(&title, '\0');
  page p = {&b, r, findings, &m, lang, text_end(findings)};
  if (title.err) b.err = title.err;
  const char *t = title.data ? title.data : "";
  gk__html_begin(&b, t, lang);
  put_header(&p, t);
  if (gk_report_section(r, GK_SECTION_PREAMBLE)) put_prose(&p, -1, GK_SECTION_PREAMBLE);
  if (gk_report_section(r, GK_SECTION_OVERVIEW)) put_prose(&p, 0, GK_SECTION_OVERVIEW);
  for (int k = 0; k < GK_NTABLES; k++) put_table_section(&p, k + 1, k);
  if (gk_report_section(r, GK_SECTION_PROBLEMS)) put_prose(&p, 4, GK_SECTION_PROBLEMS);
  if (gk_report_section(r, GK_SECTION_OTHER)) put_prose(&p, 5, GK_SECTION_OTHER);
  put_findings(&p);
  gk__buf_puts(&b, "</main>\n");
  gk__html_end(&b);
  gk__buf_free(&title);
  gk__marks_free(&m);
  return gk__buf_finish(&b, out, len_out);
}
