using System.Runtime.InteropServices;
using PyCApi.Objects;

namespace PyCApi.Runtime;

/// <summary>Links a managed object to each static object of the C part (statics.c):
/// the built-in types, None/True/False/NotImplemented and the exception classes.</summary>
internal static unsafe class Bootstrap
{
    private static readonly List<(string Name, PyObject Object)> linked = new();

    internal static void LinkStatics()
    {
        ObjectSpace.InstallUnrootHook();
        ObjectSpace.InstallFreshDrainHook();

        var types = new List<(PyType Type, nint Address)>();
        for (var e = CPart.pycapi_static_table(); e->Key != null; e++)
        {
            string key = Marshal.PtrToStringUTF8((nint)e->Key)!;
            PyObject obj = key switch
            {
                "None" => PyNone.Instance,
                "NotImplemented" => PyNotImplemented.Instance,
                "Ellipsis" => PyEllipsis.Instance,
                "True" => PyBool.True,
                "False" => PyBool.False,
                _ => NewStaticType(e->Object),
            };
            if (obj is PyType t)
            {
                types.Add((t, e->Object));
                BuiltinTypes.Register(t);
            }
            ObjectSpace.LinkStatic(obj, e->Object);
            linked.Add((key, obj));
        }
        BuiltinTypes.Bind();
        foreach (var (type, address) in types)
        {
            var layout = (PyTypeObjectLayout*)address;
            type.Type = BuiltinTypes.Type;
            type.TypeDict.Type = BuiltinTypes.Dict;
            type.Base = layout->tp_base == 0 ? null : (PyType)ObjectSpace.FromNative(layout->tp_base);
        }
        foreach (var (type, _) in types)
        {
            type.ComputeMro();
        }
        foreach (var (key, obj) in linked)
        {
            obj.Type ??= (PyType)ObjectSpace.FromNative(((PyObjectHead*)obj.Native)->ob_type);
        }
        BuiltinTypes.Int.TwinFactory = PyInt.FromNative;
        BuiltinTypes.Float.TwinFactory = PyFloat.FromNative;
        BuiltinTypes.Str.TwinFactory = PyStr.FromNative;
        BuiltinTypes.Bytes.TwinFactory = PyBytes.FromNative;
        BuiltinTypes.Tuple.TwinFactory = PyTuple.FromNative;
        BuiltinTypes.List.TwinFactory = PyList.FromNative;
        BuiltinTypes.Dict.TwinFactory = PyDict.FromNative;
        BuiltinTypes.Set.TwinFactory = PySet.FromNative;
        BuiltinTypes.FrozenSet.TwinFactory = PySet.FromNative;
        BuiltinTypes.Complex.TwinFactory = PyComplex.FromNative;
        BuiltinTypes.ByteArray.TwinFactory = PyByteArray.FromNative;
        BuiltinTypes.MemoryView.TwinFactory = PyMemoryView.FromNative;
        StrMethods.Register();
        BytesMethods.Register();
        ByteArrayMethods.Register();
        MemoryViewMethods.Register();
        NumberTypes.Register();
        IntMethods.Register();
        FloatMethods.Register();
        PyExc.BaseException.Constructor = (type, args, kwargs) => PyBaseException.Create(type, args.ToArray(), kwargs);
        PyExc.BaseException.TwinFactory = PyBaseException.FromNative;
        ExceptionAttributes.Register();
        BuiltinTypes.Type.Layout->tp_new = (nint)(delegate* unmanaged<nint, nint, nint, nint>)&PyType.TypeNewSlot;
        BaseTypes.Register();
        ObjectMethods.Register();
        TypeNew.Register();
        TypeMethods.Register();
        FuncTypes.Register();
        PySuper.Register();
        ContainerTypes.RegisterContainerTypes();
        BuiltinIterators.Register();
        Weakrefs.Register();
        SetMethods.Register();
        PySlice.Register();
        PyRange.Register();
        ComplexTypes.Register();
        GenericAliasTypes.Register();
        foreach (var name in (string[])["frozenset", "slice", "range", "memoryview", "enumerate", "reversed", "zip", "map", "filter",
                     "set", "property", "staticmethod", "classmethod", "bytearray", "super"])
        {
            var type = BuiltinTypes.Get(name);
            type.Layout->tp_new = (nint)(delegate* unmanaged<nint, nint, nint, nint>)&PyType.ManagedNewSlot;
            if (type.Initializer is not null)
            {
                type.Layout->tp_init = (nint)(delegate* unmanaged<nint, nint, nint, int>)&PyType.ManagedInitSlot;
            }
        }
        BuiltinSlots.Install();
    }

    private static PyType NewStaticType(nint address)
    {
        var l = (PyTypeObjectLayout*)address;
        var name = Marshal.PtrToStringUTF8((nint)l->tp_name)!;
        return new PyType(name, null, l->tp_basicsize, l->tp_flags) { ItemSize = l->tp_itemsize, IsBuiltin = true };
    }

    /// <summary>What the builtins module holds: the types and exceptions by name, and the singletons.</summary>
    internal static IEnumerable<(string Name, PyObject Object)> BuiltinNames() =>
        linked.Where(e => e.Object is not PyType t || t.IsExceptionType || BuiltinTypeNames.Contains(t.Name));

    /// <summary>The built-in types that the builtins module names (the others, like
    /// NoneType or list_iterator, are reachable only through type()).</summary>
    private static readonly HashSet<string> BuiltinTypeNames =
        ["object", "type", "super", "int", "bool", "float", "str", "bytes", "tuple", "list", "dict", "property",
         "classmethod", "staticmethod", "enumerate", "reversed", "zip", "map", "filter", "set", "frozenset", "slice",
         "range", "complex", "bytearray", "memoryview"];
}
