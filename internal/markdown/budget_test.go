package markdown

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
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
