# Writes likert40x4.csv and airquality_ozone.csv, the inputs of the reliability and
# Kruskal-Wallis tests. Run with: Rscript make_testdata.R (R 4.2; output is deterministic).
set.seed(2015)
n <- 40
f <- rnorm(n)
mk <- function(load) pmin(5, pmax(1, round(3 + load*f + rnorm(n, sd=0.9))))
x <- data.frame(B1=mk(0.9), B2=mk(0.8), B3=mk(0.6), B4=mk(0.7))
write.csv(x, "likert40x4.csv", row.names=FALSE)
aq <- airquality[!is.na(airquality$Ozone), c("Ozone","Month")]
write.csv(aq, "airquality_ozone.csv", row.names=FALSE)
