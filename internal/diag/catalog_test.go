package diag

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// formatsInSource finds every message and hint format the code can
// report: the literal formats given to T, Errorf, Warnf and errorf.
func formatsInSource(t *testing.T) []string {
	t.Helper()
	var out []string
	fset := token.NewFileSet()
	err := filepath.WalkDir("..", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			var name string
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				name = fn.Sel.Name
			case *ast.Ident:
				name = fn.Name
			}
			at := map[string]int{"T": 0, "Errorf": 3, "Warnf": 3, "errorf": 3}
			i, ok := at[name]
			if !ok || len(call.Args) <= i {
				return true
			}
			if lit, ok := call.Args[i].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				out = append(out, s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func TestEveryMessageHasAChineseForm(t *testing.T) {
	formats := formatsInSource(t)
	if len(formats) < 40 {
		t.Fatalf("found only %d formats; is the scan broken?", len(formats))
	}
	for _, f := range append(formats, "warning: ", "hint: ") {
		zh, ok := chinese[f]
		if !ok {
			t.Errorf("no Chinese for %q", f)
			continue
		}
		if verbs(zh) != verbs(f) {
			t.Errorf("%q and %q take different arguments", f, zh)
		}
	}
}

// verbs lists the fmt verbs of a format, in order.
func verbs(format string) string {
	var b strings.Builder
	for i := 0; i < len(format)-1; i++ {
		if format[i] == '%' {
			b.WriteByte(format[i+1])
			i++
		}
	}
	return b.String()
}
