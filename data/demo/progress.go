package demo

// The shares of a generation's work, as measured on a 100,000-user tenant: writing the
// directory, the Teams with their members, the Nimbus users with their settings and the
// service members. Building the people, planning, the catalogues and the commit take the
// rest.
const (
	shareDirectory = 0.15
	shareTeams     = 0.10
	shareUsers     = 0.40
	shareMembers   = 0.30
)

// progress tells the caller of Generate how far it got, in users of the tenant being
// built, about every half per cent: a first start on a large demo shows it instead of
// nothing.
type progress struct {
	report func(built, total int) // nil: nobody asked
	total  int
	done   float64 // the share of the phases already finished
	last   int     // the last number reported
}

// within says that i of n steps of the running phase, of the given share, are done.
func (p *progress) within(share float64, i, n int) {
	if p.report != nil {
		p.show(p.done + share*float64(i)/float64(max(n, 1)))
	}
}

// finished says that the running phase, of the given share, is done.
func (p *progress) finished(share float64) {
	p.done += share
	p.show(p.done)
}

func (p *progress) show(share float64) {
	if p.report == nil {
		return
	}
	built := min(p.total-1, int(share*float64(p.total))) // all of them only once committed
	if built < p.last+max(1, p.total/200) {
		return
	}
	p.last = built
	p.report(built, p.total)
}
