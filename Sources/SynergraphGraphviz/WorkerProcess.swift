#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SynergraphKit

/// Runs the render worker once: starts it with `posix_spawn` (~10 ms; Foundation's `Process` costs
/// ~50 ms more), feeds it the input, collects stdout and stderr, and kills it when it runs past the
/// deadline.
///
/// The worker's stdin, stdout and stderr are socket pairs rather than pipes: the input can be sent
/// with `MSG_NOSIGNAL` (a worker that exits early must not kill this process with SIGPIPE), and
/// `socketpair` creates them close-on-exec atomically (`pipe2` is not visible to Swift here), so no
/// child started concurrently by another thread inherits them.
struct WorkerProcess {
    /// What a finished worker produced.
    struct Completion {
        /// Exit status, or nil when the worker was killed by a signal.
        var status: Int32?
        /// The signal that ended the worker, if any.
        var signal: Int32?
        var stdout: [UInt8]
        var stderr: [UInt8]
    }

    let executable: String
    let arguments: [String]

    /// Most bytes accepted on stdout (a larger answer is a failure, not an allocation spree).
    static let maxOutputBytes = 1 << 30

    /// Runs the worker with `input` on stdin.
    /// - Throws: ``GraphvizError/timeout(_:)`` when `timeout` passes first (the worker is killed and
    ///   reaped), ``GraphvizError/workerFailed(_:)`` when it cannot be started.
    func run(input: [UInt8], timeout: Duration?) throws(GraphvizError) -> Completion {
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + $0 }

        var stdinPair: [Int32] = [-1, -1]
        var stdoutPair: [Int32] = [-1, -1]
        var stderrPair: [Int32] = [-1, -1]
        let socketType = Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        guard socketpair(AF_UNIX, socketType, 0, &stdinPair) == 0 else {
            throw GraphvizError.workerFailed("socketpair: \(String(cString: strerror(errno)))")
        }
        guard socketpair(AF_UNIX, socketType, 0, &stdoutPair) == 0 else {
            closeAll(stdinPair)
            throw GraphvizError.workerFailed("socketpair: \(String(cString: strerror(errno)))")
        }
        guard socketpair(AF_UNIX, socketType, 0, &stderrPair) == 0 else {
            closeAll(stdinPair + stdoutPair)
            throw GraphvizError.workerFailed("socketpair: \(String(cString: strerror(errno)))")
        }

        let spawned = spawn(stdin: stdinPair[1], stdout: stdoutPair[1], stderr: stderrPair[1])
        closeAll([stdinPair[1], stdoutPair[1], stderrPair[1]])
        let pid: pid_t
        switch spawned {
        case .success(let child):
            pid = child
            Interruption.addChild(child)
        case .failure(let error):
            closeAll([stdinPair[0], stdoutPair[0], stderrPair[0]])
            throw error
        }

        // Killed with this process on Ctrl-C or SIGTERM (Interruption), forgotten once reaped.
        defer { Interruption.removeChild(pid) }
        var channels = Channels(input: input, stdin: stdinPair[0], stdout: stdoutPair[0], stderr: stderrPair[0])
        defer { channels.closeAll() }
        let finished = channels.pump(deadline: deadline, clock: clock, maxOutput: Self.maxOutputBytes)
        if !finished {
            stop(pid)
            if channels.overflowed {
                throw GraphvizError.workerFailed("the worker wrote more than \(Self.maxOutputBytes) bytes")
            }
            throw GraphvizError.timeout(timeout ?? .zero)
        }
        guard let waitStatus = reap(pid, deadline: deadline, clock: clock) else {
            stop(pid)
            throw GraphvizError.timeout(timeout ?? .zero)
        }
        let exited = (waitStatus & 0x7f) == 0
        return Completion(
            status: exited ? (waitStatus >> 8) & 0xff : nil,
            signal: exited ? nil : waitStatus & 0x7f,
            stdout: channels.stdoutBytes,
            stderr: channels.stderrBytes)
    }

    // MARK: Starting and stopping

    private func spawn(stdin: Int32, stdout: Int32, stderr: Int32) -> Result<pid_t, GraphvizError> {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, stdin, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Start with no blocked signals and default SIGPIPE, whatever this process does.
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let argvWithEnd = argv + [nil]
        let status = posix_spawn(&pid, executable, &actions, &attributes, argvWithEnd, environ)
        guard status == 0 else {
            return .failure(.workerFailed("cannot start \(executable): \(String(cString: strerror(status)))"))
        }
        return .success(pid)
    }

    private func stop(_ pid: pid_t) {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    }

    /// Waits for the worker to exit (it has closed its output already), up to the deadline.
    private func reap(_ pid: pid_t, deadline: ContinuousClock.Instant?, clock: ContinuousClock) -> Int32? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, deadline == nil ? 0 : WNOHANG)
            if result == pid { return status }
            if result < 0 && errno != EINTR { return 0 }
            if let deadline, clock.now >= deadline { return nil }
            if result == 0 { usleep(500) }
        }
    }

    private func closeAll(_ descriptors: [Int32]) {
        for fd in descriptors where fd >= 0 { close(fd) }
    }
}

/// The parent's ends of the worker's stdin, stdout and stderr, pumped with `poll`.
private struct Channels {
    let input: [UInt8]
    var stdin: Int32
    var stdout: Int32
    var stderr: Int32
    var written = 0
    var stdoutBytes: [UInt8] = []
    var stderrBytes: [UInt8] = []
    var overflowed = false

    init(input: [UInt8], stdin: Int32, stdout: Int32, stderr: Int32) {
        self.input = input
        self.stdin = stdin
        self.stdout = stdout
        self.stderr = stderr
        for fd in [stdin, stdout, stderr] {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        }
        if input.isEmpty { closeStdin() }
    }

    /// Moves bytes until the worker has closed stdout and stderr (true) or the deadline passed or
    /// the output grew too large (false).
    mutating func pump(deadline: ContinuousClock.Instant?, clock: ContinuousClock, maxOutput: Int) -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while stdout >= 0 || stderr >= 0 {
            var waitMilliseconds: Int32 = -1
            if let deadline {
                let remaining = deadline - clock.now
                if remaining <= .zero { return false }
                let (seconds, attoseconds) = remaining.components
                let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
                waitMilliseconds = Int32(clamping: max(milliseconds, 1))
            }
            var fds: [pollfd] = []
            if stdin >= 0 { fds.append(pollfd(fd: stdin, events: Int16(POLLOUT), revents: 0)) }
            if stdout >= 0 { fds.append(pollfd(fd: stdout, events: Int16(POLLIN), revents: 0)) }
            if stderr >= 0 { fds.append(pollfd(fd: stderr, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&fds, nfds_t(fds.count), waitMilliseconds)
            if ready < 0 {
                if errno == EINTR { continue }
                return false
            }
            if ready == 0 { continue }  // the deadline check above decides
            for entry in fds where entry.revents != 0 {
                if entry.fd == stdin {
                    sendSome()
                } else if entry.fd == stdout {
                    if !receive(from: entry.fd, into: &stdoutBytes, chunk: &chunk) { closeStdout() }
                    if stdoutBytes.count > maxOutput {
                        overflowed = true
                        return false
                    }
                } else if entry.fd == stderr {
                    if !receive(from: entry.fd, into: &stderrBytes, chunk: &chunk) { closeStderr() }
                    if stderrBytes.count > 1 << 20 { stderrBytes.removeLast(stderrBytes.count - (1 << 20)) }
                }
            }
        }
        return true
    }

    /// Sends what the socket takes now; closes stdin when all is sent or the worker stopped reading.
    private mutating func sendSome() {
        let remaining = input.count - written
        let sent = input[written...].withUnsafeBytes { buffer in
            send(stdin, buffer.baseAddress, min(remaining, 1 << 16), Int32(MSG_NOSIGNAL) | Int32(MSG_DONTWAIT))
        }
        if sent > 0 {
            written += sent
            if written == input.count { closeStdin() }
        } else if sent < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR {
            closeStdin()  // EPIPE / ECONNRESET: the worker exited; its status will tell why
        }
    }

    /// Reads what is there; false at end of file or on an error.
    private func receive(from fd: Int32, into bytes: inout [UInt8], chunk: inout [UInt8]) -> Bool {
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                bytes += chunk[0..<count]
                if count < chunk.count { return true }
                continue
            }
            if count == 0 { return false }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK
        }
    }

    mutating func closeStdin() {
        if stdin >= 0 { close(stdin) }
        stdin = -1
    }

    mutating func closeStdout() {
        if stdout >= 0 { close(stdout) }
        stdout = -1
    }

    mutating func closeStderr() {
        if stderr >= 0 { close(stderr) }
        stderr = -1
    }

    mutating func closeAll() {
        closeStdin()
        closeStdout()
        closeStderr()
    }
}
