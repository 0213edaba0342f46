package app

import (
	"encoding/json"
	"fmt"
	"reflect"

	"nimbusadmin/app/safetext"
)

// commandTypes is every command an admin can make, one zero value of each: the list that
// decoding, the tests and the documentation go by. A new command is added here.
var commandTypes = []Command{
	// users
	AddUser{},
	AddUserFromDirectory{},
	DeleteUser{},
	MoveUser{},
	ChangeLicences{},
	AssignRole{},
	ChangeRoleScope{},
	RemoveRole{},
	SetUserSkill{},
	RemoveUserSkill{},
	AssignProfile{},
	UnassignProfile{},
	SetActiveProfile{},
	SetNAReasons{},
	SetCallTemplates{},
	SetInteract{},

	// services
	CreateService{},
	RenameService{},
	DeleteService{},
	SetServiceLicence{},
	SetTeamsServiceSettings{},
	AddServiceMember{},
	RemoveServiceMember{},
	SetServiceMemberActive{},
	SetServiceOwnerRole{},

	// organization units
	CreateOU{},
	RenameOU{},
	MoveOU{},
	DeleteOU{},

	// configuration and tenant settings
	CreateSkillCategory{},
	SetSkillCategoryLevels{},
	CreateSkill{},
	CreateProfile{},
	CreateNAReason{},
	CreateDomainTemplate{},
	CreateSystemMessage{},
	CreateCallTemplate{},
	CreateCustomRole{},
	UpdateCustomRole{},
	RenameConfigItem{},
	DeleteConfigItem{},
	ChangeTenantSettings{},
	SetLicenceContingent{},
}

// commandKinds maps each kind to its type, for decoding.
var commandKinds = func() map[string]reflect.Type {
	m := make(map[string]reflect.Type, len(commandTypes))
	for _, c := range commandTypes {
		if _, dup := m[c.Kind()]; dup {
			panic("two commands of kind " + c.Kind())
		}
		m[c.Kind()] = reflect.TypeOf(c)
	}
	return m
}()

// CommandKinds lists the kind of every command, in the order of commandTypes.
func CommandKinds() []string {
	out := make([]string, len(commandTypes))
	for i, c := range commandTypes {
		out[i] = c.Kind()
	}
	return out
}

// commandEnvelope is a command's JSON form: its kind and its fields.
type commandEnvelope struct {
	Kind    string          `json:"kind"`
	Command json.RawMessage `json:"command"`
}

// EncodeCommand writes a command as JSON: {"kind": …, "command": {…}}.
func EncodeCommand(c Command) ([]byte, error) {
	body, err := json.Marshal(c)
	if err != nil {
		return nil, err
	}
	return json.Marshal(commandEnvelope{Kind: c.Kind(), Command: body})
}

// DecodeCommand reads a command written by EncodeCommand; an unknown kind or malformed
// fields are an error that names them.
func DecodeCommand(b []byte) (Command, error) {
	var env commandEnvelope
	if err := json.Unmarshal(b, &env); err != nil {
		return nil, fmt.Errorf("not a command: %v", err)
	}
	t, ok := commandKinds[env.Kind]
	if !ok {
		return nil, fmt.Errorf("unknown command kind %s", safetext.Quote(env.Kind))
	}
	v := reflect.New(t)
	if err := json.Unmarshal(env.Command, v.Interface()); err != nil {
		return nil, fmt.Errorf("command %s: %v", env.Kind, err)
	}
	return v.Elem().Interface().(Command), nil
}
