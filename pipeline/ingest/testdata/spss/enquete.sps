* Writes the .sav test files of pipeline/ingest: run "pspp enquete.sps" in this folder.
SET LOCALE='UTF-8'.
DATA LIST LIST (",") /respondent (A6) gemeente_van_werk (A20) functie (F2.0) K1 (F2.0) K2 (F2.0) B1 (F2.0) B4 (F2.0) opmerking (A400).
BEGIN DATA
r01,Utrecht,1,4,5,3,2,Korte lijnen met de wijkagent.
r02,Zeist,2,1,9,5,,Privacy is lastig; we delen te weinig. é
r03,Utrecht,1,5,4,7,1,
r04,Zeist,3,2,2,2,2,Een heel lang antwoord dat langer is dan tweehonderdvijfenvijftig tekens zodat het bestand het als een zeer lange tekenreeks moet opslaan over meerdere segmenten verdeeld en dit gebeurt in SPSS en PSPP met recordtype 7 subtype 14. Daarna volgt nog wat tekst om zeker over de grens te komen met jongerenwerk en wijkteam en school en wijkagent erbij.
END DATA.
VARIABLE LABELS
  respondent 'Respondentnummer'
  gemeente_van_werk 'Gemeente'
  functie 'Wat is uw functie?'
  K1 'Ik ken de jongerenwerkers in mijn wijk persoonlijk.'
  K2 'Ik weet wat het wijkteam voor een jongere kan betekenen.'
  B1 'Ik weet wie ik moet bellen bij het wijkteam.'
  B4 'Het duurt lang voordat ik iemand van de jeugdzorg spreek.'
  opmerking 'Toelichting'.
VALUE LABELS
  functie 1 'Jongerenwerker' 2 'Wijkagent' 3 'Leerkracht'
  /K1 K2 B1 B4 1 'Helemaal mee oneens' 2 'Mee oneens' 3 'Neutraal' 4 'Mee eens' 5 'Helemaal mee eens' 9 'Weet niet'.
MISSING VALUES K1 K2 B1 B4 (9).
SAVE OUTFILE='enquete.sav' /UNCOMPRESSED.
SAVE OUTFILE='enquete_compressed.sav' /COMPRESSED.
SAVE OUTFILE='enquete.zsav' /ZCOMPRESSED.
