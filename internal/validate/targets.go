package validate

import (
	"github.com/jinzhan-dev/jinzhan/internal/diag"
	"github.com/jinzhan-dev/jinzhan/internal/load"
	"github.com/jinzhan-dev/jinzhan/internal/num"
)

// Directions are the ways a target's number may go: reached up to the
// goal, or brought down to it.
var Directions = []string{"up", "down"}

func (v *validator) target(a *load.Activity, t *load.Target, path string, def figureDefaults, seen map[string]diag.Pos) {
	if t.ID == "" {
		return
	}
	if first, dup := seen[t.ID]; dup {
		v.list.Errorf(t.At("id"), path+".id", diag.T("give each target its own id"), "id %q is already used at %s", t.ID, first)
		return
	}
	seen[t.ID] = t.At("id")
	goal := v.figureOf(t.Value, t.Unit, t.Qualifier, t.AsOf, t.Source, t, path, def)
	v.presentation(goal, t.UnitEn, t.DisplayUnit, t, path)
	if goal == nil {
		return
	}
	goal.Ref, goal.Activity, goal.Label, goal.Pos = a.Slug+"."+t.ID, a.Slug, t.Label, t.Pos
	if !t.Deadline.IsZero() && !a.Period.Start.IsZero() && t.Deadline.Before(a.Period.Start) {
		v.list.Errorf(t.At("deadline"), path+".deadline", diag.T("check the year"), "the deadline %s is before the activity starts (%s)", t.Deadline.ISO(), a.Period.Start.ISO())
	}
	res := &Target{Ref: goal.Ref, Spec: t, Goal: goal, Deadline: t.Deadline, Down: t.Direction == "down"}
	v.cat.Figures[goal.Ref] = goal // prose may cite a target like any figure
	unit, _ := num.ParseUnit(t.Unit)
	if t.Actual != nil {
		res.Actual = v.targetValue(goal, t.Actual, unit, t.At("actual"), path+".actual")
	}
	if t.From != nil {
		res.From = v.targetValue(goal, t.From, unit, t.At("from"), path+".from")
	}
	v.direction(t, res, path)
	v.cat.Targets[goal.Ref] = res
}

// targetValue is a target's actual or from: a value in the goal's unit,
// shown like the goal; nil when it cannot be a figure.
func (v *validator) targetValue(goal *Figure, value *load.Number, unit num.Unit, pos diag.Pos, field string) *Figure {
	if value.Sign() < 0 {
		v.list.Errorf(pos, field, diag.Text{}, "a figure cannot be negative, got %s", value.Dec)
		return nil
	}
	if unit.Base == "%" && value.Cmp(num.Dec{Coef: 100}) > 0 {
		v.list.Errorf(pos, field, diag.T("a percentage is at most 100"), "%s%% is more than 100%%", value.Dec)
		return nil
	}
	fig := *goal
	fig.Quantity = num.NewQuantity(value.Dec, unit, "")
	fig.UnitEn, fig.Shown = goal.UnitEn, goal.Shown
	return &fig
}

// direction checks that the target's direction agrees with its goal and
// its start: a goal of 0 (or one written with 以下) can only be reached by
// bringing a number down, and the way runs from from: to the goal.
func (v *validator) direction(t *load.Target, res *Target, path string) {
	if t.Direction != "" && t.Direction != "up" && t.Direction != "down" {
		hint := diag.T("write up (the number is to reach the goal) or down (it is to be brought down to the goal)")
		if near := diag.Nearest(t.Direction, Directions); near != "" {
			hint = diag.T("did you mean %s?", near)
		}
		v.list.Errorf(t.At("direction"), path+".direction", hint, "unknown direction %q", t.Direction)
		return
	}
	goal := res.Goal
	if !res.Down && (goal.Value.IsZero() || goal.Qualifier == "以下") {
		v.list.Errorf(t.At("value"), path+".value", diag.T("add direction: down, and from: with the number it started from"),
			"a goal of %s is reached by bringing a number down", goal.AsWritten())
		return
	}
	if res.From == nil {
		return
	}
	switch c := res.From.Value.Cmp(goal.Value); {
	case c == 0:
		v.list.Errorf(t.At("from"), path+".from", diag.T("from: is the number the way starts from; check it against the source"),
			"from: and value: are both %s: the way has no length", goal.AsWritten())
	case c < 0 && res.Down:
		v.list.Errorf(t.At("from"), path+".from", diag.T("check from: and value:, or write direction: up if the number is to rise"),
			"a number brought down to %s cannot start below it, at %s", goal.AsWritten(), res.From.AsWritten())
	case c > 0 && !res.Down:
		v.list.Errorf(t.At("from"), path+".from", diag.T("add direction: down if the number is to be brought down to the goal"),
			"the number starts at %s, above the goal %s", res.From.AsWritten(), goal.AsWritten())
	}
}
