using System.Text;

namespace PyCApi.Tests.Conformance;

/// <summary>One of the two builds of a conformance program.</summary>
internal sealed class Variant
{
    private Variant(string name, string includeDir, Func<IReadOnlyList<string>> hostLinkArgs, string? library)
    {
        Name = name;
        IncludeDir = includeDir;
        HostLinkArgs = hostLinkArgs;
        Library = library;
    }

    /// <summary>"cpython" or "pycapi": also the name of the output folder.</summary>
    public string Name { get; }

    public string IncludeDir { get; }

    /// <summary>What the host program links with (extension modules link with nothing).</summary>
    public Func<IReadOnlyList<string>> HostLinkArgs { get; }

    /// <summary>The shared library file the host links (for the up-to-date check), if ours.</summary>
    public string? Library { get; }

    public static Variant CPython { get; } =
        new("cpython", RepoLayout.CPythonIncludeDir, () => new[] { "-l" + RepoLayout.CPythonLibrary }, null);

    public static Variant PyCApi { get; } = new(
        "pycapi",
        RepoLayout.OurIncludeDir,
        () => new[] { "-L" + RepoLayout.LibDir, "-lpycapi", "-Wl,-rpath," + RepoLayout.LibDir },
        RepoLayout.LibPath);

    public string OutputDir(ConformanceCase c) => Path.Combine(RepoLayout.BuildDir, c.Name, Name);
}

/// <summary>Compiles a conformance program with gcc, skipping outputs that are up to date.</summary>
internal static class NativeBuild
{
    public static readonly TimeSpan CompileTimeout = TimeSpan.FromSeconds(120);

    private static readonly string[] Flags = { "-O0", "-g", "-Wall" };

    /// <summary>
    /// Builds every module X.so and the host binary of <paramref name="c"/> for <paramref name="v"/>
    /// into its output folder. Returns a log of what was compiled (with gcc's warnings);
    /// throws <see cref="BuildFailedException"/> when gcc fails.
    /// </summary>
    public static string Build(ConformanceCase c, Variant v)
    {
        string outDir = v.OutputDir(c);
        Directory.CreateDirectory(outDir);
        bool force = Environment.GetEnvironmentVariable("PYCAPI_CONFORMANCE_REBUILD") == "1";

        // Everything a binary depends on besides its own source: our shared header and the
        // variant's headers. A header edit rebuilds everything; that is what we want.
        DateTime headers = Newest(Directory.EnumerateFiles(RepoLayout.CommonDir, "*", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(v.IncludeDir, "*.h", SearchOption.AllDirectories)));

        var log = new StringBuilder();
        foreach (string src in c.ModuleSources)
        {
            string output = Path.Combine(outDir, Path.GetFileNameWithoutExtension(src) + ".so");
            var args = new List<string>(Flags) { "-shared", "-fPIC", "-I" + v.IncludeDir, "-I" + RepoLayout.CommonDir, src };
            Compile(output, args, Array.Empty<string>(), Max(headers, SourceTime(src)), force, log);
        }

        string host = Path.Combine(outDir, ConformanceCase.HostBinary);
        var hostArgs = new List<string>(Flags) { "-I" + v.IncludeDir, "-I" + RepoLayout.CommonDir, c.HostSourcePath };
        DateTime hostInputs = Max(headers, File.GetLastWriteTimeUtc(c.HostSourcePath));
        if (v.Library != null && File.Exists(v.Library))
        {
            hostInputs = Max(hostInputs, File.GetLastWriteTimeUtc(v.Library));
        }
        Compile(host, hostArgs, v.HostLinkArgs(), hostInputs, force, log);
        return log.ToString();
    }

    /// <summary>
    /// Runs gcc unless <paramref name="output"/> is newer than its inputs and was made by the
    /// same command line (kept in output.cmd). gcc writes to a temporary file that is then
    /// renamed, so a concurrent run never sees a half-written binary.
    /// </summary>
    private static void Compile(
        string output, List<string> args, IReadOnlyList<string> linkArgs, DateTime newestInput, bool force, StringBuilder log)
    {
        string command = string.Join(' ', args.Concat(new[] { "-o", output }).Concat(linkArgs));
        string stamp = output + ".cmd";
        if (!force && File.Exists(output) && File.Exists(stamp)
            && File.GetLastWriteTimeUtc(output) > newestInput && File.ReadAllText(stamp) == command)
        {
            log.Append("up to date: ").Append(output).Append('\n');
            return;
        }

        string temp = $"{output}.tmp{Environment.ProcessId}.{Guid.NewGuid():N}";
        var fullArgs = args.Concat(new[] { "-o", temp }).Concat(linkArgs).ToList();
        RunResult r = ProcessRunner.Run("gcc", fullArgs, Path.GetDirectoryName(output)!, CompileTimeout);
        if (r.TimedOut || r.ExitCode != 0)
        {
            File.Delete(temp);
            throw new BuildFailedException(
                $"gcc failed ({r.Describe(CompileTimeout)}):\n  gcc {command}\n{r.StderrText}{r.StdoutText}");
        }
        File.Move(temp, output, overwrite: true);
        File.WriteAllText(stamp, command);
        log.Append("compiled: gcc ").Append(command).Append('\n');
        if (r.Stderr.Length > 0)
        {
            log.Append(r.StderrText);
        }
    }

    /// <summary>When a source was last written; a module source may be a link to a shared
    /// file (samples/fulltype/fulltype.c), whose own time is what counts.</summary>
    private static DateTime SourceTime(string path) =>
        (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(path)).LastWriteTimeUtc;

    private static DateTime Newest(IEnumerable<string> files)
    {
        DateTime newest = DateTime.MinValue;
        foreach (string f in files)
        {
            newest = Max(newest, File.GetLastWriteTimeUtc(f));
        }
        return newest;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
}

internal sealed class BuildFailedException : Exception
{
    public BuildFailedException(string message)
        : base(message)
    {
    }
}
