package annotation

import "fmt"

// MaxProblems bounds how many problems Validate and Decode list. A broken
// or hostile file can hold millions (16 MiB of "[{},{},…]" has twenty
// million): formatting them all takes gigabytes and minutes, and nobody
// reads past the first hundred. The rest are counted, not formatted, and
// the list ends with a problem saying how many were left out.
const MaxProblems = 100

// problemList keeps the first MaxProblems problems and counts the others.
type problemList struct {
	listed  []Problem
	omitted int
}

// add records a problem; its message is formatted only if it is listed.
func (l *problemList) add(at *path, format string, args ...any) {
	if len(l.listed) >= MaxProblems {
		l.omitted++
		return
	}
	l.listed = append(l.listed, Problem{at.String(), fmt.Sprintf(format, args...)})
}

// addProblem records a problem that is already formatted.
func (l *problemList) addProblem(p Problem) {
	if len(l.listed) >= MaxProblems {
		l.omitted++
		return
	}
	l.listed = append(l.listed, p)
}

// addAll appends another list, keeping the bound.
func (l *problemList) addAll(other problemList) {
	for _, p := range other.listed {
		l.addProblem(p)
	}
	l.omitted += other.omitted
}

// count is how many problems were found, listed or not.
func (l *problemList) count() int { return len(l.listed) + l.omitted }

// result is the listed problems, ending with one at "$" that says how many
// more were found when some were left out; nil when there are none.
func (l *problemList) result() []Problem {
	if l.omitted == 0 {
		return l.listed
	}
	return append(l.listed[:len(l.listed):len(l.listed)], Problem{"$", fmt.Sprintf(
		"%d more problems not listed (only the first %d are)", l.omitted, MaxProblems)})
}
