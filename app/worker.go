package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// cacheFirstFetch is the fetch handler of go-app's default service worker.
const cacheFirstFetch = `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  return await fetch(request);
}`

// offlineFetch keeps go-app's cache-first strategy and adds one rule: a page
// navigation that is not in the cache (a story URL opened offline) gets the
// cached app shell, and the client-side router renders the right page.
const offlineFetch = `async function fetchWithCache(request) {
  const cachedResponse = await caches.match(request);
  if (cachedResponse) {
    return cachedResponse;
  }
  try {
    return await fetch(request);
  } catch (err) {
    if (request.mode === "navigate") {
      const shell = await caches.match("/");
      if (shell) {
        return shell;
      }
    }
    throw err;
  }
}`

// serviceWorker is go-app's default worker with offlineFetch. It panics at
// start-up if go-app's template changes shape, rather than silently
// shipping a worker without the offline fallback.
func serviceWorker() string {
	if !strings.Contains(app.DefaultAppWorkerJS, cacheFirstFetch) {
		panic("go-app's service worker template changed: update app/worker.go")
	}
	return strings.Replace(app.DefaultAppWorkerJS, cacheFirstFetch, offlineFetch, 1)
}
