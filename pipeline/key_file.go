package pipeline

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/samenspel/samenspel/pipeline/model"
)

// The pseudonym key (privacy.key_file) is the only way back from a published pseudonym
// to a real id: the pseudonyms are drawn from the study's own data (salt.go), so once the
// data change, no run makes the old key again. A run therefore never overwrites a key it
// cannot tell is this study's own. Each row names the study folder the key belongs to
// (column "study"); a key of another study, such as the ../sleutel.csv that two studies
// in one folder would share, is refused before anything is read, and a key written
// before keys named their study is replaced only when every respondent in it is one of
// this run's.

// keyHeader is the key file's header; keys of samenspel 0.12 and before have only the
// first two columns.
var keyHeader = []string{"respondent", "pseudonym", "study"}

// keyFile is what an existing key file holds.
type keyFile struct {
	study       string   // the study folder it names; "" for an older key
	respondents []string // the real ids in its first column
	pseudonyms  []string // each one's pseudonym, "" where its row has none
}

// readKeyFile reads an existing key. ok is false when the file is not a pseudonym key
// (its first line is not "respondent,pseudonym..."); a file that does not exist gives
// an error that errors.Is(fs.ErrNotExist).
func readKeyFile(path string) (k keyFile, ok bool, err error) {
	f, err := os.Open(path)
	if err != nil {
		return k, false, err
	}
	defer f.Close()
	br := bufio.NewReader(f)
	r := csv.NewReader(br)
	// A key opened and saved again in Excel with Dutch settings has ";" between fields.
	if line, _ := br.Peek(64); bytes.Count(line, []byte(";")) > 0 && bytes.Count(line, []byte(",")) == 0 {
		r.Comma = ';'
	}
	r.FieldsPerRecord = -1
	r.LazyQuotes = true
	head, err := r.Read()
	if err == io.EOF {
		return k, true, nil // an empty file: nothing is lost by writing it
	}
	// Only the columns a key has: a list of the researcher's with these two columns and
	// more (naam, telefoon, toestemming) is not a key, and is not overwritten.
	if err != nil || len(head) < 2 || len(head) > 3 || strings.TrimPrefix(head[0], "\ufeff") != keyHeader[0] || head[1] != keyHeader[1] ||
		len(head) == 3 && head[2] != keyHeader[2] {
		return k, false, nil
	}
	named := len(head) > 2
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return k, false, nil // not a CSV samenspel wrote
		}
		if len(rec) == 0 || rec[0] == "" {
			continue
		}
		k.respondents = append(k.respondents, rec[0])
		k.pseudonyms = append(k.pseudonyms, strings.TrimSpace(field(rec, 1)))
		if named && len(rec) > 2 && k.study == "" {
			k.study = rec[2]
		}
	}
	return k, true, nil
}

// field is rec[i], or "" where the record is shorter.
func field(rec []string, i int) string {
	if i < len(rec) {
		return rec[i]
	}
	return ""
}

// keyStudy is how a key at keyPath names its study: the study folder as seen from the
// key's folder ("wijk-a" for ../sleutel.csv, "." for a key in the study folder), so
// that a study and its key moved together, or reached from another computer where the
// shared drive lies elsewhere, are still each other's (a first version wrote the folder's
// absolute path, and refused the same study on a colleague's computer); the absolute
// path where the two lie on different drives.
func (s *Study) keyStudy(keyPath string) string {
	dir := resolved(s.Dir)
	if rel, err := filepath.Rel(filepath.Dir(resolved(keyPath)), dir); err == nil {
		return filepath.ToSlash(rel)
	}
	return dir
}

// ownKey reports whether a key's study column names this study: as keyStudy writes it,
// or by the study folder's absolute path.
func (s *Study) ownKey(keyPath, study string) bool {
	return study == s.keyStudy(keyPath) || filepath.Clean(study) == resolved(s.Dir)
}

// checkExistingKey refuses, before the run, a key path whose folder is a file, a file
// there that is not a pseudonym key, and a key that names another study.
func (s *Study) checkExistingKey(key string, refuse func(error) error) error {
	path := s.Abs(key)
	// A key_file that is a link to where the researcher keeps keys (an encrypted volume)
	// is written there, but only into a folder that exists: a volume not mounted leaves
	// an empty mount point, and the key would go, in plain text, onto the disk beneath.
	if fi, err := os.Lstat(path); err == nil && fi.Mode()&os.ModeSymlink != 0 {
		target := resolved(path)
		if d, err := os.Stat(filepath.Dir(target)); err != nil || !d.IsDir() {
			return refuse(model.Reasonf("is a link to %s, whose folder does not exist: is the disk or volume it lies on connected and mounted?", "is een koppeling naar %s, waarvan de map niet bestaat: is de schijf of het volume waarop die ligt aangesloten en gekoppeld?", target))
		}
		if err := probeWritable(filepath.Dir(target), filepath.Base(target)); err != nil {
			return refuse(model.Reasonf("cannot be written: %v", "kan niet worden geschreven: %v", err))
		}
	}
	for dir := filepath.Dir(path); ; dir = filepath.Dir(dir) {
		if fi, err := os.Stat(dir); err == nil {
			if !fi.IsDir() {
				return refuse(model.Reasonf("cannot be written: %s is a file, not a folder", "kan niet worden geschreven: %s is een bestand, geen map", dir))
			}
			// WriteKey makes the folders that are missing, but not beneath a link: the
			// link may be to a volume that is not mounted (a review found the key made
			// in plain text under a missing vault/keys the link pointed to).
			if l, err := os.Lstat(dir); err == nil && l.Mode()&os.ModeSymlink != 0 && dir != filepath.Dir(path) {
				return refuse(model.Reasonf("cannot be written: the folder %s does not exist, and %s is a link (to %s): is the disk or volume it points to connected and mounted? If so, make the folder first",
					"kan niet worden geschreven: de map %s bestaat niet, en %s is een koppeling (naar %s): is de schijf of het volume waarnaar die wijst aangesloten en gekoppeld? Zo ja, maak de map dan eerst", filepath.Dir(path), dir, resolved(dir)))
			}
			// The folder the key goes in, or where WriteKey makes the rest: a key that
			// cannot be written is refused now rather than after the output is replaced.
			if err := probeWritable(dir, filepath.Base(path)); err != nil {
				return refuse(model.Reasonf("cannot be written: %v", "kan niet worden geschreven: %v", err))
			}
			break
		}
		if fi, err := os.Lstat(dir); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			return refuse(model.Reasonf("cannot be written: %s is a link to %s, which does not exist: is the disk or volume it points to connected and mounted?",
				"kan niet worden geschreven: %s is een koppeling naar %s, dat niet bestaat: is de schijf of het volume waarnaar die wijst aangesloten en gekoppeld?", dir, resolved(dir)))
		}
		if filepath.Dir(dir) == dir {
			break
		}
	}
	k, ok, err := readKeyFile(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return refuse(model.Reasonf("cannot be read: %v", "kan niet worden gelezen: %v", err))
	case !ok:
		return refuse(model.Translated("exists and is not a pseudonym key: it is not overwritten", "bestaat al en is geen pseudoniemsleutel: het wordt niet overschreven"))
	case k.study != "" && !s.ownKey(path, k.study):
		return refuse(model.Reasonf("holds the pseudonym key of another study (%s): a run would overwrite it, and that study's pseudonyms could no longer be traced back; give each study a key file of its own, for example %s (if this study was moved from there, move the old key aside first)",
			"bevat de pseudoniemsleutel van een ander onderzoek (%s): een run zou die overschrijven, en de pseudoniemen van dat onderzoek zijn dan niet meer terug te leiden; geef elk onderzoek een eigen sleutelbestand, bijvoorbeeld %s (is dit onderzoek daarvandaan verplaatst, zet de oude sleutel dan eerst opzij)",
			k.study, s.ownKeySuggestion(key)))
	}
	return nil
}

// ownKeySuggestion proposes a key file named for the study folder, beside the given one.
func (s *Study) ownKeySuggestion(key string) string {
	ext := filepath.Ext(key)
	if ext == "" {
		ext = ".csv"
	}
	return filepath.ToSlash(filepath.Join(filepath.Dir(key), strings.TrimSuffix(filepath.Base(key), ext)+"-"+filepath.Base(resolved(s.Dir))+ext))
}

// CheckKeyReplace refuses to replace an older key (one that names no study) that holds
// respondents this run does not have: it may be another study's. It runs after the
// analysis and before the output is published.
func (s *Study) CheckKeyReplace(key string, next [][2]string) error {
	k, ok, err := readKeyFile(s.Abs(key))
	if err != nil || !ok || k.study != "" || len(k.respondents) == 0 {
		return nil // no key yet, or checked before the run
	}
	have := make(map[string]bool, len(next))
	for _, r := range next {
		have[r[0]] = true
	}
	missing := 0
	for _, id := range k.respondents {
		if !have[id] {
			missing++
		}
	}
	if missing == 0 {
		return nil
	}
	return model.Reasonf("%w: privacy.key_file %s is a pseudonym key that names no study (written before keys did), and it holds %d respondent(s), of %d, that are not in this study: it may be another study's key, which a run would overwrite; give this study a key file of its own, for example %s, or move the old key aside if it is no longer needed",
		"%v: privacy.key_file %s is een pseudoniemsleutel die geen onderzoek noemt (geschreven voordat sleutels dat deden), en ze bevat %d respondent(en), van de %d, die niet in dit onderzoek voorkomen: het kan de sleutel van een ander onderzoek zijn, die een run zou overschrijven; geef dit onderzoek een eigen sleutelbestand, bijvoorbeeld %s, of zet de oude sleutel opzij als die niet meer nodig is",
		ErrUnsafeOutput, key, missing, len(k.respondents), s.ownKeySuggestion(key))
}

// WriteKey writes the pseudonym key as CSV to the study's privacy.key_file, each row
// naming the study. The caller checks the path first with CheckKeyFile and
// CheckKeyReplace, and keeps the earlier key with KeepEarlierKey; WriteKey itself refuses
// to overwrite a file that is not a key of this study. The key is written to a temporary
// file beside it and renamed into place, so a failed write leaves the earlier key whole;
// a key with the same bytes is left as it is.
func (s *Study) WriteKey(key [][2]string) error {
	// Through a link to where the researcher keeps the key (an encrypted volume): the
	// rename below would otherwise put a plain file in the link's place.
	path := resolved(s.Abs(s.Privacy.KeyFile))
	refuse := func(why error) error {
		return model.Reasonf("%w: privacy.key_file %s %s", "%v: privacy.key_file %s %s", ErrUnsafeOutput, s.Privacy.KeyFile, why)
	}
	if err := s.checkExistingKey(s.Privacy.KeyFile, refuse); err != nil {
		return err
	}
	named := func(err error) error {
		return model.Reasonf("privacy.key_file %s: %v", "privacy.key_file %s: %v", s.Privacy.KeyFile, err)
	}
	b, err := s.keyBytes(path, key)
	if err != nil {
		return named(err)
	}
	if earlier, err := os.ReadFile(path); err == nil && bytes.Equal(earlier, b) {
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return named(err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-")
	if err != nil {
		return named(err)
	}
	tmp := f.Name()
	fail := func(err error) error {
		f.Close()
		os.Remove(tmp)
		return named(err)
	}
	// CreateTemp makes the file readable by its owner only (0600), as the key must be.
	if _, err := f.Write(b); err != nil {
		return fail(err)
	}
	if err := f.Close(); err != nil {
		return fail(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return fail(err)
	}
	return nil
}

// keyBytes is the key file WriteKey writes at path.
func (s *Study) keyBytes(path string, key [][2]string) ([]byte, error) {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.Write(keyHeader)
	study := s.keyStudy(path)
	for _, k := range key {
		w.Write([]string{k[0], k[1], study})
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

// KeepEarlierKey keeps the study's earlier key beside it when it gives any respondent
// another pseudonym than key does, and returns the copy's path ("" when nothing was
// kept). The pseudonyms are drawn from the data, so a run on changed data gives every
// respondent a new one, and the earlier key is the only way back from the pseudonyms of
// what was made with it (an article, a report sent round). It runs before the output is
// published, so a copy that cannot be made stops the run with the earlier output and key
// as they were. A key that differs in its form only (Excel's ";", the older two
// columns), and an earlier key kept already (the same pairs in a copy beside it: trial
// runs that go back and forth), are not kept again.
func (s *Study) KeepEarlierKey(key [][2]string) (string, error) {
	path := resolved(s.Abs(s.Privacy.KeyFile))
	named := func(err error) error {
		return model.Reasonf("privacy.key_file %s: the earlier key could not be kept: %v", "privacy.key_file %s: de vorige sleutel kon niet bewaard worden: %v", s.Privacy.KeyFile, err)
	}
	earlier, ok, err := readKeyFile(path)
	if errors.Is(err, fs.ErrNotExist) || err == nil && (!ok || len(earlier.respondents) == 0) {
		return "", nil // no key yet, or not a key (checked before the run)
	}
	if err != nil {
		return "", named(err)
	}
	if earlier.samePairs(key) {
		return "", nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return "", named(err)
	}
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	// sleutel.1.csv, sleutel.2.csv, ...; where an input pattern would read those
	// ("*[0-9].csv"), sleutel.1-eerder.csv, ...
	form := func(n int) string { return stem + "." + strconv.Itoa(n) + ext }
	if s.readAsInput(form(1)) {
		form = func(n int) string { return stem + "." + strconv.Itoa(n) + "-eerder" + ext }
	}
	for n := 1; n < 10000; n++ {
		name := form(n)
		if k, ok, err := readKeyFile(name); err == nil && ok && k.samePairsAs(earlier) {
			return "", nil // kept already
		}
		if _, err := os.Lstat(name); err == nil {
			continue // taken
		}
		if s.readAsInput(name) {
			return "", named(model.Reasonf("a copy named %s would be read as an input of study.yaml; move the earlier key aside, or give privacy.key_file a path that no input pattern is near",
				"een kopie met de naam %s zou als invoer van study.yaml gelezen worden; zet de vorige sleutel opzij, of geef privacy.key_file een pad dat niet bij een invoerpatroon ligt", filepath.Base(name)))
		}
		if err := writeOwnerOnly(name, data); errors.Is(err, fs.ErrExist) {
			continue
		} else if err != nil {
			return "", named(err)
		}
		if fi, err := os.Stat(path); err == nil {
			os.Chtimes(name, time.Time{}, fi.ModTime()) // when the earlier key was written, where the file system keeps it
		}
		return name, nil
	}
	return "", named(model.Translated("no free name beside it", "geen vrije naam ernaast"))
}

// samePairs reports whether the key file gives each respondent of key its pseudonym
// there, and holds no other respondent.
func (k keyFile) samePairs(key [][2]string) bool {
	if len(k.respondents) != len(key) {
		return false
	}
	of := make(map[string]string, len(key))
	for _, p := range key {
		of[p[0]] = p[1]
	}
	for i, id := range k.respondents {
		if p, ok := of[id]; !ok || p != k.pseudonyms[i] {
			return false
		}
	}
	return true
}

// samePairsAs is samePairs with the pairs of another key file.
func (k keyFile) samePairsAs(o keyFile) bool {
	pairs := make([][2]string, len(o.respondents))
	for i := range o.respondents {
		pairs[i] = [2]string{o.respondents[i], o.pseudonyms[i]}
	}
	return k.samePairs(pairs)
}

// readAsInput reports whether a later run would read a file at path as an input
// (readByInputs); it does where the inputs cannot be listed.
func (s *Study) readAsInput(path string) bool {
	_, folders, err := s.protectedPaths()
	return err != nil || s.readByInputs(path, folders) != nil
}

// writeOwnerOnly writes b to a new file at name, readable by its owner only; it never
// replaces a file (an error that errors.Is(fs.ErrExist) when name exists).
func writeOwnerOnly(name string, b []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if err != nil {
		return err
	}
	_, err = f.Write(b)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(name)
	}
	return err
}

// probeWritable creates a file in dir, named after the key, and removes it.
func probeWritable(dir, name string) error {
	f, err := os.CreateTemp(dir, "."+name+".probe-")
	if err != nil {
		return model.Reasonf("the folder %s is not writable", "de map %s is niet beschrijfbaar", dir)
	}
	f.Close()
	return os.Remove(f.Name())
}
