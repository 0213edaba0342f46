package app

import (
	"context"
	"errors"
	"fmt"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// InteractChange is what an admin can change on the Interact tab; the Contact ID is the
// user's own and never changes here.
type InteractChange struct {
	Active                bool  `json:"active"`
	AudioVideo            bool  `json:"audioVideo"`
	InstantMessaging      bool  `json:"instantMessaging"`
	DirectSystemMessageID int64 `json:"directSystemMessage,omitempty"`
	RestrictAccess        bool  `json:"restrictAccess"`
	DomainTemplateID      int64 `json:"domainTemplate,omitempty"`
}

// SystemMessageNeedsIM is the rule that a direct system message needs Instant Messaging:
// the message customises the user's chats, so without chats it has nothing to do.
const SystemMessageNeedsIM = "a direct system message customises the user's chats: it needs Instant Messaging on"

// SetInteract writes a user's Interact settings. Restrict Access needs a domain template
// (one must exist in the user's OU or above, and be chosen); a direct system message
// needs Instant Messaging; a direct system message and a domain template must each come
// from the user's OU or above.
type SetInteract struct {
	Base
	User     string         `json:"user"` // O365 ID or UPN
	Settings InteractChange `json:"settings"`
}

// Kind names the command.
func (SetInteract) Kind() string { return "user.interact" }

func (cmd SetInteract) apply(c *changeCtx) ([]data.JournalEntry, error) {
	q, s := c.q, cmd.Settings
	u, tree, err := userInTree(q, cmd.User)
	if err != nil {
		return nil, err
	}
	if err := c.may.user(u, "changing the Interact settings"); err != nil {
		return nil, err
	}
	if err := needsLicence(u, data.Interact|data.ContactCenter, "Interact settings"); err != nil {
		return nil, err
	}
	old, err := q.UserInteract(u.ID)
	if errors.Is(err, data.ErrNotFound) {
		old = data.InteractSettings{ContactID: newContactID()}
	} else if err != nil {
		return nil, err
	}
	if s.DirectSystemMessageID != 0 && !s.InstantMessaging {
		return nil, refuse("interact.message-needs-im", "%s; turn Instant Messaging on for %s, or choose no direct system message",
			capitalise(SystemMessageNeedsIM), displayName(u))
	}
	if s.RestrictAccess {
		if err := restrictAccessPossible(q, tree, u, s.DomainTemplateID); err != nil {
			return nil, err
		}
	}
	if s.DomainTemplateID != 0 {
		if _, err := checkAssignableItems(q, tree, u, data.ConfigDomainTemplates, "domain template", []int64{s.DomainTemplateID}); err != nil {
			return nil, err
		}
	}
	if s.DirectSystemMessageID != 0 {
		if _, err := checkAssignableItems(q, tree, u, data.ConfigSystemMessages, "direct system message", []int64{s.DirectSystemMessageID}); err != nil {
			return nil, err
		}
	}
	next := data.InteractSettings{ContactID: old.ContactID, Active: s.Active, AudioVideo: s.AudioVideo,
		InstantMessaging: s.InstantMessaging, DirectSystemMessageID: s.DirectSystemMessageID,
		RestrictAccess: s.RestrictAccess, DomainTemplateID: s.DomainTemplateID}
	if next == old {
		return nil, nil
	}
	if err := q.SetUserInteract(u.ID, next); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("user.interact", u.UPN, interactText(old), interactText(next))}, nil
}

// SetInteract is shorthand for Do with SetInteract, for code that acts at once.
func (a *App) SetInteract(ctx context.Context, idOrUPN string, s InteractChange) error {
	_, err := a.Do(ctx, SetInteract{User: idOrUPN, Settings: s})
	return err
}

// restrictAccessPossible is the Restrict Access rule.
func restrictAccessPossible(q *data.Q, tree *outree.Tree, u data.NimbusUser, chosen int64) error {
	all, err := q.AssignableItems(data.ConfigDomainTemplates)
	if err != nil {
		return err
	}
	available := 0
	for _, it := range all {
		if tree.IsSameOrAncestor(it.OUID, u.OUID) {
			available++
		}
	}
	if available == 0 {
		return refuse("interact.restrict-no-template",
			"Restrict Access needs at least one domain template in %s or above; create one under Configuration > Domain Templates first", tree.Path(u.OUID))
	}
	if chosen == 0 {
		return refuse("interact.restrict-no-template", "Restrict Access needs a domain template: choose the one that lists the allowed web sites")
	}
	return nil
}

func interactText(s data.InteractSettings) string {
	return fmt.Sprintf("active %s, audio & video %s, instant messaging %s, direct system message %d, restrict access %s, domain template %d",
		onOff(s.Active), onOff(s.AudioVideo), onOff(s.InstantMessaging), s.DirectSystemMessageID, onOff(s.RestrictAccess), s.DomainTemplateID)
}
