package validate

import (
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
)

// reservedPages are the top-level URLs the build makes itself; a page of
// the site's own under content/ may not take them.
var reservedPages = map[string]bool{
	"activities": true, "townships": true, "stories": true, "search": true, "data": true,
	"assets": true, "schema": true, "pagefind": true, "images": true,
}

// reservedActivities would overwrite a published data file
// (/data/campaign.csv, /data/figures.json) or shadow campaign.<id> references.
var reservedActivities = map[string]bool{"campaign": true, "figures": true}

// reservedNames reports activities and pages whose names the build uses.
func (v *validator) reservedNames() {
	for _, a := range v.in.Activities {
		if reservedActivities[a.Slug] {
			v.list.Errorf(diag.Pos{File: load.ActivitiesDir + "/" + a.Slug + ".yaml"}, "", diag.T("rename the file, e.g. %s-activity.yaml", a.Slug), "the name %q is used by the site itself", a.Slug)
		}
	}
	for _, d := range v.in.Docs {
		if d.Kind == load.KindPage && reservedPages[d.Slug] {
			v.list.Errorf(diag.Pos{File: d.Path}, "", diag.T("rename the file, e.g. %s-page.md", d.Slug), "the name %q is used by the site itself", d.Slug)
		}
	}
}
