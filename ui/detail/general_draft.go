package detail

import (
	"math/bits"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// pending counts a new OU and each licence granted or revoked.
func (g *detailGeneral) pending() int {
	if g.saved.User.ID == "" {
		return 0
	}
	n := bits.OnesCount(uint(g.draftLic ^ g.saved.User.Licences))
	if g.draftOU != g.saved.User.OUID {
		n++
	}
	return n
}

func (g *detailGeneral) dirty() bool { return g.pending() > 0 }

// hold keeps the OU and the licence boxes the admin changed; the others follow the reload.
func (g *detailGeneral) hold() (data.RowVersion, detailRestore) {
	base, ou, lic, problem := g.saved, g.draftOU, g.draftLic, g.bar.problem.Text
	return base.Version, func(now app.UserDetail, rebase bool) {
		ok := rebase
		ou = detailMerge(ou, base.User.OUID, now.User.OUID, &ok)
		edited := lic ^ base.User.Licences
		if now.User.Licences&edited != base.User.Licences&edited {
			ok = false
		}
		lic = now.User.Licences&^edited | lic&edited
		if !ok {
			g.saved = base
		}
		g.draftOU, g.draftLic = ou, lic
		g.refresh()
		detailKeepProblem(g.bar.problem, problem)
	}
}

// revertLicence puts one licence box back as saved (Esc); false when it already is.
func (g *detailGeneral) revertLicence(l data.LicenceSet) bool {
	if g.draftLic&l == g.saved.User.Licences&l {
		return false
	}
	g.draftLic = g.draftLic&^l | g.saved.User.Licences&l
	g.edited()
	return true
}

// revertOU puts the OU back as saved (Esc on Change…); false when it already is.
func (g *detailGeneral) revertOU() bool {
	if g.draftOU == g.saved.User.OUID {
		return false
	}
	g.draftOU = g.saved.User.OUID
	g.edited()
	return true
}

// edited follows an edit of the draft: its old refusal goes and the draft shows.
func (g *detailGeneral) edited() {
	widgets.ShowProblem(g.bar.problem, nil)
	g.refresh()
	g.p.draftEdited(app.TabGeneral)
}
