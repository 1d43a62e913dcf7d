package knowledge

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/stackadvisor/stackadvisor/internal/limits"
)

var attrTypes = []string{AttrLevel, AttrNumber, AttrBool, AttrEnum, AttrList, AttrText}
var severity = []string{VerdictWrong, VerdictDated, VerdictPartly, VerdictUnverified}
var effects = []string{EffectExclude, EffectAdjust, EffectCaveat}

// overLimits counts, by what they belong to, the items past a count limit.
type overLimits map[string]*overLimit

type overLimit struct {
	first       Pos // the first item past the limit
	items       string
	limit, over int
}

func (o overLimits) count(pos Pos, owner, items string, limit int) {
	key := owner + "\x00" + items
	if e := o[key]; e != nil {
		e.over++
		return
	}
	o[key] = &overLimit{first: pos, items: items, limit: limit, over: 1}
}

// report adds one problem for each owner past a limit, in the order of their positions.
func (o overLimits) report(v *validator) {
	for _, key := range sortedKeys(o) {
		e := o[key]
		owner, _, _ := strings.Cut(key, "\x00")
		v.add(e.first, "%s has %d %s, more than the limit of %d", owner, e.limit+e.over, e.items, e.limit)
	}
}

func (v *validator) categoriesPass(files []*file) {
	catQ := v.b.questions[QCategories]
	if catQ == nil {
		return
	}
	var rules, duplicates []*Rule
	ruleIDs := map[string]*Rule{}
	layerOf := map[string]int{}
	for _, f := range files {
		layerOf[f.name] = f.layer
	}
	v.layerOf = layerOf
	// A category past a count limit is one problem, its extra candidates or rules left out of
	// the checks that follow (which cost in proportion to them, or to their square).
	tooMany := overLimits{}
	defer tooMany.report(v)
	for _, f := range files {
		hasCatSections := f.Title != nil || f.Replacement != nil || f.Attributes != nil || f.Criteria != nil || f.Candidates != nil || f.Rules != nil || f.Roles != nil || f.Overrides != nil
		if f.Category == "" {
			if hasCatSections {
				v.add(f.Pos, "this file has category sections (title, attributes, criteria, candidates, rules, overrides) but no category: key")
			}
			continue
		}
		if catQ.Choice(f.Category) == nil {
			v.add(keyPos(f, "category"), "unknown category %q; allowed: %s", f.Category, strings.Join(catQ.ValueIDs(), ", "))
			continue
		}
		cat := v.b.categories[f.Category]
		if cat == nil {
			if f.Title == nil {
				v.add(keyPos(f, "category"), "the first file of category %q must give its title", f.Category)
				continue
			}
			cat = &Category{ID: f.Category, Title: *f.Title, Pos: keyPos(f, "category")}
			v.b.categories[f.Category] = cat
		} else if f.Title != nil {
			v.add(f.Title.Pos, "category %q already has a title (set at %s)", f.Category, cat.Pos)
		}
		if f.Replacement != nil { // an overlay's replaces the base's
			v.source(f.Replacement.Pos, f.Replacement.Source)
			cat.Replacement = f.Replacement
			if ch := f.Replacement.Change; ch != nil {
				v.source(ch.Pos, ch.Source)
				defer func(cat *Category, ch *ReplacementChange) { // the attributes are all declared by then
					if a := cat.Attribute(ch.Attribute); a == nil || a.Type != AttrEnum {
						v.add(ch.Pos, "replacement change of category %q names %q, which is not an enum attribute of it", cat.ID, ch.Attribute)
					}
				}(cat, ch)
			}
		}
		for _, a := range f.Attributes {
			if prev := cat.Attribute(a.Name); prev != nil {
				v.add(a.Pos, "attribute %q is already declared at %s", a.Name, prev.Pos)
				continue
			}
			v.attribute(a)
			cat.Attributes = append(cat.Attributes, a)
		}
		for _, c := range f.Criteria {
			c.Overlay = f.layer > 0
			for _, rw := range c.Reweight {
				rw.Overlay = f.layer > 0
			}
			i := slices.IndexFunc(cat.Criteria, func(x *Criterion) bool { return x.ID == c.ID })
			switch {
			case i < 0:
				cat.Criteria = append(cat.Criteria, c)
			case layerOf[cat.Criteria[i].Pos.File] < f.layer:
				// An overlay changes the weight of a base criterion; what it leaves out (the
				// attribute, the priorities) stays as the base has it. priorities: [] clears them.
				old := cat.Criteria[i]
				if c.Attribute == "" {
					c.Attribute = old.Attribute
				}
				if c.Priorities == nil {
					c.Priorities = old.Priorities
				}
				if c.Reweight == nil {
					c.Reweight = old.Reweight // reweight: [] clears them
				}
				cat.Criteria[i] = c
			default:
				v.add(c.Pos, "duplicate criterion %q in category %q (first defined at %s)", c.ID, cat.ID, cat.Criteria[i].Pos)
			}
		}
		for _, c := range f.Candidates {
			if prev, ok := v.b.candidates[c.ID]; ok {
				v.add(c.Pos, "duplicate candidate id %q (first defined at %s)", c.ID, prev.Pos)
				continue
			}
			c.Category = cat.ID
			c.Overlay = f.layer > 0
			v.b.candidates[c.ID] = c // known to references, even past the limit
			if len(cat.Candidates) >= limits.CategoryCandidates {
				tooMany.count(c.Pos, "category "+cat.ID, "candidates", limits.CategoryCandidates)
				continue
			}
			cat.Candidates = append(cat.Candidates, c)
		}
		for _, r := range f.Rules {
			if len(cat.Rules) >= limits.CategoryRules {
				ruleIDs[r.ID] = r
				tooMany.count(r.Pos, "category "+cat.ID, "rules", limits.CategoryRules)
				continue
			}
			if prev, ok := ruleIDs[r.ID]; ok {
				v.add(r.Pos, "duplicate rule id %q (first defined at %s)", r.ID, prev.Pos)
				// Still checked, so its own mistakes are reported in the same run.
				r.Category = cat.ID
				duplicates = append(duplicates, r)
				continue
			}
			ruleIDs[r.ID] = r
			r.Category = cat.ID
			r.Overlay = f.layer > 0
			cat.Rules = append(cat.Rules, r)
			rules = append(rules, r)
		}
		for _, r := range f.Roles {
			if i := slices.IndexFunc(cat.Roles, func(x *Role) bool { return x.ID == r.ID }); i >= 0 {
				v.add(r.Pos, "duplicate role %q in category %q (first defined at %s)", r.ID, cat.ID, cat.Roles[i].Pos)
				continue
			}
			cat.Roles = append(cat.Roles, r)
		}
		for _, o := range f.Overrides {
			c := v.b.candidates[o.Candidate]
			switch {
			case c == nil:
				v.add(o.Pos, "override names unknown candidate %q", o.Candidate)
				continue
			case c.Category != cat.ID:
				v.add(o.Pos, "candidate %q belongs to category %s, not %s", o.Candidate, c.Category, cat.ID)
				continue
			}
			for _, av := range o.Attributes {
				if i := slices.IndexFunc(c.Attributes, func(x *AttrValue) bool { return x.Name == av.Name }); i >= 0 {
					c.Attributes[i] = av
				} else {
					c.Attributes = append(c.Attributes, av)
				}
			}
		}
	}
	prioQ := v.b.questions[QPriorities]
	for _, id := range catQ.ValueIDs() {
		cat := v.b.categories[id]
		if cat == nil {
			v.add(catQ.Pos, "category %q has no rule file", id)
			continue
		}
		v.b.Categories = append(v.b.Categories, cat)
		if len(cat.Candidates) == 0 {
			v.add(cat.Pos, "category %q has no candidates", id)
		}
		if len(cat.Criteria) == 0 {
			v.add(cat.Pos, "category %q has no criteria", id)
		}
		for _, a := range cat.Attributes {
			v.derive(cat, a)
		}
		for _, c := range cat.Criteria {
			v.criterion(cat, c, prioQ)
		}
		for _, c := range cat.Candidates {
			v.candidate(cat, c)
		}
	}
	for _, cat := range v.b.Categories {
		for _, r := range cat.Roles {
			v.role(cat, r)
		}
	}
	for _, r := range append(rules, duplicates...) {
		v.rule(v.b.categories[r.Category], r)
	}
}

// role checks a role: the candidates that give it are of one other category and give no
// other role of this one, its weights name criteria, and at least one criterion still counts.
func (v *validator) role(cat *Category, r *Role) {
	if !idRe().MatchString(r.ID) || r.ID == RoleAlone {
		v.add(r.Pos, "role id %q must be lower-case words joined by - (and not %q, which names the category on its own)", r.ID, RoleAlone)
	}
	v.source(r.Pos, r.Source)
	if len(r.Under) == 0 {
		v.add(r.Pos, "role %q needs the candidates that give it (under: [ids of another category])", r.ID)
	}
	for _, id := range r.Under {
		c := v.b.candidates[id]
		switch {
		case c == nil:
			v.add(r.Pos, "role %q is given by unknown candidate %q", r.ID, id)
			continue
		case c.Category == cat.ID:
			v.add(r.Pos, "role %q is given by %q of its own category; a role comes from another category's candidates", r.ID, id)
			continue
		case r.By == "":
			r.By = c.Category
		case c.Category != r.By:
			v.add(r.Pos, "role %q is given by candidates of two categories (%s and %s); give each category its own role", r.ID, r.By, c.Category)
		}
		if other := cat.Role(id); other != nil && other != r {
			v.add(r.Pos, "candidate %q gives both role %q and role %q", id, other.ID, r.ID)
		}
	}
	counts := false
	for _, c := range cat.Criteria {
		w, ok := r.Weights[c.ID]
		if !ok {
			w = c.Weight
		}
		counts = counts || w > 0
	}
	for id := range r.Weights {
		if !slices.ContainsFunc(cat.Criteria, func(c *Criterion) bool { return c.ID == id }) {
			v.add(r.Pos, "role %q weighs unknown criterion %q of %s", r.ID, id, cat.ID)
		}
	}
	if !counts {
		v.add(r.Pos, "role %q gives every criterion of %s a weight of 0; at least one must count", r.ID, cat.ID)
	}
}

func (v *validator) attribute(a *Attribute) {
	if !attrRe().MatchString(a.Name) {
		v.add(a.Pos, "attribute name %q must be snake_case", a.Name)
	}
	if !slices.Contains(attrTypes, a.Type) {
		v.add(a.Pos, "attribute %q has unknown type %q; allowed: %s", a.Name, a.Type, strings.Join(attrTypes, ", "))
		return
	}
	numeric := a.Type == AttrLevel || a.Type == AttrNumber
	switch {
	case numeric:
		if a.Better == "" {
			a.Better = "higher"
		}
		if a.Better != "higher" && a.Better != "lower" {
			v.add(a.Pos, "better of %q must be higher or lower, found %q", a.Name, a.Better)
		}
	case a.Type == AttrBool:
		if a.Better == "" {
			a.Better = "true"
		}
		if a.Better != "true" && a.Better != "false" {
			v.add(a.Pos, "better of bool attribute %q must be true or false, found %q", a.Name, a.Better)
		}
	default:
		if a.Better != "" {
			v.add(a.Pos, "better does not apply to %s attribute %q", a.Type, a.Name)
		}
	}
	if a.Type == AttrLevel && len(a.Range) == 0 {
		v.add(a.Pos, "level attribute %q needs a range [low, high]", a.Name)
	}
	if len(a.Range) > 0 {
		if !numeric {
			v.add(a.Pos, "range applies only to level and number attributes")
		} else if len(a.Range) != 2 || a.Range[0] >= a.Range[1] {
			v.add(a.Pos, "range of %q must be [low, high] with low below high", a.Name)
		} else if a.Scale == "log" && a.Range[0] <= 0 {
			v.add(a.Pos, "a log-scale range must start above 0")
		}
	}
	if a.Scale != "" && (a.Type != AttrNumber || (a.Scale != "linear" && a.Scale != "log")) {
		v.add(a.Pos, "scale applies only to number attributes and is linear or log")
	}
	if a.Unit != "" && !numeric {
		v.add(a.Pos, "unit applies only to level and number attributes")
	}
	switch {
	case a.Sign != "" && !numeric:
		v.add(a.Pos, "sign applies only to level and number attributes")
	case !checkSign(a.Sign):
		v.add(a.Pos, "sign of %q must be %s, found %q", a.Name, strings.Join(signNames, " or "), a.Sign)
	}
	if (a.Type == AttrEnum || a.Type == AttrList) && len(a.Values) == 0 {
		v.add(a.Pos, "%s attribute %q needs values", a.Type, a.Name)
	}
	if a.Type != AttrEnum && a.Type != AttrList && len(a.Values) > 0 {
		v.add(a.Pos, "values apply only to enum and list attributes")
	}
	if a.Labels != nil {
		if a.Type != AttrEnum && a.Type != AttrList {
			v.add(a.Pos, "labels apply only to enum and list attributes")
		}
		for _, k := range sortedKeys(a.Labels) {
			if !slices.Contains(a.Values, k) {
				v.add(a.Pos, "labels of %q names %q, which is not one of its values (%s)", a.Name, k, strings.Join(a.Values, ", "))
			}
		}
		for _, val := range a.Values {
			if a.Labels[val] == nil {
				v.add(a.Pos, "labels of %q lack %q: give every value a label, or none", a.Name, val)
			}
		}
	}
	if a.Scores != nil {
		if a.Type != AttrEnum {
			v.add(a.Pos, "scores apply only to enum attributes")
		}
		for _, k := range sortedKeys(a.Scores) {
			if !slices.Contains(a.Values, k) {
				v.add(a.Pos, "scores of %q names %q, which is not one of its values (%s)", a.Name, k, strings.Join(a.Values, ", "))
			}
		}
	}
}

// Scorable reports whether a criterion can use the attribute.
func (a *Attribute) Scorable() bool {
	switch a.Type {
	case AttrLevel, AttrNumber, AttrBool:
		return true
	case AttrEnum:
		return len(a.Scores) == len(a.Values)
	}
	return false
}

func (v *validator) criterion(cat *Category, c *Criterion, prioQ *Question) {
	if !idRe().MatchString(c.ID) {
		v.add(c.Pos, "criterion id %q must be lower-case words joined by -", c.ID)
	}
	c.Attr = cat.Attribute(c.Attribute)
	if c.Attribute == "" {
		v.add(c.Pos, "criterion %q needs an attribute to score; attributes of %s: %s", c.ID, cat.ID, attrNames(cat))
	} else if c.Attr == nil {
		v.add(c.Pos, "criterion %q uses unknown attribute %q; attributes of %s: %s", c.ID, c.Attribute, cat.ID, attrNames(cat))
	} else if !c.Attr.Scorable() {
		v.add(c.Pos, "criterion %q cannot score %s attribute %q (enum attributes need a score for every value)", c.ID, c.Attr.Type, c.Attribute)
	}
	if prioQ != nil {
		for _, p := range c.Priorities {
			if prioQ.Choice(p) == nil {
				v.add(c.Pos, "criterion %q names unknown priority %q; priorities: %s", c.ID, p, strings.Join(prioQ.ValueIDs(), ", "))
			}
		}
	}
	if len(c.Reweight) > limits.CriterionReweights {
		v.add(c.Reweight[limits.CriterionReweights].Pos, "criterion %q has %d reweights, more than the limit of %d (limits.CriterionReweights): together they could take its weight past any finite number", c.ID, len(c.Reweight), limits.CriterionReweights)
	}
	for _, rw := range c.Reweight {
		if rw.Factor == 1 { // its range is declared with the field
			v.add(rw.Pos, "reweight of criterion %q has factor 1, which changes nothing; give a factor other than 1", c.ID)
		}
		v.source(rw.Pos, rw.Source)
		v.condition(&rw.When)
	}
}

func attrNames(cat *Category) string {
	names := make([]string, len(cat.Attributes))
	for i, a := range cat.Attributes {
		names[i] = a.Name
	}
	return strings.Join(names, ", ")
}

func (v *validator) candidate(cat *Category, c *Candidate) {
	if !idRe().MatchString(c.ID) {
		v.add(c.Pos, "candidate id %q must be lower-case words joined by -", c.ID)
	}
	var factIDs []string
	seen := map[string]bool{}
	// Values derived by an earlier validation (the generated base) are computed again.
	c.Attributes = slices.DeleteFunc(c.Attributes, func(av *AttrValue) bool { return av.Derived })
	for _, av := range c.Attributes {
		if a := cat.Attribute(av.Name); a != nil && a.Derive != nil {
			v.add(av.Pos, "attribute %q of %q is derived (%s); the loader computes it, so remove it", av.Name, c.ID, strings.Join(a.Derive.Ratio, " ÷ "))
			continue
		}
		if seen[av.Name] {
			v.add(av.Pos, "duplicate attribute %q", av.Name)
			continue
		}
		seen[av.Name] = true
		av.Attr = cat.Attribute(av.Name)
		if av.Attr == nil {
			v.add(av.Pos, "candidate %q sets unknown attribute %q; attributes of %s: %s", c.ID, av.Name, cat.ID, attrNames(cat))
			continue
		}
		v.attrValue(av)
		if av.Fact != "" {
			factIDs = append(factIDs, av.Fact)
			if v.b.Facts[av.Fact] == nil {
				v.add(av.Pos, "attribute %q of %q names unknown fact %q", av.Name, c.ID, av.Fact)
			}
		}
	}
	for _, id := range c.Facts {
		factIDs = append(factIDs, id)
		if v.b.Facts[id] == nil {
			v.add(c.Pos, "candidate %q names unknown fact %q", c.ID, id)
		}
	}
	v.contexts(cat, c)
	v.deriveValues(cat, c)
	c.Corrections = nil
	used := map[string]bool{}
	for _, id := range factIDs {
		if f := v.b.Facts[id]; f != nil && !used[id] && f.IsCorrection() {
			used[id] = true
			c.Corrections = append(c.Corrections, f)
		}
	}
	// The most serious departures from the report first: wrong, dated, partly, unverified.
	slices.SortStableFunc(c.Corrections, func(a, b *Fact) int {
		return slices.Index(severity, a.Verdict) - slices.Index(severity, b.Verdict)
	})
	for _, cr := range cat.Criteria {
		if cr.Attr != nil && c.Attr(cr.Attribute) == nil && !derivable(cr.Attr, c) {
			v.add(c.Pos, "candidate %q lacks attribute %q, which criterion %q scores", c.ID, cr.Attribute, cr.ID)
		}
		if av := c.Attr(cr.Attribute); av != nil && av.Grade == "" {
			if av.Derived {
				v.add(av.Pos, "attribute %q of %q is scored (criterion %q, through %q) but has no evidence grade; add grade: %s", av.Name, c.ID, cr.ID, cr.Attribute, strings.Join(Grades, ", "))
			} else {
				v.add(av.Pos, "attribute %q of %q is scored (criterion %q) but has no evidence grade; add grade: %s", av.Name, c.ID, cr.ID, strings.Join(Grades, ", "))
			}
		}
	}
}

// derive checks a derived attribute's declaration: a number, the ratio of two number or level
// attributes of the category that are not derived themselves.
func (v *validator) derive(cat *Category, a *Attribute) {
	d := a.Derive
	if d == nil {
		return
	}
	if a.Type != AttrNumber {
		v.add(d.Pos, "derived attribute %q must be of type number", a.Name)
	}
	if len(d.Ratio) != 2 {
		v.add(d.Pos, "derive of %q takes ratio: [numerator, denominator], two attribute names", a.Name)
		d.Ratio = nil
		return
	}
	for _, name := range d.Ratio {
		in := cat.Attribute(name)
		switch {
		case in == nil:
			v.add(d.Pos, "derived attribute %q uses unknown attribute %q; attributes of %s: %s", a.Name, name, cat.ID, attrNames(cat))
			d.Ratio = nil
		case in.Type != AttrNumber && in.Type != AttrLevel:
			v.add(d.Pos, "derived attribute %q divides %s attribute %q; only number and level attributes can be divided", a.Name, in.Type, name)
			d.Ratio = nil
		case in.Derive != nil:
			v.add(d.Pos, "derived attribute %q uses %q, which is derived itself; derive from attributes candidates set", a.Name, name)
			d.Ratio = nil
		}
		if d.Ratio == nil {
			return
		}
	}
}

// deriveValues adds a candidate's derived values: numerator ÷ denominator to three significant
// digits (no more precise than the inputs), graded as the weaker input, where both are set.
// A derived value takes the position of the input set last (an overlay's override before the
// base's value), so a problem with it points where it was changed: a denominator of 0, or a
// ratio outside the derived attribute's range, is a problem there.
func (v *validator) deriveValues(cat *Category, c *Candidate) {
	for _, a := range cat.Attributes {
		if a.Derive == nil || len(a.Derive.Ratio) != 2 {
			continue
		}
		num, den := c.Attr(a.Derive.Ratio[0]), c.Attr(a.Derive.Ratio[1])
		if num == nil || den == nil || num.Attr == nil || den.Attr == nil {
			continue
		}
		if num.Unknown || den.Unknown {
			missing := num
			if !num.Unknown {
				missing = den
			}
			c.Attributes = append(c.Attributes, &AttrValue{
				Pos: missing.Pos, Name: a.Name, Attr: a, Derived: true, Unknown: true, Grade: GradeUnverified,
				Source: "derived: " + num.Name + " ÷ " + den.Name + ", and " + missing.Name + " is unknown",
				Note:   &Text{En: missing.Name + " is unknown", Zh: missing.Name + " 未知"},
			})
			continue
		}
		if !AttrSigns[num.Attr.Sign].holds(num.Num) || !AttrSigns[den.Attr.Sign].holds(den.Num) {
			continue // reported with the input
		}
		at := num
		if v.layerOf[den.Pos.File] > v.layerOf[num.Pos.File] {
			at = den
		}
		if den.Num == 0 {
			v.add(valuePos(den), "attribute %q of %q is 0, but %q divides by it (%s); give a value above 0", den.Name, c.ID, a.Name, strings.Join(a.Derive.Ratio, " ÷ "))
			continue
		}
		q, _ := strconv.ParseFloat(strconv.FormatFloat(num.Num/den.Num, 'g', 3, 64), 64)
		if rng := AttrSigns[a.Sign]; !rng.holds(q) {
			v.add(valuePos(at), "attribute %q of %q (%s) comes to %s, which must be a number %s", a.Name, c.ID, strings.Join(a.Derive.Ratio, " ÷ "), formatBound(q), rng)
			continue
		}
		sum := strings.TrimSpace(formatNumber(num.Num)+" "+num.Attr.Unit) + " ÷ " + strings.TrimSpace(formatNumber(den.Num)+" "+den.Attr.Unit)
		c.Attributes = append(c.Attributes, &AttrValue{
			Pos:     at.Pos,
			Name:    a.Name,
			Source:  "derived: " + num.Name + " ÷ " + den.Name + " = " + sum,
			Grade:   WeakerGrade(num.Grade, den.Grade),
			Attr:    a,
			Num:     q,
			Derived: true,
			Note:    &Text{En: sum, Zh: sum},
		})
	}
}

func (v *validator) attrValue(av *AttrValue) {
	v.source(av.Pos, av.Source)
	switch {
	case av.Grade != "" && !slices.Contains(Grades, av.Grade):
		v.add(av.Pos, "unknown evidence grade %q of attribute %q; grades: %s", av.Grade, av.Name, strings.Join(Grades, ", "))
	case av.Grade == GradeMeasured && av.Method == nil:
		v.add(av.Pos, "attribute %q is graded measured: say how with method: {en: …}", av.Name)
	case av.Method != nil && av.Grade != GradeMeasured:
		v.add(av.Pos, "method applies to measured values; %q is graded %q", av.Name, av.Grade)
	}
	a := av.Attr
	if av.ValueZh != "" && a != nil && a.Type != AttrText {
		v.add(av.Pos, "value_zh applies only to text attributes; %q is %s", av.Name, a.Type)
	}
	n := av.Value.Node
	if n == nil {
		return
	}
	pos := Pos{File: av.Pos.File, Line: n.Line, Col: n.Column}
	vals, isList, ok := av.Value.scalars()
	if !ok || isList != (a.Type == AttrList) {
		if a.Type == AttrList {
			v.add(pos, "attribute %q takes a list of values (%s)", av.Name, strings.Join(a.Values, ", "))
		} else {
			v.add(pos, "attribute %q takes one value", av.Name)
		}
		return
	}
	if len(vals) == 1 && vals[0] == ValueUnknown && n.Kind == yaml.ScalarNode && a.Type != AttrText && a.Type != AttrList && !slices.Contains(a.Values, ValueUnknown) {
		av.Unknown = true
		if av.Grade != GradeUnverified {
			v.add(pos, "attribute %q is unknown, so grade it unverified (and say in note where you looked)", av.Name)
		}
		return
	}
	switch a.Type {
	case AttrLevel, AttrNumber:
		f, err := parseNumber(n, vals[0])
		if err != nil {
			v.add(pos, "attribute %q is a number; found %q%s", av.Name, numExcerpt(vals[0]), notFinite(n))
			return
		}
		if a.Type == AttrLevel && (f != math.Trunc(f) || (len(a.Range) == 2 && (f < a.Range[0] || f > a.Range[1]))) {
			v.add(pos, "attribute %q is a whole number from %s to %s; found %s", av.Name, formatNumber(a.Range[0]), formatNumber(a.Range[1]), limits.Excerpt(vals[0]))
		} else if rng, ok := AttrSigns[a.Sign]; ok && !rng.holds(f) {
			v.add(pos, "attribute %q%s must be a number %s; found %s", av.Name, signWord(a.Sign), rng, formatBound(f))
		}
		av.Num = f
	case AttrBool:
		b, err := parseBool(n, vals[0])
		if err != nil {
			v.add(pos, "attribute %q is true or false; found %q", av.Name, vals[0])
		}
		av.Bool = b
	case AttrEnum:
		if !slices.Contains(a.Values, vals[0]) {
			v.add(pos, "%q is not a value of attribute %q; allowed: %s", vals[0], av.Name, strings.Join(a.Values, ", "))
		}
		av.Str = vals[0]
	case AttrList:
		for _, x := range vals {
			if !slices.Contains(a.Values, x) {
				v.add(pos, "%q is not a value of attribute %q; allowed: %s", x, av.Name, strings.Join(a.Values, ", "))
			}
		}
		av.List = vals
	default:
		av.Str = vals[0]
	}
}

func (v *validator) rule(cat *Category, r *Rule) {
	if !idRe().MatchString(r.ID) {
		v.add(r.Pos, "rule id %q must be lower-case words joined by - or .", r.ID)
	}
	v.source(r.Pos, r.Source)
	if !slices.Contains(effects, r.Effect) {
		v.add(r.Pos, "rule %q has unknown effect %q; allowed: %s", r.ID, r.Effect, strings.Join(effects, ", "))
	}
	max := v.b.Scoring.MaxRulePoints
	switch {
	case !numbersInRange(r):
		// reported where the number is
	case r.Effect == EffectAdjust && (r.Points == 0 || math.Abs(r.Points) > max):
		v.add(r.Pos, "adjust rule %q needs points from -%s to %s (and not 0); found %s", r.ID, formatNumber(max), formatNumber(max), strconv.FormatFloat(r.Points, 'f', -1, 64))
	case r.Effect != EffectAdjust && r.Points != 0:
		v.add(r.Pos, "points apply only to adjust rules")
	}
	switch {
	case r.Grade != "" && !slices.Contains(Grades, r.Grade):
		v.add(r.Pos, "unknown evidence grade %q of rule %q; grades: %s", r.Grade, r.ID, strings.Join(Grades, ", "))
	case r.Grade != "" && r.Effect != EffectAdjust:
		v.add(r.Pos, "grade applies only to adjust rules; %q is a %s rule", r.ID, r.Effect)
	case r.Buying && r.Effect != EffectExclude:
		v.add(r.Pos, "buying applies only to exclude rules; %q is a %s rule", r.ID, r.Effect)
	}
	v.condition(&r.When)
	for _, id := range r.Roles {
		if id != RoleAlone && !slices.ContainsFunc(cat.Roles, func(x *Role) bool { return x.ID == id }) {
			names := []string{RoleAlone}
			for _, x := range cat.Roles {
				names = append(names, x.ID)
			}
			v.add(r.Pos, "rule %q names unknown role %q; roles of %s: %s", r.ID, id, cat.ID, strings.Join(names, ", "))
		}
	}
	if len(r.Target.IDs) == 0 && len(r.Target.Where) == 0 {
		v.add(r.Target.Pos, "rule %q needs a target: ids, where, or both", r.ID)
	}
	for _, id := range r.Target.IDs {
		if cat.Candidate(id) == nil {
			ids := make([]string, len(cat.Candidates))
			for i, c := range cat.Candidates {
				ids[i] = c.ID
			}
			if near := Closest(id, ids); near != "" {
				v.add(r.Target.Pos, "rule %q targets unknown candidate %q; did you mean %q?", r.ID, id, near)
			} else {
				v.add(r.Target.Pos, "rule %q targets unknown candidate %q; candidates of %s: %s", r.ID, id, cat.ID, strings.Join(ids, ", "))
			}
		}
	}
	for _, t := range r.Target.Where {
		a := cat.Attribute(t.Key)
		if a == nil {
			v.add(t.Pos, "rule %q matches unknown attribute %q; attributes of %s: %s", r.ID, t.Key, cat.ID, attrNames(cat))
			continue
		}
		var allowed []string
		if a.Type == AttrEnum || a.Type == AttrList {
			allowed = a.Values
		}
		compileTerm(v.probs, t, "attribute", a.Type, allowed, v.b.questions, nil)
		v.decidingGraded(cat, r, t.Key)
	}
}

// decidingGraded: a value a rule reads to decide whom it excludes, adjusts or caveats must
// carry an evidence grade, like a scored value; an answer can turn on an ungraded guess
// otherwise. Each candidate's value is reported once, at the value, naming the first rule.
func (v *validator) decidingGraded(cat *Category, r *Rule, attr string) {
	if slices.ContainsFunc(cat.Criteria, func(cr *Criterion) bool { return cr.Attribute == attr }) {
		return // a scored value's grade is checked with the candidate
	}
	for _, c := range cat.Candidates {
		if len(r.Target.IDs) > 0 && !slices.Contains(r.Target.IDs, c.ID) {
			continue
		}
		av := c.Attr(attr)
		if av == nil || av.Grade != "" || v.ungraded[av] {
			continue
		}
		if v.ungraded == nil {
			v.ungraded = map[*AttrValue]bool{}
		}
		v.ungraded[av] = true
		v.add(av.Pos, "attribute %q of %q decides rule %q but has no evidence grade; add grade: %s", av.Name, c.ID, r.ID, strings.Join(Grades, ", "))
	}
}

// contexts checks a candidate's contexts: an id, a condition on the answers, a note, and
// values of attributes the category declares, graded like the candidate's own. A context may
// not set a derived attribute or one a derived attribute is computed from (the ratio would not
// follow it).
func (v *validator) contexts(cat *Category, c *Candidate) {
	ids := map[string]bool{}
	for _, ctx := range c.Contexts {
		if !idRe().MatchString(ctx.ID) {
			v.add(ctx.Pos, "context id %q of %q must be lower-case words joined by -", ctx.ID, c.ID)
		}
		if ids[ctx.ID] {
			v.add(ctx.Pos, "candidate %q has two contexts %q", c.ID, ctx.ID)
		}
		ids[ctx.ID] = true
		if ctx.When.IsEmpty() {
			v.add(ctx.Pos, "context %q of %q needs a condition (when): a context that always holds is the candidate's own value", ctx.ID, c.ID)
		}
		v.condition(&ctx.When)
		seen := map[string]bool{}
		for _, av := range ctx.Attributes {
			if seen[av.Name] {
				v.add(av.Pos, "duplicate attribute %q in context %q", av.Name, ctx.ID)
				continue
			}
			seen[av.Name] = true
			av.Attr = cat.Attribute(av.Name)
			if av.Attr == nil {
				v.add(av.Pos, "context %q of %q sets unknown attribute %q; attributes of %s: %s", ctx.ID, c.ID, av.Name, cat.ID, attrNames(cat))
				continue
			}
			for _, a := range cat.Attributes {
				if a.Derive != nil && (a.Name == av.Name || slices.Contains(a.Derive.Ratio, av.Name)) {
					v.add(av.Pos, "context %q of %q sets %q, which derived attribute %q is computed from; a context cannot change it", ctx.ID, c.ID, av.Name, a.Name)
				}
			}
			if c.Attr(av.Name) == nil {
				v.add(av.Pos, "context %q of %q sets %q, which the candidate itself does not: give the candidate its own value first", ctx.ID, c.ID, av.Name)
			}
			v.attrValue(av)
			if av.Grade == "" {
				v.add(av.Pos, "attribute %q in context %q of %q has no evidence grade; add grade: %s", av.Name, ctx.ID, c.ID, strings.Join(Grades, ", "))
			}
			if av.Fact != "" && v.b.Facts[av.Fact] == nil {
				v.add(av.Pos, "attribute %q in context %q names unknown fact %q", av.Name, ctx.ID, av.Fact)
			}
		}
		if len(ctx.Attributes) == 0 {
			v.add(ctx.Pos, "context %q of %q changes no attribute", ctx.ID, c.ID)
		}
	}
}
