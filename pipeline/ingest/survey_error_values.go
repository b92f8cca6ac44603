package ingest

import "slices"

// sheetErrorValues are the error values beyond Excel's seven classics that a sheet saved
// as CSV holds as its program shows them (attack 15, F06), upper-case, as brokenCell
// compares them:
//
//   - Google Sheets' own #ERROR! (a formula it cannot parse, or a circular reference);
//     its other values are Excel's English ones (sheets.wiki "Error": #NULL!, #DIV/0!,
//     #VALUE!, #REF!, #NAME?, #NUM!, #N/A).
//   - The dynamic-array and data errors of Excel 365 in its other languages (#SPILL!,
//     #CALC!, #GETTING_DATA in English are in excelErrors). Sources differ on some
//     spellings, so each one a source gives is listed: the locale tables of
//     Handsontable's HyperFormula (src/i18n/languages: nlNL #OVERLOOP!, frFR #EPARS!,
//     itIT #ESPANSIONE!, deDE #ÜBERLAUF!) and a spreadsheet-format library's Excel error
//     names (Dutch #OVERLOPEN!, #BEREKENEN!, #GEGEVENS.OPHALEN, #DELING.DOOR.0!; German
//     #DATEN_ABRUFEN; French #PROPAGATION!, #CHARGEMENT_DONNEES; Spanish
//     #¡DESBORDAMIENTO!, #OBTENIENDO_DATOS, Mexican #DESBORDAMIENTO! without the ¡;
//     Italian #ESTRAZIONE_DATI_IN_CORSO; Portuguese #NULO!, #NÚM!, #DESPEJAR!,
//     #OBTENDO_DADOS), with German #KALK! (Excel's German #CALC!) and #EXTERNAL!.
//
// No answer label, municipality or id is written so.
var sheetErrorValues = []string{
	"#ERROR!", // Google Sheets
	"#EXTERNAL!",
	"#OVERLOOP!", "#OVERLOPEN!", "#BEREKENEN!", "#GEGEVENS.OPHALEN", "#DELING.DOOR.0!", // Dutch
	"#ÜBERLAUF!", "#KALK!", "#DATEN_ABRUFEN", // German
	"#EPARS!", "#PROPAGATION!", "#CHARGEMENT_DONNEES", // French
	"#¡DESBORDAMIENTO!", "#DESBORDAMIENTO!", "#OBTENIENDO_DATOS", "#¡CALC!", "#NULO!", // Spanish
	"#ESPANSIONE!", "#ESTRAZIONE_DATI_IN_CORSO", // Italian
	"#NÚM!", "#DESPEJAR!", "#OBTENDO_DADOS", // Portuguese
}

// isSheetErrorValue reports whether v (upper-case) is an error value of sheetErrorValues
// or LibreOffice Calc's "Err:NNN": Calc shows (and saves as CSV) most of its errors as
// Err: and a three-digit code, 501 to 539 in its help ("Error Codes in LibreOffice
// Calc": Err:502 invalid argument, Err:504 error in parameter list, Err:522 circular
// reference, ...); the codes it shows as #NAME?, #REF!, #DIV/0!, #NUM!, #VALUE! or
// #N/A are Excel's and in excelErrors.
func isSheetErrorValue(v string) bool {
	if len(v) == 7 && v[:4] == "ERR:" && v[4] == '5' && isDigit(v[5]) && isDigit(v[6]) {
		return true
	}
	return slices.Contains(sheetErrorValues, v)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// maxErrorValueLen is the length of the longest error value brokenCell knows.
var maxErrorValueLen = func() int {
	n := len("ERR:5NN")
	for _, v := range append(slices.Clone(excelErrors), sheetErrorValues...) {
		n = max(n, len(v))
	}
	return n
}()
