using System.Collections.Concurrent;
using System.Runtime;
using System.Runtime.InteropServices;
using PyCApi.Objects;

namespace PyCApi.Runtime;

/// <summary>When linked pairs die, and the collector for cycles across the boundary
/// (docs/object-model.md).
///
/// A pair dies when its twin is unreachable from managed code and no C reference is
/// left. The twin's <see cref="PairLink"/> finalizer notices the first (confirmed by a
/// second collection); the second is
/// <see cref="ExternalRefs"/>: ob_refcnt, less — during a collection — the references
/// that other objects' native layouts hold (counted from tp_traverse), because those are
/// handed to the .NET GC as DependentHandles for the duration and no longer root anything.</summary>
internal static unsafe partial class ObjectSpace
{
    /// <summary>The twin's side of a pair. Twin and link refer to each other, so the link
    /// becomes unreachable exactly when the twin does; the pre-header's handle to it is
    /// weak (tracking resurrection), so it finds the twin until the pair is released.
    ///
    /// Its finalizer runs when managed code no longer reaches the twin. If C holds the
    /// object, the link roots itself strongly (<see cref="cRoot"/>) until the refcount
    /// falls to zero again (<see cref="Unroot"/>, from _Py_Dealloc). Otherwise the pair is
    /// only a candidate: objects reachable from a C-held twin were finalized in the same
    /// pass, before that twin rooted itself, so death is confirmed by a short weak handle
    /// (<see cref="probe"/>) that a later full collection must clear as well.</summary>
    internal sealed class PairLink(PyObject twin, nint native)
    {
        internal readonly PyObject Twin = twin;
        internal readonly nint Native = native;
        private GCHandle cRoot;
        private GCHandle probe;
        private int probeCollection;
        internal bool Released;

        ~PairLink()
        {
            lock (this)
            {
                if (Released)
                {
                    return;
                }
                if (ExternalRefs(Native) > 0)
                {
                    if (!cRoot.IsAllocated)
                    {
                        cRoot = GCHandle.Alloc(this);
                    }
                    return;
                }
                GC.ReRegisterForFinalize(this);
                if (!probe.IsAllocated)
                {
                    probe = GCHandle.Alloc(Twin, GCHandleType.Weak);
                    probeCollection = GC.CollectionCount(2);
                    candidates.Enqueue(Native); // not the link itself: that would keep the twin reachable
                    candidatesQueued = true;
                }
            }
        }

        /// <summary>C's last reference went away: managed reachability decides again.</summary>
        internal void Unroot()
        {
            lock (this)
            {
                if (cRoot.IsAllocated)
                {
                    cRoot.Free();
                    GC.ReRegisterForFinalize(this);
                }
            }
        }

        /// <summary>Whether a full collection since candidacy found the twin unreachable
        /// (null: no full collection yet). A reachable one stops being a candidate.</summary>
        internal bool? ConfirmDeath()
        {
            lock (this)
            {
                if (GC.CollectionCount(2) <= probeCollection)
                {
                    return null;
                }
                bool dead = probe.Target is null;
                probe.Free();
                if (dead && ExternalRefs(Native) > 0)
                {
                    dead = false; // C took a reference again through a borrowed pointer
                }
                return dead;
            }
        }

        internal void MarkReleased()
        {
            lock (this)
            {
                Released = true;
                if (cRoot.IsAllocated)
                {
                    cRoot.Free();
                }
                GC.SuppressFinalize(this);
            }
        }
    }

    /// <summary>Candidates for release, by address: the link is found through the
    /// pre-header's (resurrection-tracking) handle, so the queue keeps nothing alive.</summary>
    private static readonly ConcurrentQueue<nint> candidates = new();
    /// <summary>Set after every enqueue, cleared before the queue is drained: the
    /// allocation path checks it instead of the queue.</summary>
    private static volatile bool candidatesQueued;
    private static long livePairs;
    private static bool releasing;

    /// <summary>Set while a collection's census is in force (see <see cref="ExternalRefs"/>).</summary>
    private static volatile bool censusArmed;

    /// <summary>The census: for each object in the native graph, the references to it
    /// from other objects' layouts. A managed copy, read by finalizers while armed: the
    /// native scratch word is reset at once, since release frees some of these objects.</summary>
    private static Dictionary<nint, nint>? census;

    /// <summary>The references C holds outside the graph the collector hands to the .NET GC.</summary>
    private static nint ExternalRefs(nint p)
    {
        nint refs = ((PyObjectHead*)p)->ob_refcnt;
        return censusArmed && census!.TryGetValue(p, out nint internalRefs) ? refs - internalRefs : refs;
    }

    private static nint GcRefs(nint p) => PreHeader.Of(p)->GcRefs;

    private static void ResetGcRefs(nint p) => PreHeader.Of(p)->GcRefs = 0;

    /// <summary>_PyCApi_LivePairCount: pairs linked and not yet released.</summary>
    [CApi(Error = "0")]
    internal static nint _PyCApi_LivePairCount() => (nint)livePairs;

    // Pairs are made and released on API threads only (never by a finalizer).
    private static void CountLinked() => livePairs++;

    private static void CountReleased() => livePairs--;

    private static int lastConfirmingCollection = -1;

    /// <summary>On the allocation path: candidates can only be confirmed after a full
    /// collection, so look at them once per full collection, not once per allocation.</summary>
    internal static void ReleaseDeadPairsIfAny()
    {
        DrainReleasedFreshIfMany();
        if (candidatesQueued && GC.CollectionCount(2) is var collection && collection != lastConfirmingCollection)
        {
            lastConfirmingCollection = collection;
            ReleaseDeadPairs();
        }
    }

    /// <summary>_Py_Dealloc of a linked object (refcount zero): see PairLink.Unroot.</summary>
    [UnmanagedCallersOnly]
    private static void UnrootPair(nint p)
    {
        ManagedActivity.Calls++;
        if (PreHeader.Of(p)->Link is var handle and not 0 && GCHandle.FromIntPtr(handle).Target is PairLink link)
        {
            link.Unroot();
        }
    }

    [LibraryImport("pycapi_native")]
    private static partial void pycapi_set_unroot_hook(delegate* unmanaged<nint, void> hook);

    internal static void InstallUnrootHook() => pycapi_set_unroot_hook(&UnrootPair);

    /// <summary>Releases the pairs whose twin died while C held no reference, on a thread
    /// inside the API. As CPython's collector does with garbage: in tracking order, each
    /// one still referenced by another is cleared (tp_clear breaks cycles among them), then
    /// all are let go and whatever reaches refcount zero is deallocated by its tp_dealloc.
    /// Returns how many were released.</summary>
    internal static int ReleaseDeadPairs()
    {
        if (releasing)
        {
            return 0;
        }
        releasing = true;
        try
        {
            var dead = new List<nint>();
            var undecided = new List<nint>();
            candidatesQueued = false;
            while (candidates.TryDequeue(out var candidate))
            {
                if (PreHeader.Of(candidate)->Link is not (var handle and not 0)
                    || GCHandle.FromIntPtr(handle).Target is not PairLink link)
                {
                    continue;
                }
                switch (link.Released ? false : link.ConfirmDeath())
                {
                    case null:
                        undecided.Add(candidate);
                        continue;
                    case false:
                        continue;
                }
                nint p = link.Native;
                Weakrefs.OnReferentReleased(link.Twin);
                Unlink(link);
                IncRef(p);
                dead.Add(p);
                if (censusArmed && census!.ContainsKey(p))
                {
                    releasedFromCensus++;
                }
            }
            foreach (nint candidate in undecided)
            {
                candidates.Enqueue(candidate);
                candidatesQueued = true;
            }
            // Weak references to the dead are all cleared by now: their callbacks run before
            // any tp_clear, as in CPython, except those of weak references that died too.
            Weakrefs.RunPendingCallbacks();
            var garbage = dead.ToArray();
            fixed (nint* objs = garbage)
            {
                pycapi_gc_order(objs, garbage.Length);
                pycapi_gc_release(objs, garbage.Length, firstAlive: 1);
            }
            return dead.Count;
        }
        finally
        {
            releasing = false;
        }
    }

    private static void Unlink(PairLink link)
    {
        link.MarkReleased();
        nint* handle = &PreHeader.Of(link.Native)->Link;
        GCHandle.FromIntPtr(*handle).Free();
        *handle = 0;
        link.Twin.Native = 0;
        link.Twin.PairLink = null;
        CountReleased();
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct GcEdge
    {
        public nint Source, Target;
    }

    [LibraryImport("pycapi_native")]
    private static partial nint pycapi_gc_census(GcEdge** edges);

    [LibraryImport("pycapi_native")]
    private static partial void pycapi_gc_free_edges(GcEdge* edges);

    [LibraryImport("pycapi_native")]
    private static partial void pycapi_gc_order(nint* objs, nint n);

    [LibraryImport("pycapi_native")]
    private static partial void pycapi_gc_release(nint* garbage, nint n, int firstAlive);

    [LibraryImport("pycapi_native")]
    private static partial nint pycapi_gc_collect_native(nint* undecided, ulong* fingerprint);

    private static long activityAtLastCollection = -1;
    /// <summary>The undecided objects (and their edges) the last managed pass found all alive.</summary>
    private static ulong undecidedFoundAlive;

    /// <summary>gc.collect(). The native pass collects what C alone holds, as CPython does.
    /// What it leaves undecided (reachable only through objects with a managed twin) is
    /// decided by one tracing pass of the .NET GC across both worlds: native edges between
    /// objects (from tp_traverse) become DependentHandles from the holder's twin to the
    /// target's twin; objects C still holds from outside that graph are rooted for the pass;
    /// everything else lives only if managed code reaches it. The dead are released,
    /// clearing cycles; then collect again while more die. The managed pass is skipped
    /// when its verdict is known, unless <paramref name="force"/>: no candidates, no
    /// managed code run since the last pass (only managed code changes what twins reach),
    /// and the same undecided objects as the last pass found alive. Returns how many
    /// objects were collected.</summary>
    internal static nint Collect(bool force = false)
    {
        nint collected = 0;
        while (true)
        {
            // One call is this collection's own; the native pass's calls into the object space
            // (slots of the objects it traverses) come after and do not count.
            bool managedCodeRan = ManagedActivity.Calls - activityAtLastCollection > 1;
            DrainReleasedFresh();
            nint undecided;
            ulong fingerprint;
            collected += pycapi_gc_collect_native(&undecided, &fingerprint);
            if (!force && candidates.IsEmpty && !managedCodeRan && fingerprint == undecidedFoundAlive)
            {
                activityAtLastCollection = ManagedActivity.Calls;
                return collected;
            }
            force = false;
            // Pairs released in cycles count, as CPython counts its unreachable objects;
            // pairs that simply died would have gone at their last reference in CPython.
            int inCycles = undecided > 0 ? CollectCycles() : 0;
            FullCollection();
            int released = ReleaseDeadPairs() + inCycles;
            activityAtLastCollection = ManagedActivity.Calls;
            collected += inCycles;
            if (released == 0)
            {
                undecidedFoundAlive = fingerprint;
                return collected;
            }
        }
    }

    /// <summary>Two full collections: the first finds the candidates (and roots what C
    /// holds), the second confirms them.</summary>
    private static void FullCollection()
    {
        for (int i = 0; i < 2; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    /// <summary>Pairs of the census released by the managed pass (members of cycles).</summary>
    private static int releasedFromCensus;

    /// <summary>The managed pass over the census; returns how many of its pairs it released.</summary>
    private static int CollectCycles()
    {
        GcEdge* edges;
        nint count = pycapi_gc_census(&edges);
        if (count <= 0)
        {
            return 0;
        }
        census = new Dictionary<nint, nint>();
        for (nint i = 0; i < count; i++)
        {
            census[edges[i].Source] = GcRefs(edges[i].Source);
            census[edges[i].Target] = GcRefs(edges[i].Target);
        }
        foreach (nint p in census.Keys)
        {
            ResetGcRefs(p);
        }
        var dependents = new List<DependentHandle>();
        var roots = new List<GCHandle>();
        try
        {
            var involved = new Dictionary<nint, PyObject>();
            PyObject? TwinOf(nint p)
            {
                if (!involved.TryGetValue(p, out var twin))
                {
                    // Objects that have no twin and no edges of their own (an int in a tuple)
                    // cannot close a cycle; give twins only to linked or tracked ones.
                    bool relevant = PreHeader.Of(p)->Link != 0 || PreHeader.Of(p)->IsTracked;
                    twin = relevant ? FromNative(p) : null;
                    involved[p] = twin!;
                }
                return twin;
            }
            for (nint i = 0; i < count; i++)
            {
                var source = TwinOf(edges[i].Source);
                var target = TwinOf(edges[i].Target);
                if (source is not null && target is not null)
                {
                    dependents.Add(new DependentHandle(source, target));
                }
            }
            foreach (var (p, twin) in involved)
            {
                if (twin is null)
                {
                    continue;
                }
                // For this pass the census decides what C roots: a refcount that comes only
                // from other objects in the graph (a cycle) must not keep a C root.
                twin.PairLink?.Unroot();
                if (((PyObjectHead*)p)->ob_refcnt - census[p] > 0)
                {
                    roots.Add(GCHandle.Alloc(twin));
                }
            }
            // The census must not keep the twins alive itself: only the handles speak now.
            involved.Clear();
            censusArmed = true;
            FullCollection();
            releasedFromCensus = 0;
            ReleaseDeadPairs();
            return releasedFromCensus;
        }
        finally
        {
            censusArmed = false;
            census = null;
            pycapi_gc_free_edges(edges);
            foreach (var d in dependents)
            {
                d.Dispose();
            }
            foreach (var r in roots)
            {
                r.Free();
            }
        }
    }
}
