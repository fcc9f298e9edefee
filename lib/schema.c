/* SPDX-License-Identifier: MIT */
/* Run-time access to the format declarations of schema_tables.c. */
#include <string.h>
#include "internal.h"

/* ---------------------------------------------------------------- editions */
#ifdef GK_TEST_HOOKS
/* editions registered by a test build, ids ascending above the declared ones */
static const gk__edition_ext *ext[GK__MAX_EDITIONS];
static size_t next;

int gk__edition_register(const gk__edition_ext *e) {
  if (!e) {
    next = 0;
    return GK_OK;
  }
  int last = next ? ext[next - 1]->edition->id : gk__editions[gk__neditions - 1].id;
  if (!e->edition || e->edition->id <= last) return GK_EINVAL;
  if (gk__neditions + next >= GK__MAX_EDITIONS) return GK_EUNSUPPORTED; /* beyond the cap */
  ext[next++] = e;
  return GK_OK;
}
#else
static const gk__edition_ext *const ext[1]; /* none outside test builds */
static const size_t next = 0;
#endif
#define EXT_COUNT next
#define EXT_EDITION(k) (ext[k]->edition)
#define EXT_N(k, field) (ext[k]->n##field)
#define EXT_AT(k, field, i) (&ext[k]->field[i])

const gk__edition *gk__edition_get(int edition) {
  for (size_t i = 0; i < gk__neditions; i++)
    if (gk__editions[i].id == edition) return &gk__editions[i];
  for (size_t k = 0; k < EXT_COUNT; k++)
    if (EXT_EDITION(k)->id == edition) return EXT_EDITION(k);
  return NULL;
}

GK_API size_t gk_schema_edition_count(void) { return gk__neditions + EXT_COUNT; }

GK_API gk_edition gk_schema_edition_id(size_t i) {
  if (i < gk__neditions) return gk__editions[i].id;
  return i - gk__neditions < EXT_COUNT ? EXT_EDITION(i - gk__neditions)->id : 0;
}

size_t gk__cross_year_count(void) {
  size_t n = gk__ncross_year;
  for (size_t k = 0; k < EXT_COUNT; k++) n += EXT_N(k, cross_year);
  return n;
}

const gk__xrelation *gk__cross_year_at(size_t i) {
  if (i < gk__ncross_year) return &gk__cross_year[i];
  i -= gk__ncross_year;
  for (size_t k = 0; k < EXT_COUNT; i -= EXT_N(k, cross_year), k++)
    if (i < EXT_N(k, cross_year)) return EXT_AT(k, cross_year, i);
  return NULL;
}

static size_t commons_count(void) {
  size_t n = gk__nedition_commons;
  for (size_t k = 0; k < EXT_COUNT; k++) n += EXT_N(k, commons);
  return n;
}

static const gk__edition_common *common_at(size_t i) {
  if (i < gk__nedition_commons) return &gk__edition_commons[i];
  i -= gk__nedition_commons;
  for (size_t k = 0; k < EXT_COUNT; i -= EXT_N(k, commons), k++)
    if (i < EXT_N(k, commons)) return EXT_AT(k, commons, i);
  return NULL;
}

/* ---------------------------------------------------------------- tables */
static const gk__table_decl *table_decl(int edition, int table) {
  const gk__edition *ed = gk__edition_get(edition);
  if (!ed || table < 0 || table >= GK_NTABLES) return NULL;
  return &ed->tables[table];
}

static const gk__row_decl *row_decl(int edition, int table, size_t row) {
  const gk__table_decl *t = table_decl(edition, table);
  return (t && row < t->nrows) ? &t->rows[row] : NULL;
}

static const gk__col_decl *col_decl(int edition, int table, size_t col) {
  const gk__table_decl *t = table_decl(edition, table);
  return (t && col < t->ncols) ? &t->cols[col] : NULL;
}

static const char *pick(const char *zh, const char *en, int lang) {
  return lang == GK_LANG_EN ? en : zh;
}

GK_API int gk_schema_edition_valid(int edition) { return gk__edition_get(edition) != NULL; }

GK_API const char *gk_schema_edition_instrument(gk_edition edition) {
  const gk__edition *ed = gk__edition_get(edition);
  return ed ? ed->instrument : NULL;
}

GK_API gk_edition gk_schema_edition_for_year(int year) {
  int best = 0;
  for (size_t i = 0; i < gk_schema_edition_count(); i++) {
    const gk__edition *ed = gk__edition_get(gk_schema_edition_id(i));
    if (year >= ed->first_year && (ed->last_year == 0 || year <= ed->last_year)) best = ed->id;
  }
  return best;
}

GK_API const char *gk_schema_table_key(gk_table table) {
  return (table >= 0 && table < GK_NTABLES) ? gk__tables[table].key : NULL;
}

GK_API const char *gk_schema_table_label(gk_table table, gk_lang lang) {
  return (table >= 0 && table < GK_NTABLES) ? pick(gk__tables[table].zh, gk__tables[table].en, lang)
                                            : NULL;
}

GK_API int gk_schema_table_find(const char *key) {
  for (int t = 0; key && t < GK_NTABLES; t++)
    if (strcmp(gk__tables[t].key, key) == 0) return t;
  return GK_ENOTFOUND;
}

GK_API const char *gk_schema_section_key(gk_section section) {
  return (section >= 0 && section < GK_NSECTIONS) ? gk__sections[section].key : NULL;
}

GK_API const char *gk_schema_section_label(gk_section section, gk_lang lang) {
  return (section >= 0 && section < GK_NSECTIONS)
             ? pick(gk__sections[section].zh, gk__sections[section].en, lang)
             : NULL;
}

GK_API int gk_schema_section_find(const char *key) {
  for (int s = 0; key && s < GK_NSECTIONS; s++)
    if (strcmp(gk__sections[s].key, key) == 0) return s;
  return GK_ENOTFOUND;
}

GK_API size_t gk_schema_nrows(gk_edition edition, gk_table table) {
  const gk__table_decl *t = table_decl(edition, table);
  return t ? t->nrows : 0;
}

GK_API size_t gk_schema_ncols(gk_edition edition, gk_table table) {
  const gk__table_decl *t = table_decl(edition, table);
  return t ? t->ncols : 0;
}

GK_API const char *gk_schema_row_key(gk_edition edition, gk_table table, size_t row) {
  const gk__row_decl *r = row_decl(edition, table, row);
  return r ? r->key : NULL;
}

GK_API const char *gk_schema_row_label(gk_edition edition, gk_table table, size_t row, gk_lang lang) {
  const gk__row_decl *r = row_decl(edition, table, row);
  return r ? pick(r->zh, r->en, lang) : NULL;
}

GK_API uint32_t gk_schema_row_flags(gk_edition edition, gk_table table, size_t row) {
  const gk__row_decl *r = row_decl(edition, table, row);
  return r ? r->flags : 0;
}

GK_API int gk_schema_row_parent(gk_edition edition, gk_table table, size_t row) {
  const gk__row_decl *r = row_decl(edition, table, row);
  return r ? r->parent : -1;
}

GK_API const char *gk_schema_col_key(gk_edition edition, gk_table table, size_t col) {
  const gk__col_decl *c = col_decl(edition, table, col);
  return c ? c->key : NULL;
}

GK_API const char *gk_schema_col_label(gk_edition edition, gk_table table, size_t col, gk_lang lang) {
  const gk__col_decl *c = col_decl(edition, table, col);
  return c ? pick(c->zh, c->en, lang) : NULL;
}

GK_API int gk_schema_col_kind(gk_edition edition, gk_table table, size_t col) {
  const gk__col_decl *c = col_decl(edition, table, col);
  return c ? c->kind : GK_EINVAL;
}

GK_API int gk_schema_cell_exists(gk_edition edition, gk_table table, size_t row, size_t col) {
  const gk__row_decl *r = row_decl(edition, table, row);
  const gk__table_decl *t = table_decl(edition, table);
  if (!r || col >= t->ncols) return 0;
  return (r->colmask >> col) & 1u;
}

static int find_key_n(const char *key, size_t n, const char *cand) {
  return strlen(cand) == n && memcmp(cand, key, n) == 0;
}

static int row_find_n(size_t *row_out, const gk__table_decl *t, const char *key, size_t n) {
  for (size_t i = 0; i < t->nrows; i++)
    if (find_key_n(key, n, t->rows[i].key)) {
      *row_out = i;
      return GK_OK;
    }
  return GK_ENOTFOUND;
}

static int col_find_n(size_t *col_out, const gk__table_decl *t, const char *key, size_t n) {
  for (size_t i = 0; i < t->ncols; i++)
    if (find_key_n(key, n, t->cols[i].key)) {
      *col_out = i;
      return GK_OK;
    }
  return GK_ENOTFOUND;
}

GK_API int gk_schema_row_find(size_t *row_out, gk_edition edition, gk_table table, const char *key) {
  const gk__table_decl *t = table_decl(edition, table);
  if (row_out) *row_out = 0;
  if (!row_out || !t || !key) return GK_EINVAL;
  return row_find_n(row_out, t, key, strlen(key));
}

GK_API int gk_schema_col_find(size_t *col_out, gk_edition edition, gk_table table, const char *key) {
  const gk__table_decl *t = table_decl(edition, table);
  if (col_out) *col_out = 0;
  if (!col_out || !t || !key) return GK_EINVAL;
  return col_find_n(col_out, t, key, strlen(key));
}

GK_API int gk_schema_path_find(int *table_out, size_t *row_out, size_t *col_out, gk_edition edition,
                               const char *path, size_t len) {
  if (table_out) *table_out = 0;
  if (row_out) *row_out = 0;
  if (col_out) *col_out = 0;
  if (!table_out || !row_out || !col_out || !path) return GK_EINVAL;
  if (!gk__edition_get(edition)) return GK_EUNSUPPORTED;
  if (len == (size_t)-1) len = strlen(path);
  const char *s1 = memchr(path, '/', len);
  if (!s1) return GK_ENOTFOUND;
  const char *rest = s1 + 1;
  size_t restlen = len - (size_t)(rest - path);
  const char *s2 = memchr(rest, '/', restlen);
  if (!s2) return GK_ENOTFOUND;
  int table = -1;
  for (int t = 0; t < GK_NTABLES; t++)
    if (find_key_n(path, (size_t)(s1 - path), gk__tables[t].key)) table = t;
  if (table < 0) return GK_ENOTFOUND;
  const gk__table_decl *t = table_decl(edition, table);
  size_t row, col;
  if (row_find_n(&row, t, rest, (size_t)(s2 - rest)) != GK_OK) return GK_ENOTFOUND;
  if (col_find_n(&col, t, s2 + 1, len - (size_t)(s2 + 1 - path)) != GK_OK) return GK_ENOTFOUND;
  if (!gk_schema_cell_exists(edition, table, row, col)) return GK_ENOTFOUND;
  *table_out = table;
  *row_out = row;
  *col_out = col;
  return GK_OK;
}

GK_API int gk_schema_path_format(char *buf, size_t cap, gk_edition edition, gk_table table, size_t row,
                                 size_t col) {
  if (!gk_schema_cell_exists(edition, table, row, col)) {
    if (buf && cap) buf[0] = '\0';
    return GK_EINVAL;
  }
  const char *parts[3] = {gk__tables[table].key, row_decl(edition, table, row)->key,
                          col_decl(edition, table, col)->key};
  size_t need = 0;
  for (int i = 0; i < 3; i++) {
    size_t n = strlen(parts[i]);
    for (size_t k = 0; k < n + (i < 2); k++, need++)
      if (buf && need + 1 < cap) buf[need] = k < n ? parts[i][k] : '/';
  }
  if (buf && cap) buf[need < cap ? need : cap - 1] = '\0';
  return (int)need;
}

static const char *const level_keys[] = {NULL, "national", "province", "city", "county", "township"};
static const char *const kind_keys[] = {NULL, "government", "department"};

GK_API const char *gk_schema_level_key(gk_level level) {
  return (level > 0 && level < (int)(sizeof level_keys / sizeof *level_keys)) ? level_keys[level]
                                                                               : NULL;
}

GK_API int gk_schema_level_find(const char *key) {
  for (int i = 1; key && i < (int)(sizeof level_keys / sizeof *level_keys); i++)
    if (strcmp(level_keys[i], key) == 0) return i;
  return GK_ENOTFOUND;
}

GK_API const char *gk_schema_agency_kind_key(gk_agency_kind kind) {
  return (kind > 0 && kind < (int)(sizeof kind_keys / sizeof *kind_keys)) ? kind_keys[kind] : NULL;
}

GK_API int gk_schema_agency_kind_find(const char *key) {
  for (int i = 1; key && i < (int)(sizeof kind_keys / sizeof *kind_keys); i++)
    if (strcmp(kind_keys[i], key) == 0) return i;
  return GK_ENOTFOUND;
}

GK_API const char *gk_schema_row_variant(gk_edition edition, gk_table table, size_t row, size_t i) {
  const gk__row_decl *r = row_decl(edition, table, row);
  if (!r) return NULL;
  if (i == 0) return r->zh;
  return i - 1 < GK__MAX_VARIANTS ? r->variants[i - 1] : NULL;
}

GK_API const char *gk_schema_col_variant(gk_edition edition, gk_table table, size_t col, size_t i) {
  const gk__col_decl *c = col_decl(edition, table, col);
  if (!c) return NULL;
  if (i == 0) return c->zh;
  return i - 1 < GK__MAX_VARIANTS ? c->variants[i - 1] : NULL;
}

const gk__unit_decl *gk__unit_decl_of(int unit) {
  for (size_t i = 0; i < gk__nunits; i++)
    if (gk__units[i].unit == unit) return &gk__units[i];
  return NULL;
}

int gk__unit_valid(int unit) { return unit == GK_UNIT_DEFAULT || gk__unit_decl_of(unit) != NULL; }

int gk__unit_suffix(const char *s, size_t n, size_t *len) {
  int best = GK_UNIT_DEFAULT;
  *len = 0;
  for (size_t i = 0; i < gk__nunits; i++) {
    size_t k = strlen(gk__units[i].text);
    if (k > *len && k <= n && memcmp(s + n - k, gk__units[i].text, k) == 0) best = gk__units[i].unit, *len = k;
  }
  return best;
}

size_t gk__count_word_suffix(const char *s, size_t n) {
  for (size_t i = 0; i < gk__ncount_words; i++) {
    size_t k = strlen(gk__count_words[i]);
    if (k <= n && memcmp(s + n - k, gk__count_words[i], k) == 0) return k;
  }
  return 0;
}

const char *gk__edition_common_col(int table, const char *row, const char *col, int from,
                                   int to) {
  if (!row || !col) return NULL;
  for (size_t k = 0; k < commons_count(); k++) {
    const gk__edition_common *c = common_at(k);
    if (c->table != table || strcmp(c->row, row) != 0) continue;
    const char *mine = NULL, *theirs = NULL;
    for (int i = 0; i < GK__MAX_EDITIONS && c->cols[i].edition; i++) {
      if (c->cols[i].edition == from) mine = c->cols[i].col;
      if (c->cols[i].edition == to) theirs = c->cols[i].col;
    }
    if (mine && theirs && strcmp(mine, col) == 0) return theirs;
  }
  return NULL;
}

/* ------------------------------------------------------------ parts 一 … 六 */
const gk__label *gk__part_label(int part) {
  if (part < 0 || part >= GK__NPARTS) return NULL;
  const gk__part *p = &gk__parts[part];
  return p->section >= 0 ? &gk__sections[p->section] : &gk__tables[p->table];
}

void gk__part_heading_put(gk__buf *b, int part) {
  const gk__label *l = gk__part_label(part);
  if (!l) return;
  gk__buf_puts(b, gk__parts[part].ordinal);
  gk__buf_puts(b, "、");
  gk__buf_puts(b, l->zh);
}
