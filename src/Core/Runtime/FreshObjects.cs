using System.Runtime.InteropServices;
using PyCApi.Objects;

namespace PyCApi.Runtime;

/// <summary>Fresh objects: made by a managed call for its C caller (<c>PyDict_Copy</c>,
/// a str a codec produced), or twins made for a call that only uses its argument, and
/// referenced by no managed object but this table. Such an
/// object needs no link, no finalizer and no collection to die: as long as managed code
/// cannot see it, its refcount alone decides, as for a C-only object.
///
/// The pre-header's link word holds the table slot, tagged with the low bit (GCHandles are
/// aligned). The first time managed code takes the twin from its address
/// (<see cref="FromNative(nint)"/>) the object escapes: it becomes an ordinary linked pair.
/// Calls that use an argument only while they run take it with
/// <see cref="FromNativeForCall(BorrowedReference)"/>, which leaves it fresh.
///
/// When the refcount reaches zero, <c>_Py_Dealloc</c> queues the object in C (no managed
/// transition per object); the queue is drained here in batches: the slot is freed and
/// the native half deallocated.</summary>
internal static unsafe partial class ObjectSpace
{
    private const nint FreshTag = 1;

    /// <summary>A slot of the table: the twin, or the next free slot while free.</summary>
    private struct FreshSlotEntry
    {
        public PyObject? Twin;
        public int NextFree;
    }

    private static FreshSlotEntry[] freshSlots = new FreshSlotEntry[256];
    private static int freshFreeHead = -1, freshUsed;
    private static bool drainingFresh;

    private static bool IsFresh(nint link) => (link & FreshTag) != 0;

    /// <summary>Slot i is tagged as (i + 1) * 2 + 1: never 0 (no twin) nor 1 (the
    /// collector's marker in pycapi_gc_order).</summary>
    private static nint FreshLink(int slot) => ((nint)(slot + 1) << 1) | FreshTag;

    private static int FreshSlot(nint link) => (int)(link >> 1) - 1;

    /// <summary>A new reference to <paramref name="o"/>, which this call has just created
    /// and keeps no reference to: it crosses as a fresh object. Only for exact built-ins
    /// (dict, str, bytes, int, float) whose native half holds nothing but memory: their release
    /// deallocates in a batch without a GC transition.</summary>
    public static NewReference NewFresh(PyObject o)
    {
        nint p = o.CreateNative(); // (allocation drains the released ones, in batches)
        AttachFresh(o, p);
        IncRef(p);
        return new NewReference(p);
    }

    private static PyObject AttachFresh(PyObject twin, nint p)
    {
        int slot = TakeFreshSlot();
        freshSlots[slot].Twin = twin;
        twin.Native = p;
        PreHeader.Of(p)->Link = FreshLink(slot);
        CountLinked();
        return twin;
    }

    /// <summary>The C-born objects that can get a fresh twin: those whose native half
    /// holds only memory (see <see cref="NewFresh"/>).</summary>
    private static bool CanBeFresh(nint type) =>
        type == BuiltinTypes.Str.Native || type == BuiltinTypes.Int.Native || type == BuiltinTypes.Bytes.Native
        || type == BuiltinTypes.Float.Native || type == BuiltinTypes.Dict.Native;

    private static int TakeFreshSlot()
    {
        if (freshFreeHead >= 0)
        {
            int free = freshFreeHead;
            freshFreeHead = freshSlots[free].NextFree;
            return free;
        }
        if (freshUsed == freshSlots.Length)
        {
            Array.Resize(ref freshSlots, freshUsed * 2);
        }
        return freshUsed++;
    }

    private static PyObject ReleaseFreshSlot(nint link)
    {
        ref var entry = ref freshSlots[FreshSlot(link)];
        var twin = entry.Twin!;
        entry.Twin = null;
        entry.NextFree = freshFreeHead;
        freshFreeHead = FreshSlot(link);
        CountReleased();
        return twin;
    }

    /// <summary>Managed code takes the twin beyond this call: the fresh object becomes an
    /// ordinary linked pair.</summary>
    private static PyObject Escape(nint p, nint link)
    {
        var twin = ReleaseFreshSlot(link);
        PreHeader.Of(p)->Link = 0;
        Link(twin, p);
        return twin;
    }

    /// <summary>The object behind an argument this call uses only while it runs (it keeps
    /// no reference to it): a fresh object stays fresh, and a C-born str, int, float, bytes or
    /// dict that needs a twin gets a fresh one (a temporary key, or the dict PyDict_New made
    /// that C fills, costs no link).</summary>
    public static PyObject FromNativeForCall(BorrowedReference r)
    {
        nint p = r.Address;
        if (p == 0 || IsStatic(p))
        {
            return FromNative(p);
        }
        nint link = PreHeader.Of(p)->Link;
        if (IsFresh(link))
        {
            return freshSlots[FreshSlot(link)].Twin!;
        }
        nint type = ((PyObjectHead*)p)->ob_type;
        if (link == 0 && CanBeFresh(type))
        {
            return AttachFresh(((PyType)FromNative(type)).CreateTwin(p), p);
        }
        return FromNativeWithPreHeader(p);
    }

    public static PyObject? FromNativeForCallOrNull(BorrowedReference r) => r.IsNull ? null : FromNativeForCall(r);

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial nint* pycapi_take_released_fresh(nint* count);

    /// <summary>Deallocates the batch's objects (NULL entries skipped). Without a GC
    /// transition: fresh objects are exact built-ins whose tp_dealloc only frees memory.</summary>
    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial void pycapi_dealloc_released_fresh(nint* released, nint count);

    [LibraryImport("pycapi_native"), SuppressGCTransition]
    private static partial nint* pycapi_released_fresh_count();

    private static readonly nint* releasedFreshCount = pycapi_released_fresh_count();

    /// <summary>On the allocation path the queue is drained once this many wait: a batch
    /// costs two calls into C, whatever its size.</summary>
    private const int DrainOnAllocation = 64;

    internal static void DrainReleasedFreshIfMany()
    {
        if (*releasedFreshCount >= DrainOnAllocation)
        {
            DrainReleasedFresh();
        }
    }

    [LibraryImport("pycapi_native")]
    private static partial void pycapi_set_fresh_drain_hook(delegate* unmanaged<void> hook);

    internal static void InstallFreshDrainHook() => pycapi_set_fresh_drain_hook(&DrainHook);

    /// <summary>C's queue of fresh objects whose refcount reached zero is full.</summary>
    [UnmanagedCallersOnly]
    private static void DrainHook() => DrainReleasedFresh();

    /// <summary>Frees the fresh objects C let go of: their twins become garbage, their
    /// native halves are deallocated. One that C took again meanwhile (a refcount above
    /// zero: resurrection from a borrowed pointer) stays.</summary>
    internal static void DrainReleasedFresh()
    {
        if (drainingFresh)
        {
            return;
        }
        drainingFresh = true;
        try
        {
            nint count;
            nint* released = pycapi_take_released_fresh(&count);
            for (nint i = 0; i < count; i++)
            {
                nint p = released[i];
                nint link = PreHeader.Of(p)->Link;
                if (!IsFresh(link) || ((PyObjectHead*)p)->ob_refcnt != 0)
                {
                    released[i] = 0;
                    continue;
                }
                ReleaseFreshSlot(link).Native = 0;
                PreHeader.Of(p)->Link = 0;
            }
            pycapi_dealloc_released_fresh(released, count);
        }
        finally
        {
            drainingFresh = false;
        }
    }
}
