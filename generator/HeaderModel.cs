// What the generator knows about the C side: the prototypes and data symbols declared in
// include/, and the symbols the C part (src/native/*.c) defines. Both come from libclang.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace PyCApi.Generator;

/// <summary>How a C type crosses the managed boundary.</summary>
internal enum CTypeClass
{
    Void,
    Pointer,
    Signed,
    Unsigned,
    Floating,
    /// <summary>No blittable managed equivalent (struct by value, long double, __int128...).</summary>
    Unsupported,
}

/// <summary>A C type: its spelling (for messages and comments) and the managed type a stub uses.</summary>
internal sealed record CType(string Spelling, CTypeClass Class, string Managed)
{
    public bool IsVoid => Class == CTypeClass.Void;
    public bool IsPointer => Class == CTypeClass.Pointer;
    public bool IsInteger => Class is CTypeClass.Signed or CTypeClass.Unsigned;
}

internal sealed record CParam(string Name, CType Type);

internal sealed record CFunction(
    string Name, CType Return, IReadOnlyList<CParam> Params, bool IsVariadic, string Header, int Order)
{
    /// <summary>The prototype as C spells it, for comments in the generated code.</summary>
    public string Prototype => PrototypeNamed(Name);

    /// <summary>The prototype with another function name (a slow path's entry point).</summary>
    public string PrototypeNamed(string name) =>
        Join(Return.Spelling, name) + "(" +
        string.Join(", ", Params.Select(p => Join(p.Type.Spelling, p.Name))) +
        (IsVariadic ? (Params.Count == 0 ? "..." : ", ...") : Params.Count == 0 ? "void" : "") + ")";

    // "PyObject *" + "o" reads as C does: "PyObject *o".
    private static string Join(string type, string name) =>
        name.Length == 0 ? type : type.EndsWith('*') ? type + name : $"{type} {name}";
}

internal sealed record CVariable(string Name, string TypeSpelling, string Header);

/// <summary>Everything exported that include/ declares, in header order (first declaration wins).</summary>
internal sealed class HeaderModel
{
    public List<CFunction> Functions { get; } = [];
    public List<CVariable> Variables { get; } = [];
    /// <summary>Functions the headers define (static inline): never exported, no stub.</summary>
    public SortedSet<string> InlineFunctions { get; } = new(StringComparer.Ordinal);

    public HashSet<string> FunctionNames => Functions.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
    public HashSet<string> VariableNames => Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
}

/// <summary>External-linkage definitions found in src/native/*.c.</summary>
internal sealed class NativeModel
{
    public SortedSet<string> Functions { get; } = new(StringComparer.Ordinal);
    public SortedSet<string> Variables { get; } = new(StringComparer.Ordinal);
}

internal sealed class ClangReader : IDisposable
{
    private readonly nint _index = LibClang.clang_createIndex(0, 0);

    public void Dispose() => LibClang.clang_disposeIndex(_index);

    /// <summary>Reads the prototypes of <paramref name="roots"/> (Python.h, structmember.h) and
    /// everything they include from <paramref name="includeDir"/>; system headers are ignored.</summary>
    public HeaderModel ReadHeaders(string includeDir, IReadOnlyList<string> roots, List<string> errors)
    {
        includeDir = Path.GetFullPath(includeDir);
        string[] args = ["-I", includeDir, "-x", "c", "-std=c11"];
        var model = new HeaderModel();
        var seenFunctions = new Dictionary<string, CFunction>(StringComparer.Ordinal);
        var seenVariables = new HashSet<string>(StringComparer.Ordinal);
        // One in-memory unit that includes the roots in order, as an extension does: structmember.h
        // relies on Python.h being included first. It lives outside include/ so that nothing in it
        // counts; <...> keeps a stray Python.h next to it (in the temp dir) from being picked up.
        string source = string.Concat(roots.Select(r => $"#include <{r}>\n"));
        string unitPath = Path.Combine(Path.GetTempPath(), "pycapi-generator-headers.c");
        nint tu = LibClang.Parse(_index, unitPath, args, errors, source);
        if (tu != 0)
        {
            try
            {
                // C has no namespaces: every declaration we want is a direct child of the unit.
                LibClang.VisitChildren(LibClang.clang_getTranslationUnitCursor(tu), cursor =>
                {
                    if (cursor.Kind is not (CXCursorKind.FunctionDecl or CXCursorKind.VarDecl))
                        return CXChildVisitResult.Continue;
                    string? header = RelativeIfUnder(includeDir, LibClang.FileOf(cursor));
                    if (header is null)
                        return CXChildVisitResult.Continue;
                    string name = LibClang.Take(LibClang.clang_getCursorSpelling(cursor));
                    CXStorageClass storage = LibClang.clang_Cursor_getStorageClass(cursor);
                    if (cursor.Kind == CXCursorKind.FunctionDecl)
                    {
                        // A body in a header means static inline: the extension compiles it in.
                        if (storage == CXStorageClass.Static || LibClang.clang_isCursorDefinition(cursor) != 0)
                            model.InlineFunctions.Add(name);
                        else if (!seenFunctions.ContainsKey(name))
                            seenFunctions[name] = ReadFunction(cursor, name, header, seenFunctions.Count);
                    }
                    else if (storage == CXStorageClass.Extern && LibClang.clang_isCursorDefinition(cursor) == 0
                             && seenVariables.Add(name))
                    {
                        string type = LibClang.Take(LibClang.clang_getTypeSpelling(LibClang.clang_getCursorType(cursor)));
                        model.Variables.Add(new CVariable(name, type, header));
                    }
                    return CXChildVisitResult.Continue;
                });
            }
            finally
            {
                LibClang.clang_disposeTranslationUnit(tu);
            }
        }
        // A name with a body anywhere is inline, even if a plain prototype came first.
        model.Functions.AddRange(seenFunctions.Values
            .Where(f => !model.InlineFunctions.Contains(f.Name))
            .OrderBy(f => f.Order));
        return model;
    }

    /// <summary>Collects the functions and variables each src/native/*.c defines with external linkage.</summary>
    /// <summary>The C part's definitions; <paramref name="generatedDir"/> holds the headers the
    /// generator itself writes for it (slow_paths.g.h).</summary>
    public NativeModel ReadNative(string nativeDir, string includeDir, string generatedDir, List<string> errors)
    {
        nativeDir = Path.GetFullPath(nativeDir);
        // The C part is compiled with -D_GNU_SOURCE (LibPyCApi.csproj): parse it the same way.
        string[] args = ["-I", Path.GetFullPath(includeDir), "-I", nativeDir, "-I", Path.GetFullPath(generatedDir), "-x", "c", "-std=c11",
            "-D_GNU_SOURCE"];
        var model = new NativeModel();
        string[] files = Directory.GetFiles(nativeDir, "*.c");
        Array.Sort(files, StringComparer.Ordinal);
        foreach (string file in files)
        {
            nint tu = LibClang.Parse(_index, file, args, errors);
            if (tu == 0)
                continue;
            try
            {
                LibClang.VisitChildren(LibClang.clang_getTranslationUnitCursor(tu), cursor =>
                {
                    if (cursor.Kind is not (CXCursorKind.FunctionDecl or CXCursorKind.VarDecl))
                        return CXChildVisitResult.Continue;
                    // A file-scope variable without 'extern' is a (possibly tentative) definition;
                    // libclang only calls it one when it has an initializer.
                    bool defines = LibClang.clang_isCursorDefinition(cursor) != 0
                        || (cursor.Kind == CXCursorKind.VarDecl
                            && LibClang.clang_Cursor_getStorageClass(cursor) == CXStorageClass.None);
                    if (!defines
                        || LibClang.clang_getCursorLinkage(cursor) != CXLinkageKind.External
                        || RelativeIfUnder(nativeDir, LibClang.FileOf(cursor)) is null)
                        return CXChildVisitResult.Continue;
                    string name = LibClang.Take(LibClang.clang_getCursorSpelling(cursor));
                    (cursor.Kind == CXCursorKind.FunctionDecl ? model.Functions : model.Variables).Add(name);
                    return CXChildVisitResult.Continue;
                });
            }
            finally
            {
                LibClang.clang_disposeTranslationUnit(tu);
            }
        }
        return model;
    }

    private static CFunction ReadFunction(CXCursor cursor, string name, string header, int order)
    {
        CType ret = MapType(LibClang.clang_getCursorResultType(cursor));
        int count = LibClang.clang_Cursor_getNumArguments(cursor);
        var parameters = new List<CParam>(Math.Max(count, 0));
        for (uint i = 0; i < (uint)Math.Max(count, 0); i++)
        {
            CXCursor arg = LibClang.clang_Cursor_getArgument(cursor, i);
            parameters.Add(new CParam(
                LibClang.Take(LibClang.clang_getCursorSpelling(arg)),
                MapType(LibClang.clang_getCursorType(arg))));
        }
        bool variadic = LibClang.clang_Cursor_isVariadic(cursor) != 0;
        return new CFunction(name, ret, parameters, variadic, header, order);
    }

    /// <summary>Maps a C type to the managed type of a stub. Typedef names are looked at before the
    /// canonical type because Py_ssize_t and size_t say "pointer-sized" where the canonical type
    /// only says "long".</summary>
    private static CType MapType(CXType type)
    {
        string spelling = LibClang.Take(LibClang.clang_getTypeSpelling(type));
        CXType current = type;
        for (int depth = 0; depth < 64; depth++)
        {
            if (current.Kind == CXTypeKind.Typedef)
            {
                switch (LibClang.Take(LibClang.clang_getTypedefName(current)))
                {
                    case "Py_ssize_t" or "Py_hash_t" or "ssize_t" or "intptr_t" or "ptrdiff_t":
                        return new CType(spelling, CTypeClass.Signed, "nint");
                    case "size_t" or "uintptr_t":
                        return new CType(spelling, CTypeClass.Unsigned, "nuint");
                }
                current = LibClang.clang_getTypedefDeclUnderlyingType(LibClang.clang_getTypeDeclaration(current));
            }
            else if (current.Kind == CXTypeKind.Elaborated)
                current = LibClang.clang_Type_getNamedType(current);
            else if (current.Kind == CXTypeKind.Attributed)
                current = LibClang.clang_Type_getModifiedType(current);
            else
                break;
        }
        return LibClang.clang_getCanonicalType(type).Kind switch
        {
            CXTypeKind.Void => new CType(spelling, CTypeClass.Void, "void"),
            CXTypeKind.Pointer or CXTypeKind.BlockPointer or CXTypeKind.ConstantArray or CXTypeKind.IncompleteArray
                or CXTypeKind.VariableArray or CXTypeKind.DependentSizedArray
                or CXTypeKind.FunctionProto or CXTypeKind.FunctionNoProto
                => new CType(spelling, CTypeClass.Pointer, "nint"),
            CXTypeKind.Bool or CXTypeKind.Char_U or CXTypeKind.UChar => new CType(spelling, CTypeClass.Unsigned, "byte"),
            CXTypeKind.Char_S or CXTypeKind.SChar => new CType(spelling, CTypeClass.Signed, "sbyte"),
            CXTypeKind.Short => new CType(spelling, CTypeClass.Signed, "short"),
            CXTypeKind.UShort or CXTypeKind.Char16 => new CType(spelling, CTypeClass.Unsigned, "ushort"),
            CXTypeKind.Int or CXTypeKind.WChar or CXTypeKind.Enum => new CType(spelling, CTypeClass.Signed, "int"),
            CXTypeKind.UInt or CXTypeKind.Char32 => new CType(spelling, CTypeClass.Unsigned, "uint"),
            CXTypeKind.Long or CXTypeKind.LongLong => new CType(spelling, CTypeClass.Signed, "long"),
            CXTypeKind.ULong or CXTypeKind.ULongLong => new CType(spelling, CTypeClass.Unsigned, "ulong"),
            CXTypeKind.Float => new CType(spelling, CTypeClass.Floating, "float"),
            CXTypeKind.Double => new CType(spelling, CTypeClass.Floating, "double"),
            _ => new CType(spelling, CTypeClass.Unsupported, ""),
        };
    }

    /// <summary>The path of <paramref name="file"/> relative to <paramref name="dir"/>, or null if it is elsewhere.</summary>
    private static string? RelativeIfUnder(string dir, string? file)
    {
        if (file is null)
            return null;
        string full = Path.GetFullPath(file);
        string prefix = dir.EndsWith('/') ? dir : dir + "/";
        return full.StartsWith(prefix, StringComparison.Ordinal) ? full[prefix.Length..] : null;
    }
}
