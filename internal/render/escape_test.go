package render

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// writeURLByteByByte is writeURL looking at each byte on its own, as it
// did before it wrote runs of kept bytes at once: the two must agree.
func writeURLByteByByte(b *bytes.Buffer, s string) {
	if !safeURL(s) {
		s = "#ZgotmplZ"
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '&' || c == '+':
			b.WriteString(htmlEntity(c))
		case c == '%' && i+2 < len(s) && hexDigit(s[i+1]) && hexDigit(s[i+2]):
			b.WriteByte(c) // an escape already made
		case urlByte(c):
			b.WriteByte(c)
		default:
			b.Write([]byte{'%', hex[c>>4], hex[c&15]})
		}
	}
}

func TestWriteURLAgreesWithWritingByteByByte(t *testing.T) {
	pieces := append([]string{"a", "Z", "9", "/", "?", "=", "&", "+", "%", "%2", "%20", "%zz", "%Fe", " ", "'", "\"", "(", "<", "路", "\x00", "\xff", ":", "javascript:", "https:", "#"}, hostile...)
	rng := rand.New(rand.NewPCG(5, 6))
	for i := range 20000 {
		var s string
		for range rng.IntN(8) + 1 {
			s += pieces[rng.IntN(len(pieces))]
		}
		if i < len(hostile) {
			s = hostile[i]
		}
		var got, want bytes.Buffer
		writeURL(&got, s)
		writeURLByteByByte(&want, s)
		if got.String() != want.String() {
			t.Fatalf("writeURL(%q) = %q, byte by byte: %q", s, got.String(), want.String())
		}
	}
}
