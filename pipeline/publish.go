package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
)

// Version is the tool's version, recorded in every manifest.
const Version = "0.1.0"

// Publish writes an output folder atomically: write fills a temporary folder next to out,
// and only when it succeeds does the folder replace out. A failed run leaves an earlier
// output untouched and no half-written files.
func Publish(out string, write func(tmp string) error) error {
	parent := filepath.Dir(filepath.Clean(out))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("output folder %s: %v", out, err)
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return fmt.Errorf("output folder %s: %v", out, err)
	}
	if err := write(tmp); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)
		return err
	}
	var old string
	if _, err := os.Stat(out); err == nil {
		old = tmp + ".old"
		if err := os.Rename(out, old); err != nil {
			os.RemoveAll(tmp)
			return fmt.Errorf("output folder %s: cannot replace it: %v", out, err)
		}
	}
	if err := os.Rename(tmp, out); err != nil {
		if old != "" {
			os.Rename(old, out)
		}
		os.RemoveAll(tmp)
		return fmt.Errorf("output folder %s: %v", out, err)
	}
	if old != "" {
		os.RemoveAll(old)
	}
	return nil
}
