package redact

import "testing"

// TestLeftovers010 attacks the rules for the privacy leftovers of 0.10.0: each input was
// published whole by 0.10.0 (or, for the look-alikes, must stay whole), in the forms a
// chat or a quick transcript writes it.
func TestLeftovers010(t *testing.T) {
	unlisted := New(Options{Keep: []string{"Bergdorp", "Heidekamp", "jongerenwerker", "school"}})
	study := New(Options{
		People: []string{"Jan van den Berg", "Lieke Bakker", "Roos Kuipers"},
		Names:  []string{"Bas", "Daan", "Mark"},
		Keep:   []string{"Bergdorp", "Heidekamp", "scholen", "school"},
	})
	listedOnly := New(Options{People: []string{"Roos Kuipers"}, ListedOnly: true})
	for _, c := range []struct {
		r       *Redactor
		in, out string
	}{
		// 1. school names in lower case after a school word
		{unlisted, "ze zit op basisschool de regenboog", "ze zit op basisschool [schoolnaam]"},
		{unlisted, "ze zit op obs de klimop en hij op OBS de wissel", "ze zit op obs [schoolnaam] en hij op OBS [schoolnaam]"},
		{unlisted, "op de cbs het mozaïek is het rustig", "op de cbs [schoolnaam] is het rustig"},
		{unlisted, "op de cbs het moza\u0308iek", "op de cbs [schoolnaam]"},
		{unlisted, "hij zit op OSG Hengelo, zij op osg de hoven", "hij zit op OSG [schoolnaam], zij op osg [schoolnaam]"},
		{unlisted, "RSG Pantarijn, CSG Het Noordik, SG De Triade en KC De Vlinder", "RSG [schoolnaam], CSG [schoolnaam], SG [schoolnaam] en KC [schoolnaam]"},
		{unlisted, "op het kindcentrum 't palet, in pcbs de vrije vogel", "op het kindcentrum [schoolnaam], in pcbs [schoolnaam]"},
		{unlisted, "op rkbs\u00a0de linde", "op rkbs\u00a0[schoolnaam]"},
		{unlisted, "obs klimop en ikc noorderlicht", "obs [schoolnaam] en ikc [schoolnaam]"},
		{unlisted, "op obs 'de klimop' en basisschool \"het anker\"", "op obs '[schoolnaam]' en basisschool \"[schoolnaam]\""},
		{unlisted, "ze ging naar het vathorst college, toen het da vinci college", "ze ging naar het [schoolnaam], toen het [schoolnaam]"},
		{unlisted, "op het stedelijk lyceum en het barlaeus gymnasium", "op het [schoolnaam] en het [schoolnaam]"},
		// look-alikes
		{unlisted, "op de basisschool de juf bellen, basisschool de kinderen", "op de basisschool de juf bellen, basisschool de kinderen"},
		{unlisted, "op de obs in bergdorp, obs en cbs, de obs hier", "op de obs in bergdorp, obs en cbs, de obs hier"},
		{unlisted, "het vorige college, het hele college, het college van b en w", "het vorige college, het hele college, het college van b en w"},
		{unlisted, "ik ga naar college, een goed college gehad", "ik ga naar college, een goed college gehad"},
		{unlisted, "op school de hele dag, sg het maakt niet uit, kc is weg", "op school de hele dag, sg het maakt niet uit, kc is weg"},
		{unlisted, "obs bergdorp", "obs bergdorp"},
		{unlisted, "volgens het CBS het aantal, 't CBS de cijfers", "volgens het CBS het aantal, 't CBS de cijfers"},
		{unlisted, "een goed lyceum, op elk lyceum, stedelijk lyceum", "een goed lyceum, op elk lyceum, stedelijk lyceum"},
		// 2. chat handles with digits glued on
		{unlisted, "jayy09 zei dat het goed was", "[naam] zei dat het goed was"},
		{unlisted, "xxsanne2008: kom je?", "[naam]: kom je?"},
		{unlisted, "als Milan010 en als @milan_010", "als [naam] en als [account]"},
		{unlisted, "sannexx12 en daan3", "[naam] en [naam]"},
		{unlisted, "[14:02] jayy09: hoi, MILAN010 en jayy09's foto", "[14:02] [naam]: hoi, [naam] en [naam]'s foto"},
		// look-alikes
		{unlisted, "covid19, a12, groep8, kamer2, 4havo, mbo2, niveau3", "covid19, a12, groep8, kamer2, 4havo, mbo2, niveau3"},
		{unlisted, "JO19-1, MBO2, FIFA23, mp3, h2o, web3, iphone13, win10", "JO19-1, MBO2, FIFA23, mp3, h2o, web3, iphone13, win10"},
		{unlisted, "roos2 en mark12 en bas3", "roos2 en mark12 en bas3"},
		{unlisted, "versie milan20251, nummer sanne12345", "versie milan20251, nummer sanne12345"},
		// 3. lower-case names in chat text
		{unlisted, "ja ik zei tegen jamal dat het niet kon", "ja ik zei tegen [naam] dat het niet kon"},
		{unlisted, "Ze appte: ja ik zei tegen jamal dat", "Ze appte: ja ik zei tegen [naam] dat"},
		{unlisted, "[14:02] jayden: ik zag milan bij de markt", "[14:02] [naam]: ik zag [naam] bij de markt"},
		{study, "ik ga met roos en bas naar de stad", "ik ga met [naam] en [naam] naar de stad"},
		{listedOnly, "ik ga met roos naar de stad", "ik ga met [naam] naar de stad"},
		{unlisted, "dat is jamals fiets en jamal's jas, zei ze", "dat is [naam] fiets en [naam] jas, zei ze"},
		{unlisted, "ik zag zoe\u0308 en chloë bij de bus", "ik zag [naam] en [naam] bij de bus"},
		// look-alikes
		{unlisted, "ik zag roos en mark en bas bij kim", "ik zag roos en mark en bas bij kim"},
		{unlisted, "ben done, ze said nee, in de summer", "ben done, ze said nee, in de summer"},
		{unlisted, "een brits merk jeans en sinas", "een brits merk jeans en sinas"},
		{study, "this wish marks an absence", "this wish marks an absence"},
		// (a later attack: a lower-case given name that is no word is a name in a
		// sentence with capitals too; "AVG enzo" is speech)
		{unlisted, "Ik zag Jamal niet. Hij zei het tegen jamal", "Ik zag [naam] niet. Hij zei het tegen [naam]"},
		{unlisted, "Ik sprak met mohamed bouali, AVG enzo, en met yusuf el amrani.", "Ik sprak met [naam], AVG enzo, en met [naam]."},
		{unlisted, "hij kent lotte de vries, sanne van dijk en ayoub bakkali", "hij kent [naam], [naam] en [naam]"},
		{unlisted, "ik zei tegen jamal in de klas dat hij ff moest komen", "ik zei tegen [naam] in de klas dat hij ff moest komen"},
		{unlisted, "Een merel zat op het hek, zei Merel.", "Een merel zat op het hek, zei [naam]."},
		{study, "Ik denk dat het helpt; je komt elkaar tegen bij de bakker", "Ik denk dat het helpt; je komt elkaar tegen bij de bakker"},
		{study, "ja bij de bakker om de hoek", "ja bij de bakker om de hoek"},
		{unlisted, "jamal", "jamal"},
		{New(Options{ListedOnly: true}), "ja ik zei tegen jamal dat", "ja ik zei tegen jamal dat"},
		// 4. a study's name glued to a place or a chat word
		{study, "op insta heet hij janbergdorp", "op insta heet hij [naam]"},
		{study, "status: ikbenjanvdberg", "status: [naam]"},
		{study, "Janbergdorp en ikbenlieke en groetjesdaan", "[naam] en [naam] en [naam]"},
		// look-alikes
		{study, "de basis, de basisscholen, waar kom je vandaan", "de basis, de basisscholen, waar kom je vandaan"},
		{study, "de markt, het semester, bergdorpse jongeren", "de markt, het semester, bergdorpse jongeren"},
		{unlisted, "janbergdorp", "janbergdorp"},
		// 5. Cruyff Court; a quarter's name and a number
		{unlisted, "we speelden op het Cruyff Court en op de Krajicek Playground", "we speelden op het Cruyff Court en op de Krajicek Playground"},
		{unlisted, "op het Vathorst College en op de Tweemaster", "op het [schoolnaam] en op de [schoolnaam]"},
		{unlisted, "hij woont op Heidekamp 3 bij zijn oma", "hij woont op [adres] bij zijn oma"},
		{unlisted, "Heidekamp 3, de Heidekamp 12a", "[adres], de [adres]"},
		{unlisted, "in Heidekamp 3 jongeren, Heidekamp 3 keer, Heidekamp 40%", "in Heidekamp 3 jongeren, Heidekamp 3 keer, Heidekamp 40%"},
		{unlisted, "(Bergdorp 20, Zeeveen 20, Heidekamp 3)", "(Bergdorp 20, Zeeveen 20, Heidekamp 3)"},
		{unlisted, "Beukenhorst 33 en Heidekamp 3", "[adres] en [adres]"},
		{unlisted, "Hij woont op Texel 12 jaar, Heidekamp 2024", "Hij woont op Texel 12 jaar, Heidekamp 2024"},
	} {
		if got := c.r.Redact(c.in); got != c.out {
			t.Errorf("Redact(%q) = %q, want %q", c.in, got, c.out)
		}
	}
}
