// Package schema generates JSON Schemas (draft 2020-12) for the YAML files
// editors write, from the Go types those files decode into, so that an
// editor with yaml-language-server (VS Code's YAML extension) offers the
// keys, units and qualifiers as completions and marks mistakes as they are
// typed. The schemas are committed under schema/ (`go generate
// ./internal/schema`, checked by a test) and published with every site at
// /schema/<kind>.schema.json.
//
// The schemas keep to what draft 2020-12 and draft-07 read alike (type,
// properties, required, additionalProperties, items, enum, pattern,
// anyOf, $ref into $defs), because yaml-language-server validates with
// draft-07 rules.
package schema

//go:generate go run ./gen ../../schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"sync"

	"github.com/jinzhan-dev/jinzhan/internal/load"
)

// Dir is the folder that holds the schemas, both in the repository and in
// a built site.
const Dir = "schema"

// kind is one kind of input file with a schema of its own.
type kind struct {
	name  string       // site, campaign, …: the schema is <name>.schema.json
	typ   reflect.Type // the Go type the file decodes into
	title string       // what the file is, for the editor's hover
}

var kinds = []kind{
	{"site", reflect.TypeFor[load.SiteConfig](), "站点设置 site.yaml"},
	{"campaign", reflect.TypeFor[load.Campaign](), "活动总体 data/campaign.yaml"},
	{"townships", reflect.TypeFor[load.TownshipsFile](), "乡镇与村 data/townships.yaml"},
	{"activity", reflect.TypeFor[load.Activity](), "活动数据 data/activities/<slug>.yaml"},
	{"frontmatter", reflect.TypeFor[load.FrontMatter](), "Markdown 文稿开头 --- 之间的设置"},
}

// Kinds lists the kinds of file that have a schema, in a fixed order.
func Kinds() []string {
	out := make([]string, len(kinds))
	for i, k := range kinds {
		out[i] = k.name
	}
	return out
}

// FileName is the schema's file name: activity.schema.json.
func FileName(kind string) string { return kind + ".schema.json" }

// Generate returns the schema of one kind of file as indented JSON with
// sorted keys and a final newline: the same bytes on every run.
func Generate(name string) ([]byte, error) {
	for _, k := range kinds {
		if k.name == name {
			return generate(k)
		}
	}
	return nil, fmt.Errorf("schema: unknown kind %q", name)
}

func generate(k kind) ([]byte, error) {
	g := newGenerator()
	root, err := g.object(k.typ)
	if err != nil {
		return nil, err
	}
	root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
	root["title"] = k.title
	root["description"] = "jinzhan " + k.title + "。字段说明见 docs/data-format.md。"
	if len(g.defs) > 0 {
		root["$defs"] = g.defs
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf) // map keys come out sorted
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(root); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// File is a schema with the path it is published at, relative to the
// output root: schema/activity.schema.json.
type File struct {
	Path string
	Data []byte
}

// Published returns every schema for publishing with a built site. The
// schemas come from the Go types, so they are made once per process.
func Published() ([]File, error) { return published() }

var published = sync.OnceValues(func() ([]File, error) {
	out := make([]File, 0, len(kinds))
	for _, k := range kinds {
		data, err := generate(k)
		if err != nil {
			return nil, err
		}
		out = append(out, File{Path: Dir + "/" + FileName(k.name), Data: data})
	}
	return out, nil
})
