using System.Text;
using Xunit;
using Xunit.Abstractions;

namespace PyCApi.Tests.Conformance;

/// <summary>
/// The oracle (ARCHITECTURE.md §5): each folder of tests/conformance is compiled against
/// CPython 3.11 and against libpycapi, both binaries run, and their exit codes, stdout and
/// stderr must be identical.
/// </summary>
public sealed class ConformanceTests
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(60);

    private readonly ITestOutputHelper output;

    public ConformanceTests(ITestOutputHelper output)
    {
        this.output = output;
    }

    public static IEnumerable<object[]> Cases => ConformanceCase.AllNames().Select(n => new object[] { n });

    [NamedTheory]
    [MemberData(nameof(Cases))]
    [Trait("Category", "Conformance")]
    public void Run(string name)
    {
        ConformanceCase c = ConformanceCase.Get(name);
        int expectedExit = c.ExpectedExitCode;
        bool haveLib = File.Exists(RepoLayout.LibPath);

        // The two builds and the two runs are independent: do them side by side.
        Task<string> cpythonBuild = Task.Run(() => NativeBuild.Build(c, Variant.CPython));
        Task<string>? pycapiBuild = haveLib ? Task.Run(() => NativeBuild.Build(c, Variant.PyCApi)) : null;

        string cpythonLog;
        try
        {
            cpythonLog = cpythonBuild.GetAwaiter().GetResult();
        }
        catch (BuildFailedException e)
        {
            Assert.Fail($"{name}: the program does not compile against CPython's headers, so the test itself is broken.\n{e.Message}");
            return;
        }
        output.WriteLine($"[cpython build]\n{cpythonLog}");

        Task<RunResult> cpythonRun = Task.Run(() => RunProgram(c, Variant.CPython));
        Task<RunResult>? pycapiRun = null;
        string? pycapiBuildError = null;
        if (pycapiBuild != null)
        {
            try
            {
                output.WriteLine($"[pycapi build]\n{pycapiBuild.GetAwaiter().GetResult()}");
                pycapiRun = Task.Run(() => RunProgram(c, Variant.PyCApi));
            }
            catch (BuildFailedException e)
            {
                pycapiBuildError = e.Message;
            }
        }

        RunResult expected = cpythonRun.GetAwaiter().GetResult();
        output.WriteLine($"[cpython run] {expected.Describe(RunTimeout)} in {expected.Elapsed.TotalMilliseconds:0} ms");
        if (expected.TimedOut || expected.ExitCode != expectedExit)
        {
            Assert.Fail(
                $"{name}: the CPython variant ended with {expected.Describe(RunTimeout)}, not exit code {expectedExit}: "
                + "the test program itself is broken (CPython is the specification).\n"
                + Tail("stdout", expected.StdoutText) + Tail("stderr", expected.StderrText));
        }

        if (!haveLib)
        {
            Assert.Fail(
                $"{name}: libpycapi.so not found at {RepoLayout.LibPath}: build it with dotnet cake first "
                + "(or set PYCAPI_LIB_DIR to the folder that holds it). The CPython variant ran fine.");
        }
        if (pycapiBuildError != null)
        {
            Assert.Fail($"{name}: the program compiles against CPython's headers but not against include/.\n{pycapiBuildError}");
        }

        RunResult actual = pycapiRun!.GetAwaiter().GetResult();
        output.WriteLine($"[pycapi run] {actual.Describe(RunTimeout)} in {actual.Elapsed.TotalMilliseconds:0} ms");

        var problems = new StringBuilder();
        if (actual.TimedOut || actual.ExitCode != expected.ExitCode)
        {
            problems.Append($"exit: cpython {expected.Describe(RunTimeout)}, pycapi {actual.Describe(RunTimeout)}\n");
        }
        string? stdoutDiff = OutputDiff.Compare(expected.Stdout, actual.Stdout, "cpython/stdout", "pycapi/stdout");
        if (stdoutDiff != null)
        {
            problems.Append(stdoutDiff);
        }
        string? stderrDiff = OutputDiff.Compare(expected.Stderr, actual.Stderr, "cpython/stderr", "pycapi/stderr");
        if (stderrDiff != null)
        {
            problems.Append(stderrDiff);
        }
        if (problems.Length > 0)
        {
            Assert.Fail($"{name}: libpycapi differs from CPython 3.11 "
                + $"(binaries in {Path.Combine(RepoLayout.BuildDir, name)})\n{problems}");
        }
    }

    private static RunResult RunProgram(ConformanceCase c, Variant v)
    {
        string dir = v.OutputDir(c);
        return ProcessRunner.Run(
            Path.Combine(dir, ConformanceCase.HostBinary),
            Array.Empty<string>(),
            dir,
            RunTimeout,
            ProcessRunner.ConformanceEnvironment);
    }

    private static string Tail(string label, string text, int maxLines = 40)
    {
        string[] lines = text.Split('\n');
        IEnumerable<string> shown = lines.Length > maxLines ? lines[^maxLines..] : lines;
        return $"--- {label} ({(lines.Length > maxLines ? "last " + maxLines + " lines" : "all")}):\n{string.Join('\n', shown)}\n";
    }
}
