using System.Runtime.InteropServices;
using PyCApi.Objects;

namespace PyCApi.Runtime;

/// <summary>The link between managed objects and their native halves.
/// A managed object gets its <c>PyObject*</c> on first crossing (<see cref="ToNative"/>);
/// a C-born object gets its managed twin on first need (<see cref="FromNative"/>). The
/// pair is linked both ways: <see cref="PyObject.Native"/> on the managed side, the
/// pre-header word before the native header (a GCHandle) on the other. Static objects
/// (ours, and type objects in extensions' data) have no pre-header: a side table.
///
/// Lifetime (docs/object-model.md): a linked pair lives while its twin is reachable from
/// managed code OR ob_refcnt > 0. The twin holds a <see cref="PairLink"/> whose finalizer
/// runs once managed code can no longer reach the twin; it keeps the pair (re-registers)
/// while C holds references, and otherwise queues the pair for release, which runs
/// tp_dealloc on a thread in the API (never on the finalizer thread). C-only objects die
/// at refcount zero in _Py_Dealloc, as in CPython.</summary>
internal static unsafe partial class ObjectSpace
{
    private static readonly Dictionary<nint, PyObject> statics = new();
    /// <summary>None, True, False, NotImplemented and Ellipsis: passed to the API all the
    /// time, found without a hash lookup.</summary>
    private static (nint Address, PyObject Object)[] singletons = [];

    /// <summary>Links a managed object to a static native object (no pre-header).</summary>
    public static void LinkStatic(PyObject o, nint address)
    {
        o.Native = address;
        statics[address] = o;
        if (o is PyNone or PyNotImplemented or PyBool or PyEllipsis)
        {
            singletons = [.. singletons, (address, o)];
        }
    }

    /// <summary>The object's address, materializing its native half on first crossing.</summary>
    public static nint ToNative(PyObject o)
    {
        if (o.Native != 0)
        {
            return o.Native;
        }
        nint p = o.CreateNative();
        Link(o, p);
        return p;
    }

    public static nint ToNativeOrNull(PyObject? o) => o is null ? 0 : ToNative(o);

    public static PyObject FromNative(nint p)
    {
        if (p == 0)
        {
            throw new PythonException(PyExc.SystemError, "NULL object passed where an object was expected");
        }
        return IsStatic(p) ? StaticObject(p) : FromNativeWithPreHeader(p);
    }

    private static PyObject StaticObject(nint p)
    {
        foreach (var (address, singleton) in singletons)
        {
            if (address == p)
            {
                return singleton;
            }
        }
        return statics.TryGetValue(p, out var known) ? known : PyType.FromStaticTypeObject(p);
    }

    private static PyObject FromNativeWithPreHeader(nint p)
    {
        nint link = PreHeader.Of(p)->Link;
        if (link != 0)
        {
            return IsFresh(link) ? Escape(p, link) : ((PairLink)GCHandle.FromIntPtr(link).Target!).Twin;
        }
        var type = (PyType)FromNative(((PyObjectHead*)p)->ob_type);
        var twin = type.CreateTwin(p);
        Link(twin, p);
        return twin;
    }

    public static PyObject? FromNativeOrNull(nint p) => p == 0 ? null : FromNative(p);

    public static PyObject FromNative(BorrowedReference r) => FromNative(r.Address);
    public static PyObject? FromNativeOrNull(BorrowedReference r) => FromNativeOrNull(r.Address);

    /// <summary>Static objects have no pre-header: the singletons of None, NotImplemented,
    /// Ellipsis and bool, and type objects that are not heap types (ours, or in an extension's data).
    /// No address range would do: a host executable's copy relocations move our data.</summary>
    private static bool IsStatic(nint p)
    {
        nint typeAddress = ((PyObjectHead*)p)->ob_type;
        if (typeAddress == 0)
        {
            return true; // a static type object before PyType_Ready (PyVarObject_HEAD_INIT(NULL, 0))
        }
        ulong flags = ((PyTypeObjectLayout*)typeAddress)->tp_flags;
        if ((flags & (TypeFlags.StaticInstances | TypeFlags.TypeSubclass)) == 0)
        {
            return false;
        }
        return (flags & TypeFlags.StaticInstances) != 0 || (((PyTypeObjectLayout*)p)->tp_flags & TypeFlags.HeapType) == 0;
    }

    private static void Link(PyObject o, nint p)
    {
        o.Native = p;
        var link = new PairLink(o, p);
        CountLinked();
        o.PairLink = link;
        PreHeader.Of(p)->Link = GCHandle.ToIntPtr(GCHandle.Alloc(link, GCHandleType.WeakTrackResurrection));
    }

    /// <summary>Zeroed native memory for an object of <paramref name="size"/> bytes, behind
    /// a pre-header, with refcount 0 and the given type.</summary>
    public static nint AllocateObject(nuint size, PyType type)
    {
        ReleaseDeadPairsIfAny();
        nint p = CPart.pycapi_alloc(size);
        if (p == 0)
        {
            throw new PythonException(PyExc.MemoryError);
        }
        ((PyObjectHead*)p)->ob_type = ToNative(type);
        return p;
    }

    public static void IncRef(nint p) => ((PyObjectHead*)p)->ob_refcnt++;

    public static void DecRef(nint p)
    {
        if (--((PyObjectHead*)p)->ob_refcnt == 0)
        {
            CPart._Py_Dealloc(p);
        }
    }

    public static void XDecRef(nint p)
    {
        if (p != 0)
        {
            DecRef(p);
        }
    }

    /// <summary>A new reference to the object, for returning to C.</summary>
    public static NewReference NewRef(PyObject o)
    {
        nint p = ToNative(o);
        IncRef(p);
        return new NewReference(p);
    }

    public static NewReference NewRefOrNull(PyObject? o) => o is null ? NewReference.Null : NewRef(o);

    /// <summary>A borrowed reference: the object stays alive through its managed owner.</summary>
    public static BorrowedReference Borrow(PyObject o) => new(ToNative(o));

    /// <summary>Takes over a new reference C returned: NULL means C set an exception.</summary>
    public static PyObject Steal(nint p)
    {
        if (p == 0)
        {
            throw PythonException.FetchOrSystemError();
        }
        var o = FromNative(p);
        DecRef(p);
        return o;
    }
}
