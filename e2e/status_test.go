//go:build e2e

package e2e

import (
	"testing"
	"time"
)

// TestStatusFadesErrorsStayUntilDismissed is issue 16's bug 10: a message
// that something was done is announced (role=status) and fades; an error
// is announced as an alert and stays until dismissed.
func TestStatusFadesErrorsStayUntilDismissed(t *testing.T) {
	_, p := openApp(t)
	p.openSample()
	p.tag("super smart", "q")
	p.waitJS("the tagging message", `document.querySelector("#status[role=status]")?.textContent.startsWith("Tagged a quote")`)
	p.waitJS("the message to fade", `document.querySelector("#status")?.textContent === ""`)
	if n := p.count("#status[role=status]"); n != 1 {
		t.Errorf("the faded status bar is gone from the page (%d live regions): the next message would not be announced", n)
	}

	p.click("a.home")
	p.waitMounted()
	p.click("li.story .rename-story")
	p.waitCount("li.story .rename-input", 1)
	p.setField("li.story .rename-input", "   ")
	p.click(`li.story form.rename button[type="submit"]`)
	p.waitJS("the error", `document.querySelector("#status[role=alert]")?.textContent.includes("a story needs a title")`)
	time.Sleep(5 * time.Second) // longer than a message that something was done stays
	if !p.evalBool(`document.querySelector("#status[role=alert]")?.textContent.includes("a story needs a title")`) {
		t.Error("the error went away by itself")
	}
	p.click("#status-dismiss")
	p.waitCount("#status[role=alert]", 0)
}
