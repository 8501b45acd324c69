namespace PyCApi.Tests.Conformance;

/// <summary>Where the repository, the two header sets and libpycapi.so are.</summary>
internal static class RepoLayout
{
    /// <summary>CPython 3.11's headers (Debian's python3.11-dev): the specification.</summary>
    public const string CPythonIncludeDir = "/usr/include/python3.11";

    /// <summary>The library the CPython variants link against.</summary>
    public const string CPythonLibrary = "python3.11";

    private static readonly Lazy<string> Root = new(FindRoot);

    /// <summary>The repository root: the folder holding CApiNative.sln, else the one holding include/Python.h.</summary>
    public static string RepoRoot => Root.Value;

    public static string OurIncludeDir => Path.Combine(RepoRoot, "include");

    public static string ConformanceDir => Path.Combine(RepoRoot, "tests", "conformance");

    public static string CommonDir => Path.Combine(ConformanceDir, "common");

    public static string BuildDir => Path.Combine(RepoRoot, "build", "conformance");

    /// <summary>The folder of libpycapi.so: $PYCAPI_LIB_DIR if set, else &lt;repo&gt;/build/lib.</summary>
    public static string LibDir
    {
        get
        {
            string? fromEnv = Environment.GetEnvironmentVariable("PYCAPI_LIB_DIR");
            return string.IsNullOrEmpty(fromEnv) ? Path.Combine(RepoRoot, "build", "lib") : Path.GetFullPath(fromEnv);
        }
    }

    public static string LibPath => Path.Combine(LibDir, "libpycapi.so");

    private static string FindRoot()
    {
        string start = AppContext.BaseDirectory;
        for (DirectoryInfo? d = new(start); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "CApiNative.sln")))
            {
                return d.FullName;
            }
        }
        for (DirectoryInfo? d = new(start); d != null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "include", "Python.h")))
            {
                return d.FullName;
            }
        }
        throw new InvalidOperationException(
            $"cannot find the repository root above {start}: no CApiNative.sln and no include/Python.h");
    }
}
