/* SPDX-License-Identifier: MIT */
/* The input cap every reader applies: one size above which a document is
 * refused before it is read (format.md: every reader has an input cap). */
#include <stdio.h>
#include "internal.h"

GK_API int gk_input_check(size_t len, size_t max_input, const char *source_name, gk_diags *diags) {
  size_t cap = max_input ? max_input : GK_DEFAULT_MAX_INPUT;
  if (len <= cap) return GK_OK;
  if (diags) {
    char zh[160], en[160], act[32];
    snprintf(zh, sizeof zh, "输入有%zu字节，超过上限%zu字节（可调整上限，如命令行的 --max-input）",
             len, cap);
    snprintf(en, sizeof en, "the input has %zu bytes, more than the cap of %zu bytes (see --max-input)",
             len, cap);
    snprintf(act, sizeof act, "%zu", len);
    size_t k;
    int rc = gk_diags_add(&k, diags, GK_SEV_ERROR, "import.too_large", zh, en, source_name, 0, 0);
    if (rc) return rc;
    char exp[32];
    snprintf(exp, sizeof exp, "<= %zu", cap);
    rc = gk_diags_set_values(diags, k, exp, act);
    if (rc) {
      gk__diags_truncate(diags, k);
      return rc;
    }
  }
  return GK_EPARSE;
}
