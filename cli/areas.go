package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/knead/knead/massage"
)

func init() {
	register(&Command{
		Name:    "areas",
		Group:   groupLook,
		Summary: "show the body areas with their landmarks, and the joints",
		Help: "Prints the tree of body areas and, under each, the landmarks that steps name " +
			"(where a move starts, passes and ends), then the joints that the condition " +
			"inflamed-joint:JOINT can name. Files and flags use the ids on the left.",
		Examples: []string{
			"knead areas",
			"knead areas --json",
		},
		New: func() Options { return &areasOptions{} },
	})
}

// areasOptions are the options of `knead areas`.
type areasOptions struct {
	JSON bool
}

func (o *areasOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&o.JSON, "json", false, "print a JSON object: areas (with landmarks) and joints")
}

func (o *areasOptions) SetArgs(args []string) error { return noArgs("areas", args) }

func (o *areasOptions) Run(ctx context.Context, env *Env) error {
	body := massage.Body()
	if o.JSON {
		return writeJSON(env.Out, body)
	}
	w := env.Out
	idWidth := 0
	for _, a := range body.Areas {
		for _, l := range a.Landmarks {
			idWidth = max(idWidth, len(l.ID))
		}
	}
	fmt.Fprintln(w, "Areas, and the landmarks in each")
	for _, a := range body.Areas {
		depth := 0
		for p := a.Parent; p != ""; {
			depth++
			pa, _ := massage.AreaByID(p)
			p = pa.Parent
		}
		indent := strings.Repeat("  ", depth)
		if depth == 0 {
			fmt.Fprintln(w)
		}
		head := indent + a.ID
		if a.Name != a.ID {
			head += " (" + a.Name + ")"
		}
		fmt.Fprintln(w, head)
		for _, l := range a.Landmarks {
			name := l.Name
			switch {
			case l.Avoid:
				name += " — never pressed on"
			case l.Site:
				name += " — endangerment site: light, flat gliding only"
			case l.Joint != "":
				name += " — joint: " + l.Joint
			}
			fmt.Fprintf(w, "      %s  %s\n", pad(l.ID, idWidth), name)
		}
	}
	fmt.Fprintln(w, "\nJoints, for the condition inflamed-joint:JOINT")
	jw := 0
	for _, j := range body.Joints {
		jw = max(jw, len(j.ID))
	}
	for _, j := range body.Joints {
		fmt.Fprintf(w, "  %s  %s — area: %s\n", pad(j.ID, jw), j.Name, j.Area)
	}
	return nil
}
