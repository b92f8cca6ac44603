package synth

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// The survey follows the ordinal latent-variable model of the bundled example study. Each
// respondent has a general collaboration climate g ~ N(0, 1) and, per scale s, a latent
// trait
//
//	theta_s = base_s + municipality_s + role_s + 0.6 g + 0.75 e_s,   e_s ~ N(0, 1)
//
// An item's latent response is z = ±theta_s + location_i + 0.85 u_i (u_i ~ N(0, 1)), with
// -theta_s for a reverse-keyed item, cut into the five answer categories at thresholds.
var (
	thresholds = [4]float64{-1.6, -0.6, 0.3, 1.4}
	scaleBase  = [nScales]float64{0.35, 0.2, 0.0}
)

// answerLabels are the default codebook's Likert labels; dontKnow is one of its missing
// labels.
var answerLabels = [5]string{"Helemaal mee oneens", "Mee oneens", "Neutraal", "Mee eens", "Helemaal mee eens"}

const dontKnow = "Weet niet"

// Missing answers: a share of respondents stops after two thirds of the items, and any
// item is answered "Weet niet" or left empty now and then.
const (
	dropOutRate  = 0.04
	dontKnowRate = 0.015
	emptyRate    = 0.015
)

// surveyItem is an item of the synthetic survey.
type surveyItem struct {
	ID       string
	Scale    int
	Location float64
	Reverse  bool
}

// surveyItems returns n items per scale, K1..Kn, B1..Bn, I1..In; every fourth is
// reverse-keyed. Locations come from the survey's random stream.
func surveyItems(n int, r *rand.Rand) []surveyItem {
	items := make([]surveyItem, 0, nScales*n)
	for s := range nScales {
		for j := 1; j <= n; j++ {
			items = append(items, surveyItem{
				ID:       scalePrefix[s] + strconv.Itoa(j),
				Scale:    s,
				Location: 0.25 * r.NormFloat64(),
				Reverse:  j%4 == 0,
			})
		}
	}
	return items
}

// surveyCell is a cell of the survey: a number (1..5) or a text.
type surveyCell struct {
	Text   string
	Number int // 0 for a text cell
}

// surveyRowWriter is a survey file being written row by row.
type surveyRowWriter interface {
	Row(cells []surveyCell) error
	Close() error
}

// writeSurvey simulates the survey and writes it, one respondent at a time, so memory stays
// flat whatever the number of respondents. The respondents are split evenly over
// c.SurveyFiles files (at least one), or written once per wave; open returns the writers of file k (one per format).
// The answers do not depend on the split.
func writeSurvey(c Config, p *population, open func(k int) ([]surveyRowWriter, error), progress func(int)) error {
	r := newRand(c.Seed, streamSurvey)
	items := surveyItems(c.Items, r)
	header := make([]surveyCell, 0, 3+len(items))
	for _, h := range []string{"Respondent", "Gemeente", "Functie"} {
		header = append(header, surveyCell{Text: h})
	}
	for _, it := range items {
		header = append(header, surveyCell{Text: it.ID})
	}
	width := len(strconv.Itoa(c.Respondents))
	row := make([]surveyCell, len(header))
	stopAt := len(items) * 2 / 3
	files, total := c.surveyFiles(), c.surveyed()
	i := 0
	for k := range files {
		writers, err := open(k)
		if err != nil {
			return err
		}
		err = writeRows(writers, header)
		for end := (k + 1) * total / files; err == nil && i < end; i++ {
			m := &p.Municipalities[pick(r, p.muniCum)]
			role := &roles[pick(r, p.surveyRoleCum)]
			if len(c.Waves) > 0 {
				row[0] = surveyCell{Text: fmt.Sprintf("E%d-%0*d", c.Waves[k], width, i-k*c.Respondents+1)}
			} else {
				row[0] = surveyCell{Text: fmt.Sprintf("E%0*d", width, i+1)}
			}
			row[1] = surveyCell{Text: m.Name}
			row[2] = surveyCell{Text: role.Names[r.IntN(len(role.Names))]}
			g := r.NormFloat64()
			var theta [nScales]float64
			for s := range theta {
				theta[s] = scaleBase[s] + m.Effect[s] + role.Effect[s] + 0.6*g + 0.75*r.NormFloat64()
			}
			stopped := len(items)
			if r.Float64() < dropOutRate {
				stopped = stopAt
			}
			for k, it := range items {
				t := theta[it.Scale]
				if it.Reverse {
					t = -t
				}
				z := t + it.Location + 0.85*r.NormFloat64()
				u := r.Float64()
				var cell surveyCell
				switch {
				case k >= stopped:
				case u < dontKnowRate:
					cell.Text = dontKnow
				case u < dontKnowRate+emptyRate:
				default:
					cat := category(z)
					if c.Numbers {
						cell.Number = cat + 1
					} else {
						cell.Text = answerLabels[cat]
					}
				}
				row[3+k] = cell
			}
			err = writeRows(writers, row)
			if progress != nil && (i+1)%1000 == 0 {
				progress(1000)
			}
		}
		for _, w := range writers {
			if e := w.Close(); err == nil {
				err = e
			}
		}
		if err != nil {
			return err
		}
	}
	if progress != nil {
		progress(total % 1000)
	}
	return nil
}

func writeRows(writers []surveyRowWriter, row []surveyCell) error {
	for _, w := range writers {
		if err := w.Row(row); err != nil {
			return err
		}
	}
	return nil
}

// category cuts a latent response into an answer category 0..4.
func category(z float64) int {
	c := 0
	for _, t := range thresholds {
		if z > t {
			c++
		}
	}
	return c
}

// csvSurvey writes the survey as comma-separated UTF-8.
type csvSurvey struct {
	f      *os.File
	buf    *bufio.Writer
	w      *csv.Writer
	record []string
}

func newCSVSurvey(path string) (*csvSurvey, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(f, 1<<16)
	return &csvSurvey{f: f, buf: buf, w: csv.NewWriter(buf)}, nil
}

func (s *csvSurvey) Row(cells []surveyCell) error {
	s.record = s.record[:0]
	for _, c := range cells {
		if c.Number != 0 {
			s.record = append(s.record, strconv.Itoa(c.Number))
		} else {
			s.record = append(s.record, c.Text)
		}
	}
	return s.w.Write(s.record)
}

func (s *csvSurvey) Close() error {
	s.w.Flush()
	err := s.w.Error()
	if e := s.buf.Flush(); err == nil {
		err = e
	}
	if e := s.f.Close(); err == nil {
		err = e
	}
	return err
}

// xlsxSurvey writes the survey as a workbook through excelize's StreamWriter, which keeps
// rows on disk rather than in memory.
type xlsxSurvey struct {
	path   string
	f      *excelize.File
	sw     *excelize.StreamWriter
	line   int
	values []any
}

// surveySheet is the worksheet name, as survey tools often name it.
const surveySheet = "Enquête"

func newXLSXSurvey(path string) (*xlsxSurvey, error) {
	f := excelize.NewFile()
	if err := f.SetSheetName("Sheet1", surveySheet); err != nil {
		f.Close()
		return nil, err
	}
	sw, err := f.NewStreamWriter(surveySheet)
	if err != nil {
		f.Close()
		return nil, err
	}
	return &xlsxSurvey{path: path, f: f, sw: sw}, nil
}

func (s *xlsxSurvey) Row(cells []surveyCell) error {
	s.line++
	s.values = s.values[:0]
	for _, c := range cells {
		switch {
		case c.Number != 0:
			s.values = append(s.values, c.Number)
		case c.Text == "":
			s.values = append(s.values, nil)
		default:
			s.values = append(s.values, c.Text)
		}
	}
	cell, err := excelize.CoordinatesToCellName(1, s.line)
	if err != nil {
		return err
	}
	return s.sw.SetRow(cell, s.values)
}

func (s *xlsxSurvey) Close() error {
	err := s.sw.Flush()
	if err == nil {
		err = writeFile(s.path, func(w io.Writer) error { _, err := s.f.WriteTo(w); return err })
	}
	if e := s.f.Close(); err == nil {
		err = e
	}
	return err
}
