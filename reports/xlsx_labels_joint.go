package reports

// The heads of the columns of joint_display, partner_pairs and municipality_benchmark
// in tables.xlsx.
func init() {
	for k, v := range map[string][2]string{
		"facilitator_respondents": {"Noemen het bevorderend", "Naming it a facilitator"},
		"facilitator_share":       {"Aandeel bevorderend", "Share facilitator"},
		"barrier_respondents":     {"Noemen het belemmerend", "Naming it a barrier"},
		"barrier_share":           {"Aandeel belemmerend", "Share barrier"},
		"top_codes":               {"Meest genoemde codes", "Most frequent codes"},
		"facilitator_quote":       {"Citaat, bevorderend", "Quote, facilitator"},
		"facilitator_quote_by":    {"Citaat bevorderend van", "Facilitator quote by"},
		"barrier_quote":           {"Citaat, belemmerend", "Quote, barrier"},
		"barrier_quote_by":        {"Citaat belemmerend van", "Barrier quote by"},
		"meta_inference":          {"Metaconclusie", "Meta-inference"},
		"partner_a":               {"Partner A", "Partner A"},
		"partner_b":               {"Partner B", "Partner B"},
		"working_respondents":     {"Noemen het paar werkend", "Naming the pair working"},
		"missing_respondents":     {"Noemen het paar ontbrekend", "Naming the pair missing"},
		"rank":                    {"Positie", "Rank"},
		"of":                      {"Van", "Of"},
		"others_median":           {"Mediaan andere gemeenten", "Median of the others"},
		"others_min":              {"Laagste andere gemeente", "Lowest of the others"},
		"others_max":              {"Hoogste andere gemeente", "Highest of the others"},
	} {
		columnHeads[k] = v
	}
}
