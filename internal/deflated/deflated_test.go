package deflated

import (
	"bytes"
	"strings"
	"testing"
)

func TestPackedBytesComeBackByteForByte(t *testing.T) {
	page := []byte("<!DOCTYPE html><title>北票</title>" + strings.Repeat("<p>驻村工作队走进农户家中。</p>\n", 200))
	for _, html := range [][]byte{nil, {}, []byte("x"), page} {
		p := Pack(html)
		got, err := p.Unpack()
		if err != nil || !bytes.Equal(got, html) {
			t.Fatalf("%d bytes came back as %d (%v)", len(html), len(got), err)
		}
		var buf bytes.Buffer
		buf.WriteString("before ")
		if err := p.UnpackInto(&buf); err != nil || buf.String() != "before "+string(html) {
			t.Fatalf("%d bytes came back after others as %d (%v)", len(html), buf.Len(), err)
		}
	}
	if p := Pack(page); len(p) > len(page)/3 {
		t.Errorf("%d bytes are kept in %d", len(page), len(p))
	}
}
