using PyCApi.Tests.Conformance;
using Xunit;

namespace PyCApi.Tests.ObjectSpace;

/// <summary>The lifetime stress program (tests/conformance/lifetime_stress, which the
/// conformance suite runs at 1,000,000 objects against both runtimes) at full size against
/// libpycapi, and a smaller run under valgrind's memcheck.
/// Peak RSS is measured, so these run alone, not beside the rest of the suite.</summary>
[Collection(nameof(LifetimeStressTests))]
public sealed class LifetimeStressTests
{
    /// <summary>The bound on peak RSS growth over the 10 million run. What grows is the
    /// managed heap's sizing, not live objects (the program checks those return to zero);
    /// measured here: under 100 MB run alone, about 160 MB after the rest of the suite.</summary>
    private const int PeakRssGrowthBoundMb = 256;

    /// <summary>10 million objects created and dropped from C in mixed shapes (C-only,
    /// managed-held, cyclic): every one freed, live pairs back to baseline, and peak RSS
    /// growth under <see cref="PeakRssGrowthBoundMb"/>.</summary>
    [Fact]
    public void TenMillionObjects()
    {
        string dir = Build("stress");
        RunResult run = ProcessRunner.Run(Path.Combine(dir, "main"), new[] { "10000000", PeakRssGrowthBoundMb.ToString() }, dir, TimeSpan.FromMinutes(5),
            env =>
            {
                env["LD_LIBRARY_PATH"] = dir;
                env["LIFETIME_STRESS_VERBOSE"] = "1";
            });
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.StdoutText}\n{run.StderrText}");
        Assert.Contains("every Node freed within", run.StdoutText);
        Assert.False(run.StdoutText.Contains("False"), run.StdoutText);
    }

    /// <summary>No invalid read or write and no use of uninitialised memory in the pair
    /// lifetime or the collector. (Leaks are not checked: the .NET runtime keeps start-up
    /// allocations.)</summary>
    [Fact]
    public void SmallerRunIsCleanUnderMemcheck()
    {
        string dir = Build("memcheck");
        RunResult run = ProcessRunner.Run("valgrind", new[] { "--error-exitcode=99", "--leak-check=no", "./main", "20000" },
            dir, TimeSpan.FromMinutes(5), env => env["LD_LIBRARY_PATH"] = dir);

        Assert.True(run.ExitCode == 0, $"memcheck reported errors (exit {run.ExitCode}):\n{run.StderrText}");
        Assert.Contains("ERROR SUMMARY: 0 errors", run.StderrText);
    }

    /// <summary>The program and its module in build/&lt;name&gt;, beside a copy of the library
    /// without its separate debug info (which valgrind cannot read).</summary>
    private static string Build(string name)
    {
        string dir = Path.Combine(RepoLayout.RepoRoot, "build", name);
        Directory.CreateDirectory(dir);
        File.Copy(RepoLayout.LibPath, Path.Combine(dir, "libpycapi.so"), overwrite: true);
        string source = Path.Combine(RepoLayout.ConformanceDir, "lifetime_stress");
        var flags = new[] { "-O1", "-g", "-I", RepoLayout.OurIncludeDir, "-I", RepoLayout.CommonDir };
        Compile(dir, flags.Concat(new[] { "-shared", "-fPIC", "-o", Path.Combine(dir, "nodes.so"), Path.Combine(source, "nodes.c") }));
        Compile(dir, flags.Concat(new[] { "-o", Path.Combine(dir, "main"), Path.Combine(source, "main.c"), "-L", dir, "-lpycapi" }));
        return dir;
    }

    private static void Compile(string dir, IEnumerable<string> args)
    {
        RunResult cc = ProcessRunner.Run("gcc", args, dir, TimeSpan.FromMinutes(1));
        Assert.True(cc.ExitCode == 0, "gcc failed: " + cc.StderrText);
    }
}

[CollectionDefinition(nameof(LifetimeStressTests), DisableParallelization = true)]
public sealed class LifetimeStressCollection
{
}
