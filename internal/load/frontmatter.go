package load

import (
	"bytes"
)

// splitFrontMatter separates a leading "---" YAML block from the Markdown
// body. It returns the YAML, the body, the 1-based line where the YAML
// starts and the line where the body starts. ok is false when the opening
// "---" is never closed.
func splitFrontMatter(src []byte) (yamlPart, body []byte, yamlLine, bodyLine int, hasFront, ok bool) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return nil, src, 0, 1, false, true
	}
	first := bytes.IndexByte(src, '\n') + 1
	line := 2
	for pos := first; pos < len(src); {
		end := bytes.IndexByte(src[pos:], '\n')
		next := len(src)
		if end >= 0 {
			next = pos + end + 1
		}
		if string(bytes.TrimRight(src[pos:next], "\r\n")) == "---" {
			return src[first:pos], src[next:], 2, line + 1, true, true
		}
		pos, line = next, line+1
	}
	return nil, nil, 2, 0, true, false
}
