# Nominal alpha, percent agreement and a 20,000-sample unit bootstrap for
# testdata/presence_200x3.csv, written from the formulas of Krippendorff (2011) without
# any package. Run from pipeline/stats: Rscript testdata/presence_alpha.R
x <- as.matrix(read.csv("testdata/presence_200x3.csv", comment.char="#"))
alpha_nominal <- function(x) {
  x <- x[rowSums(!is.na(x)) >= 2, , drop=FALSE]
  vals <- sort(unique(as.vector(x[!is.na(x)])))
  o <- matrix(0, length(vals), length(vals))
  for (u in seq_len(nrow(x))) {
    v <- x[u, !is.na(x[u, ])]; m <- length(v)
    for (i in seq_len(m)) for (j in seq_len(m)) if (i != j) {
      a <- match(v[i], vals); b <- match(v[j], vals)
      o[a, b] <- o[a, b] + 1/(m - 1)
    }
  }
  nc <- rowSums(o); n <- sum(nc)
  1 - (n - 1) * (sum(o) - sum(diag(o))) / (n^2 - sum(nc^2))
}
print(alpha_nominal(x), digits=15)
agree <- apply(x, 1, function(r) { r <- r[!is.na(r)]; if (length(r) < 2) NA else all(r == r[1]) })
print(mean(agree, na.rm=TRUE), digits=15)
set.seed(2026)
p <- x[rowSums(!is.na(x)) >= 2, ]
b <- replicate(20000, alpha_nominal(p[sample(nrow(p), replace=TRUE), ]))
print(quantile(b, c(0.025, 0.975)), digits=6)
