using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>The managed types linked to our static type objects (statics.c).</summary>
internal static class BuiltinTypes
{
    private static readonly Dictionary<string, PyType> byName = new();

    /// <summary>Every object's construction reads a type from here first, so linking the
    /// static objects here runs before anything else in the object space.</summary>
    static BuiltinTypes() => Bootstrap.LinkStatics();

    internal static PyType Type = null!, Object = null!, Int = null!, Bool = null!, Float = null!, Str = null!,
        Bytes = null!, Tuple = null!, List = null!, Dict = null!, Module = null!, ModuleDef = null!,
        CFunction = null!, NoneType = null!, NotImplementedType = null!, MethodDescriptor = null!;
    internal static PyType Set = null!, FrozenSet = null!;
    internal static PyType Slice = null!, Range = null!, Complex = null!;
    internal static PyType ByteArray = null!, MemoryView = null!;

    internal static void Register(PyType type) => byName[type.Name] = type;

    internal static PyType Get(string name) => byName[name];

    internal static bool TryGet(string name, out PyType type) => byName.TryGetValue(name, out type!);

    internal static void Bind()
    {
        Type = Get("type");
        Object = Get("object");
        Int = Get("int");
        Bool = Get("bool");
        Float = Get("float");
        Str = Get("str");
        Bytes = Get("bytes");
        Tuple = Get("tuple");
        List = Get("list");
        Dict = Get("dict");
        Module = Get("module");
        ModuleDef = Get("moduledef");
        CFunction = Get("builtin_function_or_method");
        NoneType = Get("NoneType");
        NotImplementedType = Get("NotImplementedType");
        MethodDescriptor = Get("method_descriptor");
        Set = Get("set");
        FrozenSet = Get("frozenset");
        Slice = Get("slice");
        Range = Get("range");
        Complex = Get("complex");
        ByteArray = Get("bytearray");
        MemoryView = Get("memoryview");
    }
}

/// <summary>The standard exception classes, by name (statics.c's PYCAPI_EXCEPTIONS).</summary>
internal static class PyExc
{
    internal static PyType Get(string name) => BuiltinTypes.Get(name);

    internal static PyType BaseException => Get("BaseException");
    internal static PyType Exception => Get("Exception");
    internal static PyType TypeError => Get("TypeError");
    internal static PyType ValueError => Get("ValueError");
    internal static PyType SystemError => Get("SystemError");
    internal static PyType MemoryError => Get("MemoryError");
    internal static PyType OverflowError => Get("OverflowError");
    internal static PyType ZeroDivisionError => Get("ZeroDivisionError");
    internal static PyType IndexError => Get("IndexError");
    internal static PyType KeyError => Get("KeyError");
    internal static PyType AttributeError => Get("AttributeError");
    internal static PyType ImportError => Get("ImportError");
    internal static PyType ModuleNotFoundError => Get("ModuleNotFoundError");
    internal static PyType RecursionError => Get("RecursionError");
    internal static PyType RuntimeError => Get("RuntimeError");
    internal static PyType StopIteration => Get("StopIteration");
    internal static PyType SystemExit => Get("SystemExit");
    internal static PyType UnicodeDecodeError => Get("UnicodeDecodeError");
    internal static PyType UnicodeEncodeError => Get("UnicodeEncodeError");
    internal static PyType OSError => Get("OSError");
    internal static PyType BufferError => Get("BufferError");
}

/// <summary>None.</summary>
internal sealed class PyNone : PyObject
{
    internal static readonly PyNone Instance = new();

    private PyNone() : base(null!) { }

    internal override PyStr ReprCore() => new("None");

    internal override bool IsTrue() => false;
}

/// <summary>NotImplemented, the answer of a binary slot that does not handle its operands.</summary>
internal sealed class PyNotImplemented : PyObject
{
    internal static readonly PyNotImplemented Instance = new();

    private PyNotImplemented() : base(null!) { }

    internal override PyStr ReprCore() => new("NotImplemented");
}

/// <summary>Ellipsis (...).</summary>
internal sealed class PyEllipsis : PyObject
{
    internal static readonly PyEllipsis Instance = new();

    private PyEllipsis() : base(null!) { }

    internal override PyStr ReprCore() => new("Ellipsis");
}
