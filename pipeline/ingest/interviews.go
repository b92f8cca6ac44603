package ingest

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/samenspel/samenspel/pipeline/model"
)

// interviewFormats are the formats ReadInterviews reads, by the names study.yaml uses.
var interviewFormats = map[string]func(string, Options) (model.Dataset, error){
	"generic":    readGeneric,
	"maxqda":     readMAXQDA,
	"atlasti":    readATLASti,
	"atlas.ti":   readATLASti,
	"qualcoder":  readQualCoder,
	"taguette":   readTaguette,
	"qdpx":       readQDPX,
	"nvivo":      readNVivo,
	"refi-qda":   readQDPX,
	"refiqda":    readQDPX,
	"transcript": readTranscript,
}

// ReadInterviews reads coded segments, a REFI-QDA project or a plain transcript. With
// opt.Format "auto" (or empty) the format follows the file: .qdpx and .qde are REFI-QDA,
// .txt and .docx transcripts, and tables (.xlsx, .csv) are recognised by their header:
// MAXQDA (Document name, Beginning), ATLAS.ti (Quotation Content, or ID with Codes),
// QualCoder (Codename, Coded), Taguette (id, document, tag, content), else the generic
// layout (respondent and text).
//
// The file is read once, read-only (a folder, device or pipe is refused with
// ErrNotRegular); its Dataset.Files entry carries the sha256 and size of the bytes read.
func ReadInterviews(path string, opt Options) (model.Dataset, error) {
	return readOnce(path, opt, false, readInterviews)
}

func readInterviews(path string, opt Options) (model.Dataset, error) {
	format := strings.ToLower(strings.TrimSpace(opt.Format))
	if format == "" || format == "auto" {
		f, err := detectInterviewFormat(path, opt)
		if err != nil {
			return model.Dataset{}, err
		}
		format = f
	}
	if len(opt.Interviewers) > 0 && format != "transcript" {
		return model.Dataset{}, model.Reasonf("%s: interviewer: names the interviewers of transcripts, and this is a %s file, which says itself who coded what; list the transcripts as an entry of their own: %w",
			"%s: interviewer: noemt de interviewers van transcripten, en dit is een %s-bestand, dat zelf zegt wie wat codeerde; zet de transcripten in een eigen regel onder interviews: %v", path, format, ErrNotTranscript)
	}
	read, ok := interviewFormats[format]
	if !ok {
		return model.Dataset{}, model.Reasonf("%s: %q is not an interview format (generic, maxqda, atlasti, qualcoder, taguette, qdpx, nvivo, transcript): %w",
			"%s: %q is geen formaat van interviews (generic, maxqda, atlasti, qualcoder, taguette, qdpx, nvivo, transcript): %v",
			path, opt.Format, ErrUnknownFormat)
	}
	return read(path, opt)
}

// detectInterviewFormat recognises an interview file's format.
func detectInterviewFormat(path string, opt Options) (string, error) {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".qdpx", ".qde":
		return "qdpx", nil
	case ".txt", ".docx", ".text", ".md", ".vtt", ".srt":
		return "transcript", nil
	}
	in, err := loadInput(path, opt)
	if err != nil {
		return "", err
	}
	if isZip(in.data) {
		// Held against the limits its name suggests; the entries' names say which kind
		// it is, and its reader checks it against that kind's limits.
		z, err := checkArchive(path, in.data, archiveKindOf(path))
		if err != nil {
			return "", err
		}
		for _, f := range z.File {
			n := strings.ToLower(f.Name)
			switch {
			case strings.HasSuffix(n, ".qde"):
				return "qdpx", nil
			case n == "word/document.xml":
				return "transcript", nil
			}
		}
	}
	opt.in = in
	return detectTableFormat(path, opt)
}

// interviewSignatures recognise a coded-segment table by its header, most specific first.
var interviewSignatures = []struct {
	format string
	all    [][]string // every group needs one of its names
}{
	{"qualcoder", [][]string{{"codename"}, {"coded"}}},
	{"taguette", [][]string{{"id"}, {"document"}, {"tag"}, {"content"}}},
	{"maxqda", [][]string{{"document name", "dokumentname", "documentnaam"}, {"beginning", "anfang", "begin"}, {"code"}}},
	{"atlasti", [][]string{{"quotation content", "zitatinhalt", "citaatinhoud"}}},
	{"atlasti", [][]string{{"id"}, {"document", "dokument"}, {"codes"}}},
	{"atlasti", [][]string{{"text content"}, {"document"}, {"codes"}, {"number of codes"}}},
}

// detectTableFormat reads the first rows of a table for a known header.
func detectTableFormat(path string, opt Options) (string, error) {
	rows, err := openTable(path, opt)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var first []string
	for n := 0; n < 12 && rows.Next(); {
		row := rows.Row()
		if blankRow(row) {
			continue
		}
		n++
		if first == nil {
			first = append([]string(nil), row...)
		}
		if looksLikeNVivoSummary(row) {
			return "", model.Reasonf("%s: this is an NVivo summary export (%s): it has counts, not coded text; %s: %w", "%s: dit is een samenvattende export van NVivo (%s): die bevat tellingen, geen gecodeerde tekst; %s: %v",
				path, strings.Join(row, " | "), nvivoAdviceIn, ErrUnknownFormat)
		}
		have := map[string]bool{}
		for _, c := range row {
			have[foldName(c)] = true
		}
		for _, s := range interviewSignatures {
			ok := true
			for _, group := range s.all {
				found := false
				for _, name := range group {
					found = found || have[name]
				}
				ok = ok && found
			}
			if ok {
				return s.format, nil
			}
		}
		if cols, err := FindColumns(row, genericLayout.fields, opt.Columns); err == nil && missingField(cols, genericLayout.required) == "" {
			return "generic", nil
		}
	}
	if err := rows.Err(); err != nil {
		return "", err
	}
	where := model.Translated(path, path)
	if s := rows.Sheet(); s != "" {
		where = model.Translated(fmt.Sprintf("%s: sheet %q", path, s), fmt.Sprintf("%s: blad %q", path, s))
	}
	fields := map[string][]string{}
	for _, l := range []segmentLayout{genericLayout, maxqdaLayout, atlastiLayout, qualcoderLayout, taguetteLayout} {
		for f, names := range l.fields {
			fields[l.format+" "+f] = names
		}
	}
	return "", model.Reasonf("%s: no known coded-segment header (%s); name the format in study.yaml: %w",
		"%s: geen bekende kopregel van gecodeerde fragmenten (%s); noem het formaat in study.yaml: %v",
		where, shownHeader(first, fields, 8), ErrUnknownFormat)
}
