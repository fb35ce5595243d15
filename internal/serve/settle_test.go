package serve

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

func TestABurstWaitsByWhatItSaw(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t0 := time.Unix(1000, 0)
	at := func(d time.Duration) time.Time { return t0.Add(d) }

	write("a.md", "text")
	b := newBurst(dir)
	b.add("a.md", t0)
	b.add("a.md", at(time.Millisecond))
	if got := b.due(); !got.Equal(at(time.Millisecond + quiet)) {
		t.Errorf("one save: due %v after it began, want %v", got.Sub(t0), time.Millisecond+quiet)
	}
	if b.settled(at(quiet)) || !b.settled(at(time.Millisecond+quiet)) {
		t.Error("one save should settle quiet after its last event, not before")
	}

	b.add("b.md", at(quiet)) // no such file: a deletion
	if got := b.due(); !got.Equal(at(quiet + settle)) {
		t.Errorf("a burst longer than quiet: due %v after it began, want %v", got.Sub(t0), quiet+settle)
	}
	if got, want := b.paths(), []string{"a.md", "b.md"}; !slices.Equal(got, want) {
		t.Errorf("paths %q, want %q", got, want)
	}

	write("c.md", "")
	b = newBurst(dir)
	b.add("c.md", t0)
	if got := b.due(); !got.Equal(at(settle)) {
		t.Errorf("an emptied file: due %v after, want %v", got.Sub(t0), settle)
	}

	// A file that changed after its event (the next one not read yet).
	write("c.md", "written")
	if b.settled(at(settle)) {
		t.Error("a file that moved since its event has not settled")
	}
	if !b.settled(at(2 * settle)) {
		t.Error("the moved file stayed still for settle")
	}

	// Changes that never pause are rebuilt every maxWait.
	b = newBurst(dir)
	for d := time.Duration(0); d < 2*maxWait; d += quiet / 2 {
		b.add("a.md", at(d))
		if b.settled(at(d)) {
			if d < maxWait {
				t.Fatalf("settled after %v, before maxWait", d)
			}
			break
		}
	}
	if !b.settled(at(maxWait)) {
		t.Error("a stream of changes is not rebuilt after maxWait")
	}

	b = newBurst(dir)
	b.lose(t0)
	if b.paths() != nil {
		t.Error("lost events: the batch should be nil, for every file to be read again")
	}
}
