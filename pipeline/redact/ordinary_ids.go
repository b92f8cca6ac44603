package redact

// OrdinaryID reports whether a lower-case respondent id is an ordinary word that names no
// one on its own: a word of test ids and speaker labels (idWords: "test", "respondent"),
// a function word ("haar", "een"), or a word a study uses for the members of a family or
// for a role ("moeder", "vader", "jongere", "mentor"). Any other lower-case id
// ("jdevries", "sbakker", "anouk") is listed as a name (pipeline/redactor_ids.go).
func OrdinaryID(id string) bool {
	f := fold(id)
	return idWords[f] || lex().function[f] || roleIDWords[f]
}

// roleIDWords are the family and role words used as respondent ids in interviews of a
// family or a team ("moeder", "vader1" has a digit and is an id either way).
var roleIDWords = map[string]bool{}

func init() {
	for _, w := range []string{"moeder", "vader", "ouder", "ouders", "zoon", "dochter", "kind", "kinderen",
		"broer", "zus", "zusje", "broertje", "oma", "opa", "tante", "oom", "neef", "nicht", "stiefmoeder",
		"stiefvader", "pleegmoeder", "pleegvader", "pleegouder", "voogd", "jongere", "jongeren", "leerling",
		"docent", "leraar", "lerares", "mentor", "coach", "buurman", "buurvrouw", "mother", "father",
		"parent", "son", "daughter", "child", "teacher", "student", "pupil", "youth", "groep", "team",
		"interview", "gesprek", "focusgroep", "onbekend", "anoniem", "overig", "overige", "totaal"} {
		roleIDWords[w] = true
	}
}
