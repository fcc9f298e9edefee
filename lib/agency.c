/* SPDX-License-Identifier: MIT */
/* Agency metadata from an agency's name: the administrative divisions that
 * prefix it (江苏省 / 淮安市 / 洪泽区 / 某镇) give its level, and what follows them
 * its kind (nothing or 人民政府: a government; 司法局, 人民政府办公厅: a
 * department). Deterministic and declared as data; used by importers for
 * documents that carry no metadata, and silent (GK_ENOTFOUND) when the name
 * does not say. */
#include <string.h>
#include "internal.h"
#include "gazetteer.h"
#include "text_int.h"
#include "gkreport/agency.h"

/* Division suffixes and the level of a division ending with them. Longer suffixes
 * first where one ends another (自治区 before 区). */
#define SUFFIX(s, level) {s, sizeof s - 1, level}
static const struct {
  const char *suffix;
  size_t len;
  int level;
} divisions[] = {
  SUFFIX("自治区", GK_LEVEL_PROVINCE), SUFFIX("省", GK_LEVEL_PROVINCE),
  SUFFIX("自治州", GK_LEVEL_CITY),     SUFFIX("地区", GK_LEVEL_CITY),     SUFFIX("盟", GK_LEVEL_CITY),
  SUFFIX("市", GK_LEVEL_CITY),
  SUFFIX("自治县", GK_LEVEL_COUNTY),   SUFFIX("自治旗", GK_LEVEL_COUNTY), SUFFIX("县", GK_LEVEL_COUNTY),
  SUFFIX("区", GK_LEVEL_COUNTY),       SUFFIX("旗", GK_LEVEL_COUNTY),
  SUFFIX("街道", GK_LEVEL_TOWNSHIP),   SUFFIX("镇", GK_LEVEL_TOWNSHIP),   SUFFIX("乡", GK_LEVEL_TOWNSHIP),
  SUFFIX("苏木", GK_LEVEL_TOWNSHIP),
};

/* Cities at province level (直辖市). */
static const char *const municipalities[] = {"北京市", "天津市", "上海市", "重庆市"};

/* What may follow the divisions in a government's own name. */
static const char *const government_names[] = {"", "人民政府", "政府", "街道办事处", "办事处",
                                               "人民政府办事处"};

#define MAX_DIVISION_CHARS 10 /* a division name is 1..MAX characters before its suffix */

static size_t utf8_len(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

/* At byte offset pos, the first division "NAME+suffix" (NAME 1..MAX characters);
 * its end offset and level. 0 when none. */
static int next_division(const char *s, size_t n, size_t pos, size_t *end_out, int *level_out) {
  size_t e = pos, chars = 0;
  while (e < n && chars <= MAX_DIVISION_CHARS + 3) {
    e += utf8_len((unsigned char)s[e]);
    if (e > n) return 0;
    chars++;
    for (size_t i = 0; i < sizeof divisions / sizeof *divisions; i++) {
      size_t k = divisions[i].len;
      if (e - pos <= k || s[e - 1] != divisions[i].suffix[k - 1] || memcmp(s + e - k, divisions[i].suffix, k) != 0)
        continue;
      *end_out = e;
      *level_out = divisions[i].level;
      return 1;
    }
  }
  return 0;
}

/* The kind said by what follows the divisions of a name. */
static int kind_of(const char *rest, size_t n) {
  for (size_t i = 0; i < sizeof government_names / sizeof *government_names; i++)
    if (n == strlen(government_names[i]) && memcmp(rest, government_names[i], n) == 0)
      return GK_AGENCY_KIND_GOVERNMENT;
  return GK_AGENCY_KIND_DEPARTMENT;
}

GK_API int gk_agency_infer(int *level_out, int *kind_out, const char *name, size_t len) {
  if (level_out) *level_out = GK_LEVEL_UNKNOWN;
  if (kind_out) *kind_out = GK_AGENCY_KIND_UNKNOWN;
  if (!level_out || !kind_out || !name) return GK_EINVAL;
  if (len == (size_t)-1) len = strlen(name);
  if (!gk__utf8_valid(name, len, NULL)) return GK_EENCODING;
  while (len && (name[len - 1] == ' ' || name[len - 1] == '\t')) len--;
  while (len && (*name == ' ' || *name == '\t')) name++, len--;
  int level = GK_LEVEL_UNKNOWN, rank = GK_LEVEL_UNKNOWN;
  size_t pos = 0, end;
  int lv;
  /* divisions go strictly down: 江苏省 > 淮安市 > 洪泽区 > 某镇; a 直辖市 is a
   * province whose next division is a district (上海市 + 城市管理局 is no city) */
  while (next_division(name, len, pos, &end, &lv)) {
    if (rank != GK_LEVEL_UNKNOWN && lv <= rank) break;
    level = rank = lv;
    for (size_t i = 0; pos == 0 && i < sizeof municipalities / sizeof *municipalities; i++)
      if (end == strlen(municipalities[i]) && memcmp(name, municipalities[i], end) == 0)
        level = GK_LEVEL_PROVINCE;
    pos = end;
  }
  if (level == GK_LEVEL_UNKNOWN) return GK_ENOTFOUND;
  *level_out = level;
  *kind_out = kind_of(name + pos, len - pos);
  return GK_OK;
}

/* ---- the gazetteer's reading of a name ------------------------------------ */

#define MAX_PLACES 16       /* candidates kept for one name (鼓楼区: 4) */
#define MAX_NAME_CHARS 16   /* a listed division name is at most this long */
#define MAX_CONTEXT (1u << 20) /* bytes of a report's text searched to settle a place */

typedef struct {
  const gk__division *at[MAX_PLACES];
  size_t n, end; /* candidates of the deepest division read, byte offset after it */
} places;

/* 1 when the name at position `at` of the names in order starts with s[0..n):
 * when the first name not below s[0..n) does not, none does. */
static int name_starts(size_t at, const char *s, size_t n) {
  return at < gk__ndivisions && strncmp(gk__divisions[gk__divisions_by_name[at]].name, s, n) == 0;
}

/* Divisions named s[pos..e) for the longest e that lies below one of `above`
 * (any division when above->n is 0); 0 when none. */
static int longest_below(places *out, const places *above, const char *s, size_t n, size_t pos) {
  size_t e = pos;
  out->n = 0;
  for (int chars = 0; e < n && chars < MAX_NAME_CHARS; chars++) {
    e += utf8_len((unsigned char)s[e]);
    if (e > n) break;
    size_t first, k = gk__divisions_named(&first, s + pos, e - pos);
    if (!k && !name_starts(first, s + pos, e - pos)) break; /* no longer name either */
    places p = {.n = 0, .end = e};
    for (size_t i = 0; i < k && p.n < MAX_PLACES; i++) {
      const gk__division *d = &gk__divisions[gk__divisions_by_name[first + i]];
      int ok = above->n == 0;
      for (size_t j = 0; !ok && j < above->n; j++)
        ok = d != above->at[j] && gk__division_within(d, above->at[j]);
      if (ok) p.at[p.n++] = d;
    }
    if (p.n) *out = p;
  }
  return out->n > 0;
}

/* Read the listed divisions that prefix name, descending. */
static void read_divisions(places *out, const char *name, size_t len) {
  places cur = {.n = 0, .end = 0}, next;
  while (longest_below(&next, &cur, name, len, cur.end)) cur = next;
  *out = cur;
}

/* Settle several places by the report's text: keep the places whose city (or
 * province) the text names, when it names any. */
static void settle(places *p, const char *text, size_t n) {
  if (p->n < 2 || !text) return;
  if (n > MAX_CONTEXT) n = MAX_CONTEXT;
  size_t hits = 0;
  for (size_t i = 0; i < p->n; i++) {
    const gk__division *up = gk__division_by_code(p->at[i]->parent);
    int found = 0;
    for (int depth = 0; up && !found && depth < 2; depth++) {
      found = gk__memfind(text, n, up->name, strlen(up->name)) != NULL;
      up = up->parent ? gk__division_by_code(up->parent) : NULL;
    }
    if (found) p->at[hits++] = p->at[i]; /* keeps the order: hits <= i */
  }
  if (hits) p->n = hits;
}

static int is_government_rest(const char *rest, size_t n) {
  return kind_of(rest, n) == GK_AGENCY_KIND_GOVERNMENT ||
         (n >= 12 && memcmp(rest, "人民政府", 12) == 0);
}

/* Unlisted divisions below the listed ones (西乌旗, 东岗镇): county-level ones
 * always, a township only when a government's name follows it (住房和城乡建设局
 * is no township). Appends them to the region; returns the level reached. */
typedef struct {
  char s[384];
  size_t n; /* bytes held; a name that does not fit is left out, and so is all after it */
  int cut;
} region_buf;

static void region_put(region_buf *b, const char *s, size_t n) {
  if (b->cut || b->n + n >= sizeof b->s) {
    b->cut = 1;
    return;
  }
  memcpy(b->s + b->n, s, n);
  b->n += n;
  b->s[b->n] = '\0';
}

static int lower_divisions(region_buf *region, const char *name, size_t len, size_t *pos, int level) {
  size_t end;
  int lv;
  while (next_division(name, len, *pos, &end, &lv) && lv > level) {
    if (lv == GK_LEVEL_TOWNSHIP && !is_government_rest(name + end, len - end)) break;
    if (region) region_put(region, name + *pos, end - *pos);
    level = lv;
    *pos = end;
  }
  return level;
}

static void copy_out(char *dst, size_t cap, const char *src, size_t n) {
  if (!dst || !cap) return;
  if (n >= cap) { /* cut at a character boundary */
    n = cap - 1;
    while (n && ((unsigned char)src[n] & 0xC0) == 0x80) n--;
  }
  memcpy(dst, src, n);
  dst[n] = '\0';
}

GK_API int gk_agency_resolve(int *level_out, int *kind_out, uint32_t *code_out,
                             size_t *places_out, char *region_out, size_t region_cap,
                             const char *name, size_t len, const char *text, size_t text_len) {
  text_len = gk__nul_len(text, text_len);
  if (level_out) *level_out = GK_LEVEL_UNKNOWN;
  if (kind_out) *kind_out = GK_AGENCY_KIND_UNKNOWN;
  if (code_out) *code_out = 0;
  if (places_out) *places_out = 0;
  if (region_out && region_cap) region_out[0] = '\0';
  if (!level_out || !kind_out || !code_out || !places_out || !name || (!region_out && region_cap))
    return GK_EINVAL;
  if (len == (size_t)-1) len = strlen(name);
  if (!gk__utf8_valid(name, len, NULL)) return GK_EENCODING;
  while (len && (name[len - 1] == ' ' || name[len - 1] == '\t')) len--;
  while (len && (*name == ' ' || *name == '\t')) name++, len--;
  places p;
  read_divisions(&p, name, len);
  if (p.n == 0) return gk_agency_infer(level_out, kind_out, name, len);
  settle(&p, text, text ? text_len : 0);
  region_buf region = {.n = 0, .cut = 0};
  region.s[0] = '\0';
  size_t pos = p.end;
  if (p.n == 1) {
    size_t k = gk__division_path(region.s, sizeof region.s, p.at[0]);
    if (k >= sizeof region.s) region.cut = 1;
    region.n = strlen(region.s);
  }
  int level = lower_divisions(p.n == 1 ? &region : NULL, name, len, &pos, p.at[0]->level);
  *level_out = level;
  *kind_out = kind_of(name + pos, len - pos);
  *places_out = p.n;
  if (p.n == 1) {
    *code_out = p.at[0]->code;
    copy_out(region_out, region_cap, region.s, region.n);
  }
  return GK_OK;
}

GK_API const char *gk_gazetteer_source(void) { return gk__gazetteer_source; }

GK_API int gk_region_code(uint32_t *code_out, size_t *places_out, const char *name, size_t len) {
  if (code_out) *code_out = 0;
  if (places_out) *places_out = 0;
  if (!code_out || !name) return GK_EINVAL;
  if (len == (size_t)-1) len = strlen(name);
  places p;
  read_divisions(&p, name, len);
  if (places_out) *places_out = p.n;
  if (p.n != 1 || p.end != len) {
    if (places_out && p.end != len) *places_out = 0;
    return GK_ENOTFOUND;
  }
  *code_out = p.at[0]->code;
  return GK_OK;
}

GK_API int gk_region_name(char *buf, size_t cap, uint32_t code) {
  if (buf && cap) buf[0] = '\0';
  const gk__division *d = gk__division_by_code(code);
  if (!d) return GK_ENOTFOUND;
  size_t n = gk__division_path(buf, cap, d);
  return n > (size_t)INT32_MAX ? GK_EOVERFLOW : (int)n;
}

/* ---- the agency's name from the report's own text ------------------------ */

#define OPENING_BYTES 4096u /* the opening paragraph lies within this much text */
#define MAX_FOUND_CHARS 30  /* a name found in the text is at most this long */

/* Verbs that may follow the name before 编制 (由信访局结合有关统计数据编制). */
static const char *const name_stops[] = {"结合", "会同", "根据", "依据", "负责", "牵头", "组织"};
/* What a name never holds (punctuation, a link). */
static const char *const not_in_name[] = {"，", ",", "。", "、", "；", "《", "》", "（", "(", "：",
                                          ":", " ", "/", "“", "”"};

/* A plausible agency name: short, no punctuation, led by a division the
 * gazetteer or the suffixes know (信访局 alone says nothing: not taken). */
int gk__agency_plausible(const char *s, size_t n) {
  if (n < 6 || !gk__utf8_valid(s, n, NULL)) return 0;
  size_t chars = 0;
  for (size_t i = 0; i < n; i++) chars += ((unsigned char)s[i] & 0xC0) != 0x80;
  if (chars > MAX_FOUND_CHARS) return 0;
  for (size_t i = 0; i < sizeof not_in_name / sizeof *not_in_name; i++)
    if (gk__memfind(s, n, not_in_name[i], strlen(not_in_name[i]))) return 0;
  int level, kind;
  return gk_agency_infer(&level, &kind, s, n) == GK_OK;
}

/* A government's office compiles the government's report: 两城镇人民政府党政办公室
 * -> 两城镇人民政府. */
static size_t government_of_office(const char *s, size_t n) {
  const char *g = gk__memfind(s, n, "人民政府", strlen("人民政府"));
  size_t k = strlen("办公室");
  if (!g || n < k || memcmp(s + n - k, "办公室", k) != 0) return n;
  size_t e = (size_t)(g - s) + strlen("人民政府");
  return e < n ? e : n;
}

size_t gk__agency_name_in_text(const char **name_out, size_t *line_out, const char *text, size_t n) {
  *name_out = NULL;
  *line_out = 0;
  if (!text) return 0;
  if (n > OPENING_BYTES) n = OPENING_BYTES;
  const size_t by = strlen("由"), mk = strlen("编制");
  for (size_t at = 0; at + mk <= n;) {
    const char *m = gk__memfind(text + at, n - at, "编制", mk);
    if (!m) break;
    size_t e = (size_t)(m - text), b = e;
    at = e + mk;
    while (b >= by && e - b < 3 * (MAX_FOUND_CHARS + 8) && text[b - 1] != '\n' &&
           memcmp(text + b - by, "由", by) != 0)
      b--;
    if (b < by || memcmp(text + b - by, "由", by) != 0) continue;
    for (size_t i = 0; i < sizeof name_stops / sizeof *name_stops; i++) {
      const char *st = gk__memfind(text + b, e - b, name_stops[i], strlen(name_stops[i]));
      if (st) e = (size_t)(st - text);
    }
    size_t len = government_of_office(text + b, e - b);
    if (!gk__agency_plausible(text + b, len)) continue;
    size_t line = 1;
    for (size_t i = 0; i < b; i++) line += text[i] == '\n';
    *name_out = text + b;
    *line_out = line;
    return len;
  }
  return 0;
}

int gk__agency_found(gk_report *r, const char *name, size_t n, const char *where_zh,
                     const char *where_en, uint32_t line, gk_diags *diags) {
  int rc = gk_report_set_agency(r, GK_AGENCY_NAME, name, n);
  if (rc || !diags) return rc;
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, "机关名称“%.*s”取自%s", (int)n, name, where_zh);
  gk__buf_printf(&en, "the agency name “%.*s” was taken from %s", (int)n, name, where_en);
  rc = zh.err ? zh.err : en.err;
  if (!rc)
    rc = gk_diags_add(NULL, diags, GK_SEV_INFO, "import.agency", zh.data, en.data,
                      gk_report_source(r), line, 0);
  gk__buf_free(&zh), gk__buf_free(&en);
  return rc;
}

/* The note of a name whose place is found in several regions: the candidates. */
static int ambiguity_note(const gk_report *r, const char *name, const char *text, size_t n,
                          gk_diags *diags) {
  places p;
  read_divisions(&p, name, strlen(name));
  settle(&p, text, text ? n : 0);
  if (p.n < 2) return GK_OK;
  gk__buf zh, en;
  gk__buf_init(&zh), gk__buf_init(&en);
  gk__buf_printf(&zh, "机关名称“%s”中的地名有%zu处：", name, p.n);
  gk__buf_printf(&en, "the place in the agency name “%s” is found in %zu places: ", name, p.n);
  for (size_t i = 0; i < p.n; i++) {
    char path[256];
    gk__division_path(path, sizeof path, p.at[i]);
    gk__buf_printf(&zh, "%s%s", i ? "、" : "", path);
    gk__buf_printf(&en, "%s%s (%u)", i ? ", " : "", path, (unsigned)p.at[i]->code);
  }
  gk__buf_puts(&zh, "；所属地区未定，可用--region指定");
  gk__buf_puts(&en, "; the region is left unknown (give it with --region)");
  int rc = zh.err ? zh.err : en.err;
  if (!rc)
    rc = gk_diags_add(NULL, diags, GK_SEV_INFO, "import.region", zh.data, en.data,
                      gk_report_source(r), 0, 0);
  gk__buf_free(&zh), gk__buf_free(&en);
  return rc;
}

/* ---- completing a report's metadata ------------------------------------- */

int gk__agency_complete(gk_report *r, const char *text, size_t n, gk_diags *diags) {
  if (!r) return GK_EINVAL;
  const char *name = gk_report_agency(r, GK_AGENCY_NAME);
  if ((!name || !name[0]) && text) { /* "本报告由XX县人民政府办公室编制" */
    const char *found;
    size_t line, len = gk__agency_name_in_text(&found, &line, text, n);
    int rc = len ? gk__agency_found(r, found, len, "开头段落", "the opening paragraph",
                                    line > UINT32_MAX ? UINT32_MAX : (uint32_t)line, diags)
                 : GK_OK;
    if (rc) return rc;
    name = gk_report_agency(r, GK_AGENCY_NAME);
  }
  if (!name || !name[0]) return GK_OK;
  int level, kind;
  uint32_t code;
  size_t nplaces;
  char region[512];
  int rc = gk_agency_resolve(&level, &kind, &code, &nplaces, region, sizeof region, name,
                             (size_t)-1, text, text ? n : 0);
  if (rc == GK_ENOTFOUND) return GK_OK;
  if (rc) return rc;
  if (nplaces > 1 && diags &&
      (!gk_report_agency(r, GK_AGENCY_REGION) || !gk_report_agency(r, GK_AGENCY_REGION)[0])) {
    rc = ambiguity_note(r, name, text, n, diags);
    if (rc) return rc;
  }
  if (gk_report_agency_level(r) == GK_LEVEL_UNKNOWN) gk_report_set_agency_level(r, level);
  if (gk_report_agency_kind(r) == GK_AGENCY_KIND_UNKNOWN) gk_report_set_agency_kind(r, kind);
  if (region[0] &&
      (!gk_report_agency(r, GK_AGENCY_REGION) || !gk_report_agency(r, GK_AGENCY_REGION)[0]))
    rc = gk_report_set_agency(r, GK_AGENCY_REGION, region, strlen(region));
  return rc;
}
