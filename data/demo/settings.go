package demo

import (
	"nimbusadmin/data"
)

// writeUsers writes the Nimbus users in id order, each followed by their roles and the
// settings their licences allow: skills, profiles, N/A reasons, Interact and Assistant.
// Every item comes from the user's OU or one above it.
func (g *generator) writeUsers() {
	w, r := g.w, g.r
	parent := g.nimbusUsers
	skills := w.batch(parent, "user_skills", "user_id", "skill_id", "level_id")
	profiles := w.batch(parent, "user_profiles", "user_id", "profile_id", "active")
	reasons := w.batch(parent, "user_na_reasons", "user_id", "reason_id", "position")
	interact := w.batch(parent, "interact_users", "user_id", "contact_id", "active", "audio_video",
		"instant_messaging", "direct_system_message_id", "restrict_access", "domain_template_id")
	calls := w.batch(parent, "user_call_templates", "user_id", "template_id", "position")
	days := addedAtDays()
	var scratch []int
	for k, i := range g.byID {
		g.progress.within(shareUsers, k, len(g.byID))
		if int(i) >= g.n {
			continue
		}
		id := g.people[i].ID
		ou := int(g.ou[i])
		lic := data.LicenceSet(g.lic[i])
		cc := lic.Has(data.ContactCenter)

		var naReasons []int
		if cc && r.IntN(100) < 60 {
			naReasons = g.choose(g.reasonsFor[ou], 1+r.IntN(5), &scratch)
		}
		origin, day := data.OriginManual, r.IntN(len(days))
		if g.teamsOrigin[i] {
			origin, day = data.OriginTeams, r.IntN(60)
		}
		naEnabled := len(naReasons) > 0 && r.IntN(100) < 85
		g.nimbusUsers.add(id, g.ous[ou].id, string(origin), int(lic), boolInt(naEnabled), days[day])
		for pos, k := range naReasons {
			reasons.add(id, g.reasons[k].id, pos)
		}

		g.writeRoles(i, id, ou, cc, &scratch)

		if cc && r.IntN(100) < 70 {
			for _, k := range g.choose(g.skillsFor[ou], 1+r.IntN(6), &scratch) {
				var level any
				if levels := g.skills[k].levels; len(levels) > 0 {
					level = levels[r.IntN(len(levels))]
				}
				skills.add(id, g.skills[k].id, level)
			}
		}
		if cc { // every Contact Center user has On Duty and Off Duty, one profile active
			assigned := []int64{g.onDuty, g.offDuty}
			if eligible := g.profilesFor[ou]; len(eligible) > 0 && r.IntN(100) < 40 {
				assigned = append(assigned, g.profiles[eligible[r.IntN(len(eligible))]].id)
			}
			active := 0
			switch x := r.IntN(100); {
			case x < 25:
				active = 1
			case x < 40:
				active = len(assigned) - 1
			}
			for k, profile := range assigned {
				profiles.add(id, profile, boolInt(k == active))
			}
		}

		if lic.Has(data.Interact) {
			var message, template int64
			audio, chat := true, true
			switch x := r.IntN(10); {
			case x < 2:
				chat = false
			case x < 4:
				audio = false
			case x < 5:
				audio, chat = false, false
			}
			// a direct system message customises chats: only with Instant Messaging on
			if eligible := g.systemMessagesFor[ou]; chat && len(eligible) > 0 && r.IntN(100) < 60 {
				message = g.systemMessages[eligible[r.IntN(len(eligible))]].id
			}
			if eligible := g.domainTemplatesFor[ou]; len(eligible) > 0 && r.IntN(100) < 45 {
				template = g.domainTemplates[eligible[r.IntN(len(eligible))]].id
			}
			restrict := template != 0 && r.IntN(100) < 65
			interact.add(id, uuid(r), boolInt(r.IntN(100) < 75), boolInt(audio), boolInt(chat),
				nullID(message), boolInt(restrict), nullID(template))
		}

		if lic.Has(data.Assistant) && r.IntN(100) < 65 {
			for pos, k := range g.choose(g.callTemplatesFor[ou], 1+r.IntN(3), &scratch) {
				calls.add(id, g.callTemplates[k].id, pos)
			}
		}
	}
}

// choose draws up to k distinct items of from in random order. The result lives in
// *scratch and is valid until the next call.
func (g *generator) choose(from []int, k int, scratch *[]int) []int {
	k = min(k, len(from))
	s := append((*scratch)[:0], from...)
	for i := range k {
		j := i + g.r.IntN(len(s)-i)
		s[i], s[j] = s[j], s[i]
	}
	*scratch = s
	return s[:k]
}
