/* SPDX-License-Identifier: MIT */
/* libgkreport: umbrella header. Include this, link -lgkreport (pkg-config gkreport).
 *
 * Threads: the library keeps no global mutable state; what an object may share
 * between threads is said in the Threads paragraph of the header declaring it.
 * In short: what a function takes const it only reads, so any number of threads
 * may read one object while none changes it. */
#ifndef GKREPORT_GKREPORT_H
#define GKREPORT_GKREPORT_H

#include <gkreport/version.h>
#include "common.h"
#include "schema.h"
#include "report.h"
#include "diag.h"
#include "validate.h"
#include "json.h"
#include "csv.h"
#include "html.h"
#include "xlsx.h"
#include "text.h"
#include "document.h"
#include "series.h"
#include "aggregate.h"
#include "indicator.h"
#include "agency.h"
#include "summary.h"

#endif /* GKREPORT_GKREPORT_H */
