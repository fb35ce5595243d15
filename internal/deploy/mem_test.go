package deploy_test

import (
	"bytes"
	"context"
	"crypto/md5"
	"encoding/hex"
	"io"
	"io/fs"
	"slices"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/deploy"
)

// memBucket is a store in memory that records what is done to it, in
// order, for the plan's tests.
type memBucket struct {
	mu      sync.Mutex
	objects map[string]memObject
	log     []string // "put KEY", "delete KEY"
	reads   []string // keys read back
	// beforePut, when set, is called before each put; an error fails it.
	beforePut func(key string) error
}

type memObject struct {
	data    []byte
	headers deploy.Headers
	etag    string
}

func newMemBucket() *memBucket { return &memBucket{objects: map[string]memObject{}} }

func (b *memBucket) List(ctx context.Context) ([]deploy.Object, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	var out []deploy.Object
	for k, o := range b.objects {
		out = append(out, deploy.Object{Key: k, Size: int64(len(o.data)), ETag: o.etag})
	}
	return out, nil
}

func (b *memBucket) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.reads = append(b.reads, key)
	o, ok := b.objects[key]
	if !ok {
		return nil, fs.ErrNotExist
	}
	return io.NopCloser(bytes.NewReader(o.data)), nil
}

func (b *memBucket) Put(ctx context.Context, key string, body []byte, h deploy.Headers) error {
	if b.beforePut != nil {
		if err := b.beforePut(key); err != nil {
			return err
		}
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	b.set(key, body, h)
	b.log = append(b.log, "put "+key)
	return nil
}

// set stores an object as a single-part upload would.
func (b *memBucket) set(key string, body []byte, h deploy.Headers) {
	sum := md5.Sum(body)
	b.objects[key] = memObject{slices.Clone(body), h, hex.EncodeToString(sum[:])}
}

func (b *memBucket) Delete(ctx context.Context, keys []string) error {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, k := range keys {
		delete(b.objects, k)
		b.log = append(b.log, "delete "+k)
	}
	return nil
}

// puts lists the keys put, in order, and forgets them.
func (b *memBucket) takeLog() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	log := b.log
	b.log = nil
	return log
}
