/* SPDX-License-Identifier: MIT */
/* Layout generator: the complete real reports (the ones with a .truth.json, every
 * cell known) re-rendered in the layouts other published reports use (pipe and
 * TSV tables, one cell per line, HTML-to-text with group prefixes, pdftotext
 * -layout with wrapped labels, label variants, the review table's shapes, line
 * endings and encodings, heading variants), imported again and compared cell by
 * cell with the truth. Where a layout loses blank cells the row is ambiguous:
 * its cells must stay blank (never a guess) and import.ambiguous must name it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cjson/cJSON.h>
#include "testutil.h"
#include "walk_ref.h"
#include "internal.h"
#include "text_int.h"
#include "gkreport/text.h"
#include "read_doc.h"
#include "grid.h"

/* ------------------------------------------------------------ layout options */
enum { SEP_PIPE, SEP_TSV, SEP_LINES, SEP_SPACES, SEP_RUN };
enum { ORD_KEEP, ORD_NONE, ORD_DUN, ORD_PAREN, ORD_CIRCLE, ORD_HALF, ORD_SPACE, ORD_SPACEDOT };
enum { RV_ONE_LINE, RV_THREE_LINES, RV_HEADERS, RV_PER_LINE, RV_CHAR_HEADERS, RV_LABELLED };
enum { OTHER_FULL, OTHER_SHORT, OTHER_ONE_ROW };
enum { HEAD_OFFICIAL, HEAD_PAREN, HEAD_LOST, HEAD_PART, HEAD_FWSPACE, HEAD_NONE, HEAD_WRAPPED, HEAD_ARABIC, HEAD_OWN,
       HEAD_OWN2, HEAD_TABLES_GONE };
enum { ENC_LF, ENC_CRLF, ENC_BOM, ENC_GB };

typedef struct {
  const char *name;
  int sep;
  int ord;        /* ordinal style of row labels */
  int prefix;     /* group labels prefixed to the first child's label (HTML); 2: in their own field */
  int groupcells; /* group rows ("（三）不予公开") printed with empty cells */
  int trad;       /* Traditional characters */
  int spaced;     /* spaces inside short labels "行 政 许 可" */
  int fwdigits;   /* full-width digits in values */
  int wrap;       /* pdftotext: long labels over two lines; 1 values on first, 2 on last */
  int review;
  int other;
  int head;
  int enc;
  int headers;    /* column header rows printed */
  int align;      /* Markdown separator rows with alignment colons "|:---:|" */
  int dbl;        /* every line followed by an empty line (blank cells lost) */
  int block;      /* text extracted by column: all labels, then all values */
  int pagebreak;  /* a page break inside table 三: footer, form feed, the header again */
  int fwsep;      /* values apart by full-width spaces and thousands separators */
  int fwpipe;     /* 1: full-width vertical bars "｜", 2: box drawing "│" */
  int noouter;    /* pipe rows without their outer bars ("a | 1 |  | 2"; a blank last cell ends the line in a bar) */
  const char *blankmark; /* blank cells written as this literal ("—", "/") */
  const char *countword; /* counts written with this counting word ("3件") */
  int md;         /* Markdown: "# " title, "## " headings */
  int perrow;     /* table 三: one pipe table per row, header of anonymous columns */
  int junk;       /* three junk tables of "-" before table 三 */
  int nolabel;    /* table 三: every 5th leaf row printed without its label cell */
  int shuffle;    /* table 三: neighbouring leaf rows swapped */
  int html;       /* tables as raw HTML, spans as published: 1 one line each (MinerU), 2 a tag a line with <thead>/<th> (pandoc) */
  int brcells;    /* pipe cells holding <br> inside labels and &nbsp; around values (marker) */
  int pass;       /* (internal) block: 1 labels, 2 values */
  int grid;       /* pandoc tables: 1 grid tables (+---+), 2 simple and multiline tables */
  int markup;     /* Markdown inline markup around values and header cells (MK_*, converters' cells) */
  int boldlabels; /* row labels in bold "**…**" */
  const char *group; /* values of 4 digits or more in thousands groups apart by this ("1，808，595") */
} layout;

/* Inline markup converters write in table cells: bold, italics, bold
 * italics, bold digits before a counting word, inline HTML, note marks after
 * values (footnote definitions at the end), links, struck old values. */
enum { MK_NONE, MK_BOLD, MK_ITALIC, MK_BOLDITAL, MK_PART, MK_HTML, MK_NOTES, MK_LINK, MK_STRUCK };

/* Does the layout keep blank cells (empty fields or empty lines)? */
static int keeps_blanks(const layout *L) {
  if (L->blankmark) return 1; /* every cell written */
  return L->sep != SEP_SPACES && L->sep != SEP_RUN && !(L->dbl && L->sep == SEP_LINES) && !L->block;
}

/* ------------------------------------------------------------ label text */
static const char *const trad_map[][2] = {
  {"规", "規"}, {"范", "範"}, {"许", "許"}, {"处", "處"}, {"罚", "罰"}, {"强", "強"},
  {"复议", "復議"}, {"复", "複"}, {"议", "議"}, {"诉", "訴"}, {"讼", "訟"}, {"总", "總"},
  {"计", "計"}, {"结", "結"}, {"转", "轉"}, {"办", "辦"}, {"国", "國"}, {"权", "權"},
  {"护", "護"}, {"内", "內"}, {"务", "務"}, {"过", "過"}, {"执", "執"}, {"询", "詢"},
  {"无", "無"}, {"补", "補"}, {"确", "確"}, {"认", "認"}, {"请", "請"}, {"数", "數"},
  {"开", "開"}, {"获", "獲"}, {"现", "現"}, {"没", "沒"}, {"经", "經"}, {"维", "維"},
  {"纠", "糾"}, {"审", "審"}, {"类", "類"}, {"项", "項"}, {"费", "費"}, {"缴", "繳"},
  {"发", "發"}, {"废", "廢"}, {"采", "採"}, {"购", "購"}, {"额", "額"}, {"单", "單"},
  {"万", "萬"}, {"决", "決"}, {"组", "組"}, {"织", "織"}, {"业", "業"}, {"构", "構"},
  {"机", "機"}, {"况", "況"}, {"问", "問"}, {"题", "題"}, {"进", "進"}, {"报", "報"},
  {"属", "屬"}, {"稳", "穩"}, {"访", "訪"}, {"举", "舉"}, {"当", "當"}, {"纳", "納"},
  {"继", "繼"}, {"续", "續"}, {"对", "對"}, {"会", "會"}, {"动", "動"}, {"统", "統"},
  {"制作", "製作"}, {"关", "關"}, {"据", "據"}, {"档", "檔"}, {"减", "減"}};

/* Put s with the layout's character changes. */
static void put_text(gk__buf *b, const layout *L, const char *s) {
  while (*s) {
    size_t k = 0;
    if (L->trad)
      for (size_t m = 0; m < sizeof trad_map / sizeof trad_map[0]; m++) {
        size_t n = strlen(trad_map[m][0]);
        if (strncmp(s, trad_map[m][0], n) == 0) {
          gk__buf_puts(b, trad_map[m][1]);
          k = n;
          break;
        }
      }
    if (!k && L->ord == ORD_HALF && strncmp(s, "（", 3) == 0) gk__buf_putc(b, '('), k = 3;
    if (!k && L->ord == ORD_HALF && strncmp(s, "）", 3) == 0) gk__buf_putc(b, ')'), k = 3;
    if (!k) {
      k = 1;
      while (((unsigned char)s[k] & 0xC0) == 0x80) k++;
      gk__buf_put(b, s, k);
    }
    s += k;
  }
}

static size_t nchars(const char *s) {
  size_t k = 0;
  for (; *s; s++) k += ((unsigned char)*s & 0xC0) != 0x80;
  return k;
}

/* Split an official label into its ordinal ("（一）", "1.", "一、") and body. */
static const char *label_body(const char *zh, int *num) {
  *num = 0;
  static const char *const cn[] = {"一", "二", "三", "四", "五", "六", "七", "八"};
  if (strncmp(zh, "（", 3) == 0) {
    for (int k = 0; k < 8; k++)
      if (strncmp(zh + 3, cn[k], 3) == 0 && strncmp(zh + 6, "）", 3) == 0) {
        *num = k + 1;
        return zh + 9;
      }
  }
  for (int k = 0; k < 8; k++)
    if (strncmp(zh, cn[k], 3) == 0 && strncmp(zh + 3, "、", 3) == 0) {
      *num = -(k + 1);
      return zh + 6;
    }
  if (zh[0] >= '1' && zh[0] <= '9' && zh[1] == '.') {
    *num = 100 + zh[0] - '0';
    return zh + 2;
  }
  return zh;
}

/* A row label in the layout's ordinal style. */
static void put_label_text(gk__buf *b, const layout *L, const char *zh);

static void put_label(gk__buf *b, const layout *L, const char *zh) {
  if (L->boldlabels) gk__buf_puts(b, "**");
  put_label_text(b, L, zh);
  if (L->boldlabels) gk__buf_puts(b, "**");
}

static void put_label_text(gk__buf *b, const layout *L, const char *zh) {
  int num = 0;
  const char *body = label_body(zh, &num);
  static const char *const circled[] = {"①", "②", "③", "④", "⑤", "⑥", "⑦", "⑧", "⑨"};
  if (num >= 100 && L->ord != ORD_KEEP && L->ord != ORD_HALF) {
    int k = num - 100;
    if (L->ord == ORD_DUN) gk__buf_printf(b, "%d、", k);
    else if (L->ord == ORD_PAREN) gk__buf_printf(b, "（%d）", k);
    else if (L->ord == ORD_CIRCLE) gk__buf_puts(b, circled[k - 1]);
    else if (L->ord == ORD_SPACE) gk__buf_printf(b, "%d ", k); /* the dot lost */
    else if (L->ord == ORD_SPACEDOT) gk__buf_printf(b, "%d .", k);
  } else if (num != 0 && L->ord == ORD_NONE) {
    /* ordinal dropped */
  } else {
    gk__buf_put(b, zh, (size_t)(body - zh));
  }
  if (L->spaced && nchars(body) <= 6) {
    gk__buf t;
    gk__buf_init(&t);
    put_text(&t, L, body);
    for (size_t i = 0; i < t.len;) {
      size_t k = 1;
      while (i + k < t.len && ((unsigned char)t.data[i + k] & 0xC0) == 0x80) k++;
      if (i) gk__buf_puts(b, " ");
      gk__buf_put(b, t.data + i, k);
      i += k;
    }
    gk__buf_free(&t);
  } else {
    put_text(b, L, body);
  }
}

/* A value in the layout's digits. */
static void put_marked(gk__buf *b, const layout *L, const char *v);

static void put_value(gk__buf *b, const layout *L, const char *v) {
  if (L->markup && *v) {
    put_marked(b, L, v);
    return;
  }
  if (!*v && L->blankmark) v = L->blankmark;
  size_t nd = 0, lead = *v == '-' || *v == '+'; /* the integer part's digits, grouped */
  while (L->group && v[lead + nd] >= '0' && v[lead + nd] <= '9') nd++;
  for (size_t j = 0; *v; v++, j++) {
    if (j > lead && j < lead + nd && nd > 3 && (lead + nd - j) % 3 == 0) gk__buf_puts(b, L->group);
    if (L->fwdigits && *v >= '0' && *v <= '9') {
      char t[4] = {(char)0xEF, (char)0xBC, (char)(0x90 + (*v - '0')), 0};
      gk__buf_puts(b, t);
    } else {
      gk__buf_putc(b, *v);
    }
  }
}

/* ------------------------------------------------------------ rendering */
static const char *const short_other[] = {"1.逾期不补正", "2.逾期不缴费", "3.其他"};

/* One table line: label and values in the layout's separator. */
static void put_row_br(gk__buf *b, const layout *L, const char *label, const char *const *vals, size_t n);

static void put_row(gk__buf *b, const layout *L, const char *label, const char *const *vals, size_t n) {
  if (L->brcells && L->sep == SEP_PIPE) {
    put_row_br(b, L, label, vals, n);
    return;
  }
  if (L->pass == 1) n = 0;        /* labels only */
  if (L->pass == 2) label = NULL; /* values only */
  if (L->pass == 2 && n == 0) return;
  gk__buf lab;
  gk__buf_init(&lab);
  if (label) put_label(&lab, L, label);
  switch (L->sep) {
  case SEP_PIPE:
  case SEP_TSV: { /* "| a | 1 | 2 |" or "a\t1\t2" */
    int pipe = L->sep == SEP_PIPE;
    const char *bar = L->fwpipe == 1 ? "｜" : L->fwpipe == 2 ? "│" : "|";
    if (pipe && !L->noouter) gk__buf_puts(b, bar), gk__buf_putc(b, ' ');
    gk__buf_put(b, lab.data ? lab.data : "", lab.len);
    for (size_t i = 0; i < n; i++) {
      if (pipe) gk__buf_putc(b, ' '), gk__buf_puts(b, bar), gk__buf_putc(b, ' ');
      else gk__buf_putc(b, '\t');
      put_value(b, L, vals[i]);
    }
    if (pipe && !L->noouter) gk__buf_putc(b, ' '), gk__buf_puts(b, bar);
    gk__buf_putc(b, '\n');
    break;
  }
  case SEP_RUN: /* page text as a crawler saves it: label and values run together */
    gk__buf_put(b, lab.data ? lab.data : "", lab.len);
    for (size_t i = 0; i < n; i++) put_value(b, L, vals[i]);
    break;
  case SEP_LINES:
    if (lab.len) gk__buf_put(b, lab.data, lab.len), gk__buf_putc(b, '\n');
    for (size_t i = 0; i < n; i++) {
      put_value(b, L, vals[i]);
      gk__buf_putc(b, '\n');
    }
    break;
  default: { /* pdftotext -layout: a long label in chunks of 9 (7) characters,
              * the numbers on the first (1), last (2) or middle (3) chunk's line */
    const char *s = lab.data ? lab.data : "";
    size_t cuts[16], nc = 0, width = L->wrap == 3 ? 7 : 9;
    for (size_t i = 0, k = 0; i < lab.len; k++) {
      if (k % width == 0 && nc < 15) cuts[nc++] = i;
      i++;
      while (i < lab.len && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    }
    if (!L->wrap || !n || nchars(s) <= 10) cuts[0] = 0, nc = 1;
    cuts[nc] = lab.len;
    size_t at = L->wrap == 1 ? 0 : L->wrap == 2 ? nc - 1 : nc / 2;
    for (size_t c = 0; c < nc; c++) {
      if (c) gk__buf_puts(b, "    ");
      gk__buf_put(b, s + cuts[c], cuts[c + 1] - cuts[c]);
      if (c != at) {
        gk__buf_putc(b, '\n');
        continue;
      }
      for (size_t pad = (nchars(s) < 20 && nc == 1 ? nchars(s) : width + 2) * 2; pad < 44; pad++)
        gk__buf_putc(b, ' ');
    for (size_t i = 0; i < n; i++) {
      gk__buf_puts(b, L->fwsep ? "　　" : "      ");
      if (!vals[i][0]) gk__buf_puts(b, "  ");
      size_t vn = strlen(vals[i]);
      if (L->fwsep && vn > 3 && vn < 8 && vals[i][0] >= '1' && vals[i][0] <= '9' && !strchr(vals[i], '.')) {
        char t[16]; /* "1,234", "1,234,567" */
        size_t k = 0;
        for (size_t j = 0; j < vn; j++) {
          if (j && (vn - j) % 3 == 0) t[k++] = ',';
          t[k++] = vals[i][j];
        }
        t[k] = '\0';
        put_value(b, L, t);
      } else {
        put_value(b, L, vals[i]);
      }
    }
      gk__buf_putc(b, '\n');
    }
  }
  }
  gk__buf_free(&lab);
}

static void put_header(gk__buf *b, const layout *L, const char *first, const char *const *cols, size_t n) {
  if (!L->headers) return;
  if (L->sep == SEP_PIPE) {
    put_row(b, L, first, cols, n);
    const char *sep = L->align ? "|:---:" : "|---";
    gk__buf_puts(b, sep + (L->noouter ? 1 : 0));
    for (size_t i = 0; i < n; i++) gk__buf_puts(b, sep);
    gk__buf_puts(b, L->noouter ? "\n" : "|\n");
    return;
  }
  gk__buf_puts(b, first);
  for (size_t i = 0; i < n; i++) {
    gk__buf_puts(b, L->sep == SEP_TSV ? "\t" : L->sep == SEP_LINES ? "\n" : L->sep == SEP_RUN ? "" : "    ");
    put_text(b, L, cols[i]);
  }
  if (L->sep != SEP_RUN) gk__buf_putc(b, '\n');
}

static void cell_text(const gk_report *r, int t, size_t row, size_t col, char *buf, size_t cap) {
  char path[160];
  CU_ASSERT_TRUE_FATAL(gk_schema_path_format(path, sizeof path, gk_report_edition(r), t, row, col) > 0);
  CU_ASSERT_TRUE_FATAL(gk_report_text(buf, cap, r, path, GK_NUL_TERMINATED) >= 0);
}

/* Does the 2021 report print (六) as one row (the truth has `other` itself)? */
static int other_printed(const gk_report *r, size_t row) {
  for (size_t c = 0; c < 7; c++) /* the stored cell, not the sum read through it */
    if (gk__cell_at(r, GK_TABLE_REQUESTS, row, c)->state != GK_CELL_BLANK) return 1;
  return 0;
}

/* Values of the row (the row's columns in order) into vals[]. */
static size_t row_values(const layout *L, const gk_report *r, int t, size_t row, char v[][64]) {
  int ed = gk_report_edition(r);
  size_t n = 0;
  for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
    if (!gk_schema_cell_exists(ed, t, row, c)) continue;
    cell_text(r, t, row, c, v[n], 64);
    if (L->countword && v[n][0] && gk_schema_col_kind(ed, t, c) != GK_KIND_AMOUNT)
      strncat(v[n], L->countword, 63 - strlen(v[n]));
    n++;
  }
  return n;
}

static void put_table_pass(gk__buf *b, const layout *L, const gk_report *r, int t);

static void put_table(gk__buf *b, const layout *L, const gk_report *r, int t) {
  if (!L->block || t == GK_TABLE_REVIEW) {
    put_table_pass(b, L, r, t);
    return;
  }
  layout l2 = *L;
  l2.pass = 1;
  put_table_pass(b, &l2, r, t);
  l2.pass = 2;
  put_table_pass(b, &l2, r, t);
}

static void put_table_pass(gk__buf *b, const layout *L, const gk_report *r, int t) {
  int ed = gk_report_edition(r);
  const gk__table_decl *td = &gk__edition_get(ed)->tables[t];
  char v[GK__MAX_COLS][64];
  const char *vp[GK__MAX_COLS];
  for (size_t i = 0; i < GK__MAX_COLS; i++) vp[i] = v[i];
  if (t == GK_TABLE_REVIEW) {
    const char *h1[] = {"行政复议", "行政诉讼"};
    const char *h2[] = {"未经复议直接起诉", "复议后起诉"};
    const char *cols[5];
    for (size_t c = 0; c < 5; c++) cols[c] = td->cols[c].zh;
    if (L->review == RV_CHAR_HEADERS) { /* PDF text: one character per line */
      for (size_t c = 0; c < 5; c++)
        for (const char *q = td->cols[c].zh; *q; q += 3) gk__buf_put(b, q, 3), gk__buf_putc(b, '\n');
    }
    if (L->review == RV_HEADERS) {
      put_header(b, L, "", h1, 2);
      put_header(b, L, "", h2, 2);
      for (int k = 0; k < 3; k++) put_header(b, L, "", cols, 5);
    }
    size_t k = 0;
    char all[15][64];
    const char *ap[15];
    for (size_t row = 0; row < 3; row++)
      for (size_t c = 0; c < 5; c++) cell_text(r, t, row, c, all[k], 64), ap[k] = all[k], k++;
    if (L->review == RV_LABELLED) {
      const char *labs[] = {"行政复议", "行政诉讼 未经复议直接起诉", "复议后起诉"};
      for (size_t row = 0; row < 3; row++) put_row(b, L, labs[row], ap + 5 * row, 5);
    } else if (L->review == RV_THREE_LINES) {
      for (size_t row = 0; row < 3; row++) put_row(b, L, NULL, ap + 5 * row, 5);
    } else if (L->review == RV_PER_LINE) {
      layout l2 = *L;
      l2.sep = SEP_LINES;
      put_row(b, &l2, NULL, ap, 15);
    } else {
      put_row(b, L, NULL, ap, 15);
    }
    return;
  }
  uint32_t mask = 0;
  size_t order[64];
  for (size_t k = 0; k < td->nrows; k++) order[k] = k;
  for (size_t k = 4; L->shuffle && t == GK_TABLE_REQUESTS && k + 1 < td->nrows; k++) {
    const gk__row_decl *a = &td->rows[k], *c = &td->rows[k + 1];
    int leaf = (a->flags & GK_ROW_LEAF) && (c->flags & GK_ROW_LEAF) && a->parent >= 0 &&
               a->parent == c->parent && !(td->rows[a->parent].flags & GK_ROW_STORED);
    if (leaf) order[k] = k + 1, order[k + 1] = k, k++; /* neighbouring leaf rows swapped */
  }
  if (t == GK_TABLE_REQUESTS && L->junk)
    for (int k = 0; k < 3; k++) gk__buf_puts(b, "| - | - | - |\n| --- | --- | --- |\n| - | - | - |\n\n");
  size_t nleaf = 0;
  for (size_t oi = 0; oi < td->nrows; oi++) {
    size_t row = order[oi];
    const gk__row_decl *rd = &td->rows[row];
    if (t == GK_TABLE_REQUESTS && L->perrow) { /* each row its own table, anonymous header */
      gk__buf_puts(b, "\n| 类别 | 数据1 | 数据2 | 数据3 | 数据4 | 数据5 | 数据6 | 总计 |\n");
      gk__buf_puts(b, "| --- | --- | --- | --- | --- | --- | --- | --- |\n");
    }
    int nolab = t == GK_TABLE_REQUESTS && L->nolabel && (rd->flags & GK_ROW_LEAF) && ++nleaf % 5 == 0;
    if (t == GK_TABLE_ACTIVE && rd->colmask != mask) {
      const char *cols[GK__MAX_COLS];
      size_t n = 0;
      for (size_t c = 0; c < td->ncols; c++)
        if (rd->colmask & (1u << c)) cols[n++] = td->cols[c].zh;
      put_header(b, L, "信息内容", cols, n);
      mask = rd->colmask;
    }
    if (t == GK_TABLE_REQUESTS && row == 0 && L->headers) {
      put_text(b, L, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）\n");
      const char *a[] = {"自然人", "法人或其他组织", "总计"};
      put_header(b, L, "申请人情况", a, 3);
      const char *cols[5];
      for (size_t c = 1; c < 6; c++) cols[c - 1] = td->cols[c].zh;
      put_header(b, L, "", cols, 5);
    }
    if (t == GK_TABLE_REQUESTS && L->pagebreak && row == 9 && L->pass != 2) {
      gk__buf_puts(b, "\n- 3 -\n\f");
      const char *a[] = {"自然人", "法人或其他组织", "总计"};
      put_header(b, L, "申请人情况", a, 3);
    }
    int is_group = !(rd->flags & GK_ROW_STORED);
    int one_row = 0;
    if ((rd->flags & GK_ROW_DERIVED) && (rd->flags & GK_ROW_STORED)) {
      /* 2021 (六) */
      one_row = L->other == OTHER_ONE_ROW || other_printed(r, row);
      if (!one_row) is_group = 1;
    }
    if (rd->parent >= 0 && (td->rows[rd->parent].flags & GK_ROW_STORED) &&
        (L->other == OTHER_ONE_ROW || other_printed(r, (size_t)rd->parent)))
      continue; /* sub-rows of a (六) printed as one row */
    if (is_group && L->prefix) continue; /* printed before the first child */
    gk__buf lab;
    gk__buf_init(&lab);
    if (t == GK_TABLE_REQUESTS && row == 2) { /* （一）予以公开 */
      put_text(&lab, L, "三、本年度办理结果");
      if (L->prefix) gk__buf_putc(&lab, L->prefix == 2 ? '\t' : ' ');
      else put_row(b, L, lab.data, NULL, 0), lab.len = 0;
    }
    if (L->prefix && rd->parent >= 0 && (size_t)rd->parent + 1 == row) {
      gk__buf_puts(&lab, td->rows[rd->parent].zh);
      gk__buf_putc(&lab, L->prefix == 2 ? '\t' : ' ');
    }
    const char *zh = rd->zh;
    if (rd->parent >= 0 && L->other == OTHER_SHORT && (td->rows[rd->parent].flags & GK_ROW_STORED))
      zh = short_other[row - (size_t)rd->parent - 1];
    gk__buf_puts(&lab, zh);
    if (is_group) {
      for (size_t c = 0; c < GK__MAX_COLS; c++) vp[c] = "";
      put_row(b, L, lab.data, vp, L->groupcells ? td->ncols : 0);
      for (size_t c = 0; c < GK__MAX_COLS; c++) vp[c] = v[c];
    } else if (one_row && !other_printed(r, row)) {
      /* the sum of the three sub-rows */
      for (size_t c = 0; c < 7; c++) {
        long long s = 0;
        int any = 0;
        for (size_t k = row + 1; k < row + 4; k++) {
          char x[64];
          cell_text(r, t, k, c, x, sizeof x);
          if (x[0]) s += atoll(x), any = 1;
        }
        if (any) snprintf(v[c], 64, "%lld", s);
        else v[c][0] = '\0';
      }
      put_row(b, L, lab.data, vp, 7);
    } else {
      size_t n = row_values(L, r, t, row, v);
      put_row(b, L, nolab ? NULL : lab.data, vp, n);
    }
    gk__buf_free(&lab);
  }
}

static const char *const part_head[6] = {"总体情况", "主动公开政府信息情况", "收到和处理政府信息公开申请情况",
                                         "政府信息公开行政复议、行政诉讼情况", "存在的主要问题及改进情况",
                                         "其他需要报告的事项"};

/* Headings in words of their own, as reports print them (none a declared wording). */
static const char *const own_head[2][6] = {
    {"年度工作总体情况", "主动公开情况", "依申请公开情况", "行政复议、行政诉讼情况", "存在的不足及改进措施", "其他事项"},
    {"概述", "主动公开政府信息", "收到和处理申请情况", "因政府信息公开被申请行政复议、提起行政诉讼的情况",
     "主要问题和改进措施", "其它需要说明的事项"}};

static void put_heading(gk__buf *b, const layout *L, int p) {
  static const char *const cn[] = {"一", "二", "三", "四", "五", "六"};
  if (L->head == HEAD_TABLES_GONE && p >= 1 && p <= 3) { /* the tables' headings lost: the tables alone */
    gk__buf_putc(b, '\n');
    return;
  }
  if (L->md) gk__buf_puts(b, "\n## ");
  switch (L->head) {
  case HEAD_OWN:
  case HEAD_OWN2:
    gk__buf_printf(b, L->head == HEAD_OWN ? "%s、" : "%s．", cn[p]);
    put_text(b, L, own_head[L->head - HEAD_OWN][p]);
    gk__buf_putc(b, '\n');
    return;
  case HEAD_PAREN: gk__buf_printf(b, "（%s）", cn[p]); break;
  case HEAD_LOST: gk__buf_puts(b, "、"); break;
  case HEAD_PART: gk__buf_printf(b, "第%s部分 ", cn[p]); break;
  case HEAD_FWSPACE: gk__buf_printf(b, "　　%s　", cn[p]); break;
  case HEAD_NONE: break;
  case HEAD_ARABIC: gk__buf_printf(b, p % 2 ? "%d." : "%d、", p + 1); break;
  case HEAD_WRAPPED: /* a long heading over two lines, split after 8 characters */
    gk__buf_printf(b, "%s、", cn[p]);
    if (nchars(part_head[p]) > 8) {
      put_text(b, L, p == 3 ? "因政府信息公开工作被申请行政复议" : "");
      if (p == 3) {
        put_text(b, L, "\n和提起行政诉讼情况\n");
        return;
      }
      gk__buf_put(b, part_head[p], 24);
      gk__buf_putc(b, '\n');
      put_text(b, L, part_head[p] + 24);
      gk__buf_putc(b, '\n');
      return;
    }
    break;
  default: gk__buf_printf(b, "%s、", cn[p]);
  }
  put_text(b, L, part_head[p]);
  gk__buf_putc(b, '\n');
}

static void render_html(gk__buf *b, const layout *L, const gk_report *r);
static void render_pandoc(gk__buf *b, const layout *L, const gk_report *r);

static void render(gk__buf *b, const layout *L, const gk_report *r) {
  if (L->html) {
    render_html(b, L, r);
    return;
  }
  if (L->grid) {
    render_pandoc(b, L, r);
    return;
  }
  if (L->md) gk__buf_puts(b, "# ");
  gk__buf_printf(b, "%s%d年政府信息公开工作年度报告\n", gk_report_agency(r, GK_AGENCY_NAME),
                 gk_report_year(r));
  gk__buf_printf(b, "本报告统计期限自%d年1月1日起至%d年12月31日止。\n", gk_report_year(r),
                 gk_report_year(r));
  put_heading(b, L, 0);
  gk__buf_puts(b, "本年度依法做好政府信息公开工作。\n");
  for (int p = 1; p <= 3; p++) {
    put_heading(b, L, p);
    put_table(b, L, r, p - 1);
  }
  put_heading(b, L, 4);
  gk__buf_puts(b, "无。\n");
  put_heading(b, L, 5);
  gk__buf_puts(b, "本年度未收取信息处理费。\n");
  if (L->markup == MK_NOTES) gk__buf_puts(b, "\n[^1]: 含部门数据。\n[^2]: 按收到申请的日期统计。\n");
}

/* Convert the rendered text to the layout's encoding. */
static char *encode(const layout *L, const gk__buf *b, size_t *n) {
  gk__buf o;
  gk__buf_init(&o);
  if (L->enc == ENC_BOM) gk__buf_puts(&o, "\xEF\xBB\xBF");
  for (size_t i = 0; i < b->len; i++) {
    if (L->sep == SEP_RUN && b->data[i] == '\n') continue; /* the whole page on one line */
    if (L->enc == ENC_CRLF && b->data[i] == '\n') gk__buf_putc(&o, '\r');
    gk__buf_putc(&o, b->data[i]);
  }
  if (L->dbl) { /* double-spaced: an empty line after every line */
    gk__buf d;
    gk__buf_init(&d);
    for (size_t i = 0; i < o.len; i++) {
      gk__buf_putc(&d, o.data[i]);
      if (o.data[i] == '\n') gk__buf_putc(&d, '\n');
    }
    gk__buf_free(&o);
    o = d;
  }
  char *s = NULL;
  CU_ASSERT_EQUAL_FATAL(gk__buf_finish(&o, &s, n), GK_OK);
  if (L->enc != ENC_GB) return s;
  char in[] = "/tmp/gk_lay_inXXXXXX", out[] = "/tmp/gk_lay_outXXXXXX";
  int fi = mkstemp(in), fo = mkstemp(out);
  CU_ASSERT_TRUE_FATAL(fi >= 0 && fo >= 0);
  close(fo);
  FILE *f = fdopen(fi, "wb");
  fwrite(s, 1, *n, f);
  fclose(f);
  char cmd[256];
  snprintf(cmd, sizeof cmd, "iconv -f UTF-8 -t GB18030 '%s' > '%s'", in, out);
  CU_ASSERT_EQUAL_FATAL(system(cmd), 0);
  gk_free(s);
  char *g = gk_test_read_file(out, n);
  remove(in);
  remove(out);
  CU_ASSERT_PTR_NOT_NULL_FATAL(g);
  return g;
}

/* ------------------------------------------------------------ checking */
/* Rows named by an import.ambiguous warning. */
static size_t count_ambiguous(const gk_diags *d) {
  size_t k = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++)
    k += strcmp(gk_diag_rule(d, i), "import.ambiguous") == 0 && gk_diag_severity(d, i) == GK_SEV_WARNING;
  return k;
}

/* Does an import.ambiguous warning name a cell of this row? */
static int names_row(const gk_diags *d, int ed, int t, size_t row) {
  char pre[160];
  snprintf(pre, sizeof pre, "%s/%s/", gk_schema_table_key(t), gk_schema_row_key(ed, t, row));
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    const char *c = gk_diag_cell(d, i, 0);
    if (strcmp(gk_diag_rule(d, i), "import.ambiguous") == 0 && c && strncmp(c, pre, strlen(pre)) == 0)
      return 1;
  }
  return 0;
}

static size_t g_cells, g_unread; /* cells checked, cells left blank as ambiguous (page text) */
static size_t g_colsplit;        /* rows decided by the column relations (page text) */

/* Import the layout of one truth; returns the number of wrong cells. */
static size_t check_layout(const layout *L, const gk_report *truth, const char *base, int verbose) {
  gk__buf b;
  gk__buf_init(&b);
  render(&b, L, truth);
  size_t n = 0;
  char *doc = encode(L, &b, &n);
  char *u = NULL; /* the table walk's fast paths against its reference (walk_ref.h) */
  size_t un = 0;
  int enc = 0;
  CU_ASSERT_EQUAL_FATAL(gk_text_to_utf8(&u, &un, &enc, NULL, doc, n), GK_OK);
  CU_ASSERT_EQUAL(gk_test_walk_ref_text(u, un, (uint32_t)n, NULL), 0);
  gk_free(u);
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, doc, n, base, d), GK_OK);
  int ed = gk_report_edition(truth);
  size_t wrong = 0, ambiguous_rows = 0;
  if (gk_report_edition(r) != ed || gk_report_year(r) != gk_report_year(truth)) wrong++;
  /* the prose parts were found by their headings, each with its own text */
  const char *ov = gk_report_section(r, GK_SECTION_OVERVIEW), *pr = gk_report_section(r, GK_SECTION_PROBLEMS);
  const char *ot = gk_report_section(r, GK_SECTION_OTHER);
  size_t otn = ot && L->markup == MK_NOTES ? strlen("本年度未收取信息处理费。") : SIZE_MAX; /* footnotes after it */
  if (!ov || strcmp(ov, "本年度依法做好政府信息公开工作。") != 0 || !pr || strcmp(pr, "无。") != 0 || !ot ||
      strncmp(ot, "本年度未收取信息处理费。", otn) != 0) {
    wrong++;
    if (verbose) fprintf(stderr, "  %s [%s]: sections '%s' '%s' '%s'\n", L->name, base, ov ? ov : "(none)",
                         pr ? pr : "(none)", ot ? ot : "(none)");
  }
  for (int t = 0; t < GK_NTABLES && gk_report_edition(r) == ed; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++) {
      if (!(gk_schema_row_flags(ed, t, row) & GK_ROW_STORED)) continue;
      /* the expected row: blanks dropped make a partly blank row ambiguous */
      size_t nblank = 0, ncell = 0;
      char want[GK__MAX_COLS][64];
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
        if (!gk_schema_cell_exists(ed, t, row, c)) continue;
        cell_text(truth, t, row, c, want[c], 64);
        ncell++;
        nblank += want[c][0] == '\0';
      }
      int amb = !keeps_blanks(L) && nblank && nblank < ncell;
      if (t == GK_TABLE_REVIEW) {
        size_t all = 0;
        for (size_t k = 0; k < 3; k++)
          for (size_t c = 0; c < 5; c++) {
            char x[64];
            cell_text(truth, t, k, c, x, sizeof x);
            all += x[0] == '\0';
          }
        amb = !keeps_blanks(L) && all && all < 15;
      }
      ambiguous_rows += (size_t)amb;
      /* a block of numbers in order: one warning, at the block's first row */
      size_t named = L->block ? gk_schema_nrows(ed, t) : row;
      for (size_t k = 0; L->block && k < gk_schema_nrows(ed, t) && named == gk_schema_nrows(ed, t); k++)
        if (gk_schema_row_flags(ed, t, k) & GK_ROW_STORED) named = k;
      if (amb && t != GK_TABLE_REVIEW && !names_row(d, ed, t, named)) {
        wrong++; /* the warning names the row whose cells were dropped */
        if (verbose) fprintf(stderr, "  %s [%s]: no import.ambiguous for %s/%s\n", L->name, base,
                             gk_schema_table_key(t), gk_schema_row_key(ed, t, row));
      }
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
        if (!gk_schema_cell_exists(ed, t, row, c)) continue;
        char got[64], path[160];
        gk_schema_path_format(path, sizeof path, ed, t, row, c);
        const char *exp = want[c];
        /* (六) printed as one row: the sums in `other`, its sub-rows blank */
        int parent = gk_schema_row_parent(ed, t, row);
        char sum[64];
        if ((gk_schema_row_flags(ed, t, row) & GK_ROW_DERIVED) && L->other == OTHER_ONE_ROW &&
            !other_printed(truth, row)) {
          long long s = 0;
          int any = 0;
          for (size_t k = row + 1; k < row + 4; k++) {
            char x[64];
            cell_text(truth, t, k, c, x, sizeof x);
            if (x[0]) s += atoll(x), any = 1;
          }
          if (any) snprintf(sum, sizeof sum, "%lld", s);
          else sum[0] = '\0';
          exp = sum;
        } else if (parent >= 0 && (gk_schema_row_flags(ed, t, (size_t)parent) & GK_ROW_STORED) &&
                   L->other == OTHER_ONE_ROW) {
          exp = "";
        }
        int printed = !(gk_schema_row_flags(ed, t, row) & GK_ROW_DERIVED) &&
                      !(parent >= 0 && (gk_schema_row_flags(ed, t, (size_t)parent) & GK_ROW_STORED) &&
                        (L->other == OTHER_ONE_ROW || other_printed(truth, (size_t)parent)));
        if (!exp[0] && L->blankmark && printed) exp = L->blankmark; /* written, read as a literal */
        gk_report_text(got, sizeof got, r, path, GK_NUL_TERMINATED);
        int ok = strcmp(got, exp) == 0 || (amb && got[0] == '\0');
        /* page text: run-together digits the identities cannot split stay blank, named */
        if (!ok && L->sep == SEP_RUN && got[0] == '\0' &&
            (names_row(d, ed, t, t == GK_TABLE_REVIEW ? 0 : row))) {
          ok = 1;
          g_unread++;
        }
        g_cells++;
        if (!ok) {
          wrong++;
          if (verbose) fprintf(stderr, "  %s [%s] %s: want '%s' got '%s'\n", L->name, base, path, exp, got);
        }
      }
    }
  for (size_t i = 0; i < gk_diags_count(d); i++)
    g_colsplit += strcmp(gk_diag_rule(d, i), "import.split") == 0 &&
                  strstr(gk_diag_message(d, i, GK_LANG_EN), "column relations") != NULL;
  if (ambiguous_rows && count_ambiguous(d) == 0) {
    wrong++;
    if (verbose) fprintf(stderr, "  %s [%s]: blanks dropped but no import.ambiguous\n", L->name, base);
  }
  /* GK_LAYOUT_DUMP=1: the text of failing layouts; =name: that layout's text */
  const char *dump = getenv("GK_LAYOUT_DUMP");
  if (verbose && dump && ((wrong > 0 && strcmp(dump, "1") == 0) || strcmp(dump, L->name) == 0))
    fprintf(stderr, "%s\n", b.data);
  gk_report_free(r);
  gk_diags_free(d);
  gk_free(doc);
  gk__buf_free(&b);
  return wrong;
}

/* Check one layout on every complete report: every cell right. */
static size_t check_truth(const void *arg, const gk_report *truth, const char *base) {
  const layout *L = arg;
  size_t w = check_layout(L, truth, base, 1);
  if (w) fprintf(stderr, "layout %s on %s: %zu cells wrong\n", L->name, base, w);
  return w;
}

static void check_all(const layout *L) {
  g_cells = g_unread = 0;
  size_t wrong = gk_test_each_truth(check_truth, L);
  if (L->sep == SEP_RUN)
    fprintf(stderr, "layout %s: %zu of %zu cells read, %zu left blank as ambiguous, %zu wrong\n", L->name,
            g_cells - g_unread - wrong, g_cells, g_unread, wrong);
  CU_ASSERT_EQUAL(wrong, 0);
}

/* ------------------------------------------------------------ pandoc tables */
/* A report converted from .docx by pandoc: its tables as grid tables (grid 1:
 * "+---+" borders, header words and long labels wrapped over lines, merged
 * cells) or as simple and multiline tables (grid 2: dash runs under the
 * header). Made from the TSV rendering: each run of TAB lines is a table. */
#define PT_ROWS 64
#define PT_CELLS 1024
typedef struct {
  char text[256];
  int x, row, cs, rs;
} pt_cell;
typedef struct {
  pt_cell c[PT_CELLS];
  int n, nrows, ncols, nhead;
  int occ[PT_ROWS][GK__MAX_COLS + 1]; /* the cell covering a place + 1 */
} pt_table;

static int pt_add(pt_table *t, const char *s, size_t len, int row, int x, int cs, int rs) {
  CU_ASSERT_FATAL(t->n < PT_CELLS && row + rs <= PT_ROWS && x + cs <= GK__MAX_COLS + 1 && len < 256);
  pt_cell *c = &t->c[t->n++];
  memcpy(c->text, s, len), c->text[len] = '\0';
  c->x = x, c->row = row, c->cs = cs, c->rs = rs;
  for (int r = row; r < row + rs; r++)
    for (int k = x; k < x + cs; k++) t->occ[r][k] = t->n;
  if (row + rs > t->nrows) t->nrows = row + rs;
  return t->n;
}

/* Fields of a TAB line into f[] (pointers and lengths); their number. */
static int pt_fields(const char *p, size_t n, const char **f, size_t *fl) {
  int k = 0;
  for (size_t st = 0;; k++) {
    const char *tab = memchr(p + st, '\t', n - st);
    size_t e = tab ? (size_t)(tab - p) : n;
    f[k] = p + st, fl[k] = e - st;
    if (!tab || k == GK__MAX_COLS) return k + 1;
    st = e + 1;
  }
}

/* Table 四 printed as one line of 15 values: its merged three-row header
 * over them (行政复议 | 行政诉讼 / 未经复议直接起诉 | 复议后起诉 / the columns). */
static void pt_review(pt_table *t, const gk_report *r, const char **f, const size_t *fl) {
  const gk__table_decl *td = &gk__edition_get(gk_report_edition(r))->tables[GK_TABLE_REVIEW];
  pt_add(t, "行政复议", strlen("行政复议"), 0, 0, 5, 1);
  pt_add(t, "行政诉讼", strlen("行政诉讼"), 0, 5, 10, 1);
  for (int c = 0; c < 5; c++) pt_add(t, td->cols[c].zh, strlen(td->cols[c].zh), 1, c, 1, 2);
  pt_add(t, "未经复议直接起诉", strlen("未经复议直接起诉"), 1, 5, 5, 1);
  pt_add(t, "复议后起诉", strlen("复议后起诉"), 1, 10, 5, 1);
  for (int k = 0; k < 2; k++)
    for (int c = 0; c < 5; c++) pt_add(t, td->cols[c].zh, strlen(td->cols[c].zh), 2, 5 + 5 * k + c, 1, 1);
  for (int c = 0; c < 15; c++) pt_add(t, f[c + 1], fl[c + 1], 3, c, 1, 1);
  t->ncols = 15, t->nhead = 3;
}

/* The TAB lines lines[0..nl) as a table: a short row's last cell spans the
 * rest; a header row over a row that starts blank (申请人情况 | 自然人 |
 * 法人或其他组织 | 总计 over its five kinds) is one header of two rows, the
 * second last cell spanning the kinds, the others both rows. */
static void pt_build(pt_table *t, const gk_report *r, const char *const *lines, const size_t *len, int nl) {
  const char *f[GK__MAX_COLS + 1], *g[GK__MAX_COLS + 1];
  size_t fl[GK__MAX_COLS + 1], gl[GK__MAX_COLS + 1];
  memset(t, 0, sizeof *t);
  for (int i = 0; i < nl; i++) {
    int nf = pt_fields(lines[i], len[i], f, fl);
    if (nf > t->ncols) t->ncols = nf;
  }
  if (nl == 1 && t->ncols == 16 && len[0] && lines[0][0] == '\t') {
    pt_fields(lines[0], len[0], f, fl);
    pt_review(t, r, f, fl);
    return;
  }
  t->nhead = 1;
  for (int i = 0, row = 0; i < nl; i++, row++) {
    int nf = pt_fields(lines[i], len[i], f, fl);
    int ng = i + 1 < nl ? pt_fields(lines[i + 1], len[i + 1], g, gl) : 0;
    if (nf >= 3 && nf < t->ncols && ng > 1 && gl[0] == 0 && nf - 1 + ng - 1 == t->ncols) {
      for (int k = 0, x = 0; k < nf; k++) x += t->c[pt_add(t, f[k], fl[k], row, x, k == nf - 2 ? ng - 1 : 1,
                                                           k == nf - 2 ? 1 : 2) - 1].cs;
      for (int k = 1; k < ng; k++) pt_add(t, g[k], gl[k], row + 1, nf - 2 + k - 1, 1, 1);
      if (row == 0) t->nhead = 2;
      i++, row++;
      continue;
    }
    for (int k = 0; k < nf; k++) pt_add(t, f[k], fl[k], row, k, k == nf - 1 ? t->ncols - k : 1, 1);
  }
}

/* Display width of s[0..n) (a wide character two columns). */
static int pt_width(const char *s, size_t n) {
  int w = 0;
  for (size_t i = 0; i < n;) w += gk__doc_wide(gk__utf8_next(s, n, &i)) ? 2 : 1;
  return w;
}

/* May a line break stand before the character at s[i]: between two wide
 * characters (joined again without a space), or at a space between narrow
 * ones (joined again with one)? */
static int pt_break_before(const char *s, size_t n, size_t i, size_t prev) {
  size_t a = prev, b = i;
  uint32_t p = gk__utf8_next(s, n, &a), c = gk__utf8_next(s, n, &b);
  return (gk__doc_wide(p) && gk__doc_wide(c)) || (c == ' ' && !gk__doc_wide(p));
}

/* Wrap s into lines of at most w columns (a unit wider stays whole): the
 * line starts in at[], *nat of them; the widest unit's width returned. */
static int pt_wrap(const char *s, int w, size_t *at, int *nat) {
  size_t n = strlen(s), st = 0, prev = 0, cut = 0;
  int widest = 0, unit = 0;
  *nat = 0;
  at[(*nat)++] = 0;
  for (size_t i = 0; i < n;) {
    size_t q = i;
    uint32_t cp = gk__utf8_next(s, n, &q);
    if (i > st && pt_break_before(s, n, i, prev)) cut = i, unit = 0;
    unit += gk__doc_wide(cp) ? 2 : 1;
    if (unit > widest) widest = unit;
    if (pt_width(s + st, q - st) > w && cut > st && *nat < 31) {
      st = s[cut] == ' ' ? cut + 1 : cut;
      at[(*nat)++] = st;
      if (s[cut] == ' ') unit = 0;
    }
    prev = i, i = q;
  }
  at[*nat] = n;
  return widest;
}

/* Column widths: a value its width, a header cell half its own (two lines),
 * a long label 16 columns; a spanning cell's widest unit fits its columns. */
static void pt_widths(const pt_table *t, int *w) {
  size_t at[32];
  int nat;
  for (int c = 0; c < t->ncols; c++) w[c] = 3;
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < t->n; i++) {
      const pt_cell *c = &t->c[i];
      int full = pt_width(c->text, strlen(c->text)), unit = pt_wrap(c->text, 1 << 20, at, &nat), d = full;
      if (pass == 0 && c->cs == 1) {
        if (full > 8) d = c->row < t->nhead ? (full + 1) / 2 + (full + 1) / 2 % 2 : 16;
        d = d < unit ? unit : d > full ? full : d;
        if (d > w[c->x]) w[c->x] = d;
      } else if (pass == 1 && c->cs > 1) {
        int have = 3 * (c->cs - 1);
        for (int k = c->x; k < c->x + c->cs; k++) have += w[k];
        if (unit > have) w[c->x + c->cs - 1] += unit - have;
      }
    }
}

/* Is boundary j of row r (0..ncols) a cell edge? Rows outside: none. */
static int pt_edge(const pt_table *t, int r, int j) {
  if (r < 0 || r >= t->nrows) return 0;
  return j == 0 || j == t->ncols || t->occ[r][j - 1] != t->occ[r][j];
}

/* The border line above row r (r == nrows: the bottom one). */
static void pt_border(gk__buf *b, const pt_table *t, const int *w, int r) {
  for (int j = 0; j <= t->ncols; j++) {
    int lcont = j > 0 && r > 0 && r < t->nrows && t->occ[r - 1][j - 1] == t->occ[r][j - 1];
    int rcont = j < t->ncols && r > 0 && r < t->nrows && t->occ[r - 1][j] == t->occ[r][j];
    int dash = (j > 0 && !lcont) || (j < t->ncols && !rcont), edge = pt_edge(t, r - 1, j) || pt_edge(t, r, j);
    gk__buf_putc(b, dash && edge ? '+' : edge ? '|' : dash ? (r == t->nhead ? '=' : '-') : ' ');
    for (int k = 0; j < t->ncols && k < w[j] + 2; k++) gk__buf_putc(b, rcont ? ' ' : r == t->nhead ? '=' : '-');
  }
  gk__buf_putc(b, '\n');
}

/* Line i of the rows starting at r: each cell's i-th wrapped line. */
static void pt_line(gk__buf *b, const pt_table *t, const int *w, int r, int i) {
  gk__buf_putc(b, '|');
  for (int x = 0; x < t->ncols;) {
    const pt_cell *c = &t->c[t->occ[r][x] - 1];
    int width = 3 * (c->cs - 1), nat = 0;
    for (int k = c->x; k < c->x + c->cs; k++) width += w[k];
    size_t at[33], a = 0, e = 0;
    pt_wrap(c->text, width, at, &nat);
    if (c->row == r && i < nat) a = at[i], e = at[i + 1];
    while (e > a && c->text[e - 1] == ' ') e--;
    gk__buf_putc(b, ' ');
    gk__buf_put(b, c->text + a, e - a);
    for (int pad = pt_width(c->text + a, e - a); pad < width + 1; pad++) gk__buf_putc(b, ' ');
    gk__buf_putc(b, '|');
    x += c->cs;
  }
  gk__buf_putc(b, '\n');
}

static void pt_render(gk__buf *b, const pt_table *t) {
  int w[GK__MAX_COLS + 1];
  pt_widths(t, w);
  for (int r = 0; r < t->nrows; r++) {
    int h = 1;
    for (int i = 0; i < t->n; i++) {
      size_t at[33];
      int nat = 0, width = 3 * (t->c[i].cs - 1);
      for (int k = t->c[i].x; k < t->c[i].x + t->c[i].cs; k++) width += w[k];
      pt_wrap(t->c[i].text, width, at, &nat);
      if (t->c[i].row == r && nat > h) h = nat;
    }
    pt_border(b, t, w, r);
    for (int i = 0; i < h; i++) pt_line(b, t, w, r, i);
  }
  pt_border(b, t, w, t->nrows);
}

/* The TAB lines as a table without spans (simple and multiline tables have
 * none): one cell a field, the first row the header (none in a table of one
 * row). */
static void pt_build_plain(pt_table *t, const char *const *lines, const size_t *len, int nl) {
  const char *f[GK__MAX_COLS + 1];
  size_t fl[GK__MAX_COLS + 1];
  memset(t, 0, sizeof *t);
  for (int i = 0; i < nl; i++) {
    int nf = pt_fields(lines[i], len[i], f, fl);
    if (nf > t->ncols) t->ncols = nf;
    for (int k = 0; k < nf; k++) pt_add(t, f[k], fl[k], i, k, 1, 1);
  }
  t->nhead = nl > 1;
}

/* Line i of the cells of row r, at their columns (at[c]), into b. */
static void pt_plain_line(gk__buf *b, const pt_table *t, const int *w, int r, int i) {
  size_t st = b->len;
  for (int x = 0, col = 0; x < t->ncols; col += w[x] + 2, x++) {
    const pt_cell *c = t->occ[r][x] ? &t->c[t->occ[r][x] - 1] : NULL;
    size_t at[33], a = 0, e = 0;
    int nat = 0;
    if (c) pt_wrap(c->text, w[x], at, &nat);
    if (c && i < nat) a = at[i], e = at[i + 1];
    while (e > a && c->text[e - 1] == ' ') e--;
    if (a == e) continue;
    for (int pad = pt_width(b->data + st, b->len - st); pad < col; pad++) gk__buf_putc(b, ' ');
    gk__buf_put(b, c->text + a, e - a);
  }
  gk__buf_putc(b, '\n');
}

/* Lines of row r: its tallest cell's. */
static int pt_plain_height(const pt_table *t, const int *w, int r) {
  int h = 1;
  for (int x = 0; x < t->ncols; x++) {
    size_t at[33];
    int nat = 0;
    if (t->occ[r][x]) pt_wrap(t->c[t->occ[r][x] - 1].text, w[x], at, &nat);
    if (nat > h) h = nat;
  }
  return h;
}

/* A pandoc simple table (every cell on one line: a header line, its dash
 * runs, the rows, a blank line; without a header, dash runs above and below)
 * or a multiline table (a row of dashes, the header's lines, its dash runs,
 * rows apart by blank lines, a row of dashes). */
static void pt_render_plain(gk__buf *b, const pt_table *t) {
  int w[GK__MAX_COLS + 1], multi = 0, total = 0;
  pt_widths(t, w);
  for (int i = 0; i < t->n; i++) {
    int fw = pt_width(t->c[i].text, strlen(t->c[i].text));
    multi |= fw > w[t->c[i].x];
  }
  for (int c = 0; c < t->ncols; c++) total += w[c] + (c ? 2 : 0);
  for (int k = 0; multi && k < total; k++) gk__buf_putc(b, '-');
  if (multi) gk__buf_putc(b, '\n');
  gk__buf dash;
  gk__buf_init(&dash);
  for (int c = 0; c < t->ncols; c++) {
    for (int k = 0; k < (c ? 2 : 0); k++) gk__buf_putc(&dash, ' ');
    for (int k = 0; k < w[c]; k++) gk__buf_putc(&dash, '-');
  }
  gk__buf_putc(&dash, '\n');
  if (!t->nhead) gk__buf_put(b, dash.data, dash.len);
  for (int r = 0; r < t->nrows; r++) {
    for (int i = 0, h = pt_plain_height(t, w, r); i < h; i++) pt_plain_line(b, t, w, r, i);
    if (r + 1 == t->nhead) gk__buf_put(b, dash.data, dash.len);
    else if (multi && r + 1 < t->nrows) gk__buf_putc(b, '\n');
  }
  if (multi) {
    for (int k = 0; k < total; k++) gk__buf_putc(b, '-');
    gk__buf_putc(b, '\n');
  } else if (!t->nhead) {
    gk__buf_put(b, dash.data, dash.len);
  }
  gk__buf_putc(b, '\n');
  gk__buf_free(&dash);
}

/* One run of TAB lines as the layout's table. */
static void pt_table_out(gk__buf *b, const layout *L, pt_table *t, const gk_report *r, const char *const *lines,
                         const size_t *len, int nl) {
  if (L->grid == 2) {
    pt_build_plain(t, lines, len, nl);
    pt_render_plain(b, t);
    return;
  }
  pt_build(t, r, lines, len, nl);
  pt_render(b, t);
}

/* The report rendered as TSV, each run of TAB lines then a pandoc table (a
 * line between two of as many fields, "三、本年度办理结果", a row of one
 * cell spanning the table). */
static void render_pandoc(gk__buf *b, const layout *L, const gk_report *r) {
  layout t = *L;
  t.grid = 0, t.sep = SEP_TSV, t.headers = 1, t.groupcells = 1, t.review = RV_ONE_LINE;
  gk__buf tsv;
  gk__buf_init(&tsv);
  render(&tsv, &t, r);
  gk__buf_putc(&tsv, '\0');
  const char *lines[PT_ROWS];
  size_t len[PT_ROWS];
  int nl = 0;
  static pt_table tab;
  for (const char *p = tsv.data; *p;) {
    const char *e = strchr(p, '\n'), *next = e ? e + 1 : "";
    size_t n = e ? (size_t)(e - p) : strlen(p);
    const char *f[GK__MAX_COLS + 1];
    size_t fl[GK__MAX_COLS + 1], nn = strcspn(next, "\n");
    int tabbed = memchr(p, '\t', n) != NULL, inside = nl && !tabbed && n && memchr(next, '\t', nn) &&
                                                          pt_fields(next, nn, f, fl) ==
                                                              pt_fields(lines[nl - 1], len[nl - 1], f, fl);
    if ((tabbed || inside) && nl < PT_ROWS) lines[nl] = p, len[nl++] = n;
    else if (nl) pt_table_out(b, L, &tab, r, lines, len, nl), nl = 0;
    if (!tabbed && !inside) gk__buf_put(b, p, n), gk__buf_putc(b, '\n');
    p = next;
  }
  if (nl) pt_table_out(b, L, &tab, r, lines, len, nl);
  gk__buf_free(&tsv);
}

#define LAYOUT(...) ((layout){__VA_ARGS__})

static void test_text_layouts_pipe(void) {
  check_all(&LAYOUT(.name = "pipe", .sep = SEP_PIPE, .headers = 1));
  check_all(&LAYOUT(.name = "pipe-bare", .sep = SEP_PIPE));
  check_all(&LAYOUT(.name = "pipe-no-outer", .sep = SEP_PIPE, .noouter = 1, .headers = 1));
  check_all(&LAYOUT(.name = "pipe-no-outer-bare", .sep = SEP_PIPE, .noouter = 1));
  check_all(&LAYOUT(.name = "pipe-fullwidth", .sep = SEP_PIPE, .fwpipe = 1, .review = RV_THREE_LINES));
  check_all(&LAYOUT(.name = "pipe-box", .sep = SEP_PIPE, .fwpipe = 2, .headers = 1, .trad = 1));
  check_all(&LAYOUT(.name = "pipe-align", .sep = SEP_PIPE, .headers = 1, .align = 1, .ord = ORD_HALF));
}

static void test_text_layouts_tsv(void) {
  check_all(&LAYOUT(.name = "tsv", .sep = SEP_TSV, .headers = 1));
  check_all(&LAYOUT(.name = "tsv-bare", .sep = SEP_TSV));
}

static void test_text_layouts_cell_per_line(void) {
  check_all(&LAYOUT(.name = "lines", .sep = SEP_LINES, .headers = 1, .review = RV_PER_LINE));
  check_all(&LAYOUT(.name = "lines-bare", .sep = SEP_LINES, .review = RV_PER_LINE));
  /* double-spaced: an empty line is no cell, partly blank rows are ambiguous */
  check_all(&LAYOUT(.name = "lines-double", .sep = SEP_LINES, .headers = 1, .dbl = 1));
  check_all(&LAYOUT(.name = "tsv-double", .sep = SEP_TSV, .headers = 1, .dbl = 1, .enc = ENC_CRLF));
}

static void test_text_layouts_html(void) {
  check_all(&LAYOUT(.name = "html", .sep = SEP_LINES, .prefix = 1, .headers = 1, .review = RV_PER_LINE));
  check_all(&LAYOUT(.name = "html-tsv", .sep = SEP_TSV, .prefix = 1));
  check_all(&LAYOUT(.name = "html-tsv-merged", .sep = SEP_TSV, .prefix = 2, .headers = 1));
  check_all(&LAYOUT(.name = "tsv-group-cells", .sep = SEP_TSV, .groupcells = 1, .headers = 1));
  check_all(&LAYOUT(.name = "lines-group-cells", .sep = SEP_LINES, .groupcells = 1, .headers = 1));
  check_all(&LAYOUT(.name = "pipe-group-cells", .sep = SEP_PIPE, .groupcells = 1, .ord = ORD_HALF));
  check_all(&LAYOUT(.name = "html-trad-crlf", .sep = SEP_LINES, .prefix = 1, .trad = 1, .enc = ENC_CRLF,
                    .ord = ORD_HALF, .head = HEAD_NONE, .other = OTHER_SHORT));
}

static void test_text_layouts_pdftotext(void) {
  /* pdftotext without -layout: the label column first, then the numbers */
  check_all(&LAYOUT(.name = "pdf-columns", .sep = SEP_SPACES, .block = 1));
  check_all(&LAYOUT(.name = "pdf", .sep = SEP_SPACES, .headers = 1));
  check_all(&LAYOUT(.name = "pdf-wrap-first", .sep = SEP_SPACES, .wrap = 1, .headers = 1));
  check_all(&LAYOUT(.name = "pdf-wrap-last", .sep = SEP_SPACES, .wrap = 2));
  check_all(&LAYOUT(.name = "pdf-wrap-middle", .sep = SEP_SPACES, .wrap = 3, .headers = 1));
  check_all(&LAYOUT(.name = "pdf-wrap-middle-trad", .sep = SEP_SPACES, .wrap = 3, .trad = 1, .ord = ORD_DUN));
  check_all(&LAYOUT(.name = "pdf-pagebreak", .sep = SEP_SPACES, .wrap = 2, .pagebreak = 1, .headers = 1));
  check_all(&LAYOUT(.name = "pdf-dash-blanks", .sep = SEP_SPACES, .blankmark = "—", .wrap = 2, .headers = 1));
  check_all(&LAYOUT(.name = "pdf-slash-blanks", .sep = SEP_SPACES, .blankmark = "/", .wrap = 3, .trad = 1));
  check_all(&LAYOUT(.name = "lines-dash-blanks", .sep = SEP_LINES, .blankmark = "-", .dbl = 1));
  check_all(&LAYOUT(.name = "pdf-fullwidth", .sep = SEP_SPACES, .fwsep = 1, .headers = 1));
  check_all(&LAYOUT(.name = "tsv-pagebreak", .sep = SEP_TSV, .pagebreak = 1, .headers = 1));
}

static void test_text_layouts_label_variants(void) {
  check_all(&LAYOUT(.name = "half-parens", .sep = SEP_TSV, .ord = ORD_HALF, .headers = 1));
  check_all(&LAYOUT(.name = "ord-dun", .sep = SEP_TSV, .ord = ORD_DUN));
  check_all(&LAYOUT(.name = "ord-paren", .sep = SEP_TSV, .ord = ORD_PAREN));
  check_all(&LAYOUT(.name = "ord-circle", .sep = SEP_PIPE, .ord = ORD_CIRCLE));
  check_all(&LAYOUT(.name = "ord-space-pipe", .sep = SEP_PIPE, .ord = ORD_SPACE, .headers = 1));
  check_all(&LAYOUT(.name = "ord-space-tsv", .sep = SEP_TSV, .ord = ORD_SPACE));
  check_all(&LAYOUT(.name = "ord-spacedot-pipe", .sep = SEP_PIPE, .ord = ORD_SPACEDOT));
  check_all(&LAYOUT(.name = "ord-space-html", .sep = SEP_TSV, .prefix = 1, .ord = ORD_SPACE, .headers = 1));
  check_all(&LAYOUT(.name = "ord-none", .sep = SEP_TSV, .ord = ORD_NONE, .headers = 1));
  check_all(&LAYOUT(.name = "traditional", .sep = SEP_TSV, .trad = 1, .headers = 1));
  check_all(&LAYOUT(.name = "traditional-pdf", .sep = SEP_SPACES, .trad = 1, .wrap = 1));
  check_all(&LAYOUT(.name = "spaced", .sep = SEP_TSV, .spaced = 1, .fwdigits = 1));
  check_all(&LAYOUT(.name = "count-word-pipe", .sep = SEP_PIPE, .countword = "件", .headers = 1));
  check_all(&LAYOUT(.name = "count-word-lines", .sep = SEP_LINES, .countword = "项"));
  check_all(&LAYOUT(.name = "count-word-html", .sep = SEP_TSV, .prefix = 1, .countword = "件"));
  check_all(&LAYOUT(.name = "spaced-pipe", .sep = SEP_PIPE, .spaced = 1, .ord = ORD_NONE, .headers = 1));
}

static void test_text_layouts_other_rows(void) {
  check_all(&LAYOUT(.name = "other-short", .sep = SEP_TSV, .other = OTHER_SHORT, .headers = 1));
  check_all(&LAYOUT(.name = "other-one-row", .sep = SEP_TSV, .other = OTHER_ONE_ROW));
  check_all(&LAYOUT(.name = "other-short-lines", .sep = SEP_LINES, .other = OTHER_SHORT));
  check_all(&LAYOUT(.name = "other-one-row-html", .sep = SEP_LINES, .prefix = 1, .other = OTHER_ONE_ROW));
  check_all(&LAYOUT(.name = "other-one-row-pdf", .sep = SEP_SPACES, .wrap = 1, .other = OTHER_ONE_ROW));
  check_all(&LAYOUT(.name = "other-short-pdf", .sep = SEP_SPACES, .wrap = 2, .other = OTHER_SHORT, .ord = ORD_NONE));
}

static void test_text_layouts_review(void) {
  check_all(&LAYOUT(.name = "review-3x5", .sep = SEP_TSV, .review = RV_THREE_LINES));
  check_all(&LAYOUT(.name = "review-headers", .sep = SEP_TSV, .review = RV_HEADERS, .headers = 1));
  check_all(&LAYOUT(.name = "review-spaces-3x5", .sep = SEP_SPACES, .review = RV_THREE_LINES));
  check_all(&LAYOUT(.name = "review-char-headers", .sep = SEP_SPACES, .review = RV_CHAR_HEADERS));
  check_all(&LAYOUT(.name = "review-char-headers-lines", .sep = SEP_LINES, .review = RV_CHAR_HEADERS));
  check_all(&LAYOUT(.name = "review-labelled", .sep = SEP_TSV, .review = RV_LABELLED));
  check_all(&LAYOUT(.name = "review-labelled-pdf", .sep = SEP_SPACES, .review = RV_LABELLED, .trad = 1));
  check_all(&LAYOUT(.name = "review-spaces-headers", .sep = SEP_SPACES, .review = RV_HEADERS, .headers = 1));
}

static void test_text_layouts_encodings(void) {
  check_all(&LAYOUT(.name = "crlf", .sep = SEP_TSV, .enc = ENC_CRLF, .headers = 1));
  check_all(&LAYOUT(.name = "crlf-lines", .sep = SEP_LINES, .enc = ENC_CRLF));
  check_all(&LAYOUT(.name = "bom", .sep = SEP_PIPE, .enc = ENC_BOM, .headers = 1));
  check_all(&LAYOUT(.name = "gb18030", .sep = SEP_TSV, .enc = ENC_GB, .headers = 1));
}

static void test_text_layouts_headings(void) {
  check_all(&LAYOUT(.name = "head-paren", .sep = SEP_TSV, .head = HEAD_PAREN));
  check_all(&LAYOUT(.name = "head-lost", .sep = SEP_TSV, .head = HEAD_LOST));
  check_all(&LAYOUT(.name = "head-part", .sep = SEP_TSV, .head = HEAD_PART));
  check_all(&LAYOUT(.name = "head-fwspace", .sep = SEP_TSV, .head = HEAD_FWSPACE));
  check_all(&LAYOUT(.name = "head-wrapped", .sep = SEP_TSV, .head = HEAD_WRAPPED, .headers = 1));
  check_all(&LAYOUT(.name = "head-wrapped-pdf", .sep = SEP_SPACES, .head = HEAD_WRAPPED, .wrap = 2, .trad = 1));
  check_all(&LAYOUT(.name = "head-arabic", .sep = SEP_TSV, .head = HEAD_ARABIC, .headers = 1));
  check_all(&LAYOUT(.name = "head-arabic-pdf", .sep = SEP_SPACES, .head = HEAD_ARABIC, .wrap = 2, .ord = ORD_DUN));
  check_all(&LAYOUT(.name = "head-none", .sep = SEP_TSV, .head = HEAD_NONE, .headers = 1));
  check_all(&LAYOUT(.name = "head-none-trad", .sep = SEP_PIPE, .head = HEAD_NONE, .trad = 1));
  check_all(&LAYOUT(.name = "head-own", .sep = SEP_TSV, .head = HEAD_OWN, .headers = 1));
  check_all(&LAYOUT(.name = "head-own-md", .sep = SEP_PIPE, .head = HEAD_OWN2, .md = 1, .headers = 1));
  check_all(&LAYOUT(.name = "head-own-trad", .sep = SEP_LINES, .head = HEAD_OWN2, .trad = 1));
  /* the tables' headings lost: each table found by its own labels (table 四 needs its labels: fifteen
   * numbers alone after table 三 are no table) */
  check_all(&LAYOUT(.name = "tables-headless", .sep = SEP_TSV, .head = HEAD_TABLES_GONE, .headers = 1,
                    .review = RV_HEADERS));
  check_all(&LAYOUT(.name = "tables-headless-md", .sep = SEP_PIPE, .head = HEAD_TABLES_GONE, .md = 1, .headers = 1,
                    .review = RV_LABELLED));
  check_all(&LAYOUT(.name = "tables-headless-bare", .sep = SEP_PIPE, .head = HEAD_TABLES_GONE, .review = RV_LABELLED));
  check_all(&LAYOUT(.name = "tables-headless-pdf", .sep = SEP_SPACES, .head = HEAD_TABLES_GONE, .headers = 1,
                    .review = RV_LABELLED, .trad = 1));
}

/* Markdown as a PDF converter writes it: ## headings, table 三 as one small
 * table per row under anonymous headers, junk tables, lost labels, rows out of
 * order. */
static void test_text_layouts_markdown(void) {
  check_all(&LAYOUT(.name = "md-headings", .sep = SEP_PIPE, .md = 1, .headers = 1));
  check_all(&LAYOUT(.name = "md-per-row", .sep = SEP_PIPE, .md = 1, .perrow = 1, .junk = 1));
  check_all(&LAYOUT(.name = "md-per-row-headers", .sep = SEP_PIPE, .md = 1, .perrow = 1, .headers = 1,
                    .align = 1));
  check_all(&LAYOUT(.name = "md-lost-labels", .sep = SEP_PIPE, .md = 1, .nolabel = 1, .headers = 1));
  check_all(&LAYOUT(.name = "md-shuffled", .sep = SEP_PIPE, .md = 1, .shuffle = 1));
  check_all(&LAYOUT(.name = "md-per-row-lost-labels", .sep = SEP_PIPE, .md = 1, .perrow = 1, .junk = 1,
                    .nolabel = 1));
  check_all(&LAYOUT(.name = "md-per-row-shuffled", .sep = SEP_PIPE, .md = 1, .perrow = 1, .shuffle = 1,
                    .headers = 1));
}

/* The text of a web page as a crawler saves it: one line, headings inline,
 * cells run together with no separator. A cell is read right, or left blank
 * with import.ambiguous naming its row: never wrong. */
static void test_text_layouts_page_text(void) {
  g_colsplit = 0;
  check_all(&LAYOUT(.name = "page-text", .sep = SEP_RUN, .headers = 1));
  CU_ASSERT(g_colsplit > 0); /* some rows only the balance or the outcome sums decide */
  check_all(&LAYOUT(.name = "page-text-bare", .sep = SEP_RUN));
  check_all(&LAYOUT(.name = "page-text-half", .sep = SEP_RUN, .ord = ORD_HALF, .headers = 1));
  check_all(&LAYOUT(.name = "page-text-grouped", .sep = SEP_RUN, .headers = 1, .group = "，"));
  check_all(&LAYOUT(.name = "page-text-grouped-ascii", .sep = SEP_RUN, .headers = 1, .group = ","));
}

/* Heading forms (format.md §2) straight through gk__text_heading. */
static void test_text_layouts_heading_forms(void) {
  gk__labels *L = NULL;
  CU_ASSERT_EQUAL_FATAL(gk__labels_new(&L), GK_OK);
  static const struct {
    const char *s;
    int part;
  } cases[] = {
    {"一、总体情况", 0}, {"（一）总体情况", 0}, {"(二)主动公开政府信息情况", 1},
    {"第三部分 收到和处理政府信息公开申请情况", 2}, {"第四部分　政府信息公开行政复议、行政诉讼情况", 3},
    {"　　五　存在的主要问题及改进情况", 4}, {"、其他需要报告的事项", 5}, {"其他需要报告的事项", 5},
    {"六、其他需要報告的事項", 5}, {"四、政府信息公開行政復議、行政訴訟情況", 3},
    /* a sub-heading of the overview numbered for another part is no heading */
    {"（二）总体情况", -1}, {"第一部分 主动公开政府信息情况", -1}, {"（一）主动公开", -1},
    {"(一)", -1}, {"第一部分", -1}, {"（", -1}, {"第", -1},
    {"1、总体情况", 0}, {"3.收到和处理政府信息公开申请情况", 2}, {"2.总体情况", -1}, {"1.", -1},
    {"5.要求行政机关确认或重新出具已获取信息", -1},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    int p = gk__text_heading(L, cases[i].s, strlen(cases[i].s));
    if (p != cases[i].part) fprintf(stderr, "heading %s: %d\n", cases[i].s, p);
    CU_ASSERT_EQUAL(p, cases[i].part);
  }
  gk__labels_free(L);
}

/* Every Traditional form the generator writes normalises to its Simplified
 * character, so every label of schema_tables.c written in Traditional matches. */
static void test_text_layouts_traditional_chars(void) {
  for (size_t i = 0; i < sizeof trad_map / sizeof trad_map[0]; i++) {
    char a[32], b[32];
    gk__text_norm_fixed(a, sizeof a, trad_map[i][0], strlen(trad_map[i][0]));
    gk__text_norm_fixed(b, sizeof b, trad_map[i][1], strlen(trad_map[i][1]));
    if (strcmp(a, b) != 0) fprintf(stderr, "not normalised: %s\n", trad_map[i][1]);
    CU_ASSERT_STRING_EQUAL(a, b);
  }
  char n[64];
  gk__text_norm_fixed(n, sizeof n, "勾稽關係", strlen("勾稽關係"));
  CU_ASSERT_STRING_EQUAL(n, "勾稽关系");
}

/* ------------------------------------------------------------ raw HTML tables in Markdown */
/* A pipe row as marker writes it: a label's line break a <br> (after its
 * fourth character), a value's padding &nbsp;, a blank cell "&nbsp;". */
static void put_row_br(gk__buf *b, const layout *L, const char *label, const char *const *vals, size_t n) {
  gk__buf lab;
  gk__buf_init(&lab);
  if (label) put_label(&lab, L, label);
  gk__buf_puts(b, "| ");
  const char *t = lab.data ? lab.data : "";
  size_t cut = 0;
  for (int k = 0; k < 4 && cut < lab.len; k++)
    for (cut++; cut < lab.len && ((unsigned char)t[cut] & 0xC0) == 0x80; cut++) {}
  gk__buf_put(b, t, cut);
  if (cut < lab.len) gk__buf_puts(b, (lab.len & 1) ? "<br>" : "<BR />");
  gk__buf_put(b, t + cut, lab.len - cut);
  for (size_t i = 0; i < n; i++) {
    gk__buf_puts(b, " | &nbsp;");
    put_value(b, L, vals[i]);
    if (vals[i][0]) gk__buf_puts(b, "&nbsp;");
  }
  gk__buf_puts(b, " |\n");
  gk__buf_free(&lab);
}

/* One cell of a raw HTML table: <td> (<th> in a pandoc header) with its spans;
 * pandoc writes a tag a line. */
static void html_cell(gk__buf *b, const layout *L, int th, int rs, int cs, const char *text, int value) {
  gk__buf_puts(b, th ? "<th" : "<td");
  if (rs > 1) gk__buf_printf(b, " rowspan=\"%d\"", rs);
  if (cs > 1) gk__buf_printf(b, " colspan=\"%d\"", cs);
  gk__buf_putc(b, '>');
  if (value) put_value(b, L, text);
  else if (L->html == 2 && strchr(text, '&')) gk__buf_puts(b, text); /* already escaped */
  else put_text(b, L, text);
  gk__buf_puts(b, th ? "</th>" : "</td>");
  if (L->html == 2) gk__buf_putc(b, '\n');
}

/* A tag of the table's structure (a line of its own for pandoc). */
static void html_tag(gk__buf *b, const layout *L, const char *tag) {
  gk__buf_puts(b, tag);
  if (L->html == 2) gk__buf_putc(b, '\n');
}

/* A row of values after its label cells, padded to width cells by a blank
 * spanning cell, as published. */
static void html_values(gk__buf *b, const layout *L, char v[][64], size_t n, size_t width) {
  for (size_t i = 0; i < n; i++) html_cell(b, L, 0, 1, 1, v[i], 1);
  if (n < width) html_cell(b, L, 0, 1, (int)(width - n), "", 0);
  html_tag(b, L, "</tr>");
}

/* Table 二 (active): a header row "信息内容 + columns" before each group of rows. */
static void html_active(gk__buf *b, const layout *L, const gk_report *r) {
  const gk__table_decl *td = &gk__edition_get(gk_report_edition(r))->tables[GK_TABLE_ACTIVE];
  size_t width = 0;
  for (size_t k = 0; k < td->nrows; k++) {
    size_t w = 0;
    for (size_t c = 0; c < td->ncols; c++) w += (td->rows[k].colmask >> c) & 1u;
    if (w > width) width = w;
  }
  char v[GK__MAX_COLS][64];
  uint32_t mask = 0;
  for (size_t k = 0; k < td->nrows; k++) {
    const gk__row_decl *rd = &td->rows[k];
    if (rd->colmask != mask) {
      int th = L->html == 2 && mask == 0;
      if (th) html_tag(b, L, "<thead>");
      html_tag(b, L, "<tr>");
      html_cell(b, L, th, 1, 1, "信息内容", 0);
      size_t n = 0;
      for (size_t c = 0; c < td->ncols; c++)
        if (rd->colmask & (1u << c)) html_cell(b, L, th, 1, 1, td->cols[c].zh, 0), n++;
      if (n < width) html_cell(b, L, th, 1, (int)(width - n), "", 0);
      html_tag(b, L, "</tr>");
      if (th) html_tag(b, L, "</thead>"), html_tag(b, L, "<tbody>");
      mask = rd->colmask;
    }
    html_tag(b, L, "<tr>");
    html_cell(b, L, 0, 1, 1, rd->zh, 0);
    html_values(b, L, v, row_values(L, r, GK_TABLE_ACTIVE, k, v), width);
  }
}

/* Is row k of table 三 printed as a row of its own (not a group, not a sub-row
 * of a (六) printed as one row)? */
static int requests_printed(const gk__table_decl *td, const gk_report *r, size_t k) {
  const gk__row_decl *rd = &td->rows[k];
  int parent_one = rd->parent >= 0 && (td->rows[rd->parent].flags & GK_ROW_STORED) && other_printed(r, (size_t)rd->parent);
  if (parent_one) return 0;
  if (!(rd->flags & GK_ROW_STORED)) return 0;
  return !((rd->flags & GK_ROW_DERIVED) && !other_printed(r, k));
}

/* Printed rows of table 三 below row k (its children when a group). */
static int requests_span(const gk__table_decl *td, const gk_report *r, size_t k) {
  int n = 0;
  for (size_t j = k + 1; j < td->nrows && td->rows[j].parent == (int)k; j++) n += requests_printed(td, r, j);
  return n;
}

/* The header of table 三 as published: three rows of merged cells. */
static void html_requests_head(gk__buf *b, const layout *L, const gk__table_decl *td) {
  int th = L->html == 2;
  if (th) html_tag(b, L, "<thead>");
  html_tag(b, L, "<tr>");
  html_cell(b, L, th, 3, 3, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 0);
  html_cell(b, L, th, 1, (int)td->ncols, "申请人情况", 0);
  html_tag(b, L, "</tr>");
  html_tag(b, L, "<tr>");
  html_cell(b, L, th, 2, 1, td->cols[0].zh, 0);
  html_cell(b, L, th, 1, (int)td->ncols - 2, "法人或其他组织", 0);
  html_cell(b, L, th, 2, 1, td->cols[td->ncols - 1].zh, 0);
  html_tag(b, L, "</tr>");
  html_tag(b, L, "<tr>");
  for (size_t c = 1; c + 1 < td->ncols; c++) html_cell(b, L, th, 1, 1, td->cols[c].zh, 0);
  html_tag(b, L, "</tr>");
  if (th) html_tag(b, L, "</thead>"), html_tag(b, L, "<tbody>");
}

/* Table 三: label columns merged as published ("三、本年度办理结果" down the
 * rows it holds, each group down its sub-rows). */
static void html_requests(gk__buf *b, const layout *L, const gk_report *r) {
  const gk__table_decl *td = &gk__edition_get(gk_report_edition(r))->tables[GK_TABLE_REQUESTS];
  html_requests_head(b, L, td);
  int under = 0, num = 0; /* rows under 三、本年度办理结果 */
  for (size_t k = 0; k < td->nrows; k++)
    if (label_body(td->rows[k].zh, &num), num >= 0 && requests_printed(td, r, k)) under++;
  char v[GK__MAX_COLS][64];
  int three = 0;
  for (size_t k = 0; k < td->nrows; k++) {
    const gk__row_decl *rd = &td->rows[k];
    if (!requests_printed(td, r, k)) continue;
    label_body(rd->zh, &num);
    html_tag(b, L, "<tr>");
    if (num < 0) {
      html_cell(b, L, 0, 1, 3, rd->zh, 0);
    } else {
      if (!three++) html_cell(b, L, 0, under, 1, "三、本年度办理结果", 0);
      int child = rd->parent >= 0;
      if (child && td->rows[rd->parent].zh && (size_t)rd->parent + 1 == k) /* a group's first printed row */
        html_cell(b, L, 0, requests_span(td, r, (size_t)rd->parent), 1, td->rows[rd->parent].zh, 0);
      html_cell(b, L, 0, 1, child ? 1 : 2, rd->zh, 0);
    }
    html_values(b, L, v, row_values(L, r, GK_TABLE_REQUESTS, k, v), td->ncols);
  }
}

/* Table 四 (review): two header rows over the five columns, as published, and
 * the fifteen values in one row. */
static void html_review(gk__buf *b, const layout *L, const gk_report *r) {
  const gk__table_decl *td = &gk__edition_get(gk_report_edition(r))->tables[GK_TABLE_REVIEW];
  int th = L->html == 2;
  if (th) html_tag(b, L, "<thead>");
  html_tag(b, L, "<tr>");
  html_cell(b, L, th, 1, 5, "行政复议", 0);
  html_cell(b, L, th, 1, 10, "行政诉讼", 0);
  html_tag(b, L, "</tr>");
  html_tag(b, L, "<tr>");
  for (size_t c = 0; c < 5; c++) html_cell(b, L, th, 2, 1, td->cols[c].zh, 0);
  html_cell(b, L, th, 1, 5, "未经复议直接起诉", 0);
  html_cell(b, L, th, 1, 5, "复议后起诉", 0);
  html_tag(b, L, "</tr>");
  html_tag(b, L, "<tr>");
  for (size_t k = 0; k < 2; k++)
    for (size_t c = 0; c < 5; c++) html_cell(b, L, th, 1, 1, td->cols[c].zh, 0);
  html_tag(b, L, "</tr>");
  if (th) html_tag(b, L, "</thead>"), html_tag(b, L, "<tbody>");
  html_tag(b, L, "<tr>");
  for (size_t row = 0; row < 3; row++)
    for (size_t c = 0; c < 5; c++) {
      char x[64];
      cell_text(r, GK_TABLE_REVIEW, row, c, x, sizeof x);
      html_cell(b, L, 0, 1, 1, x, 1);
    }
  html_tag(b, L, "</tr>");
}

/* The report as MinerU (html 1) or pandoc (html 2) writes it from the PDF:
 * "# " headings, paragraphs apart by a blank line, each table raw HTML. */
static void render_html(gk__buf *b, const layout *L, const gk_report *r) {
  static const char *const cn[] = {"一", "二", "三", "四", "五", "六"};
  gk__buf_printf(b, "# %s%d年政府信息公开工作年度报告\n\n", gk_report_agency(r, GK_AGENCY_NAME), gk_report_year(r));
  gk__buf_printf(b, "本报告统计期限自%d年1月1日起至%d年12月31日止。\n\n", gk_report_year(r), gk_report_year(r));
  static const char *const prose[6] = {"本年度依法做好政府信息公开工作。", NULL, NULL, NULL, "无。", "本年度未收取信息处理费。"};
  for (int p = 0; p < 6; p++) {
    gk__buf_printf(b, "# %s、", cn[p]);
    put_text(b, L, part_head[p]);
    gk__buf_puts(b, "\n\n");
    if (prose[p]) {
      gk__buf_printf(b, "%s\n\n", prose[p]);
      continue;
    }
    html_tag(b, L, L->html == 1 ? "<html><body><table>" : "<table>"); /* MinerU wraps each table */
    if (p == 1) html_active(b, L, r);
    else if (p == 2) html_requests(b, L, r);
    else html_review(b, L, r);
    if (L->html == 2) html_tag(b, L, "</tbody>");
    gk__buf_puts(b, L->html == 1 ? "</table></body></html>\n\n" : "</table>\n\n");
  }
}

/* MinerU's Markdown of the report: every table one line of raw HTML in
 * <html><body>, the header cells merged as published, "# " headings. Every
 * cell comes back. */
static void test_text_layouts_mineru(void) {
  check_all(&LAYOUT(.name = "mineru", .sep = SEP_PIPE, .html = 1, .headers = 1));
}

/* pandoc's Markdown: each table over many lines, <thead>/<th>/<tbody>. */
static void test_text_layouts_pandoc_html(void) {
  check_all(&LAYOUT(.name = "pandoc-html", .sep = SEP_PIPE, .html = 2, .headers = 1));
  check_all(&LAYOUT(.name = "pandoc-html-crlf", .sep = SEP_PIPE, .html = 2, .headers = 1, .enc = ENC_CRLF));
}

/* marker's Markdown: pipe tables whose cells hold <br> and &nbsp;. */
/* Values in thousands groups (issue 11): every separator in a table's cells
 * (pipe, TSV, raw HTML) and the commas in one cell per line. */
static void test_text_layouts_grouped(void) {
  static const char *const seps[] = {"，", ",", " ", "\xC2\xA0", "\xE2\x80\x89", "\xE2\x80\xAF"};
  for (size_t i = 0; i < sizeof seps / sizeof *seps; i++) {
    check_all(&LAYOUT(.name = "pipe-grouped", .sep = SEP_PIPE, .headers = 1, .group = seps[i]));
    check_all(&LAYOUT(.name = "tsv-grouped", .sep = SEP_TSV, .group = seps[i]));
    check_all(&LAYOUT(.name = "mineru-grouped", .sep = SEP_PIPE, .html = 1, .headers = 1, .group = seps[i]));
  }
  check_all(&LAYOUT(.name = "pipe-grouped-fw", .sep = SEP_PIPE, .fwdigits = 1, .group = "，"));
  check_all(&LAYOUT(.name = "tsv-grouped-html", .sep = SEP_TSV, .prefix = 1, .headers = 1, .group = " "));
  check_all(&LAYOUT(.name = "lines-grouped", .sep = SEP_LINES, .group = "，"));
  check_all(&LAYOUT(.name = "pdf-grouped", .sep = SEP_SPACES, .wrap = 2, .group = "，"));
}

static void test_text_layouts_pipe_br(void) {
  check_all(&LAYOUT(.name = "pipe-br", .sep = SEP_PIPE, .brcells = 1, .md = 1, .headers = 1));
}

/* The pandoc layout's text read by the text reader: no line of a table left
 * to the line reader (no block starts with a border, a bar or a dash), the
 * lines after the tables found at their numbers; the rows with
 * a cell spanning rows or columns counted in *arg. */
static size_t check_pandoc_grid(const void *arg, const gk_report *truth, const char *base) {
  const layout *L = ((const layout *const *)arg)[0];
  size_t *spans = (size_t *)((const void *const *)arg)[1], wrong = 0;
  gk__buf b;
  gk__buf_init(&b);
  render(&b, L, truth);
  gk__grid g;
  CU_ASSERT_EQUAL_FATAL(gk__grid_from_text(&g, b.data, b.len), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  for (size_t i = 0; i < g.nblocks; i++) {
    const gk__gblock *bl = &g.blocks[i];
    int line_read = bl->kind != GK__BLK_ROW ? bl->slen && strchr("+|-", b.data[bl->soff]) : !bl->table;
    if (line_read) fprintf(stderr, "  %s [%s]: line %u read line by line\n", L->name, base, bl->pos.line);
    wrong += (size_t)line_read;
    for (uint32_t k = 0; bl->kind == GK__BLK_ROW && k < bl->ncells; k++)
      if (g.cells[bl->first + k].rowspan > 1 || g.cells[bl->first + k].colspan > 1) {
        ++*spans;
        break;
      }
  }
  gk__grid_free(&g);
  /* lines after the tables keep their numbers: the last section's is its line in the text */
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, b.data, b.len, base, NULL), GK_OK);
  const char *other = strstr(b.data, "本年度未收取信息处理费");
  uint32_t want = 1;
  for (const char *p = b.data; other && p < other; p++) want += *p == '\n';
  if (gk_report_section_line(r, GK_SECTION_OTHER) != want) {
    fprintf(stderr, "  %s [%s]: section line %u, want %u\n", L->name, base,
            gk_report_section_line(r, GK_SECTION_OTHER), want);
    wrong++;
  }
  gk_report_free(r);
  gk__buf_free(&b);
  return wrong;
}

/* Reports converted from .docx by pandoc: grid tables with wrapped header
 * words and labels and merged cells, every cell read back. */
static void test_text_layouts_pandoc_grid(void) {
  static const layout L[] = {{.name = "pandoc-grid", .grid = 1}, {.name = "pandoc-grid-md", .grid = 1, .md = 1},
                             {.name = "pandoc-grid-crlf", .grid = 1, .enc = ENC_CRLF},
                             {.name = "pandoc-grid-trad", .grid = 1, .trad = 1, .ord = ORD_HALF}};
  for (size_t i = 0; i < sizeof L / sizeof *L; i++) {
    check_all(&L[i]);
    size_t spans = 0;
    const void *arg[] = {&L[i], &spans};
    CU_ASSERT_EQUAL(gk_test_each_truth(check_pandoc_grid, arg), 0);
    CU_ASSERT_TRUE(spans >= 3 * gk_test_ntruth); /* the merged headers of tables 三 and 四, 三's group rows */
    fprintf(stderr, "layout %s: %zu cells checked, %zu rows with merged cells\n", L[i].name, g_cells, spans);
  }
}

/* The same as pandoc's simple and multiline tables (no spans). */
static void test_text_layouts_pandoc_simple(void) {
  static const layout L[] = {{.name = "pandoc-simple", .grid = 2}, {.name = "pandoc-simple-md", .grid = 2, .md = 1}};
  for (size_t i = 0; i < sizeof L / sizeof *L; i++) {
    check_all(&L[i]);
    size_t spans = 0;
    const void *arg[] = {&L[i], &spans};
    CU_ASSERT_EQUAL(gk_test_each_truth(check_pandoc_grid, arg), 0);
    CU_ASSERT_EQUAL(spans, 0);
    fprintf(stderr, "layout %s: %zu cells checked\n", L[i].name, g_cells);
  }
}

/* ------------------------------------------------------------ inline markup in Markdown cells */
/* A value (or a header cell) in the layout's markup; the forms cycle. */
static void put_marked(gk__buf *b, const layout *L, const char *v) {
  static const char *const html[][2] = {{"<b>", "</b>"},
                                        {"<strong>", "</strong>"},
                                        {"<span style=\"font-family:宋体;font-size:10.5pt\">", "</span>"},
                                        {"<font size=2>", "</font>"},
                                        {"<B><i>", "</i></B>"},
                                        {"<span lang=EN-US>", "<o:p></o:p></span>"}};
  static const char *const notes[] = {"[^1]", "<sup>[^2]</sup>", "<sup><a href=\"#fn1\">1</a></sup>", "[2](#fn2)"};
  static const char *const struck[][2] = {{"~~", "~~"}, {"<del>", "</del>"}, {"<s>", "</s>"}};
  static unsigned turn;
  unsigned k = turn++;
  layout plain = *L;
  plain.markup = 0;
  size_t digits = strspn(v, "0123456789.");
  const char *pre = "", *post = "";
  switch (L->markup) {
  case MK_BOLD: pre = post = k % 2 ? "**" : "__"; break;
  case MK_ITALIC: pre = post = k % 2 ? "*" : "_"; break;
  case MK_BOLDITAL: pre = post = k % 2 ? "***" : "**_"; post = k % 2 ? "***" : "_**"; break;
  case MK_HTML: pre = html[k % 6][0], post = html[k % 6][1]; break;
  case MK_LINK: pre = "[", post = k % 2 ? "](#t1)" : "](https://example.org/a_b*c*.html)"; break;
  case MK_STRUCK: gk__buf_puts(b, struck[k % 3][0]), gk__buf_puts(b, "98"), gk__buf_puts(b, struck[k % 3][1]); break;
  case MK_PART:
    if (digits && v[digits]) { /* "**12**件" */
      gk__buf_puts(b, "**"), gk__buf_put(b, v, digits), gk__buf_puts(b, "**"), put_value(b, &plain, v + digits);
      return;
    }
    pre = post = "**";
    break;
  default: break;
  }
  gk__buf_puts(b, pre);
  put_value(b, &plain, v);
  gk__buf_puts(b, post);
  if (L->markup == MK_NOTES && digits) gk__buf_puts(b, notes[k % 4]);
}

/* Markdown whose table cells carry the inline markup PDF-to-Markdown
 * converters write (marker, MinerU, docling, pandoc from .docx): every cell
 * read as the truth, in pipe tables and in pandoc's grid and simple tables. */
static void test_text_layouts_md_markup(void) {
  static const layout L[] = {
      {.name = "md-bold", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_BOLD},
      {.name = "md-all-bold", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_BOLD, .boldlabels = 1},
      {.name = "md-bold-labels", .sep = SEP_PIPE, .md = 1, .headers = 1, .boldlabels = 1, .align = 1},
      {.name = "md-bold-no-outer", .sep = SEP_PIPE, .md = 1, .noouter = 1, .headers = 1, .markup = MK_BOLD},
      {.name = "md-italic", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_ITALIC},
      {.name = "md-bold-italic", .sep = SEP_PIPE, .md = 1, .headers = 1, .align = 1, .markup = MK_BOLDITAL},
      {.name = "md-bold-digits", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_PART, .countword = "件"},
      {.name = "md-html-spans", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_HTML},
      {.name = "md-html-spans-br", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_HTML, .brcells = 1},
      {.name = "md-notes", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_NOTES},
      {.name = "md-links", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_LINK},
      {.name = "md-struck", .sep = SEP_PIPE, .md = 1, .headers = 1, .markup = MK_STRUCK},
      {.name = "pandoc-grid-bold", .grid = 1, .md = 1, .markup = MK_BOLD, .boldlabels = 1},
      {.name = "pandoc-grid-notes", .grid = 1, .md = 1, .markup = MK_NOTES},
      {.name = "pandoc-grid-html", .grid = 1, .markup = MK_HTML},
      {.name = "pandoc-simple-italic", .grid = 2, .md = 1, .markup = MK_ITALIC},
      {.name = "pandoc-simple-links", .grid = 2, .md = 1, .markup = MK_LINK},
  };
  for (size_t i = 0; i < sizeof L / sizeof *L; i++) check_all(&L[i]);
}

static CU_TestInfo tests[] = {
  {"heading forms", test_text_layouts_heading_forms},
  {"Traditional characters", test_text_layouts_traditional_chars},
  {"pipe tables", test_text_layouts_pipe},
  {"TSV", test_text_layouts_tsv},
  {"one cell per line", test_text_layouts_cell_per_line},
  {"HTML to text", test_text_layouts_html},
  {"pdftotext -layout", test_text_layouts_pdftotext},
  {"label variants", test_text_layouts_label_variants},
  {"2021 (六) sub-rows", test_text_layouts_other_rows},
  {"review table shapes", test_text_layouts_review},
  {"line endings and encodings", test_text_layouts_encodings},
  {"heading variants", test_text_layouts_headings},
  {"Markdown from PDF converters", test_text_layouts_markdown},
  {"one-line page text", test_text_layouts_page_text},
  {"Markdown with raw HTML tables (MinerU)", test_text_layouts_mineru},
  {"Markdown with raw HTML tables (pandoc)", test_text_layouts_pandoc_html},
  {"pipe cells with <br> and &nbsp;", test_text_layouts_pipe_br},
  {"pandoc grid tables", test_text_layouts_pandoc_grid},
  {"pandoc simple and multiline tables", test_text_layouts_pandoc_simple},
  {"Markdown cells with inline markup", test_text_layouts_md_markup},
  {"values in thousands groups", test_text_layouts_grouped},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text_layouts", tests); }
