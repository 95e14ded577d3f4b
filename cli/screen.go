package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"

	"github.com/knead/knead/massage"
	"github.com/knead/knead/plan"
	"github.com/knead/knead/store"
)

// askScreen asks the safety screen's questions on out and reads the
// answers from in, a line each: the age group, then a yes or no per
// question, a yes opening its follow-up (a numbered choice, and where, for
// a condition that takes a place). A wrong answer is asked again, three
// times at most; the end of the input ends the screen with what was said.
func askScreen(cat *massage.Catalog, in *bufio.Reader, out io.Writer) (plan.Screen, error) {
	var s plan.Screen
	fmt.Fprintln(out, "A few safety questions before the plan (Knead is not medical advice; when in doubt, ask a doctor).")
	read := func(prompt string, ok func(string) bool) (string, bool) {
		for range 3 {
			fmt.Fprint(out, prompt)
			line, err := in.ReadString('\n')
			line = strings.ToLower(strings.TrimSpace(line))
			if ok(line) {
				return line, true
			}
			if err != nil {
				return "", false
			}
			fmt.Fprintln(out, "  Please answer with one of the choices shown.")
		}
		return "", false
	}
	ages := []string{"adult", "older-adult", "child", "infant"}
	fmt.Fprintln(out, "Who is the massage for? 1 an adult, 2 an older adult, 3 a child, 4 a baby under one year")
	if a, ok := read("  [1-4, Enter for 1]: ", func(l string) bool { return l == "" || l >= "1" && l <= "4" && len(l) == 1 }); ok && a != "" {
		s.Age = ages[a[0]-'1']
	}
	for _, q := range cat.Questions {
		yes, ok := read(q.Ask+" [y/N]: ", func(l string) bool { return l == "" || l == "y" || l == "yes" || l == "n" || l == "no" })
		if !ok {
			return s, nil
		}
		if yes != "y" && yes != "yes" {
			continue
		}
		fmt.Fprintln(out, "  "+q.FollowUp)
		for i, c := range q.Choices {
			fmt.Fprintf(out, "    %d %s\n", i+1, c.Say)
		}
		n, ok := read(fmt.Sprintf("  [1-%d]: ", len(q.Choices)), func(l string) bool {
			k, err := strconv.Atoi(l)
			return err == nil && k >= 1 && k <= len(q.Choices)
		})
		if !ok {
			return s, nil
		}
		k, _ := strconv.Atoi(n)
		ch := q.Choices[k-1]
		a := plan.Answer{Question: q.ID, Choice: ch.ID}
		switch massage.ConditionWhere(ch.Condition) {
		case "joint":
			ids := make([]string, len(massage.Joints))
			for i, j := range massage.Joints {
				ids[i] = j.ID
			}
			a.Where, ok = read("  Which joint? ("+strings.Join(ids, ", ")+"): ", massage.IsJoint)
		case "area":
			a.Where, ok = read("  Where? (an area such as calves, feet, upper-back; 'knead areas' lists them): ", func(l string) bool { _, ok := massage.AreaByID(l); return ok })
		}
		if !ok {
			return s, nil
		}
		s.Answers = append(s.Answers, a)
	}
	return s, nil
}

// interactive reports whether the screen can be asked: the command's input
// is a terminal. Without one nothing is asked, so nothing waits.
func interactive(in io.Reader) bool {
	f, ok := in.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// askCleared asks, once, whether a health professional agreed, for an
// ask-first condition the answers did not clear; a yes is the only way on.
func askCleared(in *bufio.Reader, out io.Writer, why string) bool {
	fmt.Fprintln(out, sentence(why))
	fmt.Fprint(out, "Has a health professional said massage is fine? [y/N]: ")
	line, _ := in.ReadString('\n')
	line = strings.ToLower(strings.TrimSpace(line))
	return line == "y" || line == "yes"
}

// keptScreen reads the person's kept screen answers (nil when none are
// kept) and the words for whose they are ("your", "Ann's"). A person that
// is not kept is an error naming --for.
func keptScreen(ctx context.Context, st store.Store, person, name string) (*store.Answers, string, error) {
	p, err := st.Person(ctx, person)
	if err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return nil, "", inputErrorf("--for: nobody called %q is kept; 'knead people' lists them, 'knead people add %s' adds them", name, name)
		}
		return nil, "", err
	}
	whose := "your"
	if person != store.Me {
		whose = p.Name + "'s"
	}
	a, err := st.ScreenOf(ctx, person)
	if errors.Is(err, store.ErrNotFound) {
		return nil, whose, nil
	}
	return a, whose, err
}
