#!/usr/bin/env python3
"""Writes the workbook fixtures of Tests/ZhibiaoDocumentsTests/Fixtures.

The fixtures are real files written by other programs: openpyxl (this script) and LibreOffice
(`soffice --headless --convert-to xlsx` of observations.csv). They are committed, so the tests
need neither; run this again only to change them:

    python3 -m venv .build/xlsx-venv && .build/xlsx-venv/bin/pip install openpyxl
    .build/xlsx-venv/bin/python Tools/xlsx-fixtures/make_fixtures.py   # needs soffice on PATH

Every figure is illustrative (taken from Config/sample), not an official statistic.
"""
import csv
import datetime
import os
import shutil
import subprocess
import tempfile
import zipfile

import openpyxl

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "..", "Tests", "ZhibiaoDocumentsTests", "Fixtures")
COLUMNS = ["indicator", "org", "period", "value", "unit", "note", "reported_on"]
# The same figures as a CSV import and as each workbook: (indicator, org, period, value, unit, note, day).
ROWS = [
    ("finance.finance_va", "district.xihu", "2024Q1", "69", "亿元", "", "2024-04-14"),
    ("finance.finance_va", "district.xihu", "2024Q2", "143.1", "亿元", "", "2024-07-14"),
    ("finance.finance_va", "district.xihu", "2024Q3", "218.1", "亿元", "含 1-9 月", "2024-10-14"),
    ("finance.finance_va", "district.xihu", "2024Q4", "298.1", "亿元", "", "2025-01-14"),
    ("tech.rd_expenditure", "district.xihu", "2024", "147.1", "亿元", "", "2025-01-14"),
    ("digital.ict_revenue", "西湖区", "2024Q1", "784.1", "亿元", "", ""),
    ("digital.ict_revenue", "district.xihu", "2024Q2", "16158000", "万元", "万元换算", ""),
]
REGISTERS = [
    ("tech.incubators", "示例孵化器·西湖01", "district.xihu", "国家级", "2008-12-19", "示例"),
    ("tech.incubators", "示例孵化器·西湖02", "district.xihu", "国家级", "2010-06-30", ""),
]


def day(text):
    return datetime.date.fromisoformat(text) if text else None


def write_csv():
    with open(os.path.join(OUT, "observations.csv"), "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(ROWS)


def observations_workbook():
    """A filled-in sheet as a person types it: a title and Chinese labels above the header,
    numbers as numbers, one number typed as text with spaces, dates as dates; a second sheet
    of register entries. (openpyxl writes inline strings, LibreOffice shared strings.)"""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(["2024 年数据填报（示例数据，非官方统计）"])
    sheet.append(["指标", "单位", "期别", "数值", "计量单位", "备注", "报送日期"])
    sheet.append(COLUMNS)
    for indicator, org, period, value, unit, note, reported in ROWS:
        number = float(value) if "." in value else int(value)
        if value == "147.1":
            number = " 147.1 "  # a number stored as text, with spaces around it
        sheet.append([indicator, org, int(period) if period.isdigit() else period, number, unit, note or None, day(reported)])
    for row in sheet.iter_rows(min_row=4, min_col=7, max_col=7):
        for cell in row:
            cell.number_format = "yyyy-mm-dd"
    registers = book.create_sheet("名录")
    registers.append(["register", "name", "org", "level", "recognised_on", "evidence"])
    for register, name, org, level, recognised, evidence in REGISTERS:
        registers.append([register, name, org, level, day(recognised), evidence or None])
    book.save(os.path.join(OUT, "openpyxl-observations.xlsx"))


def formula_workbook():
    """A formula openpyxl writes without a value, since it does not calculate."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "数据"
    sheet.append(COLUMNS)
    sheet.append(["finance.finance_va", "district.xihu", "2024Q1", 69, "亿元"])
    sheet.append(["finance.finance_va", "district.xihu", "2024Q2", "=D2+74.1", "亿元"])
    book.save(os.path.join(OUT, "openpyxl-formula.xlsx"))


def bad_values_workbook():
    """Text that reads as a number only after more than trimming spaces, refused at its cell
    by the import's checks; `value` is column C here."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(["indicator", "org", "value", "period", "unit"])
    sheet.append(["finance.finance_va", "district.xihu", "\u3000 69 ", "2024Q1", "亿元"])
    sheet.append(["finance.finance_va", "district.xihu", "１４３.１", "2024Q2", "亿元"])
    sheet.append(["finance.finance_va", "district.xihu", 218.1, "2024Q3", "亿元"])
    sheet.append(["finance.finance_va", "district.xihu", "1,234.5", "2024Q4", "亿元"])
    book.save(os.path.join(OUT, "openpyxl-bad-values.xlsx"))


def cell_errors_workbook():
    """Cells refused by the reader itself: a logical value and an error value where a number
    belongs, a logical value where a date belongs, and a number formatted as a percentage."""
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Sheet1"
    sheet.append(COLUMNS)
    sheet.append(["finance.finance_va", "district.xihu", "2024Q1", True, "亿元"])
    sheet.append(["finance.finance_va", "district.xihu", "2024Q2", "#DIV/0!", "亿元"])
    sheet.append(["finance.finance_va", "district.xihu", "2024Q3", 218.1, "亿元", "TRUE 作备注可以", False])
    sheet.append(["digital.digital_economy_services_revenue_share", "district.xihu", "2024", 0.125, "%"])
    sheet["D5"].number_format = "0.0%"
    book.save(os.path.join(OUT, "openpyxl-cell-errors.xlsx"))


def libreoffice_workbook():
    """observations.csv opened and saved by LibreOffice Calc."""
    with tempfile.TemporaryDirectory() as folder:
        source = os.path.join(folder, "libreoffice-observations.csv")
        shutil.copy(os.path.join(OUT, "observations.csv"), source)
        subprocess.run(
            ["soffice", "--headless", "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", folder, source],
            check=True, capture_output=True)
        shutil.copy(os.path.join(folder, "libreoffice-observations.xlsx"), OUT)


def zip64_workbook():
    """openpyxl-observations.xlsx zipped again by Python's zipfile in its ZIP64 forms: the end
    record and its locator, and every size and offset in ZIP64 extra fields. zipfile writes these
    forms only past 65,535 entries or 4 GiB, so its limits are lowered while it writes."""
    limits = (zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT)
    zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = 0, 0
    try:
        with zipfile.ZipFile(os.path.join(OUT, "openpyxl-observations.xlsx")) as source, \
                zipfile.ZipFile(os.path.join(OUT, "zipfile-zip64-observations.xlsx"), "w",
                                zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                target.writestr(info.filename, source.read(info))
    finally:
        zipfile.ZIP64_LIMIT, zipfile.ZIP_FILECOUNT_LIMIT = limits


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    write_csv()
    observations_workbook()
    formula_workbook()
    bad_values_workbook()
    cell_errors_workbook()
    libreoffice_workbook()
    zip64_workbook()
