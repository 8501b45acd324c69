using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>An exception instance: args plus the fields CPython's exception structs add
/// for some classes (ImportError.name, OSError.errno, UnicodeError.start, ...).</summary>
internal sealed unsafe class PyBaseException : PyObject
{
    private PyTuple args;
    internal PyObject? Traceback, Cause, Context;
    internal bool SuppressContext;
    internal readonly Dictionary<string, PyObject> Fields = new();
    private PyDict? dict;

    private PyBaseException(PyType type, PyTuple args) : base(type) => this.args = args;

    /// <summary>args: once the exception has its native half, the one in the native
    /// layout (which holds a reference), so that C writing it (BaseException's tp_init,
    /// a C subclass's code) and managed code see the same tuple.</summary>
    internal PyTuple Args
    {
        get => Native != 0 && ObjectSpace.FromNativeOrNull(NativeLayout->args) is PyTuple t ? t : args;
        set
        {
            args = value;
            if (Native != 0)
            {
                nint old = NativeLayout->args;
                NativeLayout->args = ObjectSpace.NewRef(value).Address;
                ObjectSpace.XDecRef(old);
            }
        }
    }

    private PyBaseExceptionLayout* NativeLayout => (PyBaseExceptionLayout*)Native;

    /// <summary>The twin of an exception born in C (an instance of a C subclass, made by
    /// BaseException's tp_new): its args are the native layout's.</summary>
    internal static PyBaseException FromNative(nint p)
    {
        var l = (PyBaseExceptionLayout*)p;
        var args = ObjectSpace.FromNativeOrNull(l->args) as PyTuple ?? PyTuple.Empty;
        var exc = new PyBaseException((PyType)ObjectSpace.FromNative(l->ob_base.ob_type), args);
        exc.Initialize(args.ToArray(), null);
        return exc;
    }

    internal override PyDict? Dict => dict ??= new PyDict();

    internal override PyDict? DictForLookup => dict;

    /// <summary>The instance dict as it is: null until something stores in it or asks for
    /// it (__reduce__ tells the two apart, as CPython's).</summary>
    internal PyDict? InstanceDict
    {
        get => dict;
        set => dict = value;
    }

    /// <summary>OSError.characters_written: null while unset.</summary>
    internal PyInt? CharactersWritten;

    private bool Is(string builtinClass) => Type.IsSubtypeOf(BuiltinTypes.Get(builtinClass));

    /// <summary>BaseException.__new__ + __init__ with the per-class initialisation.</summary>
    internal static PyBaseException Create(PyType type, PyObject[] args, PyDict? kwargs = null)
    {
        var exc = new PyBaseException(OSErrorSubclass(type, args), PyTuple.Create(args));
        exc.Initialize(args, kwargs);
        return exc;
    }

    /// <summary>OSError_new: OSError itself, given an errno that has its own class
    /// (ENOENT: FileNotFoundError, ...), makes an instance of that class.</summary>
    private static PyType OSErrorSubclass(PyType type, PyObject[] args)
    {
        if (args.Length is < 2 or > 5 || args[0] is not PyInt errno || !ReferenceEquals(type, PyExc.OSError)
            || errno.Value < int.MinValue || errno.Value > int.MaxValue)
        {
            return type;
        }
        string? subclass = (int)errno.Value switch
        {
            11 or 114 or 115 => "BlockingIOError", // EAGAIN (EWOULDBLOCK), EALREADY, EINPROGRESS
            32 or 108 => "BrokenPipeError", // EPIPE, ESHUTDOWN
            10 => "ChildProcessError", // ECHILD
            103 => "ConnectionAbortedError", // ECONNABORTED
            111 => "ConnectionRefusedError", // ECONNREFUSED
            104 => "ConnectionResetError", // ECONNRESET
            17 => "FileExistsError", // EEXIST
            2 => "FileNotFoundError", // ENOENT
            21 => "IsADirectoryError", // EISDIR
            20 => "NotADirectoryError", // ENOTDIR
            4 => "InterruptedError", // EINTR
            13 or 1 => "PermissionError", // EACCES, EPERM
            3 => "ProcessLookupError", // ESRCH
            110 => "TimeoutError", // ETIMEDOUT
            _ => null,
        };
        return subclass is null ? type : PyExc.Get(subclass);
    }

    private void Initialize(PyObject[] args, PyDict? kwargs)
    {
        bool acceptsKeywords = Is("ImportError");
        if (kwargs is not null && kwargs.Count > 0 && !acceptsKeywords)
        {
            throw new PythonException(PyExc.TypeError, $"{Type.ShortName}() takes no keyword arguments");
        }
        PyObject At(int i) => i < args.Length ? args[i] : PyNone.Instance;
        if (Is("ImportError"))
        {
            Fields["msg"] = args.Length == 1 ? args[0] : PyNone.Instance;
            Fields["name"] = kwargs?.GetItem(new PyStr("name")) ?? PyNone.Instance;
            Fields["path"] = kwargs?.GetItem(new PyStr("path")) ?? PyNone.Instance;
        }
        else if (Is("StopIteration"))
        {
            Fields["value"] = At(0);
        }
        else if (Is("SystemExit"))
        {
            Fields["code"] = args.Length switch { 0 => PyNone.Instance, 1 => args[0], _ => Args };
        }
        else if (Is("UnicodeError") && args.Length == 5 && !ReferenceEquals(Type, BuiltinTypes.Get("UnicodeError")))
        {
            (Fields["encoding"], Fields["object"], Fields["start"], Fields["end"], Fields["reason"]) =
                (args[0], args[1], args[2], args[3], args[4]);
        }
        else if (Is("OSError"))
        {
            foreach (var f in new[] { "errno", "strerror", "filename", "filename2" })
            {
                Fields[f] = PyNone.Instance;
            }
            if (args.Length is >= 2 and <= 5)
            {
                Fields["errno"] = args[0];
                Fields["strerror"] = args[1];
                if (args.Length >= 3)
                {
                    Fields["filename"] = args[2];
                    Args = PyTuple.Create([args[0], args[1]]);
                }
                if (args.Length >= 5)
                {
                    Fields["filename2"] = args[4];
                }
            }
        }
        else if (Is("SyntaxError"))
        {
            InitializeSyntaxError(args);
        }
        else if (Is("AttributeError") || Is("NameError"))
        {
            Fields["name"] = PyNone.Instance;
            if (Is("AttributeError"))
            {
                Fields["obj"] = PyNone.Instance;
            }
        }
    }

    /// <summary>SyntaxError_init: the message, and with a second argument the location
    /// tuple (filename, lineno, offset, text[, end_lineno, end_offset]).</summary>
    private void InitializeSyntaxError(PyObject[] args)
    {
        if (args.Length >= 1)
        {
            Fields["msg"] = args[0];
        }
        if (args.Length != 2)
        {
            return;
        }
        var info = Abstract.ToTuple(args[1]).ToArray();
        if (info.Length is < 4 or > 6)
        {
            throw new PythonException(PyExc.TypeError, info.Length < 4
                ? $"function takes at least 4 arguments ({info.Length} given)"
                : $"function takes at most 6 arguments ({info.Length} given)");
        }
        string[] names = ["filename", "lineno", "offset", "text", "end_lineno", "end_offset"];
        for (int i = 0; i < info.Length; i++)
        {
            Fields[names[i]] = info[i];
        }
    }

    /// <summary>PyErr_NormalizeException's rule: the instance itself, or type(*args).</summary>
    internal static PyBaseException Normalize(PyObject type, PyObject? value)
    {
        if (value is PyBaseException e && e.Type.IsSubtypeOf((PyType)type))
        {
            return e;
        }
        var args = value switch
        {
            null or PyNone => PyTuple.Empty,
            PyTuple t => t,
            _ => PyTuple.Create([value]),
        };
        return Abstract.Call(type, args, null) as PyBaseException
            ?? throw new PythonException(PyExc.TypeError,
                $"calling {type.ReprString()} should have returned an instance of BaseException, not {value?.Type.Name}");
    }

    internal override unsafe nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Math.Max(Type.BasicSize, sizeof(PyBaseExceptionLayout)), Type);
        var l = (PyBaseExceptionLayout*)p;
        l->args = ObjectSpace.NewRef(args).Address;
        return p;
    }

    /// <summary>BaseException_str.</summary>
    internal string ArgsStr() => Args.Count switch
    {
        0 => "",
        1 => Args[0].StrString(),
        _ => Args.StrString(),
    };

    /// <summary>BaseException's str and repr (a C subclass's own slots come first, in
    /// PyObject.Str / Repr).</summary>
    internal override PyStr StrCore() => BuiltinStr();

    internal override PyStr ReprCore() => BuiltinRepr();

    private PyStr BuiltinStr()
    {
        if (Is("KeyError") && Args.Count == 1)
        {
            return Args[0].Repr();
        }
        if (Is("ImportError") && Fields["msg"] is PyStr msg)
        {
            return msg;
        }
        if (Is("UnicodeDecodeError") && Fields.ContainsKey("start"))
        {
            long start = (long)((PyInt)Fields["start"]).Value, end = (long)((PyInt)Fields["end"]).Value;
            string enc = Fields["encoding"].StrString(), reason = Fields["reason"].StrString();
            if (end == start + 1 && Fields["object"] is PyBytes b && start < b.Value.Length)
            {
                return new PyStr($"'{enc}' codec can't decode byte 0x{b.Value[start]:x2} in position {start}: {reason}");
            }
            return new PyStr($"'{enc}' codec can't decode bytes in position {start}-{end - 1}: {reason}");
        }
        if (Is("UnicodeEncodeError") && Fields.ContainsKey("start"))
        {
            long start = (long)((PyInt)Fields["start"]).Value, end = (long)((PyInt)Fields["end"]).Value;
            string enc = Fields["encoding"].StrString(), reason = Fields["reason"].StrString();
            if (end == start + 1 && Fields["object"] is PyStr s)
            {
                int cp = PyStr.CodePoints(s.Value)[start];
                string ch = cp <= 0xff ? $"\\x{cp:x2}" : cp <= 0xffff ? $"\\u{cp:x4}" : $"\\U{cp:x8}";
                return new PyStr($"'{enc}' codec can't encode character '{ch}' in position {start}: {reason}");
            }
            return new PyStr($"'{enc}' codec can't encode characters in position {start}-{end - 1}: {reason}");
        }
        if (Is("OSError") && Fields["errno"] is not PyNone && Fields["strerror"] is not PyNone)
        {
            string head = $"[Errno {Fields["errno"].StrString()}] {Fields["strerror"].StrString()}";
            return new PyStr(Fields["filename"] is PyNone ? head : $"{head}: {Fields["filename"].ReprString()}");
        }
        return new PyStr(ArgsStr());
    }

    private PyStr BuiltinRepr() => new(Args.Count == 1
        ? $"{Type.ShortName}({Args[0].ReprString()})"
        : $"{Type.ShortName}{Args.ReprString()}");

    /// <summary>PyErr_NewException's class: type(name, bases, dict) for "module.name".
    /// The dict gets __module__ from the name unless it has one (CPython sets it in the
    /// caller's dict too).</summary>
    internal static PyType NewClass(string qualifiedName, PyObject? bases, PyDict? dict)
    {
        int dot = qualifiedName.LastIndexOf('.');
        if (dot < 0)
        {
            throw new PythonException(PyExc.SystemError, "PyErr_NewException: name must be module.class");
        }
        dict ??= new PyDict();
        var moduleKey = new PyStr("__module__");
        if (dict.GetItem(moduleKey) is null)
        {
            dict.SetItem(moduleKey, new PyStr(qualifiedName[..dot]));
        }
        bases ??= PyExc.Exception;
        var baseTuple = bases as PyTuple ?? PyTuple.Create([bases]);
        return TypeNew.New(BuiltinTypes.Type, [new PyStr(qualifiedName[(dot + 1)..]), baseTuple, dict], null);
    }
}

internal static unsafe class ExceptionApi
{
    [CApi]
    internal static void PyErr_NormalizeException(nint* ptype, nint* pvalue, nint* ptraceback)
    {
        if (*ptype == 0)
        {
            return;
        }
        var type = ObjectSpace.FromNative(*ptype);
        if (type is not PyType t || !t.IsExceptionType)
        {
            return;
        }
        var value = ObjectSpace.FromNativeOrNull(*pvalue);
        var exc = PyBaseException.Normalize(t, value);
        ObjectSpace.XDecRef(*pvalue);
        *pvalue = ObjectSpace.NewRef(exc).Address;
        if (!ReferenceEquals(exc.Type, t))
        {
            ObjectSpace.DecRef(*ptype);
            *ptype = ObjectSpace.NewRef(exc.Type).Address;
        }
    }

    [CApi]
    internal static NewReference PyErr_NewException(string name, BorrowedReference @base, BorrowedReference dict) =>
        ObjectSpace.NewRef(PyBaseException.NewClass(name, ObjectSpace.FromNativeOrNull(@base), DictOrNull(dict)));

    /// <summary>The doc goes into the class dict (a new one when dict is NULL).</summary>
    [CApi]
    internal static NewReference PyErr_NewExceptionWithDoc(string name, string? doc, BorrowedReference @base, BorrowedReference dict)
    {
        var d = DictOrNull(dict) ?? new PyDict();
        if (doc is not null)
        {
            d.SetItem(new PyStr("__doc__"), new PyStr(doc));
        }
        return ObjectSpace.NewRef(PyBaseException.NewClass(name, ObjectSpace.FromNativeOrNull(@base), d));
    }

    private static PyDict? DictOrNull(BorrowedReference dict) => ObjectSpace.FromNativeOrNull(dict) switch
    {
        null => null,
        PyDict d => d,
        _ => throw Abstract.BadInternalCall(),
    };

    private static PyBaseException Exc(BorrowedReference o) =>
        ObjectSpace.FromNative(o) as PyBaseException ?? throw Abstract.BadInternalCall();

    // ---- UnicodeDecodeError / UnicodeEncodeError attributes ----

    [CApi]
    internal static NewReference PyUnicodeDecodeError_Create(string encoding, byte* @object, nint length, nint start,
        nint end, string reason) =>
        ObjectSpace.NewFresh(PyBaseException.Create(PyExc.UnicodeDecodeError,
            [new PyStr(encoding), new PyBytes(new ReadOnlySpan<byte>(@object, checked((int)length)).ToArray()),
             new PyInt(start), new PyInt(end), new PyStr(reason)]));

    /// <summary>The named attribute, which must be of the given class: CPython's "X attribute
    /// must be unicode/bytes" TypeError otherwise.</summary>
    private static T UnicodeErrorField<T>(BorrowedReference exc, string name, string what) where T : PyObject =>
        ObjectSpace.FromNative(exc).GetAttr(new PyStr(name)) as T
            ?? throw new PythonException(PyExc.TypeError, $"{name} attribute must be {what}");

    private static int ObjectLength(BorrowedReference exc, bool decode) => decode
        ? UnicodeErrorField<PyBytes>(exc, "object", "bytes").Value.Length
        : PyStr.CodePoints(UnicodeErrorField<PyStr>(exc, "object", "unicode").Value).Length;

    private static nint IntField(BorrowedReference exc, string name) =>
        (nint)(long)(ObjectSpace.FromNative(exc).GetAttr(new PyStr(name)) as PyInt
            ?? throw new PythonException(PyExc.TypeError, $"{name} attribute must be int")).Value;

    /// <summary>start raised to 0, then lowered to len-1, as CPython 3.11 reports it.</summary>
    private static int GetStart(BorrowedReference exc, nint* start, bool decode)
    {
        nint s = Math.Max(IntField(exc, "start"), 0);
        int length = ObjectLength(exc, decode);
        *start = s >= length ? length - 1 : s;
        return 0;
    }

    /// <summary>end clamped into [1, len].</summary>
    private static int GetEnd(BorrowedReference exc, nint* end, bool decode)
    {
        nint e = IntField(exc, "end");
        int length = ObjectLength(exc, decode);
        *end = Math.Min(Math.Max(e, 1), length);
        return 0;
    }

    private static int SetField(BorrowedReference exc, string name, PyObject value)
    {
        ObjectSpace.FromNative(exc).SetAttr(new PyStr(name), value);
        return 0;
    }

    [CApi]
    internal static NewReference PyUnicodeDecodeError_GetEncoding(BorrowedReference exc) =>
        ObjectSpace.NewRef(UnicodeErrorField<PyStr>(exc, "encoding", "unicode"));

    [CApi]
    internal static NewReference PyUnicodeEncodeError_GetEncoding(BorrowedReference exc) =>
        ObjectSpace.NewRef(UnicodeErrorField<PyStr>(exc, "encoding", "unicode"));

    [CApi]
    internal static NewReference PyUnicodeDecodeError_GetObject(BorrowedReference exc) =>
        ObjectSpace.NewRef(UnicodeErrorField<PyBytes>(exc, "object", "bytes"));

    [CApi]
    internal static NewReference PyUnicodeEncodeError_GetObject(BorrowedReference exc) =>
        ObjectSpace.NewRef(UnicodeErrorField<PyStr>(exc, "object", "unicode"));

    [CApi]
    internal static int PyUnicodeDecodeError_GetStart(BorrowedReference exc, nint* start) => GetStart(exc, start, true);

    [CApi]
    internal static int PyUnicodeEncodeError_GetStart(BorrowedReference exc, nint* start) => GetStart(exc, start, false);

    [CApi]
    internal static int PyUnicodeDecodeError_GetEnd(BorrowedReference exc, nint* end) => GetEnd(exc, end, true);

    [CApi]
    internal static int PyUnicodeEncodeError_GetEnd(BorrowedReference exc, nint* end) => GetEnd(exc, end, false);

    [CApi]
    internal static int PyUnicodeDecodeError_SetStart(BorrowedReference exc, nint start) => SetField(exc, "start", new PyInt(start));

    [CApi]
    internal static int PyUnicodeEncodeError_SetStart(BorrowedReference exc, nint start) => SetField(exc, "start", new PyInt(start));

    [CApi]
    internal static int PyUnicodeDecodeError_SetEnd(BorrowedReference exc, nint end) => SetField(exc, "end", new PyInt(end));

    [CApi]
    internal static int PyUnicodeEncodeError_SetEnd(BorrowedReference exc, nint end) => SetField(exc, "end", new PyInt(end));

    [CApi]
    internal static NewReference PyUnicodeDecodeError_GetReason(BorrowedReference exc) =>
        ObjectSpace.NewRef(UnicodeErrorField<PyStr>(exc, "reason", "unicode"));

    [CApi]
    internal static NewReference PyUnicodeEncodeError_GetReason(BorrowedReference exc) =>
        ObjectSpace.NewRef(UnicodeErrorField<PyStr>(exc, "reason", "unicode"));

    [CApi]
    internal static int PyUnicodeDecodeError_SetReason(BorrowedReference exc, string reason) => SetField(exc, "reason", new PyStr(reason));

    [CApi]
    internal static int PyUnicodeEncodeError_SetReason(BorrowedReference exc, string reason) => SetField(exc, "reason", new PyStr(reason));

    [CApi]
    internal static NewReference PyException_GetTraceback(BorrowedReference exc) => ObjectSpace.NewRefOrNull(Exc(exc).Traceback);

    [CApi]
    internal static int PyException_SetTraceback(BorrowedReference exc, BorrowedReference tb)
    {
        Exc(exc).Traceback = ObjectSpace.FromNativeOrNull(tb) is PyNone or null ? null : ObjectSpace.FromNative(tb);
        return 0;
    }

    [CApi]
    internal static NewReference PyException_GetCause(BorrowedReference exc) => ObjectSpace.NewRefOrNull(Exc(exc).Cause);

    /// <summary>Steals the cause, as CPython's does.</summary>
    [CApi]
    internal static void PyException_SetCause(BorrowedReference exc, StolenReference cause)
    {
        var e = Exc(exc);
        e.Cause = cause.IsNull ? null : ObjectSpace.Steal(cause.Address);
        e.SuppressContext = true;
    }

    [CApi]
    internal static NewReference PyException_GetContext(BorrowedReference exc) => ObjectSpace.NewRefOrNull(Exc(exc).Context);

    [CApi]
    internal static void PyException_SetContext(BorrowedReference exc, StolenReference context) =>
        Exc(exc).Context = context.IsNull ? null : ObjectSpace.Steal(context.Address);

    [CApi]
    internal static byte* PyExceptionClass_Name(BorrowedReference exc) => ((PyTypeObjectLayout*)exc.Address)->tp_name;

    [CApi]
    internal static void PyErr_Print() => PyErr_PrintEx(1);

    /// <summary>Prints the pending exception with the traceback it carries (the entries C
    /// added with PyTraceBack_Here: no Python frame runs here), sets sys.last_*, and exits
    /// for SystemExit.</summary>
    [CApi]
    internal static void PyErr_PrintEx(int setSysLastVars)
    {
        var pending = PythonException.Fetch();
        if (pending is null)
        {
            return;
        }
        var exc = pending.Normalize();
        // As CPython: the fetched traceback replaces the exception's own, even when absent.
        exc.Traceback = pending.Traceback is { } tb && Tracebacks.IsTraceback(tb) ? tb : null;
        if (exc.Type.IsSubtypeOf(PyExc.SystemExit))
        {
            HandleSystemExit(exc);
        }
        if (setSysLastVars != 0)
        {
            Sys.Set("last_type", exc.Type);
            Sys.Set("last_value", exc);
            Sys.Set("last_traceback", exc.Traceback ?? PyNone.Instance);
        }
        Display(exc);
    }

    [CApi]
    internal static void PyErr_Display(BorrowedReference type, BorrowedReference value, BorrowedReference traceback)
    {
        var v = ObjectSpace.FromNativeOrNull(value);
        if (v is PyBaseException e)
        {
            if (e.Traceback is null && ObjectSpace.FromNativeOrNull(traceback) is { } tb && Tracebacks.IsTraceback(tb))
            {
                e.Traceback = tb;
            }
            Display(e);
        }
        else if (v is not null)
        {
            StdIO.WriteStderr($"TypeError: print_exception(): Exception expected for value, {v.Type.Name} found\n");
        }
    }

    private static void Display(PyBaseException exc)
    {
        var seen = new HashSet<PyObject>(ReferenceEqualityComparer.Instance);
        var text = new System.Text.StringBuilder();
        Format(exc, text, seen);
        StdIO.WriteStderr(text.ToString());
    }

    private static void Format(PyBaseException exc, System.Text.StringBuilder text, HashSet<PyObject> seen)
    {
        seen.Add(exc);
        if (exc.Cause is PyBaseException cause && !seen.Contains(cause))
        {
            Format(cause, text, seen);
            text.Append("\nThe above exception was the direct cause of the following exception:\n\n");
        }
        else if (exc.Context is PyBaseException context && !exc.SuppressContext && !seen.Contains(context))
        {
            Format(context, text, seen);
            text.Append("\nDuring handling of the above exception, another exception occurred:\n\n");
        }
        if (exc.Traceback is { } tb)
        {
            Tracebacks.Format(tb, text);
        }
        string name = DisplayName(exc);
        string message = DisplayMessage(exc);
        text.Append(message.Length == 0 ? name : $"{name}: {message}").Append('\n');
    }

    /// <summary>The class as a report names it: qualified by its module unless builtin or __main__.</summary>
    private static string DisplayName(PyBaseException exc)
    {
        string module = exc.Type.ModuleName;
        return module is "builtins" or "__main__" ? exc.Type.ShortName : $"{module}.{exc.Type.ShortName}";
    }

    private static string DisplayMessage(PyBaseException exc)
    {
        try
        {
            return exc.StrString();
        }
        catch (PythonException)
        {
            return "<exception str() failed>";
        }
    }

    private static void HandleSystemExit(PyBaseException exc)
    {
        var code = exc.Fields.GetValueOrDefault("code") ?? PyNone.Instance;
        int status = 0;
        if (code is PyInt i)
        {
            status = (int)i.Value;
        }
        else if (code is not PyNone)
        {
            StdIO.WriteStderr(code.StrString() + "\n");
            status = 1;
        }
        Lifecycle.Exit(status);
    }

    [CApi]
    internal static void PyErr_WriteUnraisable(BorrowedReference obj) => WriteUnraisable(null, obj);

    /// <summary>PyErr_WriteUnraisable with "Exception ignored " + message in place of
    /// "Exception ignored in" (CPython's format: "message: repr(obj)", or "message:" alone).</summary>
    [CApi]
    internal static void _PyErr_WriteUnraisableMsg(string? message, BorrowedReference obj) =>
        WriteUnraisable(message is null ? null : "Exception ignored " + message, obj);

    private static void WriteUnraisable(string? message, BorrowedReference obj)
    {
        var pending = PythonException.Fetch();
        if (pending is null)
        {
            return;
        }
        var exc = pending.Normalize();
        if (pending.Traceback is { } tb && Tracebacks.IsTraceback(tb))
        {
            exc.Traceback = tb;
        }
        var where = ObjectSpace.FromNativeOrNull(obj);
        var text = new System.Text.StringBuilder();
        if (where is not null && where is not PyNone)
        {
            text.Append(message ?? "Exception ignored in").Append(": ");
            try
            {
                text.Append(where.ReprString());
            }
            catch (PythonException)
            {
                text.Append("<object repr() failed>");
            }
            text.Append('\n');
        }
        else if (message is not null)
        {
            text.Append(message).Append(":\n");
        }
        // CPython's default unraisable hook: the traceback and the exception itself, without
        // its chain, and "Type: " even when str() is empty.
        if (exc.Traceback is { } excTb)
        {
            Tracebacks.Format(excTb, text);
        }
        text.Append(DisplayName(exc)).Append(": ").Append(DisplayMessage(exc)).Append('\n');
        StdIO.WriteStderr(text.ToString());
    }

    /// <summary>A warning printed as the warnings module shows one raised from C with no
    /// Python frame ("sys:1: Category: message"). Only CPython's default filters are
    /// modelled: a warning from C is attributed to module sys (not __main__), so the
    /// deprecation, import and resource categories are ignored and the others shown once
    /// for each category and text (the "default" action's registry).</summary>
    [CApi]
    internal static int PyErr_WarnEx(BorrowedReference category, string message, nint stackLevel)
    {
        var cat = ObjectSpace.FromNativeOrNull(category) as PyType ?? BuiltinTypes.Get("RuntimeWarning");
        if (!IgnoredByDefault.Any(name => cat.IsSubtypeOf(BuiltinTypes.Get(name))) && warningsShown.Add((cat, message)))
        {
            StdIO.WriteStderr($"sys:1: {cat.ShortName}: {message}\n");
        }
        return 0;
    }

    private static readonly string[] IgnoredByDefault =
        ["DeprecationWarning", "PendingDeprecationWarning", "ImportWarning", "ResourceWarning"];

    private static readonly HashSet<(PyType, string)> warningsShown = [];
}

internal static class ErrnoApi
{
    [CApi]
    internal static NewReference PyErr_SetFromErrno(BorrowedReference type) => SetFromErrno(type, null);

    [CApi]
    internal static NewReference PyErr_SetFromErrnoWithFilename(BorrowedReference type, string? filename) =>
        SetFromErrno(type, filename is null ? null : new PyStr(filename));

    [CApi]
    internal static NewReference PyErr_SetFromErrnoWithFilenameObject(BorrowedReference type, BorrowedReference filename) =>
        SetFromErrno(type, ObjectSpace.FromNativeOrNull(filename));

    /// <summary>type(errno, strerror[, filename]), raised; always returns NULL.</summary>
    private static NewReference SetFromErrno(BorrowedReference type, PyObject? filename)
    {
        int errno = Marshal.GetLastSystemError();
        var message = new PyStr(errno == 0 ? "Error" : Marshal.GetPInvokeErrorMessage(errno));
        PyObject[] args = filename is null ? [new PyInt(errno), message] : [new PyInt(errno), message, filename];
        var exc = Abstract.Call(ObjectSpace.FromNative(type), PyTuple.Create(args), null);
        throw new PythonException(exc.Type, exc);
    }
}
