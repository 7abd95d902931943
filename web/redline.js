// Redline's DOM glue: the few things that take many calls through
// syscall/js but are one loop here. No state and no logic of its own; the
// Go client calls these functions by name.
"use strict";

// redlineCodePoints counts Unicode code points (the DOM counts UTF-16 units).
function redlineCodePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

// redlineSelection returns the current selection inside the element with
// the given id as {start, end} in code points of the article text, or null.
// Every text node of the article sits alone in an element carrying
// data-s, the code-point offset where its text starts.
function redlineSelection(rootId) {
  const sel = window.getSelection();
  const root = document.getElementById(rootId);
  if (!root || !sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer) && !range.commonAncestorContainer.contains(root)) return null;
  let start = -1, end = -1;
  for (const seg of redlineSegmentsOf(root, range)) {
    const text = seg.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    if (!range.intersectsNode(text)) {
      if (start >= 0) break; // past the range
      continue;
    }
    const s = Number(seg.dataset.s);
    if (start < 0) {
      start = text === range.startContainer ? s + redlineCodePoints(text.data.slice(0, range.startOffset)) : s;
    }
    end = text === range.endContainer ? s + redlineCodePoints(text.data.slice(0, range.endOffset)) : s + redlineCodePoints(text.data);
  }
  if (start < 0 || end <= start) return null;
  // backward: the moving end (focus) is before the anchor, as after
  // Shift+Left; the word cursor keeps moving that end.
  const order = sel.anchorNode.compareDocumentPosition(sel.focusNode);
  const backward = !!(order & Node.DOCUMENT_POSITION_PRECEDING) || (order === 0 && sel.focusOffset < sel.anchorOffset);
  return { start: start, end: end, backward: backward };
}

// redlineSegmentAt is the text node holding code point at of the element
// with the given id, and the UTF-16 offset of that code point in it.
function redlineSegmentAt(root, at, isEnd) {
  let found = null;
  for (const seg of root.querySelectorAll("[data-s]")) {
    const s = Number(seg.dataset.s), text = seg.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) continue;
    if (s > at || (isEnd && s === at && found)) break;
    found = { node: text, s: s };
  }
  if (!found) return null;
  let units = 0, n = 0;
  for (const ch of found.node.data) {
    if (n === at - found.s) break;
    units += ch.length;
    n++;
  }
  return { node: found.node, offset: units };
}

// redlineSelect selects code points [start, end) of the element with the
// given id (backward: with the moving end at start) and, unless stay,
// scrolls the moving end into view. It is the word cursor's drawing.
function redlineSelect(rootId, start, end, backward, stay) {
  const root = document.getElementById(rootId);
  const sel = window.getSelection();
  if (!root || !sel) return;
  const a = redlineSegmentAt(root, start, false), b = redlineSegmentAt(root, end, true);
  if (!a || !b) return;
  if (backward) sel.setBaseAndExtent(b.node, b.offset, a.node, a.offset);
  else sel.setBaseAndExtent(a.node, a.offset, b.node, b.offset);
  if (stay) return;
  const rects = sel.getRangeAt(0).getClientRects();
  if (rects.length === 0) return;
  const r = rects[backward ? 0 : rects.length - 1];
  if (r.top < 80 || r.bottom > window.innerHeight - 40) {
    window.scrollBy({ top: r.top - window.innerHeight / 2, behavior: "instant" });
  }
}

// redlineFirstVisible is the code point where the first text of the
// element with the given id that is on screen starts (0 if none is).
function redlineFirstVisible(rootId) {
  const root = document.getElementById(rootId);
  if (!root) return 0;
  for (const seg of root.querySelectorAll("[data-s]")) {
    const r = seg.getBoundingClientRect();
    if (r.bottom > 0 && r.top < window.innerHeight) return Number(seg.dataset.s);
  }
  return 0;
}

// redlineSegmentsOf yields the segments ([data-s]) of root in text order,
// from the paragraph (a child of root) where range starts, or from the
// first when range starts outside one. The segments a range covers are
// consecutive, and starting there spares asking each of a long article's
// tens of thousands (half a second for a keypress at 1 MB).
function* redlineSegmentsOf(root, range) {
  let from = range.startContainer;
  while (from && from.parentNode !== root) from = from.parentNode;
  if (!from || from.nodeType !== Node.ELEMENT_NODE) from = root.firstElementChild;
  for (let p = from; p; p = p.nextElementSibling) yield* p.querySelectorAll("[data-s]");
}

// redlineSegmentsFrom yields the segments of root in text order from the
// paragraph holding code point start, found by bisection over root's
// paragraphs (each starts with a segment).
function* redlineSegmentsFrom(root, start) {
  const paras = root.children;
  const first = (p) => { const seg = p.querySelector("[data-s]"); return seg ? Number(seg.dataset.s) : Infinity; };
  let lo = 0, hi = paras.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (first(paras[mid]) <= start) lo = mid; else hi = mid - 1;
  }
  for (let p = paras[lo]; p; p = p.nextElementSibling) yield* p.querySelectorAll("[data-s]");
}

// redlinePlaceNearSelection moves the element with the given id next to
// the selection (below it, kept on screen); it hides it when there is none.
function redlinePlaceNearSelection(id) {
  const el = document.getElementById(id);
  const sel = window.getSelection();
  if (!el) return;
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
    el.hidden = true;
    return;
  }
  const r = sel.getRangeAt(0).getBoundingClientRect();
  el.hidden = false;
  const w = el.offsetWidth, h = el.offsetHeight;
  let top = r.bottom + 8, left = r.left + r.width / 2 - w / 2;
  if (top + h > window.innerHeight) top = r.top - h - 8;
  // Always on screen, even when the selection has scrolled out of it.
  top = Math.max(4, Math.min(top, window.innerHeight - h - 4));
  left = Math.max(4, Math.min(left, window.innerWidth - w - 4));
  el.style.setProperty("top", top + "px");
  el.style.setProperty("left", left + "px");
}

// redlineClearSelection empties the selection after it has been tagged.
function redlineClearSelection() {
  const sel = window.getSelection();
  if (sel) sel.removeAllRanges();
}

// redlineDownload saves text as a file through a temporary object URL.
function redlineDownload(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type: type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

// redlineReadFiles reads a FileList (or array of File) and calls done once
// with [{name, data: Uint8Array} | {name, error}]. Files over maxBytes are
// not read at all.
async function redlineReadFiles(files, maxBytes, done) {
  const out = [];
  for (const f of Array.from(files || [])) {
    if (f.size > maxBytes) {
      out.push({ name: f.name, error: "is " + (f.size / 1048576).toFixed(1) + " MB; the limit is " + (maxBytes / 1048576).toFixed(0) + " MB" });
      continue;
    }
    try {
      out.push({ name: f.name, data: new Uint8Array(await f.arrayBuffer()) });
    } catch (e) {
      out.push({ name: f.name, error: "could not be read (" + e + ")" });
    }
  }
  done(out);
}

// redlineNumberNotes puts each printed note's number after the last
// highlight of its annotation in the article (data-note, drawn by the
// print stylesheet), so a printed page points from the words to the note.
function redlineNumberNotes() {
  for (const m of document.querySelectorAll("#article mark[data-note]")) delete m.dataset.note;
  const notes = document.querySelectorAll("#print-notes li[data-for]");
  notes.forEach((li, i) => {
    const marks = document.querySelectorAll('#article mark[data-id="' + CSS.escape(li.dataset.for) + '"]');
    if (marks.length > 0) marks[marks.length - 1].dataset.note = String(i + 1);
  });
}

// redlinePrint numbers the notes and opens the browser's print dialog.
function redlinePrint() {
  redlineNumberNotes();
  window.print();
}
window.addEventListener("beforeprint", redlineNumberNotes);

// redlineFocusSoon focuses the first element matching a CSS selector as
// soon as the page has drawn it (within a second), for a focus that must
// land on something the next redraw brings.
function redlineFocusSoon(selector) {
  let frames = 0;
  const tick = () => {
    const el = document.querySelector(selector);
    if (el) el.focus();
    else if (++frames < 60) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

// redlineShowModal opens the dialog with the given id as a modal dialog
// once the page has drawn it, and gives the focus back to what had it
// when the dialog leaves the page.
function redlineShowModal(id) {
  const opener = document.activeElement;
  let frames = 0;
  const open = () => {
    const el = document.getElementById(id);
    if (!el || !el.isConnected) {
      if (++frames < 60) requestAnimationFrame(open);
      return;
    }
    if (!el.open) el.showModal();
    // The browser lets Tab leave a modal dialog for its own toolbar:
    // the last control goes on to the first, and back.
    el.addEventListener("keydown", (e) => {
      if (e.key !== "Tab") return;
      const items = [...el.querySelectorAll('button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])')]
        .filter((x) => !x.disabled && x.getClientRects().length > 0);
      if (items.length === 0) return;
      const first = items[0], last = items[items.length - 1];
      if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    });
    const gone = new MutationObserver(() => {
      if (el.isConnected) return;
      gone.disconnect();
      if (opener && opener.isConnected && opener !== document.body) opener.focus();
    });
    gone.observe(document.body, { childList: true, subtree: true });
  };
  requestAnimationFrame(open);
}

// The selection toolbar follows its selection when the page scrolls
// (tester 1's bug 10: it stayed where it was drawn, over other words).
window.addEventListener("scroll", () => {
  const bar = document.getElementById("tagbar");
  if (bar && !bar.hidden) redlinePlaceNearSelection("tagbar");
}, { passive: true });
// redlineMarkSaving draws a new tag in the frame of its keypress: it wraps
// the article text from start to end (code points) in copies of markHTML
// (an empty <mark …></mark> built and escaped in Go), one per segment
// covered, splitting segments so that every text keeps its data-s. The Go
// side draws the paragraph again once the tag is stored.
function redlineMarkSaving(rootId, start, end, markHTML) {
  const root = document.getElementById(rootId);
  if (!root) return;
  const tpl = document.createElement("template");
  tpl.innerHTML = markHTML;
  const proto = tpl.content.firstChild;
  // A static list: the loop replaces the segments it splits.
  for (const seg of [...redlineSegmentsUntil(root, start, end)]) {
    const s = Number(seg.dataset.s);
    const cps = Array.from(seg.textContent), e = s + cps.length;
    if (e <= start) continue;
    const from = Math.max(start, s) - s, to = Math.min(end, e) - s;
    const piece = (a, b) => {
      const el = document.createElement("span");
      el.dataset.s = String(s + a);
      el.textContent = cps.slice(a, b).join("");
      return el;
    };
    const mark = proto.cloneNode(false);
    mark.append(piece(from, to));
    const parts = [mark];
    if (from > 0) parts.unshift(piece(0, from));
    if (to < cps.length) parts.push(piece(to, cps.length));
    seg.replaceWith(...parts);
  }
}

// redlineSegmentsUntil yields the segments from the paragraph holding
// start to the last that starts before end.
function* redlineSegmentsUntil(root, start, end) {
  for (const seg of redlineSegmentsFrom(root, start)) {
    if (Number(seg.dataset.s) >= end) return;
    yield seg;
  }
}

// redlineUnmarkSaving takes back the marks redlineMarkSaving drew for an
// annotation whose write failed.
function redlineUnmarkSaving(rootId, id) {
  const root = document.getElementById(rootId);
  if (!root) return;
  for (const m of root.querySelectorAll("mark[data-saving]")) {
    if (m.dataset.id === id) m.replaceWith(...m.childNodes);
  }
}

// redlineFetch makes one request for the Go side (app/fetch_js.go, which
// does not link net/http's client) and calls done(status, statusText,
// body, error) once; error is "" unless no answer came.
function redlineFetch(method, url, headers, body, done) {
  const init = { method, headers, credentials: "same-origin" };
  if (body !== "") init.body = body;
  fetch(url, init)
    .then((r) => r.text().then((text) => done(r.status, r.statusText, text, "")))
    .catch((e) => done(0, "", "", String(e && e.message ? e.message : e) || "no answer"));
}

// redlineFocusAfterKey focuses the first element matching a CSS selector
// once the key being pressed is released: focused on the keydown, a
// <select> gets that key's keyup and Chromium pops its list open.
function redlineFocusAfterKey(selector) {
  const focus = () => {
    clearTimeout(timer);
    window.removeEventListener("keyup", focus, true);
    document.querySelector(selector)?.focus();
  };
  // A keyup the page never sees (the window lost the focus) must not
  // leave the focus where it was.
  const timer = setTimeout(focus, 1000);
  window.addEventListener("keyup", focus, true);
}

// redlineScrollAboveSheet scrolls the first element matching a CSS
// selector to the middle of the part of the window the phone's editor
// sheet (#editor, fixed at the bottom) leaves free, unless it is in that
// part already: centred in the whole window, the words just tagged were
// under the sheet. Absolute, so a second call while the first scrolls
// aims at the same place. At the next frame: the sheet the page is
// drawing may not be in the document yet.
function redlineScrollAboveSheet(selector) {
  requestAnimationFrame(() => {
    const el = document.querySelector(selector);
    if (!el) return;
    const sheet = document.querySelector("#editor");
    const free = sheet ? sheet.getBoundingClientRect().top : innerHeight;
    const r = el.getBoundingClientRect();
    if (r.top >= 8 && r.bottom <= free - 8) return;
    window.scrollTo({top: scrollY + r.top - Math.max(8, (free - r.height) / 2), behavior: "smooth"});
  });
}

// redlinePlaceStatus puts the floating status message (#status) where it
// covers no control: the first of a few places along the window's bottom
// and top edges whose box meets no visible button, link, field or summary
// (the bottom centre covered the library's "Export all", the top of a
// phone its toolbar), or the one covering the fewest. It moves again when
// the page scrolls under it while the message shows.
// At the next frame, once what the same change draws (an editor sheet)
// is in the page.
const redlineStatusPlaces = ["bottom-center", "bottom-left", "bottom-right", "top-center", "top-left", "top-right"];
let redlineStatusFrame = 0;
function redlinePlaceStatus() {
  if (!redlineStatusFrame) redlineStatusFrame = requestAnimationFrame(() => { redlineStatusFrame = 0; redlinePlaceStatusNow(); });
}
function redlinePlaceStatusNow() {
  const status = document.getElementById("status");
  if (!status || !status.textContent) return;
  const controls = [...document.querySelectorAll("button, a[href], input, select, textarea, summary")]
    .filter(c => !status.contains(c))
    .map(c => c.getBoundingClientRect())
    .filter(r => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight);
  const covered = () => {
    const s = status.getBoundingClientRect();
    return controls.filter(r => r.left < s.right && r.right > s.left && r.top < s.bottom && r.bottom > s.top).length;
  };
  let best = null, least = Infinity;
  for (const place of redlineStatusPlaces) {
    status.dataset.place = place;
    const n = covered();
    if (n < least) { best = place; least = n; }
    if (n === 0) return;
  }
  status.dataset.place = best;
}
window.addEventListener("scroll", redlinePlaceStatus, {passive: true});
window.addEventListener("resize", redlinePlaceStatus);
// Controls drawn after the message (the library's export buttons come
// with its first story) move it too.
new MutationObserver(() => {
  if (document.getElementById("status")?.textContent) redlinePlaceStatus();
}).observe(document.documentElement, {childList: true, subtree: true});

// redlineOnFirstIntent calls fn once, at the first pointer press, key
// press or drag on the page: the first sign that the reader is about to
// ask for something.
function redlineOnFirstIntent(fn) {
  const types = ["pointerdown", "keydown", "dragenter"];
  const once = () => {
    for (const t of types) window.removeEventListener(t, once, true);
    fn();
  };
  for (const t of types) window.addEventListener(t, once, true);
}

// The browser's own action for the events the Go client handles itself is
// stopped here, while the browser dispatches the event: go-app runs Go
// handlers afterwards, when preventDefault comes too late (the form
// submitted, reloading the page; the dropped file opened in place of the
// app; the selection the tag bar acts on cleared). Here rather than in Go
// so that the first screen does not wait for four listeners through
// syscall/js, and a drag does not cross into Go at every dragover.
window.addEventListener("submit", (e) => e.preventDefault(), true); // every form is handled in Go
const redlineCarriesFiles = (e) => !!e.dataTransfer && e.dataTransfer.types.includes("Files");
window.addEventListener("dragover", (e) => { if (redlineCarriesFiles(e)) e.preventDefault(); }, true); // accept dropped files...
window.addEventListener("drop", (e) => { if (redlineCarriesFiles(e)) e.preventDefault(); }, true); // ...and never navigate to them
window.addEventListener("mousedown", (e) => { // keep the selection these buttons act on
  if (e.target instanceof Element && e.target.closest("#tagbar, button.reattach")) e.preventDefault();
}, true);

// Last: the loader (app/loader.go) starts the Go client once this has run.
window.redlineLoaded = true;
