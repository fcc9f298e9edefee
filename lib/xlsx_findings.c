/* SPDX-License-Identifier: MIT */
/* The findings sheet of gk_report_to_xlsx (xlsx_report.c writes it): its name
 * and header row, indexed by gk_lang, declared once so that the XLSX reader
 * (read_xlsx_grid.c) knows it and never reads it as report content. */
#include "read_xlsx.h"

const char *const gk__xlsx_findings_sheet[2] = {"检查发现的问题", "findings"};

const char *const gk__xlsx_findings_head[2][GK__XLSX_FINDINGS_NCOLS] = {
    {"序号", "严重性", "规则", "说明", "单元格", "行号"},
    {"#", "severity", "rule", "message", "cells", "line"},
};
