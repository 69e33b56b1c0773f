import Foundation

/// CPU time a process has used, user and system, from the kernel's own accounting
/// (`/proc/PID/stat`): the server's cost, whoever else shares the cores.
enum ProcessCPU {
    private static let ticksPerSecond = Double(sysconf(Int32(_SC_CLK_TCK)))

    /// Seconds of CPU the processes `pids` have used so far (0 for one that is gone).
    static func seconds(_ pids: [pid_t]) -> Double {
        pids.reduce(0) { total, pid in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let end = stat.lastIndex(of: ")")
            else { return total }
            // Fields after the command name (which may hold spaces); utime and stime are the
            // 14th and 15th of the whole line, so the 12th and 13th after it.
            let fields = stat[stat.index(after: end)...].split(separator: " ")
            guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else { return total }
            return total + (user + system) / ticksPerSecond
        }
    }
}
