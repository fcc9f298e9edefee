/* SPDX-License-Identifier: MIT */
/* Hostile input (issue 7): deeply nested JSON, huge numbers, invalid UTF-8, NUL
 * bytes, a 100 MB line, millions of lines. Each gets a clear error with its
 * position (rule, line, column, JSON path) or is handled exactly, in bounded memory
 * and linear time. Inputs are generated in memory. Under valgrind (CI sets
 * GK_TEST_UNDER_VALGRIND) and the sanitizers the big inputs shrink to 10 MB /
 * 200,000 lines. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include "testutil.h"

#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define GK_HOSTILE_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer)
#define GK_HOSTILE_SANITIZED 1
#endif
#endif

#ifdef GK_HAVE_JSON
/* valgrind and the sanitizers run 20-50x slower: the big inputs shrink there */
static int under_valgrind(void) {
#ifdef GK_HOSTILE_SANITIZED
  return 1;
#else
  return getenv("GK_TEST_UNDER_VALGRIND") != NULL;
#endif
}

static long peak_rss_kib(void) {
  struct rusage ru;
  return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : 0;
}

/* Parses s[0..n) and checks the one finding: return code, rule, line, column, and
 * that the message names `where` (a JSON path or a fragment of the message). */
static void expect_error(const char *s, size_t n, int want_rc, const char *rule, uint32_t line,
                         uint32_t column, const char *where) {
  gk_diags *d = NULL;
  gk_report *r = (gk_report *)&d; /* not NULL: the call must reset it */
  char msg[512];
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_from_json(&r, s, n, "hostile.json", d), want_rc);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), rule);
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "hostile.json");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), line);
  CU_ASSERT_EQUAL(gk_diag_column(d, 0), column);
  CU_ASSERT_TRUE(gk_diag_format(msg, sizeof msg, d, 0, GK_LANG_EN) > 0);
  if (strstr(msg, where) == NULL) {
    fprintf(stderr, "\nmessage \"%s\" does not mention \"%s\"\n", msg, where);
    CU_FAIL("position missing from the message");
  }
  gk_diags_free(d);
}
static void expect_error_str(const char *s, const char *rule, uint32_t line, uint32_t column,
                             const char *where) {
  expect_error(s, strlen(s), GK_EPARSE, rule, line, column, where);
}

#define HEAD "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2022,\n"
static void test_hostile_deep_nesting(void) {
  size_t n = under_valgrind() ? 100000 : 1000000; /* no recursion may follow them */
  char *s = malloc(5 * n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  memset(s, '[', n);
  memset(s + n, ']', n);
  expect_error(s, 2 * n, GK_EPARSE, "json.syntax", 1, 65, "nested deeper than 64 levels");
  for (size_t i = 0; i < n; i++)
    memcpy(s + 5 * i, "{\"a\":", 5);
  expect_error(s, 5 * n, GK_EPARSE, "json.syntax", 1, 321, "at $.a.a.a.a");
  free(s);
}

static void test_hostile_huge_numbers(void) {
  expect_error_str(HEAD "\"tables\":{\"requests\":{\"new\":{\"total\":99999999999999999999999}}}}",
                   "json.value", 2, 38, "does not fit in a 64-bit integer at $.tables.requests.new.total");
  expect_error_str(HEAD "\"tables\":{\"requests\":{\"new\":{\"total\":9223372036854775808}}}}",
                   "json.value", 2, 38, "$.tables.requests.new.total");
  expect_error_str(HEAD "\"tables\":{\"requests\":{\"new\":{\"total\":1e30}}}}",
                   "json.value", 2, 38, "whole number");
  expect_error_str(HEAD "\"tables\":{\"active\":{\"fees\":{\"amount\":\"99999999999999999999.5\"}}}}",
                   "json.value", 2, 38, "out of range at $.tables.active.fees.amount");
  /* the largest int64 is a value, kept exactly */
  static const char max[] = HEAD "\"tables\":{\"requests\":{\"new\":{\"total\":9223372036854775807}}}}";
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&r, max, sizeof max - 1, NULL, NULL), GK_OK);
  GK_ASSERT_CELL(r, "requests/new/total", "9223372036854775807");
  gk_report_free(r);
}

static void test_hostile_invalid_utf8(void) {
  expect_error_str(HEAD "\"agency\":{\"name\":\"\xff\xfe\"}}", "json.syntax", 2, 19,
                   "invalid UTF-8 byte sequence at $.agency.name");
  expect_error_str(HEAD "\"agency\":{\"name\":\"\xe6\x94\"}}", "json.syntax", 2, 19, "invalid UTF-8");
  expect_error_str(HEAD "\"agency\":{\"name\":\"\xc0\xaf\"}}", "json.syntax", 2, 19, "invalid UTF-8");
  expect_error_str(HEAD "\"agency\":{\"name\":\"\\ud800\"}}", "json.syntax", 2, 19,
                   "unpaired surrogate");
}

static void test_hostile_nul_bytes(void) {
  static const char inside[] = "{\"gkreport\":1,\"edition\":\"2021\",\n\"year\":2022\0}";
  static const char after[] = HEAD "\"tables\":{}}\n\0";
  expect_error(inside, sizeof inside - 1, GK_EPARSE, "json.syntax", 2, 12, "expected ',' or '}'");
  expect_error(after, sizeof after - 1, GK_EPARSE, "json.syntax", 3, 1, "after the document");
  expect_error_str(HEAD "\"agency\":{\"name\":\"a\\u0000b\"}}", "json.value", 2, 20,
                   "\\u0000 is not allowed in a string at $.agency.name");
}

static void test_hostile_100mb_line(void) {
  size_t big = (under_valgrind() ? 10u : 100u) << 20;
  static const char head[] = "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2022,\"sections\":{\"overview\":\"";
  char *s = malloc(big + sizeof head + 8);
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  size_t n = sizeof head - 1;
  memcpy(s, head, n);
  for (size_t i = 0; i + 3 <= big; i += 3, n += 3)
    memcpy(s + n, "政", 3); /* valid UTF-8 all the way: it has to be checked, not skipped */
  memcpy(s + n, "\"}}", 3);
  n += 3;
  long before = peak_rss_kib();
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&r, s, n, NULL, NULL), GK_OK);
  CU_ASSERT_EQUAL(strlen(gk_report_section(r, GK_SECTION_OVERVIEW)), big / 3 * 3);
  gk_report_free(r);
#ifndef GK_HOSTILE_SANITIZED
  /* bounded: the document kept once more (plus a copy while building), not 10x */
  long grown_mib = (peak_rss_kib() - before) / 1024;
  CU_ASSERT_TRUE(grown_mib <= (long)(3 * (big >> 20)));
#else
  (void)before;
#endif
  /* the same line never closed, and a line of blanks with junk at its very end */
  expect_error(s, n - 3, GK_EPARSE, "json.syntax", 1, (uint32_t)(sizeof head - 1),
               "at $.sections.overview");
  memset(s, ' ', big);
  s[big - 1] = 'x';
  expect_error(s, big, GK_EPARSE, "json.syntax", 1, (uint32_t)big, "expected a value");
  free(s);
}

static void test_hostile_millions_of_lines(void) {
  size_t lines = under_valgrind() ? 200000 : 2000000;
  char *s = malloc(lines + 64);
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  size_t n = (size_t)sprintf(s, "{\"gkreport\":1,");
  memset(s + n, '\n', lines);
  n += lines;
  n += (size_t)sprintf(s + n, "  \"edition\":2021}");
  expect_error(s, n, GK_EPARSE, "json.type", (uint32_t)lines + 1, 13, "at $.edition");
  free(s);
}
#endif

/* the report API refuses what cannot be text or a value, and keeps the cell */
static void test_hostile_report_api(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/total", "12", 2), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "\xff\xfe", 2), GK_EENCODING);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "a\0b", 3), GK_EENCODING);
  CU_ASSERT_PTR_NULL(gk_report_agency(r, GK_AGENCY_NAME));
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, "ok\xe6\x94", 4), GK_EENCODING);
  CU_ASSERT_PTR_NULL(gk_report_section(r, GK_SECTION_OVERVIEW));
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_REQUESTS, 0, 6, "\xff", 1), GK_EENCODING);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/total", "99999999999999999999", 20), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "active/fees/amount", "9999999999999999", 16), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_REQUESTS, 0, 6, -1), GK_ERANGE);
  GK_ASSERT_CELL(r, "requests/new/total", "12");
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/total", "9223372036854775807", 19), GK_OK);
  GK_ASSERT_CELL(r, "requests/new/total", "9223372036854775807");
  gk_report_free(r);
}

#ifdef GK_HAVE_AGGREGATE
/* consolidation never wraps: INT64_MAX + 1 is GK_EOVERFLOW and the sum is unchanged */
static void test_hostile_aggregate_overflow(void) {
  gk_report *r = NULL, *sum = NULL;
  gk_aggregate *a = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/natural", "9223372036854775807", 19), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(a, r, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(a, r, NULL), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), 1);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&sum, a, "sum"), GK_OK);
  GK_ASSERT_CELL(sum, "requests/new/natural", "9223372036854775807");
  gk_report_free(sum);
  gk_aggregate_free(a);
  gk_report_free(r);
}
#endif

#if defined(GK_HAVE_JSONL) && defined(GK_HAVE_JSON)
/* a million-line JSON Lines stream, fed in odd-sized chunks: bad lines are reported
 * with their numbers and skipped, the others summed, memory stays flat */
static void test_hostile_jsonl_million_lines(void) {
  size_t nlines = under_valgrind() ? 20000 : 1000000;
  static const char good[] = "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2023,"
                             "\"tables\":{\"requests\":{\"new\":{\"natural\":1}}}}\n";
  static const char bad[] = "{\"gkreport\":1,\"edition\":\"2021\",\"year\":\n";
  gk_aggregate *a = NULL;
  gk_diags *d = NULL;
  gk_report *sum = NULL;
  char chunk[65536 + 3];
  size_t used = 0, nbad = 0;
  char num[32];
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&a, GK_AGGREGATE_NO_CONTRIBUTORS), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  long before = peak_rss_kib();
  for (size_t i = 1; i <= nlines; i++) {
    int is_bad = i % 100000 == 7;
    const char *line = is_bad ? bad : good;
    size_t len = is_bad ? sizeof bad - 1 : sizeof good - 1;
    nbad += (size_t)is_bad;
    if (used + len > sizeof chunk) {
      CU_ASSERT_EQUAL_FATAL(gk_aggregate_add_jsonl(a, chunk, used, d), GK_OK);
      used = 0;
    }
    memcpy(chunk + used, line, len);
    used += len;
  }
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(a, chunk, used, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl_end(a, d), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(a), nlines - nbad);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), nbad);
  for (size_t k = 0; k < nbad; k++) {
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, k), "jsonl.line");
    CU_ASSERT_EQUAL(gk_diag_line(d, k), 100000 * k + 7);
  }
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_result(&sum, a, "stream"), GK_OK);
  snprintf(num, sizeof num, "%zu", nlines - nbad);
  GK_ASSERT_CELL(sum, "requests/new/natural", num);
#ifndef GK_HOSTILE_SANITIZED
  CU_ASSERT_TRUE(peak_rss_kib() - before < 64 * 1024); /* flat: well under 64 MiB grown */
#else
  (void)before;
#endif
  gk_report_free(sum);
  gk_diags_free(d);
  gk_aggregate_free(a);
}
#endif

#ifdef GK_HAVE_JSON
/* Writers and readers agree on the whole int64 / amount range: the extremes of
 * every kind go through JSON and the text layout and come back equal. */
static void test_hostile_int64_round_trip(void) {
  static const struct {
    int edition;
    const char *path, *text;
  } ext[] = {
    {2021, "active/fees/amount", "-9223372036854.775808"},
    {2021, "active/fees/amount", "9223372036854.775807"},
    {2021, "requests/new/natural", "9223372036854775807"},
    {2019, "active/licensing/delta", "-9223372036854775808"},
    {2019, "active/licensing/delta", "9223372036854775807"},
    {2019, "active/procurement/amount", "-9223372036854.775808"},
  };
  for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
    gk_report *r = NULL, *back = NULL;
    char *json = NULL, *text = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, ext[i].edition, ext[i].edition), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_set_text(r, ext[i].path, ext[i].text, strlen(ext[i].text)), GK_OK);
    GK_ASSERT_CELL(r, ext[i].path, ext[i].text);
    CU_ASSERT_EQUAL_FATAL(gk_report_to_json(&json, &n, r, 0), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&back, json, n, NULL, NULL), GK_OK);
    CU_ASSERT_TRUE(gk_report_equal(r, back, 0));
    GK_ASSERT_CELL(back, ext[i].path, ext[i].text);
    gk_report_free(back);
    back = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_report_set_title(r, "某县2023年政府信息公开工作年度报告",
                                              strlen("某县2023年政府信息公开工作年度报告")),
                          GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&text, &n, r), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&back, text, n, NULL, NULL), GK_OK);
    GK_ASSERT_CELL(back, ext[i].path, ext[i].text);
    gk_report_free(back);
    gk_free(json);
    gk_free(text);
    gk_report_free(r);
  }
}
#endif

/* Values too large for the sums of their lines: validation runs (GK_OK) and says
 * so with a located cell.value on the largest cell, once, instead of giving up. */
static void test_hostile_validate_overflow(void) {
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/natural", "9223372036854775807", 19), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/commercial", "1", 1), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
  size_t hits = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    if (strcmp(gk_diag_rule(d, i), "cell.value") != 0) continue;
    hits++;
    CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 0), "requests/new/natural");
    CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, i), "9223372036854775807");
    CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_ERROR);
  }
  CU_ASSERT_EQUAL(hits, 1);
  /* a large value whose sums fit is no finding of cell.value */
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/natural", "4611686018427387903", 19), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
  for (size_t i = 0; i < gk_diags_count(d); i++)
    CU_ASSERT_STRING_NOT_EQUAL(gk_diag_rule(d, i), "cell.value");
  gk_diags_free(d);
  gk_report_free(r);
}

/* cell.value fires on a negative amount (a fee cannot be below zero), stays quiet
 * on zero and on a negative delta (a signed column). */
static void test_hostile_negative_amount(void) {
  static const struct {
    int edition;
    const char *path, *text;
    size_t want;
  } cases[] = {
    {2021, "active/fees/amount", "-1", 1},       {2021, "active/fees/amount", "-0.01", 1},
    {2021, "active/fees/amount", "0", 0},        {2021, "active/fees/amount", "59237.2449", 0},
    {2019, "active/procurement/amount", "-5", 1}, {2019, "active/licensing/delta", "-8", 0},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    gk_report *r = NULL;
    gk_diags *d = NULL;
    int year = cases[k].edition == 2019 ? 2019 : 2023;
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, cases[k].edition, year), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_set_text(r, cases[k].path, cases[k].text, strlen(cases[k].text)),
                          GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, d), GK_OK);
    size_t hits = 0;
    for (size_t i = 0; i < gk_diags_count(d); i++) {
      if (strcmp(gk_diag_rule(d, i), "cell.value") != 0) continue;
      hits++;
      CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, i, 0), cases[k].path);
      CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, i), "an amount >= 0");
    }
    CU_ASSERT_EQUAL(hits, cases[k].want);
    gk_diags_free(d);
    gk_report_free(r);
  }
}

/* One input cap for every reader: a document larger than the cap is refused
 * before a byte of it is read, with one import.too_large item. */
static void test_hostile_input_cap(void) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_input_check(5, 5, "a.txt", d), GK_OK);
  CU_ASSERT_EQUAL(gk_input_check(GK_DEFAULT_MAX_INPUT, 0, "a.txt", d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  CU_ASSERT_EQUAL(gk_input_check(6, 5, "a.txt", d), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_input_check(6, 5, "a.txt", NULL), GK_EPARSE);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "import.too_large");
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "a.txt");
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 0), "<= 5");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "6");
  /* every reader: 256 MiB + 1 (allocated, never touched: refused before reading) */
  size_t n = GK_DEFAULT_MAX_INPUT + 1;
  char *big = malloc(n);
  CU_ASSERT_PTR_NOT_NULL_FATAL(big);
  memcpy(big, "{\"gkreport\":1}", 14);
  gk_report *r = (gk_report *)&d;
  gk_diags_clear(d);
#ifdef GK_HAVE_JSON
  CU_ASSERT_EQUAL(gk_report_from_json(&r, big, n, "big.json", d), GK_EPARSE);
  CU_ASSERT_PTR_NULL(r);
#endif
  r = (gk_report *)&d;
  CU_ASSERT_EQUAL(gk_report_from_text(&r, big, n, "big.json", d), GK_EPARSE);
  CU_ASSERT_PTR_NULL(r);
  r = (gk_report *)&d;
  CU_ASSERT_EQUAL(gk_report_load(&r, big, n, "big.json", d), GK_EPARSE);
  CU_ASSERT_PTR_NULL(r);
  for (size_t i = 0; i < gk_diags_count(d); i++)
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, i), "import.too_large");
  free(big);
  gk_diags_free(d);
}

/* Rule selection, minimum severity and waivers reach findings of every origin:
 * import, consolidation, report. */
static void test_hostile_apply_opts(void) {
  gk_diags *d = NULL;
  gk_validate_opts *o = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_validate_opts_new(&o), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_ERROR, "x.kept", NULL, NULL, NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_INFO, "import.converted", NULL, NULL, NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_ERROR, "aggregate.overflow", NULL, NULL, NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_WARNING, "import.truncated", NULL, NULL, NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_INFO, "import.converted", NULL, NULL, NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_disable(o, "import.converted"), GK_OK);
  CU_ASSERT_EQUAL(gk_validate_opts_add_waiver(o, "aggregate.*", NULL, "merged in 2023"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_apply_opts(d, 1, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_apply_opts(NULL, 0, o), GK_EINVAL);
  CU_ASSERT_EQUAL_FATAL(gk_diags_apply_opts(d, 1, o), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 3);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "x.kept"); /* before `from`: untouched */
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "aggregate.overflow");
  CU_ASSERT_TRUE(gk_diag_waived(d, 1));
  CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(d, 1), "merged in 2023");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 2), "import.truncated");
  CU_ASSERT_FALSE(gk_diag_waived(d, 2));
  CU_ASSERT_EQUAL(gk_validate_opts_set_min_severity(o, GK_SEV_ERROR), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_apply_opts(d, 0, o), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "aggregate.overflow");
  gk_validate_opts_free(o);
  gk_diags_free(d);
}

/* Read md back and check title, agency name and year came back exactly. */
static void md_back(const char *md, size_t n, const gk_report *r) {
  gk_report *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, md, n, NULL, NULL), GK_OK);
  const char *ta = gk_report_title(r), *tb = gk_report_title(b);
  CU_ASSERT_TRUE(ta && tb ? strcmp(ta, tb) == 0 : ta == tb);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(b, GK_AGENCY_NAME), gk_report_agency(r, GK_AGENCY_NAME));
  CU_ASSERT_EQUAL(gk_report_year(b), gk_report_year(r));
  gk_report_free(b);
}

/* a line break in the agency's name or the title does not break the Markdown
 * heading, and comes back exactly (escaped in the metadata block) */
static void test_hostile_markdown_heading(void) {
  static const char *const names[] = {"某县\n人民政府", "某县\r\n# 注入", "某县\r人民政府"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    gk_report *r = NULL;
    char *md = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, 2021, 2023), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_set_agency(r, GK_AGENCY_NAME, names[i], strlen(names[i])), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &n, r), GK_OK);
    CU_ASSERT_PTR_NULL(memchr(md, '\r', n)); /* escaped: no raw line break but the layout's */
    CU_ASSERT_PTR_NULL(strstr(md, "\n# "));
    md_back(md, n, r);
    gk_free(md);
    gk_report_set_title(r, names[i], strlen(names[i]));
    CU_ASSERT_EQUAL_FATAL(gk_report_to_markdown(&md, &n, r), GK_OK);
    const char *eol = strchr(md, '\n');
    CU_ASSERT_EQUAL(strncmp(md, "# 「某县\\", strlen("# 「某县\\")), 0); /* the heading, escaped, whole */
    CU_ASSERT_EQUAL(strncmp(eol, "\n\n", 2), 0);
    CU_ASSERT_PTR_NULL(memchr(md, '\r', n));
    md_back(md, n, r);
    gk_free(md);
    gk_report_free(r);
  }
}

int main(void) {
  CU_TestInfo tests[] = {
#ifdef GK_HAVE_JSON
    {"test_hostile_deep_nesting", test_hostile_deep_nesting},
    {"test_hostile_huge_numbers", test_hostile_huge_numbers},
    {"test_hostile_invalid_utf8", test_hostile_invalid_utf8},
    {"test_hostile_nul_bytes", test_hostile_nul_bytes},
    {"test_hostile_100mb_line", test_hostile_100mb_line},
    {"test_hostile_millions_of_lines", test_hostile_millions_of_lines},
    {"test_hostile_int64_round_trip", test_hostile_int64_round_trip},
#endif
    {"test_hostile_report_api", test_hostile_report_api},
    {"test_hostile_validate_overflow", test_hostile_validate_overflow},
    {"test_hostile_negative_amount", test_hostile_negative_amount},
    {"test_hostile_input_cap", test_hostile_input_cap},
    {"test_hostile_apply_opts", test_hostile_apply_opts},
    {"test_hostile_markdown_heading", test_hostile_markdown_heading},
#ifdef GK_HAVE_AGGREGATE
    {"test_hostile_aggregate_overflow", test_hostile_aggregate_overflow},
#endif
#if defined(GK_HAVE_JSONL) && defined(GK_HAVE_JSON)
    {"test_hostile_jsonl_million_lines", test_hostile_jsonl_million_lines},
#endif
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("hostile", tests);
}
