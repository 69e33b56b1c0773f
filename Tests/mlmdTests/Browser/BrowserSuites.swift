import Testing

/// The browser tests, one at a time: each starts a chromedriver and a Chromium, and on a loaded
/// 2-core machine two starting at once are slow enough to miss their deadline.
@Suite(.serialized) enum BrowserSuites {}
