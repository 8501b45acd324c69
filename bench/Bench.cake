// The Bench target, loaded by build.cake: builds bench/benchmodule.c for CPython 3.11,
// libpycapi and PyPy's cpyext, runs the three in one invocation and writes
// docs/benchmarks.md with the chart docs/benchmarks.png.
using System.Globalization;

// Debian packages only the benchmark needs: PyPy with its cpyext headers, gnuplot for the chart.
var benchPackages = new[] { "pypy3", "pypy3-dev", "gnuplot-nox" };
// Multiplies every row's iteration count: --bench-scale=0.1 for a quick look.
var benchScale = Argument("bench-scale", 1.0);

// What one runtime printed: ns per operation by row and bytes per object by kind, in the
// order printed (null where it printed n/a), and why rows printed n/a.
class BenchResult
{
    public string Runtime;
    public List<KeyValuePair<string, double?>> Times = new();
    public List<KeyValuePair<string, double?>> Memory = new();
    public List<string> RowErrors = new();
    public string Failure;

    public double? Time(string row) => Times.FirstOrDefault(p => p.Key == row).Value;
    public double? Bytes(string kind) => Memory.FirstOrDefault(p => p.Key == kind).Value;
}

// Runs one host and parses its "[memory]" and "[time]" sections. A host that dies is not
// fatal here: its missing rows show as n/a and the failure is reported after the table.
BenchResult RunBenchHost(string runtime, string tool, string args)
{
    Information($"Benchmarking {runtime}...");
    var settings = new ProcessSettings
    {
        Arguments = args, WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true,
    };
    int code = StartProcess(tool, settings, out var output, out var errors);
    var lines = output.ToList();
    var result = new BenchResult { Runtime = runtime };
    foreach (var line in errors)
    {
        Warning($"{runtime}: {line}");
        // the module's first line about a failed row or memory kind; a traceback may follow
        if (line.StartsWith("row \"") || line.StartsWith("memory of "))
        {
            result.RowErrors.Add(line);
        }
    }
    List<KeyValuePair<string, double?>> section = null;
    foreach (var line in lines)
    {
        var parts = line.Split('\t');
        if (line == "[memory]" || line == "[time]")
        {
            section = line == "[memory]" ? result.Memory : result.Times;
        }
        else if (section != null && parts.Length == 2)
        {
            double? value = parts[1] == "n/a" ? null : double.Parse(parts[1], CultureInfo.InvariantCulture);
            section.Add(new(parts[0], value));
        }
    }
    if (code != 0)
    {
        string last = lines.LastOrDefault();
        result.Failure = $"{runtime} exited with code {code} " + (last == null ? "before printing anything" : $"after printing `{last}`");
        Error(result.Failure);
    }
    return result;
}

// The lines printed by any runtime, in the order first printed.
static List<string> Keys(IEnumerable<List<KeyValuePair<string, double?>>> sections) =>
    sections.SelectMany(s => s.Select(p => p.Key)).Distinct().ToList();

// Markdown table cells: a '|' in a row name would end the cell.
static string Cell(string text) => text.Replace("|", "\\|");

static string Number(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "n/a";

static double? Ratio(double? value, double? reference) => value > 0 && reference > 0 ? value / reference : null;

string ProcessOutput(string tool, string args)
{
    var settings = new ProcessSettings { Arguments = args, RedirectStandardOutput = true };
    if (StartProcess(tool, settings, out var lines) != 0)
    {
        throw new Exception($"{tool} {args} failed");
    }
    return string.Join("\n", lines).Trim();
}

string MachineDescription()
{
    string cpu = System.IO.File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim();
    return $"{ProcessOutput("nproc", "")} CPUs (`nproc`), {cpu ?? "unknown CPU model"}";
}

// The bar chart of the ratios, one pair of horizontal bars per row, drawn from 1.0.
void WriteBenchChart(List<string> rows, Func<string, double?> oursRatio, Func<string, double?> pypyRatio, DirectoryPath outDir, FilePath png)
{
    var data = outDir.CombineWithFilePath("ratios.tsv");
    string Value(double? ratio) => ratio?.ToString("R", CultureInfo.InvariantCulture) ?? "NaN";
    // gnuplot reads a double quote in a data file as a string delimiter, even between tabs
    System.IO.File.WriteAllLines(data.FullPath,
        rows.Select((row, i) => $"{i + 1}\t{row.Replace('"', '\'')}\t{Value(oursRatio(row))}\t{Value(pypyRatio(row))}"));
    var script = outDir.CombineWithFilePath("chart.gp");
    System.IO.File.WriteAllText(script.FullPath, $@"
set terminal pngcairo noenhanced size 1100,{120 + 30 * rows.Count} font ',10'
set output '{png.FullPath}'
set datafile separator ""\t""
set title 'Time per operation relative to CPython 3.11 (log scale; left of 1 is faster)'
set logscale x
set yrange [{rows.Count}.6:0.4]
set ytics nomirror scale 0
set grid xtics
set key outside bottom center horizontal
set style fill solid 0.8 noborder
set arrow from 1, graph 0 to 1, graph 1 nohead lw 2 lc rgb 'black'
set arrow from 3, graph 0 to 3, graph 1 nohead lw 1 dt 2 lc rgb 'red'
set label '3x' at 3, graph 1 offset 0,0.7 center tc rgb 'red'
low(r) = r < 1 ? r : 1
high(r) = r < 1 ? 1 : r
plot '{data.FullPath}' using 3:($1-0.19):(low($3)):(high($3)):($1-0.36):($1-0.02):ytic(2) with boxxyerror lc rgb '#1f77b4' title 'libpycapi', \
     '' using 4:($1+0.19):(low($4)):(high($4)):($1+0.02):($1+0.36) with boxxyerror lc rgb '#ff7f0e' title 'PyPy cpyext'
");
    Run("gnuplot", script.FullPath);
}

Task("Bench")
    .Description("Runs bench/benchmodule.c on CPython 3.11, libpycapi and PyPy in one invocation; writes docs/benchmarks.md and .png.")
    .IsDependentOn("Library")
    .Does(() =>
{
    InstallMissing(benchPackages);
    var outDir = buildDir.Combine("bench");
    CleanDirectory(outDir);
    var (cpythonDir, oursDir, pypyDir) = (outDir.Combine("cpython"), outDir.Combine("libpycapi"), outDir.Combine("pypy"));
    foreach (var dir in new[] { cpythonDir, oursDir, pypyDir })
    {
        EnsureDirectoryExists(dir);
    }
    const string flags = "-O2 -Wall -Werror";
    Run("gcc", $"{flags} -shared -fPIC -I/usr/include/python3.11 -o {cpythonDir}/pycapibench.so bench/benchmodule.c");
    Run("gcc", $"{flags} -I/usr/include/python3.11 -o {cpythonDir}/host bench/host.c -lpython3.11");
    Run("gcc", $"{flags} -shared -fPIC -I include -o {oursDir}/pycapibench.so bench/benchmodule.c -L {libDir} -lpycapi");
    Run("gcc", $"{flags} -I include -o {oursDir}/host bench/host.c -L {libDir} -lpycapi -Wl,-rpath,{libDir}");
    // PyPy names its headers' folder and the extension suffix it imports.
    var pypyConfig = ProcessOutput("pypy3", "-c \"import sysconfig; print(sysconfig.get_paths()['include']); print(sysconfig.get_config_var('EXT_SUFFIX'))\"").Split('\n');
    Run("gcc", $"{flags} -shared -fPIC -I{pypyConfig[0]} -o {pypyDir}/pycapibench{pypyConfig[1]} bench/benchmodule.c");

    string scale = benchScale.ToString(CultureInfo.InvariantCulture);
    var cpython = RunBenchHost("CPython", cpythonDir.CombineWithFilePath("host").FullPath, $"{cpythonDir} {scale}");
    var ours = RunBenchHost("libpycapi", oursDir.CombineWithFilePath("host").FullPath, $"{oursDir} {scale}");
    var pypy = RunBenchHost("PyPy", "pypy3", $"bench/run_pypy.py {pypyDir} {scale}");
    var results = new[] { cpython, ours, pypy };

    var rows = Keys(results.Select(r => r.Times));
    double? OursRatio(string row) => Ratio(ours.Time(row), cpython.Time(row));
    double? PypyRatio(string row) => Ratio(pypy.Time(row), cpython.Time(row));
    string GeometricMean(Func<string, double?> ratio)
    {
        var known = rows.Select(ratio).Where(r => r != null).ToList();
        return known.Count == 0 ? "n/a" : Number(Math.Exp(known.Average(r => Math.Log(r.Value))), "F2");
    }
    int SlowerThan3x(Func<string, double?> ratio) => rows.Count(r => ratio(r) > 3);

    var md = new System.Text.StringBuilder();
    md.AppendLine("# Benchmarks: libpycapi and PyPy's cpyext against CPython 3.11");
    md.AppendLine();
    md.AppendLine("Written by `dotnet cake --target=Bench` from `bench/benchmodule.c`, one extension module built for each");
    md.AppendLine("runtime (loaded by `bench/host.c` for CPython and libpycapi, by `bench/run_pypy.py` for PyPy). Each row is");
    md.AppendLine("a C loop over C API calls, timed inside C with `CLOCK_MONOTONIC` after a warm-up: the best of 5");
    md.AppendLine($"repetitions, in ns per operation. All three runtimes ran in the same invocation (scale {scale}) on this");
    md.AppendLine($"machine: {MachineDescription()}. Ratio = runtime / CPython; n/a = the row failed on that runtime.");
    md.AppendLine();
    md.AppendLine("| row | CPython ns | libpycapi ns | ratio (libpycapi/CPython) | PyPy cpyext ns | ratio (PyPy/CPython) |");
    md.AppendLine("|---|---:|---:|---:|---:|---:|");
    foreach (var row in rows)
    {
        md.AppendLine($"| {Cell(row)} | {Number(cpython.Time(row), "F2")} | {Number(ours.Time(row), "F2")} | {Number(OursRatio(row), "F2")} " +
                      $"| {Number(pypy.Time(row), "F2")} | {Number(PypyRatio(row), "F2")} |");
    }
    md.AppendLine($"| **geometric mean** | | | **{GeometricMean(OursRatio)}** | | **{GeometricMean(PypyRatio)}** |");
    md.AppendLine($"| **rows slower than 3x** | | | **{SlowerThan3x(OursRatio)} of {rows.Count}** | | **{SlowerThan3x(PypyRatio)} of {rows.Count}** |");
    md.AppendLine();
    foreach (var failure in results.Select(r => r.Failure).Where(f => f != null))
    {
        md.AppendLine($"**{failure}**");
        md.AppendLine();
    }
    foreach (var result in results.Where(r => r.RowErrors.Count > 0))
    {
        md.AppendLine($"n/a on {result.Runtime}:");
        md.AppendLine();
        foreach (var error in result.RowErrors)
        {
            md.AppendLine($"- `{error}`");
        }
        md.AppendLine();
    }
    md.AppendLine("![Ratio to CPython per row, libpycapi and PyPy cpyext](benchmarks.png)");
    md.AppendLine();
    md.AppendLine("## Memory: bytes per live object");
    md.AppendLine();
    md.AppendLine("200,000 objects of each kind are kept alive at once (in a C array); the growth of the resident set");
    md.AppendLine("(`/proc/self/statm`, after a full collection) is divided by their number. It includes the allocator's");
    md.AppendLine("rounding and, for libpycapi and PyPy, both halves of an object: the native `PyObject` and its managed twin.");
    md.AppendLine("Memory an allocator already holds from freed objects is reused without growing the resident set, so a");
    md.AppendLine("figure below an object's plain size (such as PyPy's tuple) is an underestimate.");
    md.AppendLine();
    md.AppendLine("| kind | CPython | libpycapi | PyPy cpyext |");
    md.AppendLine("|---|---:|---:|---:|");
    foreach (var kind in Keys(results.Select(r => r.Memory)))
    {
        md.AppendLine($"| {Cell(kind)} | {Number(cpython.Bytes(kind), "F0")} | {Number(ours.Bytes(kind), "F0")} | {Number(pypy.Bytes(kind), "F0")} |");
    }

    var docs = root.Combine("docs");
    WriteBenchChart(rows, OursRatio, PypyRatio, outDir, docs.CombineWithFilePath("benchmarks.png"));
    System.IO.File.WriteAllText(docs.CombineWithFilePath("benchmarks.md").FullPath, md.ToString());
    Information(md.ToString());
    if (results.Any(r => r.Failure != null))
    {
        throw new Exception("a benchmark host failed (see docs/benchmarks.md): " + string.Join("; ", results.Select(r => r.Failure).Where(f => f != null)));
    }
});
