package reports

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"math"
	"sync"

	"github.com/klauspost/compress/flate"
)

// encodePNG writes an opaque RGBA image as an 8-bit RGB PNG with a pHYs chunk giving
// dpi. The scanlines are compressed by pngRunsIDAT (png_runs.go), which finds the runs a
// chart is made of by comparing pixels instead of hashing every byte as a general
// deflate does; an image it does not take (a pixel not fully opaque, or wider than
// 10,922 pixels) goes to encodePNGFlate.
//
// Why not image/png: it tries all five row filters on every row and compresses with the
// standard library's deflate; on the example study's nine 300-dpi figures (27 million
// pixels) that was 1.3 s of CPU, 46% of the whole run, and png.BestSpeed, which does not
// skip the filters, saved little of it. No maintained Go PNG encoder lets the compressor
// or the filters be chosen. Measured on the example study's thirteen figures (42 million
// pixels, 2026-12-01, two loaded cores): encodePNGFlate (klauspost/compress's fastest
// level) 250 ms of CPU, 3.35 MB; pngRunsIDAT on the canvas's touched pieces 125 ms,
// 3.32 MB (1% smaller).
func encodePNG(img *image.RGBA, dpi int) ([]byte, error) {
	if idat, ok := pngRunsIDAT(img, nil, 0); ok {
		return pngFile(img.Rect.Dx(), img.Rect.Dy(), dpi, idat), nil
	}
	return encodePNGFlate(img, dpi)
}

// encodePNG encodes the canvas's image as encodePNG does, reading only its touched
// pieces.
//
// The stream is made in a buffer kept for the next figure (encodeBuffers) and the PNG
// copied out at its size: made in a buffer of its own, guessed from the image's size and
// grown as the stream outgrew it, a figure's PNG took some three times its size in
// fresh memory (on the example study 10.6 MB for 3.3 MB of PNG, each new page a page
// fault).
func (c *pngCanvas) encodePNG(dpi int) ([]byte, error) {
	bp, _ := encodeBuffers.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	defer encodeBuffers.Put(bp)
	if buf, ok := pngRunsZlibOn(*bp, c.img, c.touched, c.tw, pngHeadLen); ok {
		file := pngFileAround(buf, c.img.Rect.Dx(), c.img.Rect.Dy(), dpi)
		if cap(file) > cap(buf) {
			buf = file // grown by the chunks after the stream
		}
		*bp = buf[:0]
		return bytes.Clone(file), nil
	}
	return encodePNGFlate(c.Image(), dpi)
}

// encodeBuffers holds the buffers the canvases' PNG streams are made in (*[]byte).
var encodeBuffers sync.Pool

// pngFile is the PNG of a w × h RGB image whose zlib stream of scanlines is idat.
func pngFile(w, h, dpi int, idat []byte) []byte {
	out := bytes.NewBuffer(make([]byte, 0, len(idat)+128))
	out.WriteString("\x89PNG\r\n\x1a\n")
	writeChunk(out, "IHDR", pngIHDR(w, h))
	writeChunk(out, "pHYs", physData(dpi))
	// IDAT in pieces of at most 1 MiB, as encoders commonly do; a decoder joins them.
	for b := idat; len(b) > 0; {
		n := min(len(b), 1<<20)
		writeChunk(out, "IDAT", b[:n])
		b = b[n:]
	}
	writeChunk(out, "IEND", nil)
	return out.Bytes()
}

// pngHeadLen is the length of a PNG before its first IDAT chunk's data: the signature,
// IHDR (13 bytes of data), pHYs (9) and the IDAT chunk's length and type.
const pngHeadLen = 8 + (12 + 13) + (12 + 9) + 8

// pngFileAround is pngFile(w, h, dpi, buf[pngHeadLen:]), made in buf itself when the
// stream fits one IDAT chunk: the chunks before it are written into the pngHeadLen bytes
// kept free before it, and its checksum and IEND after it, instead of copying the
// stream (on the example study 3.3 MB of the run's allocations).
func pngFileAround(buf []byte, w, h, dpi int) []byte {
	idat := buf[pngHeadLen:]
	if len(idat) > 1<<20 {
		return pngFile(w, h, dpi, idat)
	}
	var head bytes.Buffer
	head.Grow(pngHeadLen)
	head.WriteString("\x89PNG\r\n\x1a\n")
	writeChunk(&head, "IHDR", pngIHDR(w, h))
	writeChunk(&head, "pHYs", physData(dpi))
	head.Write(binary.BigEndian.AppendUint32(nil, uint32(len(idat))))
	head.WriteString("IDAT")
	copy(buf, head.Bytes())
	buf = binary.BigEndian.AppendUint32(buf, crc32.ChecksumIEEE(buf[pngHeadLen-4:]))
	var end bytes.Buffer
	writeChunk(&end, "IEND", nil)
	return append(buf, end.Bytes()...)
}

// pngIHDR is the data of the IHDR chunk of a w × h 8-bit RGB image.
func pngIHDR(w, h int) []byte {
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // bit depth 8, colour type 2 (RGB); compression, filter, interlace 0
	return ihdr
}

// encodePNGFlate writes an opaque RGBA image as encodePNG does, in one pass: a row that
// repeats the one above is written with filter type Up (a row of zeros), every other row
// converted to RGB with filter type None, and the rows compressed with
// klauspost/compress's fastest deflate level. An image with any pixel not fully opaque
// is handed to image/png instead (with the pHYs chunk added), which keeps its alpha.
//
// Filtering earns little on these images (flat colour on white: deflate's matches along
// a row already find the repeats); unfiltered at the fastest level the example's nine
// figures took about a fifth of image/png's time and were 2.4% larger in all.
//
// Why the zlib wrapper and its Adler-32 are written here: some 45% of a figure's rows
// repeat the row above (white margins, bars, the cells of a heat map); such a row is
// compared in RGBA at memory speed and not converted, and its Adler-32 is updated in
// constant time (a row of zeros adds nothing to the sum and its length times the sum to
// the sum of sums), where hash/adler32 reads every byte. On the example study's thirteen
// figures (42 million pixels) this took encoding from 0.34 to 0.23 CPU seconds.
func encodePNGFlate(img *image.RGBA, dpi int) ([]byte, error) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var idat bytes.Buffer
	idat.Grow(w * h / 8)
	// zlib header (RFC 1950): deflate with a 32 KiB window, "fastest" level, no
	// dictionary; 0x7801 is a multiple of 31 as the check bits require.
	idat.WriteString("\x78\x01")
	zw, err := flate.NewWriter(&idat, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	sum := newAdler32()
	row := make([]byte, 1+3*w) // filter type 0 (None), then R G B per pixel
	same := make([]byte, 1+3*w)
	same[0] = 2 // filter type 2 (Up) with every difference zero: the row above again
	var above []byte
	for y := 0; y < h; y++ {
		src := img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y):][:4*w]
		if above != nil && bytes.Equal(src, above) {
			sum.upZeros(len(same) - 1)
			if _, err := zw.Write(same); err != nil {
				return nil, err
			}
			continue
		}
		if !opaqueRGB(row[1:], src) {
			return encodePNGWithAlpha(img, dpi)
		}
		sum.update(row)
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
		above = src
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	var trailer [4]byte
	binary.BigEndian.PutUint32(trailer[:], sum.sum32())
	idat.Write(trailer[:])

	return pngFile(w, h, dpi, idat.Bytes()), nil
}

// opaqueRGB writes the pixels of the RGBA row src into dst as R G B and reports whether
// every one of them was opaque (alpha 0xff); dst holds 3 bytes per pixel of src. Two
// pixels are read as one 64-bit word and written as one (its top two bytes are
// overwritten by the next pair).
func opaqueRGB(dst, src []byte) bool {
	const alphas = 0xff000000ff000000
	for len(src) >= 8 && len(dst) >= 8 {
		v := binary.LittleEndian.Uint64(src)
		if v&alphas != alphas {
			return false
		}
		binary.LittleEndian.PutUint64(dst, v&0xffffff|v>>8&0xffffff000000)
		src, dst = src[8:], dst[6:]
	}
	for len(src) >= 4 && len(dst) >= 3 {
		if src[3] != 0xff {
			return false
		}
		dst[0], dst[1], dst[2] = src[0], src[1], src[2]
		src, dst = src[4:], dst[3:]
	}
	return true
}

// adlerSum is the zlib stream's checksum (RFC 1950, 8.2): a = 1 + the sum of the bytes,
// b = the sum of the values a takes after each byte, both modulo 65521.
type adlerSum struct{ a, b uint32 }

const (
	adlerMod = 65521
	// adlerMax is the most bytes that can be summed before b overflows 32 bits (zlib's
	// NMAX): 255·n·(n+1)/2 + (n+1)·(adlerMod−1) ≤ 2³²−1.
	adlerMax = 5552
)

func newAdler32() *adlerSum { return &adlerSum{a: 1} }

func (s *adlerSum) update(p []byte) {
	a, b := s.a, s.b
	for len(p) > 0 {
		q := p[:min(len(p), adlerMax)]
		p = p[len(q):]
		for len(q) >= 8 {
			a += uint32(q[0])
			b += a
			a += uint32(q[1])
			b += a
			a += uint32(q[2])
			b += a
			a += uint32(q[3])
			b += a
			a += uint32(q[4])
			b += a
			a += uint32(q[5])
			b += a
			a += uint32(q[6])
			b += a
			a += uint32(q[7])
			b += a
			q = q[8:]
		}
		for _, c := range q {
			a += uint32(c)
			b += a
		}
		a %= adlerMod
		b %= adlerMod
	}
	s.a, s.b = a, b
}

// upZeros adds the byte 2 (filter type Up) and then n zero bytes: the zeros leave a as
// it is and add n·a to b.
func (s *adlerSum) upZeros(n int) {
	s.a = (s.a + 2) % adlerMod
	s.b = uint32((uint64(s.b) + uint64(s.a) + uint64(n%adlerMod)*uint64(s.a)) % adlerMod)
}

func (s *adlerSum) sum32() uint32 { return s.b<<16 | s.a }

// encodePNGWithAlpha is image/png's encoding of img with the pHYs chunk added.
func encodePNGWithAlpha(img image.Image, dpi int) ([]byte, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return nil, err
	}
	return withPHYs(buf.Bytes(), dpi)
}

// writeChunk writes one PNG chunk: length, type, data, CRC-32 over type and data.
func writeChunk(out *bytes.Buffer, typ string, data []byte) {
	var n [4]byte
	binary.BigEndian.PutUint32(n[:], uint32(len(data)))
	out.Write(n[:])
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	out.WriteString(typ)
	out.Write(data)
	binary.BigEndian.PutUint32(n[:], crc.Sum32())
	out.Write(n[:])
}

// physData is the data of a pHYs chunk for dpi: pixels per metre in x and y
// (round(dpi / 0.0254); 300 dpi is 11811) and unit 1, the metre.
func physData(dpi int) []byte {
	ppm := uint32(math.Round(float64(dpi) / 0.0254))
	d := make([]byte, 9)
	binary.BigEndian.PutUint32(d[0:], ppm)
	binary.BigEndian.PutUint32(d[4:], ppm)
	d[8] = 1
	return d
}
