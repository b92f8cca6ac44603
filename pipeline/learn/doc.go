// Package learn learns the study's own coding: per code a logistic regression on the
// human-coded segments, checked by cross-validation before it suggests anything for the
// segments no one coded.
//
// The model is L2-regularised logistic regression (sparse.go, logistic.go) on word
// unigrams and bigrams and character 4-grams of the codebook's normalised text
// (codebook.Normalize), each segment's text features scaled to unit length, plus one
// feature per code the dictionary auto-coder fired on the segment (features.go). The
// minimisation is gonum's L-BFGS (gonum.org/v1/gonum/optimize), already a dependency;
// what is written here is only the loss, its gradient and the feature extraction. The
// maintained Go machine-learning libraries do not fit: golearn's linear models wrap
// liblinear through cgo (no pure-Go build) and take dense instances; goml has not been
// maintained since 2017 and has no sparse input; neither does group-wise cross-validation.
// Cross-validation (crossval.go) keeps every respondent's segments in one fold.
package learn
