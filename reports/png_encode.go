package reports

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/png"
	"math"

	"github.com/klauspost/compress/zlib"
)

// encodePNG writes an opaque RGBA image as an 8-bit RGB PNG with a pHYs chunk giving
// dpi, in one pass: each row converted to RGB with filter type None and compressed at
// klauspost/compress's fastest zlib level. An image with any pixel not fully opaque is
// handed to image/png instead (with the pHYs chunk added), which keeps its alpha.
//
// Why not image/png: it tries all five row filters on every row and compresses with the
// standard library's deflate; on the example study's nine 300-dpi figures (27 million
// pixels) that was 1.3 s of CPU, 46% of the whole run, and png.BestSpeed, which does not
// skip the filters, saved little of it. Filtering earns little on these images (flat
// colour on white: deflate's matches along a row already find the repeats); unfiltered
// at the fastest level the same figures take about a fifth of the time and are 2.4%
// larger in all (2.45 against 2.51 MB; one figure 14%, some smaller). No maintained Go
// PNG encoder lets the compressor or the filters be chosen.
func encodePNG(img *image.RGBA, dpi int) ([]byte, error) {
	w, h := img.Rect.Dx(), img.Rect.Dy()
	var idat bytes.Buffer
	idat.Grow(w * h / 8)
	zw, err := zlib.NewWriterLevel(&idat, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	row := make([]byte, 1+3*w) // filter type 0 (None), then R G B per pixel
	for y := 0; y < h; y++ {
		src := img.Pix[img.PixOffset(img.Rect.Min.X, img.Rect.Min.Y+y):][:4*w]
		for x, j := 0, 1; x < 4*w; x, j = x+4, j+3 {
			if src[x+3] != 0xff {
				return encodePNGWithAlpha(img, dpi)
			}
			row[j], row[j+1], row[j+2] = src[x], src[x+1], src[x+2]
		}
		if _, err := zw.Write(row); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}

	var out bytes.Buffer
	out.Grow(idat.Len() + 128)
	out.WriteString("\x89PNG\r\n\x1a\n")
	var ihdr [13]byte
	binary.BigEndian.PutUint32(ihdr[0:], uint32(w))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(h))
	ihdr[8], ihdr[9] = 8, 2 // bit depth 8, colour type 2 (RGB); compression, filter, interlace 0
	writeChunk(&out, "IHDR", ihdr[:])
	writeChunk(&out, "pHYs", physData(dpi))
	// IDAT in pieces of at most 1 MiB, as encoders commonly do; a decoder joins them.
	for b := idat.Bytes(); len(b) > 0; {
		n := min(len(b), 1<<20)
		writeChunk(&out, "IDAT", b[:n])
		b = b[n:]
	}
	writeChunk(&out, "IEND", nil)
	return out.Bytes(), nil
}

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
