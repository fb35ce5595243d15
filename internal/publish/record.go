package publish

import (
	"fmt"
	"os"
)

// record is what the destination's lock file keeps between builds: when
// the manifests of the published site and of the spare were written, as
// their change times, which no program can set back. A spare whose
// manifest's time is no longer the recorded one had its manifest changed
// after its build — touched, edited, replaced — and with it the time every
// check of the spare is made against (reuse.go): it is not used. The lock
// file lies beside the destination, where only the site's own people
// write, not in the published folder.
type record struct{ published, spare instant }

const recordFormat = "jinzhan publish 1\n%d.%d\n%d.%d\n"

// readRecord reads the record in the lock file f; a zero record when there
// is none to read.
func readRecord(f *os.File) record {
	buf := make([]byte, 128)
	n, _ := f.ReadAt(buf, 0)
	var r record
	if _, err := fmt.Sscanf(string(buf[:n]), recordFormat, &r.published.sec, &r.published.nsec, &r.spare.sec, &r.spare.nsec); err != nil {
		return record{}
	}
	return r
}

// writeRecord writes r into the lock file f.
func writeRecord(f *os.File, r record) error {
	text := fmt.Sprintf(recordFormat, r.published.sec, r.published.nsec, r.spare.sec, r.spare.nsec)
	if _, err := f.WriteAt([]byte(text), 0); err != nil {
		return err
	}
	return f.Truncate(int64(len(text)))
}
