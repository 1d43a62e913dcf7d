package knowledge

import (
	"slices"
	"time"
)

// DayLayout is how rule files write a day: checked dates of facts and the base's as_of.
const DayLayout = "2006-01-02"

// ParseDay reads a YYYY-MM-DD day (UTC).
func ParseDay(s string) (time.Time, error) { return time.Parse(DayLayout, s) }

// Age is how old the base is on the given day: the whole months since its as_of date (0 when
// it has none, or when the day is not after it).
func (b *Base) Age(today time.Time) (months int, asOf time.Time, ok bool) {
	asOf, err := ParseDay(b.AsOf)
	if err != nil {
		return 0, time.Time{}, false
	}
	y, m, d := today.UTC().Date()
	ay, am, ad := asOf.Date()
	months = (y-ay)*12 + int(m-am)
	if d < ad {
		months--
	}
	return max(months, 0), asOf, true
}

// StaleFacts are the facts last checked more than a year before the given day, oldest first
// (ties by id).
func (b *Base) StaleFacts(today time.Time) []*Fact {
	limit := today.UTC().AddDate(-1, 0, 0)
	var out []*Fact
	for _, f := range b.Facts {
		if day, err := ParseDay(f.Checked); err == nil && day.Before(limit) {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, c *Fact) int {
		if a.Checked != c.Checked {
			if a.Checked < c.Checked {
				return -1
			}
			return 1
		}
		if a.ID < c.ID {
			return -1
		}
		if a.ID > c.ID {
			return 1
		}
		return 0
	})
	return out
}
