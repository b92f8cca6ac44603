package progress

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the drawing goroutine and the test.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestNotATerminalIsSilent(t *testing.T) {
	var buf bytes.Buffer
	if r := New(&buf); r != Discard {
		t.Fatalf("New(bytes.Buffer) = %T, want Discard", r)
	}
	f, err := os.CreateTemp(t.TempDir(), "log")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if r := New(f); r != Discard {
		t.Fatalf("New(regular file) = %T, want Discard", r)
	}
}

func TestSlowStageShowsBar(t *testing.T) {
	var out syncBuffer
	b := newBars(&out, 20*time.Millisecond, true)
	b.Stage("survey lezen", 100)
	b.Add(40)
	time.Sleep(80 * time.Millisecond)
	b.Add(60)
	b.Stage("rapport", 0)
	b.Add(3)
	time.Sleep(80 * time.Millisecond)
	b.Done()
	got := out.String()
	for _, want := range []string{"survey lezen", "100 / 100", "rapport"} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
}

func TestFastStagesWriteNothing(t *testing.T) {
	var out syncBuffer
	b := newBars(&out, time.Hour, true)
	b.Stage("codeboek", 1)
	b.Add(1)
	b.Stage("lezen", 0)
	b.Add(5)
	b.Done()
	b.Stage("after done", 1) // ignored
	b.Add(1)
	if got := out.String(); got != "" {
		t.Errorf("fast stages wrote %q", got)
	}
}

func TestDiscardAcceptsEverything(t *testing.T) {
	Discard.Stage("x", -5)
	Discard.Add(-1)
	Discard.Done()
}
