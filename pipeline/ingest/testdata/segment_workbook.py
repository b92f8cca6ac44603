# Writes a coded-segment workbook by hand, for the cases of readers14:
#   python3 segment_workbook.py broken OUT.xlsx [dtd]   error values and formulas without a value
#   python3 segment_workbook.py merged OUT.xlsx [dtd]   respondent and municipality merged per interview
#   python3 segment_workbook.py damaged OUT.xlsx [dtd]  a text pointing at a shared string the workbook lacks
# With "dtd" the workbook part has a document type declaration, which the fast sheet
# reader leaves to excelize from the start, so that both workbook paths are tested.
import zipfile, sys
from xml.sax.saxutils import escape
def col(j):
    s = ''
    j += 1
    while j:
        j, r = divmod(j - 1, 26)
        s = chr(65 + r) + s
    return s
def cell(ref, v):
    if v is None: return ''
    if isinstance(v, tuple):
        kind, val = v
        if kind == 'e': return f'<c r="{ref}" t="e"><f>{escape(val[0])}</f><v>{val[1]}</v></c>'
        if kind == 'f': return f'<c r="{ref}"><f>{escape(val)}</f></c>'
        if kind == 'fs': return f'<c r="{ref}" t="str"><f>{escape(val)}</f><v></v></c>'
        if kind == 's': return f'<c r="{ref}" t="s"><v>{val}</v></c>'
    if isinstance(v, (int, float)): return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{escape(v)}</t></is></c>'
def build(path, rows, merged=(), dtd=False):
    sd = ''.join(f'<row r="{i+1}">' + ''.join(cell(f'{col(j)}{i+1}', v) for j, v in enumerate(r)) + '</row>' for i, r in enumerate(rows))
    mc = ''
    if merged:
        mc = f'<mergeCells count="{len(merged)}">' + ''.join(f'<mergeCell ref="{m}"/>' for m in merged) + '</mergeCells>'
    sheet = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' + sd + '</sheetData>' + mc + '</worksheet>'
    wb = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + ('<!DOCTYPE workbook>' if dtd else '') + '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Codering" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ct = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'
    rels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
    wrels = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in [('[Content_Types].xml', ct), ('_rels/.rels', rels), ('xl/workbook.xml', wb), ('xl/_rels/workbook.xml.rels', wrels), ('xl/worksheets/sheet1.xml', sheet)]:
            z.writestr(zipfile.ZipInfo(name, (2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)
H = ["Respondent", "Gemeente", "Functie", "Segment", "Tekst", "Code", "Codeur", "Leeftijd"]
broken = [H,
 ["JW01", "Bergdorp", "Jongerenwerker", 1, "We hebben korte lijnen met de wijkagent.", "Korte lijnen", "A", 34],
 [('e', ('VLOOKUP(X2,Lijst!A:B,2,0)', '#N/A')), "Bergdorp", "Jongerenwerker", 2, "Ik ken de wijkagent persoonlijk.", "Vertrouwen", "A", None],
 ["JW02", ('e', ('VLOOKUP(A4,Lijst!A:C,2,0)', '#N/A')), "Jongerenwerker", 3, "Terugkoppeling krijgen we nooit.", "Geen terugkoppeling", "A", None],
 ["JW02", "Zeeveen", "Jongerenwerker", 4, "Het smoelenboek helpt.", ('f', 'Codes!B5'), "A", None],
 ["JW02", "Zeeveen", "Jongerenwerker", 5, ('e', ('Tekst!A6', '#REF!')), "Korte lijnen", "A", None],
 ["JW03", "Zeeveen", "Wijkagent", 6, "Korte lijnen met school.", "Korte lijnen", ('e', ('B1/0', '#DIV/0!')), None],
 ["JW03", "Zeeveen", "Wijkagent", 7, "We zien elkaar op school.", "Vertrouwen", "A", ('e', ('C8+1', '#VALUE!'))],
 ["JW03", "Zeeveen", "Wijkagent", 8, "Het overleg werkt goed.", "Korte lijnen", "A", ('fs', 'IF(A9="","",A9)')],
]
# Respondent, municipality and role merged over the rows of each interview, as people do
# by hand: the file holds each value in the range's first row only.
merged_rows = [H,
 ["JW01", "Bergdorp", "Jongerenwerker", 1, "We hebben korte lijnen met de wijkagent.", "Korte lijnen", "A", None],
 [None, None, None, 2, "Ik ken de wijkagent persoonlijk.", "Vertrouwen", "A", None],
 [None, None, None, 3, "Terugkoppeling krijgen we nooit.", "Geen terugkoppeling", "A", None],
 ["WA01", "Zeeveen", "Wijkagent", 4, "Het smoelenboek helpt.", "Korte lijnen", "A", None],
 [None, None, None, 5, "We zien elkaar op school.", "Vertrouwen", "A", None],
]
kind, out = sys.argv[1], sys.argv[2]
dtd = len(sys.argv) > 3
if kind == 'broken':
    build(out, broken, dtd=dtd)
elif kind == 'damaged':
    rows = [list(r) for r in merged_rows]
    rows[2] = ["JW01", "Bergdorp", "Jongerenwerker", 2, ('s', 7), "Vertrouwen", "A", None]
    rows[1][:3] = ["JW01", "Bergdorp", "Jongerenwerker"]
    rows[3][:3] = ["JW01", "Bergdorp", "Jongerenwerker"]
    rows[5][:3] = ["WA01", "Zeeveen", "Wijkagent"]
    build(out, rows, dtd=dtd)
else:
    build(out, merged_rows, merged=["A2:A4", "B2:B4", "C2:C4", "A5:A6", "B5:B6", "C5:C6"], dtd=dtd)
