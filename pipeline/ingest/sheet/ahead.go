package sheet

import (
	"io"
	"sync"
)

// aheadFrom is the inflated size from which a sheet is inflated on a goroutine of its
// own, beside the scan: below it the goroutine costs more than it saves.
const aheadFrom = 1 << 20

// aheadChunk is the size of the pieces the inflating goroutine hands over.
const aheadChunk = 256 << 10

// aheadReader inflates its source on a goroutine of its own, a few chunks ahead of the
// reader, so that inflating (a quarter of the work on a survey sheet) runs beside the
// scan on a second core. Errors come in order, after the bytes read before them.
type aheadReader struct {
	src    io.ReadCloser
	full   chan aheadPiece
	free   chan []byte
	stop   chan struct{}
	done   chan struct{}
	cur    []byte
	off    int
	err    error
	closed sync.Once
}

type aheadPiece struct {
	b   []byte
	err error
}

func newAheadReader(src io.ReadCloser) *aheadReader {
	const buffers = 4
	a := &aheadReader{src: src, full: make(chan aheadPiece, buffers), free: make(chan []byte, buffers),
		stop: make(chan struct{}), done: make(chan struct{})}
	for range buffers {
		a.free <- make([]byte, aheadChunk)
	}
	go a.inflate()
	return a
}

func (a *aheadReader) inflate() {
	defer close(a.done)
	for {
		var buf []byte
		select {
		case buf = <-a.free:
		case <-a.stop:
			return
		}
		n, err := io.ReadFull(a.src, buf)
		if err == io.ErrUnexpectedEOF {
			err = io.EOF
		}
		select {
		case a.full <- aheadPiece{buf[:n], err}:
		case <-a.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

func (a *aheadReader) Read(p []byte) (int, error) {
	for a.off >= len(a.cur) {
		if a.err != nil {
			return 0, a.err
		}
		if a.cur != nil {
			a.free <- a.cur[:cap(a.cur)]
			a.cur = nil
		}
		var piece aheadPiece
		select {
		case piece = <-a.full:
		case <-a.done:
			// Stopped by Close, or ended after its last piece, which may still wait.
			select {
			case piece = <-a.full:
			default:
				return 0, io.ErrClosedPipe
			}
		}
		a.cur, a.off, a.err = piece.b, 0, piece.err
	}
	n := copy(p, a.cur[a.off:])
	a.off += n
	return n, nil
}

// Close stops the goroutine, waits for it and closes the source; reads after it fail.
func (a *aheadReader) Close() error {
	var err error
	a.closed.Do(func() {
		close(a.stop)
		<-a.done
		err = a.src.Close()
		a.cur, a.off, a.err = nil, 0, io.ErrClosedPipe
	})
	return err
}
