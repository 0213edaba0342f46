package config

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app"
	"nimbusadmin/data"
	"nimbusadmin/ui/widgets"
)

// reloadTeams offers the synced Teams that do not back a service yet: a Team backs one
// service only.
func (s *configServicesScreen) reloadTeams() {
	teams, err := s.cw.nimbus.TeamSummaries(context.Background())
	if err != nil {
		widgets.ShowResult(s.status, err, "")
	}
	taken := map[string]bool{}
	for _, sv := range s.services {
		if sv.TeamID != "" {
			taken[sv.TeamID] = true
		}
	}
	s.teamIDs = map[string]string{}
	s.team.Options = nil
	for _, t := range teams {
		if taken[t.ID] {
			continue
		}
		label := fmt.Sprintf("%s (%d members, %d owners)", t.DisplayName, t.Members, t.Owners)
		if _, dup := s.teamIDs[label]; dup {
			label += " · " + t.ID
		}
		s.teamIDs[label] = t.ID
		s.team.Options = append(s.team.Options, label)
	}
	if _, ok := s.teamIDs[s.team.Selected]; !ok {
		s.team.ClearSelected()
	}
	s.team.Refresh()
}

// chosenType is the type picked in the create form.
func (s *configServicesScreen) chosenType() data.AssignmentType {
	for _, t := range configServicesTypes {
		if t.String() == s.kind.Selected {
			return t
		}
	}
	return data.TeamsBased
}

// onKindChanged shows the Team picker for a Teams-based service (it takes the Team's
// name) and the name field for the others, proposes the type's default licence, and
// shows the chosen type's features.
func (s *configServicesScreen) onKindChanged(string) {
	t := s.chosenType()
	s.licence.SetSelected(data.DefaultServiceLicence(t).String())
	if t == data.TeamsBased {
		s.which.Text = "Team"
		s.team.Show()
		s.name.Hide()
	} else {
		s.which.Text = "Name"
		s.team.Hide()
		s.name.Show()
	}
	s.form.Refresh()
	s.matrix.show(t)
	s.relayout()
}

// chosenLicence is the licence picked in the create form.
func (s *configServicesScreen) chosenLicence() data.ServiceLicence {
	return configServicesLicence(s.licence.Selected)
}

// configServicesLicenceNames are the service licences as the licence pickers offer them.
func configServicesLicenceNames() []string {
	names := make([]string, len(data.ServiceLicences))
	for i, l := range data.ServiceLicences {
		names[i] = l.String()
	}
	return names
}

// configServicesLicence is the licence a picker label names.
func configServicesLicence(label string) data.ServiceLicence {
	for _, l := range data.ServiceLicences {
		if l.String() == label {
			return l
		}
	}
	return ""
}

func (s *configServicesScreen) onCreate() { s.createService() }

// createService creates the service the form describes and shows it; false when refused (the
// form keeps what the admin chose).
func (s *configServicesScreen) createService() bool {
	ctx, t := context.Background(), s.chosenType()
	ou := s.choice.ID(s.ou.Selected)
	cmd := app.CreateService{Type: t, Licence: s.chosenLicence(), OU: ou}
	var name string
	if t == data.TeamsBased {
		teamID, ok := s.teamIDs[s.team.Selected]
		if !ok {
			widgets.ShowResult(s.status, fmt.Errorf("choose the Team that backs the new service"), "")
			return false
		}
		name, _, _ = strings.Cut(s.team.Selected, " (")
		cmd.TeamID = teamID
	} else {
		name = strings.TrimSpace(s.name.Text)
		cmd.Name = s.name.Text
	}
	out, err := s.cw.nimbus.Do(ctx, cmd)
	if err != nil {
		widgets.ShowResult(s.status, err, "")
		return false
	}
	s.name.SetText("")
	s.team.ClearSelected()
	s.current = out.ID
	s.refresh()
	widgets.ShowResult(s.status, nil, fmt.Sprintf("Created the %s service %q with the %s licence.", t, name, s.chosenLicence()))
	return true
}
