//go:build !(linux || darwin)

package cli

// stdoutWidth is unknown on this system; text is wrapped at COLUMNS or 80.
func stdoutWidth() int { return 0 }
