using System.Diagnostics;

namespace PyCApi.Tests.Conformance;

/// <summary>What one child process did.</summary>
internal sealed record RunResult(int ExitCode, bool TimedOut, byte[] Stdout, byte[] Stderr, TimeSpan Elapsed)
{
    public string StdoutText => OutputDiff.Decode(Stdout);

    public string StderrText => OutputDiff.Decode(Stderr);

    /// <summary>"exit code 0", "exit code 139 (killed by signal SIGSEGV)", "timed out after 60 s".</summary>
    public string Describe(TimeSpan timeout) =>
        TimedOut ? $"timed out after {timeout.TotalSeconds:0} s (killed)" : ExitStatus.Describe(ExitCode);
}

/// <summary>Runs a child process with its stdin closed, capturing stdout and stderr separately.</summary>
internal static class ProcessRunner
{
    public static RunResult Run(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        TimeSpan timeout,
        Action<IDictionary<string, string?>>? environment = null)
    {
        var psi = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in arguments)
        {
            psi.ArgumentList.Add(a);
        }
        environment?.Invoke(psi.Environment);

        var watch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        process.Start();
        process.StandardInput.Close(); // the program reads end-of-file at once

        var stdout = new MemoryStream();
        var stderr = new MemoryStream();
        Task outTask = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        Task errTask = process.StandardError.BaseStream.CopyToAsync(stderr);

        bool exited = process.WaitForExit(timeout);
        if (!exited)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // It exited between the timeout and the kill.
            }
            process.WaitForExit();
        }
        // The pipes close when the process (and anything it started) is gone.
        Task.WaitAll(new[] { outTask, errTask }, TimeSpan.FromSeconds(10));
        watch.Stop();
        return new RunResult(exited ? process.ExitCode : -1, !exited, stdout.ToArray(), stderr.ToArray(), watch.Elapsed);
    }

    /// <summary>
    /// The environment a conformance program runs in: deterministic hashing, no .pyc files,
    /// a UTF-8 locale, and none of the caller's PYTHON* or locale settings.
    /// </summary>
    public static void ConformanceEnvironment(IDictionary<string, string?> env)
    {
        foreach (string key in env.Keys.ToList())
        {
            if (key.StartsWith("PYTHON", StringComparison.Ordinal) || key.StartsWith("LC_", StringComparison.Ordinal)
                || key == "LANG" || key == "LANGUAGE")
            {
                env.Remove(key);
            }
        }
        env["PYTHONHASHSEED"] = "0";
        env["PYTHONDONTWRITEBYTECODE"] = "1";
        env["LC_ALL"] = "C.UTF-8";
    }
}

/// <summary>Names the way a process ended.</summary>
internal static class ExitStatus
{
    private static readonly string[] LinuxSignals =
    {
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    };

    /// <summary>
    /// The signal that ended a process, from .NET's exit code: 128+n (what .NET reports on
    /// Unix for a signalled child) or -n; 0 when the process exited normally.
    /// </summary>
    public static int Signal(int exitCode) =>
        exitCode > 128 && exitCode <= 128 + 64 ? exitCode - 128 : exitCode < 0 && exitCode >= -64 ? -exitCode : 0;

    public static string SignalName(int signal) =>
        signal > 0 && signal < LinuxSignals.Length ? LinuxSignals[signal] : $"signal {signal}";

    public static string Describe(int exitCode)
    {
        int signal = Signal(exitCode);
        return signal == 0
            ? $"exit code {exitCode}"
            : $"exit code {exitCode} (killed by signal {SignalName(signal)})";
    }
}
