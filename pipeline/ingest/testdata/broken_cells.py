# Writes broken_cells.xlsx (python3 broken_cells.py broken_cells.xlsx) and, with a second
# argument, the same workbook with a document type declaration, which the fast sheet
# reader leaves to excelize from the start (testdata/cases/ingest/xlsx_broken_cells_excelize).
import zipfile, sys
def cell(ref, v):
    if v is None: return ''
    if isinstance(v, tuple):
        kind, val = v
        if kind == 'e': return f'<c r="{ref}" t="e"><f>{val[0]}</f><v>{val[1]}</v></c>'
        if kind == 'f': return f'<c r="{ref}"><f>{val}</f></c>'
        if kind == 'fs': return f'<c r="{ref}" t="str"><f>{val}</f><v></v></c>'
    if isinstance(v, (int, float)): return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'
def build(path, rows, dtd=False):
    cols = "ABCDEFGHIJ"
    sd = ''.join(f'<row r="{i+1}">' + ''.join(cell(f'{cols[j]}{i+1}', v) for j, v in enumerate(r)) + '</row>' for i, r in enumerate(rows))
    sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + sd + '</sheetData></worksheet>'
    wb = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + ('<!DOCTYPE workbook>' if dtd else '') + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Enquete" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    wrels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct); z.writestr('_rels/.rels', rels)
        z.writestr('xl/workbook.xml', wb); z.writestr('xl/_rels/workbook.xml.rels', wrels)
        z.writestr('xl/worksheets/sheet1.xml', sheet)
rows = [
 ["Respondent", "Gemeente", "Functie", "K1", "K2", "K3", "K4", "Toelichting"],
 ["E001", "Zeeveen", "Jongerenwerker", 4, 4, 3, 2, "Korte lijnen."],
 ["E002", "Zeeveen", "Wijkagent", 5, ('e', ('1/0', '#DIV/0!')), 4, 2, None],
 ["E003", ('e', ('VLOOKUP(A4,Lijst!A:B,2,0)', '#N/A')), "Jongerenwerker", 2, 3, 3, 4, None],
 ["E004", "Bergdorp", "Wijkagent", 4, ('f', 'AVERAGE(D2:D4)'), 4, 3, ('fs', 'IF(A5="","",A5)')],
 ["E005", "Bergdorp", "Jongerenwerker", 3, 3, 3, 3, ('e', ('A1+1', '#VALUE!'))],
]
build(sys.argv[1], rows, dtd=len(sys.argv) > 2)
