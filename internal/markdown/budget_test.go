package markdown

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

func TestRealTextIsWithinBudget(t *testing.T) {
	for _, pattern := range []string{"../../content/*.md", "../../content/*/*.md", "testdata/*.txtar"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			if over := CheckBudget(data); over != nil {
				t.Errorf("%s: %s", name, over.Message.In("en"))
			}
		}
	}
}

// budgetCase is a text at a limit: whole passes, and one more unit after
// it is refused at that unit.
type budgetCase struct {
	name    string
	whole   string
	more    string
	message string
}

func budgetCases() []budgetCase {
	rep := strings.Repeat
	return []budgetCase{
		{"size", rep("林草局送雏。\n", MaxBodyBytes/len("林草局送雏。\n")) + rep("x", MaxBodyBytes%len("林草局送雏。\n")), "x", "the text is 257 KB, more than the limit of 256 KB"},
		{"nested lists", rep("- ", MaxNesting) + "a\n", rep("- ", MaxNesting+1) + "a\n", "this line is nested or indented 33 levels deep (lists in lists, quotes in quotes), more than 32"},
		{"nested quotes", rep(">", MaxNesting) + "a\n", rep(">", MaxNesting+1) + "a\n", "this line is nested or indented 33 levels deep (lists in lists, quotes in quotes), more than 32"},
		{"indented list", rep(" ", 2*MaxNesting-2) + "- a\n", rep(" ", 2*MaxNesting) + "- a\n", "this line is nested or indented 33 levels deep (lists in lists, quotes in quotes), more than 32"},
		{"brackets", rep("见[图] ", MaxBrackets), "[", "more than 500 [ in the text (links, images and footnotes start with one)"},
		{"footnotes", rep("注[^1] ", MaxFootnotes), "[^1]", "more than 200 footnote marks [^…] in the text"},
		{"link definitions", rep("[a]: /x\n", MaxLinkDefinitions), "[b]: /y\n", "more than 200 link definitions ([name]: address lines) in the text"},
		{"emphasis", rep("**粗** ", MaxEmphasis/2), "_", "more than 1000 *, _ or ~ marks in the text"},
		{"figure references", rep("{{help.people}}", MaxFigureRefs), "{{help.people}}", "more than 10000 figure references {{…}} in the text"},
		{"chart blocks", rep("```chart\ntype: bar\n```\n\n", MaxChartBlocks), "~~~ chart\n", "more than 50 chart blocks in one file"},
		{"table cells", "|a|b|\n|-|-|\n" + rep("|1|2|\n", MaxTableCells/2-2), "|3|4|\n", "the tables have more than 10000 cells (rows × columns) in one file"},
		{"short rows of a wide table", rep("|a", 100) + "|\n" + rep("|-", 100) + "|\n" + rep("|\n", MaxTableCells/100-2), "|\n", "the tables have more than 10000 cells (rows × columns) in one file"},
		// Each of 16 "](" is read to the end of the line: 16 × 65,506
		// bytes of x and 4 × (15 + 14 + … + 0) of the links after it.
		{"unclosed link addresses", rep("[a](", 16) + rep("x", 65506) + "\n", "[a](x\n", "too many links here whose address does not end: a link is [text](address), closed with )"},
	}
}

func TestEachLimitRefusesOneMore(t *testing.T) {
	for _, c := range budgetCases() {
		t.Run(c.name, func(t *testing.T) {
			if over := CheckBudget([]byte(c.whole)); over != nil {
				t.Fatalf("at the limit: %s", over.Message.In("en"))
			}
			text := c.whole + c.more
			over := CheckBudget([]byte(text))
			if over == nil {
				t.Fatal("one more is not refused")
			}
			if got := over.Message.In("en"); got != c.message {
				t.Errorf("message %q, want %q", got, c.message)
			}
			if over.Hint.Format == "" {
				t.Error("no hint")
			}
			if start := len(c.whole); over.Offset < start || over.Offset >= len(text) {
				t.Errorf("refused at offset %d, want inside the last %q (from %d)", over.Offset, c.more, start)
			}
		})
	}
}

func TestEscapedMarksAreNotCounted(t *testing.T) {
	text := strings.Repeat(`\[\*\_\~ `, 2*MaxEmphasis)
	if over := CheckBudget([]byte(text)); over != nil {
		t.Errorf("escaped marks counted: %s", over.Message.In("en"))
	}
}

func TestContainerPrefix(t *testing.T) {
	for _, c := range []struct {
		line         string
		depth, width int
	}{
		{"正文", 0, 0},
		{"- a", 1, 2},
		{"  - b", 2, 4},
		{"    - c", 3, 6},
		{"- - - a", 3, 6},
		{"> > a", 2, 4},
		{">>>>a", 4, 4},
		{"1. a", 1, 3},
		{"   1) b", 3, 6},
		{"2020. 年", 3, 6}, // "2020." reads as a list marker; its columns count
		{"\t- a", 3, 3},
		{"*a* b", 0, 0},
		{"-1", 0, 0},
		{"12345678901. a", 0, 0},
		{"-", 1, 1},
		{strings.Repeat(" ", 70) + "aligned text in a code block", 0, 70},
		{strings.Repeat(" ", 70) + "- a", 36, 72},
	} {
		if depth, width := containerPrefix([]byte(c.line)); depth != c.depth || width != c.width {
			t.Errorf("containerPrefix(%q) = %d, %d; want %d, %d", c.line, depth, width, c.depth, c.width)
		}
	}
}

func TestAddressBytes(t *testing.T) {
	for rest, want := range map[string]int{
		"/x) 后文":      2,
		"/a(b)c) 后文":  6,
		"/x 后文":       2,
		"  <a b> 后文":  6,
		"<未闭合":        len("<未闭合"),
		"地址没有结束":      len("地址没有结束"),
		`\)x) y`:      3,
		"https://x/)": 10,
	} {
		if got := addressBytes([]byte(rest)); got != want {
			t.Errorf("addressBytes(%q) = %d, want %d", rest, got, want)
		}
	}
}

// marksByteByByte is tally.marks looking at every byte, as it did before it
// passed over the bytes that count for nothing: the two must agree.
func (t *tally) marksByteByByte(line []byte, offset int) *OverBudget {
	prev := byte(0)
	for i := 0; i < len(line); i++ {
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

func TestMarksAgreeWithLookingAtEveryByte(t *testing.T) {
	pieces := []string{"\\", "[", "[^", "]", "](", ")", "*", "**", "_", "~", "{", "{{", "}}", "a", " ", "中", "文字", "\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		var line []byte
		for range rng.IntN(12) + 1 {
			line = append(line, pieces[rng.IntN(len(pieces))]...)
		}
		var got, want tally
		overGot, overWant := got.marks(line, 7), want.marksByteByByte(line, 7)
		if got != want || (overGot == nil) != (overWant == nil) || overGot != nil && overGot.Offset != overWant.Offset {
			t.Fatalf("marks(%q) = %+v, looking at every byte: %+v", line, got, want)
		}
	}
}
