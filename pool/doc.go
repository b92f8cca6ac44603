// Package pool shows, in a test, how the outputs of many samenspel runs are pooled with
// DuckDB: every run writes its tidy tables as Parquet (outputs: [..., parquet]), and one SQL
// query over read_parquet('*/tables/code_frequencies.parquet') adds them up. It is a module
// of its own so that the DuckDB binding (cgo, a large native library) is never a
// dependency of samenspel itself; `cd pool && go test ./...` runs it.
package pool
