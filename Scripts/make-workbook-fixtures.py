#!/usr/bin/env python3
"""Writes the workbook fixtures of Tests/SynergraphKitTests/Fixtures/workbooks/ with programs other than
Synergraph: openpyxl (PyPI) and LibreOffice Calc headless (Debian: libreoffice-calc-nogui), plus
msoffcrypto-tool (PyPI) for the password-protected one. Dev-time only; the tests never run it.

    python3 -m venv /tmp/wbvenv && /tmp/wbvenv/bin/pip install openpyxl msoffcrypto-tool
    /tmp/wbvenv/bin/python Scripts/make-workbook-fixtures.py

What each file holds is in the fixtures' README.md; the tests write the expected values out by hand.
"""
import datetime, os, shutil, subprocess, sys, tempfile, zipfile

import openpyxl
from openpyxl.utils.datetime import CALENDAR_MAC_1904

OUT = os.path.join(os.path.dirname(__file__), "..", "Tests", "SynergraphKitTests", "Fixtures", "workbooks")
os.makedirs(OUT, exist_ok=True)


def register(wb, with_formulas):
    """A small register: manifest as key/value rows, the four tables, dates as date cells."""
    m = wb.active
    m.title = "Manifest"
    for row in [("key", "value"), ("name", "office-register"), ("title", "Office register (fixture)"),
                ("target_countries", "NPL;LAO"), ("hub", "unpog"), ("illustrative", True),
                ("as_of", datetime.date(2026, 9, 30))]:
        m.append(row)
    n = wb.create_sheet("Actors")
    n.append(["id", "name", "kind", "scope", "country", "sdgs", "consent", "acronym"])
    n.append(["unpog", "United Nations Project Office on Governance", "agency", "international", "KOR", "16;17", None, "UNPOG"])
    n.append(["nasc", "Nepal Administrative Staff College", "school", None, "NPL", 16, None, "NASC"])
    n.append(["exp-1", "Dr. Ānanda Ṛṣi", "expert", None, "NPL", None, True, None])
    n.append([101, "행정안전부", "government", None, "KOR", None, None, "MOIS"])
    t = wb.create_sheet("Ties")
    t.append(["source", "target", "kind", "weight", "since", "until", "note"])
    t.append(["unpog", "nasc", "partnership", 4, datetime.date(2023, 1, 12), datetime.date(2025, 12, 31), "=starts with equals"])
    t.append(["unpog", "101", "funding", "=2+3" if with_formulas else 5, datetime.date(2024, 2, 29), None, None])
    t.append(["exp-1", "nasc", "affiliation", 1.5, None, None, None])
    a = wb.create_sheet("activities")
    a.append(["id", "name", "kind", "date", "end_date"])
    a.append(["act-1", '=CONCATENATE("Workshop ","Kathmandu")' if with_formulas else "Workshop Kathmandu", "workshop",
              datetime.date(2025, 3, 10), datetime.date(2025, 3, 12)])
    p = wb.create_sheet("participation")
    p.append(["activity", "node", "role"])
    p.append(["act-1", "unpog", "organiser"])
    p.append(["act-1", "nasc", None])
    # Text that starts with "=" is text, not a formula (openpyxl takes any "=..." for a formula unless told).
    t["G2"].data_type = "s"
    for ws in (m, a):
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, datetime.date):
                    c.number_format = "yyyy-mm-dd"
    for row in t.iter_rows(min_row=2):
        for c in row[4:6]:
            c.number_format = "dd/mm/yyyy"
    return wb


def main():
    tmp = tempfile.mkdtemp()
    # 1. openpyxl, 1900 dates, shared strings, no formulas.
    register(openpyxl.Workbook(), False).save(os.path.join(OUT, "openpyxl-register.xlsx"))
    # 2. openpyxl, 1904 dates.
    wb = register(openpyxl.Workbook(), False)
    wb.epoch = CALENDAR_MAC_1904
    wb.save(os.path.join(OUT, "openpyxl-register-1904.xlsx"))
    # 3. openpyxl with formulas: openpyxl saves no results, so the formula cells have none.
    register(openpyxl.Workbook(), True).save(os.path.join(OUT, "openpyxl-formulas-unsaved.xlsx"))
    # 4. LibreOffice: the same with formulas, calculated and saved with their results.
    src = os.path.join(tmp, "libreoffice-register.xlsx")
    register(openpyxl.Workbook(), True).save(src)
    lo = ["soffice", "--headless", "--norestore", f"-env:UserInstallation=file://{tmp}/lo-profile"]
    subprocess.run(lo + ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(tmp, "lo"), src], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "lo", "libreoffice-register.xlsx"), os.path.join(OUT, "libreoffice-register.xlsx"))
    # 5. LibreOffice: the 1904 workbook saved again (LibreOffice keeps the null date 1904).
    src = os.path.join(tmp, "libreoffice-register-1904.xlsx")
    shutil.copy(os.path.join(OUT, "openpyxl-register-1904.xlsx"), src)
    subprocess.run(lo + ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(tmp, "lo"), src], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "lo", "libreoffice-register-1904.xlsx"), os.path.join(OUT, "libreoffice-register-1904.xlsx"))
    # 5b. LibreOffice: a formula whose result is an error (#DIV/0!) in a weight.
    wb = register(openpyxl.Workbook(), True)
    wb["Ties"]["D4"] = "=1/0"
    src = os.path.join(tmp, "libreoffice-formula-error.xlsx")
    wb.save(src)
    subprocess.run(lo + ["--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", os.path.join(tmp, "lo"), src], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "lo", "libreoffice-formula-error.xlsx"), os.path.join(OUT, "libreoffice-formula-error.xlsx"))
    # 6. An old binary .xls named .xlsx, and an .ods.
    subprocess.run(lo + ["--convert-to", "xls", "--outdir", os.path.join(tmp, "xls"), os.path.join(OUT, "openpyxl-register.xlsx")], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "xls", "openpyxl-register.xls"), os.path.join(OUT, "binary-xls-renamed.xlsx"))
    subprocess.run(lo + ["--convert-to", "ods", "--outdir", os.path.join(tmp, "ods"), os.path.join(OUT, "openpyxl-register.xlsx")], check=True, capture_output=True)
    shutil.copy(os.path.join(tmp, "ods", "openpyxl-register.ods"), os.path.join(OUT, "libreoffice-register.ods"))
    # 7. Password-protected (ECMA-376 agile encryption), with msoffcrypto-tool.
    subprocess.run([sys.executable, "-m", "msoffcrypto.__main__", "-e", "-p", "secret",
                    os.path.join(OUT, "openpyxl-register.xlsx"), os.path.join(OUT, "encrypted-password-secret.xlsx")], check=True)
    # 8. Inline strings and rich text with phonetic runs, as Excel writes them: the openpyxl register with
    #    its Actors sheet rewritten by hand (this one part only).
    src = os.path.join(OUT, "openpyxl-register.xlsx")
    dst = os.path.join(OUT, "inline-and-rich-strings.xlsx")
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet2.xml":
                data = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
                        '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c><c r="B1" t="inlineStr"><is><t>name</t></is></c>'
                        '<c r="C1" t="inlineStr"><is><t>kind</t></is></c></row>'
                        '<row r="2"><c r="A2" t="inlineStr"><is><t>unpog</t></is></c>'
                        '<c r="B2" t="inlineStr"><is><r><rPr><b/></rPr><t>United Nations </t></r><r><t xml:space="preserve">Project Office</t></r><r><t> on Governance</t></r></is></c>'
                        '<c r="C2" t="inlineStr"><is><t>agency</t></is></c></row>'
                        '<row r="3"><c r="A3" t="inlineStr"><is><t>nasc</t></is></c>'
                        '<c r="B3" t="inlineStr"><is><t>東京大学</t><rPh sb="0" eb="4"><t>トウキョウダイガク</t></rPh></is></c>'
                        '<c r="C3" t="inlineStr"><is><t>school</t></is></c></row>'
                        '<row r="4"><c r="A4" t="inlineStr"><is><t>exp-1</t></is></c><c r="B4" t="inlineStr"><is><t>A &amp; B &lt;x&gt;</t></is></c>'
                        '<c r="C4" t="inlineStr"><is><t>expert</t></is></c></row>'
                        '<row r="5"><c r="A5" t="inlineStr"><is><t>101</t></is></c><c r="B5" t="inlineStr"><is><t>Ministry</t></is></c>'
                        '<c r="C5" t="inlineStr"><is><t>government</t></is></c></row>'
                        '</sheetData></worksheet>').encode()
            zout.writestr(item, data)
    # 9. 100,000 ties (openpyxl write-only mode): tie i joins n(i mod 5000) and n((7i+1) mod 5000), weight i mod 5 + 1.
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("nodes")
    ws.append(["id", "name", "kind"])
    for k in range(5000):
        ws.append([f"n{k}", f"Node {k}", "other"])
    ws = wb.create_sheet("ties")
    ws.append(["source", "target", "weight"])
    for i in range(100_000):
        ws.append([f"n{i % 5000}", f"n{(7 * i + 1) % 5000}", i % 5 + 1])
    wb.save(os.path.join(OUT, "openpyxl-100k-ties.xlsx"))
    shutil.rmtree(tmp)
    for f in sorted(os.listdir(OUT)):
        print(f, os.path.getsize(os.path.join(OUT, f)))


if __name__ == "__main__":
    main()
