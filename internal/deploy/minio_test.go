package deploy_test

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/deploy"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/miniotest"
	"github.com/minio/minio-go/v7"
)

// interceptor passes requests to MinIO, letting a test act on each upload
// (a PUT) before it is sent: answer it itself, or stop the deploy.
type interceptor struct {
	mu    sync.Mutex
	puts  int
	onPut func(n int, req *http.Request) *http.Response // nil: send it
	// cut, when set, ends the deploy at the PUT it returns true for: the
	// deploy's context is cancelled and that PUT is not sent.
	cut func(n int) bool
}

func (i *interceptor) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method == http.MethodPut && i.onPut != nil {
		i.mu.Lock()
		i.puts++
		n := i.puts
		i.mu.Unlock()
		if i.cut != nil && i.cut(n) {
			return nil, context.Canceled
		}
		if resp := i.onPut(n, req); resp != nil {
			return resp, nil
		}
	}
	return http.DefaultTransport.RoundTrip(req)
}

// minioTarget starts MinIO with a bucket holding one object the site does
// not have, and returns the deploy options for it.
func minioTarget(t *testing.T, dir string) (deploy.Options, *minio.Client) {
	t.Helper()
	server := miniotest.Start(t)
	server.UseCredentials(t)
	server.MakeBucket(t, "site")
	client := server.Client(t)
	if _, err := client.PutObject(context.Background(), "site", "gone.html", strings.NewReader("x"), 1, minio.PutObjectOptions{}); err != nil {
		t.Fatal(err)
	}
	target, p := deploy.ParseTarget(server.URL("site"))
	if p != nil {
		t.Fatal(p.Message.In("en"))
	}
	return deploy.Options{Dir: dir, Target: target, MaxDeletes: deploy.DefaultMaxDeletes}, client
}

func objectCount(t *testing.T, c *minio.Client) int {
	t.Helper()
	n := 0
	for o := range c.ListObjects(context.Background(), "site", minio.ListObjectsOptions{Recursive: true}) {
		if o.Err != nil {
			t.Fatal(o.Err)
		}
		n++
	}
	return n
}

// A deploy stopped half-way (Ctrl+C, a closed laptop) leaves what it
// uploaded and deletes nothing; the next run uploads the rest and deletes.
func TestAnInterruptedDeployToMinIOIsFinishedByTheNext(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	opts, client := minioTarget(t, dir)
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	// One upload at a time, so that the five before the cut have been
	// stored when it comes and none is still on its way.
	opts.Workers = 1
	opts.S3.Transport = &interceptor{
		onPut: func(int, *http.Request) *http.Response { return nil },
		cut: func(n int) bool {
			if n >= 6 {
				stop()
			}
			return n >= 6
		},
	}
	res, err := deploy.Run(ctx, opts)
	if err == nil || !strings.Contains(err.Error(), "the deploy was stopped; nothing was deleted") {
		t.Fatalf("got %v", err)
	}
	before := objectCount(t, client)
	if before != 6 || res.Uploaded != 5 {
		t.Fatalf("the stopped deploy uploaded %d, store holds %d", res.Uploaded, before)
	}

	opts.S3.Transport = nil
	res, err = deploy.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if res.Uploaded != len(sampleSite)-(before-1) || res.Deleted != 1 || objectCount(t, client) != len(sampleSite) {
		t.Errorf("the second run uploaded %d and deleted %d, after %d were stored", res.Uploaded, res.Deleted, before-1)
	}
}

// A store that is busy (503 Slow Down) is asked again after a pause.
func TestBusyStoreIsRetried(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	opts, client := minioTarget(t, dir)
	var mu sync.Mutex
	refused := map[string]bool{}
	opts.S3.Transport = &interceptor{onPut: func(_ int, req *http.Request) *http.Response {
		mu.Lock()
		defer mu.Unlock()
		if refused[req.URL.Path] {
			return nil
		}
		refused[req.URL.Path] = true
		body := `<?xml version="1.0" encoding="UTF-8"?><Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>`
		return &http.Response{StatusCode: http.StatusServiceUnavailable, Status: "503 Slow Down", Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: http.Header{"Content-Type": {"application/xml"}}, Body: io.NopCloser(strings.NewReader(body)), ContentLength: int64(len(body)), Request: req}
	}}
	res, err := deploy.Run(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(refused) != len(sampleSite) || res.Uploaded != len(sampleSite) || objectCount(t, client) != len(sampleSite) {
		t.Errorf("refused %d, uploaded %d", len(refused), res.Uploaded)
	}
}

// Gzipped files are stored with their encoding, and a second deploy of the
// same site uploads nothing: the store's ETag is the MD5 of what was sent.
func TestGzippedDeployToMinIOIsIncremental(t *testing.T) {
	dir := writeBuilt(t, maps(sampleSite))
	opts, client := minioTarget(t, dir)
	opts.Policy = deploy.NewPolicy(load.Deploy{Gzip: true})
	if _, err := deploy.Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	info, err := client.StatObject(context.Background(), "site", "index.html", minio.StatObjectOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if info.Metadata.Get("Content-Encoding") != "gzip" || info.ContentType != "text/html; charset=utf-8" {
		t.Errorf("index.html stored as %q, %q", info.Metadata.Get("Content-Encoding"), info.ContentType)
	}
	res, err := deploy.Run(context.Background(), opts)
	if err != nil || len(res.Plan.Uploads) != 0 || res.Plan.Hashed != 0 {
		t.Errorf("the second deploy: %v, %d uploads, %d read back", err, len(res.Plan.Uploads), res.Plan.Hashed)
	}
}
