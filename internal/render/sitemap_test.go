package render

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/site"
)

// sitemapSite has n pages, every third a story.
func sitemapSite(n int) *site.Site {
	s := &site.Site{BaseURL: "https://example.org"}
	for i := range n {
		p := &site.Page{URL: fmt.Sprintf("/stories/s%d/", i), Kind: "page"}
		if i%3 == 0 {
			p.Story = &site.Story{Date: load.Date{Year: 2020, Month: 8, Day: 5}}
		}
		s.Pages = append(s.Pages, p)
	}
	return s
}

type urlset struct {
	XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []struct {
		Loc     string `xml:"loc"`
		LastMod string `xml:"lastmod,omitempty"`
	} `xml:"url"`
}

// The sitemap written by hand is what encoding/xml makes of the same
// entries, hostile URLs included.
func TestSitemapIsEncodingXMLs(t *testing.T) {
	s := sitemapSite(4)
	for i, bad := range hostile[:4] {
		s.Pages[i].URL += bad
	}
	var want urlset
	for _, p := range s.Pages {
		u := struct {
			Loc     string `xml:"loc"`
			LastMod string `xml:"lastmod,omitempty"`
		}{Loc: s.BaseURL + p.URL}
		if p.Story != nil {
			u.LastMod = p.Story.Date.ISO()
		}
		want.URLs = append(want.URLs, u)
	}
	out, err := xml.MarshalIndent(want, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	files := sitemapFiles(s)
	got, _ := files[0].Make()
	if wantText := xml.Header + string(out) + "\n"; string(got) != wantText || files[0].Path != "sitemap.xml" || len(files) != 1 {
		t.Errorf("%d files; sitemap.xml:\n%s\nwant:\n%s", len(files), got, wantText)
	}
}

// Past 50,000 pages the sitemap is split, and sitemap.xml lists the parts.
func TestLargeSitemapIsSplit(t *testing.T) {
	s := sitemapSite(2*sitemapLimit + 1)
	files := sitemapFiles(s)
	if len(files) != 4 || files[0].Path != "sitemap.xml" || files[3].Path != "sitemap-3.xml" {
		t.Fatalf("files: %d, first %s", len(files), files[0].Path)
	}
	index, _ := files[0].Make()
	var parsed struct {
		XMLName xml.Name `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 sitemapindex"`
		Maps    []struct {
			Loc string `xml:"loc"`
		} `xml:"sitemap"`
	}
	if err := xml.Unmarshal(index, &parsed); err != nil || len(parsed.Maps) != 3 || parsed.Maps[2].Loc != "https://example.org/sitemap-3.xml" {
		t.Fatalf("index %v: %+v", err, parsed)
	}
	seen := 0
	for i, f := range files[1:] {
		data, _ := f.Make()
		var part urlset
		if err := xml.Unmarshal(data, &part); err != nil {
			t.Fatal(err)
		}
		if len(part.URLs) > sitemapLimit {
			t.Errorf("%s lists %d URLs", f.Path, len(part.URLs))
		}
		if first := part.URLs[0].Loc; first != s.BaseURL+s.Pages[i*sitemapLimit].URL {
			t.Errorf("%s starts at %s", f.Path, first)
		}
		seen += len(part.URLs)
	}
	if seen != len(s.Pages) {
		t.Errorf("%d URLs in the parts, want %d", seen, len(s.Pages))
	}
}

// escapeXML writes what xml.EscapeText writes, for the hostile strings,
// each cut in two and escaped in parts, and random mixes of the bytes it
// must look at.
func TestEscapeXMLIsEscapeText(t *testing.T) {
	inputs := append([]string{"", "https://example.org/stories/a-b/", "2020-08-05", "北票", "\x7f", "\xff\xfe", "a\tb\r\nc"}, hostile...)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := []string{"a", "/", "&", "<", ">", `"`, "'", "\t", "\n", "\r", "\x00", "\x1f", "\x7f", "é", "北", "\xff", "\xe5\x8c", "\U0001F600", "\uFFFE"}
	for range 2000 {
		var s strings.Builder
		for range rng.IntN(12) {
			s.WriteString(alphabet[rng.IntN(len(alphabet))])
		}
		inputs = append(inputs, s.String())
	}
	for _, in := range inputs {
		var want bytes.Buffer
		xml.EscapeText(&want, []byte(in))
		for cut := range len(in) + 1 {
			if cut > 0 && cut < len(in) && !utf8.ValidString(in[:cut]) {
				continue // a character cut in two escapes as two bad bytes
			}
			var got bytes.Buffer
			escapeXML(&got, in[:cut])
			escapeXML(&got, in[cut:])
			if got.String() != want.String() {
				t.Fatalf("%q cut at %d: %q, want %q", in, cut, got.String(), want.String())
			}
		}
	}
}
