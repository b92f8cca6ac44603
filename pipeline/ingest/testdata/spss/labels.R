# Writes labels.sav (R 4, haven): item variables whose value labels run with, against or
# beside the scale's values. Rscript labels.R in this folder.
library(haven)
eind   <- c("Helemaal mee oneens"=1, "Helemaal mee eens"=5)       # end points only, with the scale
omgekeerd <- c("Helemaal mee eens"=1, "Helemaal mee oneens"=5)    # end points only, against it
nul    <- c("Helemaal mee oneens"=0, "Mee oneens"=1, "Neutraal"=2, "Mee eens"=3, "Helemaal mee eens"=4)
vreemd <- c("Helemaal eens"=1, "Helemaal oneens"=5)               # labels the scale does not know
weet   <- c("Weet niet"=9)                                         # a missing label only
d <- data.frame(id=sprintf("R%d", 1:5))
d$E1 <- labelled(c(1, 2, 3, 4, 5), eind)
d$E2 <- labelled(c(1, 2, 3, 4, 5), omgekeerd)
d$E3 <- labelled(c(0, 1, 2, 3, 4), nul)
d$E4 <- labelled(c(1, 2, 3, 4, 5), vreemd)
d$E5 <- labelled(c(1, 9, 3, 4, 5), weet)
d$E6 <- labelled_spss(c(1, 2, 99, 4, 5), c("Geen antwoord"=99), na_values=99)
write_sav(d, "labels.sav")
