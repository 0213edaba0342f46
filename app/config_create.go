package app

import (
	"context"
	"fmt"
	"strings"

	"nimbusadmin/app/outree"
	"nimbusadmin/data"
)

// configCreateItem runs the checks every new item of a kind needs and journals its
// creation; check adds the kind's own rules (and describes the item for the journal),
// insert writes it once the checks pass. The outcome's ID is the new item's.
func configCreateItem(c *changeCtx, k data.ConfigKind, name string, ou int64,
	check func(q *data.Q, tree *outree.Tree) (string, error), insert func(q *data.Q, name string) (int64, error)) ([]data.JournalEntry, error) {
	q := c.q
	tree, err := loadTree(q)
	if err != nil {
		return nil, err
	}
	if tree.Has(ou) {
		if err := configPermit(q, c.may, k, ou, fmt.Sprintf("creating the %s %q in %s", ConfigNoun(k), strings.TrimSpace(name), tree.Path(ou))); err != nil {
			return nil, err
		}
	}
	clean, err := configCheckNewItem(q, tree, k, name, ou, 0)
	if err != nil {
		return nil, err
	}
	detail := ""
	if check != nil {
		if detail, err = check(q, tree); err != nil {
			return nil, err
		}
	}
	if c.out.ID, err = insert(q, clean); err != nil {
		return nil, err
	}
	return []data.JournalEntry{entry("config."+string(k)+".create", clean, "", strings.TrimSpace("in "+tree.Path(ou)+" "+detail))}, nil
}

// CreateNAReason adds a not-available reason in an OU.
type CreateNAReason struct {
	Base
	Name string `json:"name"`
	OU   int64  `json:"ou"`
}

// Kind names the command.
func (CreateNAReason) Kind() string { return "config.na-reason.create" }

func (cmd CreateNAReason) apply(c *changeCtx) ([]data.JournalEntry, error) {
	return configCreateItem(c, data.ConfigNAReasons, cmd.Name, cmd.OU, nil, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateNAReason(name, cmd.OU)
	})
}

// CreateNAReason is shorthand for Do with CreateNAReason, for code that acts at once; it
// returns the new reason's id.
func (a *App) CreateNAReason(ctx context.Context, name string, ou int64) (int64, error) {
	return a.create(ctx, CreateNAReason{Name: name, OU: ou})
}

// CreateDomainTemplate adds an Interact domain template: the web sites (CORS origins)
// allowed to embed a user's widget. Each origin is checked and written in its canonical
// form ("https://www.contoso.com").
type CreateDomainTemplate struct {
	Base
	Name    string   `json:"name"`
	OU      int64    `json:"ou"`
	Origins []string `json:"origins"`
}

// Kind names the command.
func (CreateDomainTemplate) Kind() string { return "config.domain-template.create" }

func (cmd CreateDomainTemplate) apply(c *changeCtx) ([]data.JournalEntry, error) {
	var clean []string
	check := func(*data.Q, *outree.Tree) (string, error) {
		var err error
		clean, err = CheckCORSOrigins(cmd.Origins)
		return strings.Join(clean, ", "), err
	}
	return configCreateItem(c, data.ConfigDomainTemplates, cmd.Name, cmd.OU, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateDomainTemplate(name, cmd.OU, clean)
	})
}

// CreateDomainTemplate is shorthand for Do with CreateDomainTemplate, for code that acts
// at once; it returns the new template's id.
func (a *App) CreateDomainTemplate(ctx context.Context, name string, ou int64, origins []string) (int64, error) {
	return a.create(ctx, CreateDomainTemplate{Name: name, OU: ou, Origins: origins})
}

// CreateSystemMessage adds a direct system message: how the user's name appears in chat
// and the welcome message sent when a chat starts.
type CreateSystemMessage struct {
	Base
	Name        string `json:"name"`
	OU          int64  `json:"ou"`
	DisplayName string `json:"displayName"` // the name customers see in chat
	Welcome     string `json:"welcome,omitempty"`
}

// Kind names the command.
func (CreateSystemMessage) Kind() string { return "config.system-message.create" }

func (cmd CreateSystemMessage) apply(c *changeCtx) ([]data.JournalEntry, error) {
	displayName, welcome := strings.TrimSpace(cmd.DisplayName), strings.TrimSpace(cmd.Welcome)
	check := func(*data.Q, *outree.Tree) (string, error) {
		if displayName == "" {
			return "", refuse("config.system-message", "a direct system message needs the name shown to customers in chat")
		}
		return "", nil
	}
	return configCreateItem(c, data.ConfigSystemMessages, cmd.Name, cmd.OU, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateSystemMessage(name, cmd.OU, displayName, welcome)
	})
}

// CreateCallTemplate adds an Assistant direct call template: the context page opened on
// a direct call, which must be an absolute http(s) address.
type CreateCallTemplate struct {
	Base
	Name        string `json:"name"`
	OU          int64  `json:"ou"`
	Description string `json:"description,omitempty"`
	PageURL     string `json:"pageUrl"`
}

// Kind names the command.
func (CreateCallTemplate) Kind() string { return "config.call-template.create" }

func (cmd CreateCallTemplate) apply(c *changeCtx) ([]data.JournalEntry, error) {
	pageURL := strings.TrimSpace(cmd.PageURL)
	check := func(*data.Q, *outree.Tree) (string, error) { return pageURL, configCheckURL(pageURL) }
	return configCreateItem(c, data.ConfigCallTemplates, cmd.Name, cmd.OU, check, func(q *data.Q, name string) (int64, error) {
		return q.ConfigCreateCallTemplate(name, cmd.OU, strings.TrimSpace(cmd.Description), pageURL)
	})
}

// CreateCallTemplate is shorthand for Do with CreateCallTemplate, for code that acts at
// once; it returns the new template's id.
func (a *App) CreateCallTemplate(ctx context.Context, name string, ou int64, description, pageURL string) (int64, error) {
	return a.create(ctx, CreateCallTemplate{Name: name, OU: ou, Description: description, PageURL: pageURL})
}

// create runs a command that creates something and returns the new thing's id, for the
// shorthands.
func (a *App) create(ctx context.Context, cmd Command) (int64, error) {
	out, err := a.Do(ctx, cmd)
	return out.ID, err
}
