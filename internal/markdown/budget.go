package markdown

import (
	"bytes"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// Limits of one Markdown body (the text of a story, a narrative or a page
// after its front matter), checked by CheckBudget before goldmark parses
// it. goldmark's work grows faster than the text for some shapes of input
// (docs/upstream/goldmark.md) and its tree takes up to about 200 bytes per
// byte of text, and a parse cannot be stopped once started, so the text is
// measured first. A real story is 1–20 KB with a few references and one or
// two charts; every limit is many times that, and the worst text within
// all of them parses in well under a second and tens of MB.
const (
	// MaxBodyBytes bounds the text itself. Its node-per-byte worst cases
	// (a text of [, of "# a" lines, of table rows) stay under about 60 MB.
	MaxBodyBytes = 256 << 10
	// MaxNesting bounds how deep lists and block quotes nest on a line,
	// counted from its markers and indentation (two columns a level):
	// goldmark's work per line grows with the square of the depth.
	MaxNesting = 32
	// MaxBrackets bounds the [ that may start a link, image or footnote:
	// goldmark rereads the lines of a paragraph for each of them.
	MaxBrackets = 500
	// MaxFootnotes bounds footnote marks [^…] (references and definitions
	// together): each reference searches every definition.
	MaxFootnotes = 200
	// MaxLinkDefinitions bounds "[name]: address" lines: goldmark copies
	// the rest of the paragraph for each one.
	MaxLinkDefinitions = 200
	// MaxEmphasis bounds the runs of *, _ and ~: each one that closes
	// nothing is compared with every run before it in its paragraph.
	MaxEmphasis = 1000
	// MaxFigureRefs bounds the {{activity.id}} references: each is checked
	// against the data and printed with its label, date and source.
	MaxFigureRefs = 10000
	// MaxChartBlocks bounds the ```chart blocks of one file: each is
	// decoded, checked, built and drawn with its data table.
	MaxChartBlocks = 50
	// MaxTableCells bounds rows × columns over the tables of a file: a
	// row is filled out to the width of its table, however short.
	MaxTableCells = 10000
	// MaxAddressBytes bounds the bytes goldmark reads after "](" looking
	// for where a link's address ends (to the end of the line when no ")"
	// or space comes).
	MaxAddressBytes = 1 << 20
)

// OverBudget is the first limit a Markdown body passes.
type OverBudget struct {
	Offset  int // byte offset in the body where the limit is passed
	Message diag.Text
	Hint    diag.Text
}

// CheckBudget measures a Markdown body in one pass, before goldmark parses
// it, and returns the first limit it passes, or nil.
func CheckBudget(body []byte) *OverBudget {
	if len(body) > MaxBodyBytes {
		return &OverBudget{Offset: MaxBodyBytes,
			Message: diag.T("the text is %d KB, more than the limit of %d KB", (len(body)+1023)/1024, MaxBodyBytes/1024),
			Hint:    diag.T("split it into several stories, or remove what does not belong in it")}
	}
	var t tally
	for start := 0; start < len(body); {
		end := len(body)
		if i := bytes.IndexByte(body[start:], '\n'); i >= 0 {
			end = start + i + 1
		}
		if over := t.line(body[start:end], start); over != nil {
			return over
		}
		start = end
	}
	return nil
}

// tally counts, line by line, what the limits bound.
type tally struct {
	// what the limits count, over the whole body
	brackets, footnotes, linkDefs, emphasis, figureRefs, charts, tableCells, addressBytes int

	tableColumns int  // columns of the table being read; 0 outside tables
	afterText    bool // the line before was not blank
}

// line counts one line that starts at offset in the body.
func (t *tally) line(line []byte, offset int) *OverBudget {
	depth, prefix := containerPrefix(line)
	content := line[prefix:]
	blank := len(bytes.TrimSpace(line)) == 0
	defer func() { t.afterText = !blank }()
	if depth > MaxNesting {
		return &OverBudget{Offset: offset,
			Message: diag.T("this line is nested or indented %d levels deep (lists in lists, quotes in quotes), more than %d", depth, MaxNesting),
			Hint:    diag.T("nest fewer lists or > quotes, or indent the line less")}
	}
	if isChartFence(content) {
		if t.charts++; t.charts > MaxChartBlocks {
			return &OverBudget{Offset: offset + prefix,
				Message: diag.T("more than %d chart blocks in one file", MaxChartBlocks),
				Hint:    diag.T("put the other charts in another story, or under charts: in the activity's data file")}
		}
	}
	if isLinkDefinition(content) {
		if t.linkDefs++; t.linkDefs > MaxLinkDefinitions {
			return &OverBudget{Offset: offset + prefix,
				Message: diag.T("more than %d link definitions ([name]: address lines) in the text", MaxLinkDefinitions),
				Hint:    diag.T("write links as [text](address)")}
		}
	}
	if over := t.table(content, blank, offset+prefix); over != nil {
		return over
	}
	return t.marks(line, offset)
}

// table counts the cells of GFM tables: from a delimiter row under a
// header line, every line up to the next blank one is a row.
func (t *tally) table(content []byte, blank bool, offset int) *OverBudget {
	switch columns := delimiterRow(content); {
	case blank:
		t.tableColumns = 0
	case columns > 0 && t.afterText:
		t.tableColumns = columns
		t.tableCells += 2 * columns // the header and this row
	default:
		t.tableCells += t.tableColumns
	}
	if t.tableCells > MaxTableCells {
		return &OverBudget{Offset: offset,
			Message: diag.T("the tables have more than %d cells (rows × columns) in one file", MaxTableCells),
			Hint:    diag.T("split the table, or put the figures in a data file and show them as a chart")}
	}
	return nil
}

// countedMark marks the bytes tally.marks looks at: a backslash, and the
// first byte of what it counts.
var countedMark = func() (m [256]bool) {
	for _, c := range []byte(`\[*_~{]`) {
		m[c] = true
	}
	return m
}()

// marks counts the [, [^, *, _, ~, {{ and link addresses of a line,
// skipping characters escaped with a backslash (never markup).
func (t *tally) marks(line []byte, offset int) *OverBudget {
	prev := byte(0)
	for i := 0; i < len(line); i++ {
		if !countedMark[line[i]] {
			// Most bytes of a text count for nothing: pass over them.
			// None equals a mark, so a run of emphasis marks ends.
			for i < len(line) && !countedMark[line[i]] {
				i++
			}
			if prev = 0; i == len(line) {
				break
			}
		}
		c := line[i]
		at := offset + i
		switch {
		case c == '\\':
			i++
			c = 0
		case c == '[':
			if t.brackets++; t.brackets > MaxBrackets {
				return &OverBudget{Offset: at,
					Message: diag.T("more than %d [ in the text (links, images and footnotes start with one)", MaxBrackets),
					Hint:    diag.T("remove the brackets that are not links, or split the text into several stories")}
			}
			if i+1 < len(line) && line[i+1] == '^' {
				if t.footnotes++; t.footnotes > MaxFootnotes {
					return &OverBudget{Offset: at,
						Message: diag.T("more than %d footnote marks [^…] in the text", MaxFootnotes),
						Hint:    diag.T("use fewer footnotes, or split the text into several stories")}
				}
			}
		case c == '*' || c == '_' || c == '~':
			if c == prev {
				break // the same run
			}
			if t.emphasis++; t.emphasis > MaxEmphasis {
				return &OverBudget{Offset: at,
					Message: diag.T("more than %d *, _ or ~ marks in the text", MaxEmphasis),
					Hint:    diag.T("these marks make text bold, italic or struck through: remove the ones you do not need, or put a \\ before each")}
			}
		case c == '{' && i+1 < len(line) && line[i+1] == '{':
			i++
			if t.figureRefs++; t.figureRefs > MaxFigureRefs {
				return &OverBudget{Offset: at,
					Message: diag.T("more than %d figure references {{…}} in the text", MaxFigureRefs),
					Hint:    diag.T("split the text into several stories")}
			}
		case c == ']' && i+1 < len(line) && line[i+1] == '(':
			if t.addressBytes += addressBytes(line[i+2:]); t.addressBytes > MaxAddressBytes {
				return &OverBudget{Offset: at,
					Message: diag.T("too many links here whose address does not end: a link is [text](address), closed with )"),
					Hint:    diag.T("close each link's address with ), or remove the links that are not finished")}
			}
		}
		prev = c
	}
	return nil
}
