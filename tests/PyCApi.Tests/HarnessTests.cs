using System.Text;
using PyCApi.Tests.Conformance;
using Xunit;

namespace PyCApi.Tests;

/// <summary>
/// Unit tests of the conformance harness itself: exit statuses, the diff, the child-process
/// environment and the folder layout. (Object-space unit tests live beside this file.)
/// </summary>
public sealed class HarnessTests
{
    [Theory]
    [InlineData(0, "exit code 0")]
    [InlineData(3, "exit code 3")]
    [InlineData(139, "exit code 139 (killed by signal SIGSEGV)")]
    [InlineData(134, "exit code 134 (killed by signal SIGABRT)")]
    [InlineData(-11, "exit code -11 (killed by signal SIGSEGV)")]
    public void ExitStatusNamesSignals(int code, string expected)
    {
        Assert.Equal(expected, ExitStatus.Describe(code));
    }

    [Fact]
    public void ASignalledChildIsReportedWithItsSignal()
    {
        RunResult r = ProcessRunner.Run("/bin/sh", new[] { "-c", "kill -SEGV $$" }, "/", TimeSpan.FromSeconds(10));
        Assert.False(r.TimedOut);
        Assert.Equal(11, ExitStatus.Signal(r.ExitCode));
        Assert.Contains("SIGSEGV", r.Describe(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void ChildrenRunWithStdinClosedAndTheConformanceEnvironment()
    {
        Environment.SetEnvironmentVariable("PYTHONPATH", "/should/not/leak");
        try
        {
            RunResult r = ProcessRunner.Run(
                "/bin/sh",
                new[] { "-c", "cat; echo \"$PYTHONHASHSEED $PYTHONDONTWRITEBYTECODE $LC_ALL ${PYTHONPATH-unset}\"; echo err >&2" },
                "/",
                TimeSpan.FromSeconds(10),
                ProcessRunner.ConformanceEnvironment);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("0 1 C.UTF-8 unset\n", r.StdoutText);
            Assert.Equal("err\n", r.StderrText);
        }
        finally
        {
            Environment.SetEnvironmentVariable("PYTHONPATH", null);
        }
    }

    [Fact]
    public void ATimeoutKillsTheChild()
    {
        RunResult r = ProcessRunner.Run("/bin/sleep", new[] { "30" }, "/", TimeSpan.FromMilliseconds(300));
        Assert.True(r.TimedOut);
        Assert.StartsWith("timed out", r.Describe(TimeSpan.FromMilliseconds(300)));
    }

    [Fact]
    public void IdenticalOutputsHaveNoDiff()
    {
        byte[] text = Encoding.UTF8.GetBytes("a\nb\n");
        Assert.Null(OutputDiff.Compare(text, (byte[])text.Clone(), "x", "y"));
    }

    [Fact]
    public void TheDiffShowsChangedLinesWithContext()
    {
        string? diff = OutputDiff.Compare("1\n2\n3\n4\n5\nsix\n7\n", "1\n2\n3\n4\n5\nSIX\n7\n", "cpython", "pycapi", context: 2);
        Assert.Equal(
            "--- cpython (7 lines)\n+++ pycapi (7 lines)\n@@ -4,4 +4,4 @@\n 4\n 5\n-six\n+SIX\n 7\n",
            diff);
    }

    [Fact]
    public void TheDiffRealignsAfterInsertedAndMissingLines()
    {
        string expected = string.Concat(Enumerable.Range(1, 20).Select(n => $"line {n}\n"));
        string actual = expected.Replace("line 5\n", "line 5\nextra\n").Replace("line 15\n", "");
        string? diff = OutputDiff.Compare(expected, actual, "e", "a", context: 1);
        Assert.Equal(
            "--- e (20 lines)\n+++ a (20 lines)\n"
            + "@@ -5,2 +5,3 @@\n line 5\n+extra\n line 6\n"
            + "@@ -14,3 +15,2 @@\n line 14\n-line 15\n line 16\n",
            diff);
    }

    [Fact]
    public void TheDiffReportsMissingLinesAndMissingFinalNewline()
    {
        string? shorter = OutputDiff.Compare("a\nb\n", "a\n", "e", "a");
        Assert.Contains("@@ -1,2 +1,1 @@\n a\n-b\n", shorter);

        string? noNewline = OutputDiff.Compare("a\n", "a", "e", "a");
        Assert.Contains("+a  \\ no newline at end", noNewline);
    }

    [Fact]
    public void ALongDiffIsTruncated()
    {
        string expected = string.Concat(Enumerable.Range(1, 200).Select(n => $"{n}\n"));
        string actual = string.Concat(Enumerable.Range(1, 200).Select(n => $"{n}!\n"));
        string? diff = OutputDiff.Compare(expected, actual, "e", "a", maxLines: 10);
        Assert.Contains("... diff truncated: 390 more changed lines", diff);
    }

    [Fact]
    public void TheDiffMakesControlCharactersVisible()
    {
        string? diff = OutputDiff.Compare("x\n", "x\u001b[0m\r\n", "e", "a");
        Assert.Contains("+x\\x1b[0m\\x0d\n", diff);
    }

    [Fact]
    public void InvalidUtf8DifferencesAreReportedByOffset()
    {
        string? diff = OutputDiff.Compare(new byte[] { 0x61, 0xff }, new byte[] { 0x61, 0xfe }, "e", "a");
        Assert.Contains("byte offset 1", diff);
    }

    [Fact]
    public void EveryConformanceFolderIsACase()
    {
        IReadOnlyList<string> names = ConformanceCase.AllNames();
        Assert.NotEmpty(names);
        Assert.DoesNotContain("common", names);
        foreach (string name in names)
        {
            ConformanceCase c = ConformanceCase.Get(name);
            Assert.True(File.Exists(c.HostSourcePath));
            foreach (string module in c.ModuleSources)
            {
                // (import_init_errors/wrong_name.c defines the wrong PyInit_ on purpose.)
                Assert.Contains("PyInit_", File.ReadAllText(module));
            }
        }
        Assert.True(File.Exists(Path.Combine(RepoLayout.CommonDir, "conformance.h")));
    }
}
