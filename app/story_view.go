package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/redline-news/redline/internal/annotation"
	"github.com/redline-news/redline/internal/library"
)

func (p *storyPage) Render() app.UI {
	if p.m == nil || p.m.sess == nil {
		var st status // the server's pre-render, before the page mounts
		if p.m != nil {
			st = p.m.status
		}
		return app.Div().ID("page").Body(
			topBar(nil),
			app.Main().ID("story").Body(st.render(), app.P().Body(app.A().Href("/").Text("Back to your stories"))),
		)
	}
	s := p.m.sess
	rev := s.Revision()
	return app.Div().ID("page").
		Body(
			topBar(app.Nav().Class("tools").Aria("label", "Story tools").Body(
				app.Button().ID("undo").Text("Undo").Title("Ctrl+Z").Disabled(s.CanUndo() == "").OnClick(func(ctx app.Context, e app.Event) { p.undo(ctx) }),
				app.Button().ID("suggest").Text("Suggest").Title("Find quotes and claims").OnClick(func(ctx app.Context, e app.Event) { p.startSuggesting(ctx) }),
				app.Button().ID("export-json").Text("Export").Title("W3C Web Annotation JSON-LD").OnClick(p.export(false)),
				app.Button().ID("export-csv").Text("Export CSV").OnClick(p.export(true)),
				p.renderExportFormats(),
				app.Button().ID("print").Text("Print…").Title("Print the story with its annotations, or save it as PDF").OnClick(func(ctx app.Context, e app.Event) { p.print() }),
				app.Button().ID("import").Text("Import…").OnClick(func(ctx app.Context, e app.Event) { p.importing, p.importErrs = true, nil }),
				app.Button().ID("help").Text("?").Aria("label", "Keyboard shortcuts").OnClick(func(ctx app.Context, e app.Event) { p.showHelp = !p.showHelp }),
			)),
			app.Main().ID("story").Class("story").Body(
				app.Header().Class("story-head").Body(
					app.H2().ID("story-title").Text(s.Story.Title),
					app.P().Class("meta").Body(
						app.If(rev.Byline != "", func() app.UI {
							return app.Span().ID("story-byline").Class("byline").Text(bylineText(rev.Byline) + " · ")
						}),
						app.Span().ID("story-date").Text(rev.DateLabel()),
						app.Text(" · "+plural(p.m.wordCount(rev), "word")),
					),
				),
				p.m.status.render(),
				app.If(s.Current < len(s.Revisions)-1, func() app.UI {
					latest := len(s.Revisions) - 1
					return app.P().ID("old-revision").Class("notice").Role("note").Body(
						app.Text(fmt.Sprintf("You are reading an earlier revision (#%d, %s). What you tag here stays on it; the latest is #%d, %s. ", s.Current+1, rev.DateLabel(), latest+1, s.Revisions[latest].DateLabel())),
						app.Button().Text("Show the latest").OnClick(func(ctx app.Context, e app.Event) { p.show(ctx, latest) }, itemScope(latest)),
					)
				}),
				&revisionsPanel{Model: p.m, Show: p.show},
				app.If(p.suggesting, p.renderSuggestPanel),
				app.If(p.m.compare != nil, func() app.UI {
					return &comparePanel{Model: p.m, Comparison: p.m.compare, Revisions: len(p.m.sess.Revisions)}
				}),
				app.Div().Class("columns").Body(
					p.renderArticle(),
					app.Div().Class("side").Body(&carriedPanel{Model: p.m, Selected: p.m.selected, Version: p.m.version}, p.renderSidebar()),
				),
				app.If(p.printing != nil, func() app.UI {
					return &printView{Model: p.m, Version: p.m.version, Changes: p.printing.Changes, First: p.printing.First, Asked: p.printing.Asked}
				}),
			),
			p.renderToolbar(),
			app.If(p.showHelp, p.renderHelp),
			app.If(p.importing, p.renderImport),
		)
}

// renderArticle draws the text as paragraphs of segments; each highlight is
// a <mark> per segment it covers, nested outermost first. Text is only
// ever a text node: article content cannot become markup.
func (p *storyPage) renderArticle() app.UI {
	var suggestions []library.Suggestion
	current := ""
	if p.suggesting {
		suggestions = p.suggestions
		if s, ok := p.currentSuggestion(); ok {
			current = s.Key
		}
	}
	views, more := p.m.article.draw(p.m.sess, p.m.selected, p.m.saving, suggestions, current)
	if more {
		p.m.drawMoreLater()
	}
	// Focusable, for the word cursor (app/wordcursor.go); data-drawing
	// while paragraphs are left for later tasks (the benchmark waits).
	return app.Article().ID("article").Class("article").Aria("label", "Article text").TabIndex(0).DataSet("drawing", more).
		OnClick(p.onArticleClick).
		Body(app.Range(views).Slice(func(i int) app.UI { return views[i] }))
}

// renderToolbar is the small toolbar that appears by a selection.
func (p *storyPage) renderToolbar() app.UI {
	return app.Div().ID("tagbar").Class("tagbar").Hidden(true).Role("toolbar").Aria("label", "Tag the selection").Body(
		app.Button().Class("k-quote").Text("Quote (q)").OnClick(p.tagFromToolbar(annotation.KindQuote)),
		app.Button().Class("k-claim").Text("Claim (c)").OnClick(p.tagFromToolbar(annotation.KindClaim)),
		app.Button().Class("k-note").Text("Note (n)").OnClick(p.tagFromToolbar(annotation.KindNote)),
	)
}

func (p *storyPage) renderHelp() app.UI {
	return app.Dialog().ID("shortcuts").Aria("labelledby", "shortcuts-title").
		On("close", func(ctx app.Context, e app.Event) { p.showHelp = false }).Body(
		&modal{Dialog: "shortcuts"},
		app.H2().ID("shortcuts-title").Text("Keyboard shortcuts"),
		shortcutList(shortcuts),
		app.H3().Text("While suggesting"),
		shortcutList(suggestKeys),
		app.Button().Text("Close").AutoFocus(true).OnClick(func(ctx app.Context, e app.Event) { p.showHelp = false }),
	)
}

func (p *storyPage) renderImport() app.UI {
	return app.Dialog().ID("import-dialog").Aria("labelledby", "import-title").
		On("close", func(ctx app.Context, e app.Event) { p.importing = false }).Body(
		&modal{Dialog: "import-dialog"},
		app.H2().ID("import-title").Text("Import annotations"),
		app.P().Text("W3C Web Annotation JSON from Redline or another tool (Hypothesis, Recogito…), Hypothesis JSON, doccano JSONL, Label Studio tasks or a brat .ann. Every annotation is placed on this story's text; if any cannot be, nothing is imported."),
		app.Label().For("import-file").Text("Choose a file (W3C, Hypothesis, doccano, Label Studio or brat)"),
		app.Input().ID("import-file").Type("file").Accept(".json,.jsonld,.jsonl,.ann,application/json,application/ld+json").OnChange(p.onImportFile),
		app.Label().For("import-paste").Text("…or paste the JSON"),
		app.Textarea().ID("import-paste").Rows(5).Text(p.importPaste).OnInput(p.ValueTo(&p.importPaste)),
		app.If(len(p.importErrs) > 0, func() app.UI {
			return app.Div().ID("import-errors").Role("alert").Class("status", "error").Body(
				app.P().Text("Nothing was imported:"),
				app.Ul().Body(app.Range(p.importErrs).Slice(func(i int) app.UI { return app.Li().Text(p.importErrs[i]) })),
			)
		}),
		app.Div().Class("dialog-actions").Body(
			app.Button().ID("import-go").Text("Import pasted JSON").Disabled(strings.TrimSpace(p.importPaste) == "").
				OnClick(func(ctx app.Context, e app.Event) { p.importData(ctx, []byte(p.importPaste)) }),
			app.Button().Text("Cancel").OnClick(func(ctx app.Context, e app.Event) { p.importing = false }),
		),
	)
}

func itoa(n int) string { return strconv.Itoa(n) }

func shortcutList(keys []shortcut) app.UI {
	return app.Dl().Body(app.Range(keys).Slice(func(i int) app.UI {
		return app.Div().Body(app.Dt().Body(app.Kbd().Text(keys[i].keys)), app.Dd().Text(keys[i].action))
	}))
}
