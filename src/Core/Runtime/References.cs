namespace PyCApi.Runtime;

/// <summary>A <c>PyObject*</c> the callee does not own: it must not be decref'd, and must be
/// increfed to be kept. The generated stubs wrap every <c>PyObject*</c> argument whose
/// implementation parameter has this type.</summary>
public readonly struct BorrowedReference(nint address)
{
    public readonly nint Address = address;
    public bool IsNull => Address == 0;
    public static BorrowedReference Null => default;
    public override string ToString() => $"borrowed 0x{Address:x}";
}

/// <summary>A <c>PyObject*</c> whose reference the callee takes over (PyTuple_SetItem,
/// PyList_SetItem, PyModule_AddObject on success): the callee must release it.</summary>
public readonly struct StolenReference(nint address)
{
    public readonly nint Address = address;
    public bool IsNull => Address == 0;
    public override string ToString() => $"stolen 0x{Address:x}";
}

/// <summary>A <c>PyObject*</c> returned with a reference the caller now owns. The generated
/// stub hands <see cref="Address"/> to C; NULL means an exception is set.</summary>
public readonly struct NewReference(nint address)
{
    public readonly nint Address = address;
    public bool IsNull => Address == 0;
    public static NewReference Null => default;
    public override string ToString() => $"new 0x{Address:x}";
}
