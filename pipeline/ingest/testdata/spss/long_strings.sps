DATA LIST LIST /id (F3.0) toelichting (A300) antwoord (A12).
BEGIN DATA
1 "korte lijnen met de wijkagent" "mee_eens"
2 "geen terugkoppeling" "weetniet"
3 "x" "oneens_sterk"
END DATA.
VALUE LABELS toelichting "korte lijnen met de wijkagent" "Korte lijnen" /antwoord "mee_eens" "Mee eens" "oneens_sterk" "Helemaal mee oneens" "weetniet" "Weet niet".
MISSING VALUES antwoord ("weetniet").
SAVE OUTFILE="long_strings.sav".
DISPLAY DICTIONARY.
