package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// ErrUnsafeOutput marks an output folder or key file that would overwrite or delete
// something that is not samenspel's own output: the study, its inputs, or a folder of
// other files. The command line refuses it with exit status 2.
var ErrUnsafeOutput = model.NewKind("unsafe output path", "onveilig uitvoerpad")

// resolved returns p as an absolute, clean path with every symbolic link along it
// followed, also a link whose target does not exist yet (an output folder a link points
// at before the first run), so that a link to the study or into the output is seen for
// what it is.
func resolved(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return filepath.Clean(p)
	}
	parts := strings.Split(filepath.ToSlash(abs), "/")
	cur := string(filepath.Separator)
	for hops := 0; len(parts) > 0 && hops < 64; {
		part := parts[0]
		parts = parts[1:]
		if part == "" || part == "." {
			continue
		}
		if part == ".." {
			cur = filepath.Dir(cur)
			continue
		}
		next := filepath.Join(cur, part)
		fi, err := os.Lstat(next)
		if err != nil || fi.Mode()&os.ModeSymlink == 0 {
			cur = next
			continue
		}
		target, err := os.Readlink(next)
		if err != nil {
			cur = next
			continue
		}
		hops++
		if !filepath.IsAbs(target) {
			target = filepath.Join(cur, target)
		}
		// Start again from the link's target, with the rest of the path after it.
		parts = append(strings.Split(filepath.ToSlash(target), "/"), parts...)
		cur = string(filepath.Separator)
	}
	return filepath.Clean(cur)
}

// within reports whether path lies inside dir or is dir (both resolved).
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return false
	}
	return rel == "." || (rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)))
}

// protectedPaths lists what a run must never write to or delete: study.yaml, the
// codebook, every input file, and the folders the inputs sit in (except the study folder
// itself, which holds output/ by default). All resolved.
func (s *Study) protectedPaths() (files, folders []string, err error) {
	add := func(p string) {
		files = append(files, resolved(p))
	}
	add(s.Path)
	add(s.Abs(s.Codebook))
	inputs := s.allInputs()
	dir := resolved(s.Dir)
	seen := map[string]bool{}
	for _, in := range inputs {
		matches, err := s.Files(in)
		if err != nil {
			return nil, nil, err
		}
		if len(matches) == 0 && in.Path != "" {
			matches = []string{s.Abs(in.Path)}
		}
		for _, m := range matches {
			add(m)
			d := resolved(filepath.Dir(m))
			if d != dir && !seen[d] {
				seen[d] = true
				folders = append(folders, d)
			}
		}
	}
	return files, folders, nil
}

// CheckOutput refuses an output folder that would harm the study: the study folder
// itself or a folder that holds it, a folder that holds or lies among the inputs, a
// file, or an existing folder that is not a samenspel output (it has no manifest.json
// written by samenspel). Publish replaces the folder as a whole, so each of these
// would lose the researcher's files.
func (s *Study) CheckOutput(out string) error {
	o := resolved(out)
	refuse := func(why error) error {
		return model.Reasonf("%w: -o %s %s", "%v: -o %s %s", ErrUnsafeOutput, out, why)
	}
	if within(resolved(s.Dir), o) {
		return refuse(model.Reasonf("is or holds the study folder: choose a folder of its own, such as %s", "is de onderzoeksmap of bevat die: kies een eigen map, bijvoorbeeld %s", filepath.Join(s.Dir, "output")))
	}
	files, folders, err := s.protectedPaths()
	if err != nil {
		return err
	}
	reviews := s.reviewFiles()
	for _, f := range files {
		if f == o {
			return refuse(model.Reasonf("is the input %s, which a run would delete", "is het invoerbestand %s, dat een run zou verwijderen", s.relResolved(f)))
		}
		if within(f, o) && reviews[f] {
			return refuse(model.Reasonf("holds the input %s (autocode.review), which a run would replace with a fresh review.qdpx: copy the reviewed file out of the output folder first, for instance to reviewed/review.qdpx, and name the copy in study.yaml",
				"bevat het invoerbestand %s (autocode.review), dat een run zou vervangen door een nieuwe review.qdpx: kopieer het beoordeelde bestand eerst uit de uitvoermap, bijvoorbeeld naar reviewed/review.qdpx, en noem de kopie in study.yaml", s.relResolved(f)))
		}
		if within(f, o) {
			return refuse(model.Reasonf("holds the input %s, which a run would delete", "bevat het invoerbestand %s, dat een run zou verwijderen", s.relResolved(f)))
		}
	}
	for _, d := range folders {
		if within(o, d) {
			return refuse(model.Reasonf("lies in the input folder %s: choose a folder of its own", "ligt in de invoermap %s: kies een eigen map", s.relResolved(d)))
		}
	}
	fi, err := os.Lstat(out)
	switch {
	case os.IsNotExist(err):
		return nil
	case err != nil:
		return refuse(err)
	case fi.Mode()&os.ModeSymlink != 0:
		// A run replaces the folder by renaming a new one into its place, which would
		// put a folder where the link was and leave the folder it points to as it was.
		return refuse(model.Reasonf("is a link (to %s): name the folder itself, -o %s", "is een koppeling (naar %s): noem de map zelf, -o %s", resolved(out), resolved(out)))
	case !fi.IsDir():
		return refuse(model.Translated("is a file, not a folder", "is een bestand, geen map"))
	}
	if ok, why := isOwnOutput(out); !ok {
		return refuse(model.Reasonf("%s: a run replaces the whole folder, so it only replaces an earlier samenspel output or an empty folder",
			"%s: een run vervangt de hele map, en vervangt dus alleen een eerdere uitvoer van samenspel of een lege map", why))
	}
	return nil
}

// isOwnOutput reports whether an existing folder may be replaced: it is empty, or it is an
// earlier samenspel output: it holds a manifest.json that samenspel wrote, nothing but
// the files that manifest lists and the folders they lie in (a researcher's notes or an
// empty folder of theirs saved into the output folder would otherwise be deleted with
// it), and each listed file as samenspel wrote it, by its sha256 in the manifest (a
// report.docx edited in place would lose the edits). The folder files of macOS and
// Windows (.DS_Store, Thumbs.db, desktop.ini, and the "._" twins of the outputs macOS
// writes on a share), which they make on their own when a folder is opened, do not
// count; the lock file of an output open in Word or LibreOffice is named, with the advice
// to close it.
func isOwnOutput(dir string) (bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false, err
	}
	if len(entries) == 0 {
		return true, nil
	}
	outputs, there := manifestOutputs(dir)
	if !there {
		return false, model.Translated("holds files but no samenspel manifest.json", "bevat bestanden maar geen manifest.json van samenspel")
	}
	if outputs == nil {
		return false, model.Translated("holds a manifest.json that samenspel did not write", "bevat een manifest.json die samenspel niet heeft geschreven")
	}
	listed := map[string]string{"manifest.json": "", partialMarker: ""} // path -> sha256
	folders := map[string]bool{".": true}
	for p, sum := range outputs {
		listed[p] = sum
		for d := path.Dir(p); d != "." && d != "/" && !folders[d]; d = path.Dir(d) {
			folders[d] = true
		}
	}
	var foreign, foreignFolder, changed, open string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			foreign = filepath.ToSlash(p)
			return filepath.SkipAll
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if !folders[rel] && foreignFolder == "" {
				foreignFolder = rel + "/" // named when it holds no file to name
			}
			return nil
		}
		sum, ok := listed[rel]
		switch {
		case !ok && (osFolderFile[d.Name()] || appleDouble(rel, listed, folders)):
		case !ok && officeLock(d.Name()):
			open = rel
			return filepath.SkipAll
		case !ok || !d.Type().IsRegular():
			foreign = rel
			return filepath.SkipAll
		case sum != "" && fileSHA256(p) != sum:
			changed = rel
			return filepath.SkipAll
		}
		return nil
	})
	if open != "" {
		return false, model.Reasonf("holds %s, the lock file of a document open in Word, Excel or LibreOffice: close the document first (or delete the lock file if no program has it open)",
			"bevat %s, het slotbestand van een document dat in Word, Excel of LibreOffice open is: sluit het document eerst (of verwijder het slotbestand als geen programma het open heeft)", open)
	}
	if foreign == "" && changed == "" {
		foreign = foreignFolder
	}
	if foreign != "" {
		return false, model.Reasonf("holds %s, which is not one of samenspel's outputs (move it out first)", "bevat %s, en dat is geen uitvoer van samenspel (verplaats het eerst)", foreign)
	}
	if changed != "" {
		return false, model.Reasonf("holds %s, which was changed after samenspel wrote it: a run would replace it and the changes would be lost (copy it out of the output folder first, or delete it)",
			"bevat %s, dat is gewijzigd nadat samenspel het schreef: een run zou het vervangen en de wijzigingen gaan verloren (kopieer het eerst uit de uitvoermap, of verwijder het)", changed)
	}
	return true, nil
}

// manifestOutputs reads the outputs (slash path -> sha256, lower case) that dir's
// manifest.json lists; there is false when dir has no manifest.json, and the map nil
// when samenspel did not write it (another tool's, or not one at all).
func manifestOutputs(dir string) (outputs map[string]string, there bool) {
	b, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		return nil, false
	}
	var m struct {
		Tool    string `json:"tool"`
		Outputs []struct {
			Path   string `json:"path"`
			SHA256 string `json:"sha256"`
		} `json:"outputs"`
	}
	if json.Unmarshal(b, &m) != nil || !strings.HasPrefix(m.Tool, "samenspel") || len(m.Outputs) == 0 {
		return nil, true
	}
	outputs = make(map[string]string, len(m.Outputs))
	for _, o := range m.Outputs {
		outputs[filepath.ToSlash(filepath.Clean(o.Path))] = strings.ToLower(o.SHA256)
	}
	return outputs, true
}

// osFolderFile names the files an operating system makes in a folder it shows.
var osFolderFile = map[string]bool{".DS_Store": true, "Thumbs.db": true, "desktop.ini": true}

// appleDouble reports whether rel is the "._name" that macOS writes beside a file or
// folder on a disk or share that cannot hold its metadata (exFAT, SMB), for a file or a
// folder of the output.
func appleDouble(rel string, listed map[string]string, folders map[string]bool) bool {
	dir, base := path.Split(rel)
	name, ok := strings.CutPrefix(base, "._")
	if !ok || name == "" {
		return false
	}
	_, of := listed[dir+name]
	return of || folders[dir+name] || osFolderFile[name]
}

// officeLock reports whether a file is the lock file Word and Excel ("~$report.docx")
// or LibreOffice (".~lock.report.docx#") keep beside a document they have open.
func officeLock(name string) bool {
	return strings.HasPrefix(name, "~$") || strings.HasPrefix(name, ".~lock")
}

// fileSHA256 is the hex sha256 of a file's bytes, "" when it cannot be read.
func fileSHA256(p string) string {
	f, err := os.Open(p)
	if err != nil {
		return ""
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return ""
	}
	return hex.EncodeToString(h.Sum(nil))
}

// CheckKeyFile refuses a pseudonym key file that would overwrite an input, study.yaml or
// the codebook, lie inside the output folder (publishing would delete it) or inside the
// folders of the inputs (it would be read as an input next time, or shared with them),
// and one that cannot be written or would overwrite a file that is not this study's key
// (key_file.go). It runs before the run reads anything, so a refused key leaves the
// earlier output as it was.
func (s *Study) CheckKeyFile(key, out string) error {
	k := resolved(s.Abs(key))
	refuse := func(why error) error {
		return model.Reasonf("%w: privacy.key_file %s %s", "%v: privacy.key_file %s %s", ErrUnsafeOutput, key, why)
	}
	if within(k, resolved(out)) {
		return refuse(model.Translated("lies inside the output folder, which every run replaces: choose a path outside it", "ligt in de uitvoermap, die elke run vervangt: kies een pad daarbuiten"))
	}
	files, folders, err := s.protectedPaths()
	if err != nil {
		return err
	}
	for _, f := range files {
		if k == f {
			return refuse(model.Translated("is an input of the study: writing the key would overwrite it", "is een invoerbestand van het onderzoek: de sleutel schrijven zou het overschrijven"))
		}
	}
	if why := s.readByInputs(k, folders); why != nil {
		return refuse(why)
	}
	if fi, err := os.Stat(k); err == nil && !fi.Mode().IsRegular() {
		return refuse(model.Translated("is not a regular file", "is geen gewoon bestand"))
	}
	return s.checkExistingKey(key, refuse) // key_file.go
}

// readByInputs says why a file at path would be read by a later run as an input, or
// nil: it lies in one of the inputs' folders (protectedPaths) or matches an input
// pattern. CheckKeyFile refuses such a key, and KeepEarlierKey such a name for its copy.
func (s *Study) readByInputs(path string, folders []string) error {
	for _, d := range folders {
		if within(path, d) {
			return model.Reasonf("lies in the input folder %s: keep the key apart from the data", "ligt in de invoermap %s: houd de sleutel apart van de gegevens", s.relResolved(d))
		}
	}
	for _, in := range s.allInputs() {
		if ok, _ := filepath.Match(resolved(s.Abs(in.Path)), path); ok {
			return model.Reasonf("matches the input pattern %s: the next run would read the key as data", "past bij het invoerpatroon %s: de volgende run zou de sleutel als gegevens lezen", in.Path)
		}
	}
	return nil
}

// allInputs lists the respondents, interview, survey and review inputs of study.yaml
// (a reviewed review.qdpx is the researcher's work as much as an interview export is).
func (s *Study) allInputs() []Input {
	var inputs []Input
	if s.Respondents != nil {
		inputs = append(inputs, *s.Respondents)
	}
	inputs = append(inputs, s.Interviews...)
	inputs = append(inputs, s.Survey...)
	return append(inputs, s.Autocode.Review...)
}

// relResolved names a resolved path relative to the study folder, as the researcher
// knows it.
func (s *Study) relResolved(p string) string {
	if r, err := filepath.Rel(resolved(s.Dir), p); err == nil && !strings.HasPrefix(r, "..") {
		return filepath.ToSlash(r)
	}
	return p
}
