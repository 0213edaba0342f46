package demo

import "nimbusadmin/data"

// writeContingents gives every licence a contingent a little above the number of demo
// users who hold it (at least five more, rounded up to tens), so that the licence totals
// show real numbers and an admin trying the demo can still grant a few.
func (g *generator) writeContingents() {
	for _, l := range data.AllLicences {
		held := 0
		for _, lic := range g.lic {
			if data.LicenceSet(lic).Has(l) {
				held++
			}
		}
		g.insert(`INSERT INTO licence_contingents (licence, contingent) VALUES (?, ?)`, l, demoContingent(held))
	}
}

// demoContingent is a contingent a little above held: at least five or a tenth more,
// rounded up to tens.
func demoContingent(held int) int {
	return (held + max(5, held/10) + 9) / 10 * 10
}
