package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
)

// An input pattern such as "*/*.xlsx" also matches the study's own output/tables.xlsx
// once a run has written it, and the next run then refused its own output folder as
// holding an input (or, with the output elsewhere, would read a table of results as an
// interview export). A pattern's match is therefore left out when it is a file that an
// earlier samenspel output holds as it wrote it: a folder above it has samenspel's
// manifest.json, which lists the file with the sha256 the file still has. A file named
// by its own path (no pattern) is always read, and a file changed since (a review.qdpx
// reviewed in place) is the researcher's and is read too.

// ownOutputs caches, per folder, the outputs its manifest lists (nil: none), and whether
// it is a temporary folder a run is writing or left when it was killed (it holds
// samenspel's marker, publish.go).
type ownOutputs struct {
	manifests map[string]map[string]string
	temporary map[string]bool
}

func newOwnOutputs() *ownOutputs {
	return &ownOutputs{manifests: map[string]map[string]string{}, temporary: map[string]bool{}}
}

// wrote reports whether the file is one samenspel wrote into an output folder, unchanged,
// or lies in a run's temporary folder: a run killed by Ctrl-C leaves its ".output.tmp-*"
// with tables and no manifest, which "*/*/*.csv" matches (Go's * matches a leading dot),
// and every later run failed on it until the researcher found the hidden folder (a
// review of the first version).
func (o *ownOutputs) wrote(file string) bool {
	for dir := filepath.Dir(file); ; dir = filepath.Dir(dir) {
		if o.partial(dir) {
			return true
		}
		if listed := o.listed(dir); listed != nil {
			rel, err := filepath.Rel(dir, file)
			if err != nil {
				return false
			}
			sum, ok := listed[filepath.ToSlash(rel)]
			return ok && sum != "" && fileSHA256(file) == sum
		}
		if filepath.Dir(dir) == dir {
			return false
		}
	}
}

// listed reads the outputs of dir's manifest.json, where samenspel wrote one.
func (o *ownOutputs) listed(dir string) map[string]string {
	l, ok := o.manifests[dir]
	if !ok {
		l, _ = manifestOutputs(dir) // safety.go
		o.manifests[dir] = l
	}
	return l
}

// partial reports whether dir is a run's temporary folder: named as Publish names them
// (".output.tmp-<hex>", or its ".old" twin) and holding the marker. The name counts too:
// a marker alone, copied into a folder of inputs, hid that folder's files (a review).
func (o *ownOutputs) partial(dir string) bool {
	t, ok := o.temporary[dir]
	if !ok {
		if temporaryName.MatchString(filepath.Base(dir)) {
			fi, err := os.Lstat(filepath.Join(dir, partialMarker))
			t = err == nil && fi.Mode().IsRegular()
		}
		o.temporary[dir] = t
	}
	return t
}

// temporaryName is the name Publish gives a temporary folder (mkdirTemp) and the earlier
// output it sets aside.
var temporaryName = regexp.MustCompile(`^\..+\.tmp-[0-9a-f]+(\.old)?$`)
