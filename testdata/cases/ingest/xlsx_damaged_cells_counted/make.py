# Writes fast/enquete.xlsx (read by the fast sheet reader) and excelize/enquete.xlsx (the same sheet; a
# document type declaration in its workbook part leaves it to excelize): a survey whose
# rows hold damaged cells. Run: python3 make.py
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def inl(ref, t):
    return f'<c r="{ref}" t="inlineStr"><is><t>{t}</t></is></c>'


def num(ref, v):
    return f'<c r="{ref}"><v>{v}</v></c>'


rows = [
    [inl("A1", "Respondent"), inl("B1", "Gemeente"), inl("C1", "Functie"), inl("D1", "K1"), inl("E1", "K2"), inl("F1", "Toelichting")],
    # a shared string index the workbook lacks under an item: a rejected answer
    [inl("A2", "E1"), inl("B2", "Zeeveen"), inl("C2", "Jongerenwerker"), '<c r="D2" t="s"><v>99</v></c>', num("E2", 4), inl("F2", "goed")],
    # a style that is no number under an item: a rejected answer
    [inl("A3", "E2"), inl("B3", "Zeeveen"), inl("C3", "Wijkagent"), num("D3", 3), '<c r="E3" s="abc"><v>5</v></c>', inl("F3", "prima")],
    # an index that is no number in the municipality: the row is rejected
    [inl("A4", "E3"), '<c r="B4" t="s"><v>abc</v></c>', inl("C4", "Wijkagent"), num("D4", 2), num("E4", 2), inl("F4", "matig")],
    # in the open column: a rejected cell of an accepted row
    [inl("A5", "E4"), inl("B5", "Bergdorp"), inl("C5", "Jongerenwerker"), num("D5", 4), num("E5", 5), '<c r="F5" t="s"><v>7</v></c>'],
    [inl("A6", "E5"), inl("B6", "Bergdorp"), inl("C6", "Wijkagent"), num("D6", 5), num("E6", 4), inl("F6", "ok")],
]
sheet = f'<?xml version="1.0"?><worksheet {NS}><sheetData>' + "".join(
    f'<row r="{i+1}">' + "".join(r) + "</row>" for i, r in enumerate(rows)) + "</sheetData></worksheet>"

for name, doctype in (("fast/enquete.xlsx", ""), ("excelize/enquete.xlsx", "<!DOCTYPE workbook>")):
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?>{doctype}<workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst {NS} count="1" uniqueCount="1"><si><t>Respondent</t></si></sst>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in parts.items():
            z.writestr(zipfile.ZipInfo(n, (2024, 1, 1, 0, 0, 0)), d)
