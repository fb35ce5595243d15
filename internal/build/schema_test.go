package build_test

import (
	"os"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
)

// TestSitePublishesSchemas checks that every built site carries the JSON
// Schemas editors' tools read, the same bytes as the repository's copy.
func TestSitePublishesSchemas(t *testing.T) {
	r := sitetest.Build(t, baseSite)
	r.AssertFile("schema/activity.schema.json", `"$schema": "https://json-schema.org/draft/2020-12/schema"`, `"万元"`, `"additionalProperties": false`)
	for _, kind := range []string{"site", "campaign", "townships", "activity", "frontmatter"} {
		name := "schema/" + kind + ".schema.json"
		repo, err := os.ReadFile(exampleRoot + "/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if got := r.Read(name); got != string(repo) {
			t.Errorf("published %s differs from the repository's %s", name, name)
		}
	}
}
