package pipeline

import (
	"github.com/samenspel/samenspel/pipeline/model"
)

// sameFileInTwoWaves stops the run where one survey export, byte for byte (the SHA-256
// of the bytes its reader analysed), is given in two waves: a copy error (the 2024
// export copied into the 2025 folder) that would make every wave comparison a
// comparison of the same answers with themselves, "no change", without a word. 0.9.0
// only warned that the two waves' files share their responses. A respondent who
// answered in two waves (a panel) has two rows in two different files, and a survey
// used again whose export still holds the earlier wave's responses besides new ones is
// another file: both are read as before (sameExports warns about the second).
func sameFileInTwoWaves(s *Study, files []inputFile, sets []model.Dataset) error {
	type first struct {
		file int
		wave string
	}
	seen := map[string]first{}
	for i := range sets {
		if i >= len(files) || len(sets[i].Files) == 0 || sets[i].Files[0].SHA256 == "" {
			continue
		}
		sum, wave := sets[i].Files[0].SHA256, files[i].input.Wave
		f, ok := seen[sum]
		if !ok {
			seen[sum] = first{i, wave}
			continue
		}
		if f.wave != wave {
			return model.Reasonf("%[1]s (wave %[2]s) and %[3]s (wave %[4]s) are the same file, byte for byte: one export given for two waves (a copy error?) would compare the wave with itself and show no change; give each wave its own export",
				"%[1]s (meting %[2]s) en %[3]s (meting %[4]s) zijn hetzelfde bestand, byte voor byte: één export voor twee metingen (een kopieerfout?) zou de meting met zichzelf vergelijken en geen verandering tonen; geef elke meting haar eigen export",
				s.Rel(files[f.file].path), f.wave, s.Rel(files[i].path), wave)
		}
	}
	return nil
}
