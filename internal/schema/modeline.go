package schema

import (
	"path"
	"strings"
)

// Modeline is the first line that ties the YAML file at rel (slash-separated,
// relative to the site root) to kind's schema in the site's schema folder,
// so that yaml-language-server finds it without a network: from
// data/activities/volunteer.yaml it is
// "# yaml-language-server: $schema=../../schema/activity.schema.json".
func Modeline(kind, rel string) string {
	up := strings.Repeat("../", strings.Count(path.Clean(rel), "/"))
	return "# yaml-language-server: $schema=" + up + Dir + "/" + FileName(kind)
}
