package deploy

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/minio/minio-go/v7"
	"github.com/minio/minio-go/v7/pkg/credentials"
)

// S3Options tune how a store is reached; the zero value is right outside
// tests.
type S3Options struct {
	// Transport carries the requests (nil: minio-go's own).
	Transport http.RoundTripper
	// MaxRetries is how many times a request that failed for a passing
	// reason (the network, a busy or failing server) is tried, with a
	// backoff between tries (0: minio-go's 10).
	MaxRetries int
}

// s3Bucket is a target reached through the S3 API with minio-go.
type s3Bucket struct {
	client *minio.Client
	target Target
}

// OpenS3 reaches the target's bucket with credentials from the standard
// places only: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (with
// AWS_SESSION_TOKEN), else the profile of ~/.aws/credentials and
// ~/.aws/config (profile=, else AWS_PROFILE, else default). A cloud
// machine's metadata endpoint is asked only when the target says
// instance_credentials=true. Nothing is sent before the first request.
func OpenS3(t Target, o S3Options) (Bucket, error) {
	providers := []credentials.Provider{&credentials.EnvAWS{}, &credentials.FileAWSCredentials{Profile: t.Profile}}
	if t.InstanceCredentials {
		providers = append(providers, &credentials.IAM{})
	}
	creds := credentials.NewChainCredentials(providers)
	value, err := creds.GetWithContext(nil)
	if err != nil || value.SignerType.IsAnonymous() {
		return nil, failed(err, diag.T("no credentials for %s", t),
			diag.T("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment (in CI, from its secrets), or put the keys in a profile of ~/.aws/credentials"))
	}
	lookup := map[Addressing]minio.BucketLookupType{AddressAuto: minio.BucketLookupAuto, AddressPath: minio.BucketLookupPath, AddressHost: minio.BucketLookupDNS}
	client, err := minio.New(cmp.Or(t.Endpoint, "s3.amazonaws.com"), &minio.Options{
		Creds:        creds,
		Secure:       !t.Insecure,
		Region:       cmp.Or(t.Region, os.Getenv("AWS_REGION"), os.Getenv("AWS_DEFAULT_REGION")),
		BucketLookup: lookup[t.Addressing],
		Transport:    o.Transport,
		MaxRetries:   o.MaxRetries,
	})
	if err != nil {
		return nil, failed(err, diag.T("cannot reach %s", t), endpointHint)
	}
	return &s3Bucket{client, t}, nil
}

var endpointHint = diag.T("check the endpoint in the target and the network; a local endpoint needs use_path_style=true")

func (b *s3Bucket) List(ctx context.Context) ([]Object, error) {
	prefix := ""
	if b.target.Prefix != "" {
		prefix = b.target.Prefix + "/"
	}
	var out []Object
	for o := range b.client.ListObjects(ctx, b.target.Bucket, minio.ListObjectsOptions{Prefix: prefix, Recursive: true}) {
		if o.Err != nil {
			return nil, b.explain(o.Err)
		}
		out = append(out, Object{Key: strings.TrimPrefix(o.Key, prefix), Size: o.Size, ETag: strings.Trim(o.ETag, `"`)})
	}
	return out, nil
}

func (b *s3Bucket) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	o, err := b.client.GetObject(ctx, b.target.Bucket, b.target.Key(key), minio.GetObjectOptions{})
	if err != nil {
		return nil, b.explain(err)
	}
	return o, nil
}

func (b *s3Bucket) Put(ctx context.Context, key string, body []byte, h Headers) error {
	_, err := b.client.PutObject(ctx, b.target.Bucket, b.target.Key(key), bytes.NewReader(body), int64(len(body)), minio.PutObjectOptions{
		ContentType:     h.ContentType,
		CacheControl:    h.CacheControl,
		ContentEncoding: h.ContentEncoding,
		// In one piece, so that the store's ETag is the MD5 the next
		// deploy compares; the store checks the bytes against it.
		DisableMultipart: true,
		SendContentMd5:   true,
	})
	if err != nil {
		return b.explain(err)
	}
	return nil
}

func (b *s3Bucket) Delete(ctx context.Context, keys []string) error {
	objects := make(chan minio.ObjectInfo, len(keys))
	for _, k := range keys {
		objects <- minio.ObjectInfo{Key: b.target.Key(k)}
	}
	close(objects)
	var errs []error
	for e := range b.client.RemoveObjects(ctx, b.target.Bucket, objects, minio.RemoveObjectsOptions{}) {
		errs = append(errs, b.explain(e.Err))
	}
	return errors.Join(errs...)
}

// explain puts what the store said in words for the operator: wrong keys,
// no such bucket, a network that does not reach it.
func (b *s3Bucket) explain(err error) error {
	var network *net.OpError
	var request *url.Error
	code := minio.ToErrorResponse(err).Code
	switch {
	case errors.Is(err, context.Canceled):
		return err
	case code == "InvalidAccessKeyId":
		return failed(err, diag.T("%s does not know the access key", b.target), diag.T("check AWS_ACCESS_KEY_ID (or the profile's aws_access_key_id)"))
	case code == "SignatureDoesNotMatch":
		return failed(err, diag.T("%s refused the secret key", b.target), diag.T("check AWS_SECRET_ACCESS_KEY (or the profile's aws_secret_access_key)"))
	case code == "ExpiredToken" || code == "InvalidToken" || code == "TokenRefreshRequired":
		return failed(err, diag.T("the session token for %s has expired or is not valid", b.target), diag.T("get new credentials and set AWS_SESSION_TOKEN again"))
	case code == "AccessDenied" || code == "AllAccessDisabled":
		return failed(err, diag.T("%s refused access", b.target), diag.T("give the key's user the right to list, read, write and delete objects in the bucket"))
	case code == "NoSuchBucket":
		return failed(err, diag.T("the bucket %q does not exist", b.target.Bucket), diag.T("create it in the storage console, or correct its name in the target"))
	case code == "PermanentRedirect" || code == "AuthorizationHeaderMalformed" || code == "IllegalLocationConstraintException":
		return failed(err, diag.T("the bucket %q is in another region", b.target.Bucket), diag.T("set region= in the target to the bucket's region"))
	case errors.As(err, &network) || errors.As(err, &request):
		return failed(err, diag.T("cannot reach %s", b.target), endpointHint)
	}
	return failed(err, diag.T("%s failed", b.target), againHint)
}

// againHint says that a deploy stopped half-way is finished by running it again.
var againHint = diag.T("run jinzhan deploy again: it uploads only what is not there yet")
