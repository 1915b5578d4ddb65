#!/usr/bin/env python3
"""Opens a workbook Zhibiao wrote with openpyxl, as another producer would, for the tests.

    openpyxl_check.py fill TEMPLATE OUT VALUES.json   # fills a template's value (and note) cells
    openpyxl_check.py describe WORKBOOK               # prints what openpyxl sees, as JSON

`fill` writes each row's value from VALUES.json ({"indicator": "value" or ["value", "note"]}) as a
number into the data sheet and saves the workbook anew, as a user's spreadsheet program would.
`describe` prints every sheet's name, protection, frozen pane, autofilter, data validations and
rows (cell values with their types, number formats and locking), so that a test can check them.
"""
import json
import sys
from decimal import Decimal

import openpyxl

DATA_SHEET = "数据 Data"


def fill(template, out, values_path):
    with open(values_path, encoding="utf-8") as f:
        values = json.load(f)
    book = openpyxl.load_workbook(template)
    sheet = book[DATA_SHEET]
    header_row = next(r for r in sheet.iter_rows() if any(c.value == "indicator" for c in r))
    columns = {c.value: c.column for c in header_row if c.value}
    for row in sheet.iter_rows(min_row=header_row[0].row + 1):
        indicator = row[columns["indicator"] - 1].value
        given = values.get(indicator)
        if given is None:
            continue
        value, note = (given, None) if isinstance(given, str) else given
        number = Decimal(value)
        row[columns["value"] - 1].value = int(number) if number == number.to_integral_value() else float(value)
        if note:
            row[columns["note"] - 1].value = note
    book.save(out)


def describe(path):
    book = openpyxl.load_workbook(path)
    sheets = []
    for sheet in book.worksheets:
        sheets.append({
            "name": sheet.title,
            "protected": bool(sheet.protection.sheet),
            "freeze": sheet.freeze_panes,
            "autofilter": sheet.auto_filter.ref,
            "validations": [
                {"type": v.type, "formula": v.formula1, "sqref": str(v.sqref)}
                for v in sheet.data_validations.dataValidation
            ],
            "rows": [
                [
                    {
                        "value": c.value if isinstance(c.value, str) or c.value is None else repr(c.value),
                        "type": type(c.value).__name__,
                        "format": c.number_format,
                        "locked": c.protection.locked,
                        "fill": c.fill.fgColor.rgb if c.fill is not None and c.fill.fill_type == "solid" else None,
                    }
                    for c in row
                ]
                for row in sheet.iter_rows()
            ],
        })
    json.dump({"sheets": sheets}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    if sys.argv[1] == "fill":
        fill(*sys.argv[2:5])
    elif sys.argv[1] == "describe":
        describe(sys.argv[2])
    else:
        sys.exit("usage: openpyxl_check.py fill TEMPLATE OUT VALUES.json | describe WORKBOOK")
