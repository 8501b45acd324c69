using PyCApi.Tests.Conformance;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>A smaller run of the lifetime stress program under valgrind's memcheck: no
/// invalid read or write and no use of uninitialised memory in the pair lifetime or the
/// collector. (Leaks are not checked: the .NET runtime keeps start-up allocations.)</summary>
public sealed class MemcheckTests
{
    [Fact]
    public void LifetimeStressIsCleanUnderMemcheck()
    {
        string dir = Path.Combine(RepoLayout.RepoRoot, "build", "memcheck");
        Directory.CreateDirectory(dir);
        // Valgrind cannot read Native AOT's separate debug info: run a copy without it.
        File.Copy(RepoLayout.LibPath, Path.Combine(dir, "libpycapi.so"), overwrite: true);
        string source = Path.Combine(RepoLayout.ConformanceDir, "lifetime_stress");
        var flags = new[] { "-O1", "-g", "-I", RepoLayout.OurIncludeDir, "-I", RepoLayout.CommonDir };
        Compile(dir, flags.Concat(new[] { "-shared", "-fPIC", "-o", Path.Combine(dir, "nodes.so"), Path.Combine(source, "nodes.c") }));
        Compile(dir, flags.Concat(new[] { "-o", Path.Combine(dir, "main"), Path.Combine(source, "main.c"), "-L", dir, "-lpycapi" }));

        RunResult run = ProcessRunner.Run("valgrind", new[] { "--error-exitcode=99", "--leak-check=no", "./main", "20000" },
            dir, TimeSpan.FromMinutes(5), env => env["LD_LIBRARY_PATH"] = dir);

        Assert.True(run.ExitCode == 0, $"memcheck reported errors (exit {run.ExitCode}):\n{run.StderrText}");
        Assert.Contains("ERROR SUMMARY: 0 errors", run.StderrText);
    }

    private static void Compile(string dir, IEnumerable<string> args)
    {
        RunResult cc = ProcessRunner.Run("gcc", args, dir, TimeSpan.FromMinutes(1));
        Assert.True(cc.ExitCode == 0, "gcc failed: " + cc.StderrText);
    }
}
