package stats

import "math"

// Magnitude is a conventional label for the size of an effect.
type Magnitude string

const (
	Small    Magnitude = "small"
	Moderate Magnitude = "moderate"
	Large    Magnitude = "large"
)

// EtaSquaredMagnitude labels an eta squared (eta²_H of a Kruskal-Wallis test) as
// rstatix::kruskal_effsize does, after Cohen (1988): below 0.06 small, below 0.14
// moderate, else large. Empty for NaN.
func EtaSquaredMagnitude(e float64) Magnitude {
	return cut(e, 0.06, 0.14)
}

// RMagnitude labels a correlation-type effect |r| (Dunn's r = z / sqrt(n)) as
// rstatix::wilcox_effsize does, after Cohen (1988): below 0.3 small, below 0.5 moderate,
// else large. Empty for NaN.
func RMagnitude(r float64) Magnitude {
	return cut(math.Abs(r), 0.3, 0.5)
}

// CramersVMagnitude labels Cramér's V of a table whose smaller side has m categories
// with Cohen's (1988) thresholds for w, 0.3 and 0.5, divided by sqrt(m - 1), since
// V = w / sqrt(min(r, c) - 1): for a 2 × k table below 0.3 small, below 0.5 moderate,
// else large (the same three labels as the other effects). Empty for NaN or m < 2.
func CramersVMagnitude(v float64, m int) Magnitude {
	if m < 2 {
		return ""
	}
	d := math.Sqrt(float64(m - 1))
	return cut(v, 0.3/d, 0.5/d)
}

func cut(x, moderate, large float64) Magnitude {
	switch {
	case math.IsNaN(x):
		return ""
	case x < moderate:
		return Small
	case x < large:
		return Moderate
	}
	return Large
}

// AlphaReliability is Krippendorff's (2004, "Content analysis", 2nd ed., p. 241)
// reading of an alpha: "reliable" from 0.800, "tentative" (tentative conclusions only)
// from 0.667, else "unreliable". Empty for NaN.
func AlphaReliability(alpha float64) string {
	switch {
	case math.IsNaN(alpha):
		return ""
	case alpha >= 0.800:
		return "reliable"
	case alpha >= 0.667:
		return "tentative"
	}
	return "unreliable"
}
