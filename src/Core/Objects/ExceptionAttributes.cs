using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The descriptors and methods in the exception classes' own dicts, as CPython's
/// exceptions.c declares them: BaseException's getsets, members and methods, and the
/// per-class members (OSError.errno, StopIteration.value, ...) over the instance's Fields.</summary>
internal static class ExceptionAttributes
{
    /// <summary>The classes' PyMemberDef object fields (T_OBJECT: a deleted one reads None).</summary>
    private static readonly (string Class, string[] Names)[] ObjectMembers =
    [
        ("StopIteration", ["value"]),
        ("SystemExit", ["code"]),
        ("ImportError", ["msg", "name", "path"]),
        ("OSError", ["errno", "strerror", "filename", "filename2"]),
        ("NameError", ["name"]),
        ("AttributeError", ["name", "obj"]),
        ("SyntaxError", ["msg", "filename", "lineno", "offset", "text", "end_lineno", "end_offset", "print_file_and_line"]),
    ];

    private static readonly string[] UnicodeErrorClasses = ["UnicodeEncodeError", "UnicodeDecodeError", "UnicodeTranslateError"];

    internal static void Register()
    {
        RegisterBaseException(PyExc.BaseException);
        foreach (var (cls, names) in ObjectMembers)
        {
            foreach (var name in names)
            {
                AddObjectMember(PyExc.Get(cls), name);
            }
        }
        foreach (var cls in UnicodeErrorClasses)
        {
            var type = PyExc.Get(cls);
            AddObjectMember(type, "encoding");
            AddObjectMember(type, "object");
            AddSsizeMember(type, "start");
            AddSsizeMember(type, "end");
            AddObjectMember(type, "reason");
        }
        RegisterOSError(PyExc.OSError);
        RegisterImportError(PyExc.Get("ImportError"));
    }

    /// <summary>The instance a descriptor of <paramref name="owner"/> was given, with
    /// CPython's error for an object of another class.</summary>
    private static PyBaseException Self(PyType owner, string name, PyObject o) =>
        o is PyBaseException e && o.Type.IsSubtypeOf(owner) ? e
            : throw new PythonException(PyExc.TypeError,
                $"descriptor '{name}' for '{owner.ShortName}' objects doesn't apply to a '{o.Type.Name}' object");

    private static void AddObjectMember(PyType type, string name) =>
        PyManagedMember.Add(type, name,
            o => Self(type, name, o).Fields.GetValueOrDefault(name) ?? PyNone.Instance,
            (o, value) => Self(type, name, o).Fields[name] = value ?? PyNone.Instance);

    /// <summary>A T_PYSSIZET member (UnicodeError.start / end): ints only, not deletable.</summary>
    private static void AddSsizeMember(PyType type, string name) =>
        PyManagedMember.Add(type, name,
            o => Self(type, name, o).Fields.GetValueOrDefault(name) ?? new PyInt(0),
            (o, value) => Self(type, name, o).Fields[name] = value switch
            {
                null => throw new PythonException(PyExc.TypeError, "can't delete numeric/char attribute"),
                PyInt i => new PyInt(MethodArgs.Index(i)),
                _ => throw new PythonException(PyExc.TypeError, "an integer is required"),
            });

    private static void RegisterBaseException(PyType type)
    {
        PyBuiltinMethodDescriptor.Add(type, "__reduce__", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "__reduce__", args, kwargs, 0, 0, ArgStyle.NoArgs);
            var e = (PyBaseException)self!;
            return Reduce(e, e.Args);
        });
        PyBuiltinMethodDescriptor.Add(type, "__setstate__", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "__setstate__", args, kwargs, 1, 1, ArgStyle.One);
            SetState(self!, args[0]);
            return PyNone.Instance;
        });
        PyBuiltinMethodDescriptor.Add(type, "with_traceback", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "with_traceback", args, kwargs, 1, 1, ArgStyle.One);
            var e = (PyBaseException)self!;
            e.Traceback = TracebackValue(args[0]);
            return e;
        });
        PyBuiltinMethodDescriptor.Add(type, "add_note", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "add_note", args, kwargs, 1, 1, ArgStyle.One);
            AddNote(self!, args[0]);
            return PyNone.Instance;
        });
        PyManagedMember.Add(type, "__suppress_context__",
            o => PyBool.Of(Self(type, "__suppress_context__", o).SuppressContext),
            (o, value) => Self(type, "__suppress_context__", o).SuppressContext = value switch
            {
                null => throw new PythonException(PyExc.TypeError, "can't delete numeric/char attribute"),
                PyBool b => b.IsTrue(),
                _ => throw new PythonException(PyExc.TypeError, "attribute value type must be bool"),
            });
        PyGetSetDescriptor.Add(type, "__dict__", o => Self(type, "__dict__", o).Dict!, (o, value) =>
            Self(type, "__dict__", o).InstanceDict = value switch
            {
                null => throw new PythonException(PyExc.TypeError, "cannot delete __dict__"),
                PyDict d => d,
                _ => throw new PythonException(PyExc.TypeError, $"__dict__ must be set to a dictionary, not a '{value.Type.Name}'"),
            });
        PyGetSetDescriptor.Add(type, "args", o => Self(type, "args", o).Args,
            (o, value) => Self(type, "args", o).Args = Abstract.ToTuple(value ?? throw CannotDelete("args")));
        PyGetSetDescriptor.Add(type, "__traceback__", o => Self(type, "__traceback__", o).Traceback ?? PyNone.Instance,
            (o, value) => Self(type, "__traceback__", o).Traceback = TracebackValue(value ?? throw CannotDelete("__traceback__")));
        PyGetSetDescriptor.Add(type, "__context__", o => Self(type, "__context__", o).Context ?? PyNone.Instance,
            (o, value) => Self(type, "__context__", o).Context = ChainedException(value, "__context__", "context"));
        PyGetSetDescriptor.Add(type, "__cause__", o => Self(type, "__cause__", o).Cause ?? PyNone.Instance, (o, value) =>
        {
            var e = Self(type, "__cause__", o);
            e.Cause = ChainedException(value, "__cause__", "cause");
            e.SuppressContext = true;
        });
    }

    /// <summary>OSError's __reduce__ (the filenames back in args) and characters_written,
    /// which reads as missing until set.</summary>
    private static void RegisterOSError(PyType type)
    {
        PyBuiltinMethodDescriptor.Add(type, "__reduce__", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "__reduce__", args, kwargs, 0, 0, ArgStyle.NoArgs);
            var e = (PyBaseException)self!;
            var fields = e.Fields;
            var reduced = e.Args;
            if (e.Args.Count == 2 && fields.GetValueOrDefault("filename") is { } filename and not PyNone)
            {
                reduced = fields.GetValueOrDefault("filename2") is { } filename2 and not PyNone
                    ? PyTuple.Create([e.Args[0], e.Args[1], filename, PyNone.Instance, filename2])
                    : PyTuple.Create([e.Args[0], e.Args[1], filename]);
            }
            return Reduce(e, reduced);
        });
        const string written = "characters_written";
        PyGetSetDescriptor.Add(type, written,
            o => Self(type, written, o).CharactersWritten ?? throw new PythonException(PyExc.AttributeError, written),
            (o, value) =>
            {
                var e = Self(type, written, o);
                if (value is null && e.CharactersWritten is null)
                {
                    throw new PythonException(PyExc.AttributeError, written);
                }
                e.CharactersWritten = value is null ? null : new PyInt(Number.AsSsize(value, PyExc.ValueError));
            });
    }

    /// <summary>ImportError's __reduce__: name and path, when set, join the instance dict
    /// as the state.</summary>
    private static void RegisterImportError(PyType type) =>
        PyBuiltinMethodDescriptor.Add(type, "__reduce__", (self, args, kwargs) =>
        {
            MethodArgs.Check(type, "__reduce__", args, kwargs, 0, 0, ArgStyle.NoArgs);
            var e = (PyBaseException)self!;
            var located = new[] { "name", "path" }
                .Select(name => (Name: name, Value: e.Fields.GetValueOrDefault(name)))
                .Where(field => field.Value is not null and not PyNone).ToArray();
            if (located.Length == 0)
            {
                return Reduce(e, e.Args);
            }
            var state = e.InstanceDict?.Copy() ?? new PyDict();
            foreach (var (name, value) in located)
            {
                state.SetItem(new PyStr(name), value!);
            }
            return PyTuple.Create([e.Type, e.Args, state]);
        });

    /// <summary>BaseException_reduce: (type, args), with the instance dict when it has one.</summary>
    private static PyTuple Reduce(PyBaseException e, PyTuple args) =>
        e.InstanceDict is { } dict ? PyTuple.Create([e.Type, args, dict]) : PyTuple.Create([e.Type, args]);

    /// <summary>BaseException_setstate: each item of a dict state becomes an attribute.</summary>
    private static void SetState(PyObject self, PyObject state)
    {
        if (state is PyNone)
        {
            return;
        }
        if (state is not PyDict d)
        {
            throw new PythonException(PyExc.TypeError, "state is not a dictionary");
        }
        foreach (var (key, value) in d.Items().ToArray())
        {
            Abstract.SetAttr(self, key, value);
        }
    }

    /// <summary>BaseException_add_note: appends to __notes__, made a list when missing.</summary>
    private static void AddNote(PyObject self, PyObject note)
    {
        if (note is not PyStr)
        {
            throw new PythonException(PyExc.TypeError, $"note must be a str, not '{note.Type.Name}'");
        }
        var notes = Attributes.Lookup(self, "__notes__");
        if (notes is null)
        {
            notes = PyList.Create([]);
            Abstract.SetAttr(self, new PyStr("__notes__"), notes);
        }
        if (notes is not PyList list)
        {
            throw new PythonException(PyExc.TypeError, "Cannot add note: __notes__ is not a list");
        }
        list.Append(note);
    }

    /// <summary>A value for __traceback__: None (stored as null) or a traceback.</summary>
    internal static PyObject? TracebackValue(PyObject value) => value switch
    {
        PyNone => null,
        _ when Tracebacks.IsTraceback(value) => value,
        _ => throw new PythonException(PyExc.TypeError, "__traceback__ must be a traceback or None"),
    };

    private static PythonException CannotDelete(string attribute) => new(PyExc.TypeError, $"{attribute} may not be deleted");

    /// <summary>A value for __cause__ / __context__: None (stored as null) or an exception.</summary>
    private static PyObject? ChainedException(PyObject? value, string attribute, string what) => value switch
    {
        null => throw CannotDelete(attribute),
        PyNone => null,
        PyBaseException e => e,
        _ => throw new PythonException(PyExc.TypeError, $"exception {what} must be None or derive from BaseException"),
    };
}
