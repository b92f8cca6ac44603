package sheet

import (
	"bytes"
	"errors"
	"io"
	"math/rand"
	"path/filepath"
	"reflect"
	"runtime"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"
)

// choppy gives its bytes in reads of random size, some of them empty, then err.
type choppy struct {
	data   []byte
	rng    *rand.Rand
	err    error
	closed bool
}

func (c *choppy) Read(p []byte) (int, error) {
	if len(c.data) == 0 {
		return 0, c.err
	}
	n := min(len(p), c.rng.Intn(70000), len(c.data))
	copy(p, c.data[:n])
	c.data = c.data[n:]
	return n, nil
}

func (c *choppy) Close() error { c.closed = true; return nil }

// The bytes come through the inflating goroutine whole and in order, and then the
// source's error; Close stops it, also half way.
func TestAheadReader(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	data := make([]byte, 3<<20+12345)
	rng.Read(data)
	broken := errors.New("damaged")
	for _, end := range []error{io.EOF, broken} {
		src := &choppy{data: data, rng: rand.New(rand.NewSource(4)), err: end}
		a := newAheadReader(src)
		var got []byte
		buf := make([]byte, 100000)
		var err error
		for {
			var n int
			n, err = a.Read(buf[:1+rng.Intn(len(buf)-1)])
			got = append(got, buf[:n]...)
			if err != nil {
				break
			}
		}
		if !bytes.Equal(got, data) || err != end {
			t.Errorf("%d of %d bytes, error %v, want %v", len(got), len(data), err, end)
		}
		a.Close()
		if !src.closed {
			t.Error("the source was not closed")
		}
	}
	src := &choppy{data: data, rng: rand.New(rand.NewSource(4)), err: io.EOF}
	a := newAheadReader(src)
	a.Read(make([]byte, 1000))
	a.Close()
	if _, err := a.Read(make([]byte, 10)); err == nil {
		t.Error("a read after Close gave no error")
	}
}

// A sheet of more than aheadFrom bytes reads the same with the inflating goroutine (two
// cores) as without (one).
func TestLargeSheetAhead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "large.xlsx")
	book := excelize.NewFile()
	sw, err := book.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewSource(5))
	for r := 1; r <= 10000; r++ {
		row := []any{"r" + strconv.Itoa(r), rng.Intn(5) + 1, rng.NormFloat64(), "tekst & " + strconv.Itoa(rng.Intn(50))}
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	if err := book.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	read := func(procs int) map[string][][]string {
		defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
		got, err := fast(path)
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	w, err := Open(path, testLimits)
	if err != nil {
		t.Fatal(err)
	}
	if size := w.entries[w.targets[0]].UncompressedSize64; size < aheadFrom {
		t.Fatalf("the sheet is %d bytes, less than the %d that start the goroutine", size, aheadFrom)
	}
	w.Close()
	one, two := read(1), read(2)
	if len(one["Sheet1"]) != 10000 || !reflect.DeepEqual(one, two) {
		t.Errorf("%d rows on one core, %d on two, or different values", len(one["Sheet1"]), len(two["Sheet1"]))
	}
}
