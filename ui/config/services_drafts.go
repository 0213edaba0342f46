package config

import (
	"strings"

	"nimbusadmin/data"
)

// serviceDraft is the pending rename of the service shown, asked about when another
// service or the create form is shown; the create form keeps what was chosen meanwhile.
func (s *configServicesScreen) serviceDraft() configDraft {
	e := s.members.edit
	return configDraftFuncs{pendingFn: e.pending, saveFn: e.rename, discardFn: e.discard}
}

// pendingNew names the new service when the create form holds a name (or a Team) that
// was not created.
func (s *configServicesScreen) pendingNew() string {
	if s.kind == nil {
		return ""
	}
	if (s.chosenType() == data.TeamsBased && s.team.Selected != "") ||
		(s.chosenType() != data.TeamsBased && strings.TrimSpace(s.name.Text) != "") {
		return "the new service"
	}
	return ""
}

// pending names everything unsaved on the screen: the rename of the service shown and
// the new service.
func (s *configServicesScreen) pending() string {
	if s.members == nil {
		return ""
	}
	var parts []string
	for _, p := range []string{s.members.edit.pending(), s.pendingNew()} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, " and ")
}

// save renames the service shown, then creates the new one; the first refusal stops.
func (s *configServicesScreen) save() bool {
	if s.members.edit.pending() != "" && !s.members.edit.rename() {
		return false
	}
	if s.pendingNew() != "" {
		return s.createService()
	}
	return true
}

// discard restores the name of the service shown and empties the create form.
func (s *configServicesScreen) discard() {
	s.members.edit.discard()
	s.name.SetText("")
	s.team.ClearSelected()
}
