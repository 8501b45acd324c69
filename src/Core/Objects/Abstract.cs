using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The object protocol's semantics (CPython's object.c and abstract.c), used by
/// the C API functions and by the object space itself.</summary>
internal static partial class Abstract
{
    internal static PythonException BadInternalCall() =>
        new(PyExc.SystemError, "bad argument to internal function");

    internal static PythonException Unhashable(PyObject o) => new(PyExc.TypeError, $"unhashable type: '{o.Type.Name}'");

    internal static long Hash(PyObject o) => o.Hash();

    private static readonly string[] OpSymbols = ["<", "<=", "==", "!=", ">", ">="];

    /// <summary>do_richcompare: the reflected operand first if it is a subtype, then the
    /// left one, then the right one; identity for == and !=; else TypeError.</summary>
    internal static PyObject RichCompare(PyObject v, PyObject w, CompareOp op)
    {
        var swapped = PyFloat.Swap(op);
        bool checkedReflected = false;
        if (!ReferenceEquals(v.Type, w.Type) && w.Type.IsSubtypeOf(v.Type))
        {
            checkedReflected = true;
            var r = w.RichCompare(v, swapped);
            if (r is not PyNotImplemented)
            {
                return r;
            }
        }
        var res = v.RichCompare(w, op);
        if (res is not PyNotImplemented)
        {
            return res;
        }
        if (!checkedReflected)
        {
            res = w.RichCompare(v, swapped);
            if (res is not PyNotImplemented)
            {
                return res;
            }
        }
        return op switch
        {
            CompareOp.Eq => PyBool.Of(ReferenceEquals(v, w)),
            CompareOp.Ne => PyBool.Of(!ReferenceEquals(v, w)),
            _ => throw new PythonException(PyExc.TypeError,
                $"'{OpSymbols[(int)op]}' not supported between instances of '{v.Type.Name}' and '{w.Type.Name}'"),
        };
    }

    internal static bool RichCompareBool(PyObject v, PyObject w, CompareOp op)
    {
        if (ReferenceEquals(v, w))
        {
            if (op == CompareOp.Eq)
            {
                return true;
            }
            if (op == CompareOp.Ne)
            {
                return false;
            }
        }
        return RichCompare(v, w, op).IsTrue();
    }

    internal static PyStr Str(PyObject o) => o.Str();

    /// <summary>1 if the lookup succeeds, 0 if it raises: hasattr's and has_key's contract,
    /// where the error is swallowed.</summary>
    internal static int SucceedsQuietly(Func<PyObject> lookup)
    {
        try
        {
            lookup();
            return 1;
        }
        catch (PythonException)
        {
            return 0;
        }
    }

    internal static PyObject Call(PyObject callable, PyTuple args, PyDict? kwargs)
    {
        if (!callable.IsCallable)
        {
            throw new PythonException(PyExc.TypeError, $"'{callable.Type.Name}' object is not callable");
        }
        if (callable is PyCFunction)
        {
            return callable.Call(args, kwargs); // its call in C counts the level, as CPython's does
        }
        RecursionGuard.Enter();
        try
        {
            return callable.Call(args, kwargs);
        }
        finally
        {
            RecursionGuard.Leave();
        }
    }

    /// <summary>callable(*args): a built-in function takes the array as it is, no tuple (a
    /// native one) is made for it.</summary>
    internal static PyObject CallPositional(PyObject callable, PyObject[] args)
    {
        if (callable is not PyBuiltinFunction builtin)
        {
            return Call(callable, PyTuple.Create(args), null);
        }
        RecursionGuard.Enter();
        try
        {
            return builtin.CallPositional(args);
        }
        finally
        {
            RecursionGuard.Leave();
        }
    }

    internal static PyStr AttributeName(PyObject name) => name as PyStr
        ?? throw new PythonException(PyExc.TypeError, $"attribute name must be string, not '{name.Type.Name}'");

    internal static PyObject GetAttr(PyObject o, PyObject name) => Attributes.GetAttr(o, AttributeName(name));

    internal static void SetAttr(PyObject o, PyObject name, PyObject? value) => o.SetAttr(AttributeName(name), value);

    internal static bool IsSubclass(PyType derived, PyType cls) => derived.IsSubtypeOf(cls);

    internal static bool IsInstance(PyObject o, PyType cls) => o.Type.IsSubtypeOf(cls);
}

/// <summary>Py_EnterRecursiveCall on the managed side of calls. It counts in the thread
/// state's recursion_remaining, as C's calls do, so a recursion that passes through both
/// worlds stops at the one limit.</summary>
internal static unsafe class RecursionGuard
{
    internal static void Enter()
    {
        fixed (byte* where = " while calling a Python object"u8)
        {
            if (CPart.Py_EnterRecursiveCall(where) != 0)
            {
                throw PythonException.FetchOrSystemError();
            }
        }
    }

    internal static void Leave() => CPart.Py_LeaveRecursiveCall();
}

/// <summary>The generic object API (CPython's object.c).</summary>
internal static unsafe class ObjectApi
{
    private static PyObject Arg(BorrowedReference o) =>
        ObjectSpace.FromNativeOrNull(o) ?? throw Abstract.BadInternalCall();

    [CApi]
    internal static NewReference PyObject_Repr(BorrowedReference o) =>
        o.IsNull ? ObjectSpace.NewFresh(new PyStr("<NULL>")) : ObjectSpace.NewRef(ObjectSpace.FromNative(o).Repr());

    [CApi]
    internal static NewReference PyObject_Str(BorrowedReference o) =>
        o.IsNull ? ObjectSpace.NewFresh(new PyStr("<NULL>")) : ObjectSpace.NewRef(ObjectSpace.FromNative(o).Str());

    [CApi]
    internal static NewReference PyObject_RichCompare(BorrowedReference a, BorrowedReference b, int op)
    {
        if (a.IsNull || b.IsNull || op < 0 || op > 5)
        {
            throw Abstract.BadInternalCall();
        }
        return ObjectSpace.NewRef(Abstract.RichCompare(Arg(a), Arg(b), (CompareOp)op));
    }

    [CApi]
    internal static int PyObject_RichCompareBool(BorrowedReference a, BorrowedReference b, int op) =>
        Abstract.RichCompareBool(Arg(a), Arg(b), (CompareOp)op) ? 1 : 0;

    [CApi]
    internal static nint PyObject_Hash(BorrowedReference o) => (nint)Abstract.Hash(Arg(o));

    [CApi]
    internal static nint PyObject_HashNotImplemented(BorrowedReference o) => throw Abstract.Unhashable(Arg(o));

    [CApi]
    internal static int PyObject_IsTrue(BorrowedReference o) => Arg(o).IsTrue() ? 1 : 0;

    [CApi]
    internal static int PyObject_Not(BorrowedReference o) => Arg(o).IsTrue() ? 0 : 1;

    [CApi(Error = "0")]
    internal static int PyCallable_Check(BorrowedReference o) => !o.IsNull && Arg(o).IsCallable ? 1 : 0;

    [CApi]
    internal static NewReference PyObject_Type(BorrowedReference o) => ObjectSpace.NewRef(Arg(o).Type);

    [CApi]
    internal static NewReference PyObject_GetAttr(BorrowedReference o, BorrowedReference name) =>
        ObjectSpace.NewRef(Abstract.GetAttr(Arg(o), Arg(name)));

    [CApi]
    internal static NewReference PyObject_GenericGetAttr(BorrowedReference o, BorrowedReference name) =>
        ObjectSpace.NewRef(Attributes.GenericGetAttr(Arg(o), Abstract.AttributeName(Arg(name))));

    /// <summary>Generic lookup with another dict in the instance dict's place (when not
    /// NULL); with suppress, a missing attribute is NULL without an AttributeError.</summary>
    [CApi]
    internal static NewReference _PyObject_GenericGetAttrWithDict(BorrowedReference o, BorrowedReference name,
        BorrowedReference dict, int suppress)
    {
        var self = Arg(o);
        var key = Abstract.AttributeName(Arg(name));
        try
        {
            if (Attributes.TryGenericGetAttr(self, key, out var value, ObjectSpace.FromNativeOrNull(dict) as PyDict))
            {
                return ObjectSpace.NewRef(value);
            }
        }
        catch (PythonException e) when (suppress != 0 && e.Type is PyType t && t.IsSubtypeOf(PyExc.AttributeError))
        {
            return NewReference.Null;
        }
        return suppress != 0 ? NewReference.Null : throw Attributes.NoAttribute(self, key);
    }

    [CApi]
    internal static int PyObject_SetAttr(BorrowedReference o, BorrowedReference name, BorrowedReference value)
    {
        Abstract.SetAttr(Arg(o), Arg(name), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }

    [CApi]
    internal static int PyObject_GenericSetAttr(BorrowedReference o, BorrowedReference name, BorrowedReference value)
    {
        Attributes.GenericSetAttr(Arg(o), Abstract.AttributeName(Arg(name)), ObjectSpace.FromNativeOrNull(value));
        return 0;
    }

    /// <summary>hasattr: any error while looking up counts as "no" and is cleared.</summary>
    [CApi(Error = "0")]
    internal static int PyObject_HasAttr(BorrowedReference o, BorrowedReference name) =>
        Abstract.SucceedsQuietly(() => Abstract.GetAttr(Arg(o), Arg(name)));

    /// <summary>1 with the value, 0 without an error when the attribute is missing.</summary>
    [CApi]
    internal static int _PyObject_LookupAttr(BorrowedReference o, BorrowedReference name, nint* result)
    {
        *result = 0;
        try
        {
            *result = ObjectSpace.NewRef(Abstract.GetAttr(Arg(o), Arg(name))).Address;
            return 1;
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.AttributeError))
        {
            return 0;
        }
    }

    [CApi]
    internal static NewReference PyObject_Dir(BorrowedReference o)
    {
        var obj = Arg(o);
        // module.__dir__ lists its dict; type.__dir__ its MRO's dicts; object.__dir__ adds the type's.
        var dicts = obj switch
        {
            PyModule m => [m.ModuleDict],
            PyType t => t.Mro.Select(c => (PyDict?)c.TypeDict),
            _ => new[] { obj.Dict }.Concat(obj.Type.Mro.Select(t => (PyDict?)t.TypeDict)),
        };
        return ObjectSpace.NewRef(DirNames(dicts));
    }

    /// <summary>The str keys of the dicts, once each, sorted.</summary>
    internal static PyList DirNames(IEnumerable<PyDict?> dicts)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var d in dicts)
        {
            foreach (var (k, _) in d?.Items() ?? [])
            {
                if (k is PyStr s)
                {
                    names.Add(s.Value);
                }
            }
        }
        return PyList.Create(names.Select(n => (PyObject)new PyStr(n)));
    }

    [CApi]
    internal static NewReference PyObject_SelfIter(BorrowedReference o) => ObjectSpace.NewRef(Arg(o));

    [CApi(Error = "0")]
    internal static int PyType_IsSubtype(BorrowedReference a, BorrowedReference b) =>
        ((PyType)Arg(a)).IsSubtypeOf((PyType)Arg(b)) ? 1 : 0;

    [CApi]
    internal static int PyObject_IsInstance(BorrowedReference o, BorrowedReference cls) => IsInstance(Arg(o), Arg(cls)) ? 1 : 0;

    /// <summary>PyObject_IsInstance: the exact type, a tuple's items, the metaclass's
    /// __instancecheck__, else the class's MRO or, for a class that is not a type, the
    /// __bases__ chain from the instance's __class__.</summary>
    internal static bool IsInstance(PyObject o, PyObject cls)
    {
        if (ReferenceEquals(o.Type, cls))
        {
            return true;
        }
        if (cls is PyTuple tuple)
        {
            return tuple.ToArray().Any(c => IsInstance(o, c));
        }
        if (cls.Type != BuiltinTypes.Type && LookupSpecial(cls, "__instancecheck__") is { } checker)
        {
            return Abstract.Call(checker, PyTuple.Create([o]), null).IsTrue();
        }
        return RealIsInstance(o, cls);
    }

    /// <summary>_PyObject_RealIsInstance (type.__instancecheck__): the class's MRO or, for a
    /// class that is not a type, the __bases__ chain from the instance's __class__.</summary>
    internal static bool RealIsInstance(PyObject o, PyObject cls)
    {
        if (cls is PyType t)
        {
            return Abstract.IsInstance(o, t)
                || (Attributes.Lookup(o, "__class__") is PyType c && !ReferenceEquals(c, o.Type) && c.IsSubtypeOf(t));
        }
        CheckClass(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union");
        return Attributes.Lookup(o, "__class__") is { } icls && AbstractIsSubclass(icls, cls);
    }

    [CApi]
    internal static int PyObject_IsSubclass(BorrowedReference o, BorrowedReference cls) => IsSubclass(Arg(o), Arg(cls)) ? 1 : 0;

    /// <summary>PyObject_IsSubclass: as IsInstance, with __subclasscheck__.</summary>
    internal static bool IsSubclass(PyObject derived, PyObject cls)
    {
        if (cls is PyTuple tuple)
        {
            return tuple.ToArray().Any(c => IsSubclass(derived, c));
        }
        if (cls.Type != BuiltinTypes.Type && LookupSpecial(cls, "__subclasscheck__") is { } checker)
        {
            return Abstract.Call(checker, PyTuple.Create([derived]), null).IsTrue();
        }
        return RealIsSubclass(derived, cls);
    }

    /// <summary>_PyObject_RealIsSubclass (type.__subclasscheck__).</summary>
    internal static bool RealIsSubclass(PyObject derived, PyObject cls)
    {
        if (derived is PyType d && cls is PyType c)
        {
            return Abstract.IsSubclass(d, c);
        }
        CheckClass(derived, "issubclass() arg 1 must be a class");
        CheckClass(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union");
        return AbstractIsSubclass(derived, cls);
    }

    /// <summary>_PyObject_LookupSpecial: the attribute on the object's type, bound to it.</summary>
    internal static PyObject? LookupSpecial(PyObject o, string name) =>
        o.Type.Lookup(new PyStr(name)) is { } f ? (f is IDescriptor d ? d.Get(o, o.Type) : f) : null;

    /// <summary>abstract_get_bases: __bases__ if it is a tuple.</summary>
    private static PyTuple? AbstractBases(PyObject cls) => Attributes.Lookup(cls, "__bases__") as PyTuple;

    private static void CheckClass(PyObject cls, string error)
    {
        if (AbstractBases(cls) is null)
        {
            throw new PythonException(PyExc.TypeError, error);
        }
    }

    /// <summary>abstract_issubclass: cls along the __bases__ of derived, depth first.</summary>
    private static bool AbstractIsSubclass(PyObject derived, PyObject cls)
    {
        while (!ReferenceEquals(derived, cls))
        {
            var bases = AbstractBases(derived);
            if (bases is null || bases.Count == 0)
            {
                return false;
            }
            if (bases.Count > 1)
            {
                return bases.ToArray().Any(b => AbstractIsSubclass(b, cls));
            }
            derived = bases[0];
        }
        return true;
    }
}
