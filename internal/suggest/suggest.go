// Package suggest finds what a user probably meant: the closest of a set
// of valid names, for "did you mean …?" in error messages.
package suggest

import "strings"

// Distance is the Levenshtein distance between a and b, in runes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// Closest returns the candidate nearest to name, ignoring case, if it is
// fewer than within edits away; "" otherwise.
func Closest(name string, candidates []string, within int) string {
	best, bestD := "", within
	l := strings.ToLower(name)
	for _, c := range candidates {
		if d := Distance(l, strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}
