library(haven)
set.seed(1)
n <- 40
lab <- c("Helemaal eens"=1, "Eens"=2, "Neutraal"=3, "Oneens"=4, "Helemaal oneens"=5)
mk <- function() labelled(sample(1:5, n, replace=TRUE), lab)
d <- data.frame(Respondent=sprintf("R%02d",1:n), Gemeente=rep(c("Zeeveen","Bergdorp"),n/2), Functie="Jongerenwerker")
d$K1 <- mk(); d$K2 <- mk(); d$K3 <- mk(); d$K4 <- mk()
write_sav(d, "enquete/enquete.sav")
write.csv(data.frame(K1=as.numeric(d$K1),K2=as.numeric(d$K2),K3=as.numeric(d$K3),K4=as.numeric(d$K4)), "raw.csv", row.names=FALSE)
