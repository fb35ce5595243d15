package deploy

import (
	"cmp"
	"context"
	"crypto/md5"
	"encoding/hex"
	"errors"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// Reason says why a file is uploaded.
type Reason int

// The reasons.
const (
	New     Reason = iota // the store does not have it
	Changed               // the store has other bytes
	Forced                // --force: uploaded although the store has the same bytes
)

// Upload is a file a plan uploads.
type Upload struct {
	File
	Reason Reason
}

// Plan is what a deploy does: the uploads in their order (by phase, then
// path), then the deletions.
type Plan struct {
	Uploads   []Upload
	Deletes   []string // sorted
	Unchanged int      // files the store has as they are
	Bytes     int64    // to upload
	// Hashed counts the objects read and hashed because their ETag was
	// not an MD5 (uploaded in parts by another tool).
	Hashed int
}

// hashWorkers bounds the objects read at once to be hashed.
const hashWorkers = 4

// Compare plans a deploy: what to upload so that the bucket holds every
// file as it is, and what to delete because the site no longer has it.
// A file whose size and MD5 the store's listing gives is compared without
// reading it; one whose ETag is not an MD5 is read back and hashed (as
// Hugo does). force uploads every file.
func Compare(ctx context.Context, bucket Bucket, files []File, objects []Object, force bool) (Plan, error) {
	var plan Plan
	stored := make(map[string]Object, len(objects))
	for _, o := range objects {
		stored[o.Key] = o
	}
	var unsure []int // files whose object must be read to compare
	for i, f := range files {
		o, ok := stored[f.Path]
		delete(stored, f.Path)
		switch {
		case !ok:
			plan.add(f, New)
		case force:
			plan.add(f, Forced)
		case o.Size != f.Size:
			plan.add(f, Changed)
		case !isMD5(o.ETag):
			unsure = append(unsure, i)
		case strings.EqualFold(o.ETag, hex.EncodeToString(f.MD5[:])):
			plan.Unchanged++
		default:
			plan.add(f, Changed)
		}
	}
	same, err := readAndCompare(ctx, bucket, files, unsure)
	if err != nil {
		return Plan{}, err
	}
	plan.Hashed = len(unsure)
	for n, i := range unsure {
		if same[n] {
			plan.Unchanged++
		} else {
			plan.add(files[i], Changed)
		}
	}
	for key := range stored {
		plan.Deletes = append(plan.Deletes, key)
	}
	slices.Sort(plan.Deletes)
	slices.SortFunc(plan.Uploads, func(a, b Upload) int {
		return cmp.Or(cmp.Compare(a.Phase, b.Phase), cmp.Compare(a.Path, b.Path))
	})
	return plan, nil
}

func (p *Plan) add(f File, why Reason) {
	p.Uploads = append(p.Uploads, Upload{f, why})
	p.Bytes += f.Size
}

// isMD5 reports whether an ETag is an MD5 in hex, as a store gives for an
// object put in one piece (one put in parts is tagged md5-of-md5s-N).
func isMD5(etag string) bool {
	if len(etag) != 2*md5.Size {
		return false
	}
	_, err := hex.DecodeString(etag)
	return err == nil
}

// readAndCompare reads the objects of files[i] for each i of which, and
// reports which hold the file's bytes.
func readAndCompare(ctx context.Context, bucket Bucket, files []File, which []int) ([]bool, error) {
	same := make([]bool, len(which))
	errs := make([]error, len(which))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(hashWorkers, len(which)) {
		wg.Go(func() {
			for n := range next {
				sum, err := storedMD5(ctx, bucket, files[which[n]].Path)
				same[n], errs[n] = err == nil && sum == files[which[n]].MD5, err
			}
		})
	}
	for n := range which {
		next <- n
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, storeError(err, diag.T("cannot read an object back to compare it"))
	}
	return same, nil
}

// storedMD5 reads an object and hashes it.
func storedMD5(ctx context.Context, bucket Bucket, key string) ([md5.Size]byte, error) {
	var sum [md5.Size]byte
	body, err := bucket.Get(ctx, key)
	if err != nil {
		return sum, err
	}
	defer body.Close()
	h := md5.New()
	if _, err := io.Copy(h, body); err != nil {
		return sum, err
	}
	h.Sum(sum[:0])
	return sum, nil
}
