package deploy_test

import (
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/deploy"
	"github.com/jinzhan-dev/jinzhan/internal/load"
)

func TestParseTarget(t *testing.T) {
	good := []struct {
		url  string
		want deploy.Target
	}{
		{"s3://my-site", deploy.Target{Bucket: "my-site"}},
		{"s3://my-site/campaign/2020/?region=cn-beijing&endpoint=https://oss-cn-beijing.aliyuncs.com",
			deploy.Target{Bucket: "my-site", Prefix: "campaign/2020", Endpoint: "oss-cn-beijing.aliyuncs.com", Region: "cn-beijing"}},
		{"s3://b.example?endpoint=http://127.0.0.1:9000&region=us-east-1&use_path_style=true",
			deploy.Target{Bucket: "b.example", Endpoint: "127.0.0.1:9000", Insecure: true, Region: "us-east-1", Addressing: deploy.AddressPath}},
		{"s3://bkt/%E5%AE%A3%E4%BC%A0?use_path_style=false&profile=publicity&instance_credentials=true",
			deploy.Target{Bucket: "bkt", Prefix: "宣传", Addressing: deploy.AddressHost, Profile: "publicity", InstanceCredentials: true}},
	}
	for _, c := range good {
		got, p := deploy.ParseTarget(c.url)
		if p != nil {
			t.Errorf("%s: %s", c.url, p.Message.In("en"))
			continue
		}
		c.want.URL = c.url
		if got != c.want {
			t.Errorf("%s:\n got %+v\nwant %+v", c.url, got, c.want)
		}
	}
	bad := map[string]string{
		"https://my-site":                            `is not a target address`,
		"my-site":                                    `is not a target address`,
		"s3://key:secret@my-site":                    `address holds a key or password`,
		"s3://my-site?secret_access_key=abc":         `address holds a key or password`,
		"s3://My_Site":                               `cannot be a bucket name`,
		"s3://my-site/a//b":                          `cannot be a folder`,
		"s3://my-site/a/../b":                        `cannot be a folder`,
		"s3://my-site?regoin=x":                      `unknown setting "regoin"`,
		"s3://my-site?region=a&region=b":             `gives region more than once`,
		"s3://my-site?endpoint=oss.example.com":      `is not a store's address`,
		"s3://my-site?endpoint=https://x.com/path":   `is not a store's address`,
		"s3://my-site?use_path_style=yes":            `use_path_style is true or false`,
		"s3://my-site?region=Bei+Jing":               `cannot be a region`,
		"s3://my-site?profile=a%20b":                 `cannot be a profile name`,
		"s3://my-site#top":                           `is not a target address`,
		"s3://my-site?endpoint=https://u:p@x.com":    `is not a store's address`,
		"s3://my-site?instance_credentials=1":        `instance_credentials is true or false`,
		"s3://my-site?endpoint=ftp://oss.example.cn": `is not a store's address`,
	}
	for url, want := range bad {
		_, p := deploy.ParseTarget(url)
		if p == nil || !strings.Contains(p.Message.In("en"), want) || p.Hint.Format == "" {
			t.Errorf("%s: got %v, want %q with a hint", url, p, want)
		}
	}
	if _, p := deploy.ParseTarget("s3://my-site?regoin=x"); !strings.Contains(p.Hint.In("zh-CN"), "是不是 region") {
		t.Errorf("no did-you-mean: %s", p.Hint.In("zh-CN"))
	}
}

func TestResolve(t *testing.T) {
	d := load.Deploy{Targets: []load.DeployTarget{
		{Name: "production", URL: "s3://site-prod?region=cn-beijing"},
		{Name: "staging", URL: "s3://site-staging?region=cn-beijing"},
	}}
	if got, p := deploy.Resolve(d, "staging"); p != nil || got.Bucket != "site-staging" || got.Name != "staging" {
		t.Errorf("staging: %+v %v", got, p)
	}
	if got, p := deploy.Resolve(d, "s3://other"); p != nil || got.Bucket != "other" || got.Name != "" {
		t.Errorf("a URL: %+v %v", got, p)
	}
	for flag, want := range map[string]string{
		"":           "several targets",
		"productoin": "did you mean production?",
		"nowhere":    "known: production, staging",
	} {
		_, p := deploy.Resolve(d, flag)
		if p == nil || !strings.Contains(p.Message.In("en")+" "+p.Hint.In("en"), want) {
			t.Errorf("--target %q: %v, want %q", flag, p, want)
		}
	}
	one := load.Deploy{Targets: d.Targets[:1]}
	if got, p := deploy.Resolve(one, ""); p != nil || got.Name != "production" {
		t.Errorf("the only target: %+v %v", got, p)
	}
	if _, p := deploy.Resolve(load.Deploy{}, ""); p == nil || !strings.Contains(p.Hint.In("en"), "--target s3://") {
		t.Errorf("no target: %v", p)
	}
}
