package article

import "github.com/redline-news/redline/internal/reading"

// CountWords counts the words of a text as the app shows them
// (reading.CountWords): the client and the server count alike.
func CountWords(text string) int { return reading.CountWords(text) }
