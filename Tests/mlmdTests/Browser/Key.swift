extension WebDriverSession {
    /// Keys without a character of their own, for `sendKeys` (the code points of WebDriver's key table).
    enum Key {
        static let backspace = "\u{E003}"
        static let tab = "\u{E004}"
        static let enter = "\u{E007}"
        static let escape = "\u{E00C}"
    }
}
