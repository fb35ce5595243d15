package deploy

import (
	"context"
	"io"
)

// Object is what a listing of the store says of one object.
type Object struct {
	Key  string // below the target's folder
	Size int64
	// ETag is the store's tag of the object's bytes, without quotes: their
	// MD5 in hex for an object stored in one piece, something else for one
	// uploaded in parts or encrypted with a key the store manages.
	ETag string
}

// Bucket is the place a site is deployed to: a bucket, or a folder in one.
// Keys are paths below that folder.
type Bucket interface {
	// List lists every object in the folder, however deep.
	List(ctx context.Context) ([]Object, error)
	// Get reads an object, to hash one whose ETag is not an MD5.
	Get(ctx context.Context, key string) (io.ReadCloser, error)
	// Put stores an object with its headers, replacing any of that key.
	Put(ctx context.Context, key string, body []byte, h Headers) error
	// Delete removes objects; a key not there is no error.
	Delete(ctx context.Context, keys []string) error
}
