package ingest

import (
	"bytes"
	"encoding/xml"
	"io"

	"github.com/samenspel/samenspel/pipeline/model"
)

// hiddenStyles is what word/styles.xml says about hidden text: for each style id whether
// its run properties switch w:vanish on (true) or off (false), where they say so at all,
// the style it is based on, and whether the document defaults (w:docDefaults) hide
// every run. Word shows a run hidden by the first of these that speaks: the run's own
// w:vanish, its character style (w:rStyle) and the styles that one is based on, its
// paragraph's style (w:pStyle) and those it is based on, the defaults.
type hiddenStyles struct {
	vanish  map[string]bool
	basedOn map[string]string
	dflt    bool
}

// maxStyleChain bounds a basedOn chain, so that a cycle in a damaged styles.xml ends.
const maxStyleChain = 32

// hidden reports whether the style id, or the first style of its basedOn chain that says
// so, hides text; ok is false where none of them says anything.
func (h *hiddenStyles) hidden(id string) (on, ok bool) {
	if h == nil {
		return false, false
	}
	for i := 0; id != "" && i < maxStyleChain; i++ {
		if v, set := h.vanish[id]; set {
			return v, true
		}
		id = h.basedOn[id]
	}
	return false, false
}

// runHidden resolves a run's hidden state: own is the run's own w:vanish (ownSet whether
// it has one), rStyle its character style, pStyle its paragraph's style.
func (h *hiddenStyles) runHidden(own, ownSet bool, rStyle, pStyle string) bool {
	if ownSet {
		return own
	}
	if v, ok := h.hidden(rStyle); ok {
		return v
	}
	if v, ok := h.hidden(pStyle); ok {
		return v
	}
	return h != nil && h.dflt
}

// readHiddenStyles reads word/styles.xml of a Word archive; nil where it has none. A
// styles part that does not parse is an error: reading the text without knowing what it
// hides could publish what the transcriber hid.
func readHiddenStyles(a *zipArchive) (*hiddenStyles, error) {
	name := a.find("word/styles.xml")
	if name == "" {
		return nil, nil
	}
	data, err := a.read(name)
	if err != nil {
		return nil, err
	}
	if err := checkXMLDepth(data, MaxXMLDepth); err != nil {
		return nil, model.Reasonf("word/styles.xml: %w", "word/styles.xml: %v", err)
	}
	h := &hiddenStyles{vanish: map[string]bool{}, basedOn: map[string]string{}}
	d := xml.NewDecoder(bytes.NewReader(data))
	d.Strict = true
	d.CharsetReader = charsetReader
	// Only w:rPr directly in a w:style (or in w:rPrDefault) counts: the run properties of
	// a table style's conditional parts (w:tblStylePr) apply to table regions only.
	var style string
	inDefault, depth, rPrDepth := false, 0, -1
	styleDepth := -1
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, model.Reasonf("word/styles.xml: %v: %w", "word/styles.xml: %v: %v", err, ErrUnknownFormat)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch t.Name.Local {
			case "style":
				style, styleDepth = attr(t, "styleId"), depth
			case "rPrDefault":
				inDefault = true
			case "basedOn":
				if style != "" && depth == styleDepth+1 {
					h.basedOn[style] = attr(t, "val")
				}
			case "rPr":
				if (style != "" && depth == styleDepth+1) || inDefault {
					rPrDepth = depth
				}
			case "vanish":
				if rPrDepth >= 0 && depth == rPrDepth+1 {
					if inDefault && style == "" {
						h.dflt = onOff(t)
					} else if style != "" {
						h.vanish[style] = onOff(t)
					}
				}
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "style":
				style, styleDepth = "", -1
			case "rPrDefault":
				inDefault = false
			case "rPr":
				if depth == rPrDepth {
					rPrDepth = -1
				}
			}
			depth--
		}
	}
	return h, nil
}

// attr is the value of the attribute local (in any namespace) of e; "" where absent.
func attr(e xml.StartElement, local string) string {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}
