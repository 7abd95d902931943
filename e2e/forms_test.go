//go:build e2e

package e2e

import "strconv"

// chooseOption picks the option at index in a <select>, as a reader
// choosing it with the mouse or the arrow keys would (the first option of
// a filter is "All"), and fires change.
func (p *page) chooseOption(selector string, index int) {
	p.t.Helper()
	ok := p.evalBool(`(() => {
		const el = document.querySelector(` + jsString(selector) + `);
		if (!el || ` + strconv.Itoa(index) + ` >= el.options.length) return false;
		el.selectedIndex = ` + strconv.Itoa(index) + `;
		el.dispatchEvent(new Event("input", {bubbles: true}));
		el.dispatchEvent(new Event("change", {bubbles: true}));
		return true;
	})()`)
	if !ok {
		p.t.Fatalf("no option %d in %s", index, selector)
	}
}

// chooseOptionText picks the option of a <select> showing text.
func (p *page) chooseOptionText(selector, text string) {
	p.t.Helper()
	var i int
	p.eval(`[...document.querySelector(`+jsString(selector)+`).options].findIndex(o => o.text === `+jsString(text)+`)`, &i)
	if i < 0 {
		p.t.Fatalf("no option %q in %s", text, selector)
	}
	p.chooseOption(selector, i)
}

// selectedText is the text of the option a <select> shows.
func (p *page) selectedText(selector string) string {
	p.t.Helper()
	var s string
	p.eval(`(() => { const el = document.querySelector(`+jsString(selector)+`); return el.selectedIndex < 0 ? "" : el.options[el.selectedIndex].text; })()`, &s)
	return s
}
