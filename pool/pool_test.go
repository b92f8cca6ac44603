package pool

import (
	"database/sql"
	"os"
	"path/filepath"
	"testing"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/samenspel/samenspel/pipeline"
	"github.com/samenspel/samenspel/reports"
)

// run writes one study's outputs, as Parquet and CSV, into out.
func run(t *testing.T, studyDir, out string) {
	t.Helper()
	s, err := pipeline.LoadStudy(studyDir)
	if err != nil {
		t.Fatal(err)
	}
	outcome, err := pipeline.Execute(s, "samenspel analyse "+pipeline.Version)
	if err != nil {
		t.Fatal(err)
	}
	outcome.Results.Outputs = []string{"csv", "parquet"}
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := reports.Write(out, outcome.Results); err != nil {
		t.Fatal(err)
	}
}

// Two runs, pooled by one DuckDB query over their Parquet tables: counts add up across
// runs (segments and respondents per code), shares are recomputed from the pooled counts,
// and a statistic that does not add up (a median) is not pooled from the summaries.
func TestPoolTwoRunsWithDuckDB(t *testing.T) {
	tmp := t.TempDir()
	a, b := filepath.Join(tmp, "runs", "2025"), filepath.Join(tmp, "runs", "2026")
	run(t, "../testdata/cases/methods/three_coders", a)
	run(t, "../testdata/cases/formats/maxqda_and_qdpx", b)

	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	glob := filepath.Join(tmp, "runs", "*", "tables", "code_frequencies.parquet")
	// The query the README shows: counts per code summed over the runs.
	const pooled = `
		SELECT code, SUM(segments) AS segments, SUM(respondents) AS respondents,
		       SUM(respondents) / SUM(group_respondents) AS share
		FROM read_parquet(?)
		WHERE group_by = 'all' AND code <> '*' AND NOT suppressed
		GROUP BY code ORDER BY code`
	rows, err := db.Query(pooled, glob)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string][2]int64{}
	for rows.Next() {
		var code string
		var seg, resp int64
		var share float64
		if err := rows.Scan(&code, &seg, &resp, &share); err != nil {
			t.Fatal(err)
		}
		got[code] = [2]int64{seg, resp}
		if share < 0 || share > 1 {
			t.Errorf("%s: pooled share %v", code, share)
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if len(got) == 0 {
		t.Fatal("nothing pooled")
	}
	// The same sums, one run at a time.
	want := map[string][2]int64{}
	for _, dir := range []string{a, b} {
		rs, err := db.Query(`SELECT code, segments, respondents FROM read_parquet(?)
			WHERE group_by = 'all' AND code <> '*' AND NOT suppressed`, filepath.Join(dir, "tables", "code_frequencies.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		for rs.Next() {
			var code string
			var seg, resp int64
			if err := rs.Scan(&code, &seg, &resp); err != nil {
				t.Fatal(err)
			}
			w := want[code]
			want[code] = [2]int64{w[0] + seg, w[1] + resp}
		}
		rs.Close()
	}
	for code, w := range want {
		if got[code] != w {
			t.Errorf("%s: pooled %v, the runs one by one %v", code, got[code], w)
		}
	}
	// Typed columns: no CSV guessing, a count is an integer, a flag a boolean.
	var typ string
	if err := db.QueryRow(`SELECT typeof(segments) || ',' || typeof(suppressed) FROM read_parquet(?) LIMIT 1`, glob).Scan(&typ); err != nil {
		t.Fatal(err)
	}
	if typ != "BIGINT,BOOLEAN" {
		t.Errorf("column types %s", typ)
	}
}
