# Writes enquete.xlsx, a survey whose name columns hold damaged cells (a shared string
# index the workbook lacks), and codering.xlsx, a coded-segment table with a damaged
# cell in a coder column beside a code column and in a name column. The case reads them
# with the fast sheet reader; TestDamagedNameCellsBothReaders with excelize too (a
# workbook left to excelize here would lower the share the fast reader reads of the
# project's workbooks, TestFixturesMatchExcelize). Run: python3 make.py
import zipfile

NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'


def inl(ref, t):
    return f'<c r="{ref}" t="inlineStr"><is><t>{t}</t></is></c>'


def row(n, values, damaged=None):
    """Row n with values, the cell in column index damaged a missing shared string."""
    cells = []
    for j, v in enumerate(values):
        ref = "ABCDEFGHIJ"[j] + str(n)
        cells.append(f'<c r="{ref}" t="s"><v>99</v></c>' if j == damaged else inl(ref, v))
    return f'<row r="{n}">' + "".join(cells) + "</row>"


def table(header, rows):
    """The sheet: header, then per row its values and its damaged column (or None)."""
    return [row(1, header)] + [row(i + 2, v, d) for i, (v, d) in enumerate(rows)]


def book(name, rows):
    sheet = f'<?xml version="1.0"?><worksheet {NS}><sheetData>' + "".join(rows) + "</sheetData></worksheet>"
    parts = {
        "[Content_Types].xml": '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        "_rels/.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": f'<?xml version="1.0"?><workbook {NS} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
        "xl/sharedStrings.xml": f'<?xml version="1.0"?><sst {NS} count="1" uniqueCount="1"><si><t>Respondent</t></si></sst>',
        "xl/worksheets/sheet1.xml": sheet,
    }
    with zipfile.ZipFile(name, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in parts.items():
            z.writestr(zipfile.ZipInfo(n, (2024, 1, 1, 0, 0, 0)), d)


for p in ("E",):
    survey = table(["Respondent", "Gemeente", "Functie", "Naam", "Voornaam", "Achternaam", "K1", "K2", "K3", "K4"], [
        ([p + "1", "Bergdorp", "Jongerenwerker", "Qwyntje Zorblat", "", "", "4", "5", "4", "4"], None),
        # the name (kept to redact it from quotes): a rejected cell of an accepted row
        ([p + "2", "Bergdorp", "Wijkagent", "Brammert Vlokhuis", "", "", "3", "4", "3", "4"], 3),
        # a part of a name: likewise
        ([p + "3", "Zeeveen", "Jongerenwerker", "", "Fenneke", "Drubbel", "5", "5", "4", "5"], 4),
        ([p + "4", "Zeeveen", "Wijkagent", "", "Gorrit", "Plamboos", "2", "3", "2", "2"], 5),
    ])
    book("enquete.xlsx", survey)
    segments = table(["Respondent", "Naam", "Tekst", "Code 1", "Codeur 1", "Code 2", "Codeur 2"], [
        ([p + "1", "Qwyntje Zorblat", "We kennen elkaar goed.", "kennen.persoonlijk", "Anna", "kennen.persoonlijk", "Bert"], None),
        # the coder beside Code 1: the row is rejected as damaged, not as a code without its coder
        ([p + "2", "Brammert Vlokhuis", "Ik bel de wijkagent.", "bereiken.korte_lijnen", "Anna", "bereiken.korte_lijnen", "Bert"], 4),
        ([p + "3", "Fenneke Drubbel", "Hij weet wat ik doe.", "kennen.rollen", "Anna", "kennen.rollen", "Bert"], 6),
        # the name beside the segments: a rejected cell, the segment is read
        ([p + "4", "Gorrit Plamboos", "Ze houdt me op de hoogte.", "informeren.terugkoppeling", "Anna", "informeren.terugkoppeling", "Bert"], 1),
    ])
    book("codering.xlsx", segments)
