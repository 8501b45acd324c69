// libpycapi build: `dotnet cake` builds everything and runs the sample;
// `dotnet cake --target=Test` runs the xunit tests and the conformance suite;
// `dotnet cake --target=Bench` runs the benchmarks (bench/Bench.cake).
#load "bench/Bench.cake"
using System.Text.RegularExpressions;
using System.Xml.Linq;

var target = Argument("target", "Default");
var configuration = Argument("configuration", "Release");
var root = MakeAbsolute(Directory("."));
var buildDir = root.Combine("build");
var libDir = buildDir.Combine("lib");
var sharedData = root.Combine("../shared/data");

// Debian packages the build and the oracle need: the C compiler, libclang for the
// generator, CPython 3.11 (headers and shared library) for the conformance tests,
// valgrind for the memory check of the object lifetime, and python3-yaml for its
// Cython-built accelerator, a real extension binary the cython_yaml test loads.
var debianPackages = new[] { "gcc", "libc6-dev", "libclang-14-dev", "python3.11-dev", "libpython3.11", "valgrind", "python3-yaml" };

void Run(string tool, string args, DirectoryPath workingDirectory = null)
{
    var settings = new ProcessSettings { Arguments = args, WorkingDirectory = workingDirectory ?? root };
    int code = StartProcess(tool, settings);
    if (code != 0)
    {
        throw new Exception($"{tool} {args} failed with exit code {code}");
    }
}

bool IsInstalled(string package)
{
    var settings = new ProcessSettings { Arguments = $"-W -f=${{Status}} {package}", RedirectStandardOutput = true, RedirectStandardError = true };
    int code = StartProcess("dpkg-query", settings, out var output);
    return code == 0 && string.Join("", output).Contains("install ok installed");
}

// Installs those of the given Debian packages that are missing, printing what it installs.
void InstallMissing(IEnumerable<string> packages)
{
    var missing = packages.Where(p => !IsInstalled(p)).ToList();
    if (missing.Count == 0)
    {
        Information("Debian packages present: " + string.Join(", ", packages));
        return;
    }
    Information("Installing missing Debian packages: " + string.Join(" ", missing));
    Run("apt-get", "update -q");
    Run("apt-get", "install -y -q --no-install-recommends " + string.Join(" ", missing));
}

Task("Dependencies")
    .Description("Installs the Debian packages the build needs when they are missing.")
    .Does(() => InstallMissing(debianPackages));

Task("Core")
    .IsDependentOn("Dependencies")
    .Does(() => Run("dotnet", $"build src/Core -c {configuration} --nologo -v:q"));

Task("Generate")
    .Description("Reads include/ through libclang and writes the export stubs and docs/coverage.md.")
    .IsDependentOn("Core")
    .Does(() =>
{
    Run("dotnet", $"run --project generator -c {configuration} -- --include include --native src/native " +
        $"--core src/Core/bin/{configuration}/net10.0/PyCApi.Core.dll --out src/LibPyCApi/Generated " +
        $"--coverage docs/coverage.md --census {sharedData}/api-census.tsv --exports {sharedData}/cpython311-exports.txt");
});

Task("Library")
    .Description("Builds libpycapi.so (Native AOT + the C part) into build/lib.")
    .IsDependentOn("Generate")
    .Does(() => Run("dotnet", $"publish src/LibPyCApi -c {configuration} -o {libDir} --nologo -v:q"));

Task("Sample")
    .Description("Builds the sample extensions (spam, fulltype) and their hosts against include/ and libpycapi.so, and runs the hosts.")
    .IsDependentOn("Library")
    .Does(() =>
{
    var outDir = buildDir.Combine("samples");
    EnsureDirectoryExists(outDir);
    Run("gcc", $"-shared -fPIC -O2 -Wall -Werror -I include -o {outDir}/spam.so samples/spam/spammodule.c");
    Run("gcc", $"-O2 -Wall -Werror -I include -o {outDir}/host samples/host/host.c -L {libDir} -lpycapi -Wl,-rpath,{libDir}");
    Run(outDir.CombineWithFilePath("host").FullPath, "", outDir);
    var fulltypeDir = outDir.Combine("fulltype");
    EnsureDirectoryExists(fulltypeDir);
    Run("gcc", $"-shared -fPIC -O2 -Wall -Werror -I include -o {fulltypeDir}/fulltype.so samples/fulltype/fulltype.c");
    Run("gcc", $"-O2 -Wall -Werror -I include -o {fulltypeDir}/host samples/fulltype/host.c -L {libDir} -lpycapi -Wl,-rpath,{libDir}");
    Run(fulltypeDir.CombineWithFilePath("host").FullPath, "", fulltypeDir);
});

Task("Test")
    .Description("Runs the xunit tests: object-space tests and the CPython conformance suite.")
    .IsDependentOn("Library")
    .Does(() =>
{
    var results = buildDir.Combine("test-results");
    CleanDirectory(results);
    var settings = new ProcessSettings
    {
        Arguments = $"test tests/PyCApi.Tests -c {configuration} --nologo --logger \"console;verbosity=normal\" " +
                    $"--logger \"trx;LogFileName=results.trx\" --results-directory {results}",
        WorkingDirectory = root,
    };
    int code = StartProcess("dotnet", settings);
    var trx = results.CombineWithFilePath("results.trx").FullPath;
    if (System.IO.File.Exists(trx))
    {
        var counters = XDocument.Load(trx).Descendants().First(e => e.Name.LocalName == "Counters");
        testSummary = $"{counters.Attribute("passed")?.Value} passed, {counters.Attribute("failed")?.Value} failed";
    }
    if (code != 0)
    {
        throw new Exception("tests failed");
    }
});

Task("Default").IsDependentOn("Sample");

// The plain summary line CI reads must close the output, after Cake's task report.
string testSummary = null;
try
{
    RunTarget(target);
}
finally
{
    if (testSummary != null)
    {
        Console.WriteLine(testSummary);
    }
}
