/* SPDX-License-Identifier: MIT */
/* libgkreport internal: hooks of the validator (validate.c) for the tests.
 * Never installed; hidden. */
#ifndef GKREPORT_VALIDATE_INT_H
#define GKREPORT_VALIDATE_INT_H

#include "internal.h"

/* The fast check of the identities: *quiet_out = 1 when it finds that no
 * identity of r can produce a finding (gk_report_validate then skips the full
 * evaluation), 0 when the full evaluation must decide. GK_OK, GK_EINVAL, or the
 * workspace's GK_ENOMEM / GK_EUNSUPPORTED. */
int gk__identities_quiet(int *quiet_out, const gk_report *r);
/* The full evaluation of the identities alone (cell.blank, requests.*,
 * review.total findings with their suspects), whatever the fast check says:
 * findings appended to out, nothing appended on failure. */
int gk__identities_full(const gk_report *r, gk_diags *out);

#endif /* GKREPORT_VALIDATE_INT_H */
