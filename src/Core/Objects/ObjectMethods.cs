using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>object's own methods (object_methods in CPython's typeobject.c): pickling
/// support (__reduce_ex__, __reduce__, __getstate__), __dir__, __sizeof__, __format__ and
/// the class hooks __init_subclass__ and __subclasshook__.</summary>
internal static unsafe class ObjectMethods
{
    internal static void Register()
    {
        var obj = BuiltinTypes.Object;
        PyBuiltinMethodDescriptor.Add(obj, "__reduce_ex__", (self, args, kwargs) =>
        {
            var protocol = ArgCheck.One(MethodName(self!, "__reduce_ex__"), args, kwargs);
            return ReduceEx(self!, (int)Number.AsSsize(protocol, PyExc.OverflowError));
        });
        PyBuiltinMethodDescriptor.Add(obj, "__reduce__", (self, args, kwargs) =>
        {
            ArgCheck.None(MethodName(self!, "__reduce__"), args, kwargs);
            return CommonReduce(self!, 0);
        });
        PyBuiltinMethodDescriptor.Add(obj, "__getstate__", (self, args, kwargs) =>
        {
            ArgCheck.None(MethodName(self!, "__getstate__"), args, kwargs);
            return GetState(self!, required: false);
        });
        PyBuiltinMethodDescriptor.Add(obj, "__dir__", (self, args, kwargs) =>
        {
            ArgCheck.None(MethodName(self!, "__dir__"), args, kwargs);
            return ObjectApi.DirNames(new[] { self!.Dict }.Concat(self.Type.Mro.Select(t => (PyDict?)t.TypeDict)));
        });
        PyBuiltinMethodDescriptor.Add(obj, "__sizeof__", (self, args, kwargs) =>
        {
            ArgCheck.None(MethodName(self!, "__sizeof__"), args, kwargs);
            var type = self!.Type;
            long size = type.BasicSize;
            if (type.ItemSize > 0)
            {
                size += ((PyVarObjectHead*)ObjectSpace.ToNative(self))->ob_size * type.ItemSize;
            }
            return new PyInt(size);
        });
        PyBuiltinMethodDescriptor.Add(obj, "__format__", (self, args, kwargs) =>
        {
            var spec = ArgCheck.One(MethodName(self!, "__format__"), args, kwargs) as PyStr ?? throw new PythonException(PyExc.TypeError,
                $"__format__() argument must be str, not {args[0].Type.Name}");
            return spec.Value.Length == 0 ? self!.Str() : throw new PythonException(PyExc.TypeError,
                $"unsupported format string passed to {self!.Type.Name}.__format__");
        });
        PyBuiltinClassMethodDescriptor.Add(obj, "__init_subclass__", (cls, args, kwargs) =>
        {
            ArgCheck.None($"{((PyType)cls!).Name}.__init_subclass__", args, kwargs);
            return PyNone.Instance;
        });
        PyBuiltinClassMethodDescriptor.Add(obj, "__subclasshook__", (cls, args, kwargs) => PyNotImplemented.Instance);

        // The immutable built-ins pickle as cls.__new__(cls, *self.__getnewargs__()): an exact copy of the value
        // (int's, float's and complex's are with their other methods).
        AddGetNewArgs(BuiltinTypes.Str, o => [new PyStr(((PyStr)o).Value)]);
        AddGetNewArgs(BuiltinTypes.Bytes, o => [new PyBytes(((PyBytes)o).Value)]);
        AddGetNewArgs(BuiltinTypes.Tuple, o => [PyTuple.Create(((PyTuple)o).ToArray())]);
    }

    private static void AddGetNewArgs(PyType type, Func<PyObject, PyObject[]> args) =>
        PyBuiltinMethodDescriptor.Add(type, "__getnewargs__", (self, a, kwargs) =>
        {
            ArgCheck.None(MethodName(self!, "__getnewargs__"), a, kwargs);
            return PyTuple.Create(args(self!));
        });

    /// <summary>How a call error names the method bound to self (meth_get__qualname__).</summary>
    private static string MethodName(PyObject self, string name) => $"{self.Type.QualName}.{name}";

    /// <summary>object.__reduce_ex__: a __reduce__ the class overrides wins; else the
    /// common reduction for the protocol.</summary>
    private static PyObject ReduceEx(PyObject self, int protocol)
    {
        var key = new PyStr("__reduce__");
        if (!ReferenceEquals(self.Type.Lookup(key), BuiltinTypes.Object.TypeDict.GetItem(key)))
        {
            return Abstract.Call(Attributes.GetAttr(self, key), PyTuple.Create([]), null);
        }
        return CommonReduce(self, protocol);
    }

    /// <summary>_common_reduce: protocol 2 and later reduce to copyreg.__newobj__(cls, *args)
    /// with the state and the list or dict items; earlier ones are copyreg._reduce_ex's.</summary>
    private static PyObject CommonReduce(PyObject self, int protocol)
    {
        var copyreg = Import.ImportModule("copyreg");
        if (protocol < 2)
        {
            return Abstract.Call(Attributes.GetAttr(copyreg, new PyStr("_reduce_ex")), PyTuple.Create([self, new PyInt(protocol)]), null);
        }
        if (self.Type.Layout->tp_new == 0)
        {
            throw new PythonException(PyExc.TypeError, $"cannot pickle '{self.Type.Name}' object");
        }
        var (args, kwargs) = NewArguments(self);
        bool hasArgs = args is not null;
        PyObject newObj;
        PyTuple newArgs;
        if (kwargs is null || kwargs.Count == 0)
        {
            newObj = Attributes.GetAttr(copyreg, new PyStr("__newobj__"));
            newArgs = PyTuple.Create([self.Type, .. args?.ToArray() ?? []]);
        }
        else
        {
            newObj = Attributes.GetAttr(copyreg, new PyStr("__newobj_ex__"));
            newArgs = PyTuple.Create([self.Type, args!, kwargs]);
        }
        var state = GetState(self, required: !(hasArgs || self is PyList || self is PyDict));
        PyObject listItems = self is PyList ? Abstract.GetIter(self) : PyNone.Instance;
        PyObject dictItems = self is PyDict ? Abstract.GetIter(Abstract.Call(Attributes.GetAttr(self, new PyStr("items")), PyTuple.Create([]), null)) : PyNone.Instance;
        return PyTuple.Create([newObj, newArgs, state, listItems, dictItems]);
    }

    /// <summary>_PyObject_GetNewArguments: __getnewargs_ex__() as (args, kwargs), else
    /// __getnewargs__() as (args, null), else neither.</summary>
    private static (PyTuple? Args, PyDict? Kwargs) NewArguments(PyObject self)
    {
        if (ObjectApi.LookupSpecial(self, "__getnewargs_ex__") is { } ex)
        {
            var result = Abstract.Call(ex, PyTuple.Create([]), null);
            if (result is not PyTuple { Count: 2 } pair)
            {
                throw new PythonException(PyExc.TypeError, result is PyTuple t
                    ? $"__getnewargs_ex__ should return a tuple of length 2, not {t.Count}"
                    : $"__getnewargs_ex__ should return a tuple, not '{result.Type.Name}'");
            }
            return (pair[0] as PyTuple ?? throw new PythonException(PyExc.TypeError,
                        $"first item of the tuple returned by __getnewargs_ex__ must be a tuple, not '{pair[0].Type.Name}'"),
                    pair[1] as PyDict ?? throw new PythonException(PyExc.TypeError,
                        $"second item of the tuple returned by __getnewargs_ex__ must be a dict, not '{pair[1].Type.Name}'"));
        }
        if (ObjectApi.LookupSpecial(self, "__getnewargs__") is { } plain)
        {
            var result = Abstract.Call(plain, PyTuple.Create([]), null);
            return (result as PyTuple ?? throw new PythonException(PyExc.TypeError,
                $"__getnewargs__ should return a tuple, not '{result.Type.Name}'"), null);
        }
        return (null, null);
    }

    /// <summary>object_getstate_default: a copy of the instance dict (None when empty) and,
    /// when the class has __slots__ with values, (dict state, {slot: value}). Where the state
    /// is required, an object whose layout holds more than those cannot be pickled.</summary>
    private static PyObject GetState(PyObject self, bool required)
    {
        var type = self.Type;
        if (required && type.ItemSize != 0)
        {
            throw new PythonException(PyExc.TypeError, $"cannot pickle '{type.Name}' object");
        }
        PyObject state = PyNone.Instance;
        if (self.Dict is { Count: > 0 } dict)
        {
            var copy = new PyDict();
            foreach (var (k, v) in dict.Items())
            {
                copy.SetItem(k, v);
            }
            state = copy;
        }
        var slotNames = SlotNames(type);
        if (required)
        {
            var layout = type.Layout;
            long basicSize = BuiltinTypes.Object.BasicSize + nint.Size * ((layout->tp_dictoffset != 0 ? 1 : 0)
                + (layout->tp_weaklistoffset != 0 ? 1 : 0) + slotNames.Count);
            if (type.BasicSize > basicSize)
            {
                throw new PythonException(PyExc.TypeError, $"cannot pickle '{type.Name}' object");
            }
        }
        var slots = new PyDict();
        foreach (var name in slotNames)
        {
            if (Attributes.Lookup(self, name.Value) is { } value)
            {
                slots.SetItem(name, value);
            }
        }
        return slots.Count > 0 ? PyTuple.Create([state, slots]) : state;
    }

    /// <summary>copyreg._slotnames: the __slots__ names along the MRO (private ones mangled,
    /// __dict__ and __weakref__ left out), kept on a heap class as __slotnames__.</summary>
    private static List<PyStr> SlotNames(PyType type)
    {
        var key = new PyStr("__slotnames__");
        if (type.TypeDict.GetItem(key) is PyList cached)
        {
            return cached.ToArray().OfType<PyStr>().ToList();
        }
        var names = new List<PyStr>();
        foreach (var c in type.Mro)
        {
            if (c.TypeDict.GetItem(new PyStr("__slots__")) is not { } slots)
            {
                continue;
            }
            foreach (var slot in slots is PyStr one ? [one] : Abstract.ToList(slots).ToArray())
            {
                var name = ((PyStr)slot).Value;
                if (name is "__dict__" or "__weakref__")
                {
                    continue;
                }
                string stripped = c.ShortName.TrimStart('_');
                names.Add(new PyStr(name.StartsWith("__", StringComparison.Ordinal) && !name.EndsWith("__", StringComparison.Ordinal) && stripped.Length > 0
                    ? $"_{stripped}{name}" : name));
            }
        }
        if (type.IsHeapType)
        {
            type.TypeDict.SetItem(key, PyList.Create(names.Select(n => (PyObject)n)));
        }
        return names;
    }

    /// <summary>The part of the copyreg module object.__reduce_ex__ refers to (CPython's is
    /// Python code, which we cannot run): __newobj__ and __newobj_ex__.</summary>
    internal static PyModule CreateCopyreg()
    {
        var copyreg = PyModule.BuiltIn("copyreg");
        void Add(string name, BuiltinBody body) =>
            copyreg.ModuleDict.SetItem(new PyStr(name), new PyBuiltinFunction(name, copyreg, body, "copyreg"));
        // __newobj__(cls, *args): cls.__new__(cls, *args).
        Add("__newobj__", (_, args, kwargs) =>
        {
            ArgCheck.NoKeywords("__newobj__", kwargs);
            ArgCheck.Range("__newobj__", args, 1, int.MaxValue);
            return Abstract.Call(Attributes.GetAttr(args[0], new PyStr("__new__")), PyTuple.Create(args), null);
        });
        // __newobj_ex__(cls, args, kwargs): cls.__new__(cls, *args, **kwargs).
        Add("__newobj_ex__", (_, args, kwargs) =>
        {
            ArgCheck.NoKeywords("__newobj_ex__", kwargs);
            ArgCheck.Range("__newobj_ex__", args, 3, 3);
            var newArgs = PyTuple.Create([args[0], .. Abstract.ToTuple(args[1]).ToArray()]);
            return Abstract.Call(Attributes.GetAttr(args[0], new PyStr("__new__")), newArgs, args[2] as PyDict);
        });
        return copyreg;
    }
}
