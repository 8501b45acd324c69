using System.Text.RegularExpressions;

namespace PyCApi.Tests.Conformance;

/// <summary>
/// One folder of tests/conformance: main.c (a host program that starts the runtime itself)
/// and any other X.c, each built as the extension module X.so next to the host binary.
/// </summary>
internal sealed partial class ConformanceCase
{
    public const string HostSource = "main.c";
    public const string HostBinary = "main";

    private ConformanceCase(string name, string dir)
    {
        Name = name;
        Dir = dir;
    }

    public string Name { get; }

    public string Dir { get; }

    public string HostSourcePath => Path.Combine(Dir, HostSource);

    /// <summary>The extension module sources (every .c but main.c), sorted.</summary>
    public IReadOnlyList<string> ModuleSources =>
        Directory.GetFiles(Dir, "*.c")
            .Where(f => Path.GetFileName(f) != HostSource)
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The exit code the program must end with, 0 unless main.c says otherwise with a
    /// line "conformance: exit-code N" (for programs that test Py_Exit and the like).
    /// Both variants must end with it.
    /// </summary>
    public int ExpectedExitCode
    {
        get
        {
            Match m = ExitCodeMarker().Match(File.ReadAllText(HostSourcePath));
            return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
        }
    }

    public static ConformanceCase Get(string name)
    {
        string dir = Path.Combine(RepoLayout.ConformanceDir, name);
        if (!File.Exists(Path.Combine(dir, HostSource)))
        {
            throw new InvalidOperationException($"{dir} has no {HostSource}");
        }
        return new ConformanceCase(name, dir);
    }

    /// <summary>The names of all test folders (those holding a main.c), sorted.</summary>
    public static IReadOnlyList<string> AllNames()
    {
        if (!Directory.Exists(RepoLayout.ConformanceDir))
        {
            return Array.Empty<string>();
        }
        return Directory.GetDirectories(RepoLayout.ConformanceDir)
            .Where(d => File.Exists(Path.Combine(d, HostSource)))
            .Select(d => Path.GetFileName(d)!)
            .OrderBy(n => n, StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"conformance:\s*exit-code\s+(\d+)")]
    private static partial Regex ExitCodeMarker();
}
