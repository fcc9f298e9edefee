/* libgkreport: indicators (ratios quoted by evaluations and the reports' prose). */
#ifndef GKREPORT_INDICATOR_H
#define GKREPORT_INDICATOR_H

#include "common.h"
#include "report.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_INDICATOR_H */
