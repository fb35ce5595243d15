package deploy_test

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jinzhan-dev/jinzhan/internal/deploy"
	"github.com/jinzhan-dev/jinzhan/internal/diag"
)

func TestSettingsReportEveryProblemAtItsPlace(t *testing.T) {
	dir := t.TempDir()
	site := `title: x
base_url: https://example.org/
deploy:
  targets:
    - name: production
      url: s3://site?region=cn-beijing&secret_key=abc
    - name: production
      url: s3://other
    - name: "two words"
      url: s3://third
    - name: staging
  gzip: yes
  cache_control:
    - path: /data/**
      value: public, max-age=60
    - path: "**/*.html"
      value: public，max-age=60
    - path: data/**
      vaule: public
`
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), []byte(site), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := deploy.Settings(dir)
	var list *diag.ListError
	if !errors.As(err, &list) {
		t.Fatalf("want input problems, got %v", err)
	}
	got := list.In("en")
	for _, want := range []string{
		`site.yaml:6:12: deploy.targets[0].url: the target's address holds a key or password, which is not shown here`,
		`hint: keys never go in a target or in site.yaml`,
		`site.yaml:7:13: deploy.targets[1].name: the target "production" is already defined at site.yaml:5:13`,
		`site.yaml:9:13: deploy.targets[2].name: "two words" cannot name a target`,
		`site.yaml:11:7: deploy.targets[3].url: `,
		`site.yaml:12:9: deploy.gzip: want true or false`,
		`site.yaml:14:13: deploy.cache_control[0].path: "/data/**" cannot match a file's path`,
		`site.yaml:17:14: deploy.cache_control[1].value:`,
		`site.yaml:19:7: deploy.cache_control[2].vaule: unknown key "vaule"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	if strings.Contains(got, "abc") {
		t.Errorf("the key is repeated:\n%s", got)
	}
	if zh := list.In("zh-CN"); !strings.Contains(zh, "密钥") {
		t.Errorf("not in Chinese:\n%s", zh)
	}
}
