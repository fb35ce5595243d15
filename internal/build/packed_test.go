package build

import (
	"bytes"
	"strings"
	"testing"
)

func TestPackedPagesComeBackByteForByte(t *testing.T) {
	page := []byte("<!DOCTYPE html><title>北票</title>" + strings.Repeat("<p>驻村工作队走进农户家中。</p>\n", 200))
	for _, html := range [][]byte{nil, {}, []byte("x"), page} {
		p := pack(html)
		got, err := p.unpack()
		if err != nil || !bytes.Equal(got, html) {
			t.Fatalf("%d bytes came back as %d (%v)", len(html), len(got), err)
		}
	}
	if p := pack(page); len(p) > len(page)/3 {
		t.Errorf("a page of %d bytes is kept in %d", len(page), len(p))
	}
}
