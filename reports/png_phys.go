package reports

import (
	"bytes"
	"encoding/binary"
	"errors"
)

// withPHYs returns the PNG b with a pHYs chunk after its IHDR chunk that gives its
// resolution: dpi dots per inch stored, as PNG requires, as pixels per metre
// (round(dpi / 0.0254); 300 dpi is 11811). Go's image/png writes no pHYs chunk.
// Chunk layout (PNG specification, 11.3.5.3): length (4 bytes), "pHYs", pixels per unit
// X and Y (4 bytes each), unit specifier 1 (metre), CRC-32 over type and data. encodePNG
// writes the chunk itself; this is for images that image/png encodes.
func withPHYs(b []byte, dpi int) ([]byte, error) {
	const sig = "\x89PNG\r\n\x1a\n"
	if len(b) < len(sig)+8+13+4 || string(b[:len(sig)]) != sig || string(b[12:16]) != "IHDR" {
		return nil, errors.New("reports: not a PNG")
	}
	ihdrEnd := len(sig) + 8 + int(binary.BigEndian.Uint32(b[8:12])) + 4
	var chunk bytes.Buffer
	writeChunk(&chunk, "pHYs", physData(dpi))
	out := make([]byte, 0, len(b)+chunk.Len())
	out = append(out, b[:ihdrEnd]...)
	out = append(out, chunk.Bytes()...)
	return append(out, b[ihdrEnd:]...), nil
}

// pngResolution reads the resolution of a PNG from its pHYs chunk, in dots per inch;
// 0 when the chunk is absent or not in metres.
func pngResolution(b []byte) (dpiX, dpiY float64) {
	for i := 8; i+8 <= len(b); {
		n := int(binary.BigEndian.Uint32(b[i : i+4]))
		typ := string(b[i+4 : i+8])
		if typ == "pHYs" && n == 9 && i+8+9 <= len(b) && b[i+16] == 1 {
			x := binary.BigEndian.Uint32(b[i+8 : i+12])
			y := binary.BigEndian.Uint32(b[i+12 : i+16])
			return float64(x) * 0.0254, float64(y) * 0.0254
		}
		if typ == "IDAT" {
			return 0, 0
		}
		i += 8 + n + 4
	}
	return 0, 0
}
