import ArgumentParser

/// `--older-than`: an age such as `90d`, `12h`, `30m` or `45s`.
struct RetentionAge: ExpressibleByArgument, Equatable {
    let milliseconds: Int64

    private static let unitMilliseconds: [Character: Int64] = ["d": 86_400_000, "h": 3_600_000, "m": 60_000, "s": 1_000]

    init?(argument: String) {
        guard let unit = argument.last, let scale = Self.unitMilliseconds[unit],
            let count = Int64(argument.dropLast()), count >= 0, argument.dropLast().allSatisfy(\.isASCII)
        else { return nil }
        let (product, overflow) = count.multipliedReportingOverflow(by: scale)
        guard !overflow else { return nil }
        milliseconds = product
    }

    static var defaultCompletionKind: CompletionKind { .default }

    /// The condition on `create_time_since_epoch` for nodes created more than this age before `now`.
    func condition(now milliseconds: Int64) -> String {
        "create_time_since_epoch < \(milliseconds - self.milliseconds)"
    }
}
