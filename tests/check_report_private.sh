#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The report's layout is private to the model (issue 12): only the files listed
# here include lib/report_int.h (struct gk_report); every other file reaches a
# report through the accessors declared in lib/internal.h ("report access").
# Usage: check_report_private.sh BUILD_DIR SOURCE_DIR
set -euo pipefail
src=$(cd "${2:?usage: check_report_private.sh BUILD_DIR SOURCE_DIR}" && pwd)
cd "$src"
# The model itself: report.c defines the accessors over the layout.
allowed="lib/report.c"
status=0
for f in $(grep -l '#[[:space:]]*include[[:space:]]*"report_int\.h"' \
             lib/*.c lib/*.h include/gkreport/*.h tests/*.c tests/*.h bench/*.c bench/*.h \
             examples/*/*.c bindings/*/*.c 2>/dev/null || true); do
  case " $allowed " in
    *" $f "*) ;;
    *) echo "check_report_private: $f includes report_int.h; use the gk__report_* accessors" >&2
       status=1 ;;
  esac
done
if grep -n 'struct gk_report[[:space:]]*{' lib/*.c lib/*.h include/gkreport/*.h \
     | grep -v '^lib/report_int\.h:'; then
  echo "check_report_private: struct gk_report defined outside lib/report_int.h" >&2
  status=1
fi
[ $status -eq 0 ] && echo "check_report_private: OK: report_int.h included by $allowed"
exit $status
