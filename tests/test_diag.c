/* SPDX-License-Identifier: MIT */
/* Diagnostics list and common helpers (result codes, version, buffers, UTF-8). */
#include <string.h>
#include "testutil.h"
#include "internal.h"

static void test_diag_add_and_read(void) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  size_t i = 99;
  CU_ASSERT_EQUAL(gk_diags_add(&i, d, GK_SEV_ERROR, "requests.balance", "一+二 ≠ 三(七)+四",
                               "new + carried_over != total + carried_forward", "r.txt", 118, 3), GK_OK);
  CU_ASSERT_EQUAL(i, 0);
  CU_ASSERT_EQUAL(gk_diags_add_cell(d, 0, "requests/new/natural"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add_cell(d, 0, "requests/total/natural"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_set_values(d, 0, "3496", "3493"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_set_suspect(d, 0, "requests/total/natural", "3372"), GK_OK);
  CU_ASSERT_EQUAL(gk_diag_severity(d, 0), GK_SEV_ERROR);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "requests.balance");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH), "一+二 ≠ 三(七)+四");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN), "new + carried_over != total + carried_forward");
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 0), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 1), "requests/total/natural");
  CU_ASSERT_PTR_NULL(gk_diag_cell(d, 0, 2));
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(d, 0), "3496");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "3493");
  CU_ASSERT_STRING_EQUAL(gk_diag_file(d, 0), "r.txt");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 118);
  CU_ASSERT_EQUAL(gk_diag_column(d, 0), 3);
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect(d, 0), "requests/total/natural");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(d, 0), "3372");
  CU_ASSERT_FALSE(gk_diag_waived(d, 0));
  CU_ASSERT_PTR_NULL(gk_diag_waiver_reason(d, 0));
  /* candidates of an ambiguous repair, and the note */
  CU_ASSERT_EQUAL(gk_diag_ncandidates(d, 0), 0);
  CU_ASSERT_PTR_NULL(gk_diag_note(d, 0, GK_LANG_ZH));
  CU_ASSERT_EQUAL(gk_diags_add_candidate(d, 0, "requests/total/natural", "3372"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add_candidate(d, 0, "requests/new/natural", "3499"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add_candidate(d, 0, NULL, "1"), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_add_candidate(d, 9, "x", "1"), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diag_ncandidates(d, 0), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_candidate(d, 0, 1), "requests/new/natural");
  CU_ASSERT_STRING_EQUAL(gk_diag_candidate_value(d, 0, 1), "3499");
  CU_ASSERT_PTR_NULL(gk_diag_candidate(d, 0, 2));
  CU_ASSERT_PTR_NULL(gk_diag_candidate_value(d, 9, 0));
  CU_ASSERT_EQUAL(gk_diags_set_note(d, 0, "二选一", NULL), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_diag_note(d, 0, GK_LANG_EN), "二选一"); /* falls back */
  CU_ASSERT_EQUAL(gk_diags_set_note(d, 0, "二选一", "either"), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_diag_note(d, 0, GK_LANG_EN), "either");
  CU_ASSERT_EQUAL(gk_diags_set_note(d, 9, "x", "x"), GK_EINVAL);
  CU_ASSERT_PTR_NULL(gk_diag_note(d, 9, GK_LANG_EN));
  gk_diags *copy = NULL;
  CU_ASSERT_EQUAL(gk_diags_new(&copy), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_append(copy, d), GK_OK);
  CU_ASSERT_EQUAL(gk_diag_ncandidates(copy, 0), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_note(copy, 0, GK_LANG_ZH), "二选一");
  gk_diags_free(copy);
  /* a message in one language only falls back to the other */
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_WARNING, "cell.blank", NULL, "blank total", NULL, 0, 0), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 1, GK_LANG_ZH), "blank total");
  CU_ASSERT_PTR_NULL(gk_diag_file(d, 1));
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_INFO, "active.misread_delta", "m", "m", NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 3);
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_INFO), 3);
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_WARNING), 2);
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_ERROR), 1);
  CU_ASSERT_EQUAL(gk_diags_waive(d, 0, "机构改革合并"), GK_OK);
  CU_ASSERT_TRUE(gk_diag_waived(d, 0));
  CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(d, 0), "机构改革合并");
  CU_ASSERT_EQUAL(gk_diags_count_severity(d, GK_SEV_ERROR), 0); /* waived items do not count */
  CU_ASSERT_EQUAL(gk_diags_count(d), 3);                         /* ... but stay visible */
  /* bad arguments */
  CU_ASSERT_EQUAL(gk_diags_add(&i, d, 7, "x", NULL, NULL, NULL, 0, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_add(&i, d, GK_SEV_INFO, NULL, NULL, NULL, NULL, 0, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_add(&i, NULL, GK_SEV_INFO, "x", NULL, NULL, NULL, 0, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_add_cell(d, 3, "x"), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_set_values(d, 3, "1", "2"), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_set_suspect(d, 3, "x", "1"), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diags_waive(d, 1, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_diag_severity(d, 3), -1);
  CU_ASSERT_PTR_NULL(gk_diag_rule(d, 3));
  CU_ASSERT_PTR_NULL(gk_diag_message(d, 3, GK_LANG_EN));
  CU_ASSERT_EQUAL(gk_diag_ncells(d, 3), 0);
  CU_ASSERT_PTR_NULL(gk_diag_expected(d, 3));
  CU_ASSERT_PTR_NULL(gk_diag_actual(d, 3));
  CU_ASSERT_EQUAL(gk_diag_line(d, 3), 0);
  CU_ASSERT_EQUAL(gk_diag_column(d, 3), 0);
  CU_ASSERT_PTR_NULL(gk_diag_suspect(d, 3));
  CU_ASSERT_PTR_NULL(gk_diag_suspect_value(d, 3));
  CU_ASSERT_EQUAL(gk_diag_waived(d, 3), 0);
  CU_ASSERT_EQUAL(gk_diags_count(NULL), 0);
  CU_ASSERT_EQUAL(gk_diags_count_severity(NULL, 0), 0);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  gk_diags_free(NULL);
  gk_diags_clear(NULL);
  CU_ASSERT_EQUAL(gk_diags_new(NULL), GK_EINVAL);
}

static void test_diag_append_and_format(void) {
  gk_diags *a = NULL, *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&a), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&b), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, b, GK_SEV_ERROR, "review.total", "复议总计不符", "review total", "h.txt", 40, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add_cell(b, 0, "review/reconsideration/total"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_set_values(b, 0, "11", "0"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_set_suspect(b, 0, "review/reconsideration/total", "11"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_waive(b, 0, "known"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_append(a, b), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_append(a, b), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(a), 2);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(a, 1, 0), "review/reconsideration/total");
  CU_ASSERT_STRING_EQUAL(gk_diag_expected(a, 1), "11");
  CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(a, 1), "11");
  CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(a, 1), "known");
  CU_ASSERT_EQUAL(gk_diags_append(a, a), GK_EINVAL);
  char buf[256];
  int n = gk_diag_format(buf, sizeof buf, a, 0, GK_LANG_EN);
  CU_ASSERT_STRING_EQUAL(buf, "h.txt:40: error review.total: review total [waived]");
  CU_ASSERT_EQUAL(n, (int)strlen(buf));
  CU_ASSERT_EQUAL(gk_diags_add(NULL, a, GK_SEV_WARNING, "json.syntax", "语法错误", NULL, NULL, 3, 14), GK_OK);
  gk_diag_format(buf, sizeof buf, a, 2, GK_LANG_ZH);
  CU_ASSERT_STRING_EQUAL(buf, "<report>:3:14: warning json.syntax: 语法错误");
  CU_ASSERT_EQUAL(gk_diag_format(buf, 8, a, 2, GK_LANG_ZH), (int)strlen("<report>:3:14: warning json.syntax: 语法错误"));
  CU_ASSERT_STRING_EQUAL(buf, "<report");
  CU_ASSERT_EQUAL(gk_diag_format(buf, sizeof buf, a, 9, GK_LANG_ZH), GK_EINVAL);
  /* append rolls back on allocation failure */
  gk__alloc_fail_after(3);
  CU_ASSERT_EQUAL(gk_diags_append(a, b), GK_ENOMEM);
  gk__alloc_fail_after(-1);
  CU_ASSERT_EQUAL(gk_diags_count(a), 3);
  gk_diags_free(a);
  gk_diags_free(b);
}

static void test_diag_severity_keys(void) {
  CU_ASSERT_STRING_EQUAL(gk_severity_key(GK_SEV_WARNING), "warning");
  CU_ASSERT_PTR_NULL(gk_severity_key(3));
  CU_ASSERT_EQUAL(gk_severity_find("error"), GK_SEV_ERROR);
  CU_ASSERT_EQUAL(gk_severity_find("fatal"), GK_ENOTFOUND);
  CU_ASSERT_EQUAL(gk_severity_find(NULL), GK_ENOTFOUND);
}

static void test_common_strerror_version(void) {
  CU_ASSERT_STRING_EQUAL(gk_strerror(GK_OK), "success");
  CU_ASSERT_STRING_EQUAL(gk_strerror(GK_ENOMEM), "out of memory");
  CU_ASSERT_STRING_EQUAL(gk_strerror(GK_EMISMATCH), "objects do not match (edition, year or agency)");
  CU_ASSERT_STRING_EQUAL(gk_strerror(-999), "unknown error");
  for (int rc = 0; rc >= GK_EMISMATCH; rc--) CU_ASSERT_STRING_NOT_EQUAL(gk_strerror(rc), "unknown error");
  CU_ASSERT_STRING_EQUAL(gk_version_string(), GK_VERSION_STRING);
  CU_ASSERT_EQUAL(gk_version_number(), GK_VERSION_MAJOR * 10000 + GK_VERSION_MINOR * 100 + GK_VERSION_PATCH);
  gk_free(NULL);
}

static void test_common_buf_utf8_arith(void) {
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_puts(&b, "ab");
  gk__buf_putc(&b, 'c');
  gk__buf_printf(&b, "%d-%s", 42, "x");
  char big[600];
  memset(big, 'y', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  gk__buf_printf(&b, "%s", big);
  char *out = NULL;
  size_t len = 0;
  CU_ASSERT_EQUAL(gk__buf_finish(&b, &out, &len), GK_OK);
  CU_ASSERT_EQUAL(len, 7 + 599);
  CU_ASSERT_EQUAL(strncmp(out, "abc42-xyy", 9), 0);
  gk_free(out);
  gk__buf_init(&b);
  gk__alloc_fail_after(0);
  gk__buf_puts(&b, "abc");
  gk__alloc_fail_after(-1);
  gk__buf_puts(&b, "def"); /* sticky error: ignored */
  CU_ASSERT_EQUAL(gk__buf_finish(&b, &out, &len), GK_ENOMEM);
  CU_ASSERT_PTR_NULL(out);
  CU_ASSERT_EQUAL(len, 0);
  gk__buf_init(&b);
  CU_ASSERT_EQUAL(gk__buf_finish(&b, &out, &len), GK_OK); /* empty buffer gives "" */
  CU_ASSERT_STRING_EQUAL(out, "");
  gk_free(out);

  size_t bad = 0;
  CU_ASSERT_TRUE(gk__utf8_valid("凤岗镇", strlen("凤岗镇"), &bad));
  CU_ASSERT_FALSE(gk__utf8_valid("ab\xc0\xaf", 4, &bad)); /* overlong */
  CU_ASSERT_EQUAL(bad, 2);
  CU_ASSERT_FALSE(gk__utf8_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
  CU_ASSERT_FALSE(gk__utf8_valid("x\xe5\x87", 3, &bad));     /* truncated */
  CU_ASSERT_EQUAL(bad, 1);
  CU_ASSERT_TRUE(gk__utf8_valid("\xf0\x9f\x98\x80", 4, NULL));
  CU_ASSERT_FALSE(gk__utf8_valid("\xf4\x90\x80\x80", 4, NULL)); /* > U+10FFFF */
  int64_t r;
  CU_ASSERT_EQUAL(gk__add64(&r, INT64_MAX, 1), GK_EOVERFLOW);
  CU_ASSERT_EQUAL(gk__add64(&r, 2, 3), GK_OK);
  CU_ASSERT_EQUAL(r, 5);
  CU_ASSERT_EQUAL(gk__mul64(&r, INT64_MAX, 2), GK_EOVERFLOW);
  char *s = gk__strdup("x");
  CU_ASSERT_STRING_EQUAL(s, "x");
  gk__free(s);
  CU_ASSERT_PTR_NULL(gk__strdup(NULL));
}

int main(void) {
  CU_TestInfo tests[] = {
    {"add_and_read", test_diag_add_and_read},
    {"append_and_format", test_diag_append_and_format},
    {"severity_keys", test_diag_severity_keys},
    {"common_strerror_version", test_common_strerror_version},
    {"common_buf_utf8_arith", test_common_buf_utf8_arith},
    CU_TEST_INFO_NULL};
  return gk_test_main("diag", tests);
}
