# Writes enquete.xlsx: a survey with a sheet per municipality and the times of each
# response (StartDate, EndDate), where the Zeeveen sheet holds two responses of the
# Bergdorp sheet in another version: E2 edited later (the same StartDate, a later
# EndDate, K3 other), E3 in an older version (an earlier EndDate, K4 other), and E1
# every cell the same. Run: python3 make.py
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def cell(ref, v):
    if isinstance(v, int):
        return f'<c r="{ref}"><v>{v}</v></c>'
    return f'<c r="{ref}" t="inlineStr"><is><t>{v}</t></is></c>'


def sheet(rows):
    out = []
    for i, r in enumerate(rows):
        out.append(f'<row r="{i+1}">' + "".join(cell("ABCDEFGHI"[j] + str(i + 1), v) for j, v in enumerate(r)) + "</row>")
    return f'<?xml version="1.0"?><worksheet {NS}><sheetData>' + "".join(out) + "</sheetData></worksheet>"


head = ["Respondent", "Gemeente", "Functie", "StartDate", "EndDate", "K1", "K2", "K3", "K4"]
bergdorp = [head,
            ["E1", "Bergdorp", "Jongerenwerker", "2025-03-03 10:00:00", "2025-03-03 10:08:00", 4, 5, 3, 4],
            ["E2", "Bergdorp", "Wijkagent", "2025-03-03 11:00:00", "2025-03-03 11:09:00", 2, 3, 2, 2],
            ["E3", "Bergdorp", "Jongerenwerker", "2025-03-04 09:00:00", "2025-03-06 16:30:00", 5, 5, 4, 4]]
zeeveen = [head,
           ["E4", "Zeeveen", "Wijkagent", "2025-03-04 13:00:00", "2025-03-04 13:10:00", 3, 3, 3, 2],
           bergdorp[1],
           ["E2", "Bergdorp", "Wijkagent", "2025-03-03 11:00:00", "2025-03-05 08:40:00", 2, 3, 4, 2],
           ["E3", "Bergdorp", "Jongerenwerker", "2025-03-04 09:00:00", "2025-03-04 09:12:00", 5, 5, 4, 2],
           ["E5", "Zeeveen", "Jongerenwerker", "2025-03-05 15:00:00", "2025-03-05 15:07:00", 4, 4, 5, 5]]
parts = {
    "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    "xl/workbook.xml": f'<?xml version="1.0"?><workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Bergdorp" sheetId="1" r:id="rId1"/><sheet name="Zeeveen" sheetId="2" r:id="rId2"/></sheets></workbook>',
    "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    "xl/worksheets/sheet1.xml": sheet(bergdorp),
    "xl/worksheets/sheet2.xml": sheet(zeeveen),
}
with zipfile.ZipFile("enquete.xlsx", "w", zipfile.ZIP_DEFLATED) as z:
    for n, d in parts.items():
        z.writestr(zipfile.ZipInfo(n, (2024, 1, 1, 0, 0, 0)), d)
