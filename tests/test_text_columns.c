/* SPDX-License-Identifier: MIT */
/* Columns by their header labels (issue 11 item 2): the complete real reports
 * (a .truth.json, every cell known) rendered as Markdown pipe tables, TAB
 * tables and HTML tables whose header row(s) name the columns in another
 * arrangement than the declared one: a leading 序号 column, a trailing 备注
 * column (text or numbers), the columns in another order (总计 first, the
 * 法人或其他组织 sub-columns reversed, 商业企业 and 科研机构 swapped), a column
 * left out (其他: its cells stay blank, never shifted), a two-level header, header
 * cells carrying a unit, a note in brackets, a break, Traditional characters
 * (and, as cases that must not decide, a cell with a word left over or naming
 * two columns: then by position). Every
 * cell of every table is compared with the truth. Headers that do not decide
 * (anonymous 数据1 …) leave the position rule in force: pinned in
 * test_text_layouts ("Markdown from PDF converters"). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "text_int.h"
#include "gkreport/text.h"
#include "gkreport/document.h"
#include "recognize_int.h"
#include "read_doc.h"

enum { F_PIPE, F_TSV, F_HTML };
enum { TRAIL_NONE, TRAIL_TEXT, TRAIL_NUM };
#define NO_COL (-1)

typedef struct {
  const char *name;
  int form;
  int lead;          /* a leading 序号 column numbering the rows */
  int trail;         /* a trailing 备注 column */
  int two_level;     /* 法人或其他组织 over its five sub-columns */
  const int *order;  /* table 三's columns as printed (declared index), NO_COL ends; NULL declared */
  int active_lead;   /* table 二 with the 序号 column too */
  const int *review_order; /* table 四: three labelled rows, its five columns as printed; NULL: one row of 15 */
  int review_groups; /* table 四 under its three-level header, one row of 15; 2: the two 行政诉讼 groups swapped */
  int deco;          /* DECO_*: header cells carry removable decoration */
  int spoil;         /* SPOIL_*: one header cell of table 三 names no column: the header must not decide */
} variant;

/* Decoration a header cell may carry and still name its column. */
enum { DECO_UNIT = 1, DECO_NOTE = 2, DECO_BREAK = 4, DECO_TRAD = 8, DECO_ALL = 15 };
/* Header cells that name no column (or two): the header does not decide. */
enum { SPOIL_NONE, SPOIL_WORD, SPOIL_TWO };

/* Simplified -> Traditional for the characters of the column labels. */
static const char *const trad[][2] = {
  {"业", "業"}, {"机", "機"}, {"构", "構"}, {"组", "組"}, {"织", "織"}, {"务", "務"}, {"结", "結"},
  {"维", "維"}, {"审", "審"}, {"总", "總"}, {"计", "計"}, {"纠", "糾"}, {"发", "發"}, {"废", "廢"},
  {"现", "現"}, {"数", "數"}, {"处", "處"}, {"决", "決"}, {"费", "費"}, {"额", "額"}, {"单", "單"},
  {"万", "萬"}, {"项", "項"}, {"采", "採"}, {"购", "購"}, {"制", "製"}, {"对", "對"}, {"开", "開"},
  {"复", "復"}, {"议", "議"}, {"讼", "訟"}, {"诉", "訴"}, {"经", "經"}};

/* A header cell's text as the variant prints it: the label with a unit
 * (（件）, or 万元 after an amount), a note in brackets, a break inside (a space;
 * a line break in HTML), in Traditional characters. */
static const char *head_text(int deco, int html, const char *zh, int amount, size_t idx, char *buf, size_t cap) {
  if (!deco) return zh;
  char a[256];
  size_t n = strlen(zh);
  if ((deco & DECO_BREAK) && n >= 12 && (unsigned char)zh[0] >= 0xE0 && (unsigned char)zh[3] >= 0xE0)
    snprintf(a, sizeof a, "%.6s%s%s", zh, html ? "\n" : " ", zh + 6);
  else
    snprintf(a, sizeof a, "%s", zh);
  static const char *const notes[] = {"（指本年度数据）", "(注:含上年结转,如-8)", "【备注】"};
  if (deco & DECO_NOTE) snprintf(a + strlen(a), sizeof a - strlen(a), "%s", notes[idx % 3]);
  if (deco & DECO_UNIT) snprintf(a + strlen(a), sizeof a - strlen(a), "%s", amount ? " 万元" : "（件）");
  size_t k = 0;
  for (size_t i = 0; a[i] && k + 4 < cap;) {
    size_t t = 0, hit = 0;
    for (; (deco & DECO_TRAD) && t < sizeof trad / sizeof *trad; t++)
      if (strncmp(a + i, trad[t][0], strlen(trad[t][0])) == 0) {
        hit = 1;
        break;
      }
    const char *put = hit ? trad[t][1] : a + i;
    size_t len = hit ? strlen(trad[t][1]) : 1, adv = hit ? strlen(trad[t][0]) : 1;
    memcpy(buf + k, put, len), k += len, i += adv;
  }
  buf[k] = '\0';
  return buf;
}

static const char *col_head(const variant *V, const gk__col_decl *cd, size_t idx, char *buf, size_t cap) {
  return head_text(V->deco, V->form == F_HTML, cd->zh, cd->kind == GK_KIND_AMOUNT, idx, buf, cap);
}

/* ------------------------------------------------------------ rendering */
typedef struct {
  gk__buf *b;
  const variant *V;
  int open; /* HTML: a table is open */
} out;

static void put_esc(gk__buf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '<') gk__buf_puts(b, "&lt;");
    else if (*s == '&') gk__buf_puts(b, "&amp;");
    else gk__buf_putc(b, *s);
  }
}

/* One row: cells[0..n), header or not; span[k] > 1: a cell spanning columns
 * (HTML; + 1000 * rows: spanning rows too), < 0: spanning -span[k] rows, 0:
 * none (covered from above); in text a span is the cell then empty cells. */
static void put_cells(out *o, const char *const *cells, const int *span, size_t n, int header) {
  gk__buf *b = o->b;
  if (o->V->form == F_HTML) {
    if (!o->open) gk__buf_puts(b, "<table border=\"1\">\n"), o->open = 1;
    gk__buf_puts(b, "<tr>");
    for (size_t k = 0; k < n; k++) {
      if (span && span[k] == 0) continue; /* covered by a rowspan from above */
      gk__buf_puts(b, header ? "<th" : "<td");
      if (span && span[k] > 1) gk__buf_printf(b, " colspan=\"%d\"", span[k] % 1000);
      if (span && span[k] >= 1000) gk__buf_printf(b, " rowspan=\"%d\"", span[k] / 1000);
      if (span && span[k] < 0) gk__buf_printf(b, " rowspan=\"%d\"", -span[k]);
      gk__buf_putc(b, '>');
      put_esc(b, cells[k]);
      gk__buf_puts(b, header ? "</th>" : "</td>");
    }
    gk__buf_puts(b, "</tr>\n");
    return;
  }
  int pipe = o->V->form == F_PIPE;
  if (pipe) gk__buf_puts(b, "|");
  for (size_t k = 0; k < n; k++) {
    if (pipe) gk__buf_printf(b, " %s |", cells[k]);
    else gk__buf_printf(b, "%s%s", k ? "\t" : "", cells[k]);
    for (int s = 1; span && s < span[k]; s++) gk__buf_puts(b, pipe ? "  |" : "\t");
  }
  gk__buf_putc(b, '\n');
  if (pipe && header == 1) { /* the Markdown alignment row under the first header row */
    size_t w = 0;
    for (size_t k = 0; k < n; k++) w += span && span[k] > 1 ? (size_t)span[k] : 1;
    for (size_t k = 0; k < w; k++) gk__buf_puts(b, "|---");
    gk__buf_puts(b, "|\n");
  }
}

static void end_table(out *o) {
  if (o->V->form == F_HTML && o->open) gk__buf_puts(o->b, "</table>\n");
  else if (o->V->form != F_HTML) gk__buf_putc(o->b, '\n');
  o->open = 0;
}

static void put_para(out *o, const char *s) {
  if (o->V->form == F_HTML) {
    gk__buf_puts(o->b, "<p>");
    put_esc(o->b, s);
    gk__buf_puts(o->b, "</p>\n");
  } else {
    gk__buf_printf(o->b, "%s\n", s);
  }
}

static void cell_text(const gk_report *r, int t, size_t row, size_t col, char *buf, size_t cap) {
  char path[160];
  CU_ASSERT_TRUE_FATAL(gk_schema_path_format(path, sizeof path, gk_report_edition(r), t, row, col) > 0);
  CU_ASSERT_TRUE_FATAL(gk_report_text(buf, cap, r, path, GK_NUL_TERMINATED) >= 0);
}

/* Does the 2021 report print (六) as one row (the truth has `other` itself)? */
static int other_printed(const gk_report *r, size_t row) {
  for (size_t c = 0; c < 7; c++)
    if (gk__cell_at(r, GK_TABLE_REQUESTS, row, c)->state != GK_CELL_BLANK) return 1;
  return 0;
}

static const int declared[] = {0, 1, 2, 3, 4, 5, 6, NO_COL};
static const int *order_of(const variant *V) { return V->order ? V->order : declared; }

static size_t norder(const variant *V) {
  size_t n = 0;
  while (n < 8 && order_of(V)[n] != NO_COL) n++;
  return n;
}

/* Table 二: a header per group of rows sharing their columns. */
static void put_active(out *o, const gk_report *r) {
  int ed = gk_report_edition(r);
  const gk__table_decl *td = &gk__edition_get(ed)->tables[GK_TABLE_ACTIVE];
  uint32_t mask = 0;
  char v[GK__MAX_COLS + 2][64], no[24], hb[GK__MAX_COLS][192];
  const char *cells[GK__MAX_COLS + 2];
  for (size_t row = 0; row < td->nrows; row++) {
    const gk__row_decl *rd = &td->rows[row];
    size_t n = 0;
    if (rd->colmask != mask) {
      if (mask) end_table(o);
      if (o->V->active_lead) cells[n++] = "序号";
      cells[n++] = "信息内容";
      for (size_t c = 0; c < td->ncols; c++)
        if (rd->colmask & (1u << c)) cells[n++] = col_head(o->V, &td->cols[c], c, hb[c], sizeof hb[c]);
      put_cells(o, cells, NULL, n, 1);
      mask = rd->colmask, n = 0;
    }
    snprintf(no, sizeof no, "%zu", row + 1);
    if (o->V->active_lead) cells[n++] = no;
    cells[n++] = rd->zh;
    for (size_t c = 0; c < td->ncols; c++)
      if (rd->colmask & (1u << c)) cell_text(r, GK_TABLE_ACTIVE, row, c, v[n], 64), cells[n] = v[n], n++;
    put_cells(o, cells, NULL, n, 0);
  }
  end_table(o);
}

/* Table 三's header: one row, or two (法人或其他组织 over its sub-columns;
 * in HTML the other cells span both rows, in text they stand above a blank). */
static void put_requests_head(out *o, const gk__table_decl *td) {
  const variant *V = o->V;
  const char *top[12], *low[12];
  char hb[12][192];
  int span[12];
  size_t n = 0, first_org = 12, norg = 0;
  if (V->lead) top[n] = "序号", low[n++] = "";
  top[n] = "申请人情况", low[n++] = "";
  for (size_t i = 0; i < norder(V); i++) {
    int c = order_of(V)[i];
    const char *h = col_head(V, &td->cols[c], (size_t)c, hb[n], sizeof hb[n]);
    if (V->spoil && i == 3) /* a word no column has, or two columns in one cell */
      h = V->spoil == SPOIL_WORD ? "科研机构数量" : "科研机构/社会公益组织";
    if (V->two_level && c >= 1 && c <= 5) {
      if (first_org == 12) first_org = n;
      norg++;
      top[n] = first_org == n ? "法人或其他组织" : "", low[n++] = h;
    } else {
      top[n] = h, low[n++] = "";
    }
  }
  if (V->trail) top[n] = "备注", low[n++] = "";
  if (!V->two_level) {
    put_cells(o, top, NULL, n, 1);
    return;
  }
  if (V->form != F_HTML) {
    put_cells(o, top, NULL, n, 1);
    put_cells(o, low, NULL, n, 2);
    return;
  }
  for (size_t i = 0; i < n; i++) /* the group over the sub-columns, the rest down both rows */
    span[i] = i == first_org ? (int)norg : (i > first_org && i < first_org + norg) ? 0 : -2;
  put_cells(o, top, span, n, 1);
  put_cells(o, low + first_org, NULL, norg, 2);
}

/* Table 三: the header, then every row (group rows with empty cells). */
static void put_requests(out *o, const gk_report *r) {
  const variant *V = o->V;
  int ed = gk_report_edition(r);
  const gk__table_decl *td = &gk__edition_get(ed)->tables[GK_TABLE_REQUESTS];
  put_requests_head(o, td);
  char v[8][64], no[24], note[64];
  const char *cells[12];
  size_t nc = norder(V), serial = 0;
  for (size_t row = 0; row < td->nrows; row++) {
    const gk__row_decl *rd = &td->rows[row];
    int stored = (rd->flags & GK_ROW_STORED) != 0;
    if ((rd->flags & GK_ROW_DERIVED) && stored && !other_printed(r, row)) stored = 0;
    if (rd->parent >= 0 && (td->rows[rd->parent].flags & GK_ROW_STORED) && other_printed(r, (size_t)rd->parent))
      continue; /* (六) printed as one row */
    size_t n = 0;
    snprintf(no, sizeof no, "%zu", ++serial);
    if (V->lead) cells[n++] = no;
    cells[n++] = rd->zh;
    for (size_t i = 0; i < nc; i++) {
      v[i][0] = '\0';
      if (stored) cell_text(r, GK_TABLE_REQUESTS, row, (size_t)order_of(V)[i], v[i], 64);
      cells[n++] = v[i];
    }
    snprintf(note, sizeof note, "%zu", serial * 7 % 10);
    if (V->trail) cells[n++] = V->trail == TRAIL_NUM ? note : serial % 3 ? "无" : "按申请人类别统计";
    put_cells(o, cells, NULL, n, 0);
  }
  end_table(o);
}

/* Table 四 under its three-level header (行政复议 / 行政诉讼 over 未经复议直接起诉 and
 * 复议后起诉, each over its five columns in review_order), one row of 15. */
static void put_review_groups(out *o, const gk_report *r, const gk__table_decl *td) {
  const variant *V = o->V;
  int html = V->form == F_HTML;
  static const int declared5[] = {0, 1, 2, 3, 4};
  const int *ord = V->review_order ? V->review_order : declared5;
  size_t g[3] = {0, 1, 2};
  if (V->review_groups == 2) g[1] = 2, g[2] = 1;
  const char *c1[16], *c2[16], *c3[16], *c4[16];
  int s1[16], s2[16];
  char v[16][64], hb[16][192], gb[3][192];
  static const char *const gname[] = {"行政复议", "未经复议直接起诉", "复议后起诉"};
  for (size_t x = 0; x < 16; x++) c1[x] = c2[x] = c3[x] = "", s1[x] = s2[x] = html ? 0 : 1;
  c1[0] = "", s1[0] = -3;
  c1[1] = head_text(V->deco, html, "行政复议", 0, 0, gb[0], sizeof gb[0]), c1[6] = "行政诉讼", s1[1] = 5, s1[6] = 10;
  for (size_t k = 0; k < 3; k++) {
    c2[1 + 5 * k] = g[k] ? head_text(V->deco, html, gname[g[k]], 0, k, gb[k], sizeof gb[k]) : "";
    s2[1 + 5 * k] = g[k] ? 5 : 0;
    for (size_t i = 0; i < 5; i++) {
      c3[1 + 5 * k + i] = col_head(V, &td->cols[ord[i]], i, hb[1 + 5 * k + i], sizeof hb[0]);
      cell_text(r, GK_TABLE_REVIEW, g[k], (size_t)ord[i], v[1 + 5 * k + i], 64);
      c4[1 + 5 * k + i] = v[1 + 5 * k + i];
    }
  }
  c4[0] = "";
  if (html) {
    s1[1] = 2005; /* 行政复议: five columns, two rows */
    const char *a[16];
    int sa[16];
    size_t n = 0;
    for (size_t x = 0; x < 16; x++)
      if (s1[x]) a[n] = c1[x], sa[n++] = s1[x];
    put_cells(o, a, sa, n, 1);
    n = 0;
    for (size_t x = 1; x < 16; x++)
      if (s2[x] > 0) a[n] = c2[x], sa[n++] = s2[x];
    put_cells(o, a, sa, n, 2); /* the litigation groups; 行政复议's columns carry no group row */
    put_cells(o, c3 + 1, NULL, 15, 2);
    put_cells(o, c4, NULL, 16, 0);
  } else {
    for (size_t x = 0; x < 16; x++) s1[x] = s2[x] = 1;
    put_cells(o, c1, NULL, 16, 1);
    put_cells(o, c2, NULL, 16, 2);
    put_cells(o, c3, NULL, 16, 2);
    put_cells(o, c4, NULL, 16, 0);
  }
  end_table(o);
}

/* Table 四: one row of 15 values under the declared three-level header, or
 * three labelled rows under one header of five columns in review_order. */
static void put_review(out *o, const gk_report *r) {
  const variant *V = o->V;
  const gk__table_decl *td = &gk__edition_get(gk_report_edition(r))->tables[GK_TABLE_REVIEW];
  char v[15][64];
  const char *cells[17];
  if (V->review_groups) {
    put_review_groups(o, r, td);
    return;
  }
  if (!V->review_order) {
    for (size_t k = 0; k < 15; k++) cell_text(r, GK_TABLE_REVIEW, k / 5, k % 5, v[k], 64), cells[k] = v[k];
    put_cells(o, cells, NULL, 15, 0);
    end_table(o);
    return;
  }
  size_t n = 0;
  cells[n++] = "类别";
  char hb[5][192];
  for (size_t i = 0; i < 5; i++) cells[n++] = col_head(V, &td->cols[V->review_order[i]], i, hb[i], sizeof hb[i]);
  put_cells(o, cells, NULL, n, 1);
  static const char *const labs[] = {"行政复议", "行政诉讼 未经复议直接起诉", "行政诉讼 复议后起诉"};
  for (size_t row = 0; row < 3; row++) {
    n = 0;
    cells[n++] = labs[row];
    for (size_t i = 0; i < 5; i++)
      cell_text(r, GK_TABLE_REVIEW, row, (size_t)V->review_order[i], v[i], 64), cells[n] = v[i], n++;
    put_cells(o, cells, NULL, n, 0);
  }
  end_table(o);
}

static const char *const part_head[6] = {"一、总体情况", "二、主动公开政府信息情况",
                                         "三、收到和处理政府信息公开申请情况",
                                         "四、政府信息公开行政复议、行政诉讼情况",
                                         "五、存在的主要问题及改进情况", "六、其他需要报告的事项"};

static void render(gk__buf *b, const variant *V, const gk_report *r) {
  out o = {b, V, 0};
  char t[256];
  if (V->form == F_HTML) gk__buf_puts(b, "<html><head><meta charset=\"utf-8\"></head><body>\n");
  snprintf(t, sizeof t, "%s%d年政府信息公开工作年度报告", gk_report_agency(r, GK_AGENCY_NAME), gk_report_year(r));
  put_para(&o, t);
  snprintf(t, sizeof t, "本报告统计期限自%d年1月1日起至%d年12月31日止。", gk_report_year(r), gk_report_year(r));
  put_para(&o, t);
  put_para(&o, part_head[0]);
  put_para(&o, "本年度依法做好政府信息公开工作。");
  put_para(&o, part_head[1]);
  put_active(&o, r);
  put_para(&o, part_head[2]);
  put_requests(&o, r);
  put_para(&o, part_head[3]);
  put_review(&o, r);
  put_para(&o, part_head[4]);
  put_para(&o, "无。");
  put_para(&o, part_head[5]);
  put_para(&o, "本年度未收取信息处理费。");
  if (V->form == F_HTML) gk__buf_puts(b, "</body></html>\n");
}

/* ------------------------------------------------------------ checking */
static size_t g_cells, g_unknown_col;

/* Is column c of table 三 printed? */
static int printed(const variant *V, int c) {
  for (size_t i = 0; i < norder(V); i++)
    if (order_of(V)[i] == c) return 1;
  return 0;
}

/* ------------------------------------------------------------ cheap header test */
static size_t g_rows, g_heads;

/* Every row of g, as a row of each table of edition ed: the cheap first test
 * never turns away a row the full test takes for a header. */
static void check_cheap_rows(const gk__grid *g, int ed) {
  for (int t = 0; t < GK_NTABLES; t++) {
    walk w;
    walk_init(&w);
    w.L = gk__labels_shared(), w.ed = gk__edition_get(ed), w.t = t, w.g = g;
    CU_ASSERT_PTR_NOT_NULL_FATAL(w.L);
    for (size_t i = 0; i < g->nblocks; i++) {
      if (g->blocks[i].kind != GK__BLK_ROW) continue;
      int full = gk__rec_cols_read_head(&w, &g->blocks[i]);
      CU_ASSERT_TRUE(gk__rec_cols_may_head(&w, &g->blocks[i]) || !full);
      g_rows++, g_heads += full != 0;
    }
  }
}

/* The rendered variant's grid, through the cheap test. */
static void check_cheap(const variant *V, const gk__buf *b, int ed) {
  gk__grid g;
  int rc = GK_OK;
  if (V->form != F_HTML) {
    rc = gk__grid_from_text(&g, b->data, b->len);
  } else {
#ifdef GK_WITH_HTML
    gk__grid_init(&g);
    rc = gk__html_grid(&g, b->data, b->len, "t.html", NULL);
#else
    return;
#endif
  }
  CU_ASSERT_EQUAL(rc, GK_OK);
  if (rc == GK_OK) check_cheap_rows(&g, ed);
  gk__grid_free(&g);
}

/* Import one variant of one truth; returns the wrong cells. */
static size_t check_one(const variant *V, const gk_report *truth, const char *base) {
  gk__buf b;
  gk__buf_init(&b);
  render(&b, V, truth);
  CU_ASSERT_FATAL(b.err == 0);
  check_cheap(V, &b, gk_report_edition(truth));
  if (getenv("GK_COLS_DUMP") && strcmp(getenv("GK_COLS_DUMP"), V->name) == 0) /* the rendered texts, to look at */
    fwrite(b.data, 1, b.len, stdout);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  int rc = V->form == F_HTML ? gk_report_from_html(&r, b.data, b.len, base, d)
                             : gk_report_from_text(&r, b.data, b.len, base, d);
  if (rc == GK_EUNSUPPORTED) { /* a build without HTML */
    gk_diags_free(d), gk__buf_free(&b);
    return 0;
  }
  CU_ASSERT_EQUAL_FATAL(rc, GK_OK);
  int ed = gk_report_edition(truth);
  int same = gk_report_edition(r) == ed; /* another edition: every cell wrong */
  size_t wrong = 0;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++) {
      if (!(gk_schema_row_flags(ed, t, row) & GK_ROW_STORED)) continue;
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
        if (!gk_schema_cell_exists(ed, t, row, c)) continue;
        char want[64], got[64], path[160];
        cell_text(truth, t, row, c, want, sizeof want);
        if (t == GK_TABLE_REQUESTS && !printed(V, (int)c)) want[0] = '\0'; /* left out: blank */
        if (t == GK_TABLE_REQUESTS && V->spoil) { /* the header does not decide: by position */
          want[0] = '\0';
          if (c < norder(V)) cell_text(truth, t, row, (size_t)order_of(V)[c], want, sizeof want);
        }
        gk_schema_path_format(path, sizeof path, ed, t, row, c);
        got[0] = '\0';
        if (same) gk_report_text(got, sizeof got, r, path, GK_NUL_TERMINATED);
        g_cells++;
        if (!same || strcmp(got, want) != 0) {
          wrong++;
          if (getenv("GK_COLS_VERBOSE")) fprintf(stderr, "  %s [%s] %s: want '%s' got '%s'\n", V->name, base, path, want, got);
        }
      }
    }
  /* the columns ignored are said, naming the header cell (table 二: under each header) */
  size_t said = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), "import.unknown_column") == 0) {
      said++;
      const char *m = gk_diag_message(d, i, GK_LANG_ZH);
      CU_ASSERT_TRUE(strstr(m, "序号") != NULL || strstr(m, "备注") != NULL);
      CU_ASSERT_TRUE(gk_diag_line(d, i) > 0);
    }
  size_t want_said = (size_t)(V->lead != 0) + (size_t)(V->trail != 0) + (V->active_lead ? 1 : 0);
  if (said < want_said || (want_said == 0 && said)) { /* nothing said when nothing is ignored */
    g_unknown_col++;
    if (getenv("GK_COLS_VERBOSE")) fprintf(stderr, "  %s [%s]: %zu import.unknown_column, want %zu\n", V->name, base, said, want_said);
  }
  gk_report_free(r);
  gk_diags_free(d);
  gk__buf_free(&b);
  return wrong;
}

static size_t check_truth(const void *V, const gk_report *truth, const char *base) {
  return check_one(V, truth, base);
}

static void check_variant(const variant *V) {
  g_cells = g_unknown_col = g_rows = g_heads = 0;
  size_t wrong = gk_test_each_truth(check_truth, V);
  fprintf(stderr, "columns %-22s %zu of %zu cells right (%zu header rows of %zu)\n", V->name, g_cells - wrong, g_cells,
          g_heads, g_rows);
  CU_ASSERT_TRUE(g_cells > 0 || V->form == F_HTML);
  CU_ASSERT_TRUE(g_heads > 0 || V->form == F_HTML); /* the cheap test met headers */
  CU_ASSERT_EQUAL(wrong, 0);
  CU_ASSERT_EQUAL(g_unknown_col, 0);
}

#define V(...) ((variant){__VA_ARGS__})
#define ORDER(...) ((const int[]){__VA_ARGS__, NO_COL})

/* Each arrangement in each form. */
static void check_forms(variant v) {
  static const char *const fname[] = {"pipe", "tsv", "html"};
  char name[64];
  for (int f = F_PIPE; f <= F_HTML; f++) {
    snprintf(name, sizeof name, "%s %s", v.name, fname[f]);
    variant w = v;
    w.name = name, w.form = f;
    check_variant(&w);
  }
}

static void test_text_columns_declared(void) {
  check_forms(V(.name = "declared"));
  check_forms(V(.name = "declared 2-level", .two_level = 1));
}

static void test_text_columns_serial(void) {
  check_forms(V(.name = "serial", .lead = 1));
  check_forms(V(.name = "serial 2-level", .lead = 1, .two_level = 1));
  check_forms(V(.name = "serial active", .lead = 1, .active_lead = 1));
}

static void test_text_columns_notes(void) {
  check_forms(V(.name = "notes text", .trail = TRAIL_TEXT));
  check_forms(V(.name = "notes numbers", .trail = TRAIL_NUM));
  check_forms(V(.name = "serial+notes", .lead = 1, .trail = TRAIL_NUM, .two_level = 1));
}

static void test_text_columns_order(void) {
  check_forms(V(.name = "total first", .order = ORDER(6, 0, 1, 2, 3, 4, 5)));
  check_forms(V(.name = "orgs reversed", .order = ORDER(0, 5, 4, 3, 2, 1, 6)));
  check_forms(V(.name = "orgs reversed 2-level", .order = ORDER(0, 5, 4, 3, 2, 1, 6), .two_level = 1));
  check_forms(V(.name = "commercial/research", .order = ORDER(0, 2, 1, 3, 4, 5, 6)));
  check_forms(V(.name = "review total first", .review_order = (const int[]){4, 0, 1, 2, 3}));
  check_forms(V(.name = "review 3-level", .review_groups = 1));
  check_forms(V(.name = "review 3-level reversed", .review_groups = 1, .review_order = (const int[]){4, 3, 2, 1, 0}));
  check_forms(V(.name = "review groups swapped", .review_groups = 2, .review_order = (const int[]){4, 0, 1, 2, 3}));
}

static void test_text_columns_omitted(void) {
  check_forms(V(.name = "no other", .order = ORDER(0, 1, 2, 3, 4, 6)));
  check_forms(V(.name = "no other 2-level", .order = ORDER(0, 1, 2, 3, 4, 6), .two_level = 1));
  check_forms(V(.name = "no other, total first", .order = ORDER(6, 0, 1, 2, 3, 4), .trail = TRAIL_TEXT));
}

/* Random rows (labels and variants of every table's columns and rows, header
 * words, values, blanks; at random columns and spans) against the cheap test. */
static void test_text_columns_cheap_random(void) {
  const char *words[600];
  size_t nw = 0;
  static const char *const extra[] = {"", "", "", "序号", "备注", "数据1", "类别", "项目", "12", "0", "-3",
                                      "无", "行政复议", "申请人情况", "信息内容", "本年新收", "自然人（件）",
                                      "总计(注:含上年结转,如-8)", "復議後起訴【注】", "采购总金额 万元", "（商业企业）",
                                      "科研机构/社会公益组织", "其他(", "结果维持)"};
  for (size_t i = 0; i < sizeof extra / sizeof *extra; i++) words[nw++] = extra[i];
  for (size_t e = 0; e < gk_schema_edition_count(); e++) {
    const gk__edition *ed = gk__edition_get(gk_schema_edition_id(e));
    for (int t = 0; t < GK_NTABLES; t++) {
      const gk__table_decl *td = &ed->tables[t];
      for (size_t c = 0; c < td->ncols && nw < 580; c++) {
        words[nw++] = td->cols[c].zh;
        for (size_t v = 0; v < GK__MAX_VARIANTS && td->cols[c].variants[v] && nw < 580; v++) words[nw++] = td->cols[c].variants[v];
      }
      for (size_t r = 0; r < td->nrows && nw < 580; r++) words[nw++] = td->rows[r].zh;
    }
  }
  g_rows = g_heads = 0;
  unsigned seed = 12345;
  gk__grid g;
  gk__grid_init(&g);
  for (int n = 0; n < 20000; n++) {
    seed = seed * 1103515245u + 12345u;
    size_t ncells = 1 + (seed >> 16) % 6;
    uint32_t x = 0;
    gk__grid_row(&g, GK__BLK_ROW, (uint32_t)(n % 3), 1, (gk__gpos){(uint32_t)n + 1, 1});
    for (size_t k = 0; k < ncells; k++) {
      seed = seed * 1103515245u + 12345u;
      const char *s = words[(seed >> 8) % nw];
      uint16_t span = (seed >> 4) % 5 == 0 ? 2 : 1;
      x += (seed >> 20) % 4 == 0; /* a column with no cell */
      gk__grid_cell(&g, s, strlen(s), x, 1, span, 0, (gk__gpos){(uint32_t)n + 1, (uint32_t)x + 1});
      x += span;
    }
  }
  CU_ASSERT_EQUAL_FATAL(g.err, 0);
  for (size_t e = 0; e < gk_schema_edition_count(); e++) check_cheap_rows(&g, gk_schema_edition_id(e));
  gk__grid_free(&g);
  fprintf(stderr, "cheap header test: %zu random rows, %zu headers, none turned away\n", g_rows, g_heads);
  CU_ASSERT_TRUE(g_heads > 100); /* the property is not vacuous */
}

/* Headers whose cells carry units, notes, breaks, Traditional characters:
 * each still names its column. */
static void test_text_columns_decorated(void) {
  check_forms(V(.name = "units total first", .deco = DECO_UNIT, .order = ORDER(6, 0, 1, 2, 3, 4, 5)));
  check_forms(V(.name = "notes orgs reversed", .deco = DECO_NOTE, .order = ORDER(0, 5, 4, 3, 2, 1, 6), .two_level = 1));
  check_forms(V(.name = "breaks commercial/research", .deco = DECO_BREAK, .order = ORDER(0, 2, 1, 3, 4, 5, 6)));
  check_forms(V(.name = "traditional serial+notes", .deco = DECO_TRAD, .lead = 1, .trail = TRAIL_NUM,
                .order = ORDER(6, 0, 1, 2, 3, 4, 5)));
  check_forms(V(.name = "all: active serial", .deco = DECO_ALL, .lead = 1, .active_lead = 1));
  check_forms(V(.name = "all: no other", .deco = DECO_ALL, .order = ORDER(6, 0, 1, 2, 3, 4), .trail = TRAIL_TEXT));
  check_forms(V(.name = "all: review total first", .deco = DECO_ALL, .review_order = (const int[]){4, 0, 1, 2, 3}));
  check_forms(V(.name = "all: review 3-level", .deco = DECO_ALL, .review_groups = 2,
                .review_order = (const int[]){4, 3, 2, 1, 0}));
}

/* A header cell that is no column once its decoration goes (a word left
 * over, two columns in one cell): the header does not decide, the cells go
 * by position. */
static void test_text_columns_undecided(void) {
  check_forms(V(.name = "word left over", .spoil = SPOIL_WORD, .order = ORDER(6, 0, 1, 2, 3, 4, 5)));
  check_forms(V(.name = "two columns in a cell", .spoil = SPOIL_TWO, .deco = DECO_NOTE,
                .order = ORDER(6, 0, 1, 2, 3, 4, 5)));
}

/* ------------------------------------------------------------------------
 * Table 二 headed in the other edition's wording (本年新制作数量 … over a 2021
 * report's rows, 本年制发件数 … over a 2019 one's): a column the declared
 * cross-edition correspondences map (made ~ issued, decisions) is read as its
 * own; one they do not map stays blank, said import.unknown_column, never
 * read as the column in its place. The truth's Markdown export with table
 * 二's header cells swapped for the other edition's labels (the
 * corresponding column's, else the column at the same index when it
 * corresponds to none); a header row left with no column of the table
 * keeps its words. */

/* Does column `key` of edition `ed`'s table 二 correspond to a column of
 * edition `to`? Its key there, else NULL. */
static const char *corresponding(int ed, const char *key, int to) {
  const gk__table_decl *td = &gk__edition_get(ed)->tables[GK_TABLE_ACTIVE];
  for (size_t r = 0; r < td->nrows; r++) {
    const char *k = gk__edition_common_col(GK_TABLE_ACTIVE, td->rows[r].key, key, ed, to);
    if (k) return k;
  }
  return NULL;
}

/* The other edition's label for column c of ed's table 二 (*foreign: one of
 * no corresponding column), or NULL when none fits. */
static const char *swapped(int ed, int to, size_t c, int *foreign) {
  const gk__table_decl *td = &gk__edition_get(ed)->tables[GK_TABLE_ACTIVE];
  const gk__table_decl *od = &gk__edition_get(to)->tables[GK_TABLE_ACTIVE];
  const char *k = corresponding(ed, td->cols[c].key, to);
  *foreign = !k;
  for (size_t i = 0; i < od->ncols; i++)
    if (k ? !strcmp(od->cols[i].key, k) : i == c && !corresponding(to, od->cols[i].key, ed)) return od->cols[i].zh;
  return NULL;
}

/* The Markdown of truth with table 二's header rows swapped; foreign[c] set
 * for the columns swapped to a label of no corresponding column. */
static void swap_active_headers(gk__buf *dst, const char *md, size_t n, int ed, int to, int *foreign, size_t most) {
  const gk__table_decl *td = &gk__edition_get(ed)->tables[GK_TABLE_ACTIVE];
  size_t rows = 0;
  for (const char *p = md, *e = md + n; p < e;) {
    const char *nl = memchr(p, '\n', (size_t)(e - p));
    size_t len = nl ? (size_t)(nl - p) : (size_t)(e - p);
    char line[512], outl[1024];
    size_t ol = 0;
    int named = 0, f[GK__MAX_COLS] = {0}, any = 0;
    snprintf(line, sizeof line, "%.*s", (int)len, p);
    /* cells "| a | b |": each a column label of ed swapped */
    for (char *c = strtok(line, "|"); c && len < sizeof line; c = strtok(NULL, "|")) {
      char cell[256];
      snprintf(cell, sizeof cell, "%s", c);
      char *t = cell + strspn(cell, " ");
      size_t tl = strlen(t);
      while (tl && t[tl - 1] == ' ') t[--tl] = '\0';
      const char *rep = NULL;
      for (size_t k = 0; k < td->ncols && !rep; k++)
        if (!strcmp(t, td->cols[k].zh)) {
          int fo = 0;
          rep = swapped(ed, to, k, &fo);
          if (rep) f[k] = fo, any = 1, named |= !fo;
          else named = 1, rep = t; /* kept */
        }
      ol += (size_t)snprintf(outl + ol, sizeof outl - ol, "| %s ", rep ? rep : t);
    }
    if (any && named && rows++ < most) {
      gk__buf_printf(dst, "%s|\n", outl);
      for (size_t k = 0; k < td->ncols; k++) foreign[k] |= f[k];
    } else {
      gk__buf_put(dst, p, len), gk__buf_putc(dst, '\n');
    }
    p += nl ? len + 1 : len;
  }
}

static size_t g_oe_cells, g_oe_blank, g_oe_flipped, g_oe_reports;
static size_t check_other_edition(const void *arg, const gk_report *truth, const char *base) {
  size_t most = *(const size_t *)arg; /* header rows swapped at most */
  int ed = gk_report_edition(truth), to = 0;
  g_oe_reports++;
  for (size_t i = 0; i < gk_schema_edition_count(); i++)
    if (gk_schema_edition_id(i) != ed && !to) to = gk_schema_edition_id(i);
  char *md = NULL;
  size_t n = 0, wrong = 0;
  int foreign[GK__MAX_COLS] = {0};
  CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &n, truth), GK_OK);
  gk__buf b;
  gk__buf_init(&b);
  swap_active_headers(&b, md, n, ed, to, foreign, most);
  gk_free(md);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, b.data, b.len, base, d), GK_OK);
  if (gk_report_edition(r) != ed) { /* the header's words outnumber the other tables' marks: read as the other */
    g_oe_flipped++;
    gk_report_free(r);
    gk_diags_free(d);
    gk__buf_free(&b);
    return 0;
  }
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, (gk_table)t); row++)
      for (size_t c = 0; c < gk_schema_ncols(ed, (gk_table)t); c++) {
        char path[160], want[64], got[64];
        if (!(gk_schema_row_flags(ed, (gk_table)t, row) & GK_ROW_STORED) || !gk_schema_cell_exists(ed, (gk_table)t, row, c))
          continue;
        gk_schema_path_format(path, sizeof path, ed, (gk_table)t, row, c);
        CU_ASSERT_TRUE_FATAL(gk_report_text(want, sizeof want, truth, path, GK_NUL_TERMINATED) >= 0);
        CU_ASSERT_TRUE_FATAL(gk_report_text(got, sizeof got, r, path, GK_NUL_TERMINATED) >= 0);
        int blank = t == GK_TABLE_ACTIVE && foreign[c];
        g_oe_cells++, g_oe_blank += blank;
        if (strcmp(got, blank ? "" : want)) {
          wrong++;
          fprintf(stderr, "  [%s] %s: want '%s' got '%s'\n", base, path, blank ? "" : want, got);
        }
      }
  size_t said = 0, nforeign = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) said += !strcmp(gk_diag_rule(d, i), "import.unknown_column");
  for (size_t c = 0; c < GK__MAX_COLS; c++) nforeign += foreign[c] != 0;
  CU_ASSERT_TRUE(said >= nforeign && (said > 0) == (nforeign > 0));
  gk_report_free(r);
  gk_diags_free(d);
  gk__buf_free(&b);
  return wrong;
}

/* Every header row of table 二 swapped, or its first only (the other rows'
 * words keep the report's edition marked). */
static void test_text_columns_other_edition(void) {
  static const size_t most[] = {SIZE_MAX, 1};
  for (size_t k = 0; k < 2; k++) {
    g_oe_cells = g_oe_blank = g_oe_flipped = g_oe_reports = 0;
    size_t wrong = gk_test_each_truth(check_other_edition, &most[k]);
    fprintf(stderr, "table 二 in the other edition's wording (%s): %zu reports (%zu read as the other edition), "
            "%zu cells, %zu of them under a column of none, %zu wrong\n", k ? "first header" : "all headers",
            g_oe_reports, g_oe_flipped, g_oe_cells, g_oe_blank, wrong);
    CU_ASSERT_EQUAL(wrong, 0);
    CU_ASSERT_TRUE(g_oe_blank > 0);
    CU_ASSERT_TRUE(g_oe_flipped < g_oe_reports);
    if (k) CU_ASSERT_EQUAL(g_oe_flipped, 0); /* both editions' reports read in the other's wording */
  }
}

static CU_TestInfo tests[] = {
  {"decorated headers", test_text_columns_decorated},
  {"headers that do not decide", test_text_columns_undecided},
  {"cheap header test on random rows", test_text_columns_cheap_random},
  {"declared order", test_text_columns_declared},
  {"serial column", test_text_columns_serial},
  {"notes column", test_text_columns_notes},
  {"columns in another order", test_text_columns_order},
  {"a column left out", test_text_columns_omitted},
  {"table 二 in the other edition's wording", test_text_columns_other_edition},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text_columns", tests); }
