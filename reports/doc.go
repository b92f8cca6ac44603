// Package reports writes what a researcher takes away from a run: the tidy tables as CSV
// and as one Excel workbook, the figures as PNG and SVG, a self-contained HTML report with
// a Markdown and a Word twin (docx.go says why Word is written by hand), and a manifest
// that ties every output to its inputs by checksum.
//
// Report writers only format the values in a results.Results; they never compute
// statistics. Tables missing from a Results are skipped quietly, with their figures and
// report sections. The same Results always gives byte-identical files: nothing holds a
// clock time, and nothing depends on map order.
//
// Figures are drawn with gonum.org/v1/plot. The bar, interval and heat-map layers are
// small plot.Plotter types of this package (plotters.go) rather than gonum's BarChart and
// HeatMap, because diverging stacked bars, per-cell value labels and a colour bar below
// the plot are not expressible with those; the axes, ticks, text layout and the PNG and
// SVG back ends are gonum's. The PDF back end is not offered: it garbles non-ASCII text.
// The PNG canvas (png_canvas.go, png_touched.go) and its encoder (png_runs.go, a DEFLATE
// writer in png_deflate.go) are written here for speed, each saying why: no maintained Go
// package paints only what is drawn on, or takes a compressor's matches from its caller.
package reports
