package pipeline

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/samenspel/samenspel/pipeline/model"
)

// Version is the tool's version, recorded in every manifest.
const Version = "0.12.0"

// partialMarker is the file that marks a temporary output folder as samenspel's own and
// names the process writing it, so that the next run can remove what a killed run left.
const partialMarker = ".samenspel-partial"

// Publish writes an output folder atomically: write fills a temporary folder next to out,
// and only when it succeeds does the folder replace out. A failed run leaves an earlier
// output untouched and no half-written files. An existing out is replaced only when it is
// empty or an earlier samenspel output (it holds samenspel's manifest.json); anything else
// is refused with ErrUnsafeOutput. Temporary folders of earlier runs that were killed are
// removed first.
func Publish(out string, write func(tmp string) error) error {
	out = filepath.Clean(out)
	parent := filepath.Dir(out)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return model.Reasonf("output folder %s: %v", "uitvoermap %s: %v", out, err)
	}
	if fi, err := os.Lstat(out); err == nil {
		if fi.Mode()&os.ModeSymlink != 0 {
			return model.Reasonf("%w: output folder %s is a link: name the folder itself", "%v: uitvoermap %s is een koppeling: noem de map zelf", ErrUnsafeOutput, out)
		}
		if !fi.IsDir() {
			return model.Reasonf("%w: output folder %s is a file", "%v: uitvoermap %s is een bestand", ErrUnsafeOutput, out)
		}
		if ok, why := isOwnOutput(out); !ok {
			return model.Reasonf("%w: output folder %s %s", "%v: uitvoermap %s %s", ErrUnsafeOutput, out, why)
		}
	}
	removeStale(parent, filepath.Base(out))
	// The new output gets the permissions the researcher gave the earlier one (a folder
	// closed to others stays closed), from the start, and its owner may write it while
	// the run does; a first output has the umask's.
	var keep os.FileMode
	fi, err := os.Stat(out)
	had := err == nil
	if had {
		keep = fi.Mode().Perm()
	}
	tmp, err := mkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return model.Reasonf("output folder %s: %v", "uitvoermap %s: %v", out, err)
	}
	if had {
		if err := os.Chmod(tmp, keep|0o700); err != nil {
			os.RemoveAll(tmp)
			return model.Reasonf("output folder %s: %v", "uitvoermap %s: %v", out, err)
		}
	}
	if err := os.WriteFile(filepath.Join(tmp, partialMarker), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600); err != nil {
		os.RemoveAll(tmp)
		return model.Reasonf("output folder %s: %v", "uitvoermap %s: %v", out, err)
	}
	if err := write(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	var old string
	if had {
		old = tmp + ".old"
		// Writable to its owner, so that the marker can be written and the folder
		// removed once set aside (one made read-only was left as a hidden copy).
		os.Chmod(out, keep|0o700)
		// The earlier output is marked as well before it is set aside, so that a run killed
		// between the two renames leaves nothing the next run cannot clean.
		os.WriteFile(filepath.Join(out, partialMarker), []byte(strconv.Itoa(os.Getpid())+"\n"), 0o600)
		if err := os.Rename(out, old); err != nil {
			os.Remove(filepath.Join(out, partialMarker))
			os.Chmod(out, keep)
			os.RemoveAll(tmp)
			return model.Reasonf("output folder %s: cannot replace it: %v", "uitvoermap %s: kan niet worden vervangen: %v", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
			os.Remove(filepath.Join(out, partialMarker))
			os.Chmod(out, keep)
		}
		os.RemoveAll(tmp)
		return model.Reasonf("output folder %s: %v", "uitvoermap %s: %v", out, err)
	}
	// The marker goes only now: a run killed before this point leaves folders that all
	// carry it, so the next run removes them.
	os.Remove(filepath.Join(out, partialMarker))
	if had {
		os.Chmod(out, keep)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}

// mkdirTemp makes a new folder with a random name that starts with prefix, as
// os.MkdirTemp does, but with the permissions of a folder made by hand (0777 less the
// umask) rather than 0700, so that an output reads like any folder the researcher makes.
func mkdirTemp(parent, prefix string) (string, error) {
	for range 100 {
		var b [6]byte
		rand.Read(b[:])
		dir := filepath.Join(parent, prefix+hex.EncodeToString(b[:]))
		err := os.Mkdir(dir, 0o777)
		if err == nil {
			return dir, nil
		}
		if !errors.Is(err, os.ErrExist) {
			return "", err
		}
	}
	return "", model.Reasonf("no free name for a temporary folder in %s", "geen vrije naam voor een tijdelijke map in %s", parent)
}

// removeStale removes the temporary folders ".<base>.tmp-*" (and their ".old" twins) next
// to the output that an earlier run left when it was killed: only folders that hold
// samenspel's marker naming a process that no longer runs.
func removeStale(parent, base string) {
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	prefix := "." + base + ".tmp-"
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), prefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		b, err := os.ReadFile(filepath.Join(dir, partialMarker))
		if err != nil {
			continue // not ours, or not marked: leave it
		}
		pid, err := strconv.Atoi(strings.TrimSpace(string(b)))
		if err == nil && pid > 0 && running(pid) {
			continue // another run is writing it now
		}
		os.RemoveAll(dir)
	}
}

// running reports whether a process with the pid exists.
func running(pid int) bool {
	if pid == os.Getpid() {
		return true
	}
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	if runtime.GOOS == "windows" {
		return true // FindProcess opened it, so it exists; Signal(0) is not supported there
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, syscall.EPERM)
}
