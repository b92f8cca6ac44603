package sheet

import (
	"bytes"
	"io"
	"strconv"
	"unicode/utf8"

	"github.com/samenspel/samenspel/pipeline/model"
)

// tokKind is what scanner.next found.
type tokKind int8

const (
	tokEOF tokKind = iota
	tokStart
	tokEnd
	tokText  // character data, entities not yet decoded
	tokCDATA // a CDATA section's content, taken as it is
)

// maxToken is the longest tag or run of text the scanner holds at once. Excel caps a
// cell at 32,767 characters; a shared string table's runs stay far below this.
const maxToken = 64 << 20

// scanner splits XML into tags and text without decoding it. The slices it returns
// (name, attrs, text) point into its buffer and hold until the next call of next.
type scanner struct {
	src      io.Reader
	buf      []byte
	pos, end int
	eof      bool
	err      error // a read error, or nil; io.EOF is eof

	depth, maxDepth int

	kind      tokKind
	name      []byte // local name of a start or end tag, without its prefix
	attrs     []byte // a start tag's attributes, raw
	selfClose bool
	text      []byte
}

func newScanner(src io.Reader, maxDepth int) *scanner {
	return &scanner{src: src, buf: make([]byte, 256<<10), maxDepth: maxDepth}
}

// fill moves the unread bytes to the front and reads more; it reports whether any came.
func (s *scanner) fill() bool {
	if s.eof || s.err != nil {
		return false
	}
	if s.pos > 0 {
		s.end = copy(s.buf, s.buf[s.pos:s.end])
		s.pos = 0
	}
	if s.end == len(s.buf) {
		if len(s.buf) >= maxToken {
			s.err = model.Reasonf("an XML token longer than %d bytes: %w", "een XML-token langer dan %d bytes: %v", maxToken, ErrUnsupported)
			return false
		}
		grown := make([]byte, 2*len(s.buf))
		copy(grown, s.buf[:s.end])
		s.buf = grown
	}
	for {
		n, err := s.src.Read(s.buf[s.end:])
		s.end += n
		if err == io.EOF {
			s.eof = true
		} else if err != nil {
			s.err = err
		}
		if n > 0 {
			return true
		}
		if err != nil {
			return false
		}
	}
}

// failed returns the error that ended the scan, or nil at a clean end.
func (s *scanner) failed() error { return s.err }

func (s *scanner) fail(err error) tokKind {
	if s.err == nil {
		s.err = err
	}
	s.kind = tokEOF
	return tokEOF
}

// next reads the next token. Comments and processing instructions are skipped (the XML
// declaration is checked for its encoding); a document type declaration is refused,
// since its entities would change the text.
func (s *scanner) next() tokKind {
	for {
		if s.pos >= s.end && !s.fill() {
			s.kind = tokEOF
			return tokEOF
		}
		if s.buf[s.pos] != '<' {
			// Most text is a short value: look at it byte by byte before calling the
			// vectorised search.
			off := 0
			for rest := s.buf[s.pos:s.end]; off < len(rest) && off < 16; off++ {
				if rest[off] == '<' {
					break
				}
			}
			if s.pos+off < s.end && s.buf[s.pos+off] == '<' {
				s.text = s.buf[s.pos : s.pos+off]
				s.pos += off
				s.kind = tokText
				return tokText
			}
			for {
				if i := bytes.IndexByte(s.buf[s.pos+off:s.end], '<'); i >= 0 {
					s.text = s.buf[s.pos : s.pos+off+i]
					s.pos += off + i
					break
				}
				off = s.end - s.pos
				if !s.fill() {
					s.text = s.buf[s.pos:s.end]
					s.pos = s.end
					break
				}
			}
			s.kind = tokText
			return tokText
		}
		for s.end-s.pos < 9 && s.fill() {
		}
		rest := s.buf[s.pos:s.end]
		switch {
		case len(rest) < 2:
			return s.fail(model.Reasonf("XML ends inside a tag: %w", "de XML houdt op midden in een tag: %v", ErrUnsupported))
		case rest[1] == '/':
			i := 2
			for i < len(rest) && rest[i] != '>' {
				i++
			}
			if i == len(rest) {
				if i = s.find(2, ">"); i < 0 {
					return s.fail(model.Reasonf("XML ends inside an end tag: %w", "de XML houdt op midden in een sluittag: %v", ErrUnsupported))
				}
			}
			name := s.buf[s.pos+2 : s.pos+i]
			for len(name) > 0 && isSpace(name[len(name)-1]) {
				name = name[:len(name)-1]
			}
			s.name = localName(name)
			s.pos += i + 1
			s.depth--
			s.kind = tokEnd
			return tokEnd
		case rest[1] == '?':
			i := s.find(2, "?>")
			if i < 0 {
				return s.fail(model.Reasonf("XML ends inside a processing instruction: %w", "de XML houdt op midden in een verwerkingsinstructie: %v", ErrUnsupported))
			}
			pi := s.buf[s.pos+2 : s.pos+i]
			s.pos += i + 2
			if bytes.HasPrefix(pi, []byte("xml ")) || bytes.HasPrefix(pi, []byte("xml\t")) {
				if enc := attr(pi[4:], "encoding"); enc != nil && !bytes.EqualFold(enc, []byte("utf-8")) {
					return s.fail(model.Reasonf("XML in encoding %q: %w", "XML in codering %q: %v", enc, ErrUnsupported))
				}
			}
			continue
		case bytes.HasPrefix(rest, []byte("<!--")):
			i := s.find(4, "-->")
			if i < 0 {
				return s.fail(model.Reasonf("XML ends inside a comment: %w", "de XML houdt op midden in commentaar: %v", ErrUnsupported))
			}
			s.pos += i + 3
			continue
		case bytes.HasPrefix(rest, []byte("<![CDATA[")):
			i := s.find(9, "]]>")
			if i < 0 {
				return s.fail(model.Reasonf("XML ends inside a CDATA section: %w", "de XML houdt op midden in een CDATA-sectie: %v", ErrUnsupported))
			}
			s.text = s.buf[s.pos+9 : s.pos+i]
			s.pos += i + 3
			s.kind = tokCDATA
			return tokCDATA
		case rest[1] == '!':
			return s.fail(model.Reasonf("XML with a document type declaration: %w", "XML met een documenttypedeclaratie: %v", ErrUnsupported))
		}
		i := s.tagEnd()
		if i < 0 {
			return s.fail(model.Reasonf("XML ends inside a start tag: %w", "de XML houdt op midden in een begintag: %v", ErrUnsupported))
		}
		tag := s.buf[s.pos+1 : s.pos+i]
		s.pos += i + 1
		s.selfClose = len(tag) > 0 && tag[len(tag)-1] == '/'
		if s.selfClose {
			tag = tag[:len(tag)-1]
		}
		n := 0
		for n < len(tag) && !isSpace(tag[n]) {
			n++
		}
		s.name, s.attrs = localName(tag[:n]), tag[n:]
		if len(s.name) == 0 {
			return s.fail(model.Reasonf("XML tag without a name: %w", "XML-tag zonder naam: %v", ErrUnsupported))
		}
		if !s.selfClose {
			if s.depth++; s.depth > s.maxDepth {
				return s.fail(model.Reasonf("elements nested more than %d deep: %w", "elementen meer dan %d diep genest: %v", s.maxDepth, ErrTooDeep))
			}
		}
		s.kind = tokStart
		return tokStart
	}
}

// find returns the offset from pos of sep, searching from offset from, reading more as
// needed; -1 at the end of the input.
func (s *scanner) find(from int, sep string) int {
	for {
		if i := bytes.Index(s.buf[s.pos+from:s.end], []byte(sep)); i >= 0 {
			return from + i
		}
		from = max(from, s.end-s.pos-len(sep)+1)
		if !s.fill() {
			return -1
		}
	}
}

// tagEnd returns the offset from pos of the '>' that ends the start tag at pos, outside
// quoted attribute values; -1 at the end of the input.
func (s *scanner) tagEnd() int {
	var quote byte
	j := 1
	for {
		buf := s.buf[s.pos:s.end]
		for ; j < len(buf); j++ {
			c := buf[j]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
				continue
			}
			switch c {
			case '>':
				return j
			case '"', '\'':
				quote = c
			}
		}
		if !s.fill() {
			return -1
		}
	}
}

// skip reads past the end of the element whose start tag was just read.
func (s *scanner) skip() {
	if s.selfClose {
		return
	}
	depth := s.depth
	for s.depth >= depth {
		if s.next() == tokEOF {
			return
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

func localName(name []byte) []byte {
	for i, c := range name {
		if c == ':' {
			return name[i+1:]
		}
	}
	return name
}

// attr returns the raw value of the attribute with that local name, or nil.
func attr(attrs []byte, want string) []byte {
	for {
		name, val, rest, ok := nextAttr(attrs)
		if !ok {
			return nil
		}
		if string(localName(name)) == want {
			return val
		}
		attrs = rest
	}
}

// attrQ is attr for an attribute whose prefix matters (r:id against id).
func attrQ(attrs []byte, want string) []byte {
	for {
		name, val, rest, ok := nextAttr(attrs)
		if !ok {
			return nil
		}
		if string(name) == want {
			return val
		}
		attrs = rest
	}
}

// nextAttr splits the first name="value" off attrs.
func nextAttr(attrs []byte) (name, val, rest []byte, ok bool) {
	i := 0
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	start := i
	for i < len(attrs) && attrs[i] != '=' && !isSpace(attrs[i]) {
		i++
	}
	name = attrs[start:i]
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	if len(name) == 0 || i >= len(attrs) || attrs[i] != '=' {
		return nil, nil, nil, false
	}
	i++
	for i < len(attrs) && isSpace(attrs[i]) {
		i++
	}
	if i >= len(attrs) || (attrs[i] != '"' && attrs[i] != '\'') {
		return nil, nil, nil, false
	}
	q := attrs[i]
	j := bytes.IndexByte(attrs[i+1:], q)
	if j < 0 {
		return nil, nil, nil, false
	}
	return name, attrs[i+1 : i+1+j], attrs[i+2+j:], true
}

// errText is wrapped for character data this package does not decode.
var errText = model.NewKind("character data not decoded here", "tekens hier niet gedecodeerd")

// plain reports whether text can be used as it is: printable ASCII, tabs and line feeds,
// no entity and no carriage return.
func plain(text []byte) bool {
	for _, c := range text {
		if c < 0x20 && c != '\t' && c != '\n' || c >= 0x80 || c == '&' || c == '\r' {
			return false
		}
	}
	return true
}

// appendText appends text decoded as encoding/xml decodes it: the five predefined
// entities and character references replaced, "\r\n" and a lone "\r" read as "\n",
// characters outside XML's range refused.
func appendText(dst, text []byte) ([]byte, error) {
	for i := 0; i < len(text); {
		c := text[i]
		switch {
		case c == '&':
			j := bytes.IndexByte(text[i:], ';')
			if j < 0 {
				return dst, model.Reasonf("a bare '&': %w", "een losse '&': %v", errText)
			}
			ent := text[i+1 : i+j]
			i += j + 1
			switch string(ent) {
			case "lt":
				dst = append(dst, '<')
			case "gt":
				dst = append(dst, '>')
			case "amp":
				dst = append(dst, '&')
			case "quot":
				dst = append(dst, '"')
			case "apos":
				dst = append(dst, '\'')
			default:
				if len(ent) < 2 || ent[0] != '#' {
					return dst, model.Reasonf("entity &%s;: %w", "entiteit &%s;: %v", ent, errText)
				}
				var n uint64
				var err error
				if ent[1] == 'x' {
					n, err = strconv.ParseUint(string(ent[2:]), 16, 32)
				} else {
					n, err = strconv.ParseUint(string(ent[1:]), 10, 32)
				}
				if err != nil || !inXMLRange(rune(n)) {
					return dst, model.Reasonf("character reference &%s;: %w", "tekenverwijzing &%s;: %v", ent, errText)
				}
				dst = utf8.AppendRune(dst, rune(n))
			}
		case c == '\r':
			dst = append(dst, '\n')
			i++
			if i < len(text) && text[i] == '\n' {
				i++
			}
		case c < 0x80:
			if c < 0x20 && c != '\t' && c != '\n' {
				return dst, model.Reasonf("control character %#x: %w", "stuurteken %#x: %v", c, errText)
			}
			dst = append(dst, c)
			i++
		default:
			r, n := utf8.DecodeRune(text[i:])
			if r == utf8.RuneError && n <= 1 || !inXMLRange(r) {
				return dst, model.Reasonf("invalid UTF-8 or a character XML forbids: %w", "ongeldige UTF-8 of een teken dat XML verbiedt: %v", errText)
			}
			dst = append(dst, text[i:i+n]...)
			i += n
		}
	}
	return dst, nil
}

// appendCDATA appends a CDATA section's content, line ends normalised as in text.
func appendCDATA(dst, text []byte) ([]byte, error) {
	if bytes.IndexByte(text, '&') >= 0 {
		// '&' means itself in CDATA; escape it so appendText keeps it.
		text = bytes.ReplaceAll(text, []byte("&"), []byte("&amp;"))
	}
	return appendText(dst, text)
}

func inXMLRange(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		r >= 0x20 && r <= 0xD7FF ||
		r >= 0xE000 && r <= 0xFFFD ||
		r >= 0x10000 && r <= 0x10FFFF
}
