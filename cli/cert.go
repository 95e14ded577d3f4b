package cli

import (
	"context"
	"encoding/pem"
	"flag"
	"fmt"
	"time"

	"github.com/knead/knead/localca"
)

func init() {
	register(&Command{
		Name:    "cert",
		Group:   groupApp,
		Summary: "show the local certificate authority and how a phone trusts it",
		Usage:   "",
		Help: "knead serve --tls without --cert and --key serves HTTPS with certificates from a certificate " +
			"authority Knead makes once, for this machine alone, in its data folder. A phone that trusts it " +
			"opens Knead without warnings, and only then does the browser let the player keep the screen on " +
			"by wake lock, play offline and install as an app.\n\n" +
			"knead cert prints where the authority is, its fingerprint and the steps for iPhone and Android " +
			"(making the authority if there is none yet). The phone can also fetch it from the /cert page of " +
			"knead serve --tls. --pem prints the certificate itself, to send to the phone another way.\n\n" +
			"The authority can vouch only for local names (localhost, .local, .lan, .home, .home.arpa, " +
			".internal, .test and this machine's name) and private addresses; for a real domain, give " +
			"knead serve your own --cert and --key.",
		Examples: []string{
			"knead cert",
			"knead cert --pem > knead-ca.crt",
		},
		New: func() Options { return &certOptions{} },
	})
}

type certOptions struct {
	PEM bool
}

func (o *certOptions) Flags(fs *flag.FlagSet) {
	fs.BoolVar(&o.PEM, "pem", false, "print the authority's certificate (PEM) and nothing else")
}

func (o *certOptions) SetArgs(args []string) error { return noArgs("cert", args) }

func (o *certOptions) Run(ctx context.Context, env *Env) error {
	dir, err := dataDir()
	if err != nil {
		return err
	}
	ca, created, err := localca.Open(dir, time.Now())
	if err != nil {
		return inputErrorf("the local certificate authority in %s: %v", dir, err)
	}
	if o.PEM {
		return pem.Encode(env.Out, &pem.Block{Type: "CERTIFICATE", Bytes: ca.DER()})
	}
	if created {
		fmt.Fprintln(env.Out, "Made Knead's local certificate authority.")
	}
	fmt.Fprintf(env.Out, `Knead's local certificate authority: %s
Its SHA-256 fingerprint:
  %s
Its key (%s) stays on this computer; keep that folder private.

To trust it on a phone, start knead serve --tls --addr 0.0.0.0:7878 and open
the /cert page it prints on the phone (accept the warning once), then:

iPhone or iPad
  1. In Safari, tap "Download Knead's authority", then Allow.
  2. Settings > General > VPN & Device Management > the Knead profile > Install.
  3. Settings > General > About > Certificate Trust Settings > turn it on.

Android
  1. In Chrome, tap "Download Knead's authority" to save knead-ca.crt.
  2. Settings > Security > More security settings > Encryption & credentials >
     Install a certificate > CA certificate > Install anyway > knead-ca.crt.
     (Search Settings for "certificate" if the names differ.)
  3. Close Chrome and open Knead's address again.

Compare the fingerprint the phone shows with the one above. Once it is
trusted, the player keeps the screen on, plays offline and installs.
`, ca.CertPath(), localca.Fingerprint(ca.DER()), localca.KeyFile)
	return nil
}
