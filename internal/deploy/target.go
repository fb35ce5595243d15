package deploy

import (
	"maps"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

// Target is a bucket, or a folder in one, that a site is deployed to. It
// is written as a URL in the form gocloud.dev and Hugo use:
//
//	s3://BUCKET[/FOLDER]?endpoint=https://HOST&region=REGION&use_path_style=true
//
// Every S3-compatible store takes it: Aliyun OSS, Tencent COS, Huawei OBS,
// AWS S3, Cloudflare R2, MinIO. It never holds credentials.
type Target struct {
	Name   string // as site.yaml names it; "" for a URL given on the command line
	URL    string // as written
	Bucket string
	Prefix string // "" or a folder without slashes at its ends: keys are Prefix/path
	// Endpoint is the store's host[:port]; "" means AWS S3.
	Endpoint string
	Insecure bool // the endpoint is http://
	Region   string
	// Addressing is how the bucket is named in requests: use_path_style.
	Addressing Addressing
	// Profile names the profile of the shared AWS files to take
	// credentials from (default: AWS_PROFILE, else default).
	Profile string
	// InstanceCredentials lets credentials come from the cloud machine's
	// metadata endpoint when neither the environment nor the profile has
	// them; without it that endpoint is never asked.
	InstanceCredentials bool
}

// Addressing is where a request names the bucket.
type Addressing int

// The ways to address a bucket.
const (
	// AddressAuto: in the host name for AWS, Google and Aliyun OSS
	// endpoints, in the path for others (as minio-go decides).
	AddressAuto Addressing = iota
	// AddressPath: HOST/BUCKET/key (use_path_style=true), which a local
	// endpoint such as http://127.0.0.1:9000 needs.
	AddressPath
	// AddressHost: BUCKET.HOST/key (use_path_style=false).
	AddressHost
)

// Problem is what is wrong with something the operator wrote, and how to
// fix it.
type Problem struct {
	Message diag.Text
	Hint    diag.Text
}

// The parameters a target URL may carry.
var targetParams = []string{"endpoint", "region", "use_path_style", "profile", "instance_credentials"}

// secretParams are names under which a key might be pasted into a URL.
var secretParams = []string{"access_key", "access_key_id", "aws_access_key_id", "secret", "secret_key",
	"secret_access_key", "aws_secret_access_key", "session_token", "aws_session_token", "token", "password"}

var (
	bucketPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$`)
	regionPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
	// profilePattern is what the AWS command line accepts as a profile name.
	profilePattern = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.@+-]*$`)
)

// targetExample is a target as a hint shows it.
const targetExample = "s3://my-site?endpoint=https://oss-cn-beijing.aliyuncs.com&region=cn-beijing"

// ParseTarget reads a target URL, or says what is wrong with it.
func ParseTarget(raw string) (Target, *Problem) {
	bad := func(message diag.Text, hint diag.Text) (Target, *Problem) {
		return Target{}, &Problem{message, hint}
	}
	form := diag.T("write s3://BUCKET, a folder if any, and the store's address, e.g. %s", targetExample)
	u, err := url.Parse(raw)
	switch {
	case !utf8.ValidString(raw) || err != nil || u.Scheme != "s3" || u.Opaque != "" || u.Fragment != "" || u.RawFragment != "":
		return bad(diag.T("%q is not a target address", raw), form)
	case u.User != nil: // never repeated: the message may end up in a CI log
		return bad(diag.T("the target's address holds a key or password, which is not shown here"), secretsHint)
	case !bucketPattern.MatchString(u.Host):
		return bad(diag.T("%q cannot be a bucket name", u.Host), diag.T("a bucket is named with 3 to 63 lowercase letters, digits, dots and dashes, as the storage console shows it"))
	}
	t := Target{URL: raw, Bucket: u.Host, Prefix: strings.Trim(u.Path, "/")}
	if t.Prefix != "" && !folderOK(t.Prefix) {
		return bad(diag.T("%q cannot be a folder in a bucket", t.Prefix), diag.T("name the folder with names separated by single slashes, without . or .."))
	}
	query, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return bad(diag.T("%q is not a target address", raw), form)
	}
	for _, key := range slices.Sorted(maps.Keys(query)) {
		values := query[key]
		value := values[0]
		switch {
		case slices.Contains(secretParams, strings.ToLower(key)):
			return bad(diag.T("the target's address holds a key or password, which is not shown here"), secretsHint)
		case !slices.Contains(targetParams, key):
			return bad(diag.T("the target has an unknown setting %q", key), suggestParam(key))
		case len(values) > 1:
			return bad(diag.T("the target gives %s more than once", key), diag.T("keep one %s=", key))
		}
		if p := t.set(key, value); p != nil {
			return Target{}, p
		}
	}
	return t, nil
}

// secretsHint says where credentials belong instead.
var secretsHint = diag.T("keys never go in a target or in site.yaml: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or name a profile of ~/.aws/credentials with profile=")

// set applies one parameter of a target URL.
func (t *Target) set(key, value string) *Problem {
	truth := func() (bool, *Problem) {
		switch value {
		case "true":
			return true, nil
		case "false":
			return false, nil
		}
		return false, &Problem{diag.T("%s is true or false, not %q", key, value), diag.T("write %s=true or leave it out", key)}
	}
	var p *Problem
	switch key {
	case "endpoint":
		e, err := url.Parse(value)
		if err != nil || (e.Scheme != "http" && e.Scheme != "https") || e.Host == "" || e.User != nil || (e.Path != "" && e.Path != "/") || e.RawQuery != "" || e.Fragment != "" {
			return &Problem{diag.T("the endpoint %q is not a store's address", value), diag.T("write the address the provider gives, with https://, e.g. endpoint=https://oss-cn-beijing.aliyuncs.com")}
		}
		t.Endpoint, t.Insecure = e.Host, e.Scheme == "http"
	case "region":
		if !regionPattern.MatchString(value) {
			return &Problem{diag.T("%q cannot be a region", value), diag.T("write the region as the provider names it, e.g. region=cn-beijing or region=us-east-1")}
		}
		t.Region = value
	case "use_path_style":
		var path bool
		path, p = truth()
		t.Addressing = AddressHost
		if path {
			t.Addressing = AddressPath
		}
	case "profile":
		if !profilePattern.MatchString(value) {
			return &Problem{diag.T("%q cannot be a profile name", value), diag.T("name a profile of ~/.aws/credentials, e.g. profile=publicity")}
		}
		t.Profile = value
	case "instance_credentials":
		t.InstanceCredentials, p = truth()
	}
	return p
}

// suggestParam names the parameter key was probably meant to be.
func suggestParam(key string) diag.Text {
	if near := diag.Nearest(key, targetParams); near != "" {
		return diag.T("did you mean %s?", near)
	}
	return diag.T("known: %s", strings.Join(targetParams, ", "))
}

// folderOK reports whether prefix names a folder of a bucket: names
// separated by single slashes, none of them . or .., no control character.
func folderOK(prefix string) bool {
	for name := range strings.SplitSeq(prefix, "/") {
		if name == "" || name == "." || name == ".." || strings.ContainsFunc(name, unicode.IsControl) {
			return false
		}
	}
	return true
}

// String names the target for messages: its name and address, or the
// address alone.
func (t Target) String() string {
	where := "s3://" + t.Bucket
	if t.Prefix != "" {
		where += "/" + t.Prefix
	}
	if t.Name != "" {
		return t.Name + " (" + where + ")"
	}
	return where
}

// Key is the object key of a file of the site.
func (t Target) Key(rel string) string {
	if t.Prefix == "" {
		return rel
	}
	return t.Prefix + "/" + rel
}
