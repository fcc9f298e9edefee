/* Text rules (format.md §7 "Text of the report"): placeholder until the text
 * importer issue lands; it reports nothing yet. */
#include "internal.h"

int gk__text_rules_run(const gk_report *r, gk_diags *out) {
  (void)r;
  (void)out;
  return GK_OK;
}
