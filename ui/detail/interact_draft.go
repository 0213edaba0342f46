package detail

import (
	"nimbusadmin/app"
	"nimbusadmin/data"
)

// pending counts the settings that differ from what is saved.
func (ia *detailInteract) pending() int {
	if ia.saved.User.ID == "" || !ia.saved.User.Licences.Has(data.Interact|data.ContactCenter) {
		return 0
	}
	d, s := ia.draft(), detailSavedInteract(ia.saved)
	n := 0
	for _, differs := range []bool{d.Active != s.Active, d.AudioVideo != s.AudioVideo, d.InstantMessaging != s.InstantMessaging,
		d.DirectSystemMessageID != s.DirectSystemMessageID, d.RestrictAccess != s.RestrictAccess, d.DomainTemplateID != s.DomainTemplateID} {
		if differs {
			n++
		}
	}
	return n
}

func (ia *detailInteract) dirty() bool { return ia.pending() > 0 }

// hold keeps the settings the admin changed; the others follow the reload.
func (ia *detailInteract) hold() (data.RowVersion, detailRestore) {
	base, d, problem := ia.saved, ia.draft(), ia.bar.problem.Text
	return base.Version, func(now app.UserDetail, rebase bool) {
		ok := rebase
		b, n := detailSavedInteract(base), detailSavedInteract(now)
		d.Active = detailMerge(d.Active, b.Active, n.Active, &ok)
		d.AudioVideo = detailMerge(d.AudioVideo, b.AudioVideo, n.AudioVideo, &ok)
		d.InstantMessaging = detailMerge(d.InstantMessaging, b.InstantMessaging, n.InstantMessaging, &ok)
		d.DirectSystemMessageID = detailMerge(d.DirectSystemMessageID, b.DirectSystemMessageID, n.DirectSystemMessageID, &ok)
		d.RestrictAccess = detailMerge(d.RestrictAccess, b.RestrictAccess, n.RestrictAccess, &ok)
		d.DomainTemplateID = detailMerge(d.DomainTemplateID, b.DomainTemplateID, n.DomainTemplateID, &ok)
		if !ok {
			ia.saved = base
		}
		ia.set(d)
		ia.bar.setDirty(ia.dirty())
		ia.p.markDirty()
		detailKeepProblem(ia.bar.problem, problem)
	}
}

// detailInteractRevert is the Esc handler of one Interact setting, which field picks out
// of a change: it puts the setting back as saved and reports false when it already was.
func detailInteractRevert[T comparable](ia *detailInteract, field func(*app.InteractChange) *T) func() bool {
	return func() bool {
		d, s := ia.draft(), detailSavedInteract(ia.saved)
		if *field(&d) == *field(&s) {
			return false
		}
		*field(&d) = *field(&s)
		ia.set(d)
		ia.changed()
		return true
	}
}
