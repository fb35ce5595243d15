package strictyaml

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"go.yaml.in/yaml/v3"
)

// yamlProblem is what an editor reads for one of go-yaml's messages.
type yamlProblem struct {
	message diag.Text
	hint    diag.Text
}

var (
	lookAtLine = diag.T("check the indentation and the punctuation on this line and the one before it")
	quoteIt    = diag.T("put the text in quotes")
	tagProblem = yamlProblem{diag.T("text that starts with ! is read as a YAML tag"), quoteIt}
	directive  = yamlProblem{diag.T("a line that starts with %% is read as a YAML directive"), diag.T("remove the line, or put text that starts with %% in quotes")}
	anchors    = yamlProblem{diag.T("anchors and aliases are not supported"), diag.T("write the value out in full instead of using & and *")}
	notUTF8    = yamlProblem{diag.T("the file is not valid UTF-8"), diag.T("save the file as UTF-8 (not GBK/GB2312)")}
	tabs       = yamlProblem{diag.T("a tab is used for indentation"), diag.T("indent with spaces only (YAML does not allow tabs)")}
	escape     = yamlProblem{diag.T("a \\x, \\u or \\U escape in double quotes does not write a valid character"), diag.T("write the character itself instead of its code")}
	// unknownProblem is said for a message go-yaml gains after an upgrade:
	// its English is never shown, the position still is.
	unknownProblem = yamlProblem{diag.T("this is not valid YAML"), lookAtLine}
)

// yamlProblems maps every message go-yaml v3 gives for broken input to
// words an editor knows, in the site's language (TestEverySyntaxError
// holds an input for each one reachable).
var yamlProblems = map[string]yamlProblem{
	"mapping values are not allowed in this context":               {diag.T("a colon where none can be: check the indentation, or put text containing \": \" in quotes"), lookAtLine},
	"did not find expected key":                                    {diag.T("the indentation does not line up with the lines above"), lookAtLine},
	"could not find expected ':'":                                  {diag.T("a colon (:) is missing after a key"), lookAtLine},
	"did not find expected '-' indicator":                          {diag.T("a list item does not start with \"- \" or is indented differently"), lookAtLine},
	"found unexpected end of stream":                               {diag.T("the file ends inside quotes or brackets"), diag.T("close the quote or bracket opened here")},
	"block sequence entries are not allowed in this context":       {diag.T("a list item (- …) is indented differently from its key"), lookAtLine},
	"found character that cannot start any token":                  {diag.T("a character that cannot start a value: put the text in quotes"), lookAtLine},
	"did not find expected ',' or ']'":                             {diag.T("a list in [ ] is not closed, or its items are not separated by commas"), diag.T("end the list with ], or write its items on lines of their own starting with \"- \"")},
	"did not find expected ',' or '}'":                             {diag.T("a mapping in { } is not closed, or its entries are not separated by commas"), diag.T("end it with }, or write its entries as key: value lines")},
	"did not find expected node content":                           {diag.T("a value is missing here"), lookAtLine},
	"mapping keys are not allowed in this context":                 {diag.T("a question mark (?) that YAML reads as a key marker"), diag.T("put text that starts with ? in quotes")},
	"found unexpected document indicator":                          {diag.T("a line inside quotes starts with --- or ..., which ends a YAML document"), diag.T("indent that line, or close the quotes before it")},
	"found unknown escape character":                               {diag.T("an unknown escape after a backslash (\\) in double quotes"), diag.T("write \\\\ for a backslash, or put the text in single quotes")},
	"found invalid Unicode character escape code":                  escape,
	"did not find expected hexdecimal number":                      escape,
	"found a tab character that violates indentation":              tabs,
	"found a tab character where an indentation space is expected": tabs,
	"did not find expected alphabetic or numeric character":        {diag.T("& or * must be followed by a name (YAML anchors and aliases)"), diag.T("put text that starts with & or * in quotes")},
	"did not find expected comment or line break":                  {diag.T("text where only a comment or the end of the line can be (after | or >, or after ---)"), diag.T("move the text to the next line, indented")},
	"found an indentation indicator equal to 0":                    {diag.T("the number after | or > cannot be 0"), diag.T("write | or > alone, or a number from 1 to 9")},
	"did not find expected <document start>":                       {diag.T("text after the end of the document (a line with ... or ---)"), diag.T("remove the line with ... or ---")},
	"document contains excessive aliasing":                         anchors,
	"did not find the expected '>'":                                tagProblem,
	"did not find expected tag URI":                                tagProblem,
	"did not find expected '!'":                                    tagProblem,
	"did not find URI escaped octet":                               tagProblem,
	"found undefined tag handle":                                   tagProblem,
	"did not find expected whitespace or line break":               tagProblem,
	"found unknown directive name":                                 directive,
	"could not find expected directive name":                       directive,
	"found unexpected non-alphabetical character":                  directive,
	"found duplicate %YAML directive":                              directive,
	"found duplicate %TAG directive":                               directive,
	"found incompatible YAML document":                             directive,
	"did not find expected digit or '.' character":                 directive,
	"found extremely long version number":                          directive,
	"did not find expected version number":                         directive,
	"did not find expected whitespace":                             directive,
	"control characters are not allowed":                           {diag.T("an invisible control character is in the text"), diag.T("delete it; most editors do not show it")},
	"invalid leading UTF-8 octet":                                  notUTF8,
	"invalid trailing UTF-8 octet":                                 notUTF8,
	"incomplete UTF-8 octet sequence":                              notUTF8,
	"invalid length of a UTF-8 sequence":                           notUTF8,
	"found an incorrect leading UTF-8 octet":                       notUTF8,
	"found an incorrect trailing UTF-8 octet":                      notUTF8,
	"invalid Unicode character":                                    notUTF8,
}

// yamlProblemPrefixes are go-yaml's messages that carry a value.
var yamlProblemPrefixes = []struct {
	prefix  string
	problem yamlProblem
}{
	{"unknown anchor '", anchors},
	{"anchor '", anchors}, // … value contains itself
	{"exceeded max depth of ", yamlProblem{diag.T("the data is nested too deeply"), diag.T("write fewer levels of lists and mappings inside each other")}},
}

func problemFor(msg string) yamlProblem {
	if p, ok := yamlProblems[msg]; ok {
		return p
	}
	for _, p := range yamlProblemPrefixes {
		if strings.HasPrefix(msg, p.prefix) {
			return p.problem
		}
	}
	return unknownProblem
}

var yamlLine = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// splitYAMLError separates go-yaml's line number (0 when it gives none)
// from its message.
func splitYAMLError(err error) (int, string) {
	m := yamlLine.FindStringSubmatch(err.Error())
	if m == nil {
		return 0, err.Error()
	}
	line, _ := strconv.Atoi(m[1])
	return line, err.Error()[len(m[0]):]
}

// syntaxProblem reports go-yaml's error err about data, which starts shift
// lines into the file. When a full-width look-alike of YAML punctuation
// causes it, that character is the problem reported, at its own place.
func syntaxProblem(file string, shift int, data []byte, err error, list *diag.List) {
	line, col, problem := syntaxError(data, err)
	if col > 0 && hasLookalike(data) { // col 0: too large a file to search
		_, msg := splitYAMLError(err)
		if l, atLine, atCol, ok := lookalikeCause(data, line, msg); ok {
			message, hint := l.problem(shift+atLine, atCol)
			list.Add(diag.Diagnostic{Pos: diag.Pos{File: file, Line: shift + atLine, Col: atCol}, Message: message, Hint: hint})
			return
		}
	}
	list.Add(diag.Diagnostic{Pos: diag.Pos{File: file, Line: shift + line, Col: col}, Message: diag.T("YAML syntax error: %s", problem.message), Hint: problem.hint})
}

// syntaxError says where a syntax error is and what it is. go-yaml's own
// line is not always the place: it is sometimes the line where the list
// or mapping holding the mistake starts, sometimes the line before it (it
// counts from 0 there), and never with a column. So the place is found by
// asking go-yaml again: the mistake is at the end of the shortest start
// of the file that gives the same error.
func syntaxError(data []byte, err error) (line, col int, problem yamlProblem) {
	reported, msg := splitYAMLError(err)
	line, col = locate(data, msg, reported)
	problem = problemFor(msg)
	if msg == "did not find expected key" && col > indentOf(data, line)+1 {
		// Not at the start of its line: something follows a value that was complete.
		problem = yamlProblem{diag.T("more text after a complete value"), diag.T("put the whole value in quotes, or remove what follows it")}
	}
	return line, col, problem
}

// indentOf counts the spaces that start line n (from 1) of data.
func indentOf(data []byte, n int) int {
	lines := bytes.SplitN(data, []byte("\n"), n+1)
	if n > len(lines) {
		return 0
	}
	l := lines[n-1]
	return len(l) - len(bytes.TrimLeft(l, " "))
}

// streamProblem is the message go-yaml gives for data, read document by
// document as Parse reads it, or "" when it reads.
func streamProblem(data []byte) string {
	_, msg := streamError(data)
	return msg
}

// streamError is streamProblem with go-yaml's line.
func streamError(data []byte) (line int, msg string) {
	dec := yaml.NewDecoder(bytes.NewReader(data))
	for {
		var doc yaml.Node
		err := dec.Decode(&doc)
		if errors.Is(err, io.EOF) {
			return 0, ""
		}
		if err != nil {
			return splitYAMLError(err)
		}
	}
}

// maxLocate bounds the files in which a syntax error's place is searched:
// each step parses the file up to the line tried, about 20 steps for a
// file of this size. A larger file gets go-yaml's line, without column.
const maxLocate = 256 << 10

// locate finds the line and column of the error msg in data: the line
// ends the shortest run of whole lines that gives msg, the column the
// shortest start of that line that does. reported is go-yaml's line.
func locate(data []byte, msg string, reported int) (line, col int) {
	if len(data) > maxLocate {
		return max(reported, 1), 0
	}
	starts := []int{0} // offset of each line
	for i, c := range data {
		if c == '\n' && i+1 < len(data) {
			starts = append(starts, i+1)
		}
	}
	upTo := func(n int) []byte { // the first n lines
		if n >= len(starts) {
			return data
		}
		return data[:starts[n]]
	}
	fails := func(b []byte) bool { return streamProblem(b) == msg }
	// The mistake lies at or after go-yaml's line, less one (it counts
	// from 0 for some errors). Gallop from there, then halve.
	lo := max(reported-2, 0) // lines known to read without msg
	if lo > 0 && fails(upTo(lo)) {
		lo = 0
	}
	hi, step := lo+1, 1
	for hi < len(starts) && !fails(upTo(hi)) {
		lo, step = hi, step*2
		hi = min(lo+step, len(starts))
	}
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if fails(upTo(mid)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	line = hi
	start := starts[line-1]
	text := bytes.TrimRight(upTo(line)[start:], "\r\n")
	runes := utf8.RuneCount(text)
	if !fails(data[:start+len(text)]) {
		// Only the line break completes the error: point at the line's text.
		return line, indentOf(data, line) + 1
	}
	// Binary search over characters: the error appears with the col-th.
	offsets := make([]int, 0, runes+1) // byte offset after each character
	for i := range string(text) {
		if i > 0 {
			offsets = append(offsets, i)
		}
	}
	offsets = append(offsets, len(text))
	clo, chi := 0, runes // characters known not to give, and to give, msg
	for chi-clo > 1 {
		mid := (clo + chi) / 2
		if fails(data[:start+offsets[mid-1]]) {
			chi = mid
		} else {
			clo = mid
		}
	}
	return line, chi
}
