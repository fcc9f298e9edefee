/* SPDX-License-Identifier: MIT */
/* Encoding at the edge: UTF-8 with and without BOM, GB18030, invalid bytes. */
#include <string.h>
#include "testutil.h"
#include "gkreport/text.h"

static void test_encoding_utf8(void) {
  char *out = NULL;
  size_t n = 0, bad = 9;
  int enc = -1;
  CU_ASSERT_EQUAL(gk_text_to_utf8(&out, &n, &enc, &bad, "规章 0", strlen("规章 0")), GK_OK);
  CU_ASSERT_STRING_EQUAL(out, "规章 0");
  CU_ASSERT_EQUAL(n, strlen("规章 0"));
  CU_ASSERT_EQUAL(enc, GK_ENCODING_UTF8);
  CU_ASSERT_EQUAL(bad, 0);
  gk_free(out);
  /* BOM stripped */
  CU_ASSERT_EQUAL(gk_text_to_utf8(&out, &n, &enc, NULL, "\xEF\xBB\xBF一、总体情况", 3 + strlen("一、总体情况")), GK_OK);
  CU_ASSERT_STRING_EQUAL(out, "一、总体情况");
  CU_ASSERT_EQUAL(enc, GK_ENCODING_UTF8_BOM);
  gk_free(out);
  /* empty input */
  CU_ASSERT_EQUAL(gk_text_to_utf8(&out, &n, &enc, NULL, "", 0), GK_OK);
  CU_ASSERT_STRING_EQUAL(out, "");
  CU_ASSERT_EQUAL(n, 0);
  gk_free(out);
}

static void test_encoding_gb18030(void) {
  /* "规章" in GB18030 is B9 E6 D5 C2 */
  const char gb[] = "\xB9\xE6\xD5\xC2 12";
  char *out = NULL;
  size_t n = 0;
  int enc = -1;
  CU_ASSERT_EQUAL(gk_text_to_utf8(&out, &n, &enc, NULL, gb, sizeof gb - 1), GK_OK);
  CU_ASSERT_STRING_EQUAL(out, "规章 12");
  CU_ASSERT_EQUAL(n, strlen("规章 12"));
  CU_ASSERT_EQUAL(enc, GK_ENCODING_GB18030);
  gk_free(out);
}

static void test_encoding_invalid(void) {
  char *out = (char *)1;
  size_t n = 7, bad = 0;
  int enc = 5;
  /* 0xFF is neither UTF-8 nor GB18030 */
  const char junk[] = "ok\xFF\xFF";
  CU_ASSERT_EQUAL(gk_text_to_utf8(&out, &n, &enc, &bad, junk, sizeof junk - 1), GK_EENCODING);
  CU_ASSERT_PTR_NULL(out);
  CU_ASSERT_EQUAL(n, 0);
  CU_ASSERT_EQUAL(bad, 2);
  /* a BOM promises UTF-8: the offset counts the BOM */
  const char bom[] = "\xEF\xBB\xBF" "ab\xC3";
  CU_ASSERT_EQUAL(gk_text_to_utf8(&out, &n, &enc, &bad, bom, sizeof bom - 1), GK_EENCODING);
  CU_ASSERT_EQUAL(bad, 5);
  CU_ASSERT_EQUAL(gk_text_to_utf8(NULL, &n, &enc, &bad, "a", 1), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_text_to_utf8(&out, &n, &enc, &bad, NULL, 1), GK_EINVAL);
}

static CU_TestInfo tests[] = {
  {"utf8", test_encoding_utf8},
  {"gb18030", test_encoding_gb18030},
  {"invalid", test_encoding_invalid},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("encoding", tests); }
