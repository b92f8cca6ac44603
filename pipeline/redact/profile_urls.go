package redact

import (
	"regexp"
	"strings"
)

// Profile links (attack 12, F8). A link to a profile on a social or gaming platform holds
// the account in its path: x.com/dylanv, t.me/dylanv, twitch.tv/dylanv,
// bsky.app/profile/dylanv.bsky.social, linkedin.com/in/daandevries, reddit.com/u/dylanv,
// steamcommunity.com/id/dylanv, vinted.nl/member/12345-dylanv. The cue words of
// cuedHandles know a few platforms by the name people write; a link is known by its
// host, so the whole path after a platform's host becomes "[account]" (the host stays:
// that the link went to x.com tells nothing about the person). A host is a platform's
// when its name before the top-level domain is one of platformHosts' labels (any
// country domain: pinterest.nl, vinted.fr) or it is one of platformDomains.
var (
	urlRe = regexp.MustCompile(`(?i)\b(?:https?://)?(?:www\.|m\.|mobile\.|[a-z]{2}\.)?([a-z0-9-]+)\.([a-z]{2,6})/([^\s<>"'()\[\]{}]+)`)

	platformHosts = map[string]bool{
		"instagram": true, "tiktok": true, "twitter": true, "facebook": true, "snapchat": true,
		"youtube": true, "threads": true, "twitch": true, "bsky": true, "github": true,
		"gitlab": true, "reddit": true, "linkedin": true, "steamcommunity": true,
		"pinterest": true, "vinted": true, "roblox": true, "tumblr": true, "telegram": true,
		"discord": true, "soundcloud": true, "spotify": true, "kick": true, "vk": true,
		"mastodon": true, "onlyfans": true, "patreon": true, "medium": true, "flickr": true,
		"deviantart": true, "marktplaats": true, "strava": true, "xbox": true,
		"playstation": true, "epicgames": true, "fortnitetracker": true, "hyves": true,
	}
	platformDomains = map[string]bool{
		"x.com": true, "t.me": true, "fb.com": true, "fb.me": true, "youtu.be": true,
		"signal.me": true, "bere.al": true, "ig.me": true, "m.me": true, "vm.tiktok.com": true,
		"discord.gg": true, "telegram.me": true, "linktr.ee": true,
	}
)

// findProfileURLs returns the paths of links to a platform's profiles as handles, and
// in a link to any other host each path segment that holds a listed name of several
// words run together ("portfolio.nl/daandevries").
func findProfileURLs(text string, listed *names) []Span {
	if strings.IndexByte(text, '/') < 0 {
		return nil
	}
	var out []Span
	var joined []string
	if listed != nil {
		joined = listed.joinedNames()
	}
	for _, m := range urlRe.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > 0 && (text[m[0]-1] == '@' || text[m[0]-1] == '.' || handleRune(rune(text[m[0]-1])) && text[m[0]-1] < 0x80) {
			continue // part of an address or of a longer host
		}
		label := strings.ToLower(text[m[2]:m[3]])
		domain := label + "." + strings.ToLower(text[m[4]:m[5]])
		start, end := m[6], m[7]
		for end > start && strings.IndexByte(".,;:!?/", text[end-1]) >= 0 {
			end--
		}
		if !platformHosts[label] && !platformDomains[domain] {
			for p := start; p < end; {
				q := strings.IndexByte(text[p:end], '/')
				if q < 0 {
					q = end - p
				}
				if seg := text[p : p+q]; len(joined) > 0 && joinedName(seg, joined, true) {
					out = append(out, Span{p, p + q, Handle})
				}
				p += q + 1
			}
			continue
		}
		if end > start {
			out = append(out, Span{start, end, Handle})
		}
	}
	return out
}
