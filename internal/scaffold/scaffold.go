// Package scaffold writes new, commented input files for editors
// (`jinzhan new story SLUG`, `jinzhan new activity SLUG`).
package scaffold

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/schema"
)

// Kinds are what `jinzhan new` can create.
var Kinds = []string{"story", "activity"}

const storyTemplate = `---
# 故事标题（必填）
title: 在这里写标题
# 日期：年-月-日（必填）
date: {{DATE}}
# 所属活动：data/activities/ 下的文件名（必填），例如 volunteer
activity: 
# 涉及的乡镇和村：data/townships.yaml 中的 slug，可以留空
townships: []
villages: []
# 一句话摘要：显示在列表和搜索结果中
summary: 
# 正文写在下面一行 --- 之后。引用数据不要手打数字，写成 {{活动.数据}} 这样的引用，
# 例如 {{volunteer.projects}}，页面上会显示数据文件中的数值、单位和限定词（如“余”“近”）。
---
在这里写正文。
`

const activityTemplate = `# 活动数据文件。字段说明见 docs/data-format.md。
# 活动全称（必填）
title: 在这里写活动名称
# 简称：用于首页卡片
short_title: 
# 一句话介绍
summary: 
# 谁参与
participants: 
period:
  start: {{YEAR}}
  label: 
# 首页排序：数字小的在前
weight: 10
# 数据来源：data/campaign.yaml 中 sources 的 id（必填）
source: 
# 数据截至日期
as_of: {{DATE}}
# 数据：每项一个 id、名称、数值、单位，可加限定词（余、多、近、以上……）
metrics:
  - id: example
    label: 示例数据
    value: 1
    unit: 个
# 图表：type 可为 bar、hbar、pie、donut、stacked、line、gauge
charts: []
`

// New creates the file for kind and slug under root and returns its path.
// It never overwrites an existing file. Its errors are worded in the
// site's language.
func New(root, kind, slug, today string) (string, error) {
	lang := siteLanguage(root)
	if !load.ValidSlug(slug) {
		return "", problem(lang, diag.T("%q cannot be a URL: use lowercase pinyin, digits and -, e.g. baoguolao-volunteers", slug))
	}
	var rel, body string
	switch kind {
	case "story":
		rel, body = filepath.Join(load.ContentDir, "stories", slug+".md"), storyTemplate
	case "activity":
		// The first line gives editors completion from the site's schema/ folder.
		rel = filepath.Join(load.ActivitiesDir, slug+".yaml")
		body = schema.Modeline("activity", filepath.ToSlash(rel)) + "\n" + activityTemplate
	default:
		return "", problem(lang, diag.T("unknown kind %q: use one of %s", kind, strings.Join(Kinds, ", ")))
	}
	body = strings.NewReplacer("{{DATE}}", today, "{{YEAR}}", today[:4]).Replace(body)
	// Written through a root: a content/stories/ that links out of the
	// site gets no file.
	site, err := os.OpenRoot(root)
	if err != nil {
		return "", err
	}
	defer site.Close()
	if err := site.MkdirAll(filepath.Dir(rel), 0o755); err != nil {
		return "", err
	}
	f, err := site.OpenFile(rel, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		return "", problem(lang, diag.T("%s already exists: it was left as it is", filepath.ToSlash(rel)))
	}
	if err != nil {
		return "", err
	}
	if _, err := f.WriteString(body); err != nil {
		f.Close()
		return "", err
	}
	return rel, f.Close()
}
