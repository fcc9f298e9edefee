/* libgkreport: text (declarations land with the module). */
#ifndef GKREPORT_TEXT_H
#define GKREPORT_TEXT_H

#include "common.h"
#include "report.h"
#include "diag.h"

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif /* GKREPORT_TEXT_H */
