package sav

import (
	"os"
	"testing"
)

func FuzzParse(f *testing.F) {
	// PSPP's files, and real files with long names, code page 65001, long-string labels
	// and missing values (records 7.13, 7.21, 7.22), user-missing ranges and dates.
	seeds := []string{testdata + "enquete.sav", testdata + "enquete_compressed.sav", testdata + "enquete.zsav", testdata + "long_strings.sav"}
	for _, name := range []string{"pyreadstat/basic-hebrews.sav", "pyreadstat/basic-sample_missing.sav", "haven/iris.sav", "haven/datetime.sav"} {
		seeds = append(seeds, thirdParty+name)
	}
	for _, path := range seeds {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		Parse(data)
	})
}
