package strictyaml

import (
	"bytes"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// lookalike is a full-width character that a Chinese input method types in
// place of the YAML punctuation it looks like: the editor sees a colon and
// cannot tell why YAML does not.
type lookalike struct {
	r     rune
	ascii string    // what it stands for, as YAML wants it written
	name  diag.Text // 冒号
	fix   diag.Text
}

var lookalikes = []lookalike{
	{'：', ": ", diag.T("colon"), diag.T("change it to a half-width colon followed by a space (: )")},
	{'，', ", ", diag.T("comma"), diag.T("change it to a half-width comma (,)")},
	{'［', "[", diag.T("bracket"), diag.T("change it to a half-width bracket ([ or ])")},
	{'］', "]", diag.T("bracket"), diag.T("change it to a half-width bracket ([ or ])")},
	{'｛', "{", diag.T("brace"), diag.T("change it to a half-width brace ({ or })")},
	{'｝', "}", diag.T("brace"), diag.T("change it to a half-width brace ({ or })")},
	{'－', "- ", diag.T("dash"), diag.T("change it to a half-width dash followed by a space (- )")},
}

func lookalikeOf(r rune) (lookalike, bool) {
	for _, l := range lookalikes {
		if l.r == r {
			return l, true
		}
	}
	return lookalike{}, false
}

// problem is what an editor reads about l at line:col.
func (l lookalike) problem(line, col int) (message, hint diag.Text) {
	return diag.T("line %d, column %d is a full-width %s “%s”", line, col, l.name, string(l.r)), l.fix
}

// lookalikeAt reports the look-alike r at line:col of the file decoded.
func (d *decoder) lookalikeAt(r rune, line, col int, path string) {
	l, _ := lookalikeOf(r)
	message, hint := l.problem(line, col)
	d.list.Add(diag.Diagnostic{Pos: diag.Pos{File: d.file, Line: line, Col: col}, Field: path, Message: message, Hint: hint})
}

// maxLookalikeTries bounds the look-alikes tried for one syntax error:
// each try parses the file again.
const maxLookalikeTries = 16

// lookalikeCause finds the look-alike that makes go-yaml fail with msg at
// line (from 1): one on that line or the two before it (a key without its
// colon runs on into the next line) whose half-width form makes the error
// go, or move past line. Lines are searched from line back, each from its
// start.
func lookalikeCause(data []byte, line int, msg string) (l lookalike, atLine, col int, ok bool) {
	lines := bytes.SplitAfter(data, []byte("\n"))
	if line < 1 || line > len(lines) {
		return lookalike{}, 0, 0, false
	}
	offset := make([]int, len(lines)+1)
	for i, text := range lines {
		offset[i+1] = offset[i] + len(text)
	}
	tries := 0
	for n := line; n >= max(1, line-2); n-- {
		text := lines[n-1]
		col := 0
		for i, r := range string(text) {
			col++
			cand, isLookalike := lookalikeOf(r)
			if !isLookalike {
				continue
			}
			if tries++; tries > maxLookalikeTries {
				return lookalike{}, 0, 0, false
			}
			fixed := slices.Concat(data[:offset[n-1]], halfWidth(text, i), data[offset[n]:])
			if after, problem := streamError(fixed); problem == "" || after > line || problem != msg && after >= line {
				return cand, n, col, true
			}
		}
	}
	return lookalike{}, 0, 0, false
}

// halfWidth is line with its look-alike at byte i written as YAML wants
// it; a bracket's or brace's partner on the line goes with it (｛a: 1｝).
// A space the editor typed after it is kept, not doubled: the columns of
// the lines below were aligned to it.
func halfWidth(line []byte, i int) []byte {
	r, size := utf8.DecodeRune(line[i:])
	l, _ := lookalikeOf(r)
	ascii := l.ascii
	if strings.HasSuffix(ascii, " ") && i+size < len(line) && line[i+size] == ' ' {
		ascii = ascii[:len(ascii)-1]
	}
	out := slices.Concat(line[:i], []byte(ascii), line[i+size:])
	if p, ok := partners[r]; ok {
		pl, _ := lookalikeOf(p)
		out = bytes.ReplaceAll(out, []byte(string(p)), []byte(pl.ascii))
	}
	return out
}

var partners = map[rune]rune{'｛': '｝', '｝': '｛', '［': '］', '］': '［'}

// hasLookalike reports whether s holds a look-alike at all: the search
// above is worth its parses only then.
func hasLookalike(s []byte) bool {
	return bytes.ContainsFunc(s, func(r rune) bool { _, ok := lookalikeOf(r); return ok })
}

// colonInKey finds a full-width colon in a key, where YAML wanted ": "
// (date：2012 read as one key): its column in the key, from 1.
func colonInKey(key string) (col int, ok bool) {
	i := strings.IndexRune(key, '：')
	if i < 0 {
		return 0, false
	}
	return utf8.RuneCountInString(key[:i]) + 1, true
}
