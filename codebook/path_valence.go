package codebook

import "strings"

// Code trees are often split by direction as well as by factor: "Kennen\Belemmerend\
// Vertrouwen" (MAXQDA), "Belemmerende factoren > Elkaar kennen > Vertrouwen", a
// REFI-QDA project with a code "Belemmerend" between the factor and its codes. The
// leaf alone names a code of the codebook ("Vertrouwen", a facilitator), but the group
// says the passage is a barrier. Counting it as the facilitator turns a barrier into
// its opposite, so a path whose groups name the other valence than the leaf's code is
// not resolved by its leaf: it is an unmapped code, listed with its count, and
// Codebook.ValenceConflict says why. A group that names the code's own valence, or
// none, changes nothing.

// groupValenceStems are the beginnings of the folded words that name a valence in a
// group's name, in Dutch and English: "Belemmerende factoren", "Barrières",
// "Drempels", "Knelpunten", "Negatief"; "Bevorderend", "Faciliterende factoren",
// "Succesfactoren", "Positief".
var groupValenceStems = []struct {
	stem    string
	valence Valence
}{
	{"belemmer", Barrier}, {"barri", Barrier}, {"drempel", Barrier}, {"hinder", Barrier},
	{"knelpunt", Barrier}, {"obstakel", Barrier}, {"obstacle", Barrier}, {"negatie", Barrier},
	{"negative", Barrier}, {"remmend", Barrier},
	{"bevorder", Facilitator}, {"faciliter", Facilitator}, {"facilitat", Facilitator},
	{"stimuler", Facilitator}, {"succesfactor", Facilitator}, {"enabler", Facilitator},
	{"positie", Facilitator}, {"positive", Facilitator}, {"helpend", Facilitator},
}

// groupValence returns the valence the groups of a path (folded) name, and false where
// they name none, or both. A group that is a factor of the codebook ("Negatieve
// beeldvorming" could be one) names no valence.
func (cb *Codebook) groupValence(parents []string) (Valence, bool) {
	var found Valence
	for _, p := range parents {
		if cb.factorNames[p] != "" {
			continue
		}
		for _, w := range strings.FieldsFunc(p, func(r rune) bool {
			return r == ' ' || r == '-' || r == '_' || r == '.' || r == ',' || r == '(' || r == ')'
		}) {
			for _, s := range groupValenceStems {
				if strings.HasPrefix(w, s.stem) {
					if found != "" && found != s.valence {
						return "", false
					}
					found = s.valence
				}
			}
		}
	}
	return found, found != ""
}

// valenceAgrees reports whether the groups of a path leave code id's valence as it is:
// they name no valence, or its own.
func (cb *Codebook) valenceAgrees(parents []string, id string) bool {
	v, named := cb.groupValence(parents)
	if !named {
		return true
	}
	c, ok := cb.Code(id)
	return !ok || c.Valence == v
}

// ValenceConflict reports whether name is a path whose last part names code id but
// whose groups name the other valence ("Kennen > Belemmerend > Vertrouwen" where
// Vertrouwen is a facilitator): Resolve then leaves it unmapped. group is the valence
// the groups name.
func (cb *Codebook) ValenceConflict(name string) (id string, group Valence, ok bool) {
	if cb.index == nil {
		cb.Prepare()
	}
	k := Fold(name)
	if _, whole := cb.index[k]; whole || k == "" {
		return "", "", false
	}
	parts := pathParts(k) // codebook.go, as resolve splits it
	if len(parts) <= 1 {
		return "", "", false
	}
	if _, whole := cb.index[strings.Join(parts, " > ")]; whole {
		return "", "", false
	}
	leaf, parents := parts[len(parts)-1], parts[:len(parts)-1]
	id = cb.index[leaf]
	if id == "" || cb.valenceAgrees(parents, id) {
		return "", "", false
	}
	group, _ = cb.groupValence(parents)
	return id, group, true
}
