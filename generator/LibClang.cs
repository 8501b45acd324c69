// A thin P/Invoke binding to the libclang C API: only the entry points the generator uses.
// Every signature is blittable (strings are passed as UTF-8 pointers we marshal ourselves),
// so no runtime marshalling stubs are involved and the struct layouts below are the contract.
using System;
using System.Collections.Generic;
using System.Reflection;
using System.Runtime.InteropServices;

namespace PyCApi.Generator;

/// <summary>CXString: { const void *data; unsigned private_flags; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXString
{
    public nint Data;
    public uint PrivateFlags;
}

/// <summary>CXCursor: { enum CXCursorKind kind; int xdata; const void *data[3]; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXCursor
{
    public CXCursorKind Kind;
    public int XData;
    public nint Data0, Data1, Data2;
}

/// <summary>CXType: { enum CXTypeKind kind; void *data[2]; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXType
{
    public CXTypeKind Kind;
    public nint Data0, Data1;
}

/// <summary>CXSourceLocation: { const void *ptr_data[2]; unsigned int_data; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CXSourceLocation
{
    public nint Ptr0, Ptr1;
    public uint IntData;
}

/// <summary>CXUnsavedFile: { const char *Filename; const char *Contents; unsigned long Length; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct CXUnsavedFile
{
    public byte* Filename;
    public byte* Contents;
    public nuint Length;
}

/// <summary>The subset of enum CXCursorKind we look at.</summary>
internal enum CXCursorKind
{
    FunctionDecl = 8,
    VarDecl = 9,
}

/// <summary>The subset of enum CXTypeKind the type mapping distinguishes (values from Index.h, clang 14).</summary>
internal enum CXTypeKind
{
    Invalid = 0,
    Void = 2,
    Bool = 3,
    Char_U = 4,
    UChar = 5,
    Char16 = 6,
    Char32 = 7,
    UShort = 8,
    UInt = 9,
    ULong = 10,
    ULongLong = 11,
    Char_S = 13,
    SChar = 14,
    WChar = 15,
    Short = 16,
    Int = 17,
    Long = 18,
    LongLong = 19,
    Float = 21,
    Double = 22,
    Pointer = 101,
    BlockPointer = 102,
    Enum = 106,
    Typedef = 107,
    FunctionNoProto = 110,
    FunctionProto = 111,
    ConstantArray = 112,
    IncompleteArray = 114,
    VariableArray = 115,
    DependentSizedArray = 116,
    Elaborated = 119,
    Attributed = 163,
}

internal enum CXStorageClass
{
    Invalid = 0,
    None = 1,
    Extern = 2,
    Static = 3,
}

internal enum CXLinkageKind
{
    Invalid = 0,
    NoLinkage = 1,
    Internal = 2,
    UniqueExternal = 3,
    External = 4,
}

internal enum CXDiagnosticSeverity
{
    Ignored = 0,
    Note = 1,
    Warning = 2,
    Error = 3,
    Fatal = 4,
}

internal enum CXChildVisitResult
{
    Break = 0,
    Continue = 1,
    Recurse = 2,
}

internal static unsafe class LibClang
{
    private const string Lib = "libclang";

    // Debian ships libclang under several names; which ones exist depends on the packages
    // installed, so try them in order instead of relying on a dev-only unversioned symlink.
    private static readonly string[] Candidates =
    [
        "libclang-14.so.1",
        "libclang.so.1",
        "/usr/lib/llvm-14/lib/libclang.so.1",
        "/usr/lib/llvm-14/lib/libclang-14.so.1",
        "/usr/lib/x86_64-linux-gnu/libclang-14.so.1",
    ];

    static LibClang()
    {
        NativeLibrary.SetDllImportResolver(typeof(LibClang).Assembly, Resolve);
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (name != Lib)
            return 0;
        foreach (string candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, out nint handle))
                return handle;
        }
        throw new DllNotFoundException(
            "libclang not found (tried " + string.Join(", ", Candidates) + "); install libclang-14-dev");
    }

    [DllImport(Lib)] public static extern nint clang_createIndex(int excludeDeclarationsFromPCH, int displayDiagnostics);
    [DllImport(Lib)] public static extern void clang_disposeIndex(nint index);

    [DllImport(Lib)]
    public static extern int clang_parseTranslationUnit2(
        nint index, byte* sourceFilename, byte** commandLineArgs, int numCommandLineArgs,
        CXUnsavedFile* unsavedFiles, uint numUnsavedFiles, uint options, nint* outTranslationUnit);

    [DllImport(Lib)] public static extern void clang_disposeTranslationUnit(nint translationUnit);

    [DllImport(Lib)] public static extern uint clang_getNumDiagnostics(nint translationUnit);
    [DllImport(Lib)] public static extern nint clang_getDiagnostic(nint translationUnit, uint index);
    [DllImport(Lib)] public static extern CXDiagnosticSeverity clang_getDiagnosticSeverity(nint diagnostic);
    [DllImport(Lib)] public static extern uint clang_defaultDiagnosticDisplayOptions();
    [DllImport(Lib)] public static extern CXString clang_formatDiagnostic(nint diagnostic, uint options);
    [DllImport(Lib)] public static extern void clang_disposeDiagnostic(nint diagnostic);

    [DllImport(Lib)] public static extern CXCursor clang_getTranslationUnitCursor(nint translationUnit);
    [DllImport(Lib)] public static extern uint clang_visitChildren(
        CXCursor parent, delegate* unmanaged<CXCursor, CXCursor, nint, CXChildVisitResult> visitor, nint clientData);

    [DllImport(Lib)] public static extern CXString clang_getCursorSpelling(CXCursor cursor);
    [DllImport(Lib)] public static extern CXSourceLocation clang_getCursorLocation(CXCursor cursor);
    [DllImport(Lib)] public static extern void clang_getExpansionLocation(
        CXSourceLocation location, nint* file, uint* line, uint* column, uint* offset);
    [DllImport(Lib)] public static extern CXString clang_getFileName(nint file);

    [DllImport(Lib)] public static extern uint clang_isCursorDefinition(CXCursor cursor);
    [DllImport(Lib)] public static extern CXStorageClass clang_Cursor_getStorageClass(CXCursor cursor);
    [DllImport(Lib)] public static extern CXLinkageKind clang_getCursorLinkage(CXCursor cursor);
    [DllImport(Lib)] public static extern uint clang_Cursor_isVariadic(CXCursor cursor);
    [DllImport(Lib)] public static extern CXType clang_getCursorResultType(CXCursor cursor);
    [DllImport(Lib)] public static extern int clang_Cursor_getNumArguments(CXCursor cursor);
    [DllImport(Lib)] public static extern CXCursor clang_Cursor_getArgument(CXCursor cursor, uint index);
    [DllImport(Lib)] public static extern CXType clang_getCursorType(CXCursor cursor);

    [DllImport(Lib)] public static extern CXString clang_getTypeSpelling(CXType type);
    [DllImport(Lib)] public static extern CXType clang_getCanonicalType(CXType type);
    [DllImport(Lib)] public static extern CXString clang_getTypedefName(CXType type);
    [DllImport(Lib)] public static extern CXCursor clang_getTypeDeclaration(CXType type);
    [DllImport(Lib)] public static extern CXType clang_getTypedefDeclUnderlyingType(CXCursor cursor);
    [DllImport(Lib)] public static extern CXType clang_Type_getNamedType(CXType type);
    [DllImport(Lib)] public static extern CXType clang_Type_getModifiedType(CXType type);

    [DllImport(Lib)] public static extern byte* clang_getCString(CXString str);
    [DllImport(Lib)] public static extern void clang_disposeString(CXString str);

    /// <summary>Copies a CXString into a managed string and releases it.</summary>
    public static string Take(CXString str)
    {
        try
        {
            return Marshal.PtrToStringUTF8((nint)clang_getCString(str)) ?? "";
        }
        finally
        {
            clang_disposeString(str);
        }
    }

    /// <summary>The file a cursor is expanded in (the header that wrote the macro call, not the
    /// macro's definition), or null for cursors without a file (builtins).</summary>
    public static string? FileOf(CXCursor cursor)
    {
        nint file;
        uint line, column, offset;
        clang_getExpansionLocation(clang_getCursorLocation(cursor), &file, &line, &column, &offset);
        return file == 0 ? null : Take(clang_getFileName(file));
    }

    /// <summary>Visits the direct children of <paramref name="parent"/>. The visitor is a managed
    /// closure reached through a GCHandle in the client data; an exception it throws stops the
    /// walk and is rethrown here, since it must not unwind through libclang's frames.</summary>
    public static void VisitChildren(CXCursor parent, Func<CXCursor, CXChildVisitResult> visitor)
    {
        var state = new VisitState(visitor);
        GCHandle handle = GCHandle.Alloc(state);
        try
        {
            clang_visitChildren(parent, &Visit, GCHandle.ToIntPtr(handle));
        }
        finally
        {
            handle.Free();
        }
        if (state.Failure is not null)
            throw new InvalidOperationException("cursor visitor failed: " + state.Failure.Message, state.Failure);
    }

    private sealed class VisitState(Func<CXCursor, CXChildVisitResult> visitor)
    {
        public readonly Func<CXCursor, CXChildVisitResult> Visitor = visitor;
        public Exception? Failure;
    }

    [UnmanagedCallersOnly]
    private static CXChildVisitResult Visit(CXCursor cursor, CXCursor parent, nint clientData)
    {
        var state = (VisitState)GCHandle.FromIntPtr(clientData).Target!;
        try
        {
            return state.Visitor(cursor);
        }
        catch (Exception e)
        {
            state.Failure = e;
            return CXChildVisitResult.Break;
        }
    }

    /// <summary>Parses one file, read from disk or, if <paramref name="contents"/> is given, from
    /// memory; returns the translation unit (0 on failure) and adds the error diagnostics.</summary>
    public static nint Parse(nint index, string path, IReadOnlyList<string> args, List<string> errors, string? contents = null)
    {
        var allocated = new List<nint>();
        try
        {
            nint file = Marshal.StringToCoTaskMemUTF8(path);
            allocated.Add(file);
            byte** argv = stackalloc byte*[args.Count];
            for (int i = 0; i < args.Count; i++)
            {
                nint arg = Marshal.StringToCoTaskMemUTF8(args[i]);
                allocated.Add(arg);
                argv[i] = (byte*)arg;
            }
            CXUnsavedFile unsaved = default;
            if (contents is not null)
            {
                nint text = Marshal.StringToCoTaskMemUTF8(contents);
                allocated.Add(text);
                unsaved = new CXUnsavedFile
                {
                    Filename = (byte*)file,
                    Contents = (byte*)text,
                    Length = (nuint)System.Text.Encoding.UTF8.GetByteCount(contents),
                };
            }
            nint tu;
            int rc = clang_parseTranslationUnit2(index, (byte*)file, argv, args.Count,
                &unsaved, contents is null ? 0u : 1u, 0, &tu);
            if (rc != 0 || tu == 0)
            {
                errors.Add($"{path}: libclang could not parse the file (CXErrorCode {rc})");
                return 0;
            }
            uint count = clang_getNumDiagnostics(tu);
            uint options = clang_defaultDiagnosticDisplayOptions();
            for (uint i = 0; i < count; i++)
            {
                nint diagnostic = clang_getDiagnostic(tu, i);
                if (clang_getDiagnosticSeverity(diagnostic) >= CXDiagnosticSeverity.Error)
                    errors.Add(Take(clang_formatDiagnostic(diagnostic, options)));
                clang_disposeDiagnostic(diagnostic);
            }
            return tu;
        }
        finally
        {
            foreach (nint p in allocated)
                Marshal.FreeCoTaskMem(p);
        }
    }
}
