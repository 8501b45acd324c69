using System.Runtime.InteropServices;
using PyCApi.Runtime;

namespace PyCApi.Objects;

/// <summary>CPython 3.11's PyWeakReference, the native half of every weak reference.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct PyWeakReferenceLayout
{
    public PyObjectHead ob_base;
    public nint wr_object, wr_callback;
    public long hash;
    public nint wr_prev, wr_next, vectorcall;
}

/// <summary>A weak reference (weakref.ReferenceType, and the base of the proxies).
/// It knows its referent by address, as CPython's wr_object does: a referent always has a
/// native half (and a twin, see <see cref="Weakrefs"/>) while it lives, and that address
/// is stable for the pair's life. It is cleared (0 here, Py_None in the native half) when
/// the referent dies; it must never keep the referent alive.</summary>
internal unsafe class PyWeakref : PyObject
{
    /// <summary>The referent's address while it lives, 0 once it has died.</summary>
    internal nint Referent;

    /// <summary>Called with this weak reference when the referent dies (null: none).</summary>
    internal PyObject? Callback;

    private long hash = -1;

    internal PyWeakref(PyType type, nint referent, PyObject? callback) : base(type)
    {
        Referent = referent;
        Callback = callback;
    }

    /// <summary>The referent, or null once it has died.</summary>
    internal PyObject? Target => Referent == 0 ? null : ObjectSpace.FromNative(Referent);

    private PyWeakReferenceLayout* Layout => (PyWeakReferenceLayout*)Native;

    /// <summary>The native half owns a reference to the callback (CPython's wr_callback is
    /// a strong reference); wr_object is not counted, as in CPython.</summary>
    internal override nint CreateNative()
    {
        nint p = ObjectSpace.AllocateObject((nuint)Type.BasicSize, Type);
        var l = (PyWeakReferenceLayout*)p;
        l->wr_object = Referent != 0 ? Referent : ObjectSpace.ToNative(PyNone.Instance);
        l->wr_callback = ObjectSpace.NewRefOrNull(Callback).Address;
        l->hash = hash;
        return p;
    }

    /// <summary>The referent died: forget it and the callback (which the caller may still
    /// have to call). The native half reads as dead from now on (wr_object is Py_None).</summary>
    internal void Clear()
    {
        Referent = 0;
        Callback = null;
        if (Native != 0)
        {
            Layout->wr_object = ObjectSpace.ToNative(PyNone.Instance);
            nint callback = Layout->wr_callback;
            Layout->wr_callback = 0;
            ObjectSpace.XDecRef(callback);
        }
    }

    /// <summary>Calling a weak reference gives its referent, or None once it has died.</summary>
    internal override PyObject Call(PyTuple args, PyDict? kwargs)
    {
        ArgCheck.NoKeywords("weakref", kwargs);
        ArgCheck.Range("weakref", args.ToArray(), 0, 0);
        return (PyObject?)Target ?? PyNone.Instance;
    }

    internal override bool IsCallable => true;

    /// <summary>The referent's hash, computed once (and kept after the referent died).</summary>
    internal override long HashCore()
    {
        if (hash != -1)
        {
            return hash;
        }
        var target = Target ?? throw new PythonException(PyExc.TypeError, "weak object has gone away");
        hash = Abstract.Hash(target);
        if (Native != 0)
        {
            Layout->hash = hash;
        }
        return hash;
    }

    /// <summary>== and != compare the referents while both live, identity otherwise.</summary>
    internal override PyObject RichCompareCore(PyObject other, CompareOp op)
    {
        if (op is not (CompareOp.Eq or CompareOp.Ne) || other is not PyWeakref otherRef)
        {
            return PyNotImplemented.Instance;
        }
        if (Target is not { } mine || otherRef.Target is not { } theirs)
        {
            return PyBool.Of(ReferenceEquals(this, other) == (op == CompareOp.Eq));
        }
        return Abstract.RichCompare(mine, theirs, op);
    }

    internal override PyStr ReprCore()
    {
        nint self = ObjectSpace.ToNative(this);
        if (Target is not { } target)
        {
            return new PyStr($"<weakref at 0x{self:x}; dead>");
        }
        string head = $"<weakref at 0x{self:x}; to '{Weakrefs.TypeName(target.Type)}' at 0x{ObjectSpace.ToNative(target):x}";
        PyObject? name = null;
        try
        {
            name = Attributes.GetAttr(target, new PyStr("__name__"));
        }
        catch (PythonException e) when (e.Type is PyType t && t.IsSubtypeOf(PyExc.AttributeError))
        {
        }
        return new PyStr(name is PyStr s ? $"{head} ({s.Value})>" : head + ">");
    }

    /// <summary>__callback__, the one attribute a reference adds.</summary>
    internal override PyObject GetAttr(PyStr name) =>
        name.Value == "__callback__" ? (PyObject?)Callback ?? PyNone.Instance : base.GetAttr(name);
}

/// <summary>weakref.ProxyType and weakref.CallableProxyType: the operations go to the
/// referent; once it has died they raise ReferenceError.</summary>
internal sealed class PyWeakProxy(PyType type, nint referent, PyObject? callback) : PyWeakref(type, referent, callback)
{
    private PyObject Unwrap() =>
        Target ?? throw new PythonException(PyExc.Get("ReferenceError"), "weakly-referenced object no longer exists");

    internal override PyObject GetAttr(PyStr name) => Attributes.GetAttr(Unwrap(), name);

    internal override void SetAttr(PyStr name, PyObject? value) => Unwrap().SetAttr(name, value);

    internal override PyStr StrCore() => Abstract.Str(Unwrap());

    internal override PyStr ReprCore()
    {
        PyObject target = (PyObject?)Target ?? PyNone.Instance;
        return new PyStr($"<weakproxy at 0x{ObjectSpace.ToNative(this):x} to {Weakrefs.TypeName(target.Type)} at 0x{ObjectSpace.ToNative(target):x}>");
    }

    internal override bool IsTrue() => Unwrap().IsTrue();

    internal override long HashCore() => throw Abstract.Unhashable(this);

    internal override PyObject RichCompareCore(PyObject other, CompareOp op) =>
        Abstract.RichCompare(Unwrap(), other is PyWeakProxy p ? p.Unwrap() : other, op);

    internal override bool IsCallable => ReferenceEquals(Type, Weakrefs.CallableProxyType);

    /// <summary>Only the callable proxy calls (the plain one is not callable, unlike a reference).</summary>
    internal override PyObject Call(PyTuple args, PyDict? kwargs) => IsCallable
        ? Abstract.Call(Unwrap(), args, kwargs)
        : throw new PythonException(PyExc.TypeError, $"'{Type.Name}' object is not callable");
}

/// <summary>The weak reference API and the death of referents.
///
/// Each referent's weak references are listed under its native address, in CPython's
/// order: the basic reference (no callback) first, then the basic proxy, then the others,
/// newest first. The list holds addresses, not objects, so that it keeps no weak
/// reference alive; an entry leaves the list when the weak reference's own pair is
/// released. Every referent is a linked pair (a C-only object gets a twin when first
/// weakly referenced), so its death is one event: the release of the pair
/// (<see cref="OnReferentReleased"/>), or PyObject_ClearWeakRefs from a tp_dealloc.
///
/// As CPython's collector does with garbage, a release batch first clears every weak
/// reference to what died and only then calls the callbacks
/// (<see cref="RunPendingCallbacks"/>), skipping those of weak references that died in
/// the same batch; so a weak reference dropped with its referent calls nobody.</summary>
internal static unsafe class Weakrefs
{
    private static readonly Dictionary<nint, List<nint>> byReferent = new();

    /// <summary>Callbacks of weak references cleared by the current release batch.</summary>
    private static List<(PyWeakref Ref, PyObject Callback)> pending = new();

    internal static PyType RefType => BuiltinTypes.Get("weakref.ReferenceType");
    internal static PyType ProxyType => BuiltinTypes.Get("weakref.ProxyType");
    internal static PyType CallableProxyType => BuiltinTypes.Get("weakref.CallableProxyType");

    /// <summary>weakref.ref(ob[, callback]) called as a type.</summary>
    internal static void Register() =>
        RefType.Constructor = (type, args, kwargs) =>
        {
            var items = args.ToArray();
            ArgCheck.Range("__new__", items, 1, 2);
            return NewWeakref(items[0], type, items.Length > 1 ? items[1] : null);
        };

    /// <summary>tp_name as C sees it: a heap type's is its bare name.</summary>
    internal static string TypeName(PyType type) => type.IsHeapType ? type.ShortName : type.Name;

    private static PythonException NotWeaklyReferenceable(PyType type) =>
        new(PyExc.TypeError, $"cannot create weak reference to '{TypeName(type)}' object");

    /// <summary>_PyType_SUPPORTS_WEAKREFS: a tp_weaklistoffset on the type or a base. A
    /// class made by type() records its own; another heap type made at run time has one
    /// unless its instances vary in size.</summary>
    internal static bool SupportsWeakrefs(PyType type)
    {
        for (var t = type; t is not null; t = t.Base)
        {
            if (TypeNew.LaysOut(t))
            {
                return t.Layout->tp_weaklistoffset > 0;
            }
            if (t.IsHeapType)
            {
                if (t.ItemSize == 0)
                {
                    return true;
                }
                continue;
            }
            if (t.Layout->tp_weaklistoffset > 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The object's first weak reference (what __weakref__ reads), or null.</summary>
    internal static PyObject? First(PyObject o) =>
        o.Native != 0 && byReferent.GetValueOrDefault(o.Native) is [var first, ..] ? At(first) : null;

    private static PyWeakref At(nint address) => (PyWeakref)ObjectSpace.FromNative(address);

    /// <summary>get_basic_refs: the callback-less reference and proxy, which lead the list.</summary>
    private static (PyWeakref? Ref, PyWeakref? Proxy) BasicRefs(List<nint>? list)
    {
        PyWeakref? basicRef = null, basicProxy = null;
        if (list is null || list.Count == 0)
        {
            return (null, null);
        }
        int i = 0;
        var head = At(list[0]);
        if (head.Callback is null && ReferenceEquals(head.Type, RefType))
        {
            basicRef = head;
            head = ++i < list.Count ? At(list[i]) : null;
        }
        if (head is { Callback: null } && IsProxyType(head.Type))
        {
            basicProxy = head;
        }
        return (basicRef, basicProxy);
    }

    private static bool IsProxyType(PyType t) => ReferenceEquals(t, ProxyType) || ReferenceEquals(t, CallableProxyType);

    /// <summary>A new reference of <paramref name="type"/> to <paramref name="referent"/>, or
    /// the existing basic one when it has no callback and that is what is asked for.</summary>
    private static PyWeakref NewWeakref(PyObject referent, PyType type, PyObject? callback)
    {
        if (!SupportsWeakrefs(referent.Type))
        {
            throw NotWeaklyReferenceable(referent.Type);
        }
        if (callback is PyNone)
        {
            callback = null;
        }
        bool isProxy = IsProxyType(type);
        bool basic = callback is null && (isProxy || ReferenceEquals(type, RefType));
        nint address = ObjectSpace.ToNative(referent);
        if (basic)
        {
            var (existingRef, existingProxy) = BasicRefs(byReferent.GetValueOrDefault(address));
            if ((isProxy ? existingProxy : existingRef) is { } reused)
            {
                return reused;
            }
        }
        PyWeakref made = isProxy ? new PyWeakProxy(type, address, callback) : new PyWeakref(type, address, callback);
        // Materializing the native half may run a release batch: look at the list afterwards.
        nint madeAddress = ObjectSpace.ToNative(made);
        if (!byReferent.TryGetValue(address, out var list))
        {
            byReferent[address] = list = new List<nint>();
        }
        // The basic reference leads; the basic proxy follows it; the others follow both.
        var (basicRef, basicProxy) = BasicRefs(list);
        var previous = !basic ? basicProxy ?? basicRef : isProxy ? basicRef : null;
        list.Insert(previous is null ? 0 : list.IndexOf(previous.Native) + 1, madeAddress);
        return made;
    }

    /// <summary>The referent of a reference C passed in, with a twin from now on: a C-only
    /// object gets one, so that its death is the release of a pair like any other's. (Its
    /// type is checked first, so that refusing an int gives it no twin.)</summary>
    private static PyObject Referent(BorrowedReference ob)
    {
        if (ob.IsNull)
        {
            throw Abstract.BadInternalCall();
        }
        var type = (PyType)ObjectSpace.FromNative(((PyObjectHead*)ob.Address)->ob_type);
        if (!SupportsWeakrefs(type))
        {
            throw NotWeaklyReferenceable(type);
        }
        return ObjectSpace.FromNative(ob);
    }

    [CApi]
    internal static NewReference PyWeakref_NewRef(BorrowedReference ob, BorrowedReference callback) =>
        ObjectSpace.NewRef(NewWeakref(Referent(ob), RefType, ObjectSpace.FromNativeOrNull(callback)));

    [CApi]
    internal static NewReference PyWeakref_NewProxy(BorrowedReference ob, BorrowedReference callback)
    {
        var referent = Referent(ob);
        var type = referent.IsCallable ? CallableProxyType : ProxyType;
        return ObjectSpace.NewRef(NewWeakref(referent, type, ObjectSpace.FromNativeOrNull(callback)));
    }

    /// <summary>The referent (borrowed), or None once it has died. Unlike the
    /// PyWeakref_GET_OBJECT macro, it sees a referent held only by managed code.</summary>
    [CApi]
    internal static BorrowedReference PyWeakref_GetObject(BorrowedReference reference) =>
        ObjectSpace.FromNativeOrNull(reference) is PyWeakref w
            ? ObjectSpace.Borrow((PyObject?)w.Target ?? PyNone.Instance)
            : throw Abstract.BadInternalCall();

    /// <summary>For a tp_dealloc (refcount zero): clears the object's weak references and
    /// calls their callbacks now, as CPython does. A pair released by the collector has
    /// had this done already, so then there is nothing left to do.</summary>
    [CApi]
    internal static void PyObject_ClearWeakRefs(BorrowedReference o)
    {
        if (o.IsNull || ((PyObjectHead*)o.Address)->ob_refcnt != 0
            || !SupportsWeakrefs((PyType)ObjectSpace.FromNative(((PyObjectHead*)o.Address)->ob_type)))
        {
            throw Abstract.BadInternalCall();
        }
        if (!byReferent.Remove(o.Address, out var list))
        {
            return;
        }
        // At refcount zero the twin is the object's only anchor: keep it out of the
        // collector's hands while callbacks run.
        PyObject? twin = PreHeader.Of(o.Address)->Link != 0 ? ObjectSpace.FromNative(o) : null;
        RunCallbacks(ClearAll(list));
        GC.KeepAlive(twin);
    }

    /// <summary>Called when a pair is released (on a thread inside the API, before its
    /// tp_clear and tp_dealloc). A referent's weak references are cleared now and their
    /// callbacks queued for <see cref="RunPendingCallbacks"/>; a weak reference that is
    /// released leaves its referent's list and is dead from then on.</summary>
    internal static void OnReferentReleased(PyObject referent)
    {
        if (referent is PyWeakref weakref)
        {
            Forget(weakref);
        }
        else if (byReferent.Count > 0 && byReferent.Remove(referent.Native, out var list))
        {
            pending.AddRange(ClearAll(list));
        }
    }

    /// <summary>Runs the callbacks queued by a release batch, once the whole batch has been
    /// cleared: those of weak references released in the same batch are not called.</summary>
    internal static void RunPendingCallbacks()
    {
        if (pending.Count == 0)
        {
            return;
        }
        var callbacks = pending;
        pending = new List<(PyWeakref, PyObject)>();
        RunCallbacks(callbacks);
    }

    private static void Forget(PyWeakref weakref)
    {
        if (weakref.Referent != 0 && byReferent.TryGetValue(weakref.Referent, out var list))
        {
            list.Remove(weakref.Native);
            if (list.Count == 0)
            {
                byReferent.Remove(weakref.Referent);
            }
        }
        weakref.Clear();
    }

    /// <summary>Clears every weak reference in the list; returns the callbacks to call, in
    /// list order (CPython's: the newest registration first).</summary>
    private static List<(PyWeakref Ref, PyObject Callback)> ClearAll(List<nint> list)
    {
        var callbacks = new List<(PyWeakref, PyObject)>();
        foreach (nint address in list)
        {
            var weakref = At(address);
            var callback = weakref.Callback;
            weakref.Clear();
            if (callback is not null)
            {
                callbacks.Add((weakref, callback));
            }
        }
        return callbacks;
    }

    /// <summary>handle_callback: callback(weakref), its error reported as unraisable; the
    /// error indicator of whatever was running is kept aside meanwhile.</summary>
    private static void RunCallbacks(List<(PyWeakref Ref, PyObject Callback)> callbacks)
    {
        if (callbacks.Count == 0)
        {
            return;
        }
        var interrupted = PythonException.Fetch();
        foreach (var (weakref, callback) in callbacks)
        {
            if (weakref.Native == 0)
            {
                continue;
            }
            try
            {
                Abstract.Call(callback, PyTuple.Create([weakref]), null);
            }
            catch (Exception e)
            {
                ExceptionBridge.ToPython(e).Restore();
                ExceptionApi.PyErr_WriteUnraisable(ObjectSpace.Borrow(callback));
            }
        }
        interrupted?.Restore();
    }
}
