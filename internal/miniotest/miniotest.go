// Package miniotest starts a MinIO server on 127.0.0.1 for the tests of
// jinzhan deploy, so that they run against a real S3 server. MinIO is a
// separate program (AGPL), never imported: `make minio` builds it into a
// cache outside the repository (MinioDir), and .ci/run does so before the
// tests.
package miniotest

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/jinzhan-dev/jinzhan/internal/child"
	"github.com/jinzhan-dev/jinzhan/internal/sitetest"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// Version is the MinIO the tests are run against (go install …@Version).
const Version = "v0.0.0-20260212201848-7aac2a2c5b7c"

// Server is a MinIO started for one test.
type Server struct {
	Host      string // 127.0.0.1:PORT
	AccessKey string
	SecretKey string
}

// Dir is the folder `make minio` installs MinIO Version into:
// $XDG_CACHE_HOME/jinzhan/minio/VERSION, else ~/.cache/jinzhan/minio/VERSION.
func Dir() string {
	cache := os.Getenv("XDG_CACHE_HOME")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache")
	}
	return filepath.Join(cache, "jinzhan", "minio", Version)
}

// Binary finds MinIO: $MINIO_BIN, else minio on PATH, else the one `make
// minio` built.
func Binary() (string, error) {
	if bin := os.Getenv("MINIO_BIN"); bin != "" {
		_, err := os.Stat(bin)
		return bin, err
	}
	if bin, err := exec.LookPath("minio"); err == nil {
		return bin, nil
	}
	bin := filepath.Join(Dir(), "minio")
	if _, err := os.Stat(bin); err != nil {
		return "", err
	}
	return bin, nil
}

// Start starts MinIO on a free loopback port with a data folder of its own
// and random root credentials, and stops it (by its process id) when the
// test ends. Without MinIO the test is skipped with how to get it; in CI
// (CI set, as .ci/run sets it) it fails instead.
func Start(t testing.TB) *Server {
	t.Helper()
	bin, err := Binary()
	if err != nil {
		msg := "MinIO is not installed (" + err.Error() + "): run make minio (it builds MinIO " + Version + " into " + Dir() + "; about 5 minutes the first time), or set MINIO_BIN"
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	s := &Server{AccessKey: "jz" + randomText(10), SecretKey: randomText(32)}
	var lastErr error
	for range 3 { // a port found free may be taken before MinIO binds it
		if lastErr = s.start(t, bin); lastErr == nil {
			return s
		}
	}
	t.Fatalf("MinIO did not start: %v", lastErr)
	return nil
}

func (s *Server) start(t testing.TB, bin string) error {
	data := t.TempDir()
	s.Host = "127.0.0.1:" + freePort(t)
	cmd := exec.Command(bin, "server", "--quiet", "--address", s.Host, "--console-address", "127.0.0.1:"+freePort(t),
		"--certs-dir", filepath.Join(data, ".certs"), filepath.Join(data, "data"))
	cmd.Env = append(os.Environ(), "MINIO_ROOT_USER="+s.AccessKey, "MINIO_ROOT_PASSWORD="+s.SecretKey,
		"MINIO_BROWSER=off", "MINIO_UPDATE=off", "MINIO_CALLHOME_ENABLE=off")
	var out sitetest.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	cmd.SysProcAttr = &syscall.SysProcAttr{}
	child.DieWithParent(cmd.SysProcAttr) // MinIO ends with the test process, however that ends
	exited, err := child.Start(cmd)
	if err != nil {
		return err
	}
	stop := func() {
		_ = cmd.Process.Kill()
		<-exited
	}
	deadline := time.After(30 * time.Second)
	for {
		select {
		case err := <-exited:
			return fmt.Errorf("%v: %s", err, out.String())
		case <-deadline:
			stop()
			return errors.New("not ready after 30 s: " + out.String())
		case <-time.After(50 * time.Millisecond):
		}
		if resp, err := http.Get("http://" + s.Host + "/minio/health/live"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				t.Cleanup(stop)
				return nil
			}
		}
	}
}

// Client is a client with the root credentials, for a test to make
// buckets and look at what a deploy stored.
func (s *Server) Client(t testing.TB) *minio.Client {
	t.Helper()
	c, err := minio.New(s.Host, &minio.Options{Creds: credentials.NewStaticV4(s.AccessKey, s.SecretKey, ""), Region: "us-east-1", BucketLookup: minio.BucketLookupPath})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// MakeBucket makes a bucket.
func (s *Server) MakeBucket(t testing.TB, name string) {
	t.Helper()
	if err := s.Client(t).MakeBucket(context.Background(), name, minio.MakeBucketOptions{}); err != nil {
		t.Fatal(err)
	}
}

// URL is the deploy target of a bucket (and folder) on this server.
func (s *Server) URL(bucketAndFolder string) string {
	return "s3://" + bucketAndFolder + "?endpoint=http://" + s.Host + "&region=us-east-1&use_path_style=true"
}

// UseCredentials puts the server's credentials where jinzhan deploy
// looks, for the rest of the test, and hides the user's own AWS files.
func (s *Server) UseCredentials(t testing.TB) {
	SetCredentials(t, s.AccessKey, s.SecretKey)
}

// SetCredentials sets the AWS variables jinzhan deploy reads for the rest
// of the test, with no AWS files to fall back on.
func SetCredentials(t testing.TB, key, secret string) {
	none := filepath.Join(t.TempDir(), "none")
	for name, value := range map[string]string{
		"AWS_ACCESS_KEY_ID": key, "AWS_SECRET_ACCESS_KEY": secret, "AWS_SESSION_TOKEN": "",
		"AWS_ACCESS_KEY": "", "AWS_SECRET_KEY": "", "AWS_PROFILE": "",
		"AWS_SHARED_CREDENTIALS_FILE": none, "AWS_CONFIG_FILE": none, "AWS_REGION": "", "AWS_DEFAULT_REGION": "",
	} {
		t.Setenv(name, value)
	}
}

func freePort(t testing.TB) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	_, port, _ := net.SplitHostPort(l.Addr().String())
	return port
}

// randomText is n random lowercase letters and digits.
func randomText(n int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b := make([]byte, n)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return strings.ToLower(string(b))
}
