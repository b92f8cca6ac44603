package synth

// The word bank: sentences in which interviewees speak of each code of the default
// codebook. Every sentence carries one of the code's auto-coder patterns, so the auto-coder
// has something to match; {p} is replaced by a partner as interviewees name them.

// codePhrases maps a code id of the default codebook to the sentences that speak of it.
var codePhrases = map[string][]string{
	"kennen.persoonlijk": {
		"We kennen elkaar inmiddels goed, ik heb echt een gezicht bij de mensen van {p}.",
		"De contactpersoon van {p} ken ik persoonlijk, dat scheelt enorm.",
		"Af en toe gaan we samen koffie drinken met {p}, gewoon om bij te praten.",
	},
	"kennen.vertrouwen": {
		"Ik vertrouw erop dat {p} het oppakt als ik iets meld.",
		"Het vertrouwen tussen ons en {p} is in de loop van de jaren gegroeid.",
		"Jongeren moeten je eerst vertrouwen voordat ze iets vertellen.",
	},
	"kennen.rollen": {
		"Ik weet wat ze kunnen bieden bij {p}, en waar hun grenzen liggen.",
		"In het begin hebben we elkaars rol goed doorgesproken met {p}.",
		"Je moet echt snappen wat ze doen bij {p}, anders verwijs je verkeerd.",
	},
	"kennen.afspraken": {
		"Met {p} hebben we duidelijke afspraken gemaakt over wie wat doet.",
		"Er is een protocol met {p} voor als er iets gebeurt in de wijk.",
		"Het convenant met {p} geeft houvast, ook als er nieuwe collega's komen.",
	},
	"kennen.onbekend": {
		"Ik heb eerlijk gezegd geen idee wie er bij {p} over deze wijk gaat.",
		"Ik weet niet wat {p} precies voor zo'n jongere kan betekenen.",
		"Die nieuwe mensen van {p} ken ik niet, dus dan bel je ook niet snel.",
	},
	"kennen.wantrouwen": {
		"Er heerst toch wat wantrouwen tussen ons en {p}.",
		"De verwachtingen over en weer met {p} liggen ver uit elkaar.",
	},
	"bereiken.korte_lijnen": {
		"Met {p} hebben we korte lijnen, dus we kunnen snel schakelen.",
		"Ik kan {p} altijd even bellen als er iets speelt.",
		"Vaak stuur ik {p} gewoon een appje en dan is het geregeld.",
	},
	"bereiken.contactpersoon": {
		"Bij {p} hebben we een vaste contactpersoon voor onze wijk.",
		"De aandachtsfunctionaris van {p} is ons aanspreekpunt.",
	},
	"bereiken.overleg": {
		"Elke maand zitten we met {p} aan tafel in het casuïstiekoverleg.",
		"In het MDO bespreken we jongeren samen met {p}.",
		"Het wekelijkse overleg op school met {p} werkt goed.",
	},
	"bereiken.aanwezig": {
		"Wij zijn als jongerenwerk elke week in de school aanwezig.",
		"Na schooltijd staan we op het plein, dan zijn we zichtbaar voor de jongeren.",
		"Op woensdag houden we spreekuur, zodat {p} ons makkelijk vindt.",
	},
	"bereiken.smoelenboek": {
		"Er is een smoelenboek met alle partners, ook van {p}.",
		"We hebben een telefoonlijst gemaakt met iedereen van {p} erop.",
		"Via de sociale kaart weet ik wie ik bij {p} moet hebben.",
	},
	"bereiken.onbereikbaar": {
		"Als ik {p} bel, krijg ik meestal de voicemail.",
		"{P} is vaak niet bereikbaar als je ze nodig hebt.",
		"De wachtlijst bij {p} is zo lang dat een jongere maanden moet wachten.",
	},
	"bereiken.wisselingen": {
		"Bij {p} is er veel verloop, dus je begint steeds opnieuw.",
		"Elke keer zit er weer een nieuwe medewerker bij {p}.",
		"Door alle wisselingen bij {p} weet je niet meer wie je moet hebben.",
	},
	"informeren.terugkoppeling": {
		"Na een verwijzing krijg ik van {p} netjes een terugkoppeling.",
		"Als ik iets doorzet, hoor ik terug van {p} hoe het gaat.",
		"Ik heb {p} gevraagd het me te laten weten, en dat doen ze ook.",
	},
	"informeren.signalen": {
		"We delen signalen vroeg met {p}, voordat het escaleert.",
		"Zorgen delen met {p} doen we meteen, niet pas als het misgaat.",
		"Ik kan dingen die ik zie gewoon melden bij {p}.",
	},
	"informeren.transparantie": {
		"We zijn transparant naar de jongere over wat we met {p} bespreken.",
		"Ik speel open kaart tegen ouders en tegen {p}.",
		"Je moet eerlijk tegen een jongere zijn over wat je doorvertelt.",
	},
	"informeren.geen_terugkoppeling": {
		"Na een melding bij {p} hoor ik niets meer, het is een zwart gat.",
		"We krijgen geen terugkoppeling van {p} als een zaak is afgesloten.",
		"Je geeft iets door aan {p} en dan hoor je er nooit meer iets van.",
	},
	"informeren.privacy": {
		"Vanwege de privacy mag {p} ons bijna niets vertellen.",
		"Door de AVG durft {p} geen namen meer te noemen.",
		"Dat valt onder mijn beroepsgeheim, dus dat mag ik niet delen met {p}.",
	},
}

// codeOrder lists the codes of the default codebook by factor, so random draws are stable.
var codeOrder = [nScales][]string{
	{"kennen.persoonlijk", "kennen.vertrouwen", "kennen.rollen", "kennen.afspraken", "kennen.onbekend", "kennen.wantrouwen"},
	{"bereiken.korte_lijnen", "bereiken.contactpersoon", "bereiken.overleg", "bereiken.aanwezig", "bereiken.smoelenboek", "bereiken.onbereikbaar", "bereiken.wisselingen"},
	{"informeren.terugkoppeling", "informeren.signalen", "informeren.transparantie", "informeren.geen_terugkoppeling", "informeren.privacy"},
}

// codeWeight is how often a code is spoken of, relative to the others of its factor.
var codeWeight = map[string]float64{
	"kennen.persoonlijk": 3, "kennen.vertrouwen": 2, "kennen.rollen": 2, "kennen.afspraken": 2, "kennen.onbekend": 1.5, "kennen.wantrouwen": 0.7,
	"bereiken.korte_lijnen": 3, "bereiken.contactpersoon": 1.5, "bereiken.overleg": 2.5, "bereiken.aanwezig": 1.5, "bereiken.smoelenboek": 0.6, "bereiken.onbereikbaar": 2, "bereiken.wisselingen": 1.2,
	"informeren.terugkoppeling": 1.5, "informeren.signalen": 2, "informeren.transparantie": 1, "informeren.geen_terugkoppeling": 2.2, "informeren.privacy": 1.5,
}

// partners are the partners as interviewees name them in a sentence.
var partners = []string{
	"het wijkteam", "de wijkagent", "de jeugdzorg", "de school", "het jongerenwerk",
	"Veilig Thuis", "de leerplichtambtenaar", "de gemeente", "de jeugdhulp", "de mentor",
}

// fillers are sentences that speak of no code: context, hesitation, anecdotes.
var fillers = []string{
	"Dat verschilt echt per jongere.",
	"We werken nu een jaar of drie in deze wijk.",
	"Het is een drukke periode geweest, met de zomer erbij.",
	"Ik vind het mooi werk om te doen.",
	"Je moet het per situatie bekijken.",
	"Vorig jaar hadden we een lastige casus met een jongen van vijftien.",
	"De wijk is de laatste jaren behoorlijk veranderd.",
	"Eigenlijk is het best een kleine gemeente.",
	"Daar kan ik niet zoveel over zeggen.",
	"Dat hangt ook af van de leeftijd.",
	"Veel jongeren hangen 's avonds rond bij het winkelcentrum.",
	"Sinds de coronatijd is er wel iets veranderd.",
}

// openers start a segment as a transcript often does.
var openers = []string{"Ja, ", "Nou, ", "Kijk, ", "Eerlijk gezegd: ", "Goh, ", ""}

// Personal details that slip into a transcript now and then, for the redaction stage to
// remove. All fictional (06-1234 numbers and example.nl addresses).
var personalDetails = []string{
	"Je kunt me bereiken op 06-12345678.",
	"Mail maar naar j.devries@example.nl.",
	"Ze woont op 1234 AB, vlak bij de school.",
	"Bel gerust 010-1234567 als er iets is.",
}

// itemTexts are statements for survey items beyond the default codebook's: per scale,
// positively worded ones and (for every fourth, reverse-keyed item) negatively worded
// ones, in Dutch and English.
var itemTexts = [nScales]struct{ pos, neg [][2]string }{
	kennen: {
		pos: [][2]string{
			{"Ik ken de jongerenwerkers in mijn wijk persoonlijk.", "I know the youth workers in my neighbourhood personally."},
			{"Ik weet wat het wijkteam voor een jongere kan betekenen.", "I know what the neighbourhood team can do for a young person."},
			{"Er zijn duidelijke afspraken over wie wat doet rond een jongere.", "There are clear agreements on who does what around a young person."},
			{"Ik vertrouw erop dat partners doen wat ze toezeggen.", "I trust partners to do what they promise."},
			{"Ik ken de wijkagent van mijn wijk bij naam.", "I know the neighbourhood police officer by name."},
			{"Ik weet wat school kan doen als een jongere vastloopt.", "I know what the school can do when a young person gets stuck."},
		},
		neg: [][2]string{
			{"Ik weet vaak niet welke andere professionals bij een jongere betrokken zijn.", "I often do not know which other professionals are involved with a young person."},
			{"Partners verwachten dingen van mij die niet bij mijn rol horen.", "Partners expect things of me that are not part of my role."},
		},
	},
	bereiken: {
		pos: [][2]string{
			{"Ik weet wie ik moet bellen bij het wijkteam.", "I know whom to call at the neighbourhood team."},
			{"Ik kan de wijkagent snel bereiken als het nodig is.", "I can reach the neighbourhood police officer quickly when needed."},
			{"We bespreken jongeren regelmatig in een gezamenlijk overleg.", "We discuss young people regularly in a joint case meeting."},
			{"Er is een vast aanspreekpunt bij de jeugdzorg.", "There is a fixed contact person at youth care."},
			{"Het jongerenwerk is zichtbaar aanwezig in en rond de school.", "Youth work is visibly present in and around the school."},
			{"Ik heb de contactgegevens van alle partners bij de hand.", "I have the contact details of all partners at hand."},
		},
		neg: [][2]string{
			{"Het duurt lang voordat ik iemand van de jeugdzorg spreek.", "It takes long before I get to speak to someone from youth care."},
			{"Mijn contactpersoon bij partners wisselt steeds.", "My contact person at partners keeps changing."},
		},
	},
	informeren: {
		pos: [][2]string{
			{"Na een verwijzing hoor ik wat er met de jongere gebeurt.", "After a referral I hear what happens with the young person."},
			{"Partners delen zorgen over een jongere op tijd met mij.", "Partners share concerns about a young person with me in time."},
			{"We zijn open naar de jongere over wat we met elkaar delen.", "We are open towards the young person about what we share with each other."},
			{"Ik weet welke informatie ik met partners mag delen.", "I know which information I may share with partners."},
			{"Veilig Thuis laat weten wat er met een melding gebeurt.", "Veilig Thuis lets me know what happens with a report."},
			{"Signalen van school komen op tijd bij ons aan.", "Signals from school reach us in time."},
		},
		neg: [][2]string{
			{"Privacyregels houden mij tegen om informatie te delen.", "Privacy rules keep me from sharing information."},
			{"Na een melding hoor ik vaak niets meer.", "After a report I often hear nothing back."},
		},
	},
}
