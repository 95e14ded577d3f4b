package cli

import (
	"runtime/debug"
	"testing"
)

func TestVersionLine(t *testing.T) {
	vcs := &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
		{Key: "vcs.revision", Value: "0123456789abcdef0123"},
		{Key: "vcs.time", Value: "2026-12-04T10:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	tests := []struct {
		name                  string
		info                  *debug.BuildInfo
		version, commit, date string
		want                  string
	}{
		{"nothing known", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "(devel)"}}, "", "", "", "knead (devel) (go1.26.8)"},
		{"stamped", &debug.BuildInfo{GoVersion: "go1.26.8"}, "v1.2.3", "abc1234", "2026-12-04", "knead v1.2.3 (commit abc1234, built 2026-12-04, go1.26.8)"},
		{"from the VCS", vcs, "", "", "", "knead (devel) (commit 0123456789ab, modified, built 2026-12-04, go1.26.8)"},
		{"stamped wins over the VCS", vcs, "v2.0.0", "feedbeef", "", "knead v2.0.0 (commit feedbeef, modified, built 2026-12-04, go1.26.8)"},
		{"a module version", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Version: "v0.3.0"}}, "", "", "", "knead v0.3.0 (go1.26.8)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := versionLine(tt.info, tt.version, tt.commit, tt.date); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
