package main

import (
	"bytes"
	"os"
	"strings"
	"testing"
)

// Tests that read the English messages set LANG to English; a study's language decides
// for run and check unless -lang is given.
func TestMain(m *testing.M) {
	os.Setenv("LANG", "en_US.UTF-8")
	os.Unsetenv("LC_ALL")
	os.Unsetenv("LC_MESSAGES")
	os.Exit(m.Run())
}

// The command line speaks the study's language, -lang wins over it, and LANG decides
// where there is no study.
func TestLanguageOfTheCommandLine(t *testing.T) {
	var so, se bytes.Buffer
	run([]string{"run", "--help"}, &so, &se)
	if !strings.Contains(se.String(), "Usage:") {
		t.Errorf("LANG=en: help %q", se.String())
	}
	t.Setenv("LANG", "nl_NL.UTF-8")
	se.Reset()
	run([]string{"run", "--help"}, &so, &se)
	if !strings.Contains(se.String(), "Gebruik:") || !strings.Contains(se.String(), "Voorbeeld:") {
		t.Errorf("LANG=nl: help %q", se.String())
	}
	se.Reset()
	run([]string{"run", "--help", "-lang", "en"}, &so, &se)
	if !strings.Contains(se.String(), "Usage:") {
		t.Errorf("-lang en: help %q", se.String())
	}
	if code := run([]string{"version", "-lang", "de"}, &so, &se); code != exitUsage {
		t.Errorf("-lang de: exit %d", code)
	}
	t.Setenv("LANG", "en_US.UTF-8")
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"check", "../../testdata/cases/check/nothing_to_fix"}, "niets te herstellen"}, // a Dutch study
		{[]string{"check", "../../testdata/cases/check/nothing_to_fix", "-lang", "en"}, "nothing to fix"},
		{[]string{"check", "--lang=nl", "../../testdata/cases/check/nothing_to_fix"}, "niets te herstellen"},
	} {
		so.Reset()
		run(tc.args, &so, &se)
		if !strings.Contains(so.String(), tc.want) {
			t.Errorf("%v: %q lacks %q", tc.args, so.String(), tc.want)
		}
	}
}
