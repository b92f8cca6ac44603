package reports

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
)

// maxFileName is the longest name fileName returns, in bytes: with a prefix
// ("municipalities_"), a de-duplicating "-2" and an extension it stays far below the
// 255 bytes that common file systems allow for one name.
const maxFileName = 80

// fileName keeps a name safe as part of a file name: lower case ASCII letters, digits,
// '-' and '_', every other character '_'. A name longer than maxFileName (a
// municipality of 300 characters, finding 6) is cut and ends in "-" and the first 8 hex
// digits of the SHA-256 of the whole name, so two long names that share their start
// still get different files; shorter names are kept as they were.
func fileName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
	}
	if b.Len() == 0 {
		return "_"
	}
	out := b.String()
	if len(out) <= maxFileName {
		return out
	}
	h := sha256.Sum256([]byte(s))
	return out[:maxFileName-9] + "-" + hex.EncodeToString(h[:4])
}
