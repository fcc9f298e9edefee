/* SPDX-License-Identifier: MIT */
/* Encoding at the edge: UTF-8 with and without BOM, GB18030, invalid bytes. */
#include <string.h>
#include "testutil.h"
#include "internal.h"
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

/* The importer's decoding: UTF-8 (with or without BOM) is a view into the
 * input, never a copy; GB18030 a conversion; and over every input it agrees
 * with gk_text_to_utf8 (text, length, encoding, offset of a bad byte). */
static void test_encoding_decode_view(void) {
  const char *text = NULL;
  char *owned = (char *)1;
  size_t n = 0, bad = 9;
  int enc = -1;
  const char u[] = "一、总体情况\n规章 0";
  CU_ASSERT_EQUAL(gk__text_decode(&text, &n, &owned, &enc, &bad, u, sizeof u - 1), GK_OK);
  CU_ASSERT_PTR_EQUAL(text, u);
  CU_ASSERT_PTR_NULL(owned);
  CU_ASSERT_EQUAL(n, sizeof u - 1);
  CU_ASSERT_EQUAL(enc, GK_ENCODING_UTF8);
  const char b[] = "\xEF\xBB\xBF" "一、";
  CU_ASSERT_EQUAL(gk__text_decode(&text, &n, &owned, &enc, &bad, b, sizeof b - 1), GK_OK);
  CU_ASSERT_PTR_EQUAL(text, b + 3);
  CU_ASSERT_PTR_NULL(owned);
  CU_ASSERT_EQUAL(enc, GK_ENCODING_UTF8_BOM);
  const char gb[] = "\xB9\xE6\xD5\xC2 12";
  CU_ASSERT_EQUAL(gk__text_decode(&text, &n, &owned, &enc, &bad, gb, sizeof gb - 1), GK_OK);
  CU_ASSERT_PTR_NOT_NULL_FATAL(owned);
  CU_ASSERT_PTR_EQUAL(text, owned);
  CU_ASSERT_EQUAL(n, strlen("规章 12"));
  CU_ASSERT_EQUAL(memcmp(text, "规章 12", n), 0);
  gk__free(owned);
}

static void test_encoding_decode_agrees(void) {
  static const char *const inputs[] = {
    "", "a", "规章", "\xEF\xBB\xBF", "\xEF\xBB\xBF规", "\xEF\xBB\xBF" "a\xC3", "ok\xFF\xFF", "\xB9\xE6\xD5\xC2",
    "一\xE4\xB8", "\xED\xA0\x80", "\xE0\x80\x80", "表\xF0\x9F\x98\x80三", "\x81\x30\x81\x30", "\xC0\xAF"};
  for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
    size_t len = strlen(inputs[k]);
    char *out = NULL, *owned = NULL;
    const char *text = NULL;
    size_t n1 = 0, n2 = 0, bad1 = 0, bad2 = 0;
    int enc1 = -1, enc2 = -1;
    int rc1 = gk_text_to_utf8(&out, &n1, &enc1, &bad1, inputs[k], len);
    int rc2 = gk__text_decode(&text, &n2, &owned, &enc2, &bad2, inputs[k], len);
    CU_ASSERT_EQUAL(rc1, rc2);
    if (rc1 == GK_OK && rc2 == GK_OK) {
      CU_ASSERT_EQUAL(n1, n2);
      CU_ASSERT_EQUAL(enc1, enc2);
      CU_ASSERT(n1 == 0 || memcmp(out, text, n1) == 0);
      CU_ASSERT_EQUAL(owned != NULL, enc2 == GK_ENCODING_GB18030);
    } else {
      CU_ASSERT_EQUAL(bad1, bad2);
    }
    gk_free(out);
    gk__free(owned);
  }
}

static CU_TestInfo tests[] = {
  {"decode_view", test_encoding_decode_view},
  {"decode_agrees", test_encoding_decode_agrees},
  {"utf8", test_encoding_utf8},
  {"gb18030", test_encoding_gb18030},
  {"invalid", test_encoding_invalid},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("encoding", tests); }
