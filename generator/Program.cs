// generator/ — README
//
// Usage (the build script runs it; every path is explicit, relative to the current directory):
//   dotnet run --project generator -c Release -- --include include --native src/native
//       --core src/Core/bin/Release/net10.0/PyCApi.Core.dll --out src/LibPyCApi/Generated
//       --coverage docs/coverage.md
//       [--census ../shared/data/api-census.tsv] [--exports ../shared/data/cpython311-exports.txt]
//
// What it does:
//   1. Parses include/Python.h then include/structmember.h (one unit, in that order, as an
//      extension includes them) with libclang and collects every
//      exported function prototype (static inline functions excluded) and extern data symbol
//      declared in a header under include/.
//   2. Parses each src/native/*.c and collects the functions and variables it defines with
//      external linkage: those are "implemented in C".
//   3. Loads PyCApi.Core by reflection and collects every static method marked
//      [PyCApi.Runtime.CApi]; the method's name is the C function it implements.
//   4. Writes <out>/Exports.g.cs: an [UnmanagedCallersOnly(EntryPoint = name)] stub for every
//      declared function the C part does not define. It adapts arguments to the managed
//      signature (BorrowedReference, StolenReference, string, bool, pointers, numbers), catches
//      every exception (ExceptionBridge.SetError) and returns the function's error value; a
//      function without implementation gets a stub that raises SystemError naming itself
//      (ExceptionBridge.NotImplemented).
//   5. Writes <out>/NativeExports.props: an --export-dynamic-symbol IlcArg for each symbol the
//      C part defines and include/ declares (Native AOT hides C symbols otherwise).
//   6. Writes the coverage report (declared / implemented, api-census.tsv, CPython exports).
//   Files are rewritten only when their content changes, so incremental builds stay quiet.
//   Any inconsistency (a [CApi] method without prototype, a function implemented both in C and
//   in C#, a parameter count mismatch, a header that does not parse) fails with exit code 1.
//
// Why a P/Invoke binding to libclang's C API (LibClang.cs) rather than `clang -Xclang
// -ast-dump=json`: the cursor walk is typed and visits only the top-level declarations we ask
// for, where the JSON dump of Python.h alone is ~10 MB (every libc header included) that
// must be parsed and then re-interpreted by hand; and libclang gives canonical types, typedef
// chains, storage class, linkage and "is this a definition" directly, which is exactly what
// the type mapping and the C/managed pairing need. The binding is a few dozen blittable entry
// points, needs no NuGet package (ClangSharp is not available here), and loads the libclang
// that Debian's libclang-14-dev installs.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace PyCApi.Generator;

internal static class Program
{
    private static readonly string[] HeaderRoots = ["Python.h", "structmember.h"];

    private sealed class Options
    {
        public string Include = "";
        public string Native = "";
        public string Core = "";
        public string Out = "";
        public string Coverage = "";
        public string? Census;
        public string? Exports;
    }

    public static int Main(string[] args)
    {
        Options? options = ParseArgs(args);
        if (options is null)
            return 2;
        try
        {
            return Run(options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or InvalidOperationException)
        {
            Console.Error.WriteLine($"generator: error: {e.Message}");
            return 1;
        }
    }

    private static int Run(Options o)
    {
        var errors = new List<string>();
        if (!Directory.Exists(o.Include))
            errors.Add($"--include {o.Include}: no such directory");
        if (!Directory.Exists(o.Native))
            errors.Add($"--native {o.Native}: no such directory");
        if (!File.Exists(o.Core))
            errors.Add($"--core {o.Core}: no such file (build src/Core first)");
        if (Fail(errors))
            return 1;

        HeaderModel headers;
        NativeModel native;
        Dictionary<string, ManagedImpl> impls;
        int written = 0;
        using (var clang = new ClangReader())
        {
            headers = clang.ReadHeaders(o.Include, HeaderRoots, errors);
            // Every .c file includes Python.h: a header error would be reported once per file.
            if (Fail(errors))
                return 1;
            impls = ManagedImpls.Load(o.Core, errors);
            // The C part includes the slow paths' prototypes: written before it is read.
            written += WriteIfChanged(Path.Combine(o.Out, "slow_paths.g.h"), StubEmitter.EmitSlowPathHeader(headers, impls)) ? 1 : 0;
            native = clang.ReadNative(o.Native, o.Include, o.Out, errors);
        }
        if (Fail(errors))
            return 1;

        // Reflection problems and pairing problems are reported together.
        StubEmitter.Result stubs = StubEmitter.EmitStubs(headers, native, impls, errors);
        if (Fail(errors))
            return 1;
        string props = StubEmitter.EmitNativeExportsProps(headers, native);
        string coverage = CoverageReport.Build(headers, native, impls, o.Census, o.Exports);

        written += WriteIfChanged(Path.Combine(o.Out, "Exports.g.cs"), stubs.Source) ? 1 : 0;
        written += WriteIfChanged(Path.Combine(o.Out, "NativeExports.props"), props) ? 1 : 0;
        written += WriteIfChanged(o.Coverage, coverage) ? 1 : 0;

        int inC = headers.Functions.Count(f => native.Functions.Contains(f.Name));
        int dataDefined = headers.Variables.Count(v => native.Variables.Contains(v.Name));
        Console.WriteLine(
            $"generator: {headers.Functions.Count} functions declared ({inC} in C, {stubs.ManagedCount} managed, " +
            $"{stubs.NotImplementedCount} not implemented), {dataDefined}/{headers.Variables.Count} data symbols defined; " +
            $"{written} file(s) updated");
        return 0;
    }

    private static bool Fail(List<string> errors)
    {
        foreach (string error in errors)
            Console.Error.WriteLine($"generator: error: {error}");
        return errors.Count > 0;
    }

    /// <summary>Writes UTF-8 without BOM, only if the bytes differ, so MSBuild sees no new timestamp.</summary>
    private static bool WriteIfChanged(string path, string content)
    {
        byte[] bytes = new UTF8Encoding(false).GetBytes(content);
        if (File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes))
            return false;
        string? dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null)
            Directory.CreateDirectory(dir);
        File.WriteAllBytes(path, bytes);
        return true;
    }

    private static Options? ParseArgs(string[] args)
    {
        var o = new Options();
        for (int i = 0; i < args.Length; i++)
        {
            string? value = i + 1 < args.Length ? args[i + 1] : null;
            if (value is null)
                return Usage($"missing value after {args[i]}");
            switch (args[i])
            {
                case "--include": o.Include = value; break;
                case "--native": o.Native = value; break;
                case "--core": o.Core = value; break;
                case "--out": o.Out = value; break;
                case "--coverage": o.Coverage = value; break;
                case "--census": o.Census = value; break;
                case "--exports": o.Exports = value; break;
                default: return Usage($"unknown argument {args[i]}");
            }
            i++;
        }
        if (o.Include.Length == 0 || o.Native.Length == 0 || o.Core.Length == 0 || o.Out.Length == 0 || o.Coverage.Length == 0)
            return Usage("--include, --native, --core, --out and --coverage are required");
        return o;
    }

    private static Options? Usage(string message)
    {
        Console.Error.WriteLine($"generator: {message}");
        Console.Error.WriteLine("usage: generator --include DIR --native DIR --core PyCApi.Core.dll --out DIR --coverage FILE.md [--census FILE.tsv] [--exports FILE.txt]");
        return null;
    }
}
