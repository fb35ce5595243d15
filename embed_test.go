package jinzhan

import (
	"bytes"
	"io/fs"
	"strings"
	"testing"
)

// The note published beside the ECharts script carries every licence file
// web/dist holds, whole.
func TestEChartsNoteHasEveryLicence(t *testing.T) {
	script, note := ECharts()
	if !bytes.Contains(script, []byte("echarts")) {
		t.Error("the script is not ECharts")
	}
	err := fs.WalkDir(dist, "web/dist/licenses", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(dist, p)
		name := strings.TrimPrefix(p, "web/dist/licenses/")
		if !bytes.Contains(note, append([]byte("==== "+name+" ====\n\n"), data...)) {
			t.Errorf("the note lacks %s", name)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"echarts/LICENSE", "echarts/NOTICE", "zrender/LICENSE"} {
		if !bytes.Contains(note, []byte("==== "+want+" ====")) {
			t.Errorf("the note lacks %s", want)
		}
	}
}
