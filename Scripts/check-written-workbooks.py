#!/usr/bin/env python3
"""Checks Synergraph's written workbooks with programs other than Synergraph (dev time, not a test):
openpyxl reads every sheet (values and types, frozen header, autofilter, bold header, dates as dates,
drop-downs, no formulas), and LibreOffice Calc converts every sheet back to CSV, which must equal the
network folder's CSV tables cell for cell (dates and numbers as LibreOffice shows them, normalised).

    python3 -m venv /tmp/wbvenv && /tmp/wbvenv/bin/pip install openpyxl
    swift build && /tmp/wbvenv/bin/python Scripts/check-written-workbooks.py
"""
import csv, datetime, io, os, subprocess, sys, tempfile

import openpyxl

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
B = os.path.join(ROOT, ".build", "debug", "synergraph")
NET = os.path.join(ROOT, "Networks", "unpog-asia-pacific")
failures = []


def check(cond, what):
    if not cond:
        failures.append(what)


def table(name, header):
    """The folder's CSV table with its columns in `header`'s order (attribute columns may come in another order)."""
    with open(os.path.join(NET, name + ".csv"), newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    check(sorted(rows[0]) == sorted(header), f"{name}: header {header} != {rows[0]}")
    idx = [rows[0].index(h) if h in rows[0] else None for h in header]
    return [[r[i] if i is not None else "" for i in idx] for r in rows]


def main():
    tmp = tempfile.mkdtemp()
    book = os.path.join(tmp, "net.xlsx")
    subprocess.run([B, "convert", NET, book, "--show-all-names"], check=True, capture_output=True)
    wb = openpyxl.load_workbook(book)
    check(wb.sheetnames == ["manifest", "nodes", "ties", "activities", "participation"], f"sheets {wb.sheetnames}")
    for name in wb.sheetnames[1:]:
        ws = wb[name]
        check(ws.freeze_panes == "A2", f"{name}: frozen {ws.freeze_panes}")
        check(ws.auto_filter.ref is not None and ws.auto_filter.ref.startswith("A1:"), f"{name}: autofilter {ws.auto_filter.ref}")
        check(all(c.font.b for c in ws[1]), f"{name}: header not bold")
        check(len(ws.data_validations.dataValidation) > 0, f"{name}: no drop-downs")
        rows = table(name, [c.value for c in ws[1]])
        check(ws.max_row == len(rows), f"{name}: {ws.max_row} rows, CSV {len(rows)}")
        for r, row in enumerate(ws.iter_rows(min_row=2, values_only=False), start=1):
            for c, cell in enumerate(row):
                want = rows[r][c]
                v = cell.value
                check(cell.data_type != "f", f"{name}!{cell.coordinate}: a formula")
                if v is None:
                    check(want == "", f"{name}!{cell.coordinate}: empty, CSV {want!r}")
                elif isinstance(v, datetime.datetime):
                    check(v.date().isoformat() == want, f"{name}!{cell.coordinate}: {v} != {want}")
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    check(float(want) == float(v), f"{name}!{cell.coordinate}: {v} != {want}")
                else:
                    check(str(v) == want, f"{name}!{cell.coordinate}: {v!r} != {want!r}")
    print(f"openpyxl {openpyxl.__version__}: {'OK' if not failures else 'FAILED'}")

    # LibreOffice: each sheet to CSV (sheet index as filter option 5th token; LibreOffice 7.2+).
    n_before = len(failures)
    for i, name in enumerate(wb.sheetnames[1:], start=2):
        out = os.path.join(tmp, f"lo{i}")
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/profile",
                        "--convert-to", f"csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,{i}",
                        "--outdir", out, book], check=True, capture_output=True)
        produced = [f for f in os.listdir(out) if f.endswith(".csv")]
        with open(os.path.join(out, produced[0]), newline="", encoding="utf-8") as f:
            got = list(csv.reader(f))
        want = table(name, got[0])
        check(len(got) == len(want), f"LibreOffice {name}: {len(got)} rows, CSV {len(want)}")
        for r, (g, w) in enumerate(zip(got, want)):
            g = g + [""] * (len(w) - len(g))
            for c, (a, b) in enumerate(zip(g, w)):
                if a != b:
                    try:
                        if float(a) == float(b):
                            continue
                    except ValueError:
                        pass
                    check(False, f"LibreOffice {name} row {r + 1} col {c + 1}: {a!r} != {b!r}")
    print(f"LibreOffice CSV round trip: {'OK' if len(failures) == n_before else 'FAILED'}")
    for f in failures[:30]:
        print("  " + f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
