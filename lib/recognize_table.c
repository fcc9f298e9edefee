/* SPDX-License-Identifier: MIT */
/* libgkreport: the table recognizer, one table region at a time
 * (architecture.md "Importing text").
 *
 *  1. every line of the region becomes tokens whatever the layout: a row of the
 *     grid gives its cells (split by the reader), a TOKENS block of page text its
 *     tokens (a digit run one value, for the splitter), a line of prose is one field;
 *     pieces split at spaces; a piece is a VALUE (number, signed delta, amount
 *     with unit, literal), a TEXT (label words) or, for an empty cell, an EMPTY
 *     cell;
 *  2. walk the edition's rows in order: the text since the last values is the
 *     label of the next run of values; it must match the next row, or a later
 *     row (rows in between were left out), or be no label at all (header words
 *     only: the values then go to the next rows in order). A run with fewer
 *     values than the row has columns is split by the format's identities
 *     (digit_split.c) or ambiguous: the cells stay blank and a diagnostic names
 *     the row and the line.
 * Everything about the format comes from schema_tables.c. */
#include <stdio.h>
#include <string.h>
#include "recognize_int.h"

/* ------------------------------------------------------------ diagnostics */
void gk__rec_diag(walk *w, int sev, const char *rule, uint32_t line, const char *zh, const char *en) {
  if (!w->d || w->rc) return;
  if (gk_diags_add(NULL, w->d, sev, rule, zh, en, w->file, line, 0) == GK_ENOMEM) w->rc = GK_ENOMEM;
}

/* The source line of document line `line` for a message's text (a text or
 * HTML grid's line; a DOCX document's lines are its own). */
uint32_t gk__rec_src_line(const walk *w, uint32_t line) {
  if (!w->g || w->g->pos_kind != GK__POS_TEXT || line < 1 || line > w->nlines) return line;
  return w->g->blocks[w->lines[line - 1].blk].pos.line;
}

/* Emit an item from two built messages, then free them. */
void gk__rec_diag_bufs(walk *w, int sev, const char *rule, uint32_t line, gk__buf *zh, gk__buf *en) {
  if (zh->err || en->err) w->rc = GK_ENOMEM;
  else gk__rec_diag(w, sev, rule, line, zh->data, en->data);
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

/* Like diag_bufs, naming the first cell of every row of the current table but
 * those `kept` marks (NULL: none; the first column the row has). */
static void diag_rows_bufs(walk *w, int sev, const char *rule, uint32_t line, gk__buf *zh, gk__buf *en,
                           const unsigned char *kept) {
  size_t idx = 0;
  int rc = zh->err ? zh->err : en->err;
  if (!rc && w->d && !w->rc) rc = gk_diags_add(&idx, w->d, sev, rule, zh->data, en->data, w->file, line, 0);
  const gk__table_decl *td = &w->ed->tables[w->t];
  for (size_t row = 0; row < td->nrows && !rc && w->d && !w->rc; row++) {
    if (kept && kept[row]) continue;
    char path[160];
    size_t col = 0;
    while (col + 1 < td->ncols && !(td->rows[row].colmask & (1u << col))) col++;
    gk__path(path, w->r, w->t, row, col);
    rc = gk_diags_add_cell(w->d, idx, path);
  }
  if (rc == GK_ENOMEM) w->rc = rc;
  gk__buf_free(zh), gk__buf_free(en);
}

/* The same naming every row (a table left blank as a whole). */
static void diag_table_bufs(walk *w, int sev, const char *rule, uint32_t line, gk__buf *zh, gk__buf *en) {
  diag_rows_bufs(w, sev, rule, line, zh, en, NULL);
}

/* Name row `row` (its first cell) in the finding added last. */
static void name_row_last(walk *w, size_t row) {
  if (!w->d || w->rc || !gk_diags_count(w->d)) return;
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t col = 0;
  while (col + 1 < td->ncols && !(td->rows[row].colmask & (1u << col))) col++;
  char path[160];
  gk__path(path, w->r, w->t, row, col);
  if (gk_diags_add_cell(w->d, gk_diags_count(w->d) - 1, path) == GK_ENOMEM) w->rc = GK_ENOMEM;
}

static void diag_row(walk *w, int sev, const char *rule, size_t row, uint32_t line,
                     const char *zh_fmt, const char *en_fmt) {
  if (!w->d || w->rc) return;
  const gk__row_decl *rd = &w->ed->tables[w->t].rows[row];
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, zh_fmt, rd->zh);
  gk__buf_printf(&en, en_fmt, rd->en);
  size_t idx = 0;
  int rc = zh.err ? zh.err : en.err;
  if (!rc) rc = gk_diags_add(&idx, w->d, sev, rule, zh.data, en.data, w->file, line, 0);
  if (!rc) {
    char path[160];
    const gk__table_decl *td = &w->ed->tables[w->t];
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

/* ------------------------------------------------------------ cells */
/* The common cell, ASCII digits alone (up to 15: no overflow) in a column of
 * counts: its value, as gk__parse_cell_text reads it; 0 when s is another. */
static int plain_count(int kind, const char *s, size_t n, int64_t *v) {
  return kind != GK_KIND_AMOUNT && gk__grid_plain_count(s, n, v);
}

/* The text of slot s to parse (put_slot): without its thousands separators
 * (any, spaces too: a slot holds white space only when field_pieces took a
 * whole cell as one grouped number) and with Traditional 減 for 减, in tmp
 * when changed. gk__text_ungroup's answer. */
static int slot_text(const slot *s, char *tmp, size_t cap, const char **p, size_t *n) {
  size_t k = 0;
  int g = s->n < cap && gk__text_may_group(s->p, s->n) ? gk__text_ungroup(s->p, s->n, 1, tmp, cap, &k)
                                                        : GK__GROUP_NONE;
  *p = s->p, *n = s->n;
  if (g == GK__GROUP_OK) *p = tmp, *n = k;
  if (*n > 3 && *n < cap && memcmp(*p, "減", 3) == 0) {
    if (*p != tmp) memcpy(tmp, *p, *n);
    memcpy(tmp, "减", 3), *p = tmp;
  }
  return g;
}

/* A cell that looks like a grouped number and is none ("1，23", "12,34":
 * maybe a list): kept verbatim, said. */
static int put_badly_grouped(walk *w, size_t row, size_t col, const slot *s) {
  int rc = s->n <= 4096 ? gk__report_set_literal_valid(w->r, w->t, row, col, s->p, s->n) : GK_ERANGE;
  if (rc) return rc;
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  const gk__row_decl *rd = &w->ed->tables[w->t].rows[row];
  gk__buf_printf(&zh, "“%s”的单元格“%.*s”的数字间有分隔符，但不是每三位一组的千位分隔，不作为数值读取，已按原文保留",
                 rd->zh, (int)s->n, s->p);
  gk__buf_printf(&en, "row %s: the cell \"%.*s\" has separators between its digits that are no thousands "
                 "groups of three; not read as a number, kept verbatim", rd->en, (int)s->n, s->p);
  diag_cell_bufs(w, GK_SEV_WARNING, "import.value", s->line, row, col, &zh, &en);
  return GK_OK;
}

static void put_slot(walk *w, size_t row, size_t col, const slot *s) {
  gk_report *r = w->r;
  int t = w->t, rc = GK_OK;
  if (s->kind == SLOT_EMPTY) {
    rc = gk__report_set_read(r, t, row, col, GK_CELL_BLANK, 0, -1);
  } else {
    int kind = w->ed->tables[t].cols[col].kind;
    char tmp[64];
    const char *p = s->p;
    size_t n = s->n;
    int64_t v = 0;
    int unit = 0, grouped = GK__GROUP_NONE;
    const gk__gcell *gc = s->cell && w->g && s->cell <= w->g->ncells ? &w->g->cells[s->cell - 1] : NULL;
    if (gc && (gc->flags & GK__CELL_COUNT) && kind != GK_KIND_AMOUNT && s->n == gc->len &&
        s->p == gk__grid_text(w->g, gc->off)) {
      v = gc->num, p = NULL; /* classified by the reader (grid.h) */
    } else if (plain_count(kind, p, n, &v)) {
      p = NULL; /* read */
    } else {
      grouped = slot_text(s, tmp, sizeof tmp, &p, &n);
    }
    if (!p) {
      rc = gk__report_set_read(r, t, row, col, GK_CELL_VALUE, v, -1);
    } else if (gk__text_quote_end(s->p, s->n, 0) == s->n) { /* 「…」: the literal verbatim */
      gk__buf q;
      gk__buf_init(&q);
      gk__text_unquote(&q, s->p, s->n);
      rc = q.err ? GK_ENOMEM : q.len > 4096 ? GK_ERANGE : gk_report_set_literal(r, t, row, col, q.data ? q.data : "", q.len);
      gk__buf_free(&q);
    } else if (grouped == GK__GROUP_BAD) {
      rc = put_badly_grouped(w, row, col, s);
    } else if (!gk__text_is_literal(s->p, s->n) && gk__parse_cell_text(kind, p, n, &v, &unit) == GK_OK) {
      rc = gk__report_set_read(r, t, row, col, GK_CELL_VALUE, v, kind == GK_KIND_AMOUNT ? unit : -1);
    } else if (s->n <= 4096) {
      rc = gk__report_set_literal_valid(r, t, row, col, s->p, s->n);
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
  /* the cell exists (set above); the grid cell, made a source position once
   * the document is read */
  gk__cell *c = &gk__report_cells_mut(r, t)[row * w->ed->tables[t].ncols + col];
  c->line = s->line;
  c->column = s->cell;
}

void gk__rec_put(walk *w, size_t row, size_t col, const slot *s) { put_slot(w, row, col, s); }

/* A value the reader classified as a count (grid.h), whole, into a column of
 * counts: stored from the grid's number, as put_slot stores it, without
 * put_slot's other cases. 1 done; 0 for any other slot (or a failure, which
 * put_slot meets again and says). */
static int put_count(walk *w, size_t row, size_t col, const slot *s) {
  const gk__grid *g = w->g;
  if (w->ref || s->kind != SLOT_VALUE || !s->cell || !g || s->cell > g->ncells) return 0;
  const gk__gcell *gc = &g->cells[s->cell - 1];
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (!(gc->flags & GK__CELL_COUNT) || td->cols[col].kind == GK_KIND_AMOUNT || s->n != gc->len ||
      s->p != gk__grid_text(g, gc->off) || gk__report_set_read(w->r, w->t, row, col, GK_CELL_VALUE, gc->num, -1))
    return 0;
  gk__cell *c = &gk__report_cells_mut(w->r, w->t)[row * td->ncols + col];
  c->line = s->line;
  c->column = s->cell;
  return 1;
}

static size_t row_ncells(const gk__row_decl *rd) {
  size_t k = 0;
  for (uint32_t m = rd->colmask; m; m &= m - 1) k++;
  return k;
}

static void fill_row(walk *w, size_t row, const slot *s) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t k = 0;
  for (size_t c = 0; c < td->ncols && !w->rc; c++)
    if (td->rows[row].colmask & (1u << c)) {
      if (!put_count(w, row, c, &s[k])) put_slot(w, row, c, &s[k]);
      k++;
    }
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
      gk__rec_row_match(w, r, lab, w->lab.len, 0, &e) == 2 && !(r + 1 < td->nrows &&
      td->rows[r + 1].parent == (int8_t)r && gk__rec_row_match(w, r + 1, lab, w->lab.len, 0, &e) == 2))
    return r;
  return next_walkable(td, r);
}

/* Does a match ending at lab[e] end the label text (nothing but ASCII after
 * it)? A later row's short label inside a longer text ("其他" in "…不计其他情形")
 * names no row. */
static int ends_label(const char *lab, size_t labn, size_t e) {
  for (; e < labn; e++)
    if ((unsigned char)lab[e] >= 0x80) return 0;
  return 1;
}

/* The row a run of values with this label text belongs to, or nrows. */
static size_t pick_row(walk *w, int has_value, int *sequential) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  const char *lab = w->lab.data ? w->lab.data : "";
  size_t labn = w->lab.len, end = 0;
  *sequential = 0;
  /* the expected row, or a stored derived row just before it (2021 other) */
  for (size_t r = w->cursor; r < td->nrows; r++) {
    const gk__row_decl *rd = &td->rows[r];
    if (!(rd->flags & GK_ROW_STORED)) continue;
    if (row_walkable(rd)) {
      if (!gk__rec_row_match(w, r, lab, labn, 1, &end)) break;
      /* rows printed without values stand between: the label nearest the values
       * (a run for one row; a longer one is a block of rows in order) */
      size_t best = r;
      for (size_t r2 = r + 1; r2 < td->nrows && end < labn && w->nrun <= row_ncells(rd); r2++) {
        size_t e = 0;
        if (!(td->rows[r2].flags & GK_ROW_STORED)) continue;
        int m = gk__rec_row_match(w, r2, lab, labn, 0, &e) == 2;
        if (!m && gk__rec_row_prefix_at_end(w, r2, lab, labn)) m = 1, e = labn;
        if (m && e > end && ends_label(lab, labn, e)) best = r2, end = e;
      }
      return best;
    }
    /* derived + stored: its children first, else its own label */
    if (r + 1 < td->nrows && td->rows[r + 1].parent == (int8_t)r &&
        gk__rec_row_match(w, r + 1, lab, labn, 1, &end))
      return r + 1;
    if (gk__rec_row_match(w, r, lab, labn, 0, &end) == 2) return r;
  }
  if (!has_value) return td->nrows; /* empty fields only: the expected row or nothing */
  if (w->vbl == 0 && gk__rec_lab_is_noise(w, lab, labn)) { /* the region's first values, under header */
    *sequential = 1;                                        /* words (a column's 总计 names no row) */
    return next_walkable(td, w->cursor);
  }
  /* a later row: the one whose label ends nearest to the values */
  size_t best = td->nrows, best_end = 0;
  for (size_t r = w->cursor; r < td->nrows; r++) {
    const gk__row_decl *rd = &td->rows[r];
    if (!(rd->flags & GK_ROW_STORED)) continue;
    size_t e = 0;
    int m = gk__rec_row_match(w, r, lab, labn, 0, &e) == 2;
    if (!m && gk__rec_row_prefix_at_end(w, r, lab, labn)) m = 1, e = labn; /* a wrapped label */
    if (m && ends_label(lab, labn, e) && (best == td->nrows || e > best_end)) {
      best = r, best_end = e;
    }
  }
  if (best < td->nrows) return best;
  /* an earlier row passed over (rows out of order): its label in full */
  for (size_t r = 0; r < w->cursor && r < td->nrows; r++) {
    size_t e = 0;
    if (!row_walkable(&td->rows[r]) || w->done[r] == 1) continue;
    if (gk__rec_row_match(w, r, lab, labn, 0, &e) == 2 && (best == td->nrows || e > best_end)) best = r, best_end = e;
  }
  if (best < td->nrows) return best;
  if (has_value && gk__rec_lab_is_noise(w, lab, labn)) {
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


/* The grid cell of the token among s[0..k) that holds p (a reading's piece). */
static uint32_t cell_of(const slot *s, size_t k, const char *p) {
  for (size_t i = 0; i < k; i++)
    if ((uintptr_t)p >= (uintptr_t)s[i].p && (uintptr_t)p < (uintptr_t)s[i].p + s[i].n) return s[i].cell;
  return k ? s[0].cell : 0;
}

static int split_run(walk *w, const slot *s, size_t k, const size_t *rows, const size_t *cols,
                     size_t ncells, slot *cand) {
  gk__piece tok[GK__SPLIT_MAXCELLS];
  if (k == 0 || k >= ncells || ncells > GK__SPLIT_MAXCELLS) return 0;
  for (size_t i = 0; i < k; i++) {
    if (s[i].kind != SLOT_VALUE || gk__text_quote_end(s[i].p, s[i].n, 0)) return 0;
    tok[i] = (gk__piece){s[i].p, s[i].n};
  }
  gk__split_spec sp = {w->ed, w->t, ncells, rows, cols};
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
  const char *rowzh = w->ed->tables[w->t].rows[rows[0]].zh, *rowkey = w->ed->tables[w->t].rows[rows[0]].key;
  int one = res.nsurv == 1 && !res.capped;
  if (one) {
    for (size_t i = 0; i < ncells; i++)
      cand[i] = (slot){res.cand[0][i].p, res.cand[0][i].n, s[0].line, SLOT_VALUE, cell_of(s, k, res.cand[0][i].p)};
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
      has_col_relation(w->ed, w->t)) { /* the column relations may decide, once the table is read */
    amb_row *a = &w->amb[w->namb++];
    a->row = rows[0], a->ncand = res.nkeep, a->line = s[0].line, a->zh = zh, a->en = en;
    for (size_t c = 0; c < res.nkeep; c++)
      for (size_t i = 0; i < ncells; i++)
        a->cand[c][i] = (slot){res.cand[c][i].p, res.cand[c][i].n, s[0].line, SLOT_VALUE,
                               cell_of(s, k, res.cand[c][i].p)};
    gk__buf_free(&run), gk__buf_free(&cands);
    return 2;
  }
  diag_cell_bufs(w, one ? GK_SEV_INFO : GK_SEV_WARNING, one ? "import.split" : "import.ambiguous", s[0].line,
                 rows[0], cols[0], &zh, &en);
  gk__buf_free(&run), gk__buf_free(&cands);
  return one ? 1 : 2;
}

/* Does relation rel hold at one place of table t: along row `row` (a per-row
 * relation, its terms columns) or down column `col` (per-column, its terms rows)?
 * 1 it holds, 0 it fails (or a term overflows), -1 a term is not a value (not
 * checked). */
static int relation_at(const gk_report *r, int t, const gk__relation *rel, size_t row, size_t col) {
  int64_t sum = 0;
  for (size_t k = 0; k < rel->nterms; k++) {
    size_t i = (size_t)rel->terms[k].index;
    int st = 0;
    int64_t v = 0, term = 0;
    int per_row = rel->axis == GK__PER_ROW;
    if (gk__cell_effective(r, t, per_row ? row : i, per_row ? i : col, &st, &v) != GK_OK) return 0;
    if (st != GK_CELL_VALUE) return -1;
    if (gk__mul64(&term, v, rel->terms[k].coef) != GK_OK || gk__add64(&sum, sum, term) != GK_OK) return 0;
  }
  return sum == 0;
}

/* Do the column relations of table t that can be checked hold for row's
 * columns? 1 all checkable ones hold and one could be checked, 0 otherwise. */
static int columns_hold(const gk_report *r, int t, size_t row) {
  const gk__edition *ed = gk__report_ed(r);
  const gk__table_decl *td = &ed->tables[t];
  int checked = 0;
  for (size_t q = 0; q < ed->nrelations; q++) {
    const gk__relation *rel = &ed->relations[q];
    if (rel->table != t || rel->axis != GK__PER_COL) continue;
    for (size_t c = 0; c < td->ncols; c++) {
      int h = td->rows[row].colmask & (1u << c) ? relation_at(r, t, rel, row, c) : -1;
      if (h == 0) return 0;
      checked |= h > 0;
    }
  }
  return checked;
}

/* The rows left ambiguous by their own relations, decided by the columns'
 * when exactly one reading fits; otherwise import.ambiguous as said. */
static void resolve_ambiguous(walk *w) {
  const gk__table_decl *td = &w->ed->tables[w->t];
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

/* A short row's values on one space-aligned line placed by their position
 * under the header (recognize_xpos.c); values it leaves undecided are blank,
 * said import.ambiguous. 1 when the row is read so. */
static int by_position(walk *w, size_t row, const slot *s, size_t k) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t rws[GK__SPLIT_MAXCELLS], cls[GK__SPLIT_MAXCELLS];
  slot out[GK__SPLIT_MAXCELLS];
  size_t nc = row_cells(td, row, rws, cls);
  int xp = gk__rec_xpos_row(w, s, k, cls, nc, out);
  if (!xp) return 0;
  fill_row(w, row, out);
  if (xp == 2)
    diag_row(w, GK_SEV_WARNING, "import.ambiguous", row, s[0].line,
             "“%s”的数值个数少于列数，部分数值不在表头任何一列之下或在两列之间，无法确定其列，已留空",
             "row “%s” has fewer values than columns; some stand under no column of the header or "
             "between two: their columns are ambiguous, left blank");
  return 1;
}

static void pending_done(walk *w, int cut) {
  if (!w->npend) return;
  const gk__table_decl *td = &w->ed->tables[w->t];
  const gk__row_decl *rd = &td->rows[w->pend_row];
  size_t k = 0;
  if (cut) {
    /* the copy ends inside this row: the values there are its first cells */
    for (size_t c = 0; c < td->ncols && k < w->npend && !w->rc; c++)
      if (rd->colmask & (1u << c)) put_slot(w, w->pend_row, c, &w->pend[k++]);
  } else if (!by_position(w, w->pend_row, w->pend, w->npend)) {
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
  const gk__table_decl *td = &w->ed->tables[w->t];
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

static int run_has_value(const walk *w) {
  for (size_t i = 0; i < w->nrun; i++)
    if (w->run[i].kind == SLOT_VALUE) return 1;
  return 0;
}

/* Table 四: the run's slots kept in order (placed when the table is read), when
 * they hold a value or are a labelled row of empty fields. */
static void review_run(walk *w) {
  const gk__table_decl *rtd = &w->ed->tables[w->t];
  int any = run_has_value(w);
  /* a line of empty fields after a row label ("复议后起诉\t\t\t\t\t") is a blank row */
  size_t end = 0;
  int one_line = w->nrun == rtd->ncols && w->run[0].line == w->run[w->nrun - 1].line;
  for (size_t r = 0; r < rtd->nrows && !any && one_line; r++)
    any = gk__rec_row_match(w, r, w->lab.data ? w->lab.data : "", w->lab.len, 0, &end) == 2;
  for (size_t i = 0; i < w->nrun && (any || w->nrun >= rtd->ncols * rtd->nrows); i++) {
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
  w->nrun = 0;
  lab_reset(w);
}

/* A run no row takes: values under a label that is no row (said), stray empty
 * fields (the label text kept for the values to come), empty fields beside a
 * group label ("（六）其他处理" over its sub-rows, a merged cell). 1 when the
 * run is done with. */
static int run_unplaced(walk *w, size_t row, int has_value, int sequential) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  uint32_t line = w->run[0].line;
  if (row < td->nrows && (has_value || !(sequential || (td->rows[row].flags & GK_ROW_DERIVED)))) return 0;
  if (has_value && w->lab.len) {
    gk__buf zh, en;
    gk__buf_init(&zh), gk__buf_init(&en);
    unsigned shown = (unsigned)gk__rec_src_line(w, line);
    gk__buf_printf(&zh, "第%u行的数值前的标签“%s”不是本表的行，已忽略", shown, w->lab.data);
    gk__buf_printf(&en, "line %u: values under a label that is no row of table %s (\"%s\"); ignored",
                   shown, gk__tables[w->t].en, w->lab.data);
    gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.unknown_row", line, &zh, &en);
  }
  w->nrun = 0;
  if (has_value || (row < td->nrows && !sequential)) lab_reset(w);
  return 1;
}

/* Rows between the cursor and `row` passed over: missing unless found later
 * (rows out of order); all of them when the copy starts inside the table. */
static void passed_over(walk *w, size_t row, uint32_t line) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (w->start_cut && row > w->cursor) {
    diag_row(w, GK_SEV_WARNING, "import.truncated", row, line, "文本从表格中间开始：“%s”之前的行缺失",
             "the text starts inside the table: the rows before “%s” are missing");
    for (size_t k = w->cursor; k < row; k++) w->done[k] = 2;
  }
  w->start_cut = 0;
  for (size_t k = w->cursor; k < row; k++) {
    const gk__row_decl *rd = &td->rows[k];
    if (!row_walkable(rd) || w->done[k]) continue;
    if (rd->parent >= 0 && w->done[rd->parent]) continue;
    w->done[k] = 3;
  }
}

/* Values in order over `misfit` rows from `row` that do not fill them: the
 * rows stay blank, said ambiguous. Returns the row after them. */
static size_t misfit_rows(walk *w, size_t row, size_t misfit, uint32_t line) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  diag_row(w, GK_SEV_WARNING, "import.ambiguous", row, line,
           "从“%s”起按顺序排列的数值不能恰好填满各行（空白单元格被省略），无法确定各列，已留空",
           "the values in order from row %s do not fill whole rows (blank cells were dropped): "
           "the columns are ambiguous, left blank");
  for (size_t k = 0; k < misfit && row < td->nrows; k++) {
    if (k) name_row_last(w, row); /* every row left blank named */
    for (size_t c = 0; c < td->ncols; c++)
      if (td->rows[row].colmask & (1u << c)) gk_report_set_line(w->r, w->t, row, c, line);
    w->done[row] = 1;
    row = next_in_order(w, td, next_stored(td, (td->rows[row].flags & GK_ROW_DERIVED) ?
                                                 after_children(td, row) : row + 1));
  }
  return row;
}

/* A row with fewer values than cells at run[i..]: digits run together that the
 * row's relations split (1 placed), or the row pending (decided at the next
 * run: ambiguous, or the end of a truncated copy), or ambiguous now. Returns
 * the next row. */
static size_t short_row(walk *w, size_t row, size_t i) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  const gk__row_decl *rd = &td->rows[row];
  size_t left = w->nrun - i;
  slot cand[GK__SPLIT_MAXCELLS];
  size_t rws[GK__SPLIT_MAXCELLS], cls[GK__SPLIT_MAXCELLS];
  size_t nc = row_cells(td, row, rws, cls);
  /* each value under one column of the header (pdftotext -layout): no digits run together */
  int sp = gk__rec_xpos_row(w, w->run + i, left, cls, nc, cand) == 1
               ? 0
               : split_run(w, w->run + i, left, rws, cls, nc, cand);
  if (sp == 1) fill_row(w, row, cand);
  if (sp) {
    w->done[row] = 1;
    for (size_t c = 0; c < td->ncols && sp == 2; c++)
      if (rd->colmask & (1u << c)) gk_report_set_line(w->r, w->t, row, c, w->run[i].line);
    return next_stored(td, row + 1);
  }
  w->done[row] = 1;
  if (w->npend == 0 && left <= 16) {
    w->pend_row = row;
    memcpy(w->pend, w->run + i, left * sizeof *w->pend);
    w->npend = left;
    return row + 1;
  }
  if (by_position(w, row, w->run + i, left)) return row + 1;
  diag_row(w, GK_SEV_WARNING, "import.ambiguous", row, w->run[i].line,
           "“%s”的数值个数少于列数（空白单元格被省略），无法确定各列，已留空",
           "row “%s” has fewer values than columns (blank cells were dropped): the "
           "columns are ambiguous, left blank");
  for (size_t c = 0; c < td->ncols; c++)
    if (rd->colmask & (1u << c)) gk_report_set_line(w->r, w->t, row, c, w->run[i].line);
  return row + 1;
}

/* The run's values into the rows from `row` on: one row after another while
 * values are left. Returns the row after the last one filled. */
static size_t fill_run(walk *w, size_t row, int sequential) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t i = 0;
  int first = 1;
  while (i < w->nrun && row < td->nrows && !w->rc) {
    const gk__row_decl *rd = &td->rows[row];
    size_t need = row_ncells(rd), left = w->nrun - i;
    int any = 0;
    for (size_t k = i; k < w->nrun && !any; k++) any = w->run[k].kind == SLOT_VALUE;
    if (!first && !any) break; /* trailing empty fields */
    if (left < need) {
      if (any) row = short_row(w, row, i);
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
    sequential |= more; /* more values right after a labelled row: the next rows in order */
  }
  return row;
}

/* Do the per-row relations of table t (a row's columns adding up to its total)
 * hold for row? 1 when one could be checked and every checkable one holds. */
static int row_adds_up(const gk_report *r, int t, size_t row) {
  const gk__edition *ed = gk__report_ed(r);
  int checked = 0;
  for (size_t q = 0; q < ed->nrelations; q++) {
    const gk__relation *rel = &ed->relations[q];
    if (rel->table != t || rel->axis != GK__PER_ROW) continue;
    if (rel->line_flags && !(ed->tables[t].rows[row].flags & rel->line_flags)) continue;
    int h = relation_at(r, t, rel, row, 0);
    if (h == 0) return 0;
    checked |= h > 0;
  }
  return checked;
}

/* Does the label text before the run name a stored row (its label ending it)? */
static int lab_names_row(walk *w) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  const char *lab = w->lab.data ? w->lab.data : "";
  for (size_t r = 0; r < td->nrows; r++) {
    size_t e = 0;
    if (!(td->rows[r].flags & GK_ROW_STORED)) continue;
    if (gk__rec_row_match(w, r, lab, w->lab.len, 0, &e) == 2 && ends_label(lab, w->lab.len, e)) return 1;
    if (gk__rec_row_prefix_at_end(w, r, lab, w->lab.len)) return 1;
  }
  return 0;
}

/* A row's values over two lines ("26 2" / "0 0 0 0 28" beside a wrapped
 * label): the pending short row and this run, on the next line under no row's
 * label, fill the row exactly and its columns add up. 1 placed. */
static int pending_continues(walk *w) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t row = w->pend_row, need = row_ncells(&td->rows[row]);
  if (w->npend + w->nrun != need || need > GK__SPLIT_MAXCELLS) return 0;
  if (w->run[0].line != w->pend[w->npend - 1].line + 1 || lab_names_row(w)) return 0;
  slot all[GK__SPLIT_MAXCELLS];
  memcpy(all, w->pend, w->npend * sizeof *all);
  memcpy(all + w->npend, w->run, w->nrun * sizeof *all);
  fill_row(w, row, all);
  if (w->rc) return 1;
  if (!row_adds_up(w->r, w->t, row)) { /* not one row after all: blank again */
    slot empty = {NULL, 0, all[0].line, SLOT_EMPTY, 0};
    for (size_t c = 0; c < td->ncols; c++)
      if (td->rows[row].colmask & (1u << c)) put_slot(w, row, c, &empty);
    return 0;
  }
  w->npend = 0, w->nrun = 0;
  lab_reset(w);
  return 1;
}

/* Values printed before their row labels (plain pdftotext gives a table in its
 * content stream's order): the region's first run of values stands under no
 * label of the first row (header words, whatever row they may name), and the
 * label after it names that first row. Then every run is one row off its
 * label's: the region is refused (refuse_region, at its end). Called for each
 * run of values, before it is placed. */
static void order_check(walk *w, size_t row, int sequential) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (w->vbl == 0) {
    w->vbl_row = next_walkable(td, w->cursor);
    w->vbl = row == w->vbl_row && !sequential ? 2 : 1;
    return;
  }
  if (w->vbl != 1) return;
  const char *lab = w->lab.data ? w->lab.data : "";
  size_t e = 0;
  int names = w->vbl_row < td->nrows && gk__rec_row_match(w, w->vbl_row, lab, w->lab.len, 0, &e) == 2 &&
              ends_label(lab, w->lab.len, e);
  w->vbl = names ? 3 : 2;
}

/* A region refused (values before labels): every cell of the table blank, one
 * import.ambiguous naming each row. */
static void refuse_region(walk *w, uint32_t line) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  slot empty = {NULL, 0, line, SLOT_EMPTY, 0};
  for (size_t r = 0; r < td->nrows && !w->rc; r++)
    for (size_t c = 0; c < td->ncols && !w->rc; c++)
      if ((td->rows[r].flags & GK_ROW_STORED) && (td->rows[r].colmask & (1u << c))) {
        put_slot(w, r, c, &empty);
        gk_report_set_line(w->r, w->t, r, c, line);
      }
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, "%s表的数值排在其行标签之前（各行错开一行），无法确定各行，已留空", gk__tables[w->t].zh);
  gk__buf_printf(&en, "table %s: the values stand before their row labels (each row one off): the rows are "
                 "ambiguous, left blank", gk__tables[w->t].en);
  diag_table_bufs(w, GK_SEV_WARNING, "import.ambiguous", line, &zh, &en);
}

/* ---------------------------------------------- values before labels, read */

/* The row named by the label text after a run (w->after): the next row in
 * order (its label wrapped or misspelt too), else the first later row named
 * in full; nrows none. */
static size_t pick_after(walk *w) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  const char *lab = w->lab.data ? w->lab.data : "";
  size_t e = 0, r = next_in_order(w, td, w->cursor);
  if (r < td->nrows && gk__rec_row_match(w, r, lab, w->lab.len, 1, &e)) return r;
  for (r = w->cursor; r < td->nrows; r++)
    if ((td->rows[r].flags & GK_ROW_STORED) && gk__rec_row_match(w, r, lab, w->lab.len, 0, &e) == 2) return r;
  return td->nrows;
}

/* A run of values and the label text after it: the run into the row that
 * label names when it fills the row exactly (empty fields beyond the row's
 * cells dropped: blank lines before the run first, then after it). Else the
 * run is left: its rows stay blank (named when the table is confirmed). */
static void flush_after(walk *w) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t row = run_has_value(w) ? pick_after(w) : td->nrows;
  if (row < td->nrows) {
    size_t need = row_ncells(&td->rows[row]), i = 0, n = w->nrun;
    while (n > need && w->run[i].kind == SLOT_EMPTY) i++, n--;
    while (n > need && w->run[i + n - 1].kind == SLOT_EMPTY) n--;
    if (n == need) {
      fill_row(w, row, w->run + i);
      w->cursor = next_stored(td, (td->rows[row].flags & GK_ROW_DERIVED) ? after_children(td, row) : row + 1);
    }
  }
  w->nrun = 0;
  lab_reset(w);
}

/* Is row `a` row `row` or a row it is part of (its parent, theirs)? */
static int row_within(const gk__table_decl *td, size_t row, size_t a) {
  for (size_t r = row;; r = (size_t)td->rows[r].parent) {
    if (r == a) return 1;
    if (td->rows[r].parent < 0) return 0;
  }
}

/* Is row r read in full at column col: a value, or a derived row whose
 * children all are (a stored one printed as one row: its own value, its
 * children blank)? Blank children leave a derived sum that checks nothing. */
static int term_complete(const gk_report *r, int t, size_t row, size_t col) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[t];
  const gk__cell *own = gk__cell_at(r, t, row, col);
  if (!(td->rows[row].flags & GK_ROW_DERIVED)) return own && own->state == GK_CELL_VALUE;
  int all = 1, any = 0;
  for (size_t k = row + 1; k < td->nrows; k++) {
    if (td->rows[k].parent != (int8_t)row) continue;
    int st = 0;
    int64_t v = 0;
    any |= gk__cell_effective(r, t, k, col, &st, &v) == GK_OK && st == GK_CELL_VALUE;
    all &= term_complete(r, t, k, col);
  }
  if (!any && (td->rows[row].flags & GK_ROW_STORED)) return own && own->state == GK_CELL_VALUE;
  return all;
}

/* relation_at where every term is read in full (term_complete), else -1. */
static int relation_full(const gk_report *r, int t, const gk__relation *rel, size_t row, size_t col) {
  for (size_t k = 0; k < rel->nterms; k++) {
    size_t i = (size_t)rel->terms[k].index;
    if (!term_complete(r, t, rel->axis == GK__PER_ROW ? row : i, rel->axis == GK__PER_ROW ? i : col)) return -1;
  }
  return relation_at(r, t, rel, row, col);
}

/* Does row `row` read as confirmed (ok[]): a row filled, confirmed; a derived
 * row not filled, all its children (printed under it)? */
static int term_ok(const gk__table_decl *td, const unsigned char *filled, const unsigned char *ok, size_t row) {
  if (filled[row]) return ok[row];
  if (!(td->rows[row].flags & GK_ROW_DERIVED)) return 0;
  size_t n = 0;
  for (size_t k = row + 1; k < td->nrows; k++)
    if (td->rows[k].parent == (int8_t)row) {
      if (!term_ok(td, filled, ok, k)) return 0;
      n++;
    }
  return n > 0;
}

/* Is cell (row, col) of table t confirmed by the declared relations: every
 * relation that involves it read in full and holding, its other terms
 * confirmed (ok[]), and one at least? A relation symmetric in two rows
 * (the balance: new and carried_over; total and carried_forward) confirms
 * nothing alone: the rows' other relations must hold too. */
static int cell_confirmed(const gk_report *r, int t, size_t row, size_t col, const unsigned char *filled,
                          const unsigned char *ok) {
  const gk__edition *ed = gk__report_ed(r);
  const gk__table_decl *td = &ed->tables[t];
  int held = 0;
  for (size_t q = 0; q < ed->nrelations; q++) {
    const gk__relation *rel = &ed->relations[q];
    if (rel->table != t) continue;
    if (rel->axis == GK__PER_ROW) {
      if ((!rel->line_flags || (td->rows[row].flags & rel->line_flags)) && relation_full(r, t, rel, row, 0) != 1)
        return 0;
      continue;
    }
    int in = 0;
    for (size_t k = 0; k < rel->nterms && !in; k++) in = row_within(td, row, (size_t)rel->terms[k].index);
    if (!in) continue;
    if (relation_full(r, t, rel, row, col) != 1) return 0;
    for (size_t k = 0; k < rel->nterms; k++)
      if (!term_ok(td, filled, ok, (size_t)rel->terms[k].index)) return 0;
    held = 1;
  }
  return held;
}

/* Is every cell of row r confirmed (cell_confirmed)? */
static int row_confirmed(const walk *w, size_t r, const unsigned char *filled, const unsigned char *ok) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  int yes = 1;
  for (size_t c = 0; c < td->ncols && yes; c++)
    if (td->rows[r].colmask & (1u << c)) yes = cell_confirmed(w->r, w->t, r, c, filled, ok);
  return yes;
}

/* ok[r]: the rows filled that the relations confirm, each relation's rows
 * together (the largest such set: rows dropped until every one left holds). */
static void confirm_rows(const walk *w, const unsigned char *filled, unsigned char *ok) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  memcpy(ok, filled, td->nrows);
  for (int changed = 1; changed;) {
    changed = 0;
    for (size_t r = 0; r < td->nrows; r++)
      if (ok[r] && !row_confirmed(w, r, filled, ok)) ok[r] = 0, changed = 1;
  }
}

/* The other pairing of the reading after labels (w->done: the rows filled,
 * in order), put in the report's cells (saved in keep[]): each run with the
 * label before it, i.e. each filled row holding the next filled row's cells
 * (the last none; a row whose columns differ none: the run would not fit). */
static void shift_rows(walk *w, gk__cell *cells, const gk__cell *keep) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t nc = td->ncols, prev = td->nrows;
  for (size_t r = 0; r <= td->nrows; r++) {
    if (r < td->nrows && w->done[r] != 1) continue;
    int fits = r < td->nrows && prev < td->nrows && td->rows[r].colmask == td->rows[prev].colmask;
    for (size_t c = 0; c < nc && prev < td->nrows; c++)
      if (td->rows[prev].colmask & (1u << c)) {
        if (fits) cells[prev * nc + c] = keep[r * nc + c];
        else gk_report_set_blank(w->r, (gk_table)w->t, prev, c);
      }
    prev = r;
  }
}

/* Are the cells of row r the same in both readings (state and value)? */
static int same_row(const gk__table_decl *td, const gk__cell *a, const gk__cell *b, size_t r) {
  for (size_t c = 0; c < td->ncols; c++) {
    const gk__cell *x = &a[r * td->ncols + c], *y = &b[r * td->ncols + c];
    if ((td->rows[r].colmask & (1u << c)) && (x->state != y->state || x->value != y->value)) return 0;
  }
  return 1;
}

/* ok[r] for each row filled: confirmed in the reading after labels
 * (confirm_rows), and its cells the same in the other pairing (shift_rows)
 * or that one not confirmed. The cells are put back as they were. GK_ENOMEM. */
static int rows_decided(walk *w, const unsigned char *filled, unsigned char *ok) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t ncell = td->nrows * td->ncols;
  unsigned char afill[GK__LROWS] = {0}, aok[GK__LROWS] = {0};
  gk__cell *keep = gk__malloc(ncell * sizeof *keep);
  if (!keep) return w->rc = GK_ENOMEM;
  gk__cell *cells = (gk__cell *)gk__cell_at(w->r, w->t, 0, 0); /* the report's own, row-major */
  memcpy(keep, cells, ncell * sizeof *keep);
  confirm_rows(w, filled, ok);
  size_t last = td->nrows;
  for (size_t r = 0; r < td->nrows; r++) afill[r] = filled[r], last = filled[r] ? r : last;
  if (last < td->nrows) afill[last] = 0; /* the other pairing leaves it without values */
  shift_rows(w, cells, keep);
  confirm_rows(w, afill, aok);
  for (size_t r = 0; r < td->nrows; r++)
    if (ok[r] && aok[r] && !same_row(td, cells, keep, r)) ok[r] = 0;
  memcpy(cells, keep, ncell * sizeof *keep);
  gk__free(keep);
  return GK_OK;
}

/* Every stored cell of the table blank, its line forgotten (a walk undone). */
static void clear_table(walk *w) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  for (size_t r = 0; r < td->nrows; r++)
    for (size_t c = 0; c < td->ncols; c++)
      if ((td->rows[r].flags & GK_ROW_STORED) && (td->rows[r].colmask & (1u << c))) {
        gk_report_set_blank(w->r, (gk_table)w->t, r, c);
        gk_report_set_line(w->r, (gk_table)w->t, r, c, 0);
      }
}

/* Is row r of the reading after labels confirmed: every cell it filled, or
 * none filled and it printed as one row with its parent (or its children,
 * all confirmed)? Cells read before any is blanked. */
static int row_kept(const walk *w, size_t r, const unsigned char *filled, const unsigned char *ok) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  if (filled[r]) return ok[r];
  int p = td->rows[r].parent;
  if (p >= 0 && filled[p]) return ok[p];
  size_t k = r + 1, any = 0;
  for (; k < td->nrows && td->rows[k].parent == (int8_t)r; k++, any++)
    if (!ok[k]) return 0;
  return any > 0 && (td->rows[r].flags & GK_ROW_DERIVED);
}

static void flush_run_at(walk *w, int final) {
  if (w->npend && w->nrun && run_has_value(w) && pending_continues(w)) return;
  if (w->npend && w->nrun && run_has_value(w)) pending_done(w, 0);
  if (w->nrun == 0 || w->rc) {
    w->nrun = 0;
    return;
  }
  if (w->t == GK_TABLE_REVIEW) {
    review_run(w);
    return;
  }
  if (w->after) {
    flush_after(w);
    return;
  }
  int has_value = run_has_value(w), sequential = 0;
  size_t row = pick_row(w, has_value, &sequential);
  uint32_t line = w->run[0].line;
  if (has_value) order_check(w, row, sequential);
  if (run_unplaced(w, row, has_value, sequential)) return;
  passed_over(w, row, line);
  size_t back_to = row < w->cursor ? w->cursor : 0;
  size_t misfit = final && w->truncated ? 0 : run_misfit(w, row, sequential);
  if (misfit) row = misfit_rows(w, row, misfit, line);
  else row = fill_run(w, row, sequential);
  w->cursor = misfit ? row : back_to ? back_to : row;
  w->nrun = 0;
  lab_reset(w);
}

static void flush_after(walk *w);

static int run_push(walk *w, const char *p, size_t n, uint32_t line, int kind, uint32_t cell) {
  if (w->after && w->lab.len) { /* the label after the run ends here: the run placed */
    if (w->nrun) flush_after(w);
    lab_reset(w); /* text before the first run: header words */
  }
  if (w->nrun == w->caprun) {
    size_t nc = w->caprun ? w->caprun * 2 : 64;
    slot *ns = gk__realloc(w->run, nc * sizeof *ns);
    if (!ns) return w->rc = GK_ENOMEM;
    w->run = ns, w->caprun = nc;
  }
  w->run[w->nrun++] = (slot){p, n, line, kind, cell};
  return GK_OK;
}

static void lab_push(walk *w, const char *p, size_t n, uint32_t line) {
  if (w->nrun && !w->after) flush_run(w);
  if (w->after && w->lab.len > 2 * LAB_KEEP) return; /* the label after a run: its start is kept */
  size_t before = w->lab.len;
  if (w->ref) gk__text_norm(&w->lab, p, n);
  else gk__labels_norm(w->L, &w->lab, p, n); /* a declared wording: its normalised form at once */
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

static const gk__gcell *one_cell(const gk__grid *g, const tline *l);

static int is_footer(const char *p, size_t n) {
  /* page numbers: "-3-", "- 3 -", "第3页", "第 3 页 共 9 页" */
  size_t i = 0, digits = 0;
  while (i < n) {
    size_t j = i;
    uint32_t cp = gk__utf8_next(p, n, &j);
    if (cp >= '0' && cp <= '9') digits++;
    else if (!(gk__is_space(cp) || cp == '-' || cp == 0x2014 || cp == 0xFF0D || cp == 0x2013 ||
               cp == 0x7B2C || cp == 0x9875 || cp == 0x5171))
      return 0; /* other text */
    i = j;
  }
  if (digits == 0) return 0;
  /* a bare or signed number is a cell: only "-3-" (dashes both sides) or 第…页 */
  if (gk__memfind(p, n, "页", 3)) return 1;
  size_t a = gk__trim_left(p, n), b = gk__trim_right(p, n);
  return b > a + 1 && !(p[a] >= '0' && p[a] <= '9') && !(p[b - 1] >= '0' && p[b - 1] <= '9');
}

/* Is there a bar (a field separator other than TAB) at p[i]: '|', full-width
 * "｜" (U+FF5C) or box-drawing "│" / "┃" (U+2502, U+2503)? */
static int bar_at(const char *p, size_t n, size_t i) {
  return p[i] == '|' || (i + 3 <= n && (memcmp(p + i, "\xEF\xBD\x9C", 3) == 0 ||
                                        memcmp(p + i, "\xE2\x94\x82", 3) == 0 ||
                                        memcmp(p + i, "\xE2\x94\x83", 3) == 0));
}

static size_t skip_space(const char *f, size_t k, size_t b) {
  for (size_t sl; k < b && (sl = gk__space_at(f, b, k)) > 0;) k += sl;
  return k;
}

/* The end of the word at f[k..b): the next white space, else b. A space starts
 * at a lead byte only, so the scan steps bytes. */
static size_t word_end(const char *f, size_t k, size_t b) {
  while (k < b && !gk__space_at(f, b, k)) k++;
  return k;
}

/* A number of one or two digits that opens a cell of a row whose cells are
 * columns, with label text after it in the same cell ("1 属于国家秘密",
 * "2 .其他法律行政法规禁止公开": an ordinal whose dot was lost or spaced off)
 * is part of the label: the row's values stand in cells of their own. */
static int cell_ordinal(const char *f, size_t k0, size_t pe, size_t k, size_t b) {
  if (pe - k0 > 2 || k >= b || !gk__is_digit(f[k0]) || !gk__is_digit(f[pe - 1])) return 0;
  size_t e2 = word_end(f, k, b);
  return !gk__text_is_value(f + k, e2 - k) && !gk__text_quote_end(f, b, k);
}

/* Can f[0..b) be a number in groups apart by white space: a digit or sign
 * first, a digit or 元 last, a byte a separator starts with? Most cells
 * (labels) answer no at their first byte. */
static inline int may_be_spaced(const char *f, size_t b) {
  unsigned char c = (unsigned char)f[0], z = (unsigned char)f[b - 1];
  if (c < 0x80 ? !gk__is_digit(f[0]) && c != '-' && c != '+' :
      c != 0xEF && !((c == 0xE5 || c == 0xE6) && b > 3 &&
                     (memcmp(f, "增", 3) == 0 || memcmp(f, "减", 3) == 0 || memcmp(f, "減", 3) == 0)))
    return 0;
  return b >= 3 && (gk__is_digit(f[b - 1]) || (z >= 0x90 && z <= 0x99 && (unsigned char)f[b - 3] == 0xEF) ||
                    memcmp(f + b - 3, "元", 3) == 0) && gk__text_may_group(f, b);
}

/* Is the cell's whole text f[0..b) one number in thousands groups apart by
 * white space ("1 808 595", "3 525")? */
static int spaced_groups(const char *f, size_t b) {
  char tmp[64];
  size_t k = 0;
  return b < sizeof tmp && may_be_spaced(f, b) && gk__text_ungroup(f, b, 1, tmp, sizeof tmp, &k) == GK__GROUP_OK &&
         word_end(tmp, 0, k) == k && gk__text_is_value(tmp, k);
}

/* How field_pieces reads a field: FP_CELLWISE, the field is one cell of a row
 * whose cells are columns (bars, TAB, a table); FP_BOUNDED, its bounds are
 * the cell's own (cells_bound_numbers): white space inside a number there is a
 * thousands separator. */
enum { FP_CELLWISE = 1, FP_BOUNDED = 2 };

/* The pieces of one field f[0..b) (a cell, or a line without separators):
 * split at spaces; a piece is a value (a run slot) or label text. */
static void field_pieces(walk *w, const char *f, size_t b, uint32_t line, uint32_t cell, int how) {
  const gk__gcell *c = cell ? &w->g->cells[cell - 1] : NULL;
  int cellwise = how & FP_CELLWISE;
  if (c && ((c->flags & GK__CELL_VALUE) || ((how & FP_BOUNDED) && spaced_groups(f, b)))) {
    run_push(w, f, b, line, SLOT_VALUE, cell); /* the reader's class (grid.h): one value, the whole text */
    return;
  }
  /* one word, no 「…」 at its start, and by its class no value: label text whole */
  if (c && !w->ref && word_end(f, 0, b) == b && !gk__text_quote_end(f, b, 0)) {
    lab_push(w, f, b, line);
    return;
  }
  size_t k = skip_space(f, 0, b), first = k;
  while (k < b && !w->rc) {
    size_t k0 = k, e = k, qend = gk__text_quote_end(f, b, k);
    if (qend) { /* 「…」: one literal, spaces and all */
      run_push(w, f + k, qend - k, line, SLOT_VALUE, cell);
      k = skip_space(f, qend, b);
      continue;
    }
    e = word_end(f, e, b);
    size_t pe = e;
    k = skip_space(f, e, b);
    /* "2020 年" in prose: a number followed by a date or count unit is text */
    int unit_next = k > pe && k + 3 <= b &&
                    (memcmp(f + k, "年", 3) == 0 || memcmp(f + k, "月", 3) == 0 ||
                     memcmp(f + k, "日", 3) == 0 || memcmp(f + k, "条", 3) == 0 ||
                     memcmp(f + k, "件", 3) == 0);
    int value = !unit_next && gk__text_is_value(f + k0, pe - k0);
    if (value && k < b && pe - k0 == 3 && (unsigned char)f[k0] >= 0x80) {
      /* "无 法 提 供": a literal character spaced out inside a label */
      size_t e2 = word_end(f, k, b);
      value = gk__text_is_value(f + k, e2 - k);
    }
    if (value && cellwise && k0 == first && cell_ordinal(f, k0, pe, k, b)) value = 0;
    if (value) run_push(w, f + k0, pe - k0, line, SLOT_VALUE, cell);
    else lab_push(w, f + k0, pe - k0, line);
  }
}

/* How a row's cells were separated: by bars (a pipe table of a text grid), by
 * TAB (a TSV line, a row of an HTML or DOCX table) or by column gaps. */
enum { ROW_GAPS = 0, ROW_TABS = 1, ROW_BARS = 2 };
static int row_style(const walk *w, const tline *l, const gk__gblock *b) {
  if (!w->g->src) return b->ncells > 1 ? ROW_TABS : ROW_GAPS;
  if (b->table) return ROW_BARS;
  return (l->n && l->p[0] == '\t') || memchr(l->p, '\t', l->n) ? ROW_TABS : ROW_GAPS;
}

/* Do the cells of row b bound their numbers, so that white space inside a
 * number of one of them is a thousands separator ("1 808 595")? A table's
 * cells (bars, a grid table, HTML, DOCX) do; a TAB line's do unless one of its
 * cells holds digits apart by white space in another form ("12 0 3": that
 * line's values stand apart by spaces, so "3 525" there is two); cells apart
 * by gaps (pdftotext -layout) and page-text tokens never. */
static int cells_bound_numbers(const walk *w, const gk__gblock *b, int style) {
  if (b->kind != GK__BLK_ROW) return 0;
  if (!w->g->src || style == ROW_BARS) return 1;
  if (style != ROW_TABS) return 0;
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &w->g->cells[b->first + k];
    char tmp[64];
    size_t n = 0;
    if (c->len && !(c->flags & GK__CELL_VALUE) &&
        (c->len >= sizeof tmp ||
         gk__text_ungroup(gk__grid_text(w->g, c->off), c->len, 1, tmp, sizeof tmp, &n) == GK__GROUP_BAD))
      return 0;
  }
  return 1;
}

/* field_pieces' `how` for cell c of row b: `how`, and FP_BOUNDED when c is a
 * number in groups apart by white space and the row's cells bound numbers
 * (looked at only then). */
static int cell_how(const walk *w, const gk__gblock *b, int style, const gk__gcell *c, int how) {
  const char *f = gk__grid_text(w->g, c->off);
  if (c->len && !(c->flags & GK__CELL_VALUE) && may_be_spaced(f, c->len) && b->kind == GK__BLK_ROW &&
      (style != ROW_GAPS || !w->g->src) && spaced_groups(f, c->len) && cells_bound_numbers(w, b, style))
    how |= FP_BOUNDED;
  return how;
}

/* A row of empty cells ("\t\t\t\t", "| | | | | |"): in table 四, whose rows
 * have no label, as many cells as the table has columns are a blank row;
 * anywhere else the count of empty cells proves nothing: one empty (TAB), none
 * (bars). */
static void empty_row(walk *w, const tline *l, const gk__gblock *b, int style) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  size_t nf = b->ncells, k = style == ROW_TABS ? 1 : 0;
  for (size_t lead = 0; lead < 2 && w->t == GK_TABLE_REVIEW; lead++) /* lead: an indentation field */
    if (nf > lead && (nf - lead == td->ncols || nf - lead == td->ncols * td->nrows)) k = nf - lead;
  for (size_t i = 0; i < k && !w->rc; i++) run_push(w, l->p, 0, l->line, SLOT_EMPTY, b->first + 1);
}

/* A row placed by its table's header (recognize_cols.c): the label cells, then
 * one slot per column in the declared order. */
static void cols_row(walk *w, const tline *l, const gk__gblock *b, const gk__colplan *pl) {
  int style = row_style(w, l, b);
  for (size_t k = 0; k < pl->nlab && !w->rc; k++) {
    const gk__gcell *c = &w->g->cells[b->first + pl->lab[k]];
    field_pieces(w, gk__grid_text(w->g, c->off), c->len, l->line, b->first + pl->lab[k] + 1,
                 cell_how(w, b, style, c, FP_CELLWISE));
  }
  for (size_t s = 0; s < pl->nval && !w->rc; s++) {
    const gk__gcell *c = pl->val[s] < 0 ? NULL : &w->g->cells[b->first + (uint32_t)pl->val[s]];
    if (c && c->len)
      field_pieces(w, gk__grid_text(w->g, c->off), c->len, l->line, b->first + (uint32_t)pl->val[s] + 1,
                   cell_how(w, b, style, c, 0));
    else run_push(w, l->p, 0, l->line, SLOT_EMPTY, c ? b->first + (uint32_t)pl->val[s] + 1 : 0);
  }
}

/* One line of a table region: its cells (a row of the grid) or, for a line of
 * prose, the line as one field. Empty cells before the first one with text are
 * indentation. */
static void table_line(walk *w, const tline *l) {
  const gk__gblock *b = l->blk < w->g->nblocks ? &w->g->blocks[l->blk] : NULL;
  size_t nonempty = 0, last = 0; /* the cells with text, the last of them */
  for (uint32_t k = 0; b && k < b->ncells; k++)
    if (w->g->cells[b->first + k].len) nonempty++, last = k;
  /* one_cell(w->g, l), known from the count: a count alone is no page number */
  const gk__gcell *one = w->ref ? one_cell(w->g, l) :
                         w->g->src && b && b->kind == GK__BLK_ROW && !b->table && nonempty == 1 ?
                         &w->g->cells[b->first + last] : NULL;
  if (!(one && (one->flags & GK__CELL_COUNT)) && is_footer(l->p, l->n)) return;
  if (!b || (b->kind != GK__BLK_ROW && b->kind != GK__BLK_TOKENS)) { /* tokens: cells, never empty */
    field_pieces(w, l->p, l->n, l->line, 0, 0);
    return;
  }
  int style = row_style(w, l, b), seen = 0, how = style != ROW_GAPS ? FP_CELLWISE : 0;
  gk__rec_spans_say(w, l, b); /* cells under a merged header that disagree: blank, said */
  if (nonempty == 0) {
    empty_row(w, l, b, style);
    return;
  }
  gk__colplan pl;
  if (gk__rec_cols_plan(w, l, &pl)) { /* the header says where the cells go */
    cols_row(w, l, b, &pl);
    return;
  }
  uint32_t end = b->ncells, vals = 0; /* a value spanning the columns its row has none in: once */
  for (uint32_t k = 0; k < end && !w->rc; k++) {
    const gk__gcell *c = &w->g->cells[b->first + k];
    if (!c->len) { /* a blank cell, unless its column is none (empty in every row) */
      if (seen && style != ROW_GAPS && !gk__rec_empty_col(w, b, c->x))
        run_push(w, l->p, 0, l->line, SLOT_EMPTY, b->first + k + 1);
      continue;
    }
    seen = 1;
    if ((c->flags & GK__CELL_VALUE) && !vals++ && style != ROW_GAPS) end -= gk__rec_spans_row_cut(w, b, k);
    if (c->flags & GK__CELL_RUN || (c->flags & GK__CELL_VALUE && !w->ref)) /* a run of digits (page text): */
      run_push(w, gk__grid_text(w->g, c->off), c->len, l->line, SLOT_VALUE, b->first + k + 1); /* or a value */
    else
      field_pieces(w, gk__grid_text(w->g, c->off), c->len, l->line, b->first + k + 1, cell_how(w, b, style, c, how));
  }
}

/* Table 四 on one space-aligned line, its blank cells dropped: the values
 * placed by their position under the header (recognize_xpos.c); undecided
 * ones blank, said import.ambiguous (with `all`: only when every value is
 * placed). 1 when the table is read so. */
static int review_by_position(walk *w, int all) {
  const gk__table_decl *td = &w->ed->tables[GK_TABLE_REVIEW];
  size_t want = td->nrows * td->ncols;
  slot out[GK__SPLIT_MAXCELLS];
  w->t = GK_TABLE_REVIEW;
  int xp = want <= GK__SPLIT_MAXCELLS && !w->truncated ? gk__rec_xpos_table(w, w->rv, w->nrv, out) : 0;
  if (all && xp != 1) return 0;
  for (size_t i = 0; xp && i < want && !w->rc; i++) put_slot(w, i / td->ncols, i % td->ncols, &out[i]);
  if (xp == 2) {
    gk__buf zh, en;
    gk__buf_init(&zh), gk__buf_init(&en);
    gk__buf_printf(&zh, "行政复议、行政诉讼表只有%zu个数值（应为%zu个），部分数值不在表头任何一列之下或在两列之间，"
                   "无法确定其列，已留空", w->nrv, want);
    gk__buf_printf(&en, "the review table has %zu values instead of %zu; some stand under no column of the "
                   "header or between two: their columns are ambiguous, left blank", w->nrv, want);
    diag_table_bufs(w, GK_SEV_WARNING, "import.ambiguous", w->rv[0].line, &zh, &en);
  }
  return xp != 0;
}

/* A line of words (not blank, no page footer) between table 四's slots i and i + 1? */
static int words_after(const walk *w, size_t i) {
  for (uint32_t l = w->rv[i].line + 1; l < w->rv[i + 1].line; l++)
    if (l >= 1 && l <= w->nlines && !gk__rec_blank_line(&w->lines[l - 1]) &&
        !is_footer(w->lines[l - 1].p, w->lines[l - 1].n))
      return 1;
  return 0;
}

/* Table 四's region holding more values than cells (plain pdftotext leaves
 * another table's values before its header; a note may follow it): the
 * slots after the last line of words between them, or those before the
 * first, when just one of the two is as many as the table's cells, are the
 * table's (w->rv moved to them, the others said ignored); else which are is
 * not decided: 0. */
static int review_block(walk *w, size_t want) {
  size_t from = w->nrv - 1, to = 0;
  while (from > 0 && !words_after(w, from - 1)) from--;
  while (to + 1 < w->nrv && !words_after(w, to)) to++;
  int tail = w->nrv - from == want, head = to + 1 == want;
  if (tail == head) return 0;
  gk__rec_diag(w, GK_SEV_WARNING, "import.unknown_row", w->rv[tail ? 0 : want].line,
               tail ? "行政复议、行政诉讼表的数值多于15个，表头之前的数值不属于该表，已忽略"
                    : "行政复议、行政诉讼表的数值多于15个，其后一行文字之后的数值不属于该表，已忽略",
               tail ? "the review table has more than 15 values; the ones before its last line of words "
                      "(its header) are not under it and are ignored"
                    : "the review table has more than 15 values; the ones after the line of words that "
                      "follows its fifteen are not its own and are ignored");
  if (tail) memmove(w->rv, w->rv + from, want * sizeof *w->rv);
  w->nrv = want;
  return 1;
}

static void review_finish(walk *w, uint32_t line) {
  const gk__table_decl *td = &w->ed->tables[GK_TABLE_REVIEW];
  size_t want = td->nrows * td->ncols;
  if (w->nrv == 0) return;
  if (w->nrv < want && review_by_position(w, 1)) return; /* each value under one column: none run together */
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
  if (w->nrv < want && review_by_position(w, 0)) return;
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
      diag_table_bufs(w, GK_SEV_WARNING, "import.ambiguous", w->rv[0].line, &zh, &en);
      return;
    }
  }
  while (w->nrv > want && w->rv[w->nrv - 1].kind == SLOT_EMPTY) w->nrv--;
  if (w->nrv > want && !review_block(w, want)) {
    gk__buf zh, en;
    gk__buf_init(&zh), gk__buf_init(&en);
    gk__buf_printf(&zh, "行政复议、行政诉讼表有%zu个数值（应为%zu个），无法确定哪些属于该表，已留空", w->nrv, want);
    gk__buf_printf(&en, "the review table has %zu values instead of %zu: which are its own is ambiguous, "
                   "left blank", w->nrv, want);
    w->t = GK_TABLE_REVIEW;
    for (size_t i = 0; i < want; i++) /* the table is there, its cells blank */
      gk_report_set_line(w->r, w->t, i / td->ncols, i % td->ncols, w->rv[0].line);
    diag_table_bufs(w, GK_SEV_WARNING, "import.ambiguous", w->rv[0].line, &zh, &en);
    return;
  }
  w->t = GK_TABLE_REVIEW;
  if (gk__rec_review_order(w, w->rv, w->nrv) < 0) { /* printed transposed or not: blank */
    for (size_t i = 0; i < want; i++) gk_report_set_line(w->r, w->t, i / td->ncols, i % td->ncols, w->rv[0].line);
    return;
  }
  for (size_t i = 0; i < w->nrv && i < want && !w->rc; i++)
    put_slot(w, i / td->ncols, i % td->ncols, &w->rv[i]);
  (void)line;
}


/* The one cell with text of line l when l is a row of a text grid's
 * TAB or gap-aligned line (table 0: every other cell empty, so that the line
 * trimmed is that cell's text); NULL otherwise. */
static const gk__gcell *one_cell(const gk__grid *g, const tline *l) {
  if (!g || !g->src || l->blk >= g->nblocks) return NULL;
  const gk__gblock *b = &g->blocks[l->blk];
  if (b->kind != GK__BLK_ROW || b->table) return NULL;
  const gk__gcell *one = NULL;
  for (uint32_t k = 0; k < b->ncells; k++) {
    const gk__gcell *c = &g->cells[b->first + k];
    if (!c->len) continue;
    if (one) return NULL;
    one = c;
  }
  return one;
}

/* A line that is one value alone ("12", "-", "3.5万元"). */
static int single_value_line(const gk__grid *g, const tline *l) {
  const gk__gcell *c = one_cell(g, l);
  if (c) /* the reader's class (grid.h): a value, or nothing of one */
    return (c->flags & GK__CELL_VALUE) &&
           (c->len <= 64 || gk__text_quote_end(gk__grid_text(g, c->off), c->len, 0) == c->len);
  size_t a = gk__trim_left(l->p, l->n), b = gk__trim_right(l->p, l->n);
  if (a < b && gk__text_quote_end(l->p, b, a) == b) return 1; /* 「…」 */
  if (a >= b || b - a > 64) return 0;
  if (word_end(l->p, a, b) < b) return 0;
  return gk__text_is_value(l->p + a, b - a);
}

/* One cell per line (HTML to text): empty lines are the blank cells when value
 * lines follow each other more often than they stand one empty line apart
 * (a double-spaced copy separates every line with one). */
static int blanks_are_cells(const gk__grid *g, const tline *lines, size_t from, size_t to) {
  size_t adjacent = 0, spaced = 0;
  for (size_t i = from; i < to; i++) /* blank cells marked by a TAB: empty lines are spacing */
    if (gk__rec_blank_line(&lines[i]) && lines[i].n && memchr(lines[i].p, '\t', lines[i].n)) return 0;
  /* sv[k]: is lines[i + k] a single value (each line tested once) */
  int sv[3] = {from < to && single_value_line(g, &lines[from]),
               from + 1 < to && single_value_line(g, &lines[from + 1]), 0};
  for (size_t i = from; i + 1 < to; i++) {
    sv[2] = i + 2 < to && single_value_line(g, &lines[i + 2]);
    if (sv[0] && sv[1]) adjacent++;
    else if (sv[0] && i + 2 < to && gk__rec_blank_line(&lines[i + 1]) && sv[2]) spaced++;
    sv[0] = sv[1], sv[1] = sv[2];
    size_t left = to - i - 2; /* the steps still to come, each adding one to a count at most */
    if (adjacent > spaced + left || adjacent + left <= spaced) break; /* decided */
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
    size_t a = gk__trim_left(u->p, u->n), b = gk__trim_right(u->p, u->n);
    if (a < b && bar_at(u->p, b, a)) return i;
  }
  while (j < to) {
    const tline *l = &lines[j];
    size_t a = gk__trim_left(l->p, l->n), b = gk__trim_right(l->p, l->n);
    if (a >= b || !bar_at(l->p, b, a)) break;
    for (size_t k = a; k < b; k++) {
      size_t q = k;
      uint32_t cp = gk__utf8_next(l->p, b, &q);
      if (!(gk__is_space(cp) || cp == '-' || cp == ':' || l->p[k] == '\t' || bar_at(l->p, b, k))) return i;
      k = q - 1;
    }
    sep_row |= gk__memfind(l->p + a, b - a, "---", 3) != NULL;
    j++;
  }
  return sep_row && j >= i + 2 ? j : i;
}

/* A Markdown separator row ("|---|:---:|"): bars, dashes, colons, spaces. */
static int md_separator(const tline *l) {
  size_t a = gk__trim_left(l->p, l->n), b = gk__trim_right(l->p, l->n);
  if (a >= b || !bar_at(l->p, b, a) || !gk__memfind(l->p + a, b - a, "---", 3)) return 0;
  for (size_t k = a; k < b; k++)
    if (!(l->p[k] == '|' || l->p[k] == '-' || l->p[k] == ':' || l->p[k] == ' ' || l->p[k] == '\t')) return 0;
  return 1;
}

/* A Markdown header row without a digit (column headers, "| 类别 | 数据1 |…"
 * anonymous ones included, name no row): 1 when lines[i] is one. */
static int md_header_row(const tline *lines, size_t i, size_t to) {
  const tline *l = &lines[i];
  size_t a = gk__trim_left(l->p, l->n), b = gk__trim_right(l->p, l->n);
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
  const gk__table_decl *td = &w->ed->tables[t];
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

static int walk_region(walk *w, int t, const tline *lines, size_t from, size_t to, int truncated);

/* The reading after labels judged: per row, confirmed (kept[r] 1) or not;
 * the rows not kept blank. Returns the rows kept that hold values. */
static size_t keep_confirmed(walk *w, unsigned char *kept, uint32_t line) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  unsigned char filled[GK__LROWS] = {0}, ok[GK__LROWS] = {0};
  for (size_t r = 0; r < td->nrows; r++) filled[r] = w->done[r] == 1;
  if (rows_decided(w, filled, ok)) return 0;
  size_t n = 0;
  for (size_t r = 0; r < td->nrows && r < GK__LROWS; r++) {
    kept[r] = (unsigned char)row_kept(w, r, filled, ok);
    n += kept[r] && filled[r];
  }
  for (size_t r = 0; r < td->nrows; r++)
    for (size_t c = 0; c < td->ncols && !(r < GK__LROWS && kept[r]); c++)
      if ((td->rows[r].flags & GK_ROW_STORED) && (td->rows[r].colmask & (1u << c))) {
        gk_report_set_blank(w->r, (gk_table)w->t, r, c);
        gk_report_set_line(w->r, (gk_table)w->t, r, c, line);
      }
  return n;
}

/* Values before their labels (vbl 3 after the first walk): the region walked
 * again, each run of values with the label after it. The rows the identities
 * confirm (rows_decided) are kept, the others blank, named by one
 * import.ambiguous; 1. None kept: 0, the region walked as at first (the
 * caller refuses it; the same findings as without this reading). */
static int read_after(walk *w, const tline *lines, size_t from, size_t to, int truncated, size_t d0,
                      int start_cut) {
  const gk__table_decl *td = &w->ed->tables[w->t];
  int t = w->t;
  uint32_t endline = to > from ? lines[to - 1].line : 0;
  unsigned char kept[GK__LROWS] = {0};
  size_t n = 0;
  clear_table(w);
  if (w->d) gk__diags_truncate(w->d, d0);
  w->start_cut = start_cut, w->after = 1;
  int rc = walk_region(w, t, lines, from, to, truncated);
  w->after = 0;
  if (rc) return 0;
  if (td->nrows <= GK__LROWS) n = keep_confirmed(w, kept, endline);
  if (w->rc) return 0;
  if (!n) { /* the first walk again: refused by the caller */
    clear_table(w);
    if (w->d) gk__diags_truncate(w->d, d0);
    w->start_cut = start_cut;
    walk_region(w, t, lines, from, to, truncated);
    return 0;
  }
  size_t left = 0;
  for (size_t r = 0; r < td->nrows; r++) left += !kept[r] && (td->rows[r].flags & GK_ROW_STORED);
  if (!left) return 1;
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, "%s表的数值排在其行标签之前：按其后的标签读出且勾稽关系证实的行已读入，其余%zu行无法确定，已留空",
                 gk__tables[t].zh, left);
  gk__buf_printf(&en, "table %s: the values stand before their row labels; the rows read with the label after "
                 "them that the identities confirm are kept, the other %zu are ambiguous, left blank",
                 gk__tables[t].en, left);
  diag_rows_bufs(w, GK_SEV_WARNING, "import.ambiguous", endline, &zh, &en, kept);
  return 1;
}

/* One walk over the region's lines into table t (gk__rec_table; again for
 * values before labels, w->after set). */
static int walk_region(walk *w, int t, const tline *lines, size_t from, size_t to, int truncated) {
  const gk__table_decl *td = &w->ed->tables[t];
  w->t = t;
  w->led_ed = w->ed, w->led = gk__labels_ed(w->ed->id);
  w->reg = lines + from, w->nreg = to - from, w->xknown = 0, w->ecol_known = 0;
  w->cursor = next_stored(td, 0);
  w->truncated = truncated;
  w->nrun = 0;
  w->nrv = 0;
  w->npend = 0;
  w->vbl = 0;
  lab_reset(w);
  gk__rec_cols_reset(w);
  gk__free(w->done);
  w->done = gk__calloc(td->nrows, 1);
  if (!w->done) return w->rc = GK_ENOMEM;
  int cells = blanks_are_cells(w->g, lines, from, to), seen = 0;
  size_t walk_to = gk__rec_transposed(w) ? from : to; /* read by its labels, axes swapped */
  for (size_t i = from; i < walk_to && !w->rc; i++) {
    size_t a = gk__trim_left(lines[i].p, lines[i].n);
    if (cells && a == lines[i].n) { /* a blank line */
      size_t j = i;
      while (j < to && gk__rec_blank_line(&lines[j])) j++;
      /* empty lines after the first line of the table (of table 四: after its
       * first value, the header words above it being no cells) */
      for (size_t k = i; seen && k < j && !w->rc; k++)
        run_push(w, lines[k].p, 0, lines[k].line, SLOT_EMPTY, 0);
      i = j - 1;
      continue;
    }
    /* junk tables and header rows open with a bar: other lines skip the tests */
    int bar_line = a < lines[i].n && bar_at(lines[i].p, lines[i].n, a);
    size_t junk = bar_line ? skip_junk_table(lines, from, i, to) : i;
    if (junk > i || (bar_line && md_header_row(lines, i, to))) {
      if (junk == i) gk__rec_cols_header(w, &lines[i]); /* its columns */
      i = junk > i ? junk - 1 : i + 1;
      continue;
    }
    table_line(w, &lines[i]);
    seen = t != GK_TABLE_REVIEW || w->nrun > 0 || w->nrv > 0;
  }
  if (!w->rc) flush_run_at(w, 1);
  if (!w->rc) pending_done(w, truncated);
  if (!w->rc) resolve_ambiguous(w);
  for (size_t i = 0; i < w->namb; i++) gk__buf_free(&w->amb[i].zh), gk__buf_free(&w->amb[i].en);
  w->namb = 0;
  uint32_t endline = to > from ? lines[to - 1].line : 0;
  if (!w->rc && t == GK_TABLE_REVIEW) review_finish(w, endline);
  return w->rc;
}

int gk__rec_table(walk *w, int t, const tline *lines, size_t from, size_t to, int truncated) {
  const gk__table_decl *td = &w->ed->tables[t];
  size_t d0 = w->d ? gk_diags_count(w->d) : 0;
  int start_cut = w->start_cut;
  w->after = 0;
  if (walk_region(w, t, lines, from, to, truncated)) {
    gk__free(w->done);
    w->done = NULL;
    return w->rc;
  }
  uint32_t endline = to > from ? lines[to - 1].line : 0;
  if (t != GK_TABLE_REVIEW && w->vbl == 3) {
    /* values before labels: read each run with the label after it, kept
     * where the identities confirm it; else the region refused */
    if (!read_after(w, lines, from, to, truncated, d0, start_cut) && !w->rc) refuse_region(w, endline);
    if (w->rc) {
      gk__free(w->done);
      w->done = NULL;
      return w->rc;
    }
    memset(w->done, 2, td->nrows); /* said: no row missing */
  }
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
      gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.missing_row", endline, &zh, &en);
      for (size_t r = first; r < td->nrows; r++) /* each of them named */
        if (row_walkable(&td->rows[r]) && !w->done[r] && !(td->rows[r].parent >= 0 && w->done[td->rows[r].parent]))
          name_row_last(w, r);
    }
    if (n && truncated && !w->rc) {
      gk__buf zh, en;
      gk__buf_init(&zh), gk__buf_init(&en);
      gk__buf_printf(&zh, "文本在%s表中结束：从“%s”起的%zu行缺失", gk__tables[t].zh, td->rows[first].zh, n);
      gk__buf_printf(&en, "the text ends inside table %s: %zu %s from “%s” on %s missing",
                     gk__tables[t].en, n, n == 1 ? "row" : "rows", td->rows[first].en,
                     n == 1 ? "is" : "are");
      gk__rec_diag_bufs(w, GK_SEV_WARNING, "import.truncated", endline, &zh, &en);
      w->truncated = 2; /* reported */
      w->trunc_table = t, w->trunc_row = cut_row(w, t, first);
    }
  }
  gk__free(w->done);
  w->done = NULL;
  return w->rc;
}

int gk__rec_blank_line(const tline *l) { return gk__trim_left(l->p, l->n) == l->n; }
