/* SPDX-License-Identifier: MIT */
/* Import the published text of a report (architecture.md "Importing text").
 *
 * Three passes, each simple:
 *  1. split the document into lines and the lines into regions by the section
 *     headings 一 … 六 (gk__text_heading); the title gives agency and year;
 *  2. inside a table region, every line becomes tokens whatever the layout:
 *     fields split at TAB and bars ('|', '｜', '│'), pieces split at spaces; a piece is a VALUE
 *     (number, signed delta, amount with unit, literal), a TEXT (label words) or,
 *     for an empty field between separators, an EMPTY cell;
 *  3. walk the edition's rows in order: the text since the last values is the
 *     label of the next run of values; it must match the next row, or a later
 *     row (rows in between were left out), or be no label at all (header words
 *     only: the values then go to the next rows in order). A run with fewer
 *     values than the row has columns is ambiguous: the cells stay blank and a
 *     diagnostic names the row and the line.
 * Everything about the format comes from schema_tables.c. */
#include <stdio.h>
#include <string.h>
#include "internal.h"
#include "text_int.h"
#include "digit_split.h"
#include "gkreport/text.h"
#include "gkreport/json.h"

#define LAB_KEEP 2048   /* label text kept before a run of values (bytes) */
#define NPARTS GK__NPARTS

typedef struct {
  const char *p;
  size_t n;
  uint32_t line;
} tline;

enum { SLOT_VALUE = 0, SLOT_EMPTY = 1 };
typedef struct {
  const char *p;
  size_t n;
  uint32_t line;
  int kind;
} slot;

/* A row whose digit run reads several ways that fit the row's relations: the
 * readings, kept until the table is read, when the column relations (balance,
 * outcome sums) may leave one. */
#define GK__AMB_ROWS 8
typedef struct {
  size_t row, ncand;
  uint32_t line;
  slot cand[GK__SPLIT_KEEP][GK__MAX_COLS];
  gk__buf zh, en; /* the import.ambiguous message, said when the columns do not decide */
} amb_row;

typedef struct {
  gk_report *r;
  gk_diags *d;
  const char *file;
  int rc;              /* first hard error (GK_ENOMEM) */
  int truncated;       /* the document ends inside this table */
  int trunc_table;     /* where a truncated copy ends: table (-1 none) and first row missing */
  size_t trunc_row;
  /* table walk */
  int t;
  size_t cursor;       /* next row expected */
  unsigned char *done; /* per row: 1 filled, 2 skipped on purpose */
  gk__buf lab;         /* normalised label text since the last run */
  uint32_t lab_line;   /* first line of the label text */
  slot *run;
  size_t nrun, caprun;
  /* review: all slots in order */
  slot *rv;
  size_t nrv, caprv;
  uint32_t last_line;
  const gk__labels *L; /* normalised labels */
  int start_cut;       /* the region starts inside its table (a copy cut at the top) */
  slot pend[16];       /* a short run, pending: ambiguous or cut by the end */
  amb_row amb[GK__AMB_ROWS]; /* runs the row's relations leave ambiguous: decided by the columns' */
  size_t namb;
  size_t npend, pend_row;
  const tline *lines;  /* the source lines: a cell's column is found in its line */
  size_t nlines;
} walk;

static size_t trim_left(const char *p, size_t n);
static size_t trim_right(const char *p, size_t n);

/* ------------------------------------------------------------ diagnostics */
static void diag(walk *w, int sev, const char *rule, uint32_t line, const char *zh, const char *en) {
  if (!w->d || w->rc) return;
  if (gk_diags_add(NULL, w->d, sev, rule, zh, en, w->file, line, 0) == GK_ENOMEM) w->rc = GK_ENOMEM;
}

/* Emit an item from two built messages, then free them. */
static void diag_bufs(walk *w, int sev, const char *rule, uint32_t line, gk__buf *zh, gk__buf *en) {
  if (zh->err || en->err) w->rc = GK_ENOMEM;
  else diag(w, sev, rule, line, zh->data, en->data);
  gk__buf_free(zh), gk__buf_free(en);
}

/* Like diag_bufs, naming cell (row, col) of the current table. */
static void diag_cell_bufs(walk *w, int sev, const char *rule, uint32_t line, size_t row, size_t col, gk__buf *zh,
                           gk__buf *en) {
  size_t idx = 0;
  int rc = zh->err ? zh->err : en->err;
  if (!rc && w->d && !w->rc) rc = gk_diags_add(&idx, w->d, sev, rule, zh->data, en->data, w->file, line, 0);
  if (!rc && w->d && !w->rc) {
    char path[160];
    gk__path(path, w->r, w->t, row, col);
    rc = gk_diags_add_cell(w->d, idx, path);
  }
  if (rc == GK_ENOMEM) w->rc = rc;
  gk__buf_free(zh), gk__buf_free(en);
}

static void diag_row(walk *w, int sev, const char *rule, size_t row, uint32_t line,
                     const char *zh_fmt, const char *en_fmt) {
  if (!w->d || w->rc) return;
  const gk__row_decl *rd = &w->r->ed->tables[w->t].rows[row];
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, zh_fmt, rd->zh);
  gk__buf_printf(&en, en_fmt, rd->en);
  size_t idx = 0;
  int rc = zh.err ? zh.err : en.err;
  if (!rc) rc = gk_diags_add(&idx, w->d, sev, rule, zh.data, en.data, w->file, line, 0);
  if (!rc) {
    char path[160];
    const gk__table_decl *td = &w->r->ed->tables[w->t];
    for (size_t c = 0; c < td->ncols; c++)
      if (rd->colmask & (1u << c)) {
        gk__path(path, w->r, w->t, row, c);
        rc = gk_diags_add_cell(w->d, idx, path);
        break;
      }
  }
  if (rc == GK_ENOMEM) w->rc = rc;
  gk__buf_free(&zh), gk__buf_free(&en);
}

/* ------------------------------------------------------------ label matching */
static size_t cp_count(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xC0) != 0x80;
  return k;
}

/* byte length of the first k code points of s */
static size_t cp_prefix(const char *s, size_t n, size_t k) {
  size_t i = 0;
  while (i < n && k) {
    i++;
    while (i < n && ((unsigned char)s[i] & 0xC0) == 0x80) i++;
    k--;
  }
  return i;
}

static const char *find_last(const char *h, size_t hn, const char *nd, size_t nn) {
  const char *last = NULL, *p = h;
  while (nn && (size_t)(h + hn - p) >= nn) {
    const char *q = gk__memfind(p, (size_t)(h + hn - p), nd, nn);
    if (!q) break;
    last = q;
    p = q + 1;
  }
  return last;
}


/* The label's first part right before the values, the rest wrapped below
 * ("2.其他法律行政法  0 0 …" / "规禁止公开"): the label text ends with a long
 * prefix of the variant (4 characters and 6 or half of them). */
static int ends_with_prefix(const char *nv, size_t vn, const char *lab, size_t labn) {
  size_t chars = cp_count(nv, vn);
  for (size_t k = chars - 1; k >= 4 && k < chars; k--) {
    size_t pb = cp_prefix(nv, vn, k);
    if ((k >= 6 || 2 * k >= chars) && labn >= pb && memcmp(lab + labn - pb, nv, pb) == 0) return 1;
  }
  return 0;
}

/* Does the label text end with a long prefix of a variant of row `row`? */
static int row_prefix_at_end(const walk *w, size_t row, const char *lab, size_t labn) {
  if (row >= GK__LROWS) return 0;
  const gk__span *vars = w->L->row[gk__labels_ed(w->r->edition)][w->t][row];
  for (size_t v = 0; v < GK__NV; v++)
    if (vars[v].len >= 6 && ends_with_prefix(gk__labels_at(w->L, vars[v]), vars[v].len, lab, labn)) return 1;
  return 0;
}

/* How well the label text matches row `row` of the current table: 2 a variant is
 * contained, 1 most of a variant is (a long prefix plus suffix: wrapped or
 * misspelt labels), 0 not. *end: where the match ends in the label text. */
static int row_match(const walk *w, size_t row, const char *lab, size_t labn, int fuzzy, size_t *end) {
  int best = 0;
  if (row >= GK__LROWS) return 0;
  const gk__span *vars = w->L->row[gk__labels_ed(w->r->edition)][w->t][row];
  for (size_t v = 0; v < GK__NV; v++) {
    if (vars[v].len < 6) continue; /* two CJK characters at least */
    const char *nv = gk__labels_at(w->L, vars[v]);
    size_t vn = vars[v].len;
    const char *q = find_last(lab, labn, nv, vn);
    if (q) {
      size_t e = (size_t)(q - lab) + vn;
      if (best < 2 || e > *end) *end = e;
      best = 2;
      continue;
    }
    if (!fuzzy || best) continue;
    size_t chars = cp_count(nv, vn), pre = 0, suf = 0;
    for (size_t k = chars - 1; k >= 2 && !pre; k--)
      if (gk__memfind(lab, labn, nv, cp_prefix(nv, vn, k))) pre = k;
    for (size_t k = chars - 1; k >= 2 && !suf; k--) {
      size_t off = cp_prefix(nv, vn, chars - k);
      if (gk__memfind(lab, labn, nv + off, vn - off)) suf = k;
    }
    if (pre >= 8 || (pre >= 2 && (pre + suf) * 10 >= chars * 6)) {
      best = 1;
      *end = labn;
      continue;
    }
    if (ends_with_prefix(nv, vn, lab, labn)) {
      best = 1;
      *end = labn;
    }
  }
  return best;
}

/* Header words that may stand before a run of values without naming a row. */
static void cut_all(char *tmp, size_t *n, const char *nv, size_t vn) {
  const char *q;
  while (vn && (q = gk__memfind(tmp, *n, nv, vn)) != NULL) {
    char *qq = tmp + (q - tmp);
    memmove(qq, qq + vn, *n - (size_t)(qq - tmp) - vn);
    *n -= vn;
  }
}

static int lab_is_noise(const walk *w, const char *lab, size_t labn) {
  if (labn == 0) return 1;
  char tmp[LAB_KEEP * 2 + 8];
  if (labn >= sizeof tmp) return 0;
  memcpy(tmp, lab, labn);
  size_t n = labn;
  static const char *const words[] = {"信息内容", "第二十条第", "申请人情况", "法人或其他组织",
                                      "本年度办理结果", "本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和",
                                      "单位", "项"};
  for (size_t k = 0; k < sizeof words / sizeof words[0]; k++) cut_all(tmp, &n, words[k], strlen(words[k]));
  const gk__table_decl *td = &w->r->ed->tables[w->t];
  int e = gk__labels_ed(w->r->edition);
  for (size_t c = 0; c < td->ncols && c < GK__MAX_COLS; c++)
    for (size_t v = 0; v < GK__NV; v++)
      cut_all(tmp, &n, gk__labels_at(w->L, w->L->col[e][w->t][c][v]), w->L->col[e][w->t][c][v].len);
  for (size_t r = 0; r < td->nrows && r < GK__LROWS; r++) {
    if (td->rows[r].flags & GK_ROW_STORED) continue; /* only derived group labels */
    for (size_t v = 0; v < GK__NV; v++)
      cut_all(tmp, &n, gk__labels_at(w->L, w->L->row[e][w->t][r][v]), w->L->row[e][w->t][r][v].len);
  }
  return cp_count(tmp, n) <= 4;
}

/* ------------------------------------------------------------ cells */
/* 1-based column (code points) where s starts in its source line, 0 unknown
 * (a value not taken from the line as it stands). */
static uint32_t slot_column(const walk *w, const slot *s) {
  if (!w->lines || !s->p || s->line < 1 || s->line > w->nlines) return 0;
  const tline *l = &w->lines[s->line - 1];
  uintptr_t a = (uintptr_t)l->p, q = (uintptr_t)s->p;
  if (q < a || q > a + l->n) return 0;
  uint32_t col = 1;
  for (size_t i = 0; i < (size_t)(q - a); i++) col += ((unsigned char)l->p[i] & 0xC0) != 0x80;
  return col;
}

static void put_slot(walk *w, size_t row, size_t col, const slot *s) {
  gk_report *r = w->r;
  int t = w->t, rc = GK_OK;
  if (s->kind == SLOT_EMPTY) {
    rc = gk_report_set_blank(r, t, row, col);
  } else {
    int kind = r->ed->tables[t].cols[col].kind;
    /* thousands separators; Traditional 減 for 减 */
    char tmp[64];
    const char *p = s->p;
    size_t n = s->n;
    if (n < sizeof tmp && (memchr(p, ',', n) || (n > 3 && memcmp(p, "減", 3) == 0))) {
      size_t k = 0, i = 0;
      if (memcmp(p, "減", 3) == 0) memcpy(tmp, "减", 3), k = 3, i = 3;
      for (; i < n; i++)
        if (p[i] != ',') tmp[k++] = p[i];
      p = tmp, n = k;
    }
    int64_t v = 0;
    int unit = 0;
    if (gk__text_quote_end(s->p, s->n, 0) == s->n) { /* 「…」: the literal verbatim */
      gk__buf q;
      gk__buf_init(&q);
      gk__text_unquote(&q, s->p, s->n);
      rc = q.err ? GK_ENOMEM : q.len > 4096 ? GK_ERANGE : gk_report_set_literal(r, t, row, col, q.data ? q.data : "", q.len);
      gk__buf_free(&q);
    } else if (!gk__text_is_literal(s->p, s->n) && gk__parse_cell_text(kind, p, n, &v, &unit) == GK_OK) {
      rc = gk_report_set_value(r, t, row, col, v);
      if (!rc && kind == GK_KIND_AMOUNT) rc = gk_report_set_unit(r, t, row, col, unit);
    } else if (s->n <= 4096) {
      rc = gk_report_set_literal(r, t, row, col, s->p, s->n);
    } else {
      rc = GK_ERANGE;
    }
  }
  if (rc == GK_ENOMEM) {
    w->rc = rc;
    return;
  }
  if (rc) {
    diag_row(w, GK_SEV_WARNING, "import.value", row, s->line,
             "“%s”有一个无法保存的单元格值，已留空", "row %s: a cell value cannot be stored; left blank");
    return;
  }
  gk_report_set_line(r, t, row, col, s->line);
  r->cells[t][row * r->ed->tables[t].ncols + col].column = slot_column(w, s);
}

static size_t row_ncells(const gk__row_decl *rd) {
  size_t k = 0;
  for (uint32_t m = rd->colmask; m; m &= m - 1) k++;
  return k;
}

static void fill_row(walk *w, size_t row, const slot *s) {
  const gk__table_decl *td = &w->r->ed->tables[w->t];
  size_t k = 0;
  for (size_t c = 0; c < td->ncols && !w->rc; c++)
    if (td->rows[row].colmask & (1u << c)) put_slot(w, row, c, &s[k++]);
  w->done[row] = 1;
}

/* A stored row that takes values when walking in order (derived rows that are
 * also stored, 2021 （六）其他处理, are reached only through their label). */
static int row_walkable(const gk__row_decl *rd) {
  return (rd->flags & GK_ROW_STORED) && !(rd->flags & GK_ROW_DERIVED);
}

static size_t next_walkable(const gk__table_decl *td, size_t r) {
  while (r < td->nrows && !row_walkable(&td->rows[r])) r++;
  return r;
}

/* Next row that holds printed values (a stored derived row included). */
static size_t next_stored(const gk__table_decl *td, size_t r) {
  while (r < td->nrows && !(td->rows[r].flags & GK_ROW_STORED)) r++;
  return r;
}

/* First row after row r and its children. */
static size_t after_children(const gk__table_decl *td, size_t r) {
  size_t k = r + 1;
  while (k < td->nrows && td->rows[k].parent == (int8_t)r) k++;
  return k;
}


/* The next row when values follow in order: a walkable row, or a stored derived
 * row (2021 （六）) when the label text names it and not its first child (printed
 * as one row, as in a column of labels above a block of numbers). */
static size_t next_in_order(const walk *w, const gk__table_decl *td, size_t r) {
  const char *lab = w->lab.data ? w->lab.data : "";
  size_t e = 0;
  if (r < td->nrows && (td->rows[r].flags & GK_ROW_STORED) && (td->rows[r].flags & GK_ROW_DERIVED) &&
      row_match(w, r, lab, w->lab.len, 0, &e) == 2 && !(r + 1 < td->nrows &&
      td->rows[r + 1].parent == (int8_t)r && row_match(w, r + 1, lab, w->lab.len, 0, &e) == 2))
    return r;
  return next_walkable(td, r);
}

/* The row a run of values with this label text belongs to, or nrows. */
static size_t pick_row(walk *w, int has_value, int *sequential) {
  const gk__table_decl *td = &w->r->ed->tables[w->t];
  const char *lab = w->lab.data ? w->lab.data : "";
  size_t labn = w->lab.len, end = 0;
  *sequential = 0;
  /* the expected row, or a stored derived row just before it (2021 other) */
  for (size_t r = w->cursor; r < td->nrows; r++) {
    const gk__row_decl *rd = &td->rows[r];
    if (!(rd->flags & GK_ROW_STORED)) continue;
    if (row_walkable(rd)) {
      if (!row_match(w, r, lab, labn, 1, &end)) break;
      /* rows printed without values stand between: the label nearest the values
       * (a run for one row; a longer one is a block of rows in order) */
      size_t best = r;
      for (size_t r2 = r + 1; r2 < td->nrows && end < labn && w->nrun <= row_ncells(rd); r2++) {
        size_t e = 0;
        if (!(td->rows[r2].flags & GK_ROW_STORED)) continue;
        int m = row_match(w, r2, lab, labn, 0, &e) == 2;
        if (!m && row_prefix_at_end(w, r2, lab, labn)) m = 1, e = labn;
        if (m && e > end) best = r2, end = e;
      }
      return best;
    }
    /* derived + stored: its children first, else its own label */
    if (r + 1 < td->nrows && td->rows[r + 1].parent == (int8_t)r &&
        row_match(w, r + 1, lab, labn, 1, &end))
      return r + 1;
    if (row_match(w, r, lab, labn, 0, &end) == 2) return r;
  }
  if (!has_value) return td->nrows; /* empty fields only: the expected row or nothing */
  /* a later row: the one whose label ends nearest to the values */
  size_t best = td->nrows, best_end = 0;
  for (size_t r = w->cursor; r < td->nrows; r++) {
    const gk__row_decl *rd = &td->rows[r];
    if (!(rd->flags & GK_ROW_STORED)) continue;
    size_t e = 0;
    int m = row_match(w, r, lab, labn, 0, &e) == 2;
    if (!m && row_prefix_at_end(w, r, lab, labn)) m = 1, e = labn; /* a wrapped label */
    if (m && (best == td->nrows || e > best_end)) {
      best = r, best_end = e;
    }
  }
  if (best < td->nrows) return best;
  /* an earlier row passed over (rows out of order): its label in full */
  for (size_t r = 0; r < w->cursor && r < td->nrows; r++) {
    size_t e = 0;
    if (!row_walkable(&td->rows[r]) || w->done[r] == 1) continue;
    if (row_match(w, r, lab, labn, 0, &e) == 2 && (best == td->nrows || e > best_end)) best = r, best_end = e;
  }
  if (best < td->nrows) return best;
  if (has_value && lab_is_noise(w, lab, labn)) {
    *sequential = 1;
    return next_walkable(td, w->cursor);
  }
  return td->nrows;
}

static void lab_reset(walk *w) {
  w->lab.len = 0;
  if (w->lab.data) w->lab.data[0] = '\0';
  w->lab_line = 0;
}

static void flush_run_at(walk *w, int final);
static void pending_done(walk *w, int cut);
static void flush_run(walk *w) { flush_run_at(w, 0); }

/* Run-together digits ("801000081" for 80|1|0|0|0|0|81): the values s[0..k)
 * split into the `ncells` cells (rows[], cols[]) by the format's identities
 * (digit_split.h). Returns 1 when exactly one reading holds (cand filled), 2
 * when several do or the work cap was hit (import.ambiguous names them, the
 * cells stay blank), 0 when none (the caller goes on as for a short run). */
static int has_col_relation(const gk__edition *ed, int t) {
  for (size_t q = 0; q < ed->nrelations; q++)
    if (ed->relations[q].table == t && ed->relations[q].axis == GK__PER_COL) return 1;
  return 0;
}

static void fill_row(walk *w, size_t row, const slot *s);

static int split_run(walk *w, const slot *s, size_t k, const size_t *rows, const size_t *cols,
                     size_t ncells, slot *cand) {
  gk__piece tok[GK__SPLIT_MAXCELLS];
  if (k == 0 || k >= ncells || ncells > GK__SPLIT_MAXCELLS) return 0;
  for (size_t i = 0; i < k; i++) {
    if (s[i].kind != SLOT_VALUE || gk__text_quote_end(s[i].p, s[i].n, 0)) return 0;
    tok[i] = (gk__piece){s[i].p, s[i].n};
  }
  gk__split_spec sp = {w->r->ed, w->t, ncells, rows, cols};
  gk__split_result res;
  if (gk__digit_split(&res, &sp, tok, k, 0) != GK_OK || (res.nsurv == 0 && !res.capped)) return 0;
  gk__buf zh, en, run, cands;
  gk__buf_init(&zh), gk__buf_init(&en), gk__buf_init(&run), gk__buf_init(&cands);
  for (size_t i = 0; i < k; i++) {
    if (i) gk__buf_putc(&run, ' ');
    gk__buf_put(&run, s[i].p, s[i].n);
  }
  for (size_t c = 0; c < res.nkeep; c++) {
    if (c) gk__buf_puts(&cands, c + 1 == res.nkeep && res.nsurv <= res.nkeep ? " or " : ", ");
    gk__split_put(&cands, &res, c, ncells);
  }
  if (res.nsurv > res.nkeep || res.capped) gk__buf_puts(&cands, ", ...");
  const char *rn = run.data ? run.data : "", *cn = cands.data ? cands.data : "";
  const char *rowzh = w->r->ed->tables[w->t].rows[rows[0]].zh, *rowkey = w->r->ed->tables[w->t].rows[rows[0]].key;
  int one = res.nsurv == 1 && !res.capped;
  if (one) {
    for (size_t i = 0; i < ncells; i++) cand[i] = (slot){res.cand[0][i].p, res.cand[0][i].n, s[0].line, SLOT_VALUE};
    gk__buf_printf(&zh, "“%s”的数字连写在一起（%s），按表内勾稽关系唯一读作%s", rowzh, rn, cn);
    gk__buf_printf(&en, "row %s: digits run together (%s); the only reading for which the row's "
                   "relations hold is %s", rowkey, rn, cn);
  } else {
    gk__buf_printf(&zh, "“%s”的数字连写在一起（%s），%s：%s；已留空", rowzh, rn,
                   res.capped ? "可能的读法过多" : "有多种读法都符合表内勾稽关系", cn);
    gk__buf_printf(&en, "row %s: digits run together (%s) %s: %s; left blank", rowkey, rn,
                   res.capped ? "have too many readings to try" : "read several ways that all fit", cn);
  }
  if (!one && !res.capped && res.nsurv == res.nkeep && w->namb < GK__AMB_ROWS && rows[0] == rows[ncells - 1] &&
      has_col_relation(w->r->ed, w->t)) { /* the column relations may decide, once the table is read */
    amb_row *a = &w->amb[w->namb++];
    a->row = rows[0], a->ncand = res.nkeep, a->line = s[0].line, a->zh = zh, a->en = en;
    for (size_t c = 0; c < res.nkeep; c++)
      for (size_t i = 0; i < ncells; i++)
        a->cand[c][i] = (slot){res.cand[c][i].p, res.cand[c][i].n, s[0].line, SLOT_VALUE};
    gk__buf_free(&run), gk__buf_free(&cands);
    return 2;
  }
  diag_cell_bufs(w, one ? GK_SEV_INFO : GK_SEV_WARNING, one ? "import.split" : "import.ambiguous", s[0].line,
                 rows[0], cols[0], &zh, &en);
  gk__buf_free(&run), gk__buf_free(&cands);
  return one ? 1 : 2;
}

/* Do the column relations of table t that can be checked hold for row's
 * columns? 1 all checkable ones hold and one could be checked, 0 otherwise. */
static int columns_hold(const gk_report *r, int t, size_t row) {
  const gk__edition *ed = r->ed;
  const gk__table_decl *td = &ed->tables[t];
  int checked = 0;
  for (size_t q = 0; q < ed->nrelations; q++) {
    const gk__relation *rel = &ed->relations[q];
    if (rel->table != t || rel->axis != GK__PER_COL) continue;
    for (size_t c = 0; c < td->ncols; c++) {
      if (!(td->rows[row].colmask & (1u << c))) continue;
      int64_t sum = 0;
      int ok = 1, blank = 0;
      for (size_t k = 0; k < rel->nterms && ok && !blank; k++) {
        int st = 0;
        int64_t v = 0, term = 0;
        if (gk__cell_effective(r, t, (size_t)rel->terms[k].index, c, &st, &v) != GK_OK) ok = 0;
        else if (st != GK_CELL_VALUE) blank = 1;
        else ok = gk__mul64(&term, v, rel->terms[k].coef) == GK_OK && gk__add64(&sum, sum, term) == GK_OK;
      }
      if (blank) continue;
      if (!ok || sum != 0) return 0;
      checked = 1;
    }
  }
  return checked;
}

/* The rows left ambiguous by their own relations, decided by the columns'
 * when exactly one reading fits; otherwise import.ambiguous as said. */
static void resolve_ambiguous(walk *w) {
  const gk__table_decl *td = &w->r->ed->tables[w->t];
  for (size_t i = 0; i < w->namb && !w->rc; i++) {
    amb_row *a = &w->amb[i];
    size_t fits = 0, pick = 0;
    for (size_t k = 0; k < a->ncand && !w->rc; k++) {
      fill_row(w, a->row, a->cand[k]);
      if (columns_hold(w->r, w->t, a->row)) fits++, pick = k;
      for (size_t c = 0; c < td->ncols; c++)
        if (td->rows[a->row].colmask & (1u << c)) gk_report_set_blank(w->r, w->t, a->row, c);
    }
    size_t c0 = 0;
    while (c0 + 1 < td->ncols && !(td->rows[a->row].colmask & (1u << c0))) c0++;
    if (fits == 1 && !w->rc) {
      fill_row(w, a->row, a->cand[pick]);
      gk__buf zh, en;
      gk__buf_init(&zh), gk__buf_init(&en);
      gk__buf_printf(&zh, "“%s”的数字连写在一起，按各列的勾稽关系（结转、办理结果合计）唯一读作第%zu种读法",
                     td->rows[a->row].zh, pick + 1);
      gk__buf_printf(&en, "row %s: digits run together; the column relations (balance, outcome sums) "
                     "leave one reading, number %zu", td->rows[a->row].key, pick + 1);
      diag_cell_bufs(w, GK_SEV_INFO, "import.split", a->line, a->row, c0, &zh, &en);
      gk__buf_free(&a->zh), gk__buf_free(&a->en);
    } else {
      for (size_t c = 0; c < td->ncols; c++)
        if (td->rows[a->row].colmask & (1u << c)) gk_report_set_line(w->r, w->t, a->row, c, a->line);
      diag_cell_bufs(w, GK_SEV_WARNING, "import.ambiguous", a->line, a->row, c0, &a->zh, &a->en);
    }
  }
}

/* The stored cells of one row, in column order. */
static size_t row_cells(const gk__table_decl *td, size_t row, size_t *rows, size_t *cols) {
  size_t n = 0;
  for (size_t c = 0; c < td->ncols && n < GK__SPLIT_MAXCELLS; c++)
    if (td->rows[row].colmask & (1u << c)) rows[n] = row, cols[n++] = c;
  return n;
}

static void pending_done(walk *w, int cut) {
  if (!w->npend) return;
  const gk__table_decl *td = &w->r->ed->tables[w->t];
  const gk__row_decl *rd = &td->rows[w->pend_row];
  size_t k = 0;
  if (cut) {
    /* the copy ends inside this row: the values there are its first cells */
    for (size_t c = 0; c < td->ncols && k < w->npend && !w->rc; c++)
      if (rd->colmask & (1u << c)) put_slot(w, w->pend_row, c, &w->pend[k++]);
  } else {
    diag_row(w, GK_SEV_WARNING, "import.ambiguous", w->pend_row, w->pend[0].line,
             "“%s”的数值个数少于列数（空白单元格被省略），无法确定各列，已留空",
             "row “%s” has fewer values than columns (blank cells were dropped): the "
             "columns are ambiguous, left blank");
    for (size_t c = 0; c < td->ncols; c++)
      if (rd->colmask & (1u << c)) gk_report_set_line(w->r, w->t, w->pend_row, c, w->pend[0].line);
  }
  w->npend = 0;
}

/* A run whose values continue over several rows in order (numbers printed
 * apart from their labels) must end where a row ends: a short last row means
 * blank cells were dropped somewhere, and then no row can be told. Returns the
 * number of rows spanned when they do not fit, 0 when they fit (or one row). */
static size_t run_misfit(const walk *w, size_t row, int sequential) {
  const gk__table_decl *td = &w->r->ed->tables[w->t];
  size_t i = 0, rows = 0;
  while (i < w->nrun && row < td->nrows) {
    const gk__row_decl *rd = &td->rows[row];
    size_t need = row_ncells(rd);
    int any = 0;
    for (size_t k = i; k < w->nrun && !any; k++) any = w->run[k].kind == SLOT_VALUE;
    if (!any) break;
    if (w->nrun - i < need) return rows ? rows + 1 : 0;
    i += need;
    rows++;
    if (rd->flags & GK_ROW_DERIVED) row = next_stored(td, after_children(td, row));
    else row = next_stored(td, row + 1);
    int more = 0;
    for (size_t k = i; k < w->nrun && !more; k++) more = w->run[k].kind == SLOT_VALUE;
    if (sequential || more) row = next_in_order(w, td, row);
    sequential |= more;
  }
  return 0;
}

static void flush_run_at(walk *w, int final) {
  if (w->npend && w->nrun) {
    int anyv = 0;
    for (size_t i = 0; i < w->nrun; i++) anyv |= w->run[i].kind == SLOT_VALUE;
    if (anyv) pending_done(w, 0);
  }
  if (w->nrun == 0 || w->rc) {
    w->nrun = 0;
    return;
  }
  if (w->t == GK_TABLE_REVIEW) {
    const gk__table_decl *rtd = &w->r->ed->tables[w->t];
    int any = 0;
    for (size_t i = 0; i < w->nrun; i++) any |= w->run[i].kind == SLOT_VALUE;
    /* a line of empty fields after a row label ("复议后起诉\t\t\t\t\t") is a blank row */
    size_t end = 0;
    int one_line = w->nrun == rtd->ncols && w->run[0].line == w->run[w->nrun - 1].line;
    for (size_t r = 0; r < rtd->nrows && !any && one_line; r++)
      any = row_match(w, r, w->lab.data ? w->lab.data : "", w->lab.len, 0, &end) == 2;
    if (any || w->nrun >= rtd->ncols * rtd->nrows) {
      for (size_t i = 0; i < w->nrun; i++) {
        if (w->nrv == w->caprv) {
          size_t nc = w->caprv ? w->caprv * 2 : 32;
          slot *ns = gk__realloc(w->rv, nc * sizeof *ns);
          if (!ns) {
            w->rc = GK_ENOMEM;
            return;
          }
          w->rv = ns, w->caprv = nc;
        }
        w->rv[w->nrv++] = w->run[i];
      }
    }
    w->nrun = 0;
    lab_reset(w);
    return;
  }
  const gk__table_decl *td = &w->r->ed->tables[w->t];
  int has_value = 0;
  for (size_t i = 0; i < w->nrun; i++) has_value |= w->run[i].kind == SLOT_VALUE;
  int sequential = 0;
  size_t row = pick_row(w, has_value, &sequential);
  uint32_t line = w->run[0].line;
  if (row >= td->nrows) {
    if (!has_value) { /* stray empty fields: keep the label text for the values to come */
      w->nrun = 0;
      return;
    }
    if (w->lab.len) {
      gk__buf zh, en;
      gk__buf_init(&zh), gk__buf_init(&en);
      gk__buf_printf(&zh, "第%u行的数值前的标签“%s”不是本表的行，已忽略", (unsigned)line, w->lab.data);
      gk__buf_printf(&en, "line %u: values under a label that is no row of table %s (\"%s\"); ignored",
                     (unsigned)line, gk__tables[w->t].en, w->lab.data);
      diag_bufs(w, GK_SEV_WARNING, "import.unknown_row", line, &zh, &en);
    }
    w->nrun = 0;
    lab_reset(w);
    return;
  }
  if (!has_value && sequential) { /* never */
    w->nrun = 0;
    return;
  }
  if (!has_value && (td->rows[row].flags & GK_ROW_DERIVED)) {
    /* empty fields beside a group label ("（六）其他处理" over its sub-rows, a
     * merged cell): nothing to place, and its sub-rows may follow */
    w->nrun = 0;
    lab_reset(w);
    return;
  }
  /* rows passed over */
  if (w->start_cut && row > w->cursor) { /* the copy starts inside the table */
    diag_row(w, GK_SEV_WARNING, "import.truncated", row, line, "文本从表格中间开始：“%s”之前的行缺失",
             "the text starts inside the table: the rows before “%s” are missing");
    for (size_t k = w->cursor; k < row; k++) w->done[k] = 2;
  }
  w->start_cut = 0;
  for (size_t k = w->cursor; k < row; k++) {
    const gk__row_decl *rd = &td->rows[k];
    if (!row_walkable(rd) || w->done[k]) continue;
    if (rd->parent >= 0 && w->done[rd->parent]) continue;
    w->done[k] = 3; /* passed over: missing unless found later (rows out of order) */
  }
  size_t back_to = row < w->cursor ? w->cursor : 0;
  size_t misfit = final && w->truncated ? 0 : run_misfit(w, row, sequential);
  if (misfit) {
    diag_row(w, GK_SEV_WARNING, "import.ambiguous", row, line,
             "从“%s”起按顺序排列的数值不能恰好填满各行（空白单元格被省略），无法确定各列，已留空",
             "the values in order from row %s do not fill whole rows (blank cells were dropped): "
             "the columns are ambiguous, left blank");
    for (size_t k = 0; k < misfit && row < td->nrows; k++) {
      for (size_t c = 0; c < td->ncols; c++)
        if (td->rows[row].colmask & (1u << c)) gk_report_set_line(w->r, w->t, row, c, line);
      w->done[row] = 1;
      row = next_in_order(w, td, next_stored(td, (td->rows[row].flags & GK_ROW_DERIVED) ?
                                                   after_children(td, row) : row + 1));
    }
    w->cursor = row;
    w->nrun = 0;
    lab_reset(w);
    return;
  }
  size_t i = 0;
  int first = 1;
  while (i < w->nrun && row < td->nrows && !w->rc) {
    const gk__row_decl *rd = &td->rows[row];
    size_t need = row_ncells(rd), left = w->nrun - i;
    int any = 0;
    for (size_t k = i; k < w->nrun; k++) any |= w->run[k].kind == SLOT_VALUE;
    if (!first && !any) break; /* trailing empty fields */
    slot cand[GK__SPLIT_MAXCELLS];
    size_t rws[GK__SPLIT_MAXCELLS], cls[GK__SPLIT_MAXCELLS];
    size_t nc = row_cells(td, row, rws, cls);
    int sp = left < need && any ? split_run(w, w->run + i, left, rws, cls, nc, cand) : 0;
    if (sp) {
      if (sp == 1) fill_row(w, row, cand);
      else {
        w->done[row] = 1;
        for (size_t c = 0; c < td->ncols; c++)
          if (rd->colmask & (1u << c)) gk_report_set_line(w->r, w->t, row, c, w->run[i].line);
      }
      i = w->nrun;
      row = next_stored(td, row + 1);
      break;
    }
    if (left < need) {
      if (any && w->npend == 0 && left <= 16) {
        /* decided at the next run: ambiguous, or the end of a truncated copy */
        w->pend_row = row;
        memcpy(w->pend, w->run + i, left * sizeof *w->pend);
        w->npend = left;
        row++;
        w->done[row - 1] = 1;
      } else if (any) {
        diag_row(w, GK_SEV_WARNING, "import.ambiguous", row, w->run[i].line,
                 "“%s”的数值个数少于列数（空白单元格被省略），无法确定各列，已留空",
                 "row “%s” has fewer values than columns (blank cells were dropped): the "
                 "columns are ambiguous, left blank");
        w->done[row] = 1;
        for (size_t c = 0; c < td->ncols; c++)
          if (rd->colmask & (1u << c)) gk_report_set_line(w->r, w->t, row, c, w->run[i].line);
        row++;
      }
      break;
    }
    fill_row(w, row, w->run + i);
    i += need;
    first = 0;
    int more = 0; /* values left (trailing empty fields are no next row) */
    for (size_t k = i; k < w->nrun && !more; k++) more = w->run[k].kind == SLOT_VALUE;
    /* next row: a stored derived row printed with its own values (2021 （六）) may
     * still have its children printed below it, each with its label; values in
     * order go past the children (the row was printed as one row) */
    if (rd->flags & GK_ROW_DERIVED)
      row = (!sequential && !more) ? row + 1 : next_stored(td, after_children(td, row));
    else row = next_stored(td, row + 1);
    if (sequential || more) row = next_in_order(w, td, row);
    if (!sequential && more) {
      /* more values right after a labelled row: the next rows in order */
      sequential = 1;
    }
  }
  w->cursor = back_to ? back_to : row;
  w->nrun = 0;
  lab_reset(w);
}

static int run_push(walk *w, const char *p, size_t n, uint32_t line, int kind) {
  if (w->nrun == w->caprun) {
    size_t nc = w->caprun ? w->caprun * 2 : 64;
    slot *ns = gk__realloc(w->run, nc * sizeof *ns);
    if (!ns) return w->rc = GK_ENOMEM;
    w->run = ns, w->caprun = nc;
  }
  w->run[w->nrun++] = (slot){p, n, line, kind};
  return GK_OK;
}

static void lab_push(walk *w, const char *p, size_t n, uint32_t line) {
  if (w->nrun) flush_run(w);
  size_t before = w->lab.len;
  gk__text_norm(&w->lab, p, n);
  if (w->lab.err) {
    w->rc = GK_ENOMEM;
    return;
  }
  if (w->lab.len > before && !w->lab_line) w->lab_line = line;
  if (w->lab.len > 2 * LAB_KEEP) { /* keep the text nearest to the values */
    size_t cut = w->lab.len - LAB_KEEP;
    while (cut < w->lab.len && ((unsigned char)w->lab.data[cut] & 0xC0) == 0x80) cut++;
    memmove(w->lab.data, w->lab.data + cut, w->lab.len - cut);
    w->lab.len -= cut;
    w->lab.data[w->lab.len] = '\0';
  }
}

static int is_footer(const char *p, size_t n) {
  /* page numbers: "-3-", "- 3 -", "第3页", "第 3 页 共 9 页" */
  size_t i = 0, digits = 0, other = 0;
  while (i < n) {
    size_t j = i;
    uint32_t cp = gk__utf8_next(p, n, &j);
    if (cp >= '0' && cp <= '9') digits++;
    else if (!(gk__text_is_space(cp) || cp == '-' || cp == 0x2014 || cp == 0xFF0D || cp == 0x2013 ||
               cp == 0x7B2C || cp == 0x9875 || cp == 0x5171))
      other++;
    i = j;
  }
  if (digits == 0 || other) return 0;
  /* a bare or signed number is a cell: only "-3-" (dashes both sides) or 第…页 */
  if (gk__memfind(p, n, "页", 3)) return 1;
  size_t a = trim_left(p, n), b = trim_right(p, n);
  return b > a + 1 && !(p[a] >= '0' && p[a] <= '9') && !(p[b - 1] >= '0' && p[b - 1] <= '9');
}

/* Tokenize one line of a table region. */
/* Length of a field separator at p[i]: TAB, '|', full-width "｜" (U+FF5C) or
 * box-drawing "│" / "┃" (U+2502, U+2503); 0 when none. */
static size_t sep_at(const char *p, size_t n, size_t i) {
  if (p[i] == '\t' || p[i] == '|') return 1;
  if (i + 3 <= n && ((memcmp(p + i, "\xEF\xBD\x9C", 3) == 0) || memcmp(p + i, "\xE2\x94\x82", 3) == 0 ||
                     memcmp(p + i, "\xE2\x94\x83", 3) == 0))
    return 3;
  return 0;
}

/* Is there a bar (a separator other than TAB) at p[i]? */
static int bar_at(const char *p, size_t n, size_t i) { return p[i] != '\t' && sep_at(p, n, i); }

static void table_line(walk *w, const char *p, size_t n, uint32_t line) {
  if (is_footer(p, n)) return;
  int has_tab = memchr(p, '\t', n) != NULL, has_pipe = 0;
  for (size_t i = 0, qe; i < n && !has_pipe; i++) {
    if ((qe = gk__text_quote_end(p, n, i)) != 0) i = qe - 1; /* 「…」 holds no separator */
    else has_pipe = bar_at(p, n, i);
  }
  /* fields */
  size_t start = 0, nf = 0, nonempty = 0, sl = 0;
  int seen = 0;
  /* first pass: count non-empty fields */
  for (size_t i = 0; i <= n; i++) {
    size_t qe = i < n ? gk__text_quote_end(p, n, i) : 0;
    if (qe) {
      i = qe - 1;
      continue;
    }
    if (i == n || (sl = sep_at(p, n, i)) != 0) {
      int empty = 1;
      size_t j = start;
      while (j < i) {
        size_t q = j;
        if (!gk__text_is_space(gk__utf8_next(p, i, &q))) {
          empty = 0;
          break;
        }
        j = q;
      }
      nonempty += !empty;
      nf++;
      start = i + sl;
      if (i < n) i += sl - 1;
    }
  }
  if (nonempty == 0) {
    /* a row of empty fields ("\t\t\t\t", "| | | | | |"): in table 四, whose
     * rows have no label, as many fields as the table has columns are a blank
     * row; anywhere else the count of empty fields proves nothing: one empty */
    if (has_pipe) {
      size_t a = trim_left(p, n), b = trim_right(p, n);
      nf -= (a < b && bar_at(p, n, a)) + (a + 1 < b && (p[b - 1] == '|' || (b >= a + 3 && sep_at(p, n, b - 3) == 3)));
    }
    const gk__table_decl *td = &w->r->ed->tables[w->t];
    size_t k = has_tab && !has_pipe ? 1 : 0;
    for (size_t lead = 0; lead < 2 && w->t == GK_TABLE_REVIEW; lead++) /* lead: an indentation field */
      if (nf > lead && (nf - lead == td->ncols || nf - lead == td->ncols * td->nrows)) k = nf - lead;
    for (size_t i = 0; i < k && !w->rc; i++) run_push(w, p, 0, line, SLOT_EMPTY);
    return;
  }
  start = 0;
  size_t fi = 0;
  for (size_t i = 0; i <= n && !w->rc; i++) {
    size_t qe = i < n ? gk__text_quote_end(p, n, i) : 0;
    if (qe) i = qe - 1;
    if (qe || !(i == n || (sl = sep_at(p, n, i)) != 0)) continue;
    const char *f = p + start;
    size_t fn = i - start;
    int last = fi == nf - 1;
    fi++;
    start = i + sl;
    if (i < n) i += sl - 1;
    /* trim */
    size_t a = 0;
    while (a < fn) {
      size_t q = a;
      if (!gk__text_is_space(gk__utf8_next(f, fn, &q))) break;
      a = q;
    }
    size_t b = fn;
    b = a + trim_right(f + a, b - a);
    if (a >= b) {
      if (!seen) continue;                    /* indentation */
      if (last && has_pipe && !has_tab) continue; /* after the closing pipe */
      if (has_tab || has_pipe) run_push(w, f, 0, line, SLOT_EMPTY);
      continue;
    }
    seen = 1;
    /* pieces */
    size_t k = a;
    while (k < b && !w->rc) {
      size_t k0 = k, e = k, qend = gk__text_quote_end(f, b, k);
      if (qend) { /* 「…」: one literal, spaces and all */
        run_push(w, f + k, qend - k, line, SLOT_VALUE);
        k = qend;
        while (k < b) {
          size_t q = k;
          if (!gk__text_is_space(gk__utf8_next(f, b, &q))) break;
          k = q;
        }
        continue;
      }
      while (e < b) {
        size_t q = e;
        if (gk__text_is_space(gk__utf8_next(f, b, &q))) break;
        e = q;
      }
      size_t pe = e;
      k = e;
      while (k < b) {
        size_t q = k;
        if (!gk__text_is_space(gk__utf8_next(f, b, &q))) break;
        k = q;
      }
      /* "2020 年" in prose: a number followed by a date or count unit is text */
      int unit_next = k > pe && k + 3 <= b &&
                      (memcmp(f + k, "年", 3) == 0 || memcmp(f + k, "月", 3) == 0 ||
                       memcmp(f + k, "日", 3) == 0 || memcmp(f + k, "条", 3) == 0 ||
                       memcmp(f + k, "件", 3) == 0);
      int value = !unit_next && gk__text_is_value(f + k0, pe - k0);
      if (value && k < b && pe - k0 == 3 && (unsigned char)f[k0] >= 0x80) {
        /* "无 法 提 供": a literal character spaced out inside a label */
        size_t e2 = k;
        while (e2 < b) {
          size_t q = e2;
          if (gk__text_is_space(gk__utf8_next(f, b, &q))) break;
          e2 = q;
        }
        value = gk__text_is_value(f + k, e2 - k);
      }
      if (value)
        run_push(w, f + k0, pe - k0, line, SLOT_VALUE);
      else lab_push(w, f + k0, pe - k0, line);
    }
  }
}

static void review_finish(walk *w, uint32_t line) {
  gk_report *r = w->r;
  const gk__table_decl *td = &r->ed->tables[GK_TABLE_REVIEW];
  size_t want = td->nrows * td->ncols;
  if (w->nrv == 0) return;
  if (w->nrv < want && want <= GK__SPLIT_MAXCELLS) { /* digits run together */
    slot cand[GK__SPLIT_MAXCELLS];
    size_t rws[GK__SPLIT_MAXCELLS], cls[GK__SPLIT_MAXCELLS];
    for (size_t i = 0; i < want; i++) rws[i] = i / td->ncols, cls[i] = i % td->ncols;
    w->t = GK_TABLE_REVIEW;
    int sp = split_run(w, w->rv, w->nrv, rws, cls, want, cand);
    if (sp == 1)
      for (size_t i = 0; i < want && !w->rc; i++) put_slot(w, rws[i], cls[i], &cand[i]);
    if (sp) return;
  }
  if (w->nrv < want) {
    int empties = 0;
    for (size_t i = 0; i < w->nrv; i++) empties |= w->rv[i].kind == SLOT_EMPTY;
    if (!w->truncated || empties) {
      gk__buf zh, en;
      gk__buf_init(&zh), gk__buf_init(&en);
      gk__buf_printf(&zh, "行政复议、行政诉讼表只有%zu个数值（应为%zu个），无法确定各列，已留空",
                     w->nrv, want);
      gk__buf_printf(&en, "the review table has %zu values instead of %zu: the columns are "
                     "ambiguous, left blank", w->nrv, want);
      w->t = GK_TABLE_REVIEW;
      diag_cell_bufs(w, GK_SEV_WARNING, "import.ambiguous", w->rv[0].line, 0, 0, &zh, &en);
      return;
    }
  }
  while (w->nrv > want && w->rv[w->nrv - 1].kind == SLOT_EMPTY) w->nrv--;
  if (w->nrv > want) {
    diag(w, GK_SEV_WARNING, "import.unknown_row", w->rv[want].line,
         "行政复议、行政诉讼表的数值多于15个，多余的已忽略",
         "the review table has more than 15 values; the extra ones are ignored");
  }
  w->t = GK_TABLE_REVIEW;
  for (size_t i = 0; i < w->nrv && i < want && !w->rc; i++)
    put_slot(w, i / td->ncols, i % td->ncols, &w->rv[i]);
  (void)line;
}

static int blank_line(const tline *l);

/* A line that is one value alone ("12", "-", "3.5万元"). */
static int single_value_line(const tline *l) {
  size_t a = trim_left(l->p, l->n), b = trim_right(l->p, l->n);
  if (a < b && gk__text_quote_end(l->p, b, a) == b) return 1; /* 「…」 */
  if (a >= b || b - a > 64) return 0;
  for (size_t i = a; i < b;) {
    size_t q = i;
    if (gk__text_is_space(gk__utf8_next(l->p, b, &q))) return 0;
    i = q;
  }
  return gk__text_is_value(l->p + a, b - a);
}

/* One cell per line (HTML to text): empty lines are the blank cells when value
 * lines follow each other more often than they stand one empty line apart
 * (a double-spaced copy separates every line with one). */
static int blanks_are_cells(const tline *lines, size_t from, size_t to) {
  size_t adjacent = 0, spaced = 0;
  for (size_t i = from; i < to; i++) /* blank cells marked by a TAB: empty lines are spacing */
    if (lines[i].n && memchr(lines[i].p, '\t', lines[i].n) && blank_line(&lines[i])) return 0;
  for (size_t i = from; i + 1 < to; i++) {
    if (!single_value_line(&lines[i])) continue;
    if (single_value_line(&lines[i + 1])) adjacent++;
    else if (i + 2 < to && blank_line(&lines[i + 1]) && single_value_line(&lines[i + 2])) spaced++;
  }
  return adjacent > spaced;
}

/* A Markdown table starting at line i (the line above is no table line), with
 * its "---" separator row, that holds nothing but bars, dashes and colons (a
 * converter's junk table of "-"): the first line after it, else i. */
static size_t skip_junk_table(const tline *lines, size_t from, size_t i, size_t to) {
  size_t j = i;
  int sep_row = 0;
  if (i > from) {
    const tline *u = &lines[i - 1];
    size_t a = trim_left(u->p, u->n), b = trim_right(u->p, u->n);
    if (a < b && bar_at(u->p, b, a)) return i;
  }
  while (j < to) {
    const tline *l = &lines[j];
    size_t a = trim_left(l->p, l->n), b = trim_right(l->p, l->n);
    if (a >= b || !bar_at(l->p, b, a)) break;
    for (size_t k = a; k < b; k++) {
      size_t q = k;
      uint32_t cp = gk__utf8_next(l->p, b, &q);
      if (!(gk__text_is_space(cp) || cp == '-' || cp == ':' || sep_at(l->p, b, k))) return i;
      k = q - 1;
    }
    sep_row |= gk__memfind(l->p + a, b - a, "---", 3) != NULL;
    j++;
  }
  return sep_row && j >= i + 2 ? j : i;
}

/* A Markdown separator row ("|---|:---:|"): bars, dashes, colons, spaces. */
static int md_separator(const tline *l) {
  size_t a = trim_left(l->p, l->n), b = trim_right(l->p, l->n);
  if (a >= b || !bar_at(l->p, b, a) || !gk__memfind(l->p + a, b - a, "---", 3)) return 0;
  for (size_t k = a; k < b; k++)
    if (!(l->p[k] == '|' || l->p[k] == '-' || l->p[k] == ':' || l->p[k] == ' ' || l->p[k] == '\t')) return 0;
  return 1;
}

/* A Markdown header row without a digit (column headers, "| 类别 | 数据1 |…"
 * anonymous ones included, name no row): 1 when lines[i] is one. */
static int md_header_row(const tline *lines, size_t i, size_t to) {
  const tline *l = &lines[i];
  size_t a = trim_left(l->p, l->n), b = trim_right(l->p, l->n);
  if (i + 1 >= to || a >= b || !bar_at(l->p, b, a) || !md_separator(&lines[i + 1])) return 0;
  /* anonymous columns carry a digit ("数据1"): a digit right after a CJK character is a name */
  for (size_t k = a; k < b; k++)
    if (l->p[k] >= '0' && l->p[k] <= '9' && !(k >= 3 && (unsigned char)l->p[k - 1] >= 0x80)) return 0;
  return 1;
}

/* Walk one table region; returns GK_OK or GK_ENOMEM. */

/* Where a truncated copy ends: the first row not held whole. That is the last
 * row read when the cut fell inside it (some of its cells blank), else `first`,
 * the first row never reached. */
static size_t cut_row(const walk *w, int t, size_t first) {
  const gk__table_decl *td = &w->r->ed->tables[t];
  for (size_t p = first; p-- > 0;) {
    const gk__row_decl *rd = &td->rows[p];
    if (!row_walkable(rd) || !w->done[p]) continue;
    for (size_t c = 0; c < td->ncols; c++) {
      if (!(rd->colmask & (1u << c))) continue;
      const gk__cell *cell = gk__cell_at(w->r, t, p, c);
      if (cell && cell->state == GK_CELL_BLANK) return p;
    }
    return first;
  }
  return first;
}

static int import_table(walk *w, int t, const tline *lines, size_t from, size_t to, int truncated) {
  const gk__table_decl *td = &w->r->ed->tables[t];
  w->t = t;
  w->cursor = next_stored(td, 0);
  w->truncated = truncated;
  w->nrun = 0;
  w->nrv = 0;
  w->npend = 0;
  lab_reset(w);
  w->done = gk__calloc(td->nrows, 1);
  if (!w->done) return w->rc = GK_ENOMEM;
  int cells = blanks_are_cells(lines, from, to), seen = 0;
  for (size_t i = from; i < to && !w->rc; i++) {
    if (cells && blank_line(&lines[i])) {
      size_t j = i;
      while (j < to && blank_line(&lines[j])) j++;
      /* empty lines after the first line of the table (of table 四: after its
       * first value, the header words above it being no cells) */
      for (size_t k = i; seen && k < j && !w->rc; k++)
        run_push(w, lines[k].p, 0, lines[k].line, SLOT_EMPTY);
      i = j - 1;
      continue;
    }
    size_t junk = skip_junk_table(lines, from, i, to);
    if (junk > i || md_header_row(lines, i, to)) {
      i = junk > i ? junk - 1 : i + 1;
      continue;
    }
    table_line(w, lines[i].p, lines[i].n, lines[i].line);
    seen = t != GK_TABLE_REVIEW || w->nrun > 0 || w->nrv > 0;
  }
  if (!w->rc) flush_run_at(w, 1);
  if (!w->rc) pending_done(w, truncated);
  if (!w->rc) resolve_ambiguous(w);
  for (size_t i = 0; i < w->namb; i++) gk__buf_free(&w->amb[i].zh), gk__buf_free(&w->amb[i].en);
  w->namb = 0;
  uint32_t endline = to > from ? lines[to - 1].line : 0;
  if (!w->rc && t == GK_TABLE_REVIEW) review_finish(w, endline);
  for (size_t r = 0; r < td->nrows && !w->rc && t != GK_TABLE_REVIEW; r++)
    if (w->done[r] == 3)
      diag_row(w, GK_SEV_WARNING, "import.missing_row", r, endline, "未找到“%s”这一行", "row “%s” was not found");
  if (!w->rc && t != GK_TABLE_REVIEW) {
    /* rows never reached */
    size_t first = td->nrows, n = 0;
    int any = 0;
    for (size_t r = 0; r < td->nrows; r++) any |= w->done[r] == 1;
    for (size_t r = 0; r < td->nrows; r++) {
      const gk__row_decl *rd = &td->rows[r];
      if (!row_walkable(rd) || w->done[r]) continue;
      if (rd->parent >= 0 && w->done[rd->parent]) continue;
      if (first == td->nrows) first = r;
      n++;
    }
    if (n && any && !truncated) {
      gk__buf zh, en;
      gk__buf_init(&zh), gk__buf_init(&en);
      gk__buf_printf(&zh, "%s表从“%s”起的%zu行未找到", gk__tables[t].zh, td->rows[first].zh, n);
      gk__buf_printf(&en, "table %s: %zu %s from “%s” on %s not found", gk__tables[t].en, n,
                     n == 1 ? "row" : "rows", td->rows[first].en, n == 1 ? "was" : "were");
      diag_bufs(w, GK_SEV_WARNING, "import.missing_row", endline, &zh, &en);
    }
    if (n && truncated && !w->rc) {
      gk__buf zh, en;
      gk__buf_init(&zh), gk__buf_init(&en);
      gk__buf_printf(&zh, "文本在%s表中结束：从“%s”起的%zu行缺失", gk__tables[t].zh, td->rows[first].zh, n);
      gk__buf_printf(&en, "the text ends inside table %s: %zu %s from “%s” on %s missing",
                     gk__tables[t].en, n, n == 1 ? "row" : "rows", td->rows[first].en,
                     n == 1 ? "is" : "are");
      diag_bufs(w, GK_SEV_WARNING, "import.truncated", endline, &zh, &en);
      w->truncated = 2; /* reported */
      w->trunc_table = t, w->trunc_row = cut_row(w, t, first);
    }
  }
  gk__free(w->done);
  w->done = NULL;
  return w->rc;
}

/* ------------------------------------------------------------ edition from headers */
/* Labels only edition e has, found in the normalised header text. */
static size_t edition_markers(const gk__labels *L, int e, const char *text, size_t tn) {
  size_t found = 0;
  for (size_t k = 0; k < L->nmark[e]; k++)
    found += gk__memfind(text, tn, gk__labels_at(L, L->mark[e][k]), L->mark[e][k].len) != NULL;
  return found;
}

/* ------------------------------------------------------------ the document */
#define part_section(p) (gk__parts[p].section)
#define part_table(p) (gk__parts[p].table)

static int blank_line(const tline *l) {
  size_t i = 0;
  while (i < l->n) {
    size_t j = i;
    if (!gk__text_is_space(gk__utf8_next(l->p, l->n, &j))) return 0;
    i = j;
  }
  return 1;
}

/* Section text: the lines [from, to) without leading and trailing blank lines. */
static int set_section_text(gk_report *r, int sec, const tline *lines, size_t from, size_t to) {
  while (from < to && blank_line(&lines[from])) from++;
  while (to > from && blank_line(&lines[to - 1])) to--;
  if (from >= to) return gk_report_set_section(r, sec, "", 0);
  const char *a = lines[from].p, *b = lines[to - 1].p + lines[to - 1].n;
  /* lines are contiguous in the buffer; drop CRs by copying when needed */
  int rc;
  if (memchr(a, '\r', (size_t)(b - a))) {
    gk__buf s;
    gk__buf_init(&s);
    for (size_t i = from; i < to; i++) {
      if (i > from) gk__buf_putc(&s, '\n');
      gk__buf_put(&s, lines[i].p, lines[i].n);
    }
    rc = s.err ? s.err : gk_report_set_section(r, sec, s.data, s.len);
    gk__buf_free(&s);
  } else {
    rc = gk_report_set_section(r, sec, a, (size_t)(b - a));
  }
  if (!rc) rc = gk_report_set_section_line(r, sec, lines[from].line);
  return rc;
}

/* The first "YYYY年" that is no full date (publication dates are the year after). */
static int find_year(const char *s, size_t n, int dates) {
  for (size_t i = 0; i + 3 <= n; i++)
    if (memcmp(s + i, "年", 3) == 0) {
      int y = gk__text_year_before(s, i);
      size_t k = i + 3;
      while (k < n && ((s[k] >= '0' && s[k] <= '9') || s[k] == ' ')) k++;
      if (y && (dates || !(k > i + 3 && k + 3 <= n && memcmp(s + k, "月", 3) == 0 &&
                 gk__memfind(s + k, n - k < 12 ? n - k : 12, "日", 3))))
        return y;
    }
  return 0;
}

/* A title line: names a report ("报告", "年报") with a year, short, no address. */
static int is_title(const tline *l) {
  if (l->n > 130 || l->n == 0) return 0;
  if (gk__memfind(l->p, l->n, "://", 3) || gk__memfind(l->p, l->n, "www.", 4)) return 0;
  return gk__memfind(l->p, l->n, "报告", strlen("报告")) || gk__memfind(l->p, l->n, "報告", strlen("報告")) ||
         gk__memfind(l->p, l->n, "年报", strlen("年报")) || gk__memfind(l->p, l->n, "年報", strlen("年報"));
}

static size_t trim_left(const char *p, size_t n) {
  size_t i = 0;
  while (i < n) {
    size_t q = i;
    if (!gk__text_is_space(gk__utf8_next(p, n, &q))) break;
    i = q;
  }
  return i;
}

static size_t trim_right(const char *p, size_t n) {
  for (;;) {
    if (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\f' ||
              p[n - 1] == '\v'))
      n--;
    else if (n >= 3 && memcmp(p + n - 3, "\xE3\x80\x80", 3) == 0) /* U+3000 */
      n -= 3;
    else if (n >= 2 && memcmp(p + n - 2, "\xC2\xA0", 2) == 0) /* NBSP */
      n -= 2;
    else
      return n;
  }
}

/* Year of a title and where its digits start; 0 when none. */
static int title_year(const char *p, size_t n, size_t *start) {
  for (size_t i = 0; i + 3 <= n; i++)
    if (memcmp(p + i, "年", 3) == 0) {
      int y = gk__text_year_before(p, i);
      if (y) {
        size_t a = i;
        while (a > 0 && p[a - 1] == ' ') a--;
        for (int k = 0; k < 4; k++) a -= ((unsigned char)p[a - 1] >= 0x80) ? 3 : 1;
        *start = a;
        return y;
      }
    }
  return 0;
}

/* The title: the text of one line, or of two when the published title is
 * broken ("洪泽区人民政府" / "2023 年政府信息公开工作年度报告"). */
static int find_title(const gk__labels *L, gk__buf *out, const tline *lines, size_t first_head) {
  size_t seen = 0;
  for (size_t i = 0; i < first_head && seen < 8; i++) {
    const tline *l = &lines[i];
    size_t a = trim_left(l->p, l->n), b = trim_right(l->p, l->n);
    if (a >= b) continue;
    seen++;
    while (a < b && (l->p[a] == '#' || l->p[a] == '*' || l->p[a] == ' ')) a++; /* Markdown */
    while (b > a && l->p[b - 1] == '*') b--;
    if (!is_title(l)) continue;
    size_t ys = 0;
    int y = title_year(l->p + a, b - a, &ys);
    /* the line before, when it is adjacent and short */
    const tline *pl = i > 0 ? &lines[i - 1] : NULL;
    size_t pa = 0, pb = 0;
    if (pl) pa = trim_left(pl->p, pl->n), pb = trim_right(pl->p, pl->n);
    int prev_ok = pl && pa < pb && pb - pa <= 90 && !gk__memfind(pl->p, pl->n, ":", 1) &&
                  !gk__memfind(pl->p, pl->n, "：", 3) && !is_title(pl);
    size_t dummy;
    if (prev_ok && pb - pa + b - a <= 130 &&
        ((!y && title_year(pl->p + pa, pb - pa, &dummy)) ||
         (y && ys == 0 && gk__text_heading(L, pl->p, pl->n) < 0))) {
      gk__buf_put(out, pl->p + pa, pb - pa);
    }
    gk__buf_put(out, l->p + a, b - a);
    return out->err ? out->err : 1;
  }
  return 0;
}

/* A heading wrapped over two lines ("四、因政府信息公开工作被申请行政复议" /
 * "和提起行政诉讼情况"): the first line starts with an ordinal, the second is
 * short and no heading itself, and together they are one. Part or -1. */
static int wrapped_heading(const gk__labels *L, const tline *a, const tline *b) {
  static const char *const ord[] = {"一、", "二、", "三、", "四、", "五、", "六、"};
  size_t a0 = trim_left(a->p, a->n), a1 = trim_right(a->p, a->n);
  size_t b0 = trim_left(b->p, b->n), b1 = trim_right(b->p, b->n);
  if (a1 <= a0 || b1 <= b0 || a1 - a0 > 120 || b1 - b0 > 60) return -1;
  int ordinal = 0;
  for (size_t k = 0; k < 6 && !ordinal; k++) ordinal = a1 - a0 > 6 && memcmp(a->p + a0, ord[k], 6) == 0;
  if (!ordinal || gk__text_heading(L, b->p, b->n) >= 0) return -1;
  char buf[200];
  memcpy(buf, a->p + a0, a1 - a0);
  memcpy(buf + (a1 - a0), b->p + b0, b1 - b0);
  return gk__text_heading(L, buf, (a1 - a0) + (b1 - b0));
}

/* A second copy of table t (its heading again, lines [from, to)): read into a
 * scratch report and compared; different numbers are import.duplicate_table
 * naming both headings' lines (the first copy is kept). */
static void check_duplicate(walk *w, int t, const tline *lines, size_t first_head, size_t from, size_t to) {
  gk_report *r2 = NULL;
  if (gk_report_new(&r2, w->r->edition, 0) != GK_OK) {
    w->rc = GK_ENOMEM;
    return;
  }
  walk w2;
  memset(&w2, 0, sizeof w2);
  w2.r = r2, w2.L = w->L, w2.trunc_table = -1;
  gk__buf_init(&w2.lab);
  int rc = import_table(&w2, t, lines, from, to, 0);
  const gk__table_decl *td = &w->r->ed->tables[t];
  size_t differ = 0;
  for (size_t i = 0; i < td->nrows * td->ncols && !rc; i++) {
    const gk__cell *a = &w->r->cells[t][i], *b = &r2->cells[t][i];
    differ += a->state == GK_CELL_VALUE && b->state == GK_CELL_VALUE && a->value != b->value;
  }
  gk__free(w2.run), gk__free(w2.rv), gk__free(w2.done), gk__buf_free(&w2.lab);
  gk_report_free(r2);
  if (rc) {
    w->rc = rc;
    return;
  }
  if (!differ) return;
  uint32_t l1 = lines[first_head].line, l2 = from ? lines[from - 1].line : 0;
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, "%s表出现两次（第%u行和第%u行），%zu个数值不同；已采用第一份", gk__tables[t].zh,
                 (unsigned)l1, (unsigned)l2, differ);
  gk__buf_printf(&en, "table %s appears twice (lines %u and %u) with %zu different values; the first "
                 "copy is kept", gk__tables[t].key, (unsigned)l1, (unsigned)l2, differ);
  diag_bufs(w, GK_SEV_WARNING, "import.duplicate_table", l2, &zh, &en);
}

/* Each heading of a table part seen again after its first: a second copy. */
static void check_duplicates(walk *w, const gk__labels *L, const tline *lines, size_t nlines, const size_t *hl,
                             size_t nhl, const size_t *head) {
  for (size_t q = 0; q < nhl && !w->rc; q++) {
    const tline *l = &lines[hl[q]];
    int p = l->n <= 200 ? gk__text_heading(L, l->p, l->n) : -1;
    if (p < 1 || p > 3 || head[p] == SIZE_MAX || hl[q] <= head[p]) continue;
    size_t to = q + 1 < nhl ? hl[q + 1] : nlines;
    check_duplicate(w, part_table(p), lines, head[p], hl[q] + 1, to);
  }
}

/* The completeness of the copy (report.h): pre-format, truncated at a table and
 * row, tables missing. */
static int set_completeness(const walk *w, int legacy, const size_t *head, int last_part) {
  uint32_t missing = 0;
  int first_missing = -1;
  for (int p = 1; p <= 3; p++)
    if (head[p] == SIZE_MAX) {
      missing |= 1u << part_table(p);
      if (first_missing < 0 && p > last_part) first_missing = part_table(p);
    }
  int rc = gk_report_set_missing_tables(w->r, legacy ? 0 : missing);
  if (rc) return rc;
  if (legacy) return gk_report_set_completeness(w->r, GK_PRE_FORMAT, -1, SIZE_MAX);
  if (w->trunc_table >= 0) return gk_report_set_completeness(w->r, GK_TRUNCATED, w->trunc_table, w->trunc_row);
  if (first_missing >= 0) return gk_report_set_completeness(w->r, GK_TRUNCATED, first_missing, SIZE_MAX);
  if (missing) return gk_report_set_completeness(w->r, GK_TABLES_MISSING, -1, SIZE_MAX);
  return GK_OK;
}

static int import_lines(const gk__labels *L, gk_report **out, const char *text, size_t len,
                        const char *source_name, gk_diags *d) {
  /* pass 1: lines */
  size_t nlines = 1;
  for (size_t i = 0; i < len; i++) nlines += text[i] == '\n';
  tline *lines = gk__malloc(nlines * sizeof *lines);
  if (!lines) return GK_ENOMEM;
  size_t k = 0, st = 0;
  for (size_t i = 0; i <= len; i++) {
    if (i == len || text[i] == '\n') {
      size_t e = i;
      while (e > st && text[e - 1] == '\r') e--;
      lines[k].p = text + st, lines[k].n = e - st;
      lines[k].line = k + 1 > UINT32_MAX ? UINT32_MAX : (uint32_t)(k + 1);
      k++;
      st = i + 1;
    }
  }
  nlines = k;
  /* headings: the first occurrence of each part starts its region */
  size_t head[NPARTS];
  for (int p = 0; p < NPARTS; p++) head[p] = SIZE_MAX;
  size_t first_head = nlines;
  /* every heading line ends a region, a repeated one too (its text is dropped) */
  size_t *hl = NULL, nhl = 0, caphl = 0;
  for (size_t i = 0; i < nlines; i++) {
    if (lines[i].n > 200) continue;
    int p = gk__text_heading(L, lines[i].p, lines[i].n);
    size_t at = i; /* the heading's last line */
    if (p < 0 && i + 1 < nlines && (p = wrapped_heading(L, &lines[i], &lines[i + 1])) >= 0) at = i + 1;
    if (p < 0) continue;
    if (nhl == caphl) {
      size_t nc = caphl ? caphl * 2 : 16;
      size_t *nh = gk__realloc(hl, nc * sizeof *nh);
      if (!nh) {
        gk__free(hl);
        gk__free(lines);
        return GK_ENOMEM;
      }
      hl = nh, caphl = nc;
    }
    hl[nhl++] = i; /* a wrapped heading ends the region above at its first line */
    if (head[p] == SIZE_MAX) {
      head[p] = at;
      if (i < first_head) first_head = i;
    }
    i = at;
  }
  /* a copy that starts inside table 二 (no heading): its sub-table titles */
  int virt_active = 0;
  if (head[1] == SIZE_MAX) {
    for (size_t i = 0; i < first_head && i < 400; i++) {
      char nb[64];
      size_t nn = gk__text_norm_fixed(nb, sizeof nb, lines[i].p, lines[i].n < 60 ? lines[i].n : 60);
      if (nn >= 12 && memcmp(nb, "第二十条", 12) == 0) {
        head[1] = i, virt_active = 1, first_head = i;
        break;
      }
    }
  }
  /* a copy that starts inside table 三: a line with a row label of the table and
   * numbers, before any heading */
  int virt_requests = 0;
  if (head[2] == SIZE_MAX && !virt_active) {
    for (size_t i = 0; i < first_head && i < 400 && !virt_requests; i++) {
      char nb[256];
      size_t nn = gk__text_norm_fixed(nb, sizeof nb, lines[i].p, lines[i].n < 200 ? lines[i].n : 200);
      int digit = 0;
      for (size_t c = 0; c < lines[i].n && !digit; c++) digit = lines[i].p[c] >= '0' && lines[i].p[c] <= '9';
      for (size_t e = 0; e < L->neds && digit && !virt_requests; e++)
        for (size_t r = 0; r < GK__LROWS && !virt_requests; r++)
          for (size_t v = 0; v < GK__NV; v++) {
            gk__span sp = L->row[e][GK_TABLE_REQUESTS][r][v];
            if (sp.len >= 18 && gk__memfind(nb, nn, gk__labels_at(L, sp), sp.len)) {
              head[2] = i, virt_requests = 1, first_head = i;
              break;
            }
          }
    }
  }
  /* title: among the first non-empty lines before the first heading */
  gk__buf tbuf;
  gk__buf_init(&tbuf);
  int has_title = find_title(L, &tbuf, lines, first_head);
  if (has_title < 0) {
    gk__free(lines);
    gk__free(hl);
    return has_title;
  }
  size_t title = SIZE_MAX;
  if (has_title)
    for (size_t i = 0; i < first_head; i++)
      if (is_title(&lines[i])) {
        title = i;
        break;
      }
  int nheads = 0;
  for (int p = 0; p < NPARTS; p++) nheads += head[p] != SIZE_MAX;
  walk w;
  memset(&w, 0, sizeof w);
  w.d = d;
  w.L = L;
  w.lines = lines, w.nlines = nlines;
  w.file = source_name;
  gk__buf_init(&w.lab);
  size_t body = 0; /* non-blank lines besides the title */
  for (size_t i = 0; i < nlines && body == 0; i++) body += i != title && !blank_line(&lines[i]);
  if (nheads == 0 && (title == SIZE_MAX || body == 0)) { /* no part, and no title or a title alone (text.h) */
    diag(&w, GK_SEV_ERROR, "import.not_report", 1,
         "文本不是政府信息公开工作年度报告：没有标题，也没有“一、总体情况”等章节标题",
         "the text is not an annual report: no title and none of the section headings");
    gk__free(lines);
    gk__free(hl);
    gk__buf_free(&tbuf);
    return w.rc ? w.rc : GK_EPARSE;
  }
  /* region end of each heading: the next heading below it */
  size_t end[NPARTS];
  int last_part = -1;
  size_t last_line = 0;
  for (int p = 0; p < NPARTS; p++) {
    end[p] = nlines;
    if (head[p] == SIZE_MAX) continue;
    for (size_t q = 0; q < nhl; q++)
      if (hl[q] > head[p] && hl[q] < end[p]) end[p] = hl[q];
    if (head[p] >= last_line) last_line = head[p], last_part = p;
  }
  /* edition from the table headers */
  gk__buf hdr;
  gk__buf_init(&hdr);
  for (int p = 1; p <= 3; p++) {
    if (head[p] == SIZE_MAX) continue;
    for (size_t i = head[p] + 1; i < end[p] && hdr.len < (1u << 20); i++)
      gk__text_norm(&hdr, lines[i].p, lines[i].n < 4096 ? lines[i].n : 4096);
  }
  if (hdr.err) {
    gk__free(lines);
    gk__free(hl);
    gk__buf_free(&tbuf);
    gk__buf_free(&hdr);
    return GK_ENOMEM;
  }
  /* the edition with the most marker labels; a tie is no answer */
  size_t best_marks = 0, nbest = 0, any_marks = 0;
  int marked = 0;
  for (size_t e = 0; e < L->neds; e++) {
    size_t m = edition_markers(L, (int)e, hdr.data ? hdr.data : "", hdr.len);
    any_marks += m;
    if (m > best_marks) best_marks = m, nbest = 1, marked = gk_schema_edition_id(e);
    else if (m == best_marks && m) nbest++;
  }
  if (nbest != 1) marked = 0;
  gk__buf_free(&hdr);
  /* year and agency from the title, else the year from the statistical period */
  int year = 0;
  const char *agency = NULL;
  size_t agency_n = 0;
  if (has_title) {
    size_t ys = 0;
    year = title_year(tbuf.data, tbuf.len, &ys);
    if (year) {
      const char *a = tbuf.data;
      size_t an = ys;
      if (an == 0) { /* "2019年上海市人民政府办公厅政府信息公开工作年度报告" */
        const char *y = gk__memfind(tbuf.data + ys, tbuf.len - ys, "年", 3);
        a = y + 3;
        if (tbuf.len - (size_t)(a - tbuf.data) >= 3 && memcmp(a, "度", 3) == 0) a += 3;
        const char *e = gk__memfind(a, tbuf.len - (size_t)(a - tbuf.data), "政府信息公开", strlen("政府信息公开"));
        if (!e) e = gk__memfind(a, tbuf.len - (size_t)(a - tbuf.data), "信息公开", strlen("信息公开"));
        an = e ? (size_t)(e - a) : 0;
      }
      /* "标题: 中埠镇人民政府" -> after the label; "…局关于" -> without 关于 */
      for (size_t c = 0; c < an; c++)
        if (a[c] == ':' || (c + 3 <= an && memcmp(a + c, "：", 3) == 0)) {
          size_t skip = a[c] == ':' ? 1 : 3;
          a += c + skip, an -= c + skip, c = (size_t)-1;
        }
      size_t l0 = trim_left(a, an);
      a += l0, an -= l0;
      an = trim_right(a, an);
      if (an >= 6 && memcmp(a + an - 6, "关于", 6) == 0) an -= 6;
      agency = a, agency_n = an;
    }
  }
  size_t pre_from = title != SIZE_MAX ? title + 1 : 0, pre_to = first_head;
  /* "…编制了2021年政府信息公开年度报告" in the preamble names the report year */
  for (size_t i = pre_from; i < pre_to && !year; i++) {
    const char *q = gk__memfind(lines[i].p, lines[i].n, "年度报告", strlen("年度报告"));
    if (!q) continue;
    size_t qe = (size_t)(q - lines[i].p), qs = qe > 60 ? qe - 60 : 0;
    for (size_t c = qs; c + 3 <= qe; c++)
      if (memcmp(lines[i].p + c, "年", 3) == 0) {
        int y = gk__text_year_before(lines[i].p, c);
        if (y) year = y;
      }
  }
  if (!year) {
    /* in the preamble, then in the overview (each region on its own: the order of
     * the regions in the text does not matter) */
    for (int pass = 0; pass < 2 && !year; pass++) {
      size_t a = pass ? head[0] + 1 : pre_from, b = pass ? end[0] : pre_to;
      if (pass && head[0] == SIZE_MAX) break;
      for (size_t i = a; i < b && i < a + 400 && !year; i++) {
        const char *q = gk__memfind(lines[i].p, lines[i].n, "统计期", strlen("统计期"));
        if (q) year = find_year(q, lines[i].n - (size_t)(q - lines[i].p), 1);
      }
    }
  }
  if (!year && head[0] != SIZE_MAX)
    for (size_t i = head[0] + 1; i < end[0] && i < head[0] + 6 && !year; i++)
      year = find_year(lines[i].p, lines[i].n, 0);
  for (size_t i = pre_from; i < pre_to && !year; i++) year = find_year(lines[i].p, lines[i].n, 0);
  int edition;
  int edition_guessed = 0;
  if (marked) {
    edition = marked;
  } else { /* from the declared years of each edition; before them all: the first */
    edition = gk_schema_edition_for_year(year);
    if (!edition) edition = gk_schema_edition_id(0);
    edition_guessed = 1;
  }
  gk_report *r = NULL;
  int rc = gk_report_new(&r, edition, 0);
  if (!rc && year) rc = gk_report_set_year(r, year);
  if (!rc && source_name) rc = gk_report_set_source(r, source_name, strlen(source_name));
  if (!rc && has_title) rc = gk_report_set_title(r, tbuf.data, tbuf.len);
  if (!rc && agency_n) rc = gk_report_set_agency(r, GK_AGENCY_NAME, agency, agency_n);
  if (!rc && (title != SIZE_MAX || pre_to > pre_from)) {
    /* the preamble exists when there is text between title and first heading */
    size_t a = pre_from, b = pre_to;
    while (a < b && blank_line(&lines[a])) a++;
    if (a < b) rc = set_section_text(r, GK_SECTION_PREAMBLE, lines, a, b);
  }
  for (int p = 0; p < NPARTS && !rc; p++)
    if (head[p] != SIZE_MAX && part_section(p) >= 0)
      rc = set_section_text(r, part_section(p), lines, head[p] + 1, end[p]);
  w.r = r;
  w.trunc_table = -1;
  int legacy = year && year < gk__edition_get(gk_schema_edition_id(0))->first_year && any_marks == 0;
  if (!rc && legacy) {
    diag(&w, GK_SEV_INFO, "import.legacy", title != SIZE_MAX ? lines[title].line : 1,
         "该报告早于2019年格式（无全国统一表格），未导入表格",
         "the report predates the 2019 format (no national tables): no table imported");
  } else if (!rc) {
    if (edition_guessed && nheads)
      diag(&w, GK_SEV_INFO, "import.edition", 1,
           "无法从表头判断报告格式版本，已按年份推定",
           "the edition cannot be told from the table headers; assumed from the year");
    for (int p = 1; p <= 3 && !rc && !w.rc; p++) {
      int t = part_table(p);
      if (head[p] == SIZE_MAX) {
        if (last_part > p || (last_part == p)) {
          gk__buf zh, en;
          gk__buf_init(&zh), gk__buf_init(&en);
          gk__buf_printf(&zh, "缺少“%s”表", gk__tables[t].zh);
          gk__buf_printf(&en, "table %s is missing", gk__tables[t].en);
          diag_bufs(&w, GK_SEV_WARNING, "import.missing_table", 0, &zh, &en);
        }
        continue;
      }
      int truncated = p == last_part && head[5] == SIZE_MAX && head[4] == SIZE_MAX;
      int virt = (p == 1 && virt_active) || (p == 2 && virt_requests);
      w.start_cut = virt;
      rc = import_table(&w, t, lines, head[p] + (virt ? 0 : 1), end[p], truncated);
    }
    if (!rc && !w.rc && last_part < 5 && w.truncated != 2) {
      gk__buf zh, en;
      gk__buf_init(&zh), gk__buf_init(&en);
      int next = last_part + 1;
      gk__buf_puts(&zh, "文本在报告结束前中断：缺少");
      gk__text_heading_put(&zh, next);
      gk__buf_puts(&zh, "及其后各部分");
      gk__buf_printf(&en, "the text ends before the report does: part %d (“%s”) and the following "
                     "are missing", next + 1, gk__text_part_label(next)->en);
      diag_bufs(&w, GK_SEV_WARNING, "import.truncated", nlines ? lines[nlines - 1].line : 0, &zh, &en);
    }
    if (!rc && !w.rc) check_duplicates(&w, L, lines, nlines, hl, nhl, head);
  }
  if (!rc && !w.rc) rc = set_completeness(&w, legacy, head, last_part);
  if (!rc) rc = w.rc;
  gk__free(w.run);
  gk__free(w.rv);
  gk__free(w.done);
  gk__buf_free(&w.lab);
  gk__free(lines);
  gk__free(hl);
  gk__buf_free(&tbuf);
  if (rc) {
    gk_report_free(r);
    return rc;
  }
  *out = r;
  return GK_OK;
}

/* Source lines of the cells and sections of r through map (page text). */
static void remap_lines(gk_report *r, const uint32_t *map, size_t nmap) {
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &r->ed->tables[t];
    for (size_t i = 0; i < td->nrows * td->ncols; i++) {
      gk__cell *c = &r->cells[t][i];
      if (c->line >= 1 && c->line <= nmap) c->line = map[c->line - 1];
      c->column = 0; /* a column in the re-laid lines, not the source's */
    }
  }
  for (int s = 0; s < GK_NSECTIONS; s++)
    if (r->section_line[s] >= 1 && r->section_line[s] <= nmap) r->section_line[s] = map[r->section_line[s] - 1];
}

static int import_doc(gk_report **out, const char *text, size_t len, const char *source_name,
                      gk_diags *d) {
  const gk__labels *L = gk__labels_shared();
  if (!L) return GK_ENOMEM;
  gk__buf page;
  gk__buf_init(&page);
  uint32_t *map = NULL;
  size_t nmap = 0;
  int rc = gk__pagetext_lines(&page, &map, &nmap, L, text, len);
  if (rc < 0) return rc;
  if (rc == 1) { /* one-line page text, read as lines */
    rc = import_lines(L, out, page.data, page.len, source_name, d);
    if (!rc) remap_lines(*out, map, nmap);
  } else {
    rc = import_lines(L, out, text, len, source_name, d);
  }
  gk__buf_free(&page);
  gk__free(map);
  return rc;
}

/* Bytes of an incomplete UTF-8 character at the end of valid UTF-8 (a file cut
 * inside it), else 0. */
static size_t cut_char(const char *s, size_t n) {
  size_t k = 0;
  while (k < 3 && k < n && ((unsigned char)s[n - 1 - k] & 0xC0) == 0x80) k++;
  if (k == n) return 0;
  unsigned char lead = (unsigned char)s[n - 1 - k];
  size_t want = (lead >> 5) == 6 ? 2 : (lead >> 4) == 14 ? 3 : (lead >> 3) == 30 ? 4 : 0;
  if (want == 0 || k + 1 >= want) return 0; /* complete, or no lead byte */
  return gk__utf8_valid(s, n - 1 - k, NULL) ? k + 1 : 0;
}

int gk__report_from_text_cols(gk_report **out, const char *bytes, size_t len,
                              const char *source_name, gk_diags *diags) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!bytes && len) return GK_EINVAL;
  if (!bytes) bytes = "";
  int cap = gk_input_check(len, 0, source_name, diags); /* lib/input.c */
  if (cap) return cap;
  const char *nul = memchr(bytes, '\0', len);
  size_t diag_from = gk_diags_count(diags);
  if (nul) {
    char zh[128], en[128];
    size_t off = (size_t)(nul - bytes);
    snprintf(zh, sizeof zh, "输入在第%zu字节处含有NUL字节，不是文本", off);
    snprintf(en, sizeof en, "NUL byte at offset %zu: the input is not text", off);
    if (diags) {
      int rc = gk_diags_add(NULL, diags, GK_SEV_ERROR, "import.encoding", zh, en, source_name, 0, 0);
      if (rc) return rc;
    }
    return GK_EENCODING;
  }
  size_t cut = cut_char(bytes, len); /* a file cut inside its last UTF-8 character */
  len -= cut;
  char *text = NULL;
  size_t n = 0, bad = 0;
  int enc = 0;
  int rc = gk_text_to_utf8(&text, &n, &enc, &bad, bytes, len);
  if (rc == GK_EENCODING) {
    /* located by line and column (code points), the byte offset kept */
    size_t line = 1, col = 1;
    for (size_t i = 0; i < bad && i < len; i++) {
      if (bytes[i] == '\n') line++, col = 1;
      else col += ((unsigned char)bytes[i] & 0xC0) != 0x80;
    }
    char zh[200], en[200];
    snprintf(zh, sizeof zh, "编码无效：既不是UTF-8也不是GB18030（第%zu行第%zu列，第%zu字节）", line, col, bad);
    snprintf(en, sizeof en, "invalid encoding: neither UTF-8 nor GB18030 (line %zu, column %zu, byte offset %zu)",
             line, col, bad);
    if (diags) {
      int r2 = gk_diags_add(NULL, diags, GK_SEV_ERROR, "import.encoding", zh, en, source_name,
                            line > UINT32_MAX ? UINT32_MAX : (uint32_t)line, col > UINT32_MAX ? UINT32_MAX : (uint32_t)col);
      if (r2) return r2;
    }
    return rc;
  }
  if (rc) return rc;
  if (enc == GK_ENCODING_GB18030 && diags) {
    rc = gk_diags_add(NULL, diags, GK_SEV_INFO, "import.converted", "输入为GB18030/GBK编码，已转换为UTF-8",
                      "the input was GB18030/GBK and has been converted to UTF-8", source_name, 0, 0);
    if (rc) {
      gk__free(text);
      return rc;
    }
  }
  if (n && !memchr(text, '\n', n)) /* CR-only line endings (classic Mac): read as lines */
    for (size_t i = 0; i < n; i++)
      if (text[i] == '\r') text[i] = '\n';
  rc = import_doc(out, text, n, source_name, diags);
  if (!rc) rc = gk__agency_complete(*out, text, n, diags);
  if (!rc && cut && diags)
    rc = gk_diags_add(NULL, diags, GK_SEV_WARNING, "import.truncated", "文件在一个字符中间结束：最后的不完整字符已舍去",
                      "the file ends inside a character: the incomplete last character was dropped", source_name,
                      0, 0);
  if (rc && *out) {
    gk_report_free(*out);
    *out = NULL;
  }
  gk__free(text);
  if (rc == GK_ENOMEM && diags) {
    /* leave the caller's list as it was */
    gk__diags_truncate(diags, diag_from);
  }
  return rc;
}

/* The cells' columns stay internal for text (grid readers print them): a
 * finding on a text file keeps its "file:line:" form. */
GK_API int gk_report_from_text(gk_report **out, const char *bytes, size_t len,
                               const char *source_name, gk_diags *diags) {
  len = gk__nul_len(bytes, len);
  int rc = gk__report_from_text_cols(out, bytes, len, source_name, diags);
  if (rc || !*out) return rc;
  gk_report *r = *out;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t i = 0; i < r->ed->tables[t].nrows * r->ed->tables[t].ncols; i++) r->cells[t][i].column = 0;
  return GK_OK;
}
