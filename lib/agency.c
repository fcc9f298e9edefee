/* Agency metadata from an agency's name: the administrative divisions that
 * prefix it (江苏省 / 淮安市 / 洪泽区 / 某镇) give its level, and what follows them
 * its kind (nothing or 人民政府: a government; 司法局, 人民政府办公厅: a
 * department). Deterministic and declared as data; used by importers for
 * documents that carry no metadata, and silent (GK_ENOTFOUND) when the name
 * does not say. */
#include <string.h>
#include "internal.h"

/* Division suffixes and the level of a division ending with them. Longer suffixes
 * first where one ends another (自治区 before 区). */
static const struct {
  const char *suffix;
  int level;
} divisions[] = {
  {"自治区", GK_LEVEL_PROVINCE}, {"省", GK_LEVEL_PROVINCE},
  {"自治州", GK_LEVEL_CITY},     {"地区", GK_LEVEL_CITY},     {"盟", GK_LEVEL_CITY},
  {"市", GK_LEVEL_CITY},
  {"自治县", GK_LEVEL_COUNTY},   {"自治旗", GK_LEVEL_COUNTY}, {"县", GK_LEVEL_COUNTY},
  {"区", GK_LEVEL_COUNTY},       {"旗", GK_LEVEL_COUNTY},
  {"街道", GK_LEVEL_TOWNSHIP},   {"镇", GK_LEVEL_TOWNSHIP},   {"乡", GK_LEVEL_TOWNSHIP},
  {"苏木", GK_LEVEL_TOWNSHIP},
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
      size_t k = strlen(divisions[i].suffix);
      if (e - pos <= k || memcmp(s + e - k, divisions[i].suffix, k) != 0) continue;
      *end_out = e;
      *level_out = divisions[i].level;
      return 1;
    }
  }
  return 0;
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
  int kind = GK_AGENCY_KIND_DEPARTMENT;
  for (size_t i = 0; i < sizeof government_names / sizeof *government_names; i++)
    if (len - pos == strlen(government_names[i]) &&
        memcmp(name + pos, government_names[i], len - pos) == 0)
      kind = GK_AGENCY_KIND_GOVERNMENT;
  *level_out = level;
  *kind_out = kind;
  return GK_OK;
}

int gk__agency_complete(gk_report *r, const char *text, size_t n) {
  /* Not yet: today the metadata is inferred where it is needed (active.rulemaking);
   * issue 15 fills it here from the gazetteer. */
  (void)r;
  (void)text;
  (void)n;
  return GK_OK;
}
